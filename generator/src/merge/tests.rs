//! Unit tests of model and field reconciliation, conflicts and provenance.

use serde_json::json;

use super::*;
use crate::ir::{test_values, EnumValue, Format};
use crate::source::SourceFile;

fn span(file: &str, line: usize) -> Span {
    let text = "x\n".repeat(line);
    let source = SourceFile::new(file, text);
    source.span(2 * (line - 1))
}

fn field(name: &str, ty: Type, required: bool, nullable: bool, file: &str, line: usize) -> Field {
    Field {
        nullable,
        span: span(file, line),
        ..test_values::field(name, ty, required)
    }
}

fn object(name: &str, file: &str, fields: Vec<Field>) -> Model {
    Model {
        span: span(file, 1),
        ..test_values::object(name, fields)
    }
}

fn set(label: &str, dialect: Dialect, mut models: Vec<Model>) -> DocSet {
    models.sort_by(|a, b| a.name.cmp(&b.name));
    DocSet::new(label, Schema { models }, Some(dialect))
}

fn fields(m: &Model) -> &[Field] {
    match &m.kind {
        ModelKind::Object(o) => &o.fields,
        _ => panic!("not an object"),
    }
}

/// Python shows nullability and consts, Go widths; each fills the other's gaps.
fn python_and_go() -> (DocSet, DocSet) {
    let py = "py/user.md";
    let go = "go/components/user.md";
    let python = set(
        "py",
        Dialect::Python,
        vec![object(
            "User",
            py,
            vec![
                field("user_id", Type::STRING, true, false, py, 5),
                field("age", Type::INTEGER, false, false, py, 6),
                field("nickname", Type::STRING, false, true, py, 7),
                field("kind", Type::Const(json!("user")), true, false, py, 8),
                field(
                    "tags",
                    Type::Array(Box::new(Type::STRING)),
                    true,
                    false,
                    py,
                    9,
                ),
            ],
        )],
    );
    let golang = set(
        "go",
        Dialect::Go,
        vec![
            object(
                "User",
                go,
                vec![
                    field("UserID", Type::STRING, true, false, go, 5),
                    field(
                        "Age",
                        Type::Integer(Some(Format::Int64)),
                        false,
                        false,
                        go,
                        6,
                    ),
                    field("Nickname", Type::STRING, false, false, go, 7),
                    field("Kind", Type::STRING, true, false, go, 8),
                    field(
                        "Tags",
                        Type::Array(Box::new(Type::STRING)),
                        true,
                        true,
                        go,
                        9,
                    ),
                    field("Extra", Type::Boolean, false, false, go, 10),
                ],
            ),
            object("Team", "go/components/team.md", Vec::new()),
        ],
    );
    (python, golang)
}

#[test]
fn each_fact_comes_from_the_doc_set_that_shows_it() {
    let (python, golang) = python_and_go();
    let merged = merge(vec![python, golang]);
    assert!(merged.diagnostics.is_empty(), "{}", merged.diagnostics);
    let names: Vec<&str> = merged
        .schema
        .models
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["Team", "User"], "the union of the models");
    let user = &merged.schema.models[1];
    let f = fields(user);
    let summary: Vec<(&str, &Type, bool, bool)> = f
        .iter()
        .map(|f| (f.wire_name.as_str(), &f.ty, f.required, f.nullable))
        .collect();
    let int64 = Type::Integer(Some(Format::Int64));
    let strings = Type::Array(Box::new(Type::STRING));
    assert_eq!(
        summary,
        [
            ("user_id", &Type::STRING, true, false),
            // Width from Go (Python shows none).
            ("age", &int64, false, false),
            // Nullability from Python (Go cannot show it on an optional field).
            ("nickname", &Type::STRING, false, true),
            // The const from Python (Go drops consts).
            ("kind", &Type::Const(json!("user")), true, false),
            // Go shows a nullable list; Python never marks lists nullable.
            ("tags", &strings, true, true),
            // Only Go has it: kept, in Go's place after the first doc set's fields.
            ("Extra", &Type::Boolean, false, false),
        ]
    );
    let p = f[1].provenance.as_deref().expect("provenance");
    assert_eq!(p.doc_sets, ["py", "go"]);
    assert_eq!(p.facts[&Fact::Format], "go");
    assert_eq!(p.facts[&Fact::Required], "py");
    assert_eq!(p.facts[&Fact::Name], "py");
    let p = f[2].provenance.as_deref().expect("provenance");
    assert_eq!(p.facts[&Fact::Nullable], "py");
    let p = f[4].provenance.as_deref().expect("provenance");
    assert_eq!(p.facts[&Fact::Nullable], "go");
    let p = user.provenance.as_deref().expect("provenance");
    assert_eq!(p.doc_sets, ["py", "go"]);
    let team = merged.schema.models[0]
        .provenance
        .as_deref()
        .expect("provenance");
    assert_eq!(team.doc_sets, ["go"]);
}

