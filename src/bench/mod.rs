//! `rceval bench`: the benchmark suite under rceval's variants and CPython, interleaved in
//! rounds, each program's output checked against the reference interpreter's before it is
//! timed; results written as pyperf JSON (one file per variant), a Markdown summary in the
//! style of `pyperf compare_to --table`, latency percentiles and SVG charts.

pub mod builds;
pub mod cli;
pub mod compare;
pub mod machine;
pub mod programs;
pub mod progress;
pub mod pyperf;
pub mod report;
pub mod runner;
pub mod stats;
pub mod suite;
pub mod svg;

pub use suite::{BenchConfig, BenchResults, run_suite};
