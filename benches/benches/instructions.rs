//! Host instructions (callgrind, through gungraun) for every suite program under each variant at
//! its test size, and for two micro programs at two loop lengths each, from which
//! `examples/instruction_report.rs` derives host instructions per bytecode and per call.
//!
//! Needs valgrind and `gungraun-runner` at this crate's gungraun version
//! (`scripts/install_gungraun_runner.sh`); `scripts/instruction_benches.sh` runs everything and
//! writes a results folder. The variants are the suite's default set (every strategy with
//! `heap`, every allocator with `switch`), listed below because gungraun's cases are static.
//!
//! What a case counts: one run of the program in a fresh VM, compilation included, with output
//! captured. The output is compared with CPython's (`NAME.test.out`) in the teardown, outside
//! the measurement; a difference fails the benchmark.

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

/// One benchmark function per program, one case per variant of the default set.
macro_rules! program_benches {
    ($($program:ident),* $(,)?) => {
        $(
            #[library_benchmark(setup = program_case, teardown = verify)]
            #[bench::switch_heap(stringify!($program), "switch", "heap")]
            #[bench::tailcall_heap(stringify!($program), "tailcall", "heap")]
            #[bench::predict_heap(stringify!($program), "predict", "heap")]
            #[bench::callthread_heap(stringify!($program), "callthread", "heap")]
            #[bench::switch_freelist(stringify!($program), "switch", "freelist")]
            #[bench::switch_zombie(stringify!($program), "switch", "zombie")]
            #[bench::switch_datastack(stringify!($program), "switch", "datastack")]
            #[bench::switch_datastack311(stringify!($program), "switch", "datastack311")]
            fn $program(case: Case) -> (Case, Outcome) {
                run(case)
            }
        )*
        library_benchmark_group!(name = programs, benchmarks = [$($program),*]);
    };
}

/// One benchmark function per micro program, one case per variant and loop length.
macro_rules! micro_benches {
    ($($micro:ident),* $(,)?) => {
        $(
            #[library_benchmark(setup = micro_case, teardown = verify)]
            #[bench::switch_heap_short(stringify!($micro), SHORT_RUN, "switch", "heap")]
            #[bench::switch_heap_long(stringify!($micro), LONG_RUN, "switch", "heap")]
            #[bench::tailcall_heap_short(stringify!($micro), SHORT_RUN, "tailcall", "heap")]
            #[bench::tailcall_heap_long(stringify!($micro), LONG_RUN, "tailcall", "heap")]
            #[bench::predict_heap_short(stringify!($micro), SHORT_RUN, "predict", "heap")]
            #[bench::predict_heap_long(stringify!($micro), LONG_RUN, "predict", "heap")]
            #[bench::callthread_heap_short(stringify!($micro), SHORT_RUN, "callthread", "heap")]
            #[bench::callthread_heap_long(stringify!($micro), LONG_RUN, "callthread", "heap")]
            #[bench::switch_freelist_short(stringify!($micro), SHORT_RUN, "switch", "freelist")]
            #[bench::switch_freelist_long(stringify!($micro), LONG_RUN, "switch", "freelist")]
            #[bench::switch_zombie_short(stringify!($micro), SHORT_RUN, "switch", "zombie")]
            #[bench::switch_zombie_long(stringify!($micro), LONG_RUN, "switch", "zombie")]
            #[bench::switch_datastack_short(stringify!($micro), SHORT_RUN, "switch", "datastack")]
            #[bench::switch_datastack_long(stringify!($micro), LONG_RUN, "switch", "datastack")]
            #[bench::switch_datastack311_short(stringify!($micro), SHORT_RUN, "switch", "datastack311")]
            #[bench::switch_datastack311_long(stringify!($micro), LONG_RUN, "switch", "datastack311")]
            fn $micro(case: Case) -> (Case, Outcome) {
                run(case)
            }
        )*
        library_benchmark_group!(name = micro, benchmarks = [$($micro),*]);
    };
}

// Every program in benches/programs/ (examples/instruction_report.rs names any missing here).
program_benches!(
    chaos,
    closures,
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
