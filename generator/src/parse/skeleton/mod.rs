//! Document skeletons: the parts of a model doc that do not depend on a
//! language's type names.
//!
//! - this module: what every skeleton needs (the `# Title`, the description
//!   before the first section, `## Section`s, lowering a Type cell with a
//!   warning when it does not parse, description cells);
//! - [`speakeasy`]: Speakeasy's `## Fields` / `## Values` / `## Supported Types`;
//! - [`properties`]: openapi-generator's `## Properties` / `## Enum`.
//!
//! The skeletons sit below the dialect modules: a dialect hands its type names
//! (and its few hooks) to one of them; they know no dialect.

pub mod properties;
pub mod speakeasy;

use super::dialect::{Blocks, PendingRef};
use super::lower::{LowerCx, Lowered, TypeNames};
use super::type_expr::{self, Expr};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::Type;
use crate::markdown::{Block, Cell, Table};
use crate::source::{SourceFile, Span};

/// Finds the `# Title` heading: (block index, raw title text, span).
///
/// Warns (and returns `None`) when there is none: SDK doc trees hold a few
/// other pages (Go `operations/option.md`), which are skipped.
pub fn title(
    source: &SourceFile,
    blocks: &Blocks,
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

/// Reports an empty model name (`# ` with nothing after it); `None` when it is empty.
pub fn non_empty_name(
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

/// Where the first section heading (`##` or deeper) of a body starts: the
/// blocks before it are the description.
pub fn first_section(body: &Blocks) -> usize {
    body.iter()
        .position(|(b, _)| matches!(b, Block::Heading { level, .. } if *level >= 2))
        .unwrap_or(body.len())
}

/// One `## Heading` of a body and the blocks up to the next `##` heading.
pub struct Section<'a> {
    /// The heading text, trimmed.
    pub heading: &'a str,
    /// Where the heading is.
    pub span: &'a Span,
    /// The blocks of the section, heading excluded.
    pub blocks: &'a Blocks,
}

impl<'a> Section<'a> {
    /// The first table of the section.
    pub fn table(&self) -> Option<&'a Table> {
        self.blocks.iter().find_map(|(b, _)| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }
}

/// Every `## Heading` section of `body`, in order.
pub fn sections(body: &Blocks) -> impl Iterator<Item = Section<'_>> {
    body.iter().enumerate().filter_map(move |(i, (b, _))| {
        let Block::Heading {
            level: 2,
            text,
            span,
        } = b
        else {
            return None;
        };
        let rest = &body[i + 1..];
        let end = rest
            .iter()
            .position(|(b, _)| matches!(b, Block::Heading { level: 2, .. }))
            .unwrap_or(rest.len());
        Some(Section {
            heading: text.trim(),
            span,
            blocks: &rest[..end],
        })
    })
}

/// Parses a Type cell's text (the cell's own, or what is left once a skeleton
/// has stripped its decorations), warning when it does not parse: the caller
/// then falls back to any JSON value. `point` places the warning at the
/// offending character (only meaningful when `text` is the cell's text).
pub fn parse_type(text: &str, cell: &Cell, point: bool, diags: &mut Diagnostics) -> Option<Expr> {
    match type_expr::parse(text) {
        Ok(expr) => Some(expr),
        Err(e) => {
            let mut span = cell.span.clone();
            if point {
                // Offsets are into the unescaped text; close enough for ASCII cells.
                span.column += text[..e.offset.min(text.len())].chars().count() as u32;
            }
            cannot_parse(span, &cell.text, e.expected, diags);
            None
        }
    }
}

/// Warns that the Type cell `cell` at `span` does not parse: `expected` says what
/// was expected; the field falls back to any JSON value.
pub fn cannot_parse(span: Span, cell: &str, expected: &str, diags: &mut Diagnostics) {
    diags.push(
        Diagnostic::warning(span, format!("cannot parse type: expected {expected}"))
            .with_snippet(cell)
            .with_hint("the field falls back to any JSON value (serde_json::Value)"),
    );
}

/// Lowers one Type cell (field-level wrappers peeled into [`Lowered::wrapper`]),
/// warning and falling back to any JSON value when it does not parse.
pub fn lower_cell(
    cell: &Cell,
    names: &dyn TypeNames,
    refs: &mut Vec<PendingRef>,
    diags: &mut Diagnostics,
) -> Lowered {
    let Some(expr) = parse_type(&cell.text, cell, true, diags) else {
        return Lowered {
            ty: Type::Any,
            wrapper: Default::default(),
        };
    };
    let mut cx = LowerCx {
        names,
        refs,
        diags,
        span: cell.span.clone(),
        cell: &cell.text,
    };
    cx.lower_cell(&expr)
}

/// A description cell: `<br/>` → newline, `N/A` → none, deprecation prefix stripped.
pub fn description(cell: &str) -> (Option<String>, bool) {
    let text = cell.replace("<br/>", "\n");
    let mut deprecated = false;
    let mut text = text.as_str();
    if let Some(rest) = text.strip_prefix(": warning: ** DEPRECATED **:") {
        deprecated = true;
        text = rest.split_once("\n\n").map_or("", |(_, desc)| desc);
    }
    let text = text.trim();
    if text.is_empty() || text == "N/A" {
        (None, deprecated)
    } else {
        (Some(text.to_string()), deprecated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions() {
        assert_eq!(description("N/A"), (None, false));
        assert_eq!(description("a<br/>b"), (Some("a\nb".into()), false));
        assert_eq!(
            description(": warning: ** DEPRECATED **: gone.<br/><br/>The id"),
            (Some("The id".into()), true)
        );
    }

    #[test]
    fn sections_end_at_the_next_level_two_heading() {
        let source = SourceFile::new(
            "x.md",
            "# X\n\nabout\n\n## A\n\none\n\n### sub\n\n## B\n\ntwo\n",
        );
        let blocks = crate::markdown::blocks_with_ranges(&source);
        let body = &blocks[1..];
        assert_eq!(first_section(body), 1);
        let found: Vec<(&str, usize)> = sections(body)
            .map(|s| (s.heading, s.blocks.len()))
            .collect();
        assert_eq!(found, [("A", 2), ("B", 1)]);
    }
}
