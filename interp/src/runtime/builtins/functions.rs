//! The built-in functions that are not reductions over iterables: `print`, `len`, `repr`,
//! `hash`, `id`, the numeric ones (`abs`, `divmod`, `pow`, `round`, `hex` ...), attribute
//! access, `isinstance`/`issubclass`, `iter`/`next`, `format`, `vars`.

use super::args::{check_count, num, one_arg, take_kwargs};
use crate::num::{PyInt, float_ops, int_float::float_to_int, int_text};
use crate::runtime::call::GenStep;
use crate::runtime::object::{GenKind, IterState, Object};
use crate::runtime::ops::BinOp;
use crate::runtime::repr::fake_address;
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult, Raised};

pub fn install(vm: &mut Vm) {
    let fns: &[(&'static str, crate::runtime::object::NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("hash", hash),
        ("id", id),
        ("abs", abs),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("ord", ord),
        ("chr", chr),
        ("callable", callable),
        ("format", format),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter),
        ("next", next),
        ("vars", vars),
    ];
    for &(name, f) in fns {
        vm.add_builtin(name, f);
    }
}

fn print(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [sep, end, file, flush] =
        take_kwargs(vm, kwargs, "print", ["sep", "end", "file", "flush"])?;
    let text_of = |vm: &mut Vm, v: Option<Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(v) => match vm.as_str(v) {
                Some(s) => Ok(s.to_string()),
                None => {
                    let msg = format!("{what} must be None or a string, not {}", vm.type_name(v));
                    vm.err(ExcKind::TypeError, msg)
                }
            },
        }
    };
    let sep = text_of(vm, sep, "sep", " ")?;
    let end = text_of(vm, end, "end", "\n")?;
    let mut out = String::new();
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str(a)?);
    }
    out.push_str(&end);
    match file {
        None | Some(Value::None) => vm.write_stdout(&out)?,
        Some(f) => {
            let write = vm.intern_static("write");
            let w = vm.getattr(f, write)?;
            let s = vm.new_str(out);
            vm.call(w, &[s], &[])?;
        }
    }
    if let Some(fl) = flush
        && vm.truthy(fl)?
    {
        vm.flush_stdout()?;
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "len")?;
    let n = vm.len(v)?;
    Ok(Value::Int(n as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "repr")?;
    let s = vm.repr(v)?;
    Ok(vm.new_str(s))
}

fn ascii(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "ascii")?;
    let s = vm.ascii(v)?;
    Ok(vm.new_str(s))
}

fn hash(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "hash")?;
    Ok(Value::Int(vm.hash(v)?))
}

/// A stable number per object: the fake address reprs show, or one derived from an
/// immediate's value (equal immediates are the "same object", as `is` says).
fn id(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "id")?;
    let n = match v {
        Value::Obj(r) => fake_address(r) as i64,
        Value::Null | Value::None => 0x7f10_0000_1000,
        Value::Bool(b) => 0x7f10_0000_2000 + b as i64 * 0x20,
        Value::Int(i) => 0x7f20_0000_0000_i64.wrapping_add(i.wrapping_mul(0x20)),
        Value::Float(x) => 0x7f30_0000_0000_i64 ^ (x.to_bits() >> 4) as i64,
    };
    Ok(Value::Int(n))
}

fn abs(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "abs")?;
    match v {
        Value::Float(x) => return Ok(Value::Float(x.abs())),
        Value::Int(i) if i != i64::MIN => return Ok(Value::Int(i.abs())),
        _ => {}
    }
    if let Some(i) = vm.to_pyint(v) {
        return Ok(vm.from_pyint(i.abs()));
    }
    if let Some(r) = call_dunder(vm, v, "__abs__", &[])? {
        return Ok(r);
    }
    let msg = format!("bad operand type for abs(): '{}'", vm.type_name(v));
    vm.err(ExcKind::TypeError, msg)
}

