//! Subscripts of ranges and strs, range equality, and slice assignment into lists.

use super::args::index_i64;
use crate::runtime::PyResult;
use crate::runtime::object::Object;
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::text::index::byte_offset;

/// Number of items in `range(start, stop, step)` (computed in i128: the difference of two
/// i64 bounds may not fit in i64).
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (start, stop, step) = (i128::from(start), i128::from(stop), i128::from(step));
    let n = if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// What range equality compares: CPython's ranges are equal when they produce the same
/// sequence, so the key is `(len, first, step)` with the parts that don't matter zeroed.
pub fn range_key(vm: &Vm, r: Value) -> (i64, i64, i64) {
    let Value::Obj(o) = r else { return (0, 0, 0) };
    let Object::Range { start, stop, step } = *vm.heap.get(o) else {
        return (0, 0, 0);
    };
    match range_len(start, stop, step) {
        0 => (0, 0, 0),
        1 => (1, start, 0),
        n => (n, start, step),
    }
}

/// `range[key]`: an int, or a range for a slice.
pub fn range_getitem(vm: &mut Vm, r: ObjRef, key: Value, slice: Option<ObjRef>) -> PyResult<Value> {
    let Object::Range { start, stop, step } = *vm.heap.get(r) else {
        return vm.err(ExcKind::TypeError, "expected a range");
    };
    let len = range_len(start, stop, step);
    if let Some(s) = slice {
        let idx = vm.slice_indices(s, len as usize)?;
        let at = |i: i64| i128::from(start) + i128::from(i) * i128::from(step);
        let new_start = at(idx.start);
        let new_step = i128::from(step) * i128::from(idx.step);
        let new_stop = new_start + idx.len as i128 * new_step;
        let fits = |x: i128| i64::try_from(x).ok();
        return match (fits(new_start), fits(new_stop), fits(new_step)) {
            (Some(a), Some(b), Some(c)) => Ok(vm.alloc(Object::Range {
                start: a,
                stop: b,
                step: c,
            })),
            _ => vm.err(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            ),
        };
    }
    let i = match key {
        Value::Int(_) | Value::Bool(_) => index_i64(vm, key)?,
        Value::Obj(k) if matches!(vm.heap.get(k), Object::BigInt(_)) => {
            return vm.err(ExcKind::IndexError, "range object index out of range");
        }
        _ => {
            if vm
                .special_method(vm.type_of(key), SpecialMethod::Index)
                .is_none()
            {
                let msg = format!(
                    "range indices must be integers or slices, not {}",
                    vm.type_name(key)
                );
                return vm.err(ExcKind::TypeError, msg);
            }
            index_i64(vm, key)?
        }
    };
    let i = if i < 0 { i.saturating_add(len) } else { i };
    if i < 0 || i >= len {
        return vm.err(ExcKind::IndexError, "range object index out of range");
    }
    Ok(Value::Int(start.wrapping_add(i.wrapping_mul(step))))
}

/// `str[key]`: a one-character str, or a substring for a slice.
pub fn str_getitem(vm: &mut Vm, s: ObjRef, key: Value, slice: Option<ObjRef>) -> PyResult<Value> {
    let (len, ascii) = match vm.heap.get(s) {
        Object::Str(st) => (st.char_len, st.is_ascii()),
        _ => return vm.err(ExcKind::TypeError, "expected a str"),
    };
    if let Some(sl) = slice {
        let idx = vm.slice_indices(sl, len)?;
        let Object::Str(st) = vm.heap.get(s) else {
            unreachable!()
        };
        if idx.step == 1 {
            if idx.len == len {
                return Ok(Value::Obj(s));
            }
            let a = idx.start.max(0) as usize;
            let (from, to) = if ascii {
                (a, a + idx.len)
            } else {
                (byte_offset(&st.s, a), byte_offset(&st.s, a + idx.len))
            };
            let text = st.s[from..to].to_string();
            return Ok(vm.new_str(text));
        }
        let text: String = if ascii {
            let bytes = st.s.as_bytes();
            idx.positions().map(|i| char::from(bytes[i])).collect()
        } else {
            let chars: Vec<char> = st.s.chars().collect();
            idx.positions()
                .filter_map(|i| chars.get(i).copied())
                .collect()
        };
        return Ok(vm.new_str(text));
    }
    let int_like = match key {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(k) => matches!(vm.heap.get(k), Object::BigInt(_) | Object::Instance(_)),
        _ => false,
    };
    if !int_like {
        let msg = format!(
            "string indices must be integers, not '{}'",
            vm.type_name(key)
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let Some(i) = vm.seq_index(key, len, "string")? else {
        return vm.err(ExcKind::IndexError, "string index out of range");
    };
    let Object::Str(st) = vm.heap.get(s) else {
        unreachable!()
    };
    let ch = if ascii {
        st.s.get(i..i + 1).map(str::to_string)
    } else {
        st.s.chars().nth(i).map(String::from)
    };
    match ch {
        Some(c) => Ok(vm.intern_char(&c)),
        None => vm.err(ExcKind::IndexError, "string index out of range"),
    }
}

/// `list[slice] = value`.
pub fn list_set_slice(vm: &mut Vm, list: ObjRef, slice: ObjRef, value: Value) -> PyResult<()> {
    // Gather first: the value may be the list itself, or a generator that mutates it.
    let items = match value {
        Value::Obj(r) if r == list => vm.seq_items(value),
        _ => match vm.collect_iterable(value) {
            Ok(items) => items,
            Err(e) => {
                if vm.exception_matches(ExcKind::TypeError) && vm.get_iter(value).is_err() {
                    vm.take_exception();
                    return vm.err(ExcKind::TypeError, "can only assign an iterable");
                }
                return Err(e);
            }
        },
    };
    let len = match vm.heap.get(list) {
        Object::List(l) => l.len(),
        _ => 0,
    };
    let idx = vm.slice_indices(slice, len)?;
    if idx.step == 1 {
        let start = idx.start.clamp(0, len as i64) as usize;
        let end = (start + idx.len).min(len);
        if let Object::List(l) = vm.heap.get_mut(list) {
            l.splice(start..end, items);
        }
        return Ok(());
    }
    if items.len() != idx.len {
        let msg = format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            items.len(),
            idx.len
        );
        return vm.err(ExcKind::ValueError, msg);
    }
    if let Object::List(l) = vm.heap.get_mut(list) {
        for (pos, item) in idx.positions().zip(items) {
            if let Some(slot) = l.get_mut(pos) {
                *slot = item;
            }
        }
    }
    Ok(())
}
