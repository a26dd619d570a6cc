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
//! `Deserialize` and `serde_nulls::Fields` from it, and per struct that is little code:
//! a typed slot per field (`serde_nulls::Optional::slot()`, ...), the slots handed as
//! `&mut dyn Slot` to the generic `read_fields`, the struct built from the slots, and
//! the fields handed as `&dyn Out` writers to the generic `write_fields`. Reading keys,
//! values, duplicates, missing fields and arrays, counting and skipping fields, all
//! live in `serde_nulls` and are checked once. (An earlier form wrote a `match` arm and
//! two `?` per field; the compiler's type and borrow checks of those were most of a
//! large crate's `cargo check`: StackOne 15.9 → 10.7 s.)
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

use super::macro_text::MacroText;
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
pub(super) fn helpers(
    paths: &Paths,
    kinds: [bool; 4],
    deny_unknown_fields: bool,
) -> (TokenStream, MacroText) {
    let macro_text = MacroText::new(
        "serde_struct",
        SERDE_STRUCT,
        &[
            ("helpers", nulls::HELPERS),
            ("result", &paths.as_str("Result")),
        ],
    );
    let serde_struct = macro_text.tokens();
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
    let kinds_code = KINDS
        .into_iter()
        .zip(kinds)
        .filter(|&(_, used)| used)
        .map(|(kind, _)| kind_code(kind));
    // The writers the used kinds need: `Always` (required), `Present` (optional),
    // `PresentInner` (optional nullable).
    let writer =
        |name: &str, doc: &str, value: TokenStream, present: TokenStream, write: TokenStream| {
            let name = ident(name);
            quote! {
                #[doc = #doc]
                pub struct #name<'a, T>(&'a #value);

                impl<S: serde::ser::SerializeStruct, T: serde::Serialize> Out<S> for #name<'_, T> {
                    fn present(&self) -> bool {
                        #present
                    }

                    fn write(&self, s: &mut S, key: &'static str) -> Result<(), S::Error> {
                        #write
                    }
                }
            }
        };
    let always = (kinds[0] || kinds[1]).then(|| {
        writer(
            "Always",
            " A field that is always written.",
            quote!(T),
            quote!(true),
            quote!(s.serialize_field(key, self.0)),
        )
    });
    // Optional fields: written unless `None`, as the `Option` itself or its inner value.
    let skip_none = |name: &str, doc: &str, some: TokenStream, written: TokenStream| {
        writer(
            name,
            doc,
            quote!(Option<T>),
            quote!(self.0.is_some()),
            quote! {
                match self.0 {
                    #some => s.serialize_field(key, #written),
                    None => s.skip_field(key),
                }
            },
        )
    };
    let present = kinds[2].then(|| {
        skip_none(
            "Present",
            " An optional field: `Some` is written as it is, `None` is left out.",
            quote!(Some(_)),
            quote!(self.0),
        )
    });
    let present_inner = kinds[3].then(|| {
        skip_none(
            "PresentInner",
            " An optional nullable field: `Some(None)` is written as `null`, `None` is left out.",
            quote!(Some(inner)),
            quote!(inner),
        )
    });
    // `Entries::missing` and `Missing` serve only required fields (`Required`, `Nullable`).
    let any_required = kinds[0] || kinds[1];
    let missing_decl = any_required.then(|| {
        quote! {
            /// What a required field (at `index`) that is not there becomes: `None` for
            /// an `Option` if `absent_is_none`, else an error.
            fn missing<T: serde::Deserialize<'de>>(&self, index: usize, name: &'static str, absent_is_none: bool) -> Result<T, Self::Error>;
        }
    });
    let map_missing = any_required.then(|| {
        quote! {
            fn missing<T: serde::Deserialize<'de>>(&self, _: usize, name: &'static str, absent_is_none: bool) -> Result<T, A::Error> {
                if absent_is_none {
                    T::deserialize(Missing(name, std::marker::PhantomData))
                } else {
                    Err(serde::de::Error::missing_field(name))
                }
            }
        }
    });
    let seq_missing = any_required.then(|| {
        quote! {
            fn missing<T: serde::Deserialize<'de>>(&self, index: usize, _: &'static str, _: bool) -> Result<T, A::Error> {
                Err(serde::de::Error::invalid_length(index, self))
            }
        }
    });
    let missing_struct = any_required.then(|| {
        quote! {
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
    let tokens = quote! {
        /// Writes `Serialize`, `Deserialize` and [`Fields`] for a struct from its table:
        /// one `field: Kind = "wire name"` per field, in declaration order.
        ///
        /// Per struct only the slots, the list handed to [`read_fields`] and the list
        /// handed to [`write_fields`] are code; the rest is generic and checked once.
        #serde_struct

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
            /// The position in `fields` of the next known field; unknown keys are skipped
            /// (or an error under `deny_unknown_fields`).
            fn next_index(&mut self, fields: &'static [&'static str]) -> Result<Option<usize>, Self::Error>;
            /// Reads the value of field `name` into its slot; a second one is an error.
            fn value<T: serde::Deserialize<'de>>(&mut self, slot: &mut Option<T>, name: &'static str) -> Result<(), Self::Error>;
            #missing_decl
        }

        /// A field's slot while its struct is read: filled by [`Slot::read`], checked by
        /// [`Slot::finish`] once the input ends.
        pub trait Slot<'de, E: Entries<'de>> {
            /// Reads the field's value.
            fn read(&mut self, e: &mut E, name: &'static str) -> Result<(), E::Error>;
            /// Fills or rejects a field the input did not have.
            fn finish(&mut self, e: &E, index: usize, name: &'static str) -> Result<(), E::Error>;
        }

        /// How a field is written: whether it is, and its value.
        pub trait Out<S: serde::ser::SerializeStruct> {
            /// Whether the field is written (counted in the struct's length).
            fn present(&self) -> bool;
            /// Writes the field, or skips it.
            fn write(&self, s: &mut S, key: &'static str) -> Result<(), S::Error>;
        }

        /// Reads every field of a struct into `slots` (one per name of `fields`, in order).
        pub fn read_fields<'de, E: Entries<'de>>(mut e: E, fields: &'static [&'static str], slots: &mut [&mut dyn Slot<'de, E>]) -> Result<(), E::Error> {
            while let Some(i) = e.next_index(fields)? {
                slots[i].read(&mut e, fields[i])?;
            }
            for (i, slot) in slots.iter_mut().enumerate() {
                slot.finish(&e, i, fields[i])?;
            }
            Ok(())
        }

        /// Writes a struct: the fields of `values` under the names of `keys`.
        pub fn write_fields<S: serde::Serializer>(s: S, name: &'static str, keys: &'static [&'static str], values: &[&dyn Out<S::SerializeStruct>]) -> Result<S::Ok, S::Error> {
            let len = values.iter().filter(|v| v.present()).count();
            let mut out = serde::Serializer::serialize_struct(s, name, len)?;
            for (key, value) in keys.iter().zip(values) {
                value.write(&mut out, key)?;
            }
            serde::ser::SerializeStruct::end(out)
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

            fn next_index(&mut self, fields: &'static [&'static str]) -> Result<Option<usize>, A::Error> {
                while let Some(key) = self.0.next_key_seed(Key(fields))? {
                    match key {
                        Some(index) => return Ok(Some(index)),
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

            #map_missing
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

            fn next_index(&mut self, fields: &'static [&'static str]) -> Result<Option<usize>, A::Error> {
                let index = self.next;
                self.next += 1;
                Ok((index < fields.len()).then_some(index))
            }

            fn value<T: serde::Deserialize<'de>>(&mut self, slot: &mut Option<T>, _: &'static str) -> Result<(), A::Error> {
                *slot = self.seq.next_element()?;
                Ok(())
            }

            #seq_missing
        }

        impl<A> serde::de::Expected for SeqEntries<A> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let s = if self.fields.len() == 1 { "" } else { "s" };
                write!(f, "struct {} with {} element{s}", self.name, self.fields.len())
            }
        }

        /// Reads a key of a struct's map: the field's position, `None` if unknown.
        struct Key(&'static [&'static str]);

        impl<'de> serde::de::DeserializeSeed<'de> for Key {
            type Value = Option<usize>;

            fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_identifier(self)
            }
        }

        impl<'de> serde::de::Visitor<'de> for Key {
            type Value = Option<usize>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("field identifier")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                match self.0.iter().position(|f| *f == v) {
                    Some(index) => Ok(Some(index)),
                    None => #unknown_str,
                }
            }

            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
                self.visit_str(&String::from_utf8_lossy(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
                match usize::try_from(v).ok().filter(|i| *i < self.0.len()) {
                    Some(index) => Ok(Some(index)),
                    None => #unknown_index,
                }
            }
        }

        #missing_struct
        #always
        #present
        #present_inner
        #( #kinds_code )*
    };
    (tokens, macro_text)
}

