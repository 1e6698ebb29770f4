//! The `math` module: CPython's float functions with its domain and range errors, the
//! integer functions (`isqrt`, `gcd`, `lcm`, `factorial`, `comb`, `perm`), `floor`/`ceil`/
//! `trunc` returning ints, `fsum` (exactly rounded, as CPython's), and the constants.
//!
//! The float functions call the platform libm, as CPython does, so results agree bit for bit.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{add_functions, add_value};
use crate::num::int_float::float_to_int;
use crate::num::int_ops::PyInt;
use crate::runtime::object::{NativeFn, Object};
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    for (name, x) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        add_value(vm, dict, name, Value::Float(x))?;
    }
    let fns: &[(&'static str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("expm1", expm1),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("atan2", atan2),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("fabs", fabs),
        ("pow", pow),
        ("fmod", fmod),
        ("copysign", copysign),
        ("hypot", hypot),
        ("dist", dist),
        ("degrees", degrees),
        ("radians", radians),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("fsum", fsum),
        ("prod", prod),
        ("isqrt", isqrt),
        ("gcd", gcd),
        ("lcm", lcm),
        ("factorial", factorial),
        ("comb", comb),
        ("perm", perm),
    ];
    add_functions(vm, dict, fns)
}

// ---- argument conversion ----

fn count(vm: &mut Vm, args: &[Value], name: &str, n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    let msg = if n == 1 {
        format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        )
    } else {
        format!("{name} expected {n} arguments, got {}", args.len())
    };
    vm.err(ExcKind::TypeError, msg)
}

/// A float argument: ints and floats (and bools); anything else is CPython's TypeError.
fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(x) = vm.to_f64(v)? {
        return Ok(x);
    }
    let base = vm.base_value(v);
    if !base.is(v)
        && let Some(x) = vm.to_f64(base)?
    {
        return Ok(x);
    }
    let ty = vm.type_of(v);
    if let Some(f) = vm.special_method(ty, SpecialMethod::Float) {
        let r = vm.call_reentrant(f, &[v], &[])?;
        if let Value::Float(x) = r {
            return Ok(x);
        }
    }
    let msg = format!("must be real number, not {}", vm.type_name(v));
    vm.err(ExcKind::TypeError, msg)
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    let base = vm.base_value(v);
    match vm.to_pyint(base) {
        Some(i) if !matches!(base, Value::Float(_)) => Ok(i.to_bigint()),
        _ => {
            let ty = vm.type_of(v);
            if let Some(f) = vm.special_method(ty, SpecialMethod::Index) {
                let r = vm.call_reentrant(f, &[v], &[])?;
                if let Some(i) = vm.to_pyint(r) {
                    return Ok(i.to_bigint());
                }
            }
            let msg = format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            );
            vm.err(ExcKind::TypeError, msg)
        }
    }
}

fn int_value(vm: &mut Vm, i: BigInt) -> Value {
    vm.from_pyint(PyInt::from_bigint(i))
}

fn domain_error<T>(vm: &mut Vm) -> PyResult<T> {
    vm.err(ExcKind::ValueError, "math domain error")
}

fn range_error<T>(vm: &mut Vm) -> PyResult<T> {
    vm.err(ExcKind::OverflowError, "math range error")
}

/// CPython's `math_1`: NaN from a non-NaN argument is a domain error; an infinity from a
/// finite argument is a range error when the function can overflow, else a domain error.
fn math_1(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    count(vm, args, name, 1)?;
    let x = float_arg(vm, args[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return domain_error(vm);
    }
    if r.is_infinite() && x.is_finite() {
        return if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        };
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
            math_1(vm, args, stringify!($name), $f, $overflow)
        })*
    };
}

unary! {
    exp => f64::exp, true;
    expm1 => f64::exp_m1, true;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => f64::asinh, false;
    acosh => f64::acosh, false;
    atanh => atanh_checked, false;
    fabs => f64::abs, false;
}

fn atanh_checked(x: f64) -> f64 {
    if x.abs() >= 1.0 { f64::NAN } else { x.atanh() }
}

fn sqrt(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    math_1(vm, args, "sqrt", f64::sqrt, false)
}

