//! Parallel generation is byte-identical to a sequential run: the same docs are
//! loaded and rendered on a one-thread pool and on a four-thread pool, and every
//! output file and diagnostic must match.
//!
//! Needs the `parallel` feature (on in a workspace build: the CLI and the xtask enable it).
#![cfg(feature = "parallel")]

use std::path::Path;

use modeldoc::Config;

mod support;

/// Loads and renders `docs` on a rayon pool of `threads` threads.
fn generate(docs: &Path, threads: usize) -> (Vec<(String, String)>, String) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    pool.install(|| {
        let mut config = Config::new();
        config
            .input(docs)
            .rust_dir("out/rust")
            .openapi("out/openapi.json")
            .json_schema("out/schemas");
        let loaded = config.load().expect("docs load");
        let (files, _) = config.render(&loaded.schema).expect("render");
        let files = files
            .into_iter()
            .map(|f| (f.path.display().to_string(), f.contents))
            .collect();
        (files, loaded.diagnostics.to_string())
    })
}

fn assert_same(docs: &Path) {
    let (seq_files, seq_diags) = generate(docs, 1);
    let (par_files, par_diags) = generate(docs, 4);
    assert!(!seq_files.is_empty());
    assert_eq!(seq_diags, par_diags, "diagnostics differ");
    assert_eq!(seq_files.len(), par_files.len(), "file count differs");
    for ((sp, sc), (pp, pc)) in seq_files.iter().zip(&par_files) {
        assert_eq!(sp, pp, "file order differs");
        assert!(
            sc == pc,
            "{sp} differs between sequential and parallel runs"
        );
    }
}

/// A synthetic doc set: objects linking each other across folders, enums,
/// unions, duplicate titles (renamed in path order) and unknown types (warnings).
fn synthetic(dir: &Path) {
    for folder in ["a", "b", "c"] {
        let models = dir.join(folder).join("models");
        std::fs::create_dir_all(&models).unwrap();
        for i in 0..40 {
            let next = (i + 1) % 40;
            let doc = format!(
                "# Model{i}\n\nModel number {i} in {folder}.\n\n## Fields\n\n\
                 | Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
                 | `id` | *str* | :heavy_check_mark: | The id |\n\
                 | `count` | *Optional[int]* | :heavy_minus_sign: | How many |\n\
                 | `next` | [Optional[models.Model{next}]](../models/model{next}.md) | :heavy_minus_sign: | The next one |\n\
                 | `tags` | List[*str*] | :heavy_minus_sign: | Tags |\n\
                 | `kind` | [models.Kind{i}](../models/kind{i}.md) | :heavy_check_mark: | Kind |\n\
                 | `odd` | *Frobnicator* | :heavy_minus_sign: | Unknown type |\n"
            );
            std::fs::write(models.join(format!("model{i}.md")), doc).unwrap();
            let kind = format!(
                "# Kind{i}\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `A` | a{i} |\n| `B` | b{i} |\n"
            );
            std::fs::write(models.join(format!("kind{i}.md")), kind).unwrap();
        }
        let union = "# Either\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n\n### `models.Model1`\n\n```python\nvalue: models.Model1 = /* values here */\n```\n";
        std::fs::write(models.join("either.md"), union).unwrap();
    }
}

#[test]
fn synthetic_doc_set_is_identical_in_parallel() {
    let dir = tempfile::tempdir().unwrap();
    synthetic(dir.path());
    assert_same(dir.path());
}

/// The fast JSON Schema path (shared `$defs` entries) prints what the plain one does,
/// including documents whose dependencies refer back to their root (the synthetic ring),
/// with and without the schema options.
#[test]
fn json_schema_fast_path_matches_plain_documents() {
    let dir = tempfile::tempdir().unwrap();
    synthetic(dir.path());
    assert_fast_json_schema_path(dir.path());
    let repo = corpus("speakeasy-sdks+wingspan-python");
    if repo.is_dir() {
        assert_fast_json_schema_path(&repo);
    } else {
        eprintln!("skipped the corpus half: no {}", repo.display());
    }
}

fn assert_fast_json_schema_path(docs: &Path) {
    use modeldoc::__private::emit::json_schema;
    use modeldoc::__private::emit::schema::SchemaOptions;
    use modeldoc::__private::emit::to_json;
    let loaded = Config::new().input(docs).load_partial().expect("docs load");
    let schema = &loaded.schema;
    for (closed_objects, open_enums) in [(false, false), (true, true)] {
        let options = SchemaOptions {
            closed_objects,
            open_enums,
        };
        let fast = json_schema::emit_documents(schema, &options);
        assert_eq!(fast.len(), schema.models.len());
        for (m, (name, text)) in schema.models.iter().zip(&fast) {
            assert_eq!(*name, json_schema::file_name(&m.name));
            let plain = to_json(&json_schema::document_value(schema, m, &options));
            assert_eq!(*text, plain, "{name} with {options:?}");
        }
    }
}

/// `openapi::emit` (bodies serialized in parallel and joined as text) prints what
/// `to_json(openapi::document_value(..))` does, on the fixtures, a synthetic set and a corpus
/// repo, with and without the schema options.
#[test]
fn openapi_text_matches_document() {
    let dir = tempfile::tempdir().unwrap();
    synthetic(dir.path());
    assert_openapi_text(dir.path());
    assert_openapi_text(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/docs"));
    let repo = corpus("BoltApp+Bolt-Python-SDK");
    if repo.is_dir() {
        assert_openapi_text(&repo);
    } else {
        eprintln!("skipped the corpus half: no {}", repo.display());
    }
    // No models: `components.schemas` is `{}`.
    let empty = modeldoc::ir::Schema::default();
    let options = modeldoc::__private::emit::openapi::OpenApiOptions::default();
    assert_eq!(
        modeldoc::__private::emit::openapi::emit_document(&empty, &options),
        modeldoc::__private::emit::to_json(&modeldoc::__private::emit::openapi::document_value(
            &empty, &options
        ))
    );
}

fn assert_openapi_text(docs: &Path) {
    use modeldoc::__private::emit::openapi::{self, OpenApiOptions};
    use modeldoc::__private::emit::schema::SchemaOptions;
    use modeldoc::__private::emit::to_json;
    let loaded = Config::new().input(docs).load_partial().expect("docs load");
    let schema = &loaded.schema;
    assert!(!schema.models.is_empty(), "{} has models", docs.display());
    for (closed_objects, open_enums) in [(false, false), (true, false), (true, true)] {
        let options = OpenApiOptions {
            title: "Title with \"quotes\"".into(),
            version: "2.0".into(),
            schema: SchemaOptions {
                closed_objects,
                open_enums,
            },
        };
        let text = openapi::emit_document(schema, &options);
        let plain = to_json(&openapi::document_value(schema, &options));
        assert!(text == plain, "{} with {options:?}", docs.display());
    }
}

fn corpus(repo: &str) -> std::path::PathBuf {
    support::corpus_dir().join(repo).join("docs")
}

#[test]
fn corpus_repo_is_identical_in_parallel() {
    let Some(repo) = support::corpus(
        "corpus_repo_is_identical_in_parallel",
        "speakeasy-sdks+wingspan-python/docs",
    ) else {
        return;
    };
    assert_same(&repo);
}
