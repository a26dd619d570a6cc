//! Differential tests: for every model of the fixtures and of a sample of every
//! corpus repository, generated JSON instances (valid and mutated) get the same
//! verdict from the generated Rust type and the generated JSON Schema, and every
//! accepted instance round-trips through the Rust type to the same JSON value.
//!
//! The Rust types are compiled by `modeldoc-corpus-types` (its build script runs
//! modeldoc); this test regenerates the JSON Schemas from the same IR.

use modeldoc::__private::emit::json_schema;
use modeldoc::__private::emit::schema::SchemaOptions;
use modeldoc::ir::{ModelKind, Schema, Type};
use modeldoc_corpus_types::{Set, CORPUS_PATH, CORPUS_PRESENT, SETS, SKIPPED};
use modeldoc_tests::instances::{
    reaches_object_union, same_json, same_json_but_dropped_keys, Instances,
};
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;

/// Instances per model of the fixtures (small, hand-written, every combination).
const FIXTURE_CASES: u32 = 512;
/// Instances per sampled corpus model.
const CORPUS_CASES: u32 = 64;

/// Checks one instance: same verdict, and an exact round trip when accepted.
///
/// `object_union`: the model reaches an untagged union of object members, where an
/// earlier member may match and drop the keys it does not know (by design).
fn check(
    validator: &jsonschema::Validator,
    round_trip: modeldoc_corpus_types::RoundTrip,
    object_union: bool,
    instance: &Value,
) -> Result<bool, String> {
    let schema_ok = validator.is_valid(instance);
    match (round_trip(instance), schema_ok) {
        (Ok(back), true) if same_json(&back, instance) => Ok(true),
        (Ok(back), true) if object_union && same_json_but_dropped_keys(&back, instance) => Ok(true),
        (Ok(back), true) => Err(format!(
            "round trip changed the value:\n  in:  {instance}\n  out: {back}"
        )),
        (Ok(_), false) => Err(format!("Rust accepts, schema rejects: {instance}")),
        (Err(e), true) => Err(format!("schema accepts, Rust rejects ({e}): {instance}")),
        (Err(_), false) => Ok(false),
    }
}

/// Runs every model of a set; returns the failures (one line block per model).
fn run_set(set: &Set, cases: u32) -> (Vec<String>, usize) {
    let schema: Schema = serde_json::from_str(set.ir_json).expect("IR JSON from the build script");
    let instances = Instances::new(&schema);
    let options = SchemaOptions {
        closed_objects: set.deny_unknown_fields,
        ..SchemaOptions::default()
    };
    let mut failures = Vec::new();
    let mut accepted_total = 0;
    for model in &schema.models {
        let round_trip = (set.lookup)(&model.name)
            .unwrap_or_else(|| panic!("{}: no Rust type for {}", set.name, model.name));
        let doc = json_schema::document_value(&schema, model, &options);
        let validator = modeldoc_tests::compile_schema(&doc);
        let mut runner = TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        });
        let accepted = std::cell::Cell::new(0usize);
        let object_union = reaches_object_union(&schema, &model.name);
        let result = runner.run(&instances.any(&model.name), |instance| {
            let ok = check(&validator, round_trip, object_union, &instance)
                .map_err(TestCaseError::fail)?;
            accepted.set(accepted.get() + usize::from(ok));
            Ok(())
        });
        accepted_total += accepted.get();
        if let Err(e) = result {
            failures.push(format!("{} / {}: {e}", set.name, model.name));
        }
    }
    (failures, accepted_total)
}

/// Runs the fixture set `name`: no failure, and more than `minimum` instances accepted
/// (fewer means the generator or the instances are broken).
fn fixture_set_agrees(name: &str, minimum: usize) {
    let set = SETS
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no set {name}"));
    let (failures, accepted) = run_set(set, FIXTURE_CASES);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(
        accepted > minimum,
        "{name}: too few accepted instances ({accepted}): the generator is broken"
    );
}

#[test]
fn fixtures_rust_and_json_schema_agree() {
    fixture_set_agrees("fixtures", 1000);
}

