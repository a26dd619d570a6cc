//! `cargo xtask compare [--json] <DOCS_A> <DOCS_B>`: loads two doc sets of the
//! same API and prints how their IRs differ ([`modeldoc_compare`]), with the
//! differences each side's dialect explains. `--json` prints the report as JSON.
//! Paths are relative to the workspace root (the xtask runs there).

use std::process::ExitCode;

use modeldoc_compare::{self as compare, Input};

/// Runs the subcommand; exit 0 when the report was printed, 1 when a doc set
/// does not load, 2 on usage errors.
pub fn run(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let paths: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let [a, b] = paths.as_slice() else {
        eprintln!("usage: cargo xtask compare [--json] <DOCS_A> <DOCS_B>");
        return ExitCode::from(2);
    };
    // The docs as written: wire-name differences are explained by the dialects' losses.
    let load = |path: &str| {
        modeldoc::Config::new()
            .input(path)
            .rename_wire(modeldoc::RenameWire::AsIs)
            .load()
    };
    let (loaded_a, loaded_b) = match (load(a), load(b)) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for (side, path, loaded) in [("A", a, &loaded_a), ("B", b, &loaded_b)] {
        eprintln!(
            "{side}: {path}: {} docs, {} warning(s)",
            loaded.files.len(),
            loaded.diagnostics.warning_count()
        );
    }
    let report = compare::compare(
        &Input::for_loaded(a.as_str(), &loaded_a),
        &Input::for_loaded(b.as_str(), &loaded_b),
    );
    let text = if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => text + "\n",
            Err(e) => {
                eprintln!("xtask compare: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        report.to_string()
    };
    // `print!` panics when the reader goes away (`cargo xtask compare ... | head`):
    // a closed pipe just ends the output.
    match std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("xtask compare: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
