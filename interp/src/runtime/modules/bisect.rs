//! `_bisect`: binary search and insertion natively, as CPython's `_bisectmodule.c` (the same
//! comparisons in the same order, `key=` applied to the probed items only). `bisect.py`
//! imports these over its Python versions.

use super::add_functions;
use crate::num::int_ops::PyInt;
use crate::runtime::object::{NativeFn, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("bisect_right", bisect_right),
        ("bisect_left", bisect_left),
        ("insort_right", insort_right),
        ("insort_left", insort_left),
    ];
    add_functions(vm, dict, fns)
}

struct Args {
    seq: Value,
    item: Value,
    lo: i64,
    /// `None` for "the length of the sequence".
    hi: Option<i64>,
    key: Value,
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.to_pyint(v) {
        Some(PyInt::Small(i)) if !matches!(v, Value::Float(_)) => Ok(i),
        Some(PyInt::Big(_)) => vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        ),
        _ => {
            let msg = format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            );
            vm.err(ExcKind::TypeError, msg)
        }
    }
}

/// Parses `(a, x, lo=0, hi=None, *, key=None)` with Argument Clinic's messages.
fn parse(vm: &mut Vm, name: &str, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Args> {
    if args.len() > 4 {
        let msg = format!(
            "{name}() takes at most 4 positional arguments ({} given)",
            args.len()
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let mut slots = [Value::Null; 5];
    slots[..args.len()].copy_from_slice(args);
    const NAMES: [&str; 5] = ["a", "x", "lo", "hi", "key"];
    for &(k, v) in kwargs {
        let key = vm.as_str(k).unwrap_or("").to_string();
        let Some(i) = NAMES.iter().position(|&n| n == key) else {
            let msg = format!("'{key}' is an invalid keyword argument for {name}()");
            return vm.err(ExcKind::TypeError, msg);
        };
        if !slots[i].is_null() {
            let msg = format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                i + 1
            );
            return vm.err(ExcKind::TypeError, msg);
        }
        slots[i] = v;
    }
    for (i, &n) in NAMES[..2].iter().enumerate() {
        if slots[i].is_null() {
            let msg = format!("{name}() missing required argument '{n}' (pos {})", i + 1);
            return vm.err(ExcKind::TypeError, msg);
        }
    }
    let lo = if slots[2].is_null() {
        0
    } else {
        int_arg(vm, slots[2])?
    };
    let hi = match slots[3] {
        Value::Null | Value::None => None,
        v => Some(int_arg(vm, v)?),
    };
    let key = if slots[4].is_null() {
        Value::None
    } else {
        slots[4]
    };
    Ok(Args {
        seq: slots[0],
        item: slots[1],
        lo,
        hi,
        key,
    })
}

/// CPython's `internal_bisect_right` / `internal_bisect_left`.
fn search(vm: &mut Vm, a: &Args, item: Value, right: bool) -> PyResult<i64> {
    let mut lo = a.lo;
    if lo < 0 {
        return vm.err(ExcKind::ValueError, "lo must be non-negative");
    }
    let mut hi = match a.hi {
        Some(hi) => hi,
        None => vm.len(a.seq)? as i64,
    };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut probe = vm.getitem(a.seq, Value::Int(mid))?;
        if !a.key.is_none() {
            vm.temp_roots.push(probe);
            let keyed = vm.call(a.key, &[probe], &[]);
            vm.temp_roots.pop();
            probe = keyed?;
        }
        vm.temp_roots.push(probe);
        let less = if right {
            vm.lt(item, probe)
        } else {
            vm.lt(probe, item)
        };
        vm.temp_roots.pop();
        match (less?, right) {
            (true, true) | (false, false) => hi = mid,
            (false, true) | (true, false) => lo = mid + 1,
        }
    }
    Ok(lo)
}

fn bisect(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: Kwargs<'_>,
    right: bool,
) -> PyResult<Value> {
    let a = parse(vm, name, args, kwargs)?;
    search(vm, &a, a.item, right).map(Value::Int)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    bisect(vm, "bisect_right", args, kwargs, true)
}

fn bisect_left(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    bisect(vm, "bisect_left", args, kwargs, false)
}

fn insort(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: Kwargs<'_>,
    right: bool,
) -> PyResult<Value> {
    let a = parse(vm, name, args, kwargs)?;
    let probe = if a.key.is_none() {
        a.item
    } else {
        vm.call(a.key, &[a.item], &[])?
    };
    vm.temp_roots.push(probe);
    let index = search(vm, &a, probe, right);
    vm.temp_roots.pop();
    let index = index?;
    if let Value::Obj(r) = a.seq
        && let Object::List(items) = vm.heap.get_mut(r)
    {
        let at = usize::try_from(index).unwrap_or(0).min(items.len());
        items.insert(at, a.item);
        return Ok(Value::None);
    }
    let insert = vm.intern_static("insert");
    let method = vm.getattr(a.seq, insert)?;
    vm.call(method, &[Value::Int(index), a.item], &[])?;
    Ok(Value::None)
}

fn insort_right(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    insort(vm, "insort_right", args, kwargs, true)
}

fn insort_left(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    insort(vm, "insort_left", args, kwargs, false)
}
