//! Speakeasy TypeScript docs, class-based (2023) and zod-based (2024 on).
//!
//! Scalars are italic (`*string*`, `*number*`), arrays are a `[]` suffix
//! outside the italics or link (`*string*[]`, `[components.X](x.md)[]`), maps
//! are `Record<string, T>`. Unions are italic names without a link
//! (`*components.AgentTool*`), found by the doc at `components/agenttool.md`.
//! Dates are links told apart by target: `types/rfcdate.md` is a date, the MDN
//! `Date` page a date-time. TypeScript docs never mark nullability (only an
//! Example Usage value `null` shows it).

use super::dialect::{Blocks, Limitation, Loss, Marker, ParsedDoc, Spec};
use super::lower::{package_doc, TypeNames, Wrapper};
use super::skeleton::speakeasy::{self, Language};
use crate::diagnostic::Diagnostics;
use crate::ir::{Format, Type};
use crate::source::SourceFile;

/// The TypeScript dialect's type names.
pub struct TypeScript;

const MDN: &str = "developer.mozilla.org";

impl TypeNames for TypeScript {
    fn scalar(&self, name: &str) -> Option<Type> {
        Some(match name {
            "string" => Type::STRING,
            "number" => Type::NUMBER,
            "bigint" => Type::Integer(Some(Format::Bigint)),
            "boolean" => Type::Boolean,
            "any" | "unknown" | "object" => Type::Any,
            "Uint8Array" | "ArrayBuffer" | "Blob" | "File" | "ReadableStream" => {
                Type::String(Some(Format::Binary))
            }
            "Date" => Type::String(Some(Format::DateTime)),
            "RFCDate" => Type::String(Some(Format::Date)),
            // Raw HTTP objects of response wrappers: not JSON, kept as any.
            "Response" | "Request" => Type::Any,
            _ => return None,
        })
    }

    fn wrapper(&self, _name: &str) -> Option<Wrapper> {
        None
    }

    fn is_list(&self, name: &str) -> bool {
        matches!(name, "[]" | "Array")
    }

    fn is_map(&self, name: &str) -> bool {
        name == "Record"
    }

    fn stdlib_link(&self, label: &str, target: &str) -> Option<Type> {
        let path = target.split('#').next().unwrap_or(target);
        // The label of a date link changed (`RFCDate` → `Date`); the target did not.
        if path.ends_with("types/rfcdate.md") {
            return Some(Type::String(Some(Format::Date)));
        }
        if target.contains(MDN) {
            let page = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
            return Some(match page {
                "Date" => Type::String(Some(Format::DateTime)),
                "File" | "Blob" | "ReadableStream" | "Uint8Array" => {
                    Type::String(Some(Format::Binary))
                }
                _ => self.scalar(label.trim()).unwrap_or(Type::Any),
            });
        }
        None
    }

    fn name_target(&self, name: &str) -> Option<String> {
        package_doc(name)
    }
}

/// What TypeScript docs cannot express, reported once per doc set.
const LIMITATIONS: &[Limitation] = &[
    Limitation::new(
        &[Loss::Nullability],
        "typescript docs do not mark nullable fields; nullability is recovered only where an Example Usage sets a field to null",
    ),
    Limitation::new(
        &[Loss::IntegerVsNumber, Loss::NumericWidths],
        "typescript docs write every number as `number`; integer vs number and int32/int64/float/double formats are not recovered",
    ),
    Limitation::new(
        &[Loss::WireCase],
        "typescript docs show camelCase SDK property names; JSON names are inferred from examples and descriptions (see the `wire names` note)",
    ),
    speakeasy::REQUIRED_DEFAULTS,
];

impl Spec for TypeScript {
    fn name(&self) -> &'static str {
        "typescript"
    }

    fn title(&self) -> &'static str {
        "Speakeasy TypeScript"
    }

    fn markers(&self) -> &'static [Marker] {
        MARKERS
    }

    fn limitations(&self) -> &'static [Limitation] {
        LIMITATIONS
    }

    fn parse(
        &self,
        source: &SourceFile,
        blocks: &Blocks,
        diags: &mut Diagnostics,
    ) -> Option<ParsedDoc> {
        speakeasy::parse(source, blocks, self, diags)
    }
}

