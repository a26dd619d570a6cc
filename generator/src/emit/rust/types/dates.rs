//! `date` / `date-time` strings as chrono, time or jiff types.
//!
//! chrono and jiff types serialize as RFC 3339 / ISO 8601 out of the box. `time`'s own
//! serde format is not RFC 3339, so the `time` mapping wraps its types in small newtypes
//! (module [`MODULE`] of the output) that read and write the docs' wire format.

use proc_macro2::TokenStream;
use quote::quote;

use super::RefStyle;
use crate::emit::rust::tokens::{ident, manual_json_schema};
use crate::ir::Format;
use crate::options::DateMapping;

/// The module holding the `time` wrappers.
pub(in crate::emit::rust) const MODULE: &str = "dates";

/// The Rust type of a date (`Format::Date`) or date-time; `None` keeps `String`.
pub(in crate::emit::rust) fn rust_type(
    mapping: DateMapping,
    format: Format,
    refs: RefStyle,
) -> Option<TokenStream> {
    let date = format == Format::Date;
    Some(match mapping {
        DateMapping::String => return None,
        DateMapping::Chrono if date => quote!(chrono::NaiveDate),
        DateMapping::Chrono => quote!(chrono::DateTime<chrono::FixedOffset>),
        DateMapping::Jiff if date => quote!(jiff::civil::Date),
        DateMapping::Jiff => quote!(jiff::Timestamp),
        DateMapping::Time => {
            let module = ident(MODULE);
            let prefix = match refs {
                RefStyle::Local => quote!(#module),
                RefStyle::Super => quote!(super::#module),
            };
            if date {
                quote!(#prefix::Date)
            } else {
                quote!(#prefix::DateTime)
            }
        }
    })
}

/// The `dates` module: `time` types with the docs' wire formats (and their
/// `schemars::JsonSchema` when `schemars` is on).
pub(in crate::emit::rust) fn time_module(schemars: bool) -> TokenStream {
    let module = ident(MODULE);
    let schemas = schemars.then(|| {
        let date = manual_json_schema(
            "Date",
            &serde_json::json!({ "type": "string", "format": "date" }),
        );
        let date_time = manual_json_schema(
            "DateTime",
            &serde_json::json!({ "type": "string", "format": "date-time" }),
        );
        quote!(#date #date_time)
    });
    quote! {
        /// `time` types that read and write the docs' formats: `YYYY-MM-DD` dates and RFC 3339 date-times.
        pub mod #module {
            /// A calendar date, `YYYY-MM-DD` on the wire.
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct Date(pub time::Date);

            /// An instant with its UTC offset, RFC 3339 on the wire.
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct DateTime(pub time::OffsetDateTime);

            impl serde::Serialize for Date {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    let text = self
                        .0
                        .format(time::macros::format_description!("[year]-[month]-[day]"))
                        .map_err(serde::ser::Error::custom)?;
                    serializer.serialize_str(&text)
                }
            }

            impl<'de> serde::Deserialize<'de> for Date {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                    time::Date::parse(&text, time::macros::format_description!("[year]-[month]-[day]"))
                        .map(Date)
                        .map_err(serde::de::Error::custom)
                }
            }

            impl serde::Serialize for DateTime {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    let text = self
                        .0
                        .format(&time::format_description::well_known::Rfc3339)
                        .map_err(serde::ser::Error::custom)?;
                    serializer.serialize_str(&text)
                }
            }

            impl<'de> serde::Deserialize<'de> for DateTime {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                    time::OffsetDateTime::parse(&text, &time::format_description::well_known::Rfc3339)
                        .map(DateTime)
                        .map_err(serde::de::Error::custom)
                }
            }

            #schemas
        }
    }
}
