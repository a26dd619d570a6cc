//! Pairing the models and fields of two doc sets of one API.
//!
//! Models pair in stages, each over the models the previous ones left alone
//! and always one to one:
//!
//! 1. by exact name, then by [`normalize`]d name;
//! 2. through references: when paired fields refer to unpaired models, those
//!    pair (`RelatedObject.metadata` → `RelatedObjectMetadata` in one SDK,
//!    `Metadata` in another);
//! 3. by name with the SDK renames undone ([`rename_stem`]): a reserved-word
//!    suffix (`EnumT`, `Class_`), a doubled last word (Python's operation
//!    `ChatRequestRequest` next to a component `ChatRequest`) and the numeric
//!    suffix a name clash gets (`ChatRequest2`), when the stem is unique on both sides;
//! 4. by structure: objects with the same normalised field names, enums with
//!    the same values, when unique on both sides;
//!
//! and stage 2 runs again after 3 and 4. Fields pair by wire name, exact then
//! normalised (`created_at` = `CreatedAt`).

use std::collections::BTreeMap;

use crate::ir::{Model, ModelKind, Schema, Type};

/// Lowercase ASCII alphanumerics only: `User_API-Key` → `userapikey`.
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A model name with the renames SDK generators apply undone, normalised:
/// a reserved-word suffix (`EnumT` → `enum`, `class_` → `class`), a doubled
/// last word (`ChatRequestRequest` → `chatrequest`) and a numeric clash
/// suffix (`ChatRequest2` → `chatrequest`).
pub fn rename_stem(name: &str) -> String {
    let mut name = name.trim_end_matches('_');
    name = name.trim_end_matches(|c: char| c.is_ascii_digit());
    // `EnumT`, `ErrorT`, `FileT`: a capital T after a lowercase letter.
    let bytes = name.as_bytes();
    if bytes.len() > 2
        && bytes[bytes.len() - 1] == b'T'
        && bytes[bytes.len() - 2].is_ascii_lowercase()
    {
        name = &name[..name.len() - 1];
    }
    let words = camel_words(name);
    let mut stem = normalize(name);
    if let [.., x, y] = words.as_slice() {
        if x.eq_ignore_ascii_case(y) {
            stem.truncate(stem.len() - normalize(y).len());
        }
    }
    stem
}

