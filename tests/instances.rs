//! JSON instances generated from the IR as proptest strategies: valid instances of
//! a model, and mutated ones (a missing required key, `null` in a non-nullable
//! field, a wrong scalar type, a value outside an enum, the same errors nested in
//! arrays, maps and referenced models).
//!
//! "Valid" means valid by construction for the usual cases; the differential tests
//! never trust the label, they compare the Rust verdict with the JSON Schema verdict.

use std::cell::RefCell;
use std::collections::HashMap;

use modeldoc::ir::{Field, Format, ModelKind, Schema, Type};
use proptest::prelude::*;
use proptest::strategy::Union;
use serde_json::{json, Map, Value};

/// References are followed this deep with optional parts filled in; below it only
/// required parts are generated, and past twice this depth generation stops with `null`.
const MAX_DEPTH: usize = 3;

/// Builds instance strategies for the models of one schema (memoized per model and depth).
pub struct Instances<'a> {
    schema: &'a Schema,
    valid: RefCell<HashMap<(String, usize), BoxedStrategy<Value>>>,
    invalid: RefCell<HashMap<(String, usize), BoxedStrategy<Value>>>,
}

impl<'a> Instances<'a> {
    /// Strategies for the models of `schema`.
    pub fn new(schema: &'a Schema) -> Self {
        Instances {
            schema,
            valid: RefCell::default(),
            invalid: RefCell::default(),
        }
    }

    /// Valid and mutated instances of a model, about half each.
    pub fn any(&self, model: &str) -> BoxedStrategy<Value> {
        prop_oneof![self.valid_model(model, 0), self.invalid_model(model, 0)].boxed()
    }

    /// Instances of a model that are valid by construction.
    pub fn valid_model(&self, name: &str, depth: usize) -> BoxedStrategy<Value> {
        let key = (name.to_string(), depth);
        if let Some(s) = self.valid.borrow().get(&key) {
            return s.clone();
        }
        let strategy = self.build_valid_model(name, depth);
        self.valid.borrow_mut().insert(key, strategy.clone());
        strategy
    }

    /// Instances of a model with one error somewhere (possibly nested).
    pub fn invalid_model(&self, name: &str, depth: usize) -> BoxedStrategy<Value> {
        let key = (name.to_string(), depth);
        if let Some(s) = self.invalid.borrow().get(&key) {
            return s.clone();
        }
        let strategy = self.build_invalid_model(name, depth);
        self.invalid.borrow_mut().insert(key, strategy.clone());
        strategy
    }

    fn build_valid_model(&self, name: &str, depth: usize) -> BoxedStrategy<Value> {
        let Some(model) = self.schema.model(name) else {
            return any_json();
        };
        if depth > 2 * MAX_DEPTH {
            return Just(Value::Null).boxed();
        }
        match &model.kind {
            ModelKind::Object(o) => {
                let fields: Vec<BoxedStrategy<Option<(String, Value)>>> = o
                    .fields
                    .iter()
                    .map(|f| self.valid_field(f, depth))
                    .collect();
                let extra = match &o.additional_properties {
                    Some(t) if depth < MAX_DEPTH => {
                        prop::collection::btree_map("x-[a-z]{1,3}", self.valid(t, depth), 0..3)
                            .boxed()
                    }
                    _ => Just(Default::default()).boxed(),
                };
                (fields, extra)
                    .prop_map(|(fields, extra)| {
                        let mut object: Map<String, Value> = fields.into_iter().flatten().collect();
                        for (k, v) in extra {
                            object.entry(k).or_insert(v);
                        }
                        Value::Object(object)
                    })
                    .boxed()
            }
            ModelKind::Enum(e) => {
                let values: Vec<Value> = e.values.iter().map(|v| v.value.clone()).collect();
                select_or_null(values)
            }
            ModelKind::Union(u) => self.valid(&Type::Union(u.members.clone()), depth),
            ModelKind::Alias { ty } => self.valid(ty, depth),
        }
    }

    /// A field's key and value, or `None` when an optional field is left out.
    fn valid_field(&self, f: &Field, depth: usize) -> BoxedStrategy<Option<(String, Value)>> {
        let value = if f.nullable {
            prop_oneof![1 => Just(Value::Null), 3 => self.valid(&f.ty, depth)].boxed()
        } else {
            self.valid(&f.ty, depth)
        };
        let key = f.wire_name.clone();
        if f.required {
            value.prop_map(move |v| Some((key.clone(), v))).boxed()
        } else if depth >= MAX_DEPTH {
            Just(None).boxed()
        } else {
            prop::option::of(value.prop_map(move |v| (key.clone(), v))).boxed()
        }
    }

