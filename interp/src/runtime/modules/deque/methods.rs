//! `collections.deque`'s methods, with CPython 3.11's argument checks and messages.

use super::protocol::{self, as_deque, deque_mut, deque_ref, eq_item, find, len_of};
use super::{PyDeque, new_deque};
use crate::runtime::builtins::args::{index_clamped, index_i64};
use crate::runtime::object::NativeFn;
use crate::runtime::ops::CmpOp;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub const METHODS: &[(&str, NativeFn)] = &[
    ("append", append),
    ("appendleft", appendleft),
    ("pop", pop),
    ("popleft", popleft),
    ("extend", extend),
    ("extendleft", extendleft),
    ("rotate", rotate),
    ("clear", clear),
    ("copy", copy),
    ("__copy__", copy),
    ("count", count),
    ("index", index),
    ("insert", insert),
    ("remove", remove),
    ("reverse", reverse),
    ("__reversed__", reversed),
    ("__repr__", repr),
    ("__add__", add),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__iadd__", iadd),
    ("__imul__", imul),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
];

/// How a method takes its arguments, for CPython's count messages.
#[derive(Clone, Copy)]
enum Arity {
    /// METH_NOARGS.
    None,
    /// METH_O.
    One,
    /// Argument Clinic's positional range (`deque.rotate expected at most 1 argument`).
    Range(usize, usize),
}

/// `self` as a deque (subclass instances unwrapped), checking the argument count.
fn receiver(vm: &mut Vm, args: &[Value], name: &str, arity: Arity) -> PyResult<ObjRef> {
    let Some(&this) = args.first() else {
        let msg = format!("unbound method deque.{name}() needs an argument");
        return vm.err(ExcKind::TypeError, msg);
    };
    let Some(r) = as_deque(vm, this) else {
        let msg = format!(
            "descriptor '{name}' for 'collections.deque' objects doesn't apply to a '{}' object",
            vm.type_name(this)
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    let n = args.len() - 1;
    let msg = match arity {
        Arity::None if n != 0 => format!("deque.{name}() takes no arguments ({n} given)"),
        Arity::One if n != 1 => format!("deque.{name}() takes exactly one argument ({n} given)"),
        Arity::Range(min, max) if n < min || n > max => {
            let (bound, word) = if n < min {
                (min, "at least")
            } else {
                (max, "at most")
            };
            let s = if bound == 1 { "" } else { "s" };
            format!("deque.{name} expected {word} {bound} argument{s}, got {n}")
        }
        _ => return Ok(r),
    };
    vm.err(ExcKind::TypeError, msg)
}

fn append(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "append", Arity::One)?;
    deque_mut(vm, r).push_back(args[1]);
    Ok(Value::None)
}

fn appendleft(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "appendleft", Arity::One)?;
    deque_mut(vm, r).push_front(args[1]);
    Ok(Value::None)
}

fn pop_end(vm: &mut Vm, args: &[Value], name: &str, left: bool) -> PyResult<Value> {
    let r = receiver(vm, args, name, Arity::None)?;
    let d = deque_mut(vm, r);
    let v = if left {
        d.items.pop_front()
    } else {
        d.items.pop_back()
    };
    match v {
        Some(v) => {
            d.touch();
            Ok(v)
        }
        None => vm.err(ExcKind::IndexError, "pop from an empty deque"),
    }
}

fn pop(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    pop_end(vm, args, "pop", false)
}

fn popleft(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    pop_end(vm, args, "popleft", true)
}

/// Appends (or prepends) the items of any iterable one at a time, as CPython does: an error
/// midway leaves the earlier ones in. The deque extending itself takes a copy first.
pub fn extend_with(vm: &mut Vm, r: ObjRef, iterable: Value, left: bool) -> PyResult<()> {
    if as_deque(vm, iterable) == Some(r) {
        let items: Vec<Value> = deque_ref(vm, r)
            .expect("deque")
            .items
            .iter()
            .copied()
            .collect();
        let d = deque_mut(vm, r);
        for v in items {
            if left {
                d.push_front(v);
            } else {
                d.push_back(v);
            }
        }
        return Ok(());
    }
    let it = vm.get_iter(iterable)?;
    vm.temp_roots.push(it);
    let result = (|| {
        while let Some(v) = vm.iter_next(it)? {
            let d = deque_mut(vm, r);
            if left {
                d.push_front(v);
            } else {
                d.push_back(v);
            }
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    result
}

fn extend(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "extend", Arity::One)?;
    extend_with(vm, r, args[1], false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "extendleft", Arity::One)?;
    extend_with(vm, r, args[1], true)?;
    Ok(Value::None)
}

/// An int argument converted as `PyNumber_AsSsize_t` would.
fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    index_i64(vm, v)
}

fn rotate(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "rotate", Arity::Range(0, 1))?;
    let n = match args.get(1) {
        Some(&v) => ssize_arg(vm, v)?,
        None => 1,
    };
    rotate_by(vm, r, n);
    Ok(Value::None)
}

