//! The `__new__` of the built-in container and value types (`str`, `list`, `tuple`, `dict`,
//! `set`, `frozenset`, `range`, `slice`), and the `__init__` of the mutable ones so that
//! subclasses (`class L(list)`) are filled by `list.__init__` as in CPython.

use super::args::{check_count, index_i64, no_kwargs, take_kwargs};
use crate::runtime::dict::PyDict;
use crate::runtime::object::{Instance, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let t = vm.types;
    vm.add_method(t.str_, "__new__", str_new);
    vm.add_method(t.list, "__new__", list_new);
    vm.add_method(t.list, "__init__", list_init);
    vm.add_method(t.tuple, "__new__", tuple_new);
    vm.add_method(t.dict, "__new__", dict_new);
    vm.add_method(t.dict, "__init__", dict_init);
    vm.add_method(t.set, "__new__", set_new);
    vm.add_method(t.set, "__init__", set_init);
    vm.add_method(t.frozenset, "__new__", frozenset_new);
    vm.add_method(t.range, "__new__", range_new);
    vm.add_method(t.slice, "__new__", slice_new);
    vm.add_method(t.slice, "indices", slice_indices);
    vm.add_method(t.none, "__new__", none_new);
}

/// `cls.__new__` for a built-in type: the class and the remaining arguments.
pub fn split_cls(vm: &mut Vm, args: &[Value], ty: &str) -> PyResult<(ObjRef, Vec<Value>)> {
    match args.split_first() {
        Some((&c, rest)) => match vm.is_type(c) {
            Some(cls) => Ok((cls, rest.to_vec())),
            None => {
                let msg = format!(
                    "{ty}.__new__(X): X is not a type object ({})",
                    vm.type_name(c)
                );
                vm.err(ExcKind::TypeError, msg)
            }
        },
        None => vm.err(
            ExcKind::TypeError,
            format!("{ty}.__new__(): not enough arguments"),
        ),
    }
}

/// The built-in value itself for the built-in type, else an instance of the subclass that
/// extends it.
pub fn wrap(vm: &mut Vm, cls: ObjRef, builtin: ObjRef, value: Value) -> Value {
    if cls == builtin || !vm.is_subtype(cls, builtin) {
        return value;
    }
    vm.alloc(Object::Instance(Instance {
        class: cls,
        dict: Default::default(),
        base_value: value,
        exc: None,
    }))
}

fn str_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "str")?;
    let [kobj] = take_kwargs(vm, kwargs, "str", ["object"])?;
    check_count(vm, &rest, "str", 0, 1)?;
    let v = match rest.first().copied().or(kobj) {
        None => vm.intern_static(""),
        Some(x) if vm.as_str(x).is_some() => x,
        Some(x) => {
            let s = vm.str(x)?;
            vm.new_str(s)
        }
    };
    let str_ty = vm.types.str_;
    Ok(wrap(vm, cls, str_ty, v))
}

fn list_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "list")?;
    let list_ty = vm.types.list;
    if cls != list_ty {
        // A subclass gets an empty list; its `__init__` fills it.
        let empty = vm.new_list(Vec::new());
        return Ok(wrap(vm, cls, list_ty, empty));
    }
    no_kwargs(vm, kwargs, "list")?;
    check_count(vm, &rest, "list", 0, 1)?;
    let items = match rest.first() {
        Some(&it) => vm.collect_iterable(it)?,
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

fn list_init(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    no_kwargs(vm, kwargs, "list")?;
    let Some((&this, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    check_count(vm, rest, "list", 0, 1)?;
    let base = vm.base_value(this);
    let items = match rest.first() {
        Some(&it) => vm.collect_iterable(it)?,
        None => Vec::new(),
    };
    if let Value::Obj(l) = base
        && let Object::List(v) = vm.heap.get_mut(l)
    {
        *v = items;
    }
    Ok(Value::None)
}

fn tuple_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "tuple")?;
    no_kwargs(vm, kwargs, "tuple")?;
    check_count(vm, &rest, "tuple", 0, 1)?;
    let tuple_ty = vm.types.tuple;
    let v = match rest.first() {
        Some(&it) if matches!(it, Value::Obj(r) if matches!(vm.heap.get(r), Object::Tuple(_))) => {
            it
        }
        Some(&it) => {
            let items = vm.collect_iterable(it)?;
            vm.new_tuple(items)
        }
        None => vm.empty_tuple,
    };
    Ok(wrap(vm, cls, tuple_ty, v))
}

fn dict_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "dict")?;
    let dict_ty = vm.types.dict;
    let d = vm.new_dict();
    if cls != dict_ty {
        return Ok(wrap(vm, cls, dict_ty, d));
    }
    check_count(vm, &rest, "dict", 0, 1)?;
    vm.temp_roots.push(d);
    let r = super::dict_methods::dict_update_from(vm, d, rest.first().copied(), kwargs);
    vm.temp_roots.pop();
    r.map(|()| d)
}

