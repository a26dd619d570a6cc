//! The `modeldoc` command line; see [`cli`] and `docs/cli.md`.

mod cli;

/// The CLI allocates many small strings and token trees: mimalloc cuts its CPU time by a third.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
