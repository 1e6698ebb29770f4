//! DXP counts are a property of the program, not of how the loop dispatches or where frames
//! come from: every strategy and allocator the binary has must report identical opcode and
//! pair counts for every program of the differential corpus. Needs `--features dxp`.
#![cfg(feature = "dxp")]

#[path = "profiling/programs.rs"]
mod programs;

use rceval::driver::{self, RunOptions};
use rceval_dispatch::variants;
use rceval_interp::opcode::Opcode;
use rceval_profiling::dxp::{DxpCounts, DxpProfile, RunInfo};
use rceval_profiling::session::ProfileOptions;

fn dxp_run(path: &str, args: &[String], dispatch: &str, frames: &str) -> (Vec<u8>, DxpCounts) {
    let outcome = driver::run_profiled(
        RunOptions {
            path: path.to_string(),
            args: args.to_vec(),
            dispatch: dispatch.to_string(),
            frames: frames.to_string(),
            capture: true,
            frame_stats: false,
        },
        ProfileOptions {
            dxp: true,
            ..ProfileOptions::default()
        },
    );
    let counts = outcome.profile.dxp.expect("--dxp collects counts");
    (outcome.stdout, counts)
}

#[test]
fn counts_are_identical_under_every_strategy_and_allocator() {
    let variants = variants::all_variants();
    let corpus = programs::corpus();
    assert!(corpus.len() > 100, "found {} programs", corpus.len());
    let mut mismatches = Vec::new();
    for program in &corpus {
        let path = program.path.display().to_string();
        let (d0, f0) = variants[0];
        let (_, reference) = dxp_run(&path, &program.args, d0, f0);
        assert!(reference.total() > 0, "{path}: nothing counted");
        for &(d, f) in &variants[1..] {
            let (_, counts) = dxp_run(&path, &program.args, d, f);
            if counts != reference {
                mismatches.push(format!(
                    "{path}: {d}/{f} counted {} instructions, {d0}/{f0} {}",
                    counts.total(),
                    reference.total()
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn counting_does_not_change_what_a_program_does() {
    for program in programs::corpus().iter().step_by(7) {
        let path = program.path.display().to_string();
        for (d, f) in variants::all_variants() {
            let plain = driver::run(RunOptions {
                path: path.clone(),
                args: program.args.clone(),
                dispatch: d.into(),
                frames: f.into(),
                capture: true,
                frame_stats: false,
            });
            let (stdout, _) = dxp_run(&path, &program.args, d, f);
            assert_eq!(stdout, plain.stdout, "{path} under {d}/{f}");
        }
    }
}

/// A loop whose executed instructions can be counted from its `dis` listing by hand.
#[test]
fn counts_match_the_instructions_a_loop_executes() {
    let dir = std::env::temp_dir().join(format!("rceval-dxp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("loop.py");
    std::fs::write(&path, "for i in range(3):\n    x = i\n").unwrap();
    let (_, counts) = dxp_run(&path.display().to_string(), &[], "switch", "heap");
    // 0 LOAD_NAME range, 2 LOAD_CONST 3, 4 CALL_FUNCTION, 6 GET_ITER, then per iteration
    // FOR_ITER STORE_NAME LOAD_NAME STORE_NAME JUMP_ABSOLUTE, the exhausted FOR_ITER, and
    // LOAD_CONST None, RETURN_VALUE.
    assert_eq!(counts.count(Opcode::ForIter), 4);
    assert_eq!(counts.count(Opcode::StoreName), 6);
    assert_eq!(counts.count(Opcode::JumpAbsolute), 3);
    assert_eq!(counts.count(Opcode::LoadConst), 2);
    assert_eq!(counts.count(Opcode::ReturnValue), 1);
    assert_eq!(counts.total(), 4 + 3 * 5 + 1 + 2);
    assert_eq!(counts.pair(Opcode::JumpAbsolute, Opcode::ForIter), 3);
    assert_eq!(counts.pair(Opcode::ForIter, Opcode::StoreName), 3);
    assert_eq!(counts.pair(Opcode::ForIter, Opcode::LoadConst), 1);
    // Every instruction but the first has a predecessor.
    let pairs: u64 = counts.pairs().map(|(_, _, n)| n).sum();
    assert_eq!(pairs, counts.total() - 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn extended_arg_prefixes_are_counted_as_executed() {
    let dir = std::env::temp_dir().join(format!("rceval-dxp-ext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("wide.py");
    // 300 distinct constants push later LOAD_CONSTs past an 8-bit argument.
    let source: String = (0..300).map(|i| format!("x{i} = {i}.5\n")).collect();
    std::fs::write(&path, source).unwrap();
    let (_, counts) = dxp_run(&path.display().to_string(), &[], "switch", "heap");
    assert!(counts.count(Opcode::ExtendedArg) > 0);
    assert_eq!(
        counts.pair(Opcode::ExtendedArg, Opcode::LoadConst)
            + counts.pair(Opcode::ExtendedArg, Opcode::StoreName),
        counts.count(Opcode::ExtendedArg)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn profile_files_round_trip() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/programs/fib.py");
    let (_, counts) = dxp_run(path, &["7".into()], "switch", "heap");
    let profile = counts.to_profile(RunInfo {
        program: path.into(),
        args: vec!["7".into()],
        dispatch: "switch".into(),
        frames: "heap".into(),
        exit_code: 0,
    });
    let back = DxpProfile::from_json(&profile.to_json()).expect("valid profile");
    assert_eq!(back, profile);
    assert_eq!(back.counts(), counts);
}
