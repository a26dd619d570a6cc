//! Dialect scores from the one-scan detector equal a straightforward count.
//!
//! The reference counts every marker of every dialect on its own, one memmem
//! scan per marker (what detection did before it scanned each document once),
//! and must give every dialect's score of every doc of every corpus repo in
//! `../shared/corpus`, not just the same winner. Skips (with a message) when
//! the corpus is absent.

use modeldoc::__private::parse::{detect, scores, Dialect, Marker};

mod support;

/// Non-overlapping occurrences of `marker`, left to right, that it accepts.
fn reference_count(text: &str, marker: &Marker) -> u32 {
    let (bytes, needle) = (text.as_bytes(), marker.text.as_bytes());
    let mut count = 0;
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&bytes[at..], needle) {
        let start = at + i;
        if marker.accept.map_or(true, |accept| accept(text, start)) {
            count += 1;
        }
        at = start + needle.len();
    }
    count
}

/// A dialect's score, counting its markers one scan each.
fn reference_score(dialect: Dialect, text: &str) -> u32 {
    let counts: Vec<u32> = dialect
        .spec()
        .markers()
        .iter()
        .map(|m| reference_count(text, m))
        .collect();
    dialect.spec().score(&counts)
}

/// What `detect` must answer: the first highest reference score, if above 0.
fn reference_detect(text: &str) -> Option<Dialect> {
    let mut best = (Dialect::Python, 0);
    for &d in Dialect::ALL {
        let s = reference_score(d, text);
        if s > best.1 {
            best = (d, s);
        }
    }
    (best.1 > 0).then_some(best.0)
}

#[test]
fn every_score_of_every_corpus_doc_matches_the_reference() {
    let Some(corpus) = support::corpus("every_score_of_every_corpus_doc_matches_the_reference", "")
    else {
        return;
    };
    let mut repos: Vec<_> = std::fs::read_dir(&corpus)
        .expect("corpus readable")
        .flatten()
        .map(|e| e.path().join("docs"))
        .filter(|docs| docs.is_dir())
        .collect();
    repos.sort();
    assert!(
        !repos.is_empty(),
        "no `<repo>/docs` in {}",
        corpus.display()
    );
    let (mut docs, mut mismatches) = (0, Vec::new());
    for repo in &repos {
        let files = modeldoc::__private::collect_markdown(std::slice::from_ref(repo))
            .expect("corpus readable");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("utf-8 doc");
            docs += 1;
            let got = scores(&text);
            for &d in Dialect::ALL {
                let want = reference_score(d, &text);
                if got.get(d) != want || d.score(&text) != want {
                    mismatches.push(format!(
                        "{}: {d} scores {} (Dialect::score {}), reference {want}",
                        file.display(),
                        got.get(d),
                        d.score(&text)
                    ));
                }
            }
            if detect(&text) != reference_detect(&text) {
                mismatches.push(format!("{}: detect differs", file.display()));
            }
        }
    }
    eprintln!("{docs} docs of {} repos compared", repos.len());
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches[..mismatches.len().min(20)].join("\n")
    );
}
