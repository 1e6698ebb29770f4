//! `bytes` and `bytearray`: construction, repr, indexing and slicing, the operators, the
//! common methods, `str.encode`/`bytes.decode`, and `int.from_bytes`/`int.to_bytes`.

use num_bigint::{BigInt, Sign};

use super::args::{check_count, index_i64, take_kwargs, this};
use super::constructors::split_cls;
use crate::num::PyInt;
use crate::runtime::fallible;
use crate::runtime::object::{NativeFn, Object};
use crate::runtime::ops::CmpOp;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};
use crate::text::repr::bytes_repr;

pub fn install(vm: &mut Vm) {
    let t = vm.types;
    vm.add_method(t.bytes, "__new__", bytes_new);
    vm.add_method(t.bytearray, "__new__", bytearray_new);
    let shared: &[(&'static str, NativeFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("fromhex", fromhex),
        ("join", join),
        ("split", split),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("count", count),
        ("replace", replace),
        ("upper", upper),
        ("lower", lower),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("splitlines", splitlines),
        ("partition", partition),
        ("rpartition", rpartition),
        ("rsplit", rsplit),
    ];
    for &(name, f) in shared {
        vm.add_method(t.bytes, name, f);
        vm.add_method(t.bytearray, name, f);
    }
    let mutating: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("reverse", reverse),
        ("clear", clear),
        ("copy", copy),
        ("remove", remove),
    ];
    for &(name, f) in mutating {
        vm.add_method(t.bytearray, name, f);
    }
    vm.add_method(t.str_, "encode", str_encode);
    vm.add_method(t.int, "from_bytes", int_from_bytes);
    vm.add_method(t.int, "to_bytes", int_to_bytes);
}

/// The bytes of a `bytes` or `bytearray` value (subclass instances unwrapped).
pub fn bytes_of(vm: &Vm, v: Value) -> Option<&[u8]> {
    match vm.base_value(v) {
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Bytes(b) => Some(b),
            Object::ByteArray(b) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

fn is_bytearray(vm: &Vm, v: Value) -> bool {
    matches!(vm.base_value(v), Value::Obj(r) if matches!(vm.heap.get(r), Object::ByteArray(_)))
}

pub fn new_bytes(vm: &mut Vm, data: Vec<u8>) -> Value {
    vm.alloc(Object::Bytes(data.into_boxed_slice()))
}

fn new_like(vm: &mut Vm, like_bytearray: bool, data: Vec<u8>) -> Value {
    if like_bytearray {
        vm.alloc(Object::ByteArray(data))
    } else {
        new_bytes(vm, data)
    }
}

/// CPython's `bytearray.__repr__` body: like bytes', but a `'` is always escaped.
fn bytearray_body_repr(data: &[u8]) -> String {
    let r = bytes_repr(data);
    if r.starts_with("b\"") {
        let inner = &r[2..r.len() - 1];
        format!("b\"{}\"", inner.replace('\'', "\\'"))
    } else {
        r
    }
}

/// `repr` of a bytes or bytearray object.
pub fn repr(vm: &Vm, r: ObjRef) -> String {
    match vm.heap.get(r) {
        Object::Bytes(b) => bytes_repr(b),
        Object::ByteArray(b) => format!("bytearray({})", bytearray_body_repr(b)),
        _ => String::new(),
    }
}

/// `a OP b` where `a` and `b` are bytes-like: comparisons are lexicographic on the bytes.
pub fn compare(a: &[u8], b: &[u8], op: CmpOp) -> bool {
    let ord = a.cmp(b);
    match op {
        CmpOp::Lt => ord.is_lt(),
        CmpOp::Le => ord.is_le(),
        CmpOp::Eq => ord.is_eq(),
        CmpOp::Ne => ord.is_ne(),
        CmpOp::Gt => ord.is_gt(),
        CmpOp::Ge => ord.is_ge(),
    }
}

/// `seq[key]` for bytes and bytearray: an int, or a new object of the same type for a slice.
pub fn getitem(vm: &mut Vm, r: ObjRef, key: Value, slice: Option<ObjRef>) -> PyResult<Value> {
    let (len, array) = match vm.heap.get(r) {
        Object::Bytes(b) => (b.len(), false),
        Object::ByteArray(b) => (b.len(), true),
        _ => return vm.err(ExcKind::TypeError, "expected bytes"),
    };
    fn data(vm: &Vm, r: ObjRef) -> &[u8] {
        bytes_of(vm, Value::Obj(r)).unwrap_or(&[])
    }
    if let Some(sl) = slice {
        let idx = vm.slice_indices(sl, len)?;
        let out: Vec<u8> = {
            let d = data(vm, r);
            idx.positions().map(|i| d[i]).collect()
        };
        return Ok(new_like(vm, array, out));
    }
    let what = if array { "bytearray" } else { "byte" };
    match vm.seq_index(key, len, what)? {
        Some(i) => Ok(Value::Int(data(vm, r)[i] as i64)),
        None => {
            let msg = if array {
                "bytearray index out of range"
            } else {
                "index out of range"
            };
            vm.err(ExcKind::IndexError, msg)
        }
    }
}

/// An int in `0..256`, as a byte to store.
fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = match v {
        Value::Int(_) | Value::Bool(_) => index_i64(vm, v)?,
        _ => match vm.to_pyint(vm.base_value(v)) {
            Some(PyInt::Small(i)) => i,
            Some(PyInt::Big(_)) => i64::MAX,
            None => {
                let msg = format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                );
                return vm.err(ExcKind::TypeError, msg);
            }
        },
    };
    u8::try_from(i).or_else(|_| vm.err(ExcKind::ValueError, "byte must be in range(0, 256)"))
}

