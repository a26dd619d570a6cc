//! Runs modeldoc at build time on the synthetic docs in `tests/fixtures/docs`, on
//! the per-dialect fixture doc sets (`tests/fixtures/python-prior`) and
//! on a fixed sample of every corpus repository in `../shared/corpus`, and writes
//! into `OUT_DIR`:
//!
//! - `<set>.rs`: the generated Rust types (single-file output);
//! - `<set>.ir.json`: the IR they were generated from;
//! - `sets.rs`: one module per set, a model name → round-trip function registry
//!   and the list of sets, included by `src/lib.rs`.
//!
//! Without the corpus only the fixtures are generated. `MODELDOC_CORPUS` overrides
//! where the corpus is looked for.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use modeldoc::__private::emit::{json_schema, rust};
use modeldoc::ir::{Model, ModelKind, Schema, Type};

/// Per-dialect fixture doc sets: (module name, folder in `tests/fixtures`).
const DIALECT_FIXTURES: &[(&str, &str)] = &[("fixtures_python_prior", "python-prior")];

/// Models picked as sample roots per corpus repository (spread evenly by name).
const SAMPLE_ROOTS: usize = 16;
/// Upper bound on sampled models per repository, dependencies included.
const SAMPLE_MODELS: usize = 80;

/// One generated set of models.
struct Set {
    /// Rust module name.
    module: String,
    /// Display name (`fixtures`, `corpus/<owner>+<repo>`).
    name: String,
    schema: Schema,
    /// Objects reject unknown keys (`deny_unknown_fields`; the schemas close them too).
    deny_unknown_fields: bool,
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let root = manifest
        .parent()
        .and_then(Path::parent)
        .expect("tests/corpus-types lives two levels below the workspace root")
        .to_path_buf();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));

    let fixtures = root.join("tests/fixtures/docs");
    println!("cargo:rerun-if-changed={}", fixtures.display());
    let schema = load(&fixtures).unwrap_or_else(|e| panic!("tests/fixtures/docs must load:\n{e}"));
    // The fixtures as the docs state them, and as the payload readers get them by
    // default (facts the dialect cannot show accepted in every form: `Schema::lenient`).
    let lenient = schema.lenient();
    let closed = schema.clone();
    let mut sets = vec![
        Set {
            module: "fixtures".into(),
            name: "fixtures".into(),
            schema,
            deny_unknown_fields: false,
        },
        Set {
            module: "fixtures_lenient".into(),
            name: "fixtures/lenient".into(),
            schema: lenient,
            deny_unknown_fields: false,
        },
        // The same docs with closed objects: the `serde_struct!` tables' unknown-key path.
        Set {
            module: "fixtures_deny".into(),
            name: "fixtures/deny_unknown_fields".into(),
            schema: closed,
            deny_unknown_fields: true,
        },
    ];
    // One doc set per dialect that needs its own fixtures (the synthetic docs above are Python).
    for &(module, folder) in DIALECT_FIXTURES {
        let dir = root.join("tests/fixtures").join(folder);
        let schema =
            load(&dir).unwrap_or_else(|e| panic!("tests/fixtures/{folder} must load:\n{e}"));
        sets.push(Set {
            module: module.into(),
            name: format!("fixtures/{folder}"),
            schema,
            deny_unknown_fields: false,
        });
    }

    // Every mix of field kinds, open and closed: the output's `serde_nulls` module must hold
    // exactly what its fields use (a helper left unused fails the `deny(warnings)` below).
    let kinds_dir = out.join("kind-mix");
    for (name, schema) in kind_mix_sets(&kinds_dir) {
        for deny_unknown_fields in [false, true] {
            let closed = if deny_unknown_fields { "_deny" } else { "" };
            sets.push(Set {
                module: format!("fixtures_kinds_{name}{closed}"),
                name: format!("fixtures/kinds/{name}{closed}"),
                schema: schema.clone(),
                deny_unknown_fields,
            });
        }
    }

    // MODELDOC_CORPUS points elsewhere (a missing path simulates a machine without it).
    println!("cargo:rerun-if-env-changed=MODELDOC_CORPUS");
    let corpus = std::env::var_os("MODELDOC_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"));
    let mut skipped = Vec::new();
    let corpus_present = corpus.is_dir();
    rerun_on_corpus_change(&corpus, corpus_present, &out);
    if corpus_present {
        let mut repos: Vec<PathBuf> = std::fs::read_dir(&corpus)
            .expect("corpus directory is readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("docs").is_dir())
            .collect();
        repos.sort();
        for repo in repos {
            let repo_name = repo.file_name().unwrap().to_string_lossy().into_owned();
            match load(&repo.join("docs")) {
                Ok(schema) => sets.push(Set {
                    module: format!("corpus_{}", module_name(&repo_name)),
                    name: format!("corpus/{repo_name}"),
                    // As users get them by default: unstated facts accepted.
                    schema: sample(&schema).lenient(),
                    deny_unknown_fields: false,
                }),
                Err(e) => {
                    let first_error = e
                        .lines()
                        .find(|l| l.contains(": error: "))
                        .or_else(|| e.lines().last())
                        .unwrap_or_default()
                        .to_string();
                    skipped.push((repo_name, first_error));
                }
            }
        }
    }

    let mut glue = String::new();
    for set in &sets {
        let mut options = rust::RustOptions::default();
        options.options.deny_unknown_fields = set.deny_unknown_fields;
        let code = rust::emit_file(&set.schema, &options);
        write(&out.join(format!("{}.rs", set.module)), &code);
        let ir = serde_json::to_string(&set.schema).expect("IR serializes");
        write(&out.join(format!("{}.ir.json", set.module)), &ir);
        glue.push_str(&set_glue(set));
    }
    writeln!(glue, "/// Every generated set, fixtures first.").unwrap();
    writeln!(glue, "pub static SETS: &[Set] = &[").unwrap();
    for set in &sets {
        writeln!(
            glue,
            "    Set {{ name: {:?}, ir_json: include_str!(concat!(env!(\"OUT_DIR\"), \"/{}.ir.json\")), lookup: {}_lookup, text_lookup: {}_text_lookup, deny_unknown_fields: {} }},",
            set.name, set.module, set.module, set.module, set.deny_unknown_fields
        )
        .unwrap();
    }
    writeln!(glue, "];").unwrap();
    writeln!(
        glue,
        "/// Corpus repositories whose docs did not load (name, first error line).\npub static SKIPPED: &[(&str, &str)] = &{skipped:?};"
    )
    .unwrap();
    writeln!(
        glue,
        "/// Whether `../shared/corpus` was present at build time.\npub const CORPUS_PRESENT: bool = {corpus_present};\n\
         /// Where the corpus was looked for (`MODELDOC_CORPUS` or `../shared/corpus`).\npub const CORPUS_PATH: &str = {:?};",
        corpus.display().to_string()
    )
    .unwrap();
    write(&out.join("sets.rs"), &glue);
}

