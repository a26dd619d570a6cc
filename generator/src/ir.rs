//! The language-neutral intermediate representation.
//!
//! Every dialect parser lowers its documents into these types and every emitter
//! reads only these types. Nothing dialect-specific lives here: a model is an
//! object, an enum, a union or an alias of a type, and a [`Type`] is a small
//! JSON-Schema-shaped algebra.
//!
//! The IR is serde-serializable (`modeldoc ir` dumps it as JSON) and its
//! ordering is part of the contract: models are sorted by name, fields keep
//! the order of their table.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::source::Span;

/// A whole set of models, resolved and ready to emit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    /// Models sorted by [`Model::name`]; names are unique.
    pub models: Vec<Model>,
}

impl Schema {
    /// Looks a model up by its exact name.
    pub fn model(&self, name: &str) -> Option<&Model> {
        self.model_index(name).map(|i| &self.models[i])
    }

    /// The position of the model called `name` in [`Schema::models`].
    pub fn model_index(&self, name: &str) -> Option<usize> {
        self.models
            .binary_search_by(|m| m.name.as_str().cmp(name))
            .ok()
    }

    /// The schema the payload readers (Rust types, JSON Schemas) are generated from:
    /// a field whose nullability its doc could not show accepts `null` (see
    /// [`Unstated`]). [`crate::Config`] applies it unless `strict_types`; the emitters
    /// take the schema they are given.
    pub fn lenient(&self) -> Schema {
        let mut out = self.clone();
        for m in &mut out.models {
            match &mut m.kind {
                ModelKind::Object(o) => {
                    for f in &mut o.fields {
                        f.nullable = f.accepts_null(true);
                    }
                }
                ModelKind::Enum(e) if e.value_type_unstated => {
                    e.values = e.values_in_either_form();
                    e.value_type_unstated = false;
                    let note = "The docs do not show whether these values are JSON numbers or \
                                strings: both forms are accepted, each written back as read.";
                    m.description = Some(match m.description.take() {
                        Some(d) => format!("{d}\n\n{note}"),
                        None => note.to_string(),
                    });
                }
                _ => {}
            }
        }
        out
    }

    /// Whether any fact the docs could not state makes [`Schema::lenient`] differ.
    pub fn has_unstated(&self) -> bool {
        self.models.iter().any(|m| match &m.kind {
            ModelKind::Object(o) => o.fields.iter().any(|f| f.unstated.nullable),
            ModelKind::Enum(e) => e.value_type_unstated,
            _ => false,
        })
    }

    /// Sorts models by name; call after adding models by hand.
    pub fn sort(&mut self) {
        self.models.sort_by(|a, b| a.name.cmp(&b.name));
    }
}

/// One named model: what a `# Title` document describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// The model name as the document writes it (`UserAPIKey`); schemas use it verbatim.
    pub name: String,
    /// Description paragraphs, markdown kept as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the model is marked deprecated.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deprecated: bool,
    /// What kind of model this is.
    pub kind: ModelKind,
    /// Where the model's title is.
    pub span: Span,
    /// Which doc set each fact came from, when several doc sets were merged
    /// (`modeldoc generate --merge`); `None` for a single doc set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Box<Provenance>>,
}

/// The shape of a model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ModelKind {
    /// An object with named fields.
    Object(Object),
    /// A closed (or open) set of literal values.
    Enum(Enum),
    /// One of several member types.
    Union(Union),
    /// Another type under a name (an empty doc, an array alias, ...).
    Alias {
        /// The aliased type.
        ty: Type,
    },
}

/// An object model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Object {
    /// Fields in table order.
    pub fields: Vec<Field>,
    /// Type of additional properties (`additionalProperties`), when the doc declares them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_properties: Option<Type>,
}

