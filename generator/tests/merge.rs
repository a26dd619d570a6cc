//! Issue 13: several doc sets of one API (its SDKs in several languages)
//! merged into one schema: the `--merge` CLI flag, `merge = true` in
//! `modeldoc.toml`, `Config::doc_set`, provenance in `modeldoc ir`, conflict
//! warnings, and the Glean Python + Go corpus pair (skipped without
//! `../shared/corpus`).

use std::path::PathBuf;

use modeldoc::ir::{Fact, ModelKind, Schema, Type};
use modeldoc::Config;

mod support;

const HEADER: &str = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

/// Python docs: no widths; nullability and descriptions shown.
fn python_docs(test: &str, user_id_required: &str) -> PathBuf {
    let user = format!(
        "# User\n\nA user.\n\n## Fields\n\n{HEADER}\
         | `user_id` | *str* | {user_id_required} | The ID |\n\
         | `age` | *Optional[int]* | :heavy_minus_sign: | Years |\n\
         | `nickname` | *OptionalNullable[str]* | :heavy_minus_sign: | May be null |\n"
    );
    support::doc_set(&format!("merge-py-{test}"), &[("models/user.md", &user)])
}

/// Go docs: widths shown; an optional field's nullability is not.
fn go_docs(test: &str) -> PathBuf {
    let user = format!(
        "# User\n\nA user.\n\n## Fields\n\n{HEADER}\
         | `UserID` | *string* | :heavy_check_mark: | The ID |\n\
         | `Age` | **int64* | :heavy_minus_sign: | Years |\n\
         | `Nickname` | **string* | :heavy_minus_sign: | May be null |\n"
    );
    let team = format!(
        "# Team\n\n## Fields\n\n{HEADER}| `Name` | *string* | :heavy_check_mark: | N/A |\n"
    );
    support::doc_set(
        &format!("merge-go-{test}"),
        &[
            ("models/components/user.md", &user),
            ("models/components/team.md", &team),
        ],
    )
}

fn fields(schema: &Schema, model: &str) -> Vec<modeldoc::ir::Field> {
    match &schema.model(model).expect("model").kind {
        ModelKind::Object(o) => o.fields.clone(),
        _ => panic!("{model} is not an object"),
    }
}

#[test]
fn config_doc_sets_merge_facts_and_keep_provenance() {
    let (py, go) = (
        python_docs("config", ":heavy_check_mark:"),
        go_docs("config"),
    );
    let loaded = Config::new()
        .doc_set([&py])
        .doc_set([&go])
        .load()
        .expect("loads");
    let names: Vec<&str> = loaded
        .schema
        .models
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["Team", "User"]);
    let user = fields(&loaded.schema, "User");
    assert_eq!(user[1].ty, Type::Integer(Some(modeldoc::ir::Format::Int64)));
    assert!(
        user[2].nullable,
        "Python's nullability survives Go's silence"
    );
    let p = user[1].provenance.as_deref().expect("provenance");
    let go_label = go.display().to_string();
    assert_eq!(p.facts[&Fact::Format], go_label);
    assert_eq!(p.facts[&Fact::Nullable], py.display().to_string(), "{p:?}");
    assert_eq!(loaded.files.len(), 3);
}

fn corpus_docs(repo: &str) -> Option<PathBuf> {
    support::corpus("merge", &format!("{repo}/docs"))
}

/// Glean's Python docs (2025-05-24) merged with its Go docs (2025-05-08).
#[test]
fn glean_python_and_go_merge_into_more_than_either() {
    let (Some(py), Some(go)) = (
        corpus_docs("gleanwork+api-client-python"),
        corpus_docs("gleanwork+api-client-go"),
    ) else {
        return;
    };
    let python = Config::new().input(&py).load().expect("python loads");
    let merged = Config::new()
        .doc_set([&py])
        .doc_set([&go])
        .load()
        .expect("merge loads");
    // Every Python model is kept, under its Python name.
    for m in &python.schema.models {
        assert!(merged.schema.model(&m.name).is_some(), "{} lost", m.name);
    }
    // Widths: Python shows none, the merge takes Go's.
    let go_label = go.display().to_string();
    let mut widths_from_go = 0;
    let mut integers_without_width = 0;
    for m in &merged.schema.models {
        let ModelKind::Object(o) = &m.kind else {
            continue;
        };
        for f in &o.fields {
            let p = f
                .provenance
                .as_deref()
                .expect("every merged field has provenance");
            if p.facts.get(&Fact::Format) == Some(&go_label) {
                widths_from_go += 1;
            }
            if matches!(f.ty, Type::Integer(None)) && p.doc_sets.len() == 2 {
                integers_without_width += 1;
            }
        }
    }
    assert!(widths_from_go >= 200, "{widths_from_go}");
    assert_eq!(
        integers_without_width, 0,
        "an integer both SDKs show has Go's width"
    );
    // Spec drift between the snapshots: `Agent.name` (required, description)
    // and `TextRangeType` (a new value): conflicts, each naming both places.
    let conflicts: Vec<String> = merged
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .filter(|d| d.contains("doc sets disagree"))
        .collect();
    assert!(conflicts.len() <= 4, "{conflicts:#?}");
    for c in &conflicts {
        assert!(c.contains("gleanwork+api-client-go/docs/models/"), "{c}");
        assert!(
            c.contains("gleanwork+api-client-python/docs/models/"),
            "{c}"
        );
    }
    // The Go-only operation wrappers are left out; Go-only schemas are kept.
    assert!(merged.schema.model("RecommendationsResponse").is_none());
    assert!(merged.schema.model("AgentResult").is_some());
}