/// The field kinds of a struct as a Python doc writes them: (name, Type cell, Required cell).
const FIELD_KINDS: [(&str, &str, &str); 4] = [
    ("required", "*str*", ":heavy_check_mark:"),
    ("nullable", "*Optional[str]*", ":heavy_check_mark:"),
    ("optional", "*Optional[str]*", ":heavy_minus_sign:"),
    (
        "optional_nullable",
        "*OptionalNullable[str]*",
        ":heavy_minus_sign:",
    ),
];

/// One doc set per non-empty subset of [`FIELD_KINDS`]: a struct with one field of each
/// kind in the subset (written under `dir`, loaded like any docs).
fn kind_mix_sets(dir: &Path) -> Vec<(String, Schema)> {
    (1u32..1 << FIELD_KINDS.len())
        .map(|mask| {
            let kinds: Vec<_> = FIELD_KINDS
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, k)| k)
                .collect();
            let name = format!("m{mask:02}");
            let mut doc = String::from(
                "# Mix\n\nOne field of each kind.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n",
            );
            for (field, ty, required) in &kinds {
                writeln!(doc, "| `{field}` | {ty} | {required} | A {field} field |").unwrap();
            }
            let set_dir = dir.join(&name);
            std::fs::create_dir_all(&set_dir)
                .unwrap_or_else(|e| panic!("{}: {e}", set_dir.display()));
            write(&set_dir.join("mix.md"), &doc);
            let schema = load(&set_dir)
                .unwrap_or_else(|e| panic!("kind mix {name} must load:\n{e}"));
            (name, schema)
        })
        .collect()
}

