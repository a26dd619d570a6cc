//! Serde's derives as modeldoc wrote them for structs before the `serde_struct!`
//! tables: the reference `tests/serde_tables.rs` compares the tables with, and the
//! baseline of `benches/serde_runtime.rs`. Included with `#[path]` by both.

// Each includer uses a part of the mirrors.
#![allow(dead_code)]

mod nulls {
    //! The helpers derived structs use (as in the output's `serde_nulls`).

    pub fn non_null<'de, T, D>(d: D) -> Result<Option<T>, D::Error>
    where
        T: serde::Deserialize<'de>,
        D: serde::Deserializer<'de>,
    {
        T::deserialize(d).map(Some)
    }

    pub mod double_option {
        pub fn serialize<T, S>(v: &Option<Option<T>>, s: S) -> Result<S::Ok, S::Error>
        where
            T: serde::Serialize,
            S: serde::Serializer,
        {
            match v {
                Some(inner) => serde::Serialize::serialize(inner, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, T, D>(d: D) -> Result<Option<Option<T>>, D::Error>
        where
            T: serde::Deserialize<'de>,
            D: serde::Deserializer<'de>,
        {
            <Option<T> as serde::Deserialize>::deserialize(d).map(Some)
        }
    }
}

pub mod derived {
    //! The mirrors, named as the generated types (serde's messages name the type).

    use serde::{Deserialize, Serialize};

    /// `UserApiKey` as modeldoc derived it before the tables.
    #[derive(Debug, Serialize, Deserialize)]
    pub struct UserApiKey {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "super::nulls::non_null"
        )]
        pub alias: Option<String>,
        #[serde(deserialize_with = "Option::deserialize")]
        pub creation_time: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "super::nulls::non_null"
        )]
        pub expiration_time: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "super::nulls::non_null"
        )]
        pub key: Option<String>,
        #[serde(deserialize_with = "Option::deserialize")]
        pub key_id: Option<String>,
        #[serde(deserialize_with = "Option::deserialize")]
        pub org_id: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "super::nulls::non_null"
        )]
        pub revoked: Option<bool>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "super::nulls::double_option"
        )]
        pub scopes: Option<Option<Vec<String>>>,
        #[serde(deserialize_with = "Option::deserialize")]
        pub user_id: Option<String>,
    }

    /// The fixtures' `Cat` (two required fields), derived.
    #[derive(Debug, Serialize, Deserialize)]
    pub struct Cat {
        pub name: String,
        pub lives: i64,
    }
}
