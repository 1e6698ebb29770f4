//! The suite run itself: warm-up and check round, then timed rounds in which every program
//! runs once under every variant (the variants' order rotating from round to round), so
//! machine drift hits all variants alike.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::path::Path;
use std::time::{Duration, Instant};

use super::interrupt;
use super::machine::{BuildInfo, Host, load_average};
use super::programs::{Program, Size};
use super::progress::Progress;
use super::runner::{RunOutcome, Variant, VariantKind, run_once};
use super::shard::Shard;

/// What `rceval bench` (or `compare-builds`) was asked to do.
#[derive(Clone, Debug)]
pub struct BenchConfig {
    pub programs: Vec<Program>,
    /// rceval variants and, if asked, the Python interpreter (first, as the reference whose
    /// output the others must print).
    pub variants: Vec<Variant>,
    /// Timed runs per program and variant.
    pub runs: usize,
    /// Untimed runs per program and variant before the timed ones; the first checks the
    /// output.
    pub warmups: usize,
    /// Stop starting new rounds once the next one would end past this.
    pub budget: Option<Duration>,
    /// The programs' size.
    pub size: Size,
    /// The part of the program x variant matrix to run.
    pub shard: Shard,
    pub timeout: Duration,
    pub progress: bool,
    /// The Python variant's version, for the results.
    pub python_version: Option<String>,
    pub host: Host,
}

/// One timed or warm-up run as stored.
#[derive(Clone, Debug)]
pub struct TimedRun {
    pub seconds: f64,
    /// UTC, `YYYY-MM-DD HH:MM:SS.ffffff` (pyperf's `date`).
    pub date: String,
    pub load_avg: Option<f64>,
    /// Peak resident set size in bytes.
    pub max_rss: Option<u64>,
}

/// One program under one variant.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    /// Part of this run's shard (every cell is, unless `--shard` says otherwise).
    pub selected: bool,
    pub warmups: Vec<TimedRun>,
    pub runs: Vec<TimedRun>,
    /// Why it was not (or no longer) timed.
    pub failure: Option<String>,
}

impl Cell {
    pub fn values(&self) -> Vec<f64> {
        self.runs.iter().map(|r| r.seconds).collect()
    }
}

/// Why a run ended before its last round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EarlyStop {
    Budget,
    Interrupted,
}

/// Everything a suite run measured.
#[derive(Clone, Debug)]
pub struct BenchResults {
    pub programs: Vec<Program>,
    pub variants: Vec<Variant>,
    pub builds: BTreeMap<String, BuildInfo>,
    /// `cells[program][variant]`.
    pub cells: Vec<Vec<Cell>>,
    /// Start-up of each variant: an empty program, once per round.
    pub startup: Vec<Vec<f64>>,
    pub skipped: Vec<(String, String)>,
    pub rounds: usize,
    pub rounds_planned: usize,
    pub host: Host,
    pub started: String,
    pub wall_seconds: f64,
    pub size: Size,
    pub shard: Shard,
    pub early_stop: Option<EarlyStop>,
    pub python_version: Option<String>,
}

impl BenchResults {
    pub fn failures(&self) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for (p, row) in self.cells.iter().enumerate() {
            for (v, cell) in row.iter().enumerate() {
                if let Some(why) = &cell.failure
                    && cell.selected
                {
                    out.push((
                        self.programs[p].name.clone(),
                        self.variants[v].name.clone(),
                        why.clone(),
                    ));
                }
            }
        }
        out
    }

    /// The build of an rceval variant.
    pub fn build_of(&self, variant: &Variant) -> Option<&BuildInfo> {
        match &variant.kind {
            VariantKind::Rceval { exe, .. } => self.builds.get(&exe.display().to_string()),
            VariantKind::Python { .. } => None,
        }
    }

    /// Why these results are partial, if they are.
    pub fn partial(&self) -> Option<String> {
        let why = match self.early_stop? {
            EarlyStop::Budget => "stopped by --budget",
            EarlyStop::Interrupted => "interrupted",
        };
        Some(format!(
            "{why} after {} of {} timed rounds",
            self.rounds, self.rounds_planned
        ))
    }
}

pub fn now_utc() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%d %H:%M:%S%.6f")
        .to_string()
}

