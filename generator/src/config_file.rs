//! `modeldoc.toml`: inputs, outputs and options for the CLI and `cargo xtask codegen`.
//!
//! Paths are relative to the file's folder. Unknown keys and values are errors that name
//! the closest known one:
//!
//! ```toml
//! inputs = ["specs"]
//!
//! [output]
//! rust = "src/models/"          # a trailing `/` means a module tree
//! openapi = "openapi.json"
//! json_schema = "schemas"
//!
//! [models]                    # rename or leave out models by name or doc path
//! rename = { "apierrors/detail.md" = "ErrorDetail" }
//! exclude = ["operations/"]
//!
//! [options]
//! dates = "chrono"
//! maps = "indexmap"
//!
//! [wire_names]                  # settles single fields' JSON names
//! "User.userID" = "user_id"
//! ```
//!
//! With `merge = true`, each entry of `inputs` is one doc set of the same API
//! (its SDKs in several languages) and the doc sets are merged ([`crate::merge`]).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::config::{Config, Error};
use crate::options::Options;
use crate::parse::Dialect;
use crate::rename::RenameWire;
use crate::select::ModelSelection;
use crate::suggest::closest;

/// The contents of a `modeldoc.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConfigFile {
    /// Doc files or folders (searched recursively for `*.md`).
    pub inputs: Vec<PathBuf>,
    /// Each entry of `inputs` is its own doc set, and the doc sets are merged.
    pub merge: bool,
    /// Forces a dialect by name (default: detected per document).
    #[serde(deserialize_with = "dialect_name")]
    pub dialect: Option<Dialect>,
    /// Turns warnings into errors.
    pub strict: bool,
    /// How field wire names are decided: `infer` (default), `as-is`, `snake` or `camel`.
    pub rename_wire: Option<RenameWire>,
    /// `[models]`: renames and exclusions by model name or doc path ([`ModelSelection`]).
    pub models: ModelSelection,
    /// `"Model.field" = "wireName"`: one field's wire name, settled by hand.
    pub wire_names: std::collections::BTreeMap<String, String>,
    /// A folder of sample payloads (`<Model>.json`) to learn wire names from.
    pub wire_samples: Option<PathBuf>,
    /// Where outputs go.
    pub output: Outputs,
    /// Type mappings, derives and attributes (see [`Options`]).
    pub options: Options,
}

/// The `[output]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Outputs {
    /// Rust output: a file, or a directory (trailing `/`) for a module tree.
    pub rust: Option<PathBuf>,
    /// A comment line under the preamble of every Rust file.
    pub rust_header: Option<String>,
    /// The OpenAPI 3.1 document.
    pub openapi: Option<PathBuf>,
    /// `info.title` of the OpenAPI document.
    pub openapi_title: Option<String>,
    /// `info.version` of the OpenAPI document.
    pub openapi_version: Option<String>,
    /// Directory for one JSON Schema per model.
    pub json_schema: Option<PathBuf>,
}

impl Outputs {
    /// Whether any output is configured.
    pub fn any(&self) -> bool {
        self.rust.is_some() || self.openapi.is_some() || self.json_schema.is_some()
    }
}

impl ConfigFile {
    /// The file name the CLI looks for in the current directory.
    pub const FILE_NAME: &'static str = "modeldoc.toml";

    /// Reads and parses a config file; errors name the file and suggest fixes.
    pub fn read(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::Config(format!("{}: {e}", path.display())))?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses config text; `name` is used in error messages.
    pub fn parse(text: &str, name: &str) -> Result<Self, Error> {
        let file: ConfigFile = toml::from_str(text)
            .map_err(|e| Error::Config(format!("{name}: {}", with_suggestion(&e.to_string()))))?;
        file.options
            .validate()
            .and_then(|()| file.models.validate())
            .map_err(|e| Error::Config(format!("{name}: {e}")))?;
        Ok(file)
    }

