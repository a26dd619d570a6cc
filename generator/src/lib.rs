//! modeldoc reads SDK markdown model docs (Speakeasy `## Fields` tables,
//! openapi-generator `## Properties` tables) and generates Rust types,
//! an OpenAPI 3.1 document and JSON Schema 2020-12 documents.
//!
//! The pipeline, one module per stage:
//! [`source`] → [`markdown`] → [`parse`] (one module per dialect) →
//! [`resolve`] → [`wire_names`] → [`ir`] → [`emit`] (rust, openapi, json_schema) → [`output`].
//! [`Config`] drives it for build scripts, the CLI and `cargo xtask codegen`.
//!
//! Cargo features (both off by default, so a build-dependency compiles only what
//! generation needs):
//! - `parallel`: reads, parses, resolves, renders and writes in parallel with rayon (the
//!   CLI and the xtask turn it on; output is identical without it);
//! - `toml`: [`ConfigFile`], the `modeldoc.toml` reader.

pub mod config;
#[cfg(feature = "toml")]
pub mod config_file;
pub mod diagnostic;
pub mod emit;
pub mod ir;
pub mod markdown;
pub mod merge;
pub mod options;
pub mod output;
mod par;
pub mod parse;
pub mod rename;
pub mod resolve;
pub mod select;
pub mod source;
mod suggest;
pub mod wire_names;

pub use config::{Config, Error, Loaded, ProgressFn, Report, RustOutput};
#[cfg(feature = "toml")]
pub use config_file::ConfigFile;
pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use options::{DateMapping, MapMapping, Options, PathAttribute};
pub use parse::Dialect;
pub use rename::RenameWire;
pub use select::ModelSelection;

/// The guides in `docs/` whose Rust examples are compiled as doctests.
#[cfg(doctest)]
pub mod guides {
    #[doc = include_str!("../../docs/build-rs.md")]
    pub struct BuildRs;

    #[doc = include_str!("../../docs/snapshots.md")]
    pub struct Snapshots;
}
