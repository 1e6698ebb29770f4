//! Torture tests for the `tailcall` strategy: a loop of 10^8 bytecodes and a recursion 50,000
//! deep, both on a thread with a 256 KiB stack. A chain of tail calls that grew the host stack
//! (a `become` silently turned into a call) would overflow it within a few thousand
//! instructions; so would Python calls that recursed on the host stack.

use std::cell::Cell;

use rceval::driver::{Outcome, RunOptions, run_with_hooks};
use rceval_dispatch::observer::Observer;
use rceval_dispatch::variants::hooks_with;
use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::Vm;

const SMALL_STACK_BYTES: usize = 256 * 1024;

thread_local! {
    static EXECUTED: Cell<u64> = const { Cell::new(0) };
}

/// Counts executed instructions, so the test knows it really ran 10^8 of them.
struct CountInstructions;

impl Observer for CountInstructions {
    const NAME: &'static str = "count";

    #[inline(always)]
    fn before_instruction(_vm: &mut Vm, _op: Opcode, _arg: u32) {
        EXECUTED.with(|n| n.set(n.get() + 1));
    }
}

/// Runs `source` under `tailcall` on a fresh thread with a 256 KiB stack; returns the outcome
/// and the number of instructions executed.
fn run_on_small_stack(name: &str, source: &str) -> (Outcome, u64) {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.py"));
    std::fs::write(&path, source).expect("write program");
    let options = RunOptions {
        path: path.display().to_string(),
        args: Vec::new(),
        dispatch: "tailcall".into(),
        frames: "heap".into(),
        capture: true,
        frame_stats: false,
    };
    std::thread::Builder::new()
        .name(name.into())
        .stack_size(SMALL_STACK_BYTES)
        .spawn(move || {
            let hooks =
                hooks_with::<CountInstructions>("tailcall", "heap").expect("tailcall/heap variant");
            let outcome = run_with_hooks(&options, hooks);
            (outcome, EXECUTED.with(Cell::get))
        })
        .expect("spawn")
        .join()
        .expect("the interpreter thread overflowed its 256 KiB stack or panicked")
}

#[test]
fn hundred_million_bytecodes_on_a_small_stack() {
    // 8 instructions per iteration (CPython 3.10's inverted `while`): 12.5 million iterations.
    let source = "\
def spin(n):
    i = 0
    while i < n:
        i += 1
    return i

print(spin(12_500_000))
";
    let (outcome, executed) = run_on_small_stack("tailcall_loop", source);
    let stderr = String::from_utf8_lossy(&outcome.stderr);
    assert_eq!(outcome.exit_code, 0, "{stderr}");
    assert_eq!(String::from_utf8_lossy(&outcome.stdout), "12500000\n");
    assert!(executed >= 100_000_000, "only {executed} instructions ran");
}

#[test]
fn recursion_fifty_thousand_deep_on_a_small_stack() {
    let source = "\
import sys
sys.setrecursionlimit(100_000)

def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1

print(depth(50_000))
";
    let (outcome, _) = run_on_small_stack("tailcall_recursion", source);
    let stderr = String::from_utf8_lossy(&outcome.stderr);
    assert_eq!(outcome.exit_code, 0, "{stderr}");
    assert_eq!(String::from_utf8_lossy(&outcome.stdout), "50000\n");
}
