//! Generator methods: `send`, `throw`, `close`, `__next__`, `__iter__`.

use crate::runtime::call::GenStep;
use crate::runtime::object::Object;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let g = vm.types.generator;
    vm.add_method(g, "send", send);
    vm.add_method(g, "throw", throw);
    vm.add_method(g, "close", close);
    vm.add_method(g, "__next__", next);
    vm.add_method(g, "__iter__", iter);
}

fn this_gen(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<ObjRef> {
    match args.first() {
        Some(&Value::Obj(r)) if matches!(vm.heap.get(r), Object::Generator(_)) => Ok(r),
        Some(&v) => Err(super::args::descriptor_error(vm, method, "generator", v)),
        None => vm.err(
            ExcKind::TypeError,
            format!("generator.{method}() needs an argument"),
        ),
    }
}

/// A yielded value, or StopIteration carrying the return value.
pub(super) fn step_result(vm: &mut Vm, step: GenStep) -> PyResult<Value> {
    match step {
        GenStep::Yield(v) => Ok(v),
        GenStep::Return(v) => {
            let args = if v.is_none() { Vec::new() } else { vec![v] };
            Err(vm.raise_with_args(ExcKind::StopIteration, args))
        }
    }
}

pub(super) fn send(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let g = this_gen(vm, args, "send")?;
    super::args::check_count(vm, &args[1..], "send", 1, 1)?;
    let step = vm.gen_resume(g, args[1], None)?;
    step_result(vm, step)
}

fn next(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let g = this_gen(vm, args, "__next__")?;
    let step = vm.gen_resume(g, Value::None, None)?;
    step_result(vm, step)
}

fn iter(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let g = this_gen(vm, args, "__iter__")?;
    Ok(Value::Obj(g))
}

/// `gen.throw(exc)` / `gen.throw(ExcClass[, value])`.
pub(super) fn throw(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let g = this_gen(vm, args, "throw")?;
    super::args::check_count(vm, &args[1..], "throw", 1, 3)?;
    let exc = make_exception(vm, args[1], args.get(2).copied())?;
    let step = vm.gen_resume(g, Value::None, Some(exc))?;
    step_result(vm, step)
}

/// An exception instance from a class (instantiated with `value`) or an instance.
pub fn make_exception(vm: &mut Vm, typ: Value, value: Option<Value>) -> PyResult<Value> {
    let base_exc = vm.exc_type(ExcKind::BaseException);
    if let Some(t) = vm.is_type(typ)
        && vm.is_subtype(t, base_exc)
    {
        let args: Vec<Value> = match value {
            None | Some(Value::None) => Vec::new(),
            Some(v) if vm.isinstance(v, t) => return Ok(v),
            // A tuple value is the argument list, as CPython's `throw(type, value)` has it.
            Some(v) if matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Object::Tuple(_))) => {
                vm.seq_items(v)
            }
            Some(v) => vec![v],
        };
        return vm.call(typ, &args, &[]);
    }
    if vm.isinstance(typ, base_exc) {
        if value.is_some_and(|v| !v.is_none()) {
            return vm.err(
                ExcKind::TypeError,
                "instance exception may not have a separate value",
            );
        }
        return Ok(typ);
    }
    let msg = format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        vm.type_name(typ)
    );
    vm.err(ExcKind::TypeError, msg)
}

pub(super) fn close(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let g = this_gen(vm, args, "close")?;
    vm.gen_close(g)?;
    Ok(Value::None)
}
