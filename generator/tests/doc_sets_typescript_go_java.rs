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

/// Speakeasy's response and error wrappers list SDK members beside the payload (the raw
/// HTTP response, `HTTPMeta`, status code, content type): they are left out, with notes.
#[test]
fn sdk_members_of_wrappers_are_left_out_with_a_note() {
    const HEADER: &str = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";
    let httpmetadata = format!(
        "# HTTPMetadata\n\n## Fields\n\n{HEADER}\
         | `Response` | [*http.Response](https://pkg.go.dev/net/http#Response) | :heavy_check_mark: | Raw HTTP response; suitable for custom response parsing |\n\
         | `Request` | [*http.Request](https://pkg.go.dev/net/http#Request) | :heavy_check_mark: | Raw HTTP request; suitable for debugging |\n"
    );
    let wrapper = format!(
        "# GetUserResponse\n\n## Fields\n\n{HEADER}\
         | `HTTPMeta` | [components.HTTPMetadata](../../models/components/httpmetadata.md) | :heavy_check_mark: | N/A |\n\
         | `StatusCode` | *int* | :heavy_check_mark: | HTTP response status code for this operation |\n\
         | `ContentType` | *string* | :heavy_check_mark: | HTTP response content type for this operation. |\n\
         | `User` | [*components.User](../../models/components/user.md) | :heavy_minus_sign: | OK |\n"
    );
    let error = format!(
        "# NotFound\n\n## Fields\n\n{HEADER}\
         | `Message` | *string* | :heavy_check_mark: | N/A |\n\
         | `HTTPMeta` | [components.HTTPMetadata](../../models/components/httpmetadata.md) | :heavy_check_mark: | N/A |\n"
    );
    let user = format!(
        "# User\n\n## Fields\n\n{HEADER}| `StatusCode` | *int64* | :heavy_check_mark: | The user's HTTP status code, a real field |\n"
    );
    let dir = support::doc_set(
        "sdk-members",
        &[
            ("docs/models/components/httpmetadata.md", &httpmetadata),
            ("docs/models/components/user.md", &user),
            ("docs/models/operations/getuserresponse.md", &wrapper),
            ("docs/models/apierrors/notfound.md", &error),
        ],
    );
    let loaded = Config::new().input(&dir).load().unwrap();
    let fields = |name: &str| -> Vec<String> {
        match &loaded
            .schema
            .model(name)
            .unwrap_or_else(|| panic!("{name}"))
            .kind
        {
            modeldoc::ir::ModelKind::Object(o) => {
                o.fields.iter().map(|f| f.wire_name.clone()).collect()
            }
            other => panic!("{name} is {other:?}"),
        }
    };
    assert!(loaded.schema.model("HTTPMetadata").is_none());
    assert_eq!(fields("GetUserResponse").len(), 1, "only the body stays");
    assert_eq!(fields("NotFound").len(), 1, "only the message stays");
    assert_eq!(fields("User").len(), 1, "a real field of that name stays");
    let notes = loaded
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("is an SDK member"))
        .count();
    assert_eq!(notes, 6, "{:#?}", loaded.diagnostics);
}
