//! Calls and function creation. A call of a Python function pushes its frame and carries on in
//! the same loop (no host recursion, so deep Python recursion never grows the host stack);
//! everything else is called through the runtime.

use std::rc::Rc;

use rceval_interp::opcode::{MAKE_CLOSURE, MAKE_DEFAULTS, MAKE_KWDEFAULTS};
use rceval_interp::runtime::modules::partial;
use rceval_interp::runtime::object::{Function, Object};
use rceval_interp::runtime::{ExcKind, FrameAllocator, Value, Vm};
use smallvec::SmallVec;

use super::{Cursor, Flow, frame, push_result, synced};
use crate::handlers::control::safepoint;
use crate::observer::Observer;

type Args = SmallVec<[Value; 8]>;
type KwArgs = SmallVec<[(Value, Value); 4]>;

/// Calls `callable` with `args`; the caller's top `consumed` stack slots hold the callable and
/// arguments and stay there (rooted) until the call has them.
#[inline(always)]
fn call<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    callable: Value,
    args: &[Value],
    kwargs: &[(Value, Value)],
    consumed: u32,
) -> Flow {
    if let Value::Obj(r) = callable {
        match vm.heap.get(r) {
            Object::Function(_) => return call_python::<A, O>(vm, r, args, kwargs, consumed),
            Object::BoundMethod {
                func: Value::Obj(f),
                this,
            } if matches!(vm.heap.get(*f), Object::Function(_)) => {
                let (f, this) = (*f, *this);
                let mut full: Args = SmallVec::with_capacity(args.len() + 1);
                full.push(this);
                full.extend_from_slice(args);
                return call_python::<A, O>(vm, f, &full, kwargs, consumed);
            }
            // `functools.partial` of a Python function: its frame runs in this loop too.
            Object::Native(_) => {
                if let Some((Value::Obj(f), full, kw)) = partial::expand(vm, r, args, kwargs)
                    && matches!(vm.heap.get(f), Object::Function(_))
                {
                    return call_python::<A, O>(vm, f, &full, &kw, consumed);
                }
            }
            _ => {}
        }
    }
    let r = vm.call(callable, args, kwargs);
    frame(vm).sp -= consumed;
    push_result(vm, r)
}

/// Pushes a frame for Python function `func` (or makes a generator of it).
#[inline(always)]
fn call_python<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    func: rceval_interp::runtime::ObjRef,
    args: &[Value],
    kwargs: &[(Value, Value)],
    consumed: u32,
) -> Flow {
    let Object::Function(f) = vm.heap.get(func) else {
        unreachable!()
    };
    let (code, globals) = (Rc::clone(&f.code), f.globals);
    if vm.frames.len() >= vm.recursion_limit {
        return recursion_error(vm);
    }
    let mut new_frame = A::alloc(&mut vm.frame_pool, &code, globals, Value::Null);
    if vm
        .bind_arguments(func, &mut new_frame, args, kwargs)
        .is_err()
    {
        A::release(&mut vm.frame_pool, new_frame);
        return Flow::Raise;
    }
    frame(vm).sp -= consumed;
    if code.code.is_generator() {
        let generator = vm.make_generator(new_frame);
        frame(vm).push(generator);
        // A safepoint too: a program that only makes and awaits coroutines (recursion through
        // `await`, no loops, no plain calls) would otherwise never reach one.
        vm.maybe_collect();
        return Flow::Next;
    }
    vm.frames.push(new_frame);
    O::frame_switched(vm);
    // Function entry is a safepoint: the arguments now live in the new frame.
    vm.maybe_collect();
    Flow::Next
}

#[cold]
#[inline(never)]
fn recursion_error(vm: &mut Vm) -> Flow {
    vm.raise(ExcKind::RecursionError, "maximum recursion depth exceeded");
    Flow::Raise
}

