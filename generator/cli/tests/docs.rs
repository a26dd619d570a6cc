//! Keeps the examples in README.md, CHANGELOG.md and docs/*.md honest:
//!
//! - every `modeldoc ...` line of a `sh` block is run (in a temporary folder holding a small
//!   doc set under `docs/models` and the page's first `toml` block as `modeldoc.toml`) and
//!   must exit 0, or the code its `# exits N` comment names; the only other lines allowed
//!   are `cargo ...` commands, which are not run here (the set-up ones are what CI runs);
//! - every `toml` block parses as a `modeldoc.toml` (`toml,cargo` blocks as TOML);
//! - every `rust,ignore` block appears line by line in a file of `examples/` or `generated/`
//!   (so it is compiled there); other Rust blocks are doctests (see `lib.rs`, `guides`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Block {
    info: String,
    body: String,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    for line in text.lines() {
        let fence = line.trim_start().starts_with("```");
        match (&mut current, fence) {
            (None, true) => {
                current = Some(Block {
                    info: line.trim_start().trim_start_matches('`').trim().to_string(),
                    body: String::new(),
                })
            }
            (Some(_), true) => out.extend(current.take()),
            (Some(b), false) => {
                b.body.push_str(line);
                b.body.push('\n');
            }
            (None, false) => {}
        }
    }
    out
}

fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md"), root().join("CHANGELOG.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// Shell lines with continuations joined.
fn commands(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in body.lines() {
        let line = line.trim();
        if let Some(start) = line.strip_suffix('\\') {
            pending.push_str(start);
            continue;
        }
        pending.push_str(line);
        if !pending.trim().is_empty() && !pending.trim_start().starts_with('#') {
            out.push(pending.trim().to_string());
        }
        pending.clear();
    }
    out
}

fn copy_fixture(to: &Path) {
    let from = root().join("examples/options/docs");
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

fn run_modeldoc(command: &str, cwd: &Path, page: &Path) {
    let (command, comment) = match command.split_once(" # ") {
        Some((c, rest)) => (c.trim(), rest),
        None => (command, ""),
    };
    let expected: i32 = comment
        .split("exits ")
        .nth(1)
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    let (command, redirect) = match command.split_once(" > ") {
        Some((c, file)) => (c, Some(file.trim())),
        None => (command, None),
    };
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    let out = Command::new(env!("CARGO_BIN_EXE_modeldoc"))
        .args(&args)
        .current_dir(cwd)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(expected),
        "{}: `{command}` failed:\n{}",
        page.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    if let Some(file) = redirect {
        std::fs::write(cwd.join(file), &out.stdout).unwrap();
    }
}

fn appears_in_order(block: &str, file: &str) -> bool {
    let wanted: Vec<&str> = block
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "// ...")
        .collect();
    let mut lines = file.lines().map(str::trim);
    wanted.iter().all(|w| lines.any(|l| l == *w))
}

fn example_sources() -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root().join("examples"), root().join("generated/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }
    out
}

#[test]
fn documented_examples_work() {
    let sources = example_sources();
    let mut ran = 0;
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        let blocks = blocks(&text);
        let dir = tempfile::tempdir().unwrap();
        copy_fixture(&dir.path().join("docs/models"));
        if let Some(toml) = blocks.iter().find(|b| b.info == "toml") {
            std::fs::write(dir.path().join("modeldoc.toml"), &toml.body).unwrap();
        }
        for block in &blocks {
            match block.info.as_str() {
                "sh" => {
                    for command in commands(&block.body) {
                        if command.starts_with("modeldoc ") || command == "modeldoc" {
                            run_modeldoc(&command, dir.path(), &page);
                            ran += 1;
                        } else {
                            assert!(
                                command.starts_with("cargo "),
                                "{}: unexpected command `{command}`",
                                page.display()
                            );
                        }
                    }
                }
                "toml" => {
                    if let Err(e) = modeldoc::ConfigFile::parse(&block.body, "block") {
                        panic!(
                            "{}: toml block does not parse:\n{e}\n{}",
                            page.display(),
                            block.body
                        );
                    }
                }
                "toml,cargo" => {
                    if let Err(e) = block.body.parse::<toml::Table>() {
                        panic!("{}: Cargo.toml block does not parse: {e}", page.display());
                    }
                }
                "rust,ignore" => assert!(
                    sources.iter().any(|s| appears_in_order(&block.body, s)),
                    "{}: this rust,ignore block is not in examples/ or generated/:\n{}",
                    page.display(),
                    block.body
                ),
                "rust" | "rust,no_run" => {
                    let name = page.file_name().unwrap().to_string_lossy();
                    assert!(
                        name == "build-rs.md" || name == "snapshots.md",
                        "{}: Rust blocks outside the doctested pages must be `rust,ignore`",
                        page.display()
                    );
                }
                _ => {}
            }
        }
    }
    assert!(ran >= 8, "only {ran} commands ran");
}
