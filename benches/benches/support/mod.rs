//! What both harnesses (and the instruction report) share: running a program in-process under a
//! variant with its output captured, checking that output, and counting executed bytecodes.

#![allow(dead_code)] // Each target including this module uses a different part of it.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use rceval::driver::{self, Outcome, RunOptions};
use rceval_benches::programs::Program;
use rceval_benches::variants::Variant;
use rceval_dispatch::observer::Observer;
use rceval_dispatch::variants::hooks_for;
use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::Vm;
use rceval_interp::runtime::vm::EvalHooks;
use rceval_interp::runtime::{HeapFrames, ZombieFrames};

/// One program at one size under one variant, ready to run.
#[derive(Clone)]
pub struct Case {
    pub label: String,
    pub options: RunOptions,
    pub hooks: EvalHooks,
    /// What a correct run prints (`None`: only a clean exit is required).
    pub expected_stdout: Option<Vec<u8>>,
}

impl Case {
    /// `program` at its test size (the size CPython's expected output was produced at).
    pub fn suite_program(program: &Program, variant: Variant) -> Result<Self, String> {
        Ok(Self {
            label: format!("{}[{variant}]", program.name),
            options: options(&program.path, &program.test_args, variant),
            hooks: hooks(variant)?,
            expected_stdout: Some(program.expected_test_output()?),
        })
    }

    /// A self-checking micro program (`benches/micro/NAME.py`) at `iterations`.
    pub fn micro(name: &str, iterations: u64, variant: Variant) -> Result<Self, String> {
        Ok(Self {
            label: format!("{name}({iterations})[{variant}]"),
            options: options(&micro_path(name), &[iterations.to_string()], variant),
            hooks: hooks(variant)?,
            expected_stdout: None,
        })
    }

    /// Runs the program on the calling thread (whose stack must be large enough for it; see
    /// `driver::run` for the interpreter thread's).
    pub fn run(&self) -> Outcome {
        driver::run_with_hooks(&self.options, self.hooks)
    }

    /// Whether a run behaved as CPython does: the expected stdout, exit status 0, nothing on
    /// stderr.
    pub fn check(&self, outcome: &Outcome) -> Result<(), String> {
        let mut problems = Vec::new();
        if let Some(expected) = &self.expected_stdout
            && outcome.stdout != *expected
        {
            let (want, got) = first_line_difference(expected, &outcome.stdout);
            problems.push(format!(
                "stdout differs from CPython's:\n  want: {want}\n  got:  {got}"
            ));
        }
        if outcome.exit_code != 0 {
            problems.push(format!("exit status {}", outcome.exit_code));
        }
        if !outcome.stderr.is_empty() {
            let stderr = String::from_utf8_lossy(&outcome.stderr);
            let tail: Vec<&str> = stderr.lines().rev().take(6).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            problems.push(format!("stderr:\n{}", tail.join("\n")));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("{}: {}", self.label, problems.join("\n")))
        }
    }
}

fn options(path: &Path, args: &[String], variant: Variant) -> RunOptions {
    RunOptions {
        path: path.display().to_string(),
        args: args.to_vec(),
        dispatch: variant.dispatch.to_string(),
        frames: variant.frames.to_string(),
        capture: true,
        frame_stats: false,
    }
}

fn hooks(variant: Variant) -> Result<EvalHooks, String> {
    hooks_for(variant.dispatch, variant.frames)
        .ok_or_else(|| format!("no variant {variant} in this build"))
}

/// `benches/micro/NAME.py`.
pub fn micro_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("micro")
        .join(format!("{name}.py"))
}

/// The first line where two outputs differ (want, got), for a readable failure.
fn first_line_difference(want: &[u8], got: &[u8]) -> (String, String) {
    let want = String::from_utf8_lossy(want);
    let got = String::from_utf8_lossy(got);
    let mut want_lines = want.lines();
    let mut got_lines = got.lines();
    loop {
        match (want_lines.next(), got_lines.next()) {
            (Some(w), Some(g)) if w == g => continue,
            (w, g) => {
                return (
                    w.unwrap_or("<end of output>").to_string(),
                    g.unwrap_or("<end of output>").to_string(),
                );
            }
        }
    }
}

thread_local! {
    static EXECUTED: Cell<u64> = const { Cell::new(0) };
}

/// Counts executed instructions (`EXTENDED_ARG` prefixes included, as every observer sees them).
struct CountInstructions;

impl Observer for CountInstructions {
    const NAME: &'static str = "count";

    fn before_instruction(_vm: &mut Vm, _op: Opcode, _arg: u32) {
        EXECUTED.with(|n| n.set(n.get() + 1));
    }
}

/// How many bytecode instructions `case` executes (under the `switch` strategy; every strategy
/// executes the same ones, which `tests/dispatch_observer.rs` checks). The case's own variant
/// is not used: the count is a property of the program.
pub fn executed_bytecodes(case: &Case) -> Result<u64, String> {
    // The allocator does not change what executes either; two allocators are instantiated so
    // a disagreement would show.
    let counted = [
        rceval_dispatch::hooks::<rceval_dispatch::switch::Switch, HeapFrames, CountInstructions>(),
        rceval_dispatch::hooks::<rceval_dispatch::switch::Switch, ZombieFrames, CountInstructions>(
        ),
    ];
    let mut counts = Vec::new();
    for hooks in counted {
        EXECUTED.with(|n| n.set(0));
        let outcome = driver::run_with_hooks(&case.options, hooks);
        case.check(&outcome)?;
        counts.push(EXECUTED.with(Cell::get));
    }
    if counts[0] != counts[1] {
        return Err(format!(
            "{}: executed bytecodes differ between allocators: {counts:?}",
            case.label
        ));
    }
    Ok(counts[0])
}
