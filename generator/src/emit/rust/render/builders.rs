//! Optional builders: `new(required fields)` plus a `with_<field>` setter per other field.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::names;
use crate::emit::rust::plan::{Item, Plan, PlannedField};
use crate::emit::rust::tokens::ident;
use crate::emit::rust::types::RefStyle;

/// The `impl` block with `new` and the setters of one struct.
pub(super) fn render(
    plan: &Plan,
    item: &Item,
    fields: &[PlannedField],
    has_additional: bool,
    refs: RefStyle,
) -> TokenStream {
    let name = ident(&item.ident);
    let option = plan.types.paths.get("Option");
    let inner = |f: &PlannedField| {
        let ty = plan
            .types
            .field_type(f.field, &f.ty, refs, plan.options.strict_types);
        if f.boxed {
            let boxed = plan.types.paths.get("Box");
            quote!(#boxed<#ty>)
        } else {
            ty
        }
    };
    let is_required = |f: &PlannedField| f.field.required && !f.field.nullable;
    let params = fields.iter().filter(|f| is_required(f)).map(|f| {
        let id = ident(&f.ident);
        let ty = inner(f);
        quote!(#id: #ty)
    });
    let inits = fields.iter().map(|f| {
        let id = ident(&f.ident);
        if is_required(f) {
            quote!(#id)
        } else {
            quote!(#id: #option::None)
        }
    });
    let additional = has_additional.then(|| quote!(additional_properties: Default::default(),));
    let setters = fields.iter().filter(|f| !is_required(f)).map(|f| {
        let id = ident(&f.ident);
        let setter = format_ident!("with_{}", names::unraw(&f.ident));
        let ty = inner(f);
        let (param, doc) = if !f.field.required && f.field.nullable {
            (
                quote!(#option<#ty>),
                format!(" Sets `{}` (`None` sends `null`).", f.field.wire_name),
            )
        } else {
            (quote!(#ty), format!(" Sets `{}`.", f.field.wire_name))
        };
        quote! {
            #[doc = #doc]
            pub fn #setter(mut self, value: #param) -> Self {
                self.#id = #option::Some(value);
                self
            }
        }
    });
    let count = fields.iter().filter(|f| is_required(f)).count();
    let many = match count {
        0 => Some(quote!(#[allow(clippy::new_without_default)])),
        8.. => Some(quote!(#[allow(clippy::too_many_arguments)])),
        _ => None,
    };
    let new_doc = format!(
        " Creates a `{}` from its required fields; every other field is `None`.",
        item.ident
    );
    quote! {
        #[allow(deprecated)]
        impl #name {
            #[doc = #new_doc]
            #many
            pub fn new(#( #params ),*) -> Self {
                Self { #( #inits, )* #additional }
            }
            #( #setters )*
        }
    }
}
