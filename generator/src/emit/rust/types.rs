//! Type mapping: IR [`Type`]s → Rust type tokens.
//!
//! [`TypeMap`] knows the Rust identifier of every model, which std and serde
//! names a model shadows ([`Paths`]), and the date and map options; it knows
//! nothing of the plan or of how items are rendered. Inline enums, consts and
//! unions reach it already replaced by references to hoisted items
//! ([`hoisted_ref`]); any left over map to `serde_json::Value`.

use std::collections::{BTreeMap, HashSet};

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::ident;
use crate::emit::names;
use crate::ir::{Field, Format, Type};
use crate::options::{DateMapping, MapMapping};

pub(super) mod dates;

/// How references to other models are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RefStyle {
    /// `Other` (single file).
    Local,
    /// `super::Other` (module tree).
    Super,
}

/// Marks a [`Type::Ref`] to a hoisted item (by Rust identifier) rather than to an IR
/// model (by name); no model name contains it.
const HOISTED: char = '\0';

/// A reference to the hoisted item `ident`.
pub(super) fn hoisted_ref(ident: &str) -> Type {
    Type::Ref(format!("{HOISTED}{ident}"))
}

/// The Rust identifier of a hoisted item `name` refers to, or `None` for a model name.
pub(super) fn as_hoisted(name: &str) -> Option<&str> {
    name.strip_prefix(HOISTED)
}

/// std and serde names a model of the same name would shadow.
const STD_NAMES: &[&str] = &[
    "Option",
    "String",
    "Vec",
    "Box",
    "Result",
    "Serialize",
    "Deserialize",
    "Some",
    "None",
    "Ok",
    "Err",
];

/// Paths of std and serde items, qualified where a model name would shadow them.
#[derive(Debug, Default)]
pub(super) struct Paths {
    shadowed: HashSet<&'static str>,
}

impl Paths {
    /// The paths for a schema whose models have the Rust identifiers `idents`
    /// (IR name → identifier).
    pub(super) fn new(idents: &BTreeMap<String, String>) -> Paths {
        let shadowed = STD_NAMES
            .iter()
            .copied()
            .filter(|n| idents.values().any(|i| i == n))
            .collect();
        Paths { shadowed }
    }

    /// Whether a model is named `name`.
    pub(super) fn shadows(&self, name: &str) -> bool {
        self.shadowed.contains(name)
    }

