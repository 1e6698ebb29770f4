//! `collections.defaultdict`, native as in CPython: a built-in subclass of `dict` whose
//! instances are dict-backed instances with `default_factory` in their attributes. A missing
//! key reaches its `__missing__` through the runtime's one dict-subclass subscript path
//! (`Vm::getitem`), with no Python-level `__getitem__` in between.

use crate::runtime::object::{Layout, NativeFn, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let base = vm.types.dict;
    let ty = vm.new_native_type("defaultdict", "collections", Some(base), Layout::Dict);
    // Made and compared like a user subclass of dict (an instance holding a dict, through
    // `__init__` and the dunders), which is what it is; only its methods are native.
    if let Object::Type(t) = vm.heap.get_mut(ty) {
        t.builtin = false;
    }
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", defaultdict_init),
        ("__missing__", missing),
        ("__repr__", repr),
        ("copy", copy),
        ("__copy__", copy),
        ("__or__", or),
        ("__ror__", ror),
    ];
    for &(name, f) in methods {
        vm.add_method(ty, name, f);
    }
    super::add_value(vm, dict, "defaultdict", Value::Obj(ty))
}

fn factory_name(vm: &mut Vm) -> Value {
    vm.intern_static("default_factory")
}

/// `defaultdict.__init__(default_factory=None, /, *args, **kwargs)`: the rest goes to
/// `dict.__init__`.
fn defaultdict_init(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some((&this, rest)) = args.split_first() else {
        return vm.err(
            ExcKind::TypeError,
            "descriptor '__init__' of 'collections.defaultdict' object needs an argument",
        );
    };
    let factory = rest.first().copied().unwrap_or(Value::None);
    if !factory.is_none() && !crate::runtime::builtins::is_callable(vm, factory) {
        return vm.err(
            ExcKind::TypeError,
            "first argument must be callable or None",
        );
    }
    let name = factory_name(vm);
    vm.generic_setattr(this, name, factory)?;
    let dict_args = rest.get(1..).unwrap_or(&[]);
    if dict_args.len() > 1 {
        let msg = format!("dict expected at most 1 argument, got {}", dict_args.len());
        return vm.err(ExcKind::TypeError, msg);
    }
    let base = vm.base_value(this);
    crate::runtime::builtins::dict_update_from(vm, base, dict_args.first().copied(), kwargs)?;
    Ok(Value::None)
}

fn receiver(vm: &mut Vm, args: &[Value], name: &str, extra: usize) -> PyResult<Value> {
    crate::runtime::builtins::args::check_count(vm, args, name, extra + 1, extra + 1)?;
    Ok(args[0])
}

/// The instance's `default_factory` (`None` when it has none).
fn factory_of(vm: &mut Vm, this: Value) -> PyResult<Value> {
    let name = factory_name(vm);
    Ok(vm.getattr_opt(this, name)?.unwrap_or(Value::None))
}

/// `d.__missing__(key)`: `d[key] = default_factory()`, or KeyError without a factory.
pub fn missing(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__missing__", 1)?;
    let key = args[1];
    let factory = factory_of(vm, this)?;
    if factory.is_none() {
        return Err(vm.raise_with_args(ExcKind::KeyError, vec![key]));
    }
    let value = vm.call(factory, &[], &[])?;
    vm.temp_roots.push(value);
    let stored = vm.setitem(this, key, value);
    vm.temp_roots.pop();
    stored.map(|()| value)
}

/// `defaultdict(<class 'list'>, {...})`, under the instance's type name.
fn repr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__repr__", 0)?;
    let factory = factory_of(vm, this)?;
    let Value::Obj(r) = this else {
        return vm.err(ExcKind::TypeError, "defaultdict expected");
    };
    let factory_repr = vm.guarded(r, "...", |vm| vm.repr(factory))?;
    let base = vm.base_value(this);
    let body = vm.repr(base)?;
    let name = vm.type_name(this);
    let text = format!("{name}({factory_repr}, {body})");
    Ok(vm.new_str(text))
}

/// `type(d)(d.default_factory, d)`, as CPython's `defdict_copy`.
fn copy(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "copy", 0)?;
    let factory = factory_of(vm, this)?;
    let ty = vm.type_of(this);
    vm.call(Value::Obj(ty), &[factory, this], &[])
}

fn is_dict(vm: &Vm, v: Value) -> bool {
    vm.isinstance(v, vm.types.dict)
}

fn or(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__or__", 1)?;
    if !is_dict(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    let new = copy(vm, &[this], &[])?;
    vm.temp_roots.push(new);
    let r = update(vm, new, args[1]);
    vm.temp_roots.pop();
    r.map(|()| new)
}

fn ror(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let this = receiver(vm, args, "__ror__", 1)?;
    if !is_dict(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    let factory = factory_of(vm, this)?;
    let ty = vm.type_of(this);
    let new = vm.call(Value::Obj(ty), &[factory, args[1]], &[])?;
    vm.temp_roots.push(new);
    let r = update(vm, new, this);
    vm.temp_roots.pop();
    r.map(|()| new)
}

fn update(vm: &mut Vm, target: Value, other: Value) -> PyResult<()> {
    let name = vm.intern_static("update");
    let f = vm.getattr(target, name)?;
    vm.call(f, &[other], &[])?;
    Ok(())
}
