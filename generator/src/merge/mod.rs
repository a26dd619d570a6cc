//! Merging several doc sets of one API (its SDKs in several languages) into
//! one schema that keeps the best available fact of each.
//!
//! 1. **Pairing** ([`pair`]): every doc set's models are paired with those of
//!    each earlier doc set (by name, through references, with SDK renames
//!    undone, by structure); a model joins the group of its partner in the
//!    earliest doc set that has one. Models without a partner anywhere start
//!    their own group: the output is the union of the models. Fields pair by
//!    wire name within a group, the same way.
//! 2. **Reconciliation**, fact by fact (name, kind, format, enum/const values,
//!    union members, required, nullable, description, deprecated, examples,
//!    default, read-only): the doc sets whose dialect *carries* the fact decide;
//!    a doc set whose dialect loses it (its [`Loss`] table) is silent and never
//!    overrides. See [`types`] for the type-level rules.
//! 3. **Conflicts**: when two doc sets that both carry a fact disagree (SDKs
//!    generated from different spec versions, hand edits), the **first doc set
//!    given wins** and a warning names both places (`path:line:col` in each doc
//!    set). Put the most trusted (newest) doc set first.
//! 4. **Provenance**: every merged model and field records which doc sets
//!    document it and which doc set each fact came from ([`Provenance`]),
//!    shown by `modeldoc ir`.
//!
//! A fact no doc set carries stays as the first doc set shows it, exactly as
//! with that doc set alone; one doc set alone is returned unchanged.
//!
//! ```no_run
//! use modeldoc::__private::merge::{merge, DocSet};
//! use modeldoc::Dialect;
//! let load = |dir: &str| modeldoc::Config::new().input(dir).load().unwrap().schema;
//! let merged = merge(vec![
//!     DocSet::new("python/docs", load("python/docs"), Some(Dialect::Python)),
//!     DocSet::new("go/docs", load("go/docs"), Some(Dialect::Go)),
//! ]);
//! assert!(merged.schema.models.len() > 0);
//! ```
//!
//! [`crate::Config::doc_set`] does the same, detecting each doc set's dialect.

pub mod pair;
mod types;

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::{Enum, Fact, Field, Model, ModelKind, Object, Provenance, Schema, Type, Union};
use crate::parse::{Dialect, Loss};
use crate::source::Span;

pub use pair::normalize;
use types::{Cand, Conflict, Reconcile};

/// One doc set to merge.
#[derive(Debug, Clone)]
pub struct DocSet {
    /// Its name in provenance and messages (the folder as given).
    pub label: String,
    /// Its resolved models.
    pub schema: Schema,
    /// What its dialect loses.
    pub losses: Vec<Loss>,
}

impl DocSet {
    /// A doc set of the given dialect, with every loss any of its flavours
    /// has (`None`: nothing is known to be lost).
    pub fn new(label: impl Into<String>, schema: Schema, dialect: Option<Dialect>) -> Self {
        Self::with_losses(
            label,
            schema,
            dialect.map_or_else(Vec::new, Dialect::losses),
        )
    }

    /// A doc set that loses exactly `losses` (for a loaded doc set:
    /// [`crate::Loaded::losses`] of its dialect, which knows its flavour).
    pub fn with_losses(label: impl Into<String>, schema: Schema, losses: Vec<Loss>) -> Self {
        DocSet {
            label: label.into(),
            schema,
            losses,
        }
    }
}

/// The result of [`merge`].
#[derive(Debug, Clone)]
pub struct Merged {
    /// The union of the models, each with its best available facts.
    pub schema: Schema,
    /// One warning per conflict between doc sets that carry a fact, and per
    /// model renamed because two doc sets use its name for different models.
    pub diagnostics: Diagnostics,
}

