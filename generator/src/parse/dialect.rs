//! What a dialect is: the [`Spec`] trait every dialect module implements, and
//! the data it is made of ([`Marker`]s for detection, [`Limitation`]s and the
//! [`Loss`]es they stand for).
//!
//! This module sits below the dialect modules: they import from it, it imports
//! none of them. The registry that lists every dialect is
//! [`Dialect`](super::Dialect) in `parse/mod.rs`.

use std::fmt;

use serde::Serialize;

use crate::diagnostic::Diagnostics;
use crate::ir::Model;
use crate::markdown::Block;
use crate::source::{SourceFile, Span};

/// A document's blocks with their byte ranges in the source.
pub type Blocks = [(Block, std::ops::Range<usize>)];

/// Everything about one dialect: its names, how to detect it, how to parse it
/// and what its docs lose.
///
/// A dialect module defines one value (a unit struct) implementing this trait
/// and registers it with one line in [`Dialect`](super::Dialect); the compiler
/// names every method a new dialect still lacks.
pub trait Spec: Sync {
    /// The name used on the command line, in `modeldoc.toml` and in messages (`python`).
    fn name(&self) -> &'static str;

    /// What the dialect is, for people (`Speakeasy Python`).
    fn title(&self) -> &'static str;

    /// The literals whose occurrences make up the dialect's detection score.
    fn markers(&self) -> &'static [Marker];

    /// The score from the marker counts: `counts[i]` is how many times
    /// `self.markers()[i]` counted in the document. By default the sum of
    /// `count * weight`; a dialect overrides this when presence matters more
    /// than frequency, or when a marker rules the dialect out.
    fn score(&self, counts: &[u32]) -> u32 {
        weighted_sum(self.markers(), counts)
    }

    /// What the dialect's docs cannot show, one warning each per doc set.
    fn limitations(&self) -> &'static [Limitation];

    /// Parses one document. Returns `None` when an error was reported or the
    /// file is not a model doc; warnings go to `diags` either way.
    fn parse(
        &self,
        source: &SourceFile,
        blocks: &Blocks,
        diags: &mut Diagnostics,
    ) -> Option<ParsedDoc>;
}

/// One parsed document: its model, whose references are still pending.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDoc {
    /// The model; its references are [`Type::Pending`](crate::ir::Type::Pending)
    /// indices into `refs`.
    pub model: Model,
    /// References to resolve.
    pub refs: Vec<PendingRef>,
    /// The doc lists only SDK members, no JSON field (Speakeasy's `HTTPMetadata`): the
    /// model is left out, and so is every field that refers to it.
    pub sdk_only: bool,
}

/// A reference to another document, resolved once the whole doc set is loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingRef {
    /// The link target as written (`../models/x.md`), if linked.
    pub target: Option<String>,
    /// Lowercased file stem of the link target (`x` for `../models/x.md`), if linked.
    pub file_stem: Option<String>,
    /// The referenced name as the label writes it, without package prefix (`X`).
    pub name: String,
    /// Where the Type cell is.
    pub span: Span,
    /// Union members the link label spells out (`[Crystalline::Union.new(A, B)](u.md)`),
    /// for union docs that list none themselves (Ruby, Java: title only).
    pub label_members: Option<Vec<crate::ir::Type>>,
}

/// A detection marker: a literal whose occurrences in a document count toward
/// one dialect's score.
///
/// Occurrences count like [`str::matches`]: left to right, never overlapping
/// an earlier counted occurrence of the same marker (`[][` occurs once in
/// `[][][`), independently of every other marker (one position may match
/// several markers, and the same literal may be a marker of several dialects).
#[derive(Debug, Clone, Copy)]
pub struct Marker {
    /// The literal, matched byte for byte.
    pub text: &'static str,
    /// Points per counted occurrence (0: the dialect's scorer reads the count itself).
    pub weight: u32,
    /// When set, an occurrence starting at byte `start` of `text` counts only
    /// if this returns `true`. A rejected occurrence still hides the ones it
    /// overlaps.
    pub accept: Option<fn(text: &str, start: usize) -> bool>,
}

impl Marker {
    /// A marker whose every occurrence counts `weight` points.
    pub const fn new(text: &'static str, weight: u32) -> Self {
        Marker {
            text,
            weight,
            accept: None,
        }
    }

    /// A marker whose occurrences count `weight` points when `accept` says so.
    pub const fn accepting(
        text: &'static str,
        weight: u32,
        accept: fn(text: &str, start: usize) -> bool,
    ) -> Self {
        Marker {
            text,
            weight,
            accept: Some(accept),
        }
    }
}

/// Sum of `count * weight` over a dialect's markers: the usual score.
pub fn weighted_sum(markers: &[Marker], counts: &[u32]) -> u32 {
    markers.iter().zip(counts).map(|(m, c)| c * m.weight).sum()
}

