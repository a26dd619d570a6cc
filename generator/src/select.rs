//! Which docs become models, and under which name: `[models]` of `modeldoc.toml`,
//! `--rename-model` / `--exclude-model` on the command line, and
//! [`Config::rename_model`](crate::Config::rename_model) /
//! [`Config::exclude_model`](crate::Config::exclude_model).
//!
//! A key names docs either by **model name** (the doc's `# Title`, e.g. `Detail`) or by
//! **doc path** (a key with a `/` or ending in `.md`): `apierrors/detail.md` matches every
//! doc whose path ends with those components, `operations/` every doc under a folder of
//! that name. Paths compare case-insensitively. A key that matches no doc is an error (with
//! the closest name as a hint), and so is a rename whose key matches several docs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use crate::config::Error;
use crate::resolve::LoadedDoc;

/// Renames and exclusions of models, by model name or doc path (the `[models]` table).
///
/// ```toml
/// [models]
/// exclude = ["operations/"]
/// rename = { "apierrors/detail.md" = "ErrorDetail" }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ModelSelection {
    /// Key → the model's new name. The new name takes precedence over any other doc's.
    pub rename: BTreeMap<String, String>,
    /// Keys of docs that are left out (references to them dangle, with a warning).
    pub exclude: Vec<String>,
}

impl ModelSelection {
    /// Whether nothing is renamed or excluded.
    pub fn is_empty(&self) -> bool {
        self.rename.is_empty() && self.exclude.is_empty()
    }

    /// Adds the entries of `other` (later entries win a rename of the same key).
    pub fn extend(&mut self, other: &ModelSelection) {
        self.rename
            .extend(other.rename.iter().map(|(k, v)| (k.clone(), v.clone())));
        for e in &other.exclude {
            if !self.exclude.contains(e) {
                self.exclude.push(e.clone());
            }
        }
    }

    /// Checks that every new name is a valid model name.
    pub fn validate(&self) -> Result<(), String> {
        for (key, name) in &self.rename {
            let mut chars = name.chars();
            let ok = chars.next().is_some_and(char::is_alphabetic)
                && chars.all(|c| c.is_alphanumeric() || c == '_');
            if !ok {
                return Err(format!(
                    "rename of `{key}`: `{name}` is not a model name (a letter, then letters, digits or `_`)"
                ));
            }
        }
        Ok(())
    }

    /// Drops the files that an exclusion names by doc path from `files`, before they are
    /// read: a doc that cannot be read or parsed can still be left out. Keys that matched
    /// are added to `used`.
    pub(crate) fn exclude_files(
        &self,
        files: &mut Vec<std::path::PathBuf>,
        used: &mut BTreeSet<String>,
    ) {
        let keys: Vec<Key<'_>> = self
            .exclude
            .iter()
            .map(|k| Key::new(k))
            .filter(|k| k.path.is_some())
            .collect();
        if keys.is_empty() {
            return;
        }
        files.retain(|f| {
            let hit: Vec<&Key<'_>> = keys.iter().filter(|k| k.matches_path(f)).collect();
            for k in &hit {
                used.insert(k.text.to_string());
            }
            hit.is_empty()
        });
    }

    /// Drops excluded docs from `docs` and returns the explicit name of each remaining doc
    /// (in order). Keys that matched are added to `used`.
    pub(crate) fn apply(
        &self,
        docs: &mut Vec<LoadedDoc>,
        used: &mut BTreeSet<String>,
    ) -> Result<Vec<Option<String>>, Error> {
        if self.is_empty() {
            return Ok(vec![None; docs.len()]);
        }
        let keys: Vec<Key<'_>> = self.exclude.iter().map(|k| Key::new(k)).collect();
        docs.retain(|d| {
            let hit: Vec<&Key<'_>> = keys.iter().filter(|k| k.matches(d)).collect();
            for k in &hit {
                used.insert(k.text.to_string());
            }
            hit.is_empty()
        });
        let mut names = vec![None; docs.len()];
        for (key, name) in &self.rename {
            let k = Key::new(key);
            let hits: Vec<usize> = (0..docs.len()).filter(|&i| k.matches(&docs[i])).collect();
            if hits.len() > 1 {
                let paths: Vec<String> = hits
                    .iter()
                    .take(3)
                    .map(|&i| format!("`{}`", docs[i].path.display()))
                    .collect();
                return Err(Error::Config(format!(
                    "rename of `{key}` matches {} docs ({}{}): name one by its doc path, e.g. `{}`",
                    hits.len(),
                    paths.join(", "),
                    if hits.len() > 3 { ", ..." } else { "" },
                    short_path(&docs[hits[0]].path),
                )));
            }
            if let Some(&i) = hits.first() {
                used.insert(key.clone());
                names[i] = Some(name.clone());
            }
        }
        Ok(names)
    }

    /// An error for the keys that matched no doc of `docs` (all doc sets' docs), if any.
    pub(crate) fn check_unused(
        &self,
        used: &BTreeSet<String>,
        candidates: &[String],
    ) -> Result<(), Error> {
        let keys = self.rename.keys().chain(&self.exclude);
        let Some(unused) = keys.into_iter().find(|k| !used.contains(*k)) else {
            return Ok(());
        };
        let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
        let hint = match crate::suggest::closest(unused, &refs) {
            Some(best) => format!("; did you mean `{best}`?"),
            None => String::new(),
        };
        Err(Error::Config(format!(
            "model selection: `{unused}` names no model or doc in the input{hint}"
        )))
    }
}

