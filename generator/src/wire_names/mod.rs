//! Wire names that match the API: inferred from the docs, settled by the user.
//!
//! A doc's Field column shows the SDK's member name (`user_id` in Python, `UserID` in
//! Go, `userId` in TypeScript), not the JSON key. This pass, run after resolution,
//! sets every [`Field::wire_name`](crate::ir::Field):
//!
//! 1. **Evidence** ([`evidence`]): keys of example values (at positions whose model the
//!    field types give), identifiers quoted in descriptions, and sample payloads the
//!    user supplies ([`samples`]).
//! 2. **Convention**: each multi-word spelling seen for a field votes for its
//!    convention ([`Style`]); the majority is the API's convention, with the digit and
//!    acronym habits its spellings show (`brand_100`, `userID`). Without evidence, docs
//!    in PascalCase (Go, C#) are read as camelCase and others are kept as written, and
//!    a warning names the options that settle it.
//! 3. **Exceptions**: a field whose own spelling was seen (in its model's examples or
//!    descriptions, in a sample, or anywhere in the convention's style) takes it.
//! 4. **The user's map** (`[wire_names]`, `--wire-name Model.field=name`,
//!    [`Config::wire_name`](crate::Config::wire_name)) wins over everything.
//!
//! One note says what was inferred and why. `--rename-wire as-is|snake|camel` replaces
//! steps 1-3 by one rule.

pub mod evidence;
pub mod samples;
pub mod style;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::{ModelKind, Schema};
use crate::rename::{self, RenameWire};
use evidence::{Evidence, FieldIndex};
pub use style::{Spelling, Style};

/// How wire names are decided.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireNames {
    /// The rule: inferred (default) or one fixed rule.
    pub rule: RenameWire,
    /// `Model.field` (the field as the doc names it, or its inferred wire name) → wire name.
    pub map: BTreeMap<String, String>,
    /// A folder of sample payloads, `<Model>.json` each.
    pub samples: Option<PathBuf>,
}

/// What inference decided, for the report and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inferred {
    /// The convention applied to fields without evidence of their own (`None`: kept as written).
    pub spelling: Option<Spelling>,
    /// Multi-word spellings seen that differ from the doc names, per convention.
    pub votes: BTreeMap<Style, usize>,
    /// Multi-word names quoted exactly as the docs write them.
    pub agree: usize,
    /// Fields that take a spelling seen for them: `(model, doc name, wire name)`.
    pub exceptions: Vec<(String, String, String)>,
    /// Whether the evidence was too thin or split to be sure.
    pub weak: bool,
}

/// Sets every field's wire name (see the module docs).
pub fn apply(schema: &mut Schema, cfg: &WireNames, diags: &mut Diagnostics) -> Option<Inferred> {
    let doc_names: Vec<Vec<String>> = schema
        .models
        .iter()
        .map(|m| match &m.kind {
            ModelKind::Object(o) => o.fields.iter().map(|f| f.wire_name.clone()).collect(),
            _ => Vec::new(),
        })
        .collect();
    let index = FieldIndex::new(schema);
    let mut ev = Evidence::default();
    if let Some(dir) = &cfg.samples {
        samples::read(schema, &index, dir, &mut ev, diags);
    }
    let inferred = if cfg.rule == RenameWire::Infer {
        let collected = evidence::collect(schema, &index);
        merge(&mut ev, collected);
        let inferred = infer(schema, &ev);
        set_names(
            schema,
            |mi, fi, _| inferred_name(&inferred, &ev, schema_doc(&doc_names, mi, fi), mi, fi),
            diags,
        );
        report(schema, &inferred, diags);
        Some(inferred)
    } else {
        rename::rename_wire(schema, cfg.rule, diags);
        // Samples still settle the fields they show.
        set_names(
            schema,
            |mi, fi, current| best(ev.fields.get(&(mi, fi))).unwrap_or_else(|| current.to_string()),
            diags,
        );
        None
    };
    apply_map(schema, &doc_names, &cfg.map, diags);
    inferred
}

fn schema_doc(doc_names: &[Vec<String>], mi: usize, fi: usize) -> &str {
    &doc_names[mi][fi]
}

fn merge(into: &mut Evidence, from: Evidence) {
    for (at, seen) in from.fields {
        let slot = into.fields.entry(at).or_default();
        for (spelling, (source, n)) in seen {
            let e = slot.entry(spelling).or_insert((source, 0));
            e.0 = e.0.min(source);
            e.1 += n;
        }
    }
    into.agree.extend(from.agree);
    for (k, spellings) in from.global {
        let slot = into.global.entry(k).or_default();
        for (s, n) in spellings {
            *slot.entry(s).or_default() += n;
        }
    }
}

/// The strongest, then most often seen, spelling.
fn best(seen: Option<&evidence::Seen>) -> Option<String> {
    seen?
        .iter()
        .min_by_key(|(s, (source, n))| (*source, std::cmp::Reverse(*n), s.as_str()))
        .map(|(s, _)| s.clone())
}