/// Runs the suite.
pub fn run_suite(config: &BenchConfig) -> Result<BenchResults, String> {
    let mut builds = BTreeMap::new();
    for variant in &config.variants {
        if let VariantKind::Rceval { exe, .. } = &variant.kind
            && let Entry::Vacant(slot) = builds.entry(exe.display().to_string())
        {
            slot.insert(BuildInfo::of(exe)?);
        }
    }
    let scratch = tempfile::Builder::new()
        .prefix("rceval-bench")
        .tempdir()
        .map_err(|e| format!("can't make a scratch directory: {e}"))?;
    // Start-up is timed on an empty program.
    let startup_program = scratch.path().join("start-up.py");
    std::fs::write(&startup_program, "")
        .map_err(|e| format!("can't write {}: {e}", startup_program.display()))?;

    let (programs, skipped): (Vec<Program>, Vec<Program>) = config
        .programs
        .iter()
        .cloned()
        .partition(|p| p.pending.is_none());
    let skipped = skipped
        .into_iter()
        .map(|p| {
            (
                p.name,
                format!("pending: {}", p.pending.unwrap_or_default()),
            )
        })
        .collect();
    let n_variants = config.variants.len();
    let mut cells: Vec<Vec<Cell>> = (0..programs.len())
        .map(|p| {
            (0..n_variants)
                .map(|v| Cell {
                    selected: config.shard.holds(p, v, n_variants),
                    ..Cell::default()
                })
                .collect()
        })
        .collect();
    // The reference (variant 0) runs in the check round of every program the shard holds,
    // timed or not: the other variants' output is checked against it.
    let checks =
        |row: &[Cell], v: usize| row[v].selected || (v == 0 && row.iter().any(|c| c.selected));
    // A variant's start-up is timed if the shard holds any of its cells.
    let startup_timed: Vec<bool> = (0..n_variants)
        .map(|v| cells.iter().any(|row| row[v].selected))
        .collect();
    let mut expected: Vec<Option<Vec<u8>>> = vec![None; programs.len()];
    let mut startup = vec![Vec::new(); n_variants];

    let warmups = config.warmups.max(1);
    let warmup_runs: usize = cells
        .iter()
        .map(|row| (0..n_variants).filter(|&v| checks(row, v)).count())
        .sum::<usize>()
        + startup_timed.iter().filter(|&&t| t).count();
    let timed_runs: usize = cells.iter().flatten().filter(|c| c.selected).count()
        + startup_timed.iter().filter(|&&t| t).count();
    let mut progress = Progress::new(
        config.progress,
        warmups * warmup_runs + config.runs * timed_runs,
    );
    let started = now_utc();
    let clock = Instant::now();
    let stop = interrupt::requested;
    let run = |variant: &Variant, program: &Path, args: &[String]| {
        let line = variant.command_line(program, args);
        let outcome = run_once(&line, scratch.path(), config.timeout, &stop)
            .map_err(|e| format!("can't run {}: {e}", line[0].to_string_lossy()))?;
        if outcome.interrupted {
            interrupt::request();
        }
        Ok::<_, String>(outcome)
    };

    // Warm-up rounds; the first one also decides what each program must print.
    'warm_up: for warmup in 0..warmups {
        let phase = format!("warm-up {}/{warmups}", warmup + 1);
        for (p, program) in programs.iter().enumerate() {
            let args = program.args(config.size);
            progress.begin_program(&phase, &program.name);
            for (v, variant) in config.variants.iter().enumerate() {
                if !checks(&cells[p], v) {
                    continue;
                }
                if cells[p][v].failure.is_some() {
                    progress.ran(&variant.name, None);
                    continue;
                }
                progress.running(&phase, &program.name, &variant.name);
                let outcome = run(variant, &program.path, args)?;
                if outcome.interrupted {
                    break 'warm_up;
                }
                progress.ran(&variant.name, Some(outcome.seconds));
                let verdict = check(&outcome, &mut expected[p], variant, warmup == 0);
                record(&mut cells[p][v].warmups, &outcome);
                if let Err(why) = verdict {
                    fail_program_cell(
                        &mut cells[p],
                        v,
                        why,
                        v == 0 && warmup == 0,
                        &config.variants,
                    );
                    progress.say(&format!(
                        "{}: {}: {}",
                        program.name,
                        variant.name,
                        cells[p][v].failure.as_deref().unwrap_or("")
                    ));
                }
            }
            progress.end_program();
        }
        for (v, variant) in config.variants.iter().enumerate() {
            if startup_timed[v] {
                if run(variant, &startup_program, &[])?.interrupted {
                    break 'warm_up;
                }
                progress.ran_quietly();
            }
        }
    }

    // Timed rounds.
    let mut rounds = 0;
    let mut early_stop = None;
    let mut last_round = Duration::ZERO;
    for round in 0..config.runs {
        if interrupt::requested() {
            early_stop = Some(EarlyStop::Interrupted);
            break;
        }
        if let Some(budget) = config.budget
            && round > 0
            && clock.elapsed() + last_round > budget
        {
            early_stop = Some(EarlyStop::Budget);
            break;
        }
        let round_start = Instant::now();
        let phase = format!("round {}/{}", round + 1, config.runs);
        let order: Vec<usize> = (0..n_variants).map(|i| (i + round) % n_variants).collect();
        for (p, program) in programs.iter().enumerate() {
            let args = program.args(config.size);
            progress.begin_program(&phase, &program.name);
            for &v in &order {
                let variant = &config.variants[v];
                if !cells[p][v].selected {
                    continue;
                }
                if cells[p][v].failure.is_some() {
                    progress.ran(&variant.name, None);
                    continue;
                }
                progress.running(&phase, &program.name, &variant.name);
                let outcome = run(variant, &program.path, args)?;
                if outcome.interrupted {
                    break;
                }
                progress.ran(&variant.name, Some(outcome.seconds));
                match check(&outcome, &mut expected[p], variant, false) {
                    Ok(()) => record(&mut cells[p][v].runs, &outcome),
                    Err(why) => {
                        let why = format!("timed run {}: {why}", round + 1);
                        cells[p][v].failure = Some(why.clone());
                        progress.say(&format!("{}: {}: {why}", program.name, variant.name));
                    }
                }
            }
            progress.end_program();
            if interrupt::requested() {
                break;
            }
        }
        let mut round_startup = vec![None; n_variants];
        for &v in &order {
            if !startup_timed[v] || interrupt::requested() {
                continue;
            }
            let outcome = run(&config.variants[v], &startup_program, &[])?;
            progress.ran_quietly();
            if outcome.failure().is_none() {
                round_startup[v] = Some(outcome.seconds);
            }
        }
        if interrupt::requested() {
            // The round in progress is dropped whole: every cell keeps the same rounds.
            for cell in cells.iter_mut().flatten() {
                cell.runs.truncate(rounds);
            }
            early_stop = Some(EarlyStop::Interrupted);
            break;
        }
        for (v, seconds) in round_startup.into_iter().enumerate() {
            startup[v].extend(seconds);
        }
        rounds += 1;
        last_round = round_start.elapsed();
        progress.say(&format!(
            "round {rounds}/{} done in {:.1} s",
            config.runs,
            last_round.as_secs_f64()
        ));
    }
    progress.finish();
    // A cell that failed keeps no timings: its earlier runs printed what was expected, but a
    // program that fails some of the time is not measured.
    for row in &mut cells {
        for cell in row.iter_mut() {
            if cell.failure.is_some() {
                cell.runs.clear();
            }
        }
    }
    Ok(BenchResults {
        programs,
        variants: config.variants.clone(),
        builds,
        cells,
        startup,
        skipped,
        rounds,
        rounds_planned: config.runs,
        host: config.host.clone(),
        started,
        wall_seconds: clock.elapsed().as_secs_f64(),
        size: config.size,
        shard: config.shard,
        early_stop,
        python_version: config.python_version.clone(),
    })
}