/// A byte for a `bytes(...)` constructor, whose range error says "bytes".
fn constructor_byte(vm: &mut Vm, v: Value) -> PyResult<u8> {
    byte_value(vm, v).map_err(|e| {
        if vm.exception_matches(ExcKind::ValueError) {
            vm.take_exception();
            vm.raise(ExcKind::ValueError, "bytes must be in range(0, 256)")
        } else {
            e
        }
    })
}

/// `bytearray[key] = value`.
pub fn setitem(vm: &mut Vm, r: ObjRef, key: Value, value: Value) -> PyResult<()> {
    let len = match vm.heap.get(r) {
        Object::ByteArray(b) => b.len(),
        _ => {
            let msg = format!(
                "'{}' object does not support item assignment",
                vm.type_name(Value::Obj(r))
            );
            return vm.err(ExcKind::TypeError, msg);
        }
    };
    if let Value::Obj(k) = key
        && matches!(vm.heap.get(k), Object::Slice { .. })
    {
        let idx = vm.slice_indices(k, len)?;
        let new = iterable_bytes(vm, value)?;
        let Object::ByteArray(b) = vm.heap.get_mut(r) else {
            unreachable!()
        };
        if idx.step == 1 {
            let start = idx.start.max(0) as usize;
            b.splice(start..start + idx.len, new);
            return Ok(());
        }
        if new.len() != idx.len {
            let msg = format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                idx.len
            );
            return vm.err(ExcKind::ValueError, msg);
        }
        for (i, v) in idx.positions().zip(new) {
            b[i] = v;
        }
        return Ok(());
    }
    let byte = byte_value(vm, value)?;
    match vm.seq_index(key, len, "bytearray")? {
        Some(i) => {
            if let Object::ByteArray(b) = vm.heap.get_mut(r) {
                b[i] = byte;
            }
            Ok(())
        }
        None => vm.err(ExcKind::IndexError, "bytearray index out of range"),
    }
}

/// `del bytearray[key]`.
pub fn delitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<()> {
    let len = match vm.heap.get(r) {
        Object::ByteArray(b) => b.len(),
        _ => {
            let msg = format!(
                "'{}' object doesn't support item deletion",
                vm.type_name(Value::Obj(r))
            );
            return vm.err(ExcKind::TypeError, msg);
        }
    };
    let positions: Vec<usize> = match key {
        Value::Obj(k) if matches!(vm.heap.get(k), Object::Slice { .. }) => {
            vm.slice_indices(k, len)?.positions().collect()
        }
        _ => match vm.seq_index(key, len, "bytearray")? {
            Some(i) => vec![i],
            None => return vm.err(ExcKind::IndexError, "bytearray index out of range"),
        },
    };
    if let Object::ByteArray(b) = vm.heap.get_mut(r) {
        let mut drop = vec![false; b.len()];
        for i in positions {
            drop[i] = true;
        }
        let mut i = 0;
        b.retain(|_| {
            i += 1;
            !drop[i - 1]
        });
    }
    Ok(())
}

/// `item in data`: an int byte, or a bytes-like subsequence.
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    if let Some(needle) = bytes_of(vm, item) {
        let needle = needle.to_vec();
        let hay = bytes_of(vm, container).unwrap_or(&[]);
        return Ok(find_sub(hay, &needle, 0).is_some());
    }
    if !matches!(item, Value::Int(_) | Value::Bool(_))
        && vm.to_pyint(vm.base_value(item)).is_none()
        && vm.user_index(item)?.is_none()
    {
        let msg = format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(item)
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let byte = byte_value(vm, item)?;
    Ok(bytes_of(vm, container).unwrap_or(&[]).contains(&byte))
}

