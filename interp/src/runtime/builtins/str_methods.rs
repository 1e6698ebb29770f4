//! `str` methods: thin adapters from Python arguments to the CPython-exact text routines in
//! `crate::text`.

use super::args::{check_count, index_clamped, index_i64, num, take_kwargs};
use crate::runtime::object::{NativeFn, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};
use crate::text::str_methods as t;

pub fn install(vm: &mut Vm) {
    let s = vm.types.str_;
    let methods: &[(&'static str, NativeFn)] = &[
        ("split", split),
        ("rsplit", rsplit),
        ("join", join),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("upper", upper),
        ("lower", lower),
        ("capitalize", capitalize),
        ("title", title),
        ("swapcase", swapcase),
        ("casefold", casefold),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isspace", isspace),
        ("isalnum", isalnum),
        ("isupper", isupper),
        ("islower", islower),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isidentifier", isidentifier),
        ("istitle", istitle),
        ("isascii", isascii),
        ("isprintable", isprintable),
        ("ljust", ljust),
        ("rjust", rjust),
        ("center", center),
        ("zfill", zfill),
        ("splitlines", splitlines),
        ("partition", partition),
        ("rpartition", rpartition),
        ("expandtabs", expandtabs),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("format", super::str_format::str_format),
        ("__mod__", str_mod),
    ];
    for &(name, f) in methods {
        vm.add_method(s, name, f);
    }
}

/// The text of `self`.
fn this_str(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<String> {
    let v = super::args::this(vm, args, "str", method)?;
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => Err(super::args::descriptor_error(vm, method, "str", v)),
    }
}

/// A str argument, or `must be str, not int`.
fn str_arg(vm: &mut Vm, v: Value) -> PyResult<String> {
    super::args::str_arg(vm, v, |ty| format!("must be str, not {ty}"))
}

/// An optional str argument where `None` means "absent".
fn opt_str(
    vm: &mut Vm,
    v: Option<Value>,
    msg: impl FnOnce(&str) -> String,
) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => super::args::str_arg(vm, v, msg).map(Some),
    }
}

/// An optional slice bound: `None` or an index.
fn bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(&v) => index_clamped(vm, v).map(Some),
    }
}

fn no_args(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<String> {
    if args.len() > 1 {
        let msg = format!(
            "str.{method}() takes no arguments ({} given)",
            args.len() - 1
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    this_str(vm, args, method)
}

fn new_list_of(vm: &mut Vm, parts: Vec<&str>) -> Value {
    let items: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    vm.new_list(items)
}

fn split_common(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>, right: bool) -> PyResult<Value> {
    let name = if right { "rsplit" } else { "split" };
    let s = this_str(vm, args, name)?;
    check_count(vm, &args[1..], name, 0, 2)?;
    let [ksep, kmax] = take_kwargs(vm, kwargs, name, ["sep", "maxsplit"])?;
    let sep = opt_str(vm, args.get(1).copied().or(ksep), |ty| {
        format!("must be str or None, not {ty}")
    })?;
    let maxsplit = match args.get(2).copied().or(kmax) {
        Some(m) => index_clamped(vm, m)?,
        None => -1,
    };
    let parts = if right {
        t::rsplit(&s, sep.as_deref(), maxsplit)
    } else {
        t::split(&s, sep.as_deref(), maxsplit)
    };
    let parts = num(vm, parts)?;
    Ok(new_list_of(vm, parts))
}

fn split(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    split_common(vm, args, kwargs, false)
}

fn rsplit(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    split_common(vm, args, kwargs, true)
}

fn join(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let sep = this_str(vm, args, "join")?;
    check_count(vm, &args[1..], "join", 1, 1)?;
    let items = match vm.collect_iterable(args[1]) {
        Ok(items) => items,
        Err(e) => {
            if vm.exception_matches(ExcKind::TypeError) && vm.get_iter(args[1]).is_err() {
                vm.take_exception();
                vm.take_exception();
                return vm.err(ExcKind::TypeError, "can only join an iterable");
            }
            return Err(e);
        }
    };
    // The total first, as CPython computes it: the result is reserved once, fallibly.
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, &item) in items.iter().enumerate() {
        let base = vm.base_value(item);
        let Some(s) = vm.as_str(base) else {
            let msg = format!(
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(item)
            );
            return vm.err(ExcKind::TypeError, msg);
        };
        total = total.saturating_add(s.len());
    }
    let mut out = String::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(vm.memory_error());
    }
    for (i, &item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(vm.as_str(vm.base_value(item)).unwrap_or_default());
    }
    Ok(vm.new_str(out))
}

fn strip_common(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    f: for<'a> fn(&'a str, Option<&str>) -> &'a str,
) -> PyResult<Value> {
    let s = this_str(vm, args, name)?;
    check_count(vm, &args[1..], name, 0, 1)?;
    let chars = opt_str(vm, args.get(1).copied(), |_| {
        format!("{name} arg must be None or str")
    })?;
    let out = f(&s, chars.as_deref()).to_string();
    if out.len() == s.len() {
        return Ok(args[0]).map(|v| vm.base_value(v));
    }
    Ok(vm.new_str(out))
}

