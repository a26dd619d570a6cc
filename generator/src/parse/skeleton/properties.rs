//! The openapi-generator document skeleton, shared by its flavours (target
//! languages and template generations).
//!
//! ```text
//! # Name                 (C# `# Org.OpenAPITools.Model.Name`, PHP `# # Name`)
//! description
//! ## Properties
//! Name | Type | Description | Notes          (outer pipes optional)
//! **name** | **str** | text | [optional] [readonly] [default to X]
//! **any string name** | **str** | ... | [optional]   (additional properties)
//! ## Enum                * `FAIL` (value: `'fail'`)
//! ## Methods             (Go: getters/setters, no schema facts)
//! ```
//! Required = no `[optional]` note. How a Type cell reads, what its notes may
//! add and whether a table documents something other than an object are the
//! [`Flavour`]'s.

use serde_json::Value;

use super::description;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::{Enum, EnumValue, Field, Model, ModelKind, Object, Type};
use crate::markdown::{Block, Cell, Row, Table};
use crate::parse::dialect::{Blocks, ParsedDoc, PendingRef};
use crate::parse::lower::{base_name, TypeNames};
use crate::source::SourceFile;

/// What an openapi-generator flavour adds to the skeleton besides its type names.
pub trait Flavour: TypeNames {
    /// Lowers a Type cell: the type and whether the cell marks it nullable.
    fn type_cell(
        &self,
        cell: &Cell,
        refs: &mut Vec<PendingRef>,
        diags: &mut Diagnostics,
    ) -> (Type, bool);

    /// Reads a Notes cell; by default the `[optional] [readonly] [default to X]`
    /// notes of [`Notes::parse`].
    fn notes(&self, text: &str) -> Notes {
        Notes::parse(text)
    }

    /// Whether the Type cell's wrapper makes a required property nullable while saying
    /// nothing of an optional one (Rust's `Option<T>`); by default no.
    fn nullable_when_required(&self, _cell: &Cell) -> bool {
        false
    }

    /// A property's type, refined by its description (by default unchanged).
    fn refine(&self, ty: Type, _description: Option<&str>) -> Type {
        ty
    }

    /// The model a Properties table documents when it is not an object (its one
    /// row stands for the value itself); `None`: an object.
    fn value_model(&self, _table: &PropertyTable) -> Option<ModelKind> {
        None
    }
}

/// A Properties table read row by row, before it becomes a model.
#[derive(Debug, Clone, Default)]
pub struct PropertyTable {
    /// The properties, in table order.
    pub fields: Vec<Field>,
    /// The raw Notes cell of each property.
    pub notes: Vec<String>,
    /// The `**any string name**` row's type, if there is one.
    pub additional_properties: Option<Type>,
}

/// Parses one openapi-generator model document in `flavour`.
pub fn parse<F: Flavour>(
    source: &SourceFile,
    blocks: &Blocks,
    flavour: &F,
    diags: &mut Diagnostics,
) -> Option<ParsedDoc> {
    parse_doc(source, blocks, flavour, diags)
}

