//! Writing generated files safely: all-or-nothing rendering, atomic
//! replacement (temp file + rename), untouched files when nothing changed,
//! and a check mode that only compares.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::par::prelude::*;

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

/// Whether a file on disk holds `text`, up to line endings: a checkout that turned
/// `\n` into `\r\n` (git `core.autocrlf` on Windows) is not stale.
fn same_text(old: &[u8], text: &str) -> bool {
    if old == text.as_bytes() {
        return true;
    }
    if !old.contains(&b'\r') {
        return false;
    }
    let lf = |bytes: &[u8]| -> Vec<u8> {
        let mut out = Vec::with_capacity(bytes.len());
        for (i, &b) in bytes.iter().enumerate() {
            if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                out.push(b);
            }
        }
        out
    };
    lf(old) == lf(text.as_bytes())
}

/// Brings the file system in line with `files`, or (with `check`) only reports what differs.
///
/// Files whose contents are already right, up to line endings ([`same_text`]), are
/// not rewritten (their mtime is kept).
pub fn sync(files: &[OutputFile], owned: &[OwnedDir], check: bool) -> std::io::Result<Vec<Change>> {
    // Comparing (and below, staging) files is independent per file: done in parallel,
    // results gathered in input order.
    let compared: Vec<std::io::Result<Option<Change>>> = files
        .par_iter()
        .map(|f| match fs::read(&f.path) {
            Ok(old) if same_text(&old, &f.contents) => Ok(None),
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
    // Two phases: every new file is written to a temporary file first, so a failure
    // (disk full, unwritable folder) leaves every existing output untouched; only then
    // are the temporary files renamed into place.
    let by_path: HashMap<&Path, &OutputFile> =
        files.iter().map(|f| (f.path.as_path(), f)).collect();
    let staged: Vec<std::io::Result<(PathBuf, &Path)>> = changes
        .par_iter()
        .filter_map(|change| match change {
            Change::Created(p) | Change::Updated(p) => {
                let f = by_path[p.as_path()];
                Some(write_temp(&f.path, f.contents.as_bytes()).map(|tmp| (tmp, f.path.as_path())))
            }
            Change::Removed(_) => None,
        })
        .collect();
    if let Some(e) = staged.iter().position(Result::is_err) {
        for (tmp, _) in staged.iter().flatten() {
            let _ = fs::remove_file(tmp);
        }
        return Err(staged
            .into_iter()
            .nth(e)
            .expect("found above")
            .expect_err("an error"));
    }
    let staged: Vec<(PathBuf, &Path)> = staged.into_iter().flatten().collect();
    for (i, (tmp, path)) in staged.iter().enumerate() {
        if let Err(e) = fs::rename(tmp, path) {
            for (tmp, _) in &staged[i..] {
                let _ = fs::remove_file(tmp);
            }
            return Err(with_path(e, path));
        }
    }
    for change in &changes {
        if let Change::Removed(p) = change {
            fs::remove_file(p).map_err(|e| with_path(e, p))?;
        }
    }
    Ok(changes)
}

/// Writes `contents` to a temporary file next to `path`, then renames it over `path`.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let tmp = write_temp(path, contents)?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        with_path(e, path)
    })
}

/// Writes `contents` to a temporary file next to `path` and returns its path.
///
/// No fsync: the rename makes the file appear whole to readers; surviving a power
/// loss is not promised (a sync per file made writing 2,400 schemas take ~27 s).
fn write_temp(path: &Path, contents: &[u8]) -> std::io::Result<PathBuf> {
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
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(contents)
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(with_path(e, path))
        }
    }
}

fn with_path(e: std::io::Error, path: &Path) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::same_text;

    #[test]
    fn line_endings_do_not_make_a_file_stale() {
        assert!(same_text(b"a\nb\n", "a\nb\n"));
        assert!(same_text(b"a\r\nb\r\n", "a\nb\n"));
        assert!(same_text(b"a\r\nb\n", "a\nb\n"));
        assert!(!same_text(b"a\r\nc\r\n", "a\nb\n"));
        assert!(!same_text(b"a\nb", "a\nb\n"));
        // A lone `\r` is content, not a line ending.
        assert!(!same_text(b"a\rb\n", "ab\n"));
    }
}
