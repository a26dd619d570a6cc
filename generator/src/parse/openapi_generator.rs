//! openapi-generator model docs, any target language (the templates of
//! openapi-generator 7: python (pydantic), Go, Java, C#, Ruby, PHP, ...).
//!
//! The skeleton (`## Properties` with Notes, `## Enum` bullets) is
//! [`properties`]'s. Type cells put names in bold (`**List[str]**`,
//! `[**Model**](Model.md)`, Go `Pointer to **NullableString**`); generics may
//! be HTML-escaped (`**List&lt;str&gt;**`). Nullability shows as Go
//! `NullableX` types, python `Optional[X]` / `X, none_type`. Go property
//! descriptions may end in go-swagger enum pairs (`eu-central EUCentral ...`).

use serde_json::Value;

use super::dialect::{Blocks, Limitation, Loss, Marker, ParsedDoc, PendingRef, Spec};
use super::lower::{LowerCx, TypeNames, Wrapper};
use super::skeleton::{self, properties};
use crate::diagnostic::Diagnostics;
use crate::ir::{Format, Type};
use crate::markdown::Cell;
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
        // PHP's namespaced built-ins (`\DateTime`), Rust's paths (`serde_json::Value`).
        let name = name.strip_prefix('\\').unwrap_or(name);
        Some(match name {
            "str" | "string" | "String" | "UUID" | "uuid" | "URI" | "char" | "uuid::Uuid"
            | "Uuid" => Type::STRING,
            "i8" | "i16" | "i32" | "u8" | "u16" | "u32" => Type::Integer(Some(Format::Int32)),
            "i64" | "u64" | "isize" | "usize" => Type::Integer(Some(Format::Int64)),
            "f32" => Type::Number(Some(Format::Float)),
            "f64" => Type::Number(Some(Format::Double)),
            "num" => Type::NUMBER,
            "mixed" | "serde_json::Value" | "Value" => Type::Any,
            "std::path::PathBuf" | "PathBuf" => Type::String(Some(Format::Binary)),
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
        matches!(
            name,
            "List" | "list" | "[]" | "Set" | "array" | "Array" | "Vec" | "std::vec::Vec"
        )
    }

    fn is_map(&self, name: &str) -> bool {
        matches!(
            name,
            // PHP `array<string,T>` (one argument: a list).
            "array"
                | "Dict"
                | "dict"
                | "map"
                | "Map"
                | "Dictionary"
                | "Hash"
                | "HashMap"
                | "std::collections::HashMap"
                | "BTreeMap"
                | "std::collections::BTreeMap"
        )
    }

    /// A link to a web page is a library type; swagger-codegen links built-ins to docs
    /// that do not exist (`[**DateTime**](DateTime.md)`): a link whose label is a
    /// built-in and whose target is that label's doc is the built-in.
    fn stdlib_link(&self, label: &str, target: &str) -> Option<Type> {
        if target.starts_with("http") {
            return Some(Type::Any);
        }
        let stem = target.strip_suffix(".md")?;
        (stem == label).then(|| self.scalar(label)).flatten()
    }

    /// The JSON name of a property: python's `var_schema` is `schema`, Rust's `r#type`
    /// is `type`.
    fn wire_name(&self, sdk_name: &str) -> String {
        // Rust's raw identifiers (`r#type`).
        let sdk_name = sdk_name.strip_prefix("r#").unwrap_or(sdk_name);
        match sdk_name.strip_prefix("var_") {
            Some(rest) if PYTHON_RESERVED.contains(&rest.to_ascii_lowercase().as_str()) => {
                rest.to_string()
            }
            _ => sdk_name.to_string(),
        }
    }
}

/// What openapi-generator docs cannot express. The flavour-specific ones are
/// reported only for doc sets that show the flavour's sign.
const LIMITATIONS: &[Limitation] = &[
    Limitation::new(
        &[Loss::InlineEnums, Loss::ConstValues],
        "inline enums and consts render as their base type (`**string**`)",
    ),
    Limitation::when(
        "```python",
        &[Loss::Nullability],
        "python docs show no nullability marker",
    ),
    Limitation::when(
        "## Methods",
        &[Loss::WireCase],
        "Go property names are SDK names, not wire names; those are inferred (see the `wire names` note)",
    ),
    Limitation::when(
        "## Methods",
        &[Loss::ModelDescriptions],
        "Go docs carry no model descriptions (their `## Methods` section is getter/setter boilerplate)",
    ),
    Limitation::new(
        &[Loss::UnionMembers],
        "oneOf/anyOf models render as the flattened properties of their members",
    ),
];

