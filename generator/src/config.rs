//! The library entry point: a small builder in the spirit of `prost_build::Config`.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), modeldoc::Error> {
//!     modeldoc::Config::new().input("specs").generate()?;
//!     Ok(())
//! }
//! // then, in the crate: include!(concat!(env!("OUT_DIR"), "/models.rs"));
//! ```
//!
//! [`Error`]'s `Debug` output is its `Display` output, so a build script that returns it
//! shows compiler-style diagnostics in cargo's output instead of a struct dump.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::par::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::emit::{json_schema, openapi, rust, schema::SchemaOptions};
use crate::ir::Schema;
use crate::options::{DateMapping, MapMapping, Options, PathAttribute};
use crate::output::{self, Change, OutputFile, OwnedDir};
use crate::parse::{self, Dialect, Limitation, ParsedDoc};
use crate::rename::RenameWire;
use crate::resolve::{self, LoadedDoc};
use crate::select::ModelSelection;
use crate::source::SourceFile;
use crate::wire_names::WireNames;

/// Where the Rust output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RustOutput {
    /// One self-contained file.
    File(PathBuf),
    /// A module tree: `mod.rs` plus one file per model.
    Dir(PathBuf),
}

/// What went wrong.
pub enum Error {
    /// The input has errors (and maybe warnings); nothing was written.
    Input(Diagnostics),
    /// Reading or writing a file failed.
    Io(std::io::Error),
    /// `check` mode found outputs that differ from what would be generated.
    Stale(Vec<Change>),
    /// The configuration is unusable (no inputs, no `OUT_DIR`, ...).
    Config(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Input(d) => {
                // Errors only, and first: a build script's `Error: ` label must name the
                // real error, not a warning it caused (refs to a doc left out dangle).
                for e in d.iter().filter(|d| d.is_error()) {
                    writeln!(f, "{e}")?;
                }
                write!(
                    f,
                    "modeldoc: {} error(s); no file was written",
                    d.error_count()
                )?;
                match d.warning_count() {
                    0 => Ok(()),
                    n => write!(
                        f,
                        " ({n} warning(s) not shown: fix the errors first, or see them all with `modeldoc check`)"
                    ),
                }
            }
            Error::Io(e) => write!(f, "modeldoc: {e}"),
            Error::Stale(changes) => {
                for c in changes {
                    writeln!(f, "{c}")?;
                }
                write!(
                    f,
                    "modeldoc: {} generated file(s) out of date; regenerate them",
                    changes.len()
                )
            }
            Error::Config(msg) => write!(f, "modeldoc: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

/// The same text as `Display`: build scripts that return an `Error` print this.
impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// Called with (documents parsed, documents in total) while loading.
#[derive(Clone)]
pub struct ProgressFn(Arc<dyn Fn(usize, usize) + Send + Sync>);

impl std::fmt::Debug for ProgressFn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProgressFn")
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}

/// A loaded and resolved doc set.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The resolved models.
    pub schema: Schema,
    /// Warnings (errors make [`Config::load`] fail instead; [`Config::load_partial`] keeps them).
    pub diagnostics: Diagnostics,
    /// Every input file read, sorted.
    pub files: Vec<PathBuf>,
    /// The dialect each of [`Loaded::files`] was parsed in (forced or
    /// detected); `None` for a file that could not be read.
    pub dialects: Vec<Option<Dialect>>,
    /// The limitations reported for this doc set (each dialect in use, only
    /// those that apply to its documents; see [`crate::parse::Limitation`]).
    pub limitations: Vec<(Dialect, &'static Limitation)>,
}

impl Loaded {
    /// Whether `d` is the warning of one of the dialect's [`Loaded::limitations`]: a fact
    /// about the doc format, not a problem with these docs.
    pub fn is_limitation(&self, d: &Diagnostic) -> bool {
        d.severity == crate::Severity::Warning
            && self
                .limitations
                .iter()
                .any(|(dialect, l)| limitation_message(*dialect, l) == d.message)
    }

    /// The warnings about these docs: every warning but the limitations' (what was
    /// not read, or read only approximately).
    pub fn problems(&self) -> Diagnostics {
        Diagnostics(
            self.diagnostics
                .iter()
                .filter(|d| d.severity == crate::Severity::Warning && !self.is_limitation(d))
                .cloned()
                .collect(),
        )
    }

    /// The most common dialect of the doc set (ties go to [`Dialect::ALL`] order).
    pub fn majority_dialect(&self) -> Option<Dialect> {
        let mut counts: std::collections::BTreeMap<Dialect, usize> = Default::default();
        for d in self.dialects.iter().flatten() {
            *counts.entry(*d).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(d, _)| d)
    }

    /// The kinds of fact `dialect`'s documents in this doc set do not show
    /// (those of its reported limitations).
    pub fn losses(&self, dialect: Dialect) -> Vec<parse::Loss> {
        crate::parse::dialect::losses_of(
            self.limitations
                .iter()
                .filter(|(d, _)| *d == dialect)
                .map(|(_, l)| *l),
        )
    }
}

/// What [`Config::generate`] did.
#[derive(Debug, Clone)]
pub struct Report {
    /// The loaded doc set.
    pub loaded: Loaded,
    /// Files created, updated or removed (in check mode: that would be).
    pub changes: Vec<Change>,
    /// Output files rendered: written, left as they were, or (in check mode) compared.
    pub outputs: usize,
}

/// Configures and runs generation.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Doc sets, each a list of files or folders; more than one are merged.
    doc_sets: Vec<Vec<PathBuf>>,
    dialect: Option<Dialect>,
    strict: bool,
    models: ModelSelection,
    wire_names: WireNames,
    rust: Option<RustOutput>,
    openapi: Option<PathBuf>,
    json_schema: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    check: bool,
    cargo: Option<bool>,
    cargo_warnings: Option<bool>,
    rust_options: rust::RustOptions,
    openapi_options: openapi::OpenApiOptions,
    progress: Option<ProgressFn>,
}

impl Config {
    /// A configuration with no inputs and default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a doc file or a folder (searched recursively for `*.md`) to the
    /// current doc set (the last one started by [`Config::doc_set`], or the only one).
    pub fn input(&mut self, path: impl AsRef<Path>) -> &mut Self {
        match self.doc_sets.last_mut() {
            Some(set) => set.push(path.as_ref().to_path_buf()),
            None => self.doc_sets.push(vec![path.as_ref().to_path_buf()]),
        }
        self
    }

