//! `set` and `frozenset` methods, and the set algebra the operators share.

use super::args::{check_count, this};
use super::constructors::build_set;
use crate::runtime::dict::PyDict;
use crate::runtime::object::Object;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SetOp {
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
}

pub fn install(vm: &mut Vm) {
    let (set, fs) = (vm.types.set, vm.types.frozenset);
    let shared: &[(&'static str, crate::runtime::object::NativeFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    for &(name, f) in shared {
        vm.add_method(set, name, f);
        vm.add_method(fs, name, f);
    }
    let mutating: &[(&'static str, crate::runtime::object::NativeFn)] = &[
        ("add", add),
        ("discard", discard),
        ("remove", remove),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
    ];
    for &(name, f) in mutating {
        vm.add_method(set, name, f);
    }
}

/// The handle of a set or frozenset value (subclass instances unwrapped).
pub fn as_set(vm: &Vm, v: Value) -> Option<ObjRef> {
    match vm.base_value(v) {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Set(_) | Object::FrozenSet(_)) => Some(r),
        _ => None,
    }
}

pub fn set_keys(vm: &Vm, r: ObjRef) -> Vec<Value> {
    match vm.heap.get(r) {
        Object::Set(d) | Object::FrozenSet(d) | Object::Dict(d) => d.keys().collect(),
        _ => Vec::new(),
    }
}

fn is_frozen(vm: &Vm, r: ObjRef) -> bool {
    matches!(vm.heap.get(r), Object::FrozenSet(_))
}

/// Runs `f` with `values` rooted against collection.
fn rooted<T>(vm: &mut Vm, values: &[Value], f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(values);
    let r = f(vm);
    vm.temp_roots.truncate(base);
    r
}

fn table_len(vm: &Vm, r: ObjRef) -> usize {
    match vm.heap.get(r) {
        Object::Set(d) | Object::FrozenSet(d) | Object::Dict(d) => d.len(),
        _ => 0,
    }
}

fn exact_dict(vm: &Vm, v: Value) -> Option<ObjRef> {
    match v {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Dict(_)) => Some(r),
        _ => None,
    }
}

fn new_set_ref(vm: &mut Vm, frozen: bool) -> ObjRef {
    let table = PyDict::new_set();
    let v = vm.alloc(if frozen {
        Object::FrozenSet(table)
    } else {
        Object::Set(table)
    });
    v.as_obj().expect("set")
}

fn table_mut(vm: &mut Vm, r: ObjRef) -> Option<&mut PyDict> {
    match vm.heap.get_mut(r) {
        Object::Set(d) | Object::FrozenSet(d) => Some(d),
        _ => None,
    }
}

/// CPython's `set_merge`: adds every key of set `src` to set `target`.
fn set_merge(vm: &mut Vm, target: ObjRef, src: ObjRef) -> PyResult<()> {
    if target == src {
        return Ok(());
    }
    let source = match vm.heap.get(src) {
        Object::Set(d) | Object::FrozenSet(d) if !d.is_empty() => d.clone(),
        _ => return Ok(()),
    };
    if let Some(d) = table_mut(vm, target)
        && d.is_empty()
        && d.set_is_pristine()
    {
        d.set_merge_into_empty(&source);
        return Ok(());
    }
    if let Some(d) = table_mut(vm, target) {
        d.set_presize(source.len());
    }
    let keys: Vec<Value> = source.keys().collect();
    insert_all(vm, target, &keys)
}

/// CPython's `set_update_internal`: adds the items of any iterable to set `target`.
pub fn set_update(vm: &mut Vm, target: ObjRef, other: Value) -> PyResult<()> {
    if let Some(src) = as_set(vm, other) {
        return set_merge(vm, target, src);
    }
    if let Some(d) = exact_dict(vm, other) {
        let n = table_len(vm, d);
        if let Some(t) = table_mut(vm, target) {
            t.set_presize(n);
        }
        let keys = set_keys(vm, d);
        return insert_all(vm, target, &keys);
    }
    // Item by item, as CPython's `set_update_internal`: no vector of the items first (a
    // growing allocation per `set(...)`), and an exception midway leaves what was added.
    let it = vm.get_iter(other)?;
    rooted(vm, &[it, Value::Obj(target)], |vm| {
        while let Some(item) = vm.iter_next(it)? {
            vm.table_insert(target, item, Value::None)?;
        }
        Ok(())
    })
}

