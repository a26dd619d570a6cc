//! Structs' serde impls from one table per struct instead of the derives: what costs
//! the compiler least, and the output fewest lines, for the same behaviour.
//!
//! `#[derive(Serialize, Deserialize)]` expands, per struct, to a field enum with its own
//! visitor (string, bytes and index arms for every field), a sequence visitor, a map
//! visitor and, per optional field, two wrapper types for its `deserialize_with` helper;
//! the attributes that steer it took five lines per optional field. Here a struct's
//! fields are listed once, one line each, in a `serde_struct!` table:
//!
//! ```text
//! serde_nulls::serde_struct! {
//!     UserApiKey {
//!         alias: Optional = "alias",
//!         creation_time: Nullable = "creation_time",
//!     }
//! }
//! ```
//!
//! The macro (emitted once, in the `serde_nulls` module) writes `Serialize`,
//! `Deserialize` and `serde_nulls::Fields` from it: a slot per field, one `match` arm
//! per wire name, the struct built from the slots. Reading keys, values, duplicates,
//! missing fields and arrays lives in generic helpers of `serde_nulls`, checked once.
//!
//! Same behaviour as the derive with the attributes [`super::render_field`] writes for
//! derived structs, field kind by field kind ([`Kind`]): unknown keys are skipped (or
//! rejected under `deny_unknown_fields`), a duplicate key is an error, a missing
//! required field is serde's `missing field` (a required `Option` field accepts
//! absence, as serde does), an optional field is `None` when absent and rejects `null`
//! unless nullable (`Some(None)`), `None` optional fields are not written; an array is
//! read by field position, a missing element being `None` for an optional field and
//! `invalid length` for a required one. Structs with a `flatten`ed map, user attributes
//! or schemars keep the derives (see [`crate::emit::rust::plan::lean_deserialize`]).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::emit::rust::plan::{Item, PlannedField};
use crate::emit::rust::tokens::ident;
use crate::emit::rust::types::Paths;

use super::nulls;

/// How a field is read and written: one unit type of `serde_nulls` per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Required, never `null`: `T`.
    Required,
    /// Required, may be `null`: `Option<T>`, the key must be there.
    Nullable,
    /// Optional, never `null`: `Option<T>`, absent is `None`.
    Optional,
    /// Optional, may be `null`: `Option<Option<T>>`, `null` is `Some(None)`.
    OptionalNullable,
}

impl Kind {
    /// The kind of a field that is `required` and `nullable` or not.
    pub(super) fn of(required: bool, nullable: bool) -> Kind {
        match (required, nullable) {
            (true, false) => Kind::Required,
            (true, true) => Kind::Nullable,
            (false, false) => Kind::Optional,
            (false, true) => Kind::OptionalNullable,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Required => "Required",
            Kind::Nullable => "Nullable",
            Kind::Optional => "Optional",
            Kind::OptionalNullable => "OptionalNullable",
        }
    }
}

/// The `serde_struct!` table of a struct: its serde impls.
pub(super) fn render(item: &Item, fields: &[PlannedField]) -> TokenStream {
    let helpers = ident(nulls::HELPERS);
    let name = ident(&item.ident);
    let rows = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let kind = ident(Kind::of(f.field.required, f.field.nullable).name());
        let wire = Literal::string(&f.field.wire_name);
        quote!(#field: #kind = #wire)
    });
    quote! {
        #helpers::serde_struct! {
            #name { #( #rows ),* }
        }
    }
}