    /// Applies inputs, outputs and options to `config`, resolving paths against `base`.
    pub fn apply(&self, config: &mut Config, base: &Path) -> Result<(), Error> {
        for input in &self.inputs {
            if self.merge {
                config.doc_set([base.join(input)]);
            } else {
                config.input(base.join(input));
            }
        }
        self.apply_settings(config);
        if let Some(dir) = &self.wire_samples {
            config.wire_samples(base.join(dir));
        }
        self.apply_outputs(config, base);
        Ok(())
    }

    /// Applies everything but the paths: dialect, strictness, wire renaming and options.
    ///
    /// The one place a setting of the file reaches a [`Config`]: [`ConfigFile::apply`]
    /// (the xtask, build scripts) and the CLI (before its flags override) both call it, so
    /// a new setting added here behaves the same everywhere.
    pub fn apply_settings(&self, config: &mut Config) {
        if let Some(d) = self.dialect {
            config.dialect(d);
        }
        if let Some(r) = self.rename_wire {
            config.rename_wire(r);
        }
        config.strict(self.strict);
        config.models(&self.models);
        for (path, wire) in &self.wire_names {
            config.wire_name(path.clone(), wire.clone());
        }
        config.options(self.options.clone());
    }

    /// Applies only the `[output]` table.
    pub fn apply_outputs(&self, config: &mut Config, base: &Path) {
        let o = &self.output;
        if let Some(r) = &o.rust {
            set_rust_output(config, &base.join(r), r);
        }
        if let Some(h) = &o.rust_header {
            config.rust_header(h.clone());
        }
        if let Some(p) = &o.openapi {
            config.openapi(base.join(p));
        }
        if o.openapi_title.is_some() || o.openapi_version.is_some() {
            config.openapi_info(
                o.openapi_title.clone().unwrap_or_else(|| "Models".into()),
                o.openapi_version.clone().unwrap_or_else(|| "1.0.0".into()),
            );
        }
        if let Some(j) = &o.json_schema {
            config.json_schema(base.join(j));
        }
    }

    /// A [`Config`] for this file, located at `path` (paths resolve against its folder).
    pub fn load_config(path: &Path) -> Result<Config, Error> {
        let file = Self::read(path)?;
        let mut config = Config::new();
        file.apply(&mut config, path.parent().unwrap_or(Path::new("")))?;
        Ok(config)
    }
}

/// Reads `dialect = "..."` through [`Dialect`]'s `FromStr` (names and aliases of `--dialect`).
fn dialect_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Dialect>, D::Error> {
    let name = String::deserialize(d)?;
    name.parse().map(Some).map_err(serde::de::Error::custom)
}

/// A Rust output path names a module tree when it ends with `/` or is an existing directory.
pub fn set_rust_output(config: &mut Config, path: &Path, as_written: &Path) {
    let text = as_written.to_string_lossy();
    if path.is_dir() || text.ends_with(['/', '\\']) {
        config.rust_dir(path);
    } else {
        config.rust_file(path);
    }
}

