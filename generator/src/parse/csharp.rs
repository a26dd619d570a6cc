//! Speakeasy C# docs (`List<*string*>`, `Dictionary<String, *object*>`).
//!
//! Scalars are italic C# keywords whose width is the format (`*long*` int64,
//! `*int*` int32, `*float*`, `*double*`, `*decimal*`, `*BigInteger*`).
//! Containers are written unescaped outside the italics. Dates are links to
//! `System.DateTime` (date-time) or NodaTime `LocalDate` / `DateOnly` (date).
//! C# docs carry **no nullability marker** at all, and union docs only name
//! their members (`### Str` + `U.CreateStr(...)`): [`Language::union_member`] maps such
//! names back to types.

use super::dialect::{Blocks, Limitation, Loss, Marker, ParsedDoc, Spec};
use super::lower::{TypeNames, Wrapper};
use super::skeleton::speakeasy::{self, Language};
use crate::diagnostic::Diagnostics;
use crate::ir::{Format, Type};
use crate::source::SourceFile;

/// The C# dialect's type names.
pub struct CSharp;

impl TypeNames for CSharp {
    fn scalar(&self, name: &str) -> Option<Type> {
        let name = name.strip_prefix("System.").unwrap_or(name);
        Some(match name {
            "string" | "String" | "char" | "Guid" => Type::STRING,
            "long" | "Int64" | "ulong" => Type::Integer(Some(Format::Int64)),
            "int" | "Int32" | "uint" | "short" | "ushort" => Type::Integer(Some(Format::Int32)),
            "float" | "Single" => Type::Number(Some(Format::Float)),
            "double" | "Double" => Type::Number(Some(Format::Double)),
            "decimal" | "Decimal" => Type::Number(Some(Format::Decimal)),
            "BigInteger" | "Numerics.BigInteger" => Type::Integer(Some(Format::Bigint)),
            "bool" | "Boolean" => Type::Boolean,
            // Width-less JSON kinds, named only by union member names (`### Number`).
            "number" => Type::NUMBER,
            "integer" => Type::INTEGER,
            "object" | "Object" | "dynamic" => Type::Any,
            "byte[]" | "IO.Stream" | "Stream" => Type::String(Some(Format::Binary)),
            "DateTime" | "DateTimeOffset" => Type::String(Some(Format::DateTime)),
            "LocalDate" | "DateOnly" => Type::String(Some(Format::Date)),
            // Raw HTTP objects of response wrappers: not JSON, kept as any.
            "HttpRequestMessage" | "HttpResponseMessage" => Type::Any,
            _ => return None,
        })
    }

    fn wrapper(&self, _name: &str) -> Option<Wrapper> {
        // `T?` is never rendered; there is nothing to peel.
        None
    }

    fn is_list(&self, name: &str) -> bool {
        matches!(
            name,
            "List" | "IList" | "IEnumerable" | "ICollection" | "HashSet" | "[]"
        )
    }

    fn is_map(&self, name: &str) -> bool {
        matches!(name, "Dictionary" | "IDictionary")
    }

    fn stdlib_link(&self, label: &str, target: &str) -> Option<Type> {
        let microsoft = target.contains("learn.microsoft.com") || target.contains("nodatime.org");
        microsoft.then(|| self.scalar(label.trim())).flatten()
    }
}

/// What C# docs cannot express, reported once per doc set.
const LIMITATIONS: &[Limitation] = &[
    Limitation::new(
        &[Loss::Nullability],
        "nullability is never rendered, so no field is marked nullable",
    ),
    Limitation::new(
        &[Loss::WireCase],
        "the Field column holds PascalCase SDK property names, not the JSON names; those are inferred (see the `wire names` note)",
    ),
    Limitation::new(
        &[Loss::ConstValues],
        "consts render as their base type: the value is lost",
    ),
    Limitation::new(
        &[Loss::UnionMemberShapes],
        "union docs name their members only (`Str`, `ArrayOfAny`); nested member shapes are coarse",
    ),
];

impl Spec for CSharp {
    fn name(&self) -> &'static str {
        "csharp"
    }

    fn title(&self) -> &'static str {
        "Speakeasy C#"
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

/// How strongly a document looks like Speakeasy C# docs.
///
/// C#-only spellings count three times; the scalars C# shares with other
/// languages (`*string*`, `*bool*`) once, so that the doc set's majority keeps
/// documents made of those alone (see [`crate::parse::detect_doc_set`]).
///
/// C#'s detection markers: C#-only spellings weigh 3, shared scalars 1.
const MARKERS: &[Marker] = &[
    Marker::new("Dictionary<String,", 3),
    Marker::new("learn.microsoft.com/en-us/dotnet", 3),
    Marker::new("nodatime.org", 3),
    Marker::new("```csharp", 3),
    Marker::new("[Models.Components.", 3),
    Marker::new("[Models.Requests.", 3),
    Marker::new("List<*string*>", 3),
    Marker::new("*object*", 3),
    Marker::new("*decimal*", 3),
    // Java writes required primitives the same way (`*long*`, `*double*`).
    Marker::new("*string*", 1),
    Marker::new("*bool*", 1),
    Marker::new("*int*", 1),
    Marker::new("*float*", 1),
    Marker::new("*long*", 1),
    Marker::new("*double*", 1),
    Marker::new("*BigInteger*", 1),
];

