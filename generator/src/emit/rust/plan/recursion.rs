//! Recursive fields: a struct that contains itself without a `Vec` or map in
//! between has infinite size unless the field is boxed.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::ir::{ModelKind, Schema, Type};

/// (model, wire name) of the fields whose type leads back to their own model
/// without a `Vec`/map in between: they need a `Box`.
pub(super) fn recursive_edges(schema: &Schema) -> HashSet<(String, String)> {
    // direct (unboxed) edges between models
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for m in &schema.models {
        let targets = edges.entry(m.name.as_str()).or_default();
        crate::ir::for_each_type(m, |t| {
            direct_refs(t, &mut |r| {
                targets.insert(r);
            })
        });
    }
    let reaches = |from: &str, to: &str| -> bool {
        let mut seen = HashSet::new();
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n) {
                if let Some(next) = edges.get(n) {
                    stack.extend(next.iter().copied());
                }
            }
        }
        false
    };
    let mut out = HashSet::new();
    for m in &schema.models {
        if let ModelKind::Object(o) = &m.kind {
            for f in &o.fields {
                let mut cyclic = false;
                direct_refs(&f.ty, &mut |r| cyclic |= reaches(r, &m.name));
                if cyclic {
                    out.insert((m.name.clone(), f.wire_name.clone()));
                }
            }
        }
    }
    out
}

/// Calls `f` on refs reachable without passing through an array or a map.
fn direct_refs<'a>(t: &'a Type, f: &mut impl FnMut(&'a str)) {
    match t {
        Type::Ref(name) => f(name),
        Type::Nullable(inner) => direct_refs(inner, f),
        Type::Union(members) => members.iter().for_each(|m| direct_refs(m, f)),
        _ => {}
    }
}
