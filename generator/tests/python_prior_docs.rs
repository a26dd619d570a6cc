//! The python-prior dialect end to end on `tests/fixtures/python-prior` (a
//! hand-written doc set in the style of openapi-generator 5.x–6.x's python
//! templates): detection, warnings, the IR, the Rust and the schemas. The
//! generated Rust is compiled and checked against the JSON Schemas by
//! `tests/differential.rs` (the `fixtures/python-prior` set).

use std::path::PathBuf;

use modeldoc::ir::{ModelKind, Type};
use modeldoc::Dialect;
use serde_json::{json, Value};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/python-prior")
}

fn load() -> modeldoc::Loaded {
    modeldoc::Config::new()
        .input(fixtures())
        .load()
        .expect("the python-prior fixtures load")
}

#[test]
fn detected_and_warned_only_about_its_own_limitations() {
    let loaded = load();
    assert!(loaded
        .dialects
        .iter()
        .all(|d| *d == Some(Dialect::PythonPrior)));
    // Warnings only (the note on wire names says what was inferred).
    let messages: Vec<&str> = loaded
        .diagnostics
        .0
        .iter()
        .filter(|d| d.severity == modeldoc::Severity::Warning)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages.len(),
        Dialect::PythonPrior.limitations().len(),
        "{messages:#?}"
    );
    assert!(messages
        .iter()
        .all(|m| m.starts_with("python-prior docs: ")));
    assert!(!messages.iter().any(|m| m.contains("Go ")), "{messages:#?}");
}

#[test]
fn value_docs_are_enums_and_aliases() {
    let loaded = load();
    let model = |name: &str| &loaded.schema.model(name).expect(name).kind;
    let ModelKind::Enum(soil) = model("Soil") else {
        panic!("Soil: {:?}", model("Soil"))
    };
    let values: Vec<&Value> = soil.values.iter().map(|v| &v.value).collect();
    assert_eq!(values, [&json!("clay"), &json!("loam"), &json!("sand")]);
    let ModelKind::Enum(priority) = model("Priority") else {
        panic!("Priority")
    };
    assert_eq!(priority.values[2].value, json!(3));
    assert_eq!(
        model("Labels"),
        &ModelKind::Alias {
            ty: Type::Array(Box::new(Type::STRING))
        }
    );
    assert_eq!(model("BedName"), &ModelKind::Alias { ty: Type::STRING });
    // Beside an `any string name` row, `value` is an ordinary property.
    assert!(matches!(model("WateringPlan"), ModelKind::Object(_)));
}

#[test]
fn type_cells_and_notes() {
    let loaded = load();
    let ModelKind::Object(plant) = &loaded.schema.model("Plant").expect("Plant").kind else {
        panic!("Plant is an object")
    };
    let field = |name: &str| {
        plant
            .fields
            .iter()
            .find(|f| f.wire_name == name)
            .unwrap_or_else(|| panic!("no field {name}"))
    };
    assert!(field("name").required && !field("name").nullable);
    assert_eq!(field("kind").default, Some(json!("plant")));
    assert!(field("kind").required);
    assert!(field("id").read_only && field("id").required);
    assert!(field("height_cm").nullable && !field("height_cm").required);
    assert_eq!(field("height_cm").ty, Type::NUMBER);
    assert_eq!(field("leaf_count").default, Some(json!(0)));
    assert_eq!(field("edible").default, Some(json!(false)));
    assert_eq!(
        field("tags").ty,
        Type::Array(Box::new(Type::Ref("Tag".into())))
    );
    assert_eq!(field("previous_soil").ty, Type::Ref("Soil".into()));
    assert!(field("previous_soil").nullable);
    assert_eq!(field("notes").ty, Type::Map(Box::new(Type::Any)));
    assert_eq!(
        field("tags_by_season").ty,
        Type::Map(Box::new(Type::Array(Box::new(Type::Ref("Tag".into())))))
    );
    assert_eq!(field("extra").ty, Type::Any);
    // `_from` is python's escape of the keyword `from`.
    assert!(field("from").nullable);
    assert_eq!(plant.additional_properties, Some(Type::Any));
}

#[test]
fn rust_and_schemas() {
    let out = tempfile::tempdir().expect("temp dir");
    modeldoc::Config::new()
        .input(fixtures())
        .rust_file(out.path().join("models.rs"))
        .json_schema(out.path().join("schemas"))
        .generate()
        .expect("generates");
    let rust = std::fs::read_to_string(out.path().join("models.rs")).expect("Rust written");
    for needle in [
        "pub enum Soil {",
        "pub type Labels = Vec<String>;",
        "pub type BedName = String;",
        "pub struct Plant {",
        "pub height_cm: Option<Option<f64>>,",
        "pub previous_soil: Option<Option<Soil>>,",
    ] {
        assert!(rust.contains(needle), "missing `{needle}` in:\n{rust}");
    }
    let schema = |name: &str| -> Value {
        let path = out.path().join("schemas").join(format!("{name}.json"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}.json: {e}"));
        serde_json::from_str(&text).expect("JSON")
    };
    let soil = schema("Soil");
    assert_eq!(soil["type"], "string");
    assert_eq!(soil["enum"], json!(["clay", "loam", "sand"]));
    assert_eq!(schema("Priority")["enum"], json!([1, 2, 3]));
    assert_eq!(schema("Labels")["items"], json!({"type": "string"}));
    assert_eq!(
        schema("Tag")["additionalProperties"],
        json!({"type": "string"})
    );
}
