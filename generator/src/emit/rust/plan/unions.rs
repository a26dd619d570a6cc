//! Unions: which member serde tries first, what each variant is called, and which tag
//! values select it.

use std::collections::BTreeMap;

use super::{UnionVariant, VariantTag};
use crate::emit::names::{self, Unique};
use crate::emit::rust::types::as_hoisted;
use crate::ir::{Discriminator, Format, ModelKind, Schema, Type};

/// Variant names and order for an untagged union: the most specific member first
/// (serde takes the first variant that reads the value).
///
/// In a tagged union every variant also carries the tag values that select it.
pub(super) fn union_variants(
    schema: &Schema,
    union: &str,
    members: Vec<Type>,
    discriminator: Option<&Discriminator>,
    idents: &BTreeMap<String, String>,
) -> Vec<UnionVariant> {
    let mut ranked: Vec<(usize, usize, Type, Option<VariantTag>)> = members
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let (rank, weight) = specificity(schema, &t);
            let tag = discriminator.map(|d| {
                let values = d.mapping.iter().filter(|(_, m)| *m == i);
                (d.property.clone(), values.map(|(v, _)| v.clone()).collect())
            });
            (rank, usize::MAX - weight, t, tag)
        })
        .collect();
    // Stable: members of equal specificity keep the docs' order.
    ranked.sort_by_key(|&(r, w, _, _)| (r, w));
    let mut unique = Unique::default();
    ranked
        .into_iter()
        .map(|(_, _, ty, tag)| {
            let (keys, keys_of_items) = match &ty {
                Type::Array(item) => (object_keys(schema, item), true),
                _ => (object_keys(schema, &ty), false),
            };
            UnionVariant {
                ident: unique.claim(match &ty {
                    // A hoisted member's variant keeps its item's name (`OutputMember2`).
                    Type::Ref(name) if as_hoisted(name).is_none() => {
                        without_prefix(union, variant_name(&ty, idents))
                    }
                    _ => variant_name(&ty, idents),
                }),
                keys,
                keys_of_items,
                ty,
                tag,
            }
        })
        .collect()
}

/// The wire names of an object member's fields (none for other members).
fn object_keys(schema: &Schema, t: &Type) -> Vec<String> {
    match t {
        Type::Ref(name) => match schema.model(name).map(|m| &m.kind) {
            Some(ModelKind::Object(o)) => o.fields.iter().map(|f| f.wire_name.clone()).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// (rank, weight): lower rank is tried first; within a rank, higher weight first.
fn specificity(schema: &Schema, t: &Type) -> (usize, usize) {
    match t {
        Type::Const(_) | Type::Enum(_) => (0, 0),
        Type::Ref(name) if as_hoisted(name).is_some() => (0, 0),
        // Arrays before structs: serde's derived structs also read an array (by
        // position), so a struct tried first would capture `[]` meant for the array.
        Type::Array(_) => (1, 0),
        Type::Ref(name) => match schema.model(name).map(|m| &m.kind) {
            Some(ModelKind::Enum(_)) => (0, 0),
            Some(ModelKind::Object(o)) => {
                let required = o.fields.iter().filter(|f| f.required).count();
                (2, required * 1000 + o.fields.len())
            }
            _ => (3, 0),
        },
        Type::Nullable(inner) => specificity(schema, inner),
        Type::Integer(_) => (4, 0),
        Type::Number(_) => (5, 0),
        Type::Boolean => (6, 0),
        Type::String(_) => (7, 0),
        Type::Map(_) => (8, 0),
        Type::Union(_) => (9, 0),
        Type::Any | Type::Pending(_) => (10, 0),
    }
}

/// A variant name without the union's own name in front (`Output::OutputSentinel` →
/// `Output::Sentinel`), where what is left is a clean identifier.
fn without_prefix(union: &str, name: String) -> String {
    match name.strip_prefix(union) {
        Some(rest)
            if rest.starts_with(|c: char| c.is_ascii_uppercase())
                && rest != "Self"
                && rest.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            rest.to_string()
        }
        _ => name,
    }
}

/// The variant name of a member: its type's name (`String`, `ArrayOfUser`, `User`).
fn variant_name(t: &Type, idents: &BTreeMap<String, String>) -> String {
    match t {
        Type::String(Some(Format::Date)) => "Date".into(),
        Type::String(Some(Format::DateTime)) => "DateTime".into(),
        Type::String(_) => "String".into(),
        Type::Integer(_) => "Integer".into(),
        Type::Number(_) => "Number".into(),
        Type::Boolean => "Boolean".into(),
        Type::Any | Type::Pending(_) => "Any".into(),
        Type::Array(inner) => format!("ArrayOf{}", variant_name(inner, idents)),
        Type::Map(inner) => format!("MapOf{}", variant_name(inner, idents)),
        Type::Ref(name) => match as_hoisted(name) {
            Some(hoisted) => hoisted.to_string(),
            None => idents
                .get(name)
                .cloned()
                .unwrap_or_else(|| names::type_name(name)),
        },
        Type::Nullable(inner) => format!("Nullable{}", variant_name(inner, idents)),
        Type::Const(_) | Type::Enum(_) | Type::Union(_) => "Value".into(),
    }
}
