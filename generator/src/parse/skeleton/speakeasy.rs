//! The Speakeasy document skeleton, shared by every Speakeasy language.
//!
//! ```text
//! # Name                 (or # ~~Name~~ when deprecated)
//! description paragraphs
//! > :warning: **DEPRECATED**: ...
//! ## Fields              | Field | Type | Required | Description | [Example] |
//! ## Values              | Name | Value |, a code block of literals, or a bullet list
//! ## Supported Types     ### `member type` + code block
//! ```
//! Type cells are handed to the language's [`TypeNames`]; everything else is
//! the same across languages, except what a [`Language`] says: how a union
//! doc names a member and what its additional-properties row is called.

use serde_json::Value;

use super::{description, lower_cell};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::{Enum, EnumValue, Field, Format, Model, ModelKind, Object, Type, Union};
use crate::markdown::{Block, Cell, Row, Table};
use crate::parse::dialect::{Blocks, Limitation, Loss, ParsedDoc, PendingRef};
use crate::parse::lower::{self, TypeNames};
use crate::source::{SourceFile, Span};

const CHECK: &str = ":heavy_check_mark:";
const MINUS: &str = ":heavy_minus_sign:";

/// What a Speakeasy language adds to the skeleton besides its type names.
pub trait Language: TypeNames {
    /// The member type one `### heading` + code block of a union doc names.
    fn union_member(&self, heading: &str, code: &str) -> Option<String>;

    /// Whether a Fields row named `name` is the synthetic row Speakeasy adds for
    /// `additionalProperties` (see [`additional_properties_row`], the default).
    fn is_extra_properties_row(&self, name: &str) -> bool {
        additional_properties_row(name)
    }

    /// Whether a document that is only a title is a union whose members the docs
    /// do not show (Java, Ruby). Elsewhere such a document (a client options
    /// page) is not a model doc and is skipped with a warning.
    fn bare_title_is_union(&self) -> bool {
        false
    }
}

/// The limitation every Speakeasy language shares: a required property with a
/// default is rendered optional.
pub const REQUIRED_DEFAULTS: Limitation = Limitation::new(
    &[Loss::RequiredDefaults],
    "speakeasy docs show required properties that have a default as optional; they are emitted as optional",
);

/// The additional-properties row as most languages name it: `additionalProperties`
/// in the language's case convention.
pub fn additional_properties_row(name: &str) -> bool {
    matches!(
        name,
        "additional_properties" | "additionalProperties" | "AdditionalProperties"
    )
}

/// Parses one Speakeasy model document in `language`.
pub fn parse<L: Language>(
    source: &SourceFile,
    blocks: &Blocks,
    language: &L,
    diags: &mut Diagnostics,
) -> Option<ParsedDoc> {
    parse_doc(source, blocks, language, language, diags)
}

