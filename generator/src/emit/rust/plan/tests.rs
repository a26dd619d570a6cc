use serde_json::json;

use super::*;
use crate::emit::rust::test_ir::*;
use crate::emit::rust::types::as_hoisted;

fn idents<'p>(plan: &'p Plan) -> Vec<&'p str> {
    plan.items.iter().map(|i| i.ident.as_str()).collect()
}

fn item<'p>(plan: &'p Plan, ident: &str) -> &'p Item<'p> {
    plan.items
        .iter()
        .find(|i| i.ident == ident)
        .unwrap_or_else(|| panic!("no item {ident} in {:?}", idents(plan)))
}

fn variant_idents<'k>(kind: &'k ItemKind) -> Vec<&'k str> {
    match kind {
        ItemKind::Enum(vs, _) => vs.iter().map(|v| v.ident.as_str()).collect(),
        ItemKind::Const(v) => vec![v.ident.as_str()],
        ItemKind::Untagged(vs) => vs.iter().map(|v| v.ident.as_str()).collect(),
        _ => panic!("not an enum: {kind:?}"),
    }
}

#[test]
fn inline_types_are_hoisted_after_their_model() {
    let schema = schema([
        object(
            "pet",
            [
                required(
                    "status",
                    Type::Enum(vec![json!("sold"), json!("available")]),
                ),
                optional(
                    "tags",
                    Type::Array(Box::new(Type::Const(json!("cat")))),
                    false,
                ),
            ],
        ),
        object("zoo", [required("pet", reference("pet"))]),
    ]);
    let plan = plan(&schema, &Options::default());
    assert_eq!(idents(&plan), ["Pet", "PetStatus", "PetTagsItem", "Zoo"]);
    let status = item(&plan, "PetStatus");
    assert_eq!(
        (status.owner.as_str(), status.model.as_deref()),
        ("pet", None)
    );
    assert!(matches!(status.kind, ItemKind::Enum(..)));
    assert_eq!(variant_idents(&status.kind), ["Sold", "Available"]);
    // A const is a one-value enum that the open-enum option never opens.
    assert!(matches!(
        item(&plan, "PetTagsItem").kind,
        ItemKind::Const(_)
    ));
    let ItemKind::Struct { fields, .. } = &item(&plan, "Pet").kind else {
        panic!("Pet is a struct");
    };
    assert_eq!(fields[0].ty, hoisted_ref("PetStatus"));
    assert_eq!(
        fields[1].ty,
        Type::Array(Box::new(hoisted_ref("PetTagsItem")))
    );
    // `PetStatus` is a closed enum of strings: a `string_enum!` table.
    assert_eq!(
        plan.helpers,
        Helpers {
            structs: true,
            kinds: [true, false, true, false],
            enums: true,
            ..Helpers::default()
        }
    );
}

#[test]
fn enums_consts_and_unions_map_the_same_wherever_they_appear() {
    let members = || vec![Type::STRING, Type::Enum(vec![json!(1), json!(2)])];
    let schema = schema([
        alias("level", Type::Enum(vec![json!("low"), json!("high")])),
        alias("kind", Type::Const(json!("pet"))),
        alias("id", Type::Union(members())),
        union("key", members()),
        object("holder", [required("id", Type::Union(members()))]),
        alias("ids", Type::Array(Box::new(Type::Enum(vec![json!("a")])))),
    ]);
    let plan = plan(&schema, &Options::default());
    assert_eq!(
        idents(&plan),
        [
            "Holder",
            "HolderId2",
            "HolderId",
            "Id",
            "IdMember2",
            "Ids",
            "IdsInnerItem",
            "Key",
            "KeyMember2",
            "Kind",
            "Level",
        ]
    );
    // An alias model, a union model and a field's inline union: the same variants.
    for union in ["Id", "Key", "HolderId"] {
        let ItemKind::Untagged(variants) = &item(&plan, union).kind else {
            panic!("{union} is a union");
        };
        // The enum member goes first, hoisted as an item of its own.
        assert_eq!(variants[1].ident, "String", "{union}");
        assert!(as_hoisted(&variants[0].ident).is_none());
        assert!(
            matches!(&variants[0].ty, Type::Ref(r) if as_hoisted(r) == Some(&variants[0].ident))
        );
    }
    assert!(matches!(item(&plan, "Level").kind, ItemKind::Enum(..)));
    assert!(matches!(item(&plan, "Kind").kind, ItemKind::Const(_)));
    assert!(matches!(
        &item(&plan, "Ids").kind,
        ItemKind::Alias(Type::Array(inner)) if **inner == hoisted_ref("IdsInnerItem")
    ));
}

