//! openapi-generator's older python templates, "python-prior" (the default
//! `python` generator of openapi-generator 5.x–6.x, kept as `python-prior`
//! in 7.x).
//!
//! The skeleton is openapi-generator's ([`properties`]); the Type cells are
//! python-prior's own:
//!
//! ```text
//! **str**, **int**, **float**, **bool**, **date**, **datetime**, **file_type**
//! **str, none_type**                        a type tuple: nullable str
//! **bool, date, datetime, dict, float, int, list, str, none_type**   any value
//! **[str]**, [**[Pet]**](Pet.md)            lists
//! **{str: (bool, date, ...)}**, [**{str: (Link,)}**](Link.md)          maps
//! [**Pet**](Pet.md)                         a model
//! ```
//! Notes: `[optional]`, `[readonly]`, `defaults to X` (required),
//! ` if omitted the server will use the default value of X` (optional).
//! A trailing `**any string name**` row types additional properties.
//! Enum, scalar and array components are documented as one `**value**` row
//! (`must be one of ["asc", "desc", ]` in the Notes of an enum): the model is
//! that value, not an object with a `value` field.

use std::collections::BTreeSet;

use serde_json::Value;

use super::dialect::{Blocks, Limitation, Loss, Marker, ParsedDoc, PendingRef, Spec};
use super::lower::{LowerCx, TypeNames, Wrapper};
use super::skeleton::properties::{self, Notes, PropertyTable};
use super::skeleton::{self};
use super::type_expr::Expr;
use crate::diagnostic::Diagnostics;
use crate::ir::{Enum, EnumValue, Format, ModelKind, Type};
use crate::markdown::Cell;
use crate::source::SourceFile;

/// The python-prior dialect.
pub struct PythonPrior;

impl TypeNames for PythonPrior {
    fn scalar(&self, name: &str) -> Option<Type> {
        Some(match name {
            "str" => Type::STRING,
            "int" => Type::INTEGER,
            "float" => Type::NUMBER,
            "bool" => Type::Boolean,
            "date" => Type::String(Some(Format::Date)),
            "datetime" => Type::String(Some(Format::DateTime)),
            "file_type" => Type::String(Some(Format::Binary)),
            // A free-form object or list, and the tuple of every type (see `ANY`).
            "dict" => Type::Map(Box::new(Type::Any)),
            "list" => Type::Array(Box::new(Type::Any)),
            ANY_NAME => Type::Any,
            _ => return None,
        })
    }

    fn wrapper(&self, _name: &str) -> Option<Wrapper> {
        None
    }

    fn is_list(&self, name: &str) -> bool {
        name == LIST
    }

    fn is_map(&self, name: &str) -> bool {
        name == MAP
    }

    fn stdlib_link(&self, _label: &str, target: &str) -> Option<Type> {
        target.starts_with("http").then_some(Type::Any)
    }

    /// python-prior prefixes names that clash with python keywords with `_`
    /// (`_from`); the JSON name is the rest.
    fn wire_name(&self, sdk_name: &str) -> String {
        match sdk_name.strip_prefix('_') {
            Some(rest) if KEYWORDS.contains(&rest) => rest.to_string(),
            _ => sdk_name.to_string(),
        }
    }
}

/// Python keywords, which python-prior escapes with a leading `_`.
const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The names [`parse_type`] gives lists and maps (`[T]`, `{str: (T,)}`).
const LIST: &str = "[]";
/// See [`LIST`].
const MAP: &str = "{}";
/// The name [`parse_type`] gives the tuple of every type.
const ANY_NAME: &str = "(any)";

/// The types whose tuple (with or without `none_type`) is python-prior's "any
/// type": `bool, date, datetime, dict, float, int, list, str, none_type`.
const ANY: &[&str] = &["bool", "dict", "float", "int", "list", "str"];

