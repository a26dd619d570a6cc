//! Snapshot tests of everything generated from the seed model (`specs/userapikey.md`).
//!
//! Review changes with `cargo insta review`.

use modeldoc::__private::emit::{json_schema, openapi, rust};
use modeldoc_tests::specs_schema;

#[test]
fn seed_doc_is_the_shared_seed_verbatim() {
    let ours = std::fs::read(modeldoc_tests::root().join("specs/userapikey.md")).unwrap();
    match std::fs::read(modeldoc_tests::root().join("../shared/seed/userapikey.md")) {
        Ok(seed) => assert_eq!(
            ours, seed,
            "specs/userapikey.md must be the seed byte for byte"
        ),
        Err(_) => eprintln!("skipped: ../shared/seed/userapikey.md is not present"),
    }
}

#[test]
fn user_api_key_rust() {
    let schema = specs_schema();
    insta::assert_snapshot!(
        "user_api_key_rust",
        rust::emit_file(&schema, &Default::default())
    );
}

#[test]
fn user_api_key_openapi() {
    let schema = specs_schema();
    insta::assert_snapshot!(
        "user_api_key_openapi",
        openapi::emit_document(&schema, &Default::default())
    );
}

#[test]
fn user_api_key_json_schema() {
    let schema = specs_schema();
    let model = schema.model("UserAPIKey").expect("seed model");
    let doc = json_schema::document_value(&schema, model, &Default::default());
    insta::assert_snapshot!(
        "user_api_key_json_schema",
        modeldoc::__private::emit::to_json(&doc)
    );
}

#[test]
fn output_is_deterministic() {
    let a = rust::emit_modules(&specs_schema(), &Default::default());
    let b = rust::emit_modules(&specs_schema(), &Default::default());
    assert_eq!(a, b);
    let a = openapi::emit_document(&specs_schema(), &Default::default());
    let b = openapi::emit_document(&specs_schema(), &Default::default());
    assert_eq!(a, b);
}
