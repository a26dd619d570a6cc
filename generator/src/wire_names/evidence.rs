//! What a doc set shows of its API's real property names.
//!
//! Docs name fields as the SDK does, but two places keep the API's own spelling:
//! example values (JSON objects in an Example column: every key is a wire name, and
//! the field's type says which model it belongs to) and descriptions, written by the
//! API's authors, which quote property names (`has_more`, `requestID`). Sample
//! payloads a user supplies are read like examples.

use std::collections::BTreeMap;

use serde_json::Value;

use super::style::{norm, Style};
use crate::ir::{ModelKind, Schema, Type};

/// Where a spelling was seen; stronger sources first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A sample payload the user supplied.
    Sample,
    /// A key of an example value, at a position whose model is known.
    Example,
    /// An identifier quoted in a description of the same model.
    Description,
}

/// Spellings seen for one field: `spelling -> (strongest source, times seen)`.
pub type Seen = BTreeMap<String, (Source, usize)>;

/// Everything seen in a doc set.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Per `(model index, field index)`: spellings seen where the model is known.
    pub fields: BTreeMap<(usize, usize), Seen>,
    /// Per normalized name: spellings seen anywhere (descriptions, keys of untyped examples).
    pub global: BTreeMap<String, BTreeMap<String, usize>>,
    /// Keys of samples that match no field: `(sample file, key path)`.
    pub unmatched: Vec<(String, String)>,
    /// Multi-word names quoted in descriptions exactly as the docs name a field
    /// (normalized): they confirm the doc names.
    pub agree: std::collections::BTreeSet<String>,
}

impl Evidence {
    fn see(&mut self, at: (usize, usize), spelling: &str, source: Source) {
        let e = self
            .fields
            .entry(at)
            .or_default()
            .entry(spelling.to_string())
            .or_insert((source, 0));
        e.0 = e.0.min(source);
        e.1 += 1;
    }

    fn see_global(&mut self, spelling: &str) {
        *self
            .global
            .entry(norm(spelling))
            .or_default()
            .entry(spelling.to_string())
            .or_default() += 1;
    }
}

/// Per model: its fields' normalized doc names → field index; and every doc name.
pub struct FieldIndex(
    Vec<BTreeMap<String, usize>>,
    std::collections::BTreeSet<String>,
);

impl FieldIndex {
    /// Indexes every object model's fields by normalized name.
    pub fn new(schema: &Schema) -> FieldIndex {
        FieldIndex(
            schema
                .models
                .iter()
                .map(|m| match &m.kind {
                    ModelKind::Object(o) => o
                        .fields
                        .iter()
                        .enumerate()
                        .map(|(i, f)| (norm(&f.wire_name), i))
                        .collect(),
                    _ => BTreeMap::new(),
                })
                .collect(),
            schema
                .models
                .iter()
                .filter_map(|m| match &m.kind {
                    ModelKind::Object(o) => Some(o.fields.iter().map(|f| f.wire_name.clone())),
                    _ => None,
                })
                .flatten()
                .collect(),
        )
    }
}

/// Collects the evidence of a schema whose wire names are still the doc names.
pub fn collect(schema: &Schema, index: &FieldIndex) -> Evidence {
    let mut ev = Evidence::default();
    for (mi, model) in schema.models.iter().enumerate() {
        if let Some(d) = &model.description {
            quoted(d, mi, None, index, &mut ev);
        }
        let ModelKind::Object(o) = &model.kind else {
            continue;
        };
        for f in &o.fields {
            if let Some(d) = &f.description {
                quoted(d, mi, Some(&f.wire_name), index, &mut ev);
            }
            for ex in &f.examples {
                walk(schema, index, ex, &f.ty, Source::Example, "", &mut ev, 0);
            }
        }
    }
    ev
}

/// Reads one sample payload of model `model` (an index into `schema.models`).
pub fn sample(
    schema: &Schema,
    index: &FieldIndex,
    model: usize,
    value: &Value,
    file: &str,
    ev: &mut Evidence,
) {
    let before = ev.unmatched.len();
    let ty = Type::Ref(schema.models[model].name.clone());
    walk(schema, index, value, &ty, Source::Sample, "$", ev, 0);
    for u in &mut ev.unmatched[before..] {
        u.0 = file.to_string();
    }
}

