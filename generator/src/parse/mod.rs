//! Markdown model docs → per-document models with unresolved references.
//!
//! One module per dialect gives type names their meaning ([`python`]); the
//! document skeleton is shared ([`speakeasy`]); the Type-cell syntax is shared
//! ([`type_expr`]) and so is lowering it ([`lower`]). Nothing dialect-specific
//! leaves this module: the output is IR plus [`PendingRef`]s that
//! [`crate::resolve`] turns into model names.

pub mod lower;
pub mod python;
pub mod speakeasy;
pub mod type_expr;

use std::fmt;
use std::str::FromStr;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::Model;
use crate::markdown::{self, Block};
use crate::source::{SourceFile, Span};
pub use lower::PendingRef;

/// A documentation dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dialect {
    /// Speakeasy Python (dataclasses and pydantic styles).
    Python,
}

impl Dialect {
    /// Every dialect, in detection order.
    pub const ALL: &'static [Dialect] = &[Dialect::Python];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Python => "python",
        }
    }

    fn names(self) -> &'static dyn lower::TypeNames {
        match self {
            Dialect::Python => &python::Python,
        }
    }

    fn union_members(self) -> UnionMembers {
        match self {
            Dialect::Python => python_union_member,
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Dialect {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Dialect::ALL
            .iter()
            .copied()
            .find(|d| d.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let all: Vec<&str> = Dialect::ALL.iter().map(|d| d.name()).collect();
                format!(
                    "unknown dialect `{s}` (expected one of: {})",
                    all.join(", ")
                )
            })
    }
}

/// Reads the member type of one `### heading` + code block of a union doc.
pub type UnionMembers = fn(heading: &str, code: &str) -> Option<String>;

/// One parsed document: its model, whose `Type::Ref`s still hold pending keys.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDoc {
    /// The model; refs are [`lower::pending_key`]s into `refs`.
    pub model: Model,
    /// References to resolve.
    pub refs: Vec<PendingRef>,
}

/// Parses one document in the given dialect (or the detected one).
///
/// Returns `None` when an error was reported; warnings go to `diags` either way.
pub fn parse_document(
    source: &SourceFile,
    dialect: Option<Dialect>,
    diags: &mut Diagnostics,
) -> Option<ParsedDoc> {
    let blocks = markdown::blocks_with_ranges(source);
    let dialect = match dialect {
        Some(d) => d,
        None => detect(source, &blocks, diags)?,
    };
    speakeasy::parse(
        source,
        &blocks,
        dialect.names(),
        dialect.union_members(),
        diags,
    )
}

/// Guesses the dialect of a document from its Type cells.
pub fn detect(
    source: &SourceFile,
    blocks: &[(Block, std::ops::Range<usize>)],
    diags: &mut Diagnostics,
) -> Option<Dialect> {
    let _ = blocks;
    let _ = diags;
    let _ = source;
    Some(Dialect::Python)
}

/// Finds the `# Title` heading: (block index, raw title text, span).
pub(crate) fn title(
    source: &SourceFile,
    blocks: &[(Block, std::ops::Range<usize>)],
    diags: &mut Diagnostics,
) -> Option<(usize, String, Span)> {
    let found = blocks.iter().enumerate().find_map(|(i, (b, _))| match b {
        Block::Heading {
            level: 1,
            text,
            span,
        } => Some((i, text.clone(), span.clone())),
        _ => None,
    });
    if found.is_none() {
        let span = blocks
            .first()
            .map(|(b, _)| b.span().clone())
            .unwrap_or_else(|| source.span(0));
        diags.push(
            Diagnostic::error(span.clone(), "no `# Title` heading: not a model doc")
                .with_snippet(source.line_text(span.line))
                .with_hint("a model doc starts with `# ModelName`"),
        );
    }
    found
}

/// Python union docs: ``### `List[models.X]` `` headings, or (old style)
/// `### Name` + ```` ```python\nname: shared.X = /* values here */``` ````.
fn python_union_member(heading: &str, code: &str) -> Option<String> {
    let heading = heading.trim();
    if let Some(inner) = heading.strip_prefix('`').and_then(|h| h.strip_suffix('`')) {
        return Some(inner.to_string());
    }
    let line = code.lines().find(|l| l.contains(':'))?;
    let (_, ty) = line.split_once(':')?;
    let ty = ty.split_once('=').map_or(ty, |(t, _)| t);
    Some(ty.trim().to_string()).filter(|t| !t.is_empty())
}