/// The lean call: if `callable` is a Python function whose code takes exactly the top `nargs`
/// values as its positional parameters ([`CodeUnit::fast_arity`]), its frame comes from the
/// allocator, the arguments move straight from the caller's stack into its first slots, and
/// the cursor moves to it; `None` sends the call down the general path (which also raises
/// `RecursionError` past the limit). The caller drops `consumed` stack values.
///
/// [`CodeUnit::fast_arity`]: rceval_interp::runtime::object::CodeUnit::fast_arity
#[inline(always)]
fn call_fast<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    cur: &mut Cursor,
    callable: Value,
    nargs: u32,
    consumed: u32,
) -> Option<Flow> {
    let Value::Obj(r) = callable else {
        return None;
    };
    // SAFETY: `r` is on the caller's stack, a GC root.
    let Object::Function(f) = (unsafe { vm.heap.get_live(r) }) else {
        return None;
    };
    if f.code.fast_arity != nargs || vm.frames.len() >= vm.recursion_limit {
        return None;
    }
    let n = nargs as usize;
    let mut callee = A::alloc_for_call(&mut vm.frame_pool, &f.code, f.globals, n);
    let args = cur.sp.wrapping_sub(n);
    debug_assert!(callee.slots.len() >= n);
    let params = callee.slots.as_mut_ptr();
    // SAFETY: the caller's top `n` stack values are the arguments (the compiler pushed them);
    // the callee's record has at least `argcount` = `n` slots (its locals start with the
    // parameters); the two records are distinct allocations. One argument, the commonest
    // call, is a single move: the loop's set-up alone (LLVM unrolls it by four) costs more.
    unsafe {
        if n == 1 {
            params.write(args.read());
        } else {
            for i in 0..n {
                params.add(i).write(args.add(i).read());
            }
        }
    }
    if !f.closure.is_empty() {
        // No cells (`fast_arity` excludes them), so the frees follow the locals.
        let nlocals = f.code.code.varnames.len();
        callee.slots[nlocals..nlocals + f.closure.len()].copy_from_slice(&f.closure);
    }
    cur.drop_n(consumed as usize);
    cur.save();
    let header = callee.header_ptr();
    vm.frames.push(callee);
    O::frame_switched(vm);
    *cur = Cursor::at_entry(header);
    // Function entry is a safepoint: the arguments now live in the new frame.
    Some(safepoint(vm, cur))
}

#[inline(always)]
pub fn CallFunction<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    cur: &mut Cursor,
    arg: u32,
) -> Flow {
    let callable = cur.peek(arg as usize + 1);
    if let Some(flow) = call_fast::<A, O>(vm, cur, callable, arg, arg + 1) {
        return flow;
    }
    synced(vm, cur, arg, call_function::<A, O>)
}

#[inline(never)]
fn call_function<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let n = arg as usize;
    let f = frame(vm);
    let callable = f.peek(n + 1);
    let args: Args = SmallVec::from_slice(f.top_n(n));
    call::<A, O>(vm, callable, &args, &[], arg + 1)
}

pub fn CallFunctionKw<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let n = arg as usize;
    let f = frame(vm);
    let names = f.peek(1);
    let callable = f.peek(n + 2);
    let values: Args = SmallVec::from_slice(&f.top_n(n + 1)[..n]);
    let names = vm.seq_items(names);
    let npos = n - names.len();
    let kwargs: KwArgs = names
        .iter()
        .copied()
        .zip(values[npos..].iter().copied())
        .collect();
    call::<A, O>(vm, callable, &values[..npos], &kwargs, arg + 2)
}

