//! Stack checks, as CPython's `USE_STACKCHECK`/`Py_DEBUG` stack assertions: before every
//! instruction the value stack lies within the frame and within the code object's
//! `co_stacksize`, and the block stack within `CO_MAXBLOCKS`. A violation is a compiler or
//! handler bug, so it aborts with a diagnostic naming the code object, offset and opcode.

use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::Frame;
use rceval_interp::runtime::frame::CO_MAXBLOCKS;

/// A broken stack invariant, with where it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub code_name: String,
    pub filename: String,
    pub firstlineno: u32,
    /// Byte offset of the instruction (as `dis` shows it).
    pub offset: u32,
    pub opcode: &'static str,
    pub problem: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "rceval stackcheck: {} before {} {} in <code object {} at \"{}\", line {}>",
            self.problem, self.offset, self.opcode, self.code_name, self.filename, self.firstlineno
        )
    }
}

/// Checks `frame`'s stacks before it executes `op`.
pub fn check_frame(frame: &Frame, op: Opcode) -> Result<(), Violation> {
    let co = &frame.code.code;
    let problem = if frame.sp < frame.stack_base {
        Some(format!(
            "value stack underflow (depth {})",
            i64::from(frame.sp) - i64::from(frame.stack_base)
        ))
    } else if frame.stack_len() > co.stacksize as usize {
        Some(format!(
            "value stack depth {} exceeds co_stacksize {}",
            frame.stack_len(),
            co.stacksize
        ))
    } else if frame.sp as usize > frame.slots.len() {
        Some(format!(
            "value stack pointer {} past the frame's {} slots",
            frame.sp,
            frame.slots.len()
        ))
    } else if frame.nblocks as usize > CO_MAXBLOCKS {
        Some(format!(
            "block stack depth {} exceeds CO_MAXBLOCKS {CO_MAXBLOCKS}",
            frame.nblocks
        ))
    } else {
        None
    };
    match problem {
        None => Ok(()),
        Some(problem) => Err(Violation {
            code_name: co.qualname.to_string(),
            filename: co.filename.to_string(),
            firstlineno: co.firstlineno,
            offset: frame.lasti * 2,
            opcode: op.name(),
            problem,
        }),
    }
}

#[cfg(feature = "stackcheck")]
#[inline(always)]
pub(crate) fn before_instruction(vm: &rceval_interp::runtime::Vm, op: Opcode) {
    if let Some(frame) = vm.frames.last()
        && let Err(violation) = check_frame(frame, op)
    {
        eprintln!("{violation}");
        std::process::abort();
    }
}
