//! The `callthread` strategy: call threading. One loop calls each instruction's handler through
//! a 256-entry table of function pointers, so every handler is a real function with a call and
//! a return around it (where `switch` inlines all handlers into one function behind one
//! indirect jump, and `tailcall` jumps from handler to handler without returning). It isolates
//! what the call/return pair and the loss of cross-handler inlining cost.

use std::marker::PhantomData;

use rceval_interp::for_each_opcode;
use rceval_interp::runtime::vm::FrameExit;
use rceval_interp::runtime::{ExcKind, FrameAllocator, Vm};

use crate::handlers::{self, Flow};
use crate::observer::Observer;
use crate::switch::fetch;
use crate::{Dispatch, unwind};

pub struct CallThread;

type HandlerFn = fn(&mut Vm, u32) -> Flow;

impl Dispatch for CallThread {
    const NAME: &'static str = "callthread";

    fn run<A: FrameAllocator, O: Observer>(vm: &mut Vm, mut flow: Flow) -> FrameExit {
        loop {
            if flow != Flow::Next
                && let Some(exit) = unwind::finish::<A, O>(vm, flow)
            {
                return exit;
            }
            flow = match fetch::<O>(vm) {
                Some((op, arg)) => {
                    O::before_instruction(vm, op, arg);
                    Table::<A, O>::HANDLERS[op as usize](vm, arg)
                }
                None => Flow::Raise,
            };
        }
    }
}

macro_rules! define_call_table {
    ($( $(#[doc = $doc:literal])* $variant:ident = $num:literal, $name:literal, $operand:ident,
        |$a:tt, $j:tt| $effect:expr, [$($pred:ident),*]; )*) => {
        /// Every opcode's handler by opcode byte, the holes filled with [`unknown_opcode`].
        const fn table<A: FrameAllocator, O: Observer>() -> [HandlerFn; 256] {
            let mut table: [HandlerFn; 256] = [unknown_opcode; 256];
            $( table[$num] = handlers::$variant::<A, O>; )*
            table
        }
    };
}

for_each_opcode!(define_call_table);

struct Table<A, O>(PhantomData<(A, O)>);

impl<A: FrameAllocator, O: Observer> Table<A, O> {
    const HANDLERS: [HandlerFn; 256] = table::<A, O>();
}

/// Unreachable through `fetch`, which rejects unknown bytes before the table is indexed.
#[cold]
#[inline(never)]
fn unknown_opcode(vm: &mut Vm, _arg: u32) -> Flow {
    vm.raise(ExcKind::SystemError, "unknown opcode");
    Flow::Raise
}
