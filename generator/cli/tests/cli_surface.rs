//! End-to-end tests of the CLI surface: help, `check`, `ir`, JSON messages, colors,
//! `--quiet`, modeldoc.toml, option flags and exit codes.

use std::path::Path;
use std::process::{Command, Output};

const HEADER: &str =
    "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n";

fn good_doc() -> String {
    format!("# Thing\n\nA thing.\n\n## Fields\n\n{HEADER}| `id` | *str* | :heavy_check_mark: | Id |\n| `at` | [date](https://docs.python.org/3/library/datetime.html#date-objects) | :heavy_minus_sign: | When |\n")
}

fn warning_doc() -> String {
    format!("# Other\n\n## Fields\n\n{HEADER}| `x` | [models.Nope](../models/nope.md) | :heavy_check_mark: | X |\n")
}

fn error_doc() -> String {
    format!("# Bad\n\n## Fields\n\n{HEADER}| `a` | *str* | :x: | A |\n")
}

fn run(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_modeldoc"));
    cmd.args(args).current_dir(cwd);
    cmd.env_remove("CLICOLOR_FORCE").env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run modeldoc")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
    dir
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let out = run(&["--help"], Path::new("."), &[]);
    let help = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    for needle in [
        "generate",
        "check",
        "ir",
        "Examples:",
        "Exit codes:",
        "modeldoc.toml",
    ] {
        assert!(help.contains(needle), "missing {needle:?} in:\n{help}");
    }
    let out = run(&["generate", "--help"], Path::new("."), &[]);
    let help = text(&out.stdout);
    for flag in [
        "--dates",
        "--maps",
        "--type-attribute",
        "--open-enums",
        "--message-format",
        "--config",
    ] {
        assert!(help.contains(flag), "missing {flag} in:\n{help}");
    }
}

