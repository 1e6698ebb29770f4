//! The `tailcall` strategy: one function per opcode, each ending in a guaranteed tail call
//! (`become`) through a 256-entry table to the next instruction's function (CPython 3.14's
//! tail-calling interpreter, wasmi's `become` backend).
//!
//! Every function has the one uniform signature [`TailFn`]: the VM and the decoded oparg, both
//! register-sized. The handlers keep `pc` and `sp` in the frame (that is their contract, shared
//! by every strategy), so the wrapper has nothing else it could hold in a register without
//! writing it back before each handler. A handler's [`Flow`] other than `Next` ends the chain:
//! the function returns that one-byte control word to [`Tailcall::run`], which runs the shared
//! epilogue ([`unwind::finish`]) out of line and starts a new chain. Nothing with a destructor is
//! alive at a `become`: the wrappers hold only the `&mut Vm` and two integers.
//!
//! `become` is Rust's only tail call that holds in every build profile (LLVM's sibling-call
//! optimisation on plain calls vanishes at `opt-level = 0` and whenever a caller's frame needs
//! cleanup, turning dispatch into recursion that overflows the stack). It is a nightly feature;
//! `.cargo/config.toml` sets `RUSTC_BOOTSTRAP=1` so the pinned stable toolchain accepts it.

use std::marker::PhantomData;

use rceval_interp::for_each_opcode;
use rceval_interp::runtime::vm::FrameExit;
use rceval_interp::runtime::{ExcKind, FrameAllocator, Vm};

use crate::handlers::{self, Flow};
use crate::observer::Observer;
use crate::switch::fetch;
use crate::{Dispatch, unwind};

pub struct Tailcall;

/// The uniform signature of every opcode function.
pub type TailFn = fn(&mut Vm, u32) -> Flow;

impl Dispatch for Tailcall {
    const NAME: &'static str = "tailcall";

    fn run<A: FrameAllocator, O: Observer>(vm: &mut Vm, mut flow: Flow) -> FrameExit {
        loop {
            if flow != Flow::Next
                && let Some(exit) = unwind::finish::<A, O>(vm, flow)
            {
                return exit;
            }
            flow = start::<A, O>(vm);
        }
    }
}

/// Starts a chain at the running frame's next instruction; returns when a handler's flow is not
/// [`Flow::Next`].
#[inline(never)]
fn start<A: FrameAllocator, O: Observer>(vm: &mut Vm) -> Flow {
    match fetch::<O>(vm) {
        Some((op, arg)) => {
            O::before_instruction(vm, op, arg);
            Table::<A, O>::FUNCTIONS[op as usize](vm, arg)
        }
        None => Flow::Raise,
    }
}

/// Fetches the next instruction and tail-calls its function; a byte no opcode has raises
/// `SystemError` (in `fetch`) and ends the chain.
macro_rules! dispatch_next {
    ($vm:ident, $A:ty, $O:ty) => {
        match fetch::<$O>($vm) {
            Some((op, arg)) => {
                <$O>::before_instruction($vm, op, arg);
                become Table::<$A, $O>::FUNCTIONS[op as usize]($vm, arg)
            }
            None => Flow::Raise,
        }
    };
}

/// The opcode functions, one per opcode, generated from the opcode table; each wraps the
/// opcode's one handler.
mod functions {
    #![allow(non_snake_case)]

    use super::*;

    macro_rules! define_tail_functions {
        ($( $(#[doc = $doc:literal])* $variant:ident = $num:literal, $name:literal,
            $operand:ident, |$a:tt, $j:tt| $effect:expr, [$($pred:ident),*]; )*) => {
            $(
                pub(super) fn $variant<A: FrameAllocator, O: Observer>(
                    vm: &mut Vm,
                    arg: u32,
                ) -> Flow {
                    let flow = handlers::$variant::<A, O>(vm, arg);
                    if flow != Flow::Next {
                        return flow;
                    }
                    dispatch_next!(vm, A, O)
                }
            )*

            /// The table every chain dispatches through, by opcode byte.
            pub(super) const fn table<A: FrameAllocator, O: Observer>() -> [TailFn; 256] {
                let mut table: [TailFn; 256] = [super::unknown_opcode; 256];
                $( table[$num] = $variant::<A, O>; )*
                table
            }
        };
    }

    for_each_opcode!(define_tail_functions);
}

/// The 256-entry table, one per allocator × observer instance, built at compile time.
struct Table<A, O>(PhantomData<(A, O)>);

impl<A: FrameAllocator, O: Observer> Table<A, O> {
    const FUNCTIONS: [TailFn; 256] = functions::table::<A, O>();
}

/// Unreachable through `fetch` (which rejects unknown bytes before the table is indexed); it
/// fills the table's holes so that every entry is a valid function.
#[cold]
#[inline(never)]
fn unknown_opcode(vm: &mut Vm, _arg: u32) -> Flow {
    vm.raise(ExcKind::SystemError, "unknown opcode");
    Flow::Raise
}