/// The struct part of the `serde_nulls` module: the `serde_struct!` macro, the field
/// kinds and the generic readers it calls.
pub(super) fn helpers(paths: &Paths, kinds: [bool; 4], deny_unknown_fields: bool) -> TokenStream {
    let option = paths.get("Option");
    let result = paths.get("Result");
    let module = ident(nulls::HELPERS);
    // Keys the struct does not know: skipped, or an error naming the known ones.
    let (unknown_str, unknown_index) = if deny_unknown_fields {
        (
            quote!(Err(E::unknown_field(v, self.0))),
            quote!({
                let expected = format!("field index 0 <= i < {}", self.0.len());
                Err(E::invalid_value(
                    serde::de::Unexpected::Unsigned(v),
                    &expected.as_str(),
                ))
            }),
        )
    } else {
        (quote!(Ok(None)), quote!(Ok(None)))
    };
    let required = quote! {
        /// A required field that is never `null`: `T`.
        pub struct Required;

        impl Required {
            /// The value read, or what serde makes of an absent field.
            pub fn finish<'de, T: serde::Deserialize<'de>, E: Entries<'de>>(e: &E, slot: Option<T>, name: &'static str) -> Result<T, E::Error> {
                match slot {
                    Some(value) => Ok(value),
                    None => e.missing(name, true),
                }
            }

            /// Always written.
            pub fn count<T>(_: &T) -> usize {
                1
            }

            /// Writes the value.
            pub fn write<S: serde::ser::SerializeStruct, T: serde::Serialize>(s: &mut S, key: &'static str, value: &T) -> Result<(), S::Error> {
                s.serialize_field(key, value)
            }
        }
    };
    let nullable = quote! {
        /// A required field that may be `null`: `Option<T>`, the key must be there.
        pub struct Nullable;

        impl Nullable {
            /// The value read (`None` for `null`); an absent key is an error.
            pub fn finish<'de, T: serde::Deserialize<'de>, E: Entries<'de>>(e: &E, slot: Option<T>, name: &'static str) -> Result<T, E::Error> {
                match slot {
                    Some(value) => Ok(value),
                    None => e.missing(name, false),
                }
            }

            /// Always written.
            pub fn count<T>(_: &T) -> usize {
                1
            }

            /// Writes the value, `None` as `null`.
            pub fn write<S: serde::ser::SerializeStruct, T: serde::Serialize>(s: &mut S, key: &'static str, value: &T) -> Result<(), S::Error> {
                s.serialize_field(key, value)
            }
        }
    };
    let optional = quote! {
        /// An optional field that is never `null`: `Option<T>`, absent is `None`.
        pub struct Optional;

        impl Optional {
            /// The value read, `None` when absent (`null` was rejected as a `T`).
            pub fn finish<'de, T, E: Entries<'de>>(_: &E, slot: Option<T>, _: &'static str) -> Result<Option<T>, E::Error> {
                Ok(slot)
            }

            /// Written unless `None`.
            pub fn count<T>(value: &Option<T>) -> usize {
                usize::from(value.is_some())
            }

            /// Writes `Some` values; `None` is left out.
            pub fn write<S: serde::ser::SerializeStruct, T: serde::Serialize>(s: &mut S, key: &'static str, value: &Option<T>) -> Result<(), S::Error> {
                match value {
                    Some(_) => s.serialize_field(key, value),
                    None => s.skip_field(key),
                }
            }
        }
    };
    let optional_nullable = quote! {
        /// An optional field that may be `null`: `Option<Option<T>>`, absent is `None`,
        /// `null` is `Some(None)`.
        pub struct OptionalNullable;

        impl OptionalNullable {
            /// The value read, `None` when absent.
            pub fn finish<'de, T, E: Entries<'de>>(_: &E, slot: Option<T>, _: &'static str) -> Result<Option<T>, E::Error> {
                Ok(slot)
            }

            /// Written unless `None`.
            pub fn count<T>(value: &Option<T>) -> usize {
                usize::from(value.is_some())
            }

            /// Writes `Some(None)` as `null`; `None` is left out.
            pub fn write<S: serde::ser::SerializeStruct, T: serde::Serialize>(s: &mut S, key: &'static str, value: &Option<Option<T>>) -> Result<(), S::Error> {
                match value {
                    Some(inner) => s.serialize_field(key, inner),
                    None => s.skip_field(key),
                }
            }
        }
    };
    let kinds_code = [required, nullable, optional, optional_nullable]
        .into_iter()
        .zip(kinds)
        .filter_map(|(code, used)| used.then_some(code));
    quote! {
        /// Writes `Serialize`, `Deserialize` and [`Fields`] for a struct from its table:
        /// one `field: Kind = "wire name"` per field, in declaration order.
        macro_rules! serde_struct {
            ($name:ident { $($field:ident: $kind:ident = $wire:literal),* $(,)? }) => {
                #[allow(deprecated)]
                impl<'de> serde::Deserialize<'de> for $name {
                    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> #result<Self, D::Error> {
                        #module::structure(d)
                    }
                }

                // The slots are named after the fields, whatever clippy thinks of the names.
                #[allow(deprecated, clippy::disallowed_names, clippy::just_underscores_and_digits)]
                impl<'de> #module::Fields<'de> for $name {
                    const NAME: &'static str = stringify!($name);
                    const FIELDS: &'static [&'static str] = &[$($wire),*];

                    fn from_entries<E: #module::Entries<'de>>(mut e: E) -> #result<Self, E::Error> {
                        $(let mut $field = #option::None;)*
                        while let #option::Some(key) = e.next_key(Self::FIELDS)? {
                            match key {
                                $($wire => e.value(&mut $field, key)?,)*
                                _ => {}
                            }
                        }
                        #result::Ok(Self {
                            $($field: #module::$kind::finish(&e, $field, $wire)?,)*
                        })
                    }
                }

                #[allow(deprecated)]
                impl serde::Serialize for $name {
                    fn serialize<S: serde::Serializer>(&self, s: S) -> #result<S::Ok, S::Error> {
                        let len = 0 $(+ #module::$kind::count(&self.$field))*;
                        let mut out = serde::Serializer::serialize_struct(s, stringify!($name), len)?;
                        $(#module::$kind::write(&mut out, $wire, &self.$field)?;)*
                        serde::ser::SerializeStruct::end(out)
                    }
                }
            };
        }

        pub(crate) use serde_struct;

        /// A struct read field by field (implemented by [`serde_struct!`]).
        pub trait Fields<'de>: Sized {
            /// The struct's name, for messages.
            const NAME: &'static str;
            /// The wire names of its fields, in declaration order.
            const FIELDS: &'static [&'static str];
            /// Reads the struct from the keys and values of `entries`.
            fn from_entries<E: Entries<'de>>(entries: E) -> Result<Self, E::Error>;
        }

        /// Where a struct's fields come from: a map, or an array read by field position.
        pub trait Entries<'de> {
            /// The input's error.
            type Error: serde::de::Error;
            /// The wire name of the next known field; unknown keys are skipped
            /// (or an error under `deny_unknown_fields`).
            fn next_key(&mut self, fields: &'static [&'static str]) -> Result<Option<&'static str>, Self::Error>;
            /// Reads the value of field `name` into its slot; a second one is an error.
            fn value<T: serde::Deserialize<'de>>(&mut self, slot: &mut Option<T>, name: &'static str) -> Result<(), Self::Error>;
            /// What a required field that is not there becomes: `None` for an `Option`
            /// if `absent_is_none`, else an error.
            fn missing<T: serde::Deserialize<'de>>(&self, name: &'static str, absent_is_none: bool) -> Result<T, Self::Error>;
        }

        /// `Deserialize` of every struct of a table: a map or an array.
        pub fn structure<'de, T: Fields<'de>, D: serde::Deserializer<'de>>(d: D) -> Result<T, D::Error> {
            d.deserialize_struct(T::NAME, T::FIELDS, StructVisitor(std::marker::PhantomData))
        }

        struct StructVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Fields<'de>> serde::de::Visitor<'de> for StructVisitor<T> {
            type Value = T;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "struct {}", T::NAME)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::from_entries(MapEntries(map))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
                T::from_entries(SeqEntries { seq, name: T::NAME, fields: T::FIELDS, next: 0 })
            }
        }

        /// A struct's fields from a map.
        struct MapEntries<A>(A);

        impl<'de, A: serde::de::MapAccess<'de>> Entries<'de> for MapEntries<A> {
            type Error = A::Error;

            fn next_key(&mut self, fields: &'static [&'static str]) -> Result<Option<&'static str>, A::Error> {
                while let Some(key) = self.0.next_key_seed(Key(fields))? {
                    match key {
                        Some(name) => return Ok(Some(name)),
                        None => {
                            self.0.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(None)
            }

            fn value<T: serde::Deserialize<'de>>(&mut self, slot: &mut Option<T>, name: &'static str) -> Result<(), A::Error> {
                if slot.is_some() {
                    return Err(serde::de::Error::duplicate_field(name));
                }
                *slot = Some(self.0.next_value()?);
                Ok(())
            }

            fn missing<T: serde::Deserialize<'de>>(&self, name: &'static str, absent_is_none: bool) -> Result<T, A::Error> {
                if absent_is_none {
                    T::deserialize(Missing(name, std::marker::PhantomData))
                } else {
                    Err(serde::de::Error::missing_field(name))
                }
            }
        }

        /// A struct's fields from an array, by position: a missing element is `None`
        /// for an optional field and `invalid length` for a required one.
        struct SeqEntries<A> {
            seq: A,
            name: &'static str,
            fields: &'static [&'static str],
            next: usize,
        }

        impl<'de, A: serde::de::SeqAccess<'de>> Entries<'de> for SeqEntries<A> {
            type Error = A::Error;

            fn next_key(&mut self, fields: &'static [&'static str]) -> Result<Option<&'static str>, A::Error> {
                let name = fields.get(self.next).copied();
                self.next += 1;
                Ok(name)
            }

            fn value<T: serde::Deserialize<'de>>(&mut self, slot: &mut Option<T>, _: &'static str) -> Result<(), A::Error> {
                *slot = self.seq.next_element()?;
                Ok(())
            }

            fn missing<T: serde::Deserialize<'de>>(&self, name: &'static str, _: bool) -> Result<T, A::Error> {
                let index = self.fields.iter().position(|f| *f == name).unwrap_or_default();
                Err(serde::de::Error::invalid_length(index, self))
            }
        }

        impl<A> serde::de::Expected for SeqEntries<A> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let s = if self.fields.len() == 1 { "" } else { "s" };
                write!(f, "struct {} with {} element{s}", self.name, self.fields.len())
            }
        }

        /// Reads a key of a struct's map: the field's wire name, `None` if unknown.
        struct Key(&'static [&'static str]);

        impl<'de> serde::de::DeserializeSeed<'de> for Key {
            type Value = Option<&'static str>;

            fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_identifier(self)
            }
        }

        impl<'de> serde::de::Visitor<'de> for Key {
            type Value = Option<&'static str>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("field identifier")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                match self.0.iter().find(|f| **f == v) {
                    Some(name) => Ok(Some(name)),
                    None => #unknown_str,
                }
            }

            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
                self.visit_str(&String::from_utf8_lossy(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
                match usize::try_from(v).ok().and_then(|i| self.0.get(i)) {
                    Some(name) => Ok(Some(name)),
                    None => #unknown_index,
                }
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
        #( #kinds_code )*
    }
}

