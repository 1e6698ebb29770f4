//! `rceval bench`, `compare` and `compare-builds` as a user meets them, on one or two tiny
//! programs at their test sizes so the suite stays fast. Nothing here looks at how fast
//! anything ran: only at what was run, checked, written and reported.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
    for needle in [
        "| Benchmark",
        "| python3",
        "switch-heap",
        "tailcall-zombie",
        "## rceval variants against switch-heap",
        "| program | variant",
        "p50",
        "p99",
        "## Start-up",
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
