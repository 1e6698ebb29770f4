//! Argument checking shared by the natives: counts, keywords, and the conversions CPython's
//! argument parser performs (`__index__`-style ints, strs), with its error messages.

use num_bigint::Sign;

use crate::runtime::object::Object;
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

/// `{name}() takes exactly one argument ({n} given)`, as METH_O functions say.
pub fn one_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args {
        [a] => Ok(*a),
        _ => vm.err(
            ExcKind::TypeError,
            format!("{name}() takes exactly one argument ({} given)", args.len()),
        ),
    }
}

/// Checks a positional count in Argument Clinic's words (`isinstance expected 2 arguments,
/// got 1`).
pub fn check_count(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    };
    vm.err(ExcKind::TypeError, msg)
}

/// Rejects keyword arguments: `{name}() takes no keyword arguments`.
pub fn no_kwargs(vm: &mut Vm, kwargs: Kwargs<'_>, name: &str) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        vm.err(
            ExcKind::TypeError,
            format!("{name}() takes no keyword arguments"),
        )
    }
}

/// Picks the allowed keyword arguments out of `kwargs`, in `allowed` order; anything else is
/// `'{kw}' is an invalid keyword argument for {name}()`.
pub fn take_kwargs<const N: usize>(
    vm: &mut Vm,
    kwargs: Kwargs<'_>,
    name: &str,
    allowed: [&str; N],
) -> PyResult<[Option<Value>; N]> {
    let mut out = [None; N];
    for &(k, v) in kwargs {
        let key = vm.as_str(k).unwrap_or("");
        match allowed.iter().position(|a| *a == key) {
            Some(i) => out[i] = Some(v),
            None => {
                let msg = format!("'{key}' is an invalid keyword argument for {name}()");
                return vm.err(ExcKind::TypeError, msg);
            }
        }
    }
    Ok(out)
}

/// An int argument as CPython's `__index__` conversion: ints and bools (and user
/// `__index__`); big ints are `Err` with an OverflowError.
pub fn index_i64(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(r) => match vm.heap.get(r) {
            Object::BigInt(_) => vm.err(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            ),
            Object::Instance(_) => {
                let ty = vm.type_of(v);
                if let Some(f) = vm.special_method(ty, SpecialMethod::Index) {
                    let r = vm.call_reentrant(f, &[v], &[])?;
                    return index_i64(vm, r);
                }
                let base = vm.base_value(v);
                if !base.is(v) && matches!(base, Value::Int(_) | Value::Bool(_)) {
                    return index_i64(vm, base);
                }
                Err(not_integer(vm, v))
            }
            _ => Err(not_integer(vm, v)),
        },
        _ => Err(not_integer(vm, v)),
    }
}

/// Like [`index_i64`] but clamping big ints to the i64 range (for slice-like arguments
/// where only the sign of a huge value matters).
pub fn index_clamped(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Value::Obj(r) = v
        && let Object::BigInt(b) = vm.heap.get(r)
    {
        return Ok(if b.sign() == Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        });
    }
    index_i64(vm, v)
}

#[cold]
pub fn not_integer(vm: &mut Vm, v: Value) -> crate::runtime::Raised {
    let msg = format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    );
    vm.raise(ExcKind::TypeError, msg)
}

/// The text of a str argument (copied, so the VM can be used while holding it).
pub fn str_arg(vm: &mut Vm, v: Value, what: impl FnOnce(&str) -> String) -> PyResult<String> {
    let base = vm.base_value(v);
    match vm.as_str(base) {
        Some(s) => Ok(s.to_string()),
        None => {
            let msg = what(&vm.type_name(v));
            vm.err(ExcKind::TypeError, msg)
        }
    }
}

/// `self` of a method of a built-in type: the value itself, or the built-in value a
/// subclass instance extends.
pub fn this(vm: &mut Vm, args: &[Value], ty: &str, method: &str) -> PyResult<Value> {
    match args.first() {
        Some(&v) => Ok(vm.base_value(v)),
        None => vm.err(
            ExcKind::TypeError,
            format!("unbound method {ty}.{method}() needs an argument"),
        ),
    }
}

/// The handle of `self` when it is a list.
pub fn this_list(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<ObjRef> {
    let v = this(vm, args, "list", method)?;
    match v {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::List(_)) => Ok(r),
        _ => Err(descriptor_error(vm, method, "list", v)),
    }
}

/// `descriptor 'append' for 'list' objects doesn't apply to a 'int' object`.
#[cold]
pub fn descriptor_error(vm: &mut Vm, method: &str, ty: &str, v: Value) -> crate::runtime::Raised {
    let msg = format!(
        "descriptor '{method}' for '{ty}' objects doesn't apply to a '{}' object",
        vm.type_name(v)
    );
    vm.raise(ExcKind::TypeError, msg)
}

/// Runs `f` with `vals` pushed on the temporary roots, popping them whatever happens.
pub fn rooted<T>(vm: &mut Vm, vals: &[Value], f: impl FnOnce(&mut Vm) -> T) -> T {
    let n = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(vals);
    let r = f(vm);
    vm.temp_roots.truncate(n);
    r
}

/// Maps a numeric helper's error onto the Python exception.
pub fn num<T>(vm: &mut Vm, r: Result<T, crate::num::NumError>) -> PyResult<T> {
    r.map_err(|e| vm.num_error(e))
}