/// The natural log of a positive int of any size: ints past f64's range are scaled by a power
/// of two first, as CPython's `loghelper` does.
fn int_log(vm: &mut Vm, i: &BigInt, f: fn(f64) -> f64) -> PyResult<f64> {
    if i.sign() != Sign::Plus {
        return domain_error(vm);
    }
    if let Some(x) = i.to_f64().filter(|x| x.is_finite()) {
        return Ok(f(x));
    }
    let bits = i.bits();
    let shift = bits - 60;
    let top = (i >> shift).to_f64().unwrap_or(f64::NAN);
    Ok(f(top) + shift as f64 * f(2.0))
}

fn log_of(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    let base = vm.base_value(v);
    if let Value::Obj(r) = base
        && let Object::BigInt(b) = vm.heap.get(r)
    {
        let b = b.clone();
        return int_log(vm, &b, f);
    }
    let x = float_arg(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return domain_error(vm);
    }
    Ok(f(x))
}

fn log(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        let msg = format!(
            "log expected {} argument{}, got {}",
            if args.is_empty() {
                "at least 1"
            } else {
                "at most 2"
            },
            if args.is_empty() { "" } else { "s" },
            args.len()
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let num = log_of(vm, args[0], f64::ln)?;
    if args.len() == 1 {
        return Ok(Value::Float(num));
    }
    let den = log_of(vm, args[1], f64::ln)?;
    if den == 0.0 {
        return vm.err(ExcKind::ZeroDivisionError, "float division by zero");
    }
    Ok(Value::Float(num / den))
}

fn log2(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "log2", 1)?;
    Ok(Value::Float(log_of(vm, args[0], f64::log2)?))
}

fn log10(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "log10", 1)?;
    Ok(Value::Float(log_of(vm, args[0], f64::log10)?))
}

fn log1p(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "log1p", 1)?;
    let x = float_arg(vm, args[0])?;
    if x <= -1.0 {
        return domain_error(vm);
    }
    Ok(Value::Float(x.ln_1p()))
}

fn two_floats(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(f64, f64)> {
    count(vm, args, name, 2)?;
    Ok((float_arg(vm, args[0])?, float_arg(vm, args[1])?))
}

fn atan2(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (y, x) = two_floats(vm, args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn copysign(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn fmod(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return domain_error(vm);
    }
    Ok(Value::Float(r))
}

/// CPython's `math_pow`: C99 special cases, then errors from the result.
fn pow(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "pow")?;
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y % 2.0).abs() == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0) == (x.abs() > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    if x == 0.0 && y < 0.0 {
        return domain_error(vm);
    }
    if x < 0.0 && y != y.floor() {
        return domain_error(vm);
    }
    let r = x.powf(y);
    if r.is_infinite() {
        return range_error(vm);
    }
    Ok(Value::Float(r))
}

/// `hypot` and `dist` scale by the largest coordinate, as CPython's `vector_norm` does, so
/// nothing overflows needlessly; CPython additionally corrects the last bit, which matters
/// only for exotic inputs.
fn vector_norm(coords: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &x in coords {
        let a = x.abs();
        found_nan |= a.is_nan();
        if a > max {
            max = a;
        }
    }
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || coords.len() <= 1 {
        return max;
    }
    if coords.len() == 2 {
        return coords[0].hypot(coords[1]);
    }
    let mut sum = 0.0;
    for &x in coords {
        let s = x / max;
        sum += s * s;
    }
    max * sum.sqrt()
}

fn hypot(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let mut coords = Vec::with_capacity(args.len());
    for &a in args {
        coords.push(float_arg(vm, a)?);
    }
    Ok(Value::Float(vector_norm(&coords)))
}

fn dist(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "dist", 2)?;
    let roots = vm.temp_roots.len();
    let result = dist_rooted(vm, args);
    vm.temp_roots.truncate(roots);
    result
}

/// `dist` with the collected coordinates kept on the temporary roots: converting them may run
/// Python code (`__float__`), and with it the collector.
fn dist_rooted(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let p = vm.collect_iterable(args[0])?;
    vm.temp_roots.extend_from_slice(&p);
    let q = vm.collect_iterable(args[1])?;
    vm.temp_roots.extend_from_slice(&q);
    if p.len() != q.len() {
        return vm.err(
            ExcKind::ValueError,
            "both points must have the same number of dimensions",
        );
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (&a, &b) in p.iter().zip(&q) {
        diffs.push(float_arg(vm, a)? - float_arg(vm, b)?);
    }
    Ok(Value::Float(vector_norm(&diffs)))
}

fn degrees(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "degrees", 1)?;
    let x = float_arg(vm, args[0])?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "radians", 1)?;
    let x = float_arg(vm, args[0])?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

