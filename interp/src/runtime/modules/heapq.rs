//! `_heapq`: the heap primitives natively, step for step as CPython's `_heapqmodule.c` (the
//! same comparisons in the same order, the cache-friendly `heapify` for big lists), so heaps
//! come out identical, ties included. `heapq.py` imports them over its Python versions.
//!
//! Comparisons may run Python code (`__lt__`), which may change the list: like CPython, every
//! step re-reads the list and fails with RuntimeError if its size changed.

use super::add_functions;
use crate::runtime::object::{NativeFn, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapify", heapify),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
    ];
    add_functions(vm, dict, fns)
}

fn arity(vm: &mut Vm, args: &[Value], name: &str, n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    let msg = if n == 1 {
        format!("{name}() takes exactly one argument ({} given)", args.len())
    } else {
        format!("{name} expected {n} arguments, got {}", args.len())
    };
    vm.err(ExcKind::TypeError, msg)
}

/// The list behind the `heap` argument (a list or an instance of a list subclass), with
/// Argument Clinic's error otherwise.
fn heap_list(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<ObjRef> {
    let v = args[0];
    match vm.base_value(v) {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::List(_)) => Ok(r),
        _ => {
            let which = if args.len() == 1 { "" } else { " 1" };
            let msg = format!(
                "{name}() argument{which} must be list, not {}",
                vm.type_name(v)
            );
            vm.err(ExcKind::TypeError, msg)
        }
    }
}

fn items(vm: &mut Vm, list: ObjRef) -> &mut Vec<Value> {
    match vm.heap.get_mut(list) {
        Object::List(items) => items,
        _ => unreachable!("heap_list checked the layout"),
    }
}

fn len(vm: &mut Vm, list: ObjRef) -> usize {
    items(vm, list).len()
}

fn changed_size<T>(vm: &mut Vm) -> PyResult<T> {
    vm.err(ExcKind::RuntimeError, "list changed size during iteration")
}

fn index_error<T>(vm: &mut Vm) -> PyResult<T> {
    vm.err(ExcKind::IndexError, "index out of range")
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn siftdown(vm: &mut Vm, list: ObjRef, start: usize, mut pos: usize) -> PyResult<()> {
    let size = len(vm, list);
    if pos >= size {
        return index_error(vm);
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let (newitem, parent) = {
            let arr = items(vm, list);
            (arr[pos], arr[parentpos])
        };
        let less = vm.lt(newitem, parent)?;
        if size != len(vm, list) {
            return changed_size(vm);
        }
        if !less {
            break;
        }
        items(vm, list).swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// Moves the smaller child up until `pos` is a leaf, then sifts the item there down.
fn siftup(vm: &mut Vm, list: ObjRef, mut pos: usize) -> PyResult<()> {
    let endpos = len(vm, list);
    let start = pos;
    if pos >= endpos {
        return index_error(vm);
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = {
                let arr = items(vm, list);
                (arr[childpos], arr[childpos + 1])
            };
            if !vm.lt(a, b)? {
                childpos += 1;
            }
            if endpos != len(vm, list) {
                return changed_size(vm);
            }
        }
        items(vm, list).swap(childpos, pos);
        pos = childpos;
    }
    siftdown(vm, list, start, pos)
}

fn heappush(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, args, "heappush", 2)?;
    let list = heap_list(vm, args, "heappush")?;
    let arr = items(vm, list);
    arr.push(args[1]);
    let last = arr.len() - 1;
    siftdown(vm, list, 0, last)?;
    Ok(Value::None)
}

fn heappop(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, args, "heappop", 1)?;
    let list = heap_list(vm, args, "heappop")?;
    let arr = items(vm, list);
    let Some(last) = arr.pop() else {
        return index_error(vm);
    };
    if arr.is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut arr[0], last);
    // The popped item is no longer in the list: keep it alive while comparisons run.
    vm.temp_roots.push(top);
    let r = siftup(vm, list, 0);
    vm.temp_roots.pop();
    r.map(|()| top)
}

fn heapreplace(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, args, "heapreplace", 2)?;
    let list = heap_list(vm, args, "heapreplace")?;
    let arr = items(vm, list);
    let Some(first) = arr.first_mut() else {
        return index_error(vm);
    };
    let top = std::mem::replace(first, args[1]);
    vm.temp_roots.push(top);
    let r = siftup(vm, list, 0);
    vm.temp_roots.pop();
    r.map(|()| top)
}

fn heappushpop(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, args, "heappushpop", 2)?;
    let list = heap_list(vm, args, "heappushpop")?;
    let item = args[1];
    let Some(&top) = items(vm, list).first() else {
        return Ok(item);
    };
    if !vm.lt(top, item)? {
        return Ok(item);
    }
    let arr = items(vm, list);
    let Some(first) = arr.first_mut() else {
        return index_error(vm);
    };
    let top = std::mem::replace(first, item);
    vm.temp_roots.push(top);
    let r = siftup(vm, list, 0);
    vm.temp_roots.pop();
    r.map(|()| top)
}

/// The largest power of two not above `n` (n > 0).
fn keep_top_bit(n: usize) -> usize {
    1 << (usize::BITS - 1 - n.leading_zeros())
}

fn heapify(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, args, "heapify", 1)?;
    let list = heap_list(vm, args, "heapify")?;
    let n = len(vm, list);
    if n > 2500 {
        // CPython's cache-friendly order: whole subtrees are finished while they are in cache.
        let m = n >> 1;
        let leftmost = keep_top_bit(m + 1) - 1;
        let mhalf = m >> 1;
        for range in [(mhalf, leftmost), (leftmost, m)] {
            for i in (range.0..range.1).rev() {
                let mut j = i;
                loop {
                    siftup(vm, list, j)?;
                    if j & 1 == 0 {
                        break;
                    }
                    j >>= 1;
                }
            }
        }
    } else {
        for i in (0..n >> 1).rev() {
            siftup(vm, list, i)?;
        }
    }
    Ok(Value::None)
}