    /// Starts a new doc set made of `paths` (files or folders): the same API
    /// documented by another SDK. Several doc sets are merged
    /// (`modeldoc generate --merge`): the union of their models, each fact taken from the
    /// doc sets whose dialect shows it; when two that show a fact disagree,
    /// the earlier doc set wins. One doc set behaves exactly like
    /// [`Config::input`].
    ///
    /// ```no_run
    /// modeldoc::Config::new()
    ///     .doc_set(["sdk-python/docs/models"])
    ///     .doc_set(["sdk-go/docs/models"])
    ///     .openapi("openapi.json")
    ///     .generate()?;
    /// # Ok::<(), modeldoc::Error>(())
    /// ```
    pub fn doc_set<P: AsRef<Path>>(&mut self, paths: impl IntoIterator<Item = P>) -> &mut Self {
        self.doc_sets.push(
            paths
                .into_iter()
                .map(|p| p.as_ref().to_path_buf())
                .collect(),
        );
        self
    }

    /// The doc sets configured so far (each a list of files or folders).
    pub fn doc_sets(&self) -> &[Vec<PathBuf>] {
        &self.doc_sets
    }

    /// Forces a dialect instead of detecting it per document.
    pub fn dialect(&mut self, dialect: Dialect) -> &mut Self {
        self.dialect = Some(dialect);
        self
    }

    /// Turns warnings into errors.
    pub fn strict(&mut self, strict: bool) -> &mut Self {
        self.strict = strict;
        self
    }

