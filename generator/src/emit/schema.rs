//! IR → JSON Schema fragments, shared by the OpenAPI 3.1 and JSON Schema 2020-12 emitters
//! (OpenAPI 3.1 schemas *are* 2020-12 schemas; only where `$ref`s point differs).
//!
//! Keys are inserted in a fixed order and `serde_json` keeps insertion order,
//! so output is byte-for-byte deterministic.

use serde_json::{json, Map, Value};

use crate::ir::{Field, Format, Model, ModelKind, Schema, Type};
use crate::options::Options;

/// Options that change what the schemas accept, kept in step with the Rust types.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SchemaOptions {
    /// Objects without declared additional properties get `additionalProperties: false`
    /// (the Rust side uses `#[serde(deny_unknown_fields)]`).
    pub closed_objects: bool,
    /// String enums accept any string (the Rust side has an `Other(String)` variant).
    pub open_enums: bool,
}

impl From<&Options> for SchemaOptions {
    fn from(o: &Options) -> Self {
        SchemaOptions {
            closed_objects: o.deny_unknown_fields,
            open_enums: o.open_enums,
        }
    }
}

/// Builds schema fragments; `ref_for` maps a model name to a `$ref` URI.
pub struct Builder<'a> {
    /// The schema being emitted (used to tell whether union members are disjoint).
    pub schema: &'a Schema,
    /// Makes the `$ref` value for a model name.
    pub ref_for: &'a (dyn Fn(&str) -> String + Sync),
    /// What the schemas accept beyond the docs' defaults.
    pub options: SchemaOptions,
}

