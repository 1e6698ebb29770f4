//! `str % args`: printf-style formatting with CPython's conversions, flags and messages.

use super::args::index_i64;
use crate::num::PyInt;
use crate::num::float_repr::{DtoaFlags, double_to_string};
use crate::num::int_float::float_to_int;
use crate::num::int_text::magnitude_digits;
use crate::runtime::PyResult;
use crate::runtime::fallible;
use crate::runtime::object::Object;
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alt: bool,
}

/// Where the conversions take their values from.
struct Source {
    items: Vec<Value>,
    next: usize,
    /// The argument itself when it can be used as a mapping (`%(name)s`).
    mapping: Option<Value>,
}

impl Source {
    fn take(&mut self, vm: &mut Vm) -> PyResult<Value> {
        match self.items.get(self.next) {
            Some(&v) => {
                self.next += 1;
                Ok(v)
            }
            None => vm.err(ExcKind::TypeError, "not enough arguments for format string"),
        }
    }
}

pub fn printf(vm: &mut Vm, fmt: &str, arg: Value) -> PyResult<String> {
    let base = vm.base_value(arg);
    let is_tuple = matches!(base, Value::Obj(r) if matches!(vm.heap.get(r), Object::Tuple(_)));
    let is_mapping = !is_tuple
        && vm.as_str(base).is_none()
        && match arg {
            Value::Obj(r) => match vm.heap.get(r) {
                Object::Dict(_) => true,
                Object::Instance(_) => {
                    let ty = vm.type_of(arg);
                    vm.special_method(ty, SpecialMethod::GetItem).is_some()
                        || matches!(base, Value::Obj(b) if matches!(vm.heap.get(b), Object::Dict(_)))
                }
                _ => false,
            },
            _ => false,
        };
    let items = if is_tuple {
        vm.seq_items(base)
    } else {
        vec![arg]
    };
    let mut src = Source {
        items,
        next: 0,
        mapping: is_mapping.then_some(arg),
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut used_mapping = false;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        let incomplete = |vm: &mut Vm| vm.err::<String>(ExcKind::ValueError, "incomplete format");
        let Some(&c0) = chars.get(i) else {
            return incomplete(vm);
        };
        // %(name)
        let mut value: Option<Value> = None;
        if c0 == '(' {
            let Some(mapping) = src.mapping else {
                return vm.err(ExcKind::TypeError, "format requires a mapping");
            };
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < chars.len() {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return vm.err(ExcKind::ValueError, "incomplete format key");
            }
            let key: String = chars[start..j].iter().collect();
            let key = vm.new_str(key);
            value = Some(vm.getitem(mapping, key)?);
            used_mapping = true;
            i = j + 1;
        }
        let mut flags = Flags::default();
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '0' => flags.zero = true,
                '#' => flags.alt = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = None;
        if chars.get(i) == Some(&'*') {
            let w = src.take(vm)?;
            let w = match w {
                Value::Int(_) | Value::Bool(_) => index_i64(vm, w)?,
                _ => return vm.err(ExcKind::TypeError, "* wants int"),
            };
            if w < 0 {
                flags.left = true;
            }
            width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            width = read_number(&chars, &mut i).or(width);
        }
        let mut precision = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                let p = src.take(vm)?;
                let p = match p {
                    Value::Int(_) | Value::Bool(_) => index_i64(vm, p)?,
                    _ => return vm.err(ExcKind::TypeError, "* wants int"),
                };
                // CPython reads a '*' precision as a C int.
                if i32::try_from(p).is_err() {
                    let msg = "Python int too large to convert to C int";
                    return vm.err(ExcKind::OverflowError, msg);
                }
                precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                let p = read_number(&chars, &mut i).unwrap_or(0);
                if i32::try_from(p).is_err() {
                    return vm.err(ExcKind::ValueError, "precision too big");
                }
                precision = Some(p);
            }
        }
        while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return incomplete(vm);
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match value {
            Some(v) => v,
            None => src.take(vm)?,
        };
        let piece = convert(vm, conv, v, &flags, precision, i - 1)?;
        let padded = pad(piece, width, &flags, conv);
        let padded = vm.allocated(padded)?;
        let room = out.try_reserve(padded.len()).ok();
        vm.allocated(room)?;
        out.push_str(&padded);
    }
    if !used_mapping && src.mapping.is_none() && src.next < src.items.len() {
        return vm.err(
            ExcKind::TypeError,
            "not all arguments converted during string formatting",
        );
    }
    Ok(out)
}

fn read_number(chars: &[char], i: &mut usize) -> Option<usize> {
    let start = *i;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = n.saturating_mul(10).saturating_add(d as usize);
        *i += 1;
    }
    (*i > start).then_some(n)
}

/// A converted field before padding: `(sign, prefix, body)`; numbers pad zeros between the
/// prefix and the body.
struct Piece {
    sign: &'static str,
    prefix: &'static str,
    body: String,
    numeric: bool,
}

fn text(body: String) -> Piece {
    Piece {
        sign: "",
        prefix: "",
        body,
        numeric: false,
    }
}

