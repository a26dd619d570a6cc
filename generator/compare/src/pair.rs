//! Pairing models and fields of the two sides: by name, then through references.

use std::collections::BTreeMap;

use crate::normalize;
use modeldoc::ir::{ModelKind, Schema, Type};

/// Pairs items by exact name, then by normalised name (one to one, in order):
/// partner indices into `ys` for every item of `xs`.
pub(super) fn pair_by_name<T>(xs: &[T], ys: &[T], name: impl Fn(&T) -> &str) -> Vec<Option<usize>> {
    let mut partner: Vec<Option<usize>> = vec![None; xs.len()];
    let mut used = vec![false; ys.len()];
    for normalized in [false, true] {
        let key = |s: &str| {
            if normalized {
                normalize(s)
            } else {
                s.to_string()
            }
        };
        let mut free: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (j, y) in ys.iter().enumerate().rev().filter(|(j, _)| !used[*j]) {
            free.entry(key(name(y))).or_default().push(j);
        }
        for (i, x) in xs.iter().enumerate() {
            if partner[i].is_some() {
                continue;
            }
            if let Some(j) = free.get_mut(&key(name(x))).and_then(Vec::pop) {
                partner[i] = Some(j);
                used[j] = true;
            }
        }
    }
    partner
}

/// Splits `xs` and `ys` into pairs and leftovers by a partner list.
pub(super) fn split<'t, T>(
    xs: &'t [T],
    ys: &'t [T],
    partner: &[Option<usize>],
) -> (Vec<(&'t T, &'t T)>, Vec<&'t T>, Vec<&'t T>) {
    let mut used = vec![false; ys.len()];
    let mut pairs = Vec::new();
    let mut only_x = Vec::new();
    for (x, p) in xs.iter().zip(partner) {
        match p {
            Some(j) => {
                used[*j] = true;
                pairs.push((x, &ys[*j]));
            }
            None => only_x.push(x),
        }
    }
    let only_y = ys.iter().zip(used).filter(|(_, u)| !u).map(|(y, _)| y);
    (pairs, only_x, only_y.collect())
}

/// Pairs models left without a partner by name when paired fields refer to
/// them (`RelatedObject.metadata` → `RelatedObjectMetadata` in one SDK,
/// `Metadata` in another), until nothing changes.
pub(super) fn pair_by_reference(a: &Schema, b: &Schema, partner: &mut [Option<usize>]) {
    let index = |s: &Schema, name: &str| {
        s.models
            .binary_search_by(|m| m.name.as_str().cmp(name))
            .ok()
    };
    loop {
        let mut used = vec![false; b.models.len()];
        partner.iter().flatten().for_each(|&j| used[j] = true);
        let mut found = Vec::new();
        for (i, j) in partner
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, (*p)?)))
        {
            let (ModelKind::Object(x), ModelKind::Object(y)) =
                (&a.models[i].kind, &b.models[j].kind)
            else {
                continue;
            };
            let fields = pair_by_name(&x.fields, &y.fields, |f| &f.wire_name);
            for (fx, p) in x.fields.iter().zip(fields) {
                let Some(fy) = p.map(|p| &y.fields[p]) else {
                    continue;
                };
                parallel_refs(&fx.ty, &fy.ty, &mut found);
            }
        }
        let mut added = false;
        for (x, y) in found {
            if let (Some(i), Some(j)) = (index(a, x), index(b, y)) {
                if partner[i].is_none() && !used[j] {
                    partner[i] = Some(j);
                    used[j] = true;
                    added = true;
                }
            }
        }
        if !added {
            return;
        }
    }
}

/// Refs at the same place in two types of the same shape.
fn parallel_refs<'t>(a: &'t Type, b: &'t Type, out: &mut Vec<(&'t str, &'t str)>) {
    match (a, b) {
        (Type::Ref(x), Type::Ref(y)) => out.push((x, y)),
        (Type::Array(x), Type::Array(y))
        | (Type::Map(x), Type::Map(y))
        | (Type::Nullable(x), Type::Nullable(y)) => parallel_refs(x, y, out),
        (Type::Nullable(x), y) | (y, Type::Nullable(x)) if matches!(**x, Type::Ref(_)) => {
            parallel_refs(x, y, out)
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_pair_exactly_first_then_normalized_one_to_one() {
        assert_eq!(super::super::normalize("User_API-Key2"), "userapikey2");
        let xs = ["user_id", "UserId", "tags"];
        let ys = ["UserID", "user_id", "Tags", "extra"];
        let partner = pair_by_name(&xs, &ys, |s| s);
        assert_eq!(partner, [Some(1), Some(0), Some(2)]);
        let (pairs, only_x, only_y) = split(&xs, &ys, &partner);
        assert_eq!(pairs.len(), 3);
        assert!(only_x.is_empty());
        assert_eq!(only_y, [&"extra"]);
    }

    #[test]
    fn parallel_refs_follow_containers() {
        let r = |n: &str| Type::Ref(n.into());
        let a = Type::Array(Box::new(Type::Nullable(Box::new(r("X")))));
        let b = Type::Array(Box::new(r("Y")));
        let mut out = Vec::new();
        parallel_refs(&a, &b, &mut out);
        assert_eq!(out, [("X", "Y")]);
    }
}
