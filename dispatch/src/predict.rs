//! The `predict` strategy: the `switch` loop plus CPython's `PREDICT`/`PREDICTED`. After an
//! opcode whose table row lists predicted successors, the next opcode byte is compared with
//! each; on a hit its handler runs straight away, from a call site of its own, without going
//! back through the `match`. Such a site is a direct, well-predicted conditional branch where
//! the `match` is one shared indirect jump.
//!
//! The pairs come from [`Opcode::predicted_successors`], the opcode table's last column, so
//! changing them is a one-line edit there. A predicted instruction still passes the observer
//! hook, so DXP counts are the same as under every other strategy. Hits and misses are counted
//! per pair when the strategy is instantiated with [`Counted`] (what `--dispatch predict` is in a
//! binary built with the `predict-stats` feature; see `rceval run --stats`).

use std::cell::Cell;
use std::marker::PhantomData;

use rceval_interp::for_each_opcode;
use rceval_interp::opcode::{ALL_OPCODES, Opcode};
use rceval_interp::runtime::vm::FrameExit;
use rceval_interp::runtime::{FrameAllocator, Vm};

use crate::cursor::Cursor;
use crate::handlers::{self, Flow, run};
use crate::observer::Observer;
use crate::{Dispatch, unwind};

/// `C` decides whether prediction outcomes are counted.
pub struct Predict<C: PredictionCounter = Uncounted>(PhantomData<C>);

impl<C: PredictionCounter> Dispatch for Predict<C> {
    const NAME: &'static str = "predict";

    fn run<A: FrameAllocator, O: Observer>(vm: &mut Vm, mut flow: Flow) -> FrameExit {
        loop {
            if flow != Flow::Next
                && let Some(exit) = unwind::finish::<A, O>(vm, flow)
            {
                return exit;
            }
            let mut cur = Cursor::load(vm);
            flow = loop {
                let (byte, arg) = cur.fetch::<O>(vm);
                let flow = execute::<A, O, C>(vm, &mut cur, byte, arg);
                if flow != Flow::Next {
                    break flow;
                }
            };
        }
    }
}

/// Where prediction outcomes go.
pub trait PredictionCounter: 'static {
    /// The instruction after `op` was its `slot`-th predicted successor.
    fn hit(op: Opcode, slot: usize);
    /// The instruction after `op` was none of its predicted successors.
    fn miss(op: Opcode);
}

/// Counts nothing: the measured build.
pub struct Uncounted;

impl PredictionCounter for Uncounted {
    #[inline(always)]
    fn hit(_op: Opcode, _slot: usize) {}
    #[inline(always)]
    fn miss(_op: Opcode) {}
}

/// Counts into per-thread counters (the interpreter runs on one thread); read them with
/// [`take_prediction_counts`].
pub struct Counted;

/// The longest predicted-successor list in the opcode table.
const MAX_PREDICTIONS: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < ALL_OPCODES.len() {
        let n = ALL_OPCODES[i].predicted_successors().len();
        if n > max {
            max = n;
        }
        i += 1;
    }
    max
};

thread_local! {
    static HITS: [[Cell<u64>; MAX_PREDICTIONS]; 256] =
        const { [const { [const { Cell::new(0) }; MAX_PREDICTIONS] }; 256] };
    static MISSES: [Cell<u64>; 256] = const { [const { Cell::new(0) }; 256] };
}

impl PredictionCounter for Counted {
    #[inline(always)]
    fn hit(op: Opcode, slot: usize) {
        HITS.with(|h| {
            let c = &h[op as usize][slot];
            c.set(c.get() + 1);
        });
    }

    #[inline(always)]
    fn miss(op: Opcode) {
        MISSES.with(|m| {
            let c = &m[op as usize];
            c.set(c.get() + 1);
        });
    }
}

/// How often one predicted pair hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PairCount {
    pub op: Opcode,
    pub predicted: Opcode,
    pub hits: u64,
    /// How often `op` completed normally, i.e. a prediction was attempted.
    pub attempts: u64,
}

