//! The `switch` strategy: one loop, one `match` on the opcode (CPython without computed gotos).

use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::vm::FrameExit;
use rceval_interp::runtime::{ExcKind, FrameAllocator, Vm};

use crate::handlers::{self, Flow, frame};
use crate::observer::Observer;
use crate::{Dispatch, unwind};

pub struct Switch;

impl Dispatch for Switch {
    const NAME: &'static str = "switch";

    fn run<A: FrameAllocator, O: Observer>(vm: &mut Vm, mut flow: Flow) -> FrameExit {
        loop {
            if flow != Flow::Next
                && let Some(exit) = unwind::finish::<A, O>(vm, flow)
            {
                return exit;
            }
            let (op, arg) = match fetch::<O>(vm) {
                Some(decoded) => decoded,
                None => {
                    flow = Flow::Raise;
                    continue;
                }
            };
            O::before_instruction(vm, op, arg);
            flow = handlers::execute::<A, O>(vm, op, arg);
        }
    }
}

/// Decodes the next instruction of the running frame, folding `EXTENDED_ARG` prefixes (each
/// reported to the observer as executed, as CPython counts them), and advances `pc`.
#[inline(always)]
pub(crate) fn fetch<O: Observer>(vm: &mut Vm) -> Option<(Opcode, u32)> {
    let f = frame(vm);
    let code = &f.code.code.code;
    let mut pc = f.pc as usize;
    let mut byte = code[2 * pc];
    let mut arg = u32::from(code[2 * pc + 1]);
    let mut prefixes = 0;
    while byte == Opcode::ExtendedArg as u8 {
        prefixes += 1;
        pc += 1;
        byte = code[2 * pc];
        arg = (arg << 8) | u32::from(code[2 * pc + 1]);
    }
    f.lasti = pc as u32;
    f.pc = pc as u32 + 1;
    for _ in 0..prefixes {
        O::before_instruction(vm, Opcode::ExtendedArg, 0);
    }
    match Opcode::from_byte(byte) {
        Some(op) => Some((op, arg)),
        None => {
            vm.raise(ExcKind::SystemError, format!("unknown opcode {byte}"));
            None
        }
    }
}
