//! Markdown model docs → per-document models with unresolved references.
//!
//! One module per dialect gives type names their meaning ([`python`]); the
//! document skeleton is shared ([`speakeasy`]); the Type-cell syntax is shared
//! ([`type_expr`]) and so is lowering it ([`lower`]). Nothing dialect-specific
//! leaves this module: the output is IR plus [`PendingRef`]s that
//! [`crate::resolve`] turns into model names.

pub mod csharp;
pub mod go;
pub mod java;
pub mod lower;
pub mod number_words;
pub mod openapi_generator;
pub mod php;
pub mod python;
pub mod ruby;
pub mod speakeasy;
pub mod type_expr;
pub mod typescript;

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
    /// Speakeasy TypeScript.
    TypeScript,
    /// Speakeasy Go (italic and backtick styles).
    Go,
    /// Speakeasy Java.
    Java,
    /// Speakeasy C#.
    CSharp,
    /// Speakeasy Ruby (Sorbet and Crystalline styles).
    Ruby,
    /// Speakeasy PHP.
    Php,
    /// openapi-generator (`## Properties` tables), any language.
    OpenApiGenerator,
}

impl Dialect {
    /// Every dialect, in detection order (ties go to the earlier one).
    pub const ALL: &'static [Dialect] = &[
        Dialect::Python,
        Dialect::TypeScript,
        Dialect::Go,
        Dialect::Java,
        Dialect::CSharp,
        Dialect::Ruby,
        Dialect::Php,
        Dialect::OpenApiGenerator,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Python => "python",
            Dialect::TypeScript => "typescript",
            Dialect::Go => "go",
            Dialect::Java => "java",
            Dialect::CSharp => "csharp",
            Dialect::Ruby => "ruby",
            Dialect::Php => "php",
            Dialect::OpenApiGenerator => "openapi-generator",
        }
    }

    fn names(self) -> &'static dyn lower::TypeNames {
        match self {
            Dialect::Python => &python::Python,
            Dialect::TypeScript => &typescript::TypeScript,
            Dialect::Go => &go::Go,
            Dialect::Java => &java::Java,
            Dialect::CSharp => &csharp::CSharp,
            Dialect::Ruby => &ruby::Ruby,
            Dialect::Php => &php::Php,
            Dialect::OpenApiGenerator => &openapi_generator::OpenApiGenerator,
        }
    }

    fn union_members(self) -> UnionMembers {
        match self {
            Dialect::Python => python::union_member,
            Dialect::TypeScript => typescript::union_member,
            Dialect::Go => go::union_member,
            Dialect::Java => java::union_member,
            Dialect::CSharp => csharp::union_member,
            Dialect::Ruby => ruby::union_member,
            Dialect::Php => php::union_member,
            Dialect::OpenApiGenerator => openapi_generator::union_member,
        }
    }

    /// What the dialect's docs cannot express: reported once per doc set, so
    /// that a lossy field is a known limitation rather than a silent guess.
    pub fn limitations(self) -> &'static [&'static str] {
        match self {
            Dialect::CSharp => csharp::LIMITATIONS,
            Dialect::Ruby => ruby::LIMITATIONS,
            Dialect::Php => php::LIMITATIONS,
            Dialect::OpenApiGenerator => openapi_generator::LIMITATIONS,
            Dialect::TypeScript => typescript::LIMITATIONS,
            Dialect::Go => go::LIMITATIONS,
            Dialect::Java => java::LIMITATIONS,
            _ => &[],
        }
    }

    /// How strongly `text` looks like a document of this dialect (0 = no sign of it).
    pub fn score(self, text: &str) -> u32 {
        match self {
            Dialect::Python => python::score(text),
            Dialect::TypeScript => typescript::score(text),
            Dialect::Go => go::score(text),
            Dialect::Java => java::score(text),
            Dialect::CSharp => csharp::score(text),
            Dialect::Ruby => ruby::score(text),
            Dialect::Php => php::score(text),
            Dialect::OpenApiGenerator => openapi_generator::score(text),
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

/// Parses one document in the given dialect.
///
/// Returns `None` when an error was reported or the file is not a model doc;
/// warnings go to `diags` either way.
pub fn parse_document(
    source: &SourceFile,
    dialect: Dialect,
    diags: &mut Diagnostics,
) -> Option<ParsedDoc> {
    let blocks = markdown::blocks_with_ranges(source);
    if dialect == Dialect::OpenApiGenerator {
        return openapi_generator::parse(source, &blocks, diags);
    }
    speakeasy::parse(
        source,
        &blocks,
        dialect.names(),
        dialect.union_members(),
        diags,
    )
}

/// Guesses the dialect of one document; `None` when it shows no sign of any
/// (enum docs, empty docs): the caller then uses the doc set's majority.
pub fn detect(text: &str) -> Option<Dialect> {
    let (best, score) =
        Dialect::ALL
            .iter()
            .map(|&d| (d, d.score(text)))
            .fold(
                (Dialect::Python, 0),
                |acc, x| if x.1 > acc.1 { x } else { acc },
            );
    (score > 0).then_some(best)
}

/// Sum of `count(marker) * weight` over `markers`: a dialect's detection score.
pub(crate) fn weighted_count(text: &str, markers: &[(&str, u32)]) -> u32 {
    markers.iter().map(|(m, w)| occurrences(text, m) * w).sum()
}

/// Non-overlapping occurrences of `marker` in `text` (SIMD search: detection runs
/// every dialect's markers over every document, so this is a hot path).
fn occurrences(text: &str, marker: &str) -> u32 {
    let (text, marker) = (text.as_bytes(), marker.as_bytes());
    let mut count = 0;
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&text[at..], marker) {
        count += 1;
        at += i + marker.len().max(1);
    }
    count
}

/// Picks the dialect of every document of a doc set.
///
/// Each document is first detected on its own ([`detect`]); the most common
/// result is the doc set's majority. Scalar spellings are shared between
/// languages (`*string*`, `*int*`, `*bool*`), so a document the majority
/// dialect also fits (scores above 0) stays with the majority, and a document
/// with no sign of any dialect gets it too.
pub fn detect_doc_set(texts: &[&str]) -> Vec<Dialect> {
    use rayon::prelude::*;
    let detected: Vec<Option<Dialect>> = texts.par_iter().map(|t| detect(t)).collect();
    let majority = majority(&detected).unwrap_or(Dialect::Python);
    texts
        .par_iter()
        .zip(detected)
        .map(|(text, d)| match d {
            Some(d) if d == majority || majority.score(text) == 0 => d,
            _ => majority,
        })
        .collect()
}

/// The most common detected dialect (ties go to the first in [`Dialect::ALL`]).
fn majority(detected: &[Option<Dialect>]) -> Option<Dialect> {
    let mut counts = std::collections::BTreeMap::new();
    for d in detected.iter().flatten() {
        *counts.entry(*d).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(d, _)| d)
}

/// How many times any of `markers` occurs in `text` (for dialect scores).
pub fn count_markers(text: &str, markers: &[&str]) -> u32 {
    markers.iter().map(|m| occurrences(text, m)).sum()
}

/// Reports an empty model name (`# ` with nothing after it); `None` when it is empty.
pub(crate) fn non_empty_name(
    name: String,
    source: &SourceFile,
    span: &Span,
    diags: &mut Diagnostics,
) -> Option<String> {
    if !name.is_empty() {
        return Some(name);
    }
    diags.push(
        Diagnostic::error(span.clone(), "empty model name in the title")
            .with_snippet(source.line_text(span.line))
            .with_hint("write the model name after `# `"),
    );
    None
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
        // SDK doc trees hold a few other pages (Go `operations/option.md`): skip them.
        diags.push(
            Diagnostic::warning(
                span.clone(),
                "no `# Title` heading: not a model doc, skipped",
            )
            .with_snippet(source.line_text(span.line))
            .with_hint("a model doc starts with `# ModelName`"),
        );
    }
    found
}