/// A new set (frozen or not) holding the keys of set `a`, laid out as CPython copies it.
fn copy_of(vm: &mut Vm, a: ObjRef, frozen: bool) -> PyResult<ObjRef> {
    let r = new_set_ref(vm, frozen);
    set_merge(vm, r, a)?;
    Ok(r)
}

/// CPython's `set_intersection`.
fn set_intersection(vm: &mut Vm, a: ObjRef, other: Value) -> PyResult<ObjRef> {
    let frozen = is_frozen(vm, a);
    if other.is(Value::Obj(a)) {
        return copy_of(vm, a, frozen);
    }
    let result = new_set_ref(vm, frozen);
    rooted(vm, &[Value::Obj(a), other, Value::Obj(result)], |vm| {
        if let Some(b) = as_set(vm, other) {
            let (big, small) = if table_len(vm, b) > table_len(vm, a) {
                (b, a)
            } else {
                (a, b)
            };
            for key in set_keys(vm, small) {
                if vm.table_lookup(big, key)?.is_some() {
                    vm.table_insert(result, key, Value::None)?;
                }
            }
        } else {
            let items = vm.collect_iterable(other)?;
            rooted(vm, &items, |vm| {
                for &key in &items {
                    if vm.table_lookup(a, key)?.is_some() {
                        vm.table_insert(result, key, Value::None)?;
                    }
                }
                Ok(())
            })?;
        }
        Ok(result)
    })
}

/// CPython's `set_difference_update_internal`.
fn difference_update_with(vm: &mut Vm, so: ObjRef, other: Value) -> PyResult<()> {
    if other.is(Value::Obj(so)) {
        if let Some(d) = table_mut(vm, so) {
            d.clear();
        }
        return Ok(());
    }
    rooted(vm, &[Value::Obj(so), other], |vm| {
        let keys = if let Some(b) = as_set(vm, other) {
            let src = if (table_len(vm, b) >> 3) > table_len(vm, so) {
                set_intersection(vm, so, Value::Obj(b))?
            } else {
                b
            };
            set_keys(vm, src)
        } else {
            vm.collect_iterable(other)?
        };
        rooted(vm, &keys, |vm| {
            for &key in &keys {
                vm.table_remove(so, key)?;
            }
            Ok(())
        })?;
        if let Some(d) = table_mut(vm, so) {
            d.set_shrink_dummies();
        }
        Ok(())
    })
}

/// CPython's `set_difference`.
fn set_difference(vm: &mut Vm, a: ObjRef, other: Value) -> PyResult<ObjRef> {
    let frozen = is_frozen(vm, a);
    let other_table = as_set(vm, other).or_else(|| exact_dict(vm, other));
    let small_other = other_table.is_some_and(|b| (table_len(vm, a) >> 2) <= table_len(vm, b));
    let Some(b) = other_table.filter(|_| small_other) else {
        let r = copy_of(vm, a, frozen)?;
        rooted(vm, &[Value::Obj(r)], |vm| {
            difference_update_with(vm, r, other)
        })?;
        return Ok(r);
    };
    let result = new_set_ref(vm, frozen);
    rooted(vm, &[Value::Obj(a), other, Value::Obj(result)], |vm| {
        for key in set_keys(vm, a) {
            if vm.table_lookup(b, key)?.is_none() {
                vm.table_insert(result, key, Value::None)?;
            }
        }
        Ok(result)
    })
}

/// CPython's `set_symmetric_difference_update`.
fn symmetric_update_with(vm: &mut Vm, so: ObjRef, other: Value) -> PyResult<()> {
    if other.is(Value::Obj(so)) {
        if let Some(d) = table_mut(vm, so) {
            d.clear();
        }
        return Ok(());
    }
    rooted(vm, &[Value::Obj(so), other], |vm| {
        let src = match as_set(vm, other).or_else(|| exact_dict(vm, other)) {
            Some(b) => b,
            None => build_set(vm, Some(other), false)?.as_obj().expect("set"),
        };
        let keys = set_keys(vm, src);
        rooted(vm, &[Value::Obj(src)], |vm| {
            for key in keys {
                if vm.table_remove(so, key)?.is_none() {
                    vm.table_insert(so, key, Value::None)?;
                }
            }
            Ok(())
        })
    })
}

