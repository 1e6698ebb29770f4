//! `_functools`: `reduce` as a native loop and `partial` (its own module), as CPython's C;
//! `functools.py` imports them.

use super::add_functions;
use crate::runtime::builtins::args::{check_count, no_kwargs, rooted};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    super::partial::install(vm, dict)?;
    add_functions(vm, dict, &[("reduce", reduce)])
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    no_kwargs(vm, kwargs, "reduce")?;
    check_count(vm, args, "reduce", 2, 3)?;
    let func = args[0];
    let it = match vm.get_iter(args[1]) {
        Ok(it) => it,
        Err(_) if vm.exception_matches(ExcKind::TypeError) => {
            vm.take_exception();
            return vm.err(ExcKind::TypeError, "reduce() arg 2 must support iteration");
        }
        Err(e) => return Err(e),
    };
    rooted(vm, &[it], |vm| {
        let mut acc = match args.get(2) {
            Some(&initial) => initial,
            None => match vm.iter_next(it)? {
                Some(first) => first,
                None => {
                    return vm.err(
                        ExcKind::TypeError,
                        "reduce() of empty iterable with no initial value",
                    );
                }
            },
        };
        let base = vm.temp_roots.len();
        vm.temp_roots.push(acc);
        let result = loop {
            match vm.iter_next(it) {
                Ok(Some(item)) => {
                    vm.temp_roots.push(item);
                    let r = vm.call(func, &[acc, item], &[]);
                    vm.temp_roots.pop();
                    match r {
                        Ok(v) => {
                            acc = v;
                            vm.temp_roots[base] = v;
                        }
                        Err(e) => break Err(e),
                    }
                }
                Ok(None) => break Ok(acc),
                Err(e) => break Err(e),
            }
        };
        vm.temp_roots.truncate(base);
        result
    })
}