/// One field of an object model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The JSON property name.
    pub wire_name: String,
    /// The field's type (without the field-level nullability, see [`Field::nullable`]).
    pub ty: Type,
    /// Whether the property must be present.
    pub required: bool,
    /// Whether `null` is an allowed value.
    pub nullable: bool,
    /// The description cell, `<br/>` turned into newlines, `N/A` dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the field is marked deprecated.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deprecated: bool,
    /// Example values, already typed as JSON.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<serde_json::Value>,
    /// Default value, where the dialect states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    /// Whether the field is read-only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    /// Facts about this field that its doc's dialect cannot show (so the doc did not
    /// state them). Emitters that read payloads accept every value such a fact might
    /// allow, unless told to be strict.
    #[serde(default, skip_serializing_if = "Unstated::is_none")]
    pub unstated: Unstated,
    /// Where the field's row is.
    pub span: Span,
    /// Which doc set each fact came from, when several doc sets were merged
    /// (`modeldoc generate --merge`); `None` for a single doc set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Box<Provenance>>,
}

/// Where the facts of a merged model or field came from: doc set labels
/// (the folders as given), so `modeldoc ir` shows the source of every fact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The doc sets that document the model or field, in input order.
    pub doc_sets: Vec<String>,
    /// For each fact, the doc set whose value was kept.
    pub facts: BTreeMap<Fact, String>,
}

/// One fact of a model or field, as reconciled when doc sets are merged (`modeldoc generate --merge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fact {
    /// The name: a model's name or a field's wire name.
    Name,
    /// The kind of the model or type (object, enum, integer, array, ref, ...).
    Kind,
    /// String and number formats (also of items, values and members).
    Format,
    /// Enum and const values.
    Values,
    /// Union members.
    Members,
    /// The required flag.
    Required,
    /// Whether `null` is allowed (of the field, or of a nested type).
    Nullable,
    /// The description.
    Description,
    /// The deprecated mark.
    Deprecated,
    /// Examples.
    Examples,
    /// The default value.
    Default,
    /// The read-only mark.
    ReadOnly,
}

impl Fact {
    /// The name used in messages and in `modeldoc ir`.
    pub fn name(self) -> &'static str {
        match self {
            Fact::Name => "name",
            Fact::Kind => "kind",
            Fact::Format => "format",
            Fact::Values => "values",
            Fact::Members => "members",
            Fact::Required => "required",
            Fact::Nullable => "nullable",
            Fact::Description => "description",
            Fact::Deprecated => "deprecated",
            Fact::Examples => "examples",
            Fact::Default => "default",
            Fact::ReadOnly => "read-only",
        }
    }
}

impl Field {
    /// Whether `null` is accepted: stated nullable, or, when `lenient`, nullability unstated.
    pub fn accepts_null(&self, lenient: bool) -> bool {
        self.nullable || lenient && self.unstated.nullable
    }
}

/// Facts a doc could not state about a field, because its dialect cannot show them.
///
/// Certainty is strict, uncertainty is lenient: a fact the doc states is enforced;
/// a fact recorded here is accepted in every form it might take (and written back
/// as it was read). `docs/mapping.md` lists which dialect loses what.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Unstated {
    /// Whether `null` is allowed is not shown (and the doc did not show it otherwise).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nullable: bool,
    /// Whether the numbers in the field's type are integers or floats is not shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub integer_or_float: bool,
}

impl Unstated {
    /// Whether every fact was stated.
    pub fn is_none(&self) -> bool {
        *self == Unstated::default()
    }
}

/// An enum model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Enum {
    /// The allowed values, in document order.
    pub values: Vec<EnumValue>,
    /// Whether values outside the list are accepted (an "open enum").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
    /// Whether the doc could not show if the values are JSON numbers or strings: an
    /// unquoted Name/Value table whose values all read as integers (`| One | 1 |` is
    /// `1` in one API and `"1"` in another). The values are then the integers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub value_type_unstated: bool,
}

impl Enum {
    /// The values in both forms they might take on the wire: each integer, then its
    /// string twin named `<name>_QUOTED` (`ONE` = `1`, `ONE_QUOTED` = `"1"`).
    pub(crate) fn values_in_either_form(&self) -> Vec<EnumValue> {
        let twins = self.values.iter().filter_map(|v| {
            let n = v.value.as_i64()?;
            let name = v.name.as_deref().unwrap_or("");
            let name = if name.is_empty() {
                format!("VALUE_{n}_QUOTED")
            } else {
                format!("{name}_QUOTED")
            };
            Some(EnumValue {
                name: Some(name.replace('-', "MINUS_")),
                value: serde_json::Value::String(n.to_string()),
            })
        });
        let mut out = self.values.clone();
        out.extend(twins.collect::<Vec<_>>());
        out
    }
}

