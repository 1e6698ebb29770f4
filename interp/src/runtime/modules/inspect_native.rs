//! `_inspect`: what `inspect` needs from the VM that Python code cannot get itself — the
//! source lines of loaded files (CPython's `inspect` reads them through `linecache`).

use super::add_functions;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    add_functions(vm, dict, &[("source_line", source_line)])
}

/// `source_line(filename, lineno)`: that line of a loaded file with its newline (as
/// `linecache.getline` gives it), or `None`.
fn source_line(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (Some(&file), Some(&Value::Int(lineno))) = (args.first(), args.get(1)) else {
        return vm.err(
            ExcKind::TypeError,
            "source_line() takes a filename and a line number",
        );
    };
    let Some(filename) = vm.as_str(file) else {
        return vm.err(ExcKind::TypeError, "source_line() filename must be a str");
    };
    let line = usize::try_from(lineno)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| vm.sources.get(filename)?.split_inclusive('\n').nth(i))
        .map(|l| {
            if l.ends_with('\n') {
                l.to_string()
            } else {
                format!("{l}\n")
            }
        });
    Ok(match line {
        Some(l) => vm.new_str(l),
        None => Value::None,
    })
}
