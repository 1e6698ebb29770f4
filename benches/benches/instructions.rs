//! Host instructions (callgrind, through gungraun) for every suite program under each variant at
//! its test size, and for two micro programs at two loop lengths each, from which
//! `examples/instruction_report.rs` derives host instructions per bytecode and per call.
//!
//! Needs valgrind and `gungraun-runner` at this crate's gungraun version
//! (`scripts/install_gungraun_runner.sh`); `scripts/instruction_benches.sh` runs everything and
//! writes a results folder. The variants are the suite's default set (every strategy with
//! `heap`, every allocator with `switch`); gungraun's cases are static attributes, so they are
//! generated from the one list of variants (`rceval_dispatch::with_variant_lists!`).
//!
//! What a case counts: one run of the program in a fresh VM, compilation included, with output
//! captured. The output is compared with CPython's (`NAME.test.out`) in the teardown, outside
//! the measurement; a difference fails the benchmark.
// `${concat(..)}` makes each case's id (`switch_heap`) from the listed names.
#![feature(macro_metavar_expr_concat)]

mod support;

use std::hint::black_box;

use gungraun::{
    Callgrind, LibraryBenchmarkConfig, library_benchmark, library_benchmark_group, main,
};
use rceval::driver::Outcome;
use rceval_benches::micro::{LONG_RUN, SHORT_RUN};
use rceval_benches::programs::{load_suite, suite_dir};
use rceval_benches::variants::Variant;
use support::Case;

/// A suite program at its test size under one variant.
fn program_case(name: &str, dispatch: &'static str, frames: &'static str) -> Case {
    let programs = load_suite(&suite_dir()).unwrap_or_else(|e| panic!("{e}"));
    let program = programs
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no program {name} in {}", suite_dir().display()));
    if let Some(reason) = &program.pending {
        panic!("{name} is marked pending ({reason}): take it out of instructions.rs's list");
    }
    Case::suite_program(program, Variant { dispatch, frames }).unwrap_or_else(|e| panic!("{e}"))
}

/// A micro program at `iterations` under one variant.
fn micro_case(name: &str, iterations: u64, dispatch: &'static str, frames: &'static str) -> Case {
    Case::micro(name, iterations, Variant { dispatch, frames }).unwrap_or_else(|e| panic!("{e}"))
}

/// The measured part: one run.
fn run(case: Case) -> (Case, Outcome) {
    let outcome = black_box(case.run());
    (case, outcome)
}

/// Outside the measurement: a run that did not print what CPython prints fails the benchmark.
fn verify((case, outcome): (Case, Outcome)) {
    if let Err(e) = case.check(&outcome) {
        panic!("{e}");
    }
}

/// One benchmark function for `$program`, one case per variant of the default set: the first
/// (default) strategy with the first allocator, every other strategy with it, every other
/// allocator with the first strategy — [`rceval_benches::variants::default_set`]'s order.
macro_rules! program_bench {
    (
        $program:ident
        strategies: [$d0:ident => $d0t:ty $(, $d:ident => $dt:ty)* $(,)?],
        allocators: [$f0:ident => $f0t:ty $(, $f:ident => $ft:ty)* $(,)?] $(,)?
    ) => {
        #[library_benchmark(setup = program_case, teardown = verify)]
        #[bench::${concat($d0, _, $f0)}(stringify!($program), stringify!($d0), stringify!($f0))]
        $(#[bench::${concat($d, _, $f0)}(stringify!($program), stringify!($d), stringify!($f0))])*
        $(#[bench::${concat($d0, _, $f)}(stringify!($program), stringify!($d0), stringify!($f))])*
        fn $program(case: Case) -> (Case, Outcome) {
            run(case)
        }
    };
}

macro_rules! program_benches {
    ($($program:ident),* $(,)?) => {
        $(rceval_dispatch::with_variant_lists!(program_bench! { $program });)*
        library_benchmark_group!(name = programs, benchmarks = [$($program),*]);
    };
}

/// One benchmark function for micro program `$micro`, one case per variant of the default set
/// and loop length.
macro_rules! micro_bench {
    (
        $micro:ident
        strategies: [$d0:ident => $d0t:ty $(, $d:ident => $dt:ty)* $(,)?],
        allocators: [$f0:ident => $f0t:ty $(, $f:ident => $ft:ty)* $(,)?] $(,)?
    ) => {
        #[library_benchmark(setup = micro_case, teardown = verify)]
        #[bench::${concat($d0, _, $f0, _short)}(stringify!($micro), SHORT_RUN, stringify!($d0), stringify!($f0))]
        #[bench::${concat($d0, _, $f0, _long)}(stringify!($micro), LONG_RUN, stringify!($d0), stringify!($f0))]
        $(
            #[bench::${concat($d, _, $f0, _short)}(stringify!($micro), SHORT_RUN, stringify!($d), stringify!($f0))]
            #[bench::${concat($d, _, $f0, _long)}(stringify!($micro), LONG_RUN, stringify!($d), stringify!($f0))]
        )*
        $(
            #[bench::${concat($d0, _, $f, _short)}(stringify!($micro), SHORT_RUN, stringify!($d0), stringify!($f))]
            #[bench::${concat($d0, _, $f, _long)}(stringify!($micro), LONG_RUN, stringify!($d0), stringify!($f))]
        )*
        fn $micro(case: Case) -> (Case, Outcome) {
            run(case)
        }
    };
}

macro_rules! micro_benches {
    ($($micro:ident),* $(,)?) => {
        $(rceval_dispatch::with_variant_lists!(micro_bench! { $micro });)*
        library_benchmark_group!(name = micro, benchmarks = [$($micro),*]);
    };
}

// Every program in benches/programs/ (examples/instruction_report.rs names any missing here).
program_benches!(
    async_generators,
    chaos,
    closures,
    coroutines,
    deltablue,
    fannkuch,
    fib,
    float,
    generators,
    go,
    hexiom,
    nbody,
    nqueens,
    pidigits,
    pyflate,
    raytrace,
    richards,
    scimark,
    spectral_norm,
    unpack_sequence,
    wordfreq,
);

// benches/micro/: LOAD_FAST/STORE_FAST traffic (per bytecode) and a 1-argument call (per call).
micro_benches!(local_traffic, call_return);

main!(
    // Instructions are the figure; cache simulation would double callgrind's run time.
    config = LibraryBenchmarkConfig::default().tool(Callgrind::with_args(["--cache-sim=no"]));
    library_benchmark_groups = programs, micro
);
