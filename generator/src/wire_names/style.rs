//! Naming conventions: splitting a name into words, telling a name's convention, and
//! spelling words in a convention.

use std::fmt;

/// A naming convention an API can use for its JSON property names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// `user_id`
    Snake,
    /// `userId`
    Camel,
    /// `UserId`
    Pascal,
    /// `user-id`
    Kebab,
}

impl Style {
    /// Every convention, in tie-break order.
    pub const ALL: [Style; 4] = [Style::Camel, Style::Snake, Style::Pascal, Style::Kebab];

    /// The convention a multi-word name shows, `None` for names that show none
    /// (`id`, `URL`, `HTTP_CODE`, `a_B`).
    pub fn of(name: &str) -> Option<Style> {
        let body = name.trim_start_matches(['_', '$', '@']);
        let first = body.chars().next()?;
        let has_upper = body.chars().any(|c| c.is_ascii_uppercase());
        let has_lower = body.chars().any(|c| c.is_ascii_lowercase());
        let underscore = body.contains('_');
        let dash = body.contains('-');
        if !body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        match (underscore, dash) {
            (true, false) if !has_upper && has_lower => Some(Style::Snake),
            (false, true) if !has_upper && has_lower => Some(Style::Kebab),
            (false, false) if has_upper && has_lower => {
                let inner_upper = body.chars().skip(1).any(|c| c.is_ascii_uppercase());
                if first.is_ascii_lowercase() {
                    Some(Style::Camel)
                } else if first.is_ascii_uppercase() && inner_upper {
                    Some(Style::Pascal)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The name shown in reports.
    pub fn name(self) -> &'static str {
        match self {
            Style::Snake => "snake_case",
            Style::Camel => "camelCase",
            Style::Pascal => "PascalCase",
            Style::Kebab => "kebab-case",
        }
    }
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a convention spells the words of one name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Spelling {
    /// The convention.
    pub style: Style,
    /// Two or more digits start a word of their own (`brand_100`, not `brand100`).
    pub split_digits: bool,
    /// A single digit starts a word of its own (`street_1`, not `street1`).
    pub split_digit: bool,
    /// Upper-case words (`ID`, `URL`) keep their case after the first word (`userID`).
    pub keep_acronyms: bool,
}

impl Spelling {
    /// The convention with its most common spelling (`user_id`, `userId`, `brand100`).
    pub fn plain(style: Style) -> Spelling {
        Spelling {
            style,
            split_digits: false,
            split_digit: false,
            keep_acronyms: false,
        }
    }

    /// Spells `name` (any convention) in this one; leading `_`, `$` and `@` are kept.
    pub fn apply(&self, name: &str) -> String {
        let body = name.trim_start_matches(['_', '$', '@']);
        let prefix = &name[..name.len() - body.len()];
        let mut ws = words(body);
        if self.split_digits || self.split_digit {
            ws = ws
                .iter()
                .flat_map(|w| split_digits(w, self.split_digit, self.split_digits))
                .collect();
        }
        if ws.is_empty() {
            return name.to_string();
        }
        let lower = |w: &str| w.to_ascii_lowercase();
        let capital = |w: &str| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        };
        let acronym = |w: &str| {
            w.len() > 1
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && w.chars().any(|c| c.is_ascii_uppercase())
        };
        let out = match self.style {
            Style::Snake => ws.iter().map(|w| lower(w)).collect::<Vec<_>>().join("_"),
            Style::Kebab => ws.iter().map(|w| lower(w)).collect::<Vec<_>>().join("-"),
            Style::Camel | Style::Pascal => ws
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 && self.style == Style::Camel {
                        lower(w)
                    } else if self.keep_acronyms && acronym(w) {
                        w.to_string()
                    } else {
                        capital(w)
                    }
                })
                .collect(),
        };
        format!("{prefix}{out}")
    }
}

/// Splits a name into words: at `_`, `-` and other punctuation, at a lower-to-upper
/// change (`userId`), and before the last capital of an upper-case run followed by a
/// lower-case letter (`HTTPServer` → `HTTP`, `Server`). Digits stay in their word.
pub fn words(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let b = part.as_bytes();
        let mut start = 0;
        for i in 1..b.len() {
            let (prev, cur) = (b[i - 1], b[i]);
            let next = b.get(i + 1).copied();
            let lower_to_upper = (prev.is_ascii_lowercase() || prev.is_ascii_digit())
                && cur.is_ascii_uppercase()
                && !(prev.is_ascii_digit() && i >= 2 && b[i - 2].is_ascii_uppercase());
            let run_end = prev.is_ascii_uppercase()
                && cur.is_ascii_uppercase()
                && next.is_some_and(|n| n.is_ascii_lowercase());
            if lower_to_upper || run_end {
                out.push(&part[start..i]);
                start = i;
            }
        }
        if start < part.len() {
            out.push(&part[start..]);
        }
    }
    out
}

