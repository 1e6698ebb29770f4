//! Stack shuffling and constants.

use rceval_interp::runtime::{FrameAllocator, Vm};

use super::{Cursor, Flow};
use crate::observer::Observer;

#[inline(always)]
pub fn Nop<A: FrameAllocator, O: Observer>(_vm: &mut Vm, _cur: &mut Cursor, _arg: u32) -> Flow {
    Flow::Next
}

/// The loops fold `EXTENDED_ARG` into the next instruction's argument; reaching the handler
/// means a prefix with nothing after it, which is harmless.
#[inline(always)]
pub fn ExtendedArg<A: FrameAllocator, O: Observer>(
    _vm: &mut Vm,
    _cur: &mut Cursor,
    _arg: u32,
) -> Flow {
    Flow::Next
}

#[inline(always)]
pub fn PopTop<A: FrameAllocator, O: Observer>(_vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Flow {
    cur.drop_n(1);
    Flow::Next
}

#[inline(always)]
pub fn RotTwo<A: FrameAllocator, O: Observer>(_vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Flow {
    let (a, b) = (cur.peek(2), cur.peek(1));
    cur.set_peek(2, b);
    cur.set_peek(1, a);
    Flow::Next
}

/// Moves the top value `n - 1` places down (`ROT_THREE`, `ROT_FOUR`, `ROT_N`).
#[inline(always)]
fn rotate(cur: &mut Cursor, n: usize) {
    let top = cur.peek(1);
    for depth in 1..n {
        let below = cur.peek(depth + 1);
        cur.set_peek(depth, below);
    }
    cur.set_peek(n, top);
}

#[inline(always)]
pub fn RotThree<A: FrameAllocator, O: Observer>(_vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Flow {
    rotate(cur, 3);
    Flow::Next
}

#[inline(always)]
pub fn RotFour<A: FrameAllocator, O: Observer>(_vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Flow {
    rotate(cur, 4);
    Flow::Next
}

pub fn RotN<A: FrameAllocator, O: Observer>(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    cur.save();
    let n = (arg as usize).min(cur.stack_len());
    if n > 0 {
        rotate(cur, n);
    }
    Flow::Next
}

#[inline(always)]
pub fn DupTop<A: FrameAllocator, O: Observer>(_vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Flow {
    let v = cur.peek(1);
    cur.push(v);
    Flow::Next
}

#[inline(always)]
pub fn DupTopTwo<A: FrameAllocator, O: Observer>(
    _vm: &mut Vm,
    cur: &mut Cursor,
    _arg: u32,
) -> Flow {
    let (a, b) = (cur.peek(2), cur.peek(1));
    cur.push(a);
    cur.push(b);
    Flow::Next
}

#[inline(always)]
pub fn LoadConst<A: FrameAllocator, O: Observer>(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let v = cur.header().code.consts[arg as usize];
    cur.push(v);
    Flow::Next
}
