//! Speakeasy PHP docs (`*?string*`, `array<*string*>`, `array<string, *mixed*>`,
//! `[\DateTime](...)`, `[?Components\X](...)`).
//!
//! `?T` means *optional* (a required nullable value renders as plain `T`), so
//! nullability is not recoverable. `array<T>` is a list, `array<string, T>` a
//! map. Date and date-time both render as `\DateTime`: they are not
//! distinguishable: a field whose examples are all full dates (`2026-03-20`)
//! becomes `format: date`, every other one `format: date-time` (the more
//! common one) — [`Spec::limitations`] says so once.
//! Unions are links whose label lists the members: `[string\|int\|null](u.md)`;
//! union docs give each member's full type in a `@var` docblock.

use super::dialect::{Blocks, Limitation, Loss, Marker, ParsedDoc, Spec};
use super::lower::{TypeNames, Wrapper};
use super::skeleton::speakeasy::{self, Language};
use crate::diagnostic::Diagnostics;
use crate::ir::{Format, Type};
use crate::source::SourceFile;

/// The PHP dialect's type names.
pub struct Php;

impl TypeNames for Php {
    fn scalar(&self, name: &str) -> Option<Type> {
        let name = name.trim_start_matches('\\');
        Some(match name {
            "string" => Type::STRING,
            "int" | "integer" => Type::INTEGER,
            "float" | "double" => Type::NUMBER,
            "bool" | "boolean" => Type::Boolean,
            // `array` alone is a list or a map: unknown shape, any JSON value.
            "mixed" | "object" | "array" => Type::Any,
            "DateTime" | "DateTimeInterface" | "DateTimeImmutable" => {
                Type::String(Some(Format::DateTime))
            }
            "SplFileObject" => Type::String(Some(Format::Binary)),
            // Raw HTTP objects of response wrappers: not JSON, kept as any.
            "Psr\\Http\\Message\\ResponseInterface" | "Psr\\Http\\Message\\RequestInterface" => {
                Type::Any
            }
            _ => return None,
        })
    }

    fn wrapper(&self, name: &str) -> Option<Wrapper> {
        (name == "?").then_some(Wrapper::OPTIONAL)
    }

    fn is_list(&self, name: &str) -> bool {
        name == "array"
    }

    fn is_map(&self, name: &str) -> bool {
        // `array<string, T>`: the two-argument form (see `is_list` for one argument).
        name == "array"
    }

    fn dates_ambiguous(&self) -> bool {
        true
    }

    fn stdlib_link(&self, label: &str, target: &str) -> Option<Type> {
        if target.contains("php.net") || target.contains("php-fig.org") {
            return self.scalar(label.trim().trim_start_matches('?'));
        }
        None
    }
}

/// What PHP docs cannot express, reported once per doc set.
const LIMITATIONS: &[Limitation] = &[
    Limitation::new(
        &[Loss::Nullability],
        "`?T` means optional and required nullable values render as `T`: nullability is lost",
    ),
    Limitation::new(
        &[Loss::DateVsDateTime],
        "date and date-time both render as `\\DateTime`: only fields with date-only examples become `format: date`, the rest `date-time`",
    ),
    Limitation::new(
        &[Loss::NumericWidths],
        "`int`/`float` carry no width, so int32/int64/float/double formats are lost",
    ),
    Limitation::new(
        &[Loss::ConstValues],
        "consts render as their base type: the value is lost",
    ),
    Limitation::new(
        &[Loss::WireCase],
        "the Field column holds camelCase SDK property names, not the JSON names; those are inferred (see the `wire names` note)",
    ),
];

impl Spec for Php {
    fn name(&self) -> &'static str {
        "php"
    }

    fn title(&self) -> &'static str {
        "Speakeasy PHP"
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

