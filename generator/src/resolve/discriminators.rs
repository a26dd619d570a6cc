//! Discriminated unions: a union whose members each have the same property, typed as a
//! distinct single value, is tagged by that property ([`Discriminator`]). A tag every
//! member requires wins over one some members leave optional.
//!
//! The docs never say "discriminator"; they show it. Speakeasy renders every member of
//! a tagged union with a required `type` whose type is a one-value enum
//! (`OutputSentinelType` = `sentinel`), openapi-generator with a const. A member that is
//! itself a union tagged by the same property contributes each of its values. Runs
//! after wire names are settled: the tag is a wire name.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::{Discriminator, ModelKind, Schema, Type};

/// Records the discriminator of every union whose members show one, with one note each.
pub(crate) fn infer(schema: &mut Schema, diags: &mut Diagnostics) {
    let mut found: BTreeMap<usize, Discriminator> = BTreeMap::new();
    // Every tag each union could take, in order of preference.
    let mut candidates: BTreeMap<usize, Vec<Discriminator>> = BTreeMap::new();
    // A union member that is a union on the same tag must be settled first: repeat
    // until nothing changes (nesting is shallow; each pass is linear).
    loop {
        let before = found.len();
        for (i, model) in schema.models.iter().enumerate() {
            if found.contains_key(&i) {
                continue;
            }
            let ModelKind::Union(u) = &model.kind else {
                continue;
            };
            let all = discriminators(schema, &found, &u.members);
            if let Some(d) = all.first() {
                found.insert(i, d.clone());
                candidates.insert(i, all);
            }
        }
        if found.len() == before {
            break;
        }
    }
    prefer_the_doc_sets_tag(&mut found, &candidates);
    for (i, d) in found {
        let model = &mut schema.models[i];
        diags.push(
            Diagnostic::note(
                model.span.clone(),
                format!(
                    "union `{}` is tagged by `{}`: each member has it with its own value",
                    model.name, d.property
                ),
            )
            .with_hint("the member is chosen by the tag's value (OpenAPI `discriminator`)"),
        );
        if let ModelKind::Union(u) = &mut model.kind {
            u.discriminator = Some(d);
        }
    }
}

/// Where a union could be tagged by several properties (`object` and `strategy`), the one
/// most unions of the doc set are tagged by: an API names its tags one way.
fn prefer_the_doc_sets_tag(
    found: &mut BTreeMap<usize, Discriminator>,
    candidates: &BTreeMap<usize, Vec<Discriminator>>,
) {
    let mut uses: BTreeMap<String, usize> = BTreeMap::new();
    for d in found.values() {
        *uses.entry(d.property.clone()).or_default() += 1;
    }
    for (i, all) in candidates {
        let count = |d: &Discriminator| uses.get(&d.property).copied().unwrap_or(0);
        // The first of the most used (`max_by_key` keeps the last of equals).
        let Some(best) = all.iter().rev().max_by_key(|d| count(d)) else {
            continue;
        };
        if found.get(i).is_some_and(|d| count(best) > count(d)) {
            found.insert(*i, best.clone());
        }
    }
}

/// The tags shared by `members`, in order of preference (required in every member
/// first): properties every member has with its own single value, no two members sharing
/// a value.
fn discriminators(
    schema: &Schema,
    found: &BTreeMap<usize, Discriminator>,
    members: &[Type],
) -> Vec<Discriminator> {
    if members.len() < 2 {
        return Vec::new();
    }
    let Some(first) = object_of(schema, &members[0]) else {
        return Vec::new();
    };
    // A tag every member requires first; then one some members leave optional (the
    // docs show it in every member, the value still names the member when present).
    let candidates = |required: bool| {
        first
            .fields
            .iter()
            .filter(move |f| f.required == required && !f.nullable)
    };
    candidates(true)
        .chain(candidates(false))
        .filter_map(|f| tagged_by(schema, found, members, &f.wire_name))
        .collect()
}

/// The mapping of `members` on `property`, when it is a tag of every member.
fn tagged_by(
    schema: &Schema,
    found: &BTreeMap<usize, Discriminator>,
    members: &[Type],
    property: &str,
) -> Option<Discriminator> {
    let mut mapping: Vec<(String, usize)> = Vec::new();
    for (i, member) in members.iter().enumerate() {
        let values = tag_values(schema, found, member, property)?;
        for value in values {
            if mapping.iter().any(|(v, _)| *v == value) {
                return None;
            }
            mapping.push((value, i));
        }
    }
    Some(Discriminator {
        property: property.to_string(),
        mapping,
    })
}

