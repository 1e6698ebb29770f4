//! Every dispatch strategy executes the same instruction stream: over the whole differential
//! corpus, an observer counting instructions per opcode sees identical counts under every
//! strategy (predicted jumps included). And the `predict` strategy's hit counts agree with the
//! opcode pairs an observer sees.

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};

use rceval::driver::{Outcome, RunOptions, run_with_hooks};
use rceval_dispatch::observer::Observer;
use rceval_dispatch::predict::{Counted, Predict};
use rceval_dispatch::variants::{DISPATCH_STRATEGIES, hooks_with};
use rceval_interp::opcode::{ALL_OPCODES, Opcode};
use rceval_interp::runtime::vm::EvalHooks;
use rceval_interp::runtime::{HeapFrames, Vm};

thread_local! {
    static PER_OPCODE: RefCell<[u64; 256]> = const { RefCell::new([0; 256]) };
    static PREVIOUS: Cell<Option<Opcode>> = const { Cell::new(None) };
    static PAIRS: RefCell<Vec<(Opcode, Opcode)>> = const { RefCell::new(Vec::new()) };
}

/// DXP-style: instructions executed per opcode.
struct CountPerOpcode;

impl Observer for CountPerOpcode {
    const NAME: &'static str = "per-opcode";

    fn before_instruction(_vm: &mut Vm, op: Opcode, _arg: u32) {
        PER_OPCODE.with(|c| c.borrow_mut()[op as usize] += 1);
    }
}

/// Records every consecutive pair of executed instructions.
struct RecordPairs;

impl Observer for RecordPairs {
    const NAME: &'static str = "pairs";

    fn before_instruction(_vm: &mut Vm, op: Opcode, _arg: u32) {
        if let Some(prev) = PREVIOUS.with(|p| p.replace(Some(op))) {
            PAIRS.with(|p| p.borrow_mut().push((prev, op)));
        }
    }
}

/// Runs a program on a big-stack thread (some corpus programs recurse through native code).
fn run(path: &Path, args: Vec<String>, hooks: EvalHooks) -> (Outcome, [u64; 256]) {
    let options = RunOptions {
        path: path.display().to_string(),
        args,
        dispatch: hooks.dispatch_name.into(),
        frames: hooks.frames_name.into(),
        capture: true,
        frame_stats: false,
    };
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let outcome = run_with_hooks(&options, hooks);
            (outcome, PER_OPCODE.with(|c| *c.borrow()))
        })
        .expect("spawn")
        .join()
        .expect("interpreter thread")
}

fn programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("program dir")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            programs(&path, out);
        } else if path.extension().is_some_and(|e| e == "py")
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('_'))
        {
            out.push(path);
        }
    }
}

fn header_args(path: &Path) -> Vec<String> {
    let source = std::fs::read_to_string(path).expect("source");
    source
        .lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .find_map(|l| l.strip_prefix("# args:"))
        .map(|a| a.split_whitespace().map(String::from).collect())
        .unwrap_or_default()
}

#[test]
fn every_strategy_executes_the_same_instructions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    programs(&root.join("tests/programs"), &mut paths);
    assert!(
        paths.len() > 100,
        "expected the corpus, found {}",
        paths.len()
    );
    let mut total = [0u64; 256];
    let mut mismatches = Vec::new();
    for path in &paths {
        let args = header_args(path);
        let mut reference: Option<(&str, [u64; 256])> = None;
        for &dispatch in DISPATCH_STRATEGIES {
            let hooks = hooks_with::<CountPerOpcode>(dispatch, "heap").expect("variant");
            let (_, counts) = run(path, args.clone(), hooks);
            match reference {
                None => {
                    reference = Some((dispatch, counts));
                    total.iter_mut().zip(counts).for_each(|(t, c)| *t += c);
                }
                Some((first, want)) if want != counts => {
                    let diff: Vec<String> = ALL_OPCODES
                        .iter()
                        .filter(|&&op| want[op as usize] != counts[op as usize])
                        .map(|&op| {
                            format!(
                                "{op}: {first} {} vs {dispatch} {}",
                                want[op as usize], counts[op as usize]
                            )
                        })
                        .collect();
                    mismatches.push(format!("{}: {}", path.display(), diff.join(", ")));
                }
                Some(_) => {}
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "per-opcode counts differ:\n{}",
        mismatches.join("\n")
    );
    // The corpus exercises every predicted pair's first opcode, so prediction was tested.
    for &op in ALL_OPCODES
        .iter()
        .filter(|op| !op.predicted_successors().is_empty())
    {
        if matches!(
            op,
            Opcode::SetAdd
                | Opcode::MapAdd
                | Opcode::IsOp
                | Opcode::ContainsOp
                | Opcode::ListAppend
        ) {
            continue;
        }
        assert!(total[op as usize] > 0, "{op} never ran in the corpus");
    }
}

#[test]
fn prediction_hits_equal_the_observed_pairs() {
    // Plain ints, lists and dicts: no comparison calls back into Python, so the instruction
    // after a predicting opcode is the next one the observer sees.
    let source = "\
def work(n):
    total = 0
    squares = [i * i for i in range(n)]
    evens = {i for i in range(n) if i % 2 == 0}
    table = {i: i + 1 for i in range(n)}
    for a, b in zip(squares, squares[1:]):
        if a < b and b - a != 3:
            total += 1
        elif a == b:
            total -= 1
    for i in range(n):
        if i in evens or i is None:
            total += table[i]
        while total > 1000:
            total -= 7
    return total

print(work(300))
";
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("prediction_pairs.py");
    std::fs::write(&path, source).expect("write program");
    let hooks = rceval_dispatch::hooks::<Predict<Counted>, HeapFrames, RecordPairs>();
    let options = RunOptions {
        path: path.display().to_string(),
        args: Vec::new(),
        dispatch: "predict".into(),
        frames: "heap".into(),
        capture: true,
        frame_stats: false,
    };
    let (outcome, pairs) = std::thread::spawn(move || {
        let outcome = run_with_hooks(&options, hooks);
        (outcome, PAIRS.with(|p| p.take()))
    })
    .join()
    .expect("interpreter thread");
    assert_eq!(
        outcome.exit_code,
        0,
        "{}",
        String::from_utf8_lossy(&outcome.stderr)
    );
    let counts = outcome.prediction_counts.expect("counts of a predict run");
    let mut hits_seen = 0;
    for row in &counts {
        let observed = pairs
            .iter()
            .filter(|&&(a, b)| a == row.op && b == row.predicted)
            .count();
        let executions = pairs.iter().filter(|&&(a, _)| a == row.op).count();
        assert_eq!(row.hits, observed as u64, "{} -> {}", row.op, row.predicted);
        assert_eq!(row.attempts, executions as u64, "{} attempts", row.op);
        hits_seen += row.hits;
    }
    assert!(
        hits_seen > 1000,
        "the program should exercise predictions: {counts:?}"
    );
    let listed: usize = ALL_OPCODES
        .iter()
        .map(|op| op.predicted_successors().len())
        .sum();
    assert_eq!(
        counts.len(),
        listed,
        "one row per predicted pair of the opcode table"
    );
}
