//! Learning wire names from sample payloads: a folder of `<Model>.json` files (an
//! object, or an array of objects), e.g. responses a user saved. Every key that
//! matches a field of the model (normalized: case and punctuation ignored) settles
//! that field's wire name, following nested fields' types; keys matching no field
//! are reported, as are files naming no model.

use std::path::Path;

use super::evidence::{self, Evidence, FieldIndex};
use super::style::norm;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::Schema;
use crate::source::Span;

/// Reads every `*.json` of `dir` (sorted) into `ev`.
pub fn read(
    schema: &Schema,
    index: &FieldIndex,
    dir: &Path,
    ev: &mut Evidence,
    diags: &mut Diagnostics,
) {
    let span = |path: &Path| Span {
        file: path.display().to_string().into(),
        line: 1,
        column: 1,
    };
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            })
            .collect(),
        Err(e) => {
            diags.push(
                Diagnostic::warning(span(dir), format!("cannot read the sample folder: {e}"))
                    .with_hint("--wire-samples takes a folder of <Model>.json payloads"),
            );
            return;
        }
    };
    files.sort();
    for path in files {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let model = schema.model_index(stem).or_else(|| {
            let n = norm(stem);
            let hits: Vec<usize> = (0..schema.models.len())
                .filter(|&i| norm(&schema.models[i].name) == n)
                .collect();
            (hits.len() == 1).then(|| hits[0])
        });
        let Some(model) = model else {
            diags.push(
                Diagnostic::warning(span(&path), format!("sample `{stem}` names no model"))
                    .with_hint("name sample files after the model they hold: `<Model>.json`"),
            );
            continue;
        };
        let value = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).map_err(|e| e.to_string()));
        let value = match value {
            Ok(v) => v,
            Err(e) => {
                diags.push(
                    Diagnostic::warning(span(&path), format!("cannot read sample: {e}"))
                        .with_hint("a sample is one JSON object, or an array of them"),
                );
                continue;
            }
        };
        let items = match value {
            serde_json::Value::Array(items) => items,
            v => vec![v],
        };
        let file = path.display().to_string();
        let before = ev.unmatched.len();
        for item in &items {
            evidence::sample(schema, index, model, item, &file, ev);
        }
        let mut keys: Vec<&str> = ev.unmatched[before..]
            .iter()
            .map(|(_, k)| k.as_str())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        if !keys.is_empty() {
            let shown: Vec<String> = keys.iter().take(8).map(|k| format!("`{k}`")).collect();
            let more = if keys.len() > 8 {
                format!(" and {} more", keys.len() - 8)
            } else {
                String::new()
            };
            diags.push(
                Diagnostic::warning(
                    span(&path),
                    format!("sample keys match no field of the docs: {}{more}", shown.join(", ")),
                )
                .with_hint("the docs may be older than the API, or the key belongs to another model; map a field by hand with --wire-name Model.field=name"),
            );
        }
    }
}
