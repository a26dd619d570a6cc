//! Speakeasy Go docs, italic style (`**string*`, 2023 → CLI 1.741) and
//! backtick style (`` `*string` ``, CLI 1.750 on).
//!
//! A pointer (`*T`, `[*components.X](x.md)`) marks an optional field; on a
//! required field it means required + nullable. `optionalnullable.OptionalNullable[T]`
//! marks optional + nullable. Widths carry formats: `int` is an int32, `int64`
//! an int64, `float32`/`float64` a float/double. Slices are `[]T`, maps
//! `map[string]T`. Union docs name each member in a constructor call:
//! `components.CreateUnionX(components.X{/* values here */})`.

use super::dialect::{Blocks, Limitation, Loss, Marker, ParsedDoc, Spec};
use super::lower::{package_doc, TypeNames, Wrapper};
use super::skeleton::speakeasy::{self, Language};
use crate::diagnostic::Diagnostics;
use crate::ir::{Format, Type};
use crate::source::SourceFile;

/// The Go dialect's type names.
pub struct Go;

impl TypeNames for Go {
    fn scalar(&self, name: &str) -> Option<Type> {
        Some(match name {
            "string" => Type::STRING,
            // Speakeasy renders `format: int32` as `int` and plain integers as `int64`.
            "int" | "int32" => Type::Integer(Some(Format::Int32)),
            "int64" => Type::Integer(Some(Format::Int64)),
            "float32" => Type::Number(Some(Format::Float)),
            "float64" => Type::Number(Some(Format::Double)),
            "bool" => Type::Boolean,
            "any" | "interface{}" => Type::Any,
            // `[]byte` reaches here as the array-shaped scalar `byte[]`.
            "byte[]" | "io.Reader" | "io.ReadCloser" => Type::String(Some(Format::Binary)),
            "big.Int" => Type::Integer(Some(Format::Bigint)),
            "decimal.Big" => Type::Number(Some(Format::Decimal)),
            "time.Time" => Type::String(Some(Format::DateTime)),
            "types.Date" => Type::String(Some(Format::Date)),
            // Raw HTTP objects of response wrappers and event streams: not JSON values.
            "http.Response" | "http.Request" | "jsonl.JsonLStream" | "stream.EventStream" => {
                Type::Any
            }
            _ => return None,
        })
    }

    fn wrapper(&self, name: &str) -> Option<Wrapper> {
        match name {
            "*" => Some(Wrapper::OPTIONAL),
            "optionalnullable.OptionalNullable" | "OptionalNullable" => {
                Some(Wrapper::OPTIONAL_NULLABLE)
            }
            _ => None,
        }
    }

    fn is_list(&self, name: &str) -> bool {
        name == "[]"
    }

    fn is_map(&self, name: &str) -> bool {
        name == "map"
    }

    fn stdlib_link(&self, label: &str, target: &str) -> Option<Type> {
        let path = target.split('#').next().unwrap_or(target);
        if path.ends_with("types/date.md") {
            return Some(Type::String(Some(Format::Date)));
        }
        let known = target.contains("pkg.go.dev") || target.contains("golang.org");
        if !known {
            return None;
        }
        let anchor = target.rsplit_once('#').map_or("", |(_, a)| a);
        let package = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        // `[*time.Time](https://pkg.go.dev/time#Time)`: package + anchor name the type.
        self.scalar(&format!("{package}.{anchor}"))
            .or_else(|| self.scalar(label.trim().trim_start_matches('*')))
    }

    fn name_target(&self, name: &str) -> Option<String> {
        package_doc(name)
    }
}

/// What Go docs cannot express, reported once per doc set.
const LIMITATIONS: &[Limitation] = &[
    Limitation::new(
        &[Loss::OptionalNullability],
        "go docs mark optional and nullable with the same pointer; an optional field's nullability is not recovered",
    ),
    Limitation::new(
        &[Loss::ContainerNullability],
        "go docs write slices and maps without a pointer; a nullable array or map is not recovered",
    ),
    Limitation::new(
        &[Loss::WireCase],
        "go docs show PascalCase Go field names, not JSON property names; JSON names are inferred from examples and descriptions (see the `wire names` note)",
    ),
    Limitation::new(
        &[Loss::ConstValues],
        "go docs render consts as their base type: the value is lost",
    ),
    speakeasy::REQUIRED_DEFAULTS,
];

impl Spec for Go {
    fn name(&self) -> &'static str {
        "go"
    }

    fn title(&self) -> &'static str {
        "Speakeasy Go"
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

