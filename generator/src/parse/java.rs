//! Speakeasy Java docs: v1 (2023, `List<*String*>`, boxed types), early v2
//! (2024, `Optional<? extends T>`) and v2 (`Optional\<String>`, escaped `<`).
//!
//! v2 encodes all four presence states: `T` required, `Optional<T>` optional
//! (required + nullable with ✔), `JsonNullable<T>` optional + nullable.
//! Primitives carry widths (`int`/`Integer` int32, `long`/`Long` int64,
//! `float`/`double` float/double). Dates are links to the Oracle docs of
//! `LocalDate` and `OffsetDateTime`. Union docs are empty (title only), so
//! union members cannot be recovered from Java docs.

use super::dialect::{Blocks, Limitation, Loss, Marker, ParsedDoc, Spec};
use super::lower::{TypeNames, Wrapper};
use super::skeleton::speakeasy::{self, Language};
use crate::diagnostic::Diagnostics;
use crate::ir::{Format, Type};
use crate::source::SourceFile;

/// The Java dialect's type names.
pub struct Java;

impl TypeNames for Java {
    fn scalar(&self, name: &str) -> Option<Type> {
        // Wildcard-bound and fully qualified names: `java.lang.String` → `String`.
        let short = name.rsplit('.').next().unwrap_or(name);
        Some(match short {
            "String" | "char" | "Character" | "UUID" => Type::STRING,
            "int" | "Integer" | "short" | "Short" => Type::Integer(Some(Format::Int32)),
            "long" | "Long" => Type::Integer(Some(Format::Int64)),
            "BigInteger" => Type::Integer(Some(Format::Bigint)),
            "float" | "Float" => Type::Number(Some(Format::Float)),
            "double" | "Double" => Type::Number(Some(Format::Double)),
            "BigDecimal" => Type::Number(Some(Format::Decimal)),
            "boolean" | "Boolean" => Type::Boolean,
            "Object" => Type::Any,
            // `byte[]` reaches here as the array-shaped scalar `byte[]`.
            "byte[]" | "InputStream" => Type::String(Some(Format::Binary)),
            "LocalDate" => Type::String(Some(Format::Date)),
            "OffsetDateTime" => Type::String(Some(Format::DateTime)),
            // Raw HTTP objects of response wrappers: not JSON, kept as any.
            "HttpResponse" | "HttpRequest" => Type::Any,
            _ => return None,
        })
    }

    fn wrapper(&self, name: &str) -> Option<Wrapper> {
        Some(match name {
            "Optional" => Wrapper::OPTIONAL,
            "JsonNullable" => Wrapper::OPTIONAL_NULLABLE,
            _ => return None,
        })
    }

    fn is_list(&self, name: &str) -> bool {
        matches!(name, "List" | "Set" | "Collection")
    }

    fn is_map(&self, name: &str) -> bool {
        matches!(name, "Map")
    }

    fn stdlib_link(&self, label: &str, target: &str) -> Option<Type> {
        if !target.contains("docs.oracle.com") {
            return None;
        }
        // `.../java/time/LocalDate.html`, `.../java/net/http/HttpResponse.html`.
        let page = target.split('#').next().unwrap_or(target);
        let class = page
            .rsplit('/')
            .next()
            .and_then(|p| p.strip_suffix(".html"))
            .unwrap_or("");
        self.scalar(class).or_else(|| {
            let label = label.split('<').next().unwrap_or(label);
            self.scalar(label.trim())
        })
    }
}

/// What Java docs cannot express, reported once per doc set.
const LIMITATIONS: &[Limitation] = &[
    Limitation::new(
        &[Loss::UnionMembers],
        "java union docs are empty (title only); union members are not recovered and unions become any JSON value",
    ),
    Limitation::new(
        &[Loss::WireCase],
        "java docs show camelCase SDK property names; JSON names are inferred from examples and descriptions (see the `wire names` note)",
    ),
    Limitation::new(
        &[Loss::ConstValues],
        "java docs render consts as their base type: the value is lost",
    ),
    speakeasy::REQUIRED_DEFAULTS,
];