/// CPython's `set_symmetric_difference`: a copy of `other` (with `a`'s type), updated by `a`.
fn set_symmetric_difference(vm: &mut Vm, a: ObjRef, other: Value) -> PyResult<ObjRef> {
    let frozen = is_frozen(vm, a);
    let r = build_set(vm, Some(other), frozen)?.as_obj().expect("set");
    rooted(vm, &[Value::Obj(r)], |vm| {
        symmetric_update_with(vm, r, Value::Obj(a))
    })?;
    Ok(r)
}

/// `a OP b` for a set and any operand; the result has `a`'s kind (set or frozenset).
pub fn set_op(vm: &mut Vm, a: ObjRef, b: ObjRef, op: SetOp) -> PyResult<Value> {
    set_op_value(vm, a, Value::Obj(b), op)
}

fn set_op_value(vm: &mut Vm, a: ObjRef, other: Value, op: SetOp) -> PyResult<Value> {
    let r = match op {
        SetOp::Union => {
            let frozen = is_frozen(vm, a);
            let r = copy_of(vm, a, frozen)?;
            rooted(vm, &[Value::Obj(r), other], |vm| set_update(vm, r, other))?;
            r
        }
        SetOp::Intersection => set_intersection(vm, a, other)?,
        SetOp::Difference => set_difference(vm, a, other)?,
        SetOp::SymmetricDifference => set_symmetric_difference(vm, a, other)?,
    };
    Ok(Value::Obj(r))
}

/// Replaces the contents of set `target` with those of set value `src`.
fn assign_table(vm: &mut Vm, target: ObjRef, src: Value) {
    let table = match src {
        Value::Obj(r) => match vm.heap.get_mut(r) {
            Object::Set(d) | Object::FrozenSet(d) => std::mem::replace(d, PyDict::new_set()),
            _ => PyDict::new_set(),
        },
        _ => PyDict::new_set(),
    };
    if let Object::Set(d) = vm.heap.get_mut(target) {
        *d = table;
        d.version = crate::runtime::dict::next_version();
    }
}

/// `a OP= b` in place on set `a`.
pub fn set_op_inplace(vm: &mut Vm, a: ObjRef, b: ObjRef, op: SetOp) -> PyResult<()> {
    set_op_inplace_value(vm, a, Value::Obj(b), op)
}

fn set_op_inplace_value(vm: &mut Vm, a: ObjRef, other: Value, op: SetOp) -> PyResult<()> {
    match op {
        SetOp::Union => set_update(vm, a, other),
        SetOp::Difference => difference_update_with(vm, a, other),
        SetOp::SymmetricDifference => symmetric_update_with(vm, a, other),
        SetOp::Intersection => {
            let r = set_intersection(vm, a, other)?;
            assign_table(vm, a, Value::Obj(r));
            Ok(())
        }
    }
}

fn insert_all(vm: &mut Vm, a: ObjRef, items: &[Value]) -> PyResult<()> {
    rooted(vm, items, |vm| {
        for &y in items {
            vm.table_insert(a, y, Value::None)?;
        }
        Ok(())
    })
}

