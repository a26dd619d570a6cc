//! Type-mapping and derive options shared by the build-script API ([`crate::Config`]),
//! the CLI flags and the `[options]` table of `modeldoc.toml` (same names everywhere).
//!
//! Every option defaults to the plain output: dates as `String`, maps as `BTreeMap`,
//! no extra derives, open objects and closed enums. That output needs only `serde`
//! and `serde_json`; the other choices name the crate they need in their docs.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How `date` and `date-time` strings are typed in Rust.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateMapping {
    /// `String` (no extra dependency).
    #[default]
    String,
    /// `chrono::NaiveDate` / `chrono::DateTime<chrono::FixedOffset>`; needs `chrono` with `serde`.
    Chrono,
    /// `time::Date` / `time::OffsetDateTime` wrapped for ISO 8601 / RFC 3339 serde;
    /// needs `time` with `serde`, `formatting`, `parsing` and `macros`.
    Time,
    /// `jiff::civil::Date` / `jiff::Timestamp`; needs `jiff` with `serde`.
    Jiff,
}

/// Which map type JSON objects with free-form keys become.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MapMapping {
    /// `std::collections::BTreeMap` (deterministic order, no extra dependency).
    #[default]
    BTreeMap,
    /// `std::collections::HashMap`.
    HashMap,
    /// `indexmap::IndexMap` (keeps document order); needs `indexmap` with `serde`.
    IndexMap,
}

/// An attribute added to the generated items a path selects.
///
/// Paths: `.` selects everything; `Model` a model (by its doc name or Rust name);
/// `Model.field` one field (by wire name or Rust name); `.field` that field in every model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathAttribute {
    /// What the attribute applies to.
    pub path: String,
    /// The attribute, written as in Rust (`#[derive(Hash)]`).
    pub attribute: String,
}

/// Options that change the generated types (and, where the wire format changes, the schemas).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Rust types for `date` / `date-time` strings.
    pub dates: DateMapping,
    /// Rust type for maps.
    pub maps: MapMapping,
    /// Attributes added to types (structs and enums) by path.
    pub type_attributes: Vec<PathAttribute>,
    /// Attributes added to struct fields by path.
    pub field_attributes: Vec<PathAttribute>,
    /// Derive `Default`, `Eq` and `Hash` wherever every field's type allows it.
    pub derive_default_eq_hash: bool,
    /// Derive `schemars::JsonSchema` (needs `schemars`).
    pub schemars: bool,
    /// Generate `new(required fields)` and `with_<field>` setters for every struct.
    pub builders: bool,
    /// Reject unknown object keys (`#[serde(deny_unknown_fields)]`); the schemas then
    /// say `additionalProperties: false`.
    pub deny_unknown_fields: bool,
    /// String enums accept unknown values (an `Other(String)` variant); the schemas then
    /// accept any string.
    pub open_enums: bool,
    /// Enforce only what the docs state, also where their dialect cannot show a fact
    /// (nullability, integer vs float): by default such fields accept every value the
    /// unknown fact might allow (see `docs/mapping.md`, "Uncertainty is lenient").
    pub strict_types: bool,
}

impl Options {
    /// Checks that every attribute is valid Rust attribute syntax.
    pub fn validate(&self) -> Result<(), String> {
        for a in self.type_attributes.iter().chain(&self.field_attributes) {
            if a.path.is_empty() {
                return Err(format!("attribute `{}` has an empty path", a.attribute));
            }
            let tokens: proc_macro2::TokenStream = a
                .attribute
                .parse()
                .map_err(|e| format!("attribute `{}` is not valid Rust: {e}", a.attribute))?;
            let parsed = syn::parse::Parser::parse2(syn::Attribute::parse_outer, tokens);
            match parsed {
                Ok(attrs) if !attrs.is_empty() => {}
                _ => {
                    return Err(format!(
                        "`{}` is not an outer attribute such as `#[derive(Hash)]`",
                        a.attribute
                    ))
                }
            }
        }
        Ok(())
    }
}

/// Parses `PATH=ATTRIBUTE` (the CLI's `--type-attribute` / `--field-attribute` syntax).
impl FromStr for PathAttribute {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.split_once('=') {
            Some((path, attribute)) if !path.trim().is_empty() => Ok(PathAttribute {
                path: path.trim().to_string(),
                attribute: attribute.trim().to_string(),
            }),
            _ => Err(format!(
                "expected PATH=ATTRIBUTE (e.g. `.=#[derive(Hash)]`), got `{s}`"
            )),
        }
    }
}

