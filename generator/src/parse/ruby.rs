//! Speakeasy Ruby docs: Sorbet (`*T.nilable(::String)*`, `T::Array<...>`,
//! `T::Hash[Symbol, ...]`, `*T::Boolean*`) and Crystalline
//! (`*Crystalline::Nilable.new(::String)*`, `Crystalline::Array<...>`,
//! `Crystalline::Hash[Symbol, ...]`, `*Crystalline::Boolean.new*`).
//!
//! `Nilable` / `T.nilable` mean "optional or nullable": on a required field it
//! is a required nullable value, on an optional one it says nothing more.
//! Date links carry swapped labels like Python: ruby-doc `Date.html` is a
//! date-time, `DateTime.html` a date. Union docs are empty (title only); the
//! members survive only in the `[Crystalline::Union.new(A, B)](u.md)` labels
//! of the fields that use them, which the resolver copies into the union doc.

use super::dialect::{Blocks, Limitation, Loss, Marker, ParsedDoc, Spec};
use super::lower::{TypeNames, Wrapper};
use super::skeleton::speakeasy::{self, Language};
use crate::diagnostic::Diagnostics;
use crate::ir::{Format, Type};
use crate::source::SourceFile;

/// The Ruby dialect's type names.
pub struct Ruby;

impl TypeNames for Ruby {
    fn scalar(&self, name: &str) -> Option<Type> {
        let name = name.trim_start_matches("::");
        Some(match name {
            "String" | "Symbol" => Type::STRING,
            "Integer" => Type::INTEGER,
            "Float" | "Numeric" => Type::NUMBER,
            "BigDecimal" => Type::Number(Some(Format::Decimal)),
            "T::Boolean"
            | "Crystalline::Boolean.new"
            | "Crystalline::Boolean"
            | "TrueClass"
            | "FalseClass" => Type::Boolean,
            "Object" | "T.untyped" | "BasicObject" => Type::Any,
            // Raw HTTP objects of response wrappers: not JSON, kept as any.
            "Faraday::Response" | "Net::HTTPResponse" => Type::Any,
            "IO" | "StringIO" | "File" => Type::String(Some(Format::Binary)),
            _ => return None,
        })
    }

    fn wrapper(&self, name: &str) -> Option<Wrapper> {
        matches!(name, "T.nilable" | "Crystalline::Nilable.new").then_some(Wrapper::OPTIONAL)
    }

    fn is_list(&self, name: &str) -> bool {
        matches!(name, "T::Array" | "Crystalline::Array" | "Array" | "T::Set")
    }

    fn is_map(&self, name: &str) -> bool {
        matches!(name, "T::Hash" | "Crystalline::Hash" | "Hash")
    }

    /// `Crystalline::Union.new(A, B)`, the union constructor of field labels.
    fn is_union(&self, name: &str) -> bool {
        matches!(name, "Union" | "Crystalline::Union.new")
    }

    fn stdlib_link(&self, label: &str, target: &str) -> Option<Type> {
        if target.contains("ruby-doc.org") {
            // Labels are swapped by the generator; the page name is right.
            if target.ends_with("/DateTime.html") {
                return Some(Type::String(Some(Format::Date)));
            }
            if target.ends_with("/Date.html") {
                return Some(Type::String(Some(Format::DateTime)));
            }
            return self.scalar(label);
        }
        if target.contains("rubydoc.info/gems/faraday") {
            return Some(Type::Any);
        }
        None
    }
}

/// What Ruby docs cannot express, reported once per doc set.
const LIMITATIONS: &[Limitation] = &[
    Limitation::new(
        &[Loss::OptionalNullability],
        "`Nilable` means optional or nullable: only required fields become nullable",
    ),
    Limitation::new(
        &[Loss::NumericWidths],
        "`Integer`/`Float` carry no width, so int32/int64/float/double formats are lost",
    ),
    Limitation::new(
        &[Loss::ConstValues],
        "consts render as their base type: the value is lost",
    ),
    Limitation::new(
        &[Loss::UnionMembers],
        "union docs are empty: members come only from `Crystalline::Union.new(...)` labels where a field names them",
    ),
    Limitation::new(
        &[Loss::WireCase],
        "the Field column holds snake_case SDK attribute names, not the JSON names; those are inferred (see the `wire names` note)",
    ),
];

impl Spec for Ruby {
    fn name(&self) -> &'static str {
        "ruby"
    }

    fn title(&self) -> &'static str {
        "Speakeasy Ruby (Sorbet and Crystalline styles)"
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

/// How strongly a document looks like Speakeasy Ruby docs.
const MARKERS: &[Marker] = &[
    Marker::new("Crystalline::", 3),
    Marker::new("T.nilable(", 3),
    Marker::new("T::Array", 3),
    Marker::new("T::Hash", 3),
    Marker::new("T::Boolean", 3),
    Marker::new("*::String*", 3),
    Marker::new("*::Integer*", 3),
    Marker::new("*::Float*", 3),
    Marker::new("*::Object*", 3),
    Marker::new("Models::Components::", 3),
    Marker::new("Models::Operations::", 3),
    Marker::new("ruby-doc.org", 3),
    Marker::new("rubydoc.info", 3),
    Marker::new("```ruby", 3),
];

