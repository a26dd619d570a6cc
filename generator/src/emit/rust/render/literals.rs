//! Enums of literal values (`## Values` models, inline enums and consts).
//!
//! Closed enums of strings get their impls from a `string_enum!` table
//! ([`super::lean_enum`]); string consts, and string enums under options serde or
//! schemars read attributes from, derive serde (with a `rename_all` rule where one fits);
//! other values (numbers, booleans, `null`) get hand-written impls that compare JSON values.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{quote, ToTokens};
use serde_json::Value;

use super::{derives, rename_all};
use crate::emit::names;
use crate::emit::rust::plan::{Item, Plan, Variant};
use crate::emit::rust::tokens::{
    braced, deprecated_attr, doc_attrs, ident, manual_json_schema, variant_names_allow,
};

/// An enum of literal values with serde by derive (strings) or by hand (other values),
/// plus `Display` and `FromStr`.
pub(super) fn render(plan: &Plan, item: &Item, values: &[Variant]) -> TokenStream {
    let name = ident(&item.ident);
    let doc = doc_attrs(item.doc.as_deref());
    let deprecated = deprecated_attr(item.deprecated);
    // The impls below name the variants of a deprecated enum.
    let allow = super::allow_deprecated(plan, item);
    let ser = plan.types.paths.get("Serialize");
    let de = plan.types.paths.get("Deserialize");
    let string = plan.types.paths.get("String");
    let result = plan.types.paths.get("Result");
    let all_strings = values.iter().all(|v| v.value.is_string());
    // A closed enum of strings: serde, `Display` and `FromStr` from a `string_enum!` table.
    let table = crate::emit::rust::plan::lean_enum(&plan.options, item);
    let idents: Vec<Ident> = values.iter().map(|v| ident(&v.ident)).collect();
    let texts: Vec<String> = values
        .iter()
        .map(|v| match &v.value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect();
    let derive_serde = if all_strings && !table {
        quote!(#ser, #de,)
    } else {
        TokenStream::new()
    };
    let rule = if all_strings && !table {
        let names = values.iter().zip(&texts);
        let names = names.map(|(v, text)| (names::unraw(&v.ident), text.as_str()));
        rename_all::best_rule(rename_all::Target::Variant, names)
    } else {
        None
    };
    let variants = values
        .iter()
        .zip(&idents)
        .zip(&texts)
        .map(|((v, id), text)| {
            let named = rename_all::names_right(
                rename_all::Target::Variant,
                rule,
                names::unraw(&v.ident),
                text,
            );
            if all_strings && !table && !named {
                quote!(#[serde(rename = #text)] #id,)
            } else {
                quote!(#id,)
            }
        });
    let body = braced(variants);
    let rename_all = rule.map(|r| quote!(#[serde(rename_all = #r)]));
    let attrs = derives::type_attributes(item, &plan.options);
    let variant_names = variant_names_allow(&item.ident, values.iter().map(|v| v.ident.as_str()));
    let schemars = (plan.options.schemars && all_strings).then(|| quote!(schemars::JsonSchema,));
    let mut out = quote! {
        #doc
        #deprecated
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, #derive_serde #schemars)]
        #rename_all
        #attrs
        #variant_names
        pub enum #name #body
    };
    if plan.options.schemars && !all_strings {
        let json: Vec<Value> = values.iter().map(|v| v.value.clone()).collect();
        out.extend(manual_json_schema(
            &item.ident,
            &serde_json::json!({ "enum": json }),
        ));
    }
    if !all_strings {
        let json: Vec<TokenStream> = values.iter().map(|v| json_literal(&v.value)).collect();
        let eq: Vec<TokenStream> = values.iter().map(|v| json_comparand(&v.value)).collect();
        // As JSON: `1` and `"1"` are different values here.
        let expected = values
            .iter()
            .map(|v| v.value.to_string())
            .collect::<Vec<_>>();
        let expected = format!("one of {}", expected.join(", "));
        out.extend(quote! {
            #allow
            impl serde::Serialize for #name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                    let value = match self { #( Self::#idents => #json, )* };
                    serde::Serialize::serialize(&value, serializer)
                }
            }
            #allow
            impl<'de> serde::Deserialize<'de> for #name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                    let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                    #( if value == #eq { return Ok(Self::#idents); } )*
                    Err(serde::de::Error::custom(format_args!("expected {}, found {}", #expected, value)))
                }
            }
        });
    }
    if table {
        out.extend(super::lean_enum::render(item, values));
        return out;
    }
    if all_strings {
        // The derived serde mapping already names every variant: reuse it (serde
        // serializes unit variants into a `Formatter` and reads them from a `&str`)
        // rather than two more matches over every value.
        out.extend(quote! {
            #allow
            impl std::fmt::Display for #name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    serde::Serialize::serialize(self, f)
                }
            }
            #allow
            impl std::str::FromStr for #name {
                type Err = #string;
                fn from_str(s: &str) -> #result<Self, Self::Err> {
                    let value = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(s);
                    <Self as serde::Deserialize>::deserialize(value).map_err(|e| e.to_string())
                }
            }
        });
        return out;
    }
    // Text parses to the first variant that displays as it (`1` and `"1"` both show `1`).
    let mut seen = std::collections::BTreeSet::new();
    let (parse_texts, parse_idents): (Vec<&String>, Vec<&Ident>) = texts
        .iter()
        .zip(&idents)
        .filter(|(t, _)| seen.insert(t.as_str()))
        .unzip();
    out.extend(quote! {
        #allow
        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(match self { #( Self::#idents => #texts, )* })
            }
        }
        #allow
        impl std::str::FromStr for #name {
            type Err = #string;
            fn from_str(s: &str) -> #result<Self, Self::Err> {
                match s {
                    #( #parse_texts => Ok(Self::#parse_idents), )*
                    other => Err(format!("unknown {} value `{}`", stringify!(#name), other)),
                }
            }
        }
    });
    out
}

/// What a `serde_json::Value` is compared with to test for a literal, without building
/// a `Value` (`value == 2i64`, `value == "x"`): serde_json compares numbers by value.
fn json_comparand(v: &Value) -> TokenStream {
    match v {
        Value::Bool(b) => quote!(#b),
        Value::String(s) => quote!(#s),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Literal::i64_suffixed(i).into_token_stream()
            } else if let Some(u) = n.as_u64() {
                Literal::u64_suffixed(u).into_token_stream()
            } else {
                Literal::f64_suffixed(n.as_f64().unwrap_or_default()).into_token_stream()
            }
        }
        other => json_literal(other),
    }
}

fn json_literal(v: &Value) -> TokenStream {
    match v {
        Value::Null => quote!(serde_json::Value::Null),
        Value::Bool(b) => quote!(serde_json::Value::Bool(#b)),
        Value::String(s) => quote!(serde_json::Value::String(#s.into())),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                let lit = Literal::i64_suffixed(i);
                quote!(serde_json::Value::from(#lit))
            } else if let Some(u) = n.as_u64() {
                let lit = Literal::u64_suffixed(u);
                quote!(serde_json::Value::from(#lit))
            } else {
                let lit = Literal::f64_suffixed(n.as_f64().unwrap_or_default());
                quote!(serde_json::Value::from(#lit))
            }
        }
        other => {
            let text = other.to_string();
            quote!(serde_json::from_str::<serde_json::Value>(#text).expect("valid JSON literal"))
        }
    }
}
