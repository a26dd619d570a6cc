//! modeldoc reads SDK markdown model docs (Speakeasy `## Fields` tables,
//! openapi-generator `## Properties` tables) and generates Rust types,
//! an OpenAPI 3.1 document and JSON Schema 2020-12 documents.
//!
//! The pipeline, one module per stage:
//! [`source`] → [`markdown`] → [`parse`] (one module per dialect) →
//! [`resolve`] → [`ir`] → [`emit`] (rust, openapi, json_schema) → [`output`].
//! [`Config`] drives it for build scripts, the CLI and `cargo xtask codegen`.

pub mod compare;
pub mod config;
pub mod diagnostic;
pub mod emit;
pub mod ir;
pub mod markdown;
pub mod output;
pub mod parse;
pub mod rename;
pub mod resolve;
pub mod source;

pub use config::{Config, Error, Loaded, Report, RustOutput};
pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use parse::Dialect;
pub use rename::RenameWire;
