//! Building containers and strings, and unpacking sequences.

use rceval_interp::opcode::{FVC_ASCII, FVC_MASK, FVC_REPR, FVC_STR, FVS_HAVE_SPEC};
use rceval_interp::runtime::dict::PyDict;
use rceval_interp::runtime::object::Object;
use rceval_interp::runtime::{ExcKind, FrameAllocator, Value, Vm};

use super::{Flow, frame, tri};
use crate::observer::Observer;

#[inline(always)]
fn pop_n(vm: &mut Vm, n: usize) -> Vec<Value> {
    let f = frame(vm);
    let items = f.top_n(n).to_vec();
    f.sp -= n as u32;
    items
}

#[inline(always)]
pub fn BuildTuple<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let items = pop_n(vm, arg as usize);
    let t = vm.new_tuple(items);
    frame(vm).push(t);
    Flow::Next
}

#[inline(always)]
pub fn BuildList<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let items = pop_n(vm, arg as usize);
    let l = vm.new_list(items);
    frame(vm).push(l);
    Flow::Next
}

pub fn BuildSet<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let set = vm.alloc(Object::Set(PyDict::new_set()));
    let set_ref = set.as_obj().expect("set");
    // Items stay on the stack (rooted) until every one is hashed in.
    let items = frame(vm).top_n(arg as usize).to_vec();
    for item in items {
        tri!(vm.table_insert(set_ref, item, Value::None));
    }
    let f = frame(vm);
    f.sp -= arg;
    f.push(set);
    Flow::Next
}

pub fn BuildMap<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let dict = vm.alloc(Object::Dict(PyDict::with_capacity(arg as usize)));
    let dict_ref = dict.as_obj().expect("dict");
    let items = frame(vm).top_n(2 * arg as usize).to_vec();
    for pair in items.chunks(2) {
        tri!(vm.table_insert(dict_ref, pair[0], pair[1]));
    }
    let f = frame(vm);
    f.sp -= 2 * arg;
    f.push(dict);
    Flow::Next
}

pub fn BuildConstKeyMap<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let keys = f.peek(1);
    let values = f.top_n(arg as usize + 1)[..arg as usize].to_vec();
    let keys = vm.seq_items(keys);
    let dict = vm.alloc(Object::Dict(PyDict::with_capacity(arg as usize)));
    let dict_ref = dict.as_obj().expect("dict");
    for (k, v) in keys.into_iter().zip(values) {
        tri!(vm.table_insert(dict_ref, k, v));
    }
    let f = frame(vm);
    f.sp -= arg + 1;
    f.push(dict);
    Flow::Next
}

pub fn BuildString<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let parts = pop_n(vm, arg as usize);
    let mut s = String::new();
    for p in parts {
        s.push_str(vm.as_str(p).unwrap_or(""));
    }
    let v = vm.new_str(s);
    frame(vm).push(v);
    Flow::Next
}

pub fn BuildSlice<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let step = if arg == 3 { f.pop() } else { Value::None };
    let stop = f.pop();
    let start = f.pop();
    let s = vm.alloc(Object::Slice { start, stop, step });
    frame(vm).push(s);
    Flow::Next
}

/// `list ... x -> list ...` with the list `arg` deep once `x` is popped.
#[inline(always)]
pub fn ListAppend<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let v = f.pop();
    let list = f.peek(arg as usize);
    if let Value::Obj(r) = list
        && let Object::List(items) = vm.heap.get_mut(r)
    {
        items.push(v);
    }
    Flow::Next
}

pub fn SetAdd<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let v = f.peek(1);
    let set = f.peek(arg as usize + 1);
    tri!(vm.table_insert(set.as_obj().expect("set"), v, Value::None));
    frame(vm).pop();
    Flow::Next
}

pub fn MapAdd<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let value = f.peek(1);
    let key = f.peek(2);
    let dict = f.peek(arg as usize + 2);
    tri!(vm.table_insert(dict.as_obj().expect("dict"), key, value));
    let f = frame(vm);
    f.sp -= 2;
    Flow::Next
}

