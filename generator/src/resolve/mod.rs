//! A doc set → one [`Schema`]: unique model names and resolved references.
//!
//! Link paths in real docs are often wrong (Ruby links into folders that do
//! not exist, flat Python layouts keep `../../models/shared/` paths), so a
//! reference is resolved by, in order: the link's path relative to the
//! document, the linked file's lowercased stem, and the model name.
//! References to the file-upload models Speakeasy SDKs add become binary strings
//! ([`uploads`]).

mod affix;
mod discriminators;
mod uploads;

pub(crate) use discriminators::infer as infer_discriminators;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

use crate::par::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::{for_each_type_mut, Model, ModelKind, Schema, Type, Union};
use crate::parse::ParsedDoc;

/// A parsed document together with the path it was read from.
#[derive(Debug, Clone)]
pub struct LoadedDoc {
    /// The path, as used in diagnostics.
    pub path: PathBuf,
    /// The parsed document.
    pub doc: ParsedDoc,
}

/// Resolves every reference and returns the schema, models sorted by name.
///
/// `docs` must be in a deterministic order (sorted by path); on a model-name
/// collision the first document keeps the name and later ones are renamed (see
/// [`resolve_named`]), except that schema docs go before the wrappers the generator
/// synthesizes: operations (`operations/`, `requests/`) and error classes
/// (`errors/`, `apierrors/`, `sdkerrors/`), which wrap the schema of that name; an error
/// class that is the envelope of a property of its own name goes first (see `name_rank`).
pub fn resolve(docs: Vec<LoadedDoc>, diags: &mut Diagnostics) -> Schema {
    let explicit = vec![None; docs.len()];
    resolve_named(docs, explicit, diags)
}

/// Like [`resolve`], with the names the user chose for some docs (`explicit[i]` for
/// `docs[i]`, from [`crate::select::ModelSelection`]); those take their name first.
///
/// A later doc whose name is taken is named after its folder (`apierrors/detail.md` →
/// `ApierrorsDetail`), or, when that is taken too or the folder is the first doc's,
/// gets a number (`Detail2`); each such rename is a warning naming the options that
/// choose the name instead.
pub fn resolve_named(
    docs: Vec<LoadedDoc>,
    explicit: Vec<Option<String>>,
    diags: &mut Diagnostics,
) -> Schema {
    let explicit = affix::strip(&docs, &explicit, diags).unwrap_or(explicit);
    let mut names: Vec<String> = vec![String::new(); docs.len()];
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| (explicit[i].is_none(), name_rank(&docs[i]), i));
    for i in order {
        let d = &docs[i];
        let mut name = explicit[i]
            .clone()
            .unwrap_or_else(|| d.doc.model.name.clone());
        if let Some(&first) = taken.get(&name) {
            let renamed = unique_name(&name, &d.path, &docs[first].path, &taken);
            let key = crate::select::short_path(&d.path);
            diags.push(
                Diagnostic::warning(
                    d.doc.model.span.clone(),
                    format!(
                        "model name `{name}` is already used by {}; this one is named `{renamed}`",
                        docs[first].path.display()
                    ),
                )
                .with_hint(format!(
                    "choose its name with `[models] rename = {{ \"{key}\" = \"NewName\" }}` in modeldoc.toml \
                     (`--rename-model {key}=NewName`, `Config::rename_model`), or leave it out with \
                     `[models] exclude = [\"{key}\"]` (`--exclude-model`, `Config::exclude_model`)"
                )),
            );
            name = renamed;
        }
        taken.insert(name.clone(), i);
        names[i] = name;
    }

    let sdk_only: BTreeSet<String> = docs
        .iter()
        .zip(&names)
        .filter(|(d, _)| d.doc.sdk_only)
        .map(|(_, n)| n.clone())
        .collect();
    let index = Index::new(&docs, &names);
    // Documents resolve independently: in parallel, merged back in document order.
    let resolved: Vec<ResolvedDoc> = docs
        .into_par_iter()
        .enumerate()
        .map(|(i, d)| resolve_doc(d, &names[i], &names, &index))
        .collect();
    let mut models = Vec::with_capacity(resolved.len());
    // Union members known only from the labels of links to a union doc: (doc, members).
    let mut label_unions: Vec<(usize, Vec<Type>)> = Vec::new();
    for (model, labels, local) in resolved {
        models.push(model);
        label_unions.extend(labels);
        diags.extend(local.0);
    }
    drop_sdk_only(&mut models, &sdk_only, diags);
    fill_empty_unions(&mut models, label_unions, diags);
    let mut schema = Schema { models };
    uploads::binary_uploads(&mut schema);
    schema.sort();
    schema
}

