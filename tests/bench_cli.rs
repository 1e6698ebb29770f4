//! `rceval bench`, `compare` and `compare-builds` as a user meets them, on one or two tiny
//! programs at their test sizes so the suite stays fast. Nothing here looks at how fast
//! anything ran: only at what was run, checked, written and reported.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn rceval(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("rceval runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}

/// The benchmark names in a pyperf file, and the number of timed values of each.
fn benchmarks(suite: &Value) -> Vec<(String, usize)> {
    suite["benchmarks"]
        .as_array()
        .expect("benchmarks")
        .iter()
        .map(|b| {
            let values = b["runs"]
                .as_array()
                .expect("runs")
                .iter()
                .map(|r| {
                    r.get("values")
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len)
                })
                .sum();
            (
                b["metadata"]["name"].as_str().expect("name").to_string(),
                values,
            )
        })
        .collect()
}

fn out_dir(tmp: &tempfile::TempDir) -> PathBuf {
    tmp.path().join("results")
}

#[test]
fn quick_bench_writes_pyperf_files_summary_and_charts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = out_dir(&tmp);
    let run = rceval(&[
        "bench",
        "--quick",
        "--filter",
        "fib,nbody",
        "--variants",
        "switch,tailcall/zombie",
        "--runs",
        "2",
        "--no-progress",
        "--note",
        "test run",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    assert!(
        stdout.contains("## rceval variants against python3"),
        "{stdout}"
    );
    assert!(stderr_has_rounds(&run, 2), "{}", text(&run.stderr));
    // Without a terminal: one line per program and round, the warm-up round's too.
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("(smoke run: sizes too small to compare speed); results in "),
        "{stderr}"
    );
    for line in [
        "warm-up 1/1: fib: ",
        "round 1/2: nbody: ",
        "round 2/2: fib: ",
    ] {
        assert!(stderr.contains(line), "no {line:?} in\n{stderr}");
    }
    assert!(
        stdout.starts_with("# rceval bench: ")
            && stdout.contains("(smoke run: sizes too small to compare speed)")
            && stdout.contains("**Smoke run: sizes too small to compare speed.**"),
        "{stdout}"
    );

    for variant in ["python3", "switch-heap", "tailcall-zombie"] {
        let suite = json(&out.join(format!("{variant}.json")));
        assert_eq!(suite["version"], "1.0");
        assert_eq!(
            benchmarks(&suite),
            [("fib".to_string(), 2), ("nbody".to_string(), 2)],
            "{variant}"
        );
        let meta = &suite["metadata"];
        for key in [
            "cpu_model_name",
            "hostname",
            "commit",
            "unit",
            "platform",
            "command",
        ] {
            assert!(meta[key].is_string(), "{variant}: no {key} in {meta}");
        }
        assert_eq!(meta["unit"], "second");
        assert_eq!(meta["note"], "test run");
        // The first run of each benchmark is the warm-up that checked the output.
        let first = &suite["benchmarks"][0]["runs"][0];
        assert_eq!(first["warmups"][0][0], 1);
        assert!(first["warmups"][0][1].as_f64().unwrap() > 0.0);
        assert!(first["metadata"]["date"].is_string());
        // Every run, warm-up or timed, records its process's peak RSS as pyperf does.
        for run in suite["benchmarks"][0]["runs"].as_array().unwrap() {
            let rss = run["metadata"]["mem_max_rss"].as_u64();
            assert!(rss.is_some_and(|b| b > 1 << 20), "{variant}: {run}");
        }
    }
    let tailcall = json(&out.join("tailcall-zombie.json"));
    let meta = &tailcall["metadata"];
    assert_eq!(meta["dispatch"], "tailcall");
    assert_eq!(meta["allocator"], "zombie");
    for key in ["rustc_version", "profile", "cargo_features", "opt_level"] {
        assert!(meta[key].is_string(), "no {key} in {meta}");
    }
    assert!(
        meta["rustc_version"]
            .as_str()
            .unwrap()
            .starts_with("rustc ")
    );
    assert_eq!(
        json(&out.join("python3.json"))["metadata"]["python_implementation"],
        "cpython"
    );

    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    // (The comparison tables themselves may hide every row: at test sizes, under load, no
    // difference need be significant.)
    for needle in [
        "## rceval variants against python3",
        "switch-heap",
        "tailcall-zombie",
        "## rceval variants against switch-heap",
        "| program | variant",
        "p50",
        "p99",
        "## Start-up",
        "## Peak RSS vs python3",
        "| geometric mean ",
    ] {
        assert!(summary.contains(needle), "no {needle:?} in\n{summary}");
    }
    let readme = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(
        readme.contains("rceval bench --quick --filter fib,nbody"),
        "{readme}"
    );
    assert!(readme.contains("**Conditions:** test run"), "{readme}");
    for chart in ["ratio-vs-python3.svg", "ratio-vs-switch-heap.svg"] {
        let svg = std::fs::read_to_string(out.join(chart)).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("<title>fib "),
            "{chart}"
        );
    }

    // `rceval compare` reads them back, as a list and as a table.
    let files: Vec<String> = ["python3", "switch-heap", "tailcall-zombie"]
        .iter()
        .map(|v| out.join(format!("{v}.json")).display().to_string())
        .collect();
    let mut args = vec!["compare", "--verbose"];
    args.extend(files.iter().map(String::as_str));
    let listed = rceval(&args);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let listed = text(&listed.stdout);
    assert!(listed.contains("Mean +- std dev: [python3] "), "{listed}");
    assert!(
        listed.contains("Geometric mean\n=============="),
        "{listed}"
    );
    assert!(listed.contains("tailcall-zombie: "), "{listed}");
    let mut args = vec!["compare", "--table", "--table-format", "md"];
    args.extend(files.iter().map(String::as_str));
    let table = text(&rceval(&args).stdout);
    assert!(
        table.starts_with("| Benchmark ") || table.starts_with("Benchmark hidden"),
        "{table}"
    );
}

