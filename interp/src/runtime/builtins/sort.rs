//! Stable sorting with Python's `<`, which may run user code and raise: a merge sort whose
//! comparisons propagate errors (a `sort_by` comparator cannot), with native fast paths for
//! lists of plain ints or strs.

use super::args::rooted;
use crate::runtime::PyResult;
use crate::runtime::object::Object;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;

/// Sorts `items` in place by `key(item)` (or the items themselves), stably; `reverse` keeps
/// equal items in their original order, as CPython's does.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<()> {
    let key = key.filter(|k| !k.is_none());
    let snapshot = items.clone();
    rooted(vm, &snapshot, |vm| {
        let keys = match key {
            Some(f) => {
                // The keys are rooted until `rooted` pops everything it was given and more.
                let mut keys = Vec::with_capacity(items.len());
                for &item in items.iter() {
                    let k = vm.call(f, &[item], &[])?;
                    vm.temp_roots.push(k);
                    keys.push(k);
                }
                keys
            }
            None => items.clone(),
        };
        let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(items.iter().copied()).collect();
        if reverse {
            pairs.reverse();
        }
        sort_pairs(vm, &mut pairs)?;
        if reverse {
            pairs.reverse();
        }
        *items = pairs.into_iter().map(|(_, v)| v).collect();
        Ok(())
    })
}

/// Sorts `(key, item)` pairs by key, stably.
fn sort_pairs(vm: &mut Vm, pairs: &mut [(Value, Value)]) -> PyResult<()> {
    if pairs.len() < 2 {
        return Ok(());
    }
    if pairs.iter().all(|(k, _)| matches!(k, Value::Int(_))) {
        pairs.sort_by_key(|(k, _)| match k {
            Value::Int(i) => *i,
            _ => 0,
        });
        return Ok(());
    }
    if pairs
        .iter()
        .all(|(k, _)| matches!(k, Value::Float(x) if !x.is_nan()))
    {
        // Without NaNs `partial_cmp` is total, and -0.0 == 0.0 stays equal (and stable).
        pairs.sort_by(|(a, _), (b, _)| match (a, b) {
            (Value::Float(x), Value::Float(y)) => {
                x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal)
            }
            _ => std::cmp::Ordering::Equal,
        });
        return Ok(());
    }
    let all_str = pairs
        .iter()
        .all(|(k, _)| matches!(k, Value::Obj(r) if matches!(vm.heap.get(*r), Object::Str(_))));
    if all_str {
        let heap = &vm.heap;
        let text = |v: &Value| match v {
            Value::Obj(r) => match heap.get(*r) {
                Object::Str(s) => &*s.s,
                _ => "",
            },
            _ => "",
        };
        // UTF-8 byte order is code-point order, which is Python's str order.
        pairs.sort_by(|(a, _), (b, _)| text(a).cmp(text(b)));
        return Ok(());
    }
    merge_sort(vm, pairs)
}

/// Bottom-up merge sort: a run on the right moves before the left only when strictly less.
fn merge_sort(vm: &mut Vm, pairs: &mut [(Value, Value)]) -> PyResult<()> {
    let n = pairs.len();
    let mut buf: Vec<(Value, Value)> = pairs.to_vec();
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                if vm.lt(pairs[j].0, pairs[i].0)? {
                    buf[k] = pairs[j];
                    j += 1;
                } else {
                    buf[k] = pairs[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - i)].copy_from_slice(&pairs[i..mid]);
            k += mid - i;
            buf[k..k + (hi - j)].copy_from_slice(&pairs[j..hi]);
            lo = hi;
        }
        pairs.copy_from_slice(&buf);
        width *= 2;
    }
    Ok(())
}