/// A free name for a doc whose `name` is taken by the doc at `first`: prefixed with its
/// folder (`apierrors/detail.md` → `ApierrorsDetail`) when that differs from the first
/// doc's folder, then numbered.
fn unique_name(name: &str, path: &Path, first: &Path, taken: &HashMap<String, usize>) -> String {
    let folder = |p: &Path| {
        p.parent()
            .and_then(Path::file_name)
            .map(|f| f.to_string_lossy().into_owned())
    };
    let mut base = name.to_string();
    if let Some(f) = folder(path).filter(|f| Some(f) != folder(first).as_ref()) {
        let prefixed = format!("{}{name}", pascal(&f));
        if !taken.contains_key(&prefixed) {
            return prefixed;
        }
        base = prefixed;
    }
    let mut n = 2;
    while taken.contains_key(&format!("{base}{n}")) {
        n += 1;
    }
    format!("{base}{n}")
}

/// `api-errors` → `ApiErrors`, `apierrors` → `Apierrors`.
fn pascal(folder: &str) -> String {
    folder
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// One resolved document: its model, the union members its link labels spell out
/// for other docs (doc index, members), and its warnings.
type ResolvedDoc = (Model, Vec<(usize, Vec<Type>)>, Diagnostics);

/// Resolves the references of one document, whose model is renamed to `name`.
fn resolve_doc(d: LoadedDoc, name: &str, names: &[String], index: &Index) -> ResolvedDoc {
    let mut diags = Diagnostics::default();
    let LoadedDoc { path, doc } = d;
    let ParsedDoc {
        mut model, refs, ..
    } = doc;
    model.name = name.to_string();
    let found: Vec<Option<usize>> = refs
        .iter()
        .map(|r| {
            let found = index.find(&path, r.target.as_deref(), r.file_stem.as_deref(), &r.name);
            if found.is_none() {
                let what = r.target.as_deref().unwrap_or(&r.name);
                diags.push(
                    Diagnostic::warning(r.span.clone(), format!("dangling reference to `{what}`"))
                        .with_hint("no model doc in the input has this file name or title; the field falls back to any JSON value"),
                );
            }
            found
        })
        .collect();
    let resolve_ref = |t: &mut Type| {
        if let Type::Pending(i) = *t {
            *t = match found.get(i).copied().flatten() {
                Some(j) => Type::Ref(names[j].clone()),
                None => Type::Any,
            };
        }
    };
    let mut label_unions = Vec::new();
    for (r, target) in refs.iter().zip(&found) {
        if let (Some(members), Some(j)) = (&r.label_members, target) {
            let mut members = members.clone();
            members
                .iter_mut()
                .for_each(|m| m.visit_mut(&mut |t| resolve_ref(t)));
            label_unions.push((*j, members));
        }
    }
    for_each_type_mut(&mut model, |t| t.visit_mut(&mut |t| resolve_ref(t)));
    (model, label_unions, diags)
}

/// Leaves out every field that refers to a model of only SDK members (`HTTPMeta`, of
/// Speakeasy's `HTTPMetadata`), with a note each, and the models so referred to. A model
/// of only SDK members that no field refers to (a response wrapper without a body) stays,
/// an empty object.
fn drop_sdk_only(models: &mut Vec<Model>, sdk_only: &BTreeSet<String>, diags: &mut Diagnostics) {
    if sdk_only.is_empty() {
        return;
    }
    let sdk_ref = |t: &Type| -> Option<String> {
        let t = match t {
            Type::Nullable(inner) => inner,
            t => t,
        };
        match t {
            Type::Ref(name) if sdk_only.contains(name) => Some(name.clone()),
            _ => None,
        }
    };
    let mut referred = BTreeSet::new();
    for model in models.iter_mut() {
        let ModelKind::Object(object) = &mut model.kind else {
            continue;
        };
        object.fields.retain(|f| {
            let Some(target) = sdk_ref(&f.ty) else {
                return true;
            };
            diags.push(crate::parse::sdk_member_note(
                f.span.clone(),
                &f.wire_name,
                &format!("{}.{}: {target}", model.name, f.wire_name),
            ));
            referred.insert(target);
            false
        });
    }
    models.retain(|m| !referred.contains(&m.name));
}

/// Gives docs that describe nothing (title-only Ruby and Java union docs,
/// openapi-generator composed schemas) the members the labels of links to
/// them spell out, and warns once about those that stay unknown.
fn fill_empty_unions(
    models: &mut [Model],
    label_unions: Vec<(usize, Vec<Type>)>,
    diags: &mut Diagnostics,
) {
    let is_empty = |m: &Model| matches!(m.kind, ModelKind::Alias { ty: Type::Any });
    for (j, members) in label_unions {
        if is_empty(&models[j]) {
            models[j].kind = ModelKind::Union(Union::new(members));
        }
    }
    let empty: Vec<&Model> = models.iter().filter(|m| is_empty(m)).collect();
    if let Some(first) = empty.first() {
        diags.push(
            Diagnostic::warning(
                first.span.clone(),
                format!(
                    "{} model doc(s) describe no fields, values or members (first: `{}`)",
                    empty.len(),
                    first.name
                ),
            )
            .with_hint("their shape cannot be recovered from the docs (Ruby and Java render union docs empty, openapi-generator composed schemas have no properties); they become any JSON value"),
        );
    }
}

/// Lookup tables over a doc set.
struct Index {
    by_path: HashMap<PathBuf, usize>,
    by_stem: BTreeMap<String, Vec<usize>>,
    by_name: BTreeMap<String, Vec<usize>>,
    titles: Vec<String>,
}

impl Index {
    fn new(docs: &[LoadedDoc], names: &[String]) -> Self {
        // The keys cost path and case work per doc: compute them in parallel.
        let keys: Vec<(PathBuf, String, String, String)> = docs
            .par_iter()
            .zip(names)
            .map(|(d, name)| {
                let stem = d
                    .path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                (
                    normalize(&d.path),
                    stem,
                    fold(name),
                    fold(&d.doc.model.name),
                )
            })
            .collect();
        let mut by_path = HashMap::with_capacity(keys.len());
        let mut by_stem: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut titles = Vec::with_capacity(keys.len());
        for (i, (path, stem, name, title)) in keys.into_iter().enumerate() {
            by_path.insert(path, i);
            by_stem.entry(stem).or_default().push(i);
            by_name.entry(name).or_default().push(i);
            titles.push(title);
        }
        // A renamed doc is still found by its title, after every doc's own name.
        for (i, title) in titles.iter().enumerate() {
            let list = by_name.entry(title.clone()).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
        Index {
            by_path,
            by_stem,
            by_name,
            titles,
        }
    }

    fn find(
        &self,
        from: &Path,
        target: Option<&str>,
        stem: Option<&str>,
        name: &str,
    ) -> Option<usize> {
        if let Some(target) = target {
            let path = target.split('#').next().unwrap_or(target);
            if !path.is_empty() {
                let joined = from.parent().unwrap_or(Path::new("")).join(path);
                if let Some(&i) = self.by_path.get(&normalize(&joined)) {
                    return Some(i);
                }
            }
        }
        let folded = fold(name);
        if let Some(candidates) = stem.and_then(|s| self.by_stem.get(s)) {
            let best = candidates
                .iter()
                .find(|&&i| !folded.is_empty() && self.titles[i] == folded)
                .or_else(|| candidates.first());
            if best.is_some() {
                return best.copied();
            }
        }
        if folded.is_empty() {
            return None;
        }
        self.by_name.get(&folded).and_then(|c| c.first().copied())
    }
}

/// Who takes a contested name first (lowest): an error doc that is the envelope of a
/// property of its own name (`errors/Error.md` with a field `error` linking to a model:
/// Speakeasy names an inline object after its property, so a same-named schema doc is
/// that inner object and the error doc is the spec's component), then schema docs, then
/// the wrappers the generator makes (operations, other error classes).
fn name_rank(doc: &LoadedDoc) -> u8 {
    if !is_wrapper_doc(&doc.path) {
        return 1;
    }
    let envelope = match &doc.doc.model.kind {
        ModelKind::Object(o) => o.fields.iter().any(|f| {
            fold(&f.wire_name) == fold(&doc.doc.model.name)
                && matches!(f.ty, Type::Pending(_) | Type::Ref(_))
        }),
        _ => false,
    };
    if envelope && !is_operation_doc(&doc.path) {
        0
    } else {
        2
    }
}

/// Whether a doc lives in a folder of generator-made wrappers (operations, errors).
fn is_wrapper_doc(path: &Path) -> bool {
    const FOLDERS: [&str; 5] = ["operations", "requests", "errors", "apierrors", "sdkerrors"];
    in_folder(path, &FOLDERS)
}

/// Whether a doc lives in an operations folder (`operations/`, `requests/`):
/// an SDK's request/response wrapper, not an API schema.
pub(crate) fn is_operation_doc(path: &Path) -> bool {
    in_folder(path, &["operations", "requests"])
}

fn in_folder(path: &Path, folders: &[&str]) -> bool {
    path.components().any(|c| {
        let c = c.as_os_str().to_string_lossy();
        folders.iter().any(|f| c.eq_ignore_ascii_case(f))
    })
}

/// Lowercase, alphanumerics only: `UserAPIKey`, `user_api_key` → `userapikey`.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lexically normalizes `a/b/../c` → `a/c` (no filesystem access).
fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.last(), Some(Component::Normal(_))) {
                    out.pop();
                } else {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    let lowered: PathBuf = out.iter().collect();
    PathBuf::from(lowered.to_string_lossy().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_document, Dialect};
    use crate::source::SourceFile;

    fn doc(path: &str, text: &str) -> LoadedDoc {
        let source = SourceFile::new(path, text);
        let mut diags = Diagnostics::default();
        let doc = parse_document(&source, Dialect::Go, &mut diags).expect("parses");
        LoadedDoc {
            path: path.into(),
            doc,
        }
    }

    /// A Go doc `# title` with one optional string field `Code`.
    fn code_doc(path: &str, title: &str) -> LoadedDoc {
        doc(
            path,
            &format!("# {title}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `Code` | **string* | :heavy_minus_sign: | N/A |\n"),
        )
    }

    #[test]
    fn an_error_envelope_keeps_the_name_over_its_inner_object() {
        // The spec's `Error` is `{"error": {...}}`; Speakeasy names the inline inner
        // object `Error` too (after its property) and documents it as a component.
        let inner = "# Error\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `code` | *string* | :heavy_check_mark: | N/A |\n";
        let envelope = "# Error\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `error` | [Components\\Error](../../Models/Components/Error.md) | :heavy_check_mark: | N/A |\n";
        let docs = vec![
            doc("Models/Components/Error.md", inner),
            doc("Models/Errors/Error.md", envelope),
        ];
        let mut diags = Diagnostics::default();
        let schema = resolve(docs, &mut diags);
        let file = |name: &str| schema.model(name).map(|m| m.span.file.to_string());
        assert_eq!(file("Error").as_deref(), Some("Models/Errors/Error.md"));
        assert_eq!(
            file("ComponentsError").as_deref(),
            Some("Models/Components/Error.md")
        );
        let ModelKind::Object(o) = &schema.model("Error").expect("envelope").kind else {
            panic!("object")
        };
        assert_eq!(o.fields[0].ty, Type::Ref("ComponentsError".into()));
    }

    #[test]
    fn schema_docs_keep_the_name_over_error_and_operation_wrappers() {
        let docs = vec![
            code_doc("models/apierrors/thing.md", "Thing"),
            code_doc("models/components/thing.md", "Thing"),
            code_doc("models/operations/thing.md", "Thing"),
        ];
        let mut diags = Diagnostics::default();
        let schema = resolve(docs, &mut diags);
        let file = |name: &str| schema.model(name).map(|m| m.span.file.to_string());
        assert_eq!(file("Thing").as_deref(), Some("models/components/thing.md"));
        assert_eq!(
            file("ApierrorsThing").as_deref(),
            Some("models/apierrors/thing.md")
        );
        assert_eq!(
            file("OperationsThing").as_deref(),
            Some("models/operations/thing.md")
        );
        assert_eq!(diags.warning_count(), 2);
        let text = format!("{diags:?}");
        assert!(
            text.contains("--rename-model apierrors/thing.md=NewName"),
            "{text}"
        );
    }

    #[test]
    fn collision_names_come_from_the_folder_then_numbers() {
        let docs = vec![
            code_doc("models/apierrors/detail.md", "Detail"),
            code_doc("models/components/detail.md", "Detail"),
            code_doc("models/components/detail2.md", "Detail2"),
            code_doc("models/components/dup/detail.md", "Detail"),
            code_doc("models/components/apierrorsdetail.md", "ApierrorsDetail"),
        ];
        let mut diags = Diagnostics::default();
        let schema = resolve(docs, &mut diags);
        let file = |name: &str| schema.model(name).map(|m| m.span.file.to_string());
        assert_eq!(
            file("Detail").as_deref(),
            Some("models/components/detail.md")
        );
        assert_eq!(
            file("DupDetail").as_deref(),
            Some("models/components/dup/detail.md")
        );
        // `ApierrorsDetail` is a schema doc's name: the error wrapper gets a number.
        assert_eq!(
            file("ApierrorsDetail2").as_deref(),
            Some("models/apierrors/detail.md")
        );
        assert!(schema.model("Detail22").is_none());
    }

    #[test]
    fn explicit_names_win_and_renamed_docs_are_found_by_title() {
        let docs = vec![
            code_doc("models/a/user.md", "User"),
            doc(
                "models/b/team.md",
                "# Team\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `Owner` | [User](nothing.md) | :heavy_minus_sign: | N/A |\n",
            ),
            code_doc("models/b/member.md", "Member"),
        ];
        let explicit = vec![Some("Member".to_string()), None, None];
        let mut diags = Diagnostics::default();
        let schema = resolve_named(docs, explicit, &mut diags);
        let file = |name: &str| schema.model(name).map(|m| m.span.file.to_string());
        assert_eq!(file("Member").as_deref(), Some("models/a/user.md"));
        assert_eq!(file("BMember").as_deref(), Some("models/b/member.md"));
        let team = schema.model("Team").expect("team");
        let json = serde_json::to_string(team).unwrap();
        assert!(json.contains("\"Member\""), "{json}");
    }
}