/// How strongly a document looks like Speakeasy PHP docs.
///
/// PHP-only spellings count three times; the scalars PHP shares with other
/// languages (`*string*`, `*int*`) once, so that the doc set's majority keeps
/// documents made of those alone (see [`crate::parse::detect_doc_set`]).
///
/// PHP's detection markers: PHP-only spellings weigh 3, shared scalars 1.
const MARKERS: &[Marker] = &[
    Marker::new("*?string*", 3),
    Marker::new("*?int*", 3),
    Marker::new("*?float*", 3),
    Marker::new("*?bool*", 3),
    Marker::new("*mixed*", 3),
    Marker::new("array<", 3),
    Marker::new("[\\DateTime]", 3),
    Marker::new("[?Components\\", 3),
    Marker::new("[Components\\", 3),
    Marker::new("[?Operations\\", 3),
    Marker::new("[Operations\\", 3),
    Marker::new("[\\Psr\\", 3),
    Marker::new("php.net", 3),
    Marker::new("```php", 3),
    Marker::new("*string*", 1),
    Marker::new("*int*", 1),
    Marker::new("*float*", 1),
    Marker::new("*bool*", 1),
];

impl Language for Php {
    /// PHP union docs: ``### `Components\X` `` + a docblock whose `@var` line has
    /// the member's full type (`@var array<string|float|bool|array<string, mixed>|null>`).
    fn union_member(&self, heading: &str, code: &str) -> Option<String> {
        let from_docblock = code
            .lines()
            .find_map(|l| {
                l.trim()
                    .trim_start_matches('*')
                    .trim()
                    .strip_prefix("@var ")
            })
            .map(str::trim)
            .filter(|t| !t.is_empty());
        if let Some(ty) = from_docblock {
            return Some(ty.to_string());
        }
        let heading = heading.trim().trim_matches('`').trim();
        (!heading.is_empty()).then(|| heading.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(text: &str) -> u32 {
        crate::parse::Dialect::Php.score(text)
    }

    #[test]
    fn scalars() {
        assert_eq!(Php.scalar("string"), Some(Type::STRING));
        assert_eq!(Php.scalar("mixed"), Some(Type::Any));
        assert_eq!(
            Php.scalar("\\DateTime"),
            Some(Type::String(Some(Format::DateTime)))
        );
        assert_eq!(Php.scalar("Components\\Invoice"), None);
        assert!(Php.wrapper("?").is_some_and(|w| w.optional && !w.nullable));
    }

    #[test]
    fn stdlib_links() {
        assert_eq!(
            Php.stdlib_link(
                "\\DateTime",
                "https://www.php.net/manual/en/class.datetime.php"
            ),
            Some(Type::String(Some(Format::DateTime)))
        );
        assert_eq!(
            Php.stdlib_link(
                "\\Psr\\Http\\Message\\ResponseInterface",
                "https://www.php-fig.org/psr/psr-7/#33-psrhttpmessageresponseinterface"
            ),
            Some(Type::Any)
        );
    }

    #[test]
    fn union_members_from_docblocks() {
        let code = "/**\n* @var \\Factuarea\\Sdk\\Models\\Operations\\RecipientEnum\n*/\nOperations\\RecipientEnum $value = /* values here */";
        assert_eq!(
            Php.union_member("`Operations\\RecipientEnum`", code)
                .as_deref(),
            Some("\\Factuarea\\Sdk\\Models\\Operations\\RecipientEnum")
        );
        assert_eq!(Php.union_member("`mixed`", "").as_deref(), Some("mixed"));
    }

    fn lower(cell: &str) -> Type {
        let cell = crate::markdown::Cell {
            text: cell.into(),
            span: crate::source::SourceFile::new("x.md", "").span(0),
        };
        let (mut refs, mut diags) = (Vec::new(), crate::diagnostic::Diagnostics::default());
        let lowered = crate::parse::skeleton::lower_cell(&cell, &Php, &mut refs, &mut diags);
        assert!(diags.is_empty(), "{diags}");
        lowered.ty
    }

    #[test]
    fn array_arity_decides_list_or_map() {
        assert_eq!(
            lower("array<*string*>"),
            Type::Array(Box::new(Type::STRING))
        );
        assert_eq!(
            lower("array<string, array<*string*>>"),
            Type::Map(Box::new(Type::Array(Box::new(Type::STRING))))
        );
        assert_eq!(
            lower("array<string, *mixed*>"),
            Type::Map(Box::new(Type::Any))
        );
    }

    #[test]
    fn detects_php_markers() {
        assert!(score("| `note` | *?string* | :heavy_minus_sign: | N/A |") > 0);
        assert!(score("| `tags` | array<*string*> | :heavy_minus_sign: | N/A |") > 0);
        assert_eq!(score("| `id` | *str* | :heavy_check_mark: | N/A |"), 0);
    }
}
