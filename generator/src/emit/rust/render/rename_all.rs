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
    // One buffer for every candidate name: this runs for every value of every enum.
    let mut buf = String::new();
    let mut hits = |rule: Option<&str>| {
        names
            .clone()
            .filter(|(ident, wire)| write_case(target, rule, ident, &mut buf) && buf == *wire)
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

/// Whether serde names `ident` `wire` under `rule` (`None`: no rule, the identifier itself).
pub(super) fn names_right(target: Target, rule: Option<&str>, ident: &str, wire: &str) -> bool {
    let mut buf = String::with_capacity(wire.len());
    write_case(target, rule, ident, &mut buf) && buf == wire
}

/// The wire name serde derives for `ident` under `rule` (`None`: no rule, the
/// identifier itself); `None` where serde would reject the identifier.
#[cfg(test)]
fn apply(target: Target, rule: Option<&str>, ident: &str) -> Option<String> {
    let mut out = String::new();
    write_case(target, rule, ident, &mut out).then_some(out)
}

/// Writes what `rule` makes of `ident` into `out` (cleared first); `false` where
/// serde would reject the identifier or the rule is unknown.
fn write_case(target: Target, rule: Option<&str>, ident: &str, out: &mut String) -> bool {
    out.clear();
    let Some(rule) = rule else {
        out.push_str(ident);
        return true;
    };
    match target {
        Target::Field => field_case(rule, ident, out),
        Target::Variant => variant_case(rule, ident, out),
    }
}

fn field_case(rule: &str, field: &str, out: &mut String) -> bool {
    let pascal = |out: &mut String| {
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
    };
    match rule {
        "PascalCase" => pascal(out),
        "camelCase" => {
            pascal(out);
            return lower_first(out);
        }
        "SCREAMING_SNAKE_CASE" => out.extend(field.chars().map(|c| c.to_ascii_uppercase())),
        "kebab-case" => out.extend(field.chars().map(|c| if c == '_' { '-' } else { c })),
        "SCREAMING-KEBAB-CASE" => out.extend(field.chars().map(|c| match c {
            '_' => '-',
            c => c.to_ascii_uppercase(),
        })),
        _ => return false,
    }
    true
}

fn variant_case(rule: &str, variant: &str, out: &mut String) -> bool {
    // serde's snake_case of a variant: `_` before every uppercase letter but the first.
    let snake = |out: &mut String, sep: char, upper: bool| {
        for (i, c) in variant.char_indices() {
            if i > 0 && c.is_uppercase() {
                out.push(sep);
            }
            out.push(if upper {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
        }
    };
    match rule {
        "lowercase" => out.extend(variant.chars().map(|c| c.to_ascii_lowercase())),
        "UPPERCASE" => out.extend(variant.chars().map(|c| c.to_ascii_uppercase())),
        "camelCase" => {
            out.push_str(variant);
            return lower_first(out);
        }
        "snake_case" => snake(out, '_', false),
        "SCREAMING_SNAKE_CASE" => snake(out, '_', true),
        "kebab-case" => snake(out, '-', false),
        "SCREAMING-KEBAB-CASE" => snake(out, '-', true),
        _ => return false,
    }
    true
}

/// Lowercases the first character of `name` in place; `false` when it is empty or
/// its first character is not ASCII (serde slices one byte there).
fn lower_first(name: &mut String) -> bool {
    match name.chars().next() {
        Some(first) if first.is_ascii() => {
            let lower = first.to_ascii_lowercase();
            name.replace_range(..1, lower.encode_utf8(&mut [0; 4]));
            true
        }
        _ => false,
    }
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
