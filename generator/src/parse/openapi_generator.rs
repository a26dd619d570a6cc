//! openapi-generator model docs, any target language.
//!
//! ```text
//! # Name                 (C# `# Org.OpenAPITools.Model.Name`, PHP `# # Name`)
//! description
//! ## Properties
//! Name | Type | Description | Notes          (outer pipes optional)
//! **name** | **str** | text | [optional] [readonly] [default to X]
//! ## Enum                * `FAIL` (value: `'fail'`)
//! ## Methods             (Go: getters/setters, no schema facts)
//! ```
//! Type cells put names in bold (`**List[str]**`, `[**Model**](Model.md)`,
//! Go `Pointer to **NullableString**`); generics may be HTML-escaped
//! (`**List&lt;str&gt;**`). Required = no `[optional]` note. Nullability shows
//! as Go `NullableX` types, python `Optional[X]` / `X, none_type`.

use serde_json::Value;

use super::lower::{base_name, LowerCx, TypeNames, Wrapper};
use super::speakeasy::description;
use super::{type_expr, Marker, ParsedDoc};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::{Enum, EnumValue, Field, Format, Model, ModelKind, Object, Type};
use crate::markdown::{Block, Cell, Row, Table};
use crate::source::SourceFile;

/// The type names of every openapi-generator target (python, Go, Java, ...).
pub struct OpenApiGenerator;

impl TypeNames for OpenApiGenerator {
    fn scalar(&self, name: &str) -> Option<Type> {
        if let Some(inner) = name.strip_prefix("Nullable") {
            // Go `NullableString`, `NullableInt64`, `NullableTime`.
            let inner = match inner {
                "Time" => "time.Time",
                other => other,
            };
            let lower = inner.to_ascii_lowercase();
            let ty = self.scalar(inner).or_else(|| self.scalar(&lower))?;
            return Some(Type::Nullable(Box::new(ty)));
        }
        Some(match name {
            "str" | "string" | "String" | "UUID" | "uuid" | "URI" | "char" => Type::STRING,
            "int" | "integer" => Type::INTEGER,
            "int32" | "Int32" | "Integer" => Type::Integer(Some(Format::Int32)),
            "int64" | "Int64" | "long" | "Long" => Type::Integer(Some(Format::Int64)),
            "float" => Type::NUMBER,
            "float32" | "Float" => Type::Number(Some(Format::Float)),
            "float64" | "double" | "Double" => Type::Number(Some(Format::Double)),
            "number" | "Number" | "BigDecimal" | "decimal" => Type::NUMBER,
            "bool" | "boolean" | "Boolean" => Type::Boolean,
            "datetime" | "time.Time" | "OffsetDateTime" | "DateTime" | "Date" => {
                Type::String(Some(Format::DateTime))
            }
            "date" | "LocalDate" => Type::String(Some(Format::Date)),
            "object" | "Object" | "interface{}" | "any" | "AnyType" | "map[string]interface{}" => {
                Type::Any
            }
            "bytearray" | "bytes" | "byte[]" | "File" | "os.File" | "*os.File" | "file_type"
            | "SplFileObject" => Type::String(Some(Format::Binary)),
            _ => return None,
        })
    }

    fn wrapper(&self, name: &str) -> Option<Wrapper> {
        match name {
            // python `Optional[X]` (pydantic template): may be null.
            "Optional" => Some(Wrapper::NULLABLE),
            _ => None,
        }
    }

    fn is_list(&self, name: &str) -> bool {
        matches!(name, "List" | "list" | "[]" | "Set" | "array" | "Array")
    }

    fn is_map(&self, name: &str) -> bool {
        matches!(
            name,
            "Dict" | "dict" | "map" | "Map" | "Dictionary" | "Hash"
        )
    }

    fn stdlib_link(&self, _label: &str, target: &str) -> Option<Type> {
        target.starts_with("http").then_some(Type::Any)
    }
}

/// What openapi-generator docs cannot express (see [`super::Dialect::limitations`]).
pub const LIMITATIONS: &[&str] = &[
    "inline enums and consts render as their base type (`**string**`)",
    "python docs show no nullability marker; Go property names are SDK names, not wire names (those are inferred: see the `wire names` note)",
    "Go docs carry no model descriptions (their `## Methods` section is getter/setter boilerplate)",
    "oneOf/anyOf models render as the flattened properties of their members",
];

/// How strongly a document looks like openapi-generator docs.
pub fn score(text: &str) -> u32 {
    super::Dialect::OpenApiGenerator.score(text)
}

/// Index in [`MARKERS`] of the enum section heading.
const ENUM_SECTION: usize = 3;
/// Index in [`MARKERS`] of the enum value spelling, which counts with [`ENUM_SECTION`].
const ENUM_VALUE: usize = 4;

