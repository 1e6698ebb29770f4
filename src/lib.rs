//! The `rceval` command: runs, disassembles and (later) measures Python programs under any
//! dispatch strategy and frame allocator this binary was built with.

pub mod bench;
pub mod cli_output;
pub mod driver;
pub mod dxp_report;
pub mod size_classes;
pub mod store;
pub mod worker;
pub mod workflow;

/// The cargo features this binary was built with, from every crate of the workspace: what
/// `rceval info` prints and every result records.
pub fn compiled_features() -> Vec<&'static str> {
    let mut features: Vec<&str> = rceval_profiling::COMPILED_FEATURES
        .iter()
        .chain(rceval_dispatch::variants::FEATURES)
        .copied()
        .collect();
    if cfg!(feature = "system-alloc") {
        features.push("system-alloc");
    }
    features
}
