//! Opcode handlers: each opcode's semantics, written once.
//!
//! A handler is named after its `Opcode` variant so that the dispatch loops can be generated
//! from the opcode table, and comes in one of two shapes ([`Handler`]):
//!
//! - **direct**, `fn NAME<A, O>(vm, cur: &mut Cursor, oparg) -> Flow`: works on the
//!   [`Cursor`] the strategy holds in registers (`cur.ip` already past the instruction). The hot
//!   opcodes are written so. A direct handler that calls into the runtime first saves the
//!   cursor (`cur.save()`), and reloads it if the runtime may have pushed a frame.
//! - **synced**, `fn NAME<A, O>(vm, oparg) -> Flow`: sees the running frame as the last one on
//!   `vm.frames` (its `pc` past the instruction). The glue saves the cursor before it and
//!   reloads it after, so the rarer opcodes need not know the cursor exists.
//!
//! A handler that raises leaves the exception in `vm.exception` and returns [`Flow::Raise`];
//! whenever a handler's flow is not [`Flow::Next`], the frame's header is up to date (the
//! cursor saved). Everything else about unwinding, returning and yielding is the loop's shared
//! epilogue ([`crate::unwind`]).
// Most handlers have no use for the observer parameter.
#![allow(non_snake_case, clippy::extra_unused_type_parameters)]

mod build;
mod calls;
mod control;
mod coroutines;
mod exceptions;
pub(crate) mod generators;
mod imports;
mod names;
mod operators;
mod stack;

pub use build::*;
pub use calls::*;
pub use control::*;
pub use coroutines::*;
pub use exceptions::*;
pub use generators::*;
pub use imports::*;
pub use names::*;
pub use operators::*;
pub use stack::*;

use rceval_interp::for_each_opcode;
use rceval_interp::runtime::{ExcKind, Frame, FrameAllocator, PyResult, Vm};

pub use crate::cursor::Cursor;
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
    /// A safepoint found a collection due: the loop collects garbage, then goes on with the
    /// frame on top. Returned rather than called, so that handlers reaching a safepoint stay
    /// leaf functions with no stack frame of their own.
    Collect,
}

/// How the glue runs a handler of either shape; `Kind` is [`Direct`] or [`Synced`], inferred
/// from the handler's signature.
pub trait Handler<Kind> {
    fn run(self, vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow;
}

/// A handler that works on the cursor.
pub enum Direct {}

/// A handler that works on the frame on top of `vm.frames`.
pub enum Synced {}

impl<F: FnOnce(&mut Vm, &mut Cursor, u32) -> Flow> Handler<Direct> for F {
    #[inline(always)]
    fn run(self, vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
        self(vm, cur, arg)
    }
}

impl<F: FnOnce(&mut Vm, u32) -> Flow> Handler<Synced> for F {
    #[inline(always)]
    fn run(self, vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
        cur.save();
        let flow = self(vm, arg);
        if flow == Flow::Next {
            *cur = Cursor::load(vm);
        }
        flow
    }
}

/// Runs handler `h` with the cursor, whichever its shape.
#[inline(always)]
pub fn run<K, H: Handler<K>>(h: H, vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    h.run(vm, cur, arg)
}

/// Runs a synced helper from inside a direct handler (a slow path): the frame is saved
/// before it and the cursor reloaded after.
#[inline(always)]
pub(crate) fn synced(
    vm: &mut Vm,
    cur: &mut Cursor,
    arg: u32,
    h: impl FnOnce(&mut Vm, u32) -> Flow,
) -> Flow {
    run(h, vm, cur, arg)
}

/// A byte no opcode has: `SystemError`, as CPython's `unknown opcode`.
#[inline(always)]
pub fn unknown_opcode(vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Flow {
    cur.save();
    // SAFETY: the fetch that led here read this byte, the opcode of the word before `ip`.
    let byte = unsafe { *cur.ip.wrapping_sub(2) };
    unknown_byte(vm, byte)
}

/// Raises for an unknown opcode byte (the frame saved).
#[cold]
#[inline(never)]
pub fn unknown_byte(vm: &mut Vm, byte: u8) -> Flow {
    vm.raise(ExcKind::SystemError, format!("unknown opcode {byte}"));
    Flow::Raise
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

/// A handler in the uniform shape (see [`handler_table`]).
pub type UniformHandler = fn(&mut Vm, &mut Cursor, u32) -> Flow;

macro_rules! define_execute {
    ($( $(#[doc = $doc:literal])* $variant:ident = $num:literal, $name:literal, $operand:ident,
        |$a:tt, $j:tt| $effect:expr, [$($pred:ident),*]; )*) => {
        /// Runs one instruction's handler: the `match` at the heart of the switch strategies.
        /// A byte no opcode has raises `SystemError`.
        #[inline(always)]
        pub fn execute<A: FrameAllocator, O: Observer>(
            vm: &mut Vm,
            cur: &mut Cursor,
            byte: u8,
            arg: u32,
        ) -> Flow {
            match byte {
                $( $num => run($variant::<A, O>, vm, cur, arg), )*
                _ => unknown_opcode(vm, cur, arg),
            }
        }

        /// Every opcode's handler in the one uniform shape, as function pointers indexed by
        /// opcode byte (holes raise `SystemError`), for strategies that dispatch through a
        /// table of calls.
        pub const fn handler_table<A: FrameAllocator, O: Observer>() -> [UniformHandler; 256] {
            let mut table: [UniformHandler; 256] = [unknown_opcode; 256];
            $( table[$num] = uniform::$variant::<A, O>; )*
            table
        }

        /// Each handler wrapped in the uniform shape.
        mod uniform {
            use super::*;
            $(
                pub(super) fn $variant<A: FrameAllocator, O: Observer>(
                    vm: &mut Vm,
                    cur: &mut Cursor,
                    arg: u32,
                ) -> Flow {
                    run(super::$variant::<A, O>, vm, cur, arg)
                }
            )*
        }
    };
}

for_each_opcode!(define_execute);