#[test]
fn the_order_of_doc_sets_changes_names_not_facts() {
    let (python, golang) = python_and_go();
    let merged = merge(vec![golang, python]);
    assert!(merged.diagnostics.is_empty(), "{}", merged.diagnostics);
    let f = fields(&merged.schema.models[1]);
    assert_eq!(f[0].wire_name, "UserID");
    assert_eq!(f[1].ty, Type::Integer(Some(Format::Int64)));
    assert!(f[2].nullable);
    assert_eq!(f[3].ty, Type::Const(json!("user")));
    assert!(f[4].nullable);
}

#[test]
fn a_conflict_warns_with_both_places_and_the_first_doc_set_wins() {
    let (mut python, golang) = python_and_go();
    let ModelKind::Object(o) = &mut python.schema.models[0].kind else {
        unreachable!()
    };
    o.fields[0].required = false;
    o.fields[0].description = Some("The ID".into());
    let merged = merge(vec![python, golang.clone()]);
    let f = fields(&merged.schema.models[1]);
    assert!(!f[0].required, "the first doc set wins");
    assert_eq!(
        f[0].description.as_deref(),
        Some("The ID"),
        "a silent side never overrides"
    );
    let warnings: Vec<String> = merged.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let w = &warnings[0];
    assert!(
        w.starts_with(
            "py/user.md:5:1: warning: doc sets disagree on the required of `User.user_id`"
        ),
        "{w}"
    );
    assert!(
        w.contains("py says required false, go says required true at go/components/user.md:5:1"),
        "{w}"
    );
    assert!(w.contains("the first one given wins"), "{w}");
}

#[test]
fn models_pair_through_sdk_renames() {
    let a = set(
        "a",
        Dialect::Python,
        vec![
            object("ChatRequest", "a/chatrequest.md", Vec::new()),
            object(
                "ChatRequestRequest",
                "a/chatrequestrequest.md",
                vec![field(
                    "body",
                    Type::Ref("ChatRequest".into()),
                    true,
                    false,
                    "a/c.md",
                    3,
                )],
            ),
        ],
    );
    let b = set(
        "b",
        Dialect::Go,
        vec![
            object("ChatRequest", "b/components/chatrequest.md", Vec::new()),
            object(
                "ChatRequest2",
                "b/chatrequest.md",
                vec![field(
                    "Body",
                    Type::Ref("ChatRequest".into()),
                    true,
                    true,
                    "b/c.md",
                    3,
                )],
            ),
        ],
    );
    let merged = merge(vec![a, b]);
    let names: Vec<&str> = merged
        .schema
        .models
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["ChatRequest", "ChatRequestRequest"]);
    let request = merged.schema.model("ChatRequestRequest").expect("merged");
    let p = request.provenance.as_deref().expect("provenance");
    assert_eq!(p.doc_sets, ["a", "b"]);
}

