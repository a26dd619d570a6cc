//! IR → outputs: Rust source ([`rust`]), OpenAPI 3.1 ([`openapi`]) and
//! JSON Schema 2020-12 ([`json_schema`]); the last two share [`schema`].

pub mod json_schema;
pub mod names;
pub mod openapi;
pub mod rust;
pub mod schema;

mod pretty;

/// Pretty JSON with two-space indentation and a trailing newline.
pub fn to_json(value: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("JSON values always serialize");
    s.push('\n');
    s
}