    /// `name`, or its full path when a model shadows it.
    pub(super) fn get(&self, name: &'static str) -> TokenStream {
        let short = ident(name);
        if !self.shadowed.contains(name) {
            return quote!(#short);
        }
        match name {
            "Option" => quote!(::std::option::Option),
            "String" => quote!(::std::string::String),
            "Vec" => quote!(::std::vec::Vec),
            "Box" => quote!(::std::boxed::Box),
            "Result" => quote!(::std::result::Result),
            "Serialize" => quote!(::serde::Serialize),
            "Deserialize" => quote!(::serde::Deserialize),
            _ => quote!(#short),
        }
    }

    /// [`Paths::get`] as text, for attribute strings (`"Option::is_none"`).
    pub(super) fn as_str(&self, name: &'static str) -> String {
        if !self.shadowed.contains(name) {
            return name.to_string();
        }
        self.get(name).to_string().replace(' ', "")
    }
}

/// Maps IR types to Rust type tokens.
#[derive(Debug)]
pub(super) struct TypeMap {
    /// IR model name → Rust identifier.
    pub idents: BTreeMap<String, String>,
    /// std and serde names, qualified where shadowed.
    pub paths: Paths,
    /// Rust type of `date` and `date-time` strings.
    pub dates: DateMapping,
    /// Rust type of maps.
    pub maps: MapMapping,
}

impl TypeMap {
    /// A type map for models with the Rust identifiers `idents`.
    pub(super) fn new(
        idents: BTreeMap<String, String>,
        dates: DateMapping,
        maps: MapMapping,
    ) -> TypeMap {
        TypeMap {
            paths: Paths::new(&idents),
            idents,
            dates,
            maps,
        }
    }

    /// The Rust identifier a reference names: a hoisted item's own, a model's
    /// claimed one, or (dangling) the converted name.
    pub(super) fn ref_ident(&self, name: &str) -> String {
        match as_hoisted(name) {
            Some(hoisted) => hoisted.to_string(),
            None => self
                .idents
                .get(name)
                .cloned()
                .unwrap_or_else(|| names::type_name(name)),
        }
    }

    /// The Rust type of `t`, referring to other models in `refs` style.
    pub(super) fn rust_type(&self, t: &Type, refs: RefStyle) -> TokenStream {
        self.rust_type_with(t, refs, false)
    }

    /// The Rust type of a field's type: with `json_numbers` (the doc could not show
    /// integer vs float), numbers are `serde_json::Number`, which keeps an integer an
    /// integer and a float a float.
    pub(super) fn field_type(
        &self,
        f: &Field,
        t: &Type,
        refs: RefStyle,
        strict: bool,
    ) -> TokenStream {
        self.rust_type_with(t, refs, !strict && f.unstated.integer_or_float)
    }

    fn rust_type_with(&self, t: &Type, refs: RefStyle, json_numbers: bool) -> TokenStream {
        let string = self.paths.get("String");
        match t {
            Type::String(Some(format @ (Format::Date | Format::DateTime))) => {
                dates::rust_type(self.dates, *format, refs).unwrap_or(string)
            }
            Type::String(_) => string,
            Type::Integer(Some(Format::Int32)) => quote!(i32),
            Type::Integer(_) => quote!(i64),
            Type::Number(None) if json_numbers => quote!(serde_json::Number),
            Type::Number(_) => quote!(f64),
            Type::Boolean => quote!(bool),
            Type::Any | Type::Pending(_) | Type::Const(_) | Type::Enum(_) | Type::Union(_) => {
                quote!(serde_json::Value)
            }
            Type::Array(inner) => {
                let vec = self.paths.get("Vec");
                let inner = self.rust_type_with(inner, refs, json_numbers);
                quote!(#vec<#inner>)
            }
            Type::Map(inner) => {
                let inner = self.rust_type_with(inner, refs, json_numbers);
                self.map_type(string, inner)
            }
            Type::Nullable(inner) => {
                let option = self.paths.get("Option");
                let inner = self.rust_type_with(inner, refs, json_numbers);
                quote!(#option<#inner>)
            }
            Type::Ref(name) => {
                let id = ident(&self.ref_ident(name));
                if refs == RefStyle::Super && as_hoisted(name).is_none() {
                    quote!(super::#id)
                } else {
                    quote!(#id)
                }
            }
        }
    }

    /// The configured map type from `key` to `value`.
    pub(super) fn map_type(&self, key: TokenStream, value: TokenStream) -> TokenStream {
        match self.maps {
            MapMapping::BTreeMap => quote!(std::collections::BTreeMap<#key, #value>),
            MapMapping::HashMap => quote!(std::collections::HashMap<#key, #value>),
            MapMapping::IndexMap => quote!(indexmap::IndexMap<#key, #value>),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(models: &[&str], dates: DateMapping, maps: MapMapping) -> TypeMap {
        let idents = models
            .iter()
            .map(|m| (m.to_string(), names::type_name(m)))
            .collect();
        TypeMap::new(idents, dates, maps)
    }

    fn text(map: &TypeMap, t: &Type, refs: RefStyle) -> String {
        map.rust_type(t, refs).to_string().replace(' ', "")
    }

    #[test]
    fn scalars_and_containers() {
        let m = map(&["user"], DateMapping::String, MapMapping::BTreeMap);
        let user = || Box::new(Type::Ref("user".into()));
        let cases = [
            (Type::String(None), "String"),
            (Type::String(Some(Format::DateTime)), "String"),
            (Type::Integer(Some(Format::Int32)), "i32"),
            (Type::Integer(None), "i64"),
            (Type::Number(None), "f64"),
            (Type::Boolean, "bool"),
            (Type::Any, "serde_json::Value"),
            (Type::Array(user()), "Vec<User>"),
            (Type::Nullable(user()), "Option<User>"),
            (Type::Map(user()), "std::collections::BTreeMap<String,User>"),
        ];
        for (t, want) in cases {
            assert_eq!(text(&m, &t, RefStyle::Local), want, "{t:?}");
        }
    }

    #[test]
    fn references_in_a_module_tree_go_through_super_except_hoisted_items() {
        let m = map(&["user"], DateMapping::String, MapMapping::BTreeMap);
        let model = Type::Ref("user".into());
        assert_eq!(text(&m, &model, RefStyle::Super), "super::User");
        assert_eq!(text(&m, &model, RefStyle::Local), "User");
        let hoisted = hoisted_ref("UserKind");
        assert_eq!(text(&m, &hoisted, RefStyle::Super), "UserKind");
        // A dangling reference still names a valid identifier.
        assert_eq!(
            text(&m, &Type::Ref("gone-away".into()), RefStyle::Local),
            "GoneAway"
        );
    }

    #[test]
    fn shadowed_std_names_are_qualified() {
        let m = map(
            &["String", "Option"],
            DateMapping::String,
            MapMapping::BTreeMap,
        );
        let t = Type::Nullable(Box::new(Type::String(None)));
        assert_eq!(
            text(&m, &t, RefStyle::Local),
            "::std::option::Option<::std::string::String>"
        );
        assert_eq!(m.paths.as_str("Option"), "::std::option::Option");
        assert_eq!(m.paths.as_str("Vec"), "Vec");
        assert!(m.paths.shadows("String") && !m.paths.shadows("Vec"));
    }

    #[test]
    fn options_pick_dates_and_maps() {
        let date = Type::String(Some(Format::Date));
        let m = map(&[], DateMapping::Chrono, MapMapping::IndexMap);
        assert_eq!(text(&m, &date, RefStyle::Local), "chrono::NaiveDate");
        let any = Type::Map(Box::new(Type::Any));
        assert_eq!(
            text(&m, &any, RefStyle::Local),
            "indexmap::IndexMap<String,serde_json::Value>"
        );
        let m = map(&[], DateMapping::Time, MapMapping::HashMap);
        assert_eq!(text(&m, &date, RefStyle::Super), "super::dates::Date");
        assert_eq!(text(&m, &date, RefStyle::Local), "dates::Date");
    }
}
