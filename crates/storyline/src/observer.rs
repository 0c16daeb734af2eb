//! Shows a run's progress and diagnostics on stderr: a bar only when stderr is a terminal and
//! the run has lasted more than a second; the first diagnostics in full, then a count.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use storyline_core::Diagnostic;
use storyline_pipeline::Progress;

/// Diagnostics printed in full before the rest are only counted.
const MAX_PRINTED: u64 = 20;

#[derive(Debug)]
pub(crate) struct Observer {
    bar: ProgressBar,
    started: Instant,
    state: Mutex<State>,
    quiet: bool,
    terminal: bool,
}

#[derive(Debug, Default)]
struct State {
    shown: bool,
    n_diagnostics: u64,
}

impl Observer {
    pub(crate) fn new(quiet: bool) -> Observer {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg:>8} [{bar:30}] {pos}/{len} {per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        Observer {
            bar,
            started: Instant::now(),
            state: Mutex::new(State::default()),
            quiet,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Diagnostics seen so far.
    pub(crate) fn n_diagnostics(&self) -> u64 {
        self.state
            .lock()
            .map(|state| state.n_diagnostics)
            .unwrap_or(0)
    }

    fn maybe_show(&self) {
        if self.quiet || !self.terminal || self.started.elapsed() < Duration::from_secs(1) {
            return;
        }
        if let Ok(mut state) = self.state.lock() {
            if !state.shown {
                state.shown = true;
                self.bar.set_draw_target(ProgressDrawTarget::stderr());
                self.bar.enable_steady_tick(Duration::from_millis(120));
            }
        }
    }
}

impl Progress for Observer {
    fn diagnostic(&self, diagnostic: &Diagnostic) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        state.n_diagnostics += 1;
        if !self.quiet && state.n_diagnostics <= MAX_PRINTED {
            self.bar.suspend(|| eprintln!("{diagnostic}"));
        }
    }

    fn stage(&self, name: &'static str, total: Option<u64>) {
        self.bar.set_message(name);
        self.bar.set_position(0);
        self.bar.set_length(total.unwrap_or(0));
        self.maybe_show();
    }

    fn advance(&self, n: u64) {
        self.bar.inc(n);
        self.maybe_show();
    }

    fn memory(&self, stage: &'static str, resident_bytes: u64, peak_bytes: u64) {
        self.bar.suspend(|| {
            eprintln!(
                "memory: {stage:>8} {:>8.1} MB resident at the end, {:>8.1} MB peak",
                resident_bytes as f64 / 1e6,
                peak_bytes as f64 / 1e6
            )
        });
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
        let n_diagnostics = self.n_diagnostics();
        if !self.quiet && n_diagnostics > MAX_PRINTED {
            eprintln!("… and {} more diagnostics", n_diagnostics - MAX_PRINTED);
        }
    }
}
