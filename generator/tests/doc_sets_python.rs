//! Whole Speakeasy Python doc sets: small synthetic sets (always run) and the
//! real corpora in `../shared/corpus` (skipped with a message when absent).

use std::path::PathBuf;

use modeldoc::ir::{ModelKind, Type};
use modeldoc::{Config, Error, Severity};

mod support;

const ACCOUNT: &str = "# Account\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
| `id` | *str* | :heavy_check_mark: | N/A |\n\
| `owner` | [Optional[models.Owner]](../models/owner.md) | :heavy_minus_sign: | N/A |\n";

#[test]
fn dangling_reference_warns_with_position_and_falls_back_to_any() {
    let dir = support::doc_set("dangling", &[("docs/models/account.md", ACCOUNT)]);
    let loaded = Config::new().input(&dir).load().expect("warnings only");
    let warning = loaded
        .diagnostics
        .iter()
        .find(|d| d.to_string().contains("dangling reference"))
        .expect("a dangling-reference warning");
    assert_eq!(warning.severity, Severity::Warning);
    let text = warning.to_string();
    assert!(text.contains("account.md:8:"), "position in {text}");
    let ModelKind::Object(o) = &loaded.schema.model("Account").unwrap().kind else {
        panic!("not an object")
    };
    assert_eq!(o.fields[1].ty, Type::Any);

    match Config::new().input(&dir).strict(true).load() {
        Err(Error::Input(d)) => assert!(d.has_errors()),
        other => panic!("--strict must fail, got {other:?}"),
    }
}

#[test]
fn deprecated_enum_renders_rust_without_deprecation_warnings() {
    let dir = support::doc_set(
        "deprecated_enum",
        &[(
            "docs/models/role.md",
            "# ~~Role~~\n\nDEPRECATED - use permissions instead.\n\n> :warning: **DEPRECATED**: gone.\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `OWNER` | OWNER |\n| `VIEWER` | VIEWER |",
        )],
    );
    let mut config = Config::new();
    config.input(&dir).rust_file(dir.join("models.rs"));
    let loaded = config.load().unwrap();
    let (files, _) = config.render(&loaded.schema).unwrap();
    let code = &files[0].contents;
    // The impls come from the `string_enum!` table: each impl the macro writes allows
    // the deprecated type it names.
    assert!(
        code.contains("serde_nulls::string_enum! {\n    Role {"),
        "{code}"
    );
    let start = code.find("macro_rules! string_enum").expect("the macro");
    let body = &code[start..];
    let body = &body[..body.find("pub(crate) use string_enum;").expect("its end")];
    let words: Vec<&str> = body.split_whitespace().collect();
    let impls: Vec<usize> = (0..words.len())
        .filter(|&i| words[i] == "impl" || words[i].starts_with("impl<"))
        .collect();
    assert_eq!(impls.len(), 5, "{body}");
    for at in impls {
        assert_eq!(
            words[..at].last(),
            Some(&"#[allow(deprecated)]"),
            "every impl needs #[allow(deprecated)]:\n{body}"
        );
    }
}

/// `../shared/corpus/<folder>/docs`, or `None` (and a message) when absent.
fn corpus(folder: &str) -> Option<PathBuf> {
    support::corpus("python_docs", &format!("{folder}/docs"))
}

fn object<'a>(loaded: &'a modeldoc::Loaded, name: &str) -> &'a modeldoc::ir::Object {
    match &loaded
        .schema
        .model(name)
        .unwrap_or_else(|| panic!("{name}"))
        .kind
    {
        ModelKind::Object(o) => o,
        other => panic!("{name} is {other:?}"),
    }
}

#[test]
fn corpus_bolt_pydantic_style() {
    let Some(docs) = corpus("BoltApp+Bolt-Python-SDK") else {
        return;
    };
    let loaded = Config::new().input(docs).load().expect("no errors");
    assert_eq!(loaded.schema.models.len(), 312);
    // `previous_transaction_id` *OptionalNullable[str]* with a `<nil>` example.
    let auth = object(&loaded, "MerchantCreditCardAuthorization");
    let f = auth
        .fields
        .iter()
        .find(|f| f.wire_name == "previous_transaction_id")
        .unwrap();
    assert!(!f.required && f.nullable);
    assert_eq!(
        f.examples,
        [serde_json::Value::Null],
        "the null example is kept"
    );
}

#[test]
fn corpus_wingspan_dataclasses_style() {
    let Some(docs) = corpus("speakeasy-sdks+wingspan-python") else {
        return;
    };
    let loaded = Config::new().input(docs).load().expect("no errors");
    assert_eq!(loaded.schema.models.len(), 632);
    // An enum with a `<nil>` member: null is one of its values.
    let ModelKind::Enum(e) = &loaded
        .schema
        .model("TypeAdditionalDataUpdateRequest")
        .unwrap()
        .kind
    else {
        panic!("not an enum")
    };
    assert!(e.values.iter().any(|v| v.value.is_null()));
}

#[test]
fn corpus_glean_current_style() {
    let Some(docs) = corpus("gleanwork+api-client-python") else {
        return;
    };
    let loaded = Config::new().input(docs).load().expect("no errors");
    assert_eq!(loaded.schema.models.len(), 557);
    // The synthetic `__pydantic_extra__` row is `additionalProperties`, not a field.
    let caps = object(&loaded, "AgentCapabilities");
    assert_eq!(caps.additional_properties, Some(Type::Any));
    assert!(caps
        .fields
        .iter()
        .all(|f| f.wire_name != "__pydantic_extra__"));
}

#[test]
fn schema_docs_keep_their_name_over_operation_wrappers() {
    let schema_doc = "# Calculate1099Response\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `member_id` | *Optional[str]* | :heavy_minus_sign: | N/A |\n";
    let wrapper_doc = "# Calculate1099Response\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `status_code` | *int* | :heavy_check_mark: | HTTP response status code for this operation |\n";
    let dir = support::doc_set(
        "collision",
        &[
            (
                "docs/models/operations/calculate1099response.md",
                wrapper_doc,
            ),
            ("docs/models/shared/calculate1099response.md", schema_doc),
        ],
    );
    let loaded = Config::new().input(&dir).load().unwrap();
    let first = object(&loaded, "Calculate1099Response");
    assert_eq!(first.fields[0].wire_name, "member_id");
    // The wrapper's status code is an SDK member, no JSON field: the wrapper stays, empty.
    let second = object(&loaded, "OperationsCalculate1099Response");
    assert!(second.fields.is_empty(), "{:?}", second.fields);
}

#[test]
fn rename_wire_rewrites_the_json_names() {
    let dir = support::doc_set(
        "rename",
        &[(
            "docs/models/address.md",
            "# Address\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `address_line2` | *Optional[str]* | :heavy_minus_sign: | N/A |\n| `date_` | [datetime](https://docs.python.org/3/library/datetime.html#datetime-objects) | :heavy_minus_sign: | N/A |\n",
        )],
    );
    let as_is = Config::new().input(&dir).load().unwrap();
    let names: Vec<&str> = object(&as_is, "Address")
        .fields
        .iter()
        .map(|f| f.wire_name.as_str())
        .collect();
    assert_eq!(names, ["address_line2", "date"]);
    let camel = Config::new()
        .input(&dir)
        .rename_wire(modeldoc::RenameWire::Camel)
        .load()
        .unwrap();
    let names: Vec<&str> = object(&camel, "Address")
        .fields
        .iter()
        .map(|f| f.wire_name.as_str())
        .collect();
    assert_eq!(names, ["addressLine2", "date"]);
}