/// `a + b` and `a * n` for bytes-like values; `None` when not applicable.
pub fn binop(
    vm: &mut Vm,
    a: Value,
    b: Value,
    op: crate::runtime::ops::BinOp,
) -> PyResult<Option<Value>> {
    use crate::runtime::ops::BinOp;
    let array = is_bytearray(vm, a);
    match op {
        BinOp::Add => {
            let (Some(x), Some(y)) = (bytes_of(vm, a), bytes_of(vm, b)) else {
                if bytes_of(vm, a).is_some()
                    && !matches!(vm.base_value(b), Value::Obj(r) if matches!(vm.heap.get(r), Object::Instance(_)))
                {
                    let msg = format!("can't concat {} to {}", vm.type_name(b), vm.type_name(a));
                    return vm.err(ExcKind::TypeError, msg);
                }
                return Ok(None);
            };
            let mut out = x.to_vec();
            out.extend_from_slice(y);
            Ok(Some(new_like(vm, array, out)))
        }
        BinOp::Mul => {
            let (seq, n, array) = match (bytes_of(vm, a).is_some(), bytes_of(vm, b).is_some()) {
                (true, false) => (a, b, array),
                (false, true) => (b, a, is_bytearray(vm, b)),
                _ => return Ok(None),
            };
            let n = match n {
                Value::Int(i) => i,
                Value::Bool(x) => x as i64,
                _ => return Ok(None),
            };
            let data = bytes_of(vm, seq).unwrap_or(&[]);
            let n = usize::try_from(n).unwrap_or(0);
            if data
                .len()
                .checked_mul(n)
                .is_none_or(|t| t > isize::MAX as usize / 4)
            {
                return Err(vm.memory_error());
            }
            let out = fallible::repeat_slice(data, n);
            let out = vm.allocated(out)?;
            Ok(Some(new_like(vm, array, out)))
        }
        _ => Ok(None),
    }
}

/// `bytearray += other` in place.
pub fn inplace_concat(vm: &mut Vm, a: ObjRef, b: Value) -> PyResult<bool> {
    let Some(extra) = bytes_of(vm, b).map(<[u8]>::to_vec) else {
        return Ok(false);
    };
    if let Object::ByteArray(d) = vm.heap.get_mut(a) {
        d.extend(extra);
        return Ok(true);
    }
    Ok(false)
}

fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The bytes an iterable of ints (or a bytes-like object) yields.
fn iterable_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_of(vm, v) {
        return Ok(b.to_vec());
    }
    if vm.as_str(vm.base_value(v)).is_some() {
        return vm.err(
            ExcKind::TypeError,
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        );
    }
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(byte_value(vm, item)?);
    }
    Ok(out)
}

/// The data `bytes(x)` / `bytearray(x)` holds.
fn construct(vm: &mut Vm, ty: &str, rest: &[Value], kwargs: Kwargs<'_>) -> PyResult<Vec<u8>> {
    let [kenc, kerr] = take_kwargs(vm, kwargs, ty, ["encoding", "errors"])?;
    check_count(vm, rest, ty, 0, 3)?;
    let source = rest.first().copied();
    let encoding = rest.get(1).copied().or(kenc);
    let _ = rest.get(2).copied().or(kerr);
    let Some(src) = source else {
        if encoding.is_some() {
            return vm.err(ExcKind::TypeError, "encoding without a string argument");
        }
        return Ok(Vec::new());
    };
    if let Some(text) = vm.as_str(vm.base_value(src)).map(str::to_string) {
        let Some(enc) = encoding else {
            return vm.err(ExcKind::TypeError, "string argument without an encoding");
        };
        let enc = vm.as_str(enc).unwrap_or("").to_string();
        return encode(vm, &text, &enc);
    }
    if encoding.is_some() {
        return vm.err(ExcKind::TypeError, "encoding without a string argument");
    }
    match src {
        Value::Int(n) => {
            if n < 0 {
                return vm.err(ExcKind::ValueError, "negative count");
            }
            let zeros = fallible::filled(0, n as usize);
            return vm.allocated(zeros);
        }
        Value::Bool(b) => return Ok(vec![0; b as usize]),
        Value::Float(_) | Value::None => {
            let msg = format!("cannot convert '{}' object to {ty}", vm.type_name(src));
            return vm.err(ExcKind::TypeError, msg);
        }
        _ => {}
    }
    if let Some(b) = bytes_of(vm, src) {
        return Ok(b.to_vec());
    }
    // Buffer objects give their memory, not their items.
    if let Some(b) = crate::runtime::modules::array::protocol::buffer(vm, src) {
        return Ok(b);
    }
    if vm.get_iter(src).is_err() {
        vm.take_exception();
        let msg = format!("cannot convert '{}' object to {ty}", vm.type_name(src));
        return vm.err(ExcKind::TypeError, msg);
    }
    let items = vm.collect_iterable(src)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(constructor_byte(vm, item)?);
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "bytes")?;
    let data = construct(vm, "bytes", &rest, kwargs)?;
    let v = new_bytes(vm, data);
    let ty = vm.types.bytes;
    Ok(super::constructors::wrap(vm, cls, ty, v))
}

fn bytearray_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "bytearray")?;
    let data = construct(vm, "bytearray", &rest, kwargs)?;
    let v = vm.alloc(Object::ByteArray(data));
    let ty = vm.types.bytearray;
    Ok(super::constructors::wrap(vm, cls, ty, v))
}

fn normalize_encoding(enc: &str) -> String {
    enc.to_ascii_lowercase().replace('_', "-")
}

