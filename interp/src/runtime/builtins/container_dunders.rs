//! The container dunder methods of the built-in types (`list.__getitem__`, `dict.__len__`,
//! ...), so that `super().__getitem__(i)` in a subclass and explicit `x.__len__()` calls work.
//! Each unwraps a subclass instance to its built-in value and uses the VM's protocol.

use super::args::check_count;
use crate::runtime::object::Layout;
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let t = vm.types;
    let readable = [
        t.list,
        t.tuple,
        t.dict,
        t.str_,
        t.bytes,
        t.bytearray,
        t.range,
        t.array,
        t.deque,
    ];
    for ty in readable {
        vm.add_method(ty, "__getitem__", getitem);
    }
    let sized = [
        t.list,
        t.tuple,
        t.dict,
        t.str_,
        t.bytes,
        t.bytearray,
        t.range,
        t.set,
        t.frozenset,
        t.array,
        t.deque,
    ];
    for ty in sized {
        vm.add_method(ty, "__len__", len);
        vm.add_method(ty, "__contains__", contains);
        vm.add_method(ty, "__iter__", iter);
    }
    for ty in [t.list, t.dict, t.bytearray, t.array, t.deque] {
        vm.add_method(ty, "__setitem__", setitem);
        vm.add_method(ty, "__delitem__", delitem);
    }
    for ty in sized {
        vm.add_method(ty, "__repr__", repr);
        vm.add_method(ty, "__eq__", eq);
        vm.add_method(ty, "__ne__", ne);
    }
}

fn repr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__repr__", 0)?;
    let text = vm.repr(this)?;
    Ok(vm.new_str(text))
}

/// `==` on the built-in values; `NotImplemented` when the other side is not comparable
/// (another kind of built-in value compares unequal, as CPython's does after both tries).
fn eq(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__eq__", 1)?;
    let other = vm.base_value(args[1]);
    if vm.type_of(this) != vm.type_of(other) && !(vm.layout_of(this) == vm.layout_of(other)) {
        return Ok(vm.not_implemented);
    }
    Ok(Value::Bool(vm.eq(this, other)?))
}

fn ne(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = eq(vm, args, &[])?;
    Ok(match r {
        Value::Bool(b) => Value::Bool(!b),
        other => other,
    })
}

fn receiver(vm: &mut Vm, args: &[Value], name: &str, extra: usize) -> PyResult<Value> {
    check_count(vm, args, name, extra + 1, extra + 1)?;
    Ok(vm.base_value(args[0]))
}

/// Whether `f` is the built-in types' own `__getitem__` (what a dict subclass inherits).
pub fn is_dict_getitem(vm: &Vm, f: Value) -> bool {
    match f {
        Value::Obj(r) => matches!(
            vm.heap.get(r),
            crate::runtime::object::Object::Builtin(b) if std::ptr::fn_addr_eq(b.func, getitem as crate::runtime::object::NativeFn)
        ),
        _ => false,
    }
}

fn getitem(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__getitem__", 1)?;
    match vm.getitem(this, args[1]) {
        // A dict subclass's `__missing__` supplies absent keys, as `dict.__getitem__` does.
        Err(e) if !this.is(args[0]) && vm.exception_matches(ExcKind::KeyError) => {
            let ty = vm.type_of(args[0]);
            match vm.special_method(ty, SpecialMethod::Missing) {
                Some(missing) if matches!(vm.layout_of(this), Layout::Dict) => {
                    vm.take_exception();
                    vm.call_reentrant(missing, &[args[0], args[1]], &[])
                }
                _ => Err(e),
            }
        }
        r => r,
    }
}

fn setitem(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__setitem__", 2)?;
    vm.setitem(this, args[1], args[2])?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__delitem__", 1)?;
    vm.delitem(this, args[1])?;
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__len__", 0)?;
    Ok(Value::Int(vm.len(this)? as i64))
}

fn contains(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__contains__", 1)?;
    Ok(Value::Bool(vm.contains(this, args[1])?))
}

fn iter(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__iter__", 0)?;
    vm.get_iter(this)
}
