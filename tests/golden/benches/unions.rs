//! What reading a union costs at run time: a tagged union (the tag selects the one member
//! read) against its untagged twin (members ranked by the value's keys, then tried), 40
//! object members each, 1,000 values spread over all members.
//! `cargo bench -p modeldoc-golden --bench unions`; BENCHMARKS.md has the figures.

use divan::Bencher;
use modeldoc_golden::bench_unions::{Event, Loose};

fn main() {
    divan::main();
}

/// 1,000 objects, member `i % 40` each: `{"type": "k7", "event7": 7, "note": "n"}`.
fn values(union: &str, tagged: bool) -> String {
    let items: Vec<String> = (0..1000)
        .map(|i| {
            let m = i % 40;
            let tag = if tagged {
                format!("k{m}")
            } else {
                "any".to_string()
            };
            format!(r#"{{"type":"{tag}","{union}{m}":{i},"note":"n"}}"#)
        })
        .collect();
    format!("[{}]", items.join(","))
}

#[divan::bench(name = "read 1,000 of a 40-member union: by tag")]
fn by_tag(b: Bencher) {
    let json = values("event", true);
    b.bench(|| serde_json::from_str::<Vec<Event>>(divan::black_box(&json)).unwrap());
}

#[divan::bench(name = "read 1,000 of a 40-member union: by keys (untagged)")]
fn by_keys(b: Bencher) {
    let json = values("loose", false);
    b.bench(|| serde_json::from_str::<Vec<Loose>>(divan::black_box(&json)).unwrap());
}
