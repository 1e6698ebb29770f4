//! Stack shuffling and constants.

use rceval_interp::runtime::{FrameAllocator, Vm};

use super::{Flow, frame};
use crate::observer::Observer;

#[inline(always)]
pub fn Nop<A: FrameAllocator, O: Observer>(_vm: &mut Vm, _arg: u32) -> Flow {
    Flow::Next
}

/// The loops fold `EXTENDED_ARG` into the next instruction's argument; reaching the handler
/// means a prefix with nothing after it, which is harmless.
#[inline(always)]
pub fn ExtendedArg<A: FrameAllocator, O: Observer>(_vm: &mut Vm, _arg: u32) -> Flow {
    Flow::Next
}

#[inline(always)]
pub fn PopTop<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    frame(vm).pop();
    Flow::Next
}

#[inline(always)]
pub fn RotTwo<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let sp = f.sp as usize;
    f.slots.swap(sp - 1, sp - 2);
    Flow::Next
}

#[inline(always)]
pub fn RotThree<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let sp = f.sp as usize;
    f.slots[sp - 3..sp].rotate_right(1);
    Flow::Next
}

#[inline(always)]
pub fn RotFour<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let sp = f.sp as usize;
    f.slots[sp - 4..sp].rotate_right(1);
    Flow::Next
}

#[inline(always)]
pub fn RotN<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let sp = f.sp as usize;
    let n = (arg as usize).min(f.stack_len());
    f.slots[sp - n..sp].rotate_right(1);
    Flow::Next
}

#[inline(always)]
pub fn DupTop<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let v = f.peek(1);
    f.push(v);
    Flow::Next
}

#[inline(always)]
pub fn DupTopTwo<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let (a, b) = (f.peek(2), f.peek(1));
    f.push(a);
    f.push(b);
    Flow::Next
}

#[inline(always)]
pub fn LoadConst<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let v = f.code.consts[arg as usize];
    f.push(v);
    Flow::Next
}
