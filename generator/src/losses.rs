//! What each dialect's docs lose, as data: the table [`losses`] keyed by [`Dialect`].
//!
//! The human-readable side of the same facts is [`Dialect::limitations`]; this
//! table is what [`crate::merge`] uses to tell a side that cannot show a fact
//! from one that contradicts another (and what `modeldoc-compare` uses to tell an
//! expected difference between two doc sets from a surprising one).

use std::fmt;

use serde::Serialize;

use crate::parse::Dialect;

/// One kind of fact a dialect's docs do not show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Loss {
    /// No field is marked nullable (only some `null` examples show it).
    Nullability,
    /// An optional field's nullability is not shown (Go: one pointer for both).
    OptionalNullability,
    /// Arrays and maps are never wrapped in a nullable marker.
    ContainerNullability,
    /// Dates and date-times are never wrapped in a nullable marker.
    DateNullability,
    /// Integer and float widths (`int32`/`int64`, `float`/`double`) are not shown.
    NumericWidths,
    /// Integers and numbers share one type name (TypeScript `number`).
    IntegerVsNumber,
    /// `date` and `date-time` look the same.
    DateVsDateTime,
    /// Field names are SDK names in the language's case convention, not JSON names.
    WireCase,
    /// Union docs do not list their members (the union becomes any JSON value).
    UnionMembers,
    /// Const values are not shown: a const field shows only its value's type.
    ConstValues,
}

impl Loss {
    /// A short description, as used in reports.
    pub fn describe(self) -> &'static str {
        match self {
            Loss::Nullability => "nullability not shown",
            Loss::OptionalNullability => "optional fields' nullability not shown",
            Loss::ContainerNullability => "nullable arrays and maps not shown",
            Loss::DateNullability => "nullable dates not shown",
            Loss::NumericWidths => "int/float widths not shown",
            Loss::IntegerVsNumber => "integer vs number not shown",
            Loss::DateVsDateTime => "date vs date-time not shown",
            Loss::WireCase => "wire names in SDK case convention",
            Loss::UnionMembers => "union members not listed",
            Loss::ConstValues => "const values not shown",
        }
    }
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// What `dialect`'s docs lose.
///
/// Python describes the pydantic style (mid 2024 on); the older dataclasses
/// style also loses optional fields' nullability (`Optional[T]` means both).
/// The nullability losses also drive leniency ([`crate::parse::unstated`]).
pub fn losses(dialect: Dialect) -> &'static [Loss] {
    use Loss::*;
    match dialect {
        Dialect::Python => &[
            NumericWidths,
            ContainerNullability,
            DateNullability,
            WireCase,
        ],
        Dialect::TypeScript => &[Nullability, NumericWidths, IntegerVsNumber, WireCase],
        Dialect::Go => &[
            OptionalNullability,
            ContainerNullability,
            WireCase,
            ConstValues,
        ],
        Dialect::Java => &[UnionMembers, WireCase, ConstValues],
        // C# renders `T` for nullable and non-nullable alike; PHP `?T` for optional
        // fields and `T` for required nullable ones; Ruby `Nilable` for optional fields.
        Dialect::CSharp | Dialect::Php => &[Nullability, WireCase, ConstValues],
        Dialect::Ruby => &[OptionalNullability, UnionMembers, WireCase, ConstValues],
        Dialect::OpenApiGenerator => &[],
    }
}
