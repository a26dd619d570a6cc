//! A model-name suffix the SDK generator added to every model (openapi-generator's
//! `modelNameSuffix`: `AddressDTO` for the spec's `Address`), found and taken off.
//!
//! The docs title each model with its SDK class name. When every model of a doc set
//! (at least [`MIN_MODELS`]) ends in the same capitalised word, and each name without
//! it is still a name, unique and not another model's, the word is the generator's, not
//! the API's: the models get their spec names back, with one note. A name the user
//! chose (`[models] rename`) is kept as chosen.

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, Diagnostics};

use super::LoadedDoc;

/// Fewer models than this never show a generator's suffix: the evidence is too thin.
pub const MIN_MODELS: usize = 10;

/// Longest suffix considered (`DTO`, `Model`, `Schema`, `Resource`).
const MAX_SUFFIX: usize = 12;

/// The suffix every model name of `docs` shares, if it is a generator's.
pub fn common_suffix(names: &[&str]) -> Option<String> {
    if names.len() < MIN_MODELS {
        return None;
    }
    let common = names[1..]
        .iter()
        .fold(names[0], |tail, n| shared_tail(tail, n));
    // The longest part of it that starts a word: an uppercase letter after a lowercase
    // letter or a digit in every name (`AddressDTO`: `DTO`; not `ss` of `Address`).
    let suffix = common
        .char_indices()
        .filter(|&(_, c)| c.is_ascii_uppercase())
        .map(|(i, _)| &common[i..])
        .find(|s| {
            s.len() <= MAX_SUFFIX
                && s.chars().all(|c| c.is_ascii_alphanumeric())
                && names.iter().all(|n| {
                    let stem = &n[..n.len() - s.len()];
                    stem.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                        && stem
                            .chars()
                            .last()
                            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                })
        })?;
    let stems: BTreeSet<&str> = names.iter().map(|n| &n[..n.len() - suffix.len()]).collect();
    let all: BTreeSet<&str> = names.iter().copied().collect();
    let unique = stems.len() == names.len() && stems.iter().all(|s| !all.contains(s));
    unique.then(|| suffix.to_string())
}

/// The longest suffix of `a` that `b` also ends with.
fn shared_tail<'a>(a: &'a str, b: &str) -> &'a str {
    let mut start = a.len();
    for ((i, x), y) in a.char_indices().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        start = i;
    }
    &a[start..]
}

/// The names of `docs` without the generator's suffix (`explicit` names kept), with one
/// note; `None` when the doc set shows none.
pub fn strip(
    docs: &[LoadedDoc],
    explicit: &[Option<String>],
    diags: &mut Diagnostics,
) -> Option<Vec<Option<String>>> {
    let names: Vec<&str> = docs.iter().map(|d| d.doc.model.name.as_str()).collect();
    let suffix = common_suffix(&names)?;
    let first = docs.first()?;
    diags.push(
        Diagnostic::note(
            first.doc.model.span.clone(),
            format!(
                "all {} model names end in `{suffix}`, a suffix the SDK generator adds \
                 (`{}` is named `{}`); it is left out of every name",
                names.len(),
                names[0],
                &names[0][..names[0].len() - suffix.len()],
            ),
        )
        .with_hint("name a model yourself with `[models] rename` (`--rename-model NAME=NewName`)"),
    );
    Some(
        docs.iter()
            .zip(explicit)
            .map(|(d, e)| {
                e.clone().or_else(|| {
                    let n = &d.doc.model.name;
                    Some(n[..n.len() - suffix.len()].to_string())
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::common_suffix;

    fn names(stems: &[&str], suffix: &str) -> Vec<String> {
        stems.iter().map(|s| format!("{s}{suffix}")).collect()
    }

    const STEMS: [&str; 10] = [
        "Address", "Account", "Payment", "Quote", "Rail", "Token", "Error", "Status", "Bank",
        "Identity",
    ];

    #[test]
    fn a_suffix_on_every_model_is_the_generators() {
        let n = names(&STEMS, "DTO");
        let refs: Vec<&str> = n.iter().map(String::as_str).collect();
        assert_eq!(common_suffix(&refs).as_deref(), Some("DTO"));
        let n = names(&STEMS, "Model");
        let refs: Vec<&str> = n.iter().map(String::as_str).collect();
        assert_eq!(common_suffix(&refs).as_deref(), Some("Model"));
    }

    #[test]
    fn no_suffix_when_one_model_lacks_it_or_the_set_is_small() {
        let mut n = names(&STEMS, "DTO");
        n.push("Plain".into());
        let refs: Vec<&str> = n.iter().map(String::as_str).collect();
        assert_eq!(common_suffix(&refs), None);
        let n = names(&STEMS[..9], "DTO");
        let refs: Vec<&str> = n.iter().map(String::as_str).collect();
        assert_eq!(common_suffix(&refs), None);
    }

    #[test]
    fn no_suffix_that_splits_a_word_or_makes_names_collide() {
        // `...Status` everywhere: `Status` is not preceded by a lowercase letter in `XStatus`.
        let n: Vec<String> = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]
            .iter()
            .map(|s| format!("{s}Status"))
            .collect();
        let refs: Vec<&str> = n.iter().map(String::as_str).collect();
        assert_eq!(common_suffix(&refs), None);
        // Without the suffix two names would be one.
        let mut n = names(&STEMS, "Dto");
        n.push("AddressDto".into());
        n.push("Address".into());
        let refs: Vec<&str> = n.iter().map(String::as_str).collect();
        assert_eq!(common_suffix(&refs), None);
    }
}
