//! Extra derives (`Eq`, `Hash`, `Default`, `schemars::JsonSchema`; which items may
//! derive `Eq` and `Hash` is planned) and the user's path-selected attributes.

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::rust::plan::{Item, Plan, PlannedField};
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