/// Tells cargo when to run this script again for the corpus.
///
/// Cargo reruns a build script when a watched path is newer than its last run, or missing.
/// With the corpus present its folder is watched (cargo scans it: any file newer than the
/// last build counts). With the corpus absent, comparing mtimes is not enough: a corpus
/// that appears later may carry older mtimes than the last build (unpacked or copied with
/// its times), so a path that is never created is watched too, which makes cargo rerun
/// the script on every build until the corpus is there.
fn rerun_on_corpus_change(corpus: &Path, present: bool, out: &Path) {
    println!("cargo:rerun-if-changed={}", corpus.display());
    if !present {
        let never = out.join("rerun-until-the-corpus-appears");
        println!("cargo:rerun-if-changed={}", never.display());
    }
}

/// Loads and resolves a doc folder; the error is the rendered diagnostics.
fn load(dir: &Path) -> Result<Schema, String> {
    let mut config = modeldoc::Config::new();
    // The corpus is watched by `rerun_on_corpus_change`; its warnings are expected.
    config.input(dir).emit_rerun_if_changed(false);
    config.load().map(|l| l.schema).map_err(|e| e.to_string())
}

/// Evenly spread sample roots plus everything they refer to, at most [`SAMPLE_MODELS`] models.
fn sample(schema: &Schema) -> Schema {
    let stride = (schema.models.len() / SAMPLE_ROOTS).max(1);
    let mut chosen: BTreeSet<&str> = BTreeSet::new();
    for model in schema.models.iter().step_by(stride) {
        let mut closure = json_schema::dependencies(schema, model);
        closure.insert(model.name.as_str());
        let new: Vec<&str> = closure.difference(&chosen).copied().collect();
        if chosen.len() + new.len() <= SAMPLE_MODELS {
            chosen.extend(new);
        }
    }
    Schema {
        models: schema
            .models
            .iter()
            .filter(|m| chosen.contains(m.name.as_str()))
            .cloned()
            .collect(),
    }
}

/// The module holding a set's types and its registry function.
fn set_glue(set: &Set) -> String {
    let module = &set.module;
    let mut out = format!(
        "/// Types generated from {}.\n#[deny(warnings)]\n#[allow(deprecated)]\npub mod {module} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}.rs\"));\n}}\n\n",
        set.name
    );
    writeln!(out, "#[allow(deprecated)]").unwrap();
    writeln!(
        out,
        "fn {module}_lookup(model: &str) -> Option<RoundTrip> {{"
    )
    .unwrap();
    writeln!(out, "    Some(match model {{").unwrap();
    for (name, ident) in rust::model_idents(&set.schema) {
        writeln!(out, "        {name:?} => round_trip::<{module}::{ident}>,").unwrap();
    }
    writeln!(out, "        _ => return None,").unwrap();
    writeln!(out, "    }})").unwrap();
    writeln!(out, "}}\n").unwrap();
    writeln!(out, "#[allow(deprecated, clippy::match_single_binding)]").unwrap();
    writeln!(
        out,
        "fn {module}_text_lookup(model: &str) -> Option<TextRoundTrip> {{"
    )
    .unwrap();
    // Arms that return `Some`, so that a set without string enums is one `_` arm.
    writeln!(out, "    match model {{").unwrap();
    let idents = rust::model_idents(&set.schema);
    for model in set.schema.models.iter().filter(|m| is_string_enum(m)) {
        let (name, ident) = (&model.name, &idents[&model.name]);
        writeln!(
            out,
            "        {name:?} => Some(text_round_trip::<{module}::{ident}>),"
        )
        .unwrap();
    }
    writeln!(out, "        _ => None,").unwrap();
    writeln!(out, "    }}").unwrap();
    writeln!(out, "}}\n").unwrap();
    out
}

/// Whether the model becomes a Rust enum of string values (with `Display` and `FromStr`).
fn is_string_enum(model: &Model) -> bool {
    match &model.kind {
        ModelKind::Enum(e) => e.values.iter().all(|v| v.value.is_string()),
        ModelKind::Alias {
            ty: Type::Enum(values),
        } => values.iter().all(|v| v.is_string()),
        ModelKind::Alias { ty: Type::Const(v) } => v.is_string(),
        _ => false,
    }
}

/// `BoltApp+Bolt-Python-SDK` → `boltapp_bolt_python_sdk`.
fn module_name(repo: &str) -> String {
    repo.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// Writes a file only when its contents change (keeps incremental rebuilds cheap).
fn write(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return;
    }
    std::fs::write(path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
