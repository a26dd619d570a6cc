//! Sample JSON instances get the same verdict from the generated Rust type and
//! the generated JSON Schema, and valid ones round-trip exactly.

use generated::UserApiKey;
use serde_json::{json, Value};

fn committed_schema(name: &str) -> Value {
    let path = modeldoc_tests::root()
        .join("generated/schemas")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn valid_instances() -> Vec<Value> {
    vec![
        json!({"creation_time": "2024-01-01", "key_id": "k1", "org_id": "o1", "user_id": "u1"}),
        json!({"creation_time": null, "key_id": null, "org_id": null, "user_id": null}),
        json!({
            "alias": "ci", "creation_time": "now", "expiration_time": "later", "key": "secret",
            "key_id": "k", "org_id": "o", "revoked": false, "scopes": ["read", "write"], "user_id": "u"
        }),
        json!({"creation_time": "t", "key_id": "k", "org_id": "o", "user_id": "u", "scopes": []}),
        // Python docs cannot show a list's nullability: `null` is accepted and kept.
        json!({"creation_time": "t", "key_id": "k", "org_id": "o", "user_id": "u", "scopes": null}),
    ]
}

fn invalid_instances() -> Vec<(&'static str, Value)> {
    vec![
        (
            "missing required creation_time",
            json!({"key_id": "k", "org_id": "o", "user_id": "u"}),
        ),
        (
            "missing required user_id",
            json!({"creation_time": "t", "key_id": "k", "org_id": "o"}),
        ),
        (
            "wrong type for revoked",
            json!({"creation_time": "t", "key_id": "k", "org_id": "o", "user_id": "u", "revoked": "yes"}),
        ),
        (
            "wrong type for key_id",
            json!({"creation_time": "t", "key_id": 7, "org_id": "o", "user_id": "u"}),
        ),
        (
            "null item in scopes",
            json!({"creation_time": "t", "key_id": "k", "org_id": "o", "user_id": "u", "scopes": [null]}),
        ),
        ("not an object", json!(["creation_time"])),
    ]
}

#[test]
fn valid_instances_round_trip_exactly() {
    for instance in valid_instances() {
        let typed: UserApiKey = serde_json::from_value(instance.clone())
            .unwrap_or_else(|e| panic!("rejected valid {instance}: {e}"));
        assert_eq!(serde_json::to_value(&typed).unwrap(), instance);
    }
}

#[test]
fn scopes_absent_empty_and_listed_stay_distinct() {
    let base = json!({"creation_time": "t", "key_id": "k", "org_id": "o", "user_id": "u"});
    let absent: UserApiKey = serde_json::from_value(base.clone()).unwrap();
    assert_eq!(absent.scopes, None);
    let mut with_empty = base.clone();
    with_empty["scopes"] = json!([]);
    let empty: UserApiKey = serde_json::from_value(with_empty).unwrap();
    assert_eq!(empty.scopes, Some(Some(vec![])));
    let mut with_list = base;
    with_list["scopes"] = json!(["a"]);
    let listed: UserApiKey = serde_json::from_value(with_list).unwrap();
    assert_eq!(listed.scopes, Some(Some(vec!["a".to_string()])));
}

#[test]
fn required_nullable_field_must_be_present_but_may_be_null() {
    let null_ok = json!({"creation_time": null, "key_id": "k", "org_id": "o", "user_id": "u"});
    let key: UserApiKey = serde_json::from_value(null_ok).unwrap();
    assert_eq!(key.creation_time, None);
    let missing = json!({"key_id": "k", "org_id": "o", "user_id": "u"});
    let err = serde_json::from_value::<UserApiKey>(missing).unwrap_err();
    assert!(err.to_string().contains("creation_time"), "{err}");
}

#[test]
fn invalid_instances_are_rejected_by_rust() {
    for (why, instance) in invalid_instances() {
        assert!(
            serde_json::from_value::<UserApiKey>(instance.clone()).is_err(),
            "Rust accepted an instance with {why}: {instance}"
        );
    }
}

#[test]
fn json_schema_gives_the_same_verdicts() {
    let validator = modeldoc_tests::compile_schema(&committed_schema("UserAPIKey"));
    for instance in valid_instances() {
        assert!(
            validator.is_valid(&instance),
            "schema rejected valid {instance}"
        );
    }
    for (why, instance) in invalid_instances() {
        assert!(
            !validator.is_valid(&instance),
            "schema accepted an instance with {why}: {instance}"
        );
    }
}

#[test]
fn every_emitted_schema_passes_the_2020_12_meta_schema() {
    let dir = modeldoc_tests::root().join("generated/schemas");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        modeldoc_tests::meta_valid(&doc).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        count += 1;
    }
    assert!(count > 0, "no schemas in generated/schemas");
    // OpenAPI 3.1 component schemas are 2020-12 schemas too.
    let openapi: Value = serde_json::from_str(
        &std::fs::read_to_string(modeldoc_tests::root().join("generated/openapi.json")).unwrap(),
    )
    .unwrap();
    for (name, schema) in openapi["components"]["schemas"].as_object().unwrap() {
        let mut doc = schema.clone();
        doc["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
        modeldoc_tests::meta_valid(&doc)
            .unwrap_or_else(|e| panic!("components.schemas.{name}: {e}"));
    }
}
