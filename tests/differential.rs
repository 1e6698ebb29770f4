//! The differential test suite: every program under `tests/programs` (and every benchmark
//! program at its test size) under every dispatch strategy × frame allocator this binary has,
//! compared with what CPython 3.11 printed (`tests/regen_expected.py` regenerates that).
//!
//! One trial per program and variant, named `VARIANT::PATH`, so `cargo test --test
//! differential -- switch/heap::ints` filters as usual.
//!
//! A benchmark program whose header says `# pending: REASON` needs something rceval does not
//! have yet; its trials are marked ignored (listed, not run), and `cargo test --test
//! differential -- --ignored` runs just those, to see which have started to pass.

use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use rceval::driver::{self, RunOptions};
use rceval_benches::programs::{header_value, shell_words};
use rceval_dispatch::variants;

struct Case {
    program: PathBuf,
    args: Vec<String>,
    expected_stdout: PathBuf,
    /// `(exit code, last stderr line)` when the program must fail.
    expected_error: Option<(i32, String)>,
    /// Why the program cannot run yet (its `# pending:` header), if it cannot.
    pending: Option<String>,
}

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases = Vec::new();
    collect_test_programs(&root.join("tests/programs"), &mut cases);
    collect_bench_programs(&root.join("benches/programs"), &mut cases);
    assert!(
        cases.len() > 100,
        "expected the program corpus, found {} programs",
        cases.len()
    );
    let mut trials = Vec::new();
    for (dispatch, frames) in variants::all_variants() {
        for case in &cases {
            let name = format!(
                "{dispatch}/{frames}::{}",
                case.program
                    .strip_prefix(root)
                    .unwrap_or(&case.program)
                    .display()
            );
            let case = Case {
                program: case.program.clone(),
                args: case.args.clone(),
                expected_stdout: case.expected_stdout.clone(),
                expected_error: case.expected_error.clone(),
                pending: case.pending.clone(),
            };
            let ignored = case.pending.is_some();
            trials.push(
                Trial::test(name, move || run_case(&case, dispatch, frames))
                    .with_ignored_flag(ignored),
            );
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

fn header_args(source: &str, key: &str) -> Option<Vec<String>> {
    header_value(source, key).map(shell_words)
}

fn collect_test_programs(dir: &Path, cases: &mut Vec<Case>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_test_programs(&path, cases);
            continue;
        }
        let is_test = path.extension().is_some_and(|e| e == "py")
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('_'));
        if !is_test {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("program source");
        let err_file = path.with_extension("err");
        let expected_error = std::fs::read_to_string(&err_file).ok().map(|text| {
            let mut lines = text.lines();
            let code = lines
                .next()
                .and_then(|l| l.strip_prefix("exit: "))
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or(1);
            let last = lines
                .next()
                .and_then(|l| l.strip_prefix("stderr: "))
                .unwrap_or("");
            (code, last.to_string())
        });
        cases.push(Case {
            args: header_args(&source, "# args:").unwrap_or_default(),
            expected_stdout: path.with_extension("out"),
            expected_error,
            pending: None,
            program: path,
        });
    }
}

fn collect_bench_programs(dir: &Path, cases: &mut Vec<Case>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.map(|e| e.expect("dir entry").path()).collect();
    paths.sort();
    for path in paths {
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("program source");
        let Some(args) = header_args(&source, "# test-args:") else {
            continue;
        };
        cases.push(Case {
            args,
            expected_stdout: path.with_extension("test.out"),
            expected_error: None,
            pending: header_value(&source, "# pending:").map(str::to_string),
            program: path,
        });
    }
}

fn run_case(case: &Case, dispatch: &str, frames: &str) -> Result<(), Failed> {
    let expected = std::fs::read(&case.expected_stdout).map_err(|e| {
        format!(
            "missing expectation {} ({e}); run python3 tests/regen_expected.py",
            case.expected_stdout.display()
        )
    })?;
    let outcome = driver::run(RunOptions {
        path: case.program.display().to_string(),
        args: case.args.clone(),
        dispatch: dispatch.to_string(),
        frames: frames.to_string(),
        capture: true,
        frame_stats: false,
    });
    let stderr = String::from_utf8_lossy(&outcome.stderr);
    let (want_code, want_last) = case.expected_error.clone().unwrap_or((0, String::new()));
    let mut problems = Vec::new();
    if outcome.stdout != expected {
        problems.push(format!(
            "stdout differs:\n{}",
            first_difference(
                &String::from_utf8_lossy(&expected),
                &String::from_utf8_lossy(&outcome.stdout)
            )
        ));
    }
    if outcome.exit_code != want_code {
        problems.push(format!(
            "exit code {} (want {want_code})",
            outcome.exit_code
        ));
    }
    let last_line = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    if want_code != 0 && last_line != want_last {
        problems.push(format!(
            "last stderr line:\n  got:  {last_line}\n  want: {want_last}"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let tail: String = stderr
            .lines()
            .rev()
            .take(12)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n");
        if let Some(reason) = &case.pending {
            problems.insert(0, format!("(still marked pending: {reason})"));
        }
        Err(format!("{}\n--- stderr (tail) ---\n{tail}", problems.join("\n")).into())
    }
}

/// The first differing line of two outputs, with a little context.
fn first_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let i = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    format!(
        "  line {}:\n  want: {:?}\n  got:  {:?}\n  ({} lines wanted, {} got)",
        i + 1,
        w.get(i).copied().unwrap_or("<end of output>"),
        g.get(i).copied().unwrap_or("<end of output>"),
        w.len(),
        g.len()
    )
}
