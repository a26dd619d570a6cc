//! Robustness on stable: arbitrary bytes and doc-shaped noise never panic, and the
//! awkward inputs real files contain (deep nesting, huge tables and cells, invalid
//! UTF-8, CRLF, BOMs, tabs, HTML) give a result or a clear error.
//!
//! Crash reproducers found by the cargo-fuzz targets (`fuzz/`) live in
//! `fuzz_regressions` below. Big inputs are few and sized to stay fast in debug builds.

use std::time::{Duration, Instant};

use modeldoc_tests::pipeline::run;
use proptest::prelude::*;

const HEADER: &str =
    "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n";

fn doc(title: &str, rows: &str) -> String {
    format!("# {title}\n\nA model.\n\n## Fields\n\n{HEADER}{rows}")
}

/// Pieces of model docs, recombined at random by the doc-shaped strategy.
const FRAGMENTS: &[&str] = &[
    "# Thing\n",
    "# ~~Old~~\n",
    "## Fields\n",
    "## Values\n",
    "## Supported Types\n",
    "### `models.Thing`\n",
    "```python\nvalue: models.Thing = /* values here */\n```\n",
    HEADER,
    "| Name | Value |\n| ---- | ----- |\n",
    "| `a` | *str* | :heavy_check_mark: | A |\n",
    "| `b` | List[Dict[str, *Optional[int]*]] | :heavy_minus_sign: | B<br/>more |\n",
    "| `c` | [Optional[models.Thing]](thing.md) | :heavy_minus_sign: | C |\n",
    "| `d` | Union[*str*, Literal[\"x\", 2], List[[models.Other](./other.md)]] | :heavy_check_mark: | D |\n",
    "| `e` | *Literal[\"fixed\"]* | :x: | bad marker |\n",
    "| `f` | List[List[ | :heavy_check_mark: | unbalanced |\n",
    "| `A` | a |\n",
    "| `1` | 1 |\n",
    "| `additional_properties` | Dict[str, *Any*] | :heavy_minus_sign: | extra |\n",
    "| \\| | `|` | \\\\| |\n",
    "> :warning: **DEPRECATED**: gone.\n",
    "- `\"x\"`\n",
    "\t<b>html</b> <script>alert(1)</script>\n",
    "\r\n",
    "\u{feff}",
    "| |\n",
    "|\n",
    "| `g` | Map<string, Array<number>> | ✅ | TS style |\n",
    "| `h` | []*map[string]interface{} | :heavy_minus_sign: | Go style |\n",
    "| `é` | ?array<string,int> | :heavy_minus_sign: | PHP style |\n",
];

fn doc_shaped() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(FRAGMENTS).prop_map(|s| s.as_bytes().to_vec()),
            1 => prop::collection::vec(any::<u8>(), 0..8),
            1 => "[a-zA-Z|`*\\[\\]<>(){}:,. ]{0,12}".prop_map(String::into_bytes),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(a in prop::collection::vec(any::<u8>(), 0..512),
                                   b in prop::collection::vec(any::<u8>(), 0..512)) {
        run(&[("a.md", &a), ("b.md", &b)]);
    }

    #[test]
    fn doc_shaped_noise_never_panics(a in doc_shaped(), b in doc_shaped(), c in doc_shaped()) {
        run(&[("thing.md", &a), ("other.md", &b), ("c.md", &c)]);
    }
}

/// Runs `f` on a thread with a deadline: a hang fails the test instead of stalling CI.
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("no result within {limit:?}: a hang"))
}

#[test]
fn deeply_nested_generics_give_a_diagnostic_not_a_stack_overflow() {
    let ty = format!("{}*str*{}", "List[".repeat(1000), "]".repeat(1000));
    let text = doc(
        "Deep",
        &format!("| `deep` | {ty} | :heavy_check_mark: | deep |\n"),
    );
    let result = within(Duration::from_secs(60), move || {
        let r = run(&[("deep.md", text.as_bytes())]);
        (r.schema.models.len(), r.diagnostics.to_string())
    });
    assert_eq!(result.0, 1, "the doc still yields its model");
    assert!(result.1.contains("nested"), "{}", result.1);
}

#[test]
fn a_table_of_100_000_rows_is_fast_and_linear() {
    let rows: String = (0..100_000)
        .map(|i| format!("| `f{i}` | *Optional[int]* | :heavy_minus_sign: | field {i} |\n"))
        .collect();
    let text = doc("Wide", &rows);
    let start = Instant::now();
    let fields = within(Duration::from_secs(120), move || {
        let r = run(&[("wide.md", text.as_bytes())]);
        match &r.schema.models[0].kind {
            modeldoc::ir::ModelKind::Object(o) => o.fields.len(),
            other => panic!("not an object: {other:?}"),
        }
    });
    assert_eq!(fields, 100_000);
    eprintln!(
        "100,000 rows through the whole pipeline in {:?}",
        start.elapsed()
    );
}

