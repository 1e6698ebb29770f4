//! Reads what `cargo bench -p rceval-benches --bench instructions` left in `target/gungraun/`
//! and prints (and with `--out DIR` writes) the figures derived from it:
//!
//! - host instructions per program × variant, with the ratio to `switch/heap` and, per
//!   program, the bytecodes it executes;
//! - host instructions per bytecode (`local_traffic`) and per call (`call_return`), each the
//!   difference between the long and the short run divided by the difference in executed
//!   bytecodes (counted here by running the same programs under a counting observer) or in
//!   calls, so start-up and compilation cancel.
//!
//! `scripts/instruction_benches.sh` runs the bench and then this.

#[path = "../benches/support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use rceval_benches::micro::{LONG_RUN, MICROS, Per, SHORT_RUN};
use rceval_benches::programs::{load_suite, suite_dir};
use rceval_benches::variants::{DEFAULT_DISPATCH, DEFAULT_FRAMES, Variant, default_set};
use support::{Case, executed_bytecodes};

const BENCH: &str = "instructions";

fn main() {
    let mut out_dir = None;
    let mut command_line = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out_dir = args.next().map(PathBuf::from),
            "--command" => command_line = args.next(),
            _ => fail(&format!(
                "usage: instruction_report [--out DIR] [--command 'HOW THE BENCH WAS RUN'] (got '{arg}')"
            )),
        }
    }
    let root = workspace_root();
    let outputs = root.join("target/gungraun/rceval-benches").join(BENCH);
    if !outputs.is_dir() {
        fail(&format!(
            "no {} (run `cargo bench -p rceval-benches --bench {BENCH}` first)",
            outputs.display()
        ));
    }
    let counts = collect_instruction_counts(&outputs);
    let report = render(&counts).unwrap_or_else(|e| fail(&e));
    print!("{report}");
    if let Some(dir) = out_dir {
        write_results(&dir, &report, &counts, command_line.as_deref(), &root)
            .unwrap_or_else(|e| fail(&e));
        eprintln!("wrote {}", dir.display());
    }
}

/// Host instructions (callgrind's `Ir`) by `(function, id)`, from every callgrind output file
/// of the newest run.
fn collect_instruction_counts(dir: &Path) -> BTreeMap<(String, String), u64> {
    let mut counts = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            // `callgrind.FUNCTION.ID.out` is the newest run; `.out.old` the one before.
            let Some(stem) = name
                .strip_prefix("callgrind.")
                .and_then(|n| n.strip_suffix(".out"))
            else {
                continue;
            };
            let Some((function, id)) = stem.split_once('.') else {
                continue;
            };
            match std::fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|text| total_instructions(&text))
            {
                Ok(ir) => {
                    counts.insert((function.to_string(), id.to_string()), ir);
                }
                Err(e) => eprintln!("instruction_report: {}: {e}", path.display()),
            }
        }
    }
    counts
}

/// The `Ir` total of a callgrind output file (its `summary:` or `totals:` line; the events line
/// says which column is `Ir`).
fn total_instructions(text: &str) -> Result<u64, String> {
    let events: Vec<&str> = text
        .lines()
        .find_map(|l| l.strip_prefix("events:"))
        .ok_or("no events line")?
        .split_whitespace()
        .collect();
    let column = events
        .iter()
        .position(|&e| e == "Ir")
        .ok_or("no Ir event")?;
    let totals = text
        .lines()
        .rev()
        .find_map(|l| {
            l.strip_prefix("summary:")
                .or_else(|| l.strip_prefix("totals:"))
        })
        .ok_or("no summary or totals line")?;
    totals
        .split_whitespace()
        .nth(column)
        .ok_or("short totals line")?
        .parse()
        .map_err(|e| format!("bad Ir total: {e}"))
}

fn case_id(variant: Variant) -> String {
    format!("{}_{}", variant.dispatch, variant.frames)
}

