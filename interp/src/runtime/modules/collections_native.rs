//! `_collections`: the native helper behind `Counter`, as CPython's `_count_elements`: counts
//! an iterable into a mapping, straight on the dict when the mapping's `get` and
//! `__setitem__` are dict's own, else through those methods.

use super::add_functions;
use crate::runtime::object::{NativeFn, Object};
use crate::runtime::ops::BinOp;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[("_count_elements", count_elements)];
    add_functions(vm, dict, fns)
}

fn same_method(vm: &mut Vm, ty: ObjRef, base: ObjRef, name: &'static str) -> bool {
    match (
        vm.lookup_in_mro_str(ty, name),
        vm.lookup_in_mro_str(base, name),
    ) {
        (None, None) => true,
        (Some(a), Some(b)) => a.is(b),
        _ => false,
    }
}

/// The dict to count into directly, when that is what the mapping's methods would do.
fn direct_dict(vm: &mut Vm, mapping: Value) -> Option<ObjRef> {
    let Value::Obj(r) = vm.base_value(mapping) else {
        return None;
    };
    if !matches!(vm.heap.get(r), Object::Dict(_)) {
        return None;
    }
    let ty = vm.type_of(mapping);
    let dict_ty = vm.types.dict;
    (same_method(vm, ty, dict_ty, "get") && same_method(vm, ty, dict_ty, "__setitem__"))
        .then_some(r)
}

fn count_elements(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let &[mapping, iterable] = args else {
        let msg = format!("_count_elements expected 2 arguments, got {}", args.len());
        return vm.err(ExcKind::TypeError, msg);
    };
    let it = vm.get_iter(iterable)?;
    let roots = vm.temp_roots.len();
    vm.temp_roots.push(it);
    let result = count_into(vm, mapping, it);
    vm.temp_roots.truncate(roots);
    result.map(|()| Value::None)
}

fn count_into(vm: &mut Vm, mapping: Value, it: Value) -> PyResult<()> {
    let direct = direct_dict(vm, mapping);
    let get = match direct {
        Some(_) => Value::Null,
        None => {
            let name = vm.intern_static("get");
            let get = vm.getattr(mapping, name)?;
            vm.temp_roots.push(get);
            get
        }
    };
    while let Some(elem) = vm.iter_next(it)? {
        vm.temp_roots.push(elem);
        let old = match direct {
            Some(d) => match vm.table_lookup(d, elem)? {
                Some(slot) => match vm.heap.get(d) {
                    Object::Dict(t) => t.value_at(slot),
                    _ => Value::Int(0),
                },
                None => Value::Int(0),
            },
            None => vm.call(get, &[elem, Value::Int(0)], &[])?,
        };
        let new = vm.binary_op(old, Value::Int(1), BinOp::Add)?;
        match direct {
            Some(d) => vm.table_insert(d, elem, new)?,
            None => vm.setitem(mapping, elem, new)?,
        }
        vm.temp_roots.pop();
    }
    Ok(())
}