impl Builder<'_> {
    /// The schema of a whole model (without `$schema`/`title`).
    pub fn model(&self, model: &Model) -> Map<String, Value> {
        let mut out = Map::new();
        if let Some(d) = &model.description {
            out.insert("description".into(), d.clone().into());
        }
        if model.deprecated {
            out.insert("deprecated".into(), true.into());
        }
        match &model.kind {
            ModelKind::Object(o) => {
                out.insert("type".into(), "object".into());
                let mut props = Map::new();
                for f in &o.fields {
                    props.insert(f.wire_name.clone(), Value::Object(self.field(f)));
                }
                out.insert("properties".into(), Value::Object(props));
                let required: Vec<Value> = o
                    .fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| Value::String(f.wire_name.clone()))
                    .collect();
                if !required.is_empty() {
                    out.insert("required".into(), Value::Array(required));
                }
                if let Some(extra) = &o.additional_properties {
                    out.insert("additionalProperties".into(), Value::Object(self.ty(extra)));
                } else if self.options.closed_objects {
                    out.insert("additionalProperties".into(), false.into());
                }
            }
            ModelKind::Enum(e) => {
                let values: Vec<Value> = e.values.iter().map(|v| v.value.clone()).collect();
                merge(&mut out, self.ty(&Type::Enum(values)));
            }
            ModelKind::Union(u) => merge(&mut out, self.ty(&Type::Union(u.members.clone()))),
            ModelKind::Alias { ty } => merge(&mut out, self.ty(ty)),
        }
        out
    }

    /// The schema of one property: its type, nullability and annotations.
    pub fn field(&self, f: &Field) -> Map<String, Value> {
        let ty = if f.nullable {
            Type::Nullable(Box::new(f.ty.clone()))
        } else {
            f.ty.clone()
        };
        let mut out = Map::new();
        let body = self.ty(&ty);
        let is_ref = body.contains_key("$ref");
        if let Some(d) = &f.description {
            out.insert("description".into(), d.clone().into());
        }
        if f.deprecated {
            out.insert("deprecated".into(), true.into());
        }
        if f.read_only {
            out.insert("readOnly".into(), true.into());
        }
        // Annotations next to `$ref` are allowed in 2020-12 / OpenAPI 3.1; put `$ref` first for readers.
        if is_ref {
            let mut first = body;
            first.extend(out);
            out = first;
        } else {
            out.extend(body);
        }
        if let Some(d) = &f.default {
            out.insert("default".into(), d.clone());
        }
        if !f.examples.is_empty() {
            out.insert("examples".into(), Value::Array(f.examples.clone()));
        }
        out
    }

    /// The schema of a type.
    pub fn ty(&self, t: &Type) -> Map<String, Value> {
        let mut out = Map::new();
        match t {
            Type::String(f) => scalar(&mut out, "string", *f),
            Type::Integer(f) => scalar(&mut out, "integer", *f),
            Type::Number(f) => scalar(&mut out, "number", *f),
            Type::Boolean => scalar(&mut out, "boolean", None),
            Type::Any => {}
            Type::Array(item) => {
                out.insert("type".into(), "array".into());
                out.insert("items".into(), Value::Object(self.ty(item)));
            }
            Type::Map(value) => {
                out.insert("type".into(), "object".into());
                out.insert("additionalProperties".into(), Value::Object(self.ty(value)));
            }
            Type::Ref(name) => {
                out.insert("$ref".into(), (self.ref_for)(name).into());
            }
            Type::Enum(values)
                if self.options.open_enums && values.iter().all(Value::is_string) =>
            {
                // Known values first (for readers and tools), then any string.
                let known = json!({ "type": "string", "enum": values });
                out.insert("anyOf".into(), json!([known, { "type": "string" }]));
            }
            Type::Enum(values) => {
                if let Some(ty) = common_json_type(values) {
                    out.insert("type".into(), ty.into());
                }
                out.insert("enum".into(), Value::Array(values.clone()));
            }
            Type::Const(v) => {
                if let Some(ty) = common_json_type(std::slice::from_ref(v)) {
                    out.insert("type".into(), ty.into());
                }
                out.insert("const".into(), v.clone());
            }
            Type::Union(members) => {
                let keyword = if self.disjoint(members) {
                    "oneOf"
                } else {
                    "anyOf"
                };
                let members: Vec<Value> =
                    members.iter().map(|m| Value::Object(self.ty(m))).collect();
                out.insert(keyword.into(), Value::Array(members));
            }
            Type::Nullable(inner) => return self.nullable(inner),
        }
        out
    }

    fn nullable(&self, inner: &Type) -> Map<String, Value> {
        let mut out = self.ty(inner);
        if *inner == Type::Any {
            return out;
        }
        let composite = ["$ref", "anyOf", "oneOf"]
            .iter()
            .any(|k| out.contains_key(*k));
        let simple_type = match out.get("type") {
            Some(Value::String(s)) if !composite => Some(s.clone()),
            _ => None,
        };
        let Some(ty) = simple_type else {
            let mut wrapped = Map::new();
            wrapped.insert(
                "anyOf".into(),
                json!([Value::Object(out), {"type": "null"}]),
            );
            return wrapped;
        };
        out.insert("type".into(), json!([ty, "null"]));
        if let Some(Value::Array(values)) = out.get_mut("enum") {
            values.push(Value::Null);
        }
        if let Some(c) = out.remove("const") {
            out.insert("enum".into(), json!([c, null]));
        }
        out
    }

    /// Whether no JSON value can match two members (then `oneOf` and `anyOf` agree).
    fn disjoint(&self, members: &[Type]) -> bool {
        let kinds: Vec<Option<&'static str>> = members.iter().map(|m| self.json_kind(m)).collect();
        if kinds.iter().any(Option::is_none) {
            return false;
        }
        let mut seen = std::collections::HashSet::new();
        kinds.iter().all(|k| seen.insert(k.expect("checked")))
    }

    /// The single JSON kind a type's values have (integer counted as number), if it has one.
    fn json_kind(&self, t: &Type) -> Option<&'static str> {
        match t {
            Type::String(_) => Some("string"),
            Type::Integer(_) | Type::Number(_) => Some("number"),
            Type::Boolean => Some("boolean"),
            Type::Array(_) => Some("array"),
            Type::Map(_) => Some("object"),
            Type::Ref(name) => match &self.schema.model(name)?.kind {
                ModelKind::Object(_) => Some("object"),
                ModelKind::Enum(e) => {
                    let values: Vec<Value> = e.values.iter().map(|v| v.value.clone()).collect();
                    common_json_type(&values).map(|t| if t == "integer" { "number" } else { t })
                }
                ModelKind::Alias { ty } => self.json_kind(ty),
                ModelKind::Union(_) => None,
            },
            Type::Enum(values) => {
                common_json_type(values).map(|t| if t == "integer" { "number" } else { t })
            }
            Type::Const(v) => common_json_type(std::slice::from_ref(v)).map(|t| {
                if t == "integer" {
                    "number"
                } else {
                    t
                }
            }),
            Type::Any | Type::Union(_) | Type::Nullable(_) => None,
        }
    }
}

fn scalar(out: &mut Map<String, Value>, ty: &str, format: Option<Format>) {
    out.insert("type".into(), ty.into());
    if let Some(f) = format {
        out.insert("format".into(), f.as_str().into());
    }
}

/// The JSON type all values share, if any.
fn common_json_type(values: &[Value]) -> Option<&'static str> {
    let kind = |v: &Value| match v {
        Value::String(_) => Some("string"),
        Value::Bool(_) => Some("boolean"),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some("integer"),
        Value::Number(_) => Some("number"),
        _ => None,
    };
    let first = kind(values.first()?)?;
    values
        .iter()
        .all(|v| kind(v) == Some(first))
        .then_some(first)
}

fn merge(out: &mut Map<String, Value>, other: Map<String, Value>) {
    out.extend(other);
}