fn parse_doc(
    source: &SourceFile,
    blocks: &Blocks,
    names: &dyn TypeNames,
    language: &dyn Language,
    diags: &mut Diagnostics,
) -> Option<ParsedDoc> {
    let mut refs = Vec::new();
    let (title_index, title, title_span) = super::title(source, blocks, diags)?;
    let (name, mut deprecated) = strip_strikethrough(&title);
    let name = super::non_empty_name(name, source, &title_span, diags)?;
    let name = names.model_name(&name);

    // Description: everything between the title and the first `##` heading.
    let body = &blocks[title_index + 1..];
    let first_section = super::first_section(body);
    let mut description_parts = Vec::new();
    for (block, range) in &body[..first_section] {
        match block {
            Block::Quote { text, .. } if is_deprecation_notice(text) => deprecated = true,
            _ => description_parts.push(source.text[range.clone()].trim().to_string()),
        }
    }
    let description = non_empty(description_parts.join("\n\n"));

    let mut kind = None;
    let mut sdk_only = false;
    for section in super::sections(&body[first_section..]) {
        kind = match section.heading {
            "Fields" | "Properties" => {
                let Some(table) = section.table() else {
                    let span = section.span;
                    diags.push(
                        Diagnostic::error(span.clone(), "`## Fields` is not followed by a table")
                            .with_snippet(source.line_text(span.line))
                            .with_hint("expected `| Field | Type | Required | Description |`"),
                    );
                    return None;
                };
                let (mut object, only_sdk_members) =
                    fields_table(source, table, names, language, &mut refs, diags)?;
                sdk_only = only_sdk_members;
                let nulls = example_nulls(body);
                for f in &mut object.fields {
                    f.nullable |= nulls.contains(&f.wire_name.as_str());
                }
                Some(ModelKind::Object(object))
            }
            "Values" => {
                let mut values = enum_values(section.blocks, diags);
                // Go/Java/C# (2025+) say so in the Example Usage code: `// Open enum: ...`,
                // Ruby `# Open enum: use .deserialize() ...`.
                values.open |= body.iter().any(|(b, _)| {
                    matches!(b, Block::Code { text, .. }
                        if text.contains("// Open enum") || text.contains("# Open enum"))
                });
                Some(ModelKind::Enum(values))
            }
            "Supported Types" => Some(ModelKind::Union(union_members(
                source,
                section.blocks,
                names,
                language,
                &mut refs,
                diags,
            ))),
            _ => None,
        };
        if kind.is_some() {
            break;
        }
    }

    if kind.is_none() && !language.bare_title_is_union() {
        diags.push(
            Diagnostic::warning(
                title_span.clone(),
                format!("`{name}` has no `## Fields`, `## Values` or `## Supported Types` table: not a model doc, skipped"),
            )
            .with_snippet(source.line_text(title_span.line)),
        );
        return None;
    }
    let kind = kind.unwrap_or_else(|| {
        // Java and Ruby union docs are a bare title: the members are not in the docs.
        diags.push(
            Diagnostic::warning(
                title_span.clone(),
                format!("`{name}` has no `## Fields`, `## Values` or `## Supported Types` section"),
            )
            .with_snippet(source.line_text(title_span.line))
            .with_hint("its shape is not in the docs (Java and Ruby union docs are empty); it becomes any JSON value"),
        );
        ModelKind::Alias { ty: Type::Any }
    });
    Some(ParsedDoc {
        model: Model {
            name,
            description,
            deprecated,
            kind,
            span: title_span,
            provenance: None,
        },
        refs,
        sdk_only,
    })
}

/// Keys an `## Example Usage` object literal sets to `null` (TypeScript:
/// `let value: X = {` / `  title: null,`): a null example value shows the
/// field accepts `null`. Only top-level keys (two-space indent) count.
fn example_nulls(body: &Blocks) -> Vec<&str> {
    let Some(start) = body.iter().position(
        |(b, _)| matches!(b, Block::Heading { level: 2, text, .. } if text.trim() == "Example Usage"),
    ) else {
        return Vec::new();
    };
    let code = body[start + 1..]
        .iter()
        .take_while(|(b, _)| !matches!(b, Block::Heading { level: 2, .. }))
        .find_map(|(b, _)| match b {
            Block::Code { text, .. } => Some(text.as_str()),
            _ => None,
        });
    code.into_iter()
        .flat_map(str::lines)
        .filter_map(|line| {
            let entry = line.strip_prefix("  ")?;
            let (key, value) = entry.split_once(':')?;
            let key = key.trim_matches('"');
            let top_level = !key.is_empty() && !key.starts_with([' ', '/']);
            (top_level && value.trim().trim_end_matches(',') == "null").then_some(key)
        })
        .collect()
}

fn strip_strikethrough(text: &str) -> (String, bool) {
    let t = text.trim();
    match t.strip_prefix("~~").and_then(|t| t.strip_suffix("~~")) {
        Some(inner) => (inner.trim().to_string(), true),
        None => (t.to_string(), false),
    }
}

fn is_deprecation_notice(text: &str) -> bool {
    text.contains("DEPRECATED")
}

fn non_empty(s: String) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Column layout of a Fields table.
struct Columns {
    field: usize,
    ty: usize,
    required: Option<usize>,
    description: Option<usize>,
    example: Option<usize>,
}

fn columns(source: &SourceFile, table: &Table, diags: &mut Diagnostics) -> Option<Columns> {
    let find = |names: &[&str]| {
        table
            .header
            .iter()
            .position(|c| names.iter().any(|n| c.text.eq_ignore_ascii_case(n)))
    };
    let field = find(&["Field", "Name", "Parameter"]);
    let ty = find(&["Type"]);
    let (Some(field), Some(ty)) = (field, ty) else {
        let header: Vec<&str> = table.header.iter().map(|c| c.text.as_str()).collect();
        diags.push(
            Diagnostic::error(
                table.span.clone(),
                "the Fields table has no `Field` and `Type` columns",
            )
            .with_snippet(source.line_text(table.span.line))
            .with_hint(format!(
                "expected `| Field | Type | Required | Description |`, found `| {} |`",
                header.join(" | ")
            )),
        );
        return None;
    };
    Some(Columns {
        field,
        ty,
        required: find(&["Required"]),
        description: find(&["Description"]),
        example: find(&["Example"]),
    })
}

