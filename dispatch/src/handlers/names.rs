//! Loading and storing names: fast locals, cells, globals, the locals dict, attributes.

use rceval_interp::runtime::global_cache::{load_global, load_global_uncached};
use rceval_interp::runtime::object::{CodeUnit, Object};
use rceval_interp::runtime::{ExcKind, FrameAllocator, Value, Vm};

use super::{Cursor, Flow, frame, push_result, synced, tri};
use crate::observer::Observer;

#[inline(always)]
pub fn LoadFast<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    if !cur.push_local(arg) {
        cur.save();
        return unbound_local(vm, arg);
    }
    Flow::Next
}

#[cold]
#[inline(never)]
fn unbound_local(vm: &mut Vm, arg: u32) -> Flow {
    let name = frame(vm).code.code.varnames[arg as usize].clone();
    vm.raise(
        ExcKind::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    );
    Flow::Raise
}

#[inline(always)]
pub fn StoreFast<A: FrameAllocator, O: Observer>(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let v = cur.pop();
    cur.set_local(arg, v);
    Flow::Next
}

#[inline(always)]
pub fn DeleteFast<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    if cur.local(arg).is_null() {
        cur.save();
        return unbound_local(vm, arg);
    }
    cur.set_local(arg, Value::Null);
    Flow::Next
}

/// The slot index of cell/free variable `arg` in a frame of `code` (they follow the locals).
#[inline(always)]
fn cell_index(code: &CodeUnit, arg: u32) -> u32 {
    code.code.varnames.len() as u32 + arg
}

/// [`cell_index`] in the frame on top of `vm.frames`.
#[inline(always)]
fn deref_slot(vm: &mut Vm, arg: u32) -> usize {
    cell_index(&frame(vm).code, arg) as usize
}

/// [`cell_index`] in the cursor's frame.
#[inline(always)]
fn cell_slot(cur: &Cursor, arg: u32) -> u32 {
    cell_index(&cur.header().code, arg)
}

#[inline(always)]
fn cell_contents(vm: &Vm, cell: Value) -> Value {
    match cell {
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Cell(v) => *v,
            _ => Value::Null,
        },
        _ => Value::Null,
    }
}

#[cold]
#[inline(never)]
fn unbound_deref(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let code = &f.code.code;
    let name = code.deref_name(arg as usize).to_string();
    if (arg as usize) < code.cellvars.len() {
        vm.raise(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        );
    } else {
        vm.raise(
            ExcKind::NameError,
            format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ),
        );
    }
    Flow::Raise
}

#[inline(always)]
pub fn LoadDeref<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let cell = cur.local(cell_slot(cur, arg));
    let v = cell_contents(vm, cell);
    if v.is_null() {
        cur.save();
        return unbound_deref(vm, arg);
    }
    cur.push(v);
    Flow::Next
}

#[inline(always)]
pub fn StoreDeref<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let v = cur.pop();
    let cell = cur.local(cell_slot(cur, arg));
    if let Value::Obj(r) = cell
        && let Object::Cell(contents) = vm.heap.get_mut(r)
    {
        *contents = v;
    }
    Flow::Next
}

#[inline(always)]
pub fn DeleteDeref<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let slot = deref_slot(vm, arg);
    let cell = frame(vm).slots[slot];
    if cell_contents(vm, cell).is_null() {
        return unbound_deref(vm, arg);
    }
    if let Value::Obj(r) = cell
        && let Object::Cell(contents) = vm.heap.get_mut(r)
    {
        *contents = Value::Null;
    }
    Flow::Next
}

#[inline(always)]
pub fn LoadClosure<A: FrameAllocator, O: Observer>(
    _vm: &mut Vm,
    cur: &mut Cursor,
    arg: u32,
) -> Flow {
    let cell = cur.local(cell_slot(cur, arg));
    cur.push(cell);
    Flow::Next
}

/// Class bodies read free variables from the class namespace first, then the cell.
pub fn LoadClassderef<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let locals = f.locals;
    let name_str = f.code.code.deref_name(arg as usize).to_string();
    let name = vm.intern(&name_str);
    if let Value::Obj(d) = locals
        && let Some(v) = vm.dict_get_str(d, name)
    {
        frame(vm).push(v);
        return Flow::Next;
    }
    let slot = deref_slot(vm, arg);
    let cell = frame(vm).slots[slot];
    let v = cell_contents(vm, cell);
    if v.is_null() {
        return unbound_deref(vm, arg);
    }
    frame(vm).push(v);
    Flow::Next
}

