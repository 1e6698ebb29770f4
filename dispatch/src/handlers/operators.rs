//! Operators: unary, binary, in-place, comparisons, subscripts.

use rceval_interp::runtime::ops::{BinOp, CmpOp, UnaryOp};
use rceval_interp::runtime::{ExcKind, FrameAllocator, Value, Vm};

use super::{Flow, frame, push_result, tri};
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

#[inline(always)]
fn binary(vm: &mut Vm, op: BinOp) -> Flow {
    let f = frame(vm);
    let b = f.pop();
    let a = f.pop();
    let r = vm.binary_op(a, b, op);
    push_result(vm, r)
}

#[inline(always)]
fn inplace(vm: &mut Vm, op: BinOp) -> Flow {
    let f = frame(vm);
    let b = f.pop();
    let a = f.pop();
    let r = vm.inplace_op(a, b, op);
    push_result(vm, r)
}

macro_rules! binary_handlers {
    ($($binary:ident, $inplace:ident => $op:ident;)*) => {$(
        #[inline(always)]
        pub fn $binary<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
            binary(vm, BinOp::$op)
        }

        #[inline(always)]
        pub fn $inplace<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
            inplace(vm, BinOp::$op)
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

#[inline(always)]
pub fn CompareOp<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let b = f.pop();
    let a = f.pop();
    // The common case, ints, without leaving the handler.
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        let r = match arg {
            0 => x < y,
            1 => x <= y,
            2 => x == y,
            3 => x != y,
            4 => x > y,
            _ => x >= y,
        };
        frame(vm).push(Value::Bool(r));
        return Flow::Next;
    }
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
pub fn IsOp<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let b = f.pop();
    let a = f.pop();
    f.push(Value::Bool(a.is(b) != (arg == 1)));
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

#[inline(always)]
pub fn BinarySubscr<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
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
