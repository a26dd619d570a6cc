//! Small IR builders for the emitter's unit tests.

use serde_json::Value;

use crate::ir::{test_values, Enum, EnumValue, Field, Model, ModelKind, Schema, Type, Union};

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
        kind,
        ..test_values::object(name, Vec::new())
    }
}

/// An object model.
pub(super) fn object(name: &str, fields: impl IntoIterator<Item = Field>) -> Model {
    test_values::object(name, fields.into_iter().collect())
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
    model(name, ModelKind::Union(Union::new(members)))
}

/// An alias model.
pub(super) fn alias(name: &str, ty: Type) -> Model {
    model(name, ModelKind::Alias { ty })
}

/// A required, non-nullable field.
pub(super) fn required(wire: &str, ty: Type) -> Field {
    test_values::field(wire, ty, true)
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
