//! Progress of a suite run, as hyperfine and pyperf show it. On a terminal, a bar over every
//! run of the warm-up and timed rounds: it only ever moves forward (its length is fixed at
//! the start; a `--budget` or Ctrl-C stop ends it early), and its estimate of the time left
//! comes from the rate so far, which is even because every round runs the same mix.
//! Without a terminal (or with `--no-progress`), one line per program and round instead, with
//! each variant's time, and one line per finished round.

use std::fmt::Write as _;
use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

pub struct Progress {
    /// `None`: plain lines on stderr.
    bar: Option<ProgressBar>,
    /// The line being built for the current program and round.
    line: String,
}

impl Progress {
    /// A bar for `total_runs` runs if `wanted` and stderr is a terminal; lines otherwise.
    pub fn new(wanted: bool, total_runs: usize) -> Progress {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(total_runs as u64);
            bar.set_style(
                ProgressStyle::with_template(
                    "{elapsed_precise} [{bar:30}] {pos}/{len} runs, ~{eta} left: {msg}",
                )
                .expect("the template is valid")
                .progress_chars("=> "),
            );
            bar
        });
        Progress {
            bar,
            line: String::new(),
        }
    }

    /// A program's runs in a round (`phase`: `warm-up 1/1`, `round 2/5`) begin.
    pub fn begin_program(&mut self, phase: &str, program: &str) {
        self.line = format!("{phase}: {program}:");
    }

    /// A run of `variant` begins.
    pub fn running(&self, phase: &str, program: &str, variant: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{phase}: {variant} {program}"));
        }
    }

    /// A run ended after `seconds` (`None`: not run, e.g. a cell that already failed).
    pub fn ran(&mut self, variant: &str, seconds: Option<f64>) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        let _ = match seconds {
            Some(s) => write!(self.line, " {variant} {s:.3} s,"),
            None => write!(self.line, " {variant} -,"),
        };
    }

    /// The program's runs in this round are over: its line, when there is no bar.
    pub fn end_program(&mut self) {
        let line = std::mem::take(&mut self.line);
        if self.bar.is_none() {
            eprintln!("{}", line.trim_end_matches(','));
        }
    }

    /// Start-up runs count like any other, but get no line of their own.
    pub fn ran_quietly(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// A line for the user, above the bar (or on stderr when there is no bar).
    pub fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
