//! Helpers the durable tests share: running `rceval` as separate processes in a scratch folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The exit status of a suspended program.
pub const SUSPENDED: i32 = 75;

/// A scratch folder of its own for one test, emptied first.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rceval-durable-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

pub fn rceval_in(dir: &Path, args: &[&str]) -> Output {
    rceval_env(dir, args, &[])
}

pub fn rceval_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rceval"));
    cmd.args(args).current_dir(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("rceval runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts the exit status, showing the streams when it differs.
pub fn expect_status(out: &Output, code: i32, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}\nstdout:\n{}\nstderr:\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// The workflow id in a suspension message (`rceval: workflow 3 suspended at ...`).
pub fn workflow_id(stderr: &[u8]) -> String {
    let err = text(stderr);
    err.split("rceval: workflow ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no suspension message in:\n{err}"))
        .to_string()
}

/// `rceval resume --store STORE --id ID --send VALUE` under one dispatch strategy and allocator.
pub fn resume_under(
    dir: &Path,
    store: &str,
    id: &str,
    value: &str,
    (dispatch, frames): (&str, &str),
) -> Output {
    rceval_in(
        dir,
        &[
            "resume",
            "--store",
            store,
            "--id",
            id,
            "--send",
            value,
            "--dispatch",
            dispatch,
            "--frames",
            frames,
        ],
    )
}

/// `chains` chains of `len` (strategy, allocator) pairs from the one list of variants, for
/// suspending under the first pair and resuming under each next one. Within a chain every step
/// changes both the strategy and the allocator (frames rebuilt by another allocator and run by
/// another loop); together the chains go through every strategy and every allocator.
pub fn variant_chains(chains: usize, len: usize) -> Vec<Vec<(&'static str, &'static str)>> {
    use rceval_dispatch::variants::{DISPATCH_STRATEGIES, FRAME_ALLOCATORS};
    let (d, f) = (DISPATCH_STRATEGIES, FRAME_ALLOCATORS);
    let chains: Vec<Vec<_>> = (0..chains)
        .map(|i| {
            (0..len)
                .map(|j| (d[(i + j) % d.len()], f[(i * len + j) % f.len()]))
                .collect()
        })
        .collect();
    for names in [d, f] {
        for name in names {
            assert!(
                chains
                    .iter()
                    .flatten()
                    .any(|&(a, b)| a == *name || b == *name),
                "{name} is in no chain: make the chains longer or more"
            );
        }
    }
    chains
}
