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
    assert!(debug.contains("no file was written"), "{debug}");
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

/// A failing build prints the real error first and alone: the warnings it causes (links
/// to the doc left out dangle) are counted, not shown, and never come first.
#[test]
fn a_failing_build_shows_the_error_first_and_no_warning() {
    let docs = tempfile::tempdir().unwrap();
    write(
        docs.path(),
        "thing.md",
        &DOC.replace(":heavy_check_mark:", ":x:"),
    );
    let linking = (0..5)
        .map(|i| {
            format!("| `t{i}` | [models.Thing](../models/thing.md) | :heavy_check_mark: | T |\n")
        })
        .collect::<String>();
    write(
        docs.path(),
        "user.md",
        &format!("# User\n\n## Fields\n\n| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n{linking}"),
    );
    let err = modeldoc::Config::new()
        .input(docs.path())
        .out_dir(docs.path())
        .emit_rerun_if_changed(false)
        .load()
        .unwrap_err();
    let debug = format!("{err:?}");
    assert!(
        debug.starts_with(&format!("{}", docs.path().join("thing.md").display())),
        "{debug}"
    );
    assert!(
        debug.contains("error: unknown Required marker `:x:`"),
        "{debug}"
    );
    assert!(!debug.contains(": warning: "), "{debug}");
    assert!(debug.contains("warning(s) not shown"), "{debug}");
}

/// Warnings of a successful build become `cargo:warning=` lines, one per warning, capped.
#[test]
fn like_warnings_become_one_cargo_warning_line() {
    let docs = tempfile::tempdir().unwrap();
    let linking = (0..15)
        .map(|i| {
            format!(
                "| `t{i}` | [models.Gone{i}](../models/gone{i}.md) | :heavy_check_mark: | T |\n"
            )
        })
        .collect::<String>();
    write(
        docs.path(),
        "user.md",
        &format!("# User\n\n## Fields\n\n| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n{linking}"),
    );
    let loaded = modeldoc::Config::new().input(docs.path()).load().unwrap();
    // 15 dangling references plus the dialect's limitations, which are not repeated.
    assert_eq!(
        loaded.diagnostics.warning_count(),
        15 + loaded.limitations.len()
    );
    assert!(!loaded.limitations.is_empty());
    let lines = modeldoc::__private::cargo_warnings(&loaded);
    // The 15 like warnings are one line: the first, and how many more.
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].starts_with("cargo:warning="), "{}", lines[0]);
    assert!(lines[0].contains("user.md:7:"), "{}", lines[0]);
    assert!(
        lines[0].contains("warning: dangling reference"),
        "{}",
        lines[0]
    );
    assert!(lines[0].ends_with("(and 14 more like it)"), "{}", lines[0]);
    assert!(lines.iter().all(|l| !l.contains('\n')));
    assert!(
        lines.iter().all(|l| !l.contains("python docs:")),
        "{lines:#?}"
    );
    assert_eq!(loaded.problems().len(), 15);
}

/// Attribute paths that name no model or field are errors with a suggestion.
#[test]
fn attribute_paths_must_name_something() {
    let docs = tempfile::tempdir().unwrap();
    write(docs.path(), "thing.md", DOC);
    let run = |configure: &dyn Fn(&mut modeldoc::Config)| {
        let mut config = modeldoc::Config::new();
        config.input(docs.path()).out_dir(docs.path());
        configure(&mut config);
        config
            .load()
            .and_then(|l| config.render(&l.schema).map(|_| ()))
    };
    let err = run(&|c| {
        c.type_attribute("Thingy", "#[non_exhaustive]");
    })
    .unwrap_err();
    assert!(matches!(err, modeldoc::Error::Config(_)), "{err}");
    assert!(
        err.to_string().contains("path `Thingy` names no type"),
        "{err}"
    );
    assert!(err.to_string().contains("did you mean `Thing`?"), "{err}");
    let err = run(&|c| {
        c.field_attribute("Thing.idd", "#[serde(alias = \"x\")]");
    })
    .unwrap_err();
    assert!(
        err.to_string().contains("did you mean `Thing.id`?"),
        "{err}"
    );
    let err = run(&|c| {
        c.field_attribute("Thin.id", "#[serde(alias = \"x\")]");
    })
    .unwrap_err();
    assert!(
        err.to_string().contains("did you mean `Thing.id`?"),
        "{err}"
    );
    for ok in [".", "Thing"] {
        run(&|c| {
            c.type_attribute(ok, "#[allow(clippy::all)]");
        })
        .unwrap_or_else(|e| panic!("{ok}: {e}"));
    }
    for ok in [".", ".id", "Thing.id"] {
        run(&|c| {
            c.field_attribute(ok, "#[serde(alias = \"x\")]");
        })
        .unwrap_or_else(|e| panic!("{ok}: {e}"));
    }
}

/// A type path may name an item hoisted out of a model (`Thing` + `Kind`).
#[test]
fn attribute_paths_may_name_hoisted_items() {
    let docs = tempfile::tempdir().unwrap();
    write(docs.path(), "thing.md", DOC);
    let mut config = modeldoc::Config::new();
    config
        .input(docs.path())
        .out_dir(docs.path())
        .type_attribute("ThingKind", "#[allow(clippy::all)]");
    let loaded = config.load().unwrap();
    config.render(&loaded.schema).unwrap();
}
