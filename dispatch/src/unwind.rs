//! The loop epilogue every dispatch strategy shares: returning to the caller's frame, yielding
//! a generator's frame, and unwinding an exception through the block stack (CPython 3.10's
//! `exception_unwind`). Where this hands control to a caller's frame inside the loop, it tells
//! the observer; leaving the loop altogether is [`crate::eval_frame`]'s to report.

use rceval_interp::runtime::frame::BlockKind;
use rceval_interp::runtime::vm::FrameExit;
use rceval_interp::runtime::{FrameAllocator, Value, Vm};

use crate::handlers::{Flow, frame};
use crate::observer::Observer;

/// Handles every flow but [`Flow::Next`]. `None` means: go on executing the frame now on top;
/// `Some` means the eval-loop invocation is over.
#[inline(never)]
pub fn finish<A: FrameAllocator, O: Observer>(vm: &mut Vm, flow: Flow) -> Option<FrameExit> {
    match flow {
        Flow::Next => None,
        Flow::Return => {
            let value = frame(vm).pop();
            let done = vm.frames.pop().expect("returning frame");
            let was_entry = done.is_entry;
            A::release(&mut vm.frame_pool, done);
            if was_entry {
                return Some(FrameExit::Returned(value));
            }
            frame(vm).push(value);
            O::frame_switched(vm);
            None
        }
        Flow::Yield => {
            let value = frame(vm).pop();
            let suspended = vm.frames.pop().expect("yielding frame");
            Some(FrameExit::Yielded(value, suspended))
        }
        // `durable.wait` stored the program: stop here, leaving every frame as it is.
        Flow::Raise | Flow::Reraise if vm.durable.suspended.is_some() => Some(FrameExit::Suspended),
        Flow::Raise | Flow::Reraise => unwind::<A, O>(vm, flow == Flow::Raise),
    }
}

/// Finds a handler for `vm.exception`, popping frames that have none.
fn unwind<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    mut record_traceback: bool,
) -> Option<FrameExit> {
    // Whether the handler, once found, runs in a caller of the frame that raised.
    let mut left_a_frame = false;
    loop {
        let f = frame(vm);
        if record_traceback {
            let (filename, line, name) = (
                f.code.code.filename.clone(),
                f.line(),
                f.code.code.name.clone(),
            );
            let exc = vm.exception;
            vm.add_traceback(exc, filename, line, name);
        }
        record_traceback = true;
        while let Some(block) = frame(vm).pop_block() {
            let f = frame(vm);
            match block.kind {
                BlockKind::ExceptHandler => {
                    // Leaving a handler abnormally: restore the exception it had saved.
                    f.sp = f.stack_base + block.level + 3;
                    let _ty = f.pop();
                    let saved = f.pop();
                    let _tb = f.pop();
                    vm.handled = if saved.is_none() { Value::Null } else { saved };
                }
                BlockKind::SetupFinally => {
                    f.sp = f.stack_base + block.level;
                    f.push_block(BlockKind::ExceptHandler, u32::MAX);
                    let exc = std::mem::replace(&mut vm.exception, Value::Null);
                    let previous = vm.handled;
                    let (prev_value, prev_type) = if previous.is_null() {
                        (Value::None, Value::None)
                    } else {
                        (previous, Value::Obj(vm.type_of(previous)))
                    };
                    let exc_type = Value::Obj(vm.type_of(exc));
                    vm.handled = exc;
                    let f = frame(vm);
                    f.push(Value::None);
                    f.push(prev_value);
                    f.push(prev_type);
                    f.push(Value::None);
                    f.push(exc);
                    f.push(exc_type);
                    f.pc = block.handler;
                    if left_a_frame {
                        O::frame_switched(vm);
                    }
                    return None;
                }
            }
        }
        let done = vm.frames.pop().expect("unwinding frame");
        let was_entry = done.is_entry;
        A::release(&mut vm.frame_pool, done);
        if was_entry {
            return Some(FrameExit::Raised);
        }
        left_a_frame = true;
    }
}
