//! A progress bar for large doc sets, shown only when stderr is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Doc sets smaller than this load too fast for a bar to help.
const MIN_DOCS: usize = 200;

/// Attaches a bar to `config` when stderr is a terminal and `quiet` is off;
/// returns it so the caller can clear it before printing.
pub fn attach(config: &mut modeldoc::Config, quiet: bool) -> Option<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    // Hidden until the doc set turns out to be large.
    let bar = ProgressBar::hidden();
    let style = ProgressStyle::with_template("{prefix:>10} [{bar:30}] {pos}/{len} docs")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix("parsing");
    let handle = bar.clone();
    config.progress(move |done, total| {
        if total < MIN_DOCS {
            return;
        }
        if handle.is_hidden() {
            handle.set_length(total as u64);
            handle.set_draw_target(ProgressDrawTarget::stderr());
        }
        handle.set_position(done as u64);
    });
    Some(bar)
}
