//! Reconciling the types several doc sets give one field (or alias, union
//! member, additional-properties value), fact by fact.
//!
//! At each level of a type: nullability, then the kind, then what the kind
//! holds (format; items; map values; union members; enum and const values).
//! For each fact the doc sets whose dialect *carries* it decide; a side whose
//! dialect loses the fact ([`Loss`]) is silent and never overrides. Among the
//! sides that carry a fact, the first doc set wins; every other carrying side
//! that disagrees is a [`Conflict`].

use std::collections::BTreeMap;

use crate::ir::{Fact, Format, Type};
use crate::parse::Loss;

/// One doc set's type at some place.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cand<'t> {
    /// The doc set's index.
    pub set: usize,
    /// Its type there.
    pub ty: &'t Type,
}

/// Two doc sets that both carry a fact and disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Conflict {
    /// The fact.
    pub fact: Fact,
    /// The doc set whose value was kept.
    pub winner: usize,
    /// The other doc set.
    pub loser: usize,
    /// The kept value, then the other one.
    pub values: (String, String),
}

/// Reconciliation state: the losses of every doc set, where facts came from
/// and the conflicts found.
#[derive(Debug)]
pub(super) struct Reconcile<'a> {
    /// The losses of each doc set, by index.
    pub losses: &'a [Vec<Loss>],
    /// The first doc set each fact was taken from.
    pub facts: BTreeMap<Fact, usize>,
    /// Conflicts, in the order found.
    pub conflicts: Vec<Conflict>,
}

impl<'a> Reconcile<'a> {
    pub fn new(losses: &'a [Vec<Loss>]) -> Self {
        Reconcile {
            losses,
            facts: BTreeMap::new(),
            conflicts: Vec::new(),
        }
    }

    /// Whether doc set `set` loses `loss`.
    pub fn loses(&self, set: usize, loss: Loss) -> bool {
        self.losses[set].contains(&loss)
    }

    /// Records that `fact` came from `set`, unless an outer place already decided it.
    pub fn note(&mut self, fact: Fact, set: usize) {
        self.facts.entry(fact).or_insert(set);
    }

    /// Picks the value of `fact` among `sides` (doc set, carries the fact,
    /// value): the first side that carries it, else the first side. Every
    /// other carrying side with another value is a conflict.
    pub fn decide<T: PartialEq + Clone>(
        &mut self,
        fact: Fact,
        sides: &[(usize, bool, T)],
        render: impl Fn(&T) -> String,
    ) -> T {
        let winner = sides.iter().find(|s| s.1).unwrap_or(&sides[0]);
        self.note(fact, winner.0);
        for (set, carries, value) in sides {
            if *carries && *value != winner.2 {
                self.conflicts.push(Conflict {
                    fact,
                    winner: winner.0,
                    loser: *set,
                    values: (render(&winner.2), render(value)),
                });
            }
        }
        winner.2.clone()
    }

    /// Whether doc set `set` may show no `null` for a value of type `ty`
    /// (`required` is `None` below field level).
    pub fn null_silent(&self, set: usize, ty: &Type, required: Option<bool>) -> bool {
        let container = match strip_null(ty) {
            Type::Array(_) | Type::Map(_) => Some(Loss::ContainerNullability),
            Type::String(Some(Format::Date | Format::DateTime)) => Some(Loss::DateNullability),
            _ => None,
        };
        self.loses(set, Loss::Nullability)
            || (required == Some(false) && self.loses(set, Loss::OptionalNullability))
            || container.is_some_and(|l| self.loses(set, l))
    }

