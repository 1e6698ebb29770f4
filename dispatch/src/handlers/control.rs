//! Jumps, loops and returns.

use rceval_interp::runtime::object::{IterState, Object};
use rceval_interp::runtime::{FrameAllocator, Value, Vm};

use super::{Flow, frame, push_result, tri};
use crate::observer::Observer;

#[inline(always)]
pub fn JumpForward<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    frame(vm).pc += arg;
    Flow::Next
}

/// Jumps to an absolute target. A backward jump closes a loop, which makes it a safepoint:
/// the collector may run there (CPython 3.10 closes `for` loops with `JUMP_ABSOLUTE` and
/// `while` loops with a conditional jump back).
#[inline(always)]
fn jump_to(vm: &mut Vm, target: u32) {
    let f = frame(vm);
    let backward = target < f.pc;
    f.pc = target;
    if backward {
        vm.maybe_collect();
    }
}

#[inline(always)]
pub fn JumpAbsolute<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    jump_to(vm, arg);
    Flow::Next
}

/// Truth of the top of the stack without a call for the common immediates.
#[inline(always)]
fn truth(vm: &mut Vm, v: Value) -> Result<bool, ()> {
    match v {
        Value::Bool(b) => Ok(b),
        Value::None => Ok(false),
        Value::Int(i) => Ok(i != 0),
        _ => vm.truthy(v).map_err(|_| ()),
    }
}

#[inline(always)]
pub fn PopJumpIfFalse<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let v = frame(vm).pop();
    if !tri!(truth(vm, v)) {
        jump_to(vm, arg);
    }
    Flow::Next
}

#[inline(always)]
pub fn PopJumpIfTrue<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let v = frame(vm).pop();
    if tri!(truth(vm, v)) {
        jump_to(vm, arg);
    }
    Flow::Next
}

#[inline(always)]
pub fn JumpIfFalseOrPop<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let v = frame(vm).peek(1);
    if tri!(truth(vm, v)) {
        frame(vm).pop();
    } else {
        frame(vm).pc = arg;
    }
    Flow::Next
}

#[inline(always)]
pub fn JumpIfTrueOrPop<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let v = frame(vm).peek(1);
    if tri!(truth(vm, v)) {
        frame(vm).pc = arg;
    } else {
        frame(vm).pop();
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
/// iterators are stepped here without a call.
#[inline(always)]
pub fn ForIter<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let it = frame(vm).peek(1);
    if let Value::Obj(r) = it
        && let Object::Iter(state) = vm.heap.get_mut(r)
        && let IterState::Range { next, stop, step } = &mut **state
    {
        let v = *next;
        if (*step > 0 && v < *stop) || (*step < 0 && v > *stop) {
            *next = v.saturating_add(*step);
            frame(vm).push(Value::Int(v));
        } else {
            let f = frame(vm);
            f.pop();
            f.pc += arg;
        }
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

#[inline(always)]
pub fn ReturnValue<A: FrameAllocator, O: Observer>(_vm: &mut Vm, _arg: u32) -> Flow {
    Flow::Return
}
