//! The Type-cell language shared by every dialect.
//!
//! A Type cell mixes markdown and a host language's type syntax:
//! `List[[Optional[models.X]](../models/x.md)]`, `**string*`, `` map[string]`any` ``,
//! `Map\<String, *Object*>`, `[string\|int](union.md)`. This module turns such
//! text into an [`Expr`] tree without knowing what any name means; dialect
//! modules give the names their meaning.
//!
//! Grammar (after unescaping `\<`, `&lt;`, ...):
//! ```text
//! union   := expr ("|" expr)*
//! expr    := "*" expr                      pointer (Go)
//!          | "?" expr                      optional (PHP)
//!          | "? extends" expr | "?"        Java wildcards (bound read as the type)
//!          | "[" "]" expr                  slice (Go)
//!          | "map" "[" union "]" expr      map (Go)
//!          | primary ("[" "]")*            array suffix (TypeScript)
//! primary := NAME [ "[" args "]" | "<" args ">" | "(" args ")" ]
//!          | "*" text "*" | "`" text "`"   italic / code atom: parsed recursively
//!          | "[" label "](" target ")"     link; the label is parsed recursively
//!          | STRING | NUMBER               literal
//! args    := union ("," union)*
//! ```

use serde_json::Value;

/// A parsed Type cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A bare or qualified name: `str`, `models.X`, `::String`, `Components\X`.
    Name(String),
    /// A name applied to arguments: `List[T]`, `Optional<T>`, `T.nilable(T)`.
    /// Go slices are `Apply("[]", [T])`, pointers `Apply("*", [T])`,
    /// maps `Apply("map", [K, V])`, PHP optionals `Apply("?", [T])`, TS arrays `Apply("[]", [T])`.
    Apply(String, Vec<Expr>),
    /// A markdown link: the parsed label and the raw target.
    Link {
        /// The label, parsed as a type expression.
        label: Box<Expr>,
        /// The label as written.
        label_text: String,
        /// The link target (URL or relative path).
        target: String,
    },
    /// `a | b | c`.
    Union(Vec<Expr>),
    /// A string, number or boolean literal.
    Literal(Value),
}

/// A parse failure: the byte offset into the (unescaped) cell and what was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    /// Byte offset where parsing stopped.
    pub offset: usize,
    /// What was expected there.
    pub expected: &'static str,
}

/// Maximum nesting depth; deeper input is rejected rather than overflowing the stack.
pub const MAX_DEPTH: usize = 64;

/// Parses a Type cell.
pub fn parse(cell: &str) -> Result<Expr, ExprError> {
    let text = unescape(cell);
    parse_unescaped(&text, 0)
}

fn parse_unescaped(text: &str, depth: usize) -> Result<Expr, ExprError> {
    if depth > MAX_DEPTH {
        return Err(ExprError {
            offset: 0,
            expected: "less deeply nested type",
        });
    }
    let mut p = Parser {
        s: text.trim(),
        i: 0,
        depth,
    };
    let e = p.union()?;
    p.ws();
    // Tolerate trailing junk made of punctuation only (`List<*string*> !!!`).
    if p.i < p.s.len() && p.s[p.i..].chars().any(|c| c.is_alphanumeric()) {
        return Err(ExprError {
            offset: p.i,
            expected: "end of type",
        });
    }
    Ok(e)
}