#[test]
fn empty_unions_and_any_aliases_are_silent_enum_values_conflict() {
    let u = |members: Vec<Type>| Model {
        kind: ModelKind::Union(Union::new(members)),
        ..object("Value", "v.md", Vec::new())
    };
    let e = |values: &[&str]| Model {
        kind: ModelKind::Enum(Enum {
            values: values
                .iter()
                .map(|v| EnumValue {
                    name: None,
                    value: json!(v),
                })
                .collect(),
            open: false,
            value_type_unstated: false,
        }),
        ..object("Status", "s.md", Vec::new())
    };
    let ruby = set("rb", Dialect::Ruby, vec![u(Vec::new()), e(&["a"])]);
    let python = set(
        "py",
        Dialect::Python,
        vec![u(vec![Type::STRING, Type::INTEGER]), e(&["a", "b"])],
    );
    let merged = merge(vec![ruby, python]);
    let ModelKind::Union(value) = &merged.schema.models[1].kind else {
        panic!("a union");
    };
    assert_eq!(value.members, [Type::STRING, Type::INTEGER]);
    let ModelKind::Enum(status) = &merged.schema.models[0].kind else {
        panic!("an enum");
    };
    assert_eq!(status.values.len(), 1, "the first doc set wins");
    assert_eq!(
        merged.diagnostics.warning_count(),
        1,
        "{}",
        merged.diagnostics
    );
    assert!(merged
        .diagnostics
        .to_string()
        .contains("disagree on the values of `Status`"));
}

#[test]
fn one_doc_set_is_returned_unchanged_and_foreign_wrappers_are_left_out() {
    let (python, golang) = python_and_go();
    let alone = merge(vec![python.clone()]);
    assert_eq!(alone.schema, python.schema);
    let mut golang = golang;
    golang.schema.models.push(object(
        "UserResponse",
        "go/operations/userresponse.md",
        vec![field(
            "User",
            Type::Ref("User".into()),
            false,
            false,
            "go/operations/u.md",
            3,
        )],
    ));
    golang.schema.sort();
    let merged = merge(vec![python, golang]);
    assert!(merged.schema.model("UserResponse").is_none());
}

#[test]
fn an_enum_value_type_comes_from_the_doc_set_that_states_it() {
    let e = |values: Vec<serde_json::Value>, unstated: bool| Model {
        kind: ModelKind::Enum(Enum {
            values: values
                .into_iter()
                .enumerate()
                .map(|(i, value)| EnumValue {
                    name: Some(["ZERO", "ONE"][i].into()),
                    value,
                })
                .collect(),
            open: false,
            value_type_unstated: unstated,
        }),
        ..object("Digit", "d.md", Vec::new())
    };
    // Python's unquoted `| ZERO | 0 |` cannot tell `0` from `"0"`; TypeScript's literals can.
    let python = set(
        "py",
        Dialect::Python,
        vec![e(vec![json!(0), json!(1)], true)],
    );
    let ts = set(
        "ts",
        Dialect::TypeScript,
        vec![e(vec![json!("1"), json!("0")], false)],
    );
    let merged = merge(vec![python.clone(), ts]);
    let ModelKind::Enum(digit) = &merged.schema.models[0].kind else {
        panic!("an enum");
    };
    assert!(!digit.value_type_unstated);
    let values: Vec<_> = digit
        .values
        .iter()
        .map(|v| (v.name.clone(), v.value.clone()))
        .collect();
    assert_eq!(
        values,
        [
            (Some("ZERO".into()), json!("0")),
            (Some("ONE".into()), json!("1"))
        ]
    );
    assert_eq!(
        merged.diagnostics.warning_count(),
        0,
        "{}",
        merged.diagnostics
    );
    // Two doc sets that both cannot tell: still unstated.
    let merged = merge(vec![python.clone(), python]);
    let ModelKind::Enum(digit) = &merged.schema.models[0].kind else {
        panic!("an enum");
    };
    assert!(digit.value_type_unstated);
}