fn strip(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    strip_common(vm, args, "strip", t::strip)
}

fn lstrip(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    strip_common(vm, args, "lstrip", t::lstrip)
}

fn rstrip(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    strip_common(vm, args, "rstrip", t::rstrip)
}

fn replace(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let s = this_str(vm, args, "replace")?;
    check_count(vm, &args[1..], "replace", 2, 3)?;
    let old = super::args::str_arg(vm, args[1], |ty| {
        format!("replace() argument 1 must be str, not {ty}")
    })?;
    let new = super::args::str_arg(vm, args[2], |ty| {
        format!("replace() argument 2 must be str, not {ty}")
    })?;
    let n = match args.get(3) {
        Some(&c) => index_clamped(vm, c)?,
        None => -1,
    };
    Ok(vm.new_str(t::replace(&s, &old, &new, n)))
}

/// `(self, sub, start, end)` of the search methods.
fn search_args(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
) -> PyResult<(String, String, Option<i64>, Option<i64>)> {
    let s = this_str(vm, args, name)?;
    check_count(vm, &args[1..], name, 1, 3)?;
    let sub = str_arg(vm, args[1])?;
    let start = bound(vm, args.get(2))?;
    let end = bound(vm, args.get(3))?;
    Ok((s, sub, start, end))
}

fn find(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, "find")?;
    Ok(Value::Int(t::find(&s, &sub, a, b)))
}

fn rfind(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, "rfind")?;
    Ok(Value::Int(t::rfind(&s, &sub, a, b)))
}

fn index(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, "index")?;
    match t::find(&s, &sub, a, b) {
        -1 => vm.err(ExcKind::ValueError, "substring not found"),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, "rindex")?;
    match t::rfind(&s, &sub, a, b) {
        -1 => vm.err(ExcKind::ValueError, "substring not found"),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, "count")?;
    Ok(Value::Int(t::count(&s, &sub, a, b)))
}

fn affix_common(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    f: fn(&str, &str, Option<i64>, Option<i64>) -> bool,
) -> PyResult<Value> {
    let s = this_str(vm, args, name)?;
    check_count(vm, &args[1..], name, 1, 3)?;
    let start = bound(vm, args.get(2))?;
    let end = bound(vm, args.get(3))?;
    let arg = args[1];
    let candidates: Vec<Value> = match arg {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Tuple(_)) => vm.seq_items(arg),
        _ => {
            let base = vm.base_value(arg);
            let Some(p) = vm.as_str(base) else {
                let msg = format!(
                    "{name} first arg must be str or a tuple of str, not {}",
                    vm.type_name(arg)
                );
                return vm.err(ExcKind::TypeError, msg);
            };
            return Ok(Value::Bool(f(&s, p, start, end)));
        }
    };
    for c in candidates {
        let base = vm.base_value(c);
        let Some(p) = vm.as_str(base) else {
            let msg = format!(
                "tuple for {name} must only contain str, not {}",
                vm.type_name(c)
            );
            return vm.err(ExcKind::TypeError, msg);
        };
        if f(&s, p, start, end) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    affix_common(vm, args, "startswith", t::startswith)
}

fn endswith(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    affix_common(vm, args, "endswith", t::endswith)
}

macro_rules! transform {
    ($($name:ident),*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
            let s = no_args(vm, args, stringify!($name))?;
            Ok(vm.new_str(t::$name(&s)))
        }
    )*};
}

transform!(upper, lower, capitalize, title, swapcase, casefold);

