//! Structs' `Deserialize`, written out instead of derived: what costs the compiler
//! least for the same behaviour.
//!
//! `#[derive(Deserialize)]` expands, per struct, to a field enum with its own visitor
//! (string, bytes and index arms for every field), a sequence visitor and a map
//! visitor, and per optional field two wrapper types for its `deserialize_with`
//! helper. On Glean's docs that was most of what `cargo check` type-checks and
//! borrow-checks. Here each struct gets one `impl Deserialize` calling the shared
//! `serde_nulls::structure` and one `from_map`: a slot per field, one `match` arm per
//! wire name, and the struct built from the slots. Reading a value, duplicate and
//! missing fields live in generic helpers of `serde_nulls`, checked once.
//!
//! Same behaviour as the derive with the field attributes [`super::render_field`]
//! writes: unknown keys are skipped (or rejected under `deny_unknown_fields`), a
//! duplicate key is an error, a missing required field is serde's `missing_field`
//! (a required `Option` field still accepts absence, as serde does), an optional
//! field is `None` when absent and rejects `null` unless nullable (`Some(None)`), and
//! an array is read by field position (`SeqAsMap`; unlike the derive, an array shorter
//! than the struct is an error even where the missing fields are optional). Structs with a `flatten`ed map, user attributes or schemars keep the
//! derive (see [`crate::emit::rust::plan::lean_deserialize`]).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::nulls;
use crate::emit::rust::plan::Helpers;
use crate::emit::rust::plan::{Item, Plan, PlannedField};
use crate::emit::rust::tokens::ident;
use crate::emit::rust::types::RefStyle;

