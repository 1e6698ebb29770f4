//! Wall-clock time of every suite program under each variant, in-process, at the programs'
//! test sizes (`# test-args:`), with a `python3` subprocess twin per program for scale.
//!
//! One criterion group per program (`nbody`, ...), one benchmark per variant (`switch/heap`,
//! ...) plus `python3`. The variants are `RCEVAL_BENCH_VARIANTS` (see
//! `rceval_benches::variants`): by default every strategy with the default allocator and every
//! allocator with the default strategy. Before anything is timed, every case runs once and its
//! output is compared with CPython's (`NAME.test.out`); a case that differs is reported and not
//! timed. Programs marked `# pending:` are skipped with a message.
//!
//! What a sample times: an rceval iteration reads, compiles and runs the program in a fresh VM
//! on this thread, with output captured (no process start-up); a `python3` iteration starts a
//! process, so it includes CPython's start-up (about 10-20 ms). `python3` is resolved to the
//! interpreter it runs (`sys.executable`) first.
//!
//! Run it: `cargo bench -p rceval-benches --bench wallclock`; one group:
//! `cargo bench -p rceval-benches --bench wallclock -- '^nbody/'`; one variant everywhere:
//! `RCEVAL_BENCH_VARIANTS=tailcall/heap cargo bench -p rceval-benches --bench wallclock`.

mod support;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, SamplingMode};
use rceval_benches::programs::{Program, load_suite, suite_dir};
use rceval_benches::variants::{self, Variant};
use support::Case;

/// The interpreter's stack, as `rceval run` gives it (`driver::run`): Python-to-Python calls do
/// not use it, native code calling back into Python does.
const INTERPRETER_STACK_BYTES: usize = 1 << 30;

/// Modest defaults so the whole bench (every program x 9 benchmarks) takes minutes, not hours;
/// criterion's `--sample-size`, `--warm-up-time` and `--measurement-time` override them.
const SAMPLES: usize = 10;
const WARM_UP: Duration = Duration::from_millis(300);
const MEASUREMENT: Duration = Duration::from_secs(1);

fn main() {
    let worker = std::thread::Builder::new()
        .name("wallclock".into())
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(run_benches)
        .expect("spawn the benchmark thread");
    if worker.join().is_err() {
        std::process::exit(101);
    }
}

fn run_benches() {
    let programs = load_suite(&suite_dir()).unwrap_or_else(|e| fail(&e));
    let variants = variants::from_env().unwrap_or_else(|e| fail(&e));
    let python = python3_executable();
    if python.is_none() {
        eprintln!("wallclock: python3 not found; the python3 twins are skipped");
    }
    let mut criterion = Criterion::default()
        .sample_size(SAMPLES)
        .warm_up_time(WARM_UP)
        .measurement_time(MEASUREMENT)
        .configure_from_args();
    let mut failed = Vec::new();
    for program in &programs {
        if let Some(reason) = &program.pending {
            eprintln!("wallclock: {} skipped (pending: {reason})", program.name);
            continue;
        }
        let cases = checked_cases(program, &variants, &mut failed);
        let mut group = criterion.benchmark_group(&program.name);
        // Each iteration takes milliseconds: flat sampling keeps the iteration count per sample
        // equal instead of growing it linearly (criterion's advice for long routines).
        group.sampling_mode(SamplingMode::Flat);
        for (variant, case) in &cases {
            group.bench_function(variant.to_string(), |b| b.iter(|| black_box(case.run())));
        }
        if let Some(python) = &python {
            match check_python(python, program) {
                Ok(()) => {
                    group.bench_function("python3", |b| {
                        b.iter(|| black_box(python_command(python, program).status()))
                    });
                }
                Err(e) => failed.push(e),
            }
        }
        group.finish();
    }
    criterion.final_summary();
    if !failed.is_empty() {
        eprintln!("\nwallclock: {} case(s) not timed:", failed.len());
        for failure in &failed {
            eprintln!("{failure}\n");
        }
        std::process::exit(1);
    }
}

/// The program under each variant, keeping only those whose first run prints what CPython
/// printed.
fn checked_cases(
    program: &Program,
    variants: &[Variant],
    failed: &mut Vec<String>,
) -> Vec<(Variant, Case)> {
    let mut cases = Vec::new();
    for &variant in variants {
        let checked = Case::suite_program(program, variant)
            .and_then(|case| case.check(&case.run()).map(|()| case));
        match checked {
            Ok(case) => cases.push((variant, case)),
            Err(e) => failed.push(e),
        }
    }
    cases
}

fn python_command(python: &Path, program: &Program) -> Command {
    let mut command = Command::new(python);
    command
        .arg(&program.path)
        .args(&program.test_args)
        // The hash seed CPython's expected outputs were produced with.
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// The python3 twin is timed only if it prints the expected output too (a different python3 on
/// the PATH could differ).
fn check_python(python: &Path, program: &Program) -> Result<(), String> {
    let output = python_command(python, program)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("{}[python3]: cannot run python3: {e}", program.name))?;
    let expected = program.expected_test_output()?;
    if output.status.success() && output.stdout == expected {
        Ok(())
    } else {
        Err(format!(
            "{}[python3]: {} with output differing from {} (stderr: {})",
            program.name,
            output.status,
            program.expected_test_output_path().display(),
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// The interpreter `python3` on the PATH runs, resolved once, so that a launcher in between
/// (pyenv's shim costs about 60 ms per start) is not timed.
fn python3_executable() -> Option<PathBuf> {
    let output = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    let path = String::from_utf8_lossy(&output.stdout).trim().to_string();
    (output.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
}

fn fail(message: &str) -> ! {
    eprintln!("wallclock: {message}");
    std::process::exit(2)
}
