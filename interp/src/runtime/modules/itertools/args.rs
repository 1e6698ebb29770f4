//! Argument binding as CPython's `PyArg_ParseTupleAndKeywords` does it for `itertools`'
//! constructors, with its error messages.

use crate::runtime::builtins::args::index_i64;
use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

/// Binds `args` and `kwargs` to `params`: the first `required` must be given, at most
/// `max_positional` by position.
pub fn bind<const N: usize>(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: Kwargs<'_>,
    params: [&str; N],
    required: usize,
    max_positional: usize,
) -> PyResult<[Option<Value>; N]> {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if max_positional < N && args.len() > max_positional {
        let msg = format!(
            "{name}() takes at most {max_positional} positional argument{} ({} given)",
            plural(max_positional),
            args.len()
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let total = args.len() + kwargs.len();
    if total > N {
        let msg = format!(
            "{name}() takes at most {N} argument{} ({total} given)",
            plural(N)
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let mut out = [None; N];
    for (slot, &a) in out.iter_mut().zip(args) {
        *slot = Some(a);
    }
    // As CPython's parser: a missing argument is reported before a stray keyword.
    let mut stray = None;
    for &(k, v) in kwargs {
        let key = vm.as_str(k).unwrap_or("").to_string();
        match params.iter().position(|p| *p == key) {
            Some(i) if i >= args.len() => out[i] = Some(v),
            found => {
                stray.get_or_insert((key, found));
            }
        }
    }
    if let Some(i) = out[..required].iter().position(Option::is_none) {
        let msg = format!(
            "{name}() missing required argument '{}' (pos {})",
            params[i],
            i + 1
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    if let Some((key, found)) = stray {
        let msg = match found {
            Some(i) => format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                i + 1
            ),
            None => format!("'{key}' is an invalid keyword argument for {name}()"),
        };
        return vm.err(ExcKind::TypeError, msg);
    }
    Ok(out)
}

/// Positional-only arguments, counted in Argument Clinic's words (`cycle expected 1
/// argument, got 2`), after refusing keywords (`cycle() takes no keyword arguments`).
pub fn positional(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: Kwargs<'_>,
    min: usize,
    max: usize,
) -> PyResult<()> {
    crate::runtime::builtins::args::no_kwargs(vm, kwargs, name)?;
    crate::runtime::builtins::args::check_count(vm, args, name, min, max)
}

/// A size argument (`r`, `repeat`, `n`), as a non-negative count or `ValueError(negative)`.
pub fn count_arg(vm: &mut Vm, v: Value, negative: &str) -> PyResult<usize> {
    let n = index_i64(vm, v)?;
    if n < 0 {
        return vm.err(ExcKind::ValueError, negative.to_string());
    }
    Ok(n as usize)
}