/// How strongly a document looks like Speakeasy Go docs.
///
/// Pointers (`**string*`, `[*components.X](…)`, `` `*string` ``), slices, maps
/// and pkg.go.dev links are Go-only; `*bool*` and `*int*` are shared with
/// Python, so Go markers weigh more.
const MARKERS: &[Marker] = &[
    // Trailing spaces keep openapi-generator's bold `**string**` out.
    Marker::new("**string* ", 3),
    Marker::new("**bool* ", 3),
    Marker::new("**int* ", 3),
    Marker::new("**int64* ", 3),
    Marker::new("**float32* ", 3),
    Marker::new("**float64* ", 3),
    Marker::new("*int64* ", 3),
    Marker::new("*float64* ", 3),
    Marker::new("*float32* ", 3),
    Marker::new("*interface{}* ", 3),
    Marker::new("[][", 3),
    Marker::new("map[string]*", 3),
    Marker::new("map[string][", 3),
    Marker::new("map[string]`", 3),
    Marker::new("pkg.go.dev", 3),
    Marker::new("types/date.md", 3),
    Marker::new("```go", 3),
    Marker::new("`*string`", 3),
    Marker::new("`*bool`", 3),
    Marker::new("`*int`", 3),
    Marker::new("`*int64`", 3),
    Marker::new("`*float32`", 3),
    Marker::new("`*float64`", 3),
    Marker::new("`int64`", 3),
    Marker::new("`float64`", 3),
    Marker::new("optionalnullable.OptionalNullable[", 3),
    // Shared with TypeScript, C# and PHP (not Python): weak evidence that keeps
    // a Go doc made only of plain strings with its doc set.
    Marker::new("*string* ", 1),
    // Pointer links `[*components.X](…)`.
    Marker::accepting("[*", 3, pointer_link_at),
    // Slices `[]*string*`, `` []`string` `` but not Java/C# `*byte[]*` or `` `tags[]` ``.
    Marker::accepting("[]*", 3, unprefixed_at),
    Marker::accepting("[]`", 3, unprefixed_at),
];

/// Whether the `[*` at `start` opens a pointer link (see [`is_pointer_link`]).
fn pointer_link_at(text: &str, start: usize) -> bool {
    is_pointer_link(&text[start + 2..])
}

/// Whether the text after `[*` is a pointer link label `components.X](` — not
/// Python's `List[*str*]` nor openapi-generator's `[**X**](…)`.
fn is_pointer_link(after: &str) -> bool {
    let name_len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .unwrap_or(after.len());
    name_len > 0 && after[name_len..].starts_with("](")
}

/// Whether the marker at `start` is not glued to a preceding word character or backtick.
fn unprefixed_at(text: &str, start: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '`')
}

