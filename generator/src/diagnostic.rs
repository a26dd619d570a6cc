//! Errors and warnings with a position, the offending text and a hint.
//!
//! Rendered as `path:line:col: error: message`, followed by the quoted text
//! and a `hint:` line, the format compilers and editors understand.

use std::fmt;

use serde::Serialize;

use crate::source::Span;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information about what was inferred (never an error, even with `--strict`).
    Note,
    /// The input was understood approximately; output falls back to a faithful type.
    Warning,
    /// The input cannot be processed; no output is written.
    Error,
}

/// One message about the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where the problem is.
    pub span: Span,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The offending text, quoted verbatim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
    /// What was expected or how to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, span, message)
    }

    /// A note at `span`: what was inferred and why.
    pub fn note(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, span, message)
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, span, message)
    }

    fn new(severity: Severity, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            span,
            message: message.into(),
            snippet: None,
            hint: None,
        }
    }

    /// Quotes the offending text.
    pub fn with_snippet(mut self, text: impl Into<String>) -> Self {
        self.snippet = Some(text.into());
        self
    }

    /// Adds a hint (what was expected).
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, "{}: {level}: {}", self.span, self.message)?;
        if let Some(snippet) = &self.snippet {
            write!(f, "\n  | {snippet}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// A collection of diagnostics, kept in a deterministic order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Whether any error is present.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Turns every warning into an error (`--strict`); notes stay notes.
    pub fn make_strict(&mut self) {
        for d in &mut self.0 {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }

    /// Sorts by file, line, column, then message.
    pub fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.span, &a.message).cmp(&(&b.span, &b.message)));
        self.0.dedup();
    }

    /// Iterates over the diagnostics.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The diagnostics grouped by what they say, in the order of each group's first one.
    ///
    /// Two diagnostics are alike when their severity matches and their messages differ
    /// only in quoted names (`` `Time` ``) and numbers: 173 dangling references to
    /// `Time` are one group, as are 40 unknown types with different spellings.
    pub fn grouped(&self) -> Vec<DiagnosticGroup<'_>> {
        let mut groups: Vec<DiagnosticGroup<'_>> = Vec::new();
        let mut index: std::collections::HashMap<(Severity, String), usize> =
            std::collections::HashMap::new();
        for d in &self.0 {
            let (shape, quoted) = message_shape(&d.message);
            let at = *index.entry((d.severity, shape)).or_insert_with(|| {
                groups.push(DiagnosticGroup {
                    first: d,
                    members: Vec::new(),
                    variants: Vec::new(),
                });
                groups.len() - 1
            });
            let group = &mut groups[at];
            group.members.push(d);
            if !quoted.is_empty() {
                match group.variants.iter_mut().find(|(q, _)| *q == quoted) {
                    Some((_, n)) => *n += 1,
                    None => group.variants.push((quoted, 1)),
                }
            }
        }
        for g in &mut groups {
            // Most frequent first; ties in order of appearance (the sort is stable).
            g.variants.sort_by_key(|v| std::cmp::Reverse(v.1));
        }
        groups
    }
}

/// Diagnostics that say the same thing (see [`Diagnostics::grouped`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosticGroup<'a> {
    /// The first of them, shown in full.
    pub first: &'a Diagnostic,
    /// All of them, the first included, in order.
    pub members: Vec<&'a Diagnostic>,
    /// The quoted names that tell them apart, each with how often it occurs, most
    /// frequent first; empty when the messages quote nothing.
    pub variants: Vec<(String, usize)>,
}

