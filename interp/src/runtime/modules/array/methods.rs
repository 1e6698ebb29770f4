//! `array.array`'s methods, with CPython 3.11's argument checks and messages.

use super::convert::{to_scalar, to_value};
use super::protocol::{array_ref, as_array, extend_from_array, find, unicode_text};
use super::storage::PyArray;
use crate::runtime::builtins::args::index_i64;
use crate::runtime::object::{NativeFn, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub const METHODS: &[(&str, NativeFn)] = &[
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("pop", pop),
    ("remove", remove),
    ("index", index),
    ("count", count),
    ("reverse", reverse),
    ("tolist", tolist),
    ("fromlist", fromlist),
    ("tobytes", tobytes),
    ("frombytes", frombytes),
    ("tounicode", tounicode),
    ("fromunicode", fromunicode),
    ("buffer_info", buffer_info),
    ("byteswap", byteswap),
    ("__copy__", copy),
    ("__deepcopy__", deepcopy),
];

/// The getters of the read-only attributes.
pub const GETTERS: &[(&str, NativeFn)] = &[("typecode", typecode), ("itemsize", itemsize)];

/// `self` as an array (subclass instances unwrapped), checking the argument count as a
/// METH_O/METH_NOARGS method would.
fn receiver(vm: &mut Vm, args: &[Value], name: &str, min: usize, max: usize) -> PyResult<ObjRef> {
    let Some(&this) = args.first() else {
        let msg = format!("unbound method array.{name}() needs an argument");
        return vm.err(ExcKind::TypeError, msg);
    };
    let Some(r) = as_array(vm, this) else {
        let msg = format!(
            "descriptor '{name}' for 'array.array' objects doesn't apply to a '{}' object",
            vm.type_name(this)
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    let n = args.len() - 1;
    if n < min || n > max {
        let msg = match (min, max) {
            (0, 0) => format!("array.{name}() takes no arguments ({n} given)"),
            (1, 1) => format!("array.{name}() takes exactly one argument ({n} given)"),
            _ if min == max => format!("{name} expected {min} arguments, got {n}"),
            _ if n < min => format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            ),
            _ => format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            ),
        };
        return vm.err(ExcKind::TypeError, msg);
    }
    Ok(r)
}

fn array_mut(vm: &mut Vm, r: ObjRef) -> &mut PyArray {
    match vm.heap.get_mut(r) {
        Object::Array(a) => a,
        _ => unreachable!("receiver checked it"),
    }
}

fn len_of(vm: &Vm, r: ObjRef) -> usize {
    array_ref(vm, r).map_or(0, PyArray::len)
}

fn code_of(vm: &Vm, r: ObjRef) -> u8 {
    array_ref(vm, r).map_or(b'd', |a| a.code)
}

/// The items as Python values.
pub fn items(vm: &mut Vm, r: ObjRef) -> Vec<Value> {
    let n = len_of(vm, r);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let x = array_ref(vm, r).expect("array").get(i);
        out.push(to_value(vm, x));
    }
    out
}

/// Appends one converted value.
pub fn push_value(vm: &mut Vm, r: ObjRef, v: Value) -> PyResult<()> {
    let x = to_scalar(vm, code_of(vm, r), v)?;
    let a = array_mut(vm, r);
    if !a.try_reserve(1) {
        return Err(vm.memory_error());
    }
    a.push(x);
    Ok(())
}

/// Appends the items of any iterable (an array only of the same type code), one at a time
/// as CPython does: a bad item leaves the earlier ones appended.
pub fn extend_with(vm: &mut Vm, r: ObjRef, iterable: Value) -> PyResult<()> {
    if let Some(other) = as_array(vm, iterable) {
        return extend_from_array(vm, r, other);
    }
    let it = vm.get_iter(iterable)?;
    vm.temp_roots.push(it);
    let result = (|| {
        while let Some(v) = vm.iter_next(it)? {
            vm.temp_roots.push(v);
            let pushed = push_value(vm, r, v);
            vm.temp_roots.pop();
            pushed?;
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    result
}

fn append(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "append", 1, 1)?;
    push_value(vm, r, args[1])?;
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "extend", 1, 1)?;
    extend_with(vm, r, args[1])?;
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "insert", 2, 2)?;
    let i = index_i64(vm, args[1])?;
    let x = to_scalar(vm, code_of(vm, r), args[2])?;
    let n = len_of(vm, r) as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    let a = array_mut(vm, r);
    if !a.try_reserve(1) {
        return Err(vm.memory_error());
    }
    a.insert(i as usize, x);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "pop", 0, 1)?;
    let i = match args.get(1) {
        Some(&v) => index_i64(vm, v)?,
        None => -1,
    };
    let n = len_of(vm, r) as i64;
    if n == 0 {
        return vm.err(ExcKind::IndexError, "pop from empty array");
    }
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return vm.err(ExcKind::IndexError, "pop index out of range");
    }
    let x = array_ref(vm, r).expect("array").get(i as usize);
    array_mut(vm, r).remove(i as usize);
    Ok(to_value(vm, x))
}

fn remove(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "remove", 1, 1)?;
    let n = len_of(vm, r);
    match find(vm, r, args[1], 0..n)? {
        Some(i) => {
            array_mut(vm, r).remove(i);
            Ok(Value::None)
        }
        None => vm.err(ExcKind::ValueError, "array.remove(x): x not in array"),
    }
}

