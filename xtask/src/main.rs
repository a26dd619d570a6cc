//! Project automation: `cargo xtask codegen [--check]`,
//! `cargo xtask fidelity [--compile] [FOLDER...]` (see [`fidelity`]),
//! `cargo xtask payloads [--bin PATH] [FOLDER...]` (see [`payloads`]),
//! `cargo xtask compare [--json] DOCS_A DOCS_B` (see [`compare`]),
//! `cargo xtask bench` (see `xtask::bench`).
//!
//! `codegen` regenerates the committed `generated/` crate from `specs/`:
//! Rust modules in `generated/src/models/`, `generated/openapi.json` and
//! `generated/schemas/*.json`. With `--check` it writes nothing and fails,
//! naming every stale file, when the committed output differs. What is generated
//! is configured in the repository's `modeldoc.toml`.

use std::process::ExitCode;

mod compare;
mod fidelity;
mod payloads;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = xtask::workspace_root();
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {e}", root.display());
        return ExitCode::FAILURE;
    }
    match args.first().map(String::as_str) {
        Some("codegen") => {
            let check = args[1..].iter().any(|a| a == "--check");
            if let Some(bad) = args[1..].iter().find(|a| *a != "--check") {
                eprintln!("xtask codegen: unknown argument `{bad}` (expected --check)");
                return ExitCode::from(2);
            }
            codegen(check)
        }
        Some("fidelity") => fidelity::run(&args[1..]),
        Some("compare") => compare::run(&args[1..]),
        Some("payloads") => payloads::run(&args[1..]),
        Some("bench") => match xtask::bench::Options::parse(&args[1..], &root) {
            Ok(options) => xtask::bench::run(&root, &options),
            Err(e) => {
                eprintln!("xtask bench: {e}");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!(
                "usage: cargo xtask codegen [--check]\n       cargo xtask fidelity [--compile] [FOLDER...]\n       cargo xtask payloads [--bin PATH] [FOLDER...]\n       cargo xtask compare [--json] DOCS_A DOCS_B\n       cargo xtask bench [--help]"
            );
            ExitCode::from(2)
        }
    }
}

fn codegen(check: bool) -> ExitCode {
    let config = match xtask::codegen_config(std::path::Path::new(""), check) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match config.generate() {
        Ok(report) => {
            for d in report.loaded.diagnostics.iter() {
                eprintln!("{d}");
            }
            for c in &report.changes {
                eprintln!("updated {}", c.path().display());
            }
            if report.changes.is_empty() {
                eprintln!("generated/ is up to date");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            if check {
                eprintln!("run `cargo xtask codegen` to regenerate");
            }
            ExitCode::FAILURE
        }
    }
}
