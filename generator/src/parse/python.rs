//! Speakeasy Python docs, both the dataclasses style (2023–mid 2024) and the
//! pydantic style (mid 2024 on).
//!
//! Scalars are italic (`*str*`), wrappers sit inside the italics or the link
//! label (`*Optional[str]*`, `[Nullable[models.X]](x.md)`), containers outside
//! (`List[...]`, `Dict[str, ...]`, lowercase before CLI 1.101). Date links carry
//! swapped labels: the URL anchor decides (`#date-objects` is a date-time).
//! Field names lose the keyword suffix (`date_` → `date`) and, like class
//! names, get spelled-out leading digits back ([`number_words`]).

use super::dialect::{Blocks, Limitation, Loss, Marker, ParsedDoc, Spec};
use super::lower::{TypeNames, Wrapper};
use super::number_words;
use super::skeleton::speakeasy::{self, Language};
use crate::diagnostic::Diagnostics;
use crate::ir::{Format, Type};
use crate::source::SourceFile;

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
            "Optional" => Wrapper::OPTIONAL,
            "Nullable" => Wrapper::NULLABLE,
            "OptionalNullable" => Wrapper::OPTIONAL_NULLABLE,
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

    fn wire_name(&self, sdk_name: &str) -> String {
        let name = unmangle_field(sdk_name);
        number_words::unspell_snake(name).unwrap_or_else(|| name.to_string())
    }

    fn model_name(&self, class_name: &str) -> String {
        number_words::unspell_pascal(class_name).unwrap_or_else(|| class_name.to_string())
    }
}

/// Names the Python generator suffixes with `_` because they are keywords or
/// shadow builtins and imports (`date_`, `str_`, `filter_`, `format_`).
const MANGLED: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "bytes", "class",
    "continue", "date", "datetime", "def", "del", "dict", "elif", "else", "except", "filter",
    "finally", "float", "for", "format", "from", "global", "if", "import", "in", "int", "is",
    "lambda", "list", "nonlocal", "not", "or", "pass", "raise", "return", "str", "try", "while",
    "with", "yield",
];

/// `date_` → `date`: undoes the keyword suffix; other names are unchanged.
fn unmangle_field(name: &str) -> &str {
    match name.strip_suffix('_') {
        Some(stem) if MANGLED.contains(&stem) => stem,
        _ => name,
    }
}

/// Index in [`MARKERS`] of openapi-generator's table header, which rules Python out.
const GENERATOR_TABLE: usize = 0;

/// What Python docs cannot express, reported once per doc set.
const LIMITATIONS: &[Limitation] = &[
    Limitation::new(
        &[Loss::NumericWidths],
        "`int` and `float` carry no width, so int32/int64/float/double formats are lost",
    ),
    Limitation::new(
        &[Loss::ContainerNullability, Loss::DateNullability],
        "lists, maps and dates are never wrapped in `Nullable[...]`: their nullability is not recovered",
    ),
    Limitation::new(
        &[Loss::WireCase],
        "the Field column holds snake_case SDK field names; JSON names in another case (`createdAt`) are inferred from examples and descriptions (see the `wire names` note)",
    ),
    speakeasy::REQUIRED_DEFAULTS,
];