#[test]
fn only_direct_recursion_is_boxed() {
    let schema = schema([
        object(
            "node",
            [
                optional("parent", reference("node"), true),
                required("children", Type::Array(Box::new(reference("node")))),
                optional("owner", reference("tree"), false),
            ],
        ),
        object("tree", [required("root", reference("node"))]),
    ]);
    let plan = plan(&schema, &Options::default());
    let boxed = |ident: &str| -> Vec<(&str, bool)> {
        let ItemKind::Struct { fields, .. } = &item(&plan, ident).kind else {
            panic!("struct");
        };
        fields
            .iter()
            .map(|f| (f.field.wire_name.as_str(), f.boxed))
            .collect()
    };
    assert_eq!(
        boxed("Node"),
        [("parent", true), ("children", false), ("owner", true)]
    );
    assert_eq!(boxed("Tree"), [("root", true)]);
}

#[test]
fn union_members_are_tried_most_specific_first() {
    let schema = schema([
        object("small", [required("a", Type::STRING)]),
        object(
            "large",
            [required("a", Type::STRING), required("b", Type::STRING)],
        ),
        union(
            "any_of",
            [
                Type::STRING,
                Type::Map(Box::new(Type::Any)),
                reference("small"),
                Type::NUMBER,
                Type::INTEGER,
                reference("large"),
                Type::Array(Box::new(Type::Boolean)),
                Type::Const(json!(true)),
                Type::String(Some(Format::DateTime)),
            ],
        ),
    ]);
    let plan = plan(&schema, &Options::default());
    assert_eq!(
        variant_idents(&item(&plan, "AnyOf").kind),
        [
            "AnyOfMember8",
            "ArrayOfBoolean",
            "Large",
            "Small",
            "Integer",
            "Number",
            "String",
            "DateTime",
            "MapOfAny",
        ]
    );
}

#[test]
fn literal_variants_are_named_from_values_or_documented_names() {
    let mut named = enumeration("color", [json!("red"), json!("#fff")]);
    if let ModelKind::Enum(e) = &mut named.kind {
        e.values[1].name = Some("white".into());
    }
    let schema = schema([
        named,
        enumeration(
            "mixed",
            [
                json!(1),
                json!(-2.5),
                json!(null),
                json!(true),
                json!("1st"),
                json!("a"),
                json!("A"),
            ],
        ),
    ]);
    let plan = plan(&schema, &Options::default());
    assert_eq!(variant_idents(&item(&plan, "Color").kind), ["Red", "White"]);
    assert_eq!(
        variant_idents(&item(&plan, "Mixed").kind),
        ["V1", "V_2_5", "Null", "True", "V1st", "A", "A2"]
    );
}

#[test]
fn eq_hash_excludes_floats_maps_and_any_through_references() {
    let schema = schema([
        object("point", [required("x", Type::NUMBER)]),
        object("line", [required("from", reference("point"))]),
        object(
            "tree",
            [
                required("name", Type::STRING),
                required("kids", Type::Array(Box::new(reference("tree")))),
            ],
        ),
    ]);
    let options = Options {
        derive_default_eq_hash: true,
        ..Options::default()
    };
    let plan_with = plan(&schema, &options);
    assert_eq!(
        plan_with
            .eq_hash
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["Tree"]
    );
    assert!(plan(&schema, &Options::default()).eq_hash.is_empty());
}

#[test]
fn helpers_follow_the_fields_and_the_date_option() {
    let schema = schema([object(
        "event",
        [
            optional("at", Type::String(Some(Format::Date)), true),
            required("id", Type::STRING),
        ],
    )]);
    let plan_plain = plan(&schema, &Options::default());
    assert_eq!(
        plan_plain.helpers,
        Helpers {
            structs: true,
            kinds: [true, false, false, true],
            ..Helpers::default()
        }
    );
    // With schemars the struct keeps the derive and its `with` helpers.
    let derived = plan(
        &schema,
        &Options {
            schemars: true,
            ..Options::default()
        },
    );
    assert_eq!(
        derived.helpers,
        Helpers {
            double_option: true,
            ..Helpers::default()
        }
    );
    let options = Options {
        dates: DateMapping::Time,
        ..Options::default()
    };
    assert!(plan(&schema, &options).helpers.time);
}

#[test]
fn model_identifiers_are_unique_and_hoisted_names_avoid_them() {
    let schema = schema([
        object("user", [required("kind", Type::Enum(vec![json!("a")]))]),
        object("User", []),
        object("user_kind", []),
    ]);
    let ids = model_idents(&schema);
    assert_eq!(ids["User"], "User");
    assert_eq!(ids["user"], "User2");
    assert_eq!(ids["user_kind"], "UserKind");
    let plan = plan(&schema, &Options::default());
    // `User2.kind` is hoisted as `User2Kind`; a clash would get a suffix instead.
    assert!(idents(&plan).contains(&"User2Kind"));
}

