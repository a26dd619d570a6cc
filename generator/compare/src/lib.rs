//! Comparing two schemas of the same API, documented in two dialects.
//!
//! Models and fields are paired as [`crate::merge`] pairs them
//! ([`crate::merge::pair`]: by name, exact then normalised, through references,
//! with SDK renames undone, by structure; fields by wire name, `created_at` =
//! `CreatedAt`). Every difference gets a
//! [`Class`] and is either explained by a [`Loss`] of the side that shows less
//! (Go does not mark an optional field nullable, Python shows no int widths, ...)
//! or left unexplained. The [`Report`] is serializable and renders as text.
//!
//! ```no_run
//! use modeldoc_compare::{self as compare, Input};
//! let a = modeldoc::Config::new().input("python/docs").load().unwrap();
//! let b = modeldoc::Config::new().input("go/docs").load().unwrap();
//! let report = compare::compare(
//!     &Input::for_loaded("python", &a),
//!     &Input::for_loaded("go", &b),
//! );
//! print!("{report}");
//! ```

mod render;
mod types;

use std::collections::BTreeMap;

use serde::Serialize;

pub use modeldoc::Loss;
pub use types::show;

pub use modeldoc::__private::merge::pair::normalize;
use modeldoc::__private::merge::pair::{pair_by_name, pair_models, split};
use modeldoc::ir::{Field, Model, ModelKind, Object, Schema, Type};
use modeldoc::Loaded;
use types::{members_detail, same_values, Cx, TypeDiff};

/// One side of a comparison.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// A name for the side in reports (`python`, a folder).
    pub label: String,
    /// The models.
    pub schema: &'a Schema,
    /// What the side's dialect loses.
    pub losses: Vec<Loss>,
}

impl<'a> Input<'a> {
    /// A loaded doc set, with the losses of its most common dialect (those of
    /// the limitations the load reported, see [`Loaded::losses`]).
    pub fn for_loaded(label: impl Into<String>, loaded: &'a Loaded) -> Self {
        Input {
            label: label.into(),
            schema: &loaded.schema,
            losses: loaded
                .majority_dialect()
                .map_or_else(Vec::new, |d| loaded.losses(d)),
        }
    }
}

/// Which input a fact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Side {
    /// The first input.
    A,
    /// The second input.
    B,
}

impl Side {
    /// 0 for A, 1 for B.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Side::A => "A",
            Side::B => "B",
        })
    }
}

/// The kind of a difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// A model on one side only.
    MissingModel,
    /// A field on one side only.
    MissingField,
    /// Object vs enum vs union vs alias, or field types of another kind.
    Kind,
    /// The required flag.
    Required,
    /// Whether `null` is allowed.
    Nullable,
    /// A string or number format.
    Format,
    /// Enum value sets (or consts, or open vs closed).
    EnumValues,
    /// Union member sets.
    UnionMembers,
    /// Model or field descriptions (whitespace ignored).
    Description,
    /// The deprecated mark of a model or field.
    Deprecated,
    /// Wire names equal only once normalised (`created_at` vs `CreatedAt`).
    WireName,
}

impl Class {
    /// Every class, in report order.
    pub const ALL: [Class; 11] = [
        Class::MissingModel,
        Class::MissingField,
        Class::Kind,
        Class::Required,
        Class::Nullable,
        Class::Format,
        Class::EnumValues,
        Class::UnionMembers,
        Class::Description,
        Class::Deprecated,
        Class::WireName,
    ];

    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Class::MissingModel => "missing-model",
            Class::MissingField => "missing-field",
            Class::Kind => "kind",
            Class::Required => "required",
            Class::Nullable => "nullable",
            Class::Format => "format",
            Class::EnumValues => "enum-values",
            Class::UnionMembers => "union-members",
            Class::Description => "description",
            Class::Deprecated => "deprecated",
            Class::WireName => "wire-name",
        }
    }
}

/// The loss that explains a difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Explanation {
    /// The side whose dialect loses the fact.
    pub side: Side,
    /// What it loses.
    pub loss: Loss,
}

/// One difference between the inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// Its class.
    pub class: Class,
    /// The model (side A's name when both have it).
    pub model: String,
    /// The field (side A's wire name when both have it), for field differences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What differs, A first: `format none vs int64`.
    pub detail: String,
    /// The loss that explains it, or `None` when nothing does.
    pub explained_by: Option<Explanation>,
}

/// Explained and unexplained differences of one class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Differences a loss explains.
    pub explained: usize,
    /// Differences nothing explains.
    pub unexplained: usize,
}

