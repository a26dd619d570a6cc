//! Printing diagnostics and errors: compiler-style text (colored only on a terminal)
//! or one JSON object per line for tools and editors.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use modeldoc::{Diagnostic, DiagnosticGroup, Diagnostics, Error, Loaded, Severity};
use serde_json::json;

use super::args::MessageFormat;

const BOLD: Style = Style::new().bold();
const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const GUTTER: Style = AnsiColor::Blue.on_default().bold();

/// Prints diagnostics in the chosen format; `quiet` drops warnings.
pub struct Reporter {
    /// Text or JSON.
    pub format: MessageFormat,
    /// Print only errors.
    pub quiet: bool,
    /// Send JSON lines to stderr (when stdout carries data, as in `modeldoc ir`).
    pub json_on_stderr: bool,
}

impl Reporter {
    /// Prints one diagnostic.
    pub fn diagnostic(&self, d: &Diagnostic) {
        if self.quiet && !d.is_error() {
            return;
        }
        match self.format {
            MessageFormat::Json => self.json_line(&serde_json::to_value(d).unwrap_or_default()),
            MessageFormat::Human => {
                let mut err = anstream::stderr().lock();
                let _ = writeln!(err, "{}", human(d));
            }
        }
    }

    /// Prints diagnostics: in JSON each one; as text, like ones grouped (the first in
    /// full, then one line naming how many more and where).
    pub fn diagnostics(&self, diags: &Diagnostics) {
        if self.format == MessageFormat::Json {
            for d in diags.iter() {
                self.diagnostic(d);
            }
            return;
        }
        for group in diags.grouped() {
            if self.quiet && !group.first.is_error() {
                continue;
            }
            let mut err = anstream::stderr().lock();
            let _ = writeln!(err, "{}", human_group(&group));
        }
    }

    /// The closing summary of what was not understood: each kind of warning about the
    /// docs (not the dialect's limitations) with its count, most frequent first.
    pub fn not_understood(&self, loaded: &Loaded) {
        let problems = loaded.problems();
        let mut groups = problems.grouped();
        if groups.is_empty() {
            return;
        }
        groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
        let kinds: Vec<String> = groups
            .iter()
            .take(SUMMARY_KINDS)
            .map(|g| {
                let names: Vec<&str> = g.variants.iter().take(2).map(|(q, _)| q.as_str()).collect();
                match g.variants.len() {
                    0 | 1 => format!("{}\u{d7} {}", g.len(), g.first.message),
                    2 => format!("{}\u{d7} {} ({})", g.len(), g.shape(), names.join(", ")),
                    _ => format!(
                        "{}\u{d7} {} ({}, ...)",
                        g.len(),
                        g.shape(),
                        names.join(", ")
                    ),
                }
            })
            .collect();
        let others = groups.len().saturating_sub(SUMMARY_KINDS);
        let tail = if others > 0 {
            format!("; {others} other kind(s)")
        } else {
            String::new()
        };
        self.summary(&format!(
            "not understood (see above): {}{tail}",
            kinds.join("; ")
        ));
    }

    /// Prints a failed run's error (diagnostics, stale files or a plain message).
    pub fn error(&self, e: &Error) {
        match e {
            Error::Input(diags) => {
                self.diagnostics(diags);
                self.summary(&format!(
                    "{} error(s); no file was written",
                    diags.error_count()
                ));
            }
            Error::Stale(changes) if self.format == MessageFormat::Json => {
                for c in changes {
                    self.json_line(&json!({
                        "severity": "error",
                        "message": c.to_string(),
                        "file": c.path().display().to_string(),
                    }));
                }
            }
            other => match self.format {
                MessageFormat::Json => self.json_line(&json!({
                    "severity": "error",
                    "message": other.to_string().trim_start_matches("modeldoc: "),
                })),
                MessageFormat::Human => {
                    let _ = writeln!(anstream::stderr(), "{other}");
                }
            },
        }
    }

    /// A closing `modeldoc: ...` line (human format only, not when quiet).
    pub fn summary(&self, text: &str) {
        if self.format == MessageFormat::Human && !self.quiet {
            let _ = writeln!(anstream::stderr(), "{BOLD}modeldoc:{BOLD:#} {text}");
        }
    }
}

/// How many kinds of problem the closing summary names.
const SUMMARY_KINDS: usize = 5;

/// How many further positions a group's `more like it` line lists.
const GROUP_LOCATIONS: usize = 3;

/// A group's first diagnostic in full, then a note on the rest.
fn human_group(group: &DiagnosticGroup<'_>) -> String {
    let mut out = human(group.first);
    if let Some(more) = group.more(GROUP_LOCATIONS) {
        out.push_str(&format!(
            "\n  {GUTTER}={GUTTER:#} {BOLD}note:{BOLD:#} {more}"
        ));
    }
    out
}

/// `path:line:col: error: message`, then the quoted text and the hint.
fn human(d: &Diagnostic) -> String {
    let (style, level) = match d.severity {
        Severity::Error => (ERROR, "error"),
        Severity::Warning => (WARNING, "warning"),
        Severity::Note => (GUTTER, "note"),
    };
    let mut out = format!(
        "{BOLD}{}:{BOLD:#} {style}{level}:{style:#} {BOLD}{}{BOLD:#}",
        d.span, d.message
    );
    if let Some(snippet) = &d.snippet {
        out.push_str(&format!("\n  {GUTTER}|{GUTTER:#} {snippet}"));
    }
    if let Some(hint) = &d.hint {
        out.push_str(&format!(
            "\n  {GUTTER}={GUTTER:#} {BOLD}hint:{BOLD:#} {hint}"
        ));
    }
    out
}

impl Reporter {
    fn json_line(&self, value: &serde_json::Value) {
        if self.json_on_stderr {
            let _ = writeln!(std::io::stderr().lock(), "{value}");
        } else {
            let _ = writeln!(std::io::stdout().lock(), "{value}");
        }
    }
}
