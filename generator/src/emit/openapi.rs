//! IR → an OpenAPI 3.1 document holding every model under `components.schemas`.

use crate::par::prelude::*;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::pretty;
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
pub fn document_value(schema: &Schema, options: &OpenApiOptions) -> Value {
    let builder = Builder {
        schema,
        ref_for: &components_pointer,
        options: options.schema,
        openapi: true,
    };
    let doc = Document {
        options,
        schemas: Schemas(&builder),
    };
    serde_json::to_value(doc).expect("schemas serialize to JSON")
}

/// Renders the document as pretty JSON with a trailing newline: the text of
/// [`document_value`] + [`super::to_json`], with the models serialized in parallel.
pub fn emit_document(schema: &Schema, options: &OpenApiOptions) -> String {
    let builder = Builder {
        schema,
        ref_for: &components_pointer,
        options: options.schema,
        openapi: true,
    };
    // `components` → `schemas` → name → body: bodies sit three objects deep.
    let bodies: Vec<Vec<u8>> = schema
        .models
        .par_iter()
        .map(|m| {
            let mut out = Vec::with_capacity(1024);
            out.extend_from_slice(b",\n      ");
            pretty::write_at(&mut out, &m.name, 3);
            out.extend_from_slice(b": ");
            pretty::write_at(&mut out, &builder.model(m), 3);
            out
        })
        .collect();
    // Everything but the bodies, with `schemas` left empty: `{}` is spliced open below.
    let head = Document {
        options,
        schemas: NoSchemas,
    };
    let mut text = pretty::to_string_at(&head, 0).into_bytes();
    if !bodies.is_empty() {
        const TAIL: &[u8] = b"{}\n  }\n}";
        assert!(text.ends_with(TAIL), "the document ends with its `schemas`");
        text.truncate(text.len() - TAIL.len());
        text.reserve(bodies.iter().map(Vec::len).sum::<usize>() + 32);
        text.push(b'{');
        for (i, body) in bodies.iter().enumerate() {
            // Each body starts with the separator after the previous one; the first has none.
            text.extend_from_slice(if i == 0 { &body[1..] } else { body });
        }
        text.extend_from_slice(b"\n    }\n  }\n}");
    }
    text.push(b'\n');
    String::from_utf8(text).expect("serde_json writes UTF-8")
}

/// Escapes a name for use in a JSON pointer (`~` → `~0`, `/` → `~1`).
pub fn pointer_escape(name: &str) -> String {
    if name.contains(['~', '/']) {
        name.replace('~', "~0").replace('/', "~1")
    } else {
        name.to_string()
    }
}

fn components_pointer(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 21);
    out.push_str("#/components/schemas/");
    out.push_str(&pointer_escape(name));
    out
}

/// The whole document; `schemas` is what `components.schemas` holds.
struct Document<'s, T> {
    options: &'s OpenApiOptions,
    schemas: T,
}

impl<T: Serialize> Serialize for Document<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut doc = serializer.serialize_map(None)?;
        doc.serialize_entry("openapi", "3.1.0")?;
        doc.serialize_entry("info", &Info(self.options))?;
        doc.serialize_entry("paths", &NoSchemas)?;
        doc.serialize_entry("components", &Components(&self.schemas))?;
        doc.end()
    }
}

struct Info<'s>(&'s OpenApiOptions);

impl Serialize for Info<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut info = serializer.serialize_map(None)?;
        info.serialize_entry("title", &self.0.title)?;
        info.serialize_entry("version", &self.0.version)?;
        info.end()
    }
}

struct Components<'s, T>(&'s T);

impl<T: Serialize> Serialize for Components<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut components = serializer.serialize_map(None)?;
        components.serialize_entry("schemas", self.0)?;
        components.end()
    }
}

/// Every model by name.
struct Schemas<'s>(&'s Builder<'s>);

impl Serialize for Schemas<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let b = self.0;
        serializer.collect_map(b.schema.models.iter().map(|m| (&m.name, b.model(m))))
    }
}

/// An empty object.
struct NoSchemas;

impl Serialize for NoSchemas {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}
