//! Rendering: a planned [`Item`] → tokens.
//!
//! Reads the plan ([`super::plan`]) and maps types through [`super::types`];
//! option-specific pieces live in the submodules (serde `rename_all` rules,
//! derives and user attributes, builders, open enums, literal enums, the
//! `serde_nulls` helper module).

use proc_macro2::TokenStream;
use quote::quote;

use super::plan::{lean_deserialize, lean_enum, Item, ItemKind, Plan, PlannedField, UnionVariant};
use super::tokens::{braced, deprecated_attr, doc_attrs, ident, variant_names_allow};
use super::types::RefStyle;
use crate::emit::names;
use crate::ir::Type;

mod builders;
mod derives;
mod lean_de;
pub(super) use lean_de::layout_tables;
mod lean_enum;
mod macro_text;
pub(super) use macro_text::{layout_macros, MacroText};
mod literals;
pub(super) mod nulls;
mod open_enum;
mod rename_all;

/// `use serde::{Deserialize, Serialize};` when an item of `items` derives them, less any
/// name a model shadows; `use super::serde_nulls;` when a struct of a module file
/// (`refs` is [`RefStyle::Super`]) has a `serde_struct!` table.
pub(super) fn imports(plan: &Plan, items: &[&Item], refs: RefStyle) -> TokenStream {
    let lean = |i: &&Item| match &i.kind {
        ItemKind::Struct { fields, additional } => {
            lean_deserialize(&plan.options, fields, additional.as_ref())
        }
        _ => false,
    };
    let derives = items.iter().any(|i| match &i.kind {
        ItemKind::Struct { .. } => !lean(i),
        ItemKind::Untagged(_) => true,
        ItemKind::Alias(_) | ItemKind::Same(_) => false,
        // Non-string and open enums implement serde by hand, lean ones by a table.
        ItemKind::Enum(values, open) => {
            values.iter().all(|v| v.value.is_string())
                && !(plan.options.open_enums || *open)
                && !lean_enum(&plan.options, i)
        }
        ItemKind::Const(value) => value.value.is_string(),
    });
    let tables = |i: &&Item| lean(i) || lean_enum(&plan.options, i);
    let helpers = (refs == RefStyle::Super && items.iter().any(tables)).then(|| {
        let module = ident(nulls::HELPERS);
        quote!(use super::#module;)
    });
    let paths = &plan.types.paths;
    // A shadowed name is written as a full path; the other one is still imported.
    let serde = match (
        derives && !paths.shadows("Deserialize"),
        derives && !paths.shadows("Serialize"),
    ) {
        (true, true) => quote! { use serde::{Deserialize, Serialize}; },
        (true, false) => quote! { use serde::Deserialize; },
        (false, true) => quote! { use serde::Serialize; },
        (false, false) => TokenStream::new(),
    };
    quote!(#serde #helpers)
}

/// The tokens of one item, referring to other models in `refs` style.
pub(super) fn item(plan: &Plan, item: &Item, refs: RefStyle) -> TokenStream {
    match &item.kind {
        ItemKind::Struct { fields, additional } => {
            render_struct(plan, item, fields, additional.as_ref(), refs)
        }
        ItemKind::Enum(values, open) => {
            if (plan.options.open_enums || *open) && values.iter().all(|v| v.value.is_string()) {
                open_enum::render(plan, item, values)
            } else {
                literals::render(plan, item, values)
            }
        }
        ItemKind::Const(value) => literals::render(plan, item, std::slice::from_ref(value)),
        ItemKind::Untagged(variants) => render_union(plan, item, variants, refs),
        ItemKind::Same(target) => {
            let name = ident(&item.ident);
            let doc = doc_attrs(item.doc.as_deref());
            let deprecated = deprecated_attr(item.deprecated);
            let allow = allow_deprecated(plan, item);
            let target = ident(target);
            let target = match refs {
                RefStyle::Local => quote!(#target),
                RefStyle::Super => quote!(super::#target),
            };
            quote! {
                #doc
                #deprecated
                #allow
                pub type #name = #target;
            }
        }
        ItemKind::Alias(t) => {
            let name = ident(&item.ident);
            let doc = doc_attrs(item.doc.as_deref());
            let ty = plan.types.rust_type(t, refs);
            let allow = allow_deprecated(plan, item);
            quote! {
                #doc
                #allow
                pub type #name = #ty;
            }
        }
    }
}

fn render_struct(
    plan: &Plan,
    item: &Item,
    planned: &[PlannedField],
    additional: Option<&Type>,
    refs: RefStyle,
) -> TokenStream {
    let name = ident(&item.ident);
    let doc = doc_attrs(item.doc.as_deref());
    let deprecated = deprecated_attr(item.deprecated);
    let ser = plan.types.paths.get("Serialize");
    let de = plan.types.paths.get("Deserialize");
    let options = &plan.options;
    let attrs = derives::type_attributes(item, options);
    let rule = rename_all::best_rule(
        rename_all::Target::Field,
        planned
            .iter()
            .map(|f| (names::unraw(&f.ident), f.field.wire_name.as_str())),
    );
    let lean = lean_deserialize(options, planned, additional);
    let fields = planned
        .iter()
        .map(|f| render_field(plan, item, f, refs, rule, lean));
    let rename_all = rule.map(|r| quote!(#[serde(rename_all = #r)]));
    let extra = additional.map(|t| {
        let ty = plan.types.rust_type(t, refs);
        let map = plan.types.map_type(plan.types.paths.get("String"), ty);
        let doc = " Properties not listed above.".to_string();
        quote! {
            #[doc = #doc]
            #[serde(flatten)]
            pub additional_properties: #map,
        }
    });
    let body = braced(fields.chain(extra));
    let allow = allow_deprecated(plan, item);
    let more = derives::struct_derives(plan, item, planned);
    let deny = (options.deny_unknown_fields && additional.is_none())
        .then(|| quote!(#[serde(deny_unknown_fields)]));
    let builder = options
        .builders
        .then(|| builders::render(plan, item, planned, additional.is_some(), refs));
    let (serde, table) = if lean {
        (TokenStream::new(), lean_de::render(item, planned))
    } else {
        (quote!(#ser, #de), TokenStream::new())
    };
    let (rename_all, deny) = if lean {
        (None, None)
    } else {
        (rename_all, deny)
    };
    // `more` ends with a comma; a struct with a table derives nothing after it.
    let derives = quote!(Debug, Clone, PartialEq, #more #serde);
    let derives: TokenStream = derives
        .to_string()
        .trim_end_matches([',', ' '])
        .parse()
        .expect("derive list");
    quote! {
        #doc
        #deprecated
        #allow
        #[derive(#derives)]
        #rename_all
        #deny
        #attrs
        pub struct #name #body
        #builder
        #table
    }
}

fn render_union(
    plan: &Plan,
    item: &Item,
    variants: &[UnionVariant],
    refs: RefStyle,
) -> TokenStream {
    let name = ident(&item.ident);
    let doc = doc_attrs(item.doc.as_deref());
    let deprecated = deprecated_attr(item.deprecated);
    let ser = plan.types.paths.get("Serialize");
    let de = plan.types.paths.get("Deserialize");
    let attrs = derives::type_attributes(item, &plan.options);
    let vs = variants.iter().map(|v| {
        let id = ident(&v.ident);
        let ty = plan.types.rust_type(&v.ty, refs);
        quote!(#id(#ty),)
    });
    let body = braced(vs);
    let allow = allow_deprecated(plan, item);
    let more = derives::union_derives(plan, item);
    let variant_names = variant_names_allow(&item.ident, variants.iter().map(|v| v.ident.as_str()));
    // Two or more object members (or arrays of objects): serde's first match would let a
    // member whose fields are all optional read any object; pick by the keys each member
    // knows instead.
    let with_keys = |items: bool| {
        variants
            .iter()
            .filter(|v| !v.keys.is_empty() && v.keys_of_items == items)
            .count()
    };
    if let Some(by_tag) = union_by_tag(plan, item, variants, &de) {
        return quote! {
            #doc
            #deprecated
            #allow
            #[derive(Debug, Clone, PartialEq, #more #ser)]
            #[serde(untagged)]
            #attrs
            #[allow(clippy::large_enum_variant)]
            #variant_names
            pub enum #name #body

            #by_tag
        };
    }
    let by_keys = with_keys(false) >= 2 || with_keys(true) >= 2;
    let tried = union_tried(plan, item, variants, &de, by_keys, refs);
    quote! {
        #doc
        #deprecated
        #allow
        #[derive(Debug, Clone, PartialEq, #more #ser)]
        #[serde(untagged)]
        #attrs
        #[allow(clippy::large_enum_variant)]
        #variant_names
        pub enum #name #body

        #tried
    }
}

/// The name a union's error messages give a member: its model, else its variant.
fn member_name(v: &UnionVariant) -> String {
    match &v.ty {
        Type::Ref(m) => m.clone(),
        _ => v.ident.clone(),
    }
}

/// `Deserialize` for a tagged union: a known tag value selects the one member read, and
/// an error names the union, the tag value, the member and the member's own error. A
/// value without a known tag is read by the first member that reads it (a member's tag
/// may be optional or an open enum), else the error names the values expected: what
/// the JSON Schema's `anyOf` with one `if`/`then` per tag value accepts.
fn union_by_tag(
    plan: &Plan,
    item: &Item,
    variants: &[UnionVariant],
    de: &TokenStream,
) -> Option<TokenStream> {
    let property = variants.first()?.tag.as_ref()?.0.clone();
    let name = ident(&item.ident);
    let result = plan.types.paths.get("Result");
    let union = &item.ident;
    let mut expected = Vec::new();
    let mut arms = Vec::new();
    for v in variants {
        let id = ident(&v.ident);
        let member = member_name(v);
        for value in v.tag.iter().flat_map(|(_, values)| values) {
            expected.push(format!("{value:?}"));
            let context = format_string(&[
                &format!("{union}: {property} {value:?} selects {member}: "),
                "",
            ]);
            arms.push(quote! {
                #value => {
                    return serde_json::from_value(value)
                        .map(Self::#id)
                        .map_err(|e| serde::de::Error::custom(format_args!(#context, e)));
                }
            });
        }
    }
    let expected = expected.join(", ");
    let unknown = format_string(&[
        &format!("{union}: unknown {property} "),
        &format!(", expected one of {expected}"),
    ]);
    let untagged = variants.iter().map(|v| {
        let id = ident(&v.ident);
        quote! {
            if let Ok(v) = serde_json::from_value(value.clone()) {
                return Ok(Self::#id(v));
            }
        }
    });
    let missing =
        format!("{union}: missing {property} (one of {expected}), and no member reads the value");
    let allow = allow_deprecated(plan, item);
    Some(quote! {
        #allow
        impl<'de> #de<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                let value = <serde_json::Value as #de>::deserialize(deserializer)?;
                let tag = value.get(#property).cloned();
                if let Some(serde_json::Value::String(tag)) = &tag {
                    match tag.as_str() {
                        #(#arms)*
                        _ => {}
                    }
                }
                // No known tag: a member that reads the value anyway (an open tag enum,
                // a tag some member leaves optional), as the JSON Schema's `anyOf` allows.
                #(#untagged)*
                Err(match tag {
                    Some(tag) => serde::de::Error::custom(format_args!(#unknown, tag)),
                    None => serde::de::Error::custom(#missing),
                })
            }
        }
    })
}

/// A `format_args!` string: the literal `parts` (braces escaped) with a `{}` between each two.
fn format_string(parts: &[&str]) -> String {
    let escaped: Vec<String> = parts
        .iter()
        .map(|p| p.replace('{', "{{").replace('}', "}}"))
        .collect();
    escaped.join("{}")
}

/// `Deserialize` for an untagged union: the list of its members handed to the output's
/// generic reader (`serde_nulls::untagged`), which tries each on the value and, when none
/// reads it, names the union and each member tried with its first error.
///
/// With two or more object members (or arrays of objects) serde's first match would let
/// a member whose fields are all optional read any object, so `by_keys` tries members in
/// order of how many of the value's keys they declare (specificity order on ties): the
/// member the value was written for wins, and when it alone knows the most keys the
/// error says the keys selected it. What is accepted is unchanged (any member that reads
/// the value), as in the JSON Schema's `anyOf`/`oneOf`.
fn union_tried(
    plan: &Plan,
    item: &Item,
    variants: &[UnionVariant],
    de: &TokenStream,
    by_keys: bool,
    refs: RefStyle,
) -> TokenStream {
    let name = ident(&item.ident);
    let result = plan.types.paths.get("Result");
    let helpers: TokenStream = nulls::path(refs).parse().expect("a module path");
    let union = &item.ident;
    let members = variants.iter().map(|v| {
        let id = ident(&v.ident);
        let member = member_name(v);
        let keys = &v.keys;
        let of_items = v.keys_of_items;
        quote!((#member, &[#(#keys),*], #of_items, |v| #de::deserialize(v).map(Self::#id)),)
    });
    let allow = allow_deprecated(plan, item);
    quote! {
        #allow
        impl<'de> #de<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                #helpers::untagged(deserializer, #union, &[#(#members)*], #by_keys)
            }
        }
    }
}

/// Fields of a struct that is itself deprecated, that has deprecated fields or
/// that uses a deprecated type must not warn when derived.
fn allow_deprecated(plan: &Plan, item: &Item) -> TokenStream {
    let has_deprecated_field = matches!(&item.kind, ItemKind::Struct { fields, .. } if fields.iter().any(|f| f.field.deprecated));
    if item.deprecated || has_deprecated_field || uses_deprecated_type(plan, item) {
        quote!(#[allow(deprecated)])
    } else {
        TokenStream::new()
    }
}

/// Whether a type the item refers to is a deprecated item.
fn uses_deprecated_type(plan: &Plan, item: &Item) -> bool {
    let deprecated = |t: &Type| {
        let mut found = false;
        t.visit(&mut |t| {
            if let Type::Ref(model) = t {
                found |= plan
                    .types
                    .idents
                    .get(model)
                    .is_some_and(|ident| plan.deprecated.contains(ident));
            }
        });
        found
    };
    match &item.kind {
        ItemKind::Struct { fields, additional } => {
            fields.iter().any(|f| deprecated(&f.ty)) || additional.as_ref().is_some_and(deprecated)
        }
        ItemKind::Untagged(variants) => variants.iter().any(|v| deprecated(&v.ty)),
        ItemKind::Alias(t) => deprecated(t),
        ItemKind::Same(target) => plan.deprecated.contains(target),
        ItemKind::Enum(..) | ItemKind::Const(_) => false,
    }
}

fn render_field(
    plan: &Plan,
    item: &Item,
    f: &PlannedField,
    refs: RefStyle,
    rule: Option<&str>,
    lean: bool,
) -> TokenStream {
    let field = &f.field;
    let paths = &plan.types.paths;
    let name = ident(&f.ident);
    let doc = doc_attrs(field.description.as_deref());
    let deprecated = deprecated_attr(field.deprecated);
    let mut inner = plan
        .types
        .field_type(field, &f.ty, refs, plan.options.strict_types);
    if f.boxed {
        let boxed = paths.get("Box");
        inner = quote!(#boxed<#inner>);
    }
    let option = paths.get("Option");
    let mut serde_args: Vec<TokenStream> = Vec::new();
    let wire = &field.wire_name;
    if !rename_all::names_right(
        rename_all::Target::Field,
        rule,
        names::unraw(&f.ident),
        wire,
    ) {
        serde_args.push(quote!(rename = #wire));
    }
    let is_none = format!("{}::is_none", paths.as_str("Option"));
    let mut schemars_with = None;
    let ty = match (field.required, field.nullable) {
        (true, false) => inner,
        (true, true) => {
            // Present but possibly null: without `deserialize_with`, serde would accept a missing key.
            let with = format!("{}::deserialize", paths.as_str("Option"));
            serde_args.push(quote!(deserialize_with = #with));
            quote!(#option<#inner>)
        }
        (false, nullable) => {
            // Absent is `None`; an explicit `null` is rejected unless the field is nullable,
            // where it becomes `Some(None)`.
            let helper = nulls::path(refs);
            serde_args.push(quote!(default));
            serde_args.push(quote!(skip_serializing_if = #is_none));
            if nullable {
                let with = format!("{helper}::double_option");
                serde_args.push(quote!(with = #with));
                let ty = quote!(#option<#option<#inner>>);
                // schemars reads serde's `with` as a type; name the real one.
                schemars_with = plan.options.schemars.then(|| {
                    let text = ty.to_string();
                    quote!(#[schemars(with = #text)])
                });
                ty
            } else {
                let with = format!("{helper}::non_null");
                serde_args.push(quote!(deserialize_with = #with));
                quote!(#option<#inner>)
            }
        }
    };
    // A struct with a `serde_struct!` table has no serde attributes: the table says it all.
    let serde = if serde_args.is_empty() || lean {
        TokenStream::new()
    } else {
        quote!(#[serde( #( #serde_args ),* )])
    };
    let attrs = derives::field_attributes(item, f, &plan.options);
    let mut out = doc;
    out.extend([deprecated, serde]);
    out.extend(schemars_with);
    out.extend(attrs);
    out.extend(quote!(pub #name: #ty,));
    out
}

#[cfg(test)]
mod tests;