/// Decides the convention from the spellings seen for the schema's fields.
pub fn infer(schema: &Schema, ev: &Evidence) -> Inferred {
    // One vote per field name (normalized), from its best spelling.
    let mut by_norm: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (mi, model) in schema.models.iter().enumerate() {
        let ModelKind::Object(o) = &model.kind else {
            continue;
        };
        for (fi, f) in o.fields.iter().enumerate() {
            let key = style::norm(&f.wire_name);
            let seen = best(ev.fields.get(&(mi, fi))).or_else(|| {
                ev.global.get(&key).and_then(|g| {
                    g.iter()
                        .max_by_key(|(s, n)| (**n, std::cmp::Reverse(s.as_str())))
                        .map(|(s, _)| s.clone())
                })
            });
            if let Some(s) = seen.filter(|s| Style::of(s).is_some()) {
                by_norm.entry(key).or_insert((f.wire_name.clone(), s));
            }
        }
    }
    let mut votes: BTreeMap<Style, usize> = BTreeMap::new();
    for (_, s) in by_norm.values() {
        if let Some(st) = Style::of(s) {
            *votes.entry(st).or_default() += 1;
        }
    }
    let agree = ev.agree.len();
    let total: usize = votes.values().sum::<usize>() + agree;
    let winner = Style::ALL
        .into_iter()
        .max_by_key(|s| {
            (
                votes.get(s).copied().unwrap_or(0),
                std::cmp::Reverse(*s as u8),
            )
        })
        .filter(|s| votes.get(s).copied().unwrap_or(0) > agree);
    let spelling = match winner {
        Some(style) => {
            // Digit and acronym habits: compare the spellings of this style with both ways.
            let pairs: Vec<&(String, String)> = by_norm
                .values()
                .filter(|(_, s)| Style::of(s) == Some(style))
                .collect();
            let habit = |f: &dyn Fn(bool) -> Spelling, only: &dyn Fn(&str) -> bool| {
                let (mut yes, mut no) = (0, 0);
                for (doc, seen) in pairs.iter().filter(|(doc, _)| only(doc)) {
                    let (a, b) = (f(true).apply(doc), f(false).apply(doc));
                    if a != b {
                        yes += usize::from(*seen == a);
                        no += usize::from(*seen == b);
                    }
                }
                yes > no
            };
            // Single digits (`line1`, `street_1`) and longer numbers (`brand_100`) are
            // separate habits: one API can write `line1` and `rate_24h`.
            let split_digits = habit(
                &|on| Spelling {
                    split_digits: on,
                    ..Spelling::plain(style)
                },
                &|doc| style::digit_run(doc).is_some_and(|n| n > 1),
            );
            let split_digit = habit(
                &|on| Spelling {
                    split_digit: on,
                    ..Spelling::plain(style)
                },
                &|doc| style::digit_run(doc) == Some(1),
            );
            let keep_acronyms = habit(
                &|on| Spelling {
                    keep_acronyms: on,
                    ..Spelling::plain(style)
                },
                &|_| true,
            );
            Some(Spelling {
                style,
                split_digits,
                split_digit,
                keep_acronyms,
            })
        }
        None if agree > 0 => None,
        None => fallback(schema),
    };
    let top = winner.and_then(|w| votes.get(&w).copied()).unwrap_or(agree);
    Inferred {
        spelling,
        weak: total < 3 || top * 3 < total * 2,
        votes,
        agree,
        exceptions: Vec::new(),
    }
}

/// Without evidence: PascalCase docs (Go, C#) are read as camelCase, others kept.
fn fallback(schema: &Schema) -> Option<Spelling> {
    let mut counts: BTreeMap<Style, usize> = BTreeMap::new();
    for m in &schema.models {
        if let ModelKind::Object(o) = &m.kind {
            for f in &o.fields {
                if let Some(s) = Style::of(&f.wire_name) {
                    *counts.entry(s).or_default() += 1;
                }
            }
        }
    }
    let pascal = counts.get(&Style::Pascal).copied().unwrap_or(0);
    let total: usize = counts.values().sum();
    (total > 0 && pascal * 2 > total).then(|| Spelling::plain(Style::Camel))
}

/// One field's wire name under the inference.
fn inferred_name(inf: &Inferred, ev: &Evidence, doc: &str, mi: usize, fi: usize) -> String {
    if let Some(s) = best(ev.fields.get(&(mi, fi))) {
        return s;
    }
    let Some(spelling) = inf.spelling else {
        return doc.to_string();
    };
    // Seen elsewhere in the convention's style: an exception the convention cannot spell.
    if let Some(g) = ev.global.get(&style::norm(doc)) {
        let fits = g
            .iter()
            .filter(|(s, _)| Style::of(s) == Some(spelling.style))
            .max_by_key(|(s, n)| (**n, std::cmp::Reverse(s.as_str())));
        if let Some((s, _)) = fits {
            return s.clone();
        }
    }
    convention(spelling, doc)
}