/// What python-prior docs cannot express.
const LIMITATIONS: &[Limitation] = &[
    Limitation::new(
        &[Loss::WireCase],
        "the Name column holds snake_case python attribute names; JSON names in another case (`createdAt`) are inferred from examples and descriptions (see the `wire names` note)",
    ),
    Limitation::new(
        &[Loss::NumericWidths],
        "`int` and `float` carry no width, so int32/int64/float/double formats are lost",
    ),
    Limitation::new(
        &[Loss::InlineEnums, Loss::ConstValues],
        "inline enums and consts render as their base type (`**str**`)",
    ),
    Limitation::new(
        &[Loss::UnionMembers],
        "oneOf/anyOf models render as the flattened properties of their members",
    ),
    Limitation::new(
        &[Loss::ValueObjects],
        "an object whose only property is a required `value` (without `**any string name**` row) looks like a scalar or array component documented as one `**value**` row, and is read as that value",
    ),
];

/// python-prior's detection markers. Each counts its weight once when
/// present, however often (like openapi-generator's, which also match these
/// docs and score 20 on them): one sign of python-prior's own type syntax
/// outweighs them. The table header as python-prior writes it (no blank line
/// after `## Properties`) is a weak sign: alone it scores 1, so that a
/// python-prior doc without any sign of its type syntax stays with a
/// python-prior majority (see [`crate::parse::detect_doc_set`]), while every
/// other doc goes to openapi-generator.
const MARKERS: &[Marker] = &[
    Marker::new(
        "## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n",
        1,
    ),
    Marker::new("none_type", 25),
    Marker::new("{str: (", 25),
    Marker::new(" if omitted the server will use the default value of ", 25),
    Marker::new("| must be one of [", 25),
    Marker::accepting("**[", 25, list_cell_at),
];

/// Whether the `**[` at `start` opens a list Type cell (`| **[str]**`,
/// `| [**[Pet]**](Pet.md)`): not Go's `**[]string**`, not text in bold.
fn list_cell_at(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches('[');
    let opens_cell = before.ends_with("| ");
    let after = text[start + 3..].chars().next();
    opens_cell && after.is_some_and(|c| c.is_ascii_alphabetic() || c == '{' || c == '[')
}