/// Merges doc sets of one API; see the module documentation.
pub fn merge(mut sets: Vec<DocSet>) -> Merged {
    let mut diagnostics = Diagnostics::default();
    if sets.len() <= 1 {
        return Merged {
            schema: sets.pop().map(|s| s.schema).unwrap_or_default(),
            diagnostics,
        };
    }
    let mut groups = group_models(&sets);
    drop_foreign_wrappers(&sets, &mut groups);
    let names = group_names(&sets, &groups, &mut diagnostics);
    // Every doc set's refs now name the groups' models.
    for (i, set) in sets.iter_mut().enumerate() {
        let rename: BTreeMap<String, String> = groups
            .iter()
            .zip(&names)
            .filter_map(|(g, name)| Some((set.schema.models[g[i]?].name.clone(), name.clone())))
            .collect();
        for model in &mut set.schema.models {
            crate::ir::for_each_type_mut(model, |t| {
                t.visit_mut(&mut |t| {
                    if let Type::Ref(r) = t {
                        if let Some(n) = rename.get(r.as_str()) {
                            r.clone_from(n);
                        }
                    }
                })
            });
        }
    }
    let losses: Vec<Vec<Loss>> = sets.iter().map(|s| s.losses.clone()).collect();
    let labels: Vec<String> = sets.iter().map(|s| s.label.clone()).collect();
    let cx = Cx {
        losses: &losses,
        labels: &labels,
    };
    let mut models = Vec::with_capacity(groups.len());
    for (group, name) in groups.iter().zip(names) {
        let members: Vec<(usize, &Model)> = group
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((i, &sets[i].schema.models[(*m)?])))
            .collect();
        models.push(cx.model(name, &members, &mut diagnostics));
    }
    let mut schema = Schema { models };
    schema.sort();
    Merged {
        schema,
        diagnostics,
    }
}

/// Groups of paired models: per group, the model index in each doc set.
fn group_models(sets: &[DocSet]) -> Vec<Vec<Option<usize>>> {
    let n = sets.len();
    let mut groups: Vec<Vec<Option<usize>>> = Vec::new();
    let mut group_of: Vec<Vec<Option<usize>>> = sets
        .iter()
        .map(|s| vec![None; s.schema.models.len()])
        .collect();
    for i in 0..n {
        for j in 0..i {
            let partner = pair::pair_models(&sets[j].schema, &sets[i].schema);
            for (a, b) in partner.iter().enumerate() {
                let Some(b) = *b else { continue };
                let Some(g) = group_of[j][a] else { continue };
                if group_of[i][b].is_none() && groups[g][i].is_none() {
                    groups[g][i] = Some(b);
                    group_of[i][b] = Some(g);
                }
            }
        }
        for (b, slot) in group_of[i].iter_mut().enumerate() {
            if slot.is_none() {
                let mut g = vec![None; n];
                g[i] = Some(b);
                *slot = Some(groups.len());
                groups.push(g);
            }
        }
    }
    groups
}

