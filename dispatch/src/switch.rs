//! The `switch` strategy: one loop, one `match` on the opcode (CPython without computed gotos).
//! The cursor lives in locals of the loop, so the handlers inlined into the `match` keep it in
//! registers.

use rceval_interp::runtime::vm::FrameExit;
use rceval_interp::runtime::{FrameAllocator, Vm};

use crate::cursor::Cursor;
use crate::handlers::{self, Flow};
use crate::observer::Observer;
use crate::{Dispatch, unwind};

pub struct Switch;

impl Dispatch for Switch {
    const NAME: &'static str = "switch";

    fn run<A: FrameAllocator, O: Observer>(vm: &mut Vm, mut flow: Flow) -> FrameExit {
        loop {
            if flow != Flow::Next
                && let Some(exit) = unwind::finish::<A, O>(vm, flow)
            {
                return exit;
            }
            flow = run_chain::<A, O>(vm);
        }
    }
}

/// Executes instructions of the frame on top (and of the frames it calls or returns to inside
/// the handlers) until a handler's flow is not [`Flow::Next`].
#[inline(always)]
fn run_chain<A: FrameAllocator, O: Observer>(vm: &mut Vm) -> Flow {
    let mut cur = Cursor::load(vm);
    loop {
        let (byte, arg) = cur.fetch::<O>(vm);
        let flow = handlers::execute::<A, O>(vm, &mut cur, byte, arg);
        if flow != Flow::Next {
            return flow;
        }
    }
}
