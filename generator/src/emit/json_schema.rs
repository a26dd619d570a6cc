//! IR → one JSON Schema 2020-12 document per model.
//!
//! Each document is self-contained: the models it refers to (transitively)
//! are copied under `$defs`, and a reference back to the root model is `#`.

use std::collections::BTreeSet;

use rayon::prelude::*;
use serde_json::{Map, Value};

use super::openapi::pointer_escape;
use super::schema::{Builder, SchemaOptions};
use crate::ir::{Model, Schema};

/// The `$schema` URI every document declares.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Builds the JSON Schema document of one model.
pub fn document(schema: &Schema, model: &Model) -> Value {
    document_with(schema, model, SchemaOptions::default())
}

/// Builds the JSON Schema document of one model with options.
pub fn document_with(schema: &Schema, model: &Model, options: SchemaOptions) -> Value {
    let root = model.name.as_str();
    let ref_for = |name: &str| {
        if name == root {
            "#".to_string()
        } else {
            format!("#/$defs/{}", pointer_escape(name))
        }
    };
    let builder = Builder {
        schema,
        ref_for: &ref_for,
        options,
    };
    let mut doc = Map::new();
    doc.insert("$schema".into(), DIALECT.into());
    doc.insert("title".into(), model.name.clone().into());
    doc.extend(builder.model(model));
    let deps = dependencies(schema, model);
    if !deps.is_empty() {
        let mut defs = Map::new();
        for name in deps {
            if let Some(m) = schema.model(name) {
                defs.insert(name.to_string(), Value::Object(builder.model(m)));
            }
        }
        doc.insert("$defs".into(), Value::Object(defs));
    }
    Value::Object(doc)
}

/// Every model reachable from `model`, excluding itself, sorted.
pub fn dependencies<'a>(schema: &'a Schema, model: &'a Model) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&str> = model.refs();
    while let Some(name) = stack.pop() {
        if name == model.name || !seen.insert(name) {
            continue;
        }
        if let Some(m) = schema.model(name) {
            stack.extend(m.refs());
        }
    }
    seen
}

/// Every model's document as (file name, pretty JSON), sorted by file name.
pub fn emit(schema: &Schema) -> Vec<(String, String)> {
    emit_with(schema, SchemaOptions::default())
}

/// Every model's document with options, as (file name, pretty JSON).
pub fn emit_with(schema: &Schema, options: SchemaOptions) -> Vec<(String, String)> {
    schema
        .models
        .par_iter()
        .map(|m| {
            let doc = document_with(schema, m, options);
            (file_name(&m.name), super::to_json(&doc))
        })
        .collect()
}

/// `UserAPIKey` → `UserAPIKey.json`; characters unsafe in file names become `_`.
pub fn file_name(model: &str) -> String {
    let safe: String = model
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{safe}.json")
}
