//! Dialect detection over the real doc corpora in `../shared/corpus`.
//!
//! Each corpus folder holds one SDK's `docs/`; detected as a doc set (as the
//! pipeline does), every doc that shows a signal must get that SDK's dialect,
//! and docs of other SDKs must not be taken for it. Skips (with a message)
//! when the corpus is absent.

use std::path::{Path, PathBuf};

use modeldoc::__private::parse::{detect, detect_doc_set};
use modeldoc::Dialect;

mod support;

fn corpus() -> Option<PathBuf> {
    support::corpus("detect_corpus", "")
}

fn docs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Detects every doc of `repo`; returns (docs with a signal, wrong ones).
fn detect_repo(root: &Path, repo: &str) -> Option<(usize, Vec<(PathBuf, Dialect)>)> {
    let dir = root.join(repo).join("docs");
    if !dir.is_dir() {
        eprintln!("skipped: {} not found", dir.display());
        return None;
    }
    let paths = docs(&dir);
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let dialects = detect_doc_set(&refs);
    let detected: Vec<(PathBuf, Dialect)> = paths
        .into_iter()
        .zip(&texts)
        .zip(dialects)
        .filter(|((_, text), _)| detect(text).is_some())
        .map(|((path, _), d)| (path, d))
        .collect();
    Some((detected.len(), detected))
}

fn assert_detected(repo: &str, expected: Dialect) {
    let Some(root) = corpus() else { return };
    let Some((with_signal, detected)) = detect_repo(&root, repo) else {
        return;
    };
    let wrong: Vec<_> = detected.iter().filter(|(_, d)| *d != expected).collect();
    for (path, d) in &wrong {
        eprintln!("{}: detected as {d}", path.display());
    }
    assert!(with_signal > 0, "{repo}: no doc shows a signal");
    let right = with_signal - wrong.len();
    eprintln!("{repo}: {right}/{with_signal} docs with a signal detected as {expected}");
    assert!(
        right * 100 >= with_signal * 99,
        "{repo}: {right}/{with_signal} docs detected as {expected}"
    );
}

#[test]
fn typescript_corpus_is_detected() {
    assert_detected("dubinc+dub-ts", Dialect::TypeScript);
}

#[test]
fn go_corpus_is_detected() {
    assert_detected("gleanwork+api-client-go", Dialect::Go);
}

#[test]
fn java_corpus_is_detected() {
    assert_detected("speakeasy-api+speakeasy-client-sdk-java", Dialect::Java);
}

/// Docs of other SDKs are not taken for TypeScript, Go or Java.
#[test]
fn other_corpora_are_not_taken_for_typescript_go_or_java() {
    let Some(root) = corpus() else { return };
    let mine = [
        ("dubinc+dub-ts", Dialect::TypeScript),
        ("gleanwork+api-client-go", Dialect::Go),
        ("speakeasy-api+speakeasy-client-sdk-java", Dialect::Java),
    ];
    let Ok(entries) = std::fs::read_dir(&root) else {
        return;
    };
    let mut repos: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|r| !mine.iter().any(|(m, _)| m == r))
        .collect();
    repos.sort();
    for repo in repos {
        let Some((_, detected)) = detect_repo(&root, &repo) else {
            continue;
        };
        let total = docs(&root.join(&repo).join("docs")).len().max(1);
        let taken: Vec<_> = detected
            .iter()
            .filter(|(_, d)| mine.iter().any(|(_, m)| m == d))
            .collect();
        for (path, d) in taken.iter().take(5) {
            eprintln!("{}: detected as {d}", path.display());
        }
        assert!(
            taken.len() * 100 < total,
            "{repo}: {} of {total} docs taken for typescript/go/java",
            taken.len()
        );
    }
}
