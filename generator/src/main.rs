//! The `modeldoc` command line; see [`cli`] and `docs/cli.md`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
