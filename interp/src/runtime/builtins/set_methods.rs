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

/// `a OP b` for two set tables; the result is a frozenset when `a` is one.
pub fn set_op(vm: &mut Vm, a: ObjRef, b: ObjRef, op: SetOp) -> PyResult<Value> {
    let frozen = is_frozen(vm, a);
    let (xs, ys) = (set_keys(vm, a), set_keys(vm, b));
    let base = vm.temp_roots.len();
    vm.temp_roots.extend([Value::Obj(a), Value::Obj(b)]);
    let result = (|| {
        let mut out = Vec::new();
        match op {
            SetOp::Union => {
                out.extend(xs);
                out.extend(ys);
            }
            SetOp::Intersection => {
                for x in xs {
                    if vm.table_lookup(b, x)?.is_some() {
                        out.push(x);
                    }
                }
            }
            SetOp::Difference => {
                for x in xs {
                    if vm.table_lookup(b, x)?.is_none() {
                        out.push(x);
                    }
                }
            }
            SetOp::SymmetricDifference => {
                for x in xs {
                    if vm.table_lookup(b, x)?.is_none() {
                        out.push(x);
                    }
                }
                for y in ys {
                    if vm.table_lookup(a, y)?.is_none() {
                        out.push(y);
                    }
                }
            }
        }
        let tuple = vm.new_tuple(out);
        vm.temp_roots.push(tuple);
        build_set(vm, Some(tuple), frozen)
    })();
    vm.temp_roots.truncate(base);
    result
}

/// Replaces the contents of set `target` with those of set value `src`.
fn assign_table(vm: &mut Vm, target: ObjRef, src: Value) {
    let table = match src {
        Value::Obj(r) => match vm.heap.get_mut(r) {
            Object::Set(d) | Object::FrozenSet(d) => std::mem::take(d),
            _ => PyDict::new(),
        },
        _ => PyDict::new(),
    };
    if let Object::Set(d) = vm.heap.get_mut(target) {
        let version = d.version;
        *d = table;
        d.version = version.wrapping_add(1);
    }
}

/// `a OP= b` in place on set `a`.
pub fn set_op_inplace(vm: &mut Vm, a: ObjRef, b: ObjRef, op: SetOp) -> PyResult<()> {
    if op == SetOp::Union {
        let ys = set_keys(vm, b);
        return insert_all(vm, a, &ys);
    }
    let r = set_op(vm, a, b, op)?;
    assign_table(vm, a, r);
    Ok(())
}

fn insert_all(vm: &mut Vm, a: ObjRef, items: &[Value]) -> PyResult<()> {
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(items);
    let mut r = Ok(());
    for &y in items {
        if let Err(e) = vm.table_insert(a, y, Value::None) {
            r = Err(e);
            break;
        }
    }
    vm.temp_roots.truncate(base);
    r
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
    let table = match vm.heap.get(r) {
        Object::Set(d) | Object::FrozenSet(d) => d.clone(),
        _ => PyDict::new(),
    };
    Ok(vm.alloc(if frozen {
        Object::FrozenSet(table)
    } else {
        Object::Set(table)
    }))
}

/// `s.union(*others)` and friends: fold the operation over every argument.
fn fold(vm: &mut Vm, args: &[Value], method: &str, op: SetOp) -> PyResult<Value> {
    let r = this_set(vm, args, method)?;
    let mut acc = copy(vm, &[Value::Obj(r)], &[])?;
    let base = vm.temp_roots.len();
    vm.temp_roots.push(acc);
    let result = (|| {
        for &other in &args[1..] {
            let b = as_table(vm, other)?;
            vm.temp_roots.push(Value::Obj(b));
            let Value::Obj(a) = acc else { break };
            acc = set_op(vm, a, b, op)?;
            vm.temp_roots.push(acc);
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(base);
    result
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
        Object::Set(d) => d.entry_at_first().map(|slot| d.remove_at(slot).key),
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

trait FirstSlot {
    fn entry_at_first(&self) -> Option<usize>;
}

impl FirstSlot for PyDict {
    /// The slot of the first live entry (CPython's set.pop takes an arbitrary one).
    fn entry_at_first(&self) -> Option<usize> {
        (0..self.slots()).find(|&i| self.entry_at(i).is_some())
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
        let items = vm.collect_iterable(other)?;
        insert_all(vm, r, &items)?;
    }
    Ok(Value::None)
}

fn inplace_fold(vm: &mut Vm, args: &[Value], method: &str, op: SetOp) -> PyResult<Value> {
    let r = this_mut_set(vm, args, method)?;
    for &other in &args[1..] {
        let b = as_table(vm, other)?;
        vm.temp_roots.push(Value::Obj(b));
        let res = set_op_inplace(vm, r, b, op);
        vm.temp_roots.pop();
        res?;
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