pub fn CallFunctionEx<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let has_kwargs = arg & 1 != 0;
    let f = frame(vm);
    let kwargs_value = if has_kwargs { f.peek(1) } else { Value::Null };
    let depth = if has_kwargs { 2 } else { 1 };
    let args_value = f.peek(depth);
    let callable = f.peek(depth + 1);
    let args: Args = match args_value {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Tuple(_)) => {
            SmallVec::from_vec(vm.seq_items(args_value))
        }
        _ => match vm.collect_iterable(args_value) {
            Ok(items) => SmallVec::from_vec(items),
            Err(_) => {
                if vm.exception_matches(ExcKind::TypeError) {
                    vm.take_exception();
                    let msg = format!(
                        "argument after * must be an iterable, not {}",
                        vm.type_name(args_value)
                    );
                    vm.raise(ExcKind::TypeError, msg);
                }
                return Flow::Raise;
            }
        },
    };
    let mut kwargs: KwArgs = SmallVec::new();
    if let Value::Obj(d) = kwargs_value {
        match vm.heap.get(d) {
            Object::Dict(dict) => kwargs.extend(dict.iter().map(|e| (e.key, e.value))),
            _ => {
                let msg = format!(
                    "argument after ** must be a mapping, not {}",
                    vm.type_name(kwargs_value)
                );
                vm.raise(ExcKind::TypeError, msg);
                return Flow::Raise;
            }
        }
    }
    call::<A, O>(vm, callable, &args, &kwargs, depth as u32 + 1)
}

/// `meth self a1..an` or `NULL f a1..an` (see `LOAD_METHOD`).
#[inline(always)]
pub fn CallMethod<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let meth = cur.peek(arg as usize + 2);
    let fast = if meth.is_null() {
        call_fast::<A, O>(vm, cur, cur.peek(arg as usize + 1), arg, arg + 2)
    } else {
        call_fast::<A, O>(vm, cur, meth, arg + 1, arg + 2)
    };
    if let Some(flow) = fast {
        return flow;
    }
    synced(vm, cur, arg, call_method::<A, O>)
}

#[inline(never)]
fn call_method<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let n = arg as usize;
    let f = frame(vm);
    let meth = f.peek(n + 2);
    if meth.is_null() {
        let callable = f.peek(n + 1);
        let args: Args = SmallVec::from_slice(f.top_n(n));
        call::<A, O>(vm, callable, &args, &[], arg + 2)
    } else {
        let args: Args = SmallVec::from_slice(f.top_n(n + 1));
        call::<A, O>(vm, meth, &args, &[], arg + 2)
    }
}

pub fn MakeFunction<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let qualname = f.pop();
    let code_value = f.pop();
    let closure = if arg & MAKE_CLOSURE != 0 {
        f.pop()
    } else {
        Value::Null
    };
    if arg & 0x04 != 0 {
        f.pop(); // annotations are not kept
    }
    let kwdefaults = if arg & MAKE_KWDEFAULTS != 0 {
        f.pop()
    } else {
        Value::Null
    };
    let defaults = if arg & MAKE_DEFAULTS != 0 {
        f.pop()
    } else {
        Value::Null
    };
    let globals = f.globals;
    let Value::Obj(code_ref) = code_value else {
        return Flow::Raise;
    };
    let Object::Code(code) = vm.heap.get(code_ref) else {
        vm.raise(ExcKind::SystemError, "MAKE_FUNCTION without a code object");
        return Flow::Raise;
    };
    let code = Rc::clone(code);
    let doc = match code.consts.first() {
        Some(&c) if vm.as_str(c).is_some() && code.code.flags & 0x1 != 0 => c,
        _ => Value::None,
    };
    let module_key = vm.intern_static("__name__");
    let module = vm.dict_get_str(globals, module_key).unwrap_or(Value::None);
    let defaults = vm.seq_items(defaults).into_boxed_slice();
    let closure = vm.seq_items(closure).into_boxed_slice();
    let function = vm.alloc(Object::Function(Box::new(Function {
        name: code.name,
        qualname,
        code,
        globals,
        defaults,
        kwdefaults,
        closure,
        module,
        doc,
        dict: None,
    })));
    frame(vm).push(function);
    Flow::Next
}

pub fn LoadBuildClass<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    match vm.builtin("__build_class__") {
        Some(f) => {
            frame(vm).push(f);
            Flow::Next
        }
        None => {
            vm.raise(ExcKind::NameError, "__build_class__ not found");
            Flow::Raise
        }
    }
}
