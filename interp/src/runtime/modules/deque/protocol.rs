//! What the runtime's generic protocols do with a deque: subscripts (`d[i]` reads the ring
//! buffer with no call), membership, comparison, `+`/`*` and their in-place forms, repr.

use super::{PyDeque, methods};
use crate::runtime::object::Object;
use crate::runtime::ops::{BinOp, CmpOp};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{PyResult, Raised};

pub fn deque_ref(vm: &Vm, r: ObjRef) -> Option<&PyDeque> {
    match vm.heap.get(r) {
        Object::Deque(d) => Some(d),
        _ => None,
    }
}

pub fn deque_mut(vm: &mut Vm, r: ObjRef) -> &mut PyDeque {
    match vm.heap.get_mut(r) {
        Object::Deque(d) => d,
        _ => unreachable!("checked to be a deque"),
    }
}

/// The deque a value is or extends (a subclass instance's base value).
pub fn as_deque(vm: &Vm, v: Value) -> Option<ObjRef> {
    match vm.base_value(v) {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Deque(_)) => Some(r),
        _ => None,
    }
}

pub fn len_of(vm: &Vm, r: ObjRef) -> usize {
    deque_ref(vm, r).map_or(0, |d| d.items.len())
}

/// Resolves an item index as `deque_item` does; `None` when out of range.
#[inline]
fn index(vm: &mut Vm, key: Value, len: usize) -> PyResult<Option<usize>> {
    let i = match key {
        Value::Int(i) => i,
        _ => index_slow(vm, key)?,
    };
    let i = if i < 0 { i.wrapping_add(len as i64) } else { i };
    Ok((i >= 0 && (i as u64) < len as u64).then_some(i as usize))
}

#[cold]
fn index_slow(vm: &mut Vm, key: Value) -> PyResult<i64> {
    match key {
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(r) if matches!(vm.heap.get(r), Object::BigInt(_)) => vm.err(
            ExcKind::IndexError,
            "cannot fit 'int' into an index-sized integer",
        ),
        _ => match vm.user_index(key)? {
            Some(i) => Ok(i),
            None => {
                let msg = format!(
                    "sequence index must be integer, not '{}'",
                    vm.type_name(key)
                );
                vm.err(ExcKind::TypeError, msg)
            }
        },
    }
}

#[cold]
fn out_of_range(vm: &mut Vm) -> Raised {
    vm.raise(ExcKind::IndexError, "deque index out of range")
}

/// `d[i]`.
#[inline]
pub fn getitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<Value> {
    let len = len_of(vm, r);
    match index(vm, key, len)? {
        Some(i) => match deque_ref(vm, r).and_then(|d| d.items.get(i)) {
            Some(&v) => Ok(v),
            None => Err(out_of_range(vm)),
        },
        None => Err(out_of_range(vm)),
    }
}

/// `d[i] = x` (the deque's state does not move: iterators carry on, as in CPython).
pub fn setitem(vm: &mut Vm, r: ObjRef, key: Value, value: Value) -> PyResult<()> {
    let len = len_of(vm, r);
    let i = index(vm, key, len)?;
    match i.and_then(|i| deque_mut(vm, r).items.get_mut(i)) {
        Some(slot) => {
            *slot = value;
            Ok(())
        }
        None => Err(out_of_range(vm)),
    }
}

/// `del d[i]`.
pub fn delitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<()> {
    let len = len_of(vm, r);
    match index(vm, key, len)? {
        Some(i) if i < len_of(vm, r) => {
            let d = deque_mut(vm, r);
            d.items.remove(i);
            d.touch();
            Ok(())
        }
        _ => Err(out_of_range(vm)),
    }
}

/// `x == y` for an item, rooting both while Python code may run.
pub fn eq_item(vm: &mut Vm, x: Value, y: Value) -> PyResult<bool> {
    if let Some(same) = vm.eq_fast(x, y) {
        return Ok(same);
    }
    vm.temp_roots.extend([x, y]);
    let r = vm.eq(x, y);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    r
}

#[cold]
pub fn mutated(vm: &mut Vm) -> Raised {
    vm.raise(ExcKind::RuntimeError, "deque mutated during iteration")
}

