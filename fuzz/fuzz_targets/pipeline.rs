//! Arbitrary bytes as a small doc set (documents separated by `\n%%\n`) through the
//! whole pipeline: parse, resolve, emit Rust (single file and modules, which parses
//! the generated code with syn), OpenAPI and JSON Schema.
#![no_main]

use libfuzzer_sys::fuzz_target;
use modeldoc::Diagnostics;
use modeldoc::__private::emit::{json_schema, openapi, rust};
use modeldoc::__private::parse;
use modeldoc::__private::resolve::{self, LoadedDoc};
use modeldoc::__private::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut diags = Diagnostics::default();
    let mut docs = Vec::new();
    for (i, part) in text.split("\n%%\n").take(8).enumerate() {
        let name = format!("m{i}.md");
        let source = SourceFile::new(name.as_str(), part);
        let dialect = parse::detect(&source.text).unwrap_or(parse::Dialect::Python);
        if let Some(doc) = parse::parse_document(&source, dialect, &mut diags) {
            docs.push(LoadedDoc {
                path: name.into(),
                doc,
            });
        }
    }
    let schema = resolve::resolve(docs, &mut diags);
    let _ = rust::emit_file(&schema, &Default::default());
    let _ = rust::emit_modules(&schema, &Default::default());
    let _ = openapi::emit_document(&schema, &Default::default());
    let _ = json_schema::emit_documents(&schema, &Default::default());
});
