//! Speakeasy C# docs (`List<*string*>`, `Dictionary<String, *object*>`).
//!
//! Not implemented yet: every name is unknown, so cells fall back to any JSON value.

use super::lower::{TypeNames, Wrapper};
use crate::ir::Type;

/// The CSharp dialect's type names.
pub struct CSharp;

impl TypeNames for CSharp {
    fn scalar(&self, _name: &str) -> Option<Type> {
        None
    }

    fn wrapper(&self, _name: &str) -> Option<Wrapper> {
        None
    }

    fn is_list(&self, _name: &str) -> bool {
        false
    }

    fn is_map(&self, _name: &str) -> bool {
        false
    }

    fn stdlib_link(&self, _label: &str, _target: &str) -> Option<Type> {
        None
    }
}

/// How strongly a document's text looks like this dialect (0 = not at all).
pub fn score(_text: &str) -> u32 {
    0
}

/// Reads the member type of one union doc section (`### heading` + code block).
pub fn union_member(_heading: &str, _code: &str) -> Option<String> {
    None
}
