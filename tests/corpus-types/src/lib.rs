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

/// Parses a wire string with a generated string enum's `FromStr` and prints it back
/// with its `Display`; the error is the `FromStr` message.
pub type TextRoundTrip = fn(&str) -> Result<String, String>;

/// One set of models generated together.
#[derive(Debug, Clone, Copy)]
pub struct Set {
    /// `fixtures` or `corpus/<owner>+<repo>`.
    pub name: &'static str,
    /// The IR the types were generated from (`modeldoc::ir::Schema` as JSON).
    pub ir_json: &'static str,
    /// The round-trip function of a model, by IR model name.
    pub lookup: fn(&str) -> Option<RoundTrip>,
    /// The text round trip of a string enum model, by IR model name.
    pub text_lookup: fn(&str) -> Option<TextRoundTrip>,
    /// Whether the types reject unknown keys (the set's schemas must close objects too).
    pub deny_unknown_fields: bool,
}

fn round_trip<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, String> {
    let typed: T = serde_json::from_str(&value.to_string()).map_err(|e| e.to_string())?;
    serde_json::to_value(&typed).map_err(|e| e.to_string())
}

fn text_round_trip<T>(text: &str) -> Result<String, String>
where
    T: std::str::FromStr + std::fmt::Display,
    T::Err: std::fmt::Display,
{
    let value: T = text.parse().map_err(|e: T::Err| e.to_string())?;
    Ok(value.to_string())
}

include!(concat!(env!("OUT_DIR"), "/sets.rs"));