/// The values `property` can take in `member`: one for an object whose non-null field
/// of that name is a single string; for a union member, every value its
/// members take (each of them must carry the tag).
fn tag_values(
    schema: &Schema,
    found: &BTreeMap<usize, Discriminator>,
    member: &Type,
    property: &str,
) -> Option<Vec<String>> {
    let Type::Ref(name) = member else {
        return None;
    };
    let index = schema.model_index(name)?;
    match &schema.models[index].kind {
        ModelKind::Object(o) => {
            let field = o.fields.iter().find(|f| f.wire_name == property)?;
            if field.nullable {
                return None;
            }
            single_string(schema, &field.ty).map(|v| vec![v])
        }
        ModelKind::Union(u) => {
            if let Some(d) = found.get(&index).filter(|d| d.property == property) {
                return Some(d.mapping.iter().map(|(v, _)| v.clone()).collect());
            }
            // Members that share a value (told apart by something else) still each
            // carry the tag: the union as a whole takes their values.
            let mut values = Vec::new();
            for m in &u.members {
                for v in tag_values(schema, found, m, property)? {
                    if !values.contains(&v) {
                        values.push(v);
                    }
                }
            }
            Some(values)
        }
        _ => None,
    }
}

/// The one string a type allows: a string const, a one-value enum, or a reference to a
/// one-value enum model.
fn single_string(schema: &Schema, ty: &Type) -> Option<String> {
    let one = |values: &mut dyn Iterator<Item = &serde_json::Value>| {
        let first = values.next()?.as_str()?.to_string();
        values.next().is_none().then_some(first)
    };
    match ty {
        Type::Const(v) => v.as_str().map(str::to_string),
        Type::Enum(values) => one(&mut values.iter()),
        Type::Ref(name) => match &schema.model(name)?.kind {
            ModelKind::Enum(e) => one(&mut e.values.iter().map(|v| &v.value)),
            ModelKind::Alias { ty } => single_string(schema, ty),
            _ => None,
        },
        _ => None,
    }
}

