//! Comparing two field types, with the explanation a dialect loss gives.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::{normalize, Class, Explanation, Loss, Side};
use modeldoc::ir::{Format, Type};

/// One difference between two types: its class, a short detail and maybe an explanation.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TypeDiff {
    pub class: Class,
    pub detail: String,
    pub explained_by: Option<Explanation>,
}

/// The losses of both sides, indexed by [`Side::index`].
#[derive(Debug, Clone)]
pub(super) struct Cx<'a> {
    pub losses: [&'a [Loss]; 2],
    /// Paired model names (A, B): a ref to one is a ref to the other.
    pub pairs: BTreeSet<(String, String)>,
}

impl Cx<'_> {
    /// `loss` if `side` has it.
    pub fn explain(&self, side: Side, loss: Loss) -> Option<Explanation> {
        self.losses[side.index()]
            .contains(&loss)
            .then_some(Explanation { side, loss })
    }

    /// `loss` of side A, else of side B.
    pub fn explain_either(&self, loss: Loss) -> Option<Explanation> {
        self.explain(Side::A, loss)
            .or_else(|| self.explain(Side::B, loss))
    }

    /// Why `side` may show no `null` for a value of type `ty`; `required` is
    /// `None` below field level.
    pub fn null_loss(&self, side: Side, ty: &Type, required: Option<bool>) -> Option<Explanation> {
        let container = match ty {
            Type::Array(_) | Type::Map(_) => Some(Loss::ContainerNullability),
            Type::String(Some(Format::Date | Format::DateTime)) => Some(Loss::DateNullability),
            _ => None,
        };
        self.explain(side, Loss::Nullability)
            .or_else(|| {
                (required == Some(false))
                    .then(|| self.explain(side, Loss::OptionalNullability))
                    .flatten()
            })
            .or_else(|| container.and_then(|loss| self.explain(side, loss)))
    }

    /// Whether two types are the same up to explained differences.
    pub fn same(&self, a: &Type, b: &Type) -> bool {
        self.diff(a, b).map_or(true, |d| d.explained_by.is_some())
    }

    /// The most important difference between `a` (side A) and `b` (side B):
    /// a kind difference wins over a nullability one, which wins over a format one.
    pub fn diff(&self, a: &Type, b: &Type) -> Option<TypeDiff> {
        let diff = |class, detail: String, explained_by| {
            Some(TypeDiff {
                class,
                detail,
                explained_by,
            })
        };
        match (a, b) {
            (Type::Nullable(x), Type::Nullable(y)) => self.diff(x, y),
            (Type::Nullable(x), y) => self.nested_null(x, y, Side::B),
            (x, Type::Nullable(y)) => self.nested_null(y, x, Side::A),
            (Type::String(f), Type::String(g))
            | (Type::Integer(f), Type::Integer(g))
            | (Type::Number(f), Type::Number(g)) => self.format(*f, *g),
            (Type::Integer(_), Type::Number(_)) => diff(
                Class::Kind,
                format!("{} vs {}", show(a), show(b)),
                self.explain(Side::B, Loss::IntegerVsNumber),
            ),
            (Type::Number(_), Type::Integer(_)) => diff(
                Class::Kind,
                format!("{} vs {}", show(a), show(b)),
                self.explain(Side::A, Loss::IntegerVsNumber),
            ),
            (Type::Boolean, Type::Boolean) | (Type::Any, Type::Any) => None,
            (Type::Array(x), Type::Array(y)) => self.diff(x, y).map(|d| d.within("items")),
            (Type::Map(x), Type::Map(y)) => self.diff(x, y).map(|d| d.within("values")),
            (Type::Ref(x), Type::Ref(y))
                if normalize(x) == normalize(y) || self.pairs.contains(&(x.clone(), y.clone())) =>
            {
                None
            }
            (Type::Enum(x), Type::Enum(y)) if same_values(x, y) => None,
            (Type::Const(x), Type::Const(y)) if x == y => None,
            (Type::Enum(_) | Type::Const(_), Type::Enum(_) | Type::Const(_)) => diff(
                Class::EnumValues,
                format!("{} vs {}", show(a), show(b)),
                None,
            ),
            (Type::Union(xs), Type::Union(ys)) => {
                let (only_a, only_b) = self.unpaired(xs, ys);
                if only_a.is_empty() && only_b.is_empty() {
                    return None;
                }
                diff(Class::UnionMembers, members_detail(&only_a, &only_b), None)
            }
            _ => diff(Class::Kind, format!("{} vs {}", show(a), show(b)), None),
        }
    }

    /// `x` (nullable on one side) against `other`, which lacks the `null`, on side `lacking`.
    fn nested_null(&self, x: &Type, other: &Type, lacking: Side) -> Option<TypeDiff> {
        let (a, b) = match lacking {
            Side::B => (x, other),
            Side::A => (other, x),
        };
        match self.diff(a, b) {
            Some(d) if d.class != Class::Format => Some(d),
            _ => Some(TypeDiff {
                class: Class::Nullable,
                detail: format!("`null` allowed only in {}", lacking.other()),
                explained_by: self.null_loss(lacking, other, None),
            }),
        }
    }

    fn format(&self, f: Option<Format>, g: Option<Format>) -> Option<TypeDiff> {
        if f == g {
            return None;
        }
        let width = |f: Option<Format>| {
            f.map_or(true, |f| {
                matches!(
                    f,
                    Format::Int32 | Format::Int64 | Format::Float | Format::Double
                )
            })
        };
        let explained_by = match (f, g) {
            (None, _) if width(g) => self.explain(Side::A, Loss::NumericWidths),
            (_, None) if width(f) => self.explain(Side::B, Loss::NumericWidths),
            (Some(Format::Date), Some(Format::DateTime))
            | (Some(Format::DateTime), Some(Format::Date)) => {
                self.explain_either(Loss::DateVsDateTime)
            }
            _ => None,
        };
        let name = |f: Option<Format>| f.map_or("none", Format::as_str);
        Some(TypeDiff {
            class: Class::Format,
            detail: format!("format {} vs {}", name(f), name(g)),
            explained_by,
        })
    }

    /// Members of `xs` and of `ys` left without a partner (greedy, in order).
    pub fn unpaired<'t>(&self, xs: &'t [Type], ys: &'t [Type]) -> (Vec<&'t Type>, Vec<&'t Type>) {
        let mut used = vec![false; ys.len()];
        let mut only_a = Vec::new();
        for x in xs {
            let partner = (0..ys.len()).find(|&j| !used[j] && self.same(x, &ys[j]));
            match partner {
                Some(j) => used[j] = true,
                None => only_a.push(x),
            }
        }
        let only_b = ys.iter().zip(used).filter(|(_, u)| !u).map(|(y, _)| y);
        (only_a, only_b.collect())
    }
}