/// Leaves out the request/response wrappers (docs in `operations/` or
/// `requests/` folders) that only later doc sets have: each SDK wraps
/// operations its own way (Go `XResponse` = HTTP metadata + body, where Python
/// returns the body), so they are artifacts of that SDK, not API schemas, and
/// their names may clash with schemas the other doc sets leave out. The first
/// doc set's wrappers stay, as with it alone; so does a wrapper another kept
/// model refers to.
fn drop_foreign_wrappers(sets: &[DocSet], groups: &mut Vec<Vec<Option<usize>>>) {
    let model = |i: usize, m: usize| &sets[i].schema.models[m];
    let foreign = |g: &[Option<usize>]| {
        g[0].is_none()
            && g.iter().enumerate().all(|(i, m)| {
                m.map_or(true, |m| {
                    crate::resolve::is_operation_doc(std::path::Path::new(&*model(i, m).span.file))
                })
            })
    };
    let mut drop: Vec<bool> = groups.iter().map(|g| foreign(g)).collect();
    loop {
        let mut referenced: BTreeSet<(usize, &str)> = BTreeSet::new();
        for (g, _) in groups.iter().zip(&drop).filter(|(_, d)| !**d) {
            for (i, m) in g.iter().enumerate() {
                if let Some(m) = m {
                    referenced.extend(model(i, *m).refs().into_iter().map(|r| (i, r)));
                }
            }
        }
        let mut changed = false;
        for (g, d) in groups.iter().zip(drop.iter_mut()).filter(|(_, d)| **d) {
            let used = g.iter().enumerate().any(|(i, m)| {
                m.is_some_and(|m| referenced.contains(&(i, model(i, m).name.as_str())))
            });
            if used {
                *d = false;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut keep = drop.iter().map(|d| !d);
    groups.retain(|_| keep.next().unwrap_or(true));
}

/// Each group's name: its model's name in the first doc set that has it;
/// a name an earlier group already took gets a numeric suffix and a warning.
fn group_names(
    sets: &[DocSet],
    groups: &[Vec<Option<usize>>],
    diagnostics: &mut Diagnostics,
) -> Vec<String> {
    let mut taken = BTreeSet::new();
    let mut names = Vec::with_capacity(groups.len());
    for g in groups {
        let (i, m) = g
            .iter()
            .enumerate()
            .find_map(|(i, m)| Some((i, (*m)?)))
            .expect("a group has a model");
        let model = &sets[i].schema.models[m];
        let mut name = model.name.clone();
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{}{n}", model.name);
            n += 1;
        }
        if name != model.name {
            diagnostics.push(
                Diagnostic::warning(
                    model.span.clone(),
                    format!(
                        "model `{}` of {} pairs with no model of the same name in the other doc sets; renamed `{name}`",
                        model.name, sets[i].label
                    ),
                )
                .with_hint("another doc set's `{}` is a different model (by name, references and fields)"),
            );
        }
        taken.insert(name.clone());
        names.push(name);
    }
    names
}

/// What every reconciliation needs: the doc sets' losses and labels.
struct Cx<'a> {
    losses: &'a [Vec<Loss>],
    labels: &'a [String],
}

impl Cx<'_> {
    /// The merged model of one group.
    fn model(&self, name: String, members: &[(usize, &Model)], diags: &mut Diagnostics) -> Model {
        let first = members[0];
        let mut r = Reconcile::new(self.losses);
        r.note(Fact::Name, first.0);
        let description = description(&mut r, members.iter().map(|(i, m)| (*i, &m.description)));
        let deprecated = flag(
            &mut r,
            Fact::Deprecated,
            members.iter().map(|(i, m)| (*i, m.deprecated)),
        );
        let kind = self.kind(&name, members, &mut r, diags);
        let model = Model {
            name,
            description,
            deprecated,
            kind,
            span: first.1.span.clone(),
            provenance: None,
        };
        let spans: Vec<(usize, Span)> = members.iter().map(|(i, m)| (*i, m.span.clone())).collect();
        self.report(&r.conflicts, &model.name, None, &spans, diags);
        Model {
            provenance: Some(self.provenance(members.iter().map(|m| m.0), &r.facts)),
            ..model
        }
    }

    /// The kind of a merged model: the first model whose kind says something
    /// (an alias of any value or a union without members says nothing).
    fn kind(
        &self,
        name: &str,
        members: &[(usize, &Model)],
        r: &mut Reconcile<'_>,
        diags: &mut Diagnostics,
    ) -> ModelKind {
        let silent = |k: &ModelKind| match k {
            ModelKind::Alias { ty: Type::Any } => true,
            ModelKind::Union(u) => u.members.is_empty(),
            _ => false,
        };
        let carriers: Vec<(usize, &Model)> = members
            .iter()
            .filter(|(_, m)| !silent(&m.kind))
            .copied()
            .collect();
        let Some(&(w, winner)) = carriers.first() else {
            r.note(Fact::Kind, members[0].0);
            return members[0].1.kind.clone();
        };
        r.note(Fact::Kind, w);
        let same: Vec<(usize, &Model)> = carriers
            .iter()
            .filter(|(set, m)| {
                let same = std::mem::discriminant(&m.kind) == std::mem::discriminant(&winner.kind);
                if !same {
                    r.conflicts.push(Conflict {
                        fact: Fact::Kind,
                        winner: w,
                        loser: *set,
                        values: (kind_name(&winner.kind), kind_name(&m.kind)),
                    });
                }
                same
            })
            .copied()
            .collect();
        match &winner.kind {
            ModelKind::Object(_) => {
                let objects: Vec<(usize, &Object, &Model)> = same
                    .iter()
                    .filter_map(|(i, m)| match &m.kind {
                        ModelKind::Object(o) => Some((*i, o, *m)),
                        _ => None,
                    })
                    .collect();
                ModelKind::Object(self.object(name, &objects, r, diags))
            }
            ModelKind::Enum(e) => {
                let enums: Vec<(usize, &Enum)> = same
                    .iter()
                    .filter_map(|(i, m)| match &m.kind {
                        ModelKind::Enum(e) => Some((*i, e)),
                        _ => None,
                    })
                    .collect();
                // A side that cannot show numbers from strings agrees with `"1"` as with
                // `1`: values are compared by their text then, and a side that states
                // the value type gives the values.
                let by_text = enums.iter().any(|(_, e)| e.value_type_unstated);
                let text = |v: &serde_json::Value| match v {
                    serde_json::Value::Number(n) if by_text => {
                        serde_json::Value::from(n.to_string())
                    }
                    v => v.clone(),
                };
                let sides: Vec<(usize, bool, Vec<serde_json::Value>)> = enums
                    .iter()
                    .map(|(i, e)| {
                        (
                            *i,
                            true,
                            e.values.iter().map(|v| text(&v.value)).collect::<Vec<_>>(),
                        )
                    })
                    .map(|(i, c, mut v)| {
                        v.sort_by_key(|v| v.to_string());
                        (i, c, v)
                    })
                    .collect();
                r.decide(Fact::Values, &sides, |v| {
                    serde_json::Value::from(v.clone()).to_string()
                });
                let open = same
                    .iter()
                    .any(|(_, m)| matches!(&m.kind, ModelKind::Enum(e) if e.open));
                let stated = enums.iter().find(|(_, e)| !e.value_type_unstated);
                let (values, value_type_unstated) = match stated {
                    Some((_, s)) if by_text => {
                        // The stated side's value of the same text, under the winner's name.
                        let values = e
                            .values
                            .iter()
                            .map(|w| crate::ir::EnumValue {
                                name: w.name.clone(),
                                value: s
                                    .values
                                    .iter()
                                    .find(|s| text(&s.value) == text(&w.value))
                                    .map_or_else(|| w.value.clone(), |s| s.value.clone()),
                            })
                            .collect();
                        (values, false)
                    }
                    _ => (e.values.clone(), stated.is_none()),
                };
                ModelKind::Enum(Enum {
                    values,
                    open,
                    value_type_unstated,
                })
            }
            ModelKind::Union(_) | ModelKind::Alias { .. } => {
                let unions: Vec<Type>;
                let cands: Vec<Cand<'_>> = if matches!(winner.kind, ModelKind::Union(_)) {
                    unions = same
                        .iter()
                        .filter_map(|(_, m)| match &m.kind {
                            ModelKind::Union(u) => Some(Type::Union(u.members.clone())),
                            _ => None,
                        })
                        .collect();
                    same.iter()
                        .zip(&unions)
                        .map(|((set, _), ty)| Cand { set: *set, ty })
                        .collect()
                } else {
                    same.iter()
                        .filter_map(|(set, m)| match &m.kind {
                            ModelKind::Alias { ty } => Some(Cand { set: *set, ty }),
                            _ => None,
                        })
                        .collect()
                };
                match r.ty(&cands) {
                    Type::Union(members) if matches!(winner.kind, ModelKind::Union(_)) => {
                        ModelKind::Union(Union::new(members))
                    }
                    ty => ModelKind::Alias { ty },
                }
            }
        }
    }

    /// The union of the objects' fields (first doc set's order, then the fields
    /// only later doc sets have), each reconciled.
    fn object(
        &self,
        model: &str,
        objects: &[(usize, &Object, &Model)],
        r: &mut Reconcile<'_>,
        diags: &mut Diagnostics,
    ) -> Object {
        let mut groups: Vec<Vec<(usize, &Field)>> = Vec::new();
        let mut group_of: Vec<Vec<Option<usize>>> = objects
            .iter()
            .map(|(_, o, _)| vec![None; o.fields.len()])
            .collect();
        for k in 0..objects.len() {
            let fields = &objects[k].1.fields;
            for p in 0..k {
                let partner = pair::pair_by_name(&objects[p].1.fields, fields, |f| &f.wire_name);
                for (a, b) in partner.iter().enumerate() {
                    let (Some(b), Some(g)) = (*b, group_of[p][a]) else {
                        continue;
                    };
                    if group_of[k][b].is_none()
                        && !groups[g].iter().any(|(s, _)| *s == objects[k].0)
                    {
                        groups[g].push((objects[k].0, &fields[b]));
                        group_of[k][b] = Some(g);
                    }
                }
            }
            for (b, slot) in group_of[k].iter_mut().enumerate() {
                if slot.is_none() {
                    *slot = Some(groups.len());
                    groups.push(vec![(objects[k].0, &fields[b])]);
                }
            }
        }
        let fields = groups.iter().map(|g| self.field(model, g, diags)).collect();
        let extra: Vec<Cand<'_>> = objects
            .iter()
            .filter_map(|(set, o, _)| {
                Some(Cand {
                    set: *set,
                    ty: o.additional_properties.as_ref()?,
                })
            })
            .collect();
        let additional_properties = (!extra.is_empty()).then(|| r.ty(&extra));
        Object {
            fields,
            additional_properties,
        }
    }

    /// One merged field from the fields several doc sets give it.
    fn field(&self, model: &str, members: &[(usize, &Field)], diags: &mut Diagnostics) -> Field {
        let mut r = Reconcile::new(self.losses);
        let first = members[0].1;
        let name_sides: Vec<(usize, bool, String)> = members
            .iter()
            .map(|(i, f)| (*i, !r.loses(*i, Loss::WireCase), f.wire_name.clone()))
            .collect();
        let wire_name = r.decide(Fact::Name, &name_sides, |n| format!("`{n}`"));
        let required_sides: Vec<(usize, bool, bool)> = members
            .iter()
            .map(|(i, f)| (*i, true, f.required))
            .collect();
        let required = r.decide(Fact::Required, &required_sides, |b| format!("required {b}"));
        let null_sides: Vec<(usize, bool, bool)> = members
            .iter()
            .map(|(i, f)| {
                let carries = f.nullable || !r.null_silent(*i, &f.ty, Some(f.required));
                (*i, carries, f.nullable)
            })
            .collect();
        let nullable = r.decide(Fact::Nullable, &null_sides, |b| format!("nullable {b}"));
        let cands: Vec<Cand<'_>> = members
            .iter()
            .map(|(set, f)| Cand {
                set: *set,
                ty: &f.ty,
            })
            .collect();
        let ty = r.ty(&cands);
        let description = description(&mut r, members.iter().map(|(i, f)| (*i, &f.description)));
        let deprecated = flag(
            &mut r,
            Fact::Deprecated,
            members.iter().map(|(i, f)| (*i, f.deprecated)),
        );
        let read_only = flag(
            &mut r,
            Fact::ReadOnly,
            members.iter().map(|(i, f)| (*i, f.read_only)),
        );
        let examples = members
            .iter()
            .find(|(_, f)| !f.examples.is_empty())
            .map(|(i, f)| {
                r.note(Fact::Examples, *i);
                f.examples.clone()
            })
            .unwrap_or_default();
        let default = members.iter().find_map(|(i, f)| {
            let d = f.default.clone()?;
            r.note(Fact::Default, *i);
            Some(d)
        });
        let spans: Vec<(usize, Span)> = members.iter().map(|(i, f)| (*i, f.span.clone())).collect();
        self.report(&r.conflicts, model, Some(&wire_name), &spans, diags);
        // A fact stays unstated only where no doc set states it.
        let unstated = crate::ir::Unstated {
            nullable: !nullable && members.iter().all(|(_, f)| f.unstated.nullable),
            integer_or_float: members.iter().all(|(_, f)| f.unstated.integer_or_float),
        };
        Field {
            wire_name,
            ty,
            required,
            nullable,
            description,
            deprecated,
            examples,
            default,
            read_only,
            unstated,
            span: first.span.clone(),
            provenance: Some(self.provenance(members.iter().map(|m| m.0), &r.facts)),
        }
    }

    fn provenance(
        &self,
        sets: impl Iterator<Item = usize>,
        facts: &BTreeMap<Fact, usize>,
    ) -> Box<Provenance> {
        Box::new(Provenance {
            doc_sets: sets.map(|i| self.labels[i].clone()).collect(),
            facts: facts
                .iter()
                .map(|(f, i)| (*f, self.labels[*i].clone()))
                .collect(),
        })
    }

    /// One warning per conflict, at the kept side's place, naming the other's.
    fn report(
        &self,
        conflicts: &[Conflict],
        model: &str,
        field: Option<&str>,
        spans: &[(usize, Span)],
        diags: &mut Diagnostics,
    ) {
        let span = |set: usize| {
            spans
                .iter()
                .find(|(i, _)| *i == set)
                .map(|(_, s)| s.clone())
                .unwrap_or_else(|| spans[0].1.clone())
        };
        let place = match field {
            Some(f) => format!("`{model}.{f}`"),
            None => format!("`{model}`"),
        };
        for c in conflicts {
            let (kept, other) = &c.values;
            diags.push(
                Diagnostic::warning(
                    span(c.winner),
                    format!(
                        "doc sets disagree on the {} of {place}: {} says {kept}, {} says {other} at {}",
                        c.fact.name(),
                        self.labels[c.winner],
                        self.labels[c.loser],
                        span(c.loser),
                    ),
                )
                .with_hint(format!(
                    "kept {kept} from {}: when two doc sets that both show a fact disagree, the first one given wins",
                    self.labels[c.winner]
                )),
            );
        }
    }
}