fn rotate_by(vm: &mut Vm, r: ObjRef, n: i64) {
    let d = deque_mut(vm, r);
    let len = d.items.len();
    if len <= 1 {
        return;
    }
    d.touch();
    let k = n.rem_euclid(len as i64) as usize;
    d.items.rotate_right(k);
}

fn clear(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "clear", Arity::None)?;
    let d = deque_mut(vm, r);
    if !d.items.is_empty() {
        d.items.clear();
        d.touch();
    }
    Ok(Value::None)
}

/// `d.copy()`: a plain deque copies natively; a subclass is called as
/// `type(d)(d)` or `type(d)(d, maxlen)`, as CPython's `deque_copy`.
pub fn copy_of(vm: &mut Vm, this: Value) -> PyResult<Value> {
    let r = as_deque(vm, this).expect("a deque");
    let d = deque_ref(vm, r).expect("deque");
    if this.is(Value::Obj(r)) {
        let copy = PyDeque {
            items: d.items.clone(),
            maxlen: d.maxlen,
            state: 0,
        };
        return Ok(new_deque(vm, copy));
    }
    let maxlen = d.maxlen;
    let ty = vm.type_of(this);
    let result = match maxlen {
        Some(m) => vm.call(Value::Obj(ty), &[this, Value::Int(m as i64)], &[])?,
        None => vm.call(Value::Obj(ty), &[this], &[])?,
    };
    if as_deque(vm, result).is_none() {
        let msg = format!(
            "{}() must return a deque, not {}",
            vm.type_name(this),
            vm.type_name(result)
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    Ok(result)
}

fn copy(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    receiver(vm, args, "copy", Arity::None)?;
    copy_of(vm, args[0])
}

fn count(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "count", Arity::One)?;
    let needle = args[1];
    let state = deque_ref(vm, r).map_or(0, |d| d.state);
    let mut n = 0;
    let mut i = 0;
    while let Some(&x) = deque_ref(vm, r).and_then(|d| d.items.get(i)) {
        if eq_item(vm, x, needle)? {
            n += 1;
        }
        if deque_ref(vm, r).map_or(0, |d| d.state) != state {
            return Err(protocol::mutated(vm));
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

/// A `start`/`stop` bound of `index`, as `_PyEval_SliceIndexNotNone`.
fn slice_bound(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    let i = match v {
        Value::Int(i) => i,
        _ if vm.to_pyint(v).is_some() => index_clamped(vm, v)?,
        _ => match vm.user_index(v)? {
            Some(i) => i,
            None => {
                return vm.err(
                    ExcKind::TypeError,
                    "slice indices must be integers or have an __index__ method",
                );
            }
        },
    };
    let i = if i < 0 {
        i.saturating_add(len as i64).max(0)
    } else {
        i
    };
    Ok((i as u64).min(len as u64) as usize)
}

fn index(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let n = args.len().saturating_sub(1);
    if !(1..=3).contains(&n) {
        let msg = if n == 0 {
            "index() takes at least 1 argument (0 given)".to_string()
        } else {
            format!("index() takes at most 3 arguments ({n} given)")
        };
        // The receiver's own check still comes first.
        receiver(vm, args, "index", Arity::Range(0, usize::MAX))?;
        return vm.err(ExcKind::TypeError, msg);
    }
    let r = receiver(vm, args, "index", Arity::Range(1, 3))?;
    let len = len_of(vm, r);
    let start = match args.get(2) {
        Some(&v) => slice_bound(vm, v, len)?,
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&v) => slice_bound(vm, v, len)?,
        None => len,
    };
    let needle = args[1];
    match find(vm, r, needle, start..stop.max(start))? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let msg = format!("{} is not in deque", vm.repr(needle)?);
            vm.err(ExcKind::ValueError, msg)
        }
    }
}

fn insert(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let n = args.len().saturating_sub(1);
    if n != 2 {
        receiver(vm, args, "insert", Arity::Range(0, usize::MAX))?;
        let msg = format!("insert() takes exactly 2 arguments ({n} given)");
        return vm.err(ExcKind::TypeError, msg);
    }
    let r = receiver(vm, args, "insert", Arity::Range(2, 2))?;
    let i = ssize_arg(vm, args[1])?;
    let d = deque_mut(vm, r);
    let len = d.items.len();
    if d.maxlen == Some(len) {
        return vm.err(ExcKind::IndexError, "deque already at its maximum size");
    }
    let pos = if i < 0 {
        i.saturating_add(len as i64).max(0) as usize
    } else {
        (i as u64).min(len as u64) as usize
    };
    d.items.insert(pos, args[2]);
    d.touch();
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "remove", Arity::One)?;
    let needle = args[1];
    let len = len_of(vm, r);
    let state = deque_ref(vm, r).map_or(0, |d| d.state);
    for i in 0..len {
        let Some(&x) = deque_ref(vm, r).and_then(|d| d.items.get(i)) else {
            break;
        };
        let same = eq_item(vm, x, needle)?;
        if deque_ref(vm, r).map_or(0, |d| d.state) != state {
            // CPython 3.11 raises IndexError here, unlike `count` and `index`.
            return vm.err(ExcKind::IndexError, "deque mutated during iteration");
        }
        if same {
            let d = deque_mut(vm, r);
            d.items.remove(i);
            d.touch();
            return Ok(Value::None);
        }
    }
    let msg = format!("{} is not in deque", vm.repr(needle)?);
    vm.err(ExcKind::ValueError, msg)
}

