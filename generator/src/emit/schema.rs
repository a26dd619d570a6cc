//! IR → JSON Schema fragments, shared by the OpenAPI 3.1 and JSON Schema 2020-12 emitters
//! (OpenAPI 3.1 schemas *are* 2020-12 schemas; only where `$ref`s point differs).
//!
//! The fragments are views that borrow the IR and implement [`Serialize`]: serializing
//! one writes its JSON directly (no intermediate `serde_json::Value`), and
//! `serde_json::to_value` turns it into a value. Members are written in a fixed order,
//! so output is byte-for-byte deterministic.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use crate::ir::{Discriminator, EnumValue, Field, Format, Model, ModelKind, Schema, Type};
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
    /// Writing OpenAPI: tagged unions also get OpenAPI's `discriminator` keyword.
    pub openapi: bool,
}

impl Builder<'_> {
    /// The schema of a whole model (without `$schema`/`title`).
    pub fn model<'s>(&'s self, model: &'s Model) -> ModelSchema<'s> {
        ModelSchema {
            builder: self,
            model,
        }
    }

    /// The schema of one property: its type, nullability and annotations.
    pub fn field<'s>(&'s self, field: &'s Field) -> FieldSchema<'s> {
        FieldSchema {
            builder: self,
            field,
        }
    }

    /// The schema of a type.
    pub fn ty<'s>(&'s self, ty: &'s Type) -> TypeSchema<'s> {
        TypeSchema {
            builder: self,
            ty,
            null: false,
        }
    }
}

/// The schema of a model, from [`Builder::model`].
#[derive(Clone, Copy)]
pub struct ModelSchema<'s> {
    builder: &'s Builder<'s>,
    model: &'s Model,
}

impl ModelSchema<'_> {
    /// Writes the schema's members into an enclosing object being serialized.
    pub(crate) fn flatten_into<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        self.members(map)
    }
}

/// The schema of a property, from [`Builder::field`].
#[derive(Clone, Copy)]
pub struct FieldSchema<'s> {
    builder: &'s Builder<'s>,
    field: &'s Field,
}

/// The schema of a type, from [`Builder::ty`]; `null` adds `null` to what it accepts.
#[derive(Clone, Copy)]
pub struct TypeSchema<'s> {
    builder: &'s Builder<'s>,
    ty: &'s Type,
    null: bool,
}

/// Writes the members of a JSON object into a map being serialized, so that
/// fragments can be merged into an enclosing object.
trait Members {
    fn members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

/// Serializes a [`Members`] implementor as a JSON object.
macro_rules! serialize_as_object {
    ($($t:ident),*) => {$(
        impl Serialize for $t<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                self.members(&mut map)?;
                map.end()
            }
        }
    )*};
}

serialize_as_object!(ModelSchema, FieldSchema, TypeSchema, Properties, OpenEnum);

impl Members for ModelSchema<'_> {
    fn members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let (b, model) = (self.builder, self.model);
        if let Some(d) = &model.description {
            map.serialize_entry("description", d)?;
        }
        if model.deprecated {
            map.serialize_entry("deprecated", &true)?;
        }
        match &model.kind {
            ModelKind::Object(o) => {
                map.serialize_entry("type", "object")?;
                map.serialize_entry(
                    "properties",
                    &Properties {
                        builder: b,
                        fields: &o.fields,
                    },
                )?;
                if o.fields.iter().any(|f| f.required) {
                    map.serialize_entry("required", &Required(&o.fields))?;
                }
                if let Some(extra) = &o.additional_properties {
                    map.serialize_entry("additionalProperties", &b.ty(extra))?;
                } else if b.options.closed_objects {
                    map.serialize_entry("additionalProperties", &false)?;
                }
                Ok(())
            }
            ModelKind::Enum(e) => b.enum_members(Values::Model(&e.values), false, e.open, map),
            ModelKind::Union(u) => {
                b.union_members(&u.members, map)?;
                match &u.discriminator {
                    Some(d) => b.discriminator(d, &u.members, map),
                    None => Ok(()),
                }
            }
            ModelKind::Alias { ty } => b.ty(ty).members(map),
        }
    }
}