/// The sentences Speakeasy writes as the description of the members its response and
/// error wrappers add beside the payload (the raw HTTP response and request, the
/// status code, the content type), in every language.
const SDK_MEMBER_DESCRIPTIONS: [&str; 4] = [
    "Raw HTTP response; suitable for custom response parsing",
    "Raw HTTP request; suitable for debugging",
    "HTTP response status code for this operation",
    "HTTP response content type for this operation",
];

/// Whether a field is an SDK member rather than a JSON field: its description is one
/// of [`SDK_MEMBER_DESCRIPTIONS`].
fn is_sdk_member(field: &Field) -> bool {
    field.description.as_deref().is_some_and(|d| {
        let d = d.trim().trim_end_matches('.');
        SDK_MEMBER_DESCRIPTIONS
            .iter()
            .any(|s| d.eq_ignore_ascii_case(s))
    })
}

/// A note that an SDK member was left out.
pub(crate) fn sdk_member_note(span: Span, sdk_name: &str, snippet: &str) -> Diagnostic {
    Diagnostic::note(
        span,
        format!("`{sdk_name}` is an SDK member, no part of the JSON payload: left out"),
    )
    .with_snippet(snippet)
    .with_hint("Speakeasy response and error wrappers list the raw HTTP response, its metadata, status code and content type beside the payload")
}

/// The doc's fields table as an object, and whether every row was an SDK member.
fn fields_table(
    source: &SourceFile,
    table: &Table,
    names: &dyn TypeNames,
    language: &dyn Language,
    refs: &mut Vec<PendingRef>,
    diags: &mut Diagnostics,
) -> Option<(Object, bool)> {
    let cols = columns(source, table, diags)?;
    let mut object = Object::default();
    let mut sdk_members = 0;
    let mut ok = true;
    let mut seen: std::collections::HashMap<String, Span> = std::collections::HashMap::new();
    for row in &table.rows {
        if row.cells.len() != table.header.len() {
            diags.push(
                Diagnostic::error(
                    row.span.clone(),
                    format!(
                        "row has {} cells but the header has {}",
                        row.cells.len(),
                        table.header.len()
                    ),
                )
                .with_snippet(&row.raw)
                .with_hint("escape a literal `|` inside a cell as `\\|`"),
            );
            ok = false;
            continue;
        }
        let Some(field) = field_row(row, &cols, names, refs, diags) else {
            ok = false;
            continue;
        };
        if is_sdk_member(&field) {
            diags.push(sdk_member_note(
                row.span.clone(),
                row.cells[cols.field].text.trim_matches('`'),
                &row.raw,
            ));
            sdk_members += 1;
            continue;
        }
        if let Some(extra) = extra_properties(language, &row.cells[cols.field].text, &field) {
            object.additional_properties = Some(extra);
            continue;
        }
        // A map, not a list: tables can have 100,000 rows.
        if let Some(first) = seen.get(&field.wire_name) {
            diags.push(
                Diagnostic::error(
                    row.span.clone(),
                    format!("duplicate field `{}`", field.wire_name),
                )
                .with_snippet(&row.raw)
                .with_hint(format!("first defined at {first}")),
            );
            ok = false;
            continue;
        }
        seen.insert(field.wire_name.clone(), row.span.clone());
        object.fields.push(field);
    }
    let sdk_only = sdk_members > 0 && object.fields.is_empty();
    ok.then_some((object, sdk_only))
}

fn extra_properties(language: &dyn Language, name_cell: &str, field: &Field) -> Option<Type> {
    let name = name_cell.trim_matches('`');
    if !language.is_extra_properties_row(name) {
        return None;
    }
    match &field.ty {
        Type::Map(value) => Some((**value).clone()),
        _ => None,
    }
}

