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

/// How many limitation warnings a Python doc set gets (one per limitation).
fn python_limitations() -> usize {
    modeldoc::Dialect::Python.limitations().len()
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
    assert!(err.contains("python docs: "), "no limitation: {err}");
    let summary = format!(
        "modeldoc: 2 docs, 2 models, {} warning(s), no errors",
        1 + python_limitations()
    );
    assert!(err.contains(&summary), "{err}");
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
    // The dialect's limitations come first (at line 1 of the first doc).
    let n = python_limitations();
    // Then the error, the note on wire names, the warning.
    assert_eq!(lines.len(), n + 3, "{stdout}");
    for limitation in &lines[..n] {
        assert_eq!(limitation["severity"], "warning");
        assert_eq!(limitation["span"]["line"], 1);
    }
    assert_eq!(lines[n]["severity"], "error");
    assert_eq!(lines[n]["span"]["file"], "./bad.md");
    assert_eq!(lines[n]["span"]["line"], 7);
    assert!(lines[n]["message"].as_str().unwrap().contains(":x:"));
    assert_eq!(lines[n + 1]["severity"], "note");
    assert_eq!(lines[n + 2]["severity"], "warning");
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
}

#[test]
fn colors_only_when_asked_or_on_a_terminal() {
    let dir = dir_with(&[("bad.md", &error_doc())]);
    let plain = run(&["check", "bad.md"], dir.path(), &[]);
    let err = text(&plain.stderr);
    assert!(!err.contains('\u{1b}'), "colors on a pipe: {err:?}");
    assert!(
        err.starts_with("bad.md:1:1: warning: python docs: "),
        "{err}"
    );
    assert!(err.contains("\nbad.md:7:"), "{err}");
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
    // The structs' serde tables reject unknown keys.
    assert!(
        rust.contains("None => Err(E::unknown_field(v, self.0)),"),
        "{rust}"
    );
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
    // Only the dialect's limitations, and the summary: no progress bar.
    let n = python_limitations();
    assert!(!err.contains('\r'), "{err:?}");
    assert_eq!(err.matches(": warning: python docs: ").count(), n, "{err}");
    assert!(
        err.ends_with(&format!(
            "\nmodeldoc: 250 docs, 250 models, {n} warning(s), 1 file(s) written, 0 unchanged\n"
        )),
        "{err}"
    );
}

/// The same settings given as CLI flags, in `modeldoc.toml` (read by the CLI, and by
/// `ConfigFile::load_config` as the xtask and build scripts do) and through `Config`'s
/// builder give byte-identical outputs.
#[test]
fn flags_file_and_config_give_identical_output() {
    let doc = format!("# Thing\n\nA thing.\n\n## Fields\n\n{HEADER}| `user_id` | *str* | :heavy_check_mark: | Id |\n| `created_at` | [date](https://docs.python.org/3/library/datetime.html#date-objects) | :heavy_minus_sign: | When |\n");
    let settings =
        "rename_wire = \"camel\"\nstrict = true\n[options]\ndates = \"chrono\"\nbuilders = true\n";
    let toml = format!("inputs = [\"docs\"]\n{settings}");
    let toml = toml.replacen(
        "strict = true\n",
        "strict = true\n[output]\nrust = \"file/models.rs\"\nopenapi = \"file/openapi.json\"\n",
        1,
    );
    let dir = dir_with(&[("docs/thing.md", &doc), ("modeldoc.toml", &toml)]);
    let file_run = run(&["generate"], dir.path(), &[]);
    assert_eq!(
        file_run.status.code(),
        Some(0),
        "{}",
        text(&file_run.stderr)
    );
    let flags_run = run(
        &[
            "generate",
            "docs",
            "--config",
            "/dev/null",
            "--rename-wire",
            "camel",
            "--strict",
            "--dates",
            "chrono",
            "--builders",
            "--rust",
            "flags/models.rs",
            "--openapi",
            "flags/openapi.json",
        ],
        dir.path(),
        &[],
    );
    assert_eq!(
        flags_run.status.code(),
        Some(0),
        "{}",
        text(&flags_run.stderr)
    );

    let base = dir.path();
    let mut loaded = modeldoc::ConfigFile::load_config(&base.join("modeldoc.toml")).unwrap();
    loaded
        .rust_file(base.join("loaded/models.rs"))
        .openapi(base.join("loaded/openapi.json"));
    loaded.generate().unwrap();
    let mut built = modeldoc::Config::new();
    built
        .input(base.join("docs"))
        .rename_wire(modeldoc::RenameWire::Camel)
        .strict(true)
        .dates(modeldoc::DateMapping::Chrono)
        .builders(true)
        .rust_file(base.join("built/models.rs"))
        .openapi(base.join("built/openapi.json"))
        .generate()
        .unwrap();

    for file in ["models.rs", "openapi.json"] {
        let read = |d: &str| std::fs::read_to_string(base.join(d).join(file)).unwrap();
        let from_file = read("file");
        assert!(from_file.contains("createdAt"), "{from_file}");
        for other in ["flags", "loaded", "built"] {
            assert_eq!(
                read(other),
                from_file,
                "{other}/{file} differs from file/{file}"
            );
        }
    }
}