/// Index in [`MARKERS`] of the enum section heading.
const ENUM_SECTION: usize = 3;
/// Index in [`MARKERS`] of the enum value spelling, which counts with [`ENUM_SECTION`].
const ENUM_VALUE: usize = 4;

/// openapi-generator's detection markers: each counts its weight once when
/// present, however often; the enum section and value (weight 0) count 10
/// together (see [`Spec::score`]).
const MARKERS: &[Marker] = &[
    Marker::new("## Properties", 5),
    Marker::new("Name | Type | Description | Notes", 10),
    Marker::new("[[Back to Model list]]", 5),
    Marker::new("## Enum", 0),
    Marker::new("(value: `", 0),
];

impl Spec for OpenApiGenerator {
    fn name(&self) -> &'static str {
        "openapi-generator"
    }

    fn title(&self) -> &'static str {
        "openapi-generator (7.x templates, any language)"
    }

    fn markers(&self) -> &'static [Marker] {
        MARKERS
    }

    /// Presence, not count: docs repeat their table header in every section.
    fn score(&self, counts: &[u32]) -> u32 {
        let present = MARKERS
            .iter()
            .zip(counts)
            .filter(|(_, &c)| c > 0)
            .map(|(m, _)| m.weight)
            .sum::<u32>();
        let enum_doc = counts[ENUM_SECTION] > 0 && counts[ENUM_VALUE] > 0;
        present + if enum_doc { 10 } else { 0 }
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
        properties::parse(source, blocks, self, diags)
    }
}

impl properties::Flavour for OpenApiGenerator {
    /// Drops bold markers and Go's `Pointer to `, then parses the rest;
    /// python's `X, none_type` and Go's `NullableX` make it nullable.
    fn type_cell(
        &self,
        cell: &Cell,
        refs: &mut Vec<PendingRef>,
        diags: &mut Diagnostics,
    ) -> (Type, bool) {
        let text = strip_emphasis(&cell.text);
        let text = text.trim();
        let text = text.strip_prefix("Pointer to ").unwrap_or(text).trim();
        let text = rust_option(text).unwrap_or(text);
        let (text, none_type) = match text.strip_suffix(", none_type") {
            Some(t) => (t, true),
            None => (text, false),
        };
        let ty = match skeleton::parse_type(text, cell, false, diags) {
            Some(expr) => LowerCx {
                names: self,
                refs,
                diags,
                span: cell.span.clone(),
                cell: &cell.text,
            }
            .lower(&expr),
            None => Type::Any,
        };
        match ty {
            Type::Nullable(inner) => (*inner, true),
            ty => (ty, none_type),
        }
    }

    /// Rust's `Option<T>` on a required property: it may be `null` (on an `[optional]`
    /// one it only says the value may be absent).
    fn nullable_when_required(&self, cell: &Cell) -> bool {
        rust_option(strip_emphasis(&cell.text).trim()).is_some()
    }

    /// A plain string whose description ends in go-swagger enum pairs is that enum.
    fn refine(&self, ty: Type, description: Option<&str>) -> Type {
        match (&ty, description.and_then(go_enum_values)) {
            (Type::String(None), Some(values)) => Type::Enum(values),
            _ => ty,
        }
    }
}

/// A Type cell without its bold markers, PHP's triple-backtick code spans and Rust's
/// `models::` module path.
fn strip_emphasis(text: &str) -> String {
    text.replace("**", "")
        .replace("```", "")
        .replace("models::", "")
}