fn encode(vm: &mut Vm, text: &str, encoding: &str) -> PyResult<Vec<u8>> {
    match normalize_encoding(encoding).as_str() {
        "utf-8" | "utf8" => Ok(text.as_bytes().to_vec()),
        "ascii" | "us-ascii" | "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => {
            let limit = if encoding.to_ascii_lowercase().contains("ascii") {
                128
            } else {
                256
            };
            let name = if limit == 128 { "ascii" } else { "latin-1" };
            let mut out = Vec::with_capacity(text.len());
            let chars: Vec<char> = text.chars().collect();
            for (i, &ch) in chars.iter().enumerate() {
                if (ch as u32) < limit {
                    out.push(ch as u32 as u8);
                } else {
                    // CPython reports the whole run of unencodable characters.
                    let run = chars[i..]
                        .iter()
                        .take_while(|&&c| c as u32 >= limit)
                        .count();
                    if run > 1 {
                        let msg = format!(
                            "'{name}' codec can't encode characters in position {i}-{}: ordinal not in range({limit})",
                            i + run - 1
                        );
                        return vm.err(ExcKind::UnicodeEncodeError, msg);
                    }
                    let cp = ch as u32;
                    let esc = if cp <= 0xff {
                        format!("\\x{cp:02x}")
                    } else if cp <= 0xffff {
                        format!("\\u{cp:04x}")
                    } else {
                        format!("\\U{cp:08x}")
                    };
                    let msg = format!(
                        "'{name}' codec can't encode character '{esc}' in position {i}: ordinal not in range({limit})"
                    );
                    return vm.err(ExcKind::UnicodeEncodeError, msg);
                }
            }
            Ok(out)
        }
        _ => {
            let msg = format!("unknown encoding: {encoding}");
            vm.err(ExcKind::LookupError, msg)
        }
    }
}

fn decode_bytes(vm: &mut Vm, data: &[u8], encoding: &str) -> PyResult<String> {
    match normalize_encoding(encoding).as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(data) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let pos = e.valid_up_to();
                let byte = data[pos];
                let msg = match e.error_len() {
                    // A truncated sequence at the end: CPython names the byte range.
                    None if data.len() - pos > 1 => format!(
                        "'utf-8' codec can't decode bytes in position {pos}-{}: unexpected end of data",
                        data.len() - 1
                    ),
                    None => format!(
                        "'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: unexpected end of data"
                    ),
                    Some(_) => {
                        let reason = if (0x80..0xc2).contains(&byte) || byte > 0xf4 {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        format!(
                            "'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}"
                        )
                    }
                };
                vm.err(ExcKind::UnicodeDecodeError, msg)
            }
        },
        "ascii" | "us-ascii" => match data.iter().position(|&b| b >= 128) {
            Some(pos) => {
                let msg = format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {pos}: ordinal not in range(128)",
                    data[pos]
                );
                vm.err(ExcKind::UnicodeDecodeError, msg)
            }
            None => Ok(data.iter().map(|&b| b as char).collect()),
        },
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => {
            Ok(data.iter().map(|&b| b as char).collect())
        }
        _ => {
            let msg = format!("unknown encoding: {encoding}");
            vm.err(ExcKind::LookupError, msg)
        }
    }
}

fn str_encode(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let s = this(vm, args, "str", "encode")?;
    let [kenc, _kerr] = take_kwargs(vm, kwargs, "encode", ["encoding", "errors"])?;
    check_count(vm, &args[1..], "encode", 0, 2)?;
    let text = vm.as_str(s).unwrap_or("").to_string();
    let enc = args.get(1).copied().or(kenc);
    let enc = enc
        .and_then(|e| vm.as_str(e))
        .unwrap_or("utf-8")
        .to_string();
    let data = encode(vm, &text, &enc)?;
    Ok(new_bytes(vm, data))
}

/// The receiver's bytes, copied (methods may allocate while using them).
fn data_of(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<(Vec<u8>, bool)> {
    let v = this(vm, args, "bytes", method)?;
    match bytes_of(vm, v) {
        Some(b) => Ok((b.to_vec(), is_bytearray(vm, v))),
        None => Err(super::args::descriptor_error(vm, method, "bytes", v)),
    }
}

/// A bytes-like argument, or CPython's TypeError.
fn arg_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match bytes_of(vm, v) {
        Some(b) => Ok(b.to_vec()),
        None => {
            let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(v));
            vm.err(ExcKind::TypeError, msg)
        }
    }
}

fn decode(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (data, _) = data_of(vm, args, "decode")?;
    let [kenc, _] = take_kwargs(vm, kwargs, "decode", ["encoding", "errors"])?;
    let enc = args.get(1).copied().or(kenc);
    let enc = enc
        .and_then(|e| vm.as_str(e))
        .unwrap_or("utf-8")
        .to_string();
    let text = decode_bytes(vm, &data, &enc)?;
    Ok(vm.new_str(text))
}

