//! The `rceval` command line.

use std::io::Write;
use std::process::ExitCode;

use clap::builder::PossibleValuesParser;
use clap::{Parser, Subcommand};
use rceval::driver::{self, RunOptions};
use rceval_dispatch::variants::{DISPATCH_STRATEGIES, FEATURES, FRAME_ALLOCATORS};

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
enum Command {
    /// Run a Python program.
    Run {
        /// Dispatch strategy of the eval loop.
        #[arg(long, default_value = "switch", value_parser = PossibleValuesParser::new(DISPATCH_STRATEGIES))]
        dispatch: String,
        /// Frame allocator.
        #[arg(long, default_value = "heap", value_parser = PossibleValuesParser::new(FRAME_ALLOCATORS))]
        frames: String,
        /// Print the frame allocator's and the heap's figures (and, for `predict` built with
        /// the `predict-stats` feature, hits per predicted pair) to stderr after the run.
        #[arg(long)]
        stats: bool,
        /// The program.
        file: String,
        /// Arguments for the program (`sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Disassemble a program, like CPython 3.10's `dis`.
    Dis { file: String },
    /// List the dispatch strategies, frame allocators and cargo features this binary has.
    Info,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run {
            dispatch,
            frames,
            stats,
            file,
            args,
        } => {
            let outcome = driver::run(RunOptions {
                path: file,
                args,
                dispatch: dispatch.clone(),
                frames: frames.clone(),
                capture: false,
            });
            if stats {
                eprint!("{}", driver::render_stats(&outcome, &dispatch, &frames));
            }
            ExitCode::from(outcome.exit_code.clamp(0, 255) as u8)
        }
        Command::Dis { file } => match driver::disassemble_file(&file) {
            Ok(listing) => {
                let _ = std::io::stdout().write_all(listing.as_bytes());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprint!("{error}");
                ExitCode::from(1)
            }
        },
        Command::Info => {
            println!("rceval {}", env!("CARGO_PKG_VERSION"));
            println!("dispatch strategies: {}", DISPATCH_STRATEGIES.join(", "));
            println!("frame allocators: {}", FRAME_ALLOCATORS.join(", "));
            let features = if FEATURES.is_empty() {
                "(none)".to_string()
            } else {
                FEATURES.join(", ")
            };
            println!("cargo features: {features}");
            ExitCode::SUCCESS
        }
    }
}
