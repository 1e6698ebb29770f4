//! Generators: starting, yielding, delegating with `yield from`.

use rceval_interp::code::flags::CO_COROUTINE;
use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::call::GenStep;
use rceval_interp::runtime::frame::FrameHeader;
use rceval_interp::runtime::object::{GenKind, GenState, Object};
use rceval_interp::runtime::{ExcKind, FrameAllocator, ObjRef, Value, Vm};

use super::coroutines::is_await_op;
use super::{Flow, frame, push_result, tri};
use crate::observer::Observer;

/// Drops the `None` sent to start a fresh generator.
pub fn GenStart<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    frame(vm).pop();
    Flow::Next
}

pub fn YieldValue<A: FrameAllocator, O: Observer>(_vm: &mut Vm, _arg: u32) -> Flow {
    Flow::Yield
}

pub fn GetYieldFromIter<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let v = frame(vm).peek(1);
    match vm.gen_kind(v) {
        Some(GenKind::Generator) => return Flow::Next,
        Some(GenKind::Coroutine) => {
            // Only a coroutine may delegate to a coroutine (CPython's GET_YIELD_FROM_ITER).
            if frame(vm).code.code.flags & CO_COROUTINE != 0 {
                return Flow::Next;
            }
            vm.raise(
                ExcKind::TypeError,
                "cannot 'yield from' a coroutine object in a non-coroutine generator",
            );
            return Flow::Raise;
        }
        _ => {}
    }
    let v = frame(vm).pop();
    let r = vm.get_iter(v);
    push_result(vm, r)
}

/// `receiver value -> receiver` and yield what the receiver yields, re-running this
/// instruction on resumption; when the receiver finishes, its return value replaces it.
pub fn YieldFrom<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let sent = f.pop();
    let receiver = f.peek(1);
    if let Value::Obj(r) = receiver
        && resume_inline::<O>(vm, r, sent, false)
    {
        return Flow::Next;
    }
    let step = match receiver {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Generator(_)) => {
            tri!(vm.gen_resume(r, sent, None))
        }
        Value::Obj(r) if is_await_op(vm, receiver) => tri!(vm.await_op_step(r, sent, None)),
        _ if sent.is_none() => match tri!(vm.iter_next(receiver)) {
            Some(v) => GenStep::Yield(v),
            None => GenStep::Return(Value::None),
        },
        _ => {
            let send = vm.intern_static("send");
            let method = tri!(vm.getattr(receiver, send));
            match vm.call(method, &[sent], &[]) {
                Ok(v) => GenStep::Yield(v),
                Err(_) if vm.exception_matches(ExcKind::StopIteration) => {
                    let exc = vm.take_exception();
                    let args = vm
                        .exception_data(exc)
                        .map(|d| d.args)
                        .unwrap_or(Value::None);
                    GenStep::Return(vm.seq_items(args).first().copied().unwrap_or(Value::None))
                }
                Err(_) => return Flow::Raise,
            }
        }
    };
    match step {
        GenStep::Return(v) => {
            frame(vm).set_peek(1, v);
            Flow::Next
        }
        GenStep::Yield(v) => {
            let f = frame(vm);
            f.pc -= 1;
            f.push(v);
            Flow::Yield
        }
    }
}

/// Resumes generator `gen_ref` with `sent` inside the running loop, as CPython 3.12's
/// `FOR_ITER_GEN` and `SEND_GEN` do: its frame goes on top of the frame stack, marked so that
/// yielding, returning or raising continues the resumer (see `crate::unwind`), and the
/// resumption costs a frame switch instead of a new eval-loop invocation with its host frames.
/// `false` when it must go through the runtime instead: a frame stack at the recursion limit,
/// a generator running or finished, a first send that is not `None`, an async generator (its
/// values go through `asend` objects), or a coroutine resumed by `FOR_ITER`. The caller's frame
/// is saved, its resuming instruction the last it executed.
pub(crate) fn resume_inline<O: Observer>(
    vm: &mut Vm,
    gen_ref: ObjRef,
    sent: Value,
    for_iter: bool,
) -> bool {
    if vm.frames.len() >= vm.recursion_limit {
        return false;
    }
    // SAFETY: the generator is on the resumer's value stack, a GC root, and nothing else
    // touches the heap while this reference lives.
    let Object::Generator(g) = (unsafe { vm.heap.get_live_mut(gen_ref) }) else {
        return false;
    };
    let resumable = match g.state {
        GenState::Suspended => true,
        GenState::Created => sent.is_none(),
        GenState::Running | GenState::Finished => false,
    };
    let kind_ok = match g.kind {
        GenKind::Generator => true,
        GenKind::Coroutine => !for_iter,
        GenKind::AsyncGenerator => false,
    };
    if !(resumable && kind_ok) {
        return false;
    }
    let Some(mut frame) = g.frame.take() else {
        return false;
    };
    g.state = GenState::Running;
    frame.push(sent);
    frame.set_inline_resume(true);
    vm.frames.push(frame);
    O::generator_resumed_inline(vm);
    O::frame_switched(vm);
    true
}

/// The instruction of frame `resumer` that resumed the generator frame above it inline: the
/// last one it executed, just before its `pc`.
pub(crate) enum Resumer {
    /// `FOR_ITER` with its jump (`EXTENDED_ARG` prefixes folded in): past the loop when the
    /// generator returns.
    ForIter(u32),
    /// `YIELD_FROM`: re-executed on the resumer's own resumption while the generator yields.
    YieldFrom,
}

impl Resumer {
    pub(crate) fn of(resumer: &FrameHeader) -> Resumer {
        let code = &resumer.code.code.code;
        let at = (resumer.pc as usize - 1) * 2;
        if code[at] == Opcode::YieldFrom as u8 {
            return Resumer::YieldFrom;
        }
        debug_assert_eq!(code[at], Opcode::ForIter as u8);
        let mut arg = u32::from(code[at + 1]);
        let mut prefix = at;
        let mut shift = 8;
        while prefix >= 2 && code[prefix - 2] == Opcode::ExtendedArg as u8 {
            prefix -= 2;
            arg |= u32::from(code[prefix + 1]) << shift;
            shift += 8;
        }
        Resumer::ForIter(arg)
    }
}