/// The result of [`compare`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The labels of A and B.
    pub labels: [String; 2],
    /// The losses of A and B.
    pub losses: [Vec<Loss>; 2],
    /// How many models A and B have.
    pub models: [usize; 2],
    /// Model pairs compared.
    pub models_compared: usize,
    /// Field pairs compared.
    pub fields_compared: usize,
    /// Differences per class (every class present, zero or not).
    pub counts: BTreeMap<Class, Counts>,
    /// Every difference, in model order.
    pub differences: Vec<Difference>,
}

impl Report {
    /// The counts of one class.
    pub fn count(&self, class: Class) -> Counts {
        self.counts.get(&class).copied().unwrap_or_default()
    }

    /// Unexplained differences of one class.
    pub fn unexplained(&self, class: Class) -> impl Iterator<Item = &Difference> {
        self.differences
            .iter()
            .filter(move |d| d.class == class && d.explained_by.is_none())
    }
}

/// Compares two schemas; see the module documentation.
pub fn compare(a: &Input<'_>, b: &Input<'_>) -> Report {
    let mut walk = Walk {
        cx: Cx {
            losses: [&a.losses, &b.losses],
            pairs: Default::default(),
        },
        differences: Vec::new(),
        fields_compared: 0,
    };
    let partner = pair_models(a.schema, b.schema);
    let (pairs, only_a, only_b) = split(&a.schema.models, &b.schema.models, &partner);
    walk.cx.pairs = pairs
        .iter()
        .map(|(x, y)| (x.name.clone(), y.name.clone()))
        .collect();
    for m in only_a {
        walk.push(Class::MissingModel, &m.name, None, "only in A".into(), None);
    }
    for m in only_b {
        walk.push(Class::MissingModel, &m.name, None, "only in B".into(), None);
    }
    for (x, y) in &pairs {
        walk.model(x, y);
    }
    let mut differences = walk.differences;
    differences.sort_by(|x, y| (&x.model, &x.field, x.class).cmp(&(&y.model, &y.field, y.class)));
    let mut counts: BTreeMap<Class, Counts> =
        Class::ALL.iter().map(|c| (*c, Counts::default())).collect();
    for d in &differences {
        let c = counts.entry(d.class).or_default();
        match d.explained_by {
            Some(_) => c.explained += 1,
            None => c.unexplained += 1,
        }
    }
    Report {
        labels: [a.label.clone(), b.label.clone()],
        losses: [a.losses.clone(), b.losses.clone()],
        models: [a.schema.models.len(), b.schema.models.len()],
        models_compared: pairs.len(),
        fields_compared: walk.fields_compared,
        counts,
        differences,
    }
}

/// Comparison state: the losses and what was found so far.
struct Walk<'a> {
    cx: Cx<'a>,
    differences: Vec<Difference>,
    fields_compared: usize,
}

