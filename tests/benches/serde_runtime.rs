//! What the `serde_struct!` tables cost at run time against serde's derives (the
//! mirror in `support/derive_mirror.rs`): reading and writing 1,000 `UserApiKey`s as
//! JSON. `cargo bench -p modeldoc-tests --bench serde_runtime`; BENCHMARKS.md has
//! the figures.

use divan::Bencher;

#[path = "../support/derive_mirror.rs"]
mod mirror;
use mirror::derived;

fn main() {
    divan::main();
}

/// One key with every field present (`scopes` of two), and one with only the
/// required ones, alternating.
fn keys_json() -> String {
    let full = r#"{"alias":"ci","creation_time":"2024-01-01T00:00:00Z","expiration_time":"2025-01-01T00:00:00Z","key":"sk-123","key_id":"k1","org_id":"o1","revoked":false,"scopes":["read","write"],"user_id":"u1"}"#;
    let bare = r#"{"creation_time":null,"key_id":"k2","org_id":"o1","user_id":null}"#;
    let items: Vec<&str> = (0..1000)
        .map(|i| if i % 2 == 0 { full } else { bare })
        .collect();
    format!("[{}]", items.join(","))
}

#[divan::bench(name = "read 1,000 keys: serde_struct! table")]
fn read_table(b: Bencher) {
    let json = keys_json();
    b.bench(|| {
        serde_json::from_str::<Vec<generated::UserApiKey>>(divan::black_box(&json)).unwrap()
    });
}

#[divan::bench(name = "read 1,000 keys: serde derive")]
fn read_derive(b: Bencher) {
    let json = keys_json();
    b.bench(|| serde_json::from_str::<Vec<derived::UserApiKey>>(divan::black_box(&json)).unwrap());
}

#[divan::bench(name = "write 1,000 keys: serde_struct! table")]
fn write_table(b: Bencher) {
    let keys: Vec<generated::UserApiKey> = serde_json::from_str(&keys_json()).unwrap();
    b.bench(|| serde_json::to_string(divan::black_box(&keys)).unwrap());
}

#[divan::bench(name = "write 1,000 keys: serde derive")]
fn write_derive(b: Bencher) {
    let keys: Vec<derived::UserApiKey> = serde_json::from_str(&keys_json()).unwrap();
    b.bench(|| serde_json::to_string(divan::black_box(&keys)).unwrap());
}