fn field_row(
    row: &Row,
    cols: &Columns,
    names: &dyn TypeNames,
    refs: &mut Vec<PendingRef>,
    diags: &mut Diagnostics,
) -> Option<Field> {
    let name_cell = &row.cells[cols.field];
    let (name, deprecated_name) = field_name(&name_cell.text);
    if name.is_empty() {
        diags.push(
            Diagnostic::error(name_cell.span.clone(), "empty field name")
                .with_snippet(&row.raw)
                .with_hint("the first cell holds the field name, e.g. `` `user_id` ``"),
        );
        return None;
    }
    let name = names.wire_name(&name);
    let required = match cols.required {
        Some(c) => required_marker(&row.cells[c], &row.raw, diags)?,
        None => false,
    };
    let ty_cell = &row.cells[cols.ty];
    let lowered = lower_cell(ty_cell, names, refs, diags);
    let nullable = lowered.wrapper.nullable || (lowered.wrapper.optional && required);
    let (description, deprecated_desc) = cols
        .description
        .map(|c| description(&row.cells[c].text))
        .unwrap_or((None, false));
    let examples = cols
        .example
        .map(|c| examples(&row.cells[c].text, &lowered.ty))
        .unwrap_or_default();
    let mut ty = lowered.ty;
    if names.dates_ambiguous() {
        refine_date(&mut ty, &examples);
    }
    Some(Field {
        wire_name: name,
        ty,
        required,
        nullable,
        description,
        deprecated: deprecated_name || deprecated_desc,
        examples,
        default: None,
        read_only: false,
        unstated: Default::default(),
        span: row.span.clone(),
        provenance: None,
    })
}

/// A date-time whose examples are all full dates (`2026-03-20`) is a date,
/// for dialects that render both alike.
fn refine_date(ty: &mut Type, examples: &[Value]) {
    let is_date = |v: &Value| {
        v.as_str().is_some_and(|s| {
            s.len() == 10
                && s.char_indices().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
        })
    };
    if examples.is_empty() || !examples.iter().all(is_date) {
        return;
    }
    let target = match ty {
        Type::Nullable(inner) => inner.as_mut(),
        other => other,
    };
    if *target == Type::String(Some(Format::DateTime)) {
        *target = Type::String(Some(Format::Date));
    }
}

/// ``~~`name`~~`` → (`name`, deprecated).
fn field_name(cell: &str) -> (String, bool) {
    let (inner, deprecated) = strip_strikethrough(cell);
    let inner = inner.trim();
    let inner = inner
        .strip_prefix('`')
        .and_then(|s| s.strip_suffix('`'))
        .unwrap_or(inner);
    let inner = inner.trim_matches('*').trim();
    (inner.to_string(), deprecated)
}

fn required_marker(cell: &Cell, raw: &str, diags: &mut Diagnostics) -> Option<bool> {
    match cell.text.as_str() {
        CHECK | "✔️" | "✔" | "true" | "Yes" | "yes" => Some(true),
        MINUS | "➖" | "false" | "No" | "no" | "" => Some(false),
        other => {
            diags.push(
                Diagnostic::error(
                    cell.span.clone(),
                    format!("unknown Required marker `{other}`"),
                )
                .with_snippet(raw)
                .with_hint(format!(
                    "expected `{CHECK}` or `yes` (required), `{MINUS}` or `no` (optional)"
                )),
            );
            None
        }
    }
}

/// Whether an Example cell shows a null example: `null`, or Go's `<nil>`.
fn is_null_example(cell: &str) -> bool {
    matches!(cell.trim().trim_matches('`'), "null" | GO_NIL)
}

/// Example cell → JSON values of the field's JSON type; values of another type are dropped.
/// A null example is kept as `null`: where the dialect cannot show nullability it states
/// it ([`crate::parse::unstated`] decides).
pub fn examples(cell: &str, ty: &Type) -> Vec<Value> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Vec::new();
    }
    if is_null_example(cell) {
        return vec![Value::Null];
    }
    let parts: Vec<String> = if cell.starts_with("**Example 1:**") {
        cell.split("**Example ")
            .filter_map(|p| {
                p.split_once(":**")
                    .map(|(_, v)| v.trim_end_matches("<br/>").trim().to_string())
            })
            .collect()
    } else {
        vec![cell.to_string()]
    };
    parts
        .iter()
        .filter_map(|p| example_value(&p.replace("<br/>", "\n"), ty))
        .collect()
}