impl Spec for PythonPrior {
    fn name(&self) -> &'static str {
        "python-prior"
    }

    fn title(&self) -> &'static str {
        "openapi-generator python-prior (5.x–6.x python templates)"
    }

    fn markers(&self) -> &'static [Marker] {
        MARKERS
    }

    /// The weights of the markers present (presence, not count).
    fn score(&self, counts: &[u32]) -> u32 {
        MARKERS
            .iter()
            .zip(counts)
            .filter(|(_, &c)| c > 0)
            .map(|(m, _)| m.weight)
            .sum()
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

impl properties::Flavour for PythonPrior {
    fn type_cell(
        &self,
        cell: &Cell,
        refs: &mut Vec<PendingRef>,
        diags: &mut Diagnostics,
    ) -> (Type, bool) {
        let ty = match parse_cell(&cell.text) {
            Ok(expr) => LowerCx {
                names: self,
                refs,
                diags,
                span: cell.span.clone(),
                cell: &cell.text,
            }
            .lower(&expr),
            Err(expected) => {
                skeleton::cannot_parse(cell.span.clone(), &cell.text, expected, diags);
                Type::Any
            }
        };
        match ty {
            Type::Nullable(inner) => (*inner, true),
            ty => (ty, false),
        }
    }

    /// `[optional]`, `[readonly]`, and the two spellings of a default:
    /// `defaults to X` (required properties) and
    /// `if omitted the server will use the default value of X` (optional ones).
    fn notes(&self, text: &str) -> Notes {
        let mut notes = Notes::parse(text);
        for lead in [
            "if omitted the server will use the default value of ",
            "defaults to ",
        ] {
            if let Some((_, rest)) = text.split_once(lead) {
                // An enum's default comes before its values: `defaults to 1,  must be one of [...]`.
                let value = rest.split("must be one of [").next().unwrap_or(rest);
                notes.default = Some(value.trim().trim_end_matches(',').trim().to_string());
                break;
            }
        }
        notes
    }

    /// A table of one `**value**` row documents the value itself: an enum
    /// (`must be one of [...]`), or an alias of a scalar or array.
    fn value_model(&self, table: &PropertyTable) -> Option<ModelKind> {
        let ([field], [notes]) = (table.fields.as_slice(), table.notes.as_slice()) else {
            return None;
        };
        if field.wire_name != "value" || table.additional_properties.is_some() {
            return None;
        }
        if let Some(values) = one_of(notes) {
            let mut values: Vec<EnumValue> = values
                .into_iter()
                .map(|value| EnumValue { name: None, value })
                .collect();
            if field.nullable && !values.iter().any(|v| v.value.is_null()) {
                values.push(EnumValue {
                    name: None,
                    value: Value::Null,
                });
            }
            return Some(ModelKind::Enum(Enum {
                values,
                open: false,
                value_type_unstated: false,
            }));
        }
        if !field.required || field.read_only {
            return None;
        }
        let ty = if field.nullable {
            super::lower::nullable(field.ty.clone())
        } else {
            field.ty.clone()
        };
        Some(ModelKind::Alias { ty })
    }
}

/// The values of a `must be one of ["asc", "desc", ]` note (python literals:
/// double-quoted strings, numbers, `True`/`False`/`None`).
fn one_of(notes: &str) -> Option<Vec<Value>> {
    let (_, list) = notes.split_once("must be one of [")?;
    let mut values = Vec::new();
    let mut rest = list.trim_start();
    loop {
        rest = rest.trim_start_matches([',', ' ']);
        if let Some(after) = rest.strip_prefix(']') {
            let _ = after;
            return Some(values);
        }
        let (value, len) = if let Some(quote @ ('"' | '\'')) = rest.chars().next() {
            let end = closing_quote(rest, quote)?;
            let inner = &rest[1..end];
            let value = if quote == '"' {
                serde_json::from_str(&rest[..=end]).unwrap_or_else(|_| Value::from(inner))
            } else {
                Value::from(inner.replace("\\'", "'"))
            };
            (value, end + 1)
        } else {
            let end = rest.find([',', ']'])?;
            let token = rest[..end].trim();
            let value = match token {
                "True" => Value::Bool(true),
                "False" => Value::Bool(false),
                "None" => Value::Null,
                t => serde_json::from_str(t).unwrap_or_else(|_| Value::from(t)),
            };
            (value, end)
        };
        values.push(value);
        rest = &rest[len..];
    }
}

/// The byte index of the quote closing the string `text` opens, past escapes.
fn closing_quote(text: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            c if c == quote && !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

/// Parses a python-prior Type cell into the shared [`Expr`]: `**T**` or
/// `[**T**](Target.md)`, where `T` is a type tuple. `Err` says what was expected.
pub fn parse_cell(cell: &str) -> Result<Expr, &'static str> {
    let cell = cell.trim();
    if let Some(rest) = cell.strip_prefix("[**") {
        let (label, after) = rest.split_once("**](").ok_or("`**](` after a link label")?;
        let target = after.strip_suffix(')').ok_or("`)` closing the link")?;
        let link = |label: Expr, label_text: &str| Expr::Link {
            label: Box::new(label),
            label_text: label_text.to_string(),
            target: target.trim().to_string(),
        };
        // `[**[Tag], none_type**](Tag.md)`: the link is to the model, the
        // `none_type` makes the whole value nullable.
        return Ok(match parse_type(label)? {
            Expr::Union(mut members) if members.contains(&Expr::Literal(Value::Null)) => {
                members.retain(|m| *m != Expr::Literal(Value::Null));
                let label_text = label.trim_end().trim_end_matches("none_type").trim_end();
                let label_text = label_text.trim_end_matches(',');
                let inner = match <[Expr; 1]>::try_from(members) {
                    Ok([one]) => one,
                    Err(members) => Expr::Union(members),
                };
                Expr::Union(vec![link(inner, label_text), Expr::Literal(Value::Null)])
            }
            label_expr => link(label_expr, label),
        });
    }
    let inner = cell
        .strip_prefix("**")
        .and_then(|c| c.strip_suffix("**"))
        .ok_or("a type in bold (`**str**`) or a link (`[**Pet**](Pet.md)`)")?;
    parse_type(inner)
}

/// Parses a type tuple: `str`, `str, none_type`, `[str]`, `{str: (Link,)}`, ...
pub fn parse_type(text: &str) -> Result<Expr, &'static str> {
    let mut p = Parser { rest: text };
    let expr = p.tuple()?;
    p.skip_space();
    if !p.rest.is_empty() {
        return Err("the end of the type");
    }
    Ok(expr)
}

