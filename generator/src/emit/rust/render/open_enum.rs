//! Open string enums: the known values plus a variant that keeps any other string.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::derives;
use crate::emit::names::Unique;
use crate::emit::rust::plan::{Item, Plan, Variant};
use crate::emit::rust::tokens::{
    deprecated_attr, doc_attrs, ident, manual_json_schema, variant_names_allow,
};

/// An enum with one variant per known value and `Other(String)` for the rest.
pub(super) fn render(plan: &Plan, item: &Item, values: &[Variant]) -> TokenStream {
    let name = ident(&item.ident);
    let doc = doc_attrs(item.doc.as_deref());
    let deprecated = deprecated_attr(item.deprecated);
    let attrs = derives::type_attributes(item, &plan.options);
    let string = plan.types.paths.get("String");
    let result = plan.types.paths.get("Result");
    let mut unique = Unique::default();
    for v in values {
        unique.claim(v.ident.clone());
    }
    let other_name = unique.claim("Other".into());
    let other = ident(&other_name);
    let variant_names = variant_names_allow(
        &item.ident,
        values
            .iter()
            .map(|v| v.ident.as_str())
            .chain([other_name.as_str()]),
    );
    let idents: Vec<Ident> = values.iter().map(|v| ident(&v.ident)).collect();
    let texts: Vec<String> = values
        .iter()
        .map(|v| v.value.as_str().unwrap_or_default().to_string())
        .collect();
    let schemars = plan.options.schemars.then(|| {
        manual_json_schema(
            &item.ident,
            &serde_json::json!({
                "anyOf": [{ "type": "string", "enum": texts }, { "type": "string" }]
            }),
        )
    });
    let other_doc = " A value the docs do not list.";
    // Impls of a deprecated enum must not warn about the enum itself.
    let allow = item.deprecated.then(|| quote!(#[allow(deprecated)]));
    quote! {
        #doc
        #deprecated
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #attrs
        #variant_names
        pub enum #name {
            #( #idents, )*
            #[doc = #other_doc]
            #other(#string),
        }

        #allow
        impl #name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#idents => #texts, )*
                    Self::#other(value) => value,
                }
            }
        }

        #allow
        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #( #texts => Self::#idents, )*
                    other => Self::#other(other.into()),
                }
            }
        }

        #allow
        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #allow
        impl std::str::FromStr for #name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> #result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }

        #allow
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #allow
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                let value = <#string as serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::from(value.as_str()))
            }
        }

        #schemars
    }
}