fn example_value(text: &str, ty: &Type) -> Option<Value> {
    let ty = match ty {
        Type::Nullable(t) => t,
        t => t,
    };
    let parsed = || serde_json::from_str::<Value>(text).ok();
    match ty {
        Type::String(_) => Some(Value::String(text.to_string())),
        Type::Integer(_) => parsed().filter(|v| v.is_i64() || v.is_u64()),
        Type::Number(_) => parsed().filter(Value::is_number),
        Type::Boolean => parsed().filter(Value::is_boolean),
        Type::Array(_) => parsed().filter(Value::is_array),
        Type::Map(_) => parsed().filter(Value::is_object),
        Type::Const(c) => parsed()
            .filter(|v| v == c)
            .or_else(|| (c.as_str() == Some(text)).then(|| c.clone())),
        // Refs, unions, enums: keep only what parses as JSON, else as a string.
        Type::Any
        | Type::Ref(_)
        | Type::Pending(_)
        | Type::Union(_)
        | Type::Enum(_)
        | Type::Nullable(_) => parsed().or_else(|| Some(Value::String(text.to_string()))),
    }
}

fn enum_values(section: &Blocks, diags: &mut Diagnostics) -> Enum {
    let mut values = Vec::new();
    let mut open = false;
    // Whether a value came as a literal (quoted or not) rather than from a table cell.
    let mut literals = false;
    for (block, _) in section {
        match block {
            Block::Table(t) => {
                let value_col = t
                    .header
                    .iter()
                    .position(|c| c.text.eq_ignore_ascii_case("Value"))
                    .unwrap_or(t.header.len().saturating_sub(1));
                let name_col = t
                    .header
                    .iter()
                    .position(|c| c.text.eq_ignore_ascii_case("Name"));
                for row in &t.rows {
                    let Some(cell) = row.cells.get(value_col) else {
                        diags.push(
                            Diagnostic::error(row.span.clone(), "enum row has no Value cell")
                                .with_snippet(&row.raw)
                                .with_hint("expected `| Name | Value |`"),
                        );
                        continue;
                    };
                    let name = name_col
                        .and_then(|c| row.cells.get(c))
                        .map(|c| c.text.trim_matches('`').to_string());
                    values.push(EnumValue {
                        name,
                        value: table_value(&cell.text),
                    });
                }
            }
            Block::List { items, .. } => {
                for item in items {
                    if let Some(v) = literal(item.text.trim_matches('`')) {
                        literals = true;
                        values.push(EnumValue {
                            name: None,
                            value: v,
                        });
                    }
                }
            }
            Block::Code { text, .. } => {
                for part in text.split('|') {
                    let part = part.trim();
                    if part.starts_with("Unrecognized<") {
                        open = true;
                    } else if let Some(v) = literal(part) {
                        literals = true;
                        values.push(EnumValue {
                            name: None,
                            value: v,
                        });
                    }
                }
            }
            Block::Paragraph { text, .. } if text.to_ascii_lowercase().contains("open enum") => {
                open = true
            }
            _ => {}
        }
    }
    // Name/Value tables do not quote values: all-integer lists are integer enums
    // (a `<nil>` member, now null, does not count either way).
    // Whether those integers are JSON numbers or strings, the table cannot show.
    let non_null = || values.iter().filter(|v| !v.value.is_null());
    let unquoted = !literals && non_null().all(|v| v.value.is_string());
    let mut value_type_unstated = false;
    if unquoted
        && non_null().next().is_some()
        && non_null().all(|v| {
            v.value
                .as_str()
                .is_some_and(|s| s.parse::<i64>().is_ok() && !s.starts_with('+'))
        })
    {
        for v in &mut values {
            if let Some(n) = v.value.as_str().and_then(|s| s.parse::<i64>().ok()) {
                v.value = Value::from(n);
            }
        }
        value_type_unstated = true;
    }
    Enum {
        values,
        open,
        value_type_unstated,
    }
}

/// How the generator (written in Go) prints a null value: in enum tables, a
/// `null` member of the enum; in the Example column, a null example.
const GO_NIL: &str = "<nil>";

/// A Name/Value table's Value cell: the unquoted string, or null for `<nil>`.
fn table_value(cell: &str) -> Value {
    let text = cell.trim_matches('`');
    if text == GO_NIL {
        Value::Null
    } else {
        Value::String(text.to_string())
    }
}

/// A quoted string or a number literal.
fn literal(text: &str) -> Option<Value> {
    let text = text.trim();
    if text.len() >= 2 && (text.starts_with('"') && text.ends_with('"')) {
        return serde_json::from_str(text).ok();
    }
    serde_json::from_str::<Value>(text)
        .ok()
        .filter(Value::is_number)
}