/// A page without a fields, values or members table (an SDK's client options page, a
/// guide) is not a model: one warning, no `serde_json::Value` alias; only such pages is an error.
#[test]
fn non_model_docs_are_skipped_with_one_warning() {
    let options_page =
        "# Option\n\nClient options.\n\n## Example Usage\n\n```python\nfrom sdk import Sdk\n```\n";
    let dir = dir_with(&[
        ("docs/thing.md", &good_doc()),
        ("docs/option.md", options_page),
    ]);
    let out = run(
        &["generate", "docs", "--rust", "models.rs"],
        dir.path(),
        &[],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // One warning besides the dialect's limitations.
    let n = python_limitations();
    assert_eq!(stderr.matches("warning:").count(), 1 + n, "{stderr}");
    assert!(stderr.contains("docs/option.md:1:1: warning: `Option` has no `## Fields`, `## Values` or `## Supported Types` table: not a model doc, skipped"), "{stderr}");
    assert!(!stderr.contains("Java"), "{stderr}");
    let rust = std::fs::read_to_string(dir.path().join("models.rs")).unwrap();
    assert!(rust.contains("pub struct Thing"), "{rust}");
    assert!(!rust.contains("pub type Option"), "{rust}");
    assert!(!rust.contains("serde_json::Value"), "{rust}");

    let dir = dir_with(&[
        ("docs/option.md", options_page),
        (
            "docs/guide.md",
            "# Guide\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        ),
    ]);
    let out = run(&["check", "docs"], dir.path(), &[]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: no model docs found in the input"),
        "{stderr}"
    );
    assert!(stderr.contains("docs/guide.md:1:1: error"), "{stderr}");
}

/// An empty folder is a configuration error naming it, not a position in it.
#[test]
fn an_empty_folder_is_named() {
    let dir = dir_with(&[]);
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let out = run(&["check", "empty"], dir.path(), &[]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no `*.md` files in `empty`"), "{stderr}");
    assert!(!stderr.contains("empty:1:1"), "{stderr}");
}

/// `--check` on up-to-date outputs says how many files it compared.
#[test]
fn check_counts_the_files_it_compared() {
    let dir = dir_with(&[("docs/thing.md", &good_doc())]);
    let args = [
        "generate",
        "docs",
        "--rust",
        "out/models.rs",
        "--json-schema",
        "out/schemas",
    ];
    let out = run(&args, dir.path(), &[]);
    assert!(
        text(&out.stderr).contains("2 file(s) written, 0 unchanged"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&[&args[..], &["--check"]].concat(), dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains("2 file(s) checked, up to date"),
        "{}",
        text(&out.stderr)
    );
}

/// Name collisions get readable names and a warning that names the options; `[models]`,
/// `--rename-model`/`--exclude-model` and `Config` resolve them with identical output.
#[test]
fn model_collisions_are_resolved_by_name_or_path_the_same_everywhere() {
    let detail = format!(
        "# Detail\n\n## Fields\n\n{HEADER}| `code` | *str* | :heavy_check_mark: | Code |\n"
    );
    let request = format!(
        "# GetThingRequest\n\n## Fields\n\n{HEADER}| `id` | *str* | :heavy_check_mark: | Id |\n"
    );
    let toml = "inputs = [\"docs\"]\nstrict = true\n[output]\nrust = \"file/models.rs\"\nopenapi = \"file/openapi.json\"\n\
                [models]\nrename = { \"apierrors/detail.md\" = \"ErrorDetail\" }\nexclude = [\"operations/\"]\n";
    let dir = dir_with(&[
        ("docs/components/detail.md", &detail),
        ("docs/apierrors/detail.md", &detail),
        ("docs/operations/getthingrequest.md", &request),
        ("modeldoc.toml", toml),
    ]);
    let base = dir.path();

    let unresolved = run(
        &["check", "docs", "--strict", "--config", "/dev/null"],
        base,
        &[],
    );
    let stderr = text(&unresolved.stderr);
    assert_eq!(unresolved.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("this one is named `ApierrorsDetail`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--rename-model apierrors/detail.md=NewName"),
        "{stderr}"
    );

    let file_run = run(&["generate"], base, &[]);
    assert_eq!(
        file_run.status.code(),
        Some(0),
        "{}",
        text(&file_run.stderr)
    );
    let flags_run = run(
        &[
            "generate",
            "docs",
            "--config",
            "/dev/null",
            "--strict",
            "--rename-model",
            "apierrors/detail.md=ErrorDetail",
            "--exclude-model",
            "operations/",
            "--rust",
            "flags/models.rs",
            "--openapi",
            "flags/openapi.json",
        ],
        base,
        &[],
    );
    assert_eq!(
        flags_run.status.code(),
        Some(0),
        "{}",
        text(&flags_run.stderr)
    );
    modeldoc::Config::new()
        .input(base.join("docs"))
        .strict(true)
        .rename_model("apierrors/detail.md", "ErrorDetail")
        .exclude_model("operations/")
        .rust_file(base.join("built/models.rs"))
        .openapi(base.join("built/openapi.json"))
        .generate()
        .unwrap();
    for file in ["models.rs", "openapi.json"] {
        let read = |d: &str| std::fs::read_to_string(base.join(d).join(file)).unwrap();
        let from_file = read("file");
        assert!(from_file.contains("ErrorDetail"), "{from_file}");
        assert!(!from_file.contains("GetThingRequest"), "{from_file}");
        assert_eq!(read("flags"), from_file, "flags/{file}");
        assert_eq!(read("built"), from_file, "built/{file}");
    }

    let typo = run(
        &[
            "check",
            "docs",
            "--config",
            "/dev/null",
            "--exclude-model",
            "Detial",
        ],
        base,
        &[],
    );
    let stderr = text(&typo.stderr);
    assert_ne!(typo.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("`Detial` names no model"), "{stderr}");
    assert!(stderr.contains("did you mean `Detail`?"), "{stderr}");
}