/// The object model a member refers to.
fn object_of<'s>(schema: &'s Schema, member: &Type) -> Option<&'s crate::ir::Object> {
    let Type::Ref(name) = member else {
        return None;
    };
    match &schema.model(name)?.kind {
        ModelKind::Object(o) => Some(o),
        ModelKind::Union(u) => u.members.first().and_then(|m| object_of(schema, m)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_values::{field, object};
    use crate::ir::{Enum, EnumValue, Field, Model, Union};

    fn model(name: &str, kind: ModelKind) -> Model {
        let mut m = object(name, Vec::new());
        m.kind = kind;
        m
    }

    fn one_value_enum(name: &str, value: &str) -> Model {
        model(
            name,
            ModelKind::Enum(Enum {
                values: vec![EnumValue {
                    name: None,
                    value: value.into(),
                }],
                open: false,
                value_type_unstated: false,
            }),
        )
    }

    fn union(name: &str, members: &[&str]) -> Model {
        let members = members.iter().map(|m| Type::Ref(m.to_string())).collect();
        model(name, ModelKind::Union(Union::new(members)))
    }

    fn schema(models: Vec<Model>) -> Schema {
        let mut s = Schema { models };
        s.sort();
        s
    }

    fn tag(of: &str) -> Field {
        field("type", Type::Ref(of.into()), true)
    }

    fn discriminator_of(schema: &Schema, name: &str) -> Option<Discriminator> {
        match &schema.model(name)?.kind {
            ModelKind::Union(u) => u.discriminator.clone(),
            _ => None,
        }
    }

    #[test]
    fn one_value_enum_tags_make_a_discriminated_union() {
        let mut s = schema(vec![
            union("Output", &["OutputA", "OutputB"]),
            object(
                "OutputA",
                vec![field("id", Type::String(None), true), tag("OutputAType")],
            ),
            object("OutputB", vec![tag("OutputBType")]),
            one_value_enum("OutputAType", "a"),
            one_value_enum("OutputBType", "b"),
        ]);
        let mut diags = Diagnostics::default();
        infer(&mut s, &mut diags);
        let d = discriminator_of(&s, "Output").expect("tagged");
        assert_eq!(d.property, "type");
        assert_eq!(d.mapping, [("a".to_string(), 0), ("b".to_string(), 1)]);
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn consts_and_nested_unions_on_the_same_tag() {
        let konst = |v: &str| field("kind", Type::Const(v.into()), true);
        let mut s = schema(vec![
            union("Outer", &["Inner", "C"]),
            union("Inner", &["A", "B"]),
            object("A", vec![konst("a")]),
            object("B", vec![konst("b")]),
            object("C", vec![konst("c")]),
        ]);
        infer(&mut s, &mut Diagnostics::default());
        let d = discriminator_of(&s, "Outer").expect("tagged");
        assert_eq!(
            d.mapping,
            [
                ("a".to_string(), 0),
                ("b".to_string(), 0),
                ("c".to_string(), 1)
            ]
        );
    }

    #[test]
    fn a_member_union_whose_members_share_the_value_takes_it() {
        let mut s = schema(vec![
            union("Output", &["WebhookUnion", "C"]),
            union("WebhookUnion", &["W1", "W2"]),
            object(
                "W1",
                vec![tag("WT"), field("url", Type::String(None), true)],
            ),
            object(
                "W2",
                vec![tag("WT"), field("urls", Type::String(None), true)],
            ),
            object("C", vec![tag("CT")]),
            one_value_enum("WT", "webhook"),
            one_value_enum("CT", "c"),
        ]);
        infer(&mut s, &mut Diagnostics::default());
        assert_eq!(discriminator_of(&s, "WebhookUnion"), None);
        let d = discriminator_of(&s, "Output").expect("tagged");
        assert_eq!(
            d.mapping,
            [("webhook".to_string(), 0), ("c".to_string(), 1)]
        );
    }

    #[test]
    fn a_required_tag_wins_over_an_optional_one() {
        let mut s = schema(vec![
            union("V", &["A", "B"]),
            object(
                "A",
                vec![
                    field("object", Type::Const("a".into()), false),
                    field("strategy", Type::Const("x".into()), true),
                ],
            ),
            object(
                "B",
                vec![
                    field("object", Type::Const("b".into()), false),
                    field("strategy", Type::Const("y".into()), true),
                ],
            ),
            union("W", &["C", "D"]),
            object("C", vec![field("object", Type::Const("c".into()), false)]),
            object("D", vec![field("object", Type::Const("d".into()), true)]),
        ]);
        infer(&mut s, &mut Diagnostics::default());
        assert_eq!(discriminator_of(&s, "V").unwrap().property, "strategy");
        assert_eq!(discriminator_of(&s, "W").unwrap().property, "object");
    }

    #[test]
    fn the_tag_most_unions_use_wins_where_several_could() {
        let both = |o: &str, st: &str| {
            vec![
                field("object", Type::Const(o.into()), false),
                field("strategy", Type::Const(st.into()), true),
            ]
        };
        let only = |o: &str| vec![field("object", Type::Const(o.into()), true)];
        let mut s = schema(vec![
            union("V", &["A", "B"]),
            object("A", both("a", "x")),
            object("B", both("b", "y")),
            union("W", &["C", "D"]),
            object("C", only("c")),
            object("D", only("d")),
            union("X", &["E", "F"]),
            object("E", only("e")),
            object("F", only("f")),
        ]);
        infer(&mut s, &mut Diagnostics::default());
        assert_eq!(discriminator_of(&s, "V").unwrap().property, "object");
    }

    #[test]
    fn no_tag_is_invented() {
        let mut s = schema(vec![
            // Shared value: not a tag.
            union("Same", &["A", "B"]),
            object("A", vec![tag("T")]),
            object("B", vec![tag("T")]),
            one_value_enum("T", "x"),
            // A member without the property: not a tag.
            union("Loose", &["C", "D"]),
            object("C", vec![tag("CT")]),
            object("D", vec![field("kind", Type::Ref("DT".into()), true)]),
            one_value_enum("CT", "c"),
            one_value_enum("DT", "d"),
            // A member that is no object: not a tag.
            model(
                "Mixed",
                ModelKind::Union(Union::new(vec![Type::Ref("C".into()), Type::String(None)])),
            ),
        ]);
        infer(&mut s, &mut Diagnostics::default());
        for name in ["Same", "Loose", "Mixed"] {
            assert_eq!(discriminator_of(&s, name), None, "{name}");
        }
    }
}
