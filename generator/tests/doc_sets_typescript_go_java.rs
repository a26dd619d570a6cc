//! Doc-set level behaviour of the TypeScript, Go and Java dialects:
//! limitation warnings, skipped non-model pages, deprecated enums in Rust.

use modeldoc::Config;

mod support;

const TS_OBJECT: &str = "# Link\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *string* | :heavy_check_mark: | N/A |\n| `clicks` | *number* | :heavy_minus_sign: | N/A |\n| `order` | [operations.Order](../operations/order.md) | :heavy_minus_sign: | N/A |\n";
const TS_ENUM: &str = "# ~~Order~~\n\n> :warning: **DEPRECATED**: This will be removed in a future release, please migrate away from it as soon as possible.\n\n## Values\n\n```typescript\n\"asc\" | \"desc\"\n```";

#[test]
fn limitations_are_reported_once_per_doc_set() {
    let dir = support::doc_set(
        "limits",
        &[
            ("components/link.md", TS_OBJECT),
            (
                "components/other.md",
                TS_OBJECT.replace("# Link", "# Other").as_str(),
            ),
            ("operations/order.md", TS_ENUM),
        ],
    );
    let loaded = Config::new().input(&dir).load().expect("loads");
    let nullable: Vec<_> = loaded
        .diagnostics
        .0
        .iter()
        .filter(|d| d.message.contains("do not mark nullable fields"))
        .collect();
    assert_eq!(nullable.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pages_without_a_title_are_skipped_with_a_warning() {
    let dir = support::doc_set(
        "options",
        &[
            ("components/link.md", TS_OBJECT),
            ("operations/order.md", TS_ENUM),
            ("operations/option.md", "## Options\n\n### WithServerURL\n"),
        ],
    );
    let loaded = Config::new()
        .input(&dir)
        .load()
        .expect("loads despite option.md");
    assert_eq!(loaded.schema.models.len(), 2);
    assert!(loaded
        .diagnostics
        .0
        .iter()
        .any(|d| d.message.contains("not a model doc, skipped")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn deprecated_enums_do_not_warn_in_generated_rust() {
    let dir = support::doc_set(
        "deprecated",
        &[
            ("components/link.md", TS_OBJECT),
            ("operations/order.md", TS_ENUM),
        ],
    );
    let mut config = Config::new();
    config.input(&dir).rust_file(dir.join("models.rs"));
    let loaded = config.load().expect("loads");
    let (files, _) = config.render(&loaded.schema).expect("renders");
    let rust = &files[0].contents;
    // The enum itself is deprecated; its impls and the struct using it allow that.
    let allows = rust.matches("#[allow(deprecated)]").count();
    assert!(allows >= 3, "{rust}");
    let struct_at = rust.find("pub struct Link").expect("struct");
    assert!(rust[..struct_at].trim_end().ends_with(")]"));
    assert!(rust[..struct_at].contains("#[allow(deprecated)]"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn keyword_model_names_get_raw_module_names() {
    // dub-ts has a `# Type` enum doc: its module is `mod r#type;` in `type.rs`.
    let dir = support::doc_set(
        "keyword",
        &[(
            "components/type.md",
            "# Type\n\n## Values\n\n```typescript\n\"a\" | \"b\"\n```",
        )],
    );
    let mut config = Config::new();
    config.input(&dir).rust_dir(dir.join("out"));
    let loaded = config.load().expect("loads");
    let (files, _) = config.render(&loaded.schema).expect("renders");
    let names: Vec<String> = files
        .iter()
        .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"type.rs".to_string()), "{names:?}");
    let module = files.iter().find(|f| f.path.ends_with("mod.rs")).unwrap();
    assert!(
        module.contents.contains("mod r#type;"),
        "{}",
        module.contents
    );
    let _ = std::fs::remove_dir_all(&dir);
}