impl TypeDiff {
    fn within(mut self, place: &str) -> Self {
        self.detail = format!("{place}: {}", self.detail);
        self
    }
}

/// Whether two value lists hold the same values, in any order.
pub(super) fn same_values(x: &[Value], y: &[Value]) -> bool {
    x.iter().all(|v| y.contains(v)) && y.iter().all(|v| x.contains(v))
}

/// `only in A: ...; only in B: ...` for unpaired union members.
pub(super) fn members_detail(only_a: &[&Type], only_b: &[&Type]) -> String {
    let list = |ts: &[&Type]| ts.iter().map(|t| show(t)).collect::<Vec<_>>().join(", ");
    format!(
        "only in A: [{}]; only in B: [{}]",
        list(only_a),
        list(only_b)
    )
}

/// A compact rendering of a type: `array<string(date)>`, `ref User`.
pub fn show(ty: &Type) -> String {
    let with = |kind: &str, f: &Option<Format>| match f {
        Some(f) => format!("{kind}({})", f.as_str()),
        None => kind.to_string(),
    };
    match ty {
        Type::String(f) => with("string", f),
        Type::Integer(f) => with("integer", f),
        Type::Number(f) => with("number", f),
        Type::Boolean => "boolean".into(),
        Type::Any | Type::Pending(_) => "any".into(),
        Type::Array(t) => format!("array<{}>", show(t)),
        Type::Map(t) => format!("map<{}>", show(t)),
        Type::Ref(name) => format!("ref {name}"),
        Type::Enum(vs) => format!("enum{}", Value::from(vs.clone())),
        Type::Const(v) => format!("const {v}"),
        Type::Union(ts) => {
            let members: Vec<String> = ts.iter().map(show).collect();
            format!("union<{}>", members.join(" | "))
        }
        Type::Nullable(t) => format!("nullable<{}>", show(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PYTHON: &[Loss] = &[Loss::NumericWidths, Loss::ContainerNullability];
    const GO: &[Loss] = &[Loss::OptionalNullability];

    fn cx() -> Cx<'static> {
        Cx {
            losses: [PYTHON, GO],
            pairs: [("RelatedMeta".to_string(), "Metadata".to_string())].into(),
        }
    }

    fn explained_by(a: &Type, b: &Type) -> Option<Option<Explanation>> {
        cx().diff(a, b).map(|d| d.explained_by)
    }

    #[test]
    fn widths_are_explained_only_on_the_side_that_loses_them() {
        let int64 = Type::Integer(Some(Format::Int64));
        let a = Some(Explanation {
            side: Side::A,
            loss: Loss::NumericWidths,
        });
        assert_eq!(explained_by(&Type::INTEGER, &int64), Some(a));
        assert_eq!(explained_by(&int64, &Type::INTEGER), Some(None));
        let int32 = Type::Integer(Some(Format::Int32));
        assert_eq!(explained_by(&int32, &int64), Some(None));
        let date = Type::String(Some(Format::Date));
        assert_eq!(
            cx().diff(&date, &Type::STRING).map(|d| d.class),
            Some(Class::Format)
        );
        assert_eq!(explained_by(&date, &Type::STRING), Some(None));
    }

    #[test]
    fn kinds_win_over_nullability_and_formats() {
        let nullable_list = Type::Nullable(Box::new(Type::Array(Box::new(Type::STRING))));
        let d = cx().diff(&Type::Array(Box::new(Type::STRING)), &nullable_list);
        let d = d.expect("differs");
        assert_eq!(d.class, Class::Nullable);
        assert_eq!(
            d.explained_by.map(|e| e.loss),
            Some(Loss::ContainerNullability)
        );
        let d = cx().diff(&Type::Boolean, &Type::Nullable(Box::new(Type::STRING)));
        assert_eq!(d.map(|d| d.class), Some(Class::Kind));
        let d = cx().diff(
            &Type::Array(Box::new(Type::INTEGER)),
            &Type::Map(Box::new(Type::INTEGER)),
        );
        assert_eq!(
            d.map(|d| d.detail),
            Some("array<integer> vs map<integer>".into())
        );
    }

    #[test]
    fn refs_match_by_normalized_or_paired_name_and_unions_as_sets() {
        let r = |n: &str| Type::Ref(n.into());
        assert_eq!(cx().diff(&r("User_API"), &r("UserApi")), None);
        assert_eq!(cx().diff(&r("RelatedMeta"), &r("Metadata")), None);
        assert_eq!(
            cx().diff(&r("Metadata"), &r("RelatedMeta"))
                .map(|d| d.class),
            Some(Class::Kind)
        );
        let u = |ts: Vec<Type>| Type::Union(ts);
        let int64 = Type::Integer(Some(Format::Int64));
        assert_eq!(
            cx().diff(
                &u(vec![Type::STRING, Type::INTEGER]),
                &u(vec![int64, Type::STRING])
            ),
            None
        );
        let d = cx().diff(
            &u(vec![Type::STRING, Type::Boolean]),
            &u(vec![Type::STRING, Type::NUMBER]),
        );
        let d = d.expect("differs");
        assert_eq!(d.class, Class::UnionMembers);
        assert_eq!(d.detail, "only in A: [boolean]; only in B: [number]");
    }
}
