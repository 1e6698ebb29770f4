//! Differential fuzzing of the language against CPython: random valid programs (see
//! `lang_fuzz/program.rs`: ints, floats, strings, containers, comprehensions, closures, classes with
//! dunders, try/except/finally, generators, f-strings with format specs, sorting, slicing),
//! each made of chunks that print their results or their exception's type and message, are run
//! by rceval (in process, the dispatch strategy rotating with the seed) and by `python3`, and
//! their outputs compared line by line. The only differences accepted are the exception
//! wordings of `lang_fuzz/allowed.rs`, each with its reason.
//!
//! A failure names the seed and the chunk, and leaves the program in the target's tmp folder.
//! Other seeds: `RCEVAL_LANG_FUZZ_SEEDS=1000..2000 cargo test --test lang_fuzz`.

#[path = "lang_fuzz/allowed.rs"]
mod allowed;
#[path = "lang_fuzz/program.rs"]
mod program;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use rceval::driver::{self, RunOptions};
use rceval_dispatch::variants::DISPATCH_STRATEGIES;

const DEFAULT_SEEDS: std::ops::Range<u64> = 0..300;

fn seeds() -> std::ops::Range<u64> {
    match std::env::var("RCEVAL_LANG_FUZZ_SEEDS") {
        Ok(spec) => {
            let (a, b) = spec
                .split_once("..")
                .expect("RCEVAL_LANG_FUZZ_SEEDS=START..END");
            a.parse().expect("start seed")..b.parse().expect("end seed")
        }
        Err(_) => DEFAULT_SEEDS,
    }
}

/// The chunk a line of output belongs to (chunks print `-- N` first).
fn chunk_of(lines: &[&str], upto: usize) -> String {
    lines[..upto.min(lines.len())]
        .iter()
        .rev()
        .find(|l| l.starts_with("-- "))
        .map(|l| l[3..].to_string())
        .unwrap_or_else(|| "?".into())
}

/// Compares outputs line by line; the first difference not allowed, described.
fn compare(theirs: &str, ours: &str) -> Result<(), String> {
    let (t, o): (Vec<&str>, Vec<&str>) = (theirs.lines().collect(), ours.lines().collect());
    for i in 0..t.len().max(o.len()) {
        let (a, b) = (t.get(i).copied(), o.get(i).copied());
        if a == b {
            continue;
        }
        if let (Some(a), Some(b)) = (a, b)
            && allowed::accepts(a, b)
        {
            continue;
        }
        return Err(format!(
            "chunk {}, output line {}:\n  python3: {}\n  rceval:  {}",
            chunk_of(&t, i + 1),
            i + 1,
            a.unwrap_or("<no line>"),
            b.unwrap_or("<no line>")
        ));
    }
    Ok(())
}

/// Runs every program given in one python3 process (its start-up costs a third of a second on
/// this machine, many times a program's run), each under `runpy` as `__main__`, its output
/// after a marker line.
const PYTHON_RUNNER: &str = r#"
import runpy, sys
for path in sys.argv[1:]:
    sys.stdout.write('\0BEGIN ' + path + '\n')
    try:
        runpy.run_path(path, run_name='__main__')
    except BaseException as e:
        sys.stdout.write('\0CRASH %s: %s\n' % (type(e).__name__, e))
    sys.stdout.flush()
"#;

/// python3's output for each program, in order.
fn python_outputs(out: &str, count: usize) -> Vec<String> {
    let parts: Vec<String> = out
        .split("\0BEGIN ")
        .skip(1)
        .map(|p| p.split_once('\n').map_or("", |(_, rest)| rest).to_string())
        .collect();
    assert_eq!(parts.len(), count, "python3 ran every program");
    parts
}

fn run_rceval(path: &Path, dispatch: &str) -> Result<String, String> {
    let ours = driver::run(RunOptions {
        path: path.display().to_string(),
        args: Vec::new(),
        dispatch: dispatch.into(),
        frames: "heap".into(),
        capture: true,
        frame_stats: false,
    });
    if ours.exit_code != 0 {
        return Err(format!(
            "rceval exited {} (python3: 0)\n{}",
            ours.exit_code,
            String::from_utf8_lossy(&ours.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&ours.stdout).into_owned())
}

#[test]
fn random_programs_print_what_python3_prints() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lang_fuzz");
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let seeds: Vec<u64> = seeds().collect();
    let paths: Vec<PathBuf> = seeds
        .iter()
        .map(|&seed| {
            let path = dir.join(format!("lang_{seed}.py"));
            std::fs::write(&path, program::Gen::new(seed).program()).expect("write program");
            path
        })
        .collect();
    // python3 works through them while rceval does.
    let python = Command::new("python3")
        .arg("-c")
        .arg(PYTHON_RUNNER)
        .args(&paths)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("python3 runs");
    let ours: Vec<(&str, Result<String, String>)> = seeds
        .iter()
        .zip(&paths)
        .map(|(&seed, path)| {
            let dispatch = DISPATCH_STRATEGIES[seed as usize % DISPATCH_STRATEGIES.len()];
            (dispatch, run_rceval(path, dispatch))
        })
        .collect();
    let python = python.wait_with_output().expect("python3 ends");
    assert!(python.status.success(), "the python3 runner failed");
    let theirs = python_outputs(&String::from_utf8_lossy(&python.stdout), seeds.len());
    let mut failures = Vec::new();
    for (((seed, path), (dispatch, mine)), theirs) in seeds.iter().zip(&paths).zip(ours).zip(theirs)
    {
        let verdict = if theirs.contains("\0CRASH") {
            Err(format!(
                "the generator wrote a program python3 rejects:\n{theirs}"
            ))
        } else {
            mine.and_then(|mine| compare(&theirs, &mine))
        };
        match verdict {
            Ok(()) => drop(std::fs::remove_file(path)),
            Err(e) => failures.push(format!(
                "seed {seed} ({}, --dispatch {dispatch}): {e}",
                path.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} seed(s) failed:\n{}",
        failures.len(),
        seeds.len(),
        failures.join("\n\n")
    );
}

/// The generator writes what the issue asks of it (a guard against it silently shrinking).
#[test]
fn generated_programs_exercise_what_they_should() {
    let all: String = (0..30).map(|s| program::Gen::new(s).program()).collect();
    for needle in [
        "class ",
        "def __add__",
        "super().__init__",
        "yield from",
        ".send(",
        "nonlocal",
        "lambda",
        "finally:",
        " for x in ",
        "f'<{",
        "sorted(",
        "::-1",
        "except Exception as e:",
        "**",
        "1e10",
        "def chunk_",
    ] {
        assert!(
            all.contains(needle),
            "no {needle:?} in 30 generated programs"
        );
    }
}

/// The comparison itself: a differing line fails unless its wording is on the allow-list.
#[test]
fn a_differing_line_is_reported_with_its_chunk() {
    let err = compare("-- 0\n1\n-- 1\n2\n", "-- 0\n1\n-- 1\n3\n").unwrap_err();
    assert!(err.contains("chunk 1, output line 4"), "{err}");
    assert!(compare("-- 0\na\n", "-- 0\na\nextra\n").is_err());
    assert!(compare("x\n", "x\n").is_ok());
}
