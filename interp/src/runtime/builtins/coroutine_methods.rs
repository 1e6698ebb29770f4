//! Methods of coroutines (`send`, `throw`, `close`, `__await__`), async generators (`asend`,
//! `athrow`, `aclose`, `__aiter__`, `__anext__`) and the awaitables they hand out.

use super::generator_methods::{close, make_exception, send, step_result, throw};
use crate::runtime::object::{AwaitOpKind, GenKind, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let c = vm.types.coroutine;
    vm.add_method(c, "send", send);
    vm.add_method(c, "throw", throw);
    vm.add_method(c, "close", close);
    vm.add_method(c, "__await__", coro_await);
    let a = vm.types.async_generator;
    vm.add_method(a, "asend", asend);
    vm.add_method(a, "athrow", athrow);
    vm.add_method(a, "aclose", aclose);
    vm.add_method(a, "__aiter__", aiter);
    vm.add_method(a, "__anext__", anext);
    for ty in [
        vm.types.coroutine_wrapper,
        vm.types.async_generator_asend,
        vm.types.async_generator_athrow,
    ] {
        vm.add_method(ty, "send", op_send);
        vm.add_method(ty, "throw", op_throw);
        vm.add_method(ty, "close", op_close);
        vm.add_method(ty, "__next__", op_next);
        vm.add_method(ty, "__iter__", op_self);
    }
    for ty in [
        vm.types.async_generator_asend,
        vm.types.async_generator_athrow,
    ] {
        vm.add_method(ty, "__await__", op_self);
    }
}

/// The receiver, if it is a generator object of `kind`.
fn this(vm: &mut Vm, args: &[Value], method: &str, kind: GenKind) -> PyResult<ObjRef> {
    match args.first() {
        Some(&Value::Obj(r)) if matches!(vm.heap.get(r), Object::Generator(g) if g.kind == kind) => {
            Ok(r)
        }
        Some(&v) => {
            let ty = match kind {
                GenKind::Generator => "generator",
                GenKind::Coroutine => "coroutine",
                GenKind::AsyncGenerator => "async_generator",
            };
            Err(super::args::descriptor_error(vm, method, ty, v))
        }
        None => vm.err(ExcKind::TypeError, format!("{method}() needs an argument")),
    }
}

fn coro_await(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let c = this(vm, args, "__await__", GenKind::Coroutine)?;
    Ok(vm.new_await_op(AwaitOpKind::CoroWrapper, c, Value::None))
}

fn asend(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let g = this(vm, args, "asend", GenKind::AsyncGenerator)?;
    super::args::check_count(vm, &args[1..], "asend", 1, 1)?;
    Ok(vm.new_await_op(AwaitOpKind::ASend, g, args[1]))
}

fn anext(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let g = this(vm, args, "__anext__", GenKind::AsyncGenerator)?;
    Ok(vm.new_await_op(AwaitOpKind::ASend, g, Value::None))
}

fn aiter(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let g = this(vm, args, "__aiter__", GenKind::AsyncGenerator)?;
    Ok(Value::Obj(g))
}

fn athrow(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let g = this(vm, args, "athrow", GenKind::AsyncGenerator)?;
    super::args::check_count(vm, &args[1..], "athrow", 1, 3)?;
    let exc = make_exception(vm, args[1], args.get(2).copied())?;
    Ok(vm.new_await_op(AwaitOpKind::AThrow, g, exc))
}

fn aclose(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let g = this(vm, args, "aclose", GenKind::AsyncGenerator)?;
    Ok(vm.new_await_op(AwaitOpKind::AClose, g, Value::None))
}

fn this_op(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<ObjRef> {
    match args.first() {
        Some(&Value::Obj(r)) if matches!(vm.heap.get(r), Object::AwaitOp(_)) => Ok(r),
        Some(&v) => Err(super::args::descriptor_error(vm, method, "awaitable", v)),
        None => vm.err(ExcKind::TypeError, format!("{method}() needs an argument")),
    }
}

fn op_send(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_op(vm, args, "send")?;
    super::args::check_count(vm, &args[1..], "send", 1, 1)?;
    let step = vm.await_op_step(r, args[1], None)?;
    step_result(vm, step)
}

fn op_next(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_op(vm, args, "__next__")?;
    let step = vm.await_op_step(r, Value::None, None)?;
    step_result(vm, step)
}

fn op_throw(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_op(vm, args, "throw")?;
    super::args::check_count(vm, &args[1..], "throw", 1, 3)?;
    let exc = make_exception(vm, args[1], args.get(2).copied())?;
    let step = vm.await_op_step(r, Value::None, Some(exc))?;
    step_result(vm, step)
}

fn op_close(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_op(vm, args, "close")?;
    vm.await_op_close(r)?;
    Ok(Value::None)
}

fn op_self(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_op(vm, args, "__iter__")?;
    Ok(Value::Obj(r))
}