fn render(counts: &BTreeMap<(String, String), u64>) -> Result<String, String> {
    let variants = default_set();
    let baseline = Variant {
        dispatch: DEFAULT_DISPATCH,
        frames: DEFAULT_FRAMES,
    };
    let mut text = String::new();

    writeln!(
        text,
        "## Host instructions per program (millions; test sizes; ratio to {baseline})\n"
    )
    .unwrap();
    write!(text, "| program | bytecodes (M) |").unwrap();
    for v in &variants {
        write!(text, " {v} |").unwrap();
    }
    writeln!(text, " {baseline} instr/bytecode |").unwrap();
    writeln!(text, "|---|---:|{}---:|", "---:|".repeat(variants.len())).unwrap();
    let mut missing = Vec::new();
    for program in load_suite(&suite_dir())? {
        let ir = |v: Variant| counts.get(&(program.name.clone(), case_id(v))).copied();
        let Some(base) = ir(baseline) else {
            missing.push(program.name.clone());
            continue;
        };
        let bytecodes = executed_bytecodes(&Case::suite_program(&program, baseline)?)?;
        write!(text, "| {} | {:.2} |", program.name, bytecodes as f64 / 1e6).unwrap();
        for &v in &variants {
            match ir(v) {
                Some(n) if v == baseline => write!(text, " {:.1} |", n as f64 / 1e6),
                Some(n) => write!(
                    text,
                    " {:.1} ({:.3}) |",
                    n as f64 / 1e6,
                    n as f64 / base as f64
                ),
                None => write!(text, " — |"),
            }
            .unwrap();
        }
        writeln!(text, " {:.1} |", base as f64 / bytecodes as f64).unwrap();
    }
    if !missing.is_empty() {
        writeln!(
            text,
            "\nNo counts for: {} (not in benches/benches/instructions.rs, or not run).",
            missing.join(", ")
        )
        .unwrap();
    }

    writeln!(
        text,
        "\n## Per bytecode and per call (difference of {LONG_RUN} and {SHORT_RUN} iterations)\n"
    )
    .unwrap();
    writeln!(
        text,
        "| variant | instr/bytecode (local_traffic) | instr/call (call_return) | bytecodes/call |"
    )
    .unwrap();
    writeln!(text, "|---|---:|---:|---:|").unwrap();
    let mut derived = BTreeMap::new();
    for micro in MICROS {
        let short = executed_bytecodes(&Case::micro(micro.name, SHORT_RUN, baseline)?)?;
        let long = executed_bytecodes(&Case::micro(micro.name, LONG_RUN, baseline)?)?;
        let bytecodes = long - short;
        for &v in &variants {
            let id = case_id(v);
            let get = |suffix: &str| {
                counts
                    .get(&(micro.name.to_string(), format!("{id}_{suffix}")))
                    .copied()
            };
            let (Some(short_ir), Some(long_ir)) = (get("short"), get("long")) else {
                continue;
            };
            let instructions = long_ir as f64 - short_ir as f64;
            let figure = match micro.per {
                Per::Bytecode => instructions / bytecodes as f64,
                Per::Call => instructions / (LONG_RUN - SHORT_RUN) as f64,
            };
            derived.insert((v.to_string(), micro.per == Per::Call), figure);
        }
        if micro.per == Per::Call {
            derived.insert(
                ("bytecodes/call".into(), true),
                bytecodes as f64 / (LONG_RUN - SHORT_RUN) as f64,
            );
        }
    }
    let per_call_bytecodes = derived.get(&("bytecodes/call".to_string(), true)).copied();
    for v in &variants {
        let cell = |per_call: bool| {
            derived
                .get(&(v.to_string(), per_call))
                .map_or("—".to_string(), |f| format!("{f:.2}"))
        };
        writeln!(
            text,
            "| {v} | {} | {} | {} |",
            cell(false),
            cell(true),
            per_call_bytecodes.map_or("—".to_string(), |b| format!("{b:.0}"))
        )
        .unwrap();
    }
    Ok(text)
}

fn write_results(
    dir: &Path,
    report: &str,
    counts: &BTreeMap<(String, String), u64>,
    command_line: Option<&str>,
    root: &Path,
) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut csv = String::from("function,case,instructions\n");
    for ((function, id), ir) in counts {
        writeln!(csv, "{function},{id},{ir}").unwrap();
    }
    let readme = format!(
        "# Instruction counts (callgrind via gungraun)\n\n\
         Produced by `scripts/instruction_benches.sh`; never edited by hand. Raw counts: \
         `instructions.csv` (callgrind `Ir` of one benchmark run: compile and run in a fresh \
         VM, output captured).\n\n\
         - command: `{}`\n\
         - date: {}\n\
         - machine: {} ({} CPUs)\n\
         - compiler: {}\n\
         - valgrind: {}\n\
         - gungraun: {}\n\
         - build: `bench` profile (release: opt-level 3, thin LTO, 1 codegen unit), default features\n\
         - commit: {}\n\n\
         `local_traffic` runs FOR_ITER, STORE_FAST, 16 LOAD_FAST/STORE_FAST pairs and \
         JUMP_ABSOLUTE per iteration; `call_return` makes one 1-argument call of a function \
         returning its argument per iteration (the loop's own bytecodes included in the per-call \
         figure). Bytecodes are counted by running the same programs under a counting observer.\n\n\
         {report}",
        command_line.unwrap_or("cargo bench -p rceval-benches --bench instructions"),
        run_text("date", &["-u", "+%Y-%m-%dT%H:%M:%SZ"], root),
        cpu_model(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        run_text("rustc", &["-V"], root),
        run_text("valgrind", &["--version"], root),
        gungraun_version(root),
        git_commit(root),
    );
    std::fs::write(dir.join("README.md"), readme).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("instructions.csv"), csv).map_err(|e| e.to_string())
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("benches/ has a parent")
        .to_path_buf()
}

fn run_text(program: &str, args: &[&str], dir: &Path) -> String {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| format!("({program} unavailable)"))
}

fn git_commit(root: &Path) -> String {
    let commit = run_text("git", &["rev-parse", "--short", "HEAD"], root);
    let dirty = !run_text("git", &["status", "--porcelain"], root).is_empty();
    if dirty {
        format!("{commit} (with uncommitted changes)")
    } else {
        commit
    }
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

fn gungraun_version(root: &Path) -> String {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"gungraun\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = "))
        {
            return version.trim_matches('"').to_string();
        }
    }
    "unknown".into()
}

fn fail(message: &str) -> ! {
    eprintln!("instruction_report: {message}");
    std::process::exit(2)
}
