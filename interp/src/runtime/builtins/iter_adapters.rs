//! The lazy iterator built-ins — `enumerate`, `zip`, `map`, `filter`, `reversed`,
//! `iter(callable, sentinel)` — and [`adapter_next`], which steps their `IterState`s.

use super::args::{check_count, index_i64, take_kwargs};
use crate::runtime::object::{IterState, Object};
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult, Raised};

pub fn install(vm: &mut Vm) {
    vm.add_builtin("enumerate", enumerate);
    vm.add_builtin("zip", zip);
    vm.add_builtin("map", map);
    vm.add_builtin("filter", filter);
    vm.add_builtin("reversed", reversed);
}

fn new_iter(vm: &mut Vm, state: IterState) -> Value {
    vm.alloc(Object::Iter(Box::new(state)))
}

fn enumerate(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let [kit, kstart] = take_kwargs(vm, kwargs, "enumerate", ["iterable", "start"])?;
    check_count(vm, args, "enumerate", 0, 2)?;
    let Some(iterable) = args.first().copied().or(kit) else {
        return vm.err(
            ExcKind::TypeError,
            "enumerate() missing required argument 'iterable'",
        );
    };
    let count = match args.get(1).copied().or(kstart) {
        Some(s) => index_i64(vm, s)?,
        None => 0,
    };
    let iter = vm.get_iter(iterable)?;
    Ok(new_iter(vm, IterState::Enumerate { iter, count }))
}

