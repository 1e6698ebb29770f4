//! Built-in functions, the methods of the built-in types, and the operator fallbacks for
//! built-in containers. (Being written; these are the entry points the rest of the runtime uses.)

use super::iter::SliceIndices;
use super::ops::{BinOp, CmpOp};
use super::value::{ObjRef, Value};
use super::vm::Vm;
use super::{Kwargs, PyResult};

/// Registers every built-in function and type method.
pub fn install(_vm: &mut Vm) {}

/// Attributes computed rather than stored (`__class__`, `__name__`, exception `args`, ...).
pub fn special_attr(_vm: &mut Vm, _obj: Value, _name: Value) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

pub fn range_key(_vm: &Vm, _r: Value) -> (i64, i64, i64) {
    (0, 0, 0)
}

pub fn range_getitem(vm: &mut Vm, _r: ObjRef, _key: Value, _slice: Option<ObjRef>) -> PyResult<Value> {
    vm.err(super::ExcKind::NotImplementedError, "range indexing")
}

pub fn str_getitem(vm: &mut Vm, _s: ObjRef, _key: Value, _slice: Option<ObjRef>) -> PyResult<Value> {
    vm.err(super::ExcKind::NotImplementedError, "str indexing")
}

pub fn list_set_slice(vm: &mut Vm, _list: ObjRef, _slice: ObjRef, _value: Value) -> PyResult<()> {
    vm.err(super::ExcKind::NotImplementedError, "slice assignment")
}

pub fn set_compare(vm: &mut Vm, _a: Value, _b: Value, _op: CmpOp) -> PyResult<Value> {
    vm.err(super::ExcKind::NotImplementedError, "set comparison")
}

pub fn dict_eq(_vm: &mut Vm, _a: Value, _b: Value) -> PyResult<bool> {
    Ok(false)
}

pub fn sequence_binop(_vm: &mut Vm, _a: Value, _b: Value, _op: BinOp) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn inplace_builtin(_vm: &mut Vm, _a: Value, _b: Value, _op: BinOp) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn adapter_next(_vm: &mut Vm, _it: ObjRef) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn dict_update_from(
    _vm: &mut Vm,
    _dict: Value,
    _arg: Option<Value>,
    _kwargs: Kwargs<'_>,
) -> PyResult<()> {
    Ok(())
}

#[allow(dead_code)]
fn _uses(_: SliceIndices) {}