#[test]
fn a_10_mb_cell_is_kept_whole() {
    let big = "x".repeat(BIG);
    let text = doc(
        "Big",
        &format!("| `big` | *str* | :heavy_check_mark: | {big} |\n"),
    );
    let run = within(Duration::from_secs(120), move || {
        run(&[("big.md", text.as_bytes())])
    });
    let modeldoc::ir::ModelKind::Object(o) = &run.schema.models[0].kind else {
        panic!("not an object")
    };
    assert_eq!(o.fields[0].description.as_deref().map(str::len), Some(BIG));
    assert!(run.openapi.len() > BIG);
}

/// Size of the big cell: 10 MB.
const BIG: usize = 10 * 1024 * 1024;

#[test]
fn invalid_utf8_is_an_error_with_the_file_and_byte_offset() {
    let dir = tempfile_dir();
    let path = dir.join("bad.md");
    let mut bytes = b"# Bad\n\n## Fields\n\nab".to_vec();
    let offset = bytes.len();
    bytes.extend([0xff, 0xfe, b'\n']);
    std::fs::write(&path, &bytes).unwrap();
    let err = modeldoc::Config::new().input(&path).load().unwrap_err();
    let text = err.to_string();
    assert!(text.contains("bad.md:5:3"), "{text}");
    assert!(text.contains(&format!("byte offset {offset}")), "{text}");
    let _ = std::fs::remove_dir_all(dir);
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("modeldoc-robustness-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The seed doc with its line endings, BOM and cell padding changed.
fn variants_of_seed() -> Vec<(&'static str, String)> {
    let seed = std::fs::read_to_string(modeldoc_tests::root().join("specs/userapikey.md")).unwrap();
    vec![
        ("crlf", seed.replace('\n', "\r\n")),
        ("bom", format!("\u{feff}{seed}")),
        (
            "bom+crlf",
            format!("\u{feff}{}", seed.replace('\n', "\r\n")),
        ),
        // Tabs as cell padding in the rows (a tab in the delimiter row ends the table
        // for pulldown-cmark, see the report).
        ("tabs", tabs_in_rows(&seed)),
    ]
}

fn tabs_in_rows(doc: &str) -> String {
    doc.lines()
        .map(|l| {
            if l.starts_with("| `") {
                l.replace(" | ", "\t|\t")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn crlf_bom_and_tabs_give_the_same_models() {
    let seed = std::fs::read(modeldoc_tests::root().join("specs/userapikey.md")).unwrap();
    let expected = run(&[("userapikey.md", &seed)]);
    assert!(!expected.diagnostics.has_errors());
    for (what, text) in variants_of_seed() {
        let got = run(&[("userapikey.md", text.as_bytes())]);
        assert_eq!(got.openapi, expected.openapi, "{what}");
        assert_eq!(got.rust, expected.rust, "{what}");
    }
}

#[test]
fn html_in_cells_stays_text_in_doc_comments() {
    let rows =
        "| `a` | *str* | :heavy_check_mark: | <b>bold</b><br/>next line <script>x()</script> |\n\
                | `b<i>` | *Optional[str]* | :heavy_minus_sign: | */ /* `code` \"quotes\" \\ |\n";
    let text = doc("Html", rows);
    // The Rust emitter parses its own output with syn, so a comment-breaking
    // description would panic here.
    let r = run(&[("html.md", text.as_bytes())]);
    assert!(!r.diagnostics.has_errors(), "{}", r.diagnostics);
    assert!(r.rust.contains("<b>bold</b>"), "{}", r.rust);
    assert!(r.openapi.contains("<script>x()</script>"), "{}", r.openapi);
}

/// Inputs that crashed the fuzz targets or this harness once, with what the
/// Rust output must now contain.
const CRASHES: &[(&str, &str, &str)] = &[
    (
    "model named after the Self keyword",
    "# Self\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *str* | :heavy_check_mark: | a |\n",
    "pub struct Self_",
), (
    "model named after a keyword, as a module tree (`mod type;`)",
    "# Type\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *str* | :heavy_check_mark: | a |\n",
    "pub struct Type",
)];

#[test]
fn crash_regressions() {
    for (what, input, expected) in CRASHES {
        let rust = within(Duration::from_secs(30), move || {
            run(&[("crash.md", input.as_bytes())]).rust
        });
        assert!(rust.contains(expected), "{what}:\n{rust}");
    }
}