macro_rules! predicate {
    ($($name:ident),*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
            let s = no_args(vm, args, stringify!($name))?;
            Ok(Value::Bool(t::$name(&s)))
        }
    )*};
}

predicate!(
    isdigit,
    isalpha,
    isspace,
    isalnum,
    isupper,
    islower,
    isdecimal,
    isnumeric,
    isidentifier,
    istitle,
    isascii,
    isprintable
);

fn pad_common(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    f: fn(&str, i64, char) -> Result<String, crate::num::NumError>,
) -> PyResult<Value> {
    let s = this_str(vm, args, name)?;
    check_count(vm, &args[1..], name, 1, 2)?;
    let width = index_i64(vm, args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(&c) => {
            let base = vm.base_value(c);
            let Some(text) = vm.as_str(base) else {
                let msg = format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(c)
                );
                return vm.err(ExcKind::TypeError, msg);
            };
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(ch), None) => ch,
                _ => {
                    return vm.err(
                        ExcKind::TypeError,
                        "The fill character must be exactly one character long",
                    );
                }
            }
        }
    };
    let out = num(vm, f(&s, width, fill))?;
    Ok(vm.new_str(out))
}

fn ljust(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    pad_common(vm, args, "ljust", t::ljust)
}

fn rjust(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    pad_common(vm, args, "rjust", t::rjust)
}

fn center(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    pad_common(vm, args, "center", t::center)
}

fn zfill(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let s = this_str(vm, args, "zfill")?;
    check_count(vm, &args[1..], "zfill", 1, 1)?;
    let width = index_i64(vm, args[1])?;
    let out = num(vm, t::zfill(&s, width))?;
    Ok(vm.new_str(out))
}

fn splitlines(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let s = this_str(vm, args, "splitlines")?;
    check_count(vm, &args[1..], "splitlines", 0, 1)?;
    let [kkeep] = take_kwargs(vm, kwargs, "splitlines", ["keepends"])?;
    let keep = match args.get(1).copied().or(kkeep) {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let parts = t::splitlines(&s, keep);
    Ok(new_list_of(vm, parts))
}

fn partition_common(vm: &mut Vm, args: &[Value], right: bool) -> PyResult<Value> {
    let name = if right { "rpartition" } else { "partition" };
    let s = this_str(vm, args, name)?;
    check_count(vm, &args[1..], name, 1, 1)?;
    let sep = str_arg(vm, args[1])?;
    let parts = if right {
        t::rpartition(&s, &sep)
    } else {
        t::partition(&s, &sep)
    };
    let (a, b, c) = num(vm, parts)?;
    let items = vec![vm.new_str(a), vm.new_str(b), vm.new_str(c)];
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    partition_common(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    partition_common(vm, args, true)
}

fn expandtabs(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let s = this_str(vm, args, "expandtabs")?;
    check_count(vm, &args[1..], "expandtabs", 0, 1)?;
    let [ktab] = take_kwargs(vm, kwargs, "expandtabs", ["tabsize"])?;
    let tab = match args.get(1).copied().or(ktab) {
        Some(v) => index_i64(vm, v)?,
        None => 8,
    };
    // CPython takes the tab size as a C int.
    if i32::try_from(tab).is_err() {
        let msg = "Python int too large to convert to C int";
        return vm.err(ExcKind::OverflowError, msg);
    }
    let out = num(vm, t::expandtabs(&s, tab))?;
    Ok(vm.new_str(out))
}

fn affix_remove(vm: &mut Vm, args: &[Value], name: &str, prefix: bool) -> PyResult<Value> {
    let s = this_str(vm, args, name)?;
    check_count(vm, &args[1..], name, 1, 1)?;
    let a = super::args::str_arg(vm, args[1], |ty| {
        format!("{name}() argument must be str, not {ty}")
    })?;
    let out = if prefix {
        s.strip_prefix(a.as_str())
    } else {
        s.strip_suffix(a.as_str())
    };
    Ok(vm.new_str(out.unwrap_or(&s)))
}

fn removeprefix(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    affix_remove(vm, args, "removeprefix", true)
}

fn removesuffix(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    affix_remove(vm, args, "removesuffix", false)
}

fn str_mod(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let s = this_str(vm, args, "__mod__")?;
    check_count(vm, &args[1..], "__mod__", 1, 1)?;
    let out = super::printf::printf(vm, &s, args[1])?;
    Ok(vm.new_str(out))
}
