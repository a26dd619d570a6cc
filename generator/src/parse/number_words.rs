//! Undoing Speakeasy's spelled-out leading digits.
//!
//! Identifiers cannot start with a digit, so the generator spells a leading
//! number out in English words: schema `757f4961…` becomes class
//! `SevenHundredAndFiftySevenf4961…`, property `2021` becomes field
//! `two_thousand_and_twenty_one`. The words are unambiguous enough to read
//! back, but only where a real name would not look the same:
//! * class names: number words directly followed by a lowercase hex letter
//!   (`Sixa65b…`, `Eightcf19…`) — a word boundary no PascalCase name has;
//! * field names: a whole snake_case name of at least two number words.

/// Number words with their values; `scale` words multiply.
const WORDS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("and", 0),
];

/// The value of a word sequence (`["seven", "hundred", "and", "fifty", "seven"]` → 757),
/// if it is a number with at least one digit word.
fn value(words: &[&str]) -> Option<u64> {
    let mut total: u64 = 0;
    let mut group: u64 = 0;
    let mut digits = false;
    for w in words {
        let &(_, v) = WORDS.iter().find(|(name, _)| name == w)?;
        match *w {
            "and" => {}
            "hundred" => group = group.max(1).checked_mul(100)?,
            "thousand" | "million" | "billion" => {
                total = total.checked_add(group.max(1).checked_mul(v)?)?;
                group = 0;
            }
            _ => {
                group = group.checked_add(v)?;
                digits = true;
            }
        }
    }
    digits.then(|| total + group)
}

/// `SevenHundredAndFiftySevenf4961b…` → `757f4961b…`; `None` when the name does
/// not start with capitalised number words followed by a lowercase hex letter.
pub fn unspell_pascal(name: &str) -> Option<String> {
    let mut words = Vec::new();
    let mut rest = name;
    loop {
        let next = WORDS
            .iter()
            .filter(|(w, _)| {
                let mut chars = w.chars();
                let first = chars.next().map(|c| c.to_ascii_uppercase());
                rest.starts_with(|c| Some(c) == first) && rest[1..].starts_with(chars.as_str())
            })
            .max_by_key(|(w, _)| w.len());
        match next {
            Some((w, _)) => {
                words.push(*w);
                rest = &rest[w.len()..];
            }
            None => break,
        }
    }
    if !rest.starts_with(|c: char| matches!(c, 'a'..='f')) {
        return None;
    }
    Some(format!("{}{rest}", value(&words)?))
}

/// `two_thousand_and_twenty_one` → `2021`; `None` unless the whole name is two or more number words.
pub fn unspell_snake(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split('_').collect();
    if words.len() < 2 {
        return None;
    }
    value(&words).map(|v| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_from_the_wingspan_sdk() {
        let cases = [
            ("SevenHundredAndFiftySevenf4961b9", "757f4961b9"),
            ("FourThousandAndNinetyOnec2911630", "4091c2911630"),
            ("Eighta9c6cb49", "8a9c6cb49"),
            ("Twelved9f9a45", "12d9f9a45"),
            ("Ninetyf96495b0", "90f96495b0"),
            ("Fourteenabbd45", "14abbd45"),
            (
                "SixtyFourMillionEightHundredAndFortySixThousandOneHundredAndThirtySixa354aa",
                "64846136a354aa",
            ),
            (
                "ThreeBillionOneHundredAndNinetyMillionSixHundredAndEightyFiveThousandEightHundredAndThirtyTwoa4970525",
                "3190685832a4970525",
            ),
        ];
        for (class, schema) in cases {
            assert_eq!(unspell_pascal(class).as_deref(), Some(schema), "{class}");
        }
    }

    #[test]
    fn ordinary_class_names_are_left_alone() {
        for name in [
            "OneTimePayment",
            "Two",
            "Fiveways",
            "SixteenthCentury",
            "Status42f0",
            "Andb1",
            "Ce853dbef",
        ] {
            assert_eq!(unspell_pascal(name), None, "{name}");
        }
    }

    #[test]
    fn field_names() {
        assert_eq!(
            unspell_snake("two_thousand_and_twenty_one").as_deref(),
            Some("2021")
        );
        assert_eq!(unspell_snake("twenty_two").as_deref(), Some("22"));
        assert_eq!(unspell_snake("one"), None);
        assert_eq!(unspell_snake("one_time"), None);
        assert_eq!(unspell_snake("and_and"), None);
    }
}
