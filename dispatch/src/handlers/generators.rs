//! Generators: starting, yielding, delegating with `yield from`.

use rceval_interp::code::flags::CO_COROUTINE;
use rceval_interp::runtime::call::GenStep;
use rceval_interp::runtime::object::{GenKind, Object};
use rceval_interp::runtime::{ExcKind, FrameAllocator, Value, Vm};

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
