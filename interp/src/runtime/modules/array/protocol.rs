//! What the runtime's generic protocols do with an `array.array`: subscripts (the hot path:
//! `a[i]` and `a[i] = x` read and write the typed buffer with no call), membership,
//! comparison, `+`/`*` and their in-place forms, repr, and the raw buffer `bytes(a)` reads.

use super::convert::{to_scalar, to_value};
use super::storage::{PyArray, Scalar};
use crate::runtime::object::Object;
use crate::runtime::ops::{BinOp, CmpOp};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{PyResult, Raised};

pub fn array_ref(vm: &Vm, r: ObjRef) -> Option<&PyArray> {
    match vm.heap.get(r) {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

fn array_mut(vm: &mut Vm, r: ObjRef) -> &mut PyArray {
    match vm.heap.get_mut(r) {
        Object::Array(a) => a,
        _ => unreachable!("checked to be an array"),
    }
}

/// The array a value is or extends (a subclass instance's base value).
pub fn as_array(vm: &Vm, v: Value) -> Option<ObjRef> {
    match vm.base_value(v) {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Array(_)) => Some(r),
        _ => None,
    }
}

/// Resolves an item index as `array_subscr` does; `None` when out of range.
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
            None => vm.err(ExcKind::TypeError, "array indices must be integers"),
        },
    }
}

fn slice_key(vm: &Vm, key: Value) -> Option<ObjRef> {
    match key {
        Value::Obj(k) if matches!(vm.heap.get(k), Object::Slice { .. }) => Some(k),
        _ => None,
    }
}

/// `a[key]`.
#[inline]
pub fn getitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<Value> {
    let len = array_ref(vm, r).map_or(0, PyArray::len);
    if !matches!(key, Value::Int(_))
        && let Some(s) = slice_key(vm, key)
    {
        return get_slice(vm, r, s, len);
    }
    match index(vm, key, len)? {
        Some(i) => {
            let x = array_ref(vm, r).expect("array").get(i);
            Ok(to_value(vm, x))
        }
        None => vm.err(ExcKind::IndexError, "array index out of range"),
    }
}

fn get_slice(vm: &mut Vm, r: ObjRef, s: ObjRef, len: usize) -> PyResult<Value> {
    let idx = vm.slice_indices(s, len)?;
    let out = array_ref(vm, r).expect("array").select(idx.positions());
    Ok(vm.alloc(Object::Array(Box::new(out))))
}

/// `a[key] = value`.
#[inline]
pub fn setitem(vm: &mut Vm, r: ObjRef, key: Value, value: Value) -> PyResult<()> {
    let (len, code) = array_ref(vm, r).map_or((0, b'd'), |a| (a.len(), a.code));
    if !matches!(key, Value::Int(_))
        && let Some(s) = slice_key(vm, key)
    {
        return set_slice(vm, r, s, value, len);
    }
    let i = index(vm, key, len)?;
    let x = to_scalar(vm, code, value)?;
    match i {
        // Converting may have run Python code (`__index__`) that resized the array.
        Some(i) if i < array_ref(vm, r).map_or(0, PyArray::len) => {
            array_mut(vm, r).set(i, x);
            Ok(())
        }
        _ => vm.err(ExcKind::IndexError, "array assignment index out of range"),
    }
}

