//! Opcode handlers: each opcode's semantics, written once.
//!
//! A handler is `fn NAME<A: FrameAllocator, O: Observer>(vm, oparg) -> Flow`, named after its `Opcode`
//! variant so that the dispatch loops can be generated from the opcode table. The running frame
//! is the last one on `vm.frames`; its `pc` already points past the instruction. A handler that
//! raises leaves the exception in `vm.exception` and returns [`Flow::Raise`]; everything else
//! about unwinding, returning and yielding is the loop's shared epilogue ([`crate::unwind`]).
// Most handlers have no use for the observer parameter.
#![allow(non_snake_case, clippy::extra_unused_type_parameters)]

mod build;
mod calls;
mod control;
mod exceptions;
mod generators;
mod imports;
mod names;
mod operators;
mod stack;

pub use build::*;
pub use calls::*;
pub use control::*;
pub use exceptions::*;
pub use generators::*;
pub use imports::*;
pub use names::*;
pub use operators::*;
pub use stack::*;

use rceval_interp::for_each_opcode;
use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::{Frame, FrameAllocator, PyResult, Vm};

use crate::observer::Observer;

/// What the loop does after a handler: a small control word, so handlers stay cheap to
/// tail-call. A returned or yielded value is left on top of the frame's stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Go on with the next instruction of the frame now on top (which a call may have pushed).
    Next,
    /// An exception was raised here: record a traceback entry, then unwind.
    Raise,
    /// An exception is being re-raised (`RERAISE`, bare `raise`): unwind without a new entry.
    Reraise,
    /// The frame returned the value on top of its stack.
    Return,
    /// The generator frame yielded the value on top of its stack.
    Yield,
}

/// The running frame.
#[inline(always)]
pub(crate) fn frame(vm: &mut Vm) -> &mut Frame {
    vm.frames
        .last_mut()
        .expect("the eval loop always has a frame")
}

/// Unwraps a runtime result inside a handler, turning an exception into [`Flow::Raise`].
macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(_) => return $crate::handlers::Flow::Raise,
        }
    };
}
pub(crate) use tri;

/// Turns a runtime result into a flow, pushing a produced value.
#[inline(always)]
pub(crate) fn push_result(vm: &mut Vm, r: PyResult<rceval_interp::runtime::Value>) -> Flow {
    match r {
        Ok(v) => {
            frame(vm).push(v);
            Flow::Next
        }
        Err(_) => Flow::Raise,
    }
}

macro_rules! define_execute {
    ($( $(#[doc = $doc:literal])* $variant:ident = $num:literal, $name:literal, $operand:ident,
        |$a:tt, $j:tt| $effect:expr, [$($pred:ident),*]; )*) => {
        /// Runs one instruction's handler: the `match` at the heart of the switch strategies.
        #[inline(always)]
        pub fn execute<A: FrameAllocator, O: Observer>(vm: &mut Vm, op: Opcode, arg: u32) -> Flow {
            match op {
                $( Opcode::$variant => $variant::<A, O>(vm, arg), )*
            }
        }

        /// The handler of every opcode, as function pointers indexed by opcode byte (for
        /// strategies that dispatch through a table).
        pub fn handler_table<A: FrameAllocator, O: Observer>() -> [Option<fn(&mut Vm, u32) -> Flow>; 256] {
            let mut table: [Option<fn(&mut Vm, u32) -> Flow>; 256] = [None; 256];
            $( table[$num] = Some($variant::<A, O>); )*
            table
        }
    };
}

for_each_opcode!(define_execute);