impl Walk<'_> {
    fn push(
        &mut self,
        class: Class,
        model: &str,
        field: Option<&str>,
        detail: String,
        explained_by: Option<Explanation>,
    ) {
        self.differences.push(Difference {
            class,
            model: model.to_string(),
            field: field.map(str::to_string),
            detail,
            explained_by,
        });
    }

    fn push_type(&mut self, model: &str, field: Option<&str>, d: TypeDiff) {
        self.push(d.class, model, field, d.detail, d.explained_by);
    }

    fn model(&mut self, a: &Model, b: &Model) {
        let name = a.name.as_str();
        if !same_text(&a.description, &b.description) {
            let detail = text_detail(&a.description, &b.description);
            self.push(Class::Description, name, None, detail, None);
        }
        if a.deprecated != b.deprecated {
            let detail = format!("deprecated {} vs {}", a.deprecated, b.deprecated);
            self.push(Class::Deprecated, name, None, detail, None);
        }
        match (&a.kind, &b.kind) {
            (ModelKind::Object(x), ModelKind::Object(y)) => self.object(name, x, y),
            (ModelKind::Enum(x), ModelKind::Enum(y)) => {
                let values = |e: &modeldoc::ir::Enum| {
                    e.values.iter().map(|v| v.value.clone()).collect::<Vec<_>>()
                };
                let (vx, vy) = (values(x), values(y));
                if !same_values(&vx, &vy) {
                    let detail = format!(
                        "{} vs {}",
                        serde_json::Value::from(vx),
                        serde_json::Value::from(vy)
                    );
                    self.push(Class::EnumValues, name, None, detail, None);
                }
                if x.open != y.open {
                    let detail = format!("open {} vs {}", x.open, y.open);
                    self.push(Class::EnumValues, name, None, detail, None);
                }
            }
            (ModelKind::Union(x), ModelKind::Union(y)) => {
                let (only_a, only_b) = self.cx.unpaired(&x.members, &y.members);
                if !only_a.is_empty() || !only_b.is_empty() {
                    self.push(
                        Class::UnionMembers,
                        name,
                        None,
                        members_detail(&only_a, &only_b),
                        None,
                    );
                }
            }
            (ModelKind::Alias { ty: x }, ModelKind::Alias { ty: y }) => {
                if let Some(d) = self.cx.diff(x, y) {
                    self.push_type(name, None, d);
                }
            }
            (x, y) => {
                let explained_by = match (x, y) {
                    (ModelKind::Alias { ty: Type::Any }, ModelKind::Union(_)) => {
                        self.cx.explain(Side::A, Loss::UnionMembers)
                    }
                    (ModelKind::Union(_), ModelKind::Alias { ty: Type::Any }) => {
                        self.cx.explain(Side::B, Loss::UnionMembers)
                    }
                    _ => None,
                };
                let detail = format!("{} vs {}", kind_name(x), kind_name(y));
                self.push(Class::Kind, name, None, detail, explained_by);
            }
        }
    }

    fn object(&mut self, model: &str, a: &Object, b: &Object) {
        let partner = pair_by_name(&a.fields, &b.fields, |f| &f.wire_name);
        let (pairs, only_a, only_b) = split(&a.fields, &b.fields, &partner);
        for f in only_a {
            self.push(
                Class::MissingField,
                model,
                Some(&f.wire_name),
                "only in A".into(),
                None,
            );
        }
        for f in only_b {
            self.push(
                Class::MissingField,
                model,
                Some(&f.wire_name),
                "only in B".into(),
                None,
            );
        }
        for (x, y) in pairs {
            self.fields_compared += 1;
            self.field(model, x, y);
        }
        match (&a.additional_properties, &b.additional_properties) {
            (Some(x), Some(y)) => {
                if let Some(d) = self.cx.diff(x, y) {
                    self.push_type(model, Some("(additional properties)"), d);
                }
            }
            (None, None) => {}
            (x, _) => {
                let side = if x.is_some() { "A" } else { "B" };
                let detail = format!("additional properties only in {side}");
                self.push(Class::Kind, model, None, detail, None);
            }
        }
    }

    fn field(&mut self, model: &str, a: &Field, b: &Field) {
        let name = Some(a.wire_name.as_str());
        if a.wire_name != b.wire_name {
            let detail = format!("`{}` vs `{}`", a.wire_name, b.wire_name);
            let explained_by = self.cx.explain_either(Loss::WireCase);
            self.push(Class::WireName, model, name, detail, explained_by);
        }
        if a.required != b.required {
            let detail = format!("required {} vs {}", a.required, b.required);
            self.push(Class::Required, model, name, detail, None);
        }
        if a.nullable != b.nullable {
            let (lacking, f) = if a.nullable {
                (Side::B, b)
            } else {
                (Side::A, a)
            };
            let explained_by = self.cx.null_loss(lacking, &f.ty, Some(f.required));
            let detail = format!("nullable {} vs {}", a.nullable, b.nullable);
            self.push(Class::Nullable, model, name, detail, explained_by);
        }
        if a.deprecated != b.deprecated {
            let detail = format!("deprecated {} vs {}", a.deprecated, b.deprecated);
            self.push(Class::Deprecated, model, name, detail, None);
        }
        if let Some(d) = self.cx.diff(&a.ty, &b.ty) {
            self.push_type(model, name, d);
        }
        if !same_text(&a.description, &b.description) {
            let detail = text_detail(&a.description, &b.description);
            self.push(Class::Description, model, name, detail, None);
        }
    }
}

/// Whether two descriptions are equal once whitespace is collapsed.
fn same_text(a: &Option<String>, b: &Option<String>) -> bool {
    fn words(s: &Option<String>) -> Option<Vec<&str>> {
        s.as_deref().map(|s| s.split_whitespace().collect())
    }
    words(a) == words(b)
}

/// `"first words…" vs "first words…"`, cut where the texts start to differ.
fn text_detail(a: &Option<String>, b: &Option<String>) -> String {
    let (a, b) = (a.as_deref().unwrap_or(""), b.as_deref().unwrap_or(""));
    let common = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .count()
        .saturating_sub(20);
    let cut = |s: &str| {
        let rest: String = s.chars().skip(common).collect();
        let short: String = rest.chars().take(60).collect();
        let lead = if common > 0 { "…" } else { "" };
        let tail = if short.len() < rest.len() { "…" } else { "" };
        format!("{lead}{}{tail}", short.replace('\n', " "))
    };
    format!("{:?} vs {:?}", cut(a), cut(b))
}

fn kind_name(kind: &ModelKind) -> String {
    match kind {
        ModelKind::Object(_) => "object".into(),
        ModelKind::Enum(_) => "enum".into(),
        ModelKind::Union(_) => "union".into(),
        ModelKind::Alias { ty } => format!("alias of {}", show(ty)),
    }
}
