//! `int`, `float` and `bool`: constructors (CPython's conversions and messages) and methods.

use num_bigint::BigInt;

use super::args::{check_count, index_i64, num, take_kwargs};
use super::constructors::{split_cls, wrap};
use crate::num::{PyInt, float_parse::parse_float, int_float::float_to_int, int_text::parse_int};
use crate::runtime::object::Object;
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let t = vm.types;
    vm.add_method(t.int, "__new__", int_new);
    vm.add_method(t.int, "bit_length", int_bit_length);
    vm.add_method(t.int, "conjugate", int_conjugate);
    vm.add_method(t.int, "__index__", int_conjugate);
    vm.add_method(t.float, "__new__", float_new);
    vm.add_method(t.float, "is_integer", float_is_integer);
    vm.add_method(t.float, "as_integer_ratio", float_as_integer_ratio);
    vm.add_method(t.float, "conjugate", float_conjugate);
    vm.add_method(t.bool_, "__new__", bool_new);
}

fn int_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "int")?;
    let [kbase] = take_kwargs(vm, kwargs, "int", ["base"])?;
    if rest.len() > 2 {
        let msg = format!("int() takes at most 2 arguments ({} given)", rest.len());
        return vm.err(ExcKind::TypeError, msg);
    }
    let base = rest.get(1).copied().or(kbase);
    let v = match (rest.first().copied(), base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return vm.err(ExcKind::TypeError, "int() missing string argument"),
        (Some(x), None) => to_int(vm, x)?,
        (Some(x), Some(b)) => {
            let b = index_i64(vm, b)?;
            let text = vm.base_value(x);
            let Some(s) = vm.as_str(text).map(str::to_string) else {
                return vm.err(
                    ExcKind::TypeError,
                    "int() can't convert non-string with explicit base",
                );
            };
            let i = num(vm, parse_int(&s, b))?;
            vm.from_pyint(i)
        }
    };
    let int_ty = vm.types.int;
    Ok(wrap(vm, cls, int_ty, v))
}

/// `int(x)` for one argument.
pub fn to_int(vm: &mut Vm, x: Value) -> PyResult<Value> {
    match x {
        Value::Int(_) => return Ok(x),
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        Value::Float(f) => {
            let i = num(vm, float_to_int(f))?;
            return Ok(vm.from_pyint(i));
        }
        _ => {}
    }
    if let Value::Obj(r) = x {
        match vm.heap.get(r) {
            Object::BigInt(_) => return Ok(x),
            Object::Str(s) => {
                let s = s.s.to_string();
                let i = num(vm, parse_int(&s, 10))?;
                return Ok(vm.from_pyint(i));
            }
            Object::Instance(_) => {
                let ty = vm.type_of(x);
                for hook in ["__int__", "__index__"] {
                    if !vm.type_obj(ty).builtin
                        && let Some(f) = vm.lookup_in_mro_str(ty, hook)
                        && !matches!(f, Value::Obj(b) if matches!(vm.heap.get(b), Object::Builtin(_)))
                    {
                        let r = vm.call_reentrant(f, &[x], &[])?;
                        if vm.to_pyint(r).is_none() {
                            let msg = format!("{hook} returned non-int (type {})", vm.type_name(r));
                            return vm.err(ExcKind::TypeError, msg);
                        }
                        return Ok(vm.base_value(r));
                    }
                }
                let base = vm.base_value(x);
                if !base.is(x) {
                    return to_int(vm, base);
                }
            }
            _ => {}
        }
    }
    let msg = format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    );
    vm.err(ExcKind::TypeError, msg)
}

fn float_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "float")?;
    super::args::no_kwargs(vm, kwargs, "float")?;
    check_count(vm, &rest, "float", 0, 1)?;
    let v = match rest.first() {
        None => Value::Float(0.0),
        Some(&x) => Value::Float(to_float(vm, x)?),
    };
    let float_ty = vm.types.float;
    Ok(wrap(vm, cls, float_ty, v))
}