/// The first description given; a different one from another doc set is a conflict
/// (whitespace is not a difference).
fn description<'m>(
    r: &mut Reconcile<'_>,
    sides: impl Iterator<Item = (usize, &'m Option<String>)>,
) -> Option<String> {
    let sides: Vec<(usize, bool, Option<Words>)> = sides
        .map(|(i, d)| (i, d.is_some(), d.as_deref().map(Words::new)))
        .collect();
    let before = r.facts.contains_key(&Fact::Description);
    let chosen = r.decide(Fact::Description, &sides, |w| {
        let text = w.as_ref().map_or("", |w| w.text.as_str());
        let short: String = text.chars().take(60).collect();
        let tail = if short.len() < text.len() { "…" } else { "" };
        format!("{:?}", format!("{short}{tail}"))
    });
    if chosen.is_none() && !before {
        r.facts.remove(&Fact::Description);
    }
    chosen.map(|w| w.text)
}

/// A description compared by its words.
#[derive(Debug, Clone)]
struct Words {
    text: String,
}

impl Words {
    fn new(text: &str) -> Self {
        Words {
            text: text.to_string(),
        }
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        self.text
            .split_whitespace()
            .eq(other.text.split_whitespace())
    }
}

/// A mark any doc set may set (deprecated, read-only): one that shows it wins.
fn flag(r: &mut Reconcile<'_>, fact: Fact, mut sides: impl Iterator<Item = (usize, bool)>) -> bool {
    match sides.find(|(_, on)| *on) {
        Some((i, _)) => {
            r.note(fact, i);
            true
        }
        None => false,
    }
}

fn kind_name(kind: &ModelKind) -> String {
    match kind {
        ModelKind::Object(_) => "an object".into(),
        ModelKind::Enum(_) => "an enum".into(),
        ModelKind::Union(_) => "a union".into(),
        ModelKind::Alias { ty } => format!("an alias of {}", types::show(ty)),
    }
}

#[cfg(test)]
mod tests;
