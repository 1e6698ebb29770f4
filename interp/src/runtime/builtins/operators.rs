//! Operators on built-in containers that `ops.rs` delegates: sequence concatenation and
//! repetition, set algebra, `dict | dict`, `str % args`, their in-place forms, and set and
//! dict comparisons.

use super::set_methods::{SetOp, as_set, is_subset, set_op, set_op_inplace};
use crate::runtime::PyResult;
use crate::runtime::fallible;
use crate::runtime::object::Object;
use crate::runtime::ops::{BinOp, CmpOp};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Str,
    List,
    Tuple,
    Set,
    Dict,
    Instance,
    Other,
}

fn kind(vm: &Vm, v: Value) -> Kind {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Str(_) => Kind::Str,
            Object::List(_) => Kind::List,
            Object::Tuple(_) => Kind::Tuple,
            Object::Set(_) | Object::FrozenSet(_) => Kind::Set,
            Object::Dict(_) => Kind::Dict,
            Object::Instance(_) => Kind::Instance,
            _ => Kind::Other,
        },
        _ => Kind::Other,
    }
}

/// Whether a user class offers the reflected operator, which then gets its chance first.
fn has_reflected(vm: &mut Vm, b: Value, op: BinOp) -> bool {
    let ty = vm.type_of(b);
    !vm.type_obj(ty).builtin && vm.lookup_in_mro_str(ty, op.dunders().1).is_some()
}

/// The repeat count of `seq * n`, or the CPython error for a non-int.
fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<i64>> {
    match n {
        Value::Int(i) => Ok(Some(i.max(0))),
        Value::Bool(b) => Ok(Some(b as i64)),
        Value::Obj(r) if matches!(vm.heap.get(r), Object::BigInt(_)) => {
            let negative = vm.to_pyint(n).is_some_and(|i| i.is_negative());
            if negative {
                Ok(Some(0))
            } else {
                vm.err(
                    ExcKind::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                )
            }
        }
        _ => {
            if kind(vm, n) == Kind::Instance {
                return Ok(vm.user_index(n)?.map(|i| i.max(0)));
            }
            let msg = format!(
                "can't multiply sequence by non-int of type '{}'",
                vm.type_name(n)
            );
            vm.err(ExcKind::TypeError, msg)
        }
    }
}

fn too_big(vm: &mut Vm) -> PyResult<Option<Value>> {
    Err(vm.memory_error())
}

/// `seq * n` for a str, list or tuple.
fn repeat(vm: &mut Vm, seq: Value, n: i64) -> PyResult<Option<Value>> {
    let Value::Obj(r) = seq else { return Ok(None) };
    let n = usize::try_from(n).unwrap_or(0);
    let fits = |len: usize| {
        len.checked_mul(n)
            .is_some_and(|t| t <= isize::MAX as usize / 16)
    };
    match vm.heap.get(r) {
        Object::Str(s) => {
            if !fits(s.s.len()) {
                return too_big(vm);
            }
            let text = fallible::repeat_str(&s.s, n);
            let text = vm.allocated(text)?;
            Ok(Some(vm.new_str(text)))
        }
        Object::List(items) => {
            if !fits(items.len()) {
                return too_big(vm);
            }
            let out = fallible::repeat_slice(items, n);
            let out = vm.allocated(out)?;
            Ok(Some(vm.new_list(out)))
        }
        Object::Tuple(items) => {
            if n == 1 {
                return Ok(Some(seq));
            }
            if !fits(items.len()) {
                return too_big(vm);
            }
            let out = fallible::repeat_slice(items, n);
            let out = vm.allocated(out)?;
            Ok(Some(vm.new_tuple(out)))
        }
        _ => Ok(None),
    }
}

fn type_word(k: Kind) -> &'static str {
    match k {
        Kind::Str => "str",
        Kind::List => "list",
        Kind::Tuple => "tuple",
        _ => "",
    }
}