/// `ChatRequestRequest` → `["Chat", "Request", "Request"]`; separators split too.
fn camel_words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = None;
    let mut prev_lower = false;
    for (i, c) in name.char_indices() {
        if !c.is_ascii_alphanumeric() {
            if let Some(s) = start.take() {
                words.push(&name[s..i]);
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            if let Some(s) = start {
                words.push(&name[s..i]);
            }
            start = Some(i);
        } else if start.is_none() {
            start = Some(i);
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    if let Some(s) = start {
        words.push(&name[s..]);
    }
    words
}

/// Pairs the models of `a` with those of `b`: partner indices into `b.models`
/// for every model of `a` (see the module documentation for the stages).
pub fn pair_models(a: &Schema, b: &Schema) -> Vec<Option<usize>> {
    let mut partner = pair_by_name(&a.models, &b.models, |m| &m.name);
    pair_by_reference(a, b, &mut partner);
    pair_leftovers(&a.models, &b.models, &mut partner, |m| {
        Some(rename_stem(&m.name))
    });
    pair_leftovers(&a.models, &b.models, &mut partner, structure_key);
    pair_by_reference(a, b, &mut partner);
    partner
}

/// Pairs still unpaired models whose `key` is equal and unique among the
/// unpaired models of each side.
fn pair_leftovers(
    xs: &[Model],
    ys: &[Model],
    partner: &mut [Option<usize>],
    key: impl Fn(&Model) -> Option<String>,
) {
    let mut used = vec![false; ys.len()];
    partner.iter().flatten().for_each(|&j| used[j] = true);
    let mut by_key: BTreeMap<String, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, x) in xs.iter().enumerate().filter(|(i, _)| partner[*i].is_none()) {
        if let Some(k) = key(x) {
            by_key.entry(k).or_default().0.push(i);
        }
    }
    for (j, y) in ys.iter().enumerate().filter(|(j, _)| !used[*j]) {
        if let Some(k) = key(y) {
            by_key.entry(k).or_default().1.push(j);
        }
    }
    for (is, js) in by_key.values() {
        if let ([i], [j]) = (is.as_slice(), js.as_slice()) {
            partner[*i] = Some(*j);
        }
    }
}

/// What identifies a model by its contents: the sorted normalised field names
/// of an object (two fields at least) or the sorted values of an enum (two at least).
fn structure_key(m: &Model) -> Option<String> {
    let mut items: Vec<String> = match &m.kind {
        ModelKind::Object(o) => o.fields.iter().map(|f| normalize(&f.wire_name)).collect(),
        ModelKind::Enum(e) => e.values.iter().map(|v| v.value.to_string()).collect(),
        _ => return None,
    };
    if items.len() < 2 {
        return None;
    }
    items.sort();
    let tag = if matches!(m.kind, ModelKind::Object(_)) {
        "object"
    } else {
        "enum"
    };
    Some(format!("{tag}:{}", items.join("\u{1}")))
}

/// Pairs items by exact name, then by normalised name (one to one, in order):
/// partner indices into `ys` for every item of `xs`.
pub fn pair_by_name<T>(xs: &[T], ys: &[T], name: impl Fn(&T) -> &str) -> Vec<Option<usize>> {
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
pub fn split<'t, T>(
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
pub fn pair_by_reference(a: &Schema, b: &Schema, partner: &mut [Option<usize>]) {
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
            if let (Some(i), Some(j)) = (a.model_index(x), b.model_index(y)) {
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
    use crate::ir::{test_values, Enum, EnumValue};

    #[test]
    fn names_pair_exactly_first_then_normalized_one_to_one() {
        assert_eq!(normalize("User_API-Key2"), "userapikey2");
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

    #[test]
    fn rename_stems_undo_sdk_renames() {
        assert_eq!(rename_stem("EnumT"), "enum");
        assert_eq!(rename_stem("ErrorT"), "error");
        assert_eq!(rename_stem("class_"), "class");
        assert_eq!(rename_stem("ChatRequestRequest"), "chatrequest");
        assert_eq!(rename_stem("ChatRequest2"), "chatrequest");
        assert_eq!(rename_stem("UserAPIKey"), "userapikey");
        assert_eq!(rename_stem("IOT"), "iot");
        assert_eq!(camel_words("get_chat-Files"), ["get", "chat", "Files"]);
    }

    fn model(name: &str, kind: ModelKind) -> Model {
        Model {
            kind,
            ..test_values::object(name, Vec::new())
        }
    }

    fn object(name: &str, fields: &[(&str, Type)]) -> Model {
        let fields = fields
            .iter()
            .map(|(n, ty)| test_values::field(n, ty.clone(), true))
            .collect();
        test_values::object(name, fields)
    }

    fn schema(mut models: Vec<Model>) -> Schema {
        models.sort_by(|a, b| a.name.cmp(&b.name));
        Schema { models }
    }

    #[test]
    fn models_pair_by_name_reference_rename_and_structure() {
        let r = |n: &str| Type::Ref(n.into());
        let e = |vs: &[&str]| {
            ModelKind::Enum(Enum {
                values: vs
                    .iter()
                    .map(|v| EnumValue {
                        name: None,
                        value: (*v).into(),
                    })
                    .collect(),
                open: false,
                value_type_unstated: false,
            })
        };
        let a = schema(vec![
            object("User", &[("meta", r("UserMeta"))]),
            object("UserMeta", &[("a", Type::STRING)]),
            object("ChatRequest", &[("q", Type::STRING)]),
            object("ChatRequestRequest", &[("body", r("ChatRequest"))]),
            model("Colour", e(&["red", "green"])),
            object("Lonely", &[("x", Type::STRING)]),
        ]);
        let b = schema(vec![
            object("user", &[("Meta", r("Metadata"))]),
            object("Metadata", &[("A", Type::STRING)]),
            object("ChatRequest", &[("Q", Type::STRING)]),
            object("ChatRequest2", &[("Body", r("ChatRequest"))]),
            model("Color", e(&["green", "red"])),
            object("Other", &[("y", Type::STRING)]),
        ]);
        let partner = pair_models(&a, &b);
        let pairs: Vec<(&str, &str)> = a
            .models
            .iter()
            .zip(&partner)
            .filter_map(|(m, p)| Some((m.name.as_str(), b.models[(*p)?].name.as_str())))
            .collect();
        assert_eq!(
            pairs,
            [
                ("ChatRequest", "ChatRequest"),
                ("ChatRequestRequest", "ChatRequest2"),
                ("Colour", "Color"),
                ("User", "user"),
                ("UserMeta", "Metadata"),
            ]
        );
    }
}
