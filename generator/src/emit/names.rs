//! Rust identifiers from wire names: case conversion, keywords, collisions.

use std::collections::{HashMap, HashSet};

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that cannot be identifiers as they are (strict and reserved keywords, 2021 edition).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "gen", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers either.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// Replaces characters that cannot appear in identifiers; non-ASCII letters become `uXXXX` words.
fn ascii_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if c.is_alphanumeric() {
            out.push_str(&format!("_u{:04x}_", c as u32));
        } else {
            out.push('_');
        }
    }
    out
}

/// `UserAPIKey` → `UserApiKey`; `2fa` → `_2fa`; `self` → `Self_`; empty → `Unnamed`.
pub fn type_name(name: &str) -> String {
    let camel = ascii_words(name).to_upper_camel_case();
    let camel = if camel.is_empty() {
        "Unnamed".to_string()
    } else {
        camel
    };
    let camel = fix_start(camel);
    // `Self` is the one keyword an UpperCamelCase name can be, and it cannot be raw.
    if camel == "Self" {
        "Self_".to_string()
    } else {
        camel
    }
}

/// `userId` → `user_id`; `type` → `r#type`; `self` → `self_`; `2fa` → `_2fa`.
pub fn field_name(name: &str) -> String {
    let snake = ascii_words(name).to_snake_case();
    let snake = if snake.is_empty() {
        "field".to_string()
    } else {
        snake
    };
    let snake = fix_start(snake);
    if NOT_RAW.contains(&snake.as_str()) {
        format!("{snake}_")
    } else if KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    }
}

/// Identifiers cannot start with a digit.
fn fix_start(s: String) -> String {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{s}")
    } else {
        s
    }
}

/// Memoized [`type_name`] and [`field_name`]: doc sets repeat the same field and
/// enum value names across many models (`id`, country codes), and the case
/// conversion is the expensive part.
#[derive(Debug, Default)]
pub struct NameCache {
    types: HashMap<String, String>,
    fields: HashMap<String, String>,
}

impl NameCache {
    /// [`type_name`] of `name`.
    pub fn type_name(&mut self, name: &str) -> String {
        cached(&mut self.types, name, type_name)
    }

    /// [`field_name`] of `name`.
    pub fn field_name(&mut self, name: &str) -> String {
        cached(&mut self.fields, name, field_name)
    }
}

fn cached(map: &mut HashMap<String, String>, key: &str, f: fn(&str) -> String) -> String {
    if let Some(v) = map.get(key) {
        return v.clone();
    }
    let v = f(key);
    map.insert(key.to_string(), v.clone());
    v
}

/// Hands out unique identifiers: a clash gets `2`, `3`, ... appended.
#[derive(Debug, Default)]
pub struct Unique {
    used: HashSet<String>,
}

impl Unique {
    /// Reserves `name` (or a numbered variant of it) and returns what was reserved.
    pub fn claim(&mut self, name: String) -> String {
        if self.used.insert(name.clone()) {
            return name;
        }
        let sep = if name.ends_with(|c: char| c.is_ascii_digit()) {
            "_"
        } else {
            ""
        };
        let mut n = 2;
        loop {
            let candidate = format!("{name}{sep}{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// The name of a Rust identifier without a raw prefix: `r#type` → `type`.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(type_name("UserAPIKey"), "UserApiKey");
        assert_eq!(type_name("FOO"), "Foo");
        assert_eq!(type_name("2fa"), "_2fa");
        assert_eq!(type_name("self"), "Self_");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(type_name("Ünïcode"), "U00dcNU00efCode");
        assert_eq!(field_name("userId"), "user_id");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("1st"), "_1st");
        assert_eq!(field_name("@odata.type"), "odata_type");
    }

    #[test]
    fn unique_numbers_clashes() {
        let mut u = Unique::default();
        assert_eq!(u.claim("a".into()), "a");
        assert_eq!(u.claim("a".into()), "a2");
        assert_eq!(u.claim("v1".into()), "v1");
        assert_eq!(u.claim("v1".into()), "v1_2");
    }
}
