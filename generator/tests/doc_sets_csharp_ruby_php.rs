//! Doc-set behaviour of the C#/Ruby/PHP dialects: majority detection and
//! union members recovered from link labels.

use modeldoc::__private::parse::{detect_doc_set, Dialect};
use modeldoc::ir::{ModelKind, Type};
use modeldoc::Config;

mod support;

const PHP_WITH_MARKERS: &str = "# Invoice\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `note` | *?string* | :heavy_minus_sign: | N/A |\n| `lines` | array<*string*> | :heavy_check_mark: | N/A |\n";
const PHP_SHARED_SCALARS: &str = "# Tax\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `rate` | *float* | :heavy_check_mark: | N/A |\n| `name` | *string* | :heavy_check_mark: | N/A |\n";

#[test]
fn documents_the_majority_fits_stay_with_it() {
    // `*float*` alone looks like Python; with PHP docs around it is PHP.
    let texts = [PHP_WITH_MARKERS, PHP_WITH_MARKERS, PHP_SHARED_SCALARS];
    assert_eq!(detect_doc_set(&texts), vec![Dialect::Php; 3]);
    let ruby = "# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *::String* | :heavy_check_mark: | N/A |\n";
    // A document the majority does not fit at all keeps its own dialect.
    assert_eq!(
        detect_doc_set(&[PHP_WITH_MARKERS, PHP_WITH_MARKERS, ruby]),
        vec![Dialect::Php, Dialect::Php, Dialect::Ruby]
    );
}

#[test]
fn empty_ruby_union_docs_get_members_from_labels() {
    let dir = support::doc_set(
        "ruby-unions",
        &[
            (
                "components/samlconnections.md",
                "# SAMLConnections\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `data` | Crystalline::Array<[Crystalline::Union.new(Models::Components::SAMLConnection1, Models::Components::SAMLConnection2)](../../models/shared/samlconnectionunion.md)> | :heavy_check_mark: | N/A |\n| `total_count` | *::Integer* | :heavy_check_mark: | N/A |\n",
            ),
            ("components/samlconnectionunion.md", "# SAMLConnectionUnion\n\n"),
            (
                "components/samlconnection1.md",
                "# SAMLConnection1\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *::String* | :heavy_check_mark: | N/A |\n",
            ),
            (
                "components/samlconnection2.md",
                "# SAMLConnection2\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `name` | *Crystalline::Nilable.new(::String)* | :heavy_check_mark: | N/A |\n",
            ),
            ("components/orphanunion.md", "# OrphanUnion\n"),
        ],
    );
    let loaded = Config::new().input(&dir).load().expect("loads");
    let union = loaded.schema.model("SAMLConnectionUnion").expect("model");
    let ModelKind::Union(u) = &union.kind else {
        panic!("not a union: {:?}", union.kind)
    };
    assert_eq!(
        u.members,
        vec![
            Type::Ref("SAMLConnection1".into()),
            Type::Ref("SAMLConnection2".into())
        ]
    );
    // The one that no label names stays unknown, with one summary warning.
    let orphan = loaded.schema.model("OrphanUnion").expect("model");
    assert_eq!(orphan.kind, ModelKind::Alias { ty: Type::Any });
    let summary: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("describe no fields, values or members"))
        .collect();
    assert_eq!(summary.len(), 1);
    // `Nilable` on a required field: required and nullable.
    let ModelKind::Object(o) = &loaded.schema.model("SAMLConnection2").expect("model").kind else {
        panic!("not an object")
    };
    assert!(o.fields[0].required && o.fields[0].nullable);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn limitations_are_reported_once_and_survive_strict_mode() {
    let row = "| `Id` | *string* | :heavy_check_mark: | N/A |\n| `Meta` | Dictionary<String, *object*> | :heavy_minus_sign: | N/A |\n";
    let head =
        "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";
    let a = format!("# Account\n\n{head}{row}");
    let b = format!("# Company\n\n{head}{row}");
    let dir = support::doc_set(
        "csharp-limits",
        &[
            ("Models/Components/Account.md", &a),
            ("Models/Components/Company.md", &b),
        ],
    );
    let loaded = Config::new()
        .input(&dir)
        .strict(true)
        .load()
        .expect("limitations are not errors");
    let limits: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("csharp docs:"))
        .collect();
    assert_eq!(limits.len(), Dialect::CSharp.limitations().len());
    let _ = std::fs::remove_dir_all(&dir);
}
