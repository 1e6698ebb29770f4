//! The loop epilogue every dispatch strategy shares: returning to the caller's frame, yielding
//! a generator's frame, and unwinding an exception through the block stack (CPython 3.10's
//! `exception_unwind`). Where this hands control to a caller's frame inside the loop, it tells
//! the observer; leaving the loop altogether is [`crate::eval_frame`]'s to report.

use rceval_interp::runtime::frame::{BlockKind, EXIT_ENTRY, EXIT_FRAME_OBJECT, EXIT_INLINE_RESUME};
use rceval_interp::runtime::interrupt;
use rceval_interp::runtime::introspect::frame_ended;
use rceval_interp::runtime::object::{GenState, Object};
use rceval_interp::runtime::vm::FrameExit;
use rceval_interp::runtime::{FrameAllocator, FrameBox, Value, Vm};

use crate::handlers::generators::Resumer;
use crate::handlers::{Flow, frame};
use crate::observer::Observer;

/// Handles every flow but [`Flow::Next`]. `None` means: go on executing the frame now on top;
/// `Some` means the eval-loop invocation is over.
#[inline(never)]
pub fn finish<A: FrameAllocator, O: Observer>(vm: &mut Vm, flow: Flow) -> Option<FrameExit> {
    match flow {
        Flow::Next => None,
        // The safepoint flag stands for a due collection, an interrupt, or both.
        Flow::Collect => {
            if vm.heap.collection_wanted_by_allocation() {
                vm.collect_garbage();
            } else {
                vm.heap.clear_safepoint_flag();
            }
            match interrupt::raise_pending(vm) {
                Ok(()) => None,
                Err(_) => unwind::<A, O>(vm, true),
            }
        }
        Flow::Return => {
            let value = frame(vm).pop();
            let done = vm.frames.pop().expect("returning frame");
            // One test covers entry frames and frames with a frame object, so a plain return
            // costs what it did before frame objects existed.
            let exit = done.exit_flags();
            if exit != 0 {
                return return_from_special::<A, O>(vm, done, value, exit);
            }
            A::release(&mut vm.frame_pool, done);
            frame(vm).push(value);
            O::frame_switched(vm);
            None
        }
        Flow::Yield => {
            let value = frame(vm).pop();
            let suspended = vm.frames.pop().expect("yielding frame");
            if suspended.is_inline_resume() {
                return yield_inline::<O>(vm, suspended, value);
            }
            Some(FrameExit::Yielded(value, suspended))
        }
        // `durable.wait` stored the program: stop here, leaving every frame as it is.
        Flow::Raise | Flow::Reraise if vm.durable.suspended.is_some() => Some(FrameExit::Suspended),
        Flow::Raise | Flow::Reraise => unwind::<A, O>(vm, flow == Flow::Raise),
    }
}

/// A return from an entry frame (ending this eval-loop invocation) or from a frame whose frame
/// object must take over its state. Out of line, so the common return keeps base's code.
#[inline(never)]
fn return_from_special<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    mut done: FrameBox,
    value: Value,
    exit: u8,
) -> Option<FrameExit> {
    if exit & EXIT_FRAME_OBJECT != 0 {
        frame_ended(vm, &mut done);
    }
    let generator = done.generator();
    A::release(&mut vm.frame_pool, done);
    if exit & EXIT_ENTRY != 0 {
        return Some(FrameExit::Returned(value));
    }
    if exit & EXIT_INLINE_RESUME != 0 {
        let generator = generator.expect("an inline-resumed frame is a generator's");
        set_generator_state(vm, generator, GenState::Finished, None);
        let resumer = frame(vm);
        match Resumer::of(resumer) {
            // The loop is over: what `FOR_ITER` does on an exhausted iterator.
            Resumer::ForIter(jump) => {
                resumer.pop();
                resumer.pc += jump;
            }
            // The delegation is over: the return value replaces the receiver.
            Resumer::YieldFrom => resumer.set_peek(1, value),
        }
        O::frame_switched(vm);
        return None;
    }
    frame(vm).push(value);
    O::frame_switched(vm);
    None
}

/// A yield from a generator frame that `FOR_ITER` or `YIELD_FROM` resumed inline: the frame
/// goes back to its generator and the resumer gets the value. A `YIELD_FROM` resumer yields
/// it in turn (set to re-execute on its own resumption, as the handler does when its receiver
/// yields), so a chain of delegating generators resumed inline unwinds here in one go, up to
/// a `FOR_ITER` or to the frame that native code resumed.
#[inline(never)]
fn yield_inline<O: Observer>(
    vm: &mut Vm,
    mut suspended: FrameBox,
    value: Value,
) -> Option<FrameExit> {
    loop {
        suspended.set_inline_resume(false);
        let generator = suspended
            .generator()
            .expect("an inline-resumed frame is a generator's");
        set_generator_state(vm, generator, GenState::Suspended, Some(suspended));
        let resumer = frame(vm);
        match Resumer::of(resumer) {
            Resumer::ForIter(_) => {
                resumer.push(value);
                O::frame_switched(vm);
                return None;
            }
            Resumer::YieldFrom => {
                resumer.pc -= 1;
                suspended = vm
                    .frames
                    .pop()
                    .expect("a YIELD_FROM resumer is a generator's");
                if !suspended.is_inline_resume() {
                    return Some(FrameExit::Yielded(value, suspended));
                }
            }
        }
    }
}

fn set_generator_state(
    vm: &mut Vm,
    generator: rceval_interp::runtime::ObjRef,
    state: GenState,
    frame: Option<FrameBox>,
) {
    if let Object::Generator(g) = vm.heap.get_mut(generator) {
        g.state = state;
        g.frame = frame;
    }
}

/// Finds a handler for `vm.exception`, popping frames that have none. Out of line: raising is
/// rare next to returning, and keeping it out of [`finish`] keeps the return path lean.
#[inline(never)]
fn unwind<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    mut record_traceback: bool,
) -> Option<FrameExit> {
    // Whether the handler, once found, runs in a caller of the frame that raised.
    let mut left_a_frame = false;
    loop {
        if record_traceback {
            let exc = vm.exception;
            vm.record_traceback(exc);
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
        let mut done = vm.frames.pop().expect("unwinding frame");
        if done.frame_object().is_some() {
            frame_ended(vm, &mut done);
        }
        let was_entry = done.is_entry();
        let inline_generator = done.generator().filter(|_| done.is_inline_resume());
        A::release(&mut vm.frame_pool, done);
        if was_entry {
            return Some(FrameExit::Raised);
        }
        if let Some(generator) = inline_generator {
            // What the runtime does when a generator it resumed raises (PEP 479 included);
            // the resumer then unwinds the exception from its resuming instruction.
            vm.generator_raised(generator);
        }
        left_a_frame = true;
    }
}
