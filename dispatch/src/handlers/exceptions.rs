//! The block stack and exceptions: `try`, `with`, `raise`, handler matching.

use rceval_interp::runtime::frame::BlockKind;
use rceval_interp::runtime::object::Object;
use rceval_interp::runtime::{ExcKind, FrameAllocator, Value, Vm};

use super::{Flow, frame, tri};
use crate::observer::Observer;

#[cold]
#[inline(never)]
pub(crate) fn too_many_blocks(vm: &mut Vm) -> Flow {
    vm.raise(ExcKind::SystemError, "too many statically nested blocks");
    Flow::Raise
}

pub fn SetupFinally<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let handler = f.pc + arg;
    if !f.push_block(BlockKind::SetupFinally, handler) {
        return too_many_blocks(vm);
    }
    Flow::Next
}

pub fn PopBlock<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    frame(vm).pop_block();
    Flow::Next
}

/// Leaves an exception handler: pops its block and restores the exception that was being
/// handled before (saved below the handler's values when it was entered).
pub fn PopExcept<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    match f.pop_block() {
        Some(b) if b.kind == BlockKind::ExceptHandler => {}
        _ => {
            vm.raise(
                ExcKind::SystemError,
                "popped block is not an except handler",
            );
            return Flow::Raise;
        }
    }
    let _ty = f.pop();
    let value = f.pop();
    let _tb = f.pop();
    vm.handled = if value.is_none() { Value::Null } else { value };
    Flow::Next
}

pub fn Reraise<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let _ty = f.pop();
    let value = f.pop();
    let _tb = f.pop();
    vm.exception = value;
    Flow::Reraise
}

/// The exception instance `raise v` raises (instantiating a class).
fn exception_instance(vm: &mut Vm, v: Value) -> Result<Value, ()> {
    let base = vm.exc_type(ExcKind::BaseException);
    if let Some(ty) = vm.is_type(v)
        && vm.is_subtype(ty, base)
    {
        return vm.call_type(ty, &[], &[]).map_err(|_| ());
    }
    if vm.isinstance(v, base) {
        return Ok(v);
    }
    vm.raise(
        ExcKind::TypeError,
        "exceptions must derive from BaseException",
    );
    Err(())
}

pub fn RaiseVarargs<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    match arg {
        0 => {
            if vm.handled.is_null() {
                vm.raise(ExcKind::RuntimeError, "No active exception to reraise");
                return Flow::Raise;
            }
            vm.exception = vm.handled;
            Flow::Reraise
        }
        1 => {
            let v = frame(vm).pop();
            let Ok(exc) = exception_instance(vm, v) else {
                return Flow::Raise;
            };
            vm.raise_value(exc);
            Flow::Raise
        }
        _ => {
            let f = frame(vm);
            let cause = f.pop();
            let v = f.pop();
            let Ok(exc) = exception_instance(vm, v) else {
                return Flow::Raise;
            };
            let cause = if cause.is_none() {
                Value::None
            } else {
                match exception_instance(vm, cause) {
                    Ok(c) => c,
                    Err(()) => {
                        vm.take_exception();
                        vm.raise(
                            ExcKind::TypeError,
                            "exception causes must derive from BaseException",
                        );
                        return Flow::Raise;
                    }
                }
            };
            rceval_interp::runtime::exceptions::set_cause(vm, exc, cause);
            vm.raise_value(exc);
            Flow::Raise
        }
    }
}

/// Whether `exc_type` matches an `except` clause's class or tuple of classes.
fn exception_matches(vm: &mut Vm, exc_type: Value, clause: Value) -> Result<bool, ()> {
    let base = vm.exc_type(ExcKind::BaseException);
    let classes: Vec<Value> = match clause {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Tuple(_)) => vm.seq_items(clause),
        _ => vec![clause],
    };
    let mut matched = false;
    for c in classes {
        match vm.is_type(c) {
            Some(ty) if vm.is_subtype(ty, base) => {
                if let Some(et) = vm.is_type(exc_type)
                    && vm.is_subtype(et, ty)
                {
                    matched = true;
                }
            }
            _ => {
                vm.raise(
                    ExcKind::TypeError,
                    "catching classes that do not inherit from BaseException is not allowed",
                );
                return Err(());
            }
        }
    }
    Ok(matched)
}

pub fn JumpIfNotExcMatch<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let clause = f.pop();
    let exc_type = f.pop();
    match exception_matches(vm, exc_type, clause) {
        Ok(true) => {}
        Ok(false) => frame(vm).pc = arg,
        Err(()) => return Flow::Raise,
    }
    Flow::Next
}

pub fn LoadAssertionError<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let ty = vm.exc_type(ExcKind::AssertionError);
    frame(vm).push(Value::Obj(ty));
    Flow::Next
}

/// `mgr -> exit enter_result`, with a finally block for the body.
pub fn SetupWith<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let mgr = frame(vm).peek(1);
    let ty = vm.type_of(mgr);
    let enter = vm.lookup_in_mro_str(ty, "__enter__");
    let exit = vm.lookup_in_mro_str(ty, "__exit__");
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let missed = if enter.is_some() {
            " (missed __exit__ method)"
        } else {
            ""
        };
        let msg = format!(
            "'{}' object does not support the context manager protocol{missed}",
            vm.type_name(mgr)
        );
        vm.raise(ExcKind::TypeError, msg);
        return Flow::Raise;
    };
    let exit = tri!(vm.bind(exit, mgr, ty));
    frame(vm).set_peek(1, exit);
    let enter = tri!(vm.bind(enter, mgr, ty));
    let result = tri!(vm.call(enter, &[], &[]));
    let f = frame(vm);
    let handler = f.pc + arg;
    if !f.push_block(BlockKind::SetupFinally, handler) {
        return too_many_blocks(vm);
    }
    frame(vm).push(result);
    Flow::Next
}

/// `exit ... tb val exc -> exit ... tb val exc res`: calls `__exit__(exc, val, tb)`.
pub fn WithExceptStart<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let (exc, val, tb) = (f.peek(1), f.peek(2), f.peek(3));
    let exit = f.peek(7);
    let r = tri!(vm.call(exit, &[exc, val, tb], &[]));
    frame(vm).push(r);
    Flow::Next
}