/// openapi-generator's detection markers: each counts its weight once when
/// present, however often; the enum section and value (weight 0) count 10
/// together (see [`score_counts`]).
pub const MARKERS: &[Marker] = &[
    Marker::new("## Properties", 5),
    Marker::new("Name | Type | Description | Notes", 10),
    Marker::new("[[Back to Model list]]", 5),
    Marker::new("## Enum", 0),
    Marker::new("(value: `", 0),
];

/// openapi-generator's score from its [`MARKERS`] counts (see [`super::Dialect::score_counts`]).
pub fn score_counts(counts: &[u32]) -> u32 {
    let present = MARKERS
        .iter()
        .zip(counts)
        .filter(|(_, &c)| c > 0)
        .map(|(m, _)| m.weight)
        .sum::<u32>();
    let enum_doc = counts[ENUM_SECTION] > 0 && counts[ENUM_VALUE] > 0;
    present + if enum_doc { 10 } else { 0 }
}

/// openapi-generator docs have no union documents.
pub fn union_member(_heading: &str, _code: &str) -> Option<String> {
    None
}

/// Parses one openapi-generator model document.
pub fn parse(
    source: &SourceFile,
    blocks: &[(Block, std::ops::Range<usize>)],
    diags: &mut Diagnostics,
) -> Option<ParsedDoc> {
    let (title_index, title, title_span) = super::title(source, blocks, diags)?;
    let name = super::non_empty_name(model_name(&title), source, &title_span, diags)?;
    let body = &blocks[title_index + 1..];
    let first_section = body
        .iter()
        .position(|(b, _)| matches!(b, Block::Heading { level, .. } if *level >= 2))
        .unwrap_or(body.len());
    let description = body[..first_section]
        .iter()
        .map(|(_, range)| source.text[range.clone()].trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");

    let mut refs = Vec::new();
    let mut kind = None;
    for (i, (block, _)) in body.iter().enumerate() {
        let Block::Heading { level: 2, text, .. } = block else {
            continue;
        };
        let section = &body[i + 1..];
        let section_end = section
            .iter()
            .position(|(b, _)| matches!(b, Block::Heading { level: 2, .. }))
            .unwrap_or(section.len());
        let section = &section[..section_end];
        match text.trim() {
            "Properties" => {
                let table = section.iter().find_map(|(b, _)| match b {
                    Block::Table(t) => Some(t),
                    _ => None,
                });
                let object = match table {
                    Some(t) => properties(source, t, &mut refs, diags)?,
                    None => Object::default(),
                };
                // An empty table is a oneOf/anyOf of scalars (python `LocationInner`):
                // its members are not documented, so its shape is unknown.
                kind = Some(
                    if object.fields.is_empty() && object.additional_properties.is_none() {
                        ModelKind::Alias { ty: Type::Any }
                    } else {
                        ModelKind::Object(object)
                    },
                );
            }
            "Enum" => kind = Some(ModelKind::Enum(enum_bullets(section))),
            _ => continue,
        }
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
    })
}

/// Names the python generator prefixes with `var_` because they clash with
/// python keywords or pydantic/builtin names.
const PYTHON_RESERVED: &[&str] = &[
    "and", "as", "assert", "async", "await", "base64", "bool", "break", "class", "continue",
    "date", "def", "del", "dict", "elif", "else", "except", "false", "field", "finally", "float",
    "for", "from", "global", "if", "import", "in", "int", "is", "json", "lambda", "list", "none",
    "nonlocal", "not", "object", "or", "pass", "property", "raise", "return", "schema", "self",
    "str", "true", "try", "type", "while", "with", "yield",
];

