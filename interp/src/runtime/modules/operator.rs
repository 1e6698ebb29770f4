//! `_operator`: the operator functions as natives calling the VM's own binary, comparison,
//! unary and subscript entry points, as CPython's C `_operator`, and the getter types (their
//! own module); `operator.py` imports them and keeps the rarely hot helpers in Python.

use super::add_functions;
use crate::runtime::builtins::args::{check_count, index_i64, no_kwargs};
use crate::runtime::object::{NativeFn, Object};
use crate::runtime::ops::{BinOp, CmpOp, UnaryOp};
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

/// The positional arguments of a fixed-arity function, in Argument Clinic's words
/// (`add expected 2 arguments, got 1`; `_operator.neg() takes exactly one argument (0
/// given)` for the one-argument ones).
fn fixed<const N: usize>(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: Kwargs<'_>,
) -> PyResult<[Value; N]> {
    no_kwargs(vm, kwargs, &format!("_operator.{name}"))?;
    if N == 1 && args.len() != 1 {
        let msg = format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            args.len()
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    check_count(vm, args, name, N, N)?;
    let mut out = [Value::None; N];
    out.copy_from_slice(args);
    Ok(out)
}

macro_rules! binary {
    ($($fname:ident, $name:literal, $op:expr, $method:ident;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
                let [a, b] = fixed(vm, $name, args, kwargs)?;
                vm.$method(a, b, $op)
            }
        )*
        const BINARY: &[(&str, NativeFn)] = &[$(($name, $fname),)*];
    };
}

binary! {
    add, "add", BinOp::Add, binary_op;
    sub, "sub", BinOp::Sub, binary_op;
    mul, "mul", BinOp::Mul, binary_op;
    matmul, "matmul", BinOp::MatMul, binary_op;
    truediv, "truediv", BinOp::TrueDiv, binary_op;
    floordiv, "floordiv", BinOp::FloorDiv, binary_op;
    mod_, "mod", BinOp::Mod, binary_op;
    pow, "pow", BinOp::Pow, binary_op;
    lshift, "lshift", BinOp::LShift, binary_op;
    rshift, "rshift", BinOp::RShift, binary_op;
    and_, "and_", BinOp::And, binary_op;
    or_, "or_", BinOp::Or, binary_op;
    xor, "xor", BinOp::Xor, binary_op;
    iadd, "iadd", BinOp::Add, inplace_op;
    isub, "isub", BinOp::Sub, inplace_op;
    imul, "imul", BinOp::Mul, inplace_op;
    imatmul, "imatmul", BinOp::MatMul, inplace_op;
    itruediv, "itruediv", BinOp::TrueDiv, inplace_op;
    ifloordiv, "ifloordiv", BinOp::FloorDiv, inplace_op;
    imod, "imod", BinOp::Mod, inplace_op;
    ipow, "ipow", BinOp::Pow, inplace_op;
    ilshift, "ilshift", BinOp::LShift, inplace_op;
    irshift, "irshift", BinOp::RShift, inplace_op;
    iand, "iand", BinOp::And, inplace_op;
    ior, "ior", BinOp::Or, inplace_op;
    ixor, "ixor", BinOp::Xor, inplace_op;
    lt, "lt", CmpOp::Lt, compare;
    le, "le", CmpOp::Le, compare;
    eq, "eq", CmpOp::Eq, compare;
    ne, "ne", CmpOp::Ne, compare;
    gt, "gt", CmpOp::Gt, compare;
    ge, "ge", CmpOp::Ge, compare;
}

macro_rules! unary {
    ($($fname:ident, $name:literal, $op:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
                let [a] = fixed(vm, $name, args, kwargs)?;
                vm.unary_op(a, $op)
            }
        )*
        const UNARY: &[(&str, NativeFn)] = &[$(($name, $fname),)*];
    };
}

unary! {
    neg, "neg", UnaryOp::Neg;
    pos, "pos", UnaryOp::Pos;
    inv, "inv", UnaryOp::Invert;
    invert, "invert", UnaryOp::Invert;
}

fn truth(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [a] = fixed(vm, "truth", args, kwargs)?;
    vm.truthy(a).map(Value::Bool)
}

fn not_(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [a] = fixed(vm, "not_", args, kwargs)?;
    vm.truthy(a).map(|b| Value::Bool(!b))
}

fn is_(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [a, b] = fixed(vm, "is_", args, kwargs)?;
    Ok(Value::Bool(a.is(b)))
}

fn is_not(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [a, b] = fixed(vm, "is_not", args, kwargs)?;
    Ok(Value::Bool(!a.is(b)))
}

fn contains(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [a, b] = fixed(vm, "contains", args, kwargs)?;
    vm.contains(a, b).map(Value::Bool)
}

fn getitem(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [a, b] = fixed(vm, "getitem", args, kwargs)?;
    vm.getitem(a, b)
}

fn setitem(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [a, b, c] = fixed(vm, "setitem", args, kwargs)?;
    vm.setitem(a, b, c).map(|()| Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [a, b] = fixed(vm, "delitem", args, kwargs)?;
    vm.delitem(a, b).map(|()| Value::None)
}

/// `operator.index(a)`: `a.__index__()`, keeping big ints as they are.
fn index(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [a] = fixed(vm, "index", args, kwargs)?;
    match a {
        Value::Int(_) => Ok(a),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Obj(r) if matches!(vm.heap.get(r), Object::BigInt(_)) => Ok(a),
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Instance(_)) => {
            let ty = vm.type_of(a);
            let Some(f) = vm.special_method(ty, SpecialMethod::Index) else {
                return index_i64(vm, a).map(Value::Int);
            };
            let r = vm.call_reentrant(f, &[a], &[])?;
            match r {
                Value::Int(_) => Ok(r),
                Value::Bool(b) => Ok(Value::Int(b as i64)),
                Value::Obj(o) if matches!(vm.heap.get(o), Object::BigInt(_)) => Ok(r),
                _ => {
                    let msg = format!("__index__ returned non-int (type {})", vm.type_name(r));
                    vm.err(ExcKind::TypeError, msg)
                }
            }
        }
        _ => index_i64(vm, a).map(Value::Int),
    }
}

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    super::getters::install(vm, dict)?;
    add_functions(vm, dict, BINARY)?;
    add_functions(vm, dict, UNARY)?;
    let others: &[(&'static str, NativeFn)] = &[
        ("truth", truth),
        ("not_", not_),
        ("is_", is_),
        ("is_not", is_not),
        ("contains", contains),
        ("getitem", getitem),
        ("setitem", setitem),
        ("delitem", delitem),
        ("index", index),
    ];
    add_functions(vm, dict, others)
}