/// `a OP b` for built-in containers; `None` lets user dunders (and the generic error) decide.
pub fn sequence_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    if let Some(v) = crate::runtime::modules::array::protocol::binop(vm, a, b, op)? {
        return Ok(Some(v));
    }
    if let Some(v) = crate::runtime::modules::deque::protocol::binop(vm, a, b, op)? {
        return Ok(Some(v));
    }
    let (ka, kb) = (kind(vm, a), kind(vm, b));
    if ka == Kind::Instance {
        return Ok(None);
    }
    let bytes_left = super::bytes::bytes_of(vm, a).is_some();
    let repeat_right = op == BinOp::Mul
        && matches!(a, Value::Int(_) | Value::Bool(_))
        && super::bytes::bytes_of(vm, b).is_some();
    if (bytes_left || repeat_right) && kb != Kind::Instance {
        return super::bytes::binop(vm, a, b, op);
    }
    match op {
        BinOp::Add if matches!(ka, Kind::Str | Kind::List | Kind::Tuple) => {
            if ka == kb {
                return Ok(Some(concat(vm, a, b, ka)));
            }
            if kb == Kind::Instance && has_reflected(vm, b, op) {
                return Ok(None);
            }
            // A subclass of the same built-in concatenates as its base.
            let ub = vm.base_value(b);
            if !ub.is(b) && kind(vm, ub) == ka {
                return Ok(Some(concat(vm, a, ub, ka)));
            }
            let msg = format!(
                "can only concatenate {} (not \"{}\") to {}",
                type_word(ka),
                vm.type_name(b),
                type_word(ka)
            );
            vm.err(ExcKind::TypeError, msg)
        }
        BinOp::Mul if matches!(ka, Kind::Str | Kind::List | Kind::Tuple) => {
            if kb == Kind::Instance && has_reflected(vm, b, op) {
                return Ok(None);
            }
            match repeat_count(vm, b)? {
                Some(n) => repeat(vm, a, n),
                None => Ok(None),
            }
        }
        BinOp::Mul if matches!(kb, Kind::Str | Kind::List | Kind::Tuple) => {
            if vm.to_pyint(a).is_none() {
                let msg = format!(
                    "can't multiply sequence by non-int of type '{}'",
                    vm.type_name(a)
                );
                return vm.err(ExcKind::TypeError, msg);
            }
            match repeat_count(vm, a)? {
                Some(n) => repeat(vm, b, n),
                None => Ok(None),
            }
        }
        BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor if ka == Kind::Set => {
            let (Some(x), Some(y)) = (as_set(vm, a), as_set(vm, b)) else {
                return Ok(None);
            };
            let sop = match op {
                BinOp::Or => SetOp::Union,
                BinOp::And => SetOp::Intersection,
                BinOp::Sub => SetOp::Difference,
                _ => SetOp::SymmetricDifference,
            };
            set_op(vm, x, y, sop).map(Some)
        }
        BinOp::Or if ka == Kind::Dict && kb == Kind::Dict => {
            let copy = match vm.heap.get(a.as_obj().expect("dict")) {
                Object::Dict(d) => d.clone(),
                _ => Default::default(),
            };
            let d = vm.alloc(Object::Dict(copy));
            vm.temp_roots.push(d);
            let r = super::dict_methods::dict_update_from(vm, d, Some(b), &[]);
            vm.temp_roots.pop();
            r.map(|()| Some(d))
        }
        BinOp::Mod if ka == Kind::Str => {
            if kb == Kind::Instance
                && has_reflected(vm, b, op)
                && vm.as_str(vm.base_value(b)).is_some()
            {
                return Ok(None);
            }
            let fmt = vm.as_str(a).unwrap_or("").to_string();
            let s = super::printf::printf(vm, &fmt, b)?;
            Ok(Some(vm.new_str(s)))
        }
        _ => Ok(None),
    }
}

fn concat(vm: &mut Vm, a: Value, b: Value, k: Kind) -> Value {
    match k {
        Kind::Str => {
            let mut s = vm.as_str(a).unwrap_or("").to_string();
            s.push_str(vm.as_str(b).unwrap_or(""));
            vm.new_str(s)
        }
        Kind::List => {
            let mut items = vm.seq_items(a);
            items.extend(vm.seq_items(b));
            vm.new_list(items)
        }
        _ => {
            let mut items = vm.seq_items(a);
            items.extend(vm.seq_items(b));
            vm.new_tuple(items)
        }
    }
}

