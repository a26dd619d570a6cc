//! End-to-end tests of the `modeldoc` binary: diagnostics, exit codes and
//! the promise that a failing run writes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const HEADER: &str =
    "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n";

fn write_doc(dir: &Path, name: &str, body: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    path
}

fn modeldoc(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_modeldoc"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run modeldoc")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `generate` on one doc; asserts exit 1, the message and that no output exists.
fn assert_error(body: &[u8], expected: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    write_doc(dir.path(), "bad.md", body);
    let out = modeldoc(
        &[
            "generate",
            "bad.md",
            "--rust",
            "out.rs",
            "--openapi",
            "out.json",
        ],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for e in expected {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
    assert!(
        !dir.path().join("out.rs").exists(),
        "a failing run wrote out.rs"
    );
    assert!(
        !dir.path().join("out.json").exists(),
        "a failing run wrote out.json"
    );
    err
}

#[test]
fn fields_heading_without_table() {
    assert_error(
        b"# Thing\n\nA thing.\n\n## Fields\n\nnothing here\n",
        &[
            "bad.md:5:1: error: `## Fields` is not followed by a table",
            "| ## Fields",
            "hint: expected `| Field | Type | Required | Description |`",
        ],
    );
}

#[test]
fn wrong_cell_count() {
    let doc = format!(
        "# Thing\n\n## Fields\n\n{HEADER}| `a` | *str* | :heavy_check_mark: | has | a pipe |\n"
    );
    assert_error(
        doc.as_bytes(),
        &[
            "bad.md:7:1: error: row has 5 cells but the header has 4",
            "| | `a` | *str*",
            "escape a literal `|`",
        ],
    );
}

#[test]
fn unknown_required_marker() {
    let doc = format!("# Thing\n\n## Fields\n\n{HEADER}| `a` | *str* | :x: | A |\n");
    assert_error(
        doc.as_bytes(),
        &[
            "bad.md:7:17: error: unknown Required marker `:x:`",
            "expected `:heavy_check_mark:` or `yes` (required), `:heavy_minus_sign:` or `no` (optional)",
        ],
    );
}

#[test]
fn duplicate_field() {
    let doc = format!(
        "# Thing\n\n## Fields\n\n{HEADER}| `a` | *str* | :heavy_check_mark: | A |\n| `a` | *int* | :heavy_minus_sign: | B |\n"
    );
    assert_error(
        doc.as_bytes(),
        &[
            "bad.md:8:1: error: duplicate field `a`",
            "first defined at bad.md:7:1",
        ],
    );
}

#[test]
fn empty_field_name() {
    let doc = format!("# Thing\n\n## Fields\n\n{HEADER}| `` | *str* | :heavy_check_mark: | A |\n");
    assert_error(doc.as_bytes(), &["bad.md:7:3: error: empty field name"]);
}

#[test]
fn missing_title() {
    assert_error(
        b"Just text.\n",
        &[
            "bad.md:1:1: warning: no `# Title` heading: not a model doc, skipped",
            "bad.md:1:1: error: no model docs found in the input",
        ],
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let mut body = b"# Thing\n\nCaf".to_vec();
    body.extend([0xE9, b'\n']);
    assert_error(
        &body,
        &["bad.md:3:4: error: invalid UTF-8 at byte offset 12 (bytes 0xe9 0x0a)"],
    );
}

#[test]
fn unknown_type_warns_and_falls_back_to_value() {
    let dir = tempfile::tempdir().unwrap();
    let doc = format!(
        "# Thing\n\n## Fields\n\n{HEADER}| `a` | *Frobnicator[int]* | :heavy_check_mark: | A |\n"
    );
    write_doc(dir.path(), "thing.md", doc.as_bytes());
    let out = modeldoc(&["generate", "thing.md", "--rust", "out.rs"], dir.path());
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("thing.md:7:9: warning: unknown type `Frobnicator[...]`"),
        "{err}"
    );
    let rust = std::fs::read_to_string(dir.path().join("out.rs")).unwrap();
    assert!(rust.contains("pub a: serde_json::Value,"), "{rust}");

    // --strict turns the warning into an error and writes nothing.
    std::fs::remove_file(dir.path().join("out.rs")).unwrap();
    let out = modeldoc(
        &["generate", "thing.md", "--rust", "out.rs", "--strict"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("thing.md:7:9: error: unknown type"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("out.rs").exists());
}

#[test]
fn recoverable_row_malformations_are_read_with_one_warning_each() {
    let dir = tempfile::tempdir().unwrap();
    let doc = format!(
        "# Thing\n\n## Fields\n\n{HEADER}\
         | `ID` | *string* | :heavy_check_mark: | Pasted\rfrom\rWindows. |\n\
         | `Mode` | *string* | :heavy_minus_sign: | `a` \\\\| `b` |\n\
         | `Note` | *string* | :heavy_minus_sign: | Closed twice. ||\n\
         | `Empty` | *string* | :heavy_minus_sign: |\n"
    );
    write_doc(dir.path(), "thing.md", doc.as_bytes());
    let out = modeldoc(
        &["generate", "thing.md", "--openapi", "out.json"],
        dir.path(),
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    for expected in [
        "thing.md:7:1: warning: table row contains a bare carriage return",
        "thing.md:8:1: warning: table cell escapes a pipe twice",
        "thing.md:9:1: warning: table row ends with an extra `|`",
        "thing.md:10:1: warning: table row lacks its closing `|`",
    ] {
        assert_eq!(err.matches(expected).count(), 1, "{expected:?} in:\n{err}");
    }
    let openapi = std::fs::read_to_string(dir.path().join("out.json")).unwrap();
    for field in [
        "\"ID\"",
        "\"Mode\"",
        "\"Note\"",
        "\"Empty\"",
        "Pasted from Windows.",
        "`a` | `b`",
    ] {
        assert!(openapi.contains(field), "{field} missing in {openapi}");
    }
}

#[test]
fn dangling_reference_warns() {
    let dir = tempfile::tempdir().unwrap();
    let doc = format!(
        "# Thing\n\n## Fields\n\n{HEADER}| `a` | [models.Missing](../models/missing.md) | :heavy_check_mark: | A |\n"
    );
    write_doc(dir.path(), "thing.md", doc.as_bytes());
    let out = modeldoc(
        &["generate", "thing.md", "--openapi", "out.json"],
        dir.path(),
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("thing.md:7:9: warning: dangling reference to `../models/missing.md`"),
        "{err}"
    );
}

#[test]
fn folders_are_searched_and_check_mode_reports_drift() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("docs/nested")).unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs/userapikey.md");
    std::fs::copy(seed, dir.path().join("docs/nested/userapikey.md")).unwrap();
    let args = [
        "generate",
        "docs",
        "--rust",
        "out/models.rs",
        "--openapi",
        "out/openapi.json",
        "--json-schema",
        "out/schemas",
    ];
    let out = modeldoc(&args, dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("out/schemas/UserAPIKey.json").exists());

    let mut check = args.to_vec();
    check.push("--check");
    let out = modeldoc(&check, dir.path());
    assert!(out.status.success(), "{}", stderr(&out));

    std::fs::write(dir.path().join("out/openapi.json"), "{}").unwrap();
    let out = modeldoc(&check, dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("stale: out/openapi.json"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/openapi.json")).unwrap(),
        "{}",
        "--check wrote"
    );
}

#[test]
fn a_doc_that_cannot_be_parsed_or_read_can_be_excluded_by_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("docs/models/broken")).unwrap();
    let good =
        format!("# Thing\n\n## Fields\n\n{HEADER}| `a` | *str* | :heavy_check_mark: | A |\n");
    let bad =
        format!("# Bad\n\n## Fields\n\n{HEADER}| `a` | *str* | :heavy_check_mark: | a | b |\n");
    write_doc(&dir.path().join("docs/models"), "thing.md", good.as_bytes());
    write_doc(
        &dir.path().join("docs/models/broken"),
        "bad.md",
        bad.as_bytes(),
    );
    write_doc(
        &dir.path().join("docs/models/broken"),
        "latin1.md",
        b"# Caf\xe9\n",
    );
    let generate = |extra: &[&str]| {
        let mut args = vec!["generate", "docs", "--openapi", "out.json"];
        args.extend(extra);
        modeldoc(&args, dir.path())
    };
    let out = generate(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    for keys in [
        &[
            "--exclude-model",
            "broken/bad.md",
            "--exclude-model",
            "latin1.md",
        ][..],
        &["--exclude-model", "broken/"][..],
    ] {
        let out = generate(keys);
        let err = stderr(&out);
        assert!(out.status.success(), "{keys:?}: {err}");
        let openapi = std::fs::read_to_string(dir.path().join("out.json")).unwrap();
        assert!(openapi.contains("\"Thing\""), "{openapi}");
        assert!(!openapi.contains("\"Bad\""), "{openapi}");
    }

    // A path key that names no file is still an error, with the closest path.
    let out = generate(&["--exclude-model", "broken/bda.md"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("did you mean `broken/bad.md`?"), "{err}");
}