fn record(runs: &mut Vec<TimedRun>, outcome: &RunOutcome) {
    runs.push(TimedRun {
        seconds: outcome.seconds,
        date: now_utc(),
        load_avg: load_average(),
        max_rss: outcome.max_rss,
    });
}

/// Whether a run printed what the program must print. The first run of the reference (the
/// first variant: CPython when it is run) sets that.
fn check(
    outcome: &RunOutcome,
    expected: &mut Option<Vec<u8>>,
    variant: &Variant,
    first_round: bool,
) -> Result<(), String> {
    if let Some(why) = outcome.failure() {
        return Err(why);
    }
    match expected {
        None if first_round => {
            *expected = Some(outcome.stdout.clone());
            Ok(())
        }
        None => Err("no reference output".to_string()),
        Some(want) if *want == outcome.stdout => Ok(()),
        Some(want) => Err(format!(
            "output differs from {}: {}",
            if variant.is_python() {
                "its first run"
            } else {
                "the reference's"
            },
            first_difference(want, &outcome.stdout)
        )),
    }
}

/// A failure of the reference interpreter in the check round fails the program for every
/// variant: there is nothing to check their output against.
fn fail_program_cell(
    row: &mut [Cell],
    v: usize,
    why: String,
    reference_failed: bool,
    variants: &[Variant],
) {
    if reference_failed {
        for (i, cell) in row.iter_mut().enumerate() {
            cell.failure = Some(if i == 0 {
                why.clone()
            } else {
                format!("not run: the reference ({}) failed", variants[0].name)
            });
        }
    } else {
        row[v].failure = Some(why);
    }
}

/// The first line where two outputs differ, both sides shown.
fn first_difference(want: &[u8], got: &[u8]) -> String {
    let want = String::from_utf8_lossy(want);
    let got = String::from_utf8_lossy(got);
    let mut w = want.lines();
    let mut g = got.lines();
    let mut line = 1;
    loop {
        match (w.next(), g.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            (None, None) => return "same lines, different line endings".to_string(),
            (a, b) => {
                return format!(
                    "line {line}: expected {:?}, got {:?}",
                    a.unwrap_or("<end of output>"),
                    b.unwrap_or("<end of output>")
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_difference_names_the_line() {
        assert_eq!(
            first_difference(b"a\nb\nc\n", b"a\nx\nc\n"),
            r#"line 2: expected "b", got "x""#
        );
        assert_eq!(
            first_difference(b"a\n", b"a\nmore\n"),
            r#"line 2: expected "<end of output>", got "more""#
        );
    }
}