pub fn ListExtend<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let iterable = f.peek(1);
    let list = f.peek(arg as usize + 1);
    let items = match vm.collect_iterable(iterable) {
        Ok(items) => items,
        Err(_) => {
            if vm.exception_matches(ExcKind::TypeError) {
                // CPython's wording for `*x` of a non-iterable in a display.
                let is_iterable_error = vm.get_iter(iterable).is_err();
                if is_iterable_error {
                    vm.take_exception();
                    let msg = format!(
                        "Value after * must be an iterable, not {}",
                        vm.type_name(iterable)
                    );
                    vm.raise(ExcKind::TypeError, msg);
                }
            }
            return Flow::Raise;
        }
    };
    if let Value::Obj(r) = list
        && let Object::List(l) = vm.heap.get_mut(r)
    {
        l.extend(items);
    }
    frame(vm).pop();
    Flow::Next
}

pub fn SetUpdate<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let iterable = f.peek(1);
    let set = f.peek(arg as usize + 1).as_obj().expect("set");
    // As `set.update`: a set operand is merged table to table, which decides the order.
    tri!(rceval_interp::runtime::builtins::set_update(
        vm, set, iterable
    ));
    frame(vm).pop();
    Flow::Next
}

/// Copies a mapping's items into `dict`; with `merge`, a repeated key is a call error.
fn merge_into(vm: &mut Vm, dict: Value, mapping: Value, merge: bool) -> Result<(), ()> {
    let entries: Vec<(Value, Value)> = match mapping {
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
            _ => {
                let base = vm.base_value(mapping);
                if let Value::Obj(b) = base
                    && let Object::Dict(d) = vm.heap.get(b)
                {
                    d.iter().map(|e| (e.key, e.value)).collect()
                } else {
                    let what = if merge {
                        "argument after ** must be a mapping, not"
                    } else {
                        "object is not a mapping:"
                    };
                    let msg = if merge {
                        format!("{what} {}", vm.type_name(mapping))
                    } else {
                        format!("'{}' {what}", vm.type_name(mapping))
                    };
                    vm.raise(ExcKind::TypeError, msg);
                    return Err(());
                }
            }
        },
        _ => {
            let msg = format!(
                "argument after ** must be a mapping, not {}",
                vm.type_name(mapping)
            );
            vm.raise(ExcKind::TypeError, msg);
            return Err(());
        }
    };
    let dict = dict.as_obj().expect("dict");
    for (k, v) in entries {
        if merge {
            if vm.as_str(k).is_none() {
                vm.raise(ExcKind::TypeError, "keywords must be strings");
                return Err(());
            }
            if vm.table_lookup(dict, k).map_err(|_| ())?.is_some() {
                let name = vm.as_str(k).unwrap_or("?").to_string();
                vm.raise(
                    ExcKind::TypeError,
                    format!("got multiple values for keyword argument '{name}'"),
                );
                return Err(());
            }
        }
        vm.table_insert(dict, k, v).map_err(|_| ())?;
    }
    Ok(())
}

pub fn DictUpdate<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let mapping = f.peek(1);
    let dict = f.peek(arg as usize + 1);
    if merge_into(vm, dict, mapping, false).is_err() {
        return Flow::Raise;
    }
    frame(vm).pop();
    Flow::Next
}

pub fn DictMerge<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let mapping = f.peek(1);
    let dict = f.peek(arg as usize + 1);
    if merge_into(vm, dict, mapping, true).is_err() {
        return Flow::Raise;
    }
    frame(vm).pop();
    Flow::Next
}

pub fn ListToTuple<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let list = frame(vm).pop();
    let items = vm.seq_items(list);
    let t = vm.new_tuple(items);
    frame(vm).push(t);
    Flow::Next
}

/// The items of a sequence being unpacked.
fn unpack_items(vm: &mut Vm, seq: Value) -> Result<Vec<Value>, ()> {
    if let Value::Obj(r) = seq {
        match vm.heap.get(r) {
            Object::Tuple(items) => return Ok(items.to_vec()),
            Object::List(items) => return Ok(items.clone()),
            _ => {}
        }
    }
    match vm.collect_iterable(seq) {
        Ok(items) => Ok(items),
        Err(_) => {
            if vm.exception_matches(ExcKind::TypeError) && vm.get_iter(seq).is_err() {
                vm.take_exception();
                let msg = format!("cannot unpack non-iterable {} object", vm.type_name(seq));
                vm.raise(ExcKind::TypeError, msg);
            }
            Err(())
        }
    }
}