/// A cursor over a type's text.
struct Parser<'a> {
    rest: &'a str,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        self.rest = self.rest.trim_start();
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_space();
        match self.rest.strip_prefix(c) {
            Some(r) => {
                self.rest = r;
                true
            }
            None => false,
        }
    }

    /// `type (, type)* [,]` up to a closing bracket or the end.
    fn tuple(&mut self) -> Result<Expr, &'static str> {
        let mut members = vec![self.member()?];
        while self.eat(',') {
            self.skip_space();
            if self.rest.is_empty() || self.rest.starts_with([')', ']', '}']) {
                break; // `(Link,)`: a one-tuple.
            }
            members.push(self.member()?);
        }
        Ok(tuple(members))
    }

    fn member(&mut self) -> Result<Expr, &'static str> {
        self.skip_space();
        if self.eat('[') {
            let item = self.tuple()?;
            if !self.eat(']') {
                return Err("`]` closing a list");
            }
            return Ok(Expr::Apply(LIST.into(), vec![item]));
        }
        if self.eat('{') {
            let key = self.member()?;
            if !self.eat(':') {
                return Err("`:` after a map's key type");
            }
            let value = self.member()?;
            if !self.eat('}') {
                return Err("`}` closing a map");
            }
            return Ok(Expr::Apply(MAP.into(), vec![key, value]));
        }
        if self.eat('(') {
            let inner = self.tuple()?;
            if !self.eat(')') {
                return Err("`)` closing a type tuple");
            }
            return Ok(inner);
        }
        let end = self
            .rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(self.rest.len());
        if end == 0 {
            return Err("a type name");
        }
        let (name, rest) = self.rest.split_at(end);
        self.rest = rest;
        Ok(if name == "none_type" {
            Expr::Literal(Value::Null)
        } else {
            Expr::Name(name.to_string())
        })
    }
}

