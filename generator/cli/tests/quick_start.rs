//! Follows README.md's quick start (the `sh quick-start` block) verbatim in an empty
//! temporary folder, minus the network: the `git clone ... sdk` line is replaced by a
//! fixture SDK doc folder at `sdk/docs/models` (Speakeasy layout, with an `errors/` and an
//! `operations/` wrapper that collide with schema names), and cargo runs offline
//! (`CARGO_NET_OFFLINE`). Then the README's `toml` block, saved as `modeldoc.toml`, must
//! make `modeldoc check --strict` pass.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The body of the first fenced block of `text` whose info string is `info`.
fn block<'a>(text: &'a str, info: &str) -> Option<&'a str> {
    let fence = format!("```{info}\n");
    let start = text.find(&fence)? + fence.len();
    let len = text[start..].find("```")?;
    Some(&text[start..start + len])
}

/// A Speakeasy-style SDK doc folder: schemas in `components/`, plus wrappers named like them.
fn fixture_sdk(models: &Path) {
    let components = models.join("components");
    std::fs::create_dir_all(&components).unwrap();
    for entry in std::fs::read_dir(root().join("examples/options/docs")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, components.join(path.file_name().unwrap())).unwrap();
    }
    let header =
        "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n";
    let code =
        format!("# Code\n\n## Fields\n\n{header}| `code` | *str* | :heavy_check_mark: | Code |\n");
    for (path, text) in [
        ("components/code.md", code.clone()),
        ("errors/code.md", code),
        (
            "operations/getpetrequest.md",
            format!("# GetPetRequest\n\n## Fields\n\n{header}| `pet_id` | *int* | :heavy_check_mark: | Id |\n"),
        ),
    ] {
        let file = models.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
}

fn sh(line: &str, cwd: &Path) -> std::process::Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_modeldoc")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    Command::new("bash")
        .args(["-c", line])
        .current_dir(cwd)
        .env("PATH", path)
        .env("CARGO_NET_OFFLINE", "true")
        .env("CARGO_TARGET_DIR", root().join("target/quick-start"))
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .expect("run bash")
}

#[test]
fn readme_quick_start_works_in_an_empty_folder() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let commands = block(&readme, "sh quick-start").expect("README has a `sh quick-start` block");
    let dir = tempfile::tempdir().unwrap();
    let mut cargo_offline = true;
    let mut ran = Vec::new();
    for line in commands.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(rest) = line.strip_prefix("git clone ") {
            assert!(rest.ends_with(" sdk"), "the clone goes to `sdk`: {line}");
            fixture_sdk(&dir.path().join("sdk/docs/models"));
            continue;
        }
        if line.starts_with("cargo ") && !cargo_offline {
            continue;
        }
        let out = sh(line, dir.path());
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() && line.starts_with("cargo add") && stderr.contains("offline") {
            eprintln!("skipped the cargo steps of the quick start: serde is not in the local cargo cache ({stderr})");
            cargo_offline = false;
            continue;
        }
        assert!(out.status.success(), "`{line}` failed:\n{stderr}");
        ran.push((line.to_string(), stderr.into_owned()));
    }
    let crate_dir = dir.path().join("pet-models");
    assert!(crate_dir.join("src/models/mod.rs").is_file());
    assert!(crate_dir.join("openapi.json").is_file());
    let generated = std::fs::read_to_string(crate_dir.join("src/models/mod.rs")).unwrap();
    assert!(generated.contains("mod pet;"), "{generated}");
    // Not inside any workspace: `cargo new` made a crate of its own.
    assert!(!dir.path().join("Cargo.toml").exists());
    let (_, check) = ran.last().expect("commands ran");
    assert!(check.contains("this one is named `ErrorsCode`"), "{check}");

    let toml = block(&readme, "toml").expect("README has a `toml` block");
    std::fs::write(dir.path().join("modeldoc.toml"), toml).unwrap();
    let strict = sh("modeldoc check --strict", dir.path());
    assert!(
        strict.status.success(),
        "modeldoc check --strict with the README's modeldoc.toml:\n{}",
        String::from_utf8_lossy(&strict.stderr)
    );
}
