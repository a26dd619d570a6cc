//! Dialect detection over the real doc sets in `../shared/corpus`.
//!
//! Each corpus folder holds one SDK's `docs/`. Detected as a doc set (as the pipeline
//! does), at least 99% of its docs must get the dialect its SDK generator writes. A
//! corpus folder this table does not know fails the test, so a new SDK gets an
//! expectation; an absent corpus is skipped with a message.

use std::path::PathBuf;

use modeldoc::__private::parse::detect_doc_set;
use modeldoc::Dialect;

mod support;

/// Every SDK of the corpus and the dialect of its docs.
const EXPECTED: &[(&str, Dialect)] = &[
    ("Bandwidth+csharp-sdk", Dialect::OpenApiGenerator),
    ("BoltApp+Bolt-Python-SDK", Dialect::Python),
    ("Gando-Solutions+gando-partner-php", Dialect::Php),
    ("StackOneHQ+stackone-client-csharp", Dialect::CSharp),
    ("apache+airflow-client-python", Dialect::OpenApiGenerator),
    ("authlete+authlete-ruby-sdk", Dialect::Ruby),
    ("clerk+clerk-sdk-ruby", Dialect::Ruby),
    ("criblio+cribl-control-plane-sdk-go", Dialect::Go),
    ("criblio+cribl_control_plane_sdk_python", Dialect::Python),
    ("dubinc+dub-ts", Dialect::TypeScript),
    ("eGain+egain-api-python", Dialect::Python),
    ("factuarea+factuarea-php", Dialect::Php),
    ("gleanwork+api-client-go", Dialect::Go),
    ("gleanwork+api-client-java", Dialect::Java),
    ("gleanwork+api-client-python", Dialect::Python),
    ("gleanwork+api-client-typescript", Dialect::TypeScript),
    ("hellosign+hellosign-openapi-php", Dialect::OpenApiGenerator),
    ("launchdarkly+api-client-java", Dialect::OpenApiGenerator),
    ("ory+client-go", Dialect::OpenApiGenerator),
    ("ripple+payments-direct-java", Dialect::OpenApiGenerator),
    (
        "ripple+payments-direct-typescript",
        Dialect::OpenApiGenerator,
    ),
    ("speakeasy-api+speakeasy-client-sdk-java", Dialect::Java),
    ("speakeasy-sdks+wingspan-python", Dialect::Python),
    ("treeverse+lakeFS-rust", Dialect::OpenApiGenerator),
    (
        "wbt-solutions+openproject_dart_sdk",
        Dialect::OpenApiGenerator,
    ),
];

/// The docs of one corpus SDK, read.
fn corpus_docs(root: &std::path::Path, repo: &str) -> Vec<(PathBuf, String)> {
    let files = modeldoc::__private::collect_markdown(&[root.join(repo).join("docs")])
        .expect("corpus readable");
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).expect("utf-8 doc");
            (f, text)
        })
        .collect()
}

#[test]
fn every_corpus_sdk_is_detected_as_its_dialect() {
    let Some(root) = support::corpus("detect_corpus", "") else {
        return;
    };
    let mut repos: Vec<String> = std::fs::read_dir(&root)
        .expect("corpus readable")
        .flatten()
        .filter(|e| e.path().join("docs").is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    repos.sort();
    let mut failures = Vec::new();
    for repo in &repos {
        let Some(&(_, expected)) = EXPECTED.iter().find(|(r, _)| r == repo) else {
            failures.push(format!("{repo}: not in EXPECTED; add its dialect"));
            continue;
        };
        let docs = corpus_docs(&root, repo);
        let texts: Vec<&str> = docs.iter().map(|(_, t)| t.as_str()).collect();
        let detected = detect_doc_set(&texts);
        let wrong: Vec<String> = docs
            .iter()
            .zip(&detected)
            .filter(|(_, d)| **d != expected)
            .map(|((path, _), d)| format!("  {} \u{2192} {d}", path.display()))
            .collect();
        eprintln!(
            "{repo}: {}/{} docs detected as {expected}",
            docs.len() - wrong.len(),
            docs.len()
        );
        if wrong.len() * 100 > docs.len() {
            failures.push(format!(
                "{repo}: {} of {} docs not detected as {expected}:\n{}",
                wrong.len(),
                docs.len(),
                wrong[..wrong.len().min(10)].join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