/// Lays out the `serde_struct!` and `string_enum!` tables of prettyplease's output one
/// field or variant per line (prettyplease fills macro bodies like prose).
pub(in crate::emit::rust) fn layout_tables(code: &str) -> String {
    let openings = ["serde_struct", "string_enum"].map(|m| format!("{}::{m}! {{", nulls::HELPERS));
    let mut out = String::with_capacity(code.len() + code.len() / 8);
    let mut lines = code.lines();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        if !openings.iter().any(|o| o == line) {
            continue;
        }
        let mut body = String::new();
        for inner in lines.by_ref() {
            if inner == "}" {
                break;
            }
            body.push_str(inner);
            body.push('\n');
        }
        table_rows(&body, &mut out);
        out.push_str("}\n");
    }
    out
}

/// `Name { field: Kind = "wire", ... }` or `Name { Variant = "wire", ... }`, one row per line.
fn table_rows(body: &str, out: &mut String) {
    use proc_macro2::TokenTree;
    let tokens: TokenStream = body.parse().expect("a table of modeldoc's own output");
    let mut it = tokens.into_iter();
    let (Some(TokenTree::Ident(name)), Some(TokenTree::Group(rows))) = (it.next(), it.next())
    else {
        unreachable!("a table is a name and braced rows")
    };
    out.push_str(&format!("    {name} {{\n"));
    let mut row = Vec::new();
    let flush = |row: &mut Vec<String>, out: &mut String| {
        match row.as_slice() {
            [field, _, kind, _, wire] => {
                out.push_str(&format!("        {field}: {kind} = {wire},\n"))
            }
            [variant, _, wire] => out.push_str(&format!("        {variant} = {wire},\n")),
            _ => {}
        }
        row.clear();
    };
    for t in rows.stream() {
        match &t {
            TokenTree::Punct(p) if p.as_char() == ',' => flush(&mut row, out),
            _ => row.push(t.to_string()),
        }
    }
    flush(&mut row, out);
    out.push_str("    }\n");
}
