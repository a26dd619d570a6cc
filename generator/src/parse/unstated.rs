//! Which facts a field's doc could not state: the losses of its dialect's limitations
//! that apply to the document ([`super::Dialect::limitations`]), applied to each field and
//! recorded in [`Field::unstated`](crate::ir::Field).
//!
//! A fact the doc states (a nullable marker, a `null` example, an `int`) is never
//! marked: only what the dialect cannot show at all for that kind of field. A `null`
//! example makes a field nullable where its dialect cannot show nullability, and is
//! dropped where the type cell states the field non-null.

use super::dialect::Loss;
use super::Dialect;
use crate::ir::{Field, Format, ModelKind, Type};

/// Marks the unstated facts of every field of `kind`, read in `dialect` from `text`
/// (flavour-specific limitations count where `text` shows the flavour).
pub fn mark(kind: &mut ModelKind, dialect: Dialect, text: &str) {
    let ModelKind::Object(o) = kind else {
        return;
    };
    let lost: Vec<Loss> = dialect
        .limitations()
        .iter()
        .filter(|l| l.applies(std::iter::once(text)))
        .flat_map(|l| l.losses.iter().copied())
        .collect();
    for f in &mut o.fields {
        mark_field(f, &lost);
    }
}

fn mark_field(f: &mut Field, lost: &[Loss]) {
    let container = matches!(f.ty, Type::Array(_) | Type::Map(_));
    let date = matches!(f.ty, Type::String(Some(Format::Date | Format::DateTime)));
    let null_unknown = lost.iter().any(|l| match l {
        Loss::Nullability => true,
        Loss::OptionalNullability => !f.required,
        Loss::ContainerNullability => container,
        Loss::DateNullability => date,
        _ => false,
    });
    // A `null` example (the spec's example is null) states what the type cell cannot
    // show; where the type cell states non-null, it is no example of the field.
    if f.examples.iter().any(serde_json::Value::is_null) {
        f.nullable |= null_unknown;
        if !f.nullable {
            f.examples.retain(|v| !v.is_null());
        }
    }
    f.unstated.nullable = null_unknown && !f.nullable;
    if lost.contains(&Loss::IntegerVsNumber) {
        let mut number = false;
        f.ty.visit(&mut |t| number |= matches!(t, Type::Number(None)));
        f.unstated.integer_or_float = number;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Object;

    fn field(ty: Type, required: bool, nullable: bool) -> Field {
        Field {
            nullable,
            ..crate::ir::test_values::field("f", ty, required)
        }
    }

    fn marked(dialect: Dialect, f: Field) -> Field {
        let mut kind = ModelKind::Object(Object {
            fields: vec![f],
            additional_properties: None,
        });
        mark(&mut kind, dialect, "");
        let ModelKind::Object(mut o) = kind else {
            unreachable!()
        };
        o.fields.remove(0)
    }

    #[test]
    fn go_pointers_hide_optional_nullability_only() {
        let f = marked(Dialect::Go, field(Type::STRING, false, false));
        assert!(f.unstated.nullable);
        let f = marked(Dialect::Go, field(Type::STRING, true, false));
        assert!(!f.unstated.nullable);
    }

    #[test]
    fn stated_facts_are_not_marked() {
        // A nullable marker (or null example) states it.
        let f = marked(Dialect::TypeScript, field(Type::STRING, true, true));
        assert!(!f.unstated.nullable);
        // Python shows optional nullability, but not on containers.
        let f = marked(Dialect::Python, field(Type::STRING, false, false));
        assert!(!f.unstated.nullable);
        let list = Type::Array(Box::new(Type::STRING));
        assert!(
            marked(Dialect::Python, field(list, false, false))
                .unstated
                .nullable
        );
    }

    #[test]
    fn typescript_numbers_hide_integer_vs_float() {
        let ty = Type::Array(Box::new(Type::NUMBER));
        assert!(
            marked(Dialect::TypeScript, field(ty, true, false))
                .unstated
                .integer_or_float
        );
        let f = marked(Dialect::Go, field(Type::NUMBER, true, false));
        assert!(!f.unstated.integer_or_float);
    }
}
