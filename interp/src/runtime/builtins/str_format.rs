//! `str.format`: replacement fields with automatic or explicit numbering, keyword names,
//! attribute and index access (`{0.x}`, `{a[0]}`), conversions (`!r !s !a`) and format specs
//! that may themselves contain fields, with CPython's parse errors.

use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

/// How positional fields are being numbered.
enum Numbering {
    Unset,
    Auto(usize),
    Manual,
}

struct Ctx<'a> {
    args: &'a [Value],
    kwargs: Kwargs<'a>,
    numbering: Numbering,
}

pub fn str_format(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return vm.err(
            ExcKind::TypeError,
            "unbound method str.format() needs an argument",
        );
    };
    let base = vm.base_value(this);
    let Some(fmt) = vm.as_str(base).map(str::to_string) else {
        return Err(super::args::descriptor_error(vm, "format", "str", this));
    };
    let mut ctx = Ctx {
        args: &args[1..],
        kwargs,
        numbering: Numbering::Unset,
    };
    let out = render(vm, &fmt, &mut ctx, 2)?;
    Ok(vm.new_str(out))
}

fn value_error<T>(vm: &mut Vm, msg: &str) -> PyResult<T> {
    vm.err(ExcKind::ValueError, msg)
}

fn render(vm: &mut Vm, fmt: &str, ctx: &mut Ctx<'_>, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return value_error(vm, "Max string recursion exceeded");
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '}' => {
                if chars.get(i + 1) == Some(&'}') {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return value_error(vm, "Single '}' encountered in format string");
            }
            '{' => {
                if chars.get(i + 1) == Some(&'{') {
                    out.push('{');
                    i += 2;
                    continue;
                }
                // Find the matching '}', allowing nested fields in the spec.
                let mut level = 1;
                let mut j = i + 1;
                while j < chars.len() {
                    match chars[j] {
                        '{' => level += 1,
                        '}' => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                if j >= chars.len() {
                    let msg = if i + 1 == chars.len() {
                        "Single '{' encountered in format string"
                    } else if level > 1 || chars[i + 1..].contains(&'{') {
                        "unmatched '{' in format spec"
                    } else {
                        "expected '}' before end of string"
                    };
                    return value_error(vm, msg);
                }
                let field: String = chars[i + 1..j].iter().collect();
                out.push_str(&replacement(vm, &field, ctx, depth)?);
                i = j + 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// One `{...}` field (without the braces).
fn replacement(vm: &mut Vm, field: &str, ctx: &mut Ctx<'_>, depth: i32) -> PyResult<String> {
    // The field name runs to the first '!' or ':' outside brackets.
    let mut in_bracket = false;
    let mut name_end = field.len();
    for (b, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => {
                name_end = b;
                break;
            }
            _ => {}
        }
    }
    let name = &field[..name_end];
    let rest = &field[name_end..];
    let (conversion, spec) = if let Some(r) = rest.strip_prefix('!') {
        let mut it = r.chars();
        let Some(conv) = it.next() else {
            return value_error(vm, "unmatched '{' in format spec");
        };
        let after = it.as_str();
        if after.is_empty() {
            (Some(conv), "")
        } else if let Some(spec) = after.strip_prefix(':') {
            (Some(conv), spec)
        } else {
            return value_error(vm, "expected ':' after conversion specifier");
        }
    } else if let Some(spec) = rest.strip_prefix(':') {
        (None, spec)
    } else {
        (None, "")
    };
    let obj = lookup_field(vm, name, ctx)?;
    vm.temp_roots.push(obj);
    let result = (|| {
        let spec = if spec.contains('{') {
            render(vm, spec, ctx, depth - 1)?
        } else {
            spec.to_string()
        };
        match conversion {
            None => vm.format_value(obj, &spec),
            Some(c) => {
                let text = match c {
                    'r' => vm.repr(obj)?,
                    's' => vm.str(obj)?,
                    'a' => vm.ascii(obj)?,
                    other => {
                        let msg = format!("Unknown conversion specifier {other}");
                        return vm.err(ExcKind::ValueError, msg);
                    }
                };
                let s = vm.new_str(text);
                vm.temp_roots.push(s);
                let r = vm.format_value(s, &spec);
                vm.temp_roots.pop();
                r
            }
        }
    })();
    vm.temp_roots.pop();
    result
}

/// Resolves `0`, `name`, `` (automatic), followed by `.attr` and `[key]` parts.
fn lookup_field(vm: &mut Vm, name: &str, ctx: &mut Ctx<'_>) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut obj = if first.is_empty() {
        let n = match ctx.numbering {
            Numbering::Manual => {
                return value_error(
                    vm,
                    "cannot switch from manual field specification to automatic field numbering",
                );
            }
            Numbering::Unset => 0,
            Numbering::Auto(n) => n,
        };
        ctx.numbering = Numbering::Auto(n + 1);
        positional(vm, ctx, n)?
    } else if first.bytes().all(|b| b.is_ascii_digit()) {
        if matches!(ctx.numbering, Numbering::Auto(_)) {
            return value_error(
                vm,
                "cannot switch from automatic field numbering to manual field specification",
            );
        }
        ctx.numbering = Numbering::Manual;
        let n = first.parse::<usize>().unwrap_or(usize::MAX);
        positional(vm, ctx, n)?
    } else {
        let found = ctx
            .kwargs
            .iter()
            .find(|(k, _)| vm.as_str(*k) == Some(first))
            .map(|&(_, v)| v);
        match found {
            Some(v) => v,
            None => {
                let key = vm.new_str(first);
                return Err(vm.raise_with_args(ExcKind::KeyError, vec![key]));
            }
        }
    };
    let base = vm.temp_roots.len();
    let result = (|| {
        while !rest.is_empty() {
            vm.temp_roots.push(obj);
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                if end == 0 {
                    return value_error(vm, "Empty attribute in format string");
                }
                let attr = vm.intern(&r[..end]);
                obj = vm.getattr(obj, attr)?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let Some(end) = r.find(']') else {
                    return value_error(vm, "Missing ']' in format string");
                };
                let key_text = &r[..end];
                if key_text.is_empty() {
                    return value_error(vm, "Empty attribute in format string");
                }
                let key = match key_text.parse::<i64>() {
                    Ok(i) if key_text.bytes().all(|b| b.is_ascii_digit()) => Value::Int(i),
                    _ => vm.new_str(key_text),
                };
                obj = vm.getitem(obj, key)?;
                rest = &r[end + 1..];
                if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                    return value_error(
                        vm,
                        "Only '.' or '[' may follow ']' in format field specifier",
                    );
                }
            } else {
                return value_error(
                    vm,
                    "Only '.' or '[' may follow ']' in format field specifier",
                );
            }
        }
        Ok(obj)
    })();
    vm.temp_roots.truncate(base);
    result
}

fn positional(vm: &mut Vm, ctx: &Ctx<'_>, n: usize) -> PyResult<Value> {
    match ctx.args.get(n) {
        Some(&v) => Ok(v),
        None => {
            let msg = format!("Replacement index {n} out of range for positional args tuple");
            vm.err(ExcKind::IndexError, msg)
        }
    }
}