/// One thing a dialect's docs do not show: the kind of fact ([`Loss`]) and how
/// this dialect loses it, in words (the warning a doc set of it gets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limitation {
    /// The kinds of fact lost.
    pub losses: &'static [Loss],
    /// The warning text, without the `<dialect> docs: ` prefix.
    pub text: &'static str,
    /// Only for doc sets in which some document of the dialect contains this
    /// literal (a sign of the flavour the limitation is about, such as
    /// openapi-generator's Go `## Methods`); `None`: always.
    pub when: Option<&'static str>,
}

impl Limitation {
    /// A limitation of every doc set of the dialect.
    pub(crate) const fn new(losses: &'static [Loss], text: &'static str) -> Self {
        Limitation {
            losses,
            text,
            when: None,
        }
    }

    /// A limitation of the doc sets where some document contains `sign`.
    pub(crate) const fn when(
        sign: &'static str,
        losses: &'static [Loss],
        text: &'static str,
    ) -> Self {
        Limitation {
            losses,
            text,
            when: Some(sign),
        }
    }

    /// Whether the limitation applies to a doc set of the dialect with these texts.
    pub(crate) fn applies<'a>(&self, mut texts: impl Iterator<Item = &'a str>) -> bool {
        match self.when {
            None => true,
            Some(sign) => {
                texts.any(|t| memchr::memmem::find(t.as_bytes(), sign.as_bytes()).is_some())
            }
        }
    }
}

impl fmt::Display for Limitation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

/// The distinct [`Loss`]es of some limitations, in order.
pub fn losses_of<'a>(limitations: impl IntoIterator<Item = &'a Limitation>) -> Vec<Loss> {
    let mut out = Vec::new();
    for l in limitations {
        for &loss in l.losses {
            if !out.contains(&loss) {
                out.push(loss);
            }
        }
    }
    out
}

/// One kind of fact a dialect's docs do not show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Loss {
    /// No field is marked nullable (only some `null` examples show it).
    Nullability,
    /// An optional field's nullability is not shown (Go: one pointer for both).
    OptionalNullability,
    /// Arrays and maps are never wrapped in a nullable marker.
    ContainerNullability,
    /// Dates and date-times are never wrapped in a nullable marker.
    DateNullability,
    /// Integer and float widths (`int32`/`int64`, `float`/`double`) are not shown.
    NumericWidths,
    /// Integers and numbers share one type name (TypeScript `number`).
    IntegerVsNumber,
    /// `date` and `date-time` look the same.
    DateVsDateTime,
    /// Field names are SDK names in the language's case convention, not JSON names.
    WireCase,
    /// Union docs do not list their members (the union becomes any JSON value).
    UnionMembers,
    /// Union docs name their members but not their nested shapes.
    UnionMemberShapes,
    /// Constant (single-value) properties render as their base type.
    ConstValues,
    /// Inline enums render as their base type.
    InlineEnums,
    /// A required property with a default is shown as optional.
    RequiredDefaults,
    /// Models carry no description.
    ModelDescriptions,
    /// An object whose only property is a required `value` looks like the
    /// documentation of a scalar or array component (openapi-generator python-prior).
    ValueObjects,
}

impl Loss {
    /// A short description, as used in reports.
    pub fn describe(self) -> &'static str {
        match self {
            Loss::Nullability => "nullability not shown",
            Loss::OptionalNullability => "optional fields' nullability not shown",
            Loss::ContainerNullability => "nullable arrays and maps not shown",
            Loss::DateNullability => "nullable dates not shown",
            Loss::NumericWidths => "int/float widths not shown",
            Loss::IntegerVsNumber => "integer vs number not shown",
            Loss::DateVsDateTime => "date vs date-time not shown",
            Loss::WireCase => "wire names in SDK case convention",
            Loss::UnionMembers => "union members not listed",
            Loss::UnionMemberShapes => "union member shapes not shown",
            Loss::ConstValues => "const values not shown",
            Loss::InlineEnums => "inline enum values not shown",
            Loss::RequiredDefaults => "required fields with a default shown optional",
            Loss::ModelDescriptions => "model descriptions not shown",
            Loss::ValueObjects => "one-field `value` objects look like aliases",
        }
    }
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditional_limitations_need_their_sign() {
        let always = Limitation::new(&[Loss::WireCase], "x");
        let go = Limitation::when("## Methods", &[Loss::ModelDescriptions], "y");
        assert!(always.applies(std::iter::empty()));
        assert!(!go.applies(["# A\n## Properties"].into_iter()));
        assert!(go.applies(["# A", "# B\n## Methods\n"].into_iter()));
    }

    #[test]
    fn losses_are_distinct_and_ordered() {
        let ls = [
            Limitation::new(&[Loss::NumericWidths, Loss::IntegerVsNumber], "a"),
            Limitation::new(&[Loss::NumericWidths, Loss::WireCase], "b"),
        ];
        assert_eq!(
            losses_of(&ls),
            [Loss::NumericWidths, Loss::IntegerVsNumber, Loss::WireCase]
        );
    }
}