fn predicate(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    count(vm, args, name, 1)?;
    let x = float_arg(vm, args[0])?;
    Ok(Value::Bool(f(x)))
}

fn isfinite(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    predicate(vm, args, "isfinite", f64::is_finite)
}

fn isinf(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    predicate(vm, args, "isinf", f64::is_infinite)
}

fn isnan(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    predicate(vm, args, "isnan", f64::is_nan)
}

fn isclose(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    if args.len() != 2 {
        let msg = format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let a = float_arg(vm, args[0])?;
    let b = float_arg(vm, args[1])?;
    let (mut rel_tol, mut abs_tol) = (1e-9, 0.0);
    for &(k, v) in kwargs {
        let name = vm.as_str(k).unwrap_or("").to_string();
        match name.as_str() {
            "rel_tol" => rel_tol = float_arg(vm, v)?,
            "abs_tol" => abs_tol = float_arg(vm, v)?,
            _ => {
                let msg = format!("isclose() got an unexpected keyword argument '{name}'");
                return vm.err(ExcKind::TypeError, msg);
            }
        }
    }
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return vm.err(ExcKind::ValueError, "tolerances must be non-negative");
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    let close = diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol;
    Ok(Value::Bool(close))
}

/// `floor`, `ceil` and `trunc`: ints come back unchanged, floats as ints, and other objects
/// through their `__floor__`/`__ceil__`/`__trunc__`.
fn rounding(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    count(vm, args, name, 1)?;
    let v = args[0];
    let base = vm.base_value(v);
    match base {
        Value::Int(_) => return Ok(base),
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        Value::Float(x) => {
            let r = float_to_int(f(x)).map_err(|e| vm.num_error(e))?;
            return Ok(vm.from_pyint(r));
        }
        Value::Obj(r) if matches!(vm.heap.get(r), Object::BigInt(_)) => return Ok(base),
        _ => {}
    }
    let ty = vm.type_of(v);
    let dunder = format!("__{name}__");
    let dunder = vm.intern(&dunder);
    if let Some(m) = vm.lookup_in_mro(ty, dunder) {
        return vm.call_reentrant(m, &[v], &[]);
    }
    if name == "trunc" {
        let msg = format!("type {} doesn't define __trunc__ method", vm.type_name(v));
        return vm.err(ExcKind::TypeError, msg);
    }
    let x = float_arg(vm, v)?;
    let r = float_to_int(f(x)).map_err(|e| vm.num_error(e))?;
    Ok(vm.from_pyint(r))
}

fn floor(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    rounding(vm, args, "floor", f64::floor)
}

fn ceil(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    rounding(vm, args, "ceil", f64::ceil)
}

fn trunc(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    rounding(vm, args, "trunc", f64::trunc)
}

fn modf(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "modf", 1)?;
    let x = float_arg(vm, args[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        let int = x.trunc();
        ((x - int).copysign(x), int)
    };
    Ok(vm.new_tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn frexp(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "frexp", 1)?;
    let x = float_arg(vm, args[0])?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        if exp == 0 {
            // Subnormal: scale into the normal range first.
            let y = x * 2f64.powi(64);
            let e = (((y.to_bits() >> 52) & 0x7ff) as i64) - 1022;
            let m = f64::from_bits((y.to_bits() & !(0x7ff << 52)) | (1022 << 52));
            (m, e - 64)
        } else {
            let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
            (m, exp - 1022)
        }
    };
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn ldexp(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "ldexp", 2)?;
    let x = float_arg(vm, args[0])?;
    if matches!(args[1], Value::Float(_)) {
        return vm.err(
            ExcKind::TypeError,
            "Expected an int as second argument to ldexp.",
        );
    }
    let e = int_arg(vm, args[1])?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let e = e
        .to_i64()
        .unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    let r = crate::num::int_float::ldexp(x, e);
    if r.is_infinite() {
        return range_error(vm);
    }
    Ok(Value::Float(r))
}

/// CPython's `math_fsum`: Shewchuk's exact partial sums, rounded once at the end.
fn fsum(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "fsum", 1)?;
    let items = vm.collect_iterable(args[0])?;
    let roots = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let result = fsum_values(vm, &items);
    vm.temp_roots.truncate(roots);
    result
}