    /// Values valid for a type.
    pub fn valid(&self, t: &Type, depth: usize) -> BoxedStrategy<Value> {
        let shallow = depth < MAX_DEPTH;
        match t {
            Type::String(format) => string(*format),
            Type::Integer(Some(Format::Int32)) => any::<i32>().prop_map(Value::from).boxed(),
            Type::Integer(_) => any::<i64>().prop_map(Value::from).boxed(),
            Type::Number(_) => number(),
            Type::Boolean => any::<bool>().prop_map(Value::from).boxed(),
            // A schema never holds a pending reference; it would mean any JSON value.
            Type::Any | Type::Pending(_) => any_json(),
            Type::Array(item) => {
                let len = if shallow { 0..3 } else { 0..1 };
                prop::collection::vec(self.valid(item, depth + 1), len)
                    .prop_map(Value::Array)
                    .boxed()
            }
            Type::Map(value) => {
                let len = if shallow { 0..3 } else { 0..1 };
                prop::collection::btree_map("[a-z]{1,3}", self.valid(value, depth + 1), len)
                    .prop_map(|m| Value::Object(m.into_iter().collect()))
                    .boxed()
            }
            Type::Ref(name) => self.valid_model(name, depth + 1),
            Type::Enum(values) => select_or_null(values.clone()),
            Type::Const(v) => Just(v.clone()).boxed(),
            Type::Union(members) if members.is_empty() => any_json(),
            Type::Union(members) => {
                Union::new(members.iter().map(|m| self.valid(m, depth))).boxed()
            }
            Type::Nullable(inner) => {
                prop_oneof![1 => Just(Value::Null), 3 => self.valid(inner, depth)].boxed()
            }
        }
    }

    fn build_invalid_model(&self, name: &str, depth: usize) -> BoxedStrategy<Value> {
        let Some(model) = self.schema.model(name) else {
            return any_json();
        };
        if depth > MAX_DEPTH {
            return wrong_kind_for_struct();
        }
        match &model.kind {
            ModelKind::Object(o) => {
                let base = self.valid_model(name, depth);
                let mut mutations: Vec<BoxedStrategy<Value>> = vec![wrong_kind_for_struct()];
                for f in &o.fields {
                    let key = f.wire_name.clone();
                    if f.required {
                        let k = key.clone();
                        mutations.push(
                            base.clone()
                                .prop_map(move |mut v| {
                                    v.as_object_mut().map(|o| o.shift_remove(&k));
                                    v
                                })
                                .boxed(),
                        );
                    }
                    if !f.nullable {
                        let k = key.clone();
                        mutations.push(
                            base.clone()
                                .prop_map(move |mut v| {
                                    v.as_object_mut().map(|o| o.insert(k.clone(), Value::Null));
                                    v
                                })
                                .boxed(),
                        );
                    }
                    mutations.push(
                        (base.clone(), self.invalid(&f.ty, depth))
                            .prop_map(move |(mut v, bad)| {
                                v.as_object_mut().map(|o| o.insert(key.clone(), bad));
                                v
                            })
                            .boxed(),
                    );
                }
                if let Some(t) = &o.additional_properties {
                    mutations.push(
                        (base.clone(), self.invalid(t, depth))
                            .prop_map(|(mut v, bad)| {
                                v.as_object_mut().map(|o| o.insert("x-extra".into(), bad));
                                v
                            })
                            .boxed(),
                    );
                }
                Union::new(mutations).boxed()
            }
            ModelKind::Enum(e) => {
                let values: Vec<Value> = e.values.iter().map(|v| v.value.clone()).collect();
                self.invalid(&Type::Enum(values), depth)
            }
            ModelKind::Union(u) => self.invalid(&Type::Union(u.members.clone()), depth),
            ModelKind::Alias { ty } => self.invalid(ty, depth),
        }
    }

    /// Values that break a type (for `Any`, which nothing breaks, any value).
    pub fn invalid(&self, t: &Type, depth: usize) -> BoxedStrategy<Value> {
        match t {
            Type::String(_) => wrong_kind("string"),
            Type::Integer(_) => prop_oneof![wrong_kind("integer"), Just(json!(1.5))].boxed(),
            Type::Number(_) => wrong_kind("number"),
            Type::Boolean => wrong_kind("boolean"),
            Type::Any | Type::Pending(_) => any_json(),
            Type::Array(item) => prop_oneof![
                wrong_kind("array"),
                self.invalid(item, depth + 1)
                    .prop_map(|bad| Value::Array(vec![bad]))
            ]
            .boxed(),
            Type::Map(value) => prop_oneof![
                wrong_kind("object"),
                self.invalid(value, depth + 1)
                    .prop_map(|bad| json!({ "k": bad }))
            ]
            .boxed(),
            Type::Ref(name) => self.invalid_model(name, depth + 1),
            Type::Enum(values) => not_one_of(values.clone()),
            Type::Const(v) => not_one_of(vec![v.clone()]),
            Type::Union(members) if members.is_empty() => any_json(),
            Type::Union(members) => {
                Union::new(members.iter().map(|m| self.invalid(m, depth))).boxed()
            }
            Type::Nullable(inner) => self.invalid(inner, depth),
        }
    }
}