/// `get_iter` of each argument, rooted as they are made (a `__iter__` may run Python code).
fn iters_of(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<Value>> {
    let base = vm.temp_roots.len();
    let mut out = Vec::with_capacity(args.len());
    for &a in args {
        match vm.get_iter(a) {
            Ok(it) => {
                vm.temp_roots.push(it);
                out.push(it);
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    Ok(out)
}

fn zip(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    // `strict` is accepted; length mismatches are not checked.
    let _ = take_kwargs(vm, kwargs, "zip", ["strict"])?;
    let iters = iters_of(vm, args)?;
    Ok(new_iter(
        vm,
        IterState::Zip {
            iters: iters.into_boxed_slice(),
        },
    ))
}

fn map(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    super::args::no_kwargs(vm, kwargs, "map")?;
    let Some((&func, rest)) = args.split_first().filter(|(_, r)| !r.is_empty()) else {
        return vm.err(
            ExcKind::TypeError,
            "map() must have at least two arguments.",
        );
    };
    let iters = iters_of(vm, rest)?;
    Ok(new_iter(
        vm,
        IterState::Map {
            func,
            iters: iters.into_boxed_slice(),
        },
    ))
}

fn filter(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    super::args::no_kwargs(vm, kwargs, "filter")?;
    check_count(vm, args, "filter", 2, 2)?;
    let iter = vm.get_iter(args[1])?;
    Ok(new_iter(
        vm,
        IterState::Filter {
            func: args[0],
            iter,
        },
    ))
}

fn reversed(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    super::args::no_kwargs(vm, kwargs, "reversed")?;
    check_count(vm, args, "reversed", 1, 1)?;
    reversed_of(vm, args[0])
}

fn reversed_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let not_reversible = |vm: &mut Vm| {
        let msg = format!("'{}' object is not reversible", vm.type_name(v));
        vm.err(ExcKind::TypeError, msg)
    };
    let Value::Obj(r) = v else {
        return not_reversible(vm);
    };
    let materialized: Vec<Value> = match vm.heap.get(r) {
        Object::List(items) => {
            let index = items.len();
            return Ok(new_iter(vm, IterState::Reversed { seq: r, index }));
        }
        Object::Tuple(items) => {
            let index = items.len();
            return Ok(new_iter(vm, IterState::Reversed { seq: r, index }));
        }
        Object::Bytes(b) => {
            let index = b.len();
            return Ok(new_iter(vm, IterState::Reversed { seq: r, index }));
        }
        Object::ByteArray(b) => {
            let index = b.len();
            return Ok(new_iter(vm, IterState::Reversed { seq: r, index }));
        }
        Object::Array(a) => {
            let index = a.len();
            return Ok(new_iter(vm, IterState::Reversed { seq: r, index }));
        }
        Object::Deque(_) => return Ok(crate::runtime::modules::deque::iterator(vm, r, true)),
        Object::Range { start, stop, step } => {
            let (start, step) = (*start, *step);
            let n = super::range_len(start, *stop, step);
            if n == 0 {
                return Ok(new_iter(
                    vm,
                    IterState::Range {
                        next: 0,
                        stop: 0,
                        step: 1,
                    },
                ));
            }
            let last = start.wrapping_add((n - 1).wrapping_mul(step));
            let stop = start.saturating_sub(step);
            return Ok(new_iter(
                vm,
                IterState::Range {
                    next: last,
                    stop,
                    step: -step,
                },
            ));
        }
        Object::Str(s) => {
            let chars: Vec<String> = s.s.chars().map(String::from).collect();
            chars.iter().map(|c| vm.intern_char(c)).collect()
        }
        Object::Dict(_) | Object::DictView { .. } => vm.collect_iterable(v)?,
        Object::Instance(inst) => {
            let base = inst.base_value;
            let ty = vm.type_of(v);
            if let Some(f) = vm.special_method(ty, SpecialMethod::Reversed) {
                return vm.call_reentrant(f, &[v], &[]);
            }
            let getitem = vm.special_method(ty, SpecialMethod::GetItem);
            let has_len = vm.special_method(ty, SpecialMethod::Len).is_some();
            match getitem {
                Some(g) if has_len => {
                    let n = vm.len(v)?;
                    let acc = vm.new_list(Vec::new());
                    vm.temp_roots.push(acc);
                    let r = (|| {
                        for i in (0..n).rev() {
                            let item = vm.call(g, &[v, Value::Int(i as i64)], &[])?;
                            if let Value::Obj(l) = acc
                                && let Object::List(items) = vm.heap.get_mut(l)
                            {
                                items.push(item);
                            }
                        }
                        Ok(())
                    })();
                    vm.temp_roots.pop();
                    r?;
                    return vm.get_iter(acc);
                }
                _ if !base.is_null() => return reversed_of(vm, base),
                _ => return not_reversible(vm),
            }
        }
        _ => return not_reversible(vm),
    };
    let index = materialized.len();
    let tuple = vm.new_tuple(materialized);
    let Value::Obj(t) = tuple else {
        return not_reversible(vm);
    };
    Ok(new_iter(vm, IterState::Reversed { seq: t, index }))
}

fn set_state(vm: &mut Vm, it: ObjRef, state: IterState) {
    if let Object::Iter(s) = vm.heap.get_mut(it) {
        **s = state;
    }
}

/// One step of an adapter iterator; `Ok(None)` when exhausted.
pub fn adapter_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let Object::Iter(state) = vm.heap.get_mut(it) else {
        return Ok(None);
    };
    match &mut **state {
        IterState::Enumerate { iter, count } => {
            let (inner, n) = (*iter, *count);
            *count = n.wrapping_add(1);
            match vm.iter_next(inner)? {
                Some(v) => Ok(Some(vm.new_tuple(vec![Value::Int(n), v]))),
                None => Ok(None),
            }
        }
        IterState::Zip { iters } => {
            let iters = iters.clone();
            if iters.is_empty() {
                return Ok(None);
            }
            match next_of_each(vm, &iters)? {
                Some(items) => Ok(Some(vm.new_tuple(items))),
                None => {
                    set_state(vm, it, IterState::Exhausted);
                    Ok(None)
                }
            }
        }
        IterState::Map { func, iters } => {
            let (func, iters) = (*func, iters.clone());
            match next_of_each(vm, &iters)? {
                Some(items) => {
                    let n = vm.temp_roots.len();
                    vm.temp_roots.extend(items.iter().copied());
                    let r = vm.call(func, &items, &[]);
                    vm.temp_roots.truncate(n);
                    r.map(Some)
                }
                None => {
                    set_state(vm, it, IterState::Exhausted);
                    Ok(None)
                }
            }
        }
        IterState::Filter { func, iter } => {
            let (func, inner) = (*func, *iter);
            while let Some(item) = vm.iter_next(inner)? {
                let keep = if func.is_none() {
                    vm.truthy(item)?
                } else {
                    vm.temp_roots.push(item);
                    let r = vm.call(func, &[item], &[]).and_then(|r| vm.truthy(r));
                    vm.temp_roots.pop();
                    r?
                };
                if keep {
                    return Ok(Some(item));
                }
            }
            Ok(None)
        }
        IterState::Reversed { seq, index } => {
            let (seq, i) = (*seq, *index);
            if i == 0 {
                return Ok(None);
            }
            let item = match vm.heap.get(seq) {
                Object::List(items) => items.get(i - 1).copied(),
                Object::Tuple(items) => items.get(i - 1).copied(),
                Object::Bytes(b) => b.get(i - 1).map(|&x| Value::Int(x as i64)),
                Object::ByteArray(b) => b.get(i - 1).map(|&x| Value::Int(x as i64)),
                Object::Array(_) => crate::runtime::modules::array::protocol::item(vm, seq, i - 1),
                _ => None,
            };
            match item {
                Some(v) => {
                    if let Object::Iter(s) = vm.heap.get_mut(it)
                        && let IterState::Reversed { index, .. } = &mut **s
                    {
                        *index = i - 1;
                    }
                    Ok(Some(v))
                }
                None => {
                    set_state(vm, it, IterState::Exhausted);
                    Ok(None)
                }
            }
        }
        IterState::Callable { func, sentinel } => {
            let (func, sentinel) = (*func, *sentinel);
            if sentinel.is_null() {
                // `get_iter`'s marker for the `__getitem__` protocol.
                set_state(
                    vm,
                    it,
                    IterState::SeqIndex {
                        getitem: func,
                        index: 0,
                    },
                );
                return adapter_next(vm, it);
            }
            let r = match vm.call(func, &[], &[]) {
                Ok(r) => r,
                // A StopIteration from the callable ends the iteration, as in CPython.
                Err(Raised) if vm.exception_matches(ExcKind::StopIteration) => {
                    vm.take_exception();
                    set_state(vm, it, IterState::Exhausted);
                    return Ok(None);
                }
                Err(e) => return Err(e),
            };
            vm.temp_roots.push(r);
            let done = vm.eq(r, sentinel);
            vm.temp_roots.pop();
            if done? {
                set_state(vm, it, IterState::Exhausted);
                return Ok(None);
            }
            Ok(Some(r))
        }
        IterState::SeqIndex { getitem, index } => {
            let (getitem, i) = (*getitem, *index);
            *index = i.wrapping_add(1);
            match vm.call(getitem, &[Value::Int(i)], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(Raised)
                    if vm.exception_matches(ExcKind::IndexError)
                        || vm.exception_matches(ExcKind::StopIteration) =>
                {
                    vm.take_exception();
                    set_state(vm, it, IterState::Exhausted);
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        _ => Ok(None),
    }
}

/// The next item of every iterator, or `None` as soon as one is exhausted. Items gathered so
/// far are rooted while later iterators run.
fn next_of_each(vm: &mut Vm, iters: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let base = vm.temp_roots.len();
    let mut items = Vec::with_capacity(iters.len());
    let mut result = Ok(true);
    for &i in iters {
        match vm.iter_next(i) {
            Ok(Some(v)) => {
                vm.temp_roots.push(v);
                items.push(v);
            }
            Ok(None) => {
                result = Ok(false);
                break;
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.temp_roots.truncate(base);
    Ok(if result? { Some(items) } else { None })
}