/// Calls a user class's dunder on `v`, if it defines one.
fn call_dunder(
    vm: &mut Vm,
    v: Value,
    name: &'static str,
    rest: &[Value],
) -> PyResult<Option<Value>> {
    let ty = vm.type_of(v);
    if vm.type_obj(ty).builtin {
        return Ok(None);
    }
    let Some(f) = vm.lookup_in_mro_str(ty, name) else {
        return Ok(None);
    };
    let mut all = Vec::with_capacity(rest.len() + 1);
    all.push(v);
    all.extend_from_slice(rest);
    vm.call_reentrant(f, &all, &[]).map(Some)
}

fn divmod(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "divmod", 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if let (Some(x), Some(y)) = (vm.to_pyint(a), vm.to_pyint(b)) {
        let (q, r) = num(vm, x.divmod(&y))?;
        let q = vm.from_pyint(q);
        let r = vm.from_pyint(r);
        return Ok(vm.new_tuple(vec![q, r]));
    }
    let is_num = |vm: &Vm, v: Value| matches!(v, Value::Float(_)) || vm.to_pyint(v).is_some();
    if is_num(vm, a) && is_num(vm, b) {
        let x = vm.to_f64(a)?.unwrap_or(0.0);
        let y = vm.to_f64(b)?.unwrap_or(0.0);
        let (q, r) = num(vm, float_ops::divmod(x, y))?;
        return Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    if let Some(r) = call_dunder(vm, a, "__divmod__", &[b])?
        && !r.is(vm.not_implemented)
    {
        return Ok(r);
    }
    if let Some(r) = call_dunder(vm, b, "__rdivmod__", &[a])?
        && !r.is(vm.not_implemented)
    {
        return Ok(r);
    }
    let msg = format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(a),
        vm.type_name(b)
    );
    vm.err(ExcKind::TypeError, msg)
}

