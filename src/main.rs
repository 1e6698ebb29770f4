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
use rceval::store::{Event, Store, Target, render_history, render_list};
use rceval::worker::{self, WorkerOptions};
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
        /// Keep the program in this workflow store (an SQLite file, or postgres://USER@HOST/DB)
        /// when it calls `durable.wait`: it is saved there and the process exits with status 75
        /// (see `rceval resume`, `rceval send`, `rceval worker`).
        #[arg(long, value_name = "STORE", conflicts_with = "send_values")]
        store: Option<String>,
        /// Give the new workflow this key, for `rceval send --workflow-key` (unique in the store).
        #[arg(long, value_name = "KEY", requires = "store")]
        workflow_key: Option<String>,
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
    /// Record an event for a waiting workflow (a worker resumes it with the value) and return.
    Send {
        /// The workflow store (an SQLite file, or postgres://USER@HOST/DB).
        #[arg(long, value_name = "STORE")]
        store: String,
        /// The workflow's id.
        #[arg(
            long,
            required_unless_present = "workflow_key",
            conflicts_with = "workflow_key"
        )]
        id: Option<i64>,
        /// The workflow's key (`rceval run --workflow-key`).
        #[arg(long, value_name = "KEY")]
        workflow_key: Option<String>,
        /// The wait the event is for (refused if the workflow waits for another, unless queued).
        #[arg(long, value_name = "NAME")]
        wait_name: Option<String>,
        /// Keep the event until the workflow waits for it (it is running, or waits for another
        /// name, or already has an event for this wait), instead of refusing it.
        #[arg(long)]
        queue: bool,
        /// What `durable.wait` returns, as JSON.
        json: String,
    },
    /// Resume the workflows of a store that have an event, as they become ready; many workers
    /// may share a store. Output is stored with each workflow (`rceval workflows --output`).
    Worker {
        /// The workflow store (an SQLite file, or postgres://USER@HOST/DB).
        #[arg(long, value_name = "STORE")]
        store: String,
        /// Workflows run at once (threads, each with its own connection).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=256))]
        concurrency: u16,
        /// Stop when no workflow is ready, instead of waiting for events.
        #[arg(long)]
        once: bool,
        /// Seconds a claim holds unless its worker renews it; a worker that died leaves its
        /// workflow to the others after that long.
        #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
        lease: f64,
        /// Milliseconds between looks at the store when no workflow is ready.
        #[arg(long, value_name = "MS", default_value_t = 200)]
        poll_ms: u64,
        /// Dispatch strategy of the eval loop.
        #[arg(long, default_value = DEFAULT_DISPATCH, value_parser = PossibleValuesParser::new(DISPATCH_STRATEGIES))]
        dispatch: String,
        /// Frame allocator.
        #[arg(long, default_value = DEFAULT_FRAMES, value_parser = PossibleValuesParser::new(FRAME_ALLOCATORS))]
        frames: String,
    },
    /// List the workflows of a store: where each waits and since when, or that it finished.
    Workflows {
        /// The workflow store (an SQLite file, or postgres://USER@HOST/DB).
        #[arg(long, value_name = "STORE")]
        store: String,
        /// Show the resumes of this workflow instead: what each sent and how it ended (a
        /// failure with its traceback).
        #[arg(long, value_name = "ID", conflicts_with_all = ["release", "output"])]
        history: Option<i64>,
        /// Print what this workflow printed while workers ran it.
        #[arg(long, value_name = "ID", conflicts_with = "release")]
        output: Option<i64>,
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
            workflow_key,
            send_values,
            file,
            args,
        } => {
            let durable = match (store, send_values) {
                (Some(path), _) => Durable::Store(path, workflow_key),
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
        Command::Send {
            store,
            id,
            workflow_key,
            wait_name,
            queue,
            json,
        } => {
            // Checked before the store is opened: a bad event writes nothing.
            if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
                eprintln!("rceval: the event is not JSON: {e}; nothing was written");
                return ExitCode::from(2);
            }
            let target = match (&workflow_key, id) {
                (Some(key), _) => Target::Key(key),
                (None, Some(id)) => Target::Id(id),
                (None, None) => unreachable!("clap requires --id or --workflow-key"),
            };
            let event = Event {
                target,
                wait_name: wait_name.as_deref(),
                value: &json,
                queue,
            };
            match Store::open(&store, false).and_then(|mut s| s.send(&event)) {
                Ok((event, workflow)) => print_then(
                    &format!("event {event} recorded for workflow {workflow}\n"),
                    ExitCode::SUCCESS,
                ),
                Err(msg) => {
                    eprintln!("{msg}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Worker {
            store,
            concurrency,
            once,
            lease,
            poll_ms,
            dispatch,
            frames,
        } => {
            if !(lease.is_finite() && lease >= 0.1) {
                eprintln!("rceval: --lease must be at least 0.1 seconds");
                return ExitCode::from(2);
            }
            let options = WorkerOptions {
                store,
                concurrency: concurrency.into(),
                once,
                dispatch,
                frames,
                lease: std::time::Duration::from_secs_f64(lease),
                poll: std::time::Duration::from_millis(poll_ms),
            };
            ExitCode::from(worker::run(options).clamp(0, 255) as u8)
        }
        Command::Workflows {
            store,
            history,
            output,
            release,
        } => {
            let listing = Store::open(&store, false).and_then(|mut s| match (history, release) {
                _ if output.is_some() => s.output(output.unwrap_or_default()),
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