/// `T` of Rust's `Option<T>`.
fn rust_option(text: &str) -> Option<&str> {
    text.strip_prefix("Option<")?
        .strip_suffix('>')
        .map(str::trim)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Field, ModelKind};
    use crate::markdown;

    fn parse_text(text: &str) -> ParsedDoc {
        let source = SourceFile::new("x.md", text);
        let blocks = markdown::blocks_with_ranges(&source);
        let mut diags = Diagnostics::default();
        let doc = OpenApiGenerator
            .parse(&source, &blocks, &mut diags)
            .expect("parses");
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
        assert!(matches!(&f[1].ty, Type::Array(item) if matches!(**item, Type::Pending(_))));
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

    /// Whether the doc refers to the model `name`.
    fn pending(doc: &ParsedDoc, name: &str) -> bool {
        doc.refs.iter().any(|r| r.name == name)
    }

    #[test]
    fn rust_template_types_and_option() {
        let doc = parse_text(
            "# Setup\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**username** | **String** | who | \n**size** | **i64** | | \n**ratio** | Option<**f32**> | | [optional]\n**key** | Option<[**models::AccessKey**](AccessKey.md)> | | [optional]\n**gone** | Option<**bool**> | may be null | \n**tags** | Option<**Vec<String>**> | | [optional]\n**meta** | Option<**std::collections::HashMap<String, String>**> | | [optional]\n**raw** | Option<**serde_json::Value**> | | [optional]\n**r#type** | **String** | | \n",
        );
        let f = fields(&doc);
        assert_eq!(f[0].ty, Type::STRING);
        assert_eq!(f[1].ty, Type::Integer(Some(Format::Int64)));
        assert_eq!(f[8].wire_name, "type");
        assert_eq!(f[2].ty, Type::Number(Some(Format::Float)));
        assert!(
            !f[2].required && !f[2].nullable,
            "Option on [optional]: only absent"
        );
        assert!(matches!(f[3].ty, Type::Pending(_)) && pending(&doc, "AccessKey"));
        assert!(
            f[4].required && f[4].nullable,
            "Option on a required property: null"
        );
        assert_eq!(f[5].ty, Type::Array(Box::new(Type::STRING)));
        assert_eq!(f[6].ty, Type::Map(Box::new(Type::STRING)));
        assert_eq!(f[7].ty, Type::Any);
    }

    #[test]
    fn php_template_code_spans_and_required_marks() {
        let doc = parse_text(
            "# # AccountCreateRequest\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n| `email_address`<sup>*_required_</sup> | ```string``` |  The address.  |  |\n| `quotas` | [```\\Dropbox\\Sign\\Model\\Quotas```](Quotas.md) |    |  |\n| `metadata` | ```array<string,mixed>``` |  |  |\n| `ids` | ```string[]``` |  |  |\n| `at` | ```\\DateTime``` |  |  |\n",
        );
        let f = fields(&doc);
        assert_eq!(f[0].wire_name, "email_address");
        assert!(f[0].required);
        assert_eq!(f[0].ty, Type::STRING);
        assert_eq!(f[1].wire_name, "quotas");
        assert!(
            !f[1].required,
            "unmarked rows of this template are optional"
        );
        assert!(matches!(f[1].ty, Type::Pending(_)) && pending(&doc, "Quotas"));
        assert_eq!(f[2].ty, Type::Map(Box::new(Type::Any)));
        assert_eq!(f[3].ty, Type::Array(Box::new(Type::STRING)));
        assert_eq!(f[4].ty, Type::String(Some(Format::DateTime)));
    }

    #[test]
    fn swagger_codegen_links_to_built_ins() {
        let doc = parse_text(
            "# News\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**createdAt** | [**DateTime**](DateTime.md) | | [optional]\n**score** | **num** | | [optional]\n**author** | [**User**](User.md) | | [optional]\n",
        );
        let f = fields(&doc);
        assert_eq!(f[0].ty, Type::String(Some(Format::DateTime)));
        assert_eq!(f[1].ty, Type::NUMBER);
        assert!(matches!(f[2].ty, Type::Pending(_)) && pending(&doc, "User"));
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
        assert_eq!(OpenApiGenerator.wire_name("var_schema"), "schema");
        assert_eq!(OpenApiGenerator.wire_name("var_from"), "from");
        assert_eq!(OpenApiGenerator.wire_name("var_count"), "var_count");
        assert_eq!(OpenApiGenerator.wire_name("dag_id"), "dag_id");
    }

    #[test]
    fn detects_openapi_generator() {
        let score = |text: &str| crate::parse::Dialect::OpenApiGenerator.score(text);
        assert!(score("## Properties\n\nName | Type | Description | Notes\n") > 0);
        assert_eq!(
            score("## Fields\n\n| Field | Type | Required | Description |"),
            0
        );
    }
}