fn this_set(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<ObjRef> {
    let v = this(vm, args, "set", method)?;
    match as_set(vm, v) {
        Some(r) => Ok(r),
        None => Err(super::args::descriptor_error(vm, method, "set", v)),
    }
}

fn this_mut_set(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<ObjRef> {
    let r = this_set(vm, args, method)?;
    if is_frozen(vm, r) {
        let v = Value::Obj(r);
        return Err(super::args::descriptor_error(vm, method, "set", v));
    }
    Ok(r)
}

fn copy(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_set(vm, args, "copy")?;
    if is_frozen(vm, r) && args.first().is_some_and(|a| a.is(Value::Obj(r))) {
        return Ok(Value::Obj(r));
    }
    let frozen = is_frozen(vm, r);
    Ok(Value::Obj(copy_of(vm, r, frozen)?))
}

/// `s.union(*others)` and friends, as CPython's methods fold their arguments.
fn fold(vm: &mut Vm, args: &[Value], method: &str, op: SetOp) -> PyResult<Value> {
    let r = this_set(vm, args, method)?;
    let others = &args[1..];
    let Some((&first, rest)) = others.split_first() else {
        return copy(vm, &[Value::Obj(r)], &[]);
    };
    let acc = match op {
        SetOp::Union => {
            let frozen = is_frozen(vm, r);
            let acc = copy_of(vm, r, frozen)?;
            rooted(vm, &[Value::Obj(acc)], |vm| set_update(vm, acc, first))?;
            acc
        }
        _ => set_op_value(vm, r, first, op)?.as_obj().expect("set"),
    };
    rooted(vm, &[Value::Obj(acc)], |vm| {
        let mut acc = acc;
        for &other in rest {
            match op {
                SetOp::Union => set_update(vm, acc, other)?,
                SetOp::Difference => difference_update_with(vm, acc, other)?,
                _ => {
                    acc = set_op_value(vm, acc, other, op)?.as_obj().expect("set");
                    vm.temp_roots.push(Value::Obj(acc));
                }
            }
        }
        Ok(Value::Obj(acc))
    })
}

fn union(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    fold(vm, args, "union", SetOp::Union)
}

fn intersection(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    fold(vm, args, "intersection", SetOp::Intersection)
}

fn difference(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    fold(vm, args, "difference", SetOp::Difference)
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "symmetric_difference", 2, 2)?;
    fold(vm, args, "symmetric_difference", SetOp::SymmetricDifference)
}

/// Whether every item of set `a` is in set `b`.
pub fn is_subset(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    let xs = set_keys(vm, a);
    let base = vm.temp_roots.len();
    vm.temp_roots.extend([Value::Obj(a), Value::Obj(b)]);
    let mut r = Ok(true);
    for x in xs {
        match vm.table_lookup(b, x) {
            Ok(Some(_)) => {}
            Ok(None) => {
                r = Ok(false);
                break;
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.temp_roots.truncate(base);
    r
}

/// A set table holding `other` (itself when it is a set, else a new set of its items).
fn as_table(vm: &mut Vm, other: Value) -> PyResult<ObjRef> {
    if let Some(r) = as_set(vm, other) {
        return Ok(r);
    }
    let s = build_set(vm, Some(other), false)?;
    match s {
        Value::Obj(r) => Ok(r),
        _ => vm.err(ExcKind::SystemError, "set construction failed"),
    }
}

fn relation(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<(ObjRef, ObjRef)> {
    let a = this_set(vm, args, method)?;
    check_count(vm, &args[1..], method, 1, 1)?;
    let b = as_table(vm, args[1])?;
    Ok((a, b))
}

fn issubset(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (a, b) = relation(vm, args, "issubset")?;
    Ok(Value::Bool(is_subset(vm, a, b)?))
}

fn issuperset(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (a, b) = relation(vm, args, "issuperset")?;
    Ok(Value::Bool(is_subset(vm, b, a)?))
}

fn isdisjoint(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (a, b) = relation(vm, args, "isdisjoint")?;
    let common = set_op(vm, a, b, SetOp::Intersection)?;
    Ok(Value::Bool(vm.len(common)? == 0))
}

fn add(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_mut_set(vm, args, "add")?;
    check_count(vm, &args[1..], "add", 1, 1)?;
    vm.table_insert(r, args[1], Value::None)?;
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_mut_set(vm, args, "discard")?;
    check_count(vm, &args[1..], "discard", 1, 1)?;
    vm.table_remove(r, args[1])?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_mut_set(vm, args, "remove")?;
    check_count(vm, &args[1..], "remove", 1, 1)?;
    match vm.table_remove(r, args[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.raise_with_args(ExcKind::KeyError, vec![args[1]])),
    }
}

fn pop(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_mut_set(vm, args, "pop")?;
    let popped = match vm.heap.get_mut(r) {
        Object::Set(d) => d.set_pop().map(|e| e.key),
        _ => None,
    };
    match popped {
        Some(k) => Ok(k),
        None => {
            let msg = vm.new_str("pop from an empty set");
            Err(vm.raise_with_args(ExcKind::KeyError, vec![msg]))
        }
    }
}

fn clear(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_mut_set(vm, args, "clear")?;
    if let Object::Set(d) = vm.heap.get_mut(r) {
        d.clear();
    }
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_mut_set(vm, args, "update")?;
    for &other in &args[1..] {
        set_update(vm, r, other)?;
    }
    Ok(Value::None)
}

fn inplace_fold(vm: &mut Vm, args: &[Value], method: &str, op: SetOp) -> PyResult<Value> {
    let r = this_mut_set(vm, args, method)?;
    for &other in &args[1..] {
        set_op_inplace_value(vm, r, other, op)?;
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    inplace_fold(vm, args, "intersection_update", SetOp::Intersection)
}

fn difference_update(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    inplace_fold(vm, args, "difference_update", SetOp::Difference)
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "symmetric_difference_update", 2, 2)?;
    inplace_fold(
        vm,
        args,
        "symmetric_difference_update",
        SetOp::SymmetricDifference,
    )
}
