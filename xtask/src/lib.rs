//! Project automation shared by the `xtask` binary and the tests.

pub mod bench;
pub mod build_dep;

use std::path::{Path, PathBuf};

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// The configuration that produces the committed `generated/` crate from `specs/`:
/// the repository's `modeldoc.toml`, plus `check`.
///
/// `root` is the workspace root; pass an empty path when already running there
/// so that diagnostics show short relative paths.
pub fn codegen_config(root: &Path, check: bool) -> Result<modeldoc::Config, modeldoc::Error> {
    let file = root.join(modeldoc::config_file::FILE_NAME);
    let mut config = modeldoc::ConfigFile::load_config(&file)?;
    config.check(check);
    Ok(config)
}
