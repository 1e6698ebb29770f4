//! Golden tests of the `rceval dxp report` formats, over a fixed synthetic profile (so the
//! goldens change only when the report does), and of the `rceval dxp report` command line.
//! `UPDATE_GOLDEN=1` rewrites the goldens in tests/profiling/golden/.

use std::path::{Path, PathBuf};
use std::process::Command;

use rceval_interp::opcode::Opcode::{self, *};
use rceval_profiling::dxp::{DxpCounts, DxpProfile, RunInfo};
use rceval_profiling::report::{
    CpythonCounts, CpythonProgram, DxpReport, Format, ReportSettings, render_svg,
};

/// Two "programs" as instruction traces: the counts are what executing them would record.
fn profiles() -> Vec<DxpProfile> {
    let loop_body = [
        LoadFast,
        LoadConst,
        BinaryAdd,
        StoreFast,
        JumpAbsolute,
        ForIter,
    ];
    let mut trace = vec![LoadConst, GetIter, ForIter];
    for _ in 0..40 {
        trace.extend_from_slice(&loop_body[..5]);
        trace.push(ForIter);
    }
    trace.extend_from_slice(&[LoadConst, ReturnValue]);
    let call_trace: Vec<Opcode> = (0..25)
        .flat_map(|_| {
            [
                LoadGlobal,
                LoadFast,
                CallFunction,
                LoadFast,
                ReturnValue,
                PopTop,
            ]
        })
        .chain([ExtendedArg, LoadConst, ReturnValue])
        .collect();
    [("loop.py", trace), ("calls.py", call_trace)]
        .into_iter()
        .map(|(name, ops)| {
            let mut counts = DxpCounts::default();
            let mut previous = None;
            for op in ops {
                counts.record(previous, op);
                previous = Some(op);
            }
            counts.to_profile(RunInfo {
                program: format!("programs/{name}"),
                args: vec!["3".into()],
                dispatch: "switch".into(),
                frames: "heap".into(),
                exit_code: 0,
            })
        })
        .collect()
}

fn cpython() -> CpythonCounts {
    CpythonCounts {
        format: CpythonCounts::FORMAT.into(),
        python: "3.11.7".into(),
        programs: vec![CpythonProgram {
            program: "elsewhere/loop.py".into(),
            args: vec!["3".into()],
            executed: 300,
        }],
    }
}

fn report() -> DxpReport {
    let settings = ReportSettings {
        top_pairs: 8,
        neighbours: 5,
        candidates: 6,
    };
    DxpReport::build(&profiles(), Some(&cpython()), settings)
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/profiling/golden")
}

fn check_golden(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} ({e}); run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its golden; run with UPDATE_GOLDEN=1 if the change is intended.\n--- actual ---\n{actual}"
    );
}

#[test]
fn text_report() {
    check_golden("report.txt", &report().render(Format::Text));
}

#[test]
fn csv_report() {
    let csv = report().render(Format::Csv);
    assert!(csv.starts_with("Opcode,Count,Count / Total\nTOTAL,"));
    assert!(csv.contains("\n\nOpcode[0],Opcode[1],Count,Count / Total\nTOTAL,TOTAL,"));
    check_golden("report.csv", &csv);
}

#[test]
fn json_report() {
    let json = report().render(Format::Json);
    let parsed: DxpReport = serde_json::from_str(&json).expect("the JSON report reads back");
    let expected = report();
    assert_eq!(parsed.total, expected.total);
    assert_eq!(parsed.matrix, expected.matrix);
    let counts = |r: &DxpReport| -> Vec<(String, u64)> {
        r.opcodes
            .iter()
            .map(|o| (o.opcode.clone(), o.count))
            .collect()
    };
    assert_eq!(counts(&parsed), counts(&expected));
    check_golden("report.json", &json);
}

#[test]
fn markdown_report() {
    check_golden("report.md", &report().render(Format::Markdown));
}

#[test]
fn svg_heat_map() {
    let svg = render_svg(&report());
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    check_golden("pairs.svg", &svg);
}

#[test]
fn report_figures() {
    let r = report();
    let loop_total = profiles()[0].total;
    assert_eq!(r.total, profiles().iter().map(|p| p.total).sum::<u64>());
    assert_eq!(r.programs[0].cpython_executed, Some(300));
    assert_eq!(r.programs[0].executed, loop_total);
    assert_eq!(r.programs[1].cpython_executed, None);
    let last = r.opcodes.last().unwrap();
    assert!((last.cumulative - 100.0).abs() < 1e-9);
    // LOAD_FAST is followed by LOAD_CONST 40 times in the loop and by RETURN_VALUE and
    // CALL_FUNCTION 25 times each in the calls (ties in opcode-number order).
    let load_fast = r
        .neighbours
        .iter()
        .find(|n| n.opcode == "LOAD_FAST")
        .unwrap();
    let successors: Vec<(&str, u64)> = load_fast
        .successors
        .iter()
        .map(|n| (n.opcode.as_str(), n.count))
        .collect();
    assert_eq!(
        successors,
        [
            ("LOAD_CONST", 40),
            ("RETURN_VALUE", 25),
            ("CALL_FUNCTION", 25)
        ]
    );
    // EXTENDED_ARG pairs are already one instruction: never a candidate.
    assert!(r.candidates.iter().all(|c| c.previous != "EXTENDED_ARG"));
    assert!(r.candidates.iter().all(|c| c.dispatches_removed == 40));
    let for_iter = r
        .candidates
        .iter()
        .find(|c| c.previous == "FOR_ITER")
        .unwrap();
    assert!(for_iter.may_cross_frames);
}

fn rceval(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args(args)
        .output()
        .expect("rceval runs")
}

#[test]
fn dxp_report_command_merges_files_and_writes_the_heat_map() {
    let dir = std::env::temp_dir().join(format!("rceval-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for (i, profile) in profiles().iter().enumerate() {
        let path = dir.join(format!("p{i}.json"));
        std::fs::write(&path, profile.to_json()).unwrap();
        files.push(path.display().to_string());
    }
    let svg = dir.join("pairs.svg").display().to_string();
    let mut args = vec!["dxp", "report", "--format", "csv", "--svg", &svg];
    args.extend(files.iter().map(String::as_str));
    let out = rceval(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = DxpReport::build(&profiles(), None, ReportSettings::default());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        merged.render(Format::Csv)
    );
    assert_eq!(std::fs::read_to_string(&svg).unwrap(), render_svg(&merged));

    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"format\": \"something else\"}").unwrap();
    let out = rceval(&["dxp", "report", &bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("rceval: ") && stderr.contains("not a DXP profile"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An option of a feature the binary lacks fails clearly, naming the feature.
#[test]
fn options_of_missing_features_name_the_feature() {
    let program = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/programs/fib.py");
    let cases: [(&[&str], &str); 4] = [
        (&["--dxp", "/nonexistent/out.json"], "dxp"),
        (&["--lltrace"], "lltrace"),
        (&["--optiming"], "optiming"),
        (&["--callprofile"], "callprofile"),
    ];
    for (options, feature) in cases {
        let mut args = vec!["run"];
        args.extend_from_slice(options);
        args.extend([program, "5"]);
        let out = rceval(&args);
        let compiled = rceval_profiling::COMPILED_FEATURES.contains(&feature);
        if compiled {
            continue;
        }
        assert_eq!(out.status.code(), Some(2), "{options:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("`{feature}` feature"))
                && stderr.contains(&format!("--features {feature}")),
            "{stderr}"
        );
        assert!(out.stdout.is_empty(), "the program must not run");
    }
}
