//! Issue 13: `modeldoc generate --merge`, `modeldoc ir --merge` (provenance) and
//! `merge = true` in `modeldoc.toml` (the library side is `generator/tests/merge.rs`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh directory under the system temp dir holding `files` (relative path, contents).
fn doc_set(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("modeldoc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create dir");
        std::fs::write(path, text).expect("write doc");
    }
    dir
}

const HEADER: &str = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

/// Python docs: no widths; nullability and descriptions shown.
fn python_docs(test: &str, user_id_required: &str) -> PathBuf {
    let user = format!(
        "# User\n\nA user.\n\n## Fields\n\n{HEADER}\
         | `user_id` | *str* | {user_id_required} | The ID |\n\
         | `age` | *Optional[int]* | :heavy_minus_sign: | Years |\n\
         | `nickname` | *OptionalNullable[str]* | :heavy_minus_sign: | May be null |\n"
    );
    doc_set(&format!("merge-py-{test}"), &[("models/user.md", &user)])
}

/// Go docs: widths shown; an optional field's nullability is not.
fn go_docs(test: &str) -> PathBuf {
    let user = format!(
        "# User\n\nA user.\n\n## Fields\n\n{HEADER}\
         | `UserID` | *string* | :heavy_check_mark: | The ID |\n\
         | `Age` | **int64* | :heavy_minus_sign: | Years |\n\
         | `Nickname` | **string* | :heavy_minus_sign: | May be null |\n"
    );
    let team = format!(
        "# Team\n\n## Fields\n\n{HEADER}| `Name` | *string* | :heavy_check_mark: | N/A |\n"
    );
    doc_set(
        &format!("merge-go-{test}"),
        &[
            ("models/components/user.md", &user),
            ("models/components/team.md", &team),
        ],
    )
}

fn modeldoc(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_modeldoc"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run modeldoc")
}

#[test]
fn cli_merge_generates_warns_on_conflicts_and_ir_shows_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let (py, go) = (python_docs("cli", ":heavy_minus_sign:"), go_docs("cli"));
    let (py, go) = (py.to_str().unwrap(), go.to_str().unwrap());
    let out = modeldoc(
        &["generate", "--merge", py, go, "--openapi", "openapi.json"],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // `user_id`: optional in Python, required in Go; the first doc set wins.
    assert!(
        stderr.contains("warning: doc sets disagree on the required of `User.user_id`"),
        "{stderr}"
    );
    assert!(stderr.contains("models/user.md:9:1"), "{stderr}");
    assert!(stderr.contains("models/components/user.md:9:1"), "{stderr}");
    let openapi: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("openapi.json")).unwrap())
            .unwrap();
    let user = &openapi["components"]["schemas"]["User"];
    assert_eq!(user["properties"]["age"]["format"], "int64");
    assert!(user.get("required").is_none(), "{user}");
    assert!(openapi["components"]["schemas"]["Team"].is_object());

    let out = modeldoc(&["ir", "--merge", py, go], dir.path());
    assert!(out.status.success());
    let ir: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let age = &ir["models"][1]["kind"]["fields"][1];
    assert_eq!(age["provenance"]["facts"]["format"], go);
    assert_eq!(age["provenance"]["facts"]["required"], py);
    assert_eq!(age["provenance"]["doc_sets"], serde_json::json!([py, go]));
}

#[test]
fn one_doc_set_with_or_without_merge_is_the_same_and_toml_merges() {
    let dir = tempfile::tempdir().unwrap();
    let (py, go) = (python_docs("one", ":heavy_check_mark:"), go_docs("one"));
    let (py, go) = (py.to_str().unwrap(), go.to_str().unwrap());
    let plain = modeldoc(&["ir", py], dir.path());
    let merged = modeldoc(&["ir", "--merge", py], dir.path());
    assert!(plain.status.success());
    assert_eq!(plain.stdout, merged.stdout);
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("provenance"));

    std::fs::write(
        dir.path().join("modeldoc.toml"),
        format!("inputs = [{py:?}, {go:?}]\nmerge = true\n[output]\nopenapi = \"o.json\"\n"),
    )
    .unwrap();
    let out = modeldoc(&["generate"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("o.json")).unwrap();
    assert!(text.contains("\"int64\""), "{text}");
    assert!(text.contains("\"Team\""), "{text}");
}