impl Spec for Java {
    fn name(&self) -> &'static str {
        "java"
    }

    fn title(&self) -> &'static str {
        "Speakeasy Java"
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

/// How strongly a document looks like Speakeasy Java docs.
///
/// Generic wrappers and the oracle.com links are Java-only; unboxed and
/// `*String*` scalars are shared with Ruby, C# or Python, so they weigh less;
/// `*boolean*` is also TypeScript and does not count.
const MARKERS: &[Marker] = &[
    Marker::new("Optional\\<", 3),
    Marker::new("*Optional<", 3),
    Marker::new("[Optional<", 3),
    Marker::new("JsonNullable", 3),
    Marker::new("List\\<", 3),
    // v1 (unescaped `<`) only with a boxed Java scalar: C# writes `List<*string*>`.
    Marker::new("List<*String*>", 3),
    Marker::new("List<*Long*>", 3),
    Marker::new("Map\\<String", 3),
    Marker::new("Map<String", 3),
    Marker::new("docs.oracle.com", 3),
    Marker::new("*Long*", 3),
    Marker::new("*Boolean*", 2),
    Marker::new("*Double*", 2),
    // Shared: `*String*` with 2023 Ruby, `*long*` with C#, `*int*` with Python and C#.
    Marker::new("*String*", 1),
    Marker::new("*long*", 1),
    Marker::new("*int*", 1),
    Marker::new("```java", 3),
];

impl Language for Java {
    /// Java union docs carry no member list: nothing to read.
    fn union_member(&self, _heading: &str, _code: &str) -> Option<String> {
        None
    }

