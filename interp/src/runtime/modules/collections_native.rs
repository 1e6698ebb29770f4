//! `_collections`: `deque` and `defaultdict` (their own modules), and the native helper
//! behind `Counter`, as CPython's `_count_elements`: counts
//! an iterable into a mapping, straight on the dict when the mapping's `get` and
//! `__setitem__` are dict's own, else through those methods.

use super::add_functions;
use crate::runtime::object::{Builtin, NativeFn, Object};
use crate::runtime::ops::BinOp;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    super::deque::install(vm, dict)?;
    super::defaultdict::install(vm, dict)?;
    let fns: &[(&'static str, NativeFn)] = &[
        ("_count_elements", count_elements),
        ("_tuplegetter", tuplegetter),
        // Named so that a snapshot can name the getters `_tuplegetter` binds to an index.
        ("_tuplegetter_field", tuple_field),
    ];
    add_functions(vm, dict, fns)
}

/// `_tuplegetter(index, doc)`: a namedtuple field's descriptor, as CPython's: a property
/// whose getter is a native bound to the index, so `p.x` runs no Python code.
fn tuplegetter(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    crate::runtime::builtins::args::no_kwargs(vm, kwargs, "_tuplegetter")?;
    let &[index, doc] = args else {
        let msg = format!("_tuplegetter expected 2 arguments, got {}", args.len());
        return vm.err(ExcKind::TypeError, msg);
    };
    let Value::Int(i) = index else {
        return vm.err(ExcKind::TypeError, "an integer is required");
    };
    let fget = vm.alloc(Object::Builtin(Builtin {
        name: "_tuplegetter_field",
        func: tuple_field,
        this: Value::Int(i),
    }));
    Ok(vm.alloc(Object::Property {
        fget,
        fset: Value::None,
        fdel: Value::None,
        doc,
    }))
}

/// The getter behind `_tuplegetter`: `[index, obj]`.
fn tuple_field(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (&[Value::Int(i), obj], true) = (args, true) else {
        return vm.err(ExcKind::TypeError, "_tuplegetter expected 1 argument");
    };
    if let Value::Obj(r) = vm.base_value(obj)
        && let Object::Tuple(items) = vm.heap.get(r)
    {
        return match usize::try_from(i).ok().and_then(|i| items.get(i)) {
            Some(&v) => Ok(v),
            None => vm.err(ExcKind::IndexError, "tuple index out of range"),
        };
    }
    let msg = format!(
        "descriptor for index '{i}' for tuple subclasses doesn't apply to '{}' object",
        vm.type_name(obj)
    );
    vm.err(ExcKind::TypeError, msg)
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