/// Identifiers in a description: words of letters, digits and `_` (and `-` inside
/// backticks) that show a convention. Those naming a field of the same model are
/// evidence for it; all of them are global evidence. A field description that starts
/// with the field's own doc name (Go doc comments: `GrantScope sets ...`) echoes the
/// SDK: that first word is not evidence.
fn quoted(text: &str, model: usize, own: Option<&str>, index: &FieldIndex, ev: &mut Evidence) {
    let text = match own {
        Some(own)
            if text.starts_with(own)
                && !text[own.len()..]
                    .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') =>
        {
            &text[own.len()..]
        }
        _ => text,
    };
    let mut in_code = false;
    let mut start = None;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().chain(std::iter::once(&b' ')).enumerate() {
        let word_char = b.is_ascii_alphanumeric() || b == b'_' || (in_code && b == b'-');
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                token(&text[s..i], model, index, ev);
                start = None;
            }
            _ => {}
        }
        if b == b'`' {
            in_code = !in_code;
        }
    }
}

fn token(word: &str, model: usize, index: &FieldIndex, ev: &mut Evidence) {
    let word = word.trim_matches(|c| c == '-' || c == '_');
    // PascalCase words in prose are type names and code identifiers far more often
    // than JSON keys (Go doc comments start with the Go field name).
    if matches!(Style::of(word), None | Some(Style::Pascal)) {
        return;
    }
    if index.1.contains(word) {
        ev.agree.insert(norm(word));
        return;
    }
    ev.see_global(word);
    if let Some(&fi) = index.0[model].get(&norm(word)) {
        ev.see((model, fi), word, Source::Description);
    }
}

/// Follows a JSON value down a type: object keys at a known model are evidence for
/// that model's fields; keys where the type says nothing are global evidence.
#[allow(clippy::too_many_arguments)]
fn walk(
    schema: &Schema,
    index: &FieldIndex,
    value: &Value,
    ty: &Type,
    source: Source,
    path: &str,
    ev: &mut Evidence,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    match (ty, value) {
        (Type::Nullable(t), v) => walk(schema, index, v, t, source, path, ev, depth + 1),
        (Type::Array(t), Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                let p = format!("{path}[{i}]");
                walk(schema, index, v, t, source, &p, ev, depth + 1);
            }
        }
        (Type::Map(t), Value::Object(o)) => {
            for (k, v) in o {
                let p = format!("{path}.{k}");
                walk(schema, index, v, t, source, &p, ev, depth + 1);
            }
        }
        (Type::Ref(name), v) => {
            let Some(mi) = schema.model_index(name) else {
                return;
            };
            match (&schema.models[mi].kind, v) {
                (ModelKind::Object(obj), Value::Object(o)) => {
                    for (k, v) in o {
                        let p = format!("{path}.{k}");
                        match index.0[mi].get(&norm(k)) {
                            Some(&fi) => {
                                ev.see((mi, fi), k, source);
                                let fty = &obj.fields[fi].ty;
                                walk(schema, index, v, fty, source, &p, ev, depth + 1);
                            }
                            None if obj.additional_properties.is_none()
                                && source == Source::Sample =>
                            {
                                ev.unmatched.push((String::new(), p));
                            }
                            None => {}
                        }
                    }
                }
                (ModelKind::Alias { ty }, v) => {
                    walk(schema, index, v, ty, source, path, ev, depth + 1)
                }
                (ModelKind::Union(u), v) => {
                    union(schema, index, v, &u.members, source, path, ev, depth)
                }
                _ => {}
            }
        }
        (Type::Union(members), v) => union(schema, index, v, members, source, path, ev, depth),
        (Type::Any, v) => global_keys(v, ev, depth),
        _ => {}
    }
}

/// A value of a union: read as the object member whose fields match the most keys.
#[allow(clippy::too_many_arguments)]
fn union(
    schema: &Schema,
    index: &FieldIndex,
    value: &Value,
    members: &[Type],
    source: Source,
    path: &str,
    ev: &mut Evidence,
    depth: usize,
) {
    let Value::Object(o) = value else {
        return;
    };
    let best = members
        .iter()
        .filter_map(|m| match m {
            Type::Ref(n) => schema.model_index(n).map(|i| (m, i)),
            _ => None,
        })
        .map(|(m, i)| {
            let hits = o
                .keys()
                .filter(|k| index.0[i].contains_key(&norm(k)))
                .count();
            (hits, m)
        })
        .filter(|(hits, _)| *hits == o.len() && *hits > 0)
        .max_by_key(|(hits, _)| *hits);
    if let Some((_, m)) = best {
        walk(schema, index, value, m, source, path, ev, depth + 1);
    }
}

fn global_keys(value: &Value, ev: &mut Evidence, depth: usize) {
    if depth > 32 {
        return;
    }
    match value {
        Value::Object(o) => {
            for (k, v) in o {
                if Style::of(k).is_some() {
                    ev.see_global(k);
                }
                global_keys(v, ev, depth + 1);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| global_keys(v, ev, depth + 1)),
        _ => {}
    }
}
