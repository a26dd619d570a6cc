//! Micro-benchmarks of the pipeline's hot paths on the seed doc (`specs/userapikey.md`).
//!
//! Run with `cargo bench -p modeldoc`. Whole-command timings on real SDK doc
//! sets live in `cargo xtask bench` (see BENCHMARKS.md).

use divan::{black_box, Bencher};
use modeldoc::__private::emit::{json_schema, openapi, rust};
use modeldoc::__private::parse::{self, type_expr, Dialect};
use modeldoc::__private::resolve::{self, LoadedDoc};
use modeldoc::__private::source::SourceFile;
use modeldoc::ir::Schema;
use modeldoc::Diagnostics;

const SEED: &str = include_str!("../../specs/userapikey.md");

/// Type cells as real docs write them, from trivial to nested links.
const CELLS: &[&str] = &[
    "*str*",
    "*Optional[int]*",
    "Dict[str, List[*str*]]",
    "List[[Nullable[models.UserAPIKey]](../models/userapikey.md)]",
    "[Optional[models.Status]](../../models/shared/status.md)",
    "*Optional[Literal[\"agent\"]]*",
];

fn main() {
    divan::main();
}

fn seed_schema() -> Schema {
    let source = SourceFile::new("specs/userapikey.md", SEED);
    let mut diags = Diagnostics::default();
    let doc = parse::parse_document(&source, Dialect::Python, &mut diags).expect("seed parses");
    let docs = vec![LoadedDoc {
        path: "specs/userapikey.md".into(),
        doc,
    }];
    resolve::resolve(docs, &mut diags)
}

/// Markdown blocks of one doc (pulldown-cmark + raw cells).
#[divan::bench]
fn markdown_blocks(b: Bencher) {
    let source = SourceFile::new("specs/userapikey.md", SEED);
    b.bench(|| modeldoc::__private::markdown::blocks_with_ranges(black_box(&source)));
}

/// Dialect detection of one doc.
#[divan::bench]
fn detect_dialect() -> Option<Dialect> {
    parse::detect(black_box(SEED))
}

/// One doc: source → model with pending refs.
#[divan::bench]
fn parse_one_doc(b: Bencher) {
    let source = SourceFile::new("specs/userapikey.md", SEED);
    b.bench(|| {
        let mut diags = Diagnostics::default();
        parse::parse_document(black_box(&source), Dialect::Python, &mut diags)
    });
}

/// Type-cell parsing alone, every cell of [`CELLS`].
#[divan::bench(args = CELLS)]
fn type_cell(cell: &str) -> Result<type_expr::Expr, type_expr::ExprError> {
    type_expr::parse(black_box(cell))
}

/// One model → one formatted Rust file (quote → syn → prettyplease).
#[divan::bench]
fn emit_rust_one_model(b: Bencher) {
    let schema = seed_schema();
    let options = rust::RustOptions::default();
    b.bench(|| rust::emit_file(black_box(&schema), &options));
}

/// One model → its JSON Schema document, pretty-printed.
#[divan::bench]
fn emit_json_schema_one_model(b: Bencher) {
    let schema = seed_schema();
    b.bench(|| json_schema::emit_documents(black_box(&schema), &Default::default()));
}

/// One model → the OpenAPI document, pretty-printed.
#[divan::bench]
fn emit_openapi_one_model(b: Bencher) {
    let schema = seed_schema();
    let options = openapi::OpenApiOptions::default();
    b.bench(|| openapi::emit_document(black_box(&schema), &options));
}