impl Language for CSharp {
    /// C# union docs: `### Str` + `U.CreateStr(/* values here */);` — the member
    /// *name* only, turned back into a C# type (`ArrayOfAny` → `List<object>`).
    fn union_member(&self, heading: &str, code: &str) -> Option<String> {
        let heading = heading.trim().trim_matches('`');
        let name = if heading.is_empty() {
            // Fall back to the factory name: `U.CreateStr(...)`.
            let start = code.find(".Create")? + ".Create".len();
            let rest = &code[start..];
            &rest[..rest.find('(')?]
        } else {
            heading
        };
        (!name.is_empty()).then(|| member_type(name))
    }
}

/// `Str` → `string`, `ArrayOfMapOfAny` → `List<Dictionary<string, object>>`,
/// any other name is a model name.
fn member_type(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("ArrayOf") {
        return format!("List<{}>", member_type(rest));
    }
    if let Some(rest) = name.strip_prefix("MapOf") {
        return format!("Dictionary<string, {}>", member_type(rest));
    }
    match name {
        "Str" => "string",
        "Integer" => "integer",
        "Number" => "number",
        "Boolean" => "bool",
        "Any" => "object",
        "DateTime" => "DateTime",
        "Date" => "LocalDate",
        other => other,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(text: &str) -> u32 {
        crate::parse::Dialect::CSharp.score(text)
    }

    #[test]
    fn scalars_carry_widths() {
        let c = CSharp;
        assert_eq!(c.scalar("long"), Some(Type::Integer(Some(Format::Int64))));
        assert_eq!(c.scalar("int"), Some(Type::Integer(Some(Format::Int32))));
        assert_eq!(c.scalar("double"), Some(Type::Number(Some(Format::Double))));
        assert_eq!(
            c.scalar("BigInteger"),
            Some(Type::Integer(Some(Format::Bigint)))
        );
        assert_eq!(c.scalar("byte[]"), Some(Type::String(Some(Format::Binary))));
        assert_eq!(c.scalar("Account"), None);
    }

    fn lower(cell: &str) -> Type {
        let cell = crate::markdown::Cell {
            text: cell.into(),
            span: crate::source::SourceFile::new("x.md", "").span(0),
        };
        let (mut refs, mut diags) = (Vec::new(), crate::diagnostic::Diagnostics::default());
        let lowered = crate::parse::skeleton::lower_cell(&cell, &CSharp, &mut refs, &mut diags);
        assert!(diags.is_empty(), "{diags}");
        lowered.ty
    }

    #[test]
    fn containers_and_byte_arrays() {
        assert_eq!(lower("*byte[]*"), Type::String(Some(Format::Binary)));
        assert_eq!(
            lower("Dictionary<String, List<*string*>>"),
            Type::Map(Box::new(Type::Array(Box::new(Type::STRING))))
        );
        assert_eq!(
            lower("List<List<*long*>>"),
            Type::Array(Box::new(Type::Array(Box::new(Type::Integer(Some(
                Format::Int64
            ))))))
        );
    }

    #[test]
    fn date_links() {
        let c = CSharp;
        assert_eq!(
            c.stdlib_link(
                "DateTime",
                "https://learn.microsoft.com/en-us/dotnet/api/system.datetime?view=net-5.0"
            ),
            Some(Type::String(Some(Format::DateTime)))
        );
        assert_eq!(
            c.stdlib_link(
                "LocalDate",
                "https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html"
            ),
            Some(Type::String(Some(Format::Date)))
        );
        assert_eq!(
            c.stdlib_link(
                "DateOnly",
                "https://learn.microsoft.com/en-us/dotnet/api/system.dateonly?view=net-6.0"
            ),
            Some(Type::String(Some(Format::Date)))
        );
    }

    #[test]
    fn union_member_names() {
        let code = "AccountAddressCountrySourceValueUnion.CreateStr(/* values here */);";
        assert_eq!(CSharp.union_member("Str", code).as_deref(), Some("string"));
        assert_eq!(CSharp.union_member("Number", "").as_deref(), Some("number"));
        assert_eq!(CSharp.scalar("number"), Some(Type::NUMBER));
        assert_eq!(
            CSharp.union_member("ArrayOfAny", "").as_deref(),
            Some("List<object>")
        );
        assert_eq!(
            CSharp.union_member("ArrayOfMapOfAny", "").as_deref(),
            Some("List<Dictionary<string, object>>")
        );
        assert_eq!(
            CSharp
                .union_member("AccountAddressSourceValueCountry", "")
                .as_deref(),
            Some("AccountAddressSourceValueCountry")
        );
        assert_eq!(CSharp.union_member("", code).as_deref(), Some("string"));
    }

    #[test]
    fn detects_csharp_markers() {
        assert!(score("| `Data` | Dictionary<String, *object*> | :heavy_minus_sign: | N/A |") > 0);
        assert!(score("| `Id` | *double* | :heavy_check_mark: | N/A |") > 0);
        assert_eq!(score("| `id` | *str* | :heavy_check_mark: | N/A |"), 0);
    }
}
