//! IR → an OpenAPI 3.1 document holding every model under `components.schemas`.

use rayon::prelude::*;
use serde_json::{Map, Value};

use super::schema::{Builder, SchemaOptions};
use crate::ir::Schema;

/// OpenAPI document options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenApiOptions {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// What the schemas accept beyond the docs' defaults.
    pub schema: SchemaOptions,
}

impl Default for OpenApiOptions {
    fn default() -> Self {
        OpenApiOptions {
            title: "Models".into(),
            version: "1.0.0".into(),
            schema: SchemaOptions::default(),
        }
    }
}

/// Builds the OpenAPI document as a JSON value.
pub fn document(schema: &Schema, options: &OpenApiOptions) -> Value {
    let ref_for = |name: &str| format!("#/components/schemas/{}", pointer_escape(name));
    let builder = Builder {
        schema,
        ref_for: &ref_for,
        options: options.schema,
    };
    let built: Vec<Map<String, Value>> =
        schema.models.par_iter().map(|m| builder.model(m)).collect();
    let mut schemas = Map::new();
    for (m, body) in schema.models.iter().zip(built) {
        schemas.insert(m.name.clone(), Value::Object(body));
    }
    let mut info = Map::new();
    info.insert("title".into(), options.title.clone().into());
    info.insert("version".into(), options.version.clone().into());
    let mut components = Map::new();
    components.insert("schemas".into(), Value::Object(schemas));
    let mut doc = Map::new();
    doc.insert("openapi".into(), "3.1.0".into());
    doc.insert("info".into(), Value::Object(info));
    doc.insert("paths".into(), Value::Object(Map::new()));
    doc.insert("components".into(), Value::Object(components));
    Value::Object(doc)
}

/// Renders the document as pretty JSON with a trailing newline.
pub fn emit(schema: &Schema, options: &OpenApiOptions) -> String {
    super::to_json(&document(schema, options))
}

/// Escapes a name for use in a JSON pointer (`~` → `~0`, `/` → `~1`).
pub fn pointer_escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}
