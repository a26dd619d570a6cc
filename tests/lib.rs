//! Helpers shared by modeldoc's integration tests.

pub mod instances;
pub mod pipeline;

use std::path::PathBuf;

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ lives in the workspace")
        .to_path_buf()
}

/// Where the corpus of real SDK docs is looked for: `MODELDOC_CORPUS` when set (a missing
/// path simulates a machine without the corpus), else `../shared/corpus` next to the
/// workspace. The same rule as `tests/corpus-types/build.rs`.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("MODELDOC_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/corpus"))
}

/// The corpus folder, or `None` after printing the one skip message of `test`.
pub fn corpus(test: &str) -> Option<PathBuf> {
    let dir = corpus_dir();
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped {test}: no corpus at {} (optional: check out ../shared/corpus or set MODELDOC_CORPUS)",
            dir.display()
        );
        None
    }
}

/// Loads and resolves the docs under `specs/`.
pub fn specs_schema() -> modeldoc::ir::Schema {
    let mut config = modeldoc::Config::new();
    config.input(root().join("specs"));
    match config.load() {
        Ok(loaded) => loaded.schema,
        Err(e) => panic!("specs/ must load without errors:\n{e}"),
    }
}

/// Compiles a JSON Schema document with the 2020-12 dialect (refs are all local).
pub fn compile_schema(doc: &serde_json::Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .build(doc)
        .unwrap_or_else(|e| panic!("schema does not compile: {e}\n{doc:#}"))
}

/// Whether `doc` is valid against the JSON Schema 2020-12 meta-schema.
pub fn meta_valid(doc: &serde_json::Value) -> Result<(), String> {
    jsonschema::meta::validate(doc).map_err(|e| e.to_string())
}
