//! `BaseException`'s methods: `__init__` (sets `args`), `__str__` and `__repr__` from the
//! args, as CPython's.

use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let base = vm.exc_type(ExcKind::BaseException);
    vm.add_method(base, "__init__", init);
    vm.add_method(base, "__str__", str_);
    vm.add_method(base, "__repr__", repr);
    vm.add_method(base, "with_traceback", with_traceback);
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Value> {
    match args.first() {
        Some(&v) if vm.exception_data(v).is_some() => Ok(v),
        Some(&v) => Err(super::args::descriptor_error(
            vm,
            method,
            "BaseException",
            v,
        )),
        None => vm.err(
            ExcKind::TypeError,
            format!("BaseException.{method}() needs an argument"),
        ),
    }
}

fn init(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let exc = this(vm, args, "__init__")?;
    let t = vm.new_tuple(args[1..].to_vec());
    if let Some(d) = vm.exception_data_mut(exc) {
        d.args = t;
    }
    Ok(Value::None)
}

/// `BaseException.__str__`: nothing, the one argument's str (its repr for KeyError), or the
/// args tuple's repr; `OSError(errno, strerror)` reads `[Errno 28] No space left on device`.
pub fn args_message(vm: &mut Vm, exc: Value) -> PyResult<String> {
    let args = vm
        .exception_data(exc)
        .map(|d| d.args)
        .unwrap_or(Value::None);
    let items = vm.seq_items(args);
    let key_error = vm.isinstance(exc, vm.exc_type(ExcKind::KeyError));
    match items.as_slice() {
        [] => Ok(String::new()),
        [one] if key_error => vm.repr(*one),
        [one] => vm.str(*one),
        [Value::Int(errno), strerror] if vm.isinstance(exc, vm.exc_type(ExcKind::OSError)) => {
            let strerror = vm.str(*strerror)?;
            Ok(format!("[Errno {errno}] {strerror}"))
        }
        _ => vm.repr(args),
    }
}

fn str_(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let exc = this(vm, args, "__str__")?;
    let s = args_message(vm, exc)?;
    Ok(vm.new_str(s))
}

fn repr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let exc = this(vm, args, "__repr__")?;
    let name = vm.type_name(exc).to_string();
    let a = vm
        .exception_data(exc)
        .map(|d| d.args)
        .unwrap_or(Value::None);
    let items = vm.seq_items(a);
    let inner = match items.as_slice() {
        [one] => vm.repr(*one)?,
        _ => {
            let r = vm.repr(a)?;
            // The tuple's repr without its parentheses.
            r.strip_prefix('(')
                .and_then(|x| x.strip_suffix(')'))
                .unwrap_or("")
                .to_string()
        }
    };
    Ok(vm.new_str(format!("{name}({inner})")))
}

fn with_traceback(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    this(vm, args, "with_traceback")
}
