//! The build-script API: `OUT_DIR` by default, writes only on change, errors that
//! print as diagnostics (never a panic). One test per process section: it sets `OUT_DIR`.

use std::path::Path;

const DOC: &str = "# Thing\n\n## Fields\n\n| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n| `id` | *str* | :heavy_check_mark: | Id |\n";

fn write(dir: &Path, name: &str, body: &str) {
    std::fs::write(dir.join(name), body).unwrap();
}

#[test]
fn build_api_behaviour() {
    let docs = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write(docs.path(), "thing.md", DOC);

    // Without an out_dir or any output, `$OUT_DIR/models.rs` is written.
    std::env::set_var("OUT_DIR", out.path());
    let report = modeldoc::Config::new()
        .input(docs.path())
        .generate()
        .unwrap();
    let models = out.path().join("models.rs");
    assert_eq!(report.changes.len(), 1);
    assert!(std::fs::read_to_string(&models)
        .unwrap()
        .contains("pub struct Thing"));
    std::env::remove_var("OUT_DIR");

    // A second run with the same docs writes nothing (the mtime stays).
    let before = std::fs::metadata(&models).unwrap().modified().unwrap();
    let report = modeldoc::Config::new()
        .input(docs.path())
        .out_dir(out.path())
        .generate()
        .unwrap();
    assert!(report.changes.is_empty());
    assert_eq!(
        std::fs::metadata(&models).unwrap().modified().unwrap(),
        before
    );

    // No OUT_DIR and no output: a configuration error, not a panic.
    let err = modeldoc::Config::new()
        .input(docs.path())
        .generate()
        .unwrap_err();
    assert!(matches!(err, modeldoc::Error::Config(_)), "{err}");

    // Bad input: an error whose Debug text is the diagnostics, and nothing written.
    write(
        docs.path(),
        "bad.md",
        &DOC.replace(":heavy_check_mark:", ":x:"),
    );
    let err = modeldoc::Config::new()
        .input(docs.path())
        .out_dir(out.path())
        .generate()
        .unwrap_err();
    let debug = format!("{err:?}");
    assert!(debug.contains("bad.md:7:"), "{debug}");
    assert!(
        debug.contains("error: unknown Required marker `:x:`"),
        "{debug}"
    );
    assert!(debug.ends_with("no file was written"), "{debug}");
    assert_eq!(
        std::fs::metadata(&models).unwrap().modified().unwrap(),
        before
    );

    // Invalid attributes are configuration errors.
    std::fs::remove_file(docs.path().join("bad.md")).unwrap();
    let err = modeldoc::Config::new()
        .input(docs.path())
        .out_dir(out.path())
        .type_attribute("Thing", "derive(Hash)")
        .generate()
        .unwrap_err();
    assert!(err.to_string().contains("not an outer attribute"), "{err}");
}
