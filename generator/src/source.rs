//! Source files and positions.
//!
//! Every parsed item keeps a [`Span`] (file, 1-based line and column) so that
//! diagnostics can point at the offending text.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A position in a source file: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// The file, as given on the command line (relative paths stay relative).
    pub file: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One input document held in memory, with a line index for offset → position.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path used in diagnostics.
    pub name: Arc<str>,
    /// The text, without a leading byte-order mark.
    pub text: String,
    /// Byte offset of the start of every line.
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps text read from `name`; strips a UTF-8 BOM.
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<String>) -> Self {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..3);
        }
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// Reads a file, turning invalid UTF-8 into a diagnostic with the byte offset.
    pub fn read(path: &Path) -> Result<Self, crate::Diagnostic> {
        let name: Arc<str> = path.display().to_string().into();
        let bytes = std::fs::read(path).map_err(|e| {
            crate::Diagnostic::error(
                Span {
                    file: name.clone(),
                    line: 1,
                    column: 1,
                },
                format!("cannot read file: {e}"),
            )
        })?;
        Self::from_bytes(name, bytes)
    }

    /// Decodes bytes as UTF-8, or reports the first invalid byte with its position.
    pub fn from_bytes(name: Arc<str>, bytes: Vec<u8>) -> Result<Self, crate::Diagnostic> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Self::new(name, text)),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let valid = String::from_utf8_lossy(&bytes[..offset]).into_owned();
                let probe = SourceFile::new(name.clone(), valid);
                let span = probe.span(probe.text.len());
                let bad: Vec<String> = bytes[offset..]
                    .iter()
                    .take(4)
                    .map(|b| format!("{b:#04x}"))
                    .collect();
                Err(crate::Diagnostic::error(
                    span,
                    format!(
                        "invalid UTF-8 at byte offset {offset} (bytes {})",
                        bad.join(" ")
                    ),
                )
                .with_hint("model docs must be UTF-8 text; re-encode the file"))
            }
        }
    }

    /// The span of a byte offset into [`SourceFile::text`].
    pub fn span(&self, offset: usize) -> Span {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        Span {
            file: self.name.clone(),
            line: line as u32 + 1,
            column: column as u32,
        }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(i) else {
            return "";
        };
        let end = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}
