//! The `modeldoc` command line: `generate`, `check` and `ir`.
//!
//! Exit codes: 0 success (warnings allowed); 1 input errors, unreadable inputs or stale
//! outputs in `--check` mode; 2 usage or configuration errors.

mod args;
mod progress;
mod report;
mod settings;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use modeldoc::Error;

use args::{Cli, Command, Inputs};
use report::Reporter;

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    match Cli::parse().command {
        Command::Generate(args) => generate(&args),
        Command::Check(inputs) => check(&inputs),
        Command::Ir(inputs) => ir(&inputs),
    }
}

fn reporter(inputs: &Inputs) -> Reporter {
    Reporter {
        format: inputs.message_format,
        quiet: inputs.quiet,
        json_on_stderr: false,
    }
}

/// The exit code of a failed run.
fn fail(reporter: &Reporter, e: &Error) -> ExitCode {
    reporter.error(e);
    match e {
        Error::Config(_) => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}

fn generate(args: &args::Generate) -> ExitCode {
    let reporter = reporter(&args.inputs);
    let mut config = match settings::for_generate(args) {
        Ok(c) => c,
        Err(e) => return fail(&reporter, &e),
    };
    let bar = progress::attach(&mut config, args.inputs.quiet);
    let result = config.generate();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(report) => {
            reporter.diagnostics(&report.loaded.diagnostics);
            reporter.not_understood(&report.loaded);
            let files = if args.check {
                format!("{} file(s) checked, up to date", report.outputs)
            } else {
                format!(
                    "{} file(s) written, {} unchanged",
                    report.changes.len(),
                    report.outputs.saturating_sub(report.changes.len())
                )
            };
            reporter.summary(&format!(
                "{} docs, {} models, {} warning(s), {files}",
                report.loaded.files.len(),
                report.loaded.schema.models.len(),
                report.loaded.diagnostics.warning_count(),
            ));
            // The process ends here: let the OS reclaim the IR instead of freeing
            // it piece by piece (tens of thousands of allocations on large doc sets).
            std::mem::forget(report);
            ExitCode::SUCCESS
        }
        Err(e) => fail(&reporter, &e),
    }
}

fn check(inputs: &Inputs) -> ExitCode {
    let reporter = reporter(inputs);
    let loaded = settings::for_inputs(inputs).and_then(|c| c.load());
    match loaded {
        Ok(loaded) => {
            reporter.diagnostics(&loaded.diagnostics);
            reporter.not_understood(&loaded);
            reporter.summary(&format!(
                "{} docs, {} models, {} warning(s), no errors",
                loaded.files.len(),
                loaded.schema.models.len(),
                loaded.diagnostics.warning_count()
            ));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&reporter, &e),
    }
}

fn ir(inputs: &Inputs) -> ExitCode {
    let reporter = Reporter {
        json_on_stderr: true,
        ..reporter(inputs)
    };
    let loaded = settings::for_inputs(inputs).and_then(|c| c.load());
    match loaded {
        Ok(loaded) => {
            reporter.diagnostics(&loaded.diagnostics);
            let json = modeldoc::__private::emit::to_json(
                &serde_json::to_value(&loaded.schema).unwrap_or_default(),
            );
            let mut out = std::io::stdout().lock();
            match out.write_all(json.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&reporter, &Error::Io(e)),
            }
        }
        Err(e) => fail(&reporter, &e),
    }
}