fn pow(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [kb, ke, km] = take_kwargs(vm, kwargs, "pow", ["base", "exp", "mod"])?;
    check_count(vm, args, "pow", 0, 3)?;
    let base = args.first().copied().or(kb);
    let exp = args.get(1).copied().or(ke);
    let modulus = args.get(2).copied().or(km).filter(|m| !m.is_none());
    let (Some(base), Some(exp)) = (base, exp) else {
        let msg = format!(
            "pow() missing required argument '{}'",
            if base.is_none() { "base" } else { "exp" }
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    let Some(m) = modulus else {
        return vm.binary_op(base, exp, BinOp::Pow);
    };
    match (vm.to_pyint(base), vm.to_pyint(exp), vm.to_pyint(m)) {
        (Some(b), Some(e), Some(m)) => {
            let r = num(vm, b.pow_mod(&e, &m))?;
            Ok(vm.from_pyint(r))
        }
        _ if matches!(base, Value::Obj(r) if matches!(vm.heap.get(r), Object::Instance(_))) => {
            // A user `__pow__(self, exp, mod)` takes the three-argument form.
            let ty = vm.type_of(base);
            match vm.special_method(ty, SpecialMethod::Pow) {
                Some(f) => vm.call_reentrant(f, &[base, exp, m], &[]),
                None => {
                    let msg = format!(
                        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                        vm.type_name(base),
                        vm.type_name(exp),
                        vm.type_name(m)
                    );
                    vm.err(ExcKind::TypeError, msg)
                }
            }
        }
        _ => vm.err(
            ExcKind::TypeError,
            "pow() 3rd argument not allowed unless all arguments are integers",
        ),
    }
}

fn round(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [kn, knd] = take_kwargs(vm, kwargs, "round", ["number", "ndigits"])?;
    check_count(vm, args, "round", 0, 2)?;
    let Some(x) = args.first().copied().or(kn) else {
        return vm.err(
            ExcKind::TypeError,
            "round() missing required argument 'number' (pos 1)",
        );
    };
    let nd = args.get(1).copied().or(knd).filter(|v| !v.is_none());
    if let Some(i) = vm.to_pyint(x) {
        return match nd {
            None => Ok(vm.from_pyint(i)),
            Some(n) => {
                let n = super::args::index_clamped(vm, n)?;
                Ok(vm.from_pyint(i.round(n)))
            }
        };
    }
    if let Value::Float(f) = x {
        return match nd {
            None => {
                let i = num(vm, float_to_int(float_ops::round_half_even(f)))?;
                Ok(vm.from_pyint(i))
            }
            Some(n) => {
                let n = super::args::index_clamped(vm, n)?;
                Ok(Value::Float(num(vm, float_ops::round_ndigits(f, n))?))
            }
        };
    }
    let rest: Vec<Value> = nd.into_iter().collect();
    if let Some(r) = call_dunder(vm, x, "__round__", &rest)? {
        return Ok(r);
    }
    let base = vm.base_value(x);
    if !base.is(x) {
        let mut a = vec![base];
        a.extend(rest);
        return round(vm, &a, &[]);
    }
    let msg = format!("type {} doesn't define __round__ method", vm.type_name(x));
    vm.err(ExcKind::TypeError, msg)
}

/// An int argument for `hex`/`oct`/`bin`/`chr` (`__index__` honoured).
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<PyInt> {
    if let Some(i) = vm.to_pyint(v) {
        return Ok(i);
    }
    if let Some(r) = call_dunder(vm, v, "__index__", &[])?
        && let Some(i) = vm.to_pyint(r)
    {
        return Ok(i);
    }
    if let Some(i) = vm.to_pyint(vm.base_value(v)) {
        return Ok(i);
    }
    Err(super::args::not_integer(vm, v))
}

fn radix(vm: &mut Vm, args: &[Value], name: &str, f: fn(&PyInt) -> String) -> PyResult<Value> {
    let v = one_arg(vm, args, name)?;
    let i = int_arg(vm, v)?;
    Ok(vm.new_str(f(&i)))
}

fn hex(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    radix(vm, args, "hex", int_text::to_hex)
}

fn oct(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    radix(vm, args, "oct", int_text::to_oct)
}

fn bin(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    radix(vm, args, "bin", int_text::to_bin)
}

fn ord(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "ord")?;
    let base = vm.base_value(v);
    if let Some(b) = super::bytes::bytes_of(vm, base) {
        if b.len() == 1 {
            return Ok(Value::Int(b[0] as i64));
        }
        let msg = format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let Some(s) = vm.as_str(base) else {
        let msg = format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(v)
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Value::Int(c as i64)),
        _ => {
            let n = s.chars().count();
            let msg = format!("ord() expected a character, but string of length {n} found");
            vm.err(ExcKind::TypeError, msg)
        }
    }
}

fn chr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "chr")?;
    let i = int_arg(vm, v)?;
    let Some(i) = i.as_i64().filter(|i| i32::try_from(*i).is_ok()) else {
        return vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        );
    };
    // Lone surrogates cannot live in a Rust str; CPython could hold them, we refuse them.
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(vm.intern_char(c.encode_utf8(&mut buf)))
        }
        None => vm.err(ExcKind::ValueError, "chr() arg not in range(0x110000)"),
    }
}

/// Whether calling `v` could succeed.
pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    let Value::Obj(r) = v else { return false };
    match vm.heap.get(r) {
        Object::Function(_) | Object::BoundMethod { .. } | Object::Builtin(_) | Object::Type(_) => {
            true
        }
        Object::StaticMethod(_) | Object::Native(_) => true,
        Object::Instance(_) => {
            let ty = vm.type_of(v);
            vm.special_method(ty, SpecialMethod::Call).is_some()
        }
        _ => false,
    }
}

fn callable(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "callable")?;
    Ok(Value::Bool(is_callable(vm, v)))
}

fn format(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "format", 1, 2)?;
    let spec = match args.get(1) {
        None => String::new(),
        Some(&s) => match vm.as_str(s) {
            Some(s) => s.to_string(),
            None => {
                let msg = format!("format() argument 2 must be str, not {}", vm.type_name(s));
                return vm.err(ExcKind::TypeError, msg);
            }
        },
    };
    let s = vm.format_value(args[0], &spec)?;
    Ok(vm.new_str(s))
}

fn attr_name(vm: &mut Vm, name: Value) -> PyResult<Value> {
    let base = vm.base_value(name);
    if vm.as_str(base).is_some() {
        return Ok(base);
    }
    let msg = format!(
        "attribute name must be string, not '{}'",
        vm.type_name(name)
    );
    vm.err(ExcKind::TypeError, msg)
}