fn reverse(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "reverse", Arity::None)?;
    deque_mut(vm, r).items.make_contiguous().reverse();
    Ok(Value::None)
}

fn reversed(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "__reversed__", Arity::None)?;
    Ok(super::iterator(vm, r, true))
}

fn repr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "__repr__", Arity::None)?;
    let name = vm.type_name(args[0]);
    let text = protocol::repr(vm, r, &name)?;
    Ok(vm.new_str(text))
}

/// The `maxlen` property.
pub fn maxlen(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "maxlen", Arity::None)?;
    Ok(match deque_ref(vm, r).and_then(|d| d.maxlen) {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

/// `d + other`: a copy of `d` (of its type) extended by `other`, which must be a deque.
pub fn concat(vm: &mut Vm, this: Value, other: Value) -> PyResult<Value> {
    if as_deque(vm, other).is_none() {
        let msg = format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(other)
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let result = copy_of(vm, this)?;
    vm.temp_roots.push(result);
    let r = as_deque(vm, result).expect("a deque");
    let extended = extend_with(vm, r, other, false);
    vm.temp_roots.pop();
    extended.map(|()| result)
}

/// A repeat count for `*`, or the sequence TypeError.
pub fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<i64> {
    match n {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        _ => match vm.to_pyint(n) {
            Some(i) if i.is_negative() => Ok(0),
            Some(_) => Err(vm.memory_error()),
            None => match vm.user_index(n)? {
                Some(i) => Ok(i),
                None => {
                    let msg = format!(
                        "can't multiply sequence by non-int of type '{}'",
                        vm.type_name(n)
                    );
                    vm.err(ExcKind::TypeError, msg)
                }
            },
        },
    }
}

/// `d *= n`: the items `n` times over, keeping the last `maxlen` of them.
pub fn repeat_in_place(vm: &mut Vm, r: ObjRef, n: i64) -> PyResult<()> {
    let d = deque_mut(vm, r);
    let len = d.items.len();
    if n <= 0 || len == 0 {
        if len > 0 {
            d.items.clear();
            d.touch();
        }
        return Ok(());
    }
    if n == 1 {
        return Ok(());
    }
    let total = (len as u128) * (n as u128);
    let keep = match d.maxlen {
        Some(m) => total.min(m as u128),
        None => total,
    };
    if keep > (isize::MAX as u128) / std::mem::size_of::<Value>() as u128 {
        return Err(vm.memory_error());
    }
    let keep = keep as usize;
    // The kept tail starts `keep` items before the end of the repeated sequence, which ends
    // with a whole copy.
    let first = (len - keep % len) % len;
    let mut out = std::collections::VecDeque::new();
    if out.try_reserve(keep).is_err() {
        return Err(vm.memory_error());
    }
    let d = deque_mut(vm, r);
    for k in 0..keep {
        out.push_back(d.items[(first + k) % len]);
    }
    d.items = out;
    d.touch();
    Ok(())
}

/// `d * n` / `n * d`: a copy of `d` (of its type) repeated.
pub fn repeat(vm: &mut Vm, this: Value, n: Value) -> PyResult<Value> {
    let n = repeat_count(vm, n)?;
    let result = copy_of(vm, this)?;
    vm.temp_roots.push(result);
    let r = as_deque(vm, result).expect("a deque");
    let done = repeat_in_place(vm, r, n);
    vm.temp_roots.pop();
    done.map(|()| result)
}

fn add(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    receiver(vm, args, "__add__", Arity::One)?;
    concat(vm, args[0], args[1])
}

fn mul(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    receiver(vm, args, "__mul__", Arity::One)?;
    repeat(vm, args[0], args[1])
}

fn iadd(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "__iadd__", Arity::One)?;
    extend_with(vm, r, args[1], false)?;
    Ok(args[0])
}

fn imul(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "__imul__", Arity::One)?;
    let n = repeat_count(vm, args[1])?;
    repeat_in_place(vm, r, n)?;
    Ok(args[0])
}

/// A rich comparison method: `NotImplemented` unless both sides are deques.
fn richcompare(vm: &mut Vm, args: &[Value], name: &str, op: CmpOp) -> PyResult<Value> {
    let r = receiver(vm, args, name, Arity::One)?;
    match as_deque(vm, args[1]) {
        Some(other) => protocol::compare(vm, r, other, op),
        None => Ok(vm.not_implemented),
    }
}

fn eq(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    richcompare(vm, args, "__eq__", CmpOp::Eq)
}

fn ne(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    richcompare(vm, args, "__ne__", CmpOp::Ne)
}

fn lt(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    richcompare(vm, args, "__lt__", CmpOp::Lt)
}

fn le(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    richcompare(vm, args, "__le__", CmpOp::Le)
}

fn gt(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    richcompare(vm, args, "__gt__", CmpOp::Gt)
}

fn ge(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    richcompare(vm, args, "__ge__", CmpOp::Ge)
}
