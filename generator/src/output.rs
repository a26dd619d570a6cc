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

/// What writing the outputs did (or, in check mode, would do) to one path.
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
    let removed: Vec<&Path> = changes
        .iter()
        .filter_map(|c| match c {
            Change::Removed(p) => Some(p.as_path()),
            _ => None,
        })
        .collect();
    commit(&staged, &removed, &mut |from, to| fs::rename(from, to))?;
    Ok(changes)
}

/// Moves every staged temp file into place and removes `removed`, all or nothing.
///
/// Each file replaced or removed is first moved to a backup next to it; when a later
/// step fails, every step done so far is undone in reverse (backups moved back, files
/// that did not exist removed) and the remaining temp files are deleted, so every output
/// is as it was (content and mtime). Backups are deleted once every step succeeded.
/// `rename` is [`fs::rename`]; tests pass one that fails on purpose.
fn commit(
    staged: &[(PathBuf, &Path)],
    removed: &[&Path],
    rename: &mut dyn FnMut(&Path, &Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    /// One step that was done: the output path and its backup, if it existed before.
    struct Done {
        path: PathBuf,
        backup: Option<PathBuf>,
        /// Whether a new file was moved to `path` (as opposed to a removal).
        placed: bool,
    }
    let backup_of = |path: &Path| {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        path.with_file_name(format!(".{name}.modeldoc-{}.bak", std::process::id()))
    };
    let mut done: Vec<Done> = Vec::with_capacity(staged.len() + removed.len());
    let mut step = |done: &mut Vec<Done>, tmp: Option<&Path>, path: &Path| {
        let mut backup = None;
        if fs::symlink_metadata(path).is_ok() {
            let b = backup_of(path);
            rename(path, &b).map_err(|e| with_path(e, path))?;
            backup = Some(b);
        }
        let placed = match tmp {
            Some(tmp) => match rename(tmp, path) {
                Ok(()) => true,
                Err(e) => {
                    if let Some(b) = &backup {
                        let _ = rename(b, path);
                    }
                    return Err(with_path(e, path));
                }
            },
            None => false,
        };
        done.push(Done {
            path: path.to_path_buf(),
            backup,
            placed,
        });
        Ok::<(), std::io::Error>(())
    };
    let mut result = Ok(());
    let mut next: usize = 0;
    for (tmp, path) in staged {
        result = step(&mut done, Some(tmp), path);
        next += 1;
        if result.is_err() {
            break;
        }
    }
    if result.is_ok() {
        for path in removed {
            result = step(&mut done, None, path);
            if result.is_err() {
                break;
            }
        }
    }
    match result {
        Ok(()) => {
            for d in &done {
                if let Some(b) = &d.backup {
                    let _ = fs::remove_file(b);
                }
            }
            Ok(())
        }
        Err(e) => {
            for d in done.iter().rev() {
                if d.placed {
                    let _ = fs::remove_file(&d.path);
                }
                if let Some(b) = &d.backup {
                    let _ = rename(b, &d.path);
                }
            }
            // The temp file of the failed step (if any) and those never reached.
            for (tmp, _) in &staged[next.saturating_sub(1)..] {
                let _ = fs::remove_file(tmp);
            }
            Err(e)
        }
    }
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
    use super::*;

    /// Files `a`, `b` exist; `c` is new; `old` is removed. The `fail_at`-th rename fails.
    fn commit_failing_at(fail_at: usize) -> (tempfile::TempDir, std::io::Result<()>, usize) {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        for (name, text) in [("a", "old a"), ("b", "old b"), ("old", "stale")] {
            fs::write(p(name), text).unwrap();
        }
        let mut staged = Vec::new();
        for name in ["a", "b", "c"] {
            let tmp = write_temp(&p(name), format!("new {name}").as_bytes()).unwrap();
            staged.push((tmp, p(name)));
        }
        let staged: Vec<(PathBuf, &Path)> = staged
            .iter()
            .map(|(t, p)| (t.clone(), p.as_path()))
            .collect();
        let old = p("old");
        let mut calls = 0;
        let result = commit(&staged, &[old.as_path()], &mut |from, to| {
            calls += 1;
            if calls == fail_at {
                return Err(std::io::Error::other("injected"));
            }
            fs::rename(from, to)
        });
        (dir, result, calls)
    }

    fn listing(dir: &Path) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_failing_step_rolls_every_output_back() {
        let (_, ok, calls) = commit_failing_at(0);
        ok.unwrap();
        // Every rename of a successful commit, so each of them can be made to fail.
        for fail_at in 1..=calls {
            let (dir, result, _) = commit_failing_at(fail_at);
            assert!(result.is_err(), "step {fail_at}");
            let expected: Vec<(String, String)> =
                [("a", "old a"), ("b", "old b"), ("old", "stale")]
                    .iter()
                    .map(|(n, t)| (n.to_string(), t.to_string()))
                    .collect();
            assert_eq!(listing(dir.path()), expected, "failing at rename {fail_at}");
        }
    }

    #[test]
    fn a_successful_commit_leaves_no_backups() {
        let (dir, result, _) = commit_failing_at(0);
        result.unwrap();
        let names: Vec<String> = listing(dir.path()).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!(fs::read_to_string(dir.path().join("a")).unwrap(), "new a");
    }

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