/// The first position in `range` holding an item equal to `needle`; a change of the deque
/// during a comparison is a RuntimeError, as in CPython's `deque_index`/`deque_contains`.
pub fn find(
    vm: &mut Vm,
    r: ObjRef,
    needle: Value,
    range: std::ops::Range<usize>,
) -> PyResult<Option<usize>> {
    let state = deque_ref(vm, r).map_or(0, |d| d.state);
    for i in range {
        let Some(&x) = deque_ref(vm, r).and_then(|d| d.items.get(i)) else {
            break;
        };
        let same = eq_item(vm, x, needle)?;
        if deque_ref(vm, r).map_or(0, |d| d.state) != state {
            return Err(mutated(vm));
        }
        if same {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// `x in d`.
pub fn contains(vm: &mut Vm, r: ObjRef, needle: Value) -> PyResult<bool> {
    let len = len_of(vm, r);
    Ok(find(vm, r, needle, 0..len)?.is_some())
}

/// A rich comparison of two deques, as `deque_richcompare`: equal-length test first for
/// `==`/`!=`, then the first differing pair decides.
pub fn compare(vm: &mut Vm, a: ObjRef, b: ObjRef, op: CmpOp) -> PyResult<Value> {
    let (la, lb) = (len_of(vm, a), len_of(vm, b));
    if la != lb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    let item =
        |vm: &Vm, r: ObjRef, i: usize| deque_ref(vm, r).and_then(|d| d.items.get(i)).copied();
    let mut i = 0;
    while let (Some(x), Some(y)) = (item(vm, a, i), item(vm, b, i)) {
        if !x.is(y) && !eq_item(vm, x, y)? {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(false)),
                CmpOp::Ne => Ok(Value::Bool(true)),
                _ => {
                    vm.temp_roots.extend([x, y]);
                    let r = vm.compare(x, y, op);
                    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
                    r
                }
            };
        }
        i += 1;
    }
    let (la, lb) = (len_of(vm, a), len_of(vm, b));
    Ok(Value::Bool(op.test(la.cmp(&lb))))
}

/// `d + e` and `d * n`/`n * d` where an operand is a deque itself (a subclass instance goes
/// through the type's `__add__`/`__mul__`); `None` when deques do not handle it.
pub fn binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let is_deque = |vm: &Vm, v: Value| match v {
        Value::Obj(r) => deque_ref(vm, r).is_some(),
        _ => false,
    };
    let (left, right) = (is_deque(vm, a), is_deque(vm, b));
    match op {
        BinOp::Add if left => methods::concat(vm, a, b).map(Some),
        BinOp::Mul if left => methods::repeat(vm, a, b).map(Some),
        BinOp::Mul if right && !matches!(a, Value::Obj(_)) => methods::repeat(vm, b, a).map(Some),
        _ => Ok(None),
    }
}

/// `d += x` / `d *= n` on the deque `target`; `false` when deques do not handle it.
pub fn inplace(vm: &mut Vm, target: ObjRef, b: Value, op: BinOp) -> PyResult<bool> {
    if deque_ref(vm, target).is_none() {
        return Ok(false);
    }
    match op {
        BinOp::Add => {
            methods::extend_with(vm, target, b, false)?;
            Ok(true)
        }
        BinOp::Mul => {
            let n = methods::repeat_count(vm, b)?;
            methods::repeat_in_place(vm, target, n)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// `repr(d)` under the type name `name`: `deque([1, 2])`, `deque([], maxlen=3)`; a deque
/// inside itself shows as `[...]`, as CPython's `deque_repr`.
pub fn repr(vm: &mut Vm, r: ObjRef, name: &str) -> PyResult<String> {
    vm.guarded(r, "[...]", |vm| {
        let d = deque_ref(vm, r).expect("deque");
        let maxlen = d.maxlen;
        let items: Vec<Value> = d.items.iter().copied().collect();
        let list = vm.new_list(items);
        vm.temp_roots.push(list);
        let body = vm.repr(list);
        vm.temp_roots.pop();
        let body = body?;
        Ok(match maxlen {
            Some(m) => format!("{name}({body}, maxlen={m})"),
            None => format!("{name}({body})"),
        })
    })
}