/// Appends "did you mean" to serde's "unknown field/variant `x`, expected ..." messages.
fn with_suggestion(message: &str) -> String {
    let Some(unknown) = ["unknown field `", "unknown variant `"]
        .iter()
        .find_map(|p| message.split(p).nth(1))
        .and_then(|rest| rest.split('`').next())
    else {
        return message.trim_end().to_string();
    };
    let expected: Vec<&str> = message
        .split("expected")
        .nth(1)
        .map(|rest| rest.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default();
    match closest(unknown, &expected) {
        Some(best) => format!("{}\n  = hint: did you mean `{best}`?", message.trim_end()),
        None => message.trim_end().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        match ConfigFile::parse(text, "modeldoc.toml") {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn parses_a_full_file() {
        let file = ConfigFile::parse(
            "inputs = [\"docs\"]\ndialect = \"python\"\n[output]\nrust = \"src/models/\"\n\
             [options]\ndates = \"jiff\"\nmaps = \"hashmap\"\nbuilders = true\n\
             [[options.type_attributes]]\npath = \".\"\nattribute = \"#[non_exhaustive]\"\n",
            "t",
        )
        .unwrap();
        assert_eq!(file.inputs, [PathBuf::from("docs")]);
        assert_eq!(file.options.dates, crate::DateMapping::Jiff);
        assert_eq!(file.options.type_attributes.len(), 1);
        assert!(!file.merge);
    }

    #[test]
    fn merge_makes_each_input_a_doc_set() {
        let file = ConfigFile::parse("inputs = [\"py\", \"go\"]\nmerge = true\n", "t").unwrap();
        let mut config = Config::new();
        file.apply(&mut config, Path::new("base")).unwrap();
        assert_eq!(
            config.doc_sets(),
            [
                vec![PathBuf::from("base/py")],
                vec![PathBuf::from("base/go")]
            ]
        );
        let file = ConfigFile::parse("inputs = [\"py\", \"go\"]\n", "t").unwrap();
        let mut config = Config::new();
        file.apply(&mut config, Path::new("base")).unwrap();
        assert_eq!(config.doc_sets().len(), 1);
        assert!(err("merge = \"yes\"\n").contains("invalid type"));
    }

    #[test]
    fn unknown_keys_suggest_the_closest() {
        let e = err("input = [\"docs\"]\n");
        assert!(e.contains("unknown field `input`"), "{e}");
        assert!(e.contains("did you mean `inputs`?"), "{e}");
        let e = err("[options]\nopen_enum = true\n");
        assert!(e.contains("did you mean `open_enums`?"), "{e}");
        let e = err("[options]\ndates = \"chrno\"\n");
        assert!(e.contains("did you mean `chrono`?"), "{e}");
        let e = err("zzzzzzzz = 1\n");
        assert!(!e.contains("did you mean"), "{e}");
    }

    #[test]
    fn bad_values_are_errors() {
        assert!(err("dialect = \"cobol\"\n").contains("unknown dialect"));
        let e = err("[[options.field_attributes]]\npath = \".\"\nattribute = \"nope\"\n");
        assert!(e.contains("not an outer attribute"), "{e}");
    }

    #[test]
    fn rename_wire_is_typed() {
        let file = ConfigFile::parse("rename_wire = \"camel\"\n", "t").unwrap();
        assert_eq!(file.rename_wire, Some(RenameWire::Camel));
        let e = err("rename_wire = \"bogus\"\n");
        assert!(e.contains("unknown variant `bogus`"), "{e}");
        let e = err("rename_wire = \"snak\"\n");
        assert!(e.contains("did you mean `snake`?"), "{e}");
    }

    #[test]
    fn models_table_renames_and_excludes() {
        let file = ConfigFile::parse(
            "[models]\nexclude = [\"operations/\"]\nrename = { \"apierrors/detail.md\" = \"ErrorDetail\" }\n",
            "t",
        )
        .unwrap();
        assert_eq!(file.models.exclude, ["operations/"]);
        assert_eq!(file.models.rename["apierrors/detail.md"], "ErrorDetail");
        let e = err("[models]\nrenames = {}\n");
        assert!(e.contains("did you mean `rename`?"), "{e}");
        let e = err("[models]\nrename = { \"Detail\" = \"not a name\" }\n");
        assert!(e.contains("not a model name"), "{e}");
    }

    #[test]
    fn apply_sets_the_wire_rule() {
        let file = ConfigFile::parse("rename_wire = \"snake\"\ndialect = \"go\"\n", "t").unwrap();
        let mut config = Config::new();
        file.apply(&mut config, Path::new("")).unwrap();
        let debug = format!("{config:?}");
        assert!(debug.contains("rule: Snake"), "{debug}");
        assert!(debug.contains("dialect: Some(Go)"), "{debug}");
    }
}