    /// The reconciled type of the candidates (at least one).
    pub fn ty(&mut self, cands: &[Cand<'_>]) -> Type {
        if let [only] = cands {
            return only.ty.clone();
        }
        let inner: Vec<Cand<'_>> = cands
            .iter()
            .map(|c| Cand {
                set: c.set,
                ty: strip_null(c.ty),
            })
            .collect();
        let nullable = cands.iter().any(|c| matches!(c.ty, Type::Nullable(_))) && {
            // A side that shows `null` carries the fact; one that shows none
            // carries it only if its dialect could have shown it.
            let sides: Vec<(usize, bool, bool)> = cands
                .iter()
                .map(|c| {
                    let shown = matches!(c.ty, Type::Nullable(_));
                    (c.set, shown || !self.null_silent(c.set, c.ty, None), shown)
                })
                .collect();
            self.decide(Fact::Nullable, &sides, |n| format!("nullable {n}"))
        };
        let ty = self.inner(&inner);
        if nullable {
            Type::Nullable(Box::new(ty))
        } else {
            ty
        }
    }

    /// Reconciles types without a top-level `null`.
    fn inner(&mut self, cands: &[Cand<'_>]) -> Type {
        let silent: Vec<bool> = cands.iter().map(|c| self.kind_silent(*c, cands)).collect();
        let carriers: Vec<Cand<'_>> = cands
            .iter()
            .zip(&silent)
            .filter(|(_, s)| !**s)
            .map(|(c, _)| *c)
            .collect();
        let Some(winner) = carriers.first().copied() else {
            // Nobody shows more than the first side.
            self.note(Fact::Kind, cands[0].set);
            return cands[0].ty.clone();
        };
        self.note(Fact::Kind, winner.set);
        let mut same = Vec::new();
        for c in &carriers {
            if same_kind(winner.ty, c.ty) {
                same.push(*c);
            } else {
                let fact = match (winner.ty, c.ty) {
                    (Type::Enum(_) | Type::Const(_), Type::Enum(_) | Type::Const(_)) => {
                        Fact::Values
                    }
                    _ => Fact::Kind,
                };
                self.conflicts.push(Conflict {
                    fact,
                    winner: winner.set,
                    loser: c.set,
                    values: (show(winner.ty), show(c.ty)),
                });
            }
        }
        let children = |f: fn(&Type) -> Option<&Type>| -> Vec<Cand<'_>> {
            same.iter()
                .filter_map(|c| {
                    Some(Cand {
                        set: c.set,
                        ty: f(c.ty)?,
                    })
                })
                .collect()
        };
        match winner.ty {
            Type::String(_) => Type::String(self.format(&same)),
            Type::Integer(_) => Type::Integer(self.format(&same)),
            Type::Number(_) => Type::Number(self.format(&same)),
            Type::Array(_) => Type::Array(Box::new(self.ty(&children(|t| match t {
                Type::Array(x) => Some(x),
                _ => None,
            })))),
            Type::Map(_) => Type::Map(Box::new(self.ty(&children(|t| match t {
                Type::Map(x) => Some(x),
                _ => None,
            })))),
            Type::Union(_) => Type::Union(self.members(&same)),
            Type::Enum(_) | Type::Const(_) => {
                self.note(Fact::Values, winner.set);
                winner.ty.clone()
            }
            other => other.clone(),
        }
    }

    /// Whether a side says nothing about the kind here: it shows any value,
    /// an empty union, a number where another side shows an integer and its
    /// dialect has one name for both, or a scalar where another side shows a
    /// const or enum its value fits and its dialect drops consts.
    fn kind_silent(&self, c: Cand<'_>, all: &[Cand<'_>]) -> bool {
        match c.ty {
            Type::Any => true,
            Type::Union(ms) if ms.is_empty() => true,
            Type::Number(_)
                if self.loses(c.set, Loss::IntegerVsNumber)
                    && all.iter().any(|o| matches!(o.ty, Type::Integer(_))) =>
            {
                true
            }
            Type::String(_) | Type::Integer(_) | Type::Number(_) | Type::Boolean
                if self.loses(c.set, Loss::ConstValues) =>
            {
                all.iter().any(|o| match o.ty {
                    Type::Const(v) => c.ty.may_accept(v),
                    Type::Enum(vs) => !vs.is_empty() && vs.iter().all(|v| c.ty.may_accept(v)),
                    _ => false,
                })
            }
            _ => false,
        }
    }