fn hex(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (data, _) = data_of(vm, args, "hex")?;
    let sep = args.get(1).and_then(|&s| vm.as_str(s)).map(str::to_string);
    let parts: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let text = match sep {
        Some(sep) => parts.join(&sep),
        None => parts.concat(),
    };
    Ok(vm.new_str(text))
}

fn fromhex(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    // Called on the class (`bytes.fromhex(s)`): the text is the last argument.
    let Some(text) = args.last().and_then(|&s| vm.as_str(s)).map(str::to_string) else {
        return vm.err(ExcKind::TypeError, "fromhex() argument must be str");
    };
    let mut out = Vec::new();
    let digits: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < digits.len() {
        let (pos, c) = digits[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = c.to_digit(16);
        let lo = digits.get(i + 1).and_then(|&(_, d)| d.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let at = if hi.is_some() { pos + 1 } else { pos };
                let msg = format!("non-hexadecimal number found in fromhex() arg at position {at}");
                return vm.err(ExcKind::ValueError, msg);
            }
        }
        i += 2;
    }
    Ok(new_bytes(vm, out))
}

fn join(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (sep, array) = data_of(vm, args, "join")?;
    check_count(vm, &args[1..], "join", 1, 1)?;
    let items = vm.collect_iterable(args[1])?;
    // The total first, as CPython computes it: the result is reserved once, fallibly.
    let total = items.iter().fold(
        sep.len().saturating_mul(items.len().saturating_sub(1)),
        |total, &item| total.saturating_add(bytes_of(vm, item).map_or(0, <[u8]>::len)),
    );
    let mut out = Vec::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(vm.memory_error());
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_of(vm, *item) {
            Some(b) => out.extend_from_slice(b),
            None => {
                let msg = format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(*item)
                );
                return vm.err(ExcKind::TypeError, msg);
            }
        }
    }
    Ok(new_like(vm, array, out))
}

fn split(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, "split")?;
    let sep = match args.get(1) {
        Some(&s) if !s.is_none() => Some(arg_bytes(vm, s)?),
        _ => None,
    };
    let parts: Vec<Vec<u8>> = match sep {
        None => data
            .split(|b| b.is_ascii_whitespace())
            .filter(|p| !p.is_empty())
            .map(<[u8]>::to_vec)
            .collect(),
        Some(sep) if sep.is_empty() => return vm.err(ExcKind::ValueError, "empty separator"),
        Some(sep) => {
            let mut parts = Vec::new();
            let mut start = 0;
            while let Some(p) = find_sub(&data, &sep, start) {
                parts.push(data[start..p].to_vec());
                start = p + sep.len();
            }
            parts.push(data[start..].to_vec());
            parts
        }
    };
    let vals: Vec<Value> = parts.into_iter().map(|p| new_like(vm, array, p)).collect();
    Ok(vm.new_list(vals))
}

fn strip_with(
    vm: &mut Vm,
    args: &[Value],
    method: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, method)?;
    let chars = match args.get(1) {
        Some(&s) if !s.is_none() => Some(arg_bytes(vm, s)?),
        _ => None,
    };
    let strip = |b: &u8| match &chars {
        Some(set) => set.contains(b),
        None => b.is_ascii_whitespace(),
    };
    let mut a = 0;
    let mut z = data.len();
    if left {
        while a < z && strip(&data[a]) {
            a += 1;
        }
    }
    if right {
        while z > a && strip(&data[z - 1]) {
            z -= 1;
        }
    }
    Ok(new_like(vm, array, data[a..z].to_vec()))
}

fn strip(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    strip_with(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    strip_with(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    strip_with(vm, args, "rstrip", false, true)
}

fn affix(vm: &mut Vm, args: &[Value], method: &str, prefix: bool) -> PyResult<Value> {
    let (data, _) = data_of(vm, args, method)?;
    check_count(vm, &args[1..], method, 1, 1)?;
    let candidates = match vm.base_value(args[1]) {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Tuple(_)) => {
            vm.collect_iterable(args[1])?
        }
        _ => vec![args[1]],
    };
    for c in candidates {
        let c = arg_bytes(vm, c)?;
        let hit = if prefix {
            data.starts_with(&c)
        } else {
            data.ends_with(&c)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}

fn endswith(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

/// The needle of `find`/`index`/`count`: bytes-like or a single int byte.
fn needle(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Vec<u8>> {
    check_count(vm, &args[1..], method, 1, 3)?;
    match bytes_of(vm, args[1]) {
        Some(b) => Ok(b.to_vec()),
        None => {
            if matches!(args[1], Value::Int(_) | Value::Bool(_)) {
                return Ok(vec![byte_value(vm, args[1])?]);
            }
            let msg = format!(
                "argument should be integer or bytes-like object, not '{}'",
                vm.type_name(args[1])
            );
            vm.err(ExcKind::TypeError, msg)
        }
    }
}

fn find_impl(vm: &mut Vm, args: &[Value], method: &str, reverse: bool) -> PyResult<Option<usize>> {
    let (data, _) = data_of(vm, args, method)?;
    let n = needle(vm, args, method)?;
    if reverse {
        if n.is_empty() {
            return Ok(Some(data.len()));
        }
        return Ok(data.windows(n.len()).rposition(|w| w == n.as_slice()));
    }
    Ok(find_sub(&data, &n, 0))
}

fn find(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, args, "find", false)?.map_or(-1, |p| p as i64),
    ))
}

fn rfind(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, args, "rfind", true)?.map_or(-1, |p| p as i64),
    ))
}