/// One value of an enum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumValue {
    /// The member name the SDK uses (`FOUR_AND_MORE`), when the doc gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The wire value: a JSON string or number.
    pub value: serde_json::Value,
}

/// A union model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Union {
    /// Member types in document order.
    pub members: Vec<Type>,
    /// The tag that selects the member, when the members show one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discriminator: Option<Discriminator>,
}

impl Union {
    /// A union of `members` without a discriminator.
    pub fn new(members: Vec<Type>) -> Self {
        Union {
            members,
            discriminator: None,
        }
    }
}

/// The tag of a discriminated union: a property every member object requires, whose
/// value names the member (OpenAPI's `discriminator`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discriminator {
    /// The tag's wire name (`type`).
    pub property: String,
    /// Each tag value and the index in [`Union::members`] of the member it selects, in
    /// member order; a member that is itself a union on the same tag has several.
    pub mapping: Vec<(String, usize)>,
}

/// A value type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "of")]
pub enum Type {
    /// A JSON string, optionally with a format.
    String(Option<Format>),
    /// A JSON integer, optionally with a format.
    Integer(Option<Format>),
    /// A JSON number, optionally with a format.
    Number(Option<Format>),
    /// `true` or `false`.
    Boolean,
    /// Any JSON value.
    Any,
    /// A JSON array of the item type.
    Array(Box<Type>),
    /// A JSON object with arbitrary keys and values of the given type.
    Map(Box<Type>),
    /// A reference to a named model in the same [`Schema`].
    Ref(String),
    /// An inline set of literal values.
    Enum(Vec<serde_json::Value>),
    /// Exactly one literal value.
    Const(serde_json::Value),
    /// One of several member types (inline union).
    Union(Vec<Type>),
    /// The inner type or `null` (used below field level: `List[Nullable[str]]`).
    Nullable(Box<Type>),
    /// A reference the parser could not resolve yet: an index into its
    /// document's pending references (`PendingRef`).
    /// Resolution replaces every one (by a [`Type::Ref`], or by
    /// [`Type::Any`] when dangling), so a [`Schema`] never holds one; it is
    /// never serialized, and emitters treat one like [`Type::Any`].
    #[serde(skip)]
    Pending(usize),
}

impl Type {
    /// A plain string.
    pub const STRING: Type = Type::String(None);
    /// A plain integer.
    pub const INTEGER: Type = Type::Integer(None);
    /// A plain number.
    pub const NUMBER: Type = Type::Number(None);

    /// Every model name this type refers to, depth first.
    pub fn refs(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.visit(&mut |t| {
            if let Type::Ref(name) = t {
                out.push(name.as_str());
            }
        });
        out
    }

    /// Whether a JSON value could be of this type, checked one level deep (references,
    /// unions and `Any` accept everything; formats are not checked).
    pub fn may_accept(&self, v: &serde_json::Value) -> bool {
        use serde_json::Value as V;
        match (self, v) {
            (Type::Nullable(_), V::Null) => true,
            (Type::Nullable(t), v) => t.may_accept(v),
            (Type::String(_), V::String(_)) => true,
            (Type::Integer(_), V::Number(n)) => n.is_i64() || n.is_u64(),
            (Type::Number(_), V::Number(_)) => true,
            (Type::Boolean, V::Bool(_)) => true,
            (Type::Array(_), V::Array(_)) => true,
            (Type::Map(_), V::Object(_)) => true,
            (Type::Enum(values), v) => values.contains(v),
            (Type::Const(c), v) => c == v,
            (Type::Any | Type::Ref(_) | Type::Pending(_) | Type::Union(_), _) => true,
            _ => false,
        }
    }

    /// Calls `f` on this type and every type nested in it.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(&'a Type)) {
        f(self);
        match self {
            Type::Array(t) | Type::Map(t) | Type::Nullable(t) => t.visit(f),
            Type::Union(ts) => ts.iter().for_each(|t| t.visit(f)),
            _ => {}
        }
    }

    /// Calls `f` on this type and every type nested in it, mutably, children first.
    pub fn visit_mut(&mut self, f: &mut impl FnMut(&mut Type)) {
        match self {
            Type::Array(t) | Type::Map(t) | Type::Nullable(t) => t.visit_mut(f),
            Type::Union(ts) => ts.iter_mut().for_each(|t| t.visit_mut(f)),
            _ => {}
        }
        f(self);
    }
}

