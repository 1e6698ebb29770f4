//! Operators: unary, binary, in-place, comparisons, subscripts.

use rceval_interp::runtime::object::Object;
use rceval_interp::runtime::ops::{BinOp, CmpOp, UnaryOp};
use rceval_interp::runtime::{ExcKind, FrameAllocator, Value, Vm};

use super::{Cursor, Flow, frame, push_result, synced, tri};
use crate::observer::Observer;

#[inline(always)]
fn unary(vm: &mut Vm, op: UnaryOp) -> Flow {
    let v = frame(vm).pop();
    let r = vm.unary_op(v, op);
    push_result(vm, r)
}

#[inline(always)]
pub fn UnaryPositive<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    unary(vm, UnaryOp::Pos)
}

#[inline(always)]
pub fn UnaryNegative<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    unary(vm, UnaryOp::Neg)
}

#[inline(always)]
pub fn UnaryInvert<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    unary(vm, UnaryOp::Invert)
}

#[inline(always)]
pub fn UnaryNot<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let v = frame(vm).pop();
    let t = tri!(vm.truthy(v));
    frame(vm).push(Value::Bool(!t));
    Flow::Next
}

/// `a op b` of two ints or two floats that the machine does without overflow or error: the
/// cases where the runtime's `binary_op` and `inplace_op` answer the same without looking at
/// a type (CPython 3.11's `BINARY_OP_ADD_INT` and friends, unspecialized). `op` is a constant
/// in each handler, so its match folds away.
#[inline(always)]
fn arithmetic_fast(a: Value, b: Value, op: BinOp) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mul => x.checked_mul(y).map(Value::Int),
            BinOp::And => Some(Value::Int(x & y)),
            BinOp::Or => Some(Value::Int(x | y)),
            BinOp::Xor => Some(Value::Int(x ^ y)),
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => match op {
            BinOp::Add => Some(Value::Float(x + y)),
            BinOp::Sub => Some(Value::Float(x - y)),
            BinOp::Mul => Some(Value::Float(x * y)),
            BinOp::TrueDiv if y != 0.0 => Some(Value::Float(x / y)),
            _ => None,
        },
        _ => None,
    }
}

/// A binary or in-place operator on the cursor: the int and float cases of
/// [`arithmetic_fast`] inline, everything else out of line with the frame saved.
#[inline(always)]
fn binary_on_cursor(vm: &mut Vm, cur: &mut Cursor, op: BinOp, in_place: bool) -> Flow {
    if let Some(r) = arithmetic_fast(cur.peek(2), cur.peek(1), op) {
        cur.drop_n(1);
        cur.set_peek(1, r);
        return Flow::Next;
    }
    synced(vm, cur, op as u32, move |vm, _| {
        binary_slow(vm, op, in_place)
    })
}

#[inline(never)]
fn binary_slow(vm: &mut Vm, op: BinOp, in_place: bool) -> Flow {
    let f = frame(vm);
    let b = f.pop();
    let a = f.pop();
    let r = if in_place {
        vm.inplace_op(a, b, op)
    } else {
        vm.binary_op(a, b, op)
    };
    push_result(vm, r)
}

macro_rules! binary_handlers {
    ($($binary:ident, $inplace:ident => $op:ident;)*) => {$(
        #[inline(always)]
        pub fn $binary<A: FrameAllocator, O: Observer>(
            vm: &mut Vm,
            cur: &mut Cursor,
            _arg: u32,
        ) -> Flow {
            binary_on_cursor(vm, cur, BinOp::$op, false)
        }

        #[inline(always)]
        pub fn $inplace<A: FrameAllocator, O: Observer>(
            vm: &mut Vm,
            cur: &mut Cursor,
            _arg: u32,
        ) -> Flow {
            binary_on_cursor(vm, cur, BinOp::$op, true)
        }
    )*};
}

