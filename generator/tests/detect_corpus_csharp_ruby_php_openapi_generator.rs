//! Dialect detection over real doc sets (C#, Ruby, PHP, openapi-generator).
//!
//! Reads `../shared/corpus/<owner>+<repo>/docs` relative to the workspace root;
//! each repo whose corpus is absent is skipped with a message.

use std::path::PathBuf;

use modeldoc::__private::parse::{detect_doc_set, Dialect};

mod support;

fn corpus_docs(repo: &str) -> Option<Vec<(PathBuf, String)>> {
    let root = support::corpus("detect_corpus_b", &format!("{repo}/docs"))?;
    let files = modeldoc::__private::collect_markdown(&[root]).expect("corpus readable");
    Some(
        files
            .into_iter()
            .map(|f| {
                let text = std::fs::read_to_string(&f).expect("utf-8 doc");
                (f, text)
            })
            .collect(),
    )
}

fn assert_detected(repo: &str, expected: Dialect) {
    let Some(docs) = corpus_docs(repo) else {
        return;
    };
    let texts: Vec<&str> = docs.iter().map(|(_, t)| t.as_str()).collect();
    let detected = detect_doc_set(&texts);
    let wrong: Vec<String> = docs
        .iter()
        .zip(&detected)
        .filter(|(_, d)| **d != expected)
        .map(|((path, _), d)| format!("{} → {d}", path.display()))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} docs of {repo} not detected as {expected}:\n{}",
        wrong.len(),
        docs.len(),
        wrong
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn stackone_csharp_is_csharp() {
    assert_detected("StackOneHQ+stackone-client-csharp", Dialect::CSharp);
}

#[test]
fn clerk_ruby_is_ruby() {
    assert_detected("clerk+clerk-sdk-ruby", Dialect::Ruby);
}

#[test]
fn factuarea_php_is_php() {
    assert_detected("factuarea+factuarea-php", Dialect::Php);
}

#[test]
fn airflow_is_openapi_generator() {
    assert_detected("apache+airflow-client-python", Dialect::OpenApiGenerator);
}

#[test]
fn ory_go_is_openapi_generator() {
    assert_detected("ory+client-go", Dialect::OpenApiGenerator);
}

/// Not a check: prints how my dialects score the other corpora (`--ignored --nocapture`).
#[test]
#[ignore]
fn print_scores_of_other_corpora() {
    for repo in [
        "BoltApp+Bolt-Python-SDK",
        "dubinc+dub-ts",
        "gleanwork+api-client-go",
        "gleanwork+api-client-python",
        "speakeasy-api+speakeasy-client-sdk-java",
        "speakeasy-sdks+wingspan-python",
    ] {
        let Some(docs) = corpus_docs(repo) else {
            continue;
        };
        for d in [
            Dialect::CSharp,
            Dialect::Ruby,
            Dialect::Php,
            Dialect::OpenApiGenerator,
        ] {
            let hits = docs.iter().filter(|(_, t)| d.score(t) > 0).count();
            let top = docs
                .iter()
                .filter(|(_, t)| {
                    let s = d.score(t);
                    s > 0 && Dialect::ALL.iter().all(|o| *o == d || o.score(t) < s)
                })
                .count();
            eprintln!("{repo}: {d} scores >0 on {hits} docs, wins {top}");
        }
    }
}