/// The `serde_struct!` macro (see [`MacroText`]); `{helpers}` is the helper module,
/// `{result}` the path of `Result`.
const SERDE_STRUCT: &str = "macro_rules! serde_struct {
    ($name:ident { $($field:ident: $kind:ident = $wire:literal),* $(,)? }) => {
        #[allow(deprecated)]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> {result}<Self, D::Error> {
                {helpers}::structure(d)
            }
        }

        // The slots are named after the fields, whatever clippy thinks of the names.
        #[allow(deprecated, clippy::disallowed_names, clippy::just_underscores_and_digits)]
        impl<'de> {helpers}::Fields<'de> for $name {
            const NAME: &'static str = stringify!($name);
            const FIELDS: &'static [&'static str] = &[$($wire),*];

            fn from_entries<E: {helpers}::Entries<'de>>(e: E) -> {result}<Self, E::Error> {
                $(let mut $field = {helpers}::$kind::slot();)*
                {helpers}::read_fields(e, Self::FIELDS, &mut [$(&mut $field),*])?;
                {result}::Ok(Self { $($field: $field.take()),* })
            }
        }

        #[allow(deprecated)]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> {result}<S::Ok, S::Error> {
                {helpers}::write_fields(
                    s,
                    <Self as {helpers}::Fields<'_>>::NAME,
                    <Self as {helpers}::Fields<'_>>::FIELDS,
                    &[$(&{helpers}::$kind::out(&self.$field)),*],
                )
            }
        }
    };
}";

