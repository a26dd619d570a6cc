//! The build-script output and the committed `generated/` crate are the same code:
//! the same items token for token (module-tree paths aside), and the same behaviour
//! on the wire.

use std::collections::BTreeSet;

use quote::ToTokens;
use serde_json::json;

/// The build script's file, as compiled into this crate.
const OUT_FILE: &str = include_str!(concat!(env!("OUT_DIR"), "/models.rs"));

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Top-level items as normalized token strings: module-tree plumbing (`mod x;`,
/// `pub use x::*;`, `super::` paths) removed, duplicate `use` lines merged.
fn items(source: &str) -> BTreeSet<String> {
    let file = syn::parse_file(source).expect("generated code parses");
    file.items
        .iter()
        .filter(|item| !matches!(item, syn::Item::Mod(m) if m.content.is_none()))
        .filter(|item| !matches!(item, syn::Item::Use(u) if u.to_token_stream().to_string().ends_with(":: * ;")))
        // Module files import the helper module their `serde_struct!` tables name.
        .filter(|item| !matches!(item, syn::Item::Use(u) if u.to_token_stream().to_string() == "use super :: serde_nulls ;"))
        .map(|item| {
            item.to_token_stream()
                .to_string()
                .replace("super :: ", "")
                .replace("\"super::", "\"")
        })
        .collect()
}

#[test]
fn out_dir_file_matches_the_committed_module_tree() {
    let dir = root().join("generated/src/models");
    let mut committed = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            committed.extend(items(&std::fs::read_to_string(&path).unwrap()));
        }
    }
    let built = items(OUT_FILE);
    assert!(!built.is_empty());
    assert_eq!(built, committed);
}

#[test]
fn out_dir_file_is_the_single_file_rendering_of_specs() {
    let mut config = modeldoc::Config::new();
    config.input(root().join("specs")).rust_file("models.rs");
    // Rendered in memory (nothing is written), the way the build script generates it.
    let schema = config.load().unwrap().schema;
    let (files, _) = config.render(&schema).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(OUT_FILE, files[0].contents);
}

#[test]
fn same_behaviour_on_the_wire() {
    let samples = [
        json!({"creation_time": "t", "key_id": "k", "org_id": "o", "user_id": "u"}),
        json!({"creation_time": null, "key_id": null, "org_id": null, "user_id": null, "scopes": ["a"]}),
        json!({"creation_time": "t", "key_id": "k", "org_id": "o", "user_id": "u", "revoked": true, "alias": "x"}),
        json!({"key_id": "k", "org_id": "o", "user_id": "u"}),
        json!({"creation_time": "t", "key_id": "k", "org_id": "o", "user_id": "u", "alias": null}),
    ];
    for sample in samples {
        let built =
            serde_json::from_value::<modeldoc_example_build_time::UserApiKey>(sample.clone())
                .map(|v| serde_json::to_value(v).unwrap());
        let committed = serde_json::from_value::<generated::UserApiKey>(sample.clone())
            .map(|v| serde_json::to_value(v).unwrap());
        match (built, committed) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b);
                assert_eq!(a, sample, "round trip");
            }
            (Err(_), Err(_)) => {}
            (a, b) => panic!("verdicts differ on {sample}: {a:?} vs {b:?}"),
        }
    }
}
