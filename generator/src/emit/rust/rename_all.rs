//! serde `rename_all` rules: one container attribute instead of a `rename` on
//! every field or variant whose wire name a rule derives from its identifier.
//!
//! The functions here reproduce what serde_derive makes of an identifier under
//! each rule, so that the emitter can tell which names a rule gets right; the
//! names it gets wrong keep their own `rename`.

/// Rules tried for struct fields, in order of preference.
const FIELD_RULES: [&str; 5] = [
    "camelCase",
    "PascalCase",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
];

/// Rules tried for enum variants, in order of preference.
const VARIANT_RULES: [&str; 7] = [
    "lowercase",
    "UPPERCASE",
    "camelCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
];

/// What a container rule names a field or a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// snake_case struct fields.
    Field,
    /// UpperCamelCase enum variants.
    Variant,
}

/// The rule that names more of `names` (unraw identifier, wire name) right than
/// the identifiers themselves do, if any; ties go to the earlier rule.
pub(super) fn best_rule<'a>(
    target: Target,
    names: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> Option<&'static str> {
    let hits = |rule: Option<&str>| {
        names
            .clone()
            .filter(|(ident, wire)| apply(target, rule, ident).as_deref() == Some(*wire))
            .count()
    };
    let plain = hits(None);
    let rules: &[&'static str] = match target {
        Target::Field => &FIELD_RULES,
        Target::Variant => &VARIANT_RULES,
    };
    let mut best: Option<(&'static str, usize)> = None;
    for &rule in rules {
        let n = hits(Some(rule));
        if n > plain && best.map_or(true, |(_, b)| n > b) {
            best = Some((rule, n));
        }
    }
    best.map(|(rule, _)| rule)
}

/// The wire name serde derives for `ident` under `rule` (`None`: no rule, the
/// identifier itself); `None` where serde would reject the identifier.
pub(super) fn apply(target: Target, rule: Option<&str>, ident: &str) -> Option<String> {
    let Some(rule) = rule else {
        return Some(ident.to_string());
    };
    match target {
        Target::Field => field_case(rule, ident),
        Target::Variant => variant_case(rule, ident),
    }
}

fn field_case(rule: &str, field: &str) -> Option<String> {
    let pascal = || {
        let mut out = String::with_capacity(field.len());
        let mut capitalize = true;
        for c in field.chars() {
            if c == '_' {
                capitalize = true;
            } else if capitalize {
                out.push(c.to_ascii_uppercase());
                capitalize = false;
            } else {
                out.push(c);
            }
        }
        out
    };
    Some(match rule {
        "PascalCase" => pascal(),
        "camelCase" => lower_first(&pascal())?,
        "SCREAMING_SNAKE_CASE" => field.to_ascii_uppercase(),
        "kebab-case" => field.replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => field.to_ascii_uppercase().replace('_', "-"),
        _ => return None,
    })
}

fn variant_case(rule: &str, variant: &str) -> Option<String> {
    let snake = || {
        let mut out = String::with_capacity(variant.len() + 4);
        for (i, c) in variant.char_indices() {
            if i > 0 && c.is_uppercase() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    };
    Some(match rule {
        "lowercase" => variant.to_ascii_lowercase(),
        "UPPERCASE" => variant.to_ascii_uppercase(),
        "camelCase" => lower_first(variant)?,
        "snake_case" => snake(),
        "SCREAMING_SNAKE_CASE" => snake().to_ascii_uppercase(),
        "kebab-case" => snake().replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => snake().to_ascii_uppercase().replace('_', "-"),
        _ => return None,
    })
}

/// The name with its first character lowercased; `None` when the first
/// character is not ASCII (serde slices one byte there) or the name is empty.
fn lower_first(name: &str) -> Option<String> {
    let first = name.chars().next().filter(char::is_ascii)?;
    Some(first.to_ascii_lowercase().to_string() + &name[1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(rule: &str, name: &str) -> String {
        apply(Target::Field, Some(rule), name).unwrap()
    }

    fn variant(rule: &str, name: &str) -> String {
        apply(Target::Variant, Some(rule), name).unwrap()
    }

    #[test]
    fn field_rules() {
        assert_eq!(field("PascalCase", "remote_id"), "RemoteId");
        assert_eq!(field("camelCase", "remote_id"), "remoteId");
        assert_eq!(field("camelCase", "id"), "id");
        assert_eq!(field("camelCase", "_id"), "id");
        assert_eq!(field("PascalCase", "type"), "Type");
        assert_eq!(field("SCREAMING_SNAKE_CASE", "max_len"), "MAX_LEN");
        assert_eq!(field("kebab-case", "max_len"), "max-len");
        assert_eq!(field("SCREAMING-KEBAB-CASE", "max_len"), "MAX-LEN");
        assert_eq!(apply(Target::Field, Some("camelCase"), "_"), None);
    }

    #[test]
    fn variant_rules() {
        assert_eq!(
            variant("SCREAMING_SNAKE_CASE", "UnmappedValue"),
            "UNMAPPED_VALUE"
        );
        assert_eq!(variant("kebab-case", "DateTime"), "date-time");
        assert_eq!(variant("camelCase", "DateTime"), "dateTime");
        assert_eq!(variant("UPPERCASE", "Af"), "AF");
        assert_eq!(variant("snake_case", "_2Fa"), "_2_fa");
    }

    #[test]
    fn best_rule_counts_hits_against_the_plain_identifiers() {
        let names = [
            ("Af", "AF"),
            ("Al", "AL"),
            ("UnmappedValue", "unmapped_value"),
        ];
        assert_eq!(
            best_rule(Target::Variant, names.iter().copied()),
            Some("UPPERCASE")
        );
        let names = [("Open", "Open"), ("Closed", "Closed")];
        assert_eq!(best_rule(Target::Variant, names.iter().copied()), None);
        // One hit is not worth a rule when the identifiers already get one right.
        let names = [("id", "id"), ("remote_id", "RemoteId")];
        assert_eq!(best_rule(Target::Field, names.iter().copied()), None);
        let names = [("id", "id"), ("remote_id", "remoteId")];
        assert_eq!(
            best_rule(Target::Field, names.iter().copied()),
            Some("camelCase")
        );
    }
}