/// The JSON name of a property: python's `var_schema` is `schema`.
fn wire_name(sdk_name: &str) -> String {
    match sdk_name.strip_prefix("var_") {
        Some(rest) if PYTHON_RESERVED.contains(&rest.to_ascii_lowercase().as_str()) => {
            rest.to_string()
        }
        _ => sdk_name.to_string(),
    }
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
    refs: &mut Vec<super::PendingRef>,
    diags: &mut Diagnostics,
) -> Option<Object> {
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
    let mut object = Object::default();
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
        let wire_name = wire_name(name_cell.text.trim().trim_matches('*').trim());
        if wire_name.is_empty() {
            continue;
        }
        let notes = Notes::parse(cell(notes_col).unwrap_or(""));
        let (ty, nullable) = lower_type(type_cell, refs, diags);
        let (description, _) = description(cell(desc_col).unwrap_or(""));
        let description = description.map(|d| unescape_html(&d));
        let ty = match (&ty, description.as_deref().and_then(go_enum_values)) {
            (Type::String(None), Some(values)) => Type::Enum(values),
            _ => ty,
        };
        // A default the type cannot hold (`[default to {}]` on a list) is dropped.
        let default = notes
            .default
            .as_deref()
            .map(|d| default_value(d, &ty, type_cell))
            .filter(|d| ty.may_accept(d) || (d.is_null() && nullable));
        if wire_name == "any string name" {
            object.additional_properties = Some(ty);
            continue;
        }
        object.fields.push(Field {
            wire_name,
            ty,
            required: !notes.optional,
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
    }
    check_rows(table, diags);
    Some(object)
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

/// The notes column: `[optional] [readonly] [default to X]`.
#[derive(Debug, Default, PartialEq)]
struct Notes {
    optional: bool,
    read_only: bool,
    default: Option<String>,
}

impl Notes {
    fn parse(text: &str) -> Notes {
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

/// Lowers a Type cell: drops bold markers and Go's `Pointer to `, then parses
/// the rest; python's `X, none_type` and Go's `NullableX` make it nullable.
fn lower_type(
    cell: &Cell,
    refs: &mut Vec<super::PendingRef>,
    diags: &mut Diagnostics,
) -> (Type, bool) {
    let text = cell.text.replace("**", "");
    let text = text.trim();
    let text = text.strip_prefix("Pointer to ").unwrap_or(text).trim();
    let (text, none_type) = match text.strip_suffix(", none_type") {
        Some(t) => (t, true),
        None => (text, false),
    };
    let mut cx = LowerCx {
        names: &OpenApiGenerator,
        refs,
        diags,
        span: cell.span.clone(),
        cell: &cell.text,
    };
    let ty = match type_expr::parse(text) {
        Ok(expr) => cx.lower(&expr),
        Err(e) => {
            cx.diags.push(
                Diagnostic::warning(
                    cell.span.clone(),
                    format!("cannot parse type: expected {}", e.expected),
                )
                .with_snippet(&cell.text)
                .with_hint("the field falls back to any JSON value (serde_json::Value)"),
            );
            Type::Any
        }
    };
    match ty {
        Type::Nullable(inner) => (*inner, true),
        ty => (ty, none_type),
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
    if matches!(ty, Type::Ref(_)) {
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

/// Enum values of a string property from the go-swagger convention that ends
/// a description with `value ConstName` pairs (`eu-central EUCentral us US`,
/// `opaque Oauth2AccessTokenStrategyOpaque jwt Oauth2AccessTokenStrategyJwt`):
/// each constant name is CamelCase and ends with its value. At least two pairs
/// are required, so that a sentence ending in such words is not mistaken for one.
fn go_enum_values(description: &str) -> Option<Vec<Value>> {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let tokens: Vec<&str> = description.split_whitespace().collect();
    let mut values = Vec::new();
    let mut end = tokens.len();
    while end >= 2 {
        let (value, constant) = (tokens[end - 2], tokens[end - 1]);
        let is_constant = constant.starts_with(|c: char| c.is_ascii_uppercase())
            && constant.chars().all(|c| c.is_ascii_alphanumeric());
        let folded = fold(value);
        if !is_constant
            || folded.is_empty()
            || value.starts_with(|c: char| c.is_ascii_uppercase())
            || !fold(constant).ends_with(&folded)
        {
            break;
        }
        values.push(Value::String(value.to_string()));
        end -= 2;
    }
    values.reverse();
    (values.len() >= 2).then_some(values)
}

/// `* `FAIL` (value: `'fail'`)` bullets.
fn enum_bullets(section: &[(Block, std::ops::Range<usize>)]) -> Enum {
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
fn unescape_html(text: &str) -> String {
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
    use crate::diagnostic::Diagnostics;
    use crate::markdown;

    fn parse_text(text: &str) -> ParsedDoc {
        let source = SourceFile::new("x.md", text);
        let blocks = markdown::blocks_with_ranges(&source);
        let mut diags = Diagnostics::default();
        let doc = parse(&source, &blocks, &mut diags).expect("parses");
        assert!(diags.is_empty(), "{diags}");
        doc
    }

    fn fields(doc: &ParsedDoc) -> &[Field] {
        match &doc.model.kind {
            ModelKind::Object(o) => &o.fields,
            other => panic!("not an object: {other:?}"),
        }
    }

    #[test]
    fn python_properties() {
        let doc = parse_text(
            "# ActionsInner\n\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**action** | **str** | The action. | \n**entities** | [**List[EntitiesInner]**](EntitiesInner.md) | A list. | \n**update_mask** | **List[str]** |  | [optional] \n**dry** | **bool** |  | [optional] [default to False]\n**when** | **datetime** |  | [readonly] \n",
        );
        let f = fields(&doc);
        assert_eq!(f[0].wire_name, "action");
        assert_eq!(f[0].ty, Type::STRING);
        assert!(f[0].required);
        assert!(matches!(&f[1].ty, Type::Array(item) if matches!(**item, Type::Ref(_))));
        assert_eq!(f[1].description.as_deref(), Some("A list."));
        assert_eq!(f[2].ty, Type::Array(Box::new(Type::STRING)));
        assert!(!f[2].required);
        assert_eq!(f[3].default, Some(Value::Bool(false)));
        assert_eq!(f[4].ty, Type::String(Some(Format::DateTime)));
        assert!(f[4].read_only && f[4].required);
    }

    #[test]
    fn go_properties() {
        let doc = parse_text(
            "# CloudAccount\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**BreakGlass** | Pointer to **bool** | the identity&#39;s flag | [optional] \n**OrganizationId** | Pointer to **NullableString** |  | [optional] \n**Tags** | **[]string** |  | \n**Reason** | Pointer to [**RevocationReason**](RevocationReason.md) |  | [optional] [default to REVOCATIONREASON_REVOCATION_REASON_UNSPECIFIED]\n**Traits** | **map[string]interface{}** |  | \n",
        );
        let f = fields(&doc);
        assert_eq!(f[0].ty, Type::Boolean);
        assert!(!f[0].required && !f[0].nullable);
        assert_eq!(f[0].description.as_deref(), Some("the identity's flag"));
        assert_eq!(f[1].ty, Type::STRING);
        assert!(f[1].nullable);
        assert_eq!(f[2].ty, Type::Array(Box::new(Type::STRING)));
        assert!(f[2].required);
        assert_eq!(
            f[3].default,
            Some(Value::String("REVOCATION_REASON_UNSPECIFIED".into()))
        );
        assert_eq!(f[4].ty, Type::Map(Box::new(Type::Any)));
    }

    #[test]
    fn empty_properties_table_is_unknown() {
        let doc = parse_text(
            "# LocationInner\n\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\n## Example\n",
        );
        assert_eq!(doc.model.kind, ModelKind::Alias { ty: Type::Any });
    }

    #[test]
    fn escaped_generics_and_none_type() {
        let doc = parse_text(
            "# X\n\n## Properties\n\n| Name | Type | Description | Notes |\n|---|---|---|---|\n| **tags** | **List&lt;str&gt;** | | [optional] |\n| **note** | **str, none_type** | | |\n",
        );
        let f = fields(&doc);
        assert_eq!(f[0].ty, Type::Array(Box::new(Type::STRING)));
        assert_eq!(f[1].ty, Type::STRING);
        assert!(f[1].nullable && f[1].required);
    }

    #[test]
    fn enum_models() {
        let doc = parse_text(
            "# BulkActionNotOnExistence\n\nBulk Action.\n\n## Enum\n\n* `FAIL` (value: `'fail'`)\n\n* `SKIP` (value: `'skip'`)\n\n[[Back to Model list]](../README.md#documentation-for-models)\n",
        );
        let ModelKind::Enum(e) = &doc.model.kind else {
            panic!("not an enum")
        };
        let values: Vec<&Value> = e.values.iter().map(|v| &v.value).collect();
        assert_eq!(values, [&Value::from("fail"), &Value::from("skip")]);
        assert_eq!(e.values[0].name.as_deref(), Some("FAIL"));
        assert_eq!(doc.model.description.as_deref(), Some("Bulk Action."));
        assert_eq!(
            enum_bullet("`AAL1` (value: `\"aal1\"`)").map(|v| v.value),
            Some(Value::from("aal1"))
        );
    }

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
    fn go_swagger_enum_descriptions() {
        assert_eq!(
            go_enum_values(" eu-central EUCentral asia-northeast AsiaNorthEast us US"),
            Some(vec![
                "eu-central".into(),
                "asia-northeast".into(),
                "us".into()
            ])
        );
        // A constant that does not end with its value is not trusted.
        assert_eq!(go_enum_values(" prod Production stage Staging"), None);
        assert_eq!(
            go_enum_values("Defines access token type  This governs the \"strategies.access_token\" setting. opaque Oauth2AccessTokenStrategyOpaque jwt Oauth2AccessTokenStrategyJwt"),
            Some(vec!["opaque".into(), "jwt".into()])
        );
        assert_eq!(
            go_enum_values("The previous RegistrationScreenPrevious"),
            None
        );
        assert_eq!(go_enum_values("The name of the Project"), None);
    }

    #[test]
    fn python_reserved_names() {
        assert_eq!(wire_name("var_schema"), "schema");
        assert_eq!(wire_name("var_from"), "from");
        assert_eq!(wire_name("var_count"), "var_count");
        assert_eq!(wire_name("dag_id"), "dag_id");
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
    fn detects_openapi_generator() {
        assert!(score("## Properties\n\nName | Type | Description | Notes\n") > 0);
        assert_eq!(
            score("## Fields\n\n| Field | Type | Required | Description |"),
            0
        );
    }
}