fn index(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    match find_impl(vm, args, "index", false)? {
        Some(p) => Ok(Value::Int(p as i64)),
        None => vm.err(ExcKind::ValueError, "subsection not found"),
    }
}

fn count(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (data, _) = data_of(vm, args, "count")?;
    let n = needle(vm, args, "count")?;
    if n.is_empty() {
        return Ok(Value::Int(data.len() as i64 + 1));
    }
    let mut count = 0;
    let mut start = 0;
    while let Some(p) = find_sub(&data, &n, start) {
        count += 1;
        start = p + n.len();
    }
    Ok(Value::Int(count))
}

fn replace(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, "replace")?;
    check_count(vm, &args[1..], "replace", 2, 3)?;
    let old = arg_bytes(vm, args[1])?;
    let new = arg_bytes(vm, args[2])?;
    let limit = match args.get(3) {
        Some(&c) => index_i64(vm, c)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut start = 0;
    let mut done = 0;
    if old.is_empty() {
        for (i, &b) in data.iter().enumerate() {
            if limit < 0 || done < limit {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(b);
            let _ = i;
        }
        if limit < 0 || done < limit {
            out.extend_from_slice(&new);
        }
        return Ok(new_like(vm, array, out));
    }
    while (limit < 0 || done < limit)
        && let Some(p) = find_sub(&data, &old, start)
    {
        out.extend_from_slice(&data[start..p]);
        out.extend_from_slice(&new);
        start = p + old.len();
        done += 1;
    }
    out.extend_from_slice(&data[start..]);
    Ok(new_like(vm, array, out))
}

fn map_bytes(vm: &mut Vm, args: &[Value], method: &str, f: fn(u8) -> u8) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, method)?;
    Ok(new_like(vm, array, data.into_iter().map(f).collect()))
}

fn upper(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    map_bytes(vm, args, "upper", |b| b.to_ascii_uppercase())
}

fn lower(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    map_bytes(vm, args, "lower", |b| b.to_ascii_lowercase())
}

fn all_bytes(vm: &mut Vm, args: &[Value], method: &str, f: fn(&u8) -> bool) -> PyResult<Value> {
    let (data, _) = data_of(vm, args, method)?;
    Ok(Value::Bool(!data.is_empty() && data.iter().all(f)))
}

fn isdigit(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    all_bytes(vm, args, "isdigit", u8::is_ascii_digit)
}

fn isalpha(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    all_bytes(vm, args, "isalpha", u8::is_ascii_alphabetic)
}

fn isalnum(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    all_bytes(vm, args, "isalnum", u8::is_ascii_alphanumeric)
}

fn isspace(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    all_bytes(vm, args, "isspace", |b| b" \t\n\r\x0b\x0c".contains(b))
}

fn cased(vm: &mut Vm, args: &[Value], method: &str, upper: bool) -> PyResult<Value> {
    let (data, _) = data_of(vm, args, method)?;
    let has_cased = data.iter().any(u8::is_ascii_alphabetic);
    let wrong = data.iter().any(|b| {
        if upper {
            b.is_ascii_lowercase()
        } else {
            b.is_ascii_uppercase()
        }
    });
    Ok(Value::Bool(has_cased && !wrong))
}

fn isupper(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    cased(vm, args, "isupper", true)
}

fn islower(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    cased(vm, args, "islower", false)
}

/// The receiver of a bytearray-only method.
fn this_array(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<ObjRef> {
    let v = this(vm, args, "bytearray", method)?;
    match v {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::ByteArray(_)) => Ok(r),
        _ => Err(super::args::descriptor_error(vm, method, "bytearray", v)),
    }
}

fn array_mut(vm: &mut Vm, r: ObjRef) -> &mut Vec<u8> {
    match vm.heap.get_mut(r) {
        Object::ByteArray(b) => b,
        _ => unreachable!("checked by this_array"),
    }
}

fn append(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_array(vm, args, "append")?;
    check_count(vm, &args[1..], "append", 1, 1)?;
    let b = byte_value(vm, args[1])?;
    array_mut(vm, r).push(b);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_array(vm, args, "extend")?;
    check_count(vm, &args[1..], "extend", 1, 1)?;
    let data = iterable_bytes(vm, args[1])?;
    array_mut(vm, r).extend(data);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_array(vm, args, "pop")?;
    check_count(vm, &args[1..], "pop", 0, 1)?;
    let len = array_mut(vm, r).len();
    if len == 0 {
        return vm.err(ExcKind::IndexError, "pop from empty bytearray");
    }
    let i = match args.get(1) {
        Some(&v) => index_i64(vm, v)?,
        None => -1,
    };
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        return vm.err(ExcKind::IndexError, "pop index out of range");
    }
    Ok(Value::Int(array_mut(vm, r).remove(i as usize) as i64))
}