impl Language for Ruby {
    /// Ruby union docs are empty (`# Name` only); should a member section appear,
    /// its heading is read as a type.
    fn union_member(&self, heading: &str, _code: &str) -> Option<String> {
        let heading = heading.trim().trim_matches('`').trim();
        (!heading.is_empty()).then(|| heading.to_string())
    }

    /// Union docs are a bare title.
    fn bare_title_is_union(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(text: &str) -> u32 {
        crate::parse::Dialect::Ruby.score(text)
    }

    #[test]
    fn open_enum_comment_in_example_usage() {
        let text = "# Strategy\n\n## Example Usage\n\n```ruby\nvalue = Strategy::TICKET\n\n# Open enum: use .deserialize() to create instances from custom string values\ncustom = Strategy.deserialize(\"x\")\n```\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `TICKET` | ticket |\n";
        let source = crate::source::SourceFile::new("s.md", text);
        let mut diags = crate::diagnostic::Diagnostics::default();
        let doc = crate::parse::parse_document(&source, crate::Dialect::Ruby, &mut diags)
            .expect("parses");
        let crate::ir::ModelKind::Enum(e) = doc.model.kind else {
            panic!("not an enum")
        };
        assert!(e.open);
    }

    #[test]
    fn scalars_both_runtimes() {
        let r = Ruby;
        assert_eq!(r.scalar("::String"), Some(Type::STRING));
        assert_eq!(r.scalar("String"), Some(Type::STRING));
        assert_eq!(r.scalar("Crystalline::Boolean.new"), Some(Type::Boolean));
        assert_eq!(r.scalar("T::Boolean"), Some(Type::Boolean));
        assert_eq!(r.scalar("::Object"), Some(Type::Any));
        assert_eq!(r.scalar("Models::Components::User"), None);
    }

    #[test]
    fn nilable_is_optional_or_nullable() {
        let w = Ruby.wrapper("Crystalline::Nilable.new").unwrap();
        assert!(w.optional && !w.nullable);
        assert_eq!(Ruby.wrapper("T.nilable"), Some(w));
        assert!(Ruby.is_list("Crystalline::Array") && Ruby.is_list("T::Array"));
        assert!(Ruby.is_map("Crystalline::Hash") && Ruby.is_map("T::Hash"));
    }

    fn lower(cell: &str) -> (Type, Wrapper, usize) {
        let cell = crate::markdown::Cell {
            text: cell.into(),
            span: crate::source::SourceFile::new("x.md", "").span(0),
        };
        let (mut refs, mut diags) = (Vec::new(), crate::diagnostic::Diagnostics::default());
        let lowered = crate::parse::skeleton::lower_cell(&cell, &Ruby, &mut refs, &mut diags);
        assert!(diags.is_empty(), "{diags}");
        (lowered.ty, lowered.wrapper, refs.len())
    }

    #[test]
    fn sorbet_and_crystalline_cells() {
        let optional = Wrapper::OPTIONAL;
        assert_eq!(lower("*T.nilable(::String)*"), (Type::STRING, optional, 0));
        assert_eq!(
            lower("*Crystalline::Nilable.new(Crystalline::Boolean.new)*"),
            (Type::Boolean, optional, 0)
        );
        assert_eq!(
            lower("T::Array<*String*>").0,
            Type::Array(Box::new(Type::STRING))
        );
        assert_eq!(
            lower("T::Hash[Symbol, *String*]").0,
            Type::Map(Box::new(Type::STRING))
        );
        assert_eq!(
            lower("Crystalline::Hash[Symbol, *::Object*]").0,
            Type::Map(Box::new(Type::Any))
        );
        let (ty, w, refs) =
            lower("[T.nilable(::OpenApiSDK::Shared::GenerateBumpType)](../../models/shared/generatebumptype.md)");
        assert!(matches!(ty, Type::Pending(_)) && w == optional && refs == 1);
        // A union label: one ref to the union doc plus one per named member.
        let (ty, _, refs) = lower("Crystalline::Array<[Crystalline::Union.new(Models::Components::A, Models::Components::B)](../../models/shared/u.md)>");
        assert!(matches!(ty, Type::Array(_)) && refs == 3);
    }

    #[test]
    fn swapped_date_links() {
        assert_eq!(
            Ruby.stdlib_link(
                "Date",
                "https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/Date.html"
            ),
            Some(Type::String(Some(Format::DateTime)))
        );
        assert_eq!(
            Ruby.stdlib_link(
                "DateTime",
                "https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/DateTime.html"
            ),
            Some(Type::String(Some(Format::Date)))
        );
    }

    #[test]
    fn detects_ruby_markers() {
        assert!(score("| `id` | *Crystalline::Nilable.new(::String)* | :heavy_minus_sign: |") > 0);
        assert!(score("| `tags` | T::Array<*String*> | :heavy_minus_sign: |") > 0);
        assert_eq!(score("| `id` | *string* | :heavy_check_mark: |"), 0);
    }
}
