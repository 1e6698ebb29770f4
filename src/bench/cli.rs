//! The command-line side of the harness: `rceval bench`, `rceval compare` and
//! `rceval compare-builds` (their clap arguments and what each does), kept here so that
//! `main.rs` only names them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand};
use rceval_dispatch::variants::{DISPATCH_STRATEGIES, FRAME_ALLOCATORS};

use super::builds::{self, BuildSpec};
use super::compare::{self, CompareOptions, Labelled, TableFormat};
use super::interrupt;
use super::machine::Host;
use super::merge;
use super::outdir;
use super::programs::{self, Size};
use super::pyperf::Suite;
use super::report::{self, ReportContext};
use super::runner::{self, Variant};
use super::shard::Shard;
use super::suite::{self, BenchConfig, EarlyStop};
use super::summary;
use crate::cli_output::print_then;

/// The dispatch strategy and frame allocator every other variant is measured against: `rceval
/// run`'s defaults, the first of each list.
pub use rceval_dispatch::variants::{DEFAULT_DISPATCH, DEFAULT_FRAMES};

/// The fastest dispatch strategy and frame allocator in the committed measurements
/// (`results/2026-12-07-hot-path/`: tailcall's dispatch is the shortest, zombie's calls the
/// cheapest): the default run pits each axis's best against python3, so it answers "how fast
/// is rceval" in minutes; `--variants axes` or `all` (`--full`) compares them all.
pub const BEST_DISPATCH: &str = "tailcall";
pub const BEST_FRAMES: &str = "zombie";

/// Timed rounds by default, and with `--quick`.
const DEFAULT_RUNS: u32 = 5;
const QUICK_RUNS: u32 = 3;

/// What `bench` and `compare-builds` share.
#[derive(Args, Debug, Clone)]
pub struct SuiteArgs {
    /// Variants, comma-separated: `DISPATCH/FRAMES`, a strategy alone (with `heap`), an
    /// allocator alone (with `switch`), `best` (the default: the best strategy with `heap` and
    /// the best allocator with `switch`), `axes` (every strategy with `heap` and every
    /// allocator with `switch`) or `all` (every combination; the default with --full).
    #[arg(long, value_delimiter = ',')]
    pub variants: Vec<String>,
    /// Also run the programs under this Python (the reference their output must match);
    /// `none` to leave it out. By default `python3`, if it runs.
    #[arg(long, value_name = "PYTHON|none")]
    pub against: Option<String>,
    /// Only programs whose name contains one of these (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub filter: Vec<String>,
    /// Timed runs per program and variant, at least 1 [default: 5, or 3 with --quick].
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub runs: Option<u32>,
    /// Warm-up runs per program and variant before the timed ones (at least 1: the first
    /// checks the output).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub warmups: u32,
    /// Stop starting timed rounds when the next would end past this (`90s`, `40m`, `2h`);
    /// at least one round always runs. The results say they are partial.
    #[arg(long, value_parser = parse_duration)]
    pub budget: Option<Duration>,
    /// A smoke run (about a minute): the programs' `# test-args:` sizes, 3 runs. Start-up
    /// dominates at these sizes, so it says nothing about speed.
    #[arg(long, conflicts_with = "full")]
    pub quick: bool,
    /// The hours-long full matrix: the programs' `# bench-args:` sizes (1-2 s of python3 each)
    /// and every variant (`--variants all`) unless --variants says otherwise.
    #[arg(long)]
    pub full: bool,
    /// Run only part K of N of the program x variant matrix (e.g. `2/4`), for one machine or
    /// CI job of N; `rceval bench merge` combines the parts' folders.
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    pub shard: Option<Shard>,
    /// The benchmark programs.
    #[arg(long, default_value = "benches/programs", value_name = "DIR")]
    pub programs: PathBuf,
    /// Write the results here [default: a new target/bench-results/<date>-<host>-<commit>/].
    /// A folder that already holds files is refused unless --force.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Empty an existing --out folder before the run.
    #[arg(long)]
    pub force: bool,
    /// The variant the others are compared with in the second table [default: the first].
    #[arg(long)]
    pub baseline: Option<String>,
    /// Conditions to record with the results (a shared machine, a governor setting...).
    #[arg(long)]
    pub note: Option<String>,
    /// Give up on one run after this many seconds (at least 1).
    #[arg(long, default_value_t = 900, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// No progress bar: one line per program and round on stderr instead (as without a
    /// terminal).
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Args, Debug, Clone)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub command: Option<BenchCommand>,
    #[command(flatten)]
    pub suite: SuiteArgs,
}