fn union_members(
    source: &SourceFile,
    section: &Blocks,
    names: &dyn TypeNames,
    language: &dyn Language,
    refs: &mut Vec<PendingRef>,
    diags: &mut Diagnostics,
) -> Union {
    let mut union = Union::default();
    let mut i = 0;
    while i < section.len() {
        let (
            Block::Heading {
                level: 3,
                text,
                span,
            },
            _,
        ) = &section[i]
        else {
            i += 1;
            continue;
        };
        let code = match section.get(i + 1) {
            Some((Block::Code { text, .. }, _)) => text.as_str(),
            _ => "",
        };
        i += 1;
        let Some(member) = language.union_member(text, code) else {
            diags.push(
                Diagnostic::warning(span.clone(), "cannot tell the type of this union member")
                    .with_snippet(source.line_text(span.line))
                    .with_hint("the member falls back to any JSON value"),
            );
            union.members.push(Type::Any);
            continue;
        };
        let cell = Cell {
            text: member,
            span: span.clone(),
        };
        let lowered = lower_cell(&cell, names, refs, diags);
        let ty = if lowered.wrapper.nullable {
            lower::nullable(lowered.ty)
        } else {
            lowered.ty
        };
        if !union.members.contains(&ty) {
            union.members.push(ty);
        }
    }
    union
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unquoted_table_of_integers_cannot_tell_numbers_from_strings() {
        let read = |text: &str| {
            let source = SourceFile::new("x.md", text);
            let blocks = crate::markdown::blocks_with_ranges(&source);
            enum_values(&blocks, &mut Diagnostics::default())
        };
        let table = read("| Name | Value |\n| --- | --- |\n| `ZERO` | 0 |\n| `ONE` | 1 |\n");
        assert!(table.value_type_unstated);
        assert_eq!(table.values[1].value, Value::from(1));
        let words = read("| Name | Value |\n| --- | --- |\n| `ONE` | 1 |\n| `OTHER` | other |\n");
        assert!(!words.value_type_unstated);
        assert_eq!(words.values[0].value, Value::from("1"));
        // TypeScript quotes string literals: the type is stated.
        let literals = read("```typescript\n\"0\" | \"1\"\n```\n");
        assert!(!literals.value_type_unstated);
        let numbers = read("```typescript\n0 | 1\n```\n");
        assert!(!numbers.value_type_unstated);
        assert_eq!(numbers.values[1].value, Value::from(1));
    }

    #[test]
    fn nulls_in_example_usage() {
        let source = SourceFile::new(
            "x.md",
            "# X\n\n## Example Usage\n\n```typescript\nlet value: X = {\n  title: null,\n  id: \"<id>\",\n  nested: {\n    inner: null,\n  },\n};\n```\n\n## Fields\n",
        );
        let blocks = crate::markdown::blocks_with_ranges(&source);
        assert_eq!(example_nulls(&blocks), ["title"]);
    }

    #[test]
    fn date_only_examples_refine_date_times() {
        let mut ty = Type::String(Some(Format::DateTime));
        refine_date(&mut ty, &[Value::from("2026-03-20")]);
        assert_eq!(ty, Type::String(Some(Format::Date)));
        let mut ty = Type::String(Some(Format::DateTime));
        refine_date(&mut ty, &[Value::from("2026-04-15T10:35:00+02:00")]);
        assert_eq!(ty, Type::String(Some(Format::DateTime)));
        refine_date(&mut ty, &[]);
        assert_eq!(ty, Type::String(Some(Format::DateTime)));
    }

    #[test]
    fn typed_examples() {
        assert_eq!(examples("1", &Type::STRING), vec![Value::from("1")]);
        assert_eq!(examples("1", &Type::INTEGER), vec![Value::from(1)]);
        assert_eq!(examples("abc", &Type::INTEGER), Vec::<Value>::new());
        // A null example stays null (`unstated` decides whether it states nullability).
        assert_eq!(examples("<nil>", &Type::STRING), vec![Value::Null]);
        assert_eq!(examples("`null`", &Type::INTEGER), vec![Value::Null]);
        assert_eq!(
            examples("**Example 1:** a<br/>**Example 2:** b", &Type::STRING),
            vec![Value::from("a"), Value::from("b")]
        );
        assert_eq!(
            examples("{<br/>\"a\": 1<br/>}", &Type::Map(Box::new(Type::INTEGER))),
            vec![serde_json::json!({"a": 1})]
        );
    }
}
