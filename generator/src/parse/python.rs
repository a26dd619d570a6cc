//! Speakeasy Python docs, both the dataclasses style (2023–mid 2024) and the
//! pydantic style (mid 2024 on).
//!
//! Scalars are italic (`*str*`), wrappers sit inside the italics or the link
//! label (`*Optional[str]*`, `[Nullable[models.X]](x.md)`), containers outside
//! (`List[...]`, `Dict[str, ...]`, lowercase before CLI 1.101). Date links carry
//! swapped labels: the URL anchor decides (`#date-objects` is a date-time).

use super::lower::{TypeNames, Wrapper};
use crate::ir::{Format, Type};

/// The Python dialect's type names.
pub struct Python;

impl TypeNames for Python {
    fn scalar(&self, name: &str) -> Option<Type> {
        Some(match name {
            "str" => Type::STRING,
            "int" => Type::INTEGER,
            "float" => Type::NUMBER,
            "bool" => Type::Boolean,
            "Any" | "object" => Type::Any,
            "Decimal" | "decimal.Decimal" => Type::Number(Some(Format::Decimal)),
            "bytes" | "IO" | "io.BufferedReader" | "io.IOBase" | "BinaryIO" => {
                Type::String(Some(Format::Binary))
            }
            "date" | "datetime.date" => Type::String(Some(Format::Date)),
            "datetime" | "datetime.datetime" => Type::String(Some(Format::DateTime)),
            // Raw HTTP objects of response wrappers: not JSON, kept as any.
            "httpx.Response"
            | "requests.Response"
            | "requests_http.Response"
            | "httpx.Request"
            | "requests.Request" => Type::Any,
            _ => return None,
        })
    }

    fn wrapper(&self, name: &str) -> Option<Wrapper> {
        Some(match name {
            "Optional" => Wrapper {
                optional: true,
                nullable: false,
            },
            "Nullable" => Wrapper {
                optional: false,
                nullable: true,
            },
            "OptionalNullable" => Wrapper {
                optional: true,
                nullable: true,
            },
            _ => return None,
        })
    }

    fn is_list(&self, name: &str) -> bool {
        matches!(name, "List" | "list" | "Sequence" | "Set" | "set")
    }

    fn is_map(&self, name: &str) -> bool {
        matches!(name, "Dict" | "dict" | "Mapping")
    }

    fn stdlib_link(&self, label: &str, target: &str) -> Option<Type> {
        if target.contains("docs.python.org") {
            // Labels are swapped by the generator; the anchor is right.
            if target.ends_with("#date-objects") {
                return Some(Type::String(Some(Format::DateTime)));
            }
            if target.ends_with("#datetime-objects") {
                return Some(Type::String(Some(Format::Date)));
            }
            return self.scalar(label);
        }
        if target.contains("python-httpx.org") || target.contains("requests.readthedocs.io") {
            return Some(Type::Any);
        }
        None
    }
}

/// How strongly a document looks like Speakeasy Python docs.
pub fn score(text: &str) -> u32 {
    const MARKERS: &[&str] = &[
        "*Optional[",
        "*Nullable[",
        "*OptionalNullable[",
        "List[",
        "Dict[str",
        "list[",
        "dict[str",
        "docs.python.org",
        "*str*",
        "*int*",
        "*bool*",
        "*float*",
        "[Optional[",
        "httpx.Response",
        "requests.Response",
        "```python",
    ];
    // memmem's SIMD search: detection scans every doc once per marker.
    let bytes = text.as_bytes();
    MARKERS
        .iter()
        .map(|m| memchr::memmem::find_iter(bytes, m).count() as u32)
        .sum()
}

/// Python union docs: ``### `List[models.X]` `` headings, or (old style)
/// `### Name` + ```` ```python\nname: shared.X = /* values here */``` ````.
pub fn union_member(heading: &str, code: &str) -> Option<String> {
    let heading = heading.trim();
    if let Some(inner) = heading.strip_prefix('`').and_then(|h| h.strip_suffix('`')) {
        return Some(inner.to_string());
    }
    let line = code.lines().find(|l| l.contains(':'))?;
    let (_, ty) = line.split_once(':')?;
    let ty = ty.split_once('=').map_or(ty, |(t, _)| t);
    Some(ty.trim().to_string()).filter(|t| !t.is_empty())
}
