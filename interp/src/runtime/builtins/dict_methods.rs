//! `dict` methods and `dict.update`'s argument protocol (mappings, pairs, keywords).

use super::args::{check_count, this};
use crate::runtime::object::{DictViewKind, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let d = vm.types.dict;
    let methods: &[(&'static str, crate::runtime::object::NativeFn)] = &[
        ("get", get),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("update", update),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("copy", copy),
        ("clear", clear),
    ];
    for &(name, f) in methods {
        vm.add_method(d, name, f);
    }
    let fromkeys = vm.new_builtin("fromkeys", fromkeys);
    let cm = vm.alloc(Object::ClassMethod(fromkeys));
    vm.set_type_attr(d, "fromkeys", cm);
}

fn this_dict(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<ObjRef> {
    let v = this(vm, args, "dict", method)?;
    match v {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Dict(_)) => Ok(r),
        _ => Err(super::args::descriptor_error(vm, method, "dict", v)),
    }
}

fn value_at(vm: &Vm, d: ObjRef, slot: usize) -> Value {
    match vm.heap.get(d) {
        Object::Dict(t) => t.value_at(slot),
        _ => Value::None,
    }
}

fn get(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let d = this_dict(vm, args, "get")?;
    check_count(vm, &args[1..], "get", 1, 2)?;
    Ok(match vm.table_lookup(d, args[1])? {
        Some(slot) => value_at(vm, d, slot),
        None => args.get(2).copied().unwrap_or(Value::None),
    })
}

fn setdefault(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let d = this_dict(vm, args, "setdefault")?;
    check_count(vm, &args[1..], "setdefault", 1, 2)?;
    if let Some(slot) = vm.table_lookup(d, args[1])? {
        return Ok(value_at(vm, d, slot));
    }
    let default = args.get(2).copied().unwrap_or(Value::None);
    vm.table_insert(d, args[1], default)?;
    Ok(default)
}

fn pop(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let d = this_dict(vm, args, "pop")?;
    check_count(vm, &args[1..], "pop", 1, 2)?;
    match vm.table_remove(d, args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(&default) => Ok(default),
            None => Err(vm.raise_with_args(ExcKind::KeyError, vec![args[1]])),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let d = this_dict(vm, args, "popitem")?;
    let last = match vm.heap.get_mut(d) {
        Object::Dict(t) => t.pop_last(),
        _ => None,
    };
    match last {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => {
            let msg = vm.new_str("popitem(): dictionary is empty");
            Err(vm.raise_with_args(ExcKind::KeyError, vec![msg]))
        }
    }
}

fn update(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let d = this_dict(vm, args, "update")?;
    check_count(vm, &args[1..], "update", 0, 1)?;
    dict_update_from(vm, Value::Obj(d), args.get(1).copied(), kwargs)?;
    Ok(Value::None)
}

fn view(vm: &mut Vm, args: &[Value], method: &str, kind: DictViewKind) -> PyResult<Value> {
    let d = this_dict(vm, args, method)?;
    Ok(vm.alloc(Object::DictView { dict: d, kind }))
}

fn keys(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    view(vm, args, "keys", DictViewKind::Keys)
}

fn values(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    view(vm, args, "values", DictViewKind::Values)
}

fn items(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    view(vm, args, "items", DictViewKind::Items)
}

fn copy(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let d = this_dict(vm, args, "copy")?;
    let table = match vm.heap.get(d) {
        Object::Dict(t) => t.clone(),
        _ => Default::default(),
    };
    Ok(vm.alloc(Object::Dict(table)))
}

fn clear(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let d = this_dict(vm, args, "clear")?;
    if let Object::Dict(t) = vm.heap.get_mut(d) {
        t.clear();
    }
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)` (a classmethod: `args[0]` is the class).
fn fromkeys(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or(&[]);
    check_count(vm, rest, "fromkeys", 1, 2)?;
    let value = rest.get(1).copied().unwrap_or(Value::None);
    let keys = vm.collect_iterable(rest[0])?;
    let cls = args.first().copied().unwrap_or(Value::Obj(vm.types.dict));
    let d = if cls.is(Value::Obj(vm.types.dict)) {
        vm.new_dict()
    } else {
        vm.call(cls, &[], &[])?
    };
    let base = vm.temp_roots.len();
    vm.temp_roots.push(d);
    vm.temp_roots.extend(keys.iter().copied());
    let result = (|| {
        for k in keys {
            vm.setitem(d, k, value)?;
        }
        Ok(d)
    })();
    vm.temp_roots.truncate(base);
    result
}

/// `dict.update(arg, **kwargs)` into `dict` (a dict, or an instance of a dict subclass).
pub fn dict_update_from(
    vm: &mut Vm,
    dict: Value,
    arg: Option<Value>,
    kwargs: Kwargs<'_>,
) -> PyResult<()> {
    let Value::Obj(d) = vm.base_value(dict) else {
        return vm.err(ExcKind::TypeError, "dict update of a non-dict");
    };
    let base = vm.temp_roots.len();
    vm.temp_roots.push(dict);
    let result = (|| {
        if let Some(arg) = arg {
            update_one(vm, d, arg)?;
        }
        for &(k, v) in kwargs {
            vm.table_insert(d, k, v)?;
        }
        Ok(())
    })();
    vm.temp_roots.truncate(base);
    result
}

fn update_one(vm: &mut Vm, d: ObjRef, arg: Value) -> PyResult<()> {
    // A dict (or a dict subclass without its own `keys`): copy its entries.
    let overrides_keys = matches!(arg, Value::Obj(a) if matches!(vm.heap.get(a), Object::Instance(_)))
        && has_keys_override(vm, arg);
    if !overrides_keys
        && let Value::Obj(src) = vm.base_value(arg)
        && let Object::Dict(t) = vm.heap.get(src)
    {
        let entries: Vec<(Value, Value)> = t.iter().map(|e| (e.key, e.value)).collect();
        vm.temp_roots.push(Value::Obj(src));
        for (k, v) in entries {
            vm.table_insert(d, k, v)?;
        }
        return Ok(());
    }
    // A mapping: anything with `keys()`.
    let keys_name = vm.intern_static("keys");
    let is_instance = matches!(arg, Value::Obj(a) if matches!(vm.heap.get(a), Object::Instance(_) | Object::FrameLocals(_)));
    if is_instance && let Some(keys) = vm.getattr_opt(arg, keys_name)? {
        let ks = vm.call(keys, &[], &[])?;
        let ks = vm.collect_iterable(ks)?;
        vm.temp_roots.extend(ks.iter().copied());
        for k in ks {
            let v = vm.getitem(arg, k)?;
            vm.table_insert(d, k, v)?;
        }
        return Ok(());
    }
    // An iterable of pairs.
    let it = vm.get_iter(arg)?;
    vm.temp_roots.push(it);
    let mut n = 0usize;
    while let Some(item) = vm.iter_next(it)? {
        vm.temp_roots.push(item);
        let pair = match vm.collect_iterable(item) {
            Ok(p) => p,
            Err(e) => {
                if vm.exception_matches(ExcKind::TypeError) {
                    vm.take_exception();
                    let msg = format!(
                        "cannot convert dictionary update sequence element #{n} to a sequence"
                    );
                    return vm.err(ExcKind::TypeError, msg);
                }
                return Err(e);
            }
        };
        let [k, v] = pair[..] else {
            let msg = format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                pair.len()
            );
            return vm.err(ExcKind::ValueError, msg);
        };
        vm.temp_roots.extend([k, v]);
        vm.table_insert(d, k, v)?;
        n += 1;
    }
    Ok(())
}

/// Whether a dict subclass instance defines its own `keys` (then it is used as a mapping).
fn has_keys_override(vm: &mut Vm, v: Value) -> bool {
    let ty = vm.type_of(v);
    let dict_keys = vm.lookup_in_mro_str(vm.types.dict, "keys");
    match (vm.lookup_in_mro_str(ty, "keys"), dict_keys) {
        (Some(a), Some(b)) => !a.is(b),
        _ => false,
    }
}