    /// How field wire (JSON) names are decided: inferred from the docs (default), as
    /// written, `snake_case` or `camelCase` (see `docs/wire-names.md`).
    pub fn rename_wire(&mut self, rule: RenameWire) -> &mut Self {
        self.wire_names.rule = rule;
        self
    }

    /// Settles one field's wire name: `path` is `Model.field` (the field as its doc
    /// names it); wins over every rule.
    pub fn wire_name(&mut self, path: impl Into<String>, wire: impl Into<String>) -> &mut Self {
        self.wire_names.map.insert(path.into(), wire.into());
        self
    }

    /// Learns wire names from sample payloads: a folder of `<Model>.json` files (an
    /// object or an array of objects each); keys that match no field are reported.
    pub fn wire_samples(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.wire_names.samples = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Names the model of the docs `key` selects `name` (a model name such as `Detail`, or a
    /// doc path such as `apierrors/detail.md`; see [`ModelSelection`]). The name is taken
    /// before any other doc's; a key that matches no doc, or several for a rename, is an
    /// error of [`Config::load`].
    pub fn rename_model(&mut self, key: impl Into<String>, name: impl Into<String>) -> &mut Self {
        self.models.rename.insert(key.into(), name.into());
        self
    }

    /// Leaves out the docs `key` selects (a model name, a doc path, or a folder such as
    /// `operations/`; see [`ModelSelection`]).
    pub fn exclude_model(&mut self, key: impl Into<String>) -> &mut Self {
        let key = key.into();
        if !self.models.exclude.contains(&key) {
            self.models.exclude.push(key);
        }
        self
    }

    /// Adds a whole [`ModelSelection`] (the `[models]` table of `modeldoc.toml`).
    pub fn models(&mut self, selection: &ModelSelection) -> &mut Self {
        self.models.extend(selection);
        self
    }

    /// Writes Rust to one file.
    pub fn rust_file(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.rust = Some(RustOutput::File(path.as_ref().to_path_buf()));
        self
    }

    /// Writes Rust as a module tree into a directory.
    pub fn rust_dir(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.rust = Some(RustOutput::Dir(path.as_ref().to_path_buf()));
        self
    }

    /// Writes the OpenAPI 3.1 document to a file.
    pub fn openapi(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.openapi = Some(path.as_ref().to_path_buf());
        self
    }

    /// Writes one JSON Schema per model into a directory.
    pub fn json_schema(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.json_schema = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Where `models.rs` goes when no other output is set (default: `$OUT_DIR`).
    pub fn out_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Only compares: [`Config::generate`] fails with [`Error::Stale`] instead of writing.
    pub fn check(&mut self, check: bool) -> &mut Self {
        self.check = check;
        self
    }

    /// A line added under the preamble of every Rust file (e.g. how to regenerate).
    pub fn rust_header(&mut self, line: impl Into<String>) -> &mut Self {
        self.rust_options.header = Some(line.into());
        self
    }

    /// `info.title` and `info.version` of the OpenAPI document.
    pub fn openapi_info(
        &mut self,
        title: impl Into<String>,
        version: impl Into<String>,
    ) -> &mut Self {
        self.openapi_options.title = title.into();
        self.openapi_options.version = version.into();
        self
    }

    /// Replaces every type-mapping option at once (see [`Options`]).
    pub fn options(&mut self, options: Options) -> &mut Self {
        self.rust_options.options = options;
        self
    }

    /// The type-mapping options in effect.
    pub fn current_options(&self) -> &Options {
        &self.rust_options.options
    }

    /// Rust types for `date` / `date-time` strings (default: `String`).
    pub fn dates(&mut self, dates: DateMapping) -> &mut Self {
        self.rust_options.options.dates = dates;
        self
    }

    /// Rust type for maps (default: `BTreeMap`).
    pub fn maps(&mut self, maps: MapMapping) -> &mut Self {
        self.rust_options.options.maps = maps;
        self
    }

    /// Adds an attribute to the types `path` selects (`.` all, `Model`).
    pub fn type_attribute(
        &mut self,
        path: impl Into<String>,
        attribute: impl Into<String>,
    ) -> &mut Self {
        self.rust_options
            .options
            .type_attributes
            .push(PathAttribute {
                path: path.into(),
                attribute: attribute.into(),
            });
        self
    }

    /// Adds an attribute to the fields `path` selects (`.` all, `Model.field`, `.field`).
    pub fn field_attribute(
        &mut self,
        path: impl Into<String>,
        attribute: impl Into<String>,
    ) -> &mut Self {
        self.rust_options
            .options
            .field_attributes
            .push(PathAttribute {
                path: path.into(),
                attribute: attribute.into(),
            });
        self
    }

    /// Derives `Default`, `Eq` and `Hash` wherever the field types allow it.
    pub fn derive_default_eq_hash(&mut self, on: bool) -> &mut Self {
        self.rust_options.options.derive_default_eq_hash = on;
        self
    }

    /// Derives `schemars::JsonSchema` (the crate must depend on `schemars` 1).
    pub fn schemars(&mut self, on: bool) -> &mut Self {
        self.rust_options.options.schemars = on;
        self
    }

    /// Generates `new` and `with_<field>` setters for every struct.
    pub fn builders(&mut self, on: bool) -> &mut Self {
        self.rust_options.options.builders = on;
        self
    }

    /// Rejects unknown object keys; the schemas say `additionalProperties: false`.
    pub fn deny_unknown_fields(&mut self, on: bool) -> &mut Self {
        self.rust_options.options.deny_unknown_fields = on;
        self
    }

    /// String enums keep unknown values in an `Other(String)` variant; the schemas accept any string.
    pub fn open_enums(&mut self, on: bool) -> &mut Self {
        self.rust_options.options.open_enums = on;
        self
    }

    /// Enforces only stated facts (see [`Options::strict_types`]).
    pub fn strict_types(&mut self, on: bool) -> &mut Self {
        self.rust_options.options.strict_types = on;
        self
    }

    /// Reports loading progress (used by the CLI's progress bar).
    pub fn progress(&mut self, f: impl Fn(usize, usize) + Send + Sync + 'static) -> &mut Self {
        self.progress = Some(ProgressFn(Arc::new(f)));
        self
    }

    /// Prints build-script output: a `cargo:rerun-if-changed` line per input and a
    /// `cargo:warning` line per warning. Default: on when run by cargo as a build script
    /// (`OUT_DIR` and `CARGO_MANIFEST_DIR` set), off otherwise; `false` turns it off there too.
    pub fn emit_rerun_if_changed(&mut self, on: bool) -> &mut Self {
        self.cargo = Some(on);
        self
    }

    /// Prints each warning of a successful load as a `cargo:warning=` line. Default: as
    /// [`Config::emit_rerun_if_changed`] (on under a build script); `false` keeps a build
    /// script whose docs warn on purpose (test fixtures) quiet.
    pub fn cargo_warnings(&mut self, on: bool) -> &mut Self {
        self.cargo_warnings = Some(on);
        self
    }

    /// Reads, parses and resolves every input document.
    ///
    /// Under a build script (see [`Config::emit_rerun_if_changed`]) the warnings of a
    /// successful load are printed as `cargo:warning=` lines, which cargo shows.
    pub fn load(&self) -> Result<Loaded, Error> {
        let loaded = self.load_partial()?;
        if loaded.diagnostics.has_errors() {
            return Err(Error::Input(loaded.diagnostics));
        }
        if self.cargo_warnings.unwrap_or_else(|| self.under_cargo()) {
            for line in cargo_warnings(&loaded) {
                println!("{line}");
            }
        }
        Ok(loaded)
    }

    /// Whether this runs in a build script (or was told to act as if).
    fn under_cargo(&self) -> bool {
        self.cargo.unwrap_or_else(|| {
            std::env::var_os("OUT_DIR").is_some()
                && std::env::var_os("CARGO_MANIFEST_DIR").is_some()
        })
    }

    /// Like [`Config::load`], but input errors do not fail: documents with
    /// errors are left out of the schema and the errors stay in
    /// [`Loaded::diagnostics`] (for tools and benchmarks that want a best effort).
    pub fn load_partial(&self) -> Result<Loaded, Error> {
        let sets: Vec<&Vec<PathBuf>> = self.doc_sets.iter().filter(|s| !s.is_empty()).collect();
        if sets.is_empty() {
            return Err(Error::Config("no input docs given".into()));
        }
        let mut diagnostics = Diagnostics::default();
        let mut warnings = Diagnostics::default();
        let mut files = Vec::new();
        let mut dialects = Vec::new();
        let mut limitations = Vec::new();
        let mut loaded = Vec::with_capacity(sets.len());
        self.models.validate().map_err(Error::Config)?;
        let mut selected = std::collections::BTreeSet::new();
        let mut candidates = Vec::new();
        for inputs in &sets {
            let one = self.load_doc_set(inputs, &mut selected, &mut candidates)?;
            let losses = one.losses();
            diagnostics.extend(one.diagnostics.0);
            warnings.extend(one.warnings.0);
            files.extend(one.files);
            dialects.extend(one.dialects);
            for l in one.limitations {
                if !limitations.contains(&l) {
                    limitations.push(l);
                }
            }
            loaded.push((inputs, one.schema, losses));
        }
        self.models.check_unused(&selected, &candidates)?;
        let mut schema = if loaded.len() == 1 {
            loaded
                .pop()
                .map(|(_, schema, _)| schema)
                .unwrap_or_default()
        } else {
            let sets = loaded
                .into_iter()
                .map(|(inputs, schema, losses)| {
                    let label: Vec<String> =
                        inputs.iter().map(|p| p.display().to_string()).collect();
                    crate::merge::DocSet::with_losses(label.join(" + "), schema, losses)
                })
                .collect();
            let merged = crate::merge::merge(sets);
            diagnostics.extend(merged.diagnostics.0);
            // Every file once, sorted, each with its dialect.
            let mut by_file: Vec<(PathBuf, Option<Dialect>)> = std::mem::take(&mut files)
                .into_iter()
                .zip(dialects)
                .collect();
            by_file.sort();
            by_file.dedup_by(|a, b| a.0 == b.0);
            (files, dialects) = by_file.into_iter().unzip();
            merged.schema
        };
        crate::wire_names::apply(&mut schema, &self.wire_names, &mut diagnostics);
        resolve::infer_discriminators(&mut schema, &mut diagnostics);
        if self.strict {
            diagnostics.make_strict();
        }
        // Known limitations of a dialect stay warnings even in strict mode.
        for d in warnings.iter() {
            diagnostics.push(d.clone());
        }
        diagnostics.sort();
        Ok(Loaded {
            schema,
            diagnostics,
            files,
            dialects,
            limitations,
        })
    }

    /// Reads, parses and resolves one doc set.
    fn load_doc_set(
        &self,
        inputs: &[PathBuf],
        selected: &mut std::collections::BTreeSet<String>,
        candidates: &mut Vec<String>,
    ) -> Result<DocSetLoad, Error> {
        let mut files = collect_markdown(inputs)?;
        // Every file can be named by path, readable or not: the paths are candidates
        // for "did you mean" even when excluded.
        candidates.extend(files.iter().map(|f| crate::select::short_path(f)));
        self.models.exclude_files(&mut files, selected);
        if files.is_empty() {
            let inputs: Vec<String> = inputs
                .iter()
                .map(|i| format!("`{}`", i.display()))
                .collect();
            return Err(Error::Config(format!(
                "no `*.md` files in {}: give the folder of the SDK's model docs (for a Speakeasy SDK, `docs/models`)",
                inputs.join(", ")
            )));
        }
        if self.under_cargo() {
            // One line per input: cargo scans a folder for any file (or subfolder) newer
            // than the last build, so editing, adding or removing a doc reruns the script.
            for input in inputs {
                println!("cargo:rerun-if-changed={}", input.display());
            }
        }
        let mut diagnostics = Diagnostics::default();
        let Load {
            mut docs,
            dialects,
            limitations,
            warnings,
        } = load_docs(
            &files,
            self.dialect,
            self.progress.as_ref(),
            &mut diagnostics,
        );
        if docs.is_empty() && !diagnostics.has_errors() {
            // A position in a file that was read (the input may be a folder).
            let span = crate::source::Span {
                file: files[0].display().to_string().into(),
                line: 1,
                column: 1,
            };
            diagnostics.push(
                crate::Diagnostic::error(span, "no model docs found in the input")
                    .with_hint("a model doc is a markdown file starting with `# ModelName`"),
            );
        }
        candidates.extend(crate::select::candidates(&docs));
        let explicit = self.models.apply(&mut docs, selected)?;
        let schema = resolve::resolve_named(docs, explicit, &mut diagnostics);
        Ok(DocSetLoad {
            schema,
            diagnostics,
            warnings,
            files,
            dialects,
            limitations,
        })
    }

    /// Renders every configured output in memory (nothing is written).
    pub fn render(&self, schema: &Schema) -> Result<(Vec<OutputFile>, Vec<OwnedDir>), Error> {
        self.rust_options
            .options
            .validate()
            .map_err(Error::Config)?;
        crate::options::check_paths(&self.rust_options.options, schema).map_err(Error::Config)?;
        let schema_options = SchemaOptions::from(&self.rust_options.options);
        let mut files = Vec::new();
        let mut owned = Vec::new();
        let rust = match (&self.rust, &self.openapi, &self.json_schema) {
            (Some(r), _, _) => Some(r.clone()),
            (None, None, None) => {
                let dir = match &self.out_dir {
                    Some(d) => d.clone(),
                    None => std::env::var_os("OUT_DIR").map(PathBuf::from).ok_or_else(|| {
                        Error::Config("no output given and OUT_DIR is not set (use out_dir, rust_file, openapi or json_schema)".into())
                    })?,
                };
                Some(RustOutput::File(dir.join("models.rs")))
            }
            _ => None,
        };
        // The three outputs are independent: render them concurrently.
        let mut openapi_options = self.openapi_options.clone();
        openapi_options.schema = schema_options;
        // The payload readers (Rust, JSON Schema) accept what unstated facts might allow;
        // the OpenAPI document restates the docs' facts.
        let lenient_schema;
        let readers = if self.rust_options.options.strict_types || !schema.has_unstated() {
            schema
        } else {
            lenient_schema = schema.lenient();
            &lenient_schema
        };
        let (rust_files, (openapi_doc, schemas)) = crate::par::join(
            || match &rust {
                Some(RustOutput::File(path)) => vec![OutputFile {
                    path: path.clone(),
                    contents: rust::emit_file(readers, &self.rust_options),
                }],
                Some(RustOutput::Dir(dir)) => rust::emit_modules(readers, &self.rust_options)
                    .into_iter()
                    .map(|f| OutputFile {
                        path: dir.join(f.path),
                        contents: f.contents,
                    })
                    .collect(),
                None => Vec::new(),
            },
            || {
                crate::par::join(
                    || {
                        self.openapi
                            .as_ref()
                            .map(|_| openapi::emit_document(schema, &openapi_options))
                    },
                    || {
                        self.json_schema
                            .as_ref()
                            .map(|_| json_schema::emit_documents(readers, &schema_options))
                    },
                )
            },
        );
        files.extend(rust_files);
        if let Some(RustOutput::Dir(dir)) = rust {
            owned.push(OwnedDir {
                dir,
                extension: "rs",
                marker: rust::PREAMBLE,
            });
        }
        if let (Some(path), Some(contents)) = (&self.openapi, openapi_doc) {
            files.push(OutputFile {
                path: path.clone(),
                contents,
            });
        }
        if let (Some(dir), Some(schemas)) = (&self.json_schema, schemas) {
            for (name, contents) in schemas {
                files.push(OutputFile {
                    path: dir.join(name),
                    contents,
                });
            }
            owned.push(OwnedDir {
                dir: dir.clone(),
                extension: "json",
                marker: json_schema::DIALECT,
            });
        }
        Ok((files, owned))
    }

    /// Loads the inputs and writes (or, in check mode, compares) every output.
    pub fn generate(&self) -> Result<Report, Error> {
        let loaded = self.load()?;
        let (files, owned) = self.render(&loaded.schema)?;
        let changes = output::sync(&files, &owned, self.check)?;
        if self.check && !changes.is_empty() {
            return Err(Error::Stale(changes));
        }
        Ok(Report {
            loaded,
            changes,
            outputs: files.len(),
        })
    }
}

/// At most this many `cargo:warning=` lines; the rest are counted in one more line.
pub const CARGO_WARNINGS: usize = 10;

/// The `cargo:warning=` lines for a load: one per group of like warnings (see
/// [`Diagnostics::grouped`]): the first one's headline, `path:line:col: warning: message`
/// (cargo shows one line each), with how many more there are; at most
/// [`CARGO_WARNINGS`] groups, then one line counting the rest.
///
/// Notes (what was inferred) and the dialect's limitations ([`Loaded::limitations`]) are left out: they are
/// facts about the doc format, the same on every build, not problems with the
/// docs (`modeldoc check` lists them).
pub fn cargo_warnings(loaded: &Loaded) -> Vec<String> {
    let problems = loaded.problems();
    let groups = problems.grouped();
    let mut lines: Vec<String> = groups
        .iter()
        .take(CARGO_WARNINGS)
        .map(|g| {
            let text = g.first.to_string();
            let headline = text.lines().next().unwrap_or_default();
            match g.len() {
                1 => format!("cargo:warning={headline}"),
                n => format!("cargo:warning={headline} (and {} more like it)", n - 1),
            }
        })
        .collect();
    if groups.len() > CARGO_WARNINGS {
        let rest: usize = groups[CARGO_WARNINGS..].iter().map(|g| g.len()).sum();
        lines.push(format!(
            "cargo:warning=modeldoc: {rest} more warning(s); `modeldoc check` lists them all, `Config::strict(true)` fails on them",
        ));
    }
    lines
}

/// One doc set, read, parsed and resolved.
struct DocSetLoad {
    schema: Schema,
    diagnostics: Diagnostics,
    /// One warning per limitation.
    warnings: Diagnostics,
    files: Vec<PathBuf>,
    /// The dialect of every file (`None`: unreadable).
    dialects: Vec<Option<Dialect>>,
    /// The limitations of the dialects in use that apply to their documents.
    limitations: Vec<(Dialect, &'static Limitation)>,
}

impl DocSetLoad {
    /// What the doc set's most common dialect loses, as its documents show.
    fn losses(&self) -> Vec<crate::parse::Loss> {
        let Some(majority) = majority(&self.dialects) else {
            return Vec::new();
        };
        crate::parse::dialect::losses_of(
            self.limitations
                .iter()
                .filter(|(d, _)| *d == majority)
                .map(|(_, l)| *l),
        )
    }
}

/// What [`load_docs`] found.
struct Load {
    /// The parsed documents, in file order.
    docs: Vec<LoadedDoc>,
    /// The dialect of every file (`None`: unreadable).
    dialects: Vec<Option<Dialect>>,
    /// The limitations of the dialects in use that apply to their documents.
    limitations: Vec<(Dialect, &'static Limitation)>,
    /// One warning per limitation.
    warnings: Diagnostics,
}

/// Reads and parses every file. A document's dialect is forced or detected
/// ([`parse::detect_doc_set`]). Returns the documents, their dialects and the
/// limitations of the dialects in use (one warning each).
///
/// Files are read and parsed in parallel (rayon); results and diagnostics are
/// gathered in file order, so the output does not depend on the number of threads.
fn load_docs(
    files: &[PathBuf],
    dialect: Option<Dialect>,
    progress: Option<&ProgressFn>,
    diags: &mut Diagnostics,
) -> Load {
    // Build the detection automaton while the files are read, not after.
    let (read, ()) = crate::par::join(
        || {
            files
                .par_iter()
                .map(|path| SourceFile::read(path).map(|s| (path, s)))
                .collect::<Vec<_>>()
        },
        || {
            if dialect.is_none() {
                parse::prepare_detection();
            }
        },
    );
    let mut sources = Vec::with_capacity(read.len());
    let mut readable = Vec::with_capacity(read.len());
    for r in read {
        readable.push(r.is_ok());
        match r {
            Ok(s) => sources.push(s),
            Err(d) => diags.push(d),
        }
    }
    let dialects = match dialect {
        Some(d) => vec![d; sources.len()],
        None => {
            let texts: Vec<&str> = sources.iter().map(|(_, s)| s.text.as_str()).collect();
            parse::detect_doc_set(&texts)
        }
    };
    let mut warnings = Diagnostics::default();
    let limitations = report_limitations(&sources, &dialects, &mut warnings);
    let parsed: Vec<(Option<ParsedDoc>, Diagnostics)> = sources
        .par_iter()
        .zip(dialects.par_iter())
        .map(|((_, source), d)| {
            let mut local = Diagnostics::default();
            let doc = parse::parse_document(source, *d, &mut local);
            (doc, local)
        })
        .collect();
    let mut docs = Vec::with_capacity(sources.len());
    for (i, ((path, _), (doc, local))) in sources.iter().zip(parsed).enumerate() {
        if let Some(p) = progress {
            (p.0)(i + 1, sources.len());
        }
        diags.extend(local.0);
        if let Some(doc) = doc {
            docs.push(LoadedDoc {
                path: (*path).clone(),
                doc,
            });
        }
    }
    let mut detected = dialects.into_iter();
    let dialects = readable
        .into_iter()
        .map(|ok| if ok { detected.next() } else { None })
        .collect();
    Load {
        docs,
        dialects,
        limitations,
        warnings,
    }
}

/// The most common dialect (ties go to [`Dialect::ALL`] order).
fn majority(dialects: &[Option<Dialect>]) -> Option<Dialect> {
    let mut counts: std::collections::BTreeMap<Dialect, usize> = Default::default();
    for d in dialects.iter().flatten() {
        *counts.entry(*d).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(d, _)| d)
}

/// One warning per limitation of each dialect in use that applies to its
/// documents, at the dialect's first document; returns those limitations.
fn report_limitations(
    sources: &[(&PathBuf, SourceFile)],
    dialects: &[Dialect],
    diags: &mut Diagnostics,
) -> Vec<(Dialect, &'static Limitation)> {
    let mut seen = Vec::new();
    let mut reported = Vec::new();
    for ((_, source), &d) in sources.iter().zip(dialects) {
        if seen.contains(&d) {
            continue;
        }
        seen.push(d);
        let texts = || {
            sources
                .iter()
                .zip(dialects)
                .filter(move |(_, &other)| other == d)
                .map(|((_, s), _)| s.text.as_str())
        };
        for limitation in d.limitations() {
            if !limitation.applies(texts()) {
                continue;
            }
            diags.push(
                crate::Diagnostic::warning(source.span(0), limitation_message(d, limitation))
                    .with_hint("a limitation of the dialect, reported once per doc set"),
            );
            reported.push((d, limitation));
        }
    }
    reported
}

/// The warning message of a dialect's limitation.
fn limitation_message(dialect: Dialect, limitation: &Limitation) -> String {
    format!("{dialect} docs: {limitation}")
}

/// Expands inputs into a sorted, de-duplicated list of `*.md` files.
pub fn collect_markdown(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| {
            Error::Io(std::io::Error::new(
                e.kind(),
                format!("{}: {e}", input.display()),
            ))
        })?;
        if meta.is_dir() {
            walk(input, &mut out)?;
        } else {
            out.push(input.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::Io(std::io::Error::new(
            e.kind(),
            format!("{}: {e}", dir.display()),
        ))
    })?;
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        let ty = entry.file_type()?;
        if ty.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        {
            out.push(path);
        }
    }
    Ok(())
}
