//! `tuple` methods.

use super::args::{check_count, this};
use super::list_methods::search_bounds;
use crate::runtime::object::Object;
use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let t = vm.types.tuple;
    vm.add_method(t, "index", index);
    vm.add_method(t, "count", count);
}

fn items(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<(Value, Vec<Value>)> {
    let v = this(vm, args, "tuple", method)?;
    match v {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Tuple(_)) => Ok((v, vm.seq_items(v))),
        _ => Err(super::args::descriptor_error(vm, method, "tuple", v)),
    }
}

fn index(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (_, xs) = items(vm, args, "index")?;
    check_count(vm, &args[1..], "index", 1, 3)?;
    let (start, stop) = search_bounds(vm, &args[2..], xs.len())?;
    for (i, &x) in xs.iter().enumerate().take(stop).skip(start) {
        if vm.eq(x, args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    vm.err(ExcKind::ValueError, "tuple.index(x): x not in tuple")
}

fn count(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (_, xs) = items(vm, args, "count")?;
    check_count(vm, &args[1..], "count", 1, 1)?;
    let mut n = 0;
    for x in xs {
        if vm.eq(x, args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