impl DiagnosticGroup<'_> {
    /// How many diagnostics the group holds.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the group is empty (never, for a group [`Diagnostics::grouped`] made).
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The message with its quoted names and numbers elided: what every member says.
    pub fn shape(&self) -> String {
        message_shape(&self.first.message).0
    }

    /// One line on the members after the first: how many, which names, where.
    ///
    /// `None` for a group of one. At most `locations` positions are listed.
    pub fn more(&self, locations: usize) -> Option<String> {
        let rest = &self.members[1..];
        if rest.is_empty() {
            return None;
        }
        let mut line = format!("{} more like it", rest.len());
        if self.variants.len() > 1 {
            let shown: Vec<String> = self
                .variants
                .iter()
                .take(4)
                .map(|(q, n)| format!("{q} {n}\u{d7}"))
                .collect();
            let others = self.variants.len().saturating_sub(4);
            let tail = if others > 0 {
                format!(", {others} other spelling(s)")
            } else {
                String::new()
            };
            line.push_str(&format!(" ({}{tail})", shown.join(", ")));
        }
        let at: Vec<String> = rest
            .iter()
            .take(locations)
            .map(|d| d.span.to_string())
            .collect();
        line.push_str(&format!(": {}", at.join(", ")));
        if rest.len() > locations {
            line.push_str(&format!(", ... ({} more)", rest.len() - locations));
        }
        Some(line)
    }
}

/// A message with every `` `quoted` `` name replaced by `` `…` `` and every run of
/// digits outside quotes by `N`, and the quoted names in order (joined by `, `).
fn message_shape(message: &str) -> (String, String) {
    let mut shape = String::with_capacity(message.len());
    let mut quoted = Vec::new();
    let mut rest = message;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        push_without_digits(&mut shape, &rest[..open]);
        shape.push_str("`\u{2026}`");
        quoted.push(&rest[open..open + len + 2]);
        rest = &rest[open + len + 2..];
    }
    push_without_digits(&mut shape, rest);
    (shape, quoted.join(", "))
}

fn push_without_digits(out: &mut String, text: &str) {
    let mut in_number = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('N');
            }
            in_number = true;
        } else {
            in_number = false;
            out.push(c);
        }
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, severity: Severity, message: &str) -> Diagnostic {
        let span = Span {
            file: "a.md".into(),
            line,
            column: 1,
        };
        Diagnostic::new(severity, span, message)
    }

    #[test]
    fn groups_messages_that_differ_only_in_names_and_numbers() {
        let diags = Diagnostics(vec![
            at(1, Severity::Warning, "dangling reference to `Time`"),
            at(2, Severity::Warning, "unknown type `**i64**`"),
            at(3, Severity::Warning, "dangling reference to `Time`"),
            at(4, Severity::Warning, "unknown type `Vec<X>`"),
            at(5, Severity::Warning, "unknown type `Vec<X>`"),
            at(6, Severity::Error, "unknown type `Vec<X>`"),
            at(
                7,
                Severity::Warning,
                "2 row(s) have more cells than the header",
            ),
            at(
                8,
                Severity::Warning,
                "13 row(s) have more cells than the header",
            ),
        ]);
        let groups = diags.grouped();
        let sizes: Vec<(usize, &str)> = groups
            .iter()
            .map(|g| (g.len(), g.first.message.as_str()))
            .collect();
        assert_eq!(
            sizes,
            [
                (2, "dangling reference to `Time`"),
                (3, "unknown type `**i64**`"),
                (1, "unknown type `Vec<X>`"),
                (2, "2 row(s) have more cells than the header"),
            ]
        );
        assert_eq!(groups[0].more(5).unwrap(), "1 more like it: a.md:3:1");
        assert_eq!(
            groups[1].more(1).unwrap(),
            "2 more like it (`Vec<X>` 2\u{d7}, `**i64**` 1\u{d7}): a.md:4:1, ... (1 more)"
        );
        assert_eq!(groups[1].shape(), "unknown type `\u{2026}`");
        assert_eq!(groups[2].more(3), None);
    }

    #[test]
    fn digits_inside_quotes_tell_members_apart() {
        assert_eq!(
            message_shape("row 12: unknown type `int32` in `A2`"),
            (
                "row N: unknown type `\u{2026}` in `\u{2026}`".to_string(),
                "`int32`, `A2`".to_string()
            )
        );
        assert_eq!(message_shape("a ` b"), ("a ` b".to_string(), String::new()));
    }
}
