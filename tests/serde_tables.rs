//! A struct's serde impls from its `serde_struct!` table behave exactly as serde's
//! derives with the attributes modeldoc writes for derived structs (`default`,
//! `skip_serializing_if`, `deserialize_with`, `with`): same values, same output, same
//! error messages, for maps, arrays, duplicates, unknown keys and wrong types.
//!
//! The table side is modeldoc's output (`generated::UserApiKey` from `specs/`, the
//! fixtures' `Cat`); the derive side is a hand-written mirror (`support/derive_mirror.rs`).

use serde::Serialize;

#[path = "support/derive_mirror.rs"]
mod mirror;
use mirror::derived;

/// `text` read by both types: both fail with the same message, or both read it and
/// write the same JSON back.
fn same<Table, Derived>(text: &str)
where
    Table: serde::de::DeserializeOwned + Serialize,
    Derived: serde::de::DeserializeOwned + Serialize,
{
    let table = serde_json::from_str::<Table>(text);
    let derived = serde_json::from_str::<Derived>(text);
    match (table, derived) {
        (Ok(t), Ok(d)) => assert_eq!(
            serde_json::to_string(&t).unwrap(),
            serde_json::to_string(&d).unwrap(),
            "written back differently: {text}"
        ),
        (Err(t), Err(d)) => assert_eq!(t.to_string(), d.to_string(), "errors differ: {text}"),
        (t, d) => panic!(
            "{text}: table {:?}, derive {:?}",
            t.map(|_| ()).map_err(|e| e.to_string()),
            d.map(|_| ()).map_err(|e| e.to_string())
        ),
    }
}

const FULL: &str = r#"{"alias":"a","creation_time":"t","expiration_time":"e","key":"k","key_id":"i","org_id":"o","revoked":true,"scopes":["s"],"user_id":"u"}"#;
const NULLS: &str = r#"{"creation_time":null,"key_id":null,"org_id":null,"user_id":null}"#;

#[test]
fn user_api_key_reads_and_writes_as_the_derive_did() {
    let cases = [
        FULL,
        NULLS,
        // Optional nullable: `null` is kept apart from absent.
        r#"{"creation_time":null,"key_id":null,"org_id":null,"user_id":null,"scopes":null}"#,
        // Optional, not nullable: `null` is rejected.
        r#"{"alias":null,"creation_time":null,"key_id":null,"org_id":null,"user_id":null}"#,
        // Required nullable: absent is an error.
        r#"{"creation_time":null,"key_id":null,"org_id":null}"#,
        r#"{}"#,
        // Unknown keys are skipped, whatever their value.
        r#"{"x":{"y":[1,2]},"creation_time":null,"key_id":null,"org_id":null,"user_id":null,"z":null}"#,
        // Duplicates, including a repeated `null`.
        r#"{"alias":"a","alias":"b","creation_time":null,"key_id":null,"org_id":null,"user_id":null}"#,
        r#"{"scopes":null,"scopes":null,"creation_time":null,"key_id":null,"org_id":null,"user_id":null}"#,
        r#"{"creation_time":null,"creation_time":"t","key_id":null,"org_id":null,"user_id":null}"#,
        // Wrong types.
        r#"{"revoked":"yes","creation_time":null,"key_id":null,"org_id":null,"user_id":null}"#,
        r#"{"scopes":[1],"creation_time":null,"key_id":null,"org_id":null,"user_id":null}"#,
        r#""text""#,
        "5",
        "null",
        r#"{"alias":"a""#,
        // Arrays, by field position: complete, short (optional then required
        // elements missing), with `null` elements, too long, empty.
        r#"["a","t","e","k","i","o",true,["s"],"u"]"#,
        r#"[null,null,null,null,null,null,null,null,null]"#,
        r#"["a",null,"e","k",null,null,true,null,null]"#,
        r#"["a",null]"#,
        r#"["a"]"#,
        r#"[]"#,
        r#"["a",null,"e","k",null,null,true,null,null,"extra"]"#,
        r#"["a","t","e","k","i","o",true,["s"]]"#,
    ];
    for text in cases {
        same::<generated::UserApiKey, derived::UserApiKey>(text);
    }
}

#[test]
fn required_fields_read_and_write_as_the_derive_did() {
    let set = modeldoc_corpus_types::SETS
        .iter()
        .find(|s| s.name == "fixtures")
        .expect("fixtures set");
    let table = (set.lookup)("Cat").expect("fixture Cat");
    let derived = |v: &serde_json::Value| -> Result<serde_json::Value, String> {
        let typed: derived::Cat =
            serde_json::from_str(&v.to_string()).map_err(|e| e.to_string())?;
        serde_json::to_value(&typed).map_err(|e| e.to_string())
    };
    for value in [
        serde_json::json!({"name": "Tom", "lives": 9}),
        serde_json::json!({"lives": 9}),
        serde_json::json!({"name": "Tom"}),
        serde_json::json!({"name": null, "lives": 9}),
        serde_json::json!({"name": "Tom", "lives": 9, "other": 1}),
        serde_json::json!(["Tom", 9]),
        serde_json::json!(["Tom"]),
        serde_json::json!([]),
        serde_json::json!(["Tom", 9, 1]),
        serde_json::json!([null, 9]),
        serde_json::json!(true),
    ] {
        assert_eq!(table(&value), derived(&value), "{value}");
    }
}
