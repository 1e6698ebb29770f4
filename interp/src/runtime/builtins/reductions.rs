//! Built-ins that consume an iterable: `sorted`, `min`, `max`, `sum`, `any`, `all`.

use super::args::{check_count, one_arg, take_kwargs};
use super::sort::sort_values;
use crate::runtime::ops::{BinOp, CmpOp};
use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    vm.add_builtin("sorted", sorted);
    vm.add_builtin("min", min);
    vm.add_builtin("max", max);
    vm.add_builtin("sum", sum);
    vm.add_builtin("any", any);
    vm.add_builtin("all", all);
}

fn sorted(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "sorted", 1, 1)?;
    let [key, reverse] = take_kwargs(vm, kwargs, "sort", ["key", "reverse"])?;
    let reverse = match reverse {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let mut items = vm.collect_iterable(args[0])?;
    // Hold the result list from the start so the items stay rooted while keys run.
    let list = vm.new_list(items.clone());
    vm.temp_roots.push(list);
    let r = sort_values(vm, &mut items, key, reverse);
    vm.temp_roots.pop();
    r?;
    if let Value::Obj(l) = list
        && let crate::runtime::object::Object::List(v) = vm.heap.get_mut(l)
    {
        *v = items;
    }
    Ok(list)
}

fn min(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    min_max(vm, args, kwargs, "min")
}

fn max(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    min_max(vm, args, kwargs, "max")
}

fn min_max(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>, name: &str) -> PyResult<Value> {
    if kwargs.len() > 2 {
        let msg = format!(
            "{name}() takes at most 2 keyword arguments ({} given)",
            kwargs.len()
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let [key, default] = take_kwargs(vm, kwargs, name, ["key", "default"])?;
    let key = key.filter(|k| !k.is_none());
    if args.is_empty() {
        let msg = format!("{name} expected at least 1 argument, got 0");
        return vm.err(ExcKind::TypeError, msg);
    }
    if args.len() > 1 && default.is_some() {
        let msg =
            format!("Cannot specify a default for {name}() with multiple positional arguments");
        return vm.err(ExcKind::TypeError, msg);
    }
    let it = if args.len() == 1 {
        vm.get_iter(args[0])?
    } else {
        vm.new_tuple(args.to_vec())
    };
    let it = if args.len() == 1 {
        it
    } else {
        vm.get_iter(it)?
    };
    let base = vm.temp_roots.len();
    // Slots: the iterator, the best item, its key.
    vm.temp_roots.extend([it, Value::Null, Value::Null]);
    let result = scan(vm, it, key, name == "max", base);
    let best = vm.temp_roots.get(base + 1).copied().unwrap_or(Value::Null);
    vm.temp_roots.truncate(base);
    result?;
    if best.is_null() {
        return match default {
            Some(d) => Ok(d),
            None => vm.err(
                ExcKind::ValueError,
                format!("{name}() arg is an empty sequence"),
            ),
        };
    }
    Ok(best)
}

/// Finds the extreme item, keeping it (and its key) in the temp-root slots after `base`.
fn scan(vm: &mut Vm, it: Value, key: Option<Value>, want_max: bool, base: usize) -> PyResult<()> {
    while let Some(item) = vm.iter_next(it)? {
        vm.temp_roots.push(item);
        let k = match key {
            Some(f) => vm.call(f, &[item], &[]),
            None => Ok(item),
        };
        vm.temp_roots.pop();
        let k = k?;
        let best_key = vm.temp_roots[base + 2];
        let better = if best_key.is_null() {
            true
        } else {
            vm.temp_roots.extend([item, k]);
            let r = if want_max {
                vm.compare(k, best_key, CmpOp::Gt)
                    .and_then(|r| vm.truthy(r))
            } else {
                vm.lt(k, best_key)
            };
            vm.temp_roots.truncate(base + 3);
            r?
        };
        if better {
            vm.temp_roots[base + 1] = item;
            vm.temp_roots[base + 2] = k;
        }
    }
    Ok(())
}

fn sum(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    if args.len() > 2 {
        let msg = format!("sum() takes at most 2 arguments ({} given)", args.len());
        return vm.err(ExcKind::TypeError, msg);
    }
    let [kstart] = take_kwargs(vm, kwargs, "sum", ["start"])?;
    let Some(&iterable) = args.first() else {
        return vm.err(
            ExcKind::TypeError,
            "sum() takes at least 1 positional argument (0 given)",
        );
    };
    let start = args.get(1).copied().or(kstart).unwrap_or(Value::Int(0));
    if vm.as_str(vm.base_value(start)).is_some() {
        return vm.err(
            ExcKind::TypeError,
            "sum() can't sum strings [use ''.join(seq) instead]",
        );
    }
    let it = vm.get_iter(iterable)?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend([it, start]);
    // `binary_op` has the same int and float fast paths CPython's sum does (3.11 adds floats
    // left to right without compensation).
    let result = (|| {
        let mut acc = start;
        while let Some(item) = vm.iter_next(it)? {
            vm.temp_roots.push(item);
            let r = vm.binary_op(acc, item, BinOp::Add);
            vm.temp_roots.pop();
            acc = r?;
            vm.temp_roots[base + 1] = acc;
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(base);
    result
}

fn any(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "any")?;
    truth_scan(vm, v, true)
}

fn all(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "all")?;
    truth_scan(vm, v, false)
}

/// `any` (stop at the first true item) or `all` (stop at the first false one).
fn truth_scan(vm: &mut Vm, iterable: Value, stop_on: bool) -> PyResult<Value> {
    let it = vm.get_iter(iterable)?;
    vm.temp_roots.push(it);
    let result = (|| {
        while let Some(item) = vm.iter_next(it)? {
            if vm.truthy(item)? == stop_on {
                return Ok(Value::Bool(stop_on));
            }
        }
        Ok(Value::Bool(!stop_on))
    })();
    vm.temp_roots.pop();
    result
}