macro_rules! keyword_enum {
    ($ty:ty, $($variant:ident => $text:literal),+) => {
        impl $ty {
            /// Every accepted value, as written in flags and `modeldoc.toml`.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The name used in flags and `modeldoc.toml`.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }

        impl FromStr for $ty {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s.to_ascii_lowercase().as_str() {
                    $($text => Ok(Self::$variant),)+
                    _ => Err(format!(
                        "unknown value `{s}` (expected one of: {})",
                        Self::NAMES.join(", ")
                    )),
                }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keyword_enum!(DateMapping, String => "string", Chrono => "chrono", Time => "time", Jiff => "jiff");
keyword_enum!(MapMapping, BTreeMap => "btreemap", HashMap => "hashmap", IndexMap => "indexmap");

/// Whether an attribute `path` selects the type with doc name `model` and Rust name `ident`.
pub fn matches_type(path: &str, model: &str, ident: &str) -> bool {
    path == "." || path == model || path == ident
}

/// Checks that every attribute path names something in `schema`: a type path a model (by
/// doc name or Rust name) or an item hoisted out of one (`PetStatus` of `Pet`), a field path
/// `Model.field` or `.field` a field (by wire name or Rust name). A path that names nothing
/// is an error with the closest known name, not an attribute silently dropped.
pub fn check_paths(options: &Options, schema: &crate::ir::Schema) -> Result<(), String> {
    use crate::emit::names;
    use crate::ir::ModelKind;
    let models: Vec<(&str, String)> = schema
        .models
        .iter()
        .map(|m| (m.name.as_str(), names::type_name(&m.name)))
        .collect();
    let is_model = |p: &str| models.iter().any(|(n, i)| p == *n || p == i);
    for a in &options.type_attributes {
        let p = a.path.as_str();
        // Hoisted items are named after their model: `Pet` + `Status` (+ a number when taken).
        let hoisted = |i: &str| {
            p.strip_prefix(i)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| c.is_ascii_uppercase())
        };
        if p == "." || is_model(p) || models.iter().any(|(_, i)| hoisted(i)) {
            continue;
        }
        let known: Vec<&str> = models.iter().map(|(_, i)| i.as_str()).collect();
        return Err(unknown(
            "type",
            p,
            &a.attribute,
            crate::suggest::closest(p, &known),
        ));
    }
    for a in &options.field_attributes {
        let p = a.path.as_str();
        if p == "." {
            continue;
        }
        let Some((owner, name)) = p.rsplit_once('.') else {
            return Err(format!(
                "field attribute `{}`: path `{p}` names no field (expected `Model.field`, `.field` or `.`)",
                a.attribute
            ));
        };
        let mut fields: Vec<String> = Vec::new();
        for m in &schema.models {
            let ident = names::type_name(&m.name);
            if !(owner.is_empty() || owner == m.name || owner == ident) {
                continue;
            }
            if let ModelKind::Object(o) = &m.kind {
                for f in &o.fields {
                    let rust = names::field_name(&f.wire_name);
                    fields.push(format!("{owner}.{}", f.wire_name));
                    fields.push(format!("{owner}.{}", rust.trim_start_matches("r#")));
                }
            }
        }
        if fields.iter().any(|f| f == p) {
            continue;
        }
        if !owner.is_empty() && !is_model(owner) {
            let known: Vec<&str> = models.iter().map(|(_, i)| i.as_str()).collect();
            return Err(unknown(
                "field",
                p,
                &a.attribute,
                crate::suggest::closest(owner, &known)
                    .map(|m| format!("{m}.{name}"))
                    .as_deref(),
            ));
        }
        let known: Vec<&str> = fields.iter().map(String::as_str).collect();
        return Err(unknown(
            "field",
            p,
            &a.attribute,
            crate::suggest::closest(p, &known),
        ));
    }
    Ok(())
}

fn unknown(kind: &str, path: &str, attribute: &str, best: Option<&str>) -> String {
    let mut message =
        format!("{kind} attribute `{attribute}`: path `{path}` names no {kind} of the docs");
    if let Some(best) = best {
        message.push_str(&format!("\n  = hint: did you mean `{best}`?"));
    }
    message
}

/// Whether an attribute `path` selects a field (by wire name or Rust name) of a type.
pub fn matches_field(path: &str, model: &str, ident: &str, wire: &str, field: &str) -> bool {
    if path == "." {
        return true;
    }
    let Some((owner, name)) = path.rsplit_once('.') else {
        return false;
    };
    let owner_ok = owner.is_empty() || owner == model || owner == ident;
    owner_ok && (name == wire || name == field.trim_start_matches("r#"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_round_trip() {
        for name in DateMapping::NAMES {
            assert_eq!(name.parse::<DateMapping>().unwrap().as_str(), *name);
        }
        for name in MapMapping::NAMES {
            assert_eq!(name.parse::<MapMapping>().unwrap().as_str(), *name);
        }
        assert!("chronos".parse::<DateMapping>().is_err());
    }

    #[test]
    fn path_attributes_parse_and_validate() {
        let a: PathAttribute = "Pet.name=#[serde(alias = \"n\")]".parse().unwrap();
        assert_eq!(a.path, "Pet.name");
        let mut o = Options::default();
        o.field_attributes.push(a);
        assert!(o.validate().is_ok());
        o.type_attributes.push(PathAttribute {
            path: ".".into(),
            attribute: "derive(Hash)".into(),
        });
        assert!(o.validate().is_err());
        assert!("=#[x]".parse::<PathAttribute>().is_err());
    }

    #[test]
    fn path_matching() {
        assert!(matches_type(".", "UserAPIKey", "UserApiKey"));
        assert!(matches_type("UserAPIKey", "UserAPIKey", "UserApiKey"));
        assert!(matches_type("UserApiKey", "UserAPIKey", "UserApiKey"));
        assert!(!matches_type("Other", "UserAPIKey", "UserApiKey"));
        assert!(matches_field(
            "UserAPIKey.alias",
            "UserAPIKey",
            "UserApiKey",
            "alias",
            "alias"
        ));
        assert!(matches_field(".type", "A", "A", "type", "r#type"));
        assert!(!matches_field("B.alias", "A", "A", "alias", "alias"));
    }
}