/// The convention's spelling of a doc name; names already in the convention, and
/// names with characters a convention cannot spell (`@odata.type`), are kept.
fn convention(spelling: Spelling, doc: &str) -> String {
    let body = doc.trim_start_matches(['_', '$', '@']);
    if body.is_empty()
        || Style::of(doc) == Some(spelling.style) && !spelling.split_digits && !spelling.split_digit
        || !body.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return doc.to_string();
    }
    spelling.apply(doc)
}

/// Renames the fields of every object by `name(model, field, current)`; an object whose
/// new names would clash keeps its names, with a warning.
fn set_names(
    schema: &mut Schema,
    mut name: impl FnMut(usize, usize, &str) -> String,
    diags: &mut Diagnostics,
) {
    for (mi, model) in schema.models.iter_mut().enumerate() {
        let ModelKind::Object(o) = &mut model.kind else {
            continue;
        };
        let new: Vec<String> = o
            .fields
            .iter()
            .enumerate()
            .map(|(fi, f)| name(mi, fi, &f.wire_name))
            .collect();
        let mut seen = BTreeSet::new();
        if let Some(dup) = new.iter().find(|n| !seen.insert(n.as_str())) {
            diags.push(
                Diagnostic::warning(
                    model.span.clone(),
                    format!(
                        "inferred wire names would give two fields of `{}` the name `{dup}`; its names are kept as written",
                        model.name
                    ),
                )
                .with_hint(format!("settle them with [wire_names] in modeldoc.toml or --wire-name {}.FIELD=NAME", model.name)),
            );
            continue;
        }
        for (f, n) in o.fields.iter_mut().zip(new) {
            f.wire_name = n;
        }
    }
}

/// How a user settles wire names the docs do not show.
const SETTLE: &str = "check one real payload; set the rule with --rename-wire snake|camel|as-is (rename_wire in modeldoc.toml), single fields with --wire-name Model.field=name ([wire_names]), or learn them with --wire-samples DIR";

/// The one-line report, and a warning where the evidence is weak (some, or none while
/// names are changed).
fn report(schema: &Schema, inf: &Inferred, diags: &mut Diagnostics) {
    let Some(first) = schema.models.first() else {
        return;
    };
    let span = crate::source::Span {
        file: first.span.file.clone(),
        line: 1,
        column: 1,
    };
    let mut votes: Vec<String> = inf
        .votes
        .iter()
        .rev()
        .map(|(s, n)| format!("{s} {n}"))
        .collect();
    if inf.agree > 0 {
        votes.push(format!("as the docs write them {}", inf.agree));
    }
    let total: usize = inf.votes.values().sum::<usize>() + inf.agree;
    let rule = match inf.spelling {
        Some(s) => {
            let mut r = s.style.name().to_string();
            if s.split_digit {
                r.push_str(", single digits as words");
            }
            if s.split_digits {
                r.push_str(", numbers as words");
            }
            if s.keep_acronyms {
                r.push_str(", acronyms kept");
            }
            r
        }
        None => "as the docs write them".into(),
    };
    let why = if total == 0 {
        "no property name is quoted in a description or shown in an example".to_string()
    } else {
        format!(
            "from {total} property names quoted in descriptions or shown in examples ({})",
            votes.join(", ")
        )
    };
    let mut note = Diagnostic::note(span.clone(), format!("wire names: {rule}, {why}"));
    if total == 0 && inf.spelling.is_none() {
        // Nothing seen and nothing changed: say how to settle it, without a warning.
        note = note.with_hint(SETTLE);
    }
    diags.push(note);
    if inf.weak && (total > 0 || inf.spelling.is_some()) {
        diags.push(
            Diagnostic::warning(
                span,
                format!("wire names: little evidence of the API's naming convention; using {rule}"),
            )
            .with_hint(SETTLE),
        );
    }
}

/// Applies the user's `Model.field = name` map; unknown entries warn.
fn apply_map(
    schema: &mut Schema,
    doc_names: &[Vec<String>],
    map: &BTreeMap<String, String>,
    diags: &mut Diagnostics,
) {
    for (path, wire) in map {
        let hit = path.split_once('.').and_then(|(model, field)| {
            let mi = schema.model_index(model)?;
            let ModelKind::Object(o) = &mut schema.models[mi].kind else {
                return None;
            };
            let fi = doc_names[mi]
                .iter()
                .position(|d| d == field)
                .or_else(|| o.fields.iter().position(|f| f.wire_name == field))?;
            o.fields[fi].wire_name = wire.clone();
            Some(())
        });
        if hit.is_none() {
            let span = schema
                .models
                .first()
                .map(|m| m.span.clone())
                .unwrap_or_else(|| crate::source::SourceFile::new("modeldoc.toml", "").span(0));
            diags.push(
                Diagnostic::warning(
                    span,
                    format!("wire name map: `{path}` names no field of an object model"),
                )
                .with_hint(
                    "write `Model.field`, with the model's name and the field as its doc names it",
                ),
            );
        }
    }
}