/// The counts this thread has gathered under [`Counted`], one row per predicted pair of the
/// opcode table (in table order), and resets them.
pub fn take_prediction_counts() -> Vec<PairCount> {
    let mut rows = Vec::new();
    HITS.with(|hits| {
        MISSES.with(|misses| {
            for &op in ALL_OPCODES {
                let preds = op.predicted_successors();
                if preds.is_empty() {
                    continue;
                }
                let row = &hits[op as usize];
                let attempts = misses[op as usize].take() + row.iter().map(Cell::get).sum::<u64>();
                for (slot, &predicted) in preds.iter().enumerate() {
                    rows.push(PairCount {
                        op,
                        predicted,
                        hits: row[slot].take(),
                        attempts,
                    });
                }
            }
        })
    });
    rows
}

/// The position of `pred` in `op`'s predicted successors (evaluated at compile time).
const fn slot_of(op: Opcode, pred: Opcode) -> usize {
    let preds = op.predicted_successors();
    let mut i = 0;
    while i < preds.len() {
        if preds[i] as u8 == pred as u8 {
            return i;
        }
        i += 1;
    }
    panic!("not a predicted successor")
}

/// After `$op`'s handler returned `$flow`: on `Next`, peek at the next opcode byte and run the
/// first predicted successor it matches.
macro_rules! predict_after {
    ($vm:ident, $cur:ident, $flow:ident, $op:ident, $A:ty, $O:ty, $C:ty, []) => {
        $flow
    };
    ($vm:ident, $cur:ident, $flow:ident, $op:ident, $A:ty, $O:ty, $C:ty, [$($pred:ident),+]) => {{
        if $flow != Flow::Next {
            return $flow;
        }
        // SAFETY: a handler that returns `Next` leaves `ip` on an instruction word of the
        // running code (code ends in a return or a jump, never runs off its end).
        let (byte, arg) = unsafe { (*$cur.ip, u32::from(*$cur.ip.add(1))) };
        $(
            if byte == Opcode::$pred as u8 {
                <$C>::hit(Opcode::$op, const { slot_of(Opcode::$op, Opcode::$pred) });
                $cur.ip = $cur.ip.wrapping_add(2);
                if <$O>::OBSERVES {
                    $cur.save();
                    <$O>::before_instruction($vm, Opcode::$pred, arg);
                }
                return predicting::$pred::<$A, $O, $C>($vm, $cur, arg);
            }
        )+
        <$C>::miss(Opcode::$op);
        Flow::Next
    }};
}

/// One function per opcode: its handler, then its predictions. A hit calls the predicted
/// opcode's function, so predictions chain as CPython's do (`GET_ITER` → `FOR_ITER` →
/// `STORE_FAST`); the table's pairs form no cycle, so the chain inlines into straight-line code.
mod predicting {
    // Opcodes without predictions ignore the observer and counter parameters.
    #![allow(non_snake_case, clippy::extra_unused_type_parameters)]

    use super::*;

    macro_rules! define_predicting_functions {
        ($( $(#[doc = $doc:literal])* $variant:ident = $num:literal, $name:literal,
            $operand:ident, |$a:tt, $j:tt| $effect:expr, [$($pred:ident),*]; )*) => {
            $(
                #[inline(always)]
                pub(super) fn $variant<A: FrameAllocator, O: Observer, C: PredictionCounter>(
                    vm: &mut Vm,
                    cur: &mut Cursor,
                    arg: u32,
                ) -> Flow {
                    let flow = run(handlers::$variant::<A, O>, vm, cur, arg);
                    predict_after!(vm, cur, flow, $variant, A, O, C, [$($pred),*])
                }
            )*

            /// Runs one instruction and whatever it predicts: the loop's `match`.
            #[inline(always)]
            pub(super) fn execute<A: FrameAllocator, O: Observer, C: PredictionCounter>(
                vm: &mut Vm,
                cur: &mut Cursor,
                byte: u8,
                arg: u32,
            ) -> Flow {
                match byte {
                    $( $num => $variant::<A, O, C>(vm, cur, arg), )*
                    _ => handlers::unknown_opcode(vm, cur, arg),
                }
            }
        };
    }

    for_each_opcode!(define_predicting_functions);
}

use predicting::execute;
