//! Project automation shared by the `xtask` binary and the tests.

pub mod bench;
pub mod build_dep;

use std::path::{Path, PathBuf};

/// One line of a floors file: its leading words and its `name=percent` floors, each name
/// given as its index in the names the caller accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct FloorLine {
    /// The leading words (a corpus folder, a spec path, ...).
    pub words: Vec<String>,
    /// `(index into names, minimum percent)`.
    pub floors: Vec<(usize, f64)>,
}

/// Parses a floors file named `file` (for messages): one line each, `#` comments and blank
/// lines skipped; a line is `usage`'s leading words (as many as it has `<...>` words), then
/// `name=percent` pairs whose names are among `names`.
pub fn parse_floor_lines(
    text: &str,
    file: &str,
    usage: &str,
    names: &[&str],
) -> Result<Vec<FloorLine>, String> {
    let leading = usage
        .split_whitespace()
        .filter(|w| w.starts_with('<'))
        .count();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let at = |msg: String| format!("{file}:{}: {msg}", n + 1);
        let all: Vec<&str> = line.split_whitespace().collect();
        if all.len() < leading || all[..leading].iter().any(|w| w.contains('=')) {
            return Err(at(format!("expected `{usage}`")));
        }
        let mut floors = Vec::new();
        for w in &all[leading..] {
            let (key, value) = w
                .split_once('=')
                .ok_or_else(|| at(format!("`{w}` is not `name=percent` (`{usage}`)")))?;
            let index = names.iter().position(|n| *n == key).ok_or_else(|| {
                at(format!(
                    "unknown name `{key}` (expected one of {})",
                    names.join(", ")
                ))
            })?;
            let value: f64 = value
                .parse()
                .map_err(|_| at(format!("`{value}` is not a percentage")))?;
            floors.push((index, value));
        }
        let words = all[..leading].iter().map(|w| w.to_string()).collect();
        out.push(FloorLine { words, floors });
    }
    Ok(out)
}

/// `text` lowercased, every character but ASCII letters and digits replaced by `sep`
/// (`BoltApp+Bolt-Python-SDK` → `boltapp_bolt_python_sdk` with `_`).
pub fn slug(text: &str, sep: char) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                sep
            }
        })
        .collect()
}

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Where the corpus of real SDK docs is: `MODELDOC_CORPUS` when set, else
/// `../shared/corpus` next to the workspace `root` (the rule every test follows too).
pub fn corpus_dir(root: &Path) -> PathBuf {
    std::env::var_os("MODELDOC_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"))
}

/// The configuration that produces the committed `generated/` crate from `specs/`:
/// the repository's `modeldoc.toml`, plus `check`.
///
/// `root` is the workspace root; pass an empty path when already running there
/// so that diagnostics show short relative paths.
pub fn codegen_config(root: &Path, check: bool) -> Result<modeldoc::Config, modeldoc::Error> {
    let file = root.join(modeldoc::ConfigFile::FILE_NAME);
    let mut config = modeldoc::ConfigFile::load_config(&file)?;
    config.check(check);
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_lines_have_leading_words_then_named_percents() {
        let usage = "<folder> <spec> name=percent ...";
        let lines = parse_floor_lines("# c\n\na b x=1.5 y=2 # tail\n", "f", usage, &["x", "y"])
            .expect("parses");
        assert_eq!(
            lines,
            [FloorLine {
                words: vec!["a".into(), "b".into()],
                floors: vec![(0, 1.5), (1, 2.0)],
            }]
        );
        for bad in ["a x=1", "a b z=1", "a b x=abc", "a b x"] {
            let e = parse_floor_lines(bad, "f", usage, &["x"]).expect_err(bad);
            assert!(e.starts_with("f:1: "), "{e}");
        }
    }
}