#[test]
fn check_lints_without_writing() {
    let dir = dir_with(&[
        ("docs/thing.md", &good_doc()),
        ("docs/other.md", &warning_doc()),
    ]);
    let out = run(&["check", "docs"], dir.path(), &[]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("docs/other.md:7:"), "{err}");
    assert!(err.contains("warning:"), "{err}");
    assert!(
        err.contains("modeldoc: 2 docs, 2 models, 1 warning(s), no errors"),
        "{err}"
    );
    let out = run(&["check", "docs", "--strict"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("error:"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "check wrote something");
}

#[test]
fn ir_prints_the_schema_as_json() {
    let dir = dir_with(&[("thing.md", &good_doc())]);
    let out = run(&["ir", "thing.md"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ir: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ir["models"][0]["name"], "Thing");
    assert_eq!(
        ir["models"][0]["kind"]["fields"][1]["ty"]["of"],
        "date-time"
    );
}

#[test]
fn json_messages_one_object_per_line() {
    let dir = dir_with(&[("bad.md", &error_doc()), ("other.md", &warning_doc())]);
    let out = run(&["check", ".", "--message-format", "json"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    // The error, the note on wire names, the warning.
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0]["severity"], "error");
    assert_eq!(lines[0]["span"]["file"], "./bad.md");
    assert_eq!(lines[0]["span"]["line"], 7);
    assert!(lines[0]["message"].as_str().unwrap().contains(":x:"));
    assert_eq!(lines[1]["severity"], "note");
    assert_eq!(lines[2]["severity"], "warning");
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
}

#[test]
fn colors_only_when_asked_or_on_a_terminal() {
    let dir = dir_with(&[("bad.md", &error_doc())]);
    let plain = run(&["check", "bad.md"], dir.path(), &[]);
    let err = text(&plain.stderr);
    assert!(!err.contains('\u{1b}'), "colors on a pipe: {err:?}");
    assert!(err.starts_with("bad.md:7:"), "{err}");
    assert!(
        err.contains("error: unknown Required marker `:x:`"),
        "{err}"
    );
    let colored = run(&["check", "bad.md"], dir.path(), &[("CLICOLOR_FORCE", "1")]);
    let err = text(&colored.stderr);
    assert!(
        err.contains("\u{1b}["),
        "no colors with CLICOLOR_FORCE: {err:?}"
    );
    assert!(err.contains("unknown Required marker"), "{err}");
}

#[test]
fn quiet_prints_only_errors() {
    let dir = dir_with(&[("other.md", &warning_doc())]);
    let out = run(
        &["generate", "other.md", "--rust", "out.rs", "-q"],
        dir.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
    assert!(dir.path().join("out.rs").exists());
}

#[test]
fn config_file_drives_generate_and_flags_override_it() {
    let toml = "inputs = [\"docs\"]\n[output]\nrust = \"out/models.rs\"\njson_schema = \"out/schemas\"\nopenapi = \"out/openapi.json\"\n[options]\ndates = \"chrono\"\ndeny_unknown_fields = true\n";
    let dir = dir_with(&[("docs/thing.md", &good_doc()), ("modeldoc.toml", toml)]);
    let out = run(&["generate"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rust = std::fs::read_to_string(dir.path().join("out/models.rs")).unwrap();
    assert!(
        rust.contains("chrono::DateTime<chrono::FixedOffset>"),
        "{rust}"
    );
    assert!(rust.contains("#[serde(deny_unknown_fields)]"), "{rust}");
    let schema = std::fs::read_to_string(dir.path().join("out/schemas/Thing.json")).unwrap();
    assert!(
        schema.contains("\"additionalProperties\": false"),
        "{schema}"
    );
    let openapi = std::fs::read_to_string(dir.path().join("out/openapi.json")).unwrap();
    assert!(
        openapi.contains("\"additionalProperties\": false"),
        "{openapi}"
    );
    // Up to date: --check passes, then a flag that changes the output makes it stale.
    assert_eq!(
        run(&["generate", "--check"], dir.path(), &[]).status.code(),
        Some(0)
    );
    let stale = run(&["generate", "--check", "--dates", "jiff"], dir.path(), &[]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(
        text(&stale.stderr).contains("stale: out/models.rs"),
        "{}",
        text(&stale.stderr)
    );
    // Output flags replace the file's [output]; --config names another file.
    std::fs::rename(
        dir.path().join("modeldoc.toml"),
        dir.path().join("other.toml"),
    )
    .unwrap();
    let out = run(
        &[
            "generate",
            "--config",
            "other.toml",
            "--rust",
            "flag.rs",
            "--maps",
            "indexmap",
        ],
        dir.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rust = std::fs::read_to_string(dir.path().join("flag.rs")).unwrap();
    assert!(rust.contains("chrono::"), "file options kept: {rust}");
}

#[test]
fn config_errors_exit_2_with_a_suggestion() {
    let dir = dir_with(&[("modeldoc.toml", "input = [\"docs\"]\n")]);
    let out = run(&["generate"], dir.path(), &[]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("modeldoc.toml"), "{err}");
    assert!(err.contains("unknown field `input`"), "{err}");
    assert!(err.contains("did you mean `inputs`?"), "{err}");
    let dir = dir_with(&[("modeldoc.toml", "[options]\ndates = \"chrno\"\n")]);
    let err = text(&run(&["check", "x.md"], dir.path(), &[]).stderr);
    assert!(err.contains("did you mean `chrono`?"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = dir_with(&[("thing.md", &good_doc())]);
    let out = run(&["generate", "thing.md"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nothing to generate"));
    let out = run(
        &[
            "generate", "thing.md", "--rust", "x.rs", "--dates", "moment",
        ],
        dir.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("expected one of: string, chrono, time, jiff"));
    let out = run(&["check"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no input docs"));
    let out = run(
        &[
            "generate",
            "thing.md",
            "--rust",
            "x.rs",
            "--type-attribute",
            ".=derive(Hash)",
        ],
        dir.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not an outer attribute"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn no_progress_bar_on_a_pipe() {
    let mut files = Vec::new();
    for i in 0..250 {
        files.push((
            format!("docs/m{i}.md"),
            good_doc().replace("# Thing", &format!("# Thing{i}")),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = dir_with(&refs);
    let out = run(&["generate", "docs", "--rust", "m.rs"], dir.path(), &[]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // One note (the inferred wire names) and the summary; no progress bar.
    assert!(
        err.ends_with("\nmodeldoc: 250 docs, 250 models, 0 warning(s), 1 file(s) written\n"),
        "{err}"
    );
    assert!(!err.contains('\r'), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.contains("note:")).count(),
        1,
        "{err}"
    );
}
