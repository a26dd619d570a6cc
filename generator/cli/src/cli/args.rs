//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use modeldoc::{DateMapping, Dialect, MapMapping, PathAttribute, RenameWire};

const EXAMPLES: &str = "\
Examples:
  modeldoc generate docs/models --rust src/models.rs --openapi openapi.json
  modeldoc generate docs/models --rust src/models/ --json-schema schemas/ --dates chrono
  modeldoc generate                  # inputs and outputs from ./modeldoc.toml
  modeldoc generate --check          # exit 1 when the outputs are stale
  modeldoc generate --merge sdk-python/docs sdk-go/docs --openapi openapi.json
  modeldoc check docs/models --strict --message-format json
  modeldoc ir docs/models > ir.json

Exit codes:
  0  success (warnings allowed)
  1  input errors, unreadable inputs, or stale outputs with --check
  2  usage or configuration errors (bad flags, bad modeldoc.toml)";

/// Generate Rust types, OpenAPI 3.1 and JSON Schema from SDK markdown model docs.
#[derive(Parser)]
#[command(name = "modeldoc", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand)]
pub enum Command {
    /// Generate outputs from doc files or folders (searched recursively for *.md).
    #[command(after_help = EXAMPLES)]
    Generate(Generate),
    /// Parse and lint the docs without generating anything.
    #[command(
        after_help = "Examples:\n  modeldoc check docs/models\n  modeldoc check docs/models --strict --message-format json"
    )]
    Check(Inputs),
    /// Print the intermediate representation as JSON.
    #[command(
        after_help = "Examples:\n  modeldoc ir docs/models > ir.json\n  modeldoc ir --merge sdk-python/docs sdk-go/docs > ir.json   # with each fact's doc set"
    )]
    Ir(Inputs),
}

/// `modeldoc generate`.
#[derive(Args)]
pub struct Generate {
    /// What to read and how to report.
    #[command(flatten)]
    pub inputs: Inputs,
    /// Rust output: a file (`models.rs`) or a directory (ends with `/`, or exists) for a module tree.
    #[arg(long, value_name = "FILE|DIR")]
    pub rust: Option<PathBuf>,
    /// OpenAPI 3.1 output file.
    #[arg(long, value_name = "FILE")]
    pub openapi: Option<PathBuf>,
    /// Directory for one JSON Schema 2020-12 document per model.
    #[arg(long, value_name = "DIR")]
    pub json_schema: Option<PathBuf>,
    /// Compare instead of writing; exit 1 and name every stale file.
    #[arg(long)]
    pub check: bool,
    /// Type mappings and derives (override modeldoc.toml's `[options]`).
    #[command(flatten)]
    pub options: OptionFlags,
}

/// Inputs and reporting, shared by every subcommand.
#[derive(Args)]
pub struct Inputs {
    /// Doc files or folders (default: `inputs` of the config file).
    pub docs: Vec<PathBuf>,
    /// Each DOCS folder is one doc set of the same API (its SDKs in several
    /// languages): merge them, each fact from the doc sets that show it; when
    /// two disagree, the first given wins.
    #[arg(long)]
    pub merge: bool,
    /// Config file (default: ./modeldoc.toml when present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Doc dialect (default: detected per document).
    #[arg(long, value_parser = parse_with::<Dialect>)]
    pub dialect: Option<Dialect>,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// How field wire (JSON) names are decided: inferred from the docs (default), the docs' SDK names as written, or snake_case / camelCase.
    #[arg(long, value_name = "infer|as-is|snake|camel", value_parser = parse_with::<RenameWire>)]
    pub rename_wire: Option<RenameWire>,
    /// Name a model: `KEY=NAME`, KEY a model name (`Detail`) or doc path
    /// (`apierrors/detail.md`); adds to `[models] rename` of modeldoc.toml.
    #[arg(long, value_name = "KEY=NAME", value_parser = parse_rename)]
    pub rename_model: Vec<(String, String)>,
    /// Leave out models: a model name, doc path or folder (`operations/`);
    /// adds to `[models] exclude` of modeldoc.toml.
    #[arg(long, value_name = "KEY")]
    pub exclude_model: Vec<String>,
    /// Settle one field's wire (JSON) name: `Model.field=name` (the field as its doc names it); repeatable.
    #[arg(long, value_name = "MODEL.FIELD=NAME")]
    pub wire_name: Vec<String>,
    /// Learn wire names from sample payloads: a folder of `<Model>.json` files.
    #[arg(long, value_name = "DIR")]
    pub wire_samples: Option<PathBuf>,
    /// Print only errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// How diagnostics are printed.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

/// How diagnostics are printed.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MessageFormat {
    /// Compiler-style text on stderr, colored on a terminal.
    Human,
    /// One JSON object per line on stdout.
    Json,
}

/// The type-mapping flags; names match `[options]` in modeldoc.toml.
#[derive(Args)]
pub struct OptionFlags {
    /// Rust type of date and date-time strings.
    #[arg(long, value_name = "string|chrono|time|jiff", value_parser = parse_with::<DateMapping>)]
    pub dates: Option<DateMapping>,
    /// Rust type of maps.
    #[arg(long, value_name = "btreemap|hashmap|indexmap", value_parser = parse_with::<MapMapping>)]
    pub maps: Option<MapMapping>,
    /// Add an attribute to types: `PATH=ATTR` (`.` all, `Model`).
    #[arg(long, value_name = "PATH=ATTR", value_parser = parse_with::<PathAttribute>)]
    pub type_attribute: Vec<PathAttribute>,
    /// Add an attribute to fields: `PATH=ATTR` (`.` all, `Model.field`, `.field`).
    #[arg(long, value_name = "PATH=ATTR", value_parser = parse_with::<PathAttribute>)]
    pub field_attribute: Vec<PathAttribute>,
    /// Derive Default, Eq and Hash where the field types allow it.
    #[arg(long)]
    pub derive_default_eq_hash: bool,
    /// Derive schemars::JsonSchema.
    #[arg(long)]
    pub schemars: bool,
    /// Generate `new` and `with_<field>` setters.
    #[arg(long)]
    pub builders: bool,
    /// Reject unknown object keys (schemas get additionalProperties: false).
    #[arg(long)]
    pub deny_unknown_fields: bool,
    /// String enums accept unknown values (an `Other(String)` variant).
    #[arg(long)]
    pub open_enums: bool,
    /// Enforce only stated facts: fields whose nullability or integer/float split the docs cannot show reject null and keep f64.
    #[arg(long)]
    pub strict_types: bool,
}

fn parse_rename(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((key, name)) if !key.is_empty() && !name.is_empty() => {
            Ok((key.to_string(), name.to_string()))
        }
        _ => Err(format!(
            "`{s}`: expected KEY=NAME, e.g. `apierrors/detail.md=ErrorDetail`"
        )),
    }
}

fn parse_with<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T, String> {
    s.parse()
}