/// Strings, shaped by format where the format has a shape (JSON Schema 2020-12
/// does not assert formats by default, and neither do the Rust types).
fn string(format: Option<Format>) -> BoxedStrategy<Value> {
    let pattern = match format {
        Some(Format::Date) => "20[0-9]{2}-0[1-9]-[12][0-9]",
        Some(Format::DateTime) => "20[0-9]{2}-0[1-9]-[12][0-9]T[01][0-9]:[0-5][0-9]:00Z",
        _ => "\\PC{0,6}",
    };
    pattern.prop_map(Value::String).boxed()
}

/// Numbers: integers and finite floats.
fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<i32>().prop_map(Value::from),
        (-1.0e9..1.0e9f64).prop_map(Value::from),
    ]
    .boxed()
}

/// Small arbitrary JSON.
pub fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[a-z]{0,4}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 6, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,2}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// One of the values (an empty enum accepts nothing: generate `null`).
fn select_or_null(values: Vec<Value>) -> BoxedStrategy<Value> {
    if values.is_empty() {
        Just(Value::Null).boxed()
    } else {
        prop::sample::select(values).boxed()
    }
}

/// Values that are not objects, for a generated struct: arrays are left out by design,
/// since serde's derived struct impls also read a JSON array by position (listed in
/// ARCHITECTURE.md and pinned by `structs_accept_arrays_by_position`).
fn wrong_kind_for_struct() -> BoxedStrategy<Value> {
    let others = vec![
        json!("text"),
        json!(7),
        json!(2.5),
        json!(true),
        Value::Null,
    ];
    prop::sample::select(others).boxed()
}

/// JSON values of every kind except `kind` (`null` included).
fn wrong_kind(kind: &str) -> BoxedStrategy<Value> {
    let all = [
        ("string", json!("text")),
        ("integer", json!(7)),
        ("number", json!(2.5)),
        ("boolean", json!(true)),
        ("array", json!([])),
        ("object", json!({})),
        ("null", Value::Null),
    ];
    let others: Vec<Value> = all
        .into_iter()
        .filter(|(k, _)| *k != kind && !(kind == "number" && *k == "integer"))
        .filter(|(k, _)| !(kind == "integer" && *k == "number"))
        .map(|(_, v)| v)
        .collect();
    prop::sample::select(others).boxed()
}

/// Values outside a set of literals: a foreign string, number and boolean.
fn not_one_of(values: Vec<Value>) -> BoxedStrategy<Value> {
    let candidates: Vec<Value> = [json!("zz-not-a-member"), json!(987654), json!(false)]
        .into_iter()
        .filter(|c| !values.contains(c))
        .collect();
    prop::sample::select(candidates).boxed()
}

/// JSON equality where numbers compare by value (`1` equals `1.0`): an `f64`
/// field writes back a JSON integer as a float.
pub fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// Whether `back` is `instance` with some object keys left out, at any depth (what
/// an untagged union of open objects does when an earlier member also matches).
pub fn same_json_but_dropped_keys(back: &Value, instance: &Value) -> bool {
    match (back, instance) {
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(x, y)| same_json_but_dropped_keys(x, y))
        }
        (Value::Object(x), Value::Object(y)) => x
            .iter()
            .all(|(k, v)| y.get(k).is_some_and(|w| same_json_but_dropped_keys(v, w))),
        _ => same_json(back, instance),
    }
}

/// Whether a model reaches a union with two or more object members (refs to object models)
/// or two or more arrays of them.
pub fn reaches_object_union(schema: &Schema, model: &str) -> bool {
    let is_object = |t: &Type| match t {
        Type::Ref(name) => matches!(
            schema.model(name).map(|m| &m.kind),
            Some(ModelKind::Object(_))
        ),
        _ => false,
    };
    let array_of_objects = |t: &Type| matches!(t, Type::Array(item) if is_object(item));
    // Two object members, or two arrays of objects: a member that reads the value may
    // drop keys another member declares (the Rust union picks by keys, not by a verdict).
    let object_union = |members: &[Type]| {
        members.iter().filter(|m| is_object(m)).count() >= 2
            || members.iter().filter(|m| array_of_objects(m)).count() >= 2
    };
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![model.to_string()];
    while let Some(name) = stack.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let Some(m) = schema.model(&name) else {
            continue;
        };
        if let ModelKind::Union(u) = &m.kind {
            if object_union(&u.members) {
                return true;
            }
        }
        let mut found = false;
        modeldoc::ir::for_each_type(m, |t| {
            t.visit(&mut |t| {
                if let Type::Union(members) = t {
                    found |= object_union(members);
                }
            })
        });
        if found {
            return true;
        }
        stack.extend(m.refs().into_iter().map(String::from));
    }
    false
}
