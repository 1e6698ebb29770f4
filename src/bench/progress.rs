//! The progress bar. Programs take from milliseconds to many seconds, so counting runs would
//! make a poor clock: during the warm-up round the bar counts runs, and from then on it
//! counts milliseconds of run time against the warm-up round's length times the rounds left,
//! which is what the estimate of the time left needs.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

pub struct Progress {
    bar: ProgressBar,
    timed: bool,
}

impl Progress {
    /// A bar for `warmup_runs` warm-up runs (hidden if `enabled` is false or stderr is not a
    /// terminal).
    pub fn new(enabled: bool, warmup_runs: usize) -> Progress {
        let bar = if enabled {
            ProgressBar::new(warmup_runs as u64)
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template(
                "{elapsed_precise} [{wide_bar}] {percent:>3}%, ~{eta} left: {msg}",
            )
            .expect("the template is valid")
            .progress_chars("=> "),
        );
        Progress { bar, timed: false }
    }

    pub fn running(&self, what: String) {
        self.bar.set_message(what);
    }

    /// One run finished (or was skipped, with the time it would have taken).
    pub fn ran(&self, seconds: f64) {
        self.bar.inc(if self.timed {
            (seconds * 1e3) as u64
        } else {
            1
        });
    }

    /// The warm-up is over: it took `warmup` for `warmup_rounds` rounds; `rounds` timed
    /// rounds follow (or as many as fit in `budget_left`).
    pub fn begin_timed(
        &mut self,
        warmup: Duration,
        warmup_rounds: usize,
        rounds: usize,
        budget_left: Option<Duration>,
    ) {
        let round = warmup / warmup_rounds.max(1) as u32;
        let mut left = round * rounds as u32;
        if let Some(budget) = budget_left {
            left = left.min(budget.max(round));
        }
        self.timed = true;
        let done = warmup.as_millis() as u64;
        self.bar.set_length(done + left.as_millis() as u64);
        self.bar.set_position(done);
        self.bar.reset_eta();
    }

    /// A line for the user, above the bar (or on stderr when there is no bar).
    pub fn say(&self, line: &str) {
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.println(line);
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