fn parse_doc(
    source: &SourceFile,
    blocks: &Blocks,
    flavour: &dyn Flavour,
    diags: &mut Diagnostics,
) -> Option<ParsedDoc> {
    let (title_index, title, title_span) = super::title(source, blocks, diags)?;
    let name = super::non_empty_name(model_name(&title), source, &title_span, diags)?;
    let body = &blocks[title_index + 1..];
    let first_section = super::first_section(body);
    let description = body[..first_section]
        .iter()
        .map(|(_, range)| source.text[range.clone()].trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");

    let mut refs = Vec::new();
    let mut kind = None;
    for section in super::sections(body) {
        kind = match section.heading {
            "Properties" => {
                let table = match section.table() {
                    Some(t) => properties(source, t, flavour, &mut refs, diags)?,
                    None => PropertyTable::default(),
                };
                Some(match flavour.value_model(&table) {
                    Some(kind) => kind,
                    // An empty table is a oneOf/anyOf of scalars (python `LocationInner`):
                    // its members are not documented, so its shape is unknown.
                    None if table.fields.is_empty() && table.additional_properties.is_none() => {
                        ModelKind::Alias { ty: Type::Any }
                    }
                    None => ModelKind::Object(Object {
                        fields: table.fields,
                        additional_properties: table.additional_properties,
                    }),
                })
            }
            "Enum" => Some(ModelKind::Enum(enum_bullets(section.blocks))),
            _ => continue,
        };
        break;
    }
    Some(ParsedDoc {
        model: Model {
            name,
            description: (!description.is_empty()).then(|| unescape_html(&description)),
            deprecated: false,
            kind: kind.unwrap_or(ModelKind::Alias { ty: Type::Any }),
            span: title_span,
            provenance: None,
        },
        refs,
        sdk_only: false,
    })
}

/// `Org.OpenAPITools.Model.Pet` → `Pet`, `Petstore::Pet` → `Pet`, `# Pet` → `Pet`.
fn model_name(title: &str) -> String {
    let title = title.trim().trim_start_matches('#').trim();
    if title.contains(['.', ':']) && !title.contains(' ') {
        return base_name(title);
    }
    title.to_string()
}

fn properties(
    source: &SourceFile,
    table: &Table,
    flavour: &dyn Flavour,
    refs: &mut Vec<PendingRef>,
    diags: &mut Diagnostics,
) -> Option<PropertyTable> {
    let find = |name: &str| {
        table
            .header
            .iter()
            .position(|c| c.text.eq_ignore_ascii_case(name))
    };
    let (Some(name_col), Some(type_col)) = (find("Name"), find("Type")) else {
        diags.push(
            Diagnostic::error(
                table.span.clone(),
                "the Properties table has no `Name` and `Type` columns",
            )
            .with_snippet(source.line_text(table.span.line))
            .with_hint("expected `Name | Type | Description | Notes`"),
        );
        return None;
    };
    let desc_col = find("Description");
    let notes_col = find("Notes");
    let mut out = PropertyTable::default();
    // The template that writes names as code spans (`` `name` ``, PHP) marks required
    // properties (`<sup>*_required_</sup>`) instead of optional ones (`[optional]`).
    let marks_required = table.rows.iter().any(|r| {
        r.cells
            .get(name_col)
            .is_some_and(|c| c.text.trim().starts_with('`'))
    });
    for row in &table.rows {
        let cell = |c: Option<usize>| c.and_then(|c| row.cells.get(c)).map(|c| c.text.as_str());
        let (Some(name_cell), Some(type_cell)) = (row.cells.get(name_col), row.cells.get(type_col))
        else {
            diags.push(
                Diagnostic::error(row.span.clone(), "row has too few cells")
                    .with_snippet(&row.raw)
                    .with_hint("expected `**name** | **type** | description | notes`"),
            );
            return None;
        };
        // `**name**`, or PHP's `` `name` `` with its required mark.
        let (name, marked) = match name_cell.text.split_once("<sup>") {
            Some((name, mark)) => (name, mark.contains("required")),
            None => (name_cell.text.as_str(), false),
        };
        let name = name.trim().trim_matches('*').trim_matches('`').trim();
        let wire_name = flavour.wire_name(name);
        if wire_name.is_empty() {
            continue;
        }
        let notes_text = cell(notes_col).unwrap_or("");
        let notes = flavour.notes(notes_text);
        let (ty, nullable) = flavour.type_cell(type_cell, refs, diags);
        let nullable = nullable || (!notes.optional && flavour.nullable_when_required(type_cell));
        let (description, _) = description(cell(desc_col).unwrap_or(""));
        let description = description.map(|d| unescape_html(&d));
        let ty = flavour.refine(ty, description.as_deref());
        // A default the type cannot hold (`[default to {}]` on a list) is dropped.
        let default = notes
            .default
            .as_deref()
            .map(|d| default_value(d, &ty, type_cell))
            .filter(|d| ty.may_accept(d) || (d.is_null() && nullable));
        if wire_name == "any string name" {
            out.additional_properties = Some(ty);
            continue;
        }
        out.fields.push(Field {
            wire_name,
            ty,
            required: if marks_required {
                marked
            } else {
                !notes.optional
            },
            nullable,
            description,
            deprecated: false,
            examples: Vec::new(),
            default,
            read_only: notes.read_only,
            unstated: Default::default(),
            span: row.span.clone(),
            provenance: None,
        });
        out.notes.push(notes_text.to_string());
    }
    check_rows(table, diags);
    Some(out)
}

/// Warns about rows whose cell count differs from the header's.
fn check_rows(table: &Table, diags: &mut Diagnostics) {
    // Rows with an empty last cell (`**x** | **str** |  | `) are one short: harmless.
    let bad: Vec<&Row> = table
        .rows
        .iter()
        .filter(|r| r.cells.len() > table.header.len())
        .collect();
    if let Some(first) = bad.first() {
        diags.push(
            Diagnostic::warning(
                first.span.clone(),
                format!("{} row(s) have more cells than the header", bad.len()),
            )
            .with_snippet(&first.raw)
            .with_hint("escape a literal `|` inside a cell as `\\|`"),
        );
    }
}

/// What a Notes cell says: `[optional] [readonly] [default to X]`.
#[derive(Debug, Default, PartialEq)]
pub struct Notes {
    /// `[optional]`: the property may be absent.
    pub optional: bool,
    /// `[readonly]`.
    pub read_only: bool,
    /// The default, as written (`'fail'`, `False`, `[]`).
    pub default: Option<String>,
}

impl Notes {
    /// Reads the bracketed notes of a Notes cell; other text is ignored.
    pub fn parse(text: &str) -> Notes {
        let mut notes = Notes::default();
        let mut rest = text;
        while let Some(start) = rest.find('[') {
            let Some(len) = rest[start..].find(']') else {
                break;
            };
            // `[default to []]`: the closing bracket of the note is the last one of a run.
            let mut end = start + len;
            while rest[end + 1..].starts_with(']') {
                end += 1;
            }
            let note = &rest[start + 1..end];
            match note.trim() {
                "optional" => notes.optional = true,
                "readonly" => notes.read_only = true,
                n => {
                    if let Some(d) = n.strip_prefix("default to ") {
                        notes.default = Some(d.trim().to_string());
                    }
                }
            }
            rest = &rest[end + 1..];
        }
        notes
    }
}

/// `'fail'`, `"720h"`, `False`, `[]`, `0`, `KEYVISIBILITY_KEY_VISIBILITY_UNSPECIFIED`.
fn default_value(text: &str, ty: &Type, type_cell: &Cell) -> Value {
    let text = text.trim();
    for q in ['\'', '"'] {
        if let Some(inner) = text.strip_prefix(q).and_then(|t| t.strip_suffix(q)) {
            return Value::String(inner.to_string());
        }
    }
    match text {
        "True" | "true" => return Value::Bool(true),
        "False" | "false" => return Value::Bool(false),
        "None" | "nil" | "null" => return Value::Null,
        _ => {}
    }
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        return v;
    }
    if matches!(ty, Type::Pending(_)) {
        // Enum member constants: python `RevocationReason.REVOCATION_REASON_X`,
        // Go `REVOCATIONREASON_REVOCATION_REASON_X` (type name upper-cased + `_`).
        if let Some((_, member)) = text.rsplit_once('.') {
            return Value::String(member.to_string());
        }
        let label = type_cell.text.replace("**", "");
        let type_name = label
            .split_once('[')
            .and_then(|(_, rest)| rest.split_once("]("))
            .map(|(name, _)| base_name(name.trim_start_matches("[]")))
            .unwrap_or_default()
            .to_ascii_uppercase();
        if let Some(member) = text.strip_prefix(&format!("{type_name}_")) {
            return Value::String(member.to_string());
        }
    }
    Value::String(text.to_string())
}