/// `float(x)` for one argument.
pub fn to_float(vm: &mut Vm, x: Value) -> PyResult<f64> {
    if let Some(f) = vm.to_f64(x)? {
        return Ok(f);
    }
    if let Value::Obj(r) = x {
        match vm.heap.get(r) {
            Object::Str(s) => {
                let s = s.s.to_string();
                return num(vm, parse_float(&s));
            }
            Object::Instance(_) => {
                let ty = vm.type_of(x);
                if !vm.type_obj(ty).builtin {
                    if let Some(f) = vm.special_method(ty, SpecialMethod::Float) {
                        let r = vm.call_reentrant(f, &[x], &[])?;
                        return match vm.base_value(r) {
                            Value::Float(f) => Ok(f),
                            _ => {
                                let msg = format!(
                                    "{}.__float__ returned non-float (type {})",
                                    vm.type_name(x),
                                    vm.type_name(r)
                                );
                                vm.err(ExcKind::TypeError, msg)
                            }
                        };
                    }
                    if let Some(f) = vm.special_method(ty, SpecialMethod::Index)
                        && !matches!(f, Value::Obj(b) if matches!(vm.heap.get(b), Object::Builtin(_)))
                    {
                        let r = vm.call_reentrant(f, &[x], &[])?;
                        if let Some(v) = vm.to_f64(r)? {
                            return Ok(v);
                        }
                    }
                }
                let base = vm.base_value(x);
                if !base.is(x) {
                    return to_float(vm, base);
                }
            }
            _ => {}
        }
    }
    let msg = format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(x)
    );
    vm.err(ExcKind::TypeError, msg)
}

fn bool_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (_, rest) = split_cls(vm, args, "bool")?;
    super::args::no_kwargs(vm, kwargs, "bool")?;
    check_count(vm, &rest, "bool", 0, 1)?;
    match rest.first() {
        None => Ok(Value::Bool(false)),
        Some(&x) => Ok(Value::Bool(vm.truthy(x)?)),
    }
}

fn this_int(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<PyInt> {
    let v = super::args::this(vm, args, "int", method)?;
    match vm.to_pyint(v) {
        Some(i) => Ok(i),
        None => Err(super::args::descriptor_error(vm, method, "int", v)),
    }
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let i = this_int(vm, args, "bit_length")?;
    Ok(Value::Int(i.bit_length() as i64))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let i = this_int(vm, args, "conjugate")?;
    Ok(vm.from_pyint(i))
}

fn this_float(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<f64> {
    let v = super::args::this(vm, args, "float", method)?;
    match v {
        Value::Float(f) => Ok(f),
        _ => Err(super::args::descriptor_error(vm, method, "float", v)),
    }
}

fn float_is_integer(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = this_float(vm, args, "is_integer")?;
    Ok(Value::Bool(crate::num::float_ops::is_integer(f)))
}

fn float_conjugate(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    Ok(Value::Float(this_float(vm, args, "conjugate")?))
}

/// `float.as_integer_ratio()`: the exact fraction in lowest terms.
fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = this_float(vm, args, "as_integer_ratio")?;
    if f.is_nan() {
        return vm.err(ExcKind::ValueError, "cannot convert NaN to integer ratio");
    }
    if f.is_infinite() {
        return vm.err(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        );
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    if mant == 0 {
        return Ok(vm.new_tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let tz = mant.trailing_zeros() as i64;
    mant >>= tz;
    exp += tz;
    let sign = if f < 0.0 { -1 } else { 1 };
    let (n, d) = if exp >= 0 {
        (BigInt::from(mant) << exp as u64, BigInt::from(1))
    } else {
        (BigInt::from(mant), BigInt::from(1) << (-exp) as u64)
    };
    let n = vm.new_int(n * sign);
    let d = vm.new_int(d);
    Ok(vm.new_tuple(vec![n, d]))
}
