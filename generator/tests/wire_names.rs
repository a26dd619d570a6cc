//! Wire names inferred from the docs, settled by a map or by sample payloads; the Rust,
//! OpenAPI and JSON Schema outputs agree on them.

mod support;

use modeldoc::ir::{ModelKind, Schema};
use modeldoc::{Config, RenameWire, Severity};

use support::{wire_name_go_docs as go_docs, EXAMPLE_HEADER as HEADER};

fn load(name: &str, files: &[(&str, String)], setup: impl FnOnce(&mut Config)) -> modeldoc::Loaded {
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let dir = support::doc_set(name, &refs);
    let mut config = Config::new();
    config.input(&dir);
    setup(&mut config);
    config.load().expect("loads")
}

fn names(schema: &Schema, model: &str) -> Vec<String> {
    match &schema.model(model).expect("model").kind {
        ModelKind::Object(o) => o.fields.iter().map(|f| f.wire_name.clone()).collect(),
        _ => panic!("{model} is not an object"),
    }
}

#[test]
fn convention_and_exceptions_come_from_examples_and_descriptions() {
    let loaded = load("wire-go", &go_docs(), |_| {});
    // camelCase by majority; `requestID` as the example spells it; the first word of a
    // Go doc comment (`RequestID identifies ...`) is not evidence.
    assert_eq!(
        names(&loaded.schema, "Search"),
        ["requestId", "totalCount", "pageSize", "nextCursor", "meta"]
    );
    assert_eq!(
        names(&loaded.schema, "SearchMeta"),
        ["requestID", "createTime", "ownerUserId", "id"]
    );
    let note = loaded
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Note)
        .expect("a note says what was inferred");
    assert!(note.message.contains("camelCase"), "{}", note.message);
    // Enough evidence: no warning about wire names (only the dialect's limitations).
    assert!(
        !loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.starts_with("wire names")),
        "{}",
        loaded.diagnostics
    );
}

#[test]
fn snake_case_quoted_in_descriptions_renames_camel_case_docs() {
    let docs = vec![(
        "page.md",
        format!(
            "# Page\n\n## Fields\n\n{HEADER}\
             | `hasMore` | *bool* | :heavy_check_mark: | Whether `has_more` items follow; see `next_cursor`. | |\n\
             | `nextCursor` | *?string* | :heavy_minus_sign: | Pass it back as `next_cursor`. | |\n\
             | `totalCount` | *int* | :heavy_check_mark: | Also in `total_count`. | |\n\
             | `address2` | *?string* | :heavy_minus_sign: | N/A | |\n"
        ),
    )];
    let loaded = load("wire-php", &docs, |_| {});
    assert_eq!(
        names(&loaded.schema, "Page"),
        ["has_more", "next_cursor", "total_count", "address2"]
    );
}

#[test]
fn an_explicit_rule_and_the_map_win() {
    let loaded = load("wire-rule", &go_docs(), |c| {
        c.rename_wire(RenameWire::Snake)
            .wire_name("SearchMeta.ID", "_id")
            .wire_name("Search.NoSuchField", "x");
    });
    assert_eq!(
        names(&loaded.schema, "SearchMeta"),
        ["request_id", "create_time", "owner_user_id", "_id"]
    );
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.message.contains("`Search.NoSuchField` names no field")),
        "{}",
        loaded.diagnostics
    );
    let as_is = load("wire-as-is", &go_docs(), |c| {
        c.rename_wire(RenameWire::AsIs);
    });
    assert_eq!(names(&as_is.schema, "SearchMeta")[0], "RequestID");
}

#[test]
fn samples_settle_names_and_report_unknown_keys() {
    let samples = support::doc_set(
        "wire-samples-json",
        &[(
            "SearchMeta.json",
            r#"[{"request_id": "r", "OwnerUserID": "u", "extra_key": 1}, {"create_time": "t"}]"#,
        )],
    );
    let loaded = load("wire-samples", &go_docs(), |c| {
        c.rename_wire(RenameWire::AsIs).wire_samples(&samples);
    });
    assert_eq!(
        names(&loaded.schema, "SearchMeta"),
        ["request_id", "create_time", "OwnerUserID", "ID"]
    );
    let unmatched: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("match no field"))
        .collect();
    assert_eq!(unmatched.len(), 1, "{}", loaded.diagnostics);
    assert!(unmatched[0].message.contains("`$.extra_key`"));
}

#[test]
fn no_evidence_keeps_names_with_a_note_and_pascal_case_warns() {
    let plain = vec![(
        "user.md",
        format!(
            "# User\n\n## Fields\n\n{HEADER}| `user_id` | *str* | :heavy_check_mark: | N/A | |\n"
        ),
    )];
    let loaded = load("wire-none", &plain, |_| {});
    assert_eq!(names(&loaded.schema, "User"), ["user_id"]);
    assert!(
        !loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.starts_with("wire names")),
        "{}",
        loaded.diagnostics
    );

    let go = vec![(
        "user.md",
        format!("# User\n\n## Fields\n\n{HEADER}| `UserID` | *string* | :heavy_check_mark: | N/A | |\n| `DisplayName` | *string* | :heavy_check_mark: | N/A | |\n"),
    )];
    let loaded = load("wire-pascal", &go, |_| {});
    assert_eq!(names(&loaded.schema, "User"), ["userId", "displayName"]);
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.contains("little evidence")),
        "{}",
        loaded.diagnostics
    );
}

/// The three outputs carry the same wire names: the JSON Schema and OpenAPI property
/// names, and the Rust serde names.
#[test]
fn outputs_agree_on_wire_names() {
    let refs_owned = go_docs();
    let refs: Vec<(&str, &str)> = refs_owned.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let dir = support::doc_set("wire-outputs", &refs);
    let out = support::doc_set("wire-outputs-out", &[]);
    let mut config = Config::new();
    config
        .input(&dir)
        .wire_name("SearchMeta.ID", "_id")
        .rust_file(out.join("m.rs"))
        .openapi(out.join("openapi.json"))
        .json_schema(out.join("schemas"));
    config.generate().expect("generates");
    let rust = std::fs::read_to_string(out.join("m.rs")).expect("rust");
    let openapi: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("openapi.json")).expect("openapi"))
            .expect("json");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("schemas/SearchMeta.json")).expect("schema"),
    )
    .expect("json");
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect()
    };
    let expected = ["requestID", "createTime", "ownerUserId", "_id"];
    assert_eq!(keys(&schema), expected);
    assert_eq!(
        keys(&openapi["components"]["schemas"]["SearchMeta"]),
        expected
    );
    // The struct's serde table names every wire name.
    for wire in expected {
        assert!(
            rust.contains(&format!("= \"{wire}\",\n")),
            "{wire}:\n{rust}"
        );
    }
}
