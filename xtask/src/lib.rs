//! Project automation shared by the `xtask` binary and the tests.

pub mod bench;

use std::path::{Path, PathBuf};

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// The configuration that produces the committed `generated/` crate from `specs/`.
///
/// `root` is the workspace root; pass an empty path when already running there
/// so that diagnostics show short relative paths.
pub fn codegen_config(root: &Path, check: bool) -> modeldoc::Config {
    let mut config = modeldoc::Config::new();
    config
        .input(root.join("specs"))
        .rust_dir(root.join("generated/src/models"))
        .openapi(root.join("generated/openapi.json"))
        .json_schema(root.join("generated/schemas"))
        .rust_header("Regenerate with `cargo xtask codegen`.")
        .openapi_info("modeldoc specs", "1.0.0")
        .check(check);
    config
}
