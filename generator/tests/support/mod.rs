//! Helpers shared by the integration tests (each test file includes this with `mod support;`).

use std::path::{Path, PathBuf};

/// A fresh directory under the system temp dir holding `files` (relative path, contents).
#[allow(dead_code)] // not every test file that includes `support` makes doc sets
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

/// Where the corpus of real SDK docs is looked for: `MODELDOC_CORPUS` when set (a missing
/// path simulates a machine without the corpus), else `../shared/corpus` next to the
/// workspace.
#[allow(dead_code)] // not every test file that includes `support` reads the corpus
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("MODELDOC_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared/corpus"))
}

/// `<corpus>/<sub>` (`sub` may be empty), or `None` after printing the one skip message of `test`.
#[allow(dead_code)]
pub fn corpus(test: &str, sub: &str) -> Option<PathBuf> {
    let dir = corpus_dir().join(sub);
    if dir.exists() {
        Some(dir)
    } else {
        eprintln!(
            "skipped {test}: no corpus at {} (optional: check out ../shared/corpus or set MODELDOC_CORPUS)",
            dir.display()
        );
        None
    }
}

/// The workspace root, found from the including crate's manifest folder.
#[allow(dead_code)]
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .find(|d| d.join("Cargo.lock").is_file())
        .unwrap_or(manifest)
        .to_path_buf()
}

/// The header of a Speakeasy `## Fields` table with an Example column.
#[allow(dead_code)] // used by the wire-name tests
pub const EXAMPLE_HEADER: &str =
    "| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n";

/// Go docs of an API whose JSON is camelCase with a kept acronym (`requestID`): the
/// convention shows in an example value of `Search.meta` and in a description.
#[allow(dead_code)] // used by the wire-name tests
pub fn wire_name_go_docs() -> Vec<(&'static str, String)> {
    let search = format!(
        "# Search\n\n## Fields\n\n{EXAMPLE_HEADER}\
         | `RequestID` | **string* | :heavy_minus_sign: | RequestID identifies the call. | |\n\
         | `TotalCount` | **int64* | :heavy_minus_sign: | How many; see `pageSize` and `nextCursor`. | |\n\
         | `PageSize` | **int64* | :heavy_minus_sign: | N/A | |\n\
         | `NextCursor` | **string* | :heavy_minus_sign: | N/A | |\n\
         | `Meta` | [*components.SearchMeta](searchmeta.md) | :heavy_minus_sign: | N/A | {{<br/>\"requestID\": \"r1\",<br/>\"createTime\": \"2024-01-01\",<br/>\"ownerUserId\": \"u\"<br/>}} |\n"
    );
    let meta = format!(
        "# SearchMeta\n\n## Fields\n\n{EXAMPLE_HEADER}\
         | `RequestID` | **string* | :heavy_minus_sign: | N/A | |\n\
         | `CreateTime` | **string* | :heavy_minus_sign: | N/A | |\n\
         | `OwnerUserID` | **string* | :heavy_minus_sign: | N/A | |\n\
         | `ID` | **string* | :heavy_minus_sign: | N/A | |\n"
    );
    vec![("search.md", search), ("searchmeta.md", meta)]
}