impl Members for FieldSchema<'_> {
    fn members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let f = self.field;
        let body = TypeSchema {
            builder: self.builder,
            ty: &f.ty,
            null: f.nullable,
        };
        // Annotations next to `$ref` are allowed in 2020-12 / OpenAPI 3.1; put `$ref` first for readers.
        let is_ref = !f.nullable && matches!(f.ty, Type::Ref(_));
        if is_ref {
            body.members(map)?;
        }
        if let Some(d) = &f.description {
            map.serialize_entry("description", d)?;
        }
        if f.deprecated {
            map.serialize_entry("deprecated", &true)?;
        }
        if f.read_only {
            map.serialize_entry("readOnly", &true)?;
        }
        if !is_ref {
            body.members(map)?;
        }
        if let Some(d) = &f.default {
            map.serialize_entry("default", d)?;
        }
        if !f.examples.is_empty() {
            map.serialize_entry("examples", &f.examples)?;
        }
        Ok(())
    }
}

impl Members for TypeSchema<'_> {
    fn members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let (b, null) = (self.builder, self.null);
        if null && !b.has_simple_type(self.ty) {
            // Nullable `Any` is still `{}`; anything without a single `type` to extend is
            // wrapped: `anyOf: [<schema>, {type: null}]`.
            if *self.ty == Type::Any {
                return Ok(());
            }
            return map.serialize_entry("anyOf", &(b.ty(self.ty), TypeOnly("null")));
        }
        match self.ty {
            Type::String(f) => scalar(map, "string", *f, null),
            Type::Integer(f) => scalar(map, "integer", *f, null),
            Type::Number(f) => scalar(map, "number", *f, null),
            Type::Boolean => scalar(map, "boolean", None, null),
            Type::Any | Type::Pending(_) => Ok(()),
            Type::Array(item) => {
                map.serialize_entry("type", &TypeName("array", null))?;
                map.serialize_entry("items", &b.ty(item))
            }
            Type::Map(value) => {
                map.serialize_entry("type", &TypeName("object", null))?;
                map.serialize_entry("additionalProperties", &b.ty(value))
            }
            Type::Ref(name) => map.serialize_entry("$ref", &(b.ref_for)(name)),
            Type::Enum(values) => b.enum_members(Values::Plain(values), null, false, map),
            Type::Const(v) => {
                let ty = common_json_type(Values::Plain(std::slice::from_ref(v)));
                if let Some(ty) = ty {
                    map.serialize_entry("type", &TypeName(ty, null))?;
                }
                if null {
                    // A nullable constant is a two-value enum.
                    map.serialize_entry("enum", &(v, Value::Null))
                } else {
                    map.serialize_entry("const", v)
                }
            }
            Type::Union(members) => b.union_members(members, map),
            Type::Nullable(inner) => TypeSchema {
                builder: b,
                ty: inner,
                null: true,
            }
            .members(map),
        }
    }
}

