//! The `serde_nulls` module of the output: serde helpers that keep `null` and an
//! absent key apart for optional fields.

use proc_macro2::TokenStream;
use quote::quote;

use super::macro_text::MacroText;
use crate::emit::rust::plan::Helpers;
use crate::emit::rust::tokens::ident;
use crate::emit::rust::types::{Paths, RefStyle};

/// The module of serde helpers for optional fields, emitted once per output when needed.
pub(in crate::emit::rust) const HELPERS: &str = "serde_nulls";

/// The path of the helper module from an item emitted in `refs` style.
pub(in crate::emit::rust) fn path(refs: RefStyle) -> String {
    match refs {
        RefStyle::Local => HELPERS.to_string(),
        RefStyle::Super => format!("super::{HELPERS}"),
    }
}

/// The helper module with the functions `used` names, and the formatted text of its
/// macros (for [`super::layout_macros`]).
pub(in crate::emit::rust) fn module(
    paths: &Paths,
    used: Helpers,
    deny_unknown_fields: bool,
) -> (TokenStream, Vec<MacroText>) {
    let option = paths.get("Option");
    let result = paths.get("Result");
    let module = ident(HELPERS);
    let doc = " Serde helpers: `null` and absent kept apart for optional fields, and the serde impls of structs and string enums from one table each (`serde_struct!`, `string_enum!`).";
    let non_null_doc =
        " Deserializes a present optional field, rejecting `null` (absent fields never reach it).";
    let double_doc = " Optional nullable fields: absent is `None`, `null` is `Some(None)`.";
    let non_null = used.non_null.then(|| {
        quote! {
                #[doc = #non_null_doc]
                pub fn non_null<'de, T, D>(deserializer: D) -> #result<#option<T>, D::Error>
                where
                    T: serde::Deserialize<'de>,
                    D: serde::Deserializer<'de>,
                {
                    T::deserialize(deserializer).map(Some)
                }
        }
    });
    let double_option = used.double_option.then(|| quote! {
            #[doc = #double_doc]
            pub mod double_option {
                /// Writes `Some(None)` as `null`; `None` is skipped by `skip_serializing_if`.
                pub fn serialize<T, S>(v: &#option<#option<T>>, s: S) -> #result<S::Ok, S::Error>
                where
                    T: serde::Serialize,
                    S: serde::Serializer,
                {
                    match v {
                        Some(inner) => serde::Serialize::serialize(inner, s),
                        None => s.serialize_none(),
                    }
                }

                /// Reads a present value; `null` becomes `Some(None)`.
                pub fn deserialize<'de, T, D>(d: D) -> #result<#option<#option<T>>, D::Error>
                where
                    T: serde::Deserialize<'de>,
                    D: serde::Deserializer<'de>,
                {
                    <#option<T> as serde::Deserialize>::deserialize(d).map(Some)
                }
            }
    });
    let (structs, struct_macro) = used
        .structs
        .then(|| super::lean_de::helpers(paths, used.kinds, deny_unknown_fields))
        .unzip();
    let (enums, enum_macro) = used.enums.then(|| super::lean_enum::helpers(paths)).unzip();
    let macros = struct_macro.into_iter().chain(enum_macro).collect();
    let tokens = quote! {
        #[doc = #doc]
        mod #module {
            #non_null
            #double_option
            #structs
            #enums
        }
    };
    (tokens, macros)
}