    /// The format among sides of one scalar kind: widths from dialects that
    /// show them, `date` vs `date-time` from dialects that tell them apart.
    fn format(&mut self, same: &[Cand<'_>]) -> Option<Format> {
        let sides: Vec<(usize, bool, Option<Format>)> = same
            .iter()
            .map(|c| {
                let f = match c.ty {
                    Type::String(f) | Type::Integer(f) | Type::Number(f) => *f,
                    _ => None,
                };
                let silent = match c.ty {
                    Type::Integer(_) | Type::Number(_) => {
                        self.loses(c.set, Loss::NumericWidths) && f.map_or(true, is_width)
                    }
                    Type::String(_) => {
                        self.loses(c.set, Loss::DateVsDateTime)
                            && matches!(f, Some(Format::Date | Format::DateTime))
                    }
                    _ => false,
                };
                (c.set, !silent, f)
            })
            .collect();
        let before = self.facts.contains_key(&Fact::Format);
        let format = self.decide(Fact::Format, &sides, |f| {
            f.map_or("no format".into(), |f| format!("format {}", f.as_str()))
        });
        if format.is_none() && !before {
            self.facts.remove(&Fact::Format);
        }
        format
    }

    /// Union members: the first carrying side's members, each reconciled with
    /// the members of the other sides it pairs with.
    fn members(&mut self, same: &[Cand<'_>]) -> Vec<Type> {
        let Type::Union(winner) = same[0].ty else {
            return Vec::new();
        };
        self.note(Fact::Members, same[0].set);
        let mut paired: Vec<Vec<Cand<'_>>> = winner
            .iter()
            .map(|m| {
                vec![Cand {
                    set: same[0].set,
                    ty: m,
                }]
            })
            .collect();
        for c in &same[1..] {
            let Type::Union(ms) = c.ty else { continue };
            let mut used = vec![false; winner.len()];
            let mut unpaired = Vec::new();
            for m in ms {
                match (0..winner.len()).find(|&k| !used[k] && compatible(&winner[k], m)) {
                    Some(k) => {
                        used[k] = true;
                        paired[k].push(Cand { set: c.set, ty: m });
                    }
                    None => unpaired.push(show(m)),
                }
            }
            let missing: Vec<String> = winner
                .iter()
                .zip(&used)
                .filter(|(_, u)| !**u)
                .map(|(m, _)| show(m))
                .collect();
            if !unpaired.is_empty() || !missing.is_empty() {
                self.conflicts.push(Conflict {
                    fact: Fact::Members,
                    winner: same[0].set,
                    loser: c.set,
                    values: (
                        format!("members only here: [{}]", missing.join(", ")),
                        format!("[{}]", unpaired.join(", ")),
                    ),
                });
            }
        }
        paired.iter().map(|cands| self.ty(cands)).collect()
    }
}

/// A compact rendering of a type for messages: `array<string(date)>`, `ref User`.
pub(super) fn show(ty: &Type) -> String {
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
        Type::Enum(vs) => format!("enum{}", serde_json::Value::from(vs.clone())),
        Type::Const(v) => format!("const {v}"),
        Type::Union(ts) => {
            let members: Vec<String> = ts.iter().map(show).collect();
            format!("union<{}>", members.join(" | "))
        }
        Type::Nullable(t) => format!("nullable<{}>", show(t)),
    }
}

/// The type without a top-level `null`.
pub(super) fn strip_null(ty: &Type) -> &Type {
    match ty {
        Type::Nullable(t) => strip_null(t),
        t => t,
    }
}

/// `int32`, `int64`, `float` or `double`.
fn is_width(f: Format) -> bool {
    matches!(
        f,
        Format::Int32 | Format::Int64 | Format::Float | Format::Double
    )
}

/// The same kind at this level: same variant, same ref target, same values.
fn same_kind(a: &Type, b: &Type) -> bool {
    match (a, b) {
        (Type::Ref(x), Type::Ref(y)) => x == y,
        (Type::Enum(x), Type::Enum(y)) => {
            x.iter().all(|v| y.contains(v)) && y.iter().all(|v| x.contains(v))
        }
        (Type::Const(x), Type::Const(y)) => x == y,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// Whether two union members may be the same member in two dialects.
fn compatible(a: &Type, b: &Type) -> bool {
    let (a, b) = (strip_null(a), strip_null(b));
    match (a, b) {
        (Type::Any, _) | (_, Type::Any) => true,
        (Type::Integer(_) | Type::Number(_), Type::Integer(_) | Type::Number(_)) => true,
        (Type::Const(v), t) | (t, Type::Const(v)) if !matches!(t, Type::Const(_)) => {
            t.may_accept(v) && !matches!(t, Type::Ref(_) | Type::Union(_))
        }
        _ => same_kind(a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PYTHON: &[Loss] = &[
        Loss::NumericWidths,
        Loss::ContainerNullability,
        Loss::DateNullability,
        Loss::WireCase,
    ];
    const GO: &[Loss] = &[
        Loss::OptionalNullability,
        Loss::ContainerNullability,
        Loss::WireCase,
        Loss::ConstValues,
    ];
    const TS: &[Loss] = &[
        Loss::Nullability,
        Loss::NumericWidths,
        Loss::IntegerVsNumber,
        Loss::WireCase,
    ];

    fn losses(sets: &[&[Loss]]) -> Vec<Vec<Loss>> {
        sets.iter().map(|l| l.to_vec()).collect()
    }

    fn merge(losses: &[Vec<Loss>], tys: &[Type]) -> (Type, Vec<Conflict>, BTreeMap<Fact, usize>) {
        let mut r = Reconcile::new(losses);
        let cands: Vec<Cand<'_>> = tys
            .iter()
            .enumerate()
            .map(|(set, ty)| Cand { set, ty })
            .collect();
        let ty = r.ty(&cands);
        (ty, r.conflicts, r.facts)
    }

    fn nullable(t: Type) -> Type {
        Type::Nullable(Box::new(t))
    }

    fn array(t: Type) -> Type {
        Type::Array(Box::new(t))
    }

    #[test]
    fn widths_come_from_the_dialect_that_shows_them_in_either_order() {
        let int64 = Type::Integer(Some(Format::Int64));
        for sets in [[PYTHON, GO], [GO, PYTHON]] {
            let l = losses(&sets);
            let tys = if sets[0] == PYTHON {
                [Type::INTEGER, int64.clone()]
            } else {
                [int64.clone(), Type::INTEGER]
            };
            let (ty, conflicts, facts) = merge(&l, &tys);
            assert_eq!(ty, int64);
            assert!(conflicts.is_empty());
            let go = if sets[0] == GO { 0 } else { 1 };
            assert_eq!(facts[&Fact::Format], go);
        }
        // Nested in arrays too.
        let (ty, _, _) = merge(
            &losses(&[PYTHON, GO]),
            &[
                array(Type::NUMBER),
                array(Type::Number(Some(Format::Double))),
            ],
        );
        assert_eq!(ty, array(Type::Number(Some(Format::Double))));
    }

    #[test]
    fn integer_beats_a_number_from_a_dialect_that_cannot_tell_them_apart() {
        let (ty, conflicts, facts) = merge(&losses(&[TS, PYTHON]), &[Type::NUMBER, Type::INTEGER]);
        assert_eq!(ty, Type::INTEGER);
        assert!(conflicts.is_empty());
        assert_eq!(facts[&Fact::Kind], 1);
        // Python shows floats as numbers: integer vs number there is a conflict.
        let (ty, conflicts, _) = merge(&losses(&[PYTHON, GO]), &[Type::NUMBER, Type::INTEGER]);
        assert_eq!(ty, Type::NUMBER);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].fact, Fact::Kind);
        assert_eq!(
            conflicts[0].values,
            ("number".to_string(), "integer".to_string())
        );
    }

    #[test]
    fn nested_null_from_the_side_that_can_show_it() {
        // Python never marks list items' containers nullable; Go's `null` in items is kept.
        let (ty, conflicts, _) = merge(
            &losses(&[PYTHON, GO]),
            &[array(Type::STRING), nullable(array(Type::STRING))],
        );
        assert_eq!(ty, nullable(array(Type::STRING)));
        assert!(conflicts.is_empty());
        // Both could show it and disagree: the first wins, with a conflict.
        let (ty, conflicts, _) = merge(
            &losses(&[PYTHON, GO]),
            &[Type::STRING, nullable(Type::STRING)],
        );
        assert_eq!(ty, Type::STRING);
        assert_eq!(conflicts[0].fact, Fact::Nullable);
    }

    #[test]
    fn any_and_empty_unions_are_silent_and_consts_survive_dialects_that_drop_them() {
        let (ty, conflicts, _) = merge(
            &losses(&[GO, PYTHON]),
            &[Type::Any, Type::String(Some(Format::Binary))],
        );
        assert_eq!(ty, Type::String(Some(Format::Binary)));
        assert!(conflicts.is_empty());
        let (ty, conflicts, _) = merge(
            &losses(&[GO, PYTHON]),
            &[Type::STRING, Type::Const(json!("user"))],
        );
        assert_eq!(ty, Type::Const(json!("user")));
        assert!(conflicts.is_empty());
        // A const the scalar cannot hold is a real disagreement.
        let (_, conflicts, _) = merge(
            &losses(&[GO, PYTHON]),
            &[Type::Boolean, Type::Const(json!("user"))],
        );
        assert_eq!(conflicts.len(), 1);
        // Enum values differ between two sides that both keep them.
        let (ty, conflicts, _) = merge(
            &losses(&[PYTHON, GO]),
            &[
                Type::Enum(vec![json!("a"), json!("b")]),
                Type::Enum(vec![json!("a")]),
            ],
        );
        assert_eq!(ty, Type::Enum(vec![json!("a"), json!("b")]));
        assert_eq!(conflicts[0].fact, Fact::Values);
    }

    #[test]
    fn union_members_pair_up_and_take_each_others_facts() {
        let (ty, conflicts, _) = merge(
            &losses(&[PYTHON, GO]),
            &[
                Type::Union(vec![Type::STRING, Type::INTEGER]),
                Type::Union(vec![Type::Integer(Some(Format::Int64)), Type::STRING]),
            ],
        );
        assert_eq!(
            ty,
            Type::Union(vec![Type::STRING, Type::Integer(Some(Format::Int64))])
        );
        assert!(conflicts.is_empty());
        let (ty, conflicts, _) = merge(
            &losses(&[GO, PYTHON]),
            &[
                Type::Union(Vec::new()),
                Type::Union(vec![Type::STRING, Type::Boolean]),
            ],
        );
        assert_eq!(ty, Type::Union(vec![Type::STRING, Type::Boolean]));
        assert!(conflicts.is_empty());
        let (_, conflicts, _) = merge(
            &losses(&[PYTHON, GO]),
            &[
                Type::Union(vec![Type::STRING, Type::Boolean]),
                Type::Union(vec![Type::STRING, Type::Ref("X".into())]),
            ],
        );
        assert_eq!(conflicts[0].fact, Fact::Members);
    }
}
