//! Emitted tokens for the type-mapping options, in the module-tree layout (the
//! single-file layout of every option is compiled by `examples/options`).

use std::collections::BTreeMap;

use modeldoc::emit::rust::{emit_file, emit_modules, RustOptions};
use modeldoc::{DateMapping, MapMapping, Options};

fn schema() -> modeldoc::ir::Schema {
    let mut config = modeldoc::Config::new();
    config.input(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/options/docs"
    ));
    config.load().unwrap().schema
}

fn tree(options: Options) -> BTreeMap<String, String> {
    let options = RustOptions {
        header: None,
        options,
    };
    emit_modules(&schema(), &options)
        .into_iter()
        .map(|f| (f.path, f.contents))
        .collect()
}

#[test]
fn defaults_add_nothing() {
    let code = emit_file(&schema(), &RustOptions::default());
    for absent in [
        "Eq, Hash",
        "Default",
        "schemars",
        "chrono",
        "indexmap",
        "deny_unknown_fields",
        "Other(",
        "pub fn new",
    ] {
        assert!(
            !code.contains(absent),
            "default output has {absent:?}:\n{code}"
        );
    }
    assert!(code.contains("std::collections::BTreeMap<String, String>"));
}

#[test]
fn time_dates_in_a_module_tree() {
    let files = tree(Options {
        dates: DateMapping::Time,
        schemars: true,
        ..Options::default()
    });
    assert!(
        files["mod.rs"].contains("pub mod dates {"),
        "{}",
        files["mod.rs"]
    );
    assert!(files["mod.rs"].contains("impl schemars::JsonSchema for Date"));
    assert!(
        files["pet.rs"].contains("pub born: Option<super::dates::Date>"),
        "{}",
        files["pet.rs"]
    );
    assert!(files["owner.rs"].contains("pub since: super::dates::DateTime"));
}

#[test]
fn other_mappings() {
    let chrono = tree(Options {
        dates: DateMapping::Chrono,
        maps: MapMapping::HashMap,
        ..Options::default()
    });
    assert!(chrono["pet.rs"].contains("Option<chrono::NaiveDate>"));
    assert!(chrono["owner.rs"].contains("chrono::DateTime<chrono::FixedOffset>"));
    assert!(chrono["pet.rs"].contains("std::collections::HashMap<String, String>"));
    let jiff = tree(Options {
        dates: DateMapping::Jiff,
        maps: MapMapping::IndexMap,
        ..Options::default()
    });
    assert!(jiff["pet.rs"].contains("Option<jiff::civil::Date>"));
    assert!(jiff["owner.rs"].contains("pub since: jiff::Timestamp"));
    assert!(jiff["pet.rs"].contains("indexmap::IndexMap<String, String>"));
}

#[test]
fn open_enum_files_need_no_serde_import() {
    let files = tree(Options {
        open_enums: true,
        ..Options::default()
    });
    let status = &files["status.rs"];
    assert!(!status.contains("use serde::"), "{status}");
    assert!(status.contains("Other(String)"), "{status}");
}

#[test]
fn derives_and_builders() {
    let files = tree(Options {
        derive_default_eq_hash: true,
        builders: true,
        ..Options::default()
    });
    // Pet has an f64 and a map: no Eq/Hash; it has required fields: no Default.
    assert!(files["pet.rs"].contains("#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]"));
    assert!(
        files["owner.rs"].contains("PartialEq, Eq, Hash,"),
        "{}",
        files["owner.rs"]
    );
    assert!(files["tag.rs"].contains("Default"), "{}", files["tag.rs"]);
    assert!(
        files["pet.rs"]
            .contains("pub fn new(id: i64, name: String, status: super::Status) -> Self"),
        "{}",
        files["pet.rs"]
    );
    let no_default = tree(Options {
        builders: true,
        ..Options::default()
    });
    assert!(no_default["tag.rs"].contains("#[allow(clippy::new_without_default)]"));
}