impl Language for Go {
    /// Go union docs: the member type is the composite literal in the constructor
    /// call, `components.CreateUnionX(components.X{/* values here */})`; the
    /// `### X` heading is only a member name (empty in 2026 docs).
    fn union_member(&self, _heading: &str, code: &str) -> Option<String> {
        let (_, call) = code.split_once("Create")?;
        let (_, args) = call.split_once('(')?;
        let args = args.trim_start();
        let ty = if args.starts_with("interface{}") {
            "interface{}"
        } else {
            let end = args.find(['{', ')'])?;
            args[..end].trim()
        };
        (!ty.is_empty()).then(|| ty.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;
    use crate::parse::lower::{lower_for_test, Lowered};
    use crate::parse::PendingRef;

    fn score(text: &str) -> u32 {
        crate::parse::Dialect::Go.score(text)
    }

    fn lower(cell: &str) -> (Lowered, Vec<PendingRef>, usize) {
        lower_for_test(&Go, cell)
    }

    fn ty(cell: &str) -> Type {
        lower(cell).0.ty
    }

    #[test]
    fn italic_scalars_and_widths() {
        assert_eq!(ty("*string*"), Type::STRING);
        assert_eq!(ty("*int*"), Type::Integer(Some(Format::Int32)));
        assert_eq!(ty("*int64*"), Type::Integer(Some(Format::Int64)));
        assert_eq!(ty("*float32*"), Type::Number(Some(Format::Float)));
        assert_eq!(ty("*float64*"), Type::Number(Some(Format::Double)));
        assert_eq!(ty("*interface{}*"), Type::Any);
        assert_eq!(ty("*any*"), Type::Any);
        assert_eq!(ty("*[]byte*"), Type::String(Some(Format::Binary)));
        assert_eq!(ty("*io.ReadCloser*"), Type::String(Some(Format::Binary)));
    }

    #[test]
    fn pointers_are_optional() {
        let (l, _, _) = lower("**string*");
        assert_eq!(l.ty, Type::STRING);
        assert!(l.wrapper.optional && !l.wrapper.nullable);
        let (l, refs, _) =
            lower("[*components.EmployeeStatus](../../models/components/employeestatus.md)");
        assert!(l.wrapper.optional);
        assert_eq!(refs[0].file_stem.as_deref(), Some("employeestatus"));
        let (l, _, _) = lower("[*time.Time](https://pkg.go.dev/time#Time)");
        assert_eq!(l.ty, Type::String(Some(Format::DateTime)));
        assert!(l.wrapper.optional);
    }

    #[test]
    fn containers() {
        assert_eq!(ty("[]*string*"), Type::Array(Box::new(Type::STRING)));
        assert_eq!(ty("map[string]*any*"), Type::Map(Box::new(Type::Any)));
        assert_eq!(
            ty("map[string][]*string*"),
            Type::Map(Box::new(Type::Array(Box::new(Type::STRING))))
        );
        let (l, refs, _) =
            lower("[][components.ActivityEvent](../../models/components/activityevent.md)");
        assert!(matches!(l.ty, Type::Array(_)));
        assert_eq!(refs.len(), 1);
    }

    #[test]
    fn stdlib_links() {
        assert_eq!(
            ty("[time.Time](https://pkg.go.dev/time#Time)"),
            Type::String(Some(Format::DateTime))
        );
        assert_eq!(
            ty("[types.Date](../../types/date.md)"),
            Type::String(Some(Format::Date))
        );
        assert_eq!(
            ty("[*big.Int](https://pkg.go.dev/math/big#Int)"),
            Type::Integer(Some(Format::Bigint))
        );
        assert_eq!(
            ty("[*decimal.Big](https://pkg.go.dev/github.com/ericlagergren/decimal#Big)"),
            Type::Number(Some(Format::Decimal))
        );
        assert_eq!(
            ty("[*http.Response](https://pkg.go.dev/net/http#Response)"),
            Type::Any
        );
        // An unknown library type is a warning, not a guess.
        let (l, _, warnings) = lower("[*foo.Bar](https://pkg.go.dev/foo#Bar)");
        assert_eq!((l.ty, warnings), (Type::Any, 1));
    }

    #[test]
    fn backtick_style() {
        let (l, _, _) = lower("`*string`");
        assert_eq!(l.ty, Type::STRING);
        assert!(l.wrapper.optional);
        assert_eq!(ty("`string`"), Type::STRING);
        assert_eq!(ty("`any`"), Type::Any);
        assert_eq!(ty("[]`string`"), Type::Array(Box::new(Type::STRING)));
        assert_eq!(ty("map[string]`any`"), Type::Map(Box::new(Type::Any)));
        assert_eq!(
            ty("map[string][]`string`"),
            Type::Map(Box::new(Type::Array(Box::new(Type::STRING))))
        );
        assert_eq!(
            ty("[]map[string]`any`"),
            Type::Array(Box::new(Type::Map(Box::new(Type::Any))))
        );
        let (l, refs, _) = lower("[][*components.LinkedTrackingCategory](../../models/components/linkedtrackingcategory.md)");
        assert!(matches!(l.ty, Type::Array(_)));
        assert!(!l.wrapper.optional);
        assert_eq!(refs.len(), 1);
    }

    #[test]
    fn optional_nullable_wrapper() {
        let (l, refs, _) = lower(
            "optionalnullable.OptionalNullable[[components.JwsAlg](../../models/components/jwsalg.md)]",
        );
        assert!(l.wrapper.optional && l.wrapper.nullable);
        assert!(matches!(l.ty, Type::Pending(_)));
        assert_eq!(refs[0].file_stem.as_deref(), Some("jwsalg"));
        let (l, _, _) = lower("optionalnullable.OptionalNullable[[]`string`]");
        assert!(l.wrapper.nullable);
        assert_eq!(l.ty, Type::Array(Box::new(Type::STRING)));
    }

    #[test]
    fn union_constructors() {
        let code = "documentSpecUnion := components.CreateDocumentSpecUnionDocumentSpec1(components.DocumentSpec1{/* values here */})";
        assert_eq!(
            Go.union_member("DocumentSpec1", code).as_deref(),
            Some("components.DocumentSpec1")
        );
        assert_eq!(
            Go.union_member(
                "",
                "components.CreateCustomField1ValueStr(string{/* values here */})"
            )
            .as_deref(),
            Some("string")
        );
        assert_eq!(
            Go.union_member("", "components.CreateCustomField1ValueArrayOfCustomFieldValue5([]*components.CustomFieldValue5{/* values here */})").as_deref(),
            Some("[]*components.CustomFieldValue5")
        );
        assert_eq!(Go.union_member("X", ""), None);
        // The member reference resolves through the package folder.
        let (l, refs, _) = lower("components.DocumentSpec1");
        assert!(matches!(l.ty, Type::Pending(_)));
        assert_eq!(
            refs[0].target.as_deref(),
            Some("../components/documentspec1.md")
        );
    }

    #[test]
    fn detection_markers() {
        assert!(score("| `StrOpt` | **string* | :heavy_minus_sign: | N/A |") > 0);
        assert!(score("| `RowVersion` | `*string` | :heavy_minus_sign: | N/A |") > 0);
        // Python's `*bool*` and `*int*` are not Go markers.
        assert_eq!(score("| `a` | *bool* | :heavy_check_mark: | N/A |"), 0);
        // `**bool*` outweighs Python's match on the inner `*bool*`.
        assert!(
            score("| `A` | **bool* |") > crate::parse::Dialect::Python.score("| `A` | **bool* |")
        );
        assert!(score("| `Tags` | []*string* |") > 0);
        assert_eq!(
            score("| `Data` | *byte[]* | see `tags[]`, empty `[]` when none |"),
            0
        );
        assert_eq!(score("| `ids` | List[*str*] | :heavy_check_mark: |"), 0);
        assert!(score("| `S` | [*components.S](../../models/components/s.md) |") > 0);
        // openapi-generator's bold types are not Go pointers.
        assert_eq!(score("**Active** | Pointer to **bool** | | [optional]"), 0);
    }

    fn parse_doc(text: &str) -> (crate::ir::Model, Diagnostics) {
        let source = crate::source::SourceFile::new("doc.md", text);
        let mut diags = Diagnostics::default();
        let doc =
            crate::parse::parse_document(&source, crate::Dialect::Go, &mut diags).expect("parses");
        (doc.model, diags)
    }

    #[test]
    fn pointer_on_a_required_field_is_nullable() {
        use crate::ir::ModelKind;
        let (m, _) = parse_doc(
            "# Application\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `ApplicantID` | `*string` | :heavy_check_mark: | N/A |\n| `Name` | `string` | :heavy_check_mark: | N/A |\n| `RowVersion` | `*string` | :heavy_minus_sign: | N/A |\n| `UpdatedAt` | [*time.Time](https://pkg.go.dev/time#Time) | :heavy_check_mark: | N/A |",
        );
        let ModelKind::Object(o) = m.kind else {
            panic!()
        };
        let flags: Vec<(bool, bool)> = o.fields.iter().map(|f| (f.required, f.nullable)).collect();
        assert_eq!(
            flags,
            [(true, true), (true, false), (false, false), (true, true)]
        );
    }

    #[test]
    fn union_doc_with_constructors() {
        use crate::ir::ModelKind;
        let (m, diags) = parse_doc(
            "# CustomField1Value\n\n\n## Supported Types\n\n### \n\n```go\ncustomField1Value := components.CreateCustomField1ValueStr(string{/* values here */})\n```\n\n### \n\n```go\ncustomField1Value := components.CreateCustomField1ValueNumber(float64{/* values here */})\n```\n\n## Union Discrimination\n\n```go\nswitch customField1Value.Type {\n}\n```",
        );
        assert_eq!(diags.warning_count(), 0);
        let ModelKind::Union(u) = m.kind else {
            panic!()
        };
        assert_eq!(
            u.members,
            [Type::STRING, Type::Number(Some(Format::Double))]
        );
    }

    #[test]
    fn open_enum_comment() {
        use crate::ir::ModelKind;
        let (m, _) = parse_doc(
            "# EmployeeStatus\n\n## Example Usage\n\n```go\nvalue := components.EmployeeStatusActive\n\n// Open enum: custom values can be created with a direct type cast\ncustom := components.EmployeeStatus(\"custom_value\")\n```\n\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `EmployeeStatusActive` | active |",
        );
        let ModelKind::Enum(e) = m.kind else { panic!() };
        assert!(e.open);
        assert_eq!(e.values[0].value, serde_json::json!("active"));
    }

    #[test]
    fn streams_are_not_guessed() {
        assert_eq!(ty("`*jsonl.JsonLStream[map[string]any]`"), Type::Any);
    }
}