/// The readers users get by default: unstated nullability accepts `null`, and enums whose
/// docs cannot show numbers from strings accept both (`1` and `"1"`), each written back
/// as it was read.
#[test]
fn lenient_fixtures_rust_and_json_schema_agree() {
    fixture_set_agrees("fixtures/lenient", 1000);
    let (validator, round_trip) = fixture_in("fixtures/lenient", "Priority");
    for instance in [
        serde_json::json!(10),
        serde_json::json!("10"),
        serde_json::json!(-3),
        serde_json::json!("-3"),
    ] {
        assert!(validator.is_valid(&instance), "{instance}");
        assert_eq!(round_trip(&instance).unwrap(), instance, "{instance}");
    }
    for bad in [
        serde_json::json!(2),
        serde_json::json!("2"),
        serde_json::json!("LOW"),
    ] {
        assert!(!validator.is_valid(&bad), "{bad}");
        assert!(round_trip(&bad).is_err(), "{bad}");
    }
    // As the docs state it (strict), the integers only.
    let (validator, round_trip) = fixture("Priority");
    assert!(!validator.is_valid(&serde_json::json!("10")));
    assert!(round_trip(&serde_json::json!("10")).is_err());
}

/// `deny_unknown_fields`: the `serde_struct!` tables reject unknown keys where the schemas
/// close objects, and read everything else as before.
#[test]
fn closed_fixtures_rust_and_json_schema_agree() {
    fixture_set_agrees("fixtures/deny_unknown_fields", 1000);
}

#[test]
fn python_prior_fixtures_rust_and_json_schema_agree() {
    fixture_set_agrees("fixtures/python-prior", 200);
}

