//! String enums with serde, `Display` and `FromStr` from one `string_enum!` table each
//! (the cheaper to compile than serde's derive, which expands a visitor per enum):
//!
//! ```text
//! serde_nulls::string_enum! {
//!     Status {
//!         Active = "active",
//!         InReview = "in-review",
//!     }
//! }
//! ```
//!
//! The macro implements the `StringEnum` trait (the table) and four one-line impls that
//! call generic functions of the `serde_nulls` module, type-checked once per output.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::macro_text::MacroText;
use super::nulls;
use crate::emit::rust::plan::{Item, Variant};
use crate::emit::rust::tokens::ident;
use crate::emit::rust::types::Paths;

/// The `string_enum!` table of a closed enum of strings.
pub(super) fn render(item: &Item, values: &[Variant]) -> TokenStream {
    let helpers = ident(nulls::HELPERS);
    let name = ident(&item.ident);
    let rows = values.iter().map(|v| {
        let variant = ident(&v.ident);
        let wire = Literal::string(v.value.as_str().unwrap_or_default());
        quote!(#variant = #wire)
    });
    quote! {
        #helpers::string_enum! {
            #name { #( #rows ),* }
        }
    }
}

/// The enum part of the `serde_nulls` module: the `string_enum!` macro, the
/// `StringEnum` trait and the generic functions its impls call.
pub(super) fn helpers(paths: &Paths) -> (TokenStream, MacroText) {
    let option = paths.get("Option");
    let result = paths.get("Result");
    let macro_text = MacroText::new(
        "string_enum",
        STRING_ENUM,
        &[
            ("helpers", nulls::HELPERS),
            ("result", &paths.as_str("Result")),
            ("string", &paths.as_str("String")),
        ],
    );
    let string_enum = macro_text.tokens();
    let tokens = quote! {
        /// Writes `Serialize`, `Deserialize`, `Display`, `FromStr` and [`StringEnum`] for an
        /// enum from its table: one `Variant = "wire value"` per variant.
        #string_enum

        pub(crate) use string_enum;

        /// An enum of strings: its variants and their wire values (from [`string_enum!`]).
        pub trait StringEnum: Copy + PartialEq + 'static {
            /// The enum's name, for messages.
            const NAME: &'static str;
            /// Every variant with its wire value, in declaration order.
            const VALUES: &'static [(Self, &'static str)];
            /// The wire values, in declaration order.
            const WIRE: &'static [&'static str];
        }

        /// The wire value of a variant.
        pub fn wire<T: StringEnum>(value: &T) -> &'static str {
            T::VALUES
                .iter()
                .find(|(v, _)| v == value)
                .map_or("", |(_, w)| w)
        }

        /// The variant of a wire value, or serde's "unknown variant" error.
        pub fn parse_enum<T: StringEnum, E: serde::de::Error>(s: &str) -> #result<T, E> {
            match T::VALUES.iter().find(|(_, w)| *w == s) {
                #option::Some((v, _)) => #result::Ok(*v),
                #option::None => #result::Err(E::unknown_variant(s, T::WIRE)),
            }
        }

        /// Reads a variant from a string.
        pub fn read_enum<'de, T: StringEnum, D: serde::Deserializer<'de>>(d: D) -> #result<T, D::Error> {
            struct Visit<T>(core::marker::PhantomData<T>);

            impl<'de, T: StringEnum> serde::de::Visitor<'de> for Visit<T> {
                type Value = T;

                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    write!(f, "one of the {} values", T::NAME)
                }

                fn visit_str<E: serde::de::Error>(self, s: &str) -> #result<T, E> {
                    parse_enum(s)
                }
            }

            d.deserialize_str(Visit(core::marker::PhantomData))
        }
    };
    (tokens, macro_text)
}

/// The `string_enum!` macro (see [`MacroText`]); `{helpers}` is the helper module,
/// `{result}` and `{string}` the paths of `Result` and `String`.
const STRING_ENUM: &str = "macro_rules! string_enum {
    ($name:ident { $($variant:ident = $wire:literal),* $(,)? }) => {
        #[allow(deprecated)]
        impl {helpers}::StringEnum for $name {
            const NAME: &'static str = stringify!($name);
            const VALUES: &'static [(Self, &'static str)] = &[$((Self::$variant, $wire)),*];
            const WIRE: &'static [&'static str] = &[$($wire),*];
        }

        #[allow(deprecated)]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> {result}<S::Ok, S::Error> {
                s.serialize_str({helpers}::wire(self))
            }
        }

        #[allow(deprecated)]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> {result}<Self, D::Error> {
                {helpers}::read_enum(d)
            }
        }

        #[allow(deprecated)]
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str({helpers}::wire(self))
            }
        }

        #[allow(deprecated)]
        impl std::str::FromStr for $name {
            type Err = {string};

            fn from_str(s: &str) -> {result}<Self, Self::Err> {
                {helpers}::parse_enum::<Self, serde::de::value::Error>(s).map_err(|e| e.to_string())
            }
        }
    };
}";