fn getattr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "getattr", 2, 3)?;
    let name = attr_name(vm, args[1])?;
    match vm.getattr(args[0], name) {
        Ok(v) => Ok(v),
        Err(Raised) if args.len() == 3 && vm.exception_matches(ExcKind::AttributeError) => {
            vm.take_exception();
            Ok(args[2])
        }
        Err(e) => Err(e),
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "hasattr", 2, 2)?;
    let name = attr_name(vm, args[1])?;
    match vm.getattr(args[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(Raised) if vm.exception_matches(ExcKind::AttributeError) => {
            vm.take_exception();
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "setattr", 3, 3)?;
    let name = attr_name(vm, args[1])?;
    vm.setattr(args[0], name, args[2])?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "delattr", 2, 2)?;
    let name = attr_name(vm, args[1])?;
    vm.delattr(args[0], name)?;
    Ok(Value::None)
}

/// `isinstance`/`issubclass` against a class or a (nested) tuple of classes; `None` when
/// `spec` holds something that is not a class.
fn matches_spec(vm: &Vm, ty: ObjRef, spec: Value, depth: usize) -> Option<bool> {
    if let Some(t) = vm.is_type(spec) {
        return Some(vm.is_subtype(ty, t));
    }
    let Value::Obj(r) = spec else { return None };
    let Object::Tuple(items) = vm.heap.get(r) else {
        return None;
    };
    if depth > 100 {
        return None;
    }
    let mut any = false;
    for &item in items.iter() {
        any |= matches_spec(vm, ty, item, depth + 1)?;
        if any {
            return Some(true);
        }
    }
    Some(any)
}

fn isinstance(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "isinstance", 2, 2)?;
    let ty = vm.type_of(args[0]);
    match matches_spec(vm, ty, args[1], 0) {
        Some(b) => Ok(Value::Bool(b)),
        None => vm.err(
            ExcKind::TypeError,
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        ),
    }
}

fn issubclass(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "issubclass", 2, 2)?;
    let Some(ty) = vm.is_type(args[0]) else {
        return vm.err(ExcKind::TypeError, "issubclass() arg 1 must be a class");
    };
    match matches_spec(vm, ty, args[1], 0) {
        Some(b) => Ok(Value::Bool(b)),
        None => vm.err(
            ExcKind::TypeError,
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        ),
    }
}

fn iter(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "iter", 1, 2)?;
    if let [func, sentinel] = args {
        if !is_callable(vm, *func) {
            return vm.err(ExcKind::TypeError, "iter(v, w): v must be callable");
        }
        let state = IterState::Callable {
            func: *func,
            sentinel: *sentinel,
        };
        return Ok(vm.alloc(Object::Iter(Box::new(state))));
    }
    vm.get_iter(args[0])
}

fn next(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "next", 1, 2)?;
    let it = args[0];
    // A generator's return value travels in the StopIteration, as in CPython.
    let step = match it {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Generator(g) if g.kind == GenKind::Generator) => {
            match vm.gen_resume(r, Value::None, None)? {
                GenStep::Yield(v) => Ok(v),
                GenStep::Return(v) => Err(v),
            }
        }
        Value::Obj(r) if matches!(vm.heap.get(r), Object::AwaitOp(_)) => {
            match vm.await_op_step(r, Value::None, None)? {
                GenStep::Yield(v) => Ok(v),
                GenStep::Return(v) => Err(v),
            }
        }
        _ => match vm.iter_next(it)? {
            Some(v) => Ok(v),
            None => Err(Value::None),
        },
    };
    match step {
        Ok(v) => Ok(v),
        Err(_) if args.len() == 2 => Ok(args[1]),
        Err(v) => {
            let args = if v.is_none() { Vec::new() } else { vec![v] };
            Err(vm.raise_with_args(ExcKind::StopIteration, args))
        }
    }
}

fn vars(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "vars", 1, 1)?;
    let dict = vm.intern_static("__dict__");
    match vm.getattr(args[0], dict) {
        Ok(d) => Ok(d),
        Err(Raised) if vm.exception_matches(ExcKind::AttributeError) => {
            vm.take_exception();
            vm.err(
                ExcKind::TypeError,
                "vars() argument must have __dict__ attribute",
            )
        }
        Err(e) => Err(e),
    }
}
