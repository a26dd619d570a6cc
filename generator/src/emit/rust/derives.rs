//! Extra derives computed from the types (`Eq`, `Hash`, `Default`, `schemars::JsonSchema`)
//! and the user's path-selected attributes.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use super::{Item, ItemKind, Plan, PlannedField};
use crate::ir::Type;
use crate::options::{matches_field, matches_type, Options};

/// The user's type attributes that select `item`.
pub(super) fn type_attributes(item: &Item, options: &Options) -> TokenStream {
    let model = item.model.as_deref().unwrap_or_default();
    let attrs = options
        .type_attributes
        .iter()
        .filter(|a| matches_type(&a.path, model, &item.ident))
        .map(|a| a.attribute.parse::<TokenStream>().unwrap_or_default());
    quote!(#( #attrs )*)
}

/// The user's field attributes that select field `f` of `item`.
pub(super) fn field_attributes(item: &Item, f: &PlannedField, options: &Options) -> TokenStream {
    let model = item.model.as_deref().unwrap_or_default();
    let attrs = options
        .field_attributes
        .iter()
        .filter(|a| matches_field(&a.path, model, &item.ident, &f.field.wire_name, &f.ident))
        .map(|a| a.attribute.parse::<TokenStream>().unwrap_or_default());
    quote!(#( #attrs )*)
}

/// Derives a struct gets beyond `Debug, Clone, PartialEq` (each followed by a comma).
pub(super) fn struct_derives(plan: &Plan, item: &Item, fields: &[PlannedField]) -> TokenStream {
    let mut out = TokenStream::new();
    if plan.options.derive_default_eq_hash {
        if plan.eq_hash.contains(&item.ident) {
            out.extend(quote!(Eq, Hash,));
        }
        // `Default` only where the all-absent object is valid: every field is an `Option`.
        if fields.iter().all(|f| !f.field.required || f.field.nullable) {
            out.extend(quote!(Default,));
        }
    }
    if plan.options.schemars {
        out.extend(quote!(schemars::JsonSchema,));
    }
    out
}

/// Derives an untagged union gets beyond `Debug, Clone, PartialEq`.
pub(super) fn union_derives(plan: &Plan, item: &Item) -> TokenStream {
    let mut out = TokenStream::new();
    if plan.options.derive_default_eq_hash && plan.eq_hash.contains(&item.ident) {
        out.extend(quote!(Eq, Hash,));
    }
    if plan.options.schemars {
        out.extend(quote!(schemars::JsonSchema,));
    }
    out
}

/// A hand-written `schemars::JsonSchema` (schemars 1) for types with custom serde.
pub(super) fn manual_json_schema(ident: &str, schema: &serde_json::Value) -> TokenStream {
    let name = super::ident(ident);
    let text = schema.to_string();
    quote! {
        #[allow(deprecated)]
        impl schemars::JsonSchema for #name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                #ident.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                serde_json::from_str(#text).unwrap_or_else(|_| schemars::Schema::from(true))
            }
        }
    }
}

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
        ItemKind::Literals(..) => true,
        ItemKind::Untagged(members) => members.iter().all(|(_, t)| ty_ok(t)),
        ItemKind::Alias(t) => ty_ok(t),
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
        Type::Ref(name) => match name.strip_prefix('\0') {
            Some(hoisted) => ok.contains(hoisted),
            None => idents.get(name).is_some_and(|i| ok.contains(i)),
        },
    }
}