#[inline(always)]
pub fn UnpackSequence<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let seq = frame(vm).peek(1);
    let n = arg as usize;
    // Pairs from tuples are the common case (`a, b = b, a`, `for k, v in d.items()`), then
    // lists of the right length.
    if let Value::Obj(r) = seq
        && let Some(items) = match vm.heap.get(r) {
            Object::Tuple(items) => Some(&items[..]),
            Object::List(items) => Some(&items[..]),
            _ => None,
        }
        && items.len() == n
    {
        // Copied out (the frame and the heap are both borrowed from the VM) to the host stack
        // when short, not to a new allocation: a clone of the tuple's boxed slice was a malloc
        // and a free per unpack, 2% of `chaos`' host instructions.
        const SHORT: usize = 16;
        if let &[first, second] = items {
            let f = frame(vm);
            f.pop();
            f.push(second);
            f.push(first);
        } else if n <= SHORT {
            let mut buf = [Value::Null; SHORT];
            buf[..n].copy_from_slice(items);
            let f = frame(vm);
            f.pop();
            for &v in buf[..n].iter().rev() {
                f.push(v);
            }
        } else {
            let items = items.to_vec();
            let f = frame(vm);
            f.pop();
            for &v in items.iter().rev() {
                f.push(v);
            }
        }
        return Flow::Next;
    }
    let Ok(items) = unpack_items(vm, seq) else {
        return Flow::Raise;
    };
    if items.len() != n {
        let msg = if items.len() < n {
            format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )
        } else {
            format!("too many values to unpack (expected {n})")
        };
        vm.raise(ExcKind::ValueError, msg);
        return Flow::Raise;
    }
    let f = frame(vm);
    f.pop();
    for &v in items.iter().rev() {
        f.push(v);
    }
    Flow::Next
}

pub fn UnpackEx<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let (before, after) = ((arg & 0xFF) as usize, (arg >> 8) as usize);
    let seq = frame(vm).peek(1);
    let Ok(items) = unpack_items(vm, seq) else {
        return Flow::Raise;
    };
    if items.len() < before + after {
        let msg = format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        );
        vm.raise(ExcKind::ValueError, msg);
        return Flow::Raise;
    }
    let middle = vm.new_list(items[before..items.len() - after].to_vec());
    let f = frame(vm);
    f.pop();
    for &v in items[items.len() - after..].iter().rev() {
        f.push(v);
    }
    f.push(middle);
    for &v in items[..before].iter().rev() {
        f.push(v);
    }
    Flow::Next
}

pub fn FormatValue<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let spec = if arg & FVS_HAVE_SPEC != 0 {
        f.pop()
    } else {
        Value::Null
    };
    let value = f.peek(1);
    let converted = match arg & FVC_MASK {
        FVC_STR => Some(vm.str(value)),
        FVC_REPR => Some(vm.repr(value)),
        FVC_ASCII => Some(vm.repr(value).map(|s| escape_non_ascii(&s))),
        _ => None,
    };
    let text = match converted {
        Some(s) => {
            let s = tri!(s);
            match vm.as_str(spec) {
                Some(spec) if !spec.is_empty() => {
                    let spec = spec.to_string();
                    let sv = vm.new_str(s);
                    frame(vm).push(sv);
                    let r = vm.format_value(sv, &spec);
                    frame(vm).pop();
                    tri!(r)
                }
                _ => s,
            }
        }
        None => {
            let spec = vm.as_str(spec).unwrap_or("").to_string();
            if spec.is_empty() && vm.as_str(value).is_some() {
                frame(vm).pop();
                frame(vm).push(value);
                return Flow::Next;
            }
            tri!(vm.format_value(value, &spec))
        }
    };
    let s = vm.new_str(text);
    let f = frame(vm);
    f.set_peek(1, s);
    Flow::Next
}

/// `ascii()` of an already computed repr: non-ASCII characters become escapes.
fn escape_non_ascii(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let cp = c as u32;
        match cp {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{cp:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out
}
