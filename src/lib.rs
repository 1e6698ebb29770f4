//! The `rceval` command: runs, disassembles and (later) measures Python programs under any
//! dispatch strategy and frame allocator this binary was built with.

pub mod bench;
pub mod cli_output;
pub mod driver;
pub mod dxp_report;
pub mod store;
pub mod worker;
pub mod workflow;
