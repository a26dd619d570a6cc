//! The whole pipeline in memory, for robustness tests: bytes → decode → parse →
//! resolve → every emitter. No file is read or written.

use modeldoc::__private::emit::{json_schema, openapi, rust};
use modeldoc::__private::parse::{self, Dialect};
use modeldoc::__private::resolve::{self, LoadedDoc};
use modeldoc::__private::source::SourceFile;
use modeldoc::ir::Schema;
use modeldoc::Diagnostics;

/// What one run produced.
#[derive(Debug)]
pub struct Run {
    /// The resolved models.
    pub schema: Schema,
    /// Every diagnostic (decoding, parsing, resolving).
    pub diagnostics: Diagnostics,
    /// Rust single-file output.
    pub rust: String,
    /// The OpenAPI document.
    pub openapi: String,
    /// Total size of the JSON Schema documents.
    pub json_schema_bytes: usize,
}

/// Runs every stage on in-memory documents `(file name, bytes)`; emits even when
/// documents had errors (the emitters must cope with whatever the parser kept).
pub fn run(docs: &[(&str, &[u8])]) -> Run {
    let mut diagnostics = Diagnostics::default();
    let mut loaded = Vec::new();
    for (name, bytes) in docs {
        let source = match SourceFile::from_bytes((*name).into(), bytes.to_vec()) {
            Ok(s) => s,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        let dialect = parse::detect(&source.text).unwrap_or(Dialect::Python);
        if let Some(doc) = parse::parse_document(&source, dialect, &mut diagnostics) {
            loaded.push(LoadedDoc {
                path: (*name).into(),
                doc,
            });
        }
    }
    let schema = resolve::resolve(loaded, &mut diagnostics);
    let rust = rust::emit_file(&schema, &Default::default());
    let _ = rust::emit_modules(&schema, &Default::default());
    let openapi = openapi::emit_document(&schema, &Default::default());
    let json_schema_bytes = json_schema::emit_documents(&schema, &Default::default())
        .iter()
        .map(|(_, s)| s.len())
        .sum();
    for d in diagnostics.iter() {
        let _ = d.to_string();
    }
    Run {
        schema,
        diagnostics,
        rust,
        openapi,
        json_schema_bytes,
    }
}
