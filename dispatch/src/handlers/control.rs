//! Jumps, loops and returns.

use rceval_interp::runtime::object::{IterState, Object};
use rceval_interp::runtime::{FrameAllocator, Value, Vm};

use super::{Cursor, Flow, frame, push_result, synced, tri};
use crate::observer::Observer;

#[inline(always)]
pub fn JumpForward<A: FrameAllocator, O: Observer>(
    _vm: &mut Vm,
    cur: &mut Cursor,
    arg: u32,
) -> Flow {
    cur.jump_forward(arg);
    Flow::Next
}

/// Jumps to an absolute target. A backward jump closes a loop, which makes it a safepoint:
/// the collector may run there (CPython 3.10 closes `for` loops with `JUMP_ABSOLUTE` and
/// `while` loops with a conditional jump back).
#[inline(always)]
fn jump_to(vm: &mut Vm, cur: &mut Cursor, target: u32) -> Flow {
    let from = cur.ip;
    cur.jump_to(target);
    if cur.ip < from {
        return safepoint(vm, cur);
    }
    Flow::Next
}

/// A safepoint: one load and one branch unless a collection is due, which the loop then runs
/// ([`Flow::Collect`]) with the frame saved.
#[inline(always)]
pub(crate) fn safepoint(vm: &mut Vm, cur: &Cursor) -> Flow {
    if vm.heap.wants_collection() {
        // The collector traces the live part of every frame's stack: this one's as the
        // cursor has it.
        cur.save();
        return Flow::Collect;
    }
    Flow::Next
}

#[inline(always)]
pub fn JumpAbsolute<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    cur: &mut Cursor,
    arg: u32,
) -> Flow {
    jump_to(vm, cur, arg)
}

/// Truth of a value without a call for the common immediates; anything else may run
/// `__bool__`/`__len__`, so the frame is saved first.
#[inline(always)]
fn truth(vm: &mut Vm, cur: &Cursor, v: Value) -> Result<bool, ()> {
    match v {
        Value::Bool(b) => Ok(b),
        Value::None => Ok(false),
        Value::Int(i) => Ok(i != 0),
        _ => {
            cur.save();
            truth_slow(vm, v)
        }
    }
}

#[inline(never)]
fn truth_slow(vm: &mut Vm, v: Value) -> Result<bool, ()> {
    vm.truthy(v).map_err(|_| ())
}

#[inline(always)]
pub fn PopJumpIfFalse<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    cur: &mut Cursor,
    arg: u32,
) -> Flow {
    let v = cur.pop();
    if !tri!(truth(vm, cur, v)) {
        return jump_to(vm, cur, arg);
    }
    Flow::Next
}

#[inline(always)]
pub fn PopJumpIfTrue<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    cur: &mut Cursor,
    arg: u32,
) -> Flow {
    let v = cur.pop();
    if tri!(truth(vm, cur, v)) {
        return jump_to(vm, cur, arg);
    }
    Flow::Next
}

#[inline(always)]
pub fn JumpIfFalseOrPop<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    cur: &mut Cursor,
    arg: u32,
) -> Flow {
    let v = cur.peek(1);
    if tri!(truth(vm, cur, v)) {
        cur.drop_n(1);
    } else {
        cur.jump_to(arg);
    }
    Flow::Next
}

#[inline(always)]
pub fn JumpIfTrueOrPop<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    cur: &mut Cursor,
    arg: u32,
) -> Flow {
    let v = cur.peek(1);
    if tri!(truth(vm, cur, v)) {
        cur.jump_to(arg);
    } else {
        cur.drop_n(1);
    }
    Flow::Next
}

#[inline(always)]
pub fn GetIter<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let v = frame(vm).pop();
    let r = vm.get_iter(v);
    push_result(vm, r)
}

/// `iter -> iter next`, or pops the iterator and jumps when it is exhausted. Range and list
/// iterators are stepped here without a call; any other iterator may run Python code, so it
/// is stepped with the frame saved.
#[inline(always)]
pub fn ForIter<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let it = cur.peek(1);
    // SAFETY: the iterator is on the stack, a GC root.
    if let Value::Obj(r) = it
        && let Object::Iter(state) = (unsafe { vm.heap.get_live_mut(r) })
    {
        match &mut **state {
            IterState::Range { next, stop, step } => {
                let v = *next;
                if (*step > 0 && v < *stop) || (*step < 0 && v > *stop) {
                    // Past i64's range the range is over: `stop` ends it as well.
                    *next = v.checked_add(*step).unwrap_or(*stop);
                    cur.push(Value::Int(v));
                } else {
                    cur.drop_n(1);
                    cur.jump_forward(arg);
                }
                return Flow::Next;
            }
            &mut IterState::Seq { seq, index } => {
                if let Object::List(items) = vm.heap.get(seq)
                    && let Some(&v) = items.get(index)
                {
                    if let Object::Iter(state) = vm.heap.get_mut(r)
                        && let IterState::Seq { index, .. } = &mut **state
                    {
                        *index += 1;
                    }
                    cur.push(v);
                    return Flow::Next;
                }
            }
            _ => {}
        }
    }
    synced(vm, cur, arg, for_iter_slow::<O>)
}

#[inline(never)]
fn for_iter_slow<O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let it = frame(vm).peek(1);
    if let Value::Obj(r) = it
        && super::generators::resume_inline::<O>(vm, r, Value::None, true)
    {
        return Flow::Next;
    }
    match tri!(vm.iter_next(it)) {
        Some(v) => frame(vm).push(v),
        None => {
            let f = frame(vm);
            f.pop();
            f.pc += arg;
        }
    }
    Flow::Next
}

/// A return to a caller in the same loop: the frame goes back to the allocator and the
/// cursor moves to the caller, without leaving the chain. Entry frames and frames with a frame
/// object take the loop's general return ([`crate::unwind::finish`]).
#[inline(always)]
pub fn ReturnValue<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    cur: &mut Cursor,
    _arg: u32,
) -> Flow {
    if cur.header().exit_flags() != 0 {
        cur.save();
        return Flow::Return;
    }
    let value = cur.pop();
    let done = vm.frames.pop().expect("returning frame");
    debug_assert_eq!(done.header_ptr(), cur.frame);
    A::release(&mut vm.frame_pool, done);
    *cur = Cursor::load(vm);
    cur.push(value);
    O::frame_switched(vm);
    Flow::Next
}