impl Spec for Python {
    fn name(&self) -> &'static str {
        "python"
    }

    fn title(&self) -> &'static str {
        "Speakeasy Python (dataclasses and pydantic styles)"
    }

    fn markers(&self) -> &'static [Marker] {
        MARKERS
    }

    /// openapi-generator's Python docs share the type syntax (`**List[str]**`) and
    /// the ```` ```python ```` blocks but not the table: their
    /// `Name | Type | Description | Notes` header rules them out.
    fn score(&self, counts: &[u32]) -> u32 {
        if counts[GENERATOR_TABLE] > 0 {
            return 0;
        }
        super::dialect::weighted_sum(MARKERS, counts)
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

/// Python's detection markers: one point per occurrence, except the
/// openapi-generator table header (weight 0), whose presence scores 0.
const MARKERS: &[Marker] = &[
    Marker::new("Name | Type | Description | Notes", 0),
    Marker::new("*Optional[", 1),
    Marker::new("*Nullable[", 1),
    Marker::new("*OptionalNullable[", 1),
    Marker::new("List[", 1),
    Marker::new("Dict[str", 1),
    Marker::new("list[", 1),
    Marker::new("dict[str", 1),
    Marker::new("docs.python.org", 1),
    Marker::new("*str*", 1),
    Marker::new("*int*", 1),
    Marker::new("*bool*", 1),
    Marker::new("*float*", 1),
    Marker::new("[Optional[", 1),
    Marker::new("httpx.Response", 1),
    Marker::new("requests.Response", 1),
    Marker::new("```python", 1),
];

impl Language for Python {
    /// Python union docs: ``### `List[models.X]` `` headings, or (old style)
    /// `### Name` + ```` ```python\nname: shared.X = /* values here */``` ````.
    fn union_member(&self, heading: &str, code: &str) -> Option<String> {
        let heading = heading.trim();
        if let Some(inner) = heading.strip_prefix('`').and_then(|h| h.strip_suffix('`')) {
            return Some(inner.to_string());
        }
        let line = code.lines().find(|l| l.contains(':'))?;
        let (_, ty) = line.split_once(':')?;
        let ty = ty.split_once('=').map_or(ty, |(t, _)| t);
        Some(ty.trim().to_string()).filter(|t| !t.is_empty())
    }

    /// Pydantic docs name the row after the model attribute that holds it.
    fn is_extra_properties_row(&self, name: &str) -> bool {
        name == "__pydantic_extra__" || speakeasy::additional_properties_row(name)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use crate::diagnostic::Diagnostics;
    use crate::ir::{Field, Format, ModelKind, Object, Type};
    use crate::parse::{parse_document, Dialect, ParsedDoc};
    use crate::source::SourceFile;

    const HEADER: &str =
        "| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n";

    fn parse(doc: &str) -> (ParsedDoc, Diagnostics) {
        let mut diags = Diagnostics::default();
        let source = SourceFile::new("x.md", doc);
        let parsed = parse_document(&source, Dialect::Python, &mut diags).expect("parses");
        (parsed, diags)
    }

    /// Parses a one-model doc from table rows and returns its object.
    fn object(rows: &str) -> (Object, ParsedDoc, Diagnostics) {
        let (doc, diags) = parse(&format!("# M\n\n## Fields\n\n{HEADER}{rows}"));
        let ModelKind::Object(o) = doc.model.kind.clone() else {
            panic!("not an object: {:?}", doc.model.kind)
        };
        (o, doc, diags)
    }

    fn field(row: &str) -> Field {
        let (o, _, diags) = object(row);
        assert!(diags.is_empty(), "{diags}");
        o.fields.into_iter().next().expect("one field")
    }

    /// `(type, required, nullable)` of a one-row table.
    fn shape(ty_cell: &str, required: bool) -> (Type, bool, bool) {
        let req = if required {
            ":heavy_check_mark:"
        } else {
            ":heavy_minus_sign:"
        };
        let f = field(&format!("| `f` | {ty_cell} | {req} | N/A | |\n"));
        (f.ty, f.required, f.nullable)
    }

    #[test]
    fn scalars() {
        assert_eq!(shape("*str*", true), (Type::STRING, true, false));
        assert_eq!(shape("*int*", true).0, Type::INTEGER);
        assert_eq!(shape("*float*", true).0, Type::NUMBER);
        assert_eq!(shape("*bool*", true).0, Type::Boolean);
        assert_eq!(shape("*Any*", true).0, Type::Any);
        assert_eq!(
            shape("*Optional[Decimal]*", false).0,
            Type::Number(Some(Format::Decimal))
        );
        assert_eq!(shape("*bytes*", true).0, Type::String(Some(Format::Binary)));
        assert_eq!(
            shape("*Union[bytes, IO[bytes], io.BufferedReader]*", true).0,
            Type::String(Some(Format::Binary))
        );
    }

    #[test]
    fn wrappers_say_optional_and_nullable() {
        // Optional alone: optional, not null (old style: also "required + Optional" = nullable).
        assert_eq!(
            shape("*Optional[str]*", false),
            (Type::STRING, false, false)
        );
        assert_eq!(shape("*Optional[Any]*", true), (Type::Any, true, true));
        assert_eq!(shape("*Nullable[str]*", true), (Type::STRING, true, true));
        assert_eq!(
            shape("*OptionalNullable[str]*", false),
            (Type::STRING, false, true)
        );
    }

    #[test]
    fn containers_nest() {
        // Without italics (Unstructured-IO, CLI 1.601).
        assert_eq!(
            shape("Dict[str, Any]", true).0,
            Type::Map(Box::new(Type::Any))
        );
        assert_eq!(
            shape("List[*str*]", true).0,
            Type::Array(Box::new(Type::STRING))
        );
        assert_eq!(
            shape("dict[str, list[*str*]]", true).0,
            Type::Map(Box::new(Type::Array(Box::new(Type::STRING))))
        );
        assert_eq!(
            shape("List[List[*str*]]", true).0,
            Type::Array(Box::new(Type::Array(Box::new(Type::STRING))))
        );
        assert_eq!(
            shape("List[*Nullable[str]*]", false).0,
            Type::Array(Box::new(Type::Nullable(Box::new(Type::STRING))))
        );
    }

    #[test]
    fn links_carry_wrappers_in_the_label() {
        let (o, doc, _) = object(
            "| `status` | [OptionalNullable[models.EmployeeStatus]](../models/employeestatus.md) | :heavy_minus_sign: | The status. | active |\n\
             | `tags` | List[[Nullable[models.Tag]](../models/tag.md)] | :heavy_minus_sign: | N/A | |\n",
        );
        assert!(!o.fields[0].required && o.fields[0].nullable);
        assert!(matches!(o.fields[0].ty, Type::Pending(_)));
        assert!(matches!(&o.fields[1].ty, Type::Array(t) if matches!(**t, Type::Nullable(_))));
        assert_eq!(doc.refs[0].name, "EmployeeStatus");
        assert_eq!(doc.refs[0].file_stem.as_deref(), Some("employeestatus"));
        assert_eq!(doc.refs[1].name, "Tag");
    }

    #[test]
    fn date_links_are_classified_by_url_not_label() {
        let dt = "[date](https://docs.python.org/3/library/datetime.html#date-objects)";
        let d = "[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)";
        assert_eq!(shape(dt, true).0, Type::String(Some(Format::DateTime)));
        assert_eq!(shape(d, false).0, Type::String(Some(Format::Date)));
        assert_eq!(
            shape(&format!("Dict[str, {d}]"), true).0,
            Type::Map(Box::new(Type::String(Some(Format::Date))))
        );
    }

    #[test]
    fn literals_are_consts() {
        assert_eq!(
            shape(r#"*Literal["agent"]*"#, true).0,
            Type::Const(json!("agent"))
        );
        assert_eq!(
            shape("*Optional[Literal[False]]*", false),
            (Type::Const(json!(false)), false, false)
        );
    }

    #[test]
    fn inline_unions() {
        let (o, doc, _) = object(
            "| `vehicle` | [Union[shared.ExampleBoat, shared.ExampleCar]](../../models/shared/examplevehicle.md) | :heavy_check_mark: | N/A | |\n\
             | `v` | *Union[str, int]* | :heavy_check_mark: | N/A | |\n",
        );
        let Type::Pending(index) = o.fields[0].ty else {
            panic!("{:?}", o.fields[0].ty)
        };
        assert_eq!(doc.refs[index].file_stem.as_deref(), Some("examplevehicle"));
        assert_eq!(
            o.fields[1].ty,
            Type::Union(vec![Type::STRING, Type::INTEGER])
        );
    }

    #[test]
    fn extra_properties_row_is_not_a_field() {
        let (o, _, _) = object(
            "| `name` | *str* | :heavy_check_mark: | N/A | |\n\
             | `__pydantic_extra__` | Dict[str, *Any*] | :heavy_minus_sign: | N/A | |\n",
        );
        assert_eq!(o.fields.len(), 1);
        assert_eq!(o.additional_properties, Some(Type::Any));
        let (o, _, _) =
            object("| `additional_properties` | Dict[str, *str*] | :heavy_minus_sign: | N/A | |\n");
        assert!(o.fields.is_empty());
        assert_eq!(o.additional_properties, Some(Type::STRING));
    }

    #[test]
    fn deprecation_descriptions_and_examples() {
        let f = field("| ~~`link`~~ | *str* | :heavy_check_mark: | : warning: ** DEPRECATED **: This will be removed in a future release, please migrate away from it as soon as possible.<br/><br/>The unique ID | abc |\n");
        assert!(f.deprecated);
        assert_eq!(f.wire_name, "link");
        assert_eq!(f.description.as_deref(), Some("The unique ID"));
        assert_eq!(f.examples, vec![json!("abc")]);
        let f = field("| `n` | *Optional[int]* | :heavy_minus_sign: | N/A | 8821239038968084 |\n");
        assert_eq!(f.description, None);
        assert_eq!(f.examples, vec![json!(8821239038968084_i64)]);
        let f = field("| `a` | *str* | :heavy_minus_sign: | line one<br/>line two | <nil> |\n");
        assert_eq!(f.description.as_deref(), Some("line one\nline two"));
        assert!(f.examples.is_empty(), "`<nil>` is no example");
        let (doc, _) = parse("# ~~Old~~\n\nGone.\n\n> :warning: **DEPRECATED**: This will be removed.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n");
        assert!(doc.model.deprecated);
        assert_eq!(doc.model.name, "Old");
        assert_eq!(doc.model.description.as_deref(), Some("Gone."));
    }

    fn enum_values(doc: &str) -> Vec<Value> {
        let (doc, _) = parse(doc);
        let ModelKind::Enum(e) = doc.model.kind else {
            panic!("not an enum")
        };
        e.values.into_iter().map(|v| v.value).collect()
    }

    #[test]
    fn enums_in_every_python_form() {
        let table = "# EnumT\n\nA string based enum\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `ONE` | one |\n| `FOUR_AND_MORE` | four_and_more |";
        assert_eq!(
            enum_values(table),
            vec![json!("one"), json!("four_and_more")]
        );
        let ints = "# IntEnum\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `FIRST` | 1 |\n| `SECOND` | 2 |";
        assert_eq!(enum_values(ints), vec![json!(1), json!(2)]);
        let union_style = "# Reason\n\n## Values\n\nThis is an open enum. Unrecognized values will not fail type checks.\n\n- `\"stop\"`\n- `\"length\"`\n";
        assert_eq!(
            enum_values(union_style),
            vec![json!("stop"), json!("length")]
        );
        let numeric = "# Policy\n\n## Values\n\n- `1`\n- `2`\n";
        assert_eq!(enum_values(numeric), vec![json!(1), json!(2)]);
        let example_usage = "# Action\n\n## Example Usage\n\n```python\nfrom clerk_backend_api.models import Action\n\nvalue = Action.INCREASE\n```\n\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `INCREASE` | increase |";
        assert_eq!(enum_values(example_usage), vec![json!("increase")]);
    }

    #[test]
    fn nil_enum_member_is_null() {
        let doc = "# TypeX\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `BOOLEAN` | Boolean |\n| `LESS_THAN_NIL_GREATER_THAN_` | <nil> |";
        assert_eq!(enum_values(doc), vec![json!("Boolean"), Value::Null]);
        let ints = "# N\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `ONE` | 1 |\n| `LESS_THAN_NIL_GREATER_THAN_` | <nil> |";
        assert_eq!(enum_values(ints), vec![json!(1), Value::Null]);
    }

    #[test]
    fn unions_in_both_styles() {
        let new = "# ToolMessageContent\n\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n\n### `List[models.ContentChunk]`\n\n```python\nvalue: List[models.ContentChunk] = /* values here */\n```\n";
        let (doc, _) = parse(new);
        let ModelKind::Union(u) = doc.model.kind else {
            panic!("not a union")
        };
        assert_eq!(u.members[0], Type::STRING);
        assert!(matches!(&u.members[1], Type::Array(t) if matches!(**t, Type::Pending(_))));
        assert_eq!(doc.refs[0].name, "ContentChunk");

        let old = "# MixedTypeOneOfPostJSON\n\n\n## Supported Types\n\n### TypedObject1\n\n```python\nmixedTypeOneOfPostJSON: shared.SimpleObject = /* values here */\n```\n\n### \n\n```python\nmixedTypeOneOfPostJSON: str = /* values here */\n```\n";
        let (doc, _) = parse(old);
        let ModelKind::Union(u) = doc.model.kind else {
            panic!("not a union")
        };
        assert_eq!(u.members.len(), 2);
        assert_eq!(doc.refs[0].name, "SimpleObject");
        assert_eq!(u.members[1], Type::STRING);
    }

    #[test]
    fn unknown_names_warn_and_fall_back_to_any() {
        let (o, _, diags) = object("| `f` | *Frobnicator[str]* | :heavy_check_mark: | N/A | |\n");
        assert_eq!(o.fields[0].ty, Type::Any);
        assert_eq!(diags.warning_count(), 1);
        let (o, _, diags) =
            object("| `f` | [thing](https://example.com/thing) | :heavy_check_mark: | N/A | |\n");
        assert_eq!(o.fields[0].ty, Type::Any);
        assert_eq!(diags.warning_count(), 1);
    }

    #[test]
    fn keyword_suffix_is_undone_in_wire_names() {
        assert_eq!(field("| `date_` | [datetime](https://docs.python.org/3/library/datetime.html#datetime-objects) | :heavy_minus_sign: | N/A | |\n").wire_name, "date");
        assert_eq!(
            field("| `str_` | *str* | :heavy_check_mark: | N/A | |\n").wire_name,
            "str"
        );
        assert_eq!(
            field("| `name_` | *str* | :heavy_check_mark: | N/A | |\n").wire_name,
            "name_"
        );
        assert_eq!(
            field("| `type` | *str* | :heavy_check_mark: | N/A | |\n").wire_name,
            "type"
        );
    }

    #[test]
    fn spelled_out_leading_digits_are_read_back() {
        let (doc, _) = parse("# Sixa65bb5a9\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `two_thousand_and_twenty_one` | *Optional[str]* | :heavy_minus_sign: | N/A |\n");
        assert_eq!(doc.model.name, "6a65bb5a9");
        let ModelKind::Object(o) = doc.model.kind else {
            panic!("not an object")
        };
        assert_eq!(o.fields[0].wire_name, "2021");
    }

    #[test]
    fn refs_use_the_read_back_model_name() {
        let doc = "# U\n\n## Supported Types\n\n### `models.Eighta9c6cb49`\n\n```python\nvalue: models.Eighta9c6cb49 = /* values here */\n```\n";
        let (doc, _) = parse(doc);
        assert_eq!(doc.refs[0].name, "8a9c6cb49");
    }

    #[test]
    fn detection_leaves_openapi_generator_docs_alone() {
        let speakeasy = "# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `ids` | List[*str*] | :heavy_check_mark: | N/A |\n";
        let score = |text: &str| Dialect::Python.score(text);
        assert!(score(speakeasy) > 0);
        let generator = "# A\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**ids** | **List[str]** |  | \n\n## Example\n\n```python\nfrom x import A\n```\n";
        assert_eq!(score(generator), 0);
    }

    #[test]
    fn raw_http_objects_are_any() {
        assert_eq!(
            shape(
                "[httpx.Response](https://www.python-httpx.org/api/#response)",
                true
            )
            .0,
            Type::Any
        );
        assert_eq!(shape("*Optional[httpx.Response]*", false).0, Type::Any);
    }
}