/// `impl Deserialize` and `impl serde_nulls::Fields` for a struct.
pub(super) fn render(
    plan: &Plan,
    item: &Item,
    fields: &[PlannedField],
    refs: RefStyle,
    allow: &TokenStream,
) -> TokenStream {
    let paths = &plan.types.paths;
    let result = paths.get("Result");
    let option = paths.get("Option");
    let helpers: TokenStream = nulls::path(refs).parse().expect("a module path");
    let name = ident(&item.ident);
    let name_str = Literal::string(&item.ident);
    let wire: Vec<Literal> = fields
        .iter()
        .map(|f| Literal::string(&f.field.wire_name))
        .collect();
    let slots: Vec<_> = (0..fields.len()).map(|i| ident(&format!("f{i}"))).collect();
    let arms = wire
        .iter()
        .zip(&slots)
        .map(|(w, s)| quote!(#w => #helpers::next(&mut map, &mut #s, #w)?,));
    let other = if plan.options.deny_unknown_fields {
        quote!(key => return #result::Err(#helpers::unknown(key, <Self as #helpers::Fields<'de>>::FIELDS)),)
    } else {
        quote!(_ => #helpers::skip(&mut map)?,)
    };
    let build = fields.iter().zip(&slots).zip(&wire).map(|((f, s), w)| {
        let id = ident(&f.ident);
        match (f.field.required, f.field.nullable) {
            (true, false) => quote!(#id: #helpers::required(#s, #w)?,),
            (true, true) => quote!(#id: #helpers::present(#s, #w)?,),
            (false, _) => quote!(#id: #s,),
        }
    });
    quote! {
        #allow
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                #helpers::structure(deserializer)
            }
        }

        #allow
        impl<'de> #helpers::Fields<'de> for #name {
            const NAME: &'static str = #name_str;
            const FIELDS: &'static [&'static str] = &[#( #wire ),*];
            fn from_map<A: serde::de::MapAccess<'de>>(mut map: A) -> #result<Self, A::Error> {
                #( let mut #slots = #option::None; )*
                while let #option::Some(key) = map.next_key::<#helpers::Key>()? {
                    match key.as_str() {
                        #( #arms )*
                        #other
                    }
                }
                #result::Ok(Self { #( #build )* })
            }
        }
    }
}

/// The struct-reading part of the `serde_nulls` module (only what `used` needs).
pub(super) fn helpers(used: Helpers, deny_unknown_fields: bool) -> TokenStream {
    if !used.structs {
        return TokenStream::new();
    }
    let other_keys = if deny_unknown_fields {
        quote! {
            /// The error for a key the struct does not know.
            pub fn unknown<E: serde::de::Error>(key: &str, fields: &'static [&'static str]) -> E {
                E::unknown_field(key, fields)
            }
        }
    } else {
        quote! {
            /// Skips the value of a key the struct does not know.
            pub fn skip<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
                map.next_value::<serde::de::IgnoredAny>().map(drop)
            }
        }
    };
    let required = used.required.then(|| {
        quote! {
            /// A required field: its value, or what serde makes of an absent one
            /// (`None` for an `Option`, else a `missing field` error).
            pub fn required<'de, T, E>(slot: Option<T>, name: &'static str) -> Result<T, E>
            where
                T: serde::Deserialize<'de>,
                E: serde::de::Error,
            {
                match slot {
                    Some(value) => Ok(value),
                    None => T::deserialize(Missing(name, std::marker::PhantomData)),
                }
            }

            /// Stands for an absent field: `None` to an `Option`, `missing field` to anything else.
            struct Missing<E>(&'static str, std::marker::PhantomData<E>);

            impl<'de, E: serde::de::Error> serde::Deserializer<'de> for Missing<E> {
                type Error = E;

                fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, E> {
                    Err(E::missing_field(self.0))
                }

                fn deserialize_option<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
                    visitor.visit_none()
                }

                serde::forward_to_deserialize_any! {
                    bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
                    bytes byte_buf unit unit_struct newtype_struct seq tuple tuple_struct
                    map struct enum identifier ignored_any
                }
            }
        }
    });
    let present = used.present.then(|| {
        quote! {
            /// A required nullable field: present, possibly `null`.
            pub fn present<T, E: serde::de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
                slot.ok_or_else(|| E::missing_field(name))
            }
        }
    });
    quote! {
        /// A struct read from a map, field by field (implemented by every struct).
        pub trait Fields<'de>: Sized {
            /// The struct's name, for messages.
            const NAME: &'static str;
            /// The wire names of its fields.
            const FIELDS: &'static [&'static str];
            /// Reads the struct's fields from `map`.
            fn from_map<A: serde::de::MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
        }

        struct StructVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Fields<'de>> serde::de::Visitor<'de> for StructVisitor<T> {
            type Value = T;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "struct {}", T::NAME)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::from_map(map)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
                T::from_map(SeqAsMap { seq, fields: T::FIELDS, index: 0 })
            }
        }

        /// An array read as a struct by field position, as serde's derive reads it.
        struct SeqAsMap<A> {
            seq: A,
            fields: &'static [&'static str],
            index: usize,
        }

        impl<'de, A: serde::de::SeqAccess<'de>> serde::de::MapAccess<'de> for SeqAsMap<A> {
            type Error = A::Error;

            fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
                &mut self,
                seed: K,
            ) -> Result<Option<K::Value>, A::Error> {
                let Some(name) = self.fields.get(self.index) else {
                    return Ok(None);
                };
                let key = serde::de::value::BorrowedStrDeserializer::new(name);
                seed.deserialize(key).map(Some)
            }

            fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
                &mut self,
                seed: V,
            ) -> Result<V::Value, A::Error> {
                let index = self.index;
                self.index += 1;
                let expected = "one element per field";
                let Some(value) = self.seq.next_element_seed(seed)? else {
                    return Err(serde::de::Error::invalid_length(index, &expected));
                };
                Ok(value)
            }
        }

        /// `Deserialize` of every such struct: a map, read by [`Fields::from_map`].
        pub fn structure<'de, T: Fields<'de>, D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<T, D::Error> {
            let visitor = StructVisitor(std::marker::PhantomData);
            deserializer.deserialize_struct(T::NAME, T::FIELDS, visitor)
        }

        /// A key of a struct's map, borrowed from the input where it can be.
        pub struct Key<'de>(std::borrow::Cow<'de, str>);

        impl Key<'_> {
            /// The key's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl<'de> serde::Deserialize<'de> for Key<'de> {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct KeyVisitor;

                impl<'de> serde::de::Visitor<'de> for KeyVisitor {
                    type Value = Key<'de>;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a field name")
                    }

                    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                        Ok(Key(std::borrow::Cow::Borrowed(v)))
                    }

                    fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                        Ok(Key(std::borrow::Cow::Owned(v.to_owned())))
                    }

                    fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                        Ok(Key(std::borrow::Cow::Owned(v)))
                    }
                }

                deserializer.deserialize_identifier(KeyVisitor)
            }
        }

        /// Reads the value of field `name` into its slot; a second occurrence is an error.
        pub fn next<'de, A, T>(map: &mut A, slot: &mut Option<T>, name: &'static str) -> Result<(), A::Error>
        where
            A: serde::de::MapAccess<'de>,
            T: serde::Deserialize<'de>,
        {
            if slot.is_some() {
                return Err(serde::de::Error::duplicate_field(name));
            }
            *slot = Some(map.next_value()?);
            Ok(())
        }

        #other_keys
        #required
        #present
    }
}
