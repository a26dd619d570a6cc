//! Generates the Rust of every golden case (`cases.rs`) into `OUT_DIR` and
//! writes `golden.rs`, one module per case, which `src/lib.rs` includes: every
//! case's Rust is compiled (under `#![deny(warnings)]`, and clippy's in CI).

use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "cases.rs"]
mod cases;

use cases::{Layout, CASES};

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=cases.rs");
    let mut glue = String::new();
    for case in CASES {
        let mut config = modeldoc::Config::new();
        config
            .input(format!("docs/{}", case.docs))
            .emit_rerun_if_changed(true)
            // The cases warn on purpose: their diagnostics are snapshotted, not shown.
            .cargo_warnings(false);
        (case.configure)(&mut config);
        for lint in case.known_warnings {
            writeln!(
                glue,
                "#[allow({lint})] // a known emitter bug, see cases.rs"
            )
            .unwrap();
        }
        match case.layout {
            Layout::File => {
                let file = out.join(format!("{}.rs", case.name));
                config.rust_file(&file);
                writeln!(
                    glue,
                    "/// Golden case `{name}` (`docs/{docs}`).\npub mod {name} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{name}.rs\"));\n}}",
                    name = case.name,
                    docs = case.docs,
                )
                .unwrap();
            }
            Layout::Modules => {
                let dir = out.join(case.name);
                config.rust_dir(&dir);
                // `#[path]` takes a literal: the absolute path lives only in OUT_DIR.
                writeln!(
                    glue,
                    "/// Golden case `{name}` (`docs/{docs}`, module tree).\n#[path = {path:?}]\npub mod {name};",
                    name = case.name,
                    docs = case.docs,
                    path = dir.join("mod.rs"),
                )
                .unwrap();
            }
        }
        if let Err(e) = config.generate() {
            panic!("golden case `{}` does not generate:\n{e}", case.name);
        }
    }
    bench_unions(&out, &mut glue);
    std::fs::write(out.join("golden.rs"), glue).expect("OUT_DIR is writable");
}

/// Members of each synthetic union of [`bench_unions`].
const BENCH_MEMBERS: usize = 40;

/// Two unions of [`BENCH_MEMBERS`] object members for `benches/unions.rs`, written as
/// Speakeasy Python docs into `OUT_DIR`: `Event`, tagged (each member's `type` is its own
/// literal), and `Loose`, its untagged twin (`type` a plain string), read by keys.
fn bench_unions(out: &std::path::Path, glue: &mut String) {
    let docs = out.join("bench_unions_docs");
    std::fs::create_dir_all(&docs).expect("OUT_DIR is writable");
    let member = |name: &str, ty: &str, key: &str| {
        format!(
            "# {name}\n\nA member.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
             | `type` | {ty} | :heavy_check_mark: | The kind. |\n\
             | `{key}` | *int* | :heavy_check_mark: | Its own field. |\n\
             | `note` | *Optional[str]* | :heavy_minus_sign: | Shared by all. |\n"
        )
    };
    for (union, tagged) in [("Event", true), ("Loose", false)] {
        let mut doc =
            format!("# {union}\n\nA union of {BENCH_MEMBERS} members.\n\n## Supported Types\n\n");
        for i in 0..BENCH_MEMBERS {
            let name = format!("{union}{i}");
            let ty = if tagged {
                format!("*Literal[\"k{i}\"]*")
            } else {
                "*str*".to_string()
            };
            let text = member(&name, &ty, &format!("{}{i}", union.to_lowercase()));
            std::fs::write(docs.join(format!("{}.md", name.to_lowercase())), text)
                .expect("OUT_DIR is writable");
            write!(
                doc,
                "### `models.{name}`\n\n```python\nvalue: models.{name} = /* values here */\n```\n\n"
            )
            .unwrap();
        }
        std::fs::write(docs.join(format!("{}.md", union.to_lowercase())), doc)
            .expect("OUT_DIR is writable");
    }
    let file = out.join("bench_unions.rs");
    let mut config = modeldoc::Config::new();
    config.input(&docs).cargo_warnings(false).rust_file(&file);
    if let Err(e) = config.generate() {
        panic!("the benchmark unions do not generate:\n{e}");
    }
    writeln!(
        glue,
        "/// Synthetic unions for `benches/unions.rs` (tagged `Event`, untagged `Loose`).\npub mod bench_unions {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/bench_unions.rs\"));\n}}"
    )
    .unwrap();
}