/// Shewchuk's algorithm over values kept alive by the caller.
fn fsum_values(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for &item in items {
        let mut x = float_arg(vm, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // An infinity or NaN among the inputs, or an intermediate overflow.
                if xsave.is_finite() {
                    return vm.err(ExcKind::OverflowError, "intermediate overflow in fsum");
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return vm.err(ExcKind::ValueError, "-inf + inf in fsum");
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the remaining partials push past a tie.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn prod(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "prod", 1)?;
    let mut acc = Value::Int(1);
    for &(k, v) in kwargs {
        if vm.as_str(k) == Some("start") {
            acc = v;
        } else {
            let msg = format!(
                "prod() got an unexpected keyword argument '{}'",
                vm.as_str(k).unwrap_or("")
            );
            return vm.err(ExcKind::TypeError, msg);
        }
    }
    let items = vm.collect_iterable(args[0])?;
    let n = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let mut result = Ok(acc);
    for &item in &items {
        vm.temp_roots.push(acc);
        result = vm.binary_op(acc, item, crate::runtime::ops::BinOp::Mul);
        match result {
            Ok(v) => acc = v,
            Err(_) => break,
        }
    }
    vm.temp_roots.truncate(n);
    result
}

fn isqrt(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "isqrt", 1)?;
    let n = int_arg(vm, args[0])?;
    if n.is_negative() {
        return vm.err(ExcKind::ValueError, "isqrt() argument must be nonnegative");
    }
    Ok(int_value(vm, n.sqrt()))
}

fn gcd(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for &a in args {
        let x = int_arg(vm, a)?;
        g = g.gcd(&x);
    }
    Ok(int_value(vm, g))
}

fn lcm(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let mut l = BigInt::one();
    for &a in args {
        let x = int_arg(vm, a)?;
        l = if l.is_zero() || x.is_zero() {
            BigInt::zero()
        } else {
            l.lcm(&x)
        };
    }
    Ok(int_value(vm, l))
}

fn factorial(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    count(vm, args, "factorial", 1)?;
    if matches!(args[0], Value::Float(_)) {
        return vm.err(
            ExcKind::TypeError,
            "'float' object cannot be interpreted as an integer",
        );
    }
    let n = int_arg(vm, args[0])?;
    if n.is_negative() {
        return vm.err(
            ExcKind::ValueError,
            "factorial() not defined for negative values",
        );
    }
    let Some(n) = n.to_u64() else {
        return vm.err(
            ExcKind::OverflowError,
            "factorial() argument should not exceed 9223372036854775807",
        );
    };
    Ok(int_value(vm, product_range(1, n)))
}

/// The product lo * (lo+1) * ... * hi by binary splitting (big factors meet late).
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        for k in lo..=hi {
            acc *= k;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn comb_perm_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(BigInt, BigInt)> {
    count(vm, args, name, 2)?;
    let n = int_arg(vm, args[0])?;
    let k = int_arg(vm, args[1])?;
    if n.is_negative() {
        return vm.err(ExcKind::ValueError, "n must be a non-negative integer");
    }
    if k.is_negative() {
        return vm.err(ExcKind::ValueError, "k must be a non-negative integer");
    }
    Ok((n, k))
}

fn comb(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (n, k) = comb_perm_args(vm, args, "comb")?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64() else {
        return vm.err(
            ExcKind::OverflowError,
            "min(n - k, k) must not exceed 9223372036854775807",
        );
    };
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(int_value(vm, acc))
}

fn perm(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    if args.len() == 1 {
        return factorial(vm, args, &[]);
    }
    let (n, k) = comb_perm_args(vm, args, "perm")?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64() else {
        return vm.err(
            ExcKind::OverflowError,
            "k must not exceed 9223372036854775807",
        );
    };
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - i;
    }
    Ok(int_value(vm, acc))
}
