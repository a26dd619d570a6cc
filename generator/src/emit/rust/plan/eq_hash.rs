//! Which items may derive `Eq` and `Hash` (the `derive_default_eq_hash` option).

use std::collections::{BTreeMap, BTreeSet};

use super::{Item, ItemKind};
use crate::emit::rust::types::as_hoisted;
use crate::ir::Type;
use crate::options::Options;

/// The items (by Rust identifier) whose every contained type implements `Eq` and `Hash`:
/// no `f64`, no `serde_json::Value`, no maps. Recursive types are fine (greatest fixpoint).
pub(super) fn eq_hash_items(
    items: &[Item],
    idents: &BTreeMap<String, String>,
    options: &Options,
) -> BTreeSet<String> {
    if !options.derive_default_eq_hash {
        return BTreeSet::new();
    }
    let mut ok: BTreeSet<String> = items.iter().map(|i| i.ident.clone()).collect();
    loop {
        let next: BTreeSet<String> = items
            .iter()
            .filter(|i| item_eq_hash(i, &ok, idents))
            .map(|i| i.ident.clone())
            .collect();
        if next == ok {
            return ok;
        }
        ok = next;
    }
}

fn item_eq_hash(item: &Item, ok: &BTreeSet<String>, idents: &BTreeMap<String, String>) -> bool {
    let ty_ok = |t: &Type| type_eq_hash(t, ok, idents);
    match &item.kind {
        ItemKind::Struct { fields, additional } => {
            additional.is_none() && fields.iter().all(|f| ty_ok(&f.ty))
        }
        ItemKind::Enum(..) | ItemKind::Const(_) => true,
        ItemKind::Untagged(variants) => variants.iter().all(|v| ty_ok(&v.ty)),
        ItemKind::Alias(t) => ty_ok(t),
        ItemKind::Same(target) => ok.contains(target),
    }
}

fn type_eq_hash(t: &Type, ok: &BTreeSet<String>, idents: &BTreeMap<String, String>) -> bool {
    match t {
        Type::String(_) | Type::Integer(_) | Type::Boolean => true,
        Type::Number(_)
        | Type::Any
        | Type::Pending(_)
        | Type::Const(_)
        | Type::Enum(_)
        | Type::Union(_) => false,
        Type::Map(_) => false,
        Type::Array(inner) | Type::Nullable(inner) => type_eq_hash(inner, ok, idents),
        Type::Ref(name) => match as_hoisted(name) {
            Some(hoisted) => ok.contains(hoisted),
            None => idents.get(name).is_some_and(|i| ok.contains(i)),
        },
    }
}