#[test]
fn identical_items_become_aliases_of_the_first_until_nothing_changes() {
    let color = || [json!("red"), json!("green")];
    let schema = schema([
        enumeration("color", color()),
        enumeration("colour", color()),
        enumeration("shade", [json!("red")]),
        object("a", [required("c", reference("color"))]),
        // Same as `a` once `colour` is an alias of `color` (second round).
        object("b", [required("c", reference("colour"))]),
        // Same field, different wire name: stays.
        object("d", [required("k", reference("color"))]),
        // Inline enums hoist into `EInline`/`FInline`, both identical to `Color`.
        object("e", [required("inline", Type::Enum(color().to_vec()))]),
        object("f", [required("inline", Type::Enum(color().to_vec()))]),
    ]);
    let plan = plan(&schema, &Options::default());
    let same = |ident: &str| match &item(&plan, ident).kind {
        ItemKind::Same(target) => Some(target.clone()),
        _ => None,
    };
    assert_eq!(same("Colour").as_deref(), Some("Color"));
    assert_eq!(same("B").as_deref(), Some("A"));
    assert_eq!(same("F").as_deref(), Some("E"));
    assert_eq!(same("EInline").as_deref(), Some("Color"));
    assert_eq!(same("FInline").as_deref(), Some("Color"));
    for kept in ["Color", "Shade", "A", "D", "E"] {
        assert_eq!(same(kept), None, "{kept}");
    }
    // Options that could tell copies apart turn it off.
    let schemars = plan_with(
        &schema,
        Options {
            schemars: true,
            ..Options::default()
        },
    );
    assert!(!schemars
        .items
        .iter()
        .any(|i| matches!(i.kind, ItemKind::Same(_))));
}

fn plan_with(schema: &Schema, options: Options) -> Plan<'_> {
    plan(schema, &options)
}

#[test]
fn enum_variants_do_not_repeat_the_enum_name() {
    let named = |values: &[(&str, &str)]| {
        let mut m = enumeration("DepartmentStatus", []);
        if let crate::ir::ModelKind::Enum(e) = &mut m.kind {
            e.values = values
                .iter()
                .map(|(n, v)| crate::ir::EnumValue {
                    name: Some(n.to_string()),
                    value: json!(v),
                })
                .collect();
        }
        m
    };
    let s = schema([named(&[
        ("DEPARTMENT_STATUS_ACTIVE", "active"),
        ("DEPARTMENT_STATUS_INACTIVE", "inactive"),
    ])]);
    let planned = plan(&s, &Options::default());
    let status = item(&planned, "DepartmentStatus");
    assert_eq!(variant_idents(&status.kind), ["Active", "Inactive"]);
    let ItemKind::Enum(vs, _) = &status.kind else {
        unreachable!()
    };
    assert_eq!(vs[0].value, json!("active"), "wire values unchanged");
    // Not when a variant would be left empty or start with a digit.
    let s = schema([named(&[
        ("DepartmentStatus", "a"),
        ("DEPARTMENT_STATUS_1", "b"),
    ])]);
    let planned = plan(&s, &Options::default());
    assert_eq!(
        variant_idents(&item(&planned, "DepartmentStatus").kind),
        ["DepartmentStatus", "DepartmentStatus1"]
    );
}

#[test]
fn an_enum_its_doc_calls_open_is_open_without_the_option() {
    let mut m = enumeration("Strategy", [json!("ticket")]);
    if let crate::ir::ModelKind::Enum(e) = &mut m.kind {
        e.open = true;
    }
    let s = schema([m, enumeration("Closed", [json!("x")])]);
    let planned = plan(&s, &Options::default());
    assert!(matches!(
        item(&planned, "Strategy").kind,
        ItemKind::Enum(_, true)
    ));
    assert!(matches!(
        item(&planned, "Closed").kind,
        ItemKind::Enum(_, false)
    ));
    let text = crate::emit::rust::emit_file(&s, &Default::default());
    assert!(text.contains("Other(String)"), "{text}");
    assert_eq!(text.matches("Other(String)").count(), 1, "{text}");
    let schemas = crate::emit::json_schema::emit_documents(&s, &Default::default());
    let strategy = &schemas
        .iter()
        .find(|(n, _)| n == "Strategy.json")
        .expect("Strategy")
        .1;
    assert!(strategy.contains("anyOf"), "{strategy}");
}

#[test]
fn variants_drop_the_union_name_where_a_clean_identifier_is_left() {
    let schema = schema([
        object("output_sentinel", [required("a", Type::STRING)]),
        object("output_self", [required("b", Type::STRING)]),
        object("outputs", [required("c", Type::STRING)]),
        object("other", [required("d", Type::STRING)]),
        union(
            "output",
            [
                reference("output_sentinel"),
                reference("output_self"),
                reference("outputs"),
                reference("other"),
            ],
        ),
    ]);
    let plan = plan(&schema, &Options::default());
    let mut idents = variant_idents(&item(&plan, "Output").kind);
    idents.sort_unstable();
    assert_eq!(idents, ["Other", "OutputSelf", "Outputs", "Sentinel"]);
}
