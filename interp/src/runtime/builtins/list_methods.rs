//! `list` methods. Searches re-read the list at every step, because an `__eq__` may mutate
//! it, as CPython's do.

use super::args::{check_count, index_clamped, index_i64, no_kwargs, take_kwargs, this_list};
use super::sort::sort_values;
use crate::runtime::object::Object;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let l = vm.types.list;
    let methods: &[(&'static str, crate::runtime::object::NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
    ];
    for &(name, f) in methods {
        vm.add_method(l, name, f);
    }
}

fn items_mut(vm: &mut Vm, r: ObjRef) -> Option<&mut Vec<Value>> {
    match vm.heap.get_mut(r) {
        Object::List(items) => Some(items),
        _ => None,
    }
}

fn list_len(vm: &Vm, r: ObjRef) -> usize {
    match vm.heap.get(r) {
        Object::List(items) => items.len(),
        _ => 0,
    }
}

fn item_at(vm: &Vm, r: ObjRef, i: usize) -> Option<Value> {
    match vm.heap.get(r) {
        Object::List(items) => items.get(i).copied(),
        _ => None,
    }
}

fn append(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let l = this_list(vm, args, "append")?;
    if args.len() != 2 {
        let msg = format!(
            "list.append() takes exactly one argument ({} given)",
            args.len() - 1
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    if let Some(items) = items_mut(vm, l) {
        items.push(args[1]);
    }
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let l = this_list(vm, args, "extend")?;
    check_count(vm, &args[1..], "extend", 1, 1)?;
    let new = vm.collect_iterable(args[1])?;
    if let Some(items) = items_mut(vm, l) {
        items.extend(new);
    }
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let l = this_list(vm, args, "insert")?;
    check_count(vm, &args[1..], "insert", 2, 2)?;
    // A Py_ssize_t argument in CPython: a huge index is an OverflowError, not clamped.
    let i = index_i64(vm, args[1])?;
    let len = list_len(vm, l) as i64;
    let pos = if i < 0 {
        (i.saturating_add(len)).max(0)
    } else {
        i.min(len)
    } as usize;
    if let Some(items) = items_mut(vm, l) {
        items.insert(pos, args[2]);
    }
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let l = this_list(vm, args, "pop")?;
    check_count(vm, &args[1..], "pop", 0, 1)?;
    // The argument is converted (a Py_ssize_t, as in CPython) before the list is looked at.
    let i = match args.get(1) {
        Some(&v) => index_i64(vm, v)?,
        None => -1,
    };
    let len = list_len(vm, l);
    if len == 0 {
        return vm.err(ExcKind::IndexError, "pop from empty list");
    }
    let i = if i < 0 {
        i.saturating_add(len as i64)
    } else {
        i
    };
    if i < 0 || i >= len as i64 {
        return vm.err(ExcKind::IndexError, "pop index out of range");
    }
    Ok(items_mut(vm, l)
        .map(|items| items.remove(i as usize))
        .unwrap_or(Value::None))
}

/// The first index in `start..stop` (re-clamped to the current length) holding `x`.
fn find(vm: &mut Vm, l: ObjRef, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    vm.temp_roots.push(x);
    let mut i = start;
    let result = loop {
        if i >= stop.min(list_len(vm, l)) {
            break Ok(None);
        }
        let Some(item) = item_at(vm, l, i) else {
            break Ok(None);
        };
        match vm.eq(item, x) {
            Ok(true) => break Ok(Some(i)),
            Ok(false) => i += 1,
            Err(e) => break Err(e),
        }
    };
    vm.temp_roots.pop();
    result
}

fn remove(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let l = this_list(vm, args, "remove")?;
    check_count(vm, &args[1..], "remove", 1, 1)?;
    match find(vm, l, args[1], 0, usize::MAX)? {
        Some(i) => {
            if let Some(items) = items_mut(vm, l)
                && i < items.len()
            {
                items.remove(i);
            }
            Ok(Value::None)
        }
        None => vm.err(ExcKind::ValueError, "list.remove(x): x not in list"),
    }
}

/// Resolves optional `start`/`stop` arguments of `index` against a length.
pub fn search_bounds(vm: &mut Vm, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let resolve = |vm: &mut Vm, v: Option<&Value>, default: usize| -> PyResult<usize> {
        match v {
            None => Ok(default),
            Some(&v) => {
                let i = index_clamped(vm, v)?;
                let i = if i < 0 {
                    i.saturating_add(len as i64).max(0)
                } else {
                    i
                };
                Ok(usize::try_from(i).unwrap_or(usize::MAX))
            }
        }
    };
    let start = resolve(vm, args.first(), 0)?;
    let stop = resolve(vm, args.get(1), len)?;
    Ok((start, stop))
}

fn index(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let l = this_list(vm, args, "index")?;
    check_count(vm, &args[1..], "index", 1, 3)?;
    let len = list_len(vm, l);
    let (start, stop) = search_bounds(vm, &args[2..], len)?;
    match find(vm, l, args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(args[1])?;
            vm.err(ExcKind::ValueError, format!("{r} is not in list"))
        }
    }
}

fn count(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let l = this_list(vm, args, "count")?;
    check_count(vm, &args[1..], "count", 1, 1)?;
    let x = args[1];
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = item_at(vm, l, i) {
        if vm.eq(item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let l = this_list(vm, args, "sort")?;
    if args.len() > 1 {
        return vm.err(ExcKind::TypeError, "sort() takes no positional arguments");
    }
    let [key, reverse] = take_kwargs(vm, kwargs, "sort", ["key", "reverse"])?;
    let reverse = match reverse {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    // CPython empties the list while sorting so that mutation by a key can be detected.
    let mut items = items_mut(vm, l).map(std::mem::take).unwrap_or_default();
    let result = sort_values(vm, &mut items, key, reverse);
    let modified = list_len(vm, l) != 0;
    if let Some(slot) = items_mut(vm, l) {
        *slot = items;
    }
    result?;
    if modified {
        return vm.err(ExcKind::ValueError, "list modified during sort");
    }
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    no_kwargs(vm, kwargs, "reverse")?;
    let l = this_list(vm, args, "reverse")?;
    if let Some(items) = items_mut(vm, l) {
        items.reverse();
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let l = this_list(vm, args, "copy")?;
    let items = vm.seq_items(Value::Obj(l));
    Ok(vm.new_list(items))
}

fn clear(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let l = this_list(vm, args, "clear")?;
    if let Some(items) = items_mut(vm, l) {
        items.clear();
    }
    Ok(Value::None)
}
