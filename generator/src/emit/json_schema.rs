//! IR → one JSON Schema 2020-12 document per model.
//!
//! Each document is self-contained: the models it refers to (transitively)
//! are copied under `$defs`, and a reference back to the root model is `#`.

use std::collections::BTreeSet;

use crate::par::prelude::*;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::openapi::pointer_escape;
use super::pretty;
use super::schema::{Builder, ModelSchema, SchemaOptions};
use crate::ir::{Model, Schema};

/// The `$schema` URI every document declares.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Builds the JSON Schema document of one model as a JSON value.
pub fn document_value(schema: &Schema, model: &Model, options: &SchemaOptions) -> Value {
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
        options: *options,
        openapi: false,
    };
    let defs = dependencies(schema, model)
        .into_iter()
        .filter_map(|name| schema.model(name))
        .collect();
    let doc = Document {
        builder: &builder,
        model,
        defs,
    };
    serde_json::to_value(doc).expect("schemas serialize to JSON")
}

/// A model's document: `$schema`, `title`, its schema and the `$defs` of its dependencies.
struct Document<'s> {
    builder: &'s Builder<'s>,
    model: &'s Model,
    /// The models under `$defs`, in name order.
    defs: Vec<&'s Model>,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut doc = serializer.serialize_map(None)?;
        doc.serialize_entry("$schema", DIALECT)?;
        doc.serialize_entry("title", &self.model.name)?;
        self.builder.model(self.model).flatten_into(&mut doc)?;
        // Dangling references have no entry: no `$defs` at all rather than an empty one.
        if !self.defs.is_empty() {
            let defs = self.defs.iter().map(|m| (&m.name, self.builder.model(m)));
            doc.serialize_entry("$defs", &Defs(defs))?;
        }
        doc.end()
    }
}

/// `$defs`: model name → schema.
struct Defs<I>(I);

impl<'s, I> Serialize for Defs<I>
where
    I: Iterator<Item = (&'s String, ModelSchema<'s>)> + Clone,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.clone())
    }
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

/// Every model's document as (file name, pretty JSON with a trailing newline),
/// in model (name) order.
///
/// The same text as [`document_value`] + [`super::to_json`], built faster: a
/// model's `$defs` entry is identical in every document that includes it
/// (unless it refers back to that document's root, where the reference is `#`),
/// so each entry is serialized once and pasted into the documents that need it.
pub fn emit_documents(schema: &Schema, options: &SchemaOptions) -> Vec<(String, String)> {
    let options = *options;
    let shared = Builder {
        schema,
        ref_for: &defs_pointer,
        options,
        openapi: false,
    };
    let entries: Vec<String> = schema
        .models
        .par_iter()
        .map(|m| defs_entry(&shared.model(m)))
        .collect();
    let graph = RefGraph::new(schema);
    schema
        .models
        .par_iter()
        .enumerate()
        .map(|(i, m)| {
            let text = document_text(schema, &graph, i, options, &entries);
            (file_name(&m.name), text)
        })
        .collect()
}

/// The models each model refers to, by index into `schema.models`: the
/// name-keyed walk of [`dependencies`] without string comparisons.
struct RefGraph {
    /// Sorted, deduplicated indices of the models each model refers to directly
    /// (references to missing models are left out: they have no `$defs` entry).
    direct: Vec<Vec<usize>>,
}

impl RefGraph {
    fn new(schema: &Schema) -> RefGraph {
        let direct = schema
            .models
            .par_iter()
            .map(|m| {
                let mut refs: Vec<usize> = m
                    .refs()
                    .into_iter()
                    .filter_map(|name| schema.model_index(name))
                    .collect();
                refs.sort_unstable();
                refs.dedup();
                refs
            })
            .collect();
        RefGraph { direct }
    }

    fn refers_to(&self, from: usize, to: usize) -> bool {
        self.direct[from].binary_search(&to).is_ok()
    }

