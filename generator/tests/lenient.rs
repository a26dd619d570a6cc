//! Uncertainty is lenient, certainty is strict: facts a dialect cannot show are recorded
//! in the IR, accepted by the Rust types and JSON Schemas, restated as the docs give them
//! in OpenAPI; `strict_types` turns the leniency off.

mod support;

use modeldoc::ir::ModelKind;
use modeldoc::{Config, RenameWire};

/// TypeScript shows neither nullability nor integer vs float.
const TS: &str = "# Stats\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
| `count` | *number* | :heavy_check_mark: | How many |\n\
| `ratios` | *number*[] | :heavy_minus_sign: | Ratios |\n";

/// Go shows required nullability (`*T` with ✔) but not optional fields'.
const GO: &str =
    "# User\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
| `Name` | *string* | :heavy_check_mark: | The name |\n\
| `Nickname` | **string* | :heavy_minus_sign: | Optional |\n";

struct Out {
    rust: String,
    schema: serde_json::Value,
    openapi: serde_json::Value,
}

fn generate(name: &str, file: &str, doc: &str, strict: bool) -> Out {
    let dir = support::doc_set(name, &[(file, doc)]);
    let out = support::doc_set(&format!("{name}-out"), &[]);
    let mut config = Config::new();
    config
        .input(&dir)
        .rename_wire(RenameWire::AsIs)
        .strict_types(strict)
        .rust_file(out.join("m.rs"))
        .openapi(out.join("openapi.json"))
        .json_schema(out.join("schemas"));
    config.generate().expect("generates");
    let read = |p: &str| std::fs::read_to_string(out.join(p)).expect(p);
    let model = file.trim_end_matches(".md");
    Out {
        rust: read("m.rs"),
        schema: serde_json::from_str(&read(&format!("schemas/{model}.json"))).expect("json"),
        openapi: serde_json::from_str(&read("openapi.json")).expect("json"),
    }
}

#[test]
fn the_ir_records_what_a_dialect_cannot_show() {
    let dir = support::doc_set("lenient-ir", &[("Stats.md", TS)]);
    let loaded = Config::new().input(&dir).load().expect("loads");
    let ModelKind::Object(o) = &loaded.schema.models[0].kind else {
        panic!("object")
    };
    assert!(o.fields.iter().all(|f| f.unstated.nullable && !f.nullable));
    assert!(o.fields.iter().all(|f| f.unstated.integer_or_float));
    let dir = support::doc_set("lenient-ir-go", &[("User.md", GO)]);
    let loaded = Config::new().input(&dir).load().expect("loads");
    let ModelKind::Object(o) = &loaded.schema.models[0].kind else {
        panic!("object")
    };
    // Required `T` states non-null; optional `*T` cannot say.
    assert!(!o.fields[0].unstated.nullable);
    assert!(o.fields[1].unstated.nullable);
}

#[test]
fn readers_accept_what_unstated_facts_allow_and_openapi_restates_the_docs() {
    let out = generate("lenient-go", "User.md", GO, false);
    // Optional of unknown nullability: absent, null and a value stay distinct.
    assert!(
        out.rust.contains("pub nickname: Option<Option<String>>"),
        "{}",
        out.rust
    );
    assert!(out.rust.contains("pub name: String"), "{}", out.rust);
    assert_eq!(
        out.schema["properties"]["Nickname"]["type"],
        serde_json::json!(["string", "null"])
    );
    assert_eq!(out.schema["properties"]["Name"]["type"], "string");
    let openapi = &out.openapi["components"]["schemas"]["User"]["properties"]["Nickname"];
    assert_eq!(openapi["type"], "string", "{openapi}");

    let ts = generate("lenient-ts", "Stats.md", TS, false);
    assert!(
        ts.rust.contains("Option<serde_json::Number>"),
        "{}",
        ts.rust
    );
    assert!(
        ts.rust.contains("Option<Option<Vec<serde_json::Number>>>"),
        "{}",
        ts.rust
    );
}

#[test]
fn strict_types_enforce_only_stated_facts() {
    let out = generate("strict-go", "User.md", GO, true);
    assert!(
        out.rust.contains("pub nickname: Option<String>"),
        "{}",
        out.rust
    );
    assert_eq!(out.schema["properties"]["Nickname"]["type"], "string");
    let ts = generate("strict-ts", "Stats.md", TS, true);
    assert!(ts.rust.contains("pub count: f64"), "{}", ts.rust);
    assert!(!ts.rust.contains("serde_json::Number"), "{}", ts.rust);
}

/// serde_json::Number writes back what it read: an integer stays an integer.
#[test]
fn json_numbers_keep_integers_integers() {
    for text in ["1", "1.5", "-3", "12345678901234"] {
        let n: serde_json::Number = serde_json::from_str(text).expect("number");
        assert_eq!(serde_json::to_string(&n).expect("writes"), text);
    }
}

/// A `null` in the Example column states nullability where the dialect cannot show it:
/// PHP writes a required nullable date as plain `\DateTime`, Go an optional nullable
/// string as `*string` with `<nil>` for the null example. Where the type cell states
/// non-null (Python's `Optional[str]` next to `OptionalNullable[str]`), the type wins
/// and the null is no example of the field.
#[test]
fn a_null_example_states_nullability_the_dialect_cannot_show() {
    let php = "# Reminder\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n\
| `lastSentAt` | [\\DateTime](https://www.php.net/manual/en/class.datetime.php) | :heavy_check_mark: | When the last reminder was sent, or `null`. | null |\n\
| `note` | *string* | :heavy_check_mark: | A note. | Call back |\n";
    let go = "# Charge\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n\
| `PreviousID` | **string* | :heavy_minus_sign: | Leave `null` for the first charge. | <nil> |\n\
| `Label` | **string* | :heavy_minus_sign: | A label. | gift |\n";
    let python = "# Account\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n\
| `phone_id` | *Optional[str]* | :heavy_minus_sign: | The phone ID. | <nil> |\n\
| `previous_id` | *OptionalNullable[str]* | :heavy_minus_sign: | Leave `null` at first. | `null` |\n";
    let fields = |name: &str, file: &str, doc: &str| {
        let dir = support::doc_set(name, &[(file, doc)]);
        let loaded = Config::new()
            .input(&dir)
            .strict_types(true)
            .load()
            .expect("loads");
        let ModelKind::Object(o) = &loaded.schema.models[0].kind else {
            panic!("object")
        };
        o.fields.clone()
    };
    for (name, file, doc) in [
        ("null-php", "Reminder.md", php),
        ("null-go", "Charge.md", go),
    ] {
        let f = fields(name, file, doc);
        assert!(
            f[0].nullable && !f[0].unstated.nullable,
            "{name}: {:?}",
            f[0]
        );
        assert_eq!(f[0].examples, [serde_json::Value::Null], "{name}");
        assert!(!f[1].nullable, "{name}: {:?}", f[1]);
    }
    let f = fields("null-py", "Account.md", python);
    assert!(!f[0].nullable && f[0].examples.is_empty(), "{:?}", f[0]);
    assert!(
        f[1].nullable && f[1].examples == [serde_json::Value::Null],
        "{:?}",
        f[1]
    );
    // The OpenAPI document states it too (the example is the docs' own fact).
    let out = generate("null-php-out", "Reminder.md", php, true);
    let props = &out.openapi["components"]["schemas"]["Reminder"]["properties"];
    assert_eq!(
        props["lastSentAt"]["type"],
        serde_json::json!(["string", "null"]),
        "{props}"
    );
    assert!(
        out.rust.contains("pub last_sent_at: Option<"),
        "{}",
        out.rust
    );
}