fn convert(
    vm: &mut Vm,
    conv: char,
    v: Value,
    flags: &Flags,
    precision: Option<usize>,
    at: usize,
) -> PyResult<Piece> {
    match conv {
        's' | 'r' | 'a' => {
            let s = match conv {
                's' => vm.str(v)?,
                'r' => vm.repr(v)?,
                _ => vm.ascii(v)?,
            };
            Ok(text(match precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            }))
        }
        'd' | 'i' | 'u' => {
            let i = match v {
                Value::Float(f) => float_to_int(f).map_err(|e| vm.num_error(e))?,
                _ => match int_value(vm, v)? {
                    Some(i) => i,
                    None => {
                        let msg = format!(
                            "%{conv} format: a real number is required, not {}",
                            vm.type_name(v)
                        );
                        return vm.err(ExcKind::TypeError, msg);
                    }
                },
            };
            let piece = int_piece(&i, 10, "", flags, precision);
            vm.allocated(piece)
        }
        'x' | 'X' | 'o' => {
            let Some(i) = int_value(vm, v)? else {
                let msg = format!(
                    "%{conv} format: an integer is required, not {}",
                    vm.type_name(v)
                );
                return vm.err(ExcKind::TypeError, msg);
            };
            let (radix, prefix) = match conv {
                'x' => (16, "0x"),
                'X' => (16, "0X"),
                _ => (8, "0o"),
            };
            let prefix = if flags.alt { prefix } else { "" };
            let p = int_piece(&i, radix, prefix, flags, precision);
            let mut p = vm.allocated(p)?;
            if conv == 'X' {
                p.body.make_ascii_uppercase();
            }
            Ok(p)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match v {
                Value::Float(f) => f,
                _ => match vm.to_f64(vm.base_value(v))? {
                    Some(f) => f,
                    None => {
                        let ty = vm.type_of(v);
                        match vm.special_method(ty, SpecialMethod::Float) {
                            Some(f) if !vm.type_obj(ty).builtin => {
                                let r = vm.call_reentrant(f, &[v], &[])?;
                                vm.to_f64(r)?.unwrap_or(0.0)
                            }
                            _ => {
                                let msg = format!("must be real number, not {}", vm.type_name(v));
                                return vm.err(ExcKind::TypeError, msg);
                            }
                        }
                    }
                },
            };
            let flags_d = DtoaFlags {
                alt: flags.alt,
                ..DtoaFlags::default()
            };
            let s = double_to_string(x, conv, precision.unwrap_or(6), flags_d);
            let (neg, body) = match s.strip_prefix('-') {
                Some(b) => (true, b.to_string()),
                None => (false, s),
            };
            Ok(Piece {
                sign: sign_of(neg, flags),
                prefix: "",
                body,
                numeric: true,
            })
        }
        'c' => {
            if let Some(s) = vm.as_str(vm.base_value(v)) {
                let mut it = s.chars();
                if let (Some(c), None) = (it.next(), it.next()) {
                    return Ok(text(c.to_string()));
                }
                return vm.err(ExcKind::TypeError, "%c requires int or char");
            }
            match int_value(vm, v)? {
                Some(i) => match i
                    .as_i64()
                    .and_then(|n| u32::try_from(n).ok())
                    .and_then(char::from_u32)
                {
                    Some(c) => Ok(text(c.to_string())),
                    None => vm.err(ExcKind::OverflowError, "%c arg not in range(0x110000)"),
                },
                None => vm.err(ExcKind::TypeError, "%c requires int or char"),
            }
        }
        other => {
            let msg = format!(
                "unsupported format character '{other}' (0x{:x}) at index {at}",
                other as u32
            );
            vm.err(ExcKind::ValueError, msg)
        }
    }
}

/// An int (or `__index__`/`__int__` result) for the integer conversions.
fn int_value(vm: &mut Vm, v: Value) -> PyResult<Option<PyInt>> {
    if let Some(i) = vm.to_pyint(vm.base_value(v)) {
        return Ok(Some(i));
    }
    let ty = vm.type_of(v);
    if vm.type_obj(ty).builtin {
        return Ok(None);
    }
    for hook in ["__index__", "__int__"] {
        if let Some(f) = vm.lookup_in_mro_str(ty, hook) {
            let r = vm.call_reentrant(f, &[v], &[])?;
            return Ok(vm.to_pyint(r));
        }
    }
    Ok(None)
}

fn sign_of(negative: bool, flags: &Flags) -> &'static str {
    if negative {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    }
}

fn int_piece(
    i: &PyInt,
    radix: u32,
    prefix: &'static str,
    flags: &Flags,
    precision: Option<usize>,
) -> Option<Piece> {
    let mut body = magnitude_digits(i, radix);
    if let Some(p) = precision
        && body.len() < p
    {
        // The precision is the program's to choose: up to 2**31 - 1 zeros.
        let mut zeros = fallible::repeat_str("0", p - body.len())?;
        zeros.try_reserve_exact(body.len()).ok()?;
        zeros.push_str(&body);
        body = zeros;
    }
    Some(Piece {
        sign: sign_of(i.is_negative(), flags),
        prefix,
        body,
        numeric: true,
    })
}

/// The piece padded to `width`, or `None` if that cannot be allocated (a '*' width is the
/// program's to choose).
fn pad(p: Piece, width: Option<usize>, flags: &Flags, _conv: char) -> Option<String> {
    let len = p.sign.len() + p.prefix.len() + p.body.chars().count();
    let fill = width.unwrap_or(0).saturating_sub(len);
    let mut out = String::new();
    out.try_reserve_exact(len.checked_add(fill)?).ok()?;
    if flags.left {
        out.push_str(p.sign);
        out.push_str(p.prefix);
        out.push_str(&p.body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if flags.zero && p.numeric {
        out.push_str(p.sign);
        out.push_str(p.prefix);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(&p.body);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(p.sign);
        out.push_str(p.prefix);
        out.push_str(&p.body);
    }
    Some(out)
}