/// How strongly a document looks like Speakeasy TypeScript docs.
///
/// Counts only markers no other dialect writes: `*string*` alone is also Go,
/// C# and PHP, `*boolean*` also Java, so they do not count.
const MARKERS: &[Marker] = &[
    Marker::new("*number*", 3),
    Marker::new("*string*[]", 3),
    Marker::new("*any*[]", 3),
    Marker::new("*number*[]", 3),
    Marker::new("Record<string, ", 3),
    Marker::new("```typescript", 3),
    Marker::new("types/rfcdate.md", 3),
    Marker::new("developer.mozilla.org", 3),
    Marker::new("Unrecognized<", 3),
    Marker::new(".md)[]", 3),
];

impl Language for TypeScript {
    /// TypeScript union docs: ``### `components.Fields1` ``, ``### `string[]` ``,
    /// ``### `{ [k: string]: any }` `` headings.
    fn union_member(&self, heading: &str, _code: &str) -> Option<String> {
        let inner = heading.trim().strip_prefix('`')?.strip_suffix('`')?.trim();
        if inner.is_empty() {
            return None;
        }
        // An index signature is a map: `{ [k: string]: T }`.
        if let Some(value) = inner
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .and_then(|s| s.split_once("]:"))
            .map(|(_, v)| v.trim())
        {
            return Some(format!("Record<string, {value}>"));
        }
        Some(inner.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;
    use crate::parse::lower::lower_for_test;
    use crate::parse::PendingRef;

    fn score(text: &str) -> u32 {
        crate::parse::Dialect::TypeScript.score(text)
    }

    fn lower(cell: &str) -> (Type, Vec<PendingRef>, usize) {
        let (lowered, refs, warnings) = lower_for_test(&TypeScript, cell);
        (lowered.ty, refs, warnings)
    }

    #[test]
    fn scalars_arrays_and_maps() {
        assert_eq!(lower("*string*").0, Type::STRING);
        assert_eq!(lower("*number*").0, Type::NUMBER);
        assert_eq!(lower("*boolean*").0, Type::Boolean);
        assert_eq!(lower("*any*").0, Type::Any);
        assert_eq!(lower("*string*[]").0, Type::Array(Box::new(Type::STRING)));
        assert_eq!(
            lower("*string*[][]").0,
            Type::Array(Box::new(Type::Array(Box::new(Type::STRING))))
        );
        assert_eq!(
            lower("Record<string, *any*>").0,
            Type::Map(Box::new(Type::Any))
        );
        assert_eq!(
            lower("Record<string, *string*[]>").0,
            Type::Map(Box::new(Type::Array(Box::new(Type::STRING))))
        );
        assert_eq!(
            lower("*ReadableStream<Uint8Array>*").0,
            Type::String(Some(Format::Binary))
        );
    }

    #[test]
    fn literals() {
        assert_eq!(lower("*\"text\"*").0, Type::Const("text".into()));
        assert_eq!(lower("*true*").0, Type::Const(true.into()));
        assert_eq!(lower("*false*").0, Type::Const(false.into()));
    }

    #[test]
    fn dates_by_link_target() {
        let date = Type::String(Some(Format::Date));
        assert_eq!(lower("[RFCDate](../../types/rfcdate.md)").0, date);
        assert_eq!(lower("[Date](../../types/rfcdate.md)").0, date);
        assert_eq!(
            lower("[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)").0,
            Type::String(Some(Format::DateTime))
        );
        assert_eq!(
            lower("[File](https://developer.mozilla.org/en-US/docs/Web/API/File) | [Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob)").0,
            Type::String(Some(Format::Binary))
        );
        assert_eq!(
            lower("[Response](https://developer.mozilla.org/en-US/docs/Web/API/Response)").0,
            Type::Any
        );
    }

    #[test]
    fn links_and_italic_names() {
        let (ty, refs, _) = lower("[components.LinkedTrackingCategory](../../models/components/linkedtrackingcategory.md)[]");
        assert!(matches!(ty, Type::Array(_)));
        assert_eq!(refs[0].file_stem.as_deref(), Some("linkedtrackingcategory"));
        // Unions are italic names without a link: resolved through the package folder.
        let (ty, refs, warnings) = lower("*components.AgentTool*[]");
        assert!(matches!(ty, Type::Array(_)));
        assert_eq!(warnings, 0);
        assert_eq!(
            refs[0].target.as_deref(),
            Some("../components/agenttool.md")
        );
        assert_eq!(refs[0].name, "AgentTool");
        let (_, refs, _) = lower("Record<string, *components.X*>");
        assert_eq!(refs[0].target.as_deref(), Some("../components/x.md"));
    }

    #[test]
    fn detection_markers() {
        assert!(score("| `a` | *number* | :heavy_check_mark: | N/A |") > 0);
        assert!(score("| `tags` | *string*[] | :heavy_minus_sign: | N/A |") > 0);
        assert_eq!(score("| `a` | *string* | :heavy_check_mark: | N/A |"), 0);
        assert_eq!(score("| `a` | **string* | :heavy_check_mark: | N/A |"), 0);
    }

    #[test]
    fn union_headings() {
        assert_eq!(
            TypeScript
                .union_member("`components.Fields1`", "")
                .as_deref(),
            Some("components.Fields1")
        );
        assert_eq!(
            TypeScript.union_member("`string[]`", "").as_deref(),
            Some("string[]")
        );
        assert_eq!(
            TypeScript
                .union_member("`{ [k: string]: any }`", "")
                .as_deref(),
            Some("Record<string, any>")
        );
        assert_eq!(TypeScript.union_member("", ""), None);
    }

    fn parse_doc(text: &str) -> (crate::ir::Model, Diagnostics) {
        let source = crate::source::SourceFile::new("doc.md", text);
        let mut diags = Diagnostics::default();
        let doc = crate::parse::parse_document(&source, crate::Dialect::TypeScript, &mut diags)
            .expect("parses");
        (doc.model, diags)
    }

    #[test]
    fn open_and_closed_enum_docs() {
        use crate::ir::ModelKind;
        let (m, _) = parse_doc(
            "# EmployeeStatus\n\n## Example Usage\n\n```typescript\nlet value: EmployeeStatus = \"active\";\n```\n\n## Values\n\n```typescript\n\"active\" | \"inactive\" | Unrecognized<string>\n```",
        );
        let ModelKind::Enum(e) = m.kind else { panic!() };
        assert!(e.open);
        assert_eq!(e.values.len(), 2);
        let (m, _) = parse_doc("# Continent\n\n## Values\n\n```typescript\n\"AF\" | \"AN\"\n```");
        let ModelKind::Enum(e) = m.kind else { panic!() };
        assert!(!e.open);
        assert_eq!(e.values[1].value, serde_json::json!("AN"));
        let (m, _) = parse_doc(
            "# ScheduleOverlapPolicy\n\n## Values\n\n```typescript\n1 | 2 | Unrecognized<number>\n```",
        );
        let ModelKind::Enum(e) = m.kind else { panic!() };
        assert_eq!(e.values[0].value, serde_json::json!(1));
    }

    #[test]
    fn union_doc() {
        use crate::ir::ModelKind;
        let (m, diags) = parse_doc(
            "# Fields\n\n\n## Supported Types\n\n### `components.Fields1`\n\n```typescript\nconst value: components.Fields1 = {\n  key: \"<key>\",\n};\n```\n\n### `string[]`\n\n```typescript\nconst value: string[] = [\n  \"<value>\",\n];\n```\n\n### `{ [k: string]: any }`\n\n```typescript\nconst value: { [k: string]: any } = {};\n```\n",
        );
        assert_eq!(diags.warning_count(), 0);
        let ModelKind::Union(u) = m.kind else {
            panic!()
        };
        assert!(matches!(u.members[0], Type::Pending(_)));
        assert_eq!(u.members[1], Type::Array(Box::new(Type::STRING)));
        assert_eq!(u.members[2], Type::Map(Box::new(Type::Any)));
    }

    #[test]
    fn object_doc_with_example_usage() {
        use crate::ir::ModelKind;
        let (m, _) = parse_doc(
            "# AnalyticsTopLinks\n\n## Example Usage\n\n```typescript\nlet value: AnalyticsTopLinks = {\n  id: \"<id>\",\n};\n```\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| ~~`link`~~ | *string* | :heavy_check_mark: | : warning: ** DEPRECATED **: This will be removed in a future release, please migrate away from it as soon as possible.<br/><br/>The unique ID of the short link |\n| `clicks` | *number* | :heavy_minus_sign: | The number of clicks |",
        );
        assert_eq!(m.description, None);
        let ModelKind::Object(o) = m.kind else {
            panic!()
        };
        assert!(o.fields[0].deprecated && o.fields[0].required);
        assert_eq!(
            o.fields[0].description.as_deref(),
            Some("The unique ID of the short link")
        );
        assert_eq!(o.fields[1].ty, Type::NUMBER);
        assert!(!o.fields[1].required && !o.fields[1].nullable);
    }
}