/// Undoes the escapes docs use inside Type cells.
pub fn unescape(cell: &str) -> String {
    if !cell.contains(['\\', '&']) {
        return cell.to_string();
    }
    cell.replace("\\\\<", "<")
        .replace("\\<", "<")
        .replace("\\>", ">")
        .replace("\\|", "|")
        .replace("\\_", "_")
        .replace("\\*", "*")
        .replace("\\[", "[")
        .replace("\\]", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

struct Parser<'a> {
    s: &'a str,
    i: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn err<T>(&self, expected: &'static str) -> Result<T, ExprError> {
        Err(ExprError {
            offset: self.i,
            expected,
        })
    }

    fn union(&mut self) -> Result<Expr, ExprError> {
        let first = self.expr()?;
        let mut members = vec![first];
        while self.eat(b'|') {
            members.push(self.expr()?);
        }
        Ok(if members.len() == 1 {
            members.pop().expect("one member")
        } else {
            Expr::Union(members)
        })
    }

    fn nested(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err("less deeply nested type");
        }
        Ok(())
    }

    fn expr(&mut self) -> Result<Expr, ExprError> {
        self.nested()?;
        self.ws();
        let rest = &self.s[self.i..];
        let e = if rest.starts_with("[]") {
            self.i += 2;
            Expr::Apply("[]".into(), vec![self.expr()?])
        } else if rest.starts_with("map[") {
            self.i += 4;
            let key = self.union()?;
            if !self.eat(b']') {
                return self.err("`]` closing the map key");
            }
            let value = self.expr()?;
            Expr::Apply("map".into(), vec![key, value])
        } else if let Some(bound) = rest.strip_prefix("? extends ") {
            // Java wildcard `Optional<? extends T>`: read as `T`.
            self.i += rest.len() - bound.len();
            self.expr()?
        } else if rest.starts_with('?') && rest[1..].trim_start().starts_with(['>', ',']) {
            // Java unbounded wildcard `HttpResponse<?>`.
            self.i += 1;
            Expr::Name("?".into())
        } else if rest.starts_with('?') {
            self.i += 1;
            Expr::Apply("?".into(), vec![self.expr()?])
        } else if rest.starts_with('*') && self.italic_end().is_none() {
            self.i += 1;
            Expr::Apply("*".into(), vec![self.expr()?])
        } else {
            let mut e = self.primary()?;
            loop {
                self.ws();
                if self.s[self.i..].starts_with("[]") {
                    self.i += 2;
                    e = Expr::Apply("[]".into(), vec![e]);
                } else {
                    break;
                }
            }
            e
        };
        self.depth -= 1;
        Ok(e)
    }

    /// If an italic span starts here, the offset of its closing `*`.
    fn italic_end(&self) -> Option<usize> {
        let rest = &self.s[self.i..];
        if !rest.starts_with('*') || rest[1..].starts_with(['*', ' ']) {
            return None;
        }
        rest[1..].find('*').map(|j| self.i + 1 + j)
    }

    fn primary(&mut self) -> Result<Expr, ExprError> {
        self.ws();
        match self.peek() {
            None => self.err("a type"),
            Some(b'*') => {
                let Some(end) = self.italic_end() else {
                    return self.err("closing `*`");
                };
                let inner = &self.s[self.i + 1..end];
                self.i = end + 1;
                self.atom(inner)
            }
            Some(b'`') => {
                let Some(j) = self.s[self.i + 1..].find('`') else {
                    return self.err("closing backtick");
                };
                let inner = &self.s[self.i + 1..self.i + 1 + j];
                self.i += j + 2;
                self.atom(inner)
            }
            Some(b'[') => self.link(),
            Some(b'"' | b'\'') => self.string_literal(),
            Some(c) if c.is_ascii_digit() || c == b'-' => self.number_literal(),
            Some(_) => self.name_or_apply(),
        }
    }

    fn atom(&mut self, inner: &str) -> Result<Expr, ExprError> {
        match parse_unescaped(inner, self.depth + 1) {
            Ok(e) => Ok(e),
            Err(_) if !inner.trim().is_empty() => Ok(Expr::Name(inner.trim().to_string())),
            Err(e) => Err(e),
        }
    }

    fn link(&mut self) -> Result<Expr, ExprError> {
        let start = self.i;
        let bytes = self.s.as_bytes();
        let mut depth = 0usize;
        let mut j = self.i;
        let mut close = None;
        while j < bytes.len() {
            match bytes[j] {
                b'[' => depth += 1,
                b']' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        let Some(close) = close else {
            // Unbalanced `[` (openapi-generator's `[**time.Time** |` bug): skip it.
            self.i += 1;
            return self.expr();
        };
        if bytes.get(close + 1) != Some(&b'(') {
            return self.err("a link `[label](target)`");
        }
        let Some(k) = self.s[close + 2..].find(')') else {
            return self.err("`)` closing the link target");
        };
        let label_text = self.s[start + 1..close].to_string();
        let target = self.s[close + 2..close + 2 + k].trim().to_string();
        self.i = close + 3 + k;
        let label = match parse_unescaped(&label_text, self.depth + 1) {
            Ok(e) => e,
            Err(_) => Expr::Name(label_text.trim().to_string()),
        };
        Ok(Expr::Link {
            label: Box::new(label),
            label_text,
            target,
        })
    }

    fn string_literal(&mut self) -> Result<Expr, ExprError> {
        let quote = self.s.as_bytes()[self.i];
        let body_start = self.i + 1;
        let Some(j) = self.s[body_start..].find(quote as char) else {
            return self.err("closing quote");
        };
        let body = &self.s[body_start..body_start + j];
        self.i = body_start + j + 1;
        Ok(Expr::Literal(Value::String(body.to_string())))
    }

    fn number_literal(&mut self) -> Result<Expr, ExprError> {
        let start = self.i;
        self.i += 1;
        while matches!(self.peek(), Some(c) if c.is_ascii_digit() || c == b'.' || c == b'e' || c == b'E' || c == b'+' || c == b'-')
        {
            self.i += 1;
        }
        match serde_json::from_str::<Value>(&self.s[start..self.i]) {
            Ok(v @ Value::Number(_)) => Ok(Expr::Literal(v)),
            _ => {
                self.i = start;
                self.err("a number")
            }
        }
    }

    fn name_or_apply(&mut self) -> Result<Expr, ExprError> {
        let start = self.i;
        let rest = &self.s[self.i..];
        if let Some(r) = rest.strip_prefix("interface{}") {
            self.i += rest.len() - r.len();
            return Ok(Expr::Name("interface{}".into()));
        }
        while let Some(c) = self.peek() {
            let ok = c.is_ascii_alphanumeric()
                || matches!(c, b'_' | b'.' | b':' | b'\\' | b'$')
                || c >= 0x80;
            if !ok {
                break;
            }
            self.i += 1;
        }
        // Keep whole UTF-8 characters.
        while !self.s.is_char_boundary(self.i) {
            self.i += 1;
        }
        if self.i == start {
            return self.err("a type name");
        }
        let name = self.s[start..self.i].to_string();
        match name.as_str() {
            "True" | "true" => return Ok(Expr::Literal(Value::Bool(true))),
            "False" | "false" => return Ok(Expr::Literal(Value::Bool(false))),
            _ => {}
        }
        let close = match self.peek() {
            Some(b'[') if !self.s[self.i..].starts_with("[]") => b']',
            Some(b'<') => b'>',
            Some(b'(') => b')',
            _ => return Ok(Expr::Name(name)),
        };
        self.i += 1;
        let mut args = Vec::new();
        self.ws();
        if self.peek() != Some(close) {
            loop {
                args.push(self.union()?);
                if !self.eat(b',') {
                    break;
                }
            }
        }
        if !self.eat(close) {
            return self.err(match close {
                b']' => "`]` closing the type arguments",
                b'>' => "`>` closing the type arguments",
                _ => "`)` closing the type arguments",
            });
        }
        Ok(Expr::Apply(name, args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Expr {
        Expr::Name(s.into())
    }
    fn apply(s: &str, args: Vec<Expr>) -> Expr {
        Expr::Apply(s.into(), args)
    }

    #[test]
    fn python_shapes() {
        assert_eq!(
            parse("*Optional[str]*").unwrap(),
            apply("Optional", vec![name("str")])
        );
        assert_eq!(
            parse("list[*str*]").unwrap(),
            apply("list", vec![name("str")])
        );
        assert_eq!(
            parse("Dict[str, List[*str*]]").unwrap(),
            apply("Dict", vec![name("str"), apply("List", vec![name("str")])])
        );
        let Expr::Apply(list, args) = parse("List[[Nullable[models.X]](../models/x.md)]").unwrap()
        else {
            panic!()
        };
        assert_eq!(list, "List");
        let Expr::Link { label, target, .. } = &args[0] else {
            panic!()
        };
        assert_eq!(**label, apply("Nullable", vec![name("models.X")]));
        assert_eq!(target, "../models/x.md");
        assert_eq!(
            parse(r#"*Optional[Literal["agent"]]*"#).unwrap(),
            apply(
                "Optional",
                vec![apply("Literal", vec![Expr::Literal("agent".into())])]
            )
        );
    }

    #[test]
    fn go_typescript_java_php_ruby_shapes() {
        assert_eq!(
            parse("**string*").unwrap(),
            apply("*", vec![name("string")])
        );
        assert_eq!(
            parse("`*string`").unwrap(),
            apply("*", vec![name("string")])
        );
        assert_eq!(
            parse("map[string]`any`").unwrap(),
            apply("map", vec![name("string"), name("any")])
        );
        assert_eq!(
            parse("[]*string*").unwrap(),
            apply("[]", vec![name("string")])
        );
        assert_eq!(
            parse("*string*[]").unwrap(),
            apply("[]", vec![name("string")])
        );
        assert_eq!(
            parse("Map\\<String, List\\\\<*String*>>").unwrap(),
            apply(
                "Map",
                vec![name("String"), apply("List", vec![name("String")])]
            )
        );
        assert_eq!(
            parse("*?string*").unwrap(),
            apply("?", vec![name("string")])
        );
        assert_eq!(
            parse("*Crystalline::Nilable.new(::String)*").unwrap(),
            apply("Crystalline::Nilable.new", vec![name("::String")])
        );
        let Expr::Link { label, .. } = parse("[string|int|null](x.md)").unwrap() else {
            panic!()
        };
        assert_eq!(
            *label,
            Expr::Union(vec![name("string"), name("int"), name("null")])
        );
        assert_eq!(parse("*interface{}*").unwrap(), name("interface{}"));
        assert_eq!(
            parse("*Optional<? extends String>*").unwrap(),
            apply("Optional", vec![name("String")])
        );
        assert_eq!(
            parse("[HttpResponse\\<?>](https://docs.oracle.com/x.html)").unwrap(),
            Expr::Link {
                label: Box::new(apply("HttpResponse", vec![name("?")])),
                label_text: "HttpResponse<?>".into(),
                target: "https://docs.oracle.com/x.html".into()
            }
        );
        assert_eq!(parse("*\"text\"*").unwrap(), Expr::Literal("text".into()));
        assert_eq!(parse("*false*").unwrap(), Expr::Literal(false.into()));
    }

    #[test]
    fn errors_have_offsets() {
        let e = parse("List[*str*").unwrap_err();
        assert_eq!(e.expected, "`]` closing the type arguments");
        assert!(parse("").is_err());
        let deep = format!("{}*str*{}", "List[".repeat(1000), "]".repeat(1000));
        assert!(parse(&deep).is_err());
    }
}