/// Globals, then builtins, through the code unit's cache. A lookup by an interned str key
/// runs no Python code, so the frame needs saving only for the `NameError`.
#[inline(always)]
pub fn LoadGlobal<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let h = cur.header();
    match load_global(vm, &h.code, h.globals, arg as usize) {
        Some(v) => {
            cur.push_copy(v);
            Flow::Next
        }
        None => synced(vm, cur, arg, load_global_slow),
    }
}

/// `LOAD_GLOBAL` when its cache does not answer: the lookup, which fills the cache.
#[inline(never)]
fn load_global_slow(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let (code, globals) = (std::rc::Rc::clone(&f.code), f.globals);
    match load_global_uncached(vm, &code, globals, arg as usize) {
        Some(v) => {
            frame(vm).push(v);
            Flow::Next
        }
        None => name_error(vm, code.names[arg as usize]),
    }
}

#[cold]
#[inline(never)]
fn name_error(vm: &mut Vm, name: Value) -> Flow {
    let name = vm.as_str(name).unwrap_or("?").to_string();
    vm.raise(ExcKind::NameError, format!("name '{name}' is not defined"));
    Flow::Raise
}

pub fn StoreGlobal<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let globals = f.globals;
    let v = f.pop();
    tri!(vm.dict_set_str(globals, name, v));
    Flow::Next
}

pub fn DeleteGlobal<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let globals = f.globals;
    match tri!(vm.table_remove(globals, name)) {
        Some(_) => Flow::Next,
        None => name_error(vm, name),
    }
}

/// `LOAD_NAME`: the locals dict, then globals, then builtins (module and class bodies).
pub fn LoadName<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let (locals, globals) = (f.locals, f.globals);
    if let Value::Obj(d) = locals
        && let Some(v) = vm.dict_get_str(d, name)
    {
        frame(vm).push(v);
        return Flow::Next;
    }
    let found = vm
        .dict_get_str(globals, name)
        .or_else(|| vm.dict_get_str(vm.builtins, name));
    match found {
        Some(v) => {
            frame(vm).push(v);
            Flow::Next
        }
        None => name_error(vm, name),
    }
}

pub fn StoreName<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let target = match f.locals {
        Value::Obj(d) => d,
        _ => f.globals,
    };
    let v = f.pop();
    tri!(vm.dict_set_str(target, name, v));
    Flow::Next
}

pub fn DeleteName<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let target = match f.locals {
        Value::Obj(d) => d,
        _ => f.globals,
    };
    match tri!(vm.table_remove(target, name)) {
        Some(_) => Flow::Next,
        None => name_error(vm, name),
    }
}

/// An instance's own or plain class attribute is read on the cursor; everything else
/// (descriptors, hooks, modules, types, errors) goes through the runtime's `getattr`.
#[inline(always)]
pub fn LoadAttr<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let name = cur.header().code.names[arg as usize];
    match vm.instance_attr_fast(cur.peek(1), name) {
        Some(v) => {
            cur.set_peek(1, v);
            Flow::Next
        }
        None => synced(vm, cur, arg, load_attr),
    }
}

#[inline(never)]
fn load_attr(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let obj = f.pop();
    let r = vm.getattr(obj, name);
    push_result(vm, r)
}

/// A store into an instance's own dict is made on the cursor; the rest (hooks, descriptors,
/// slots, modules, types, errors) goes through the runtime's `setattr`.
#[inline(always)]
pub fn StoreAttr<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let name = cur.header().code.names[arg as usize];
    if vm.instance_setattr_fast(cur.peek(1), name, cur.peek(2)) {
        cur.drop_n(2);
        return Flow::Next;
    }
    synced(vm, cur, arg, store_attr)
}

#[inline(never)]
fn store_attr(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let obj = f.pop();
    let value = f.pop();
    tri!(vm.setattr(obj, name, value));
    Flow::Next
}

pub fn DeleteAttr<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let obj = f.pop();
    tri!(vm.delattr(obj, name));
    Flow::Next
}

/// `obj -> meth self` when `obj.name` is a plain method, else `obj -> NULL attr`. A method
/// of an instance's class is found on the cursor; the rest goes through the runtime.
#[inline(always)]
pub fn LoadMethod<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let name = cur.header().code.names[arg as usize];
    let obj = cur.peek(1);
    match vm.instance_method_fast(obj, name) {
        Some(method) => {
            cur.set_peek(1, method);
            cur.push(obj);
            Flow::Next
        }
        None => synced(vm, cur, arg, load_method),
    }
}

#[inline(never)]
fn load_method(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let obj = f.pop();
    let (callable, this) = tri!(vm.load_method(obj, name));
    let f = frame(vm);
    if this.is_null() {
        f.push(Value::Null);
        f.push(callable);
    } else {
        f.push(callable);
        f.push(this);
    }
    Flow::Next
}
