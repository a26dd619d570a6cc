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
    let unions = used.unions.then(union_reader);
    let macros = struct_macro.into_iter().chain(enum_macro).collect();
    let tokens = quote! {
        #[doc = #doc]
        mod #module {
            #non_null
            #double_option
            #structs
            #enums
            #unions
        }
    };
    (tokens, macros)
}

/// `untagged`: the `Deserialize` of every untagged union, given its members. The loop,
/// the ranking by keys and the messages are compiled once; a union's impl is the list of
/// its members, each a name, its keys and a function pointer.
fn union_reader() -> TokenStream {
    quote! {
        /// A member of an untagged union: its name (for errors), the wire names it
        /// declares (its items' when the flag is set: an array of objects), and its reader.
        pub type Member<T> = (&'static str, &'static [&'static str], bool, fn(&serde_json::Value) -> Result<T, serde_json::Error>);

        /// Reads an untagged union: each member is tried on the value, and when none reads
        /// it the error names the union and each member tried with its first error.
        ///
        /// `by_keys` (two or more object members): members are tried in order of how many
        /// of the value's keys they declare (most first, ties in the given order), object
        /// members only on objects, and a member that alone knows the most keys is named
        /// as the one the keys selected.
        pub fn untagged<'de, T, D: serde::Deserializer<'de>>(d: D, union: &str, members: &[Member<T>], by_keys: bool) -> Result<T, D::Error> {
            let value = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
            read_untagged(&value, union, members, by_keys).map_err(serde::de::Error::custom)
        }

        fn read_untagged<T>(value: &serde_json::Value, union: &str, members: &[Member<T>], by_keys: bool) -> Result<T, String> {
            // The value's keys: an object's own, or (for array members) its items'.
            let mut keys: Vec<&str> = match value {
                serde_json::Value::Object(o) => o.keys().map(String::as_str).collect(),
                serde_json::Value::Array(items) => items.iter().filter_map(|v| v.as_object()).flat_map(|o| o.keys().map(String::as_str)).collect(),
                _ => Vec::new(),
            };
            keys.sort_unstable();
            keys.dedup();
            let array = value.is_array();
            let known = |i: usize| {
                let (_, declared, of_items, _) = members[i];
                if of_items == array { keys.iter().filter(|k| declared.contains(k)).count() } else { 0 }
            };
            let mut order: Vec<usize> = (0..members.len()).collect();
            let mut chosen = false;
            if by_keys {
                order.sort_by_key(|&i| core::cmp::Reverse(known(i)));
                chosen = order.len() > 1 && known(order[0]) > 0 && known(order[0]) > known(order[1]);
            }
            let mut tried = Vec::with_capacity(members.len());
            for i in order {
                let (name, declared, of_items, read) = members[i];
                // An object member reads only objects (not arrays by position), as in the
                // JSON Schema.
                if by_keys && !declared.is_empty() && !of_items && !value.is_object() {
                    continue;
                }
                match read(value) {
                    Ok(v) => return Ok(v),
                    Err(e) => tried.push(format!("{name}: {e}")),
                }
            }
            if tried.is_empty() {
                let expected = if members.iter().any(|m| m.2) { "an object or an array of objects" } else { "an object" };
                return Err(format!("{union}: no member reads the value: {expected} was expected"));
            }
            if chosen {
                let first = tried.remove(0);
                if tried.is_empty() {
                    return Err(format!("{union}: its keys select {first}"));
                }
                return Err(format!("{union}: its keys select {first}; also tried {}", tried.join("; ")));
            }
            Err(format!("{union}: no member reads the value; tried {}", tried.join("; ")))
        }
    }
}