binary_handlers! {
    BinaryAdd, InplaceAdd => Add;
    BinarySubtract, InplaceSubtract => Sub;
    BinaryMultiply, InplaceMultiply => Mul;
    BinaryMatrixMultiply, InplaceMatrixMultiply => MatMul;
    BinaryTrueDivide, InplaceTrueDivide => TrueDiv;
    BinaryFloorDivide, InplaceFloorDivide => FloorDiv;
    BinaryModulo, InplaceModulo => Mod;
    BinaryPower, InplacePower => Pow;
    BinaryLshift, InplaceLshift => LShift;
    BinaryRshift, InplaceRshift => RShift;
    BinaryAnd, InplaceAnd => And;
    BinaryOr, InplaceOr => Or;
    BinaryXor, InplaceXor => Xor;
}

/// Comparisons of two ints or two floats inline (IEEE comparisons are Python's for floats,
/// NaN included); everything else, and a bad argument, out of line with the frame saved.
#[inline(always)]
pub fn CompareOp<A: FrameAllocator, O: Observer>(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let fast = match (cur.peek(2), cur.peek(1)) {
        (Value::Int(x), Value::Int(y)) => compare_by_arg(x, y, arg),
        (Value::Float(x), Value::Float(y)) => compare_by_arg(x, y, arg),
        _ => None,
    };
    if let Some(r) = fast {
        cur.drop_n(1);
        cur.set_peek(1, Value::Bool(r));
        return Flow::Next;
    }
    synced(vm, cur, arg, compare_slow)
}

/// `COMPARE_OP`'s argument applied to two values of one primitive type.
#[inline(always)]
fn compare_by_arg<T: PartialOrd>(x: T, y: T, arg: u32) -> Option<bool> {
    Some(match arg {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        5 => x >= y,
        _ => return None,
    })
}

#[inline(never)]
fn compare_slow(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let b = f.pop();
    let a = f.pop();
    let Some(op) = CmpOp::from_arg(arg) else {
        vm.raise(
            ExcKind::SystemError,
            format!("bad COMPARE_OP argument {arg}"),
        );
        return Flow::Raise;
    };
    let r = vm.compare(a, b, op);
    push_result(vm, r)
}

#[inline(always)]
pub fn IsOp<A: FrameAllocator, O: Observer>(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Flow {
    let b = cur.pop();
    let a = cur.peek(1);
    cur.set_peek(1, Value::Bool(a.is(b) != (arg == 1)));
    Flow::Next
}

#[inline(always)]
pub fn ContainsOp<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let container = f.pop();
    let item = f.pop();
    let found = tri!(vm.contains(container, item));
    frame(vm).push(Value::Bool(found != (arg == 1)));
    Flow::Next
}

/// A list or tuple indexed by an int in range inline; everything else out of line with the
/// frame saved.
#[inline(always)]
pub fn BinarySubscr<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    cur: &mut Cursor,
    arg: u32,
) -> Flow {
    if let (Value::Obj(r), Value::Int(i)) = (cur.peek(2), cur.peek(1))
        && let Some(items) = match vm.heap.get(r) {
            Object::List(items) => Some(&items[..]),
            Object::Tuple(items) => Some(&items[..]),
            _ => None,
        }
        && let index = if i < 0 {
            i.wrapping_add(items.len() as i64)
        } else {
            i
        }
        && let Some(&v) = items.get(index as usize)
    {
        cur.drop_n(1);
        cur.set_peek(1, v);
        return Flow::Next;
    }
    synced(vm, cur, arg, binary_subscr_slow)
}

#[inline(never)]
fn binary_subscr_slow(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let key = f.pop();
    let container = f.pop();
    let r = vm.getitem(container, key);
    push_result(vm, r)
}

pub fn StoreSubscr<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let key = f.pop();
    let container = f.pop();
    let value = f.pop();
    tri!(vm.setitem(container, key, value));
    Flow::Next
}

pub fn DeleteSubscr<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let key = f.pop();
    let container = f.pop();
    tri!(vm.delitem(container, key));
    Flow::Next
}