/// The names a key could have meant, for "did you mean": model names and `folder/file.md`.
pub(crate) fn candidates(docs: &[LoadedDoc]) -> Vec<String> {
    docs.iter()
        .flat_map(|d| [d.doc.model.name.clone(), short_path(&d.path)])
        .collect()
}

/// The last folder and the file name of a doc path, `/`-separated: `apierrors/detail.md`.
pub(crate) fn short_path(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let from = parts.len().saturating_sub(2);
    parts[from..].join("/")
}

/// A parsed selection key.
struct Key<'a> {
    text: &'a str,
    /// Lowercased path components, when the key is a path.
    path: Option<Vec<String>>,
    /// The key names a folder (trailing `/`).
    folder: bool,
}

impl<'a> Key<'a> {
    fn new(text: &'a str) -> Self {
        let is_path = text.contains(['/', '\\']) || text.to_lowercase().ends_with(".md");
        let path = is_path.then(|| {
            text.split(['/', '\\'])
                .filter(|c| !c.is_empty() && *c != ".")
                .map(str::to_lowercase)
                .collect()
        });
        Key {
            text,
            path,
            folder: text.ends_with(['/', '\\']),
        }
    }

    fn matches(&self, doc: &LoadedDoc) -> bool {
        match &self.path {
            None => doc.doc.model.name == self.text,
            Some(_) => self.matches_path(&doc.path),
        }
    }

    /// Whether a path key names the doc at `path` (a name key names no path).
    fn matches_path(&self, path: &Path) -> bool {
        let Some(key) = &self.path else {
            return false;
        };
        if key.is_empty() {
            return false;
        }
        let parts: Vec<String> = path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().to_lowercase())
            .collect();
        if self.folder {
            let folders = &parts[..parts.len().saturating_sub(1)];
            folders.windows(key.len()).any(|w| w == key.as_slice())
        } else {
            parts.ends_with(key)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_document, Dialect};
    use crate::source::SourceFile;

    fn doc(path: &str, title: &str) -> LoadedDoc {
        let text = format!("# {title}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `Code` | *string* | :heavy_check_mark: | N/A |\n");
        let source = SourceFile::new(path, &text);
        let mut diags = crate::Diagnostics::default();
        let doc = parse_document(&source, Dialect::Go, &mut diags).expect("parses");
        LoadedDoc {
            path: path.into(),
            doc,
        }
    }

    fn docs() -> Vec<LoadedDoc> {
        vec![
            doc("docs/models/apierrors/detail.md", "Detail"),
            doc("docs/models/components/detail.md", "Detail"),
            doc("docs/models/operations/getpetrequest.md", "GetPetRequest"),
        ]
    }

    #[test]
    fn keys_match_by_name_path_suffix_or_folder() {
        let d = docs();
        assert!(Key::new("Detail").matches(&d[0]));
        assert!(!Key::new("detail").matches(&d[0]));
        assert!(Key::new("apierrors/detail.md").matches(&d[0]));
        assert!(Key::new("APIErrors/Detail.md").matches(&d[0]));
        assert!(!Key::new("apierrors/detail.md").matches(&d[1]));
        assert!(Key::new("detail.md").matches(&d[1]));
        assert!(Key::new("operations/").matches(&d[2]));
        assert!(!Key::new("operations/").matches(&d[1]));
        assert!(!Key::new("errors/detail.md").matches(&d[0]));
    }

    #[test]
    fn exclude_and_rename() {
        let mut d = docs();
        let sel = ModelSelection {
            rename: [("apierrors/detail.md".to_string(), "ErrorDetail".to_string())].into(),
            exclude: vec!["operations/".into()],
        };
        let mut used = BTreeSet::new();
        let names = sel.apply(&mut d, &mut used).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(names, [Some("ErrorDetail".to_string()), None]);
        sel.check_unused(&used, &[]).unwrap();
    }

    #[test]
    fn ambiguous_renames_and_unused_keys_are_errors() {
        let mut d = docs();
        let sel = ModelSelection {
            rename: [("Detail".to_string(), "X".to_string())].into(),
            exclude: vec![],
        };
        let e = sel
            .apply(&mut d, &mut BTreeSet::new())
            .unwrap_err()
            .to_string();
        assert!(e.contains("matches 2 docs"), "{e}");
        assert!(e.contains("apierrors/detail.md"), "{e}");

        let sel = ModelSelection {
            rename: BTreeMap::new(),
            exclude: vec!["Detial".into()],
        };
        let mut used = BTreeSet::new();
        sel.apply(&mut d, &mut used).unwrap();
        let e = sel
            .check_unused(&used, &candidates(&d))
            .unwrap_err()
            .to_string();
        assert!(e.contains("`Detial` names no model"), "{e}");
        assert!(e.contains("did you mean `Detail`?"), "{e}");
    }

    #[test]
    fn new_names_must_be_identifiers() {
        let sel = ModelSelection {
            rename: [("Detail".to_string(), "9 lives".to_string())].into(),
            exclude: vec![],
        };
        assert!(sel.validate().unwrap_err().contains("not a model name"));
    }
}
