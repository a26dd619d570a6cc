//! What a user reads when a payload does not fit a union: the union, the member the
//! tag or the keys chose and that member's own error with its position, or every
//! member tried. Pinned as insta snapshots of the `features` case's unions.

use modeldoc_golden::features::{Adopter, Contact, PetEvent};
use serde::de::DeserializeOwned;

/// The error of reading `json` as `T` (the test fails if it reads).
fn error<T: DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    match serde_json::from_str::<T>(json) {
        Ok(v) => panic!("{json} was read as {v:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_tag_names_the_member_whose_error_is_shown() {
    insta::assert_snapshot!(
        "tag_selects_member",
        error::<PetEvent>(r#"{"kind": "adopted", "owner": null}"#)
    );
    insta::assert_snapshot!(
        "tag_selects_member_wrong_type",
        error::<PetEvent>(r#"{"kind": "returned", "pet_id": "seven"}"#)
    );
}

#[test]
fn an_unknown_or_missing_tag_lists_the_values_expected() {
    insta::assert_snapshot!(
        "tag_unknown",
        error::<PetEvent>(r#"{"kind": "lost", "pet_id": 7}"#)
    );
    insta::assert_snapshot!("tag_missing", error::<PetEvent>(r#"{"pet_id": 7}"#));
}

#[test]
fn keys_name_the_member_they_select() {
    insta::assert_snapshot!(
        "keys_select_member",
        error::<Adopter>(r#"{"address": "a@example.com", "verified": "yes"}"#)
    );
}

#[test]
fn without_a_choice_every_member_tried_is_listed() {
    insta::assert_snapshot!("untagged_tried", error::<Contact>("42"));
    insta::assert_snapshot!("not_an_object", error::<Adopter>("[]"));
}

#[test]
fn good_payloads_still_read() {
    let event: PetEvent = serde_json::from_str(r#"{"kind": "returned", "pet_id": 7}"#).unwrap();
    assert!(matches!(event, PetEvent::Returned(_)));
    let adopter: Adopter = serde_json::from_str(r#"{"address": "a@example.com"}"#).unwrap();
    assert!(matches!(adopter, Adopter::Email(_)));
    let contact: Contact = serde_json::from_str(r#""a@example.com""#).unwrap();
    assert!(matches!(contact, Contact::String(_)));
}