#[test]
fn corpus_samples_rust_and_json_schema_agree() {
    if !CORPUS_PRESENT {
        eprintln!(
            "skipped corpus_samples_rust_and_json_schema_agree: no corpus at {CORPUS_PATH} when modeldoc-corpus-types was built (optional)"
        );
        return;
    }
    for (repo, why) in SKIPPED {
        eprintln!("skipped corpus/{repo}: its docs do not load: {why}");
    }
    let mut failures = Vec::new();
    for set in SETS.iter().filter(|s| !s.name.starts_with("fixtures")) {
        let (f, accepted) = run_set(set, CORPUS_CASES);
        eprintln!(
            "{}: {accepted} accepted instances, {} failing models",
            set.name,
            f.len()
        );
        failures.extend(f);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `Display` and `FromStr` of every generated string enum (fixtures and corpus samples)
/// use exactly the wire values, including under a `rename_all` rule with exceptions
/// (`Region`: `UPPERCASE` plus `unknown_region`; `Color`: `kebab-case` plus `2nd`).
#[test]
fn string_enums_display_and_parse_their_wire_values() {
    let mut checked = 0;
    for set in SETS {
        let schema: Schema = serde_json::from_str(set.ir_json).unwrap();
        for model in &schema.models {
            let Some(text_round_trip) = (set.text_lookup)(&model.name) else {
                continue;
            };
            let values: Vec<&str> = match &model.kind {
                ModelKind::Enum(e) => e.values.iter().filter_map(|v| v.value.as_str()).collect(),
                ModelKind::Alias { ty: Type::Enum(vs) } => {
                    vs.iter().filter_map(Value::as_str).collect()
                }
                ModelKind::Alias { ty: Type::Const(v) } => v.as_str().into_iter().collect(),
                _ => Vec::new(),
            };
            assert!(
                !values.is_empty(),
                "{}: {} has no values",
                set.name,
                model.name
            );
            for value in &values {
                assert_eq!(
                    text_round_trip(value).as_deref(),
                    Ok(*value),
                    "{}: {}",
                    set.name,
                    model.name
                );
                checked += 1;
            }
            let unknown = format!("{}-not-a-value", values[0]);
            if matches!(&model.kind, ModelKind::Enum(e) if e.open) {
                // An enum its doc calls open keeps unlisted values.
                assert_eq!(text_round_trip(&unknown).as_deref(), Ok(unknown.as_str()));
                continue;
            }
            let err = text_round_trip(&unknown).expect_err("an unlisted value is rejected");
            assert!(err.contains(&unknown), "{}: {err}", model.name);
        }
    }
    for (model, value) in [
        ("Region", "unknown_region"),
        ("Color", "2nd"),
        ("Region", "US"),
    ] {
        let set = &SETS[0];
        let round_trip = (set.text_lookup)(model).expect("fixture enum");
        assert_eq!(round_trip(value).as_deref(), Ok(value));
    }
    // The fixtures alone hold 8 string enum values; the corpus samples add hundreds.
    let floor = if CORPUS_PRESENT { 20 } else { 7 };
    assert!(checked > floor, "only {checked} enum values checked");
}

// ---------------------------------------------------------------------------------------
// Divergences by design (see ARCHITECTURE.md, "Invariants"): each is pinned here so that
// a change in either output shows up.
// ---------------------------------------------------------------------------------------

/// The JSON Schema validator and the Rust round trip of a fixtures model.
fn fixture(model: &str) -> (jsonschema::Validator, modeldoc_corpus_types::RoundTrip) {
    fixture_in("fixtures", model)
}

/// The JSON Schema validator and Rust round trip of one model of the set named `set`.
fn fixture_in(set: &str, model: &str) -> (jsonschema::Validator, modeldoc_corpus_types::RoundTrip) {
    let set = SETS.iter().find(|s| s.name == set).expect("fixtures set");
    let schema: Schema = serde_json::from_str(set.ir_json).unwrap();
    let doc = json_schema::document_value(
        &schema,
        schema.model(model).expect("fixture model"),
        &Default::default(),
    );
    (
        modeldoc_tests::compile_schema(&doc),
        (set.lookup)(model).expect("fixture type"),
    )
}

#[test]
fn unknown_keys_are_accepted_by_both_and_dropped_by_rust() {
    let (validator, round_trip) = fixture("Cat");
    let instance = serde_json::json!({"name": "Tom", "lives": 9, "colour": "grey"});
    assert!(validator.is_valid(&instance));
    assert_eq!(
        round_trip(&instance).unwrap(),
        serde_json::json!({"name": "Tom", "lives": 9})
    );
    // Declared additional properties are kept, and typed.
    let (validator, round_trip) = fixture("Labels");
    let instance = serde_json::json!({"name": "l", "x-size": 3});
    assert!(validator.is_valid(&instance));
    assert_eq!(round_trip(&instance).unwrap(), instance);
    let bad = serde_json::json!({"name": "l", "x-size": "big"});
    assert!(!validator.is_valid(&bad));
    assert!(round_trip(&bad).is_err());
}

#[test]
fn integral_floats_and_out_of_range_integers_are_accepted_by_the_schema_only() {
    let (validator, round_trip) = fixture("Cat");
    for lives in [
        serde_json::json!(9.0),
        serde_json::json!(9_223_372_036_854_775_808u64),
    ] {
        let instance = serde_json::json!({"name": "Tom", "lives": lives});
        assert!(validator.is_valid(&instance), "{instance}");
        assert!(round_trip(&instance).is_err(), "{instance}");
    }
}

#[test]
fn integers_in_number_fields_come_back_as_floats() {
    let (validator, round_trip) = fixture("Containers");
    let instance = serde_json::json!({
        "tags": [], "counts": {}, "nullable_list": null, "matrix": [[5]],
        "scalars": scalars_instance(),
    });
    assert!(validator.is_valid(&instance));
    let back = round_trip(&instance).unwrap();
    assert_eq!(back["matrix"], serde_json::json!([[5.0]]));
    assert!(same_json(&back, &instance));
}

/// A minimal valid `Scalars` instance: every required field, nullable ones `null`.
fn scalars_instance() -> Value {
    let mut object = serde_json::Map::new();
    for (name, value) in [
        ("str", serde_json::json!("s")),
        ("int", serde_json::json!(1)),
        ("float", serde_json::json!(1.5)),
        ("bool", serde_json::json!(true)),
        ("date", serde_json::json!("2024-01-02")),
        ("datetime", serde_json::json!("2024-01-02T03:04:05Z")),
        ("decimal", serde_json::json!(2.25)),
        ("any", serde_json::json!({"x": [1]})),
    ] {
        object.insert(format!("{name}_req"), value);
        object.insert(format!("{name}_req_null"), Value::Null);
    }
    Value::Object(object)
}

#[test]
fn a_union_of_open_objects_keeps_the_first_matching_member() {
    // Dog (more required fields) is tried before Cat; an instance valid for both
    // becomes a Dog and loses `lives`. The schema says `anyOf`, so it is valid.
    let (validator, round_trip) = fixture("Pet");
    let instance = serde_json::json!({"name": "Rex", "good": true, "lives": 9});
    assert!(validator.is_valid(&instance));
    assert_eq!(
        round_trip(&instance).unwrap(),
        serde_json::json!({"name": "Rex", "good": true})
    );
}

#[test]
fn structs_accept_arrays_by_position() {
    // By design (ARCHITECTURE.md): like serde's derived impls, the generated structs'
    // `Deserialize` also reads a JSON array by field position; the schema rejects it. The value written
    // back is the object, so nothing invalid is ever produced.
    let (validator, round_trip) = fixture("Cat");
    let instance = serde_json::json!(["Tom", 9]);
    assert!(!validator.is_valid(&instance));
    let back = round_trip(&instance).unwrap();
    assert!(back.is_object(), "{back}");
    assert!(validator.is_valid(&back), "{back}");
}

#[test]
fn awkward_names_keep_their_wire_names() {
    // Keywords, raw identifiers, leading digits, non-ASCII, names colliding after case
    // conversion: every key must come back exactly as sent.
    let (validator, round_trip) = fixture("Keywords");
    let instance = serde_json::json!({
        "type": "t", "ref": "r", "self": "s", "async": "a", "Self": "S", "super": "u",
        "1st": 1, "größe": "g", "名前": "n", "userId": "camel", "user_id": "snake",
        "USER_ID": "upper", "@odata.type": "o",
    });
    assert!(validator.is_valid(&instance));
    assert_eq!(round_trip(&instance).unwrap(), instance);
    // Models named like std items, and models whose names collide after case conversion.
    let (validator, round_trip) = fixture("Holder");
    let instance = serde_json::json!({
        "option": {"inner": "x", "items": []},
        "string": {"items": ["a"]},
        "result": null,
        "vec": [{"items": []}],
        "box": {"k": {"inner": "y", "items": ["b"]}},
        "foo": {"a": "from Foo"},
        "foo_upper": {"b": 2},
        "text": null,
    });
    assert!(validator.is_valid(&instance));
    assert_eq!(round_trip(&instance).unwrap(), instance);
    for (model, instance) in [
        ("Self", serde_json::json!({"me": {"me": {}}})),
        ("Type", serde_json::json!({"self_ref": {}})),
        ("Color", serde_json::json!("dark-blue")),
        ("Color", serde_json::json!("2nd")),
        ("Priority", serde_json::json!(-3)),
    ] {
        let (validator, round_trip) = fixture(model);
        assert!(validator.is_valid(&instance), "{model}: {instance}");
        assert_eq!(round_trip(&instance).unwrap(), instance, "{model}");
    }
}

/// A union of objects whose fields are all optional: serde's first match would read
/// `{"error": ..}` as an empty `Document`. The member whose keys the value uses wins,
/// and what is accepted agrees with the JSON Schema.
#[test]
fn unions_of_open_objects_pick_the_member_the_keys_name() {
    let (validator, round_trip) = fixture("DocumentOrError");
    for instance in [
        serde_json::json!({"error": "document not found", "code": 404}),
        serde_json::json!({"title": "t", "url": "u"}),
        serde_json::json!({"code": 1}),
        serde_json::json!({}),
    ] {
        assert!(validator.is_valid(&instance), "{instance}");
        assert_eq!(round_trip(&instance).unwrap(), instance, "{instance}");
    }
    // A wrong type in the member the keys name: the other (open) member reads it, on
    // both sides, and the Rust type keeps what that member declares.
    let wrong = serde_json::json!({"code": "x"});
    assert!(validator.is_valid(&wrong));
    assert_eq!(round_trip(&wrong).unwrap(), serde_json::json!({}));
    // Rejected by both: no member reads it (nor an array by position).
    for bad in [
        serde_json::json!("text"),
        serde_json::json!(5),
        serde_json::json!(["t", "u"]),
    ] {
        assert!(!validator.is_valid(&bad), "{bad}");
        assert!(round_trip(&bad).is_err(), "{bad}");
    }
}

#[test]
fn unions_of_arrays_of_objects_pick_the_member_the_item_keys_name() {
    let (validator, round_trip) = fixture("DocumentOrErrorList");
    for instance in [
        serde_json::json!([{"error": "document not found", "code": 404}]),
        serde_json::json!([{"title": "t", "url": "u"}, {"title": "s"}]),
        serde_json::json!([{"code": 1}]),
        serde_json::json!([]),
    ] {
        assert!(validator.is_valid(&instance), "{instance}");
        assert_eq!(round_trip(&instance).unwrap(), instance, "{instance}");
    }
    // Neither member is an object: an object is not read as either array, and an array
    // is not read by an object member by position.
    for bad in [serde_json::json!({"code": 1}), serde_json::json!([5])] {
        assert!(!validator.is_valid(&bad), "{bad}");
        assert!(round_trip(&bad).is_err(), "{bad}");
    }
}

/// The corpus sample compiled into `modeldoc-corpus-types` is the corpus on disk: when the
/// corpus appears (or goes) after a build, its build script runs again, even when the
/// corpus files are older than that build.
#[test]
fn corpus_sample_follows_the_corpus_on_disk() {
    assert_eq!(
        modeldoc_tests::corpus_dir().display().to_string(),
        CORPUS_PATH,
        "modeldoc-corpus-types looked for the corpus elsewhere"
    );
    let present = std::path::Path::new(CORPUS_PATH).is_dir();
    assert_eq!(
        CORPUS_PRESENT, present,
        "the corpus at {CORPUS_PATH} is {} but modeldoc-corpus-types was built {} it: its build script did not rerun",
        if present { "present" } else { "absent" },
        if CORPUS_PRESENT { "with" } else { "without" }
    );
}