    /// Every model reachable from `root`, excluding itself, in index order (which is
    /// name order: models are sorted by name), like [`dependencies`].
    fn reachable(&self, root: usize) -> Vec<usize> {
        let mut seen = vec![false; self.direct.len()];
        seen[root] = true;
        let mut stack = self.direct[root].clone();
        let mut out = Vec::new();
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            out.push(i);
            stack.extend(&self.direct[i]);
        }
        out.sort_unstable();
        out
    }
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    // Model names rarely need escaping: quote them directly.
    if text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        out.push_str(text);
        out.push('"');
        return out;
    }
    pretty::to_string_at(text, 0)
}

fn defs_pointer(name: &str) -> String {
    format!("#/$defs/{}", pointer_escape(name))
}

/// A schema pretty-printed as it appears two levels deep (`$defs` → name → value).
fn defs_entry(value: &impl Serialize) -> String {
    pretty::to_string_at(value, 2)
}

/// A [`defs_entry`] moved back to the top level: every line after the first loses the
/// four spaces of its two levels (the text of `text.replace("\n    ", "\n")`).
fn dedent_entry(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n');
    out.push_str(lines.next().unwrap_or_default());
    for line in lines {
        out.push('\n');
        out.push_str(line.strip_prefix("    ").unwrap_or(line));
    }
    out
}

/// [`document_value`] of `schema.models[index]` rendered by [`super::to_json`],
/// reusing the serialized `$defs` `entries` (indexed like `schema.models`).
fn document_text(
    schema: &Schema,
    graph: &RefGraph,
    index: usize,
    options: SchemaOptions,
    entries: &[String],
) -> String {
    let model = &schema.models[index];
    let root = model.name.as_str();
    let ref_for = |name: &str| {
        if name == root {
            "#".to_string()
        } else {
            defs_pointer(name)
        }
    };
    let builder = Builder {
        schema,
        ref_for: &ref_for,
        options,
        openapi: false,
    };
    let refers_to_itself = graph.refers_to(index, index);
    // The model's own schema as a pretty object at the top level: its `$defs`
    // entry moved back out, unless its references to itself read `#` here.
    let body = if refers_to_itself {
        pretty::to_string_at(&builder.model(model), 0)
    } else {
        dedent_entry(&entries[index])
    };
    let deps = graph.reachable(index);
    // Room for everything (entries that refer back to the root are about as long as
    // their shared text), so the document is never copied while it grows.
    let defs_len: usize = deps
        .iter()
        .map(|&i| entries[i].len() + schema.models[i].name.len() + 16)
        .sum();
    let mut out = String::with_capacity(body.len() + root.len() + defs_len + 128);
    out.push_str("{\n  \"$schema\": ");
    out.push_str(&json_string(DIALECT));
    out.push_str(",\n  \"title\": ");
    out.push_str(&json_string(root));
    // `body` is `{}` or `{\n  "key": ...\n}`: splice its members after the title.
    if let Some(members) = body.strip_prefix("{\n").and_then(|b| b.strip_suffix("\n}")) {
        out.push_str(",\n");
        out.push_str(members);
    }
    out.push_str("\n}\n");
    if deps.is_empty() {
        return out;
    }
    // `out` ends with "\n}\n": reopen the root object and append `$defs`.
    out.truncate(out.len() - "\n}\n".len());
    out.push_str(",\n  \"$defs\": {");
    let mut first = true;
    for i in deps {
        let dep = &schema.models[i];
        out.push_str(if first { "\n    " } else { ",\n    " });
        first = false;
        out.push_str(&json_string(&dep.name));
        out.push_str(": ");
        if graph.refers_to(i, index) {
            // Refers back to the root, which this document spells `#`.
            out.push_str(&defs_entry(&builder.model(dep)));
        } else {
            out.push_str(&entries[i]);
        }
    }
    out.push_str(if first { "}\n}\n" } else { "\n  }\n}\n" });
    out
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

#[cfg(test)]
mod tests {
    use super::dedent_entry;

    #[test]
    fn dedent_entry_undoes_two_levels() {
        for text in [
            "{}",
            "{\n      \"a\": 1\n    }",
            "{\n      \"a\": [\n        \"x\"\n      ]\n    }",
        ] {
            assert_eq!(dedent_entry(text), text.replace("\n    ", "\n"));
        }
    }
}