fn insert(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_array(vm, args, "insert")?;
    check_count(vm, &args[1..], "insert", 2, 2)?;
    let i = index_i64(vm, args[1])?;
    let b = byte_value(vm, args[2])?;
    let data = array_mut(vm, r);
    let len = data.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    data.insert(at as usize, b);
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_array(vm, args, "reverse")?;
    array_mut(vm, r).reverse();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_array(vm, args, "clear")?;
    array_mut(vm, r).clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_array(vm, args, "copy")?;
    let data = array_mut(vm, r).clone();
    Ok(vm.alloc(Object::ByteArray(data)))
}

fn remove(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = this_array(vm, args, "remove")?;
    check_count(vm, &args[1..], "remove", 1, 1)?;
    let b = byte_value(vm, args[1])?;
    let data = array_mut(vm, r);
    match data.iter().position(|&x| x == b) {
        Some(p) => {
            data.remove(p);
            Ok(Value::None)
        }
        None => vm.err(ExcKind::ValueError, "value not found in bytearray"),
    }
}

/// `byteorder` and `signed` of `int.from_bytes` / `int.to_bytes`.
fn byteorder(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(true) };
    match vm.as_str(v) {
        Some("big") => Ok(true),
        Some("little") => Ok(false),
        Some(_) => vm.err(
            ExcKind::ValueError,
            "byteorder must be either 'little' or 'big'",
        ),
        None => {
            let msg = format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                vm.type_name(v)
            );
            vm.err(ExcKind::TypeError, msg)
        }
    }
}

