//! The micro programs (`benches/micro/*.py`) the instruction-count bench runs at two loop
//! lengths: the difference between the two runs is the cost of `LONG_RUN - SHORT_RUN`
//! iterations with start-up, compilation and teardown cancelled out.

/// Iterations of the short run.
pub const SHORT_RUN: u64 = 1_000;
/// Iterations of the long run.
pub const LONG_RUN: u64 = 11_000;

/// A micro program and the figure derived from it.
#[derive(Clone, Copy, Debug)]
pub struct Micro {
    /// `benches/micro/NAME.py`, and the benchmark function's name.
    pub name: &'static str,
    /// What the derived figure is per.
    pub per: Per,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Per {
    /// Host instructions per executed bytecode.
    Bytecode,
    /// Host instructions per loop iteration, one call each.
    Call,
}

pub const MICROS: &[Micro] = &[
    Micro {
        name: "local_traffic",
        per: Per::Bytecode,
    },
    Micro {
        name: "call_return",
        per: Per::Call,
    },
];