/// The four kinds, in the order of [`crate::emit::rust::plan::Helpers::kinds`].
const KINDS: [Kind; 4] = [
    Kind::Required,
    Kind::Nullable,
    Kind::Optional,
    Kind::OptionalNullable,
];

/// The slot type of a field kind: how its value is read, what an absent field becomes,
/// the field's value from the slot, and how it is written.
fn kind_code(kind: Kind) -> TokenStream {
    let name = ident(kind.name());
    // What is absent: a required `Option` field is `None` (as serde), a nullable one
    // is an error; optional fields stay `None`.
    let required = |absent_is_none: bool| {
        (
            quote!(T),
            quote! {
                match self.0 {
                    Some(value) => value,
                    None => unreachable!("read_fields fills required slots or fails"),
                }
            },
            quote! {
                fn finish(&mut self, e: &E, index: usize, name: &'static str) -> Result<(), E::Error> {
                    if self.0.is_none() {
                        self.0 = Some(e.missing(index, name, #absent_is_none)?);
                    }
                    Ok(())
                }
            },
        )
    };
    let optional = || {
        (
            quote!(Option<T>),
            quote!(self.0),
            quote! {
                fn finish(&mut self, _: &E, _: usize, _: &'static str) -> Result<(), E::Error> {
                    Ok(())
                }
            },
        )
    };
    let (doc, ((field, take, finish), out)) = match kind {
        Kind::Required => (
            " A required field that is never `null`: `T`; an absent `Option` field is `None`.",
            (required(true), quote!(pub fn out<T>(value: &T) -> Always<'_, T> { Always(value) })),
        ),
        Kind::Nullable => (
            " A required field that may be `null`: `Option<T>`, the key must be there.",
            (required(false), quote!(pub fn out<T>(value: &T) -> Always<'_, T> { Always(value) })),
        ),
        Kind::Optional => (
            " An optional field that is never `null`: `Option<T>`, absent is `None`.",
            (optional(), quote!(pub fn out<T>(value: &Option<T>) -> Present<'_, T> { Present(value) })),
        ),
        Kind::OptionalNullable => (
            " An optional field that may be `null`: `Option<Option<T>>`, absent is `None`, `null` is `Some(None)`.",
            (optional(), quote!(pub fn out<T>(value: &Option<T>) -> PresentInner<'_, T> { PresentInner(value) })),
        ),
    };
    quote! {
        #[doc = #doc]
        pub struct #name<T>(Option<T>);

        impl<T> #name<T> {
            /// An empty slot.
            pub fn slot() -> Self {
                #name(None)
            }

            /// The field's value once [`read_fields`] is done.
            pub fn take(self) -> #field {
                #take
            }
        }

        impl #name<()> {
            /// How the field is written.
            #out
        }

        impl<'de, T: serde::Deserialize<'de>, E: Entries<'de>> Slot<'de, E> for #name<T> {
            fn read(&mut self, e: &mut E, name: &'static str) -> Result<(), E::Error> {
                e.value(&mut self.0, name)
            }

            #finish
        }
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