fn dict_init(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some((&this, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    check_count(vm, rest, "dict", 0, 1)?;
    let base = vm.base_value(this);
    super::dict_methods::dict_update_from(vm, base, rest.first().copied(), kwargs)?;
    Ok(Value::None)
}

/// A new set or frozenset holding the items of `iterable`.
pub fn build_set(vm: &mut Vm, iterable: Option<Value>, frozen: bool) -> PyResult<Value> {
    let table = if frozen {
        Object::FrozenSet(PyDict::new_set())
    } else {
        Object::Set(PyDict::new_set())
    };
    let s = vm.alloc(table);
    let (Some(it), Value::Obj(r)) = (iterable, s) else {
        return Ok(s);
    };
    vm.temp_roots.push(s);
    let result = super::set_methods::set_update(vm, r, it);
    vm.temp_roots.pop();
    result.map(|()| s)
}

fn set_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "set")?;
    let set_ty = vm.types.set;
    if cls != set_ty {
        let empty = build_set(vm, None, false)?;
        return Ok(wrap(vm, cls, set_ty, empty));
    }
    no_kwargs(vm, kwargs, "set")?;
    check_count(vm, &rest, "set", 0, 1)?;
    build_set(vm, rest.first().copied(), false)
}

fn set_init(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    no_kwargs(vm, kwargs, "set")?;
    let Some((&this, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    check_count(vm, rest, "set", 0, 1)?;
    let base = vm.base_value(this);
    let fresh = build_set(vm, rest.first().copied(), false)?;
    let table = match fresh {
        Value::Obj(r) => match vm.heap.get_mut(r) {
            Object::Set(d) => std::mem::take(d),
            _ => PyDict::new_set(),
        },
        _ => PyDict::new_set(),
    };
    if let Value::Obj(b) = base
        && let Object::Set(d) = vm.heap.get_mut(b)
    {
        *d = table;
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "frozenset")?;
    no_kwargs(vm, kwargs, "frozenset")?;
    check_count(vm, &rest, "frozenset", 0, 1)?;
    let fs_ty = vm.types.frozenset;
    let v = match rest.first() {
        Some(&it)
            if cls == fs_ty
                && matches!(it, Value::Obj(r) if matches!(vm.heap.get(r), Object::FrozenSet(_))) =>
        {
            return Ok(it);
        }
        it => build_set(vm, it.copied(), true)?,
    };
    Ok(wrap(vm, cls, fs_ty, v))
}

fn range_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (_, rest) = split_cls(vm, args, "range")?;
    no_kwargs(vm, kwargs, "range")?;
    check_count(vm, &rest, "range", 1, 3)?;
    let mut nums = [0i64; 3];
    for (slot, &v) in nums.iter_mut().zip(&rest) {
        *slot = index_i64(vm, v)?;
    }
    let (start, stop, step) = match rest.len() {
        1 => (0, nums[0], 1),
        2 => (nums[0], nums[1], 1),
        _ => (nums[0], nums[1], nums[2]),
    };
    if step == 0 {
        return vm.err(ExcKind::ValueError, "range() arg 3 must not be zero");
    }
    Ok(vm.alloc(Object::Range { start, stop, step }))
}

fn slice_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (_, rest) = split_cls(vm, args, "slice")?;
    no_kwargs(vm, kwargs, "slice")?;
    check_count(vm, &rest, "slice", 1, 3)?;
    let (start, stop, step) = match rest.as_slice() {
        [stop] => (Value::None, *stop, Value::None),
        [start, stop] => (*start, *stop, Value::None),
        [start, stop, step, ..] => (*start, *stop, *step),
        [] => (Value::None, Value::None, Value::None),
    };
    Ok(vm.alloc(Object::Slice { start, stop, step }))
}

/// `slice.indices(length)`: the bounds clamped to a sequence of that length.
fn slice_indices(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "indices", 2, 2)?;
    let Value::Obj(s) = args[0] else {
        return vm.err(ExcKind::TypeError, "indices() needs a slice");
    };
    let len = index_i64(vm, args[1])?;
    if len < 0 {
        return vm.err(ExcKind::ValueError, "length should not be negative");
    }
    let idx = vm.slice_indices(s, len as usize)?;
    Ok(vm.new_tuple(vec![
        Value::Int(idx.start),
        Value::Int(idx.stop),
        Value::Int(idx.step),
    ]))
}

fn none_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    if args.len() > 1 || !kwargs.is_empty() {
        return vm.err(ExcKind::TypeError, "NoneType takes no arguments");
    }
    Ok(Value::None)
}
