//! The progress bar on standard error, for long runs in a terminal.
//!
//! It is drawn only when standard error is a terminal, `CI` is not set, the run was not asked to
//! be quiet, and the run is still going after [`DELAY`]: a short run, a pipe, a log file or a CI
//! job never sees it. The checks count finished inputs in an atomic; this module only reads it.

use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);
/// How often the bar is redrawn.
const TICK: Duration = Duration::from_millis(100);

/// Runs `run`, showing a bar of `done` out of `total` inputs while it runs (when allowed).
pub fn while_running<T>(total: u64, done: &AtomicU64, allowed: bool, run: impl FnOnce() -> T) -> T {
    let wanted = allowed
        && total > 1
        && io::stderr().is_terminal()
        && std::env::var_os("CI").is_none_or(|v| v.is_empty());
    if !wanted {
        return run();
    }
    let finished = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let drawer = scope.spawn(|| draw(total, done, &finished));
        let result = run();
        finished.store(true, Ordering::Release);
        drawer.thread().unpark();
        result
    })
}

fn draw(total: u64, done: &AtomicU64, finished: &AtomicBool) {
    let started = Instant::now();
    let mut bar: Option<ProgressBar> = None;
    while !finished.load(Ordering::Acquire) {
        std::thread::park_timeout(TICK);
        if bar.is_none() && started.elapsed() >= DELAY && !finished.load(Ordering::Acquire) {
            let b = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} checking {pos}/{len} files [{bar:40}] {elapsed}, about {eta} left",
            ) {
                b.set_style(style.progress_chars("=> "));
            }
            bar = Some(b);
        }
        if let Some(b) = &bar {
            b.set_position(done.load(Ordering::Relaxed));
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
}