#[derive(Subcommand, Debug, Clone)]
pub enum BenchCommand {
    /// Combine the results folders of `--shard` runs (or any runs of the same sizes) into one
    /// result, with one summary and charts.
    Merge(MergeArgs),
}

#[derive(Args, Debug, Clone)]
pub struct MergeArgs {
    /// The folders to combine.
    #[arg(required = true, num_args = 1..)]
    pub dirs: Vec<PathBuf>,
    /// Write the merged results here [default: a new
    /// target/bench-results/<date>-<host>-<commit>-merged/].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Empty an existing --out folder first.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug, Clone)]
pub struct CompareArgs {
    /// pyperf JSON files; the first is the reference.
    #[arg(required = true, num_args = 2..)]
    pub files: Vec<PathBuf>,
    /// One table instead of a list.
    #[arg(long)]
    pub table: bool,
    /// The table's format.
    #[arg(long, default_value = "rest", value_parser = ["rest", "md"])]
    pub table_format: String,
    /// Show the benchmarks whose difference is not significant too, and the t scores.
    #[arg(short, long)]
    pub verbose: bool,
    /// Differences under this many percent count as not significant.
    #[arg(long, value_name = "PERCENT")]
    pub min_speed: Option<f64>,
}

#[derive(Args, Debug, Clone)]
pub struct CompareBuildsArgs {
    /// A build to compare: its name and cargo features (`default=`, `dxp=dxp`,
    /// `lltrace=lltrace`); at least two. The first is the baseline.
    #[arg(long = "build", value_name = "NAME=FEATURES", required = true, value_parser = BuildSpec::parse)]
    pub builds: Vec<BuildSpec>,
    /// The cargo profile to build with.
    #[arg(long, default_value = "release")]
    pub cargo_profile: String,
    /// More arguments for every `cargo build` (e.g. `--cargo-arg=--locked`).
    #[arg(long = "cargo-arg", value_name = "ARG", allow_hyphen_values = true)]
    pub cargo_args: Vec<String>,
    /// Use the binaries already in target/builds/ instead of running cargo.
    #[arg(long)]
    pub no_build: bool,
    #[command(flatten)]
    pub suite: SuiteArgs,
}

fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration like 90s, 40m or 2h"))?;
    let scale = match unit.trim() {
        "" | "s" => 1.0,
        "m" | "min" => 60.0,
        "h" => 3600.0,
        _ => return Err(format!("{text:?}: the unit must be s, m or h")),
    };
    let seconds = number * scale;
    if !(seconds > 0.0 && seconds.is_finite()) {
        return Err(format!("{text:?}: the duration must be more than zero"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// `(dispatch, frames)` pairs named by `--variants`, in order, without repeats.
pub fn parse_variants(names: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |d: &str, f: &str| {
        let pair = (d.to_string(), f.to_string());
        if !out.contains(&pair) {
            out.push(pair);
        }
    };
    let names: Vec<&str> = if names.is_empty() {
        vec!["best"]
    } else {
        names.iter().map(|s| s.trim()).collect()
    };
    for name in names {
        match name {
            "best" | "default" => {
                push(BEST_DISPATCH, DEFAULT_FRAMES);
                push(DEFAULT_DISPATCH, BEST_FRAMES);
            }
            "axes" => {
                for d in DISPATCH_STRATEGIES {
                    push(d, DEFAULT_FRAMES);
                }
                for f in FRAME_ALLOCATORS {
                    push(DEFAULT_DISPATCH, f);
                }
            }
            "all" => {
                for d in DISPATCH_STRATEGIES {
                    for f in FRAME_ALLOCATORS {
                        push(d, f);
                    }
                }
            }
            _ => {
                let (d, f) = match name.split_once(['/', '-']) {
                    Some((d, f)) => (d, f),
                    None if DISPATCH_STRATEGIES.contains(&name) => (name, DEFAULT_FRAMES),
                    None if FRAME_ALLOCATORS.contains(&name) => (DEFAULT_DISPATCH, name),
                    None => (name, DEFAULT_FRAMES),
                };
                if !DISPATCH_STRATEGIES.contains(&d) {
                    return Err(format!(
                        "unknown dispatch strategy '{d}' in --variants (this binary has {})",
                        DISPATCH_STRATEGIES.join(", ")
                    ));
                }
                if !FRAME_ALLOCATORS.contains(&f) {
                    return Err(format!(
                        "unknown frame allocator '{f}' in --variants (this binary has {})",
                        FRAME_ALLOCATORS.join(", ")
                    ));
                }
                push(d, f);
            }
        }
    }
    Ok(out)
}

/// The Python variant `--against` asks for: `Ok(None)` if none is wanted or the default
/// `python3` is missing (said on stderr), an error if an explicitly named one does not run.
fn python_variant(against: Option<&str>) -> Result<Option<(Variant, String)>, String> {
    let (command, explicit) = match against {
        Some("none") => return Ok(None),
        Some(command) => (command, true),
        None => ("python3", false),
    };
    match runner::resolve_python(command) {
        Some((exe, version)) => {
            let name = Path::new(command)
                .file_name()
                .map_or("python".into(), |n| n.to_string_lossy().into_owned());
            Ok(Some((Variant::python(&name, &exe), version)))
        }
        None if explicit => Err(format!("--against {command}: it does not run")),
        None => {
            eprintln!(
                "rceval: python3 not found; running without it (outputs checked against the first variant)"
            );
            Ok(None)
        }
    }
}

/// Exits on a command-line error as clap does (status 2), adding the usage of the subcommand
/// named when clap leaves it out: it does for an invalid value, and `--runs 0` deserves the
/// usage as much as an unknown flag does.
pub fn exit_on_usage_error<C: clap::CommandFactory>(error: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if !matches!(
        error.kind(),
        ErrorKind::ValueValidation | ErrorKind::InvalidValue
    ) {
        error.exit();
    }
    let _ = error.print();
    let mut command = C::command();
    command.build();
    let mut named = &command;
    for arg in std::env::args().skip(1) {
        if let Some(sub) = named.find_subcommand(&arg) {
            named = sub;
        }
    }
    eprintln!("\n{}", named.clone().render_usage());
    std::process::exit(2);
}

fn fail(message: &str) -> ExitCode {
    eprintln!("rceval: {message}");
    ExitCode::from(2)
}

/// The command line as typed, for the results.
fn command_line() -> String {
    let mut args: Vec<String> = std::env::args().collect();
    if let Some(first) = args.first_mut() {
        *first = "rceval".to_string();
    }
    args.iter()
        .map(|a| {
            if a.is_empty() || a.contains(|c: char| c.is_whitespace() || "'\"$`\\*?".contains(c)) {
                format!("'{}'", a.replace('\'', r"'\''"))
            } else {
                a.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs the suite with `rceval_variants` (and Python, if asked) and writes the results.
fn run_and_write(
    args: &SuiteArgs,
    rceval_variants: Vec<Variant>,
    default_suffix: &str,
) -> ExitCode {
    let programs = match programs::discover(&args.programs, &args.filter) {
        Ok(p) if p.is_empty() => return fail("no benchmark program matches"),
        Ok(p) => p,
        Err(e) => {
            return fail(&format!(
                "can't read programs from '{}': {e}",
                args.programs.display()
            ));
        }
    };
    let python = match python_variant(args.against.as_deref()) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    let mut variants = Vec::new();
    let mut python_version = None;
    if let Some((variant, version)) = python {
        variants.push(variant);
        python_version = Some(version);
    }
    variants.extend(rceval_variants);
    if let Some(baseline) = &args.baseline
        && !variants.iter().any(|v| &v.name == baseline)
    {
        return fail(&format!("--baseline {baseline} is not among the variants"));
    }
    let host = Host::probe();
    // The folder is made ready before the first run, so a long run cannot end unable to write.
    let dir = match prepare_out(args.out.as_deref(), args.force, &host, default_suffix) {
        Ok(dir) => dir,
        Err(e) => return fail(&e),
    };
    if let Err(e) = interrupt::install() {
        return fail(&e);
    }
    let size = if args.quick {
        Size::Test
    } else if args.full {
        Size::Full
    } else {
        Size::Default
    };
    let config = BenchConfig {
        programs,
        variants,
        runs: args
            .runs
            .unwrap_or(if args.quick { QUICK_RUNS } else { DEFAULT_RUNS }) as usize,
        warmups: args.warmups as usize,
        budget: args.budget,
        size,
        shard: args.shard.unwrap_or(Shard::WHOLE),
        timeout: Duration::from_secs(args.timeout),
        progress: !args.no_progress,
        python_version,
        host,
    };
    eprintln!(
        "rceval: {} program(s) x {} variant(s){}, {} round(s) at the `# {}:` sizes{}; results in {}",
        config.programs.len(),
        config.variants.len(),
        if config.shard.is_whole() {
            String::new()
        } else {
            format!(" (shard {})", config.shard)
        },
        config.runs,
        size.header(),
        if size == Size::Test {
            format!(" ({})", summary::SMOKE_HEADLINE)
        } else {
            String::new()
        },
        dir.display()
    );
    let results = match suite::run_suite(&config) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let context = ReportContext {
        command: command_line(),
        note: args.note.clone(),
        baseline: args.baseline.clone(),
    };
    match report::write_results(&results, &dir, &context) {
        Ok(_) => {
            let summary = std::fs::read_to_string(dir.join("summary.md")).unwrap_or_default();
            let text = format!("{summary}\nresults: {}\n", dir.display());
            if print_then(&text, ExitCode::SUCCESS) != ExitCode::SUCCESS {
                return ExitCode::from(1);
            }
        }
        Err(e) => return fail(&e),
    }
    if let Some(partial) = results.partial() {
        eprintln!("rceval: partial results: {partial}");
    }
    let failures = results.failures();
    if results.early_stop == Some(EarlyStop::Interrupted) {
        ExitCode::from(interrupt::EXIT_INTERRUPTED)
    } else if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "rceval: {} program/variant pair(s) failed and were not timed:",
            failures.len()
        );
        for (program, variant, why) in failures {
            eprintln!("  {program} under {variant}: {why}");
        }
        ExitCode::from(1)
    }
}

/// `--out`, or a new folder under `target/bench-results/`, made ready for results.
fn prepare_out(
    out: Option<&Path>,
    force: bool,
    host: &Host,
    default_suffix: &str,
) -> Result<PathBuf, String> {
    let dir = match out {
        Some(dir) => dir.to_path_buf(),
        // Named by the commit the run measures.
        None => outdir::fresh_dir(Path::new(outdir::DEFAULT_ROOT), host, default_suffix),
    };
    outdir::prepare(&dir, force)?;
    Ok(dir)
}

pub fn bench(args: BenchArgs) -> ExitCode {
    if let Some(BenchCommand::Merge(merge_args)) = args.command {
        return merge_folders(merge_args);
    }
    let mut names = args.suite.variants.clone();
    if names.is_empty() && args.suite.full {
        names.push("all".to_string());
    }
    let pairs = match parse_variants(&names) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => return fail(&format!("can't find this binary: {e}")),
    };
    let variants = pairs
        .iter()
        .map(|(d, f)| Variant::rceval(&exe, d, f, None))
        .collect();
    run_and_write(&args.suite, variants, "")
}

fn merge_folders(args: MergeArgs) -> ExitCode {
    let suites = match merge::merge(&args.dirs) {
        Ok(suites) => suites,
        Err(e) => return fail(&e),
    };
    let dir = match prepare_out(args.out.as_deref(), args.force, &Host::probe(), "-merged") {
        Ok(dir) => dir,
        Err(e) => return fail(&e),
    };
    if let Err(e) = report::write_folder(&suites, &dir) {
        return fail(&e);
    }
    let summary = std::fs::read_to_string(dir.join("summary.md")).unwrap_or_default();
    print_then(
        &format!("{summary}\nresults: {}\n", dir.display()),
        ExitCode::SUCCESS,
    )
}

pub fn compare(args: CompareArgs) -> ExitCode {
    let mut files = Vec::new();
    for path in &args.files {
        match Suite::load(path) {
            Ok(suite) => files.push(Labelled {
                label: label_of(path),
                suite,
            }),
            Err(e) => return fail(&e),
        }
    }
    let options = CompareOptions {
        table: args.table.then_some(if args.table_format == "md" {
            TableFormat::Markdown
        } else {
            TableFormat::Rest
        }),
        verbose: args.verbose,
        min_speed: args.min_speed,
    };
    match compare::render(&files, &options) {
        Ok(text) => print_then(&text, ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("ERROR: {e}");
            ExitCode::from(1)
        }
    }
}

/// The file name without `.json` (as pyperf shows it).
fn label_of(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.strip_suffix(".json").unwrap_or(name).to_string()
}

pub fn compare_builds(args: CompareBuildsArgs) -> ExitCode {
    let root = match std::env::current_dir() {
        Ok(dir) => dir,
        Err(e) => return fail(&format!("no current directory: {e}")),
    };
    let plans = match builds::plan(&args.builds, &root, &args.cargo_profile, &args.cargo_args) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    // One variant per build unless asked for more: the builds are what is compared.
    let pairs = if args.suite.variants.is_empty() {
        vec![(DEFAULT_DISPATCH.to_string(), DEFAULT_FRAMES.to_string())]
    } else {
        match parse_variants(&args.suite.variants) {
            Ok(p) => p,
            Err(e) => return fail(&e),
        }
    };
    for plan in &plans {
        if args.no_build {
            if !plan.binary.exists() {
                return fail(&format!(
                    "--no-build: {} is not there",
                    plan.binary.display()
                ));
            }
        } else if let Err(e) = builds::build(plan, &root) {
            return fail(&e);
        }
    }
    let variants = plans
        .iter()
        .flat_map(|plan| {
            pairs
                .iter()
                .map(|(d, f)| Variant::rceval(&plan.binary, d, f, Some(&plan.spec.name)))
        })
        .collect();
    run_and_write(&args.suite, variants, "-builds")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_default_the_best_of_each_axis() {
        assert!(DISPATCH_STRATEGIES.contains(&BEST_DISPATCH));
        assert!(FRAME_ALLOCATORS.contains(&BEST_FRAMES));
        let pairs = parse_variants(&[]).unwrap();
        assert_eq!(
            pairs,
            [
                (BEST_DISPATCH, DEFAULT_FRAMES),
                (DEFAULT_DISPATCH, BEST_FRAMES)
            ]
            .map(|(d, f)| (d.to_string(), f.to_string()))
        );
    }

    #[test]
    fn axes_are_every_strategy_and_every_allocator_once() {
        let pairs = parse_variants(&["axes".into()]).unwrap();
        assert_eq!(
            pairs.len(),
            DISPATCH_STRATEGIES.len() + FRAME_ALLOCATORS.len() - 1
        );
        assert_eq!(pairs[0], ("switch".into(), "heap".into()));
        for d in DISPATCH_STRATEGIES {
            assert!(pairs.contains(&(d.to_string(), "heap".into())));
        }
        for f in FRAME_ALLOCATORS {
            assert!(pairs.contains(&("switch".into(), f.to_string())));
        }
    }

    #[test]
    fn variants_by_pair_strategy_or_allocator() {
        let names =
            ["tailcall/zombie", "predict", "datastack", "tailcall-zombie"].map(String::from);
        assert_eq!(
            parse_variants(&names).unwrap(),
            [
                ("tailcall", "zombie"),
                ("predict", "heap"),
                ("switch", "datastack")
            ]
            .map(|(d, f)| (d.to_string(), f.to_string()))
        );
        assert_eq!(
            parse_variants(&["all".into()]).unwrap().len(),
            DISPATCH_STRATEGIES.len() * FRAME_ALLOCATORS.len()
        );
        let err = parse_variants(&["goto/heap".into()]).unwrap_err();
        assert!(err.contains("unknown dispatch strategy 'goto'"), "{err}");
        assert!(parse_variants(&["switch/stack".into()]).is_err());
    }

    #[test]
    fn durations_take_units() {
        assert_eq!(parse_duration("90s").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("40m").unwrap(), Duration::from_secs(2400));
        assert_eq!(parse_duration("1.5h").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_duration("30").unwrap(), Duration::from_secs(30));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("3d").is_err());
    }

    #[test]
    fn labels_drop_the_extension() {
        assert_eq!(label_of(Path::new("r/switch-heap.json")), "switch-heap");
        assert_eq!(label_of(Path::new("a.json.gz")), "a");
    }
}