fn int_from_bytes(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    // `int.from_bytes(data, ...)`: called on the class, so the data comes first.
    let [kbytes, korder, ksigned] =
        take_kwargs(vm, kwargs, "from_bytes", ["bytes", "byteorder", "signed"])?;
    let pos: Vec<Value> = args
        .iter()
        .copied()
        .skip_while(|&a| vm.is_type(a).is_some())
        .collect();
    let Some(src) = pos.first().copied().or(kbytes) else {
        return vm.err(
            ExcKind::TypeError,
            "from_bytes() missing required argument 'bytes' (pos 1)",
        );
    };
    let big = byteorder(vm, pos.get(1).copied().or(korder))?;
    let signed = match ksigned {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut data = match bytes_of(vm, src) {
        Some(b) => b.to_vec(),
        None => iterable_bytes(vm, src)?,
    };
    if !big {
        data.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_be(&data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    Ok(vm.new_int(n))
}

fn int_to_bytes(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [klen, korder, ksigned] =
        take_kwargs(vm, kwargs, "to_bytes", ["length", "byteorder", "signed"])?;
    let Some(&me) = args.first() else {
        return vm.err(ExcKind::TypeError, "to_bytes() needs an int");
    };
    let Some(n) = vm.to_pyint(vm.base_value(me)) else {
        return Err(super::args::descriptor_error(vm, "to_bytes", "int", me));
    };
    let length = match args.get(1).copied().or(klen) {
        Some(l) => index_i64(vm, l)?,
        None => 1,
    };
    if length < 0 {
        return vm.err(ExcKind::ValueError, "length argument must be non-negative");
    }
    let big = byteorder(vm, args.get(2).copied().or(korder))?;
    let signed = match ksigned {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let n = match n {
        PyInt::Small(i) => BigInt::from(i),
        PyInt::Big(b) => b,
    };
    if !signed && n.sign() == Sign::Minus {
        return vm.err(
            ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        );
    }
    let mut data = if signed {
        n.to_signed_bytes_be()
    } else {
        n.to_bytes_be().1
    };
    if n.sign() == Sign::NoSign {
        data.clear();
    }
    let length = length as usize;
    if data.len() > length {
        return vm.err(ExcKind::OverflowError, "int too big to convert");
    }
    let fill = if signed && n.sign() == Sign::Minus {
        0xff
    } else {
        0
    };
    let out = fallible::filled(fill, length - data.len());
    let mut out = vm.allocated(out)?;
    out.extend(data);
    if !big {
        out.reverse();
    }
    Ok(new_bytes(vm, out))
}

fn title(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, "title")?;
    let mut prev_cased = false;
    let out = data
        .into_iter()
        .map(|b| {
            let r = if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect();
    Ok(new_like(vm, array, out))
}

fn capitalize(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, "capitalize")?;
    let out = data
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if i == 0 {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect();
    Ok(new_like(vm, array, out))
}

fn swapcase(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    map_bytes(vm, args, "swapcase", |b| {
        if b.is_ascii_uppercase() {
            b.to_ascii_lowercase()
        } else {
            b.to_ascii_uppercase()
        }
    })
}

/// `center`/`ljust`/`rjust`: `left_share` picks how much of the padding goes left.
fn pad(
    vm: &mut Vm,
    args: &[Value],
    method: &str,
    left_share: fn(usize, usize) -> usize,
) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, method)?;
    check_count(vm, &args[1..], method, 1, 2)?;
    let width = index_i64(vm, args[1])?.max(0) as usize;
    let fill = match args.get(2) {
        Some(&f) => match bytes_of(vm, f) {
            Some([b]) => *b,
            _ => {
                let msg = format!(
                    "{method}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(f)
                );
                return vm.err(ExcKind::TypeError, msg);
            }
        },
        None => b' ',
    };
    if width <= data.len() {
        return Ok(new_like(vm, array, data));
    }
    let total = width - data.len();
    let left = left_share(total, width);
    let mut out = Vec::new();
    if out.try_reserve_exact(width).is_err() {
        return Err(vm.memory_error());
    }
    out.resize(left, fill);
    out.extend_from_slice(&data);
    out.resize(width, fill);
    Ok(new_like(vm, array, out))
}

fn center(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    // CPython's `pad` rounds the left share up when the width is odd.
    pad(vm, args, "center", |total, width| {
        total / 2 + (total & width & 1)
    })
}

fn ljust(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    pad(vm, args, "ljust", |_, _| 0)
}

fn rjust(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    pad(vm, args, "rjust", |total, _| total)
}

fn zfill(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, "zfill")?;
    check_count(vm, &args[1..], "zfill", 1, 1)?;
    let width = index_i64(vm, args[1])?.max(0) as usize;
    if width <= data.len() {
        return Ok(new_like(vm, array, data));
    }
    let signed = matches!(data.first(), Some(b'+' | b'-'));
    let split = usize::from(signed);
    let mut out = data[..split].to_vec();
    out.extend(std::iter::repeat_n(b'0', width - data.len()));
    out.extend_from_slice(&data[split..]);
    Ok(new_like(vm, array, out))
}

fn splitlines(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, "splitlines")?;
    let keep = match args.get(1) {
        Some(&k) => vm.truthy(k)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < data.len() {
        let eol = match data[i] {
            b'\r' if data.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if eol > 0 {
            let end = if keep { i + eol } else { i };
            parts.push(data[start..end].to_vec());
            i += eol;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < data.len() {
        parts.push(data[start..].to_vec());
    }
    let vals: Vec<Value> = parts.into_iter().map(|p| new_like(vm, array, p)).collect();
    Ok(vm.new_list(vals))
}

fn partition_impl(vm: &mut Vm, args: &[Value], method: &str, from_right: bool) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, method)?;
    check_count(vm, &args[1..], method, 1, 1)?;
    let sep = arg_bytes(vm, args[1])?;
    if sep.is_empty() {
        return vm.err(ExcKind::ValueError, "empty separator");
    }
    let found = if from_right {
        data.windows(sep.len()).rposition(|w| w == sep.as_slice())
    } else {
        find_sub(&data, &sep, 0)
    };
    let parts = match found {
        Some(p) => [
            data[..p].to_vec(),
            sep.clone(),
            data[p + sep.len()..].to_vec(),
        ],
        None if from_right => [Vec::new(), Vec::new(), data],
        None => [data, Vec::new(), Vec::new()],
    };
    let vals: Vec<Value> = parts.into_iter().map(|p| new_like(vm, array, p)).collect();
    Ok(vm.new_tuple(vals))
}

fn partition(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn rsplit(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (data, array) = data_of(vm, args, "rsplit")?;
    let sep = match args.get(1) {
        Some(&s) if !s.is_none() => Some(arg_bytes(vm, s)?),
        _ => None,
    };
    let limit = match args.get(2) {
        Some(&m) => index_i64(vm, m)?,
        None => -1,
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) if sep.is_empty() => return vm.err(ExcKind::ValueError, "empty separator"),
        Some(sep) => {
            let mut end = data.len();
            while limit < 0 || (parts.len() as i64) < limit {
                let Some(p) = data[..end]
                    .windows(sep.len())
                    .rposition(|w| w == sep.as_slice())
                else {
                    break;
                };
                parts.push(data[p + sep.len()..end].to_vec());
                end = p;
            }
            parts.push(data[..end].to_vec());
        }
        None => {
            let mut end = data.len();
            loop {
                while end > 0 && data[end - 1].is_ascii_whitespace() {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                if limit >= 0 && parts.len() as i64 >= limit {
                    parts.push(data[..end].to_vec());
                    break;
                }
                let mut start = end;
                while start > 0 && !data[start - 1].is_ascii_whitespace() {
                    start -= 1;
                }
                parts.push(data[start..end].to_vec());
                end = start;
            }
        }
    }
    parts.reverse();
    let vals: Vec<Value> = parts.into_iter().map(|p| new_like(vm, array, p)).collect();
    Ok(vm.new_list(vals))
}