/// A tuple of types as one expression: the member itself, a union, or any
/// value when it lists every type (`bool, date, datetime, dict, float, int,
/// list, str, none_type`).
fn tuple(members: Vec<Expr>) -> Expr {
    let names: BTreeSet<&str> = members
        .iter()
        .filter_map(|m| match m {
            Expr::Name(n) => Some(n.as_str()),
            _ => None,
        })
        .collect();
    if ANY.iter().all(|t| names.contains(t)) {
        return Expr::Name(ANY_NAME.into());
    }
    match <[Expr; 1]>::try_from(members) {
        Ok([one]) => one,
        Err(members) => Expr::Union(members),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Field, Model};
    use crate::parse::Dialect;

    fn parse_doc(text: &str) -> (ParsedDoc, Diagnostics) {
        let source = SourceFile::new("x.md", text);
        let blocks = crate::markdown::blocks_with_ranges(&source);
        let mut diags = Diagnostics::default();
        let doc = PythonPrior
            .parse(&source, &blocks, &mut diags)
            .expect("parses");
        (doc, diags)
    }

    const HEAD: &str = "## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";

    fn model(rows: &str) -> Model {
        let (doc, diags) = parse_doc(&format!(
            "# M\n\n{HEAD}{rows}\n[[Back to Model list]](../README.md#documentation-for-models)\n"
        ));
        assert!(diags.is_empty(), "{diags}");
        doc.model
    }

    fn fields(rows: &str) -> Vec<Field> {
        match model(rows).kind {
            ModelKind::Object(o) => o.fields,
            other => panic!("not an object: {other:?}"),
        }
    }

    /// (type, nullable) of a one-row table's Type cell.
    fn cell(ty: &str) -> (Type, bool) {
        let f = fields(&format!("**x** | {ty} |  | [optional]\n"));
        (f[0].ty.clone(), f[0].nullable)
    }

    #[test]
    fn scalars_and_tuples() {
        assert_eq!(cell("**str**"), (Type::STRING, false));
        assert_eq!(cell("**int**"), (Type::INTEGER, false));
        assert_eq!(cell("**float**"), (Type::NUMBER, false));
        assert_eq!(
            cell("**datetime**"),
            (Type::String(Some(Format::DateTime)), false)
        );
        assert_eq!(
            cell("**date, none_type**"),
            (Type::String(Some(Format::Date)), true)
        );
        assert_eq!(
            cell("**file_type**"),
            (Type::String(Some(Format::Binary)), false)
        );
        assert_eq!(
            cell("**bool, date, datetime, dict, float, int, list, str, none_type**"),
            (Type::Any, false)
        );
        assert_eq!(
            cell("**str, int**"),
            (Type::Union(vec![Type::STRING, Type::INTEGER]), false)
        );
    }

    #[test]
    fn lists_and_maps() {
        let list = |t| Type::Array(Box::new(t));
        let map = |t| Type::Map(Box::new(t));
        assert_eq!(cell("**[str]**"), (list(Type::STRING), false));
        assert_eq!(cell("**[[int]]**"), (list(list(Type::INTEGER)), false));
        assert_eq!(cell("**[str], none_type**"), (list(Type::STRING), true));
        assert_eq!(cell("**[dict]**"), (list(map(Type::Any)), false));
        assert_eq!(
            cell("**{str: (bool, date, datetime, dict, float, int, list, str, none_type)}**"),
            (map(Type::Any), false)
        );
        assert_eq!(cell("**{str: (str,)}**"), (map(Type::STRING), false));
        assert_eq!(
            cell("**{str: (str, none_type)}**"),
            (map(Type::Nullable(Box::new(Type::STRING))), false)
        );
        assert_eq!(
            cell("**{str: ([int],)}**"),
            (map(list(Type::INTEGER)), false)
        );
    }

    #[test]
    fn links_to_models() {
        let (ty, nullable) = cell("[**Pet**](Pet.md)");
        assert!(matches!(ty, Type::Pending(_)) && !nullable);
        let (ty, _) = cell("[**[Pet]**](Pet.md)");
        assert!(
            matches!(&ty, Type::Array(t) if matches!(**t, Type::Pending(_))),
            "{ty:?}"
        );
        let (ty, _) = cell("[**{str: (Link,)}**](Link.md)");
        assert!(
            matches!(&ty, Type::Map(t) if matches!(**t, Type::Pending(_))),
            "{ty:?}"
        );
        let (ty, nullable) = cell("[**[Tag], none_type**](Tag.md)");
        assert!(matches!(&ty, Type::Array(_)) && nullable, "{ty:?}");
        let (ty, nullable) = cell("[**Pet, none_type**](Pet.md)");
        assert!(matches!(ty, Type::Pending(_)) && nullable, "{ty:?}");
    }

    #[test]
    fn bad_cells_warn_and_become_any() {
        let (doc, diags) = parse_doc(&format!("# M\n\n{HEAD}**x** | **[str** |  | \n"));
        assert_eq!(diags.warning_count(), 1, "{diags}");
        let ModelKind::Object(o) = doc.model.kind else {
            panic!()
        };
        assert_eq!(o.fields[0].ty, Type::Any);
        assert!(parse_type("{str (str,)}").is_err());
        assert!(parse_type("[str").is_err());
        assert!(parse_type("str)").is_err());
    }

    #[test]
    fn notes_and_additional_properties() {
        let m = model(
            "**id** | **str** |  | [readonly] \n\
             **kind** | **str** |  | defaults to \"pet\"\n\
             **size** | **int** |  | [optional]  if omitted the server will use the default value of 3\n\
             **_from** | **str** |  | [optional] \n\
             **any string name** | **bool, date, datetime, dict, float, int, list, str, none_type** | any string name can be used but the value must be the correct type | [optional]\n",
        );
        let ModelKind::Object(o) = m.kind else {
            panic!()
        };
        assert!(o.fields[0].required && o.fields[0].read_only);
        assert!(o.fields[1].required);
        assert_eq!(o.fields[1].default, Some(Value::from("pet")));
        assert!(!o.fields[2].required);
        assert_eq!(o.fields[2].default, Some(Value::from(3)));
        assert_eq!(o.fields[3].wire_name, "from");
        assert_eq!(o.additional_properties, Some(Type::Any));
    }

    #[test]
    fn value_docs_are_the_value() {
        let m = model("**value** | **str** | Sort order. | must be one of [\"asc\", \"desc\", ]\n");
        let ModelKind::Enum(e) = m.kind else {
            panic!("{:?}", m.kind)
        };
        let values: Vec<Value> = e.values.into_iter().map(|v| v.value).collect();
        assert_eq!(values, [Value::from("asc"), Value::from("desc")]);
        let m = model("**value** | **int** |  | defaults to 1,  must be one of [1, 2, 3, ]\n");
        let ModelKind::Enum(e) = m.kind else {
            panic!("{:?}", m.kind)
        };
        assert_eq!(e.values.len(), 3);
        assert_eq!(e.values[0].value, Value::from(1));
        let m = model("**value** | **[str]** | Tags. | \n");
        assert_eq!(
            m.kind,
            ModelKind::Alias {
                ty: Type::Array(Box::new(Type::STRING))
            }
        );
        let m = model("**value** | **str, none_type** |  | \n");
        assert_eq!(
            m.kind,
            ModelKind::Alias {
                ty: Type::Nullable(Box::new(Type::STRING))
            }
        );
        // An optional `value`, or one beside additional properties, is a field.
        assert!(matches!(
            model("**value** | **str** |  | [optional] \n").kind,
            ModelKind::Object(_)
        ));
        assert!(matches!(
            model("**value** | **str** |  | \n**any string name** | **str** | any string name can be used but the value must be the correct type | [optional]\n").kind,
            ModelKind::Object(_)
        ));
    }

    #[test]
    fn enum_literals() {
        assert_eq!(
            one_of("must be one of [\"a, b\", \"say \\\"hi\\\"\", 'c', -1.5, True, None, ]"),
            Some(vec![
                Value::from("a, b"),
                Value::from("say \"hi\""),
                Value::from("c"),
                Value::from(-1.5),
                Value::Bool(true),
                Value::Null
            ])
        );
        assert_eq!(one_of("[optional]"), None);
    }

    #[test]
    fn detection() {
        let doc = format!("# Pet\n\n{HEAD}**name** | **str** |  | \n**tags** | **[str]** |  | [optional]\n\n[[Back to Model list]](../README.md#documentation-for-models)\n");
        assert_eq!(crate::parse::detect(&doc), Some(Dialect::PythonPrior));
        // Only the header: openapi-generator wins, python-prior still fits.
        let plain = format!("# Pet\n\n{HEAD}**name** | **str** |  | \n\n[[Back to Model list]](../README.md#documentation-for-models)\n");
        assert_eq!(
            crate::parse::detect(&plain),
            Some(Dialect::OpenApiGenerator)
        );
        assert_eq!(Dialect::PythonPrior.score(&plain), 1);
        assert_eq!(
            crate::parse::detect_doc_set(&[&doc, &plain, &doc]),
            [Dialect::PythonPrior; 3]
        );
        // openapi-generator 7.x python and Go docs show no sign of it.
        let pydantic = "# A\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**ids** | **List[str]** |  | [optional] \n";
        let go = "# A\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**Ids** | Pointer to **[]string** |  | [optional] \n";
        for text in [pydantic, go] {
            assert_eq!(Dialect::PythonPrior.score(text), 0, "{text}");
            assert_eq!(crate::parse::detect(text), Some(Dialect::OpenApiGenerator));
        }
    }
}
