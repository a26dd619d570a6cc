//! Helpers shared by the integration tests (each test file includes this with `mod support;`).

use std::path::PathBuf;

/// A fresh directory under the system temp dir holding `files` (relative path, contents).
pub fn doc_set(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("modeldoc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create dir");
        std::fs::write(path, text).expect("write doc");
    }
    dir
}