/// A start/stop bound of `index`, as `_PyEval_SliceIndexNotNone`: clamped, negative from the end.
fn bound(vm: &mut Vm, v: Value, n: usize) -> PyResult<usize> {
    let i = crate::runtime::builtins::args::index_clamped(vm, v)?;
    let n = n as i64;
    Ok((if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize)
}

fn index(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "index", 1, 3)?;
    let n = len_of(vm, r);
    let start = match args.get(2) {
        Some(&v) => bound(vm, v, n)?,
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&v) => bound(vm, v, n)?,
        None => n,
    };
    match find(vm, r, args[1], start..stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => vm.err(ExcKind::ValueError, "array.index(x): x not in array"),
    }
}

fn count(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "count", 1, 1)?;
    let mut total = 0;
    let mut i = 0;
    while let Some(found) = find(vm, r, args[1], i..len_of(vm, r))? {
        total += 1;
        i = found + 1;
    }
    Ok(Value::Int(total))
}

fn reverse(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "reverse", 0, 0)?;
    array_mut(vm, r).reverse();
    Ok(Value::None)
}

fn tolist(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "tolist", 0, 0)?;
    let items = items(vm, r);
    Ok(vm.new_list(items))
}

fn fromlist(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "fromlist", 1, 1)?;
    let list = vm.base_value(args[1]);
    let Some(values) = (match list {
        Value::Obj(l) => match vm.heap.get(l) {
            Object::List(items) => Some(items.clone()),
            _ => None,
        },
        _ => None,
    }) else {
        return vm.err(ExcKind::TypeError, "arg must be list");
    };
    // All or nothing, as CPython: convert everything before storing.
    let code = code_of(vm, r);
    let mut scalars = Vec::with_capacity(values.len());
    for v in values {
        scalars.push(to_scalar(vm, code, v)?);
    }
    let a = array_mut(vm, r);
    if !a.try_reserve(scalars.len()) {
        return Err(vm.memory_error());
    }
    for x in scalars {
        a.push(x);
    }
    Ok(Value::None)
}

fn tobytes(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "tobytes", 0, 0)?;
    let bytes = array_ref(vm, r).expect("array").to_bytes();
    Ok(crate::runtime::builtins::bytes::new_bytes(vm, bytes))
}

/// The bytes of a bytes-like argument (bytes, bytearray, array).
fn bytes_like(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::runtime::builtins::bytes::bytes_of(vm, v) {
        return Ok(b.to_vec());
    }
    if let Some(b) = super::protocol::buffer(vm, v) {
        return Ok(b);
    }
    let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(v));
    vm.err(ExcKind::TypeError, msg)
}

fn frombytes(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "frombytes", 1, 1)?;
    let bytes = bytes_like(vm, args[1])?;
    let a = array_mut(vm, r);
    if !bytes.len().is_multiple_of(a.itemsize()) {
        return vm.err(
            ExcKind::ValueError,
            "bytes length not a multiple of item size",
        );
    }
    if !a.try_reserve(bytes.len() / a.itemsize()) {
        return Err(vm.memory_error());
    }
    a.extend_from_bytes(&bytes);
    Ok(Value::None)
}

fn tounicode(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "tounicode", 0, 0)?;
    let a = array_ref(vm, r).expect("array");
    if a.code != b'u' {
        return vm.err(
            ExcKind::ValueError,
            "tounicode() may only be called on unicode type arrays",
        );
    }
    let text = unicode_text(a);
    Ok(vm.new_str(text))
}

fn fromunicode(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "fromunicode", 1, 1)?;
    let Some(text) = vm.as_str(vm.base_value(args[1])).map(str::to_string) else {
        let msg = format!(
            "fromunicode() argument must be str, not {}",
            vm.type_name(args[1])
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    if code_of(vm, r) != b'u' {
        return vm.err(
            ExcKind::ValueError,
            "fromunicode() may only be called on unicode type arrays",
        );
    }
    let a = array_mut(vm, r);
    for c in text.chars() {
        a.push(super::storage::Scalar::Char(c as u32));
    }
    Ok(Value::None)
}

fn buffer_info(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "buffer_info", 0, 0)?;
    // There is no stable C address to give: the handle stands in for it.
    let address = Value::Int(r.0 as i64 * 16);
    let n = Value::Int(len_of(vm, r) as i64);
    Ok(vm.new_tuple(vec![address, n]))
}

fn byteswap(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "byteswap", 0, 0)?;
    array_mut(vm, r).byteswap();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "__copy__", 0, 0)?;
    let a = array_ref(vm, r).expect("array").clone();
    Ok(vm.alloc(Object::Array(Box::new(a))))
}

fn deepcopy(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "__deepcopy__", 1, 1)?;
    let a = array_ref(vm, r).expect("array").clone();
    Ok(vm.alloc(Object::Array(Box::new(a))))
}

fn typecode(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "typecode", 0, 0)?;
    let code = code_of(vm, r) as char;
    let mut buf = [0u8; 4];
    Ok(vm.intern_char(code.encode_utf8(&mut buf)))
}

fn itemsize(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "itemsize", 0, 0)?;
    Ok(Value::Int(
        array_ref(vm, r).map_or(0, PyArray::itemsize) as i64
    ))
}
