//! Identical items generated once: an item with the same shape as an earlier one
//! becomes `pub type Later = Earlier;`.
//!
//! Doc sets repeat themselves: StackOne's docs define the same 800-value file-format
//! enum twelve times under twelve names, and whole request models per endpoint. Each
//! copy costs the compiler as much as the original; an alias costs nothing, and the
//! name, its doc comment and its behaviour (same fields, wire names, serde code) stay.
//! What changes: `Debug` prints the first item's name, and the two names are one
//! type (one cannot implement a trait for both).
//!
//! The shape is everything rendered except the item's own name and doc comment, with
//! references to already aliased items read through the alias, repeated until nothing
//! changes (two structs whose fields refer to two identical enums are identical once
//! the enums are). Off when user attributes or schemars could tell the copies apart.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use super::{Item, ItemKind};
use crate::emit::rust::types::as_hoisted;
use crate::ir::Type;
use crate::options::Options;

/// Turns every item identical to an earlier one into [`ItemKind::Same`] as that item.
pub(super) fn dedupe(items: &mut [Item], idents: &BTreeMap<String, String>, options: &Options) {
    if options.schemars
        || !options.type_attributes.is_empty()
        || !options.field_attributes.is_empty()
    {
        return;
    }
    // Rust identifier → the identifier of the identical earlier item.
    let mut same: HashMap<String, String> = HashMap::new();
    loop {
        let mut first: HashMap<String, &str> = HashMap::new();
        let mut found = Vec::new();
        for item in items.iter() {
            if same.contains_key(&item.ident) {
                continue;
            }
            let key = shape(item, &same, idents);
            match first.get(key.as_str()) {
                Some(earlier) => found.push((item.ident.clone(), earlier.to_string())),
                None => {
                    first.insert(key, &item.ident);
                }
            }
        }
        if found.is_empty() {
            break;
        }
        same.extend(found);
    }
    for item in items.iter_mut() {
        if let Some(mut target) = same.get(&item.ident) {
            // An earlier item may itself have become an alias in a later round.
            while let Some(t) = same.get(target) {
                target = t;
            }
            item.kind = ItemKind::Same(target.clone());
        }
    }
}

/// What the item renders to, less its name and doc comment.
fn shape(item: &Item, same: &HashMap<String, String>, idents: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let _ = write!(out, "{}:", item.deprecated);
    let ty = |out: &mut String, t: &Type| type_shape(out, t, same, idents);
    match &item.kind {
        ItemKind::Struct { fields, additional } => {
            out.push_str("struct{");
            for f in fields {
                let x = f.field;
                let _ = write!(
                    out,
                    "{}|{}|{}|{}|{:?}|{}|{:?}|{:?}|{}|{}|{:?}|",
                    f.ident,
                    x.wire_name,
                    x.required,
                    x.nullable,
                    x.description,
                    x.deprecated,
                    x.examples,
                    x.default,
                    x.read_only,
                    f.boxed,
                    x.unstated
                );
                ty(&mut out, &f.ty);
                out.push(';');
            }
            out.push('}');
            if let Some(t) = additional {
                ty(&mut out, t);
            }
        }
        ItemKind::Enum(variants, open) => {
            let _ = write!(out, "enum{open}{variants:?}");
        }
        ItemKind::Const(variant) => {
            let _ = write!(out, "const{variant:?}");
        }
        ItemKind::Untagged(variants) => {
            out.push_str("union{");
            for v in variants {
                let _ = write!(out, "{}{:?}:", v.ident, v.keys);
                ty(&mut out, &v.ty);
                out.push(';');
            }
            out.push('}');
        }
        ItemKind::Alias(t) => {
            out.push_str("alias=");
            ty(&mut out, t);
        }
        ItemKind::Same(target) => {
            let _ = write!(out, "same={target}");
        }
    }
    out
}

/// A type with every reference written as the identifier it resolves to.
fn type_shape(
    out: &mut String,
    t: &Type,
    same: &HashMap<String, String>,
    idents: &BTreeMap<String, String>,
) {
    match t {
        Type::Array(inner) => {
            out.push('[');
            type_shape(out, inner, same, idents);
            out.push(']');
        }
        Type::Map(inner) => {
            out.push('{');
            type_shape(out, inner, same, idents);
            out.push('}');
        }
        Type::Nullable(inner) => {
            out.push('?');
            type_shape(out, inner, same, idents);
        }
        Type::Ref(name) => {
            let ident = match as_hoisted(name) {
                Some(h) => h,
                None => idents.get(name).map_or(name.as_str(), String::as_str),
            };
            let mut ident = ident;
            while let Some(t) = same.get(ident) {
                ident = t;
            }
            let _ = write!(out, "&{ident}");
        }
        other => {
            let _ = write!(out, "{other:?}");
        }
    }
}