/// `a OP= b` in place for lists, sets and dicts (and subclasses without their own `__iop__`).
pub fn inplace_builtin(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let target = match kind(vm, a) {
        Kind::Instance => {
            let ty = vm.type_of(a);
            if vm.lookup_in_mro_str(ty, op.dunders().2).is_some() {
                return Ok(None);
            }
            vm.base_value(a)
        }
        _ => a,
    };
    let Value::Obj(t) = target else {
        return Ok(None);
    };
    if op == BinOp::Add && super::bytes::inplace_concat(vm, t, b)? {
        return Ok(Some(a));
    }
    if crate::runtime::modules::array::protocol::inplace(vm, t, b, op)? {
        return Ok(Some(a));
    }
    if crate::runtime::modules::deque::protocol::inplace(vm, t, b, op)? {
        return Ok(Some(a));
    }
    match (kind(vm, target), op) {
        (Kind::List, BinOp::Add) => {
            let items = if b.is(target) {
                vm.seq_items(b)
            } else {
                vm.collect_iterable(b)?
            };
            if let Object::List(l) = vm.heap.get_mut(t) {
                l.extend(items);
            }
            Ok(Some(a))
        }
        (Kind::List, BinOp::Mul) => {
            let Some(n) = repeat_count(vm, b)? else {
                return Ok(None);
            };
            let n = usize::try_from(n).unwrap_or(0);
            let len = match vm.heap.get(t) {
                Object::List(l) => l.len(),
                _ => 0,
            };
            if len
                .checked_mul(n)
                .is_none_or(|x| x > isize::MAX as usize / 16)
            {
                return too_big(vm).map(|_| None);
            }
            let repeated = match vm.heap.get(t) {
                Object::List(l) => fallible::repeat_slice(l, n),
                _ => None,
            };
            let repeated = vm.allocated(repeated)?;
            if let Object::List(l) = vm.heap.get_mut(t) {
                *l = repeated;
            }
            Ok(Some(a))
        }
        (Kind::Set, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
            if matches!(vm.heap.get(t), Object::Set(_)) =>
        {
            let Some(other) = as_set(vm, b) else {
                let msg = format!(
                    "unsupported operand type(s) for {}=: '{}' and '{}'",
                    op.symbol(),
                    vm.type_name(a),
                    vm.type_name(b)
                );
                return vm.err(ExcKind::TypeError, msg);
            };
            let sop = match op {
                BinOp::Or => SetOp::Union,
                BinOp::And => SetOp::Intersection,
                BinOp::Sub => SetOp::Difference,
                _ => SetOp::SymmetricDifference,
            };
            set_op_inplace(vm, t, other, sop)?;
            Ok(Some(a))
        }
        (Kind::Dict, BinOp::Or) => {
            super::dict_methods::dict_update_from(vm, target, Some(b), &[])?;
            Ok(Some(a))
        }
        _ => Ok(None),
    }
}

/// Set comparisons: equality and the subset relations.
pub fn set_compare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_set(vm, a), as_set(vm, b)) else {
        return Ok(vm.not_implemented);
    };
    let (lx, ly) = (table_len(vm, x), table_len(vm, y));
    let r = match op {
        CmpOp::Eq => lx == ly && is_subset(vm, x, y)?,
        CmpOp::Ne => !(lx == ly && is_subset(vm, x, y)?),
        CmpOp::Le => lx <= ly && is_subset(vm, x, y)?,
        CmpOp::Lt => lx < ly && is_subset(vm, x, y)?,
        CmpOp::Ge => lx >= ly && is_subset(vm, y, x)?,
        CmpOp::Gt => lx > ly && is_subset(vm, y, x)?,
    };
    Ok(Value::Bool(r))
}

fn table_len(vm: &Vm, r: ObjRef) -> usize {
    match vm.heap.get(r) {
        Object::Set(d) | Object::FrozenSet(d) | Object::Dict(d) => d.len(),
        _ => 0,
    }
}

/// `a == b` for two dicts: same keys, equal values.
pub fn dict_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let (Value::Obj(x), Value::Obj(y)) = (vm.base_value(a), vm.base_value(b)) else {
        return Ok(false);
    };
    if table_len(vm, x) != table_len(vm, y) {
        return Ok(false);
    }
    let entries: Vec<(i64, Value, Value)> = match vm.heap.get(x) {
        Object::Dict(d) => d.iter().map(|e| (e.hash, e.key, e.value)).collect(),
        _ => return Ok(false),
    };
    let base = vm.temp_roots.len();
    vm.temp_roots.extend([Value::Obj(x), Value::Obj(y)]);
    let result = (|| {
        for (hash, k, v) in entries {
            let Some(slot) = vm.table_lookup_hashed(y, k, hash)? else {
                return Ok(false);
            };
            let w = match vm.heap.get(y) {
                Object::Dict(d) => d.value_at(slot),
                _ => return Ok(false),
            };
            vm.temp_roots.extend([k, v, w]);
            if !vm.eq(v, w)? {
                return Ok(false);
            }
        }
        Ok(true)
    })();
    vm.temp_roots.truncate(base);
    result
}
