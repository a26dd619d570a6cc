//! Small IR builders for the emitter's unit tests.

use serde_json::Value;

use crate::ir::{Enum, EnumValue, Field, Model, ModelKind, Object, Schema, Type, Union};
use crate::source::Span;

fn span() -> Span {
    Span {
        file: "test.md".into(),
        line: 1,
        column: 1,
    }
}

/// A schema of `models`, sorted as the pipeline sorts them.
pub(super) fn schema(models: impl IntoIterator<Item = Model>) -> Schema {
    let mut schema = Schema {
        models: models.into_iter().collect(),
    };
    schema.sort();
    schema
}

fn model(name: &str, kind: ModelKind) -> Model {
    Model {
        name: name.into(),
        description: None,
        deprecated: false,
        kind,
        span: span(),
        provenance: None,
    }
}

/// An object model.
pub(super) fn object(name: &str, fields: impl IntoIterator<Item = Field>) -> Model {
    model(
        name,
        ModelKind::Object(Object {
            fields: fields.into_iter().collect(),
            additional_properties: None,
        }),
    )
}

/// An enum model of unnamed values.
pub(super) fn enumeration(name: &str, values: impl IntoIterator<Item = Value>) -> Model {
    let values = values
        .into_iter()
        .map(|value| EnumValue { name: None, value })
        .collect();
    model(
        name,
        ModelKind::Enum(Enum {
            values,
            open: false,
            value_type_unstated: false,
        }),
    )
}

/// A union model.
pub(super) fn union(name: &str, members: impl IntoIterator<Item = Type>) -> Model {
    let members = members.into_iter().collect();
    model(name, ModelKind::Union(Union { members }))
}

/// An alias model.
pub(super) fn alias(name: &str, ty: Type) -> Model {
    model(name, ModelKind::Alias { ty })
}

/// A required, non-nullable field.
pub(super) fn required(wire: &str, ty: Type) -> Field {
    Field {
        wire_name: wire.into(),
        ty,
        required: true,
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

/// An optional field, nullable or not.
pub(super) fn optional(wire: &str, ty: Type, nullable: bool) -> Field {
    Field {
        required: false,
        nullable,
        ..required(wire, ty)
    }
}

/// A reference to model `name`.
pub(super) fn reference(name: &str) -> Type {
    Type::Ref(name.into())
}
