//! Markdown model docs → per-document models with unresolved references.
//!
//! Layers, each importing only from the ones below it:
//!
//! - [`Dialect`] (this module), the registry of every dialect, and
//!   [`detect`](mod@detect), which scores documents with every registered dialect's markers;
//! - one module per dialect ([`python`], [`typescript`], [`go`], [`java`],
//!   [`csharp`], [`ruby`], [`php`], [`openapi_generator`], [`python_prior`]):
//!   a value implementing [`Spec`] that owns everything about the dialect
//!   (names, markers, type names, which skeleton, limitations);
//! - what the dialects share: [`dialect`] (the [`Spec`] trait and its data),
//!   [`skeleton`] (document structure), [`type_expr`] (the Type-cell syntax),
//!   [`lower`] (Type cells → IR types), [`number_words`].
//!
//! Nothing dialect-specific leaves this module: the output is IR plus
//! [`PendingRef`]s that [`crate::resolve`] turns into model names.

pub mod csharp;
pub mod detect;
pub mod dialect;
pub mod go;
pub mod java;
pub mod lower;
pub mod number_words;
pub mod openapi_generator;
pub mod php;
pub mod prose;
pub mod python;
pub mod python_prior;
pub mod ruby;
pub mod skeleton;
pub mod type_expr;
pub mod typescript;
pub mod unstated;

use std::fmt;
use std::str::FromStr;

use crate::diagnostic::Diagnostics;
use crate::markdown;
use crate::source::SourceFile;

pub use detect::{count_markers, detect, detect_doc_set, prepare_detection, scores, Scores};
pub use dialect::{Limitation, Loss, Marker, ParsedDoc, PendingRef, Spec};
pub(crate) use skeleton::speakeasy::sdk_member_note;

/// Declares [`Dialect`] from one line per dialect: `Variant => spec value`.
///
/// The enum, [`Dialect::ALL`] and [`Dialect::spec`] come from the same list,
/// so a dialect cannot be half registered, and the [`Spec`] trait makes the
/// compiler name whatever a new dialect module still lacks.
macro_rules! dialects {
    ($($(#[$doc:meta])* $variant:ident => $spec:path,)*) => {
        /// A documentation dialect (see the registry in `parse/mod.rs`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Dialect {
            $($(#[$doc])* $variant,)*
        }

        impl Dialect {
            /// Every dialect, in detection order (ties go to the earlier one).
            pub const ALL: &'static [Dialect] = &[$(Dialect::$variant,)*];

            /// Everything about the dialect.
            pub fn spec(self) -> &'static dyn Spec {
                match self {
                    $(Dialect::$variant => &$spec,)*
                }
            }
        }
    };
}

dialects! {
    /// Speakeasy Python (dataclasses and pydantic styles).
    Python => python::Python,
    /// Speakeasy TypeScript.
    TypeScript => typescript::TypeScript,
    /// Speakeasy Go (italic and backtick styles).
    Go => go::Go,
    /// Speakeasy Java.
    Java => java::Java,
    /// Speakeasy C#.
    CSharp => csharp::CSharp,
    /// Speakeasy Ruby (Sorbet and Crystalline styles).
    Ruby => ruby::Ruby,
    /// Speakeasy PHP.
    Php => php::Php,
    /// openapi-generator 7.x templates (`## Properties` tables), any language.
    OpenApiGenerator => openapi_generator::OpenApiGenerator,
    /// openapi-generator's older python templates ("python-prior", 5.x–6.x).
    PythonPrior => python_prior::PythonPrior,
}

impl Dialect {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        self.spec().name()
    }

    /// What the dialect's docs cannot show, each reported once per doc set
    /// (one with a [`Limitation::when`](field@Limitation::when) sign only for the docs that show it).
    pub fn limitations(self) -> &'static [Limitation] {
        self.spec().limitations()
    }

    /// Every kind of fact the dialect's docs may lose (those of all its
    /// [`limitations`](Dialect::limitations), flavour-specific ones included).
    pub fn losses(self) -> Vec<Loss> {
        dialect::losses_of(self.limitations())
    }

    /// How strongly `text` looks like a document of this dialect (0 = no sign of it).
    ///
    /// Scans `text` once for every dialect's markers; use [`scores`] to get
    /// all dialects' scores from that one scan.
    pub fn score(self, text: &str) -> u32 {
        scores(text).get(self)
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Dialect {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
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
    warn_repaired_rows(&blocks, diags);
    let mut doc = dialect.spec().parse(source, &blocks, diags)?;
    prose::consts_from_descriptions(&mut doc.model.kind);
    unstated::mark(&mut doc.model.kind, dialect, &source.text);
    Some(doc)
}

/// One warning per table row that was read only after repairing a malformation.
fn warn_repaired_rows(
    blocks: &[(markdown::Block, std::ops::Range<usize>)],
    diags: &mut Diagnostics,
) {
    let tables = blocks.iter().filter_map(|(b, _)| match b {
        markdown::Block::Table(t) => Some(t),
        _ => None,
    });
    for row in tables.flat_map(|t| &t.rows) {
        for repair in &row.repairs {
            diags.push(
                crate::Diagnostic::warning(row.span.clone(), repair.message())
                    .with_snippet(&row.raw)
                    .with_hint(repair.hint()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for &d in Dialect::ALL {
            assert_eq!(d.name().parse::<Dialect>(), Ok(d));
            assert!(!d.spec().title().is_empty(), "{d}");
            assert!(!d.spec().markers().is_empty(), "{d}");
        }
        let mut names: Vec<&str> = Dialect::ALL.iter().map(|d| d.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Dialect::ALL.len());
        assert!("cobol".parse::<Dialect>().is_err());
    }

    #[test]
    fn every_dialect_states_its_losses() {
        for &d in Dialect::ALL {
            assert!(!d.limitations().is_empty(), "{d} has no limitations");
            for l in d.limitations() {
                assert!(!l.losses.is_empty(), "{d}: `{l}` names no loss");
            }
        }
        assert!(Dialect::Python.losses().contains(&Loss::NumericWidths));
    }
}
