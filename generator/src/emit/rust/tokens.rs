//! Token helpers every part of the Rust emitter shares: identifiers, braces,
//! doc comments, `#[deprecated]` and hand-written `schemars` impls.
//!
//! The bottom layer of the emitter: it knows nothing of plans or IR types.

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream};
use quote::quote;

/// An identifier token; `r#type` becomes a raw identifier.
pub(super) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// `{ parts... }`, moving the streams in: interpolating a `TokenStream` with
/// `quote!` copies every token, a `Group` is shared.
pub(super) fn braced(parts: impl IntoIterator<Item = TokenStream>) -> Group {
    let mut body = TokenStream::new();
    body.extend(parts);
    Group::new(Delimiter::Brace, body)
}

/// `#[doc = "..."]` lines for a description, safe for rustdoc: fences without a
/// language become `text` and indentation outside fences is dropped (either
/// would otherwise turn into a doctest), and an unclosed fence is closed.
pub(super) fn doc_attrs(doc: Option<&str>) -> TokenStream {
    let Some(doc) = doc else {
        return TokenStream::new();
    };
    let mut in_fence = false;
    let mut lines: Vec<String> = doc
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") {
                in_fence = !in_fence;
                // Fences without a language would become doctests.
                if in_fence && trimmed.trim_start_matches('`').trim().is_empty() {
                    return " ```text".to_string();
                }
                return format!(" {trimmed}");
            }
            if in_fence {
                format!(" {line}")
            } else if trimmed.is_empty() {
                String::new()
            } else {
                // Leading indentation would make an indented code block (a doctest).
                format!(" {trimmed}")
            }
        })
        .collect();
    if in_fence {
        lines.push(" ```".into());
    }
    quote! { #( #[doc = #lines] )* }
}

/// `#[deprecated]` when `deprecated`, nothing otherwise.
pub(super) fn deprecated_attr(deprecated: bool) -> TokenStream {
    if deprecated {
        quote!(#[deprecated])
    } else {
        TokenStream::new()
    }
}

/// A hand-written `schemars::JsonSchema` (schemars 1) for types with custom serde.
pub(super) fn manual_json_schema(ident: &str, schema: &serde_json::Value) -> TokenStream {
    let name = self::ident(ident);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The strings of the `#[doc]` attributes `doc_attrs` makes of `text`.
    fn docs(text: &str) -> Vec<String> {
        let tokens = doc_attrs(Some(text));
        let item: syn::ItemStruct = syn::parse2(quote!(#tokens struct S;)).unwrap();
        item.attrs
            .iter()
            .map(|a| match &a.meta {
                syn::Meta::NameValue(syn::MetaNameValue {
                    value:
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }),
                    ..
                }) => s.value(),
                _ => panic!("not a doc string"),
            })
            .collect()
    }

    #[test]
    fn raw_identifiers_stay_raw() {
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(ident("kind").to_string(), "kind");
    }

    #[test]
    fn doc_lines_never_become_doctests() {
        assert_eq!(
            docs("A user.\n\n    indented\n```\nlet x = 1;\n  kept\n```"),
            [
                " A user.",
                "",
                " indented",
                " ```text",
                " let x = 1;",
                "   kept",
                " ```"
            ]
        );
        // An unclosed fence is closed; a fence with a language keeps it.
        assert_eq!(docs("```json\n{}"), [" ```json", " {}", " ```"]);
        assert!(doc_attrs(None).is_empty());
    }

    #[test]
    fn deprecated_only_when_asked() {
        assert_eq!(deprecated_attr(true).to_string(), "# [deprecated]");
        assert!(deprecated_attr(false).is_empty());
    }
}

/// `#[allow(clippy::enum_variant_names)]` where clippy would flag the variants of
/// `enum_ident`: names that mirror wire values or member types may share a leading or
/// trailing word, or repeat the enum's name, and renaming them would hide what they are.
pub(super) fn variant_names_allow<'a>(
    enum_ident: &str,
    variants: impl IntoIterator<Item = &'a str>,
) -> TokenStream {
    let variants: Vec<&str> = variants
        .into_iter()
        .map(|v| v.trim_start_matches("r#"))
        .collect();
    let words: Vec<Vec<&str>> = variants.iter().map(|v| camel_words(v)).collect();
    let shared = |last: bool| {
        let pick = |w: &[&'a str]| -> Option<&'a str> {
            if last {
                w.last().copied()
            } else {
                w.first().copied()
            }
        };
        let first = words.first().and_then(|w| pick(w));
        first.is_some() && words.iter().all(|w| pick(w) == first)
    };
    let repeats_enum = variants.iter().any(|v| {
        v.len() > enum_ident.len() && (v.starts_with(enum_ident) || v.ends_with(enum_ident))
    });
    if (variants.len() >= 3 && (shared(false) || shared(true))) || repeats_enum {
        quote!(#[allow(clippy::enum_variant_names)])
    } else {
        TokenStream::new()
    }
}

/// The words of a CamelCase identifier: a new word at each capital after a lowercase
/// letter or digit (`AuthTypeV2` → `Auth`, `Type`, `V2`).
fn camel_words(ident: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    let bytes = ident.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i].is_ascii_uppercase() && !bytes[i - 1].is_ascii_uppercase() {
            words.push(&ident[start..i]);
            start = i;
        }
    }
    if start < ident.len() {
        words.push(&ident[start..]);
    }
    words
}

#[cfg(test)]
mod variant_name_tests {
    use super::*;

    #[test]
    fn allows_only_what_clippy_would_flag() {
        let flagged = |e: &str, vs: &[&str]| !variant_names_allow(e, vs.iter().copied()).is_empty();
        assert!(flagged("Level", &["BeforeA", "BeforeB", "BeforeC"]));
        assert!(flagged("Conf", &["MySecret", "YourSecret", "OurSecret"]));
        assert!(flagged("Output", &["OutputSelf", "Other"]));
        assert!(!flagged("Level", &["BeforeA", "BeforeB"]));
        assert!(!flagged("Level", &["Low", "Mid", "High"]));
        assert_eq!(camel_words("AuthTypeV2"), ["Auth", "Type", "V2"]);
    }
}
