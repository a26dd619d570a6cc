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
    std::fs::write(out.join("golden.rs"), glue).expect("OUT_DIR is writable");
}