/// A string or number format that docs can express.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// RFC 3339 full-date.
    Date,
    /// RFC 3339 date-time.
    DateTime,
    /// 32-bit integer.
    Int32,
    /// 64-bit integer.
    Int64,
    /// 32-bit float.
    Float,
    /// 64-bit float.
    Double,
    /// Arbitrary-precision decimal.
    Decimal,
    /// Arbitrary-precision integer.
    Bigint,
    /// Raw bytes (file uploads, streams).
    Binary,
}

impl Format {
    /// The OpenAPI `format` keyword value.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Date => "date",
            Format::DateTime => "date-time",
            Format::Int32 => "int32",
            Format::Int64 => "int64",
            Format::Float => "float",
            Format::Double => "double",
            Format::Decimal => "decimal",
            Format::Bigint => "bigint",
            Format::Binary => "binary",
        }
    }
}

impl Model {
    /// Every model name this model refers to.
    pub fn refs(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_type(self, |t| out.extend(t.refs()));
        out
    }
}

/// Calls `f` on every top-level type of a model (field types, union members, ...).
pub fn for_each_type<'a>(model: &'a Model, mut f: impl FnMut(&'a Type)) {
    match &model.kind {
        ModelKind::Object(o) => {
            o.fields.iter().for_each(|field| f(&field.ty));
            if let Some(t) = &o.additional_properties {
                f(t);
            }
        }
        ModelKind::Union(u) => u.members.iter().for_each(f),
        ModelKind::Alias { ty } => f(ty),
        ModelKind::Enum(_) => {}
    }
}

/// Calls `f` on every top-level type of a model, mutably.
pub fn for_each_type_mut(model: &mut Model, mut f: impl FnMut(&mut Type)) {
    match &mut model.kind {
        ModelKind::Object(o) => {
            o.fields.iter_mut().for_each(|field| f(&mut field.ty));
            if let Some(t) = &mut o.additional_properties {
                f(t);
            }
        }
        ModelKind::Union(u) => u.members.iter_mut().for_each(f),
        ModelKind::Alias { ty } => f(ty),
        ModelKind::Enum(_) => {}
    }
}

/// Plain IR values for unit tests: one place that spells out every field.
#[cfg(test)]
pub(crate) mod test_values {
    use super::*;

    fn span() -> Span {
        crate::source::SourceFile::new("m.md", "# M").span(0)
    }

    /// A field: not nullable, no description, examples or provenance.
    pub(crate) fn field(wire_name: &str, ty: Type, required: bool) -> Field {
        Field {
            wire_name: wire_name.into(),
            ty,
            required,
            nullable: false,
            description: None,
            deprecated: false,
            examples: Vec::new(),
            default: None,
            read_only: false,
            unstated: Default::default(),
            span: span(),
            provenance: None,
        }
    }

    /// An object model of `fields`.
    pub(crate) fn object(name: &str, fields: Vec<Field>) -> Model {
        Model {
            name: name.into(),
            description: None,
            deprecated: false,
            kind: ModelKind::Object(Object {
                fields,
                additional_properties: None,
            }),
            span: span(),
            provenance: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn may_accept_checks_the_json_kind() {
        let list = Type::Array(Box::new(Type::STRING));
        assert!(list.may_accept(&json!([])));
        assert!(!list.may_accept(&json!({})));
        assert!(Type::INTEGER.may_accept(&json!(3)));
        assert!(!Type::INTEGER.may_accept(&json!(3.5)));
        assert!(Type::Nullable(Box::new(Type::Boolean)).may_accept(&json!(null)));
        assert!(!Type::Boolean.may_accept(&json!(null)));
        assert!(Type::Enum(vec![json!("a")]).may_accept(&json!("a")));
        assert!(!Type::Enum(vec![json!("a")]).may_accept(&json!("b")));
        assert!(Type::Ref("X".into()).may_accept(&json!(1)));
    }
}