fn set_slice(vm: &mut Vm, r: ObjRef, s: ObjRef, value: Value, len: usize) -> PyResult<()> {
    let Some(other) = as_array(vm, value) else {
        let msg = format!(
            "can only assign array (not \"{}\") to array slice",
            vm.type_name(value)
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    let idx = vm.slice_indices(s, len)?;
    let other = array_ref(vm, other).expect("array").clone();
    let this = array_mut(vm, r);
    if other.code != this.code {
        return Err(bad_argument(vm));
    }
    if idx.step == 1 {
        let start = idx.start.max(0) as usize;
        this.splice_same(start, idx.len, &other);
        return Ok(());
    }
    if other.len() != idx.len {
        let msg = format!(
            "attempt to assign array of size {} to extended slice of size {}",
            other.len(),
            idx.len
        );
        return vm.err(ExcKind::ValueError, msg);
    }
    this.assign_same(idx.positions(), &other);
    Ok(())
}

#[cold]
fn bad_argument(vm: &mut Vm) -> Raised {
    vm.raise(
        ExcKind::TypeError,
        "bad argument type for built-in operation",
    )
}

/// `del a[key]`.
pub fn delitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<()> {
    let len = array_ref(vm, r).map_or(0, PyArray::len);
    if let Some(s) = slice_key(vm, key) {
        let idx = vm.slice_indices(s, len)?;
        if idx.len == 0 {
            return Ok(());
        }
        // The positions are an arithmetic progression: test membership without a set.
        let step = idx.step.unsigned_abs() as usize;
        let first = idx.start as usize;
        let lowest = if idx.step > 0 {
            first
        } else {
            first - (idx.len - 1) * step
        };
        let highest = lowest + (idx.len - 1) * step;
        array_mut(vm, r)
            .delete(|i| i >= lowest && i <= highest && (i - lowest).is_multiple_of(step));
        return Ok(());
    }
    match index(vm, key, len)? {
        Some(i) => {
            array_mut(vm, r).remove(i);
            Ok(())
        }
        None => vm.err(ExcKind::IndexError, "array assignment index out of range"),
    }
}

/// Item `i` as a Python value, if the array still has it (iterators re-check each step).
pub fn item(vm: &mut Vm, r: ObjRef, i: usize) -> Option<Value> {
    let a = array_ref(vm, r)?;
    if i >= a.len() {
        return None;
    }
    let x = a.get(i);
    Some(to_value(vm, x))
}

/// The index of the first item equal to `needle` in `range`, by Python equality.
pub fn find(
    vm: &mut Vm,
    r: ObjRef,
    needle: Value,
    range: std::ops::Range<usize>,
) -> PyResult<Option<usize>> {
    let mut i = range.start;
    // The length is re-read each step: `__eq__` may shrink the array.
    while i < range.end {
        let Some(x) = item(vm, r, i) else { break };
        if eq_item(vm, x, needle)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn eq_item(vm: &mut Vm, x: Value, needle: Value) -> PyResult<bool> {
    if let Some(same) = vm.eq_fast(x, needle) {
        return Ok(same);
    }
    vm.temp_roots.push(x);
    let r = vm.eq(x, needle);
    vm.temp_roots.pop();
    r
}

/// `needle in a`.
pub fn contains(vm: &mut Vm, r: ObjRef, needle: Value) -> PyResult<bool> {
    let len = array_ref(vm, r).map_or(0, PyArray::len);
    Ok(find(vm, r, needle, 0..len)?.is_some())
}

/// A rich comparison of two arrays, as `array_richcompare`: items compare as Python values.
pub fn compare(vm: &mut Vm, a: ObjRef, b: ObjRef, op: CmpOp) -> PyResult<Value> {
    let (la, lb) = (
        array_ref(vm, a).map_or(0, PyArray::len),
        array_ref(vm, b).map_or(0, PyArray::len),
    );
    if la != lb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    let mut i = 0;
    while let (Some(x), Some(y)) = (item(vm, a, i), item(vm, b, i)) {
        let same = match (array_ref(vm, a), array_ref(vm, b)) {
            // Items of the same representation compare without making values.
            (Some(p), Some(q)) if p.code == q.code && !matches!(p.get(i), Scalar::Float(_)) => {
                p.get(i) == q.get(i)
            }
            _ => {
                vm.temp_roots.extend([x, y]);
                let r = vm.eq(x, y);
                vm.temp_roots.truncate(vm.temp_roots.len() - 2);
                r?
            }
        };
        if !same {
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
    let (la, lb) = (
        array_ref(vm, a).map_or(0, PyArray::len),
        array_ref(vm, b).map_or(0, PyArray::len),
    );
    Ok(Value::Bool(op.test(la.cmp(&lb))))
}

fn has_reflected(vm: &mut Vm, v: Value, op: BinOp) -> bool {
    if !matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Object::Instance(_))) {
        return false;
    }
    let ty = vm.type_of(v);
    vm.lookup_in_mro_str(ty, op.dunders().1).is_some()
}

/// A repeat count for `*`, or the sequence TypeError.
fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<usize> {
    match n {
        Value::Int(i) => Ok(i.max(0) as usize),
        Value::Bool(b) => Ok(b as usize),
        _ => match vm.to_pyint(n) {
            Some(i) if i.is_negative() => Ok(0),
            Some(_) => Err(vm.memory_error()),
            None => match vm.user_index(n)? {
                Some(i) => Ok(i.max(0) as usize),
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

fn new_array(vm: &mut Vm, a: PyArray) -> Value {
    vm.alloc(Object::Array(Box::new(a)))
}

/// `a + b` and `a * n`/`n * a` where an operand is an array (not a subclass instance, which
/// the runtime unwraps after trying its dunders); `None` when arrays do not handle it.
pub fn binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let is_array = |vm: &Vm, v: Value| match v {
        Value::Obj(r) => array_ref(vm, r).is_some(),
        _ => false,
    };
    let (left, right) = (is_array(vm, a), is_array(vm, b));
    if !left && !right {
        return Ok(None);
    }
    match op {
        BinOp::Add if left => {
            if has_reflected(vm, b, op) {
                return Ok(None);
            }
            let Some(other) = as_array(vm, b) else {
                let msg = format!(
                    "can only append array (not \"{}\") to array",
                    vm.type_name(b)
                );
                return vm.err(ExcKind::TypeError, msg);
            };
            let mut out = array_ref(vm, a.as_obj().expect("array"))
                .expect("array")
                .clone();
            let other = array_ref(vm, other).expect("array").clone();
            if out.code != other.code {
                return Err(bad_argument(vm));
            }
            if !out.try_reserve(other.len()) {
                return Err(vm.memory_error());
            }
            out.extend_same(&other);
            Ok(Some(new_array(vm, out)))
        }
        BinOp::Mul => {
            let (arr, n) = if left { (a, b) } else { (b, a) };
            if left && has_reflected(vm, b, op) {
                return Ok(None);
            }
            let n = repeat_count(vm, n)?;
            let out = array_ref(vm, arr.as_obj().expect("array"))
                .expect("array")
                .repeated(n);
            let out = vm.allocated(out)?;
            Ok(Some(new_array(vm, out)))
        }
        _ => Ok(None),
    }
}

/// `a += b` / `a *= n` on the array `target`; `false` when arrays do not handle it.
pub fn inplace(vm: &mut Vm, target: ObjRef, b: Value, op: BinOp) -> PyResult<bool> {
    if array_ref(vm, target).is_none() {
        return Ok(false);
    }
    match op {
        BinOp::Add => {
            let Some(other) = as_array(vm, b) else {
                let msg = format!(
                    "can only extend array with array (not \"{}\")",
                    vm.type_name(b)
                );
                return vm.err(ExcKind::TypeError, msg);
            };
            extend_from_array(vm, target, other)?;
            Ok(true)
        }
        BinOp::Mul => {
            let n = repeat_count(vm, b)?;
            let out = array_ref(vm, target).expect("array").repeated(n);
            let out = vm.allocated(out)?;
            *array_mut(vm, target) = out;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Appends another array's items (`extend`, `+=`): same type code only.
pub fn extend_from_array(vm: &mut Vm, target: ObjRef, other: ObjRef) -> PyResult<()> {
    let other = array_ref(vm, other).expect("array").clone();
    let this = array_mut(vm, target);
    if this.code != other.code {
        return vm.err(
            ExcKind::TypeError,
            "can only extend with array of same kind",
        );
    }
    if !this.try_reserve(other.len()) {
        return Err(vm.memory_error());
    }
    this.extend_same(&other);
    Ok(())
}

/// `repr(a)`: `array('d', [1.0, 2.0])`, `array('u', 'ab')`, `array('b')` when empty.
pub fn repr(vm: &mut Vm, r: ObjRef) -> PyResult<String> {
    let a = array_ref(vm, r).expect("array");
    let code = a.typecode();
    if a.is_empty() {
        return Ok(format!("array('{code}')"));
    }
    let inner = if code == 'u' {
        let text = unicode_text(a);
        let s = vm.new_str(text);
        vm.repr(s)?
    } else {
        let items = super::methods::items(vm, r);
        let list = vm.new_list(items);
        vm.repr(list)?
    };
    Ok(format!("array('{code}', {inner})"))
}

/// The text of a `u` array.
pub fn unicode_text(a: &PyArray) -> String {
    (0..a.len())
        .map(|i| match a.get(i) {
            Scalar::Char(c) => char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER),
            _ => char::REPLACEMENT_CHARACTER,
        })
        .collect()
}

/// The raw bytes of an array value, for `bytes(a)` and `bytearray(a)`.
pub fn buffer(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    let r = as_array(vm, v)?;
    Some(array_ref(vm, r)?.to_bytes())
}
