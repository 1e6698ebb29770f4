//! The `rceval` command line.

use std::process::ExitCode;

mod interrupts;

#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static ALLOCATOR: rceval::size_classes::SizeClasses = rceval::size_classes::SizeClasses;

use clap::builder::PossibleValuesParser;
use clap::{Parser, Subcommand};
use rceval::bench::cli::{self as bench_cli, BenchArgs, CompareArgs, CompareBuildsArgs};
use rceval::cli_output::print_then;
use rceval::driver::{self, Durable, ResumeRequest, RunOptions};
use rceval::dxp_report::{self, ReportRequest};
use rceval::store::{Store, render_history, render_list};
use rceval_dispatch::variants::{
    DEFAULT_DISPATCH, DEFAULT_FRAMES, DISPATCH_STRATEGIES, FRAME_ALLOCATORS,
};
use rceval_profiling::dxp::RunInfo;
use rceval_profiling::report::{Format, ReportSettings};
use rceval_profiling::session::ProfileOptions;

#[derive(Parser)]
#[command(
    name = "rceval",
    version,
    about = "A Python bytecode interpreter built for interpreter research"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum DxpCommand {
    /// Merge profiles and report opcodes, pairs, neighbours and superinstruction candidates.
    Report {
        /// Profiles to merge.
        #[arg(required = true)]
        files: Vec<String>,
        /// Report format.
        #[arg(long, default_value = "text", value_parser = PossibleValuesParser::new(Format::NAMES))]
        format: String,
        /// Also write a heat map of the pair matrix to this SVG file.
        #[arg(long, value_name = "OUT.svg")]
        svg: Option<String>,
        /// CPython's executed-instruction counts (scripts/cpython_executed.py) to show next to
        /// rceval's.
        #[arg(long, value_name = "COUNTS.json")]
        cpython: Option<String>,
        /// Rows in the top-pairs table.
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// Rows in the superinstruction-candidate table.
        #[arg(long, default_value_t = 10)]
        candidates: usize,
    },
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python program.
    Run {
        /// Dispatch strategy of the eval loop.
        #[arg(long, default_value = DEFAULT_DISPATCH, value_parser = PossibleValuesParser::new(DISPATCH_STRATEGIES))]
        dispatch: String,
        /// Frame allocator.
        #[arg(long, default_value = DEFAULT_FRAMES, value_parser = PossibleValuesParser::new(FRAME_ALLOCATORS))]
        frames: String,
        /// Print the frame allocator's and the heap's figures (and, for `predict` built with
        /// the `predict-stats` feature, hits per predicted pair) to stderr after the run.
        #[arg(long)]
        stats: bool,
        /// Write the executed count of every opcode and opcode pair to OUT.json [feature `dxp`].
        #[arg(long, value_name = "OUT.json")]
        dxp: Option<String>,
        /// Trace every frame in CPython 3.11's lltrace format on stdout (without it, only
        /// modules whose globals hold a true `__lltrace__` are traced) [feature `lltrace`].
        #[arg(long)]
        lltrace: bool,
        /// Time every instruction; print per-opcode percentiles to stderr [feature `optiming`].
        #[arg(long)]
        optiming: bool,
        /// Count calls by kind and path; print the table to stderr [feature `callprofile`].
        #[arg(long)]
        callprofile: bool,
        /// Keep the program in this workflow store (SQLite) when it calls `durable.wait`: it is
        /// saved there and the process exits with status 75 (see `rceval resume`).
        #[arg(long, value_name = "FILE.db", conflicts_with = "send_values")]
        store: Option<String>,
        /// Make `durable.wait` return these values in turn instead of suspending (a JSON array):
        /// the uninterrupted run of a workflow.
        #[arg(long, value_name = "JSON")]
        send_values: Option<String>,
        /// The program.
        file: String,
        /// Arguments for the program (`sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Resume a workflow suspended at `durable.wait` (exits 75 if it waits again).
    Resume {
        /// The workflow store.
        #[arg(long, value_name = "FILE.db")]
        store: String,
        /// The workflow's id (`rceval workflows` lists them).
        #[arg(long)]
        id: i64,
        /// What `durable.wait` returns, as JSON (null, true, 3, 2.5, "text", [..], {..}).
        #[arg(long, value_name = "JSON")]
        send: String,
        /// If the program's source changed, map the suspended frames onto the new code by
        /// source line where that is unambiguous (else name the frames that cannot be mapped).
        #[arg(long)]
        migrate: bool,
        /// Dispatch strategy of the eval loop.
        #[arg(long, default_value = DEFAULT_DISPATCH, value_parser = PossibleValuesParser::new(DISPATCH_STRATEGIES))]
        dispatch: String,
        /// Frame allocator.
        #[arg(long, default_value = DEFAULT_FRAMES, value_parser = PossibleValuesParser::new(FRAME_ALLOCATORS))]
        frames: String,
    },
    /// List the workflows of a store: where each waits and since when, or that it finished.
    Workflows {
        #[arg(long, value_name = "FILE.db")]
        store: String,
        /// Show the resumes of this workflow instead: what each sent and how it ended (a
        /// failure with its traceback).
        #[arg(long, value_name = "ID", conflicts_with = "release")]
        history: Option<i64>,
        /// Make a `running` workflow resumable again when the process resuming it was killed
        /// (its attempt is recorded as released; the workflow waits on its last snapshot).
        #[arg(long, value_name = "ID")]
        release: Option<i64>,
    },
    /// Disassemble a program, like CPython 3.10's `dis`.
    Dis { file: String },
    /// Work with DXP profiles (written by `rceval run --dxp`).
    Dxp {
        #[command(subcommand)]
        command: DxpCommand,
    },
    /// List the dispatch strategies, frame allocators and cargo features this binary has.
    Info {
        /// As JSON, with the compiler and build profile (what `rceval bench` records).
        #[arg(long)]
        json: bool,
    },
    /// Run the benchmark suite under rceval's variants and python3 (by default the best of each
    /// axis at sizes of >= 0.2 s a process: about five minutes); write pyperf JSON, a summary
    /// and charts to a new folder under target/bench-results/.
    Bench(BenchArgs),
    /// Compare pyperf JSON files, like `pyperf compare_to` (the first is the reference).
    Compare(CompareArgs),
    /// Build each cargo-feature set in its own target directory and run the suite with each.
    CompareBuilds(CompareBuildsArgs),
}

/// `--send-values`: a JSON array.
fn parse_json_list(text: &str) -> Result<Vec<serde_json::Value>, String> {
    match serde_json::from_str(text) {
        Ok(serde_json::Value::Array(items)) => Ok(items),
        Ok(_) => Err("expected a JSON array of the values wait returns".into()),
        Err(e) => Err(format!("not JSON: {e}")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::try_parse().unwrap_or_else(|e| bench_cli::exit_on_usage_error::<Cli>(e));
    match cli.command {
        Command::Run {
            dispatch,
            frames,
            stats,
            dxp,
            lltrace,
            optiming,
            callprofile,
            store,
            send_values,
            file,
            args,
        } => {
            let durable = match (store, send_values) {
                (Some(path), _) => Durable::Store(path),
                (None, Some(json)) => match parse_json_list(&json) {
                    Ok(values) => Durable::Replay(values),
                    Err(msg) => {
                        eprintln!("rceval: --send-values: {msg}");
                        return ExitCode::from(2);
                    }
                },
                (None, None) => Durable::Off,
            };
            let profile = ProfileOptions {
                dxp: dxp.is_some(),
                lltrace,
                optiming,
                callprofile,
            };
            let options = RunOptions {
                path: file,
                args,
                dispatch: dispatch.clone(),
                frames: frames.clone(),
                capture: false,
                frame_stats: stats,
            };
            interrupts::install();
            let outcome = match durable {
                Durable::Off => driver::run_profiled(options.clone(), profile),
                durable if !profile.any() => driver::run_durable(options.clone(), durable),
                _ => {
                    eprintln!("rceval: --store and --send-values do not combine with profiling");
                    return ExitCode::from(2);
                }
            };
            if stats {
                eprint!("{}", driver::render_stats(&outcome, &dispatch, &frames));
            }
            let mut code = outcome.exit_code;
            if let (Some(path), Some(counts)) = (&dxp, &outcome.profile.dxp) {
                let run = RunInfo {
                    program: options.path.clone(),
                    args: options.args.clone(),
                    dispatch,
                    frames,
                    exit_code: outcome.exit_code,
                };
                if let Err(e) = std::fs::write(path, counts.to_profile(run).to_json()) {
                    eprintln!("rceval: can't write '{path}': {e}");
                    code = code.max(1);
                }
            }
            if let Some(timing) = &outcome.profile.optiming {
                eprint!("{}", timing.render());
            }
            if let Some(calls) = &outcome.profile.calls {
                eprint!("{}", calls.render());
            }
            interrupts::end_as_interrupted_if(code);
            ExitCode::from(code.clamp(0, 255) as u8)
        }
        Command::Dxp {
            command:
                DxpCommand::Report {
                    files,
                    format,
                    svg,
                    cpython,
                    top,
                    candidates,
                },
        } => {
            let request = ReportRequest {
                files,
                format: Format::from_name(&format).expect("clap checked the name"),
                svg,
                cpython,
                settings: ReportSettings {
                    top_pairs: top,
                    candidates,
                    ..ReportSettings::default()
                },
            };
            match dxp_report::report(&request) {
                Ok(text) => print_then(&text, ExitCode::SUCCESS),
                Err(error) => {
                    eprint!("{error}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Resume {
            store,
            id,
            send,
            migrate,
            dispatch,
            frames,
        } => {
            let send = match serde_json::from_str(&send) {
                Ok(value) => value,
                Err(e) => {
                    eprintln!("rceval: --send is not JSON: {e}");
                    return ExitCode::from(2);
                }
            };
            let options = RunOptions {
                path: String::new(),
                args: Vec::new(),
                dispatch,
                frames,
                capture: false,
                frame_stats: false,
            };
            let request = ResumeRequest {
                store,
                id,
                send,
                migrate,
            };
            interrupts::install();
            let outcome = driver::run_durable(options, Durable::Resume(request));
            interrupts::end_as_interrupted_if(outcome.exit_code);
            ExitCode::from(outcome.exit_code.clamp(0, 255) as u8)
        }
        Command::Workflows {
            store,
            history,
            release,
        } => {
            let listing = Store::open(&store, false).and_then(|mut s| match (history, release) {
                (Some(id), _) => s.history(id).map(|rows| render_history(id, &rows)),
                (_, Some(id)) => s
                    .release(id)
                    .map(|()| format!("workflow {id} released: it waits to be resumed again\n")),
                _ => s.list().map(|rows| render_list(&rows)),
            });
            match listing {
                Ok(text) => print_then(&text, ExitCode::SUCCESS),
                Err(msg) => {
                    eprintln!("{msg}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Dis { file } => match driver::disassemble_file(&file) {
            Ok(listing) => print_then(&listing, ExitCode::SUCCESS),
            Err((code, error)) => {
                eprint!("{error}");
                ExitCode::from(code as u8)
            }
        },
        Command::Bench(args) => bench_cli::bench(args),
        Command::Compare(args) => bench_cli::compare(args),
        Command::CompareBuilds(args) => bench_cli::compare_builds(args),
        Command::Info { json: true } => {
            let info = rceval::bench::machine::BuildInfo::current();
            let json = serde_json::to_string_pretty(&info).expect("plain data");
            print_then(&(json + "\n"), ExitCode::SUCCESS)
        }
        Command::Info { json: false } => {
            let mut text = format!(
                "rceval {}\ndispatch strategies: {}\nframe allocators: {}\n",
                env!("CARGO_PKG_VERSION"),
                DISPATCH_STRATEGIES.join(", "),
                FRAME_ALLOCATORS.join(", ")
            );
            let features = rceval::compiled_features();
            if features.is_empty() {
                text += "cargo features: (none)\n";
            } else {
                text += &format!("cargo features: {}\n", features.join(", "));
            }
            print_then(&text, ExitCode::SUCCESS)
        }
    }
}
