//! Facts a field's description states in words where its type cell cannot show them.
//!
//! Some dialects render a constant as its base type (PHP's `*string*` for a one-value
//! `type` tag) while the description says it outright: "Event type. Always
//! `invoice.created`." A plain string field whose description has the sentence
//! ``Always `V`.`` is the constant `V`; nothing else in the sentence may qualify it
//! ("Always `true` for successful responses" is a condition, not a constant).

use serde_json::Value;

use crate::ir::{Field, ModelKind, Type};

/// Turns every plain string field of `kind` whose description states its one value
/// into that constant.
pub fn consts_from_descriptions(kind: &mut ModelKind) {
    let ModelKind::Object(o) = kind else {
        return;
    };
    for f in &mut o.fields {
        if let Some(value) = stated_const(f) {
            f.ty = Type::Const(Value::String(value));
        }
    }
}

/// The value of a plain string field whose description says ``Always `V`.``.
fn stated_const(f: &Field) -> Option<String> {
    if f.ty != Type::STRING {
        return None;
    }
    always(f.description.as_deref()?)
}

/// `V` of the first sentence ``Always `V`.`` of `text` (the sentence ends after the code
/// span: a period then the end, a space or a tag, or no period at the end of the text
/// or before a `<br>`).
fn always(text: &str) -> Option<String> {
    const START: &str = "Always `";
    let mut rest = text;
    while let Some(at) = rest.find(START) {
        let sentence_start = rest[..at].trim_end();
        let starts_sentence =
            sentence_start.is_empty() || sentence_start.ends_with(['.', '!', '?', '>', ':']);
        let after = &rest[at + START.len()..];
        let end = after.find('`')?;
        let value = &after[..end];
        let tail = &after[end + 1..];
        let ends_sentence = match tail.strip_prefix('.') {
            Some(t) => t.is_empty() || t.starts_with([' ', '\n', '<']),
            None => tail.trim_end().is_empty() || tail.starts_with("<br"),
        };
        if starts_sentence && ends_sentence && !value.is_empty() && value != "null" {
            return Some(value.to_string());
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::always;

    #[test]
    fn a_sentence_of_its_own_states_the_value() {
        assert_eq!(
            always("Event type. Always `invoice.created`.").as_deref(),
            Some("invoice.created")
        );
        assert_eq!(always("Always `account`.").as_deref(), Some("account"));
        assert_eq!(
            always("Objects share the value. Always `domain`<br/>").as_deref(),
            Some("domain")
        );
        assert_eq!(always("Always `x`").as_deref(), Some("x"));
        assert_eq!(
            always("The kind.<br/>Always `list`. More text.").as_deref(),
            Some("list")
        );
    }

    #[test]
    fn a_qualified_or_embedded_always_is_not_a_constant() {
        assert_eq!(always("Always `true` for successful responses"), None);
        assert_eq!(always("Always `account` for this resource."), None);
        assert_eq!(always("Always `null` in this version."), None);
        assert_eq!(always("Always `null`."), None);
        assert_eq!(always("It is Always `x`."), None);
        assert_eq!(always("Always `x`.y"), None);
        assert_eq!(always("Always `unterminated"), None);
        assert_eq!(always("No such sentence."), None);
    }
}