    /// Union docs are a bare title.
    fn bare_title_is_union(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;
    use crate::parse::lower::{lower_for_test, Lowered};
    use crate::parse::PendingRef;

    fn score(text: &str) -> u32 {
        crate::parse::Dialect::Java.score(text)
    }

    fn lower(cell: &str) -> (Lowered, Vec<PendingRef>, usize) {
        lower_for_test(&Java, cell)
    }

    fn ty(cell: &str) -> Type {
        lower(cell).0.ty
    }

    #[test]
    fn primitives_boxed_and_unboxed() {
        assert_eq!(ty("*String*"), Type::STRING);
        assert_eq!(ty("*int*"), Type::Integer(Some(Format::Int32)));
        assert_eq!(ty("*Integer*"), Type::Integer(Some(Format::Int32)));
        assert_eq!(ty("*long*"), Type::Integer(Some(Format::Int64)));
        assert_eq!(ty("*Long*"), Type::Integer(Some(Format::Int64)));
        assert_eq!(ty("*float*"), Type::Number(Some(Format::Float)));
        assert_eq!(ty("*Double*"), Type::Number(Some(Format::Double)));
        assert_eq!(ty("*boolean*"), Type::Boolean);
        assert_eq!(ty("*Object*"), Type::Any);
        assert_eq!(ty("byte[]"), Type::String(Some(Format::Binary)));
        assert_eq!(ty("*byte[]*"), Type::String(Some(Format::Binary)));
    }

    #[test]
    fn wrappers() {
        let (l, _, _) = lower("*Optional\\<String>*");
        assert_eq!(l.ty, Type::STRING);
        assert!(l.wrapper.optional && !l.wrapper.nullable);
        let (l, _, _) = lower("*JsonNullable\\<String>*");
        assert!(l.wrapper.optional && l.wrapper.nullable);
        let (l, refs, _) =
            lower("[JsonNullable\\<EmployeeStatus>](../../models/components/EmployeeStatus.md)");
        assert!(l.wrapper.nullable);
        assert!(matches!(l.ty, Type::Pending(_)));
        assert_eq!(refs[0].file_stem.as_deref(), Some("employeestatus"));
        assert_eq!(refs[0].name, "EmployeeStatus");
        // Early 2024: `Optional<? extends T>`, fully qualified.
        let (l, refs, _) = lower("[Optional<? extends io.github.speakeasy_sdks_staging.javaclientsdk.models.shared.Filters>](../../models/shared/Filters.md)");
        assert!(l.wrapper.optional);
        assert_eq!(refs[0].name, "Filters");
        assert_eq!(ty("*Optional<? extends String>*"), Type::STRING);
    }

    #[test]
    fn containers() {
        assert_eq!(ty("List\\<*String*>"), Type::Array(Box::new(Type::STRING)));
        assert_eq!(ty("List<*String*>"), Type::Array(Box::new(Type::STRING)));
        assert_eq!(
            ty("Map\\<String, *Object*>"),
            Type::Map(Box::new(Type::Any))
        );
        assert_eq!(
            ty("Map\\<String, List\\\\<*String*>>"),
            Type::Map(Box::new(Type::Array(Box::new(Type::STRING))))
        );
        let (l, refs, _) = lower(
            "List\\<[LinkedTrackingCategory](../../models/components/LinkedTrackingCategory.md)>",
        );
        assert!(matches!(l.ty, Type::Array(_)));
        assert_eq!(refs.len(), 1);
    }

    #[test]
    fn oracle_links() {
        assert_eq!(
            ty("[LocalDate](https://docs.oracle.com/javase/8/docs/api/java/time/LocalDate.html)"),
            Type::String(Some(Format::Date))
        );
        assert_eq!(
            ty("[OffsetDateTime](https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html)"),
            Type::String(Some(Format::DateTime))
        );
        assert_eq!(
            ty("[HttpResponse\\<InputStream>](https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html)"),
            Type::Any
        );
        let (l, _, _) = lower("[Optional\\<OffsetDateTime>](https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html)");
        assert!(l.wrapper.optional);
        assert_eq!(l.ty, Type::String(Some(Format::DateTime)));
    }

    #[test]
    fn detection_markers() {
        assert!(score("| `id` | *Optional\\<String>* | :heavy_minus_sign: | N/A |") > 0);
        assert!(
            score("| `a` | *String* | `b` | *int* |")
                > crate::parse::Dialect::Python.score("| `a` | *String* | `b` | *int* |")
        );
        assert_eq!(score("| `a` | *str* |"), 0);
    }

    fn parse_doc(text: &str) -> (crate::ir::Model, Diagnostics) {
        let source = crate::source::SourceFile::new("doc.md", text);
        let mut diags = Diagnostics::default();
        let doc = crate::parse::parse_document(&source, crate::Dialect::Java, &mut diags)
            .expect("parses");
        (doc.model, diags)
    }

    #[test]
    fn four_presence_states() {
        use crate::ir::ModelKind;
        let (m, _) = parse_doc(
            "# AccountingEmployee\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *String* | :heavy_check_mark: | N/A |\n| `b` | *Optional\\<String>* | :heavy_check_mark: | N/A |\n| `c` | *Optional\\<String>* | :heavy_minus_sign: | N/A |\n| `d` | *JsonNullable\\<String>* | :heavy_minus_sign: | N/A |\n| `e` | [Optional\\<EmployeeStatus>](../../models/components/EmployeeStatus.md) | :heavy_check_mark: | N/A |",
        );
        let ModelKind::Object(o) = m.kind else {
            panic!()
        };
        let flags: Vec<(bool, bool)> = o.fields.iter().map(|f| (f.required, f.nullable)).collect();
        assert_eq!(
            flags,
            [
                (true, false),
                (true, true),
                (false, false),
                (false, true),
                (true, true)
            ]
        );
        assert!(o.fields.iter().all(|f| !matches!(f.ty, Type::Nullable(_))));
    }

    #[test]
    fn empty_union_doc_warns_and_becomes_any() {
        use crate::ir::ModelKind;
        let (m, diags) = parse_doc("# CustomField1Value\n\n");
        assert_eq!(m.kind, ModelKind::Alias { ty: Type::Any });
        assert_eq!(diags.warning_count(), 1);
    }
}
