//! Rust types that modeldoc generates at build time from `tests/fixtures/docs` and
//! from a fixed sample of every corpus repository (`../shared/corpus`, when present),
//! with a registry that finds the Rust type of a model by its IR name.
//!
//! The differential tests in `tests/` use it to check that the Rust types accept
//! exactly the JSON instances the generated JSON Schemas accept.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// Deserializes a JSON value (from its text, as on the wire) into a generated type
/// and serializes it back; the error is serde's message.
pub type RoundTrip = fn(&Value) -> Result<Value, String>;

/// One set of models generated together.
#[derive(Debug, Clone, Copy)]
pub struct Set {
    /// `fixtures` or `corpus/<owner>+<repo>`.
    pub name: &'static str,
    /// The IR the types were generated from (`modeldoc::ir::Schema` as JSON).
    pub ir_json: &'static str,
    /// The round-trip function of a model, by IR model name.
    pub lookup: fn(&str) -> Option<RoundTrip>,
}

fn round_trip<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, String> {
    let typed: T = serde_json::from_str(&value.to_string()).map_err(|e| e.to_string())?;
    serde_json::to_value(&typed).map_err(|e| e.to_string())
}

include!(concat!(env!("OUT_DIR"), "/sets.rs"));
