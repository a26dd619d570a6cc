//! modeldoc reads SDK markdown model docs (Speakeasy `## Fields` tables,
//! openapi-generator `## Properties` tables) and generates Rust types,
//! an OpenAPI 3.1 document and JSON Schema 2020-12 documents.
//!
//! The public API is [`Config`], a builder in the spirit of `prost_build::Config`, and
//! what its methods take and return: [`Options`] and its enums, [`RenameWire`],
//! [`Dialect`], [`ModelSelection`], [`Loaded`], [`Report`], [`Error`] and its
//! [`Diagnostics`], and [`ir`], the language-neutral data model every output is generated
//! from (`modeldoc ir` prints it). The pipeline stages (reading, markdown, the dialect
//! parsers, resolution, wire names, the emitters, writing) are private.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), modeldoc::Error> {
//!     modeldoc::Config::new().input("specs").generate()?;
//!     Ok(())
//! }
//! // then, in the crate: include!(concat!(env!("OUT_DIR"), "/models.rs"));
//! ```
//!
//! Cargo features (both off by default, so a build-dependency compiles only what
//! generation needs):
//! - `parallel`: reads, parses, resolves, renders and writes in parallel with rayon (the
//!   CLI and the xtask turn it on; output is identical without it);
//! - `toml`: [`ConfigFile`], the `modeldoc.toml` reader.

mod config;
#[cfg(feature = "toml")]
mod config_file;
mod diagnostic;
mod emit;
pub mod ir;
mod markdown;
mod merge;
mod options;
mod output;
mod par;
mod parse;
mod rename;
mod resolve;
mod select;
mod source;
mod suggest;
mod wire_names;

pub use config::{Config, Error, Loaded, ProgressFn, Report, RustOutput};
#[cfg(feature = "toml")]
pub use config_file::{ConfigFile, Outputs};
pub use diagnostic::{Diagnostic, DiagnosticGroup, Diagnostics, Severity};
pub use options::{DateMapping, MapMapping, Options, PathAttribute};
pub use output::{Change, OutputFile, OwnedDir};
pub use parse::{Dialect, Limitation, Loss};
pub use rename::RenameWire;
pub use select::ModelSelection;
pub use source::Span;

/// Internals for the workspace's own crates (the CLI, `modeldoc-compare`, the xtask,
/// tests, benchmarks and fuzz targets) only.
///
/// **Not part of the public API**: not covered by semver, undocumented on purpose, and
/// free to change or disappear in any release. Build scripts use [`Config`].
#[doc(hidden)]
pub mod __private {
    pub use crate::config::{cargo_warnings, collect_markdown, CARGO_WARNINGS};
    #[cfg(feature = "toml")]
    pub use crate::config_file::set_rust_output;
    /// The pipeline stages, for tests, benchmarks and fuzz targets that drive them one by one.
    pub mod emit {
        pub use crate::emit::*;
    }
    pub mod markdown {
        pub use crate::markdown::*;
    }
    /// `modeldoc-compare` pairs models the way merging does.
    pub mod merge {
        pub use crate::merge::*;
    }
    pub mod parse {
        pub use crate::parse::*;
    }
    pub mod resolve {
        pub use crate::resolve::*;
    }
    pub mod source {
        pub use crate::source::*;
    }
}

/// The guides in `docs/` whose Rust examples are compiled as doctests.
#[cfg(doctest)]
pub mod guides {
    #[doc = include_str!("../../docs/build-rs.md")]
    pub struct BuildRs;

    #[doc = include_str!("../../docs/snapshots.md")]
    pub struct Snapshots;
}