impl Builder<'_> {
    /// Whether `ty`'s schema has a single string `type` that making it nullable extends
    /// (`"string"` → `["string", "null"]`) rather than wrapping it in `anyOf`.
    fn has_simple_type(&self, ty: &Type) -> bool {
        match ty {
            Type::String(_)
            | Type::Integer(_)
            | Type::Number(_)
            | Type::Boolean
            | Type::Array(_)
            | Type::Map(_) => true,
            Type::Enum(values) => {
                !self.open_as_any_of(Values::Plain(values), false)
                    && common_json_type(Values::Plain(values)).is_some()
            }
            Type::Const(v) => common_json_type(Values::Plain(std::slice::from_ref(v))).is_some(),
            Type::Any | Type::Pending(_) | Type::Ref(_) | Type::Union(_) | Type::Nullable(_) => {
                false
            }
        }
    }

    /// Whether an enum is written as known strings `anyOf` any string: its doc says it is
    /// open (`open`), or the `open_enums` option opens every string enum.
    fn is_open_enum(&self, values: Values<'_>, open: bool) -> bool {
        (self.options.open_enums || open) && values.iter().all(Value::is_string)
    }

    /// Whether an open enum is written as known strings `anyOf` any string (JSON Schema,
    /// which validators read); OpenAPI keeps the API's `enum` and marks it open with
    /// [`UNKNOWN_VALUES`], the extension SDK generators read.
    fn open_as_any_of(&self, values: Values<'_>, open: bool) -> bool {
        !self.openapi && self.is_open_enum(values, open)
    }

    fn enum_members<M: SerializeMap>(
        &self,
        values: Values<'_>,
        null: bool,
        open: bool,
        map: &mut M,
    ) -> Result<(), M::Error> {
        if self.open_as_any_of(values, open) {
            // Never `null` here: open enums have no simple type, so nullable ones are wrapped.
            // Known values first (for readers and tools), then any string.
            return map.serialize_entry("anyOf", &(OpenEnum(values), TypeOnly("string")));
        }
        if let Some(ty) = common_json_type(values) {
            map.serialize_entry("type", &TypeName(ty, null))?;
        }
        map.serialize_entry("enum", &EnumList { values, null })?;
        if self.is_open_enum(values, open) {
            map.serialize_entry(UNKNOWN_VALUES, "allow")?;
        }
        Ok(())
    }

    fn union_members<M: SerializeMap>(
        &self,
        members: &[Type],
        map: &mut M,
    ) -> Result<(), M::Error> {
        let keyword = if self.disjoint(members) {
            "oneOf"
        } else {
            "anyOf"
        };
        map.serialize_entry(keyword, &Seq(members.iter().map(|m| self.ty(m))))
    }

    /// A tagged union's tag: each value selects its member (`if` the tag is the value,
    /// `then` the member's schema), so a validator checks the value against the member
    /// its tag names, as the Rust reader does; OpenAPI also gets `discriminator`.
    fn discriminator<M: SerializeMap>(
        &self,
        d: &Discriminator,
        members: &[Type],
        map: &mut M,
    ) -> Result<(), M::Error> {
        let member = |i: usize| &members[i];
        if self.openapi {
            let mapping: serde_json::Map<String, Value> = d
                .mapping
                .iter()
                .filter_map(|(v, i)| match member(*i) {
                    Type::Ref(name) => Some((v.clone(), Value::String((self.ref_for)(name)))),
                    _ => None,
                })
                .collect();
            map.serialize_entry(
                "discriminator",
                &serde_json::json!({ "propertyName": d.property, "mapping": mapping }),
            )?;
        }
        let selects: Vec<Value> = d
            .mapping
            .iter()
            .map(|(v, i)| {
                serde_json::json!({
                    "if": {
                        "properties": { d.property.as_str(): { "const": v } },
                        "required": [d.property],
                    },
                    "then": serde_json::to_value(self.ty(member(*i))).unwrap_or_default(),
                })
            })
            .collect();
        map.serialize_entry("allOf", &selects)
    }

    /// Whether no JSON value can match two members (then `oneOf` and `anyOf` agree).
    fn disjoint(&self, members: &[Type]) -> bool {
        // At most 5 kinds: a member without one, or a repeated kind, decides early.
        let mut seen: Vec<&'static str> = Vec::with_capacity(members.len());
        for m in members {
            match self.json_kind(m) {
                Some(k) if !seen.contains(&k) => seen.push(k),
                _ => return false,
            }
        }
        true
    }

    /// The single JSON kind a type's values have (integer counted as number), if it has one.
    fn json_kind(&self, t: &Type) -> Option<&'static str> {
        let widen = |t: &'static str| if t == "integer" { "number" } else { t };
        match t {
            Type::String(_) => Some("string"),
            Type::Integer(_) | Type::Number(_) => Some("number"),
            Type::Boolean => Some("boolean"),
            Type::Array(_) => Some("array"),
            Type::Map(_) => Some("object"),
            Type::Ref(name) => match &self.schema.model(name)?.kind {
                ModelKind::Object(_) => Some("object"),
                ModelKind::Enum(e) => common_json_type(Values::Model(&e.values)).map(widen),
                ModelKind::Alias { ty } => self.json_kind(ty),
                ModelKind::Union(_) => None,
            },
            Type::Enum(values) => common_json_type(Values::Plain(values)).map(widen),
            Type::Const(v) => common_json_type(Values::Plain(std::slice::from_ref(v))).map(widen),
            Type::Any | Type::Pending(_) | Type::Union(_) | Type::Nullable(_) => None,
        }
    }
}

