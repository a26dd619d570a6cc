//! Writing generated files safely: all-or-nothing rendering, atomic
//! replacement (temp file + rename), untouched files when nothing changed,
//! and a check mode that only compares.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// One file to produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Where it goes.
    pub path: PathBuf,
    /// Its full contents.
    pub contents: String,
}

/// A directory whose generated files are owned by one output: stale ones are removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedDir {
    /// The directory.
    pub dir: PathBuf,
    /// File extension of the generated files (`rs`, `json`).
    pub extension: &'static str,
    /// Text every generated file contains; files without it are never touched.
    pub marker: &'static str,
}

/// What [`sync`] did or would do to one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The file did not exist.
    Created(PathBuf),
    /// The file's contents differed.
    Updated(PathBuf),
    /// A generated file that is no longer produced.
    Removed(PathBuf),
}

impl Change {
    /// The path concerned.
    pub fn path(&self) -> &Path {
        match self {
            Change::Created(p) | Change::Updated(p) | Change::Removed(p) => p,
        }
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::Created(p) => write!(f, "missing: {}", p.display()),
            Change::Updated(p) => write!(f, "stale: {}", p.display()),
            Change::Removed(p) => write!(f, "no longer generated: {}", p.display()),
        }
    }
}

/// Brings the file system in line with `files`, or (with `check`) only reports what differs.
///
/// Files whose contents are already right are not rewritten (their mtime is kept).
pub fn sync(files: &[OutputFile], owned: &[OwnedDir], check: bool) -> std::io::Result<Vec<Change>> {
    // Comparing (and below, writing) files is independent per file: done in
    // parallel, results gathered in order.
    let compared: Vec<std::io::Result<Option<Change>>> = files
        .par_iter()
        .map(|f| match fs::read(&f.path) {
            Ok(old) if old == f.contents.as_bytes() => Ok(None),
            Ok(_) => Ok(Some(Change::Updated(f.path.clone()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(Some(Change::Created(f.path.clone())))
            }
            Err(e) => Err(with_path(e, &f.path)),
        })
        .collect();
    let mut changes = Vec::new();
    for c in compared {
        changes.extend(c?);
    }
    let owned_paths: HashSet<&Path> = files.iter().map(|f| f.path.as_path()).collect();
    for dir in owned {
        let Ok(entries) = fs::read_dir(&dir.dir) else {
            continue;
        };
        let mut stale = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| with_path(e, &dir.dir))?.path();
            if path.extension().and_then(|e| e.to_str()) != Some(dir.extension) {
                continue;
            }
            if owned_paths.contains(path.as_path()) {
                continue;
            }
            if fs::read_to_string(&path).is_ok_and(|text| text.contains(dir.marker)) {
                stale.push(path);
            }
        }
        stale.sort();
        changes.extend(stale.into_iter().map(Change::Removed));
    }
    if check {
        return Ok(changes);
    }
    let by_path: HashMap<&Path, &OutputFile> =
        files.iter().map(|f| (f.path.as_path(), f)).collect();
    let dirs: BTreeSet<&Path> = changes
        .iter()
        .filter(|c| !matches!(c, Change::Removed(_)))
        .filter_map(|c| c.path().parent())
        .collect();
    for dir in dirs {
        if !dir.as_os_str().is_empty() {
            fs::create_dir_all(dir).map_err(|e| with_path(e, dir))?;
        }
    }
    changes.par_iter().try_for_each(|change| match change {
        Change::Created(p) | Change::Updated(p) => {
            let f = by_path[p.as_path()];
            write_atomic(&f.path, f.contents.as_bytes())
        }
        Change::Removed(p) => fs::remove_file(p).map_err(|e| with_path(e, p)),
    })?;
    Ok(changes)
}

/// Writes `contents` to a temporary file next to `path`, then renames it over `path`.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| with_path(e, dir))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.modeldoc-{}.tmp", std::process::id()));
    // No fsync: the rename already keeps readers from ever seeing a partial
    // file, and a per-file fsync costs milliseconds each (seconds for a doc set).
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(contents)?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(|e| with_path(e, path))
}

fn with_path(e: std::io::Error, path: &Path) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}
