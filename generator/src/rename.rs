//! Rewriting wire names by one fixed rule: `--rename-wire as-is|snake|camel`.
//!
//! Docs list SDK property names (`address_line2` in Python, `addressLine2` in
//! TypeScript), not the JSON names. By default [`crate::wire_names`] infers the
//! API's spelling from the docs; when the user knows the rule, this pass rewrites every
//! [`Field::wire_name`](crate::ir::Field) of the [`Schema`] to that casing.
//! A rename that would make two fields of one object share a name is not
//! applied to that object (a warning names the clash).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use heck::{ToLowerCamelCase, ToSnakeCase};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::{ModelKind, Schema};

/// How wire names are decided (`infer`, `as-is`, `snake` or `camel` in `modeldoc.toml`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RenameWire {
    /// Infer the API's convention and exceptions from the docs (see `docs/wire-names.md`).
    #[default]
    Infer,
    /// Keep the names as the docs write them.
    AsIs,
    /// `snake_case`.
    Snake,
    /// `camelCase`.
    Camel,
}

impl RenameWire {
    /// Every rule, in `--help` order.
    pub const ALL: &'static [RenameWire] = &[
        RenameWire::Infer,
        RenameWire::AsIs,
        RenameWire::Snake,
        RenameWire::Camel,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            RenameWire::Infer => "infer",
            RenameWire::AsIs => "as-is",
            RenameWire::Snake => "snake",
            RenameWire::Camel => "camel",
        }
    }

    /// Applies the rule to one name; leading underscores (`_links`) are kept.
    pub fn apply(self, name: &str) -> String {
        let body = name.trim_start_matches('_');
        let prefix = &name[..name.len() - body.len()];
        let renamed = match self {
            RenameWire::AsIs | RenameWire::Infer => return name.to_string(),
            RenameWire::Snake => body.to_snake_case(),
            RenameWire::Camel => body.to_lower_camel_case(),
        };
        if renamed.is_empty() {
            // Nothing casing could act on (`_`, `$`, `@`): keep it.
            return name.to_string();
        }
        format!("{prefix}{renamed}")
    }
}

impl fmt::Display for RenameWire {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for RenameWire {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RenameWire::ALL
            .iter()
            .copied()
            .find(|r| r.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!("unknown wire-name rule `{s}` (expected infer, as-is, snake or camel)")
            })
    }
}

/// Rewrites every field's wire name by `rule`; objects where renaming would
/// produce duplicate names keep their names and get a warning.
pub fn rename_wire(schema: &mut Schema, rule: RenameWire, diags: &mut Diagnostics) {
    if matches!(rule, RenameWire::AsIs | RenameWire::Infer) {
        return;
    }
    for model in &mut schema.models {
        let ModelKind::Object(object) = &mut model.kind else {
            continue;
        };
        let renamed: Vec<String> = object
            .fields
            .iter()
            .map(|f| rule.apply(&f.wire_name))
            .collect();
        let mut by_name: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (new, field) in renamed.iter().zip(&object.fields) {
            by_name.entry(new).or_default().push(&field.wire_name);
        }
        if let Some((new, olds)) = by_name.iter().find(|(_, olds)| olds.len() > 1) {
            let olds: BTreeSet<String> = olds.iter().map(|o| format!("`{o}`")).collect();
            let olds: Vec<String> = olds.into_iter().collect();
            diags.push(
                Diagnostic::warning(
                    model.span.clone(),
                    format!(
                        "--rename-wire {rule} would give fields {} of `{}` the same name `{new}`; its names are kept",
                        olds.join(", "),
                        model.name
                    ),
                )
                .with_hint("rename the fields in the docs or use --rename-wire as-is"),
            );
            continue;
        }
        for (field, new) in object.fields.iter_mut().zip(renamed) {
            field.wire_name = new;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{test_values, Type};

    fn object(names: &[&str]) -> Schema {
        let fields = names
            .iter()
            .map(|n| test_values::field(n, Type::STRING, false))
            .collect();
        Schema {
            models: vec![test_values::object("M", fields)],
        }
    }

    fn names(schema: &Schema) -> Vec<&str> {
        let ModelKind::Object(o) = &schema.models[0].kind else {
            unreachable!()
        };
        o.fields.iter().map(|f| f.wire_name.as_str()).collect()
    }

    #[test]
    fn rules_apply_to_single_names() {
        assert_eq!(RenameWire::Snake.apply("addressLine2"), "address_line2");
        assert_eq!(RenameWire::Camel.apply("address_line2"), "addressLine2");
        assert_eq!(RenameWire::Camel.apply("_links"), "_links");
        assert_eq!(RenameWire::Snake.apply("_embeddedItems"), "_embedded_items");
        assert_eq!(RenameWire::Snake.apply("$"), "$");
        assert_eq!(RenameWire::AsIs.apply("Any_Name"), "Any_Name");
    }

    #[test]
    fn parses_cli_names() {
        assert_eq!("snake".parse(), Ok(RenameWire::Snake));
        assert_eq!("Camel".parse(), Ok(RenameWire::Camel));
        assert_eq!("as-is".parse(), Ok(RenameWire::AsIs));
        assert!("kebab".parse::<RenameWire>().is_err());
    }

    #[test]
    fn renames_every_field() {
        let mut schema = object(&["first_name", "last_name", "id"]);
        let mut diags = Diagnostics::default();
        rename_wire(&mut schema, RenameWire::Camel, &mut diags);
        assert_eq!(names(&schema), ["firstName", "lastName", "id"]);
        assert!(diags.is_empty());
        rename_wire(&mut schema, RenameWire::AsIs, &mut diags);
        assert_eq!(names(&schema), ["firstName", "lastName", "id"]);
    }

    #[test]
    fn clashes_keep_the_object_unchanged_and_warn() {
        let mut schema = object(&["userId", "user_id"]);
        let mut diags = Diagnostics::default();
        rename_wire(&mut schema, RenameWire::Snake, &mut diags);
        assert_eq!(names(&schema), ["userId", "user_id"]);
        assert_eq!(diags.warning_count(), 1);
    }
}