fn stderr_has_rounds(run: &Output, rounds: usize) -> bool {
    text(&run.stderr).contains(&format!("round {rounds}/{rounds} done"))
}

#[test]
fn a_program_whose_output_differs_from_cpythons_is_failed_not_timed() {
    let tmp = tempfile::tempdir().unwrap();
    let programs = tmp.path().join("programs");
    std::fs::create_dir(&programs).unwrap();
    // rceval's sys.version_info is a plain tuple: it runs, but prints "tuple".
    std::fs::write(
        programs.join("differs.py"),
        "# bench-args: 1\nimport sys\nprint(type(sys.version_info).__name__)\n",
    )
    .unwrap();
    // rceval has no sys.implementation: it fails with a traceback.
    std::fs::write(
        programs.join("raises.py"),
        "import sys\nprint(sys.implementation.name)\n",
    )
    .unwrap();
    std::fs::write(
        programs.join("same.py"),
        "# bench-args: 100\nimport sys\nprint(sum(range(int(sys.argv[1]))))\n",
    )
    .unwrap();
    std::fs::write(
        programs.join("waits.py"),
        "# pending: needs a feature\nprint(1)\n",
    )
    .unwrap();
    let out = out_dir(&tmp);
    let run = rceval(&[
        "bench",
        "--programs",
        programs.to_str().unwrap(),
        "--variants",
        "switch",
        "--runs",
        "2",
        "--no-progress",
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            r#"differs under switch-heap: output differs from the reference's: line 1: expected "version_info", got "tuple""#
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("raises under switch-heap: exit code 1: AttributeError: module 'sys' has no attribute 'implementation'"),
        "{stderr}"
    );
    // Only the program that printed the same was timed under rceval; CPython ran them all.
    assert_eq!(
        benchmarks(&json(&out.join("switch-heap.json"))),
        [("same".to_string(), 2)]
    );
    let python = benchmarks(&json(&out.join("python3.json")));
    assert_eq!(python.len(), 3, "{python:?}");
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(
        summary.contains("- differs under switch-heap: FAILED: output differs"),
        "{summary}"
    );
    assert!(
        summary.contains("- raises under switch-heap: FAILED: exit code 1"),
        "{summary}"
    );
    assert!(
        summary.contains("- waits: skipped (pending: needs a feature)"),
        "{summary}"
    );
}

#[test]
fn without_python_the_first_variant_is_the_reference() {
    let tmp = tempfile::tempdir().unwrap();
    let out = out_dir(&tmp);
    let run = rceval(&[
        "bench",
        "--quick",
        "--against",
        "none",
        "--filter",
        "fib",
        "--variants",
        "switch/heap,predict/datastack",
        "--runs",
        "1",
        "--no-progress",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(!out.join("python3.json").exists());
    assert!(out.join("predict-datastack.json").exists());
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(
        summary.contains("## rceval variants against switch-heap"),
        "{summary}"
    );
    assert!(!summary.contains("against python3"), "{summary}");
}

#[test]
fn usage_errors_are_clear() {
    let missing = rceval(&["bench", "--against", "no-such-python-here", "--quick"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("--against no-such-python-here: it does not run"));

    let unknown = rceval(&["bench", "--variants", "goto/heap"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("unknown dispatch strategy 'goto'"));

    let nothing = rceval(&["bench", "--filter", "no-such-program", "--against", "none"]);
    assert_eq!(nothing.status.code(), Some(2));
    assert!(text(&nothing.stderr).contains("no benchmark program matches"));

    let one = rceval(&["compare", "a.json"]);
    assert_eq!(one.status.code(), Some(2));

    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "{\"version\": \"0.9\", \"benchmarks\": []}").unwrap();
    let bad = bad.to_str().unwrap();
    let run = rceval(&["compare", bad, bad]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("format version \"0.9\" is not supported"));
}

#[test]
fn compare_builds_checks_its_builds_before_running() {
    let missing = rceval(&[
        "compare-builds",
        "--build",
        "base=",
        "--build",
        "traced=lltrace",
        "--no-build",
        "--cargo-profile",
        "no-such-profile",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    let stderr = text(&missing.stderr);
    assert!(
        stderr.contains("--no-build: ")
            && stderr.contains("target/builds/base/no-such-profile/rceval is not there"),
        "{stderr}"
    );
    let one = rceval(&["compare-builds", "--build", "only=dxp", "--no-build"]);
    assert_eq!(one.status.code(), Some(2));
    assert!(text(&one.stderr).contains("at least two --build"));
}

/// `rceval bench --quick` on `programs` under `variants`, `runs` rounds, into `out`, with
/// `more` arguments.
fn quick_bench(programs: &str, variants: &str, runs: &str, out: &Path, more: &[&str]) -> Output {
    let mut args = vec![
        "bench",
        "--quick",
        "--filter",
        programs,
        "--variants",
        variants,
        "--runs",
        runs,
        "--no-progress",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    rceval(&args)
}

#[test]
fn an_existing_out_folder_is_refused_unless_forced_and_then_emptied() {
    let tmp = tempfile::tempdir().unwrap();
    let out = out_dir(&tmp);
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("earlier.json"), "{}").unwrap();
    let refused = quick_bench("fib", "switch", "1", &out, &["--against", "none"]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("already holds results") && stderr.contains("--force"),
        "{stderr}"
    );
    // Refused before anything ran or was written.
    assert!(!stderr.contains("warm-up"), "{stderr}");
    assert!(out.join("earlier.json").exists());
    assert!(!out.join("summary.md").exists());

    let forced = quick_bench(
        "fib",
        "switch",
        "1",
        &out,
        &["--against", "none", "--force"],
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(!out.join("earlier.json").exists());
    assert!(out.join("switch-heap.json").exists() && out.join("summary.md").exists());
}

#[test]
fn impossible_values_are_refused_with_a_message_and_usage() {
    for (flag, value) in [
        ("--runs", "0"),
        ("--runs", "two"),
        ("--warmups", "0"),
        ("--timeout", "0"),
        ("--budget", "0s"),
        ("--budget", "3d"),
        ("--shard", "0/2"),
        ("--shard", "3/2"),
        ("--shard", "1"),
    ] {
        let run = rceval(&["bench", "--quick", "--against", "none", flag, value]);
        let stderr = text(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{flag} {value}: {stderr}");
        assert!(
            stderr.contains(flag) && stderr.contains("Usage:"),
            "{flag} {value}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{flag} {value}: {stderr}");
    }
    let both = rceval(&["bench", "--quick", "--full"]);
    assert_eq!(both.status.code(), Some(2));
    assert!(text(&both.stderr).contains("cannot be used with"));
}

#[test]
fn sigint_writes_the_rounds_completed_so_far_marked_partial() {
    let tmp = tempfile::tempdir().unwrap();
    let out = out_dir(&tmp);
    let mut child = Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args([
            "bench",
            "--quick",
            "--filter",
            "fib",
            "--variants",
            "switch",
            "--against",
            "none",
            "--runs",
            "1000",
            "--no-progress",
            "--out",
            out.to_str().unwrap(),
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rceval runs");
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        let read = stderr.read_line(&mut line).unwrap();
        assert!(read > 0, "rceval ended before its second round:\n{seen}");
        seen.push_str(&line);
        if line.starts_with("round 2/1000 done") {
            break;
        }
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{seen}{rest}");
    assert!(
        rest.contains("partial results: interrupted after"),
        "{rest}"
    );

    let suite = json(&out.join("switch-heap.json"));
    let partial = suite["metadata"]["partial"].as_str().expect("partial");
    assert!(partial.starts_with("interrupted after "), "{partial}");
    assert!(partial.ends_with(" of 1000 timed rounds"), "{partial}");
    let rounds: usize = partial["interrupted after ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(rounds >= 2, "{partial}");
    // Every completed round is kept, and no run of the round that was cut short.
    assert_eq!(benchmarks(&suite), [("fib".to_string(), rounds)]);
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(
        summary.contains(&format!("**Partial results: {partial}.**")),
        "{summary}"
    );
}

/// Every (benchmark, variant) with timed values in a results folder.
fn cells(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let variant = path.file_stem().unwrap().to_string_lossy().into_owned();
            for (name, values) in benchmarks(&json(&path)) {
                assert!(values > 0);
                out.push((name, variant.clone()));
            }
        }
    }
    out
}

#[test]
fn shards_cover_the_matrix_exactly_once_and_merge_into_one_result() {
    let tmp = tempfile::tempdir().unwrap();
    let mut seen = Vec::new();
    let mut dirs = Vec::new();
    for k in 1..=3 {
        let dir = tmp.path().join(format!("shard-{k}"));
        let shard = format!("{k}/3");
        let run = quick_bench(
            "fib,nbody",
            "switch,tailcall/zombie",
            "1",
            &dir,
            &["--shard", &shard],
        );
        assert!(run.status.success(), "{}", text(&run.stderr));
        let mine = cells(&dir);
        assert_eq!(mine.len(), 2, "shard {shard}: {mine:?}");
        let summary = std::fs::read_to_string(dir.join("summary.md")).unwrap();
        assert!(summary.contains(&format!("**Shard {shard}**")), "{summary}");
        seen.extend(mine);
        dirs.push(dir);
    }
    let distinct: BTreeSet<_> = seen.iter().cloned().collect();
    assert_eq!(
        distinct.len(),
        seen.len(),
        "a cell ran in two shards: {seen:?}"
    );
    let mut matrix = BTreeSet::new();
    for program in ["fib", "nbody"] {
        for variant in ["python3", "switch-heap", "tailcall-zombie"] {
            matrix.insert((program.to_string(), variant.to_string()));
        }
    }
    assert_eq!(distinct, matrix);

    let merged = tmp.path().join("merged");
    let mut args = vec!["bench", "merge"];
    args.extend(dirs.iter().map(|d| d.to_str().unwrap()));
    args.extend(["--out", merged.to_str().unwrap()]);
    let run = rceval(&args);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let all: BTreeSet<_> = cells(&merged).into_iter().collect();
    assert_eq!(all, matrix);
    let summary = std::fs::read_to_string(merged.join("summary.md")).unwrap();
    assert!(
        summary.contains("## rceval variants against python3"),
        "{summary}"
    );
    assert!(!summary.contains("**Shard"), "{summary}");
    assert!(merged.join("ratio-vs-python3.svg").exists());

    // The same shard twice overlaps.
    let twice = rceval(&[
        "bench",
        "merge",
        dirs[0].to_str().unwrap(),
        dirs[0].to_str().unwrap(),
        "--out",
        tmp.path().join("twice").to_str().unwrap(),
    ]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(text(&twice.stderr).contains("the shards overlap"));
}

#[test]
fn merge_gives_the_summary_an_unsharded_run_gives_over_the_same_json() {
    let tmp = tempfile::tempdir().unwrap();
    let whole = tmp.path().join("whole");
    let run = quick_bench("fib,nbody,richards", "switch,tailcall", "2", &whole, &[]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    // Split every variant's file in two by benchmark, as two shards would have written it.
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    std::fs::create_dir(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    for entry in std::fs::read_dir(&whole).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let suite = json(&path);
        let all = suite["benchmarks"].as_array().unwrap().clone();
        for (dir, parity) in [(&a, 0), (&b, 1)] {
            let mut part = suite.clone();
            part["benchmarks"] = Value::Array(
                all.iter()
                    .enumerate()
                    .filter(|(i, _)| i % 2 == parity)
                    .map(|(_, b)| b.clone())
                    .collect(),
            );
            std::fs::write(dir.join(path.file_name().unwrap()), part.to_string()).unwrap();
        }
    }
    let merged = tmp.path().join("merged");
    let run = rceval(&[
        "bench",
        "merge",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--out",
        merged.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    for file in [
        "summary.md",
        "README.md",
        "python3.json",
        "ratio-vs-python3.svg",
    ] {
        assert_eq!(
            std::fs::read_to_string(merged.join(file)).unwrap(),
            std::fs::read_to_string(whole.join(file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn a_budget_stop_keeps_the_rounds_run_and_says_they_are_partial() {
    let tmp = tempfile::tempdir().unwrap();
    let out = out_dir(&tmp);
    // The first round always runs; any round takes longer than a microsecond, so the budget
    // stops the second from starting.
    let run = quick_bench(
        "fib",
        "switch",
        "3",
        &out,
        &["--against", "none", "--budget", "0.000001s"],
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let suite = json(&out.join("switch-heap.json"));
    assert_eq!(
        suite["metadata"]["partial"],
        "stopped by --budget after 1 of 3 timed rounds"
    );
    assert_eq!(benchmarks(&suite), [("fib".to_string(), 1)]);
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(
        summary.contains("**Partial results: stopped by --budget after 1 of 3 timed rounds.**"),
        "{summary}"
    );
}

#[test]
fn without_out_results_go_to_a_new_folder_under_target_not_results() {
    let tmp = tempfile::tempdir().unwrap();
    let programs = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    let run_here = || {
        Command::new(env!("CARGO_BIN_EXE_rceval"))
            .args([
                "bench",
                "--quick",
                "--programs",
                programs.to_str().unwrap(),
                "--filter",
                "fib",
                "--variants",
                "switch",
                "--against",
                "none",
                "--runs",
                "1",
                "--no-progress",
            ])
            .current_dir(tmp.path())
            .output()
            .expect("rceval runs")
    };
    for _ in 0..2 {
        let run = run_here();
        assert!(run.status.success(), "{}", text(&run.stderr));
    }
    let root = tmp.path().join("target/bench-results");
    let folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    // Two runs, two new folders: the second does not overwrite the first.
    assert_eq!(folders.len(), 2, "{folders:?}");
    for folder in folders {
        assert!(folder.join("summary.md").exists(), "{}", folder.display());
    }
    assert!(!tmp.path().join("results").exists());
}
