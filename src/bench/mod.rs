//! `rceval bench`: the benchmark suite under rceval's variants and CPython, interleaved in
//! rounds, each program's output checked against the reference interpreter's before it is
//! timed; results written as pyperf JSON (one file per variant), a Markdown summary in the
//! style of `pyperf compare_to --table`, latency percentiles and SVG charts. Runs can be
//! split into shards and merged, and stopped (Ctrl-C, `--budget`) without losing the rounds
//! completed.

pub mod builds;
pub mod cli;
pub mod compare;
pub mod interrupt;
pub mod machine;
pub mod memory;
pub mod merge;
pub mod outdir;
pub mod programs;
pub mod progress;
pub mod pyperf;
pub mod report;
pub mod runner;
pub mod shard;
pub mod stats;
pub mod suite;
pub mod summary;
pub mod svg;

pub use suite::{BenchConfig, BenchResults, run_suite};
