//! Runs exactly one phase of modeldoc over a doc set, for `cargo xtask bench`.
//!
//! ```text
//! bench-phase floor  DOCS...   read every doc and iterate pulldown-cmark's events
//! bench-phase load   DOCS...   modeldoc parse → IR (Config::load: read, parse, resolve)
//! bench-phase render DOCS...   load + render Rust (module tree), OpenAPI and JSON Schema in memory
//! ```
//!
//! `load` and `render` use `Config::load_partial`: docs with input errors are
//! left out instead of failing the run.
//!
//! Each run prints one line of counts so that no work can be optimized away.
//! The bench driver spawns this binary once per measurement and reads its wall
//! time and peak RSS from the outside.

use std::process::ExitCode;

use pulldown_cmark::{Options, Parser};

/// The allocator the `modeldoc` binary uses, so phases compare like for like.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((phase, docs)) = args.split_first() else {
        eprintln!("usage: bench-phase floor|load|render DOCS...");
        return ExitCode::from(2);
    };
    let result = match phase.as_str() {
        "floor" => floor(docs),
        "load" => load(docs),
        "render" => render(docs),
        other => Err(format!("unknown phase `{other}`")),
    };
    match result {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench-phase: {e}");
            ExitCode::FAILURE
        }
    }
}

fn inputs(docs: &[String]) -> Result<Vec<std::path::PathBuf>, String> {
    let inputs: Vec<std::path::PathBuf> = docs.iter().map(Into::into).collect();
    modeldoc::__private::collect_markdown(&inputs).map_err(|e| e.to_string())
}

/// The floor: list the docs, read each one and walk pulldown-cmark's event stream, nothing else.
fn floor(docs: &[String]) -> Result<String, String> {
    let files = inputs(docs)?;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let (mut bytes, mut events) = (0usize, 0usize);
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        bytes += text.len();
        events += Parser::new_ext(&text, options).into_offset_iter().count();
    }
    Ok(format!(
        "floor: {} files, {bytes} bytes, {events} events",
        files.len()
    ))
}

fn config(docs: &[String]) -> modeldoc::Config {
    let mut config = modeldoc::Config::new();
    for d in docs {
        config.input(d);
    }
    config
        .rust_dir("bench-out/rust")
        .openapi("bench-out/openapi.json")
        .json_schema("bench-out/schemas");
    config
}

/// modeldoc parse → IR: read, detect, parse and resolve every doc.
///
/// Input errors do not stop it: docs with errors are left out (`load_partial`),
/// so doc sets that some dialect cannot read yet are still measured.
fn load(docs: &[String]) -> Result<String, String> {
    let loaded = config(docs).load_partial().map_err(|e| e.to_string())?;
    let summary = format!(
        "load: {} files, {} models, {} diagnostics",
        loaded.files.len(),
        loaded.schema.models.len(),
        loaded.diagnostics.iter().count()
    );
    std::mem::forget(loaded);
    Ok(summary)
}

/// Load, then render every output in memory (nothing is written).
fn render(docs: &[String]) -> Result<String, String> {
    let config = config(docs);
    let loaded = config.load_partial().map_err(|e| e.to_string())?;
    let (files, _) = config.render(&loaded.schema).map_err(|e| e.to_string())?;
    let bytes: usize = files.iter().map(|f| f.contents.len()).sum();
    let summary = format!(
        "render: {} models, {} output files, {bytes} bytes",
        loaded.schema.models.len(),
        files.len()
    );
    // Like the `modeldoc` CLI, leave the IR to the OS at exit instead of freeing it.
    std::mem::forget(loaded);
    Ok(summary)
}
