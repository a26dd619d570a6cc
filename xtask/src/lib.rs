//! Project automation shared by the `xtask` binary and the tests.

pub mod bench;
pub mod build_dep;

use std::path::{Path, PathBuf};

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
