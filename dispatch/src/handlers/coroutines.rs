//! Coroutines: `await`, `async for` and `async with` (CPython 3.10's `GET_AWAITABLE`,
//! `GET_AITER`, `GET_ANEXT`, `END_ASYNC_FOR`, `BEFORE_ASYNC_WITH`, `SETUP_ASYNC_WITH`). The
//! awaiting itself is `YIELD_FROM`, as for generators.

use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::frame::BlockKind;
use rceval_interp::runtime::object::{GenKind, Object};
use rceval_interp::runtime::{ExcKind, FrameAllocator, Value, Vm};

use super::{Flow, frame, tri};
use crate::observer::Observer;

/// The opcode `back` instructions before the running one (`None` past the start).
fn previous_opcode(vm: &mut Vm, back: u32) -> Option<u8> {
    let f = frame(vm);
    let at = f.pc.checked_sub(1 + back)? as usize * 2;
    f.code.code.code.get(at).copied()
}

/// `x -> awaitable`.
pub fn GetAwaitable<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let v = frame(vm).peek(1);
    let Some(it) = tri!(vm.get_awaitable(v)) else {
        return not_awaitable(vm, v);
    };
    if let Value::Obj(r) = it
        && vm.gen_kind(it) == Some(GenKind::Coroutine)
        && vm.yield_from_delegate(r).is_some()
    {
        vm.raise(ExcKind::RuntimeError, "coroutine is being awaited already");
        return Flow::Raise;
    }
    frame(vm).set_peek(1, it);
    Flow::Next
}

/// The error for awaiting `v`, worded for where the await is (CPython's
/// `format_awaitable_error`).
#[cold]
#[inline(never)]
fn not_awaitable(vm: &mut Vm, v: Value) -> Flow {
    let ty = vm.type_name(v);
    let before = previous_opcode(vm, 1);
    let msg = if before == Some(Opcode::BeforeAsyncWith as u8) {
        format!(
            "'async with' received an object from __aenter__ that does not implement __await__: {ty}"
        )
    } else if before == Some(Opcode::WithExceptStart as u8)
        || (before == Some(Opcode::CallFunction as u8)
            && previous_opcode(vm, 2) == Some(Opcode::DupTop as u8))
    {
        format!(
            "'async with' received an object from __aexit__ that does not implement __await__: {ty}"
        )
    } else {
        format!("object {ty} can't be used in 'await' expression")
    };
    vm.raise(ExcKind::TypeError, msg);
    Flow::Raise
}

/// `aiterable -> aiter`.
pub fn GetAiter<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let v = frame(vm).peek(1);
    let ty = vm.type_of(v);
    let Some(method) = vm.lookup_in_mro_str(ty, "__aiter__") else {
        let msg = format!(
            "'async for' requires an object with __aiter__ method, got {}",
            vm.type_name(v)
        );
        vm.raise(ExcKind::TypeError, msg);
        return Flow::Raise;
    };
    let method = tri!(vm.bind(method, v, ty));
    let it = tri!(vm.call(method, &[], &[]));
    let it_ty = vm.type_of(it);
    if vm.lookup_in_mro_str(it_ty, "__anext__").is_none() {
        let msg = format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            vm.type_name(it)
        );
        vm.raise(ExcKind::TypeError, msg);
        return Flow::Raise;
    }
    frame(vm).set_peek(1, it);
    Flow::Next
}

/// `aiter -> aiter awaitable`.
pub fn GetAnext<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let it = frame(vm).peek(1);
    let ty = vm.type_of(it);
    let Some(method) = vm.lookup_in_mro_str(ty, "__anext__") else {
        let msg = format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            vm.type_name(it)
        );
        vm.raise(ExcKind::TypeError, msg);
        return Flow::Raise;
    };
    let method = tri!(vm.bind(method, it, ty));
    let next = tri!(vm.call(method, &[], &[]));
    if vm.gen_kind(it) == Some(GenKind::AsyncGenerator) {
        frame(vm).push(next);
        return Flow::Next;
    }
    let Some(awaitable) = tri!(vm.get_awaitable(next)) else {
        let msg = format!(
            "'async for' received an invalid object from __anext__: {}",
            vm.type_name(next)
        );
        vm.raise(ExcKind::TypeError, msg);
        return Flow::Raise;
    };
    frame(vm).push(awaitable);
    Flow::Next
}

/// `aiter tb val exc ... ->`: the loop's handler. StopAsyncIteration ends the loop (the
/// except block, its six values and the iterator go); anything else propagates.
pub fn EndAsyncFor<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let _ty = f.pop();
    let exc = f.pop();
    let _tb = f.pop();
    if !vm.isinstance(exc, vm.exc_type(ExcKind::StopAsyncIteration)) {
        vm.exception = exc;
        return Flow::Reraise;
    }
    let f = frame(vm);
    f.pop_block();
    let _prev_ty = f.pop();
    let prev = f.pop();
    let _prev_tb = f.pop();
    f.pop();
    vm.handled = if prev.is_none() { Value::Null } else { prev };
    Flow::Next
}

/// `mgr -> aexit aenter_result`.
pub fn BeforeAsyncWith<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let mgr = frame(vm).peek(1);
    let ty = vm.type_of(mgr);
    let enter = vm.lookup_in_mro_str(ty, "__aenter__");
    let exit = vm.lookup_in_mro_str(ty, "__aexit__");
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let missed = if enter.is_some() {
            " (missed __aexit__ method)"
        } else {
            ""
        };
        let msg = format!(
            "'{}' object does not support the asynchronous context manager protocol{missed}",
            vm.type_name(mgr)
        );
        vm.raise(ExcKind::TypeError, msg);
        return Flow::Raise;
    };
    let exit = tri!(vm.bind(exit, mgr, ty));
    frame(vm).set_peek(1, exit);
    let enter = tri!(vm.bind(enter, mgr, ty));
    let result = tri!(vm.call(enter, &[], &[]));
    frame(vm).push(result);
    Flow::Next
}

/// `res -> res` under a new finally block whose level excludes res.
pub fn SetupAsyncWith<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let res = f.pop();
    let handler = f.pc + arg;
    if !f.push_block(BlockKind::SetupFinally, handler) {
        return super::exceptions::too_many_blocks(vm);
    }
    frame(vm).push(res);
    Flow::Next
}

/// Whether `v` is an awaitable over a coroutine or async generator.
pub(crate) fn is_await_op(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Object::AwaitOp(_)))
}