/// `line2` → `line`, `2` (when `one`), `rate24h` → `rate`, `24h` (when `many`); a word
/// starting with digits is kept whole.
fn split_digits(w: &str, one: bool, many: bool) -> Vec<&str> {
    match w.find(|c: char| c.is_ascii_digit()) {
        Some(i) if i > 0 => {
            let run = w[i..].chars().take_while(char::is_ascii_digit).count();
            if (run == 1 && one) || (run > 1 && many) {
                vec![&w[..i], &w[i..]]
            } else {
                vec![w]
            }
        }
        _ => vec![w],
    }
}

/// How many digits the first digit run of `name`'s words has, where it follows a letter.
pub fn digit_run(name: &str) -> Option<usize> {
    words(name).iter().find_map(|w| {
        let i = w.find(|c: char| c.is_ascii_digit()).filter(|&i| i > 0)?;
        Some(w[i..].chars().take_while(char::is_ascii_digit).count())
    })
}

/// Lower-case letters and digits only: the key names are matched by.
pub fn norm(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words() {
        assert_eq!(words("userID"), ["user", "ID"]);
        assert_eq!(words("HTTPServer"), ["HTTP", "Server"]);
        assert_eq!(words("address_line2"), ["address", "line2"]);
        assert_eq!(words("Brand100"), ["Brand100"]);
        assert_eq!(
            words("canonicalizingURLRegex"),
            ["canonicalizing", "URL", "Regex"]
        );
        assert_eq!(words("content-type"), ["content", "type"]);
    }

    #[test]
    fn tells_conventions() {
        assert_eq!(Style::of("user_id"), Some(Style::Snake));
        assert_eq!(Style::of("userId"), Some(Style::Camel));
        assert_eq!(Style::of("requestID"), Some(Style::Camel));
        assert_eq!(Style::of("RequestId"), Some(Style::Pascal));
        assert_eq!(Style::of("content-type"), Some(Style::Kebab));
        assert_eq!(Style::of("_links"), None);
        assert_eq!(Style::of("id"), None);
        assert_eq!(Style::of("ID"), None);
        assert_eq!(Style::of("Id"), None);
        assert_eq!(Style::of("HTTP_CODE"), None);
    }

    #[test]
    fn spells_names() {
        let snake = Spelling::plain(Style::Snake);
        let camel = Spelling::plain(Style::Camel);
        assert_eq!(
            snake.apply("GrantAccessTokenAudience"),
            "grant_access_token_audience"
        );
        assert_eq!(snake.apply("ParentID"), "parent_id");
        assert_eq!(camel.apply("ParentID"), "parentId");
        assert_eq!(camel.apply("body_content"), "bodyContent");
        assert_eq!(camel.apply("_links"), "_links");
        assert_eq!(camel.apply("ID"), "id");
        let keep = Spelling {
            keep_acronyms: true,
            ..camel
        };
        assert_eq!(keep.apply("ViewURL"), "viewURL");
        let digits = Spelling {
            split_digits: true,
            ..snake
        };
        assert_eq!(digits.apply("Brand100"), "brand_100");
        assert_eq!(
            digits.apply("deliverySuccessRate24h"),
            "delivery_success_rate_24h"
        );
        assert_eq!(
            Spelling::plain(Style::Kebab).apply("ContentType"),
            "content-type"
        );
    }
}
