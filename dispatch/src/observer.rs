//! Observers: what profiling and tracing see of the eval loop. Every dispatch strategy calls
//! the same hooks before every instruction it executes, so counts agree across strategies.
//! A strategy is monomorphized per observer; [`NoObserver`]'s empty hooks compile to nothing.

use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::Vm;

pub trait Observer: 'static {
    /// The name reports and `--version` use.
    const NAME: &'static str;

    /// Called before each instruction executes (`EXTENDED_ARG` included), with the frame's
    /// program counter already at the instruction.
    #[inline(always)]
    fn before_instruction(_vm: &mut Vm, _op: Opcode, _arg: u32) {}

    /// Called when a Python frame starts executing (a call or a generator resumption).
    #[inline(always)]
    fn frame_entered(_vm: &mut Vm) {}
}

/// Observes nothing: the production build.
pub struct NoObserver;

impl Observer for NoObserver {
    const NAME: &'static str = "none";
}
