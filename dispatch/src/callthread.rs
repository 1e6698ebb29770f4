//! The `callthread` strategy: call threading. One loop calls each instruction's handler through
//! a 256-entry table of function pointers, so every handler is a real function with a call and
//! a return around it (where `switch` inlines all handlers into one function behind one
//! indirect jump, and `tailcall` jumps from handler to handler without returning). It isolates
//! what the call/return pair and the loss of cross-handler inlining cost. The cursor is the
//! loop's local, passed to each handler by reference (so it lives in the loop's stack frame:
//! a call cannot return three registers).

use std::marker::PhantomData;

use rceval_interp::runtime::vm::FrameExit;
use rceval_interp::runtime::{FrameAllocator, Vm};

use crate::cursor::Cursor;
use crate::handlers::{Flow, UniformHandler, handler_table};
use crate::observer::Observer;
use crate::{Dispatch, unwind};

pub struct CallThread;

impl Dispatch for CallThread {
    const NAME: &'static str = "callthread";

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
                let flow = Table::<A, O>::HANDLERS[byte as usize](vm, &mut cur, arg);
                if flow != Flow::Next {
                    break flow;
                }
            };
        }
    }
}

struct Table<A, O>(PhantomData<(A, O)>);

impl<A: FrameAllocator, O: Observer> Table<A, O> {
    const HANDLERS: [UniformHandler; 256] = handler_table::<A, O>();
}