/// Enum values as stored in a type (`Type::Enum`) or a model (`ModelKind::Enum`).
#[derive(Clone, Copy)]
enum Values<'s> {
    Plain(&'s [Value]),
    Model(&'s [EnumValue]),
}

impl<'s> Values<'s> {
    fn iter(self) -> impl Iterator<Item = &'s Value> {
        let (plain, model) = match self {
            Values::Plain(v) => (v, &[][..]),
            Values::Model(v) => (&[][..], v),
        };
        plain.iter().chain(model.iter().map(|v| &v.value))
    }
}

/// An object's `properties`: each field's wire name → its schema.
struct Properties<'s> {
    builder: &'s Builder<'s>,
    fields: &'s [Field],
}

impl Members for Properties<'_> {
    fn members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let fields = self.fields;
        if !has_duplicate_names(fields) {
            for f in fields {
                map.serialize_entry(&f.wire_name, &self.builder.field(f))?;
            }
            return Ok(());
        }
        // A repeated wire name is one property where the name first appears, described
        // by its last field (as inserting into a JSON object would leave it).
        for (i, f) in fields.iter().enumerate() {
            let name = &f.wire_name;
            if fields[..i].iter().any(|g| g.wire_name == *name) {
                continue;
            }
            let last = fields.iter().rfind(|g| g.wire_name == *name).unwrap_or(f);
            map.serialize_entry(name, &self.builder.field(last))?;
        }
        Ok(())
    }
}

/// Whether two fields share a wire name (docs can repeat a row).
fn has_duplicate_names(fields: &[Field]) -> bool {
    if fields.len() <= 16 {
        return fields
            .iter()
            .enumerate()
            .any(|(i, f)| fields[..i].iter().any(|g| g.wire_name == f.wire_name));
    }
    let mut seen = std::collections::HashSet::with_capacity(fields.len());
    !fields.iter().all(|f| seen.insert(f.wire_name.as_str()))
}

/// An object's `required`: the wire names of its required fields.
struct Required<'s>(&'s [Field]);

impl Serialize for Required<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().filter(|f| f.required).map(|f| &f.wire_name))
    }
}

/// The OpenAPI extension that marks an enum open (values beyond the list are accepted),
/// in the vocabulary of Speakeasy's SDK generators.
pub const UNKNOWN_VALUES: &str = "x-speakeasy-unknown-values";

/// The known values of an open enum: `{type: string, enum: [...]}`.
struct OpenEnum<'s>(Values<'s>);

impl Members for OpenEnum<'_> {
    fn members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("type", "string")?;
        map.serialize_entry(
            "enum",
            &EnumList {
                values: self.0,
                null: false,
            },
        )
    }
}

/// An `enum` array, with `null` appended when nullable.
struct EnumList<'s> {
    values: Values<'s>,
    null: bool,
}

impl Serialize for EnumList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for v in self.values.iter() {
            seq.serialize_element(v)?;
        }
        if self.null {
            seq.serialize_element(&Value::Null)?;
        }
        seq.end()
    }
}

/// A `type` value: `"string"`, or `["string", "null"]` when nullable.
struct TypeName(&'static str, bool);

impl Serialize for TypeName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            TypeName(ty, false) => serializer.serialize_str(ty),
            TypeName(ty, true) => (ty, "null").serialize(serializer),
        }
    }
}

/// `{type: <name>}`.
struct TypeOnly(&'static str);

impl Serialize for TypeOnly {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("type", self.0)?;
        map.end()
    }
}

/// A JSON array of the items an iterator yields (cloned to serialize by reference).
struct Seq<I>(I);

impl<I> Serialize for Seq<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

fn scalar<M: SerializeMap>(
    map: &mut M,
    ty: &'static str,
    format: Option<Format>,
    null: bool,
) -> Result<(), M::Error> {
    map.serialize_entry("type", &TypeName(ty, null))?;
    if let Some(f) = format {
        map.serialize_entry("format", f.as_str())?;
    }
    Ok(())
}

/// The JSON type all values share, if any.
fn common_json_type(values: Values<'_>) -> Option<&'static str> {
    let kind = |v: &Value| match v {
        Value::String(_) => Some("string"),
        Value::Bool(_) => Some("boolean"),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some("integer"),
        Value::Number(_) => Some("number"),
        _ => None,
    };
    let mut all = values.iter();
    let first = kind(all.next()?)?;
    all.all(|v| kind(v) == Some(first)).then_some(first)
}
