//! Python values to array items and back, with CPython 3.11's checks: each type code's
//! `*_setitem` in `arraymodule.c` parses through a chain of C conversions, and the first one
//! that overflows names its C type in the message (`signed short integer is greater than
//! maximum` for `array('b')[0] = 40000`).

use num_bigint::Sign;

use super::storage::Scalar;
use crate::runtime::PyResult;
use crate::runtime::object::Object;
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;

/// Converts `v` for an array of type code `code`.
#[inline]
pub fn to_scalar(vm: &mut Vm, code: u8, v: Value) -> PyResult<Scalar> {
    match (code, v) {
        (b'd' | b'f', Value::Float(x)) => Ok(Scalar::Float(x)),
        (b'd' | b'f', _) => to_float(vm, v).map(Scalar::Float),
        (b'u', _) => to_char(vm, v),
        _ => to_int(vm, code, v),
    }
}

/// The Python value of an item.
#[inline]
pub fn to_value(vm: &mut Vm, x: Scalar) -> Value {
    match x {
        Scalar::Float(f) => Value::Float(f),
        Scalar::Int(i) => Value::Int(i),
        Scalar::UInt(u) => match i64::try_from(u) {
            Ok(i) => Value::Int(i),
            Err(_) => vm.alloc(Object::BigInt(u.into())),
        },
        Scalar::Char(c) => {
            let mut buf = [0u8; 4];
            let ch = char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
            vm.intern_char(ch.encode_utf8(&mut buf))
        }
    }
}

#[cold]
fn to_float(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(x) = vm.to_f64(v)? {
        return Ok(x);
    }
    let base = vm.base_value(v);
    if !base.is(v)
        && let Some(x) = vm.to_f64(base)?
    {
        return Ok(x);
    }
    if let Value::Obj(r) = v
        && matches!(vm.heap.get(r), Object::Instance(_))
    {
        // PyFloat_AsDouble: `__float__`, then `__index__`.
        let ty = vm.type_of(v);
        if let Some(f) = vm.special_method(ty, SpecialMethod::Float) {
            let r = vm.call_reentrant(f, &[v], &[])?;
            if let Value::Float(x) = vm.base_value(r) {
                return Ok(x);
            }
            let msg = format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(r)
            );
            return vm.err(ExcKind::TypeError, msg);
        }
        if let Some(i) = vm.user_index(v)? {
            return Ok(i as f64);
        }
    }
    let msg = format!("must be real number, not {}", vm.type_name(v));
    vm.err(ExcKind::TypeError, msg)
}

fn to_char(vm: &mut Vm, v: Value) -> PyResult<Scalar> {
    let base = vm.base_value(v);
    if let Some(s) = vm.as_str(base) {
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(Scalar::Char(c as u32));
        }
    }
    vm.err(ExcKind::TypeError, "array item must be unicode character")
}

/// An int item: the value as an i128 (big ints saturate: every check below fails on them
/// the way the first C conversion does), then the type code's chain of range checks.
#[cold]
fn to_int(vm: &mut Vm, code: u8, v: Value) -> PyResult<Scalar> {
    let i = int_value(vm, v)?;
    let signed_long = |vm: &mut Vm| -> PyResult<()> {
        if i < i64::MIN as i128 || i > i64::MAX as i128 {
            return vm.err(
                ExcKind::OverflowError,
                "Python int too large to convert to C long",
            );
        }
        Ok(())
    };
    let range = |vm: &mut Vm, lo: i128, hi: i128, what: &str| -> PyResult<()> {
        if i > hi {
            return vm.err(
                ExcKind::OverflowError,
                format!("{what} is greater than maximum"),
            );
        }
        if i < lo {
            return vm.err(
                ExcKind::OverflowError,
                format!("{what} is less than minimum"),
            );
        }
        Ok(())
    };
    let (short, int) = ((-32768, 32767), (i32::MIN as i128, i32::MAX as i128));
    match code {
        b'b' => {
            signed_long(vm)?;
            range(vm, short.0, short.1, "signed short integer")?;
            range(vm, -128, 127, "signed char")?;
        }
        b'B' => {
            signed_long(vm)?;
            range(vm, 0, 255, "unsigned byte integer")?;
        }
        b'h' => {
            signed_long(vm)?;
            range(vm, short.0, short.1, "signed short integer")?;
        }
        b'H' => {
            signed_long(vm)?;
            range(vm, int.0, int.1, "signed integer")?;
            range(vm, 0, 65535, "unsigned short")?;
        }
        b'i' => {
            signed_long(vm)?;
            range(vm, int.0, int.1, "signed integer")?;
        }
        b'l' => signed_long(vm)?,
        b'I' | b'L' => {
            if i < 0 {
                return vm.err(
                    ExcKind::OverflowError,
                    "can't convert negative value to unsigned int",
                );
            }
            if i > u64::MAX as i128 {
                return vm.err(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C unsigned long",
                );
            }
            if code == b'I' && i > u32::MAX as i128 {
                return vm.err(
                    ExcKind::OverflowError,
                    "unsigned int is greater than maximum",
                );
            }
        }
        b'q' => {
            if i < i64::MIN as i128 || i > i64::MAX as i128 {
                return vm.err(ExcKind::OverflowError, "int too big to convert");
            }
        }
        _ => {
            if i < 0 {
                return vm.err(
                    ExcKind::OverflowError,
                    "can't convert negative int to unsigned",
                );
            }
            if i > u64::MAX as i128 {
                return vm.err(ExcKind::OverflowError, "int too big to convert");
            }
        }
    }
    Ok(if i < 0 {
        Scalar::Int(i as i64)
    } else {
        Scalar::UInt(i as u64)
    })
}

/// An int through `__index__`, as `PyNumber_Index`.
fn int_value(vm: &mut Vm, v: Value) -> PyResult<i128> {
    match v {
        Value::Int(i) => return Ok(i as i128),
        Value::Bool(b) => return Ok(b as i128),
        Value::Obj(r) => match vm.heap.get(r) {
            Object::BigInt(b) => {
                return Ok(i128::try_from(b).unwrap_or(if b.sign() == Sign::Minus {
                    i128::MIN
                } else {
                    i128::MAX
                }));
            }
            Object::Instance(_) => {
                let base = vm.base_value(v);
                if !base.is(v) && matches!(base, Value::Int(_) | Value::Bool(_)) {
                    return int_value(vm, base);
                }
                let ty = vm.type_of(v);
                if let Some(f) = vm.special_method(ty, SpecialMethod::Index) {
                    let r = vm.call_reentrant(f, &[v], &[])?;
                    if vm.to_pyint(r).is_some() {
                        return int_value(vm, r);
                    }
                    let msg = format!("__index__ returned non-int (type {})", vm.type_name(r));
                    return vm.err(ExcKind::TypeError, msg);
                }
            }
            _ => {}
        },
        _ => {}
    }
    let msg = format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    );
    vm.err(ExcKind::TypeError, msg)
}
