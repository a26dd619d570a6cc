//! Every type-mapping option, compiled (by `build.rs` + `src/lib.rs`) and exercised on
//! the wire; the options that change the wire format are checked against the JSON
//! Schema modeldoc emits with the same options.

use std::collections::HashSet;

use modeldoc_example_options::{chrono_dates, full, hash_maps, index_maps, jiff_dates, time_dates};
use serde_json::{json, Value};

fn pet() -> Value {
    json!({
        "id": 7, "name": "Rex", "status": "available",
        "born": "2020-02-29", "last_seen": "2024-05-01T10:00:00+02:00",
        "owner": {"name": "Ann", "since": "2021-01-01T00:00:00Z", "nickname": null,
                  "tags": [{"label": "good"}]},
        "labels": {"b": "2", "a": "1"}, "weight": 3.5, "note": null
    })
}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(v: &Value) -> Value {
    let typed: T = serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{e}: {v}"));
    serde_json::to_value(typed).unwrap()
}

#[test]
fn chrono_dates_round_trip_and_validate() {
    assert_eq!(round_trip::<chrono_dates::Pet>(&pet()), pet());
    let pet: chrono_dates::Pet = serde_json::from_value(pet()).unwrap();
    // Python docs cannot show a date's nullability: `null` is accepted (`Some(None)`).
    assert_eq!(pet.born, Some(chrono::NaiveDate::from_ymd_opt(2020, 2, 29)));
    let mut bad = self::pet();
    bad["born"] = json!("2021-02-29");
    assert!(serde_json::from_value::<chrono_dates::Pet>(bad).is_err());
}

#[test]
fn time_dates_round_trip_and_validate() {
    assert_eq!(round_trip::<time_dates::Pet>(&pet()), pet());
    let pet: time_dates::Pet = serde_json::from_value(pet()).unwrap();
    assert_eq!(pet.born.flatten().map(|d| d.0.year()), Some(2020));
    let mut bad = self::pet();
    bad["last_seen"] = json!("yesterday");
    assert!(serde_json::from_value::<time_dates::Pet>(bad).is_err());
    let schema = serde_json::to_value(schemars::schema_for!(time_dates::Pet)).unwrap();
    let text = schema.to_string();
    assert!(text.contains(r#""format":"date-time""#), "{schema:#}");
}

#[test]
fn jiff_dates_round_trip_as_utc_instants() {
    let mut expected = pet();
    expected["last_seen"] = json!("2024-05-01T08:00:00Z");
    assert_eq!(round_trip::<jiff_dates::Pet>(&pet()), expected);
    let mut bad = pet();
    bad["born"] = json!("2020-13-01");
    assert!(serde_json::from_value::<jiff_dates::Pet>(bad).is_err());
}

#[test]
fn derives_follow_the_types() {
    // Owner has no float, map or Value: Eq + Hash. Tag has only optional fields: Default.
    let owner: chrono_dates::Owner = serde_json::from_value(pet()["owner"].clone()).unwrap();
    let set: HashSet<chrono_dates::Owner> = [owner.clone(), owner].into_iter().collect();
    assert_eq!(set.len(), 1);
    assert_eq!(
        chrono_dates::Tag::default(),
        chrono_dates::Tag {
            label: None,
            color: None
        }
    );
    let tags: HashSet<time_dates::Tag> = [time_dates::Tag::default()].into_iter().collect();
    assert_eq!(tags.len(), 1);
}

#[test]
fn builders_set_fields() {
    let pet = hash_maps::Pet::new(7, "Rex".into(), hash_maps::Status::Available)
        .with_weight(3.5)
        .with_note(None);
    let v = serde_json::to_value(&pet).unwrap();
    assert_eq!(
        v,
        json!({"id": 7, "name": "Rex", "status": "available", "weight": 3.5, "note": null})
    );
}

#[test]
fn map_types() {
    let pet: hash_maps::Pet = serde_json::from_value(pet()).unwrap();
    let labels: &std::collections::HashMap<String, String> =
        pet.labels.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(labels["a"], "1");
    // IndexMap keeps document order.
    let text = serde_json::to_string(&round_trip::<index_maps::Pet>(&pet_labels_first())).unwrap();
    assert!(text.contains(r#""labels":{"b":"2","a":"1"}"#), "{text}");
}

fn pet_labels_first() -> Value {
    let mut p = pet();
    p.as_object_mut().unwrap().remove("owner");
    p
}

/// The JSON Schema modeldoc emits for `docs/` with the wire-changing options of `full`.
fn full_schema(model: &str) -> jsonschema::Validator {
    let mut config = modeldoc::Config::new();
    config
        .input(concat!(env!("CARGO_MANIFEST_DIR"), "/docs"))
        .deny_unknown_fields(true)
        .open_enums(true)
        .json_schema("schemas");
    let schema = config.load().unwrap().schema;
    // Rendered in memory: nothing is written.
    let (files, _) = config.render(&schema).unwrap();
    let name = format!("{model}.json");
    let file = files
        .iter()
        .find(|f| f.path.file_name().is_some_and(|n| n == name.as_str()))
        .unwrap_or_else(|| {
            panic!(
                "no {name} among {:?}",
                files.iter().map(|f| &f.path).collect::<Vec<_>>()
            )
        });
    let doc: Value = serde_json::from_str(&file.contents).unwrap();
    jsonschema::draft202012::options().build(&doc).unwrap()
}

#[test]
fn deny_unknown_fields_and_open_enums_agree_with_the_schema() {
    let validator = full_schema("Pet");
    let mut unknown_key = pet();
    unknown_key["colour"] = json!("red");
    let mut unknown_status = pet();
    unknown_status["status"] = json!("lost");
    let mut nested_unknown = pet();
    nested_unknown["owner"]["tags"][0]["x"] = json!(1);
    for (sample, valid) in [
        (pet(), true),
        (unknown_key, false),
        (unknown_status.clone(), true),
        (nested_unknown, false),
    ] {
        let rust = serde_json::from_value::<full::Pet>(sample.clone()).is_ok();
        assert_eq!(rust, valid, "Rust verdict on {sample}");
        assert_eq!(
            validator.is_valid(&sample),
            valid,
            "schema verdict on {sample}"
        );
    }
    let pet: full::Pet = serde_json::from_value(unknown_status.clone()).unwrap();
    assert_eq!(pet.status, full::Status::Other("lost".into()));
    assert_eq!(serde_json::to_value(&pet).unwrap(), unknown_status);
    assert_eq!("sold".parse::<full::Status>(), Ok(full::Status::Sold));
}

#[test]
fn attributes_by_path_and_schemars() {
    let mut aliased = pet();
    let name = aliased.as_object_mut().unwrap().remove("name").unwrap();
    aliased["title"] = name;
    let pet: full::Pet = serde_json::from_value(aliased).unwrap();
    assert_eq!(pet.name, "Rex");
    let source = include_str!(concat!(env!("OUT_DIR"), "/full.rs"));
    assert!(
        source.contains("#[non_exhaustive]\npub struct Tag"),
        "{source}"
    );

    let schema = serde_json::to_value(schemars::schema_for!(full::Pet)).unwrap();
    assert_eq!(schema["additionalProperties"], json!(false), "{schema:#}");
    assert!(schema["properties"]["note"].is_object(), "{schema:#}");
}