/// `* `FAIL` (value: `'fail'`)` bullets.
fn enum_bullets(section: &Blocks) -> Enum {
    let mut values = Vec::new();
    for (block, _) in section {
        let Block::List { items, .. } = block else {
            continue;
        };
        for item in items {
            if let Some(v) = enum_bullet(&item.text) {
                values.push(v);
            }
        }
    }
    Enum {
        values,
        open: false,
        value_type_unstated: false,
    }
}

fn enum_bullet(text: &str) -> Option<EnumValue> {
    let name = text
        .trim()
        .strip_prefix('`')
        .and_then(|t| t.split_once('`'))
        .map(|(n, _)| n.to_string());
    let (_, value) = text.split_once("(value: `")?;
    let value = value.rsplit_once("`)").map_or(value, |(v, _)| v).trim();
    let value = value
        .strip_prefix('\'')
        .and_then(|v| v.strip_suffix('\''))
        .map(|v| Value::String(v.to_string()))
        .or_else(|| serde_json::from_str::<Value>(value).ok())
        .unwrap_or_else(|| Value::String(value.to_string()));
    Some(EnumValue { name, value })
}

/// HTML character references (`&#39;`, `&#x3D;`, `&quot;`) and `\"` in
/// openapi-generator descriptions.
pub fn unescape_html(text: &str) -> String {
    if !text.contains(['&', '\\']) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let decoded = rest
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| Some((char_reference(&rest[1..end])?, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    // `\&quot;` in the docs: the escape of a quote inside a Go string.
    out.replace("\\\"", "\"")
}

/// The character an HTML reference name (`quot`, `#39`, `#x3D`) stands for.
fn char_reference(name: &str) -> Option<char> {
    let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()?
    } else if let Some(dec) = name.strip_prefix('#') {
        dec.parse().ok()?
    } else {
        return match name {
            "quot" => Some('"'),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "apos" => Some('\''),
            _ => None,
        };
    };
    char::from_u32(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_references() {
        assert_eq!(
            unescape_html(
                "HasName() &#x3D;&#x3D; false, it&#39;s \\&quot;x\\&quot; &amp; &unknown; &"
            ),
            "HasName() == false, it's \"x\" & &unknown; &"
        );
    }

    #[test]
    fn titles_and_notes() {
        assert_eq!(
            model_name("Org.OpenAPITools.Model.FormatTest"),
            "FormatTest"
        );
        assert_eq!(model_name("# FormatTest"), "FormatTest");
        assert_eq!(model_name("Petstore::FormatTest"), "FormatTest");
        assert_eq!(
            Notes::parse("[optional] [default to []]"),
            Notes {
                optional: true,
                read_only: false,
                default: Some("[]".into())
            }
        );
    }

    #[test]
    fn enum_bullets() {
        assert_eq!(
            enum_bullet("`AAL1` (value: `\"aal1\"`)").map(|v| v.value),
            Some(Value::from("aal1"))
        );
        assert_eq!(
            enum_bullet("`FAIL` (value: `'fail'`)").and_then(|v| v.name),
            Some("FAIL".into())
        );
    }
}
