//! Observers: what profiling and tracing see of the eval loop. Every dispatch strategy calls
//! the same hooks before every instruction it executes and wherever the running frame
//! changes, so what an observer records agrees across strategies.
//! A strategy is monomorphized per observer; [`NoObserver`]'s empty hooks compile to nothing.
//!
//! The trait lives here rather than in the dispatch crate so that the dispatch crate can name
//! this crate's observers when it builds its variants (`rceval-dispatch` → `rceval-profiling`),
//! while this crate stays ignorant of strategies.

use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::Vm;

pub trait Observer: 'static {
    /// The name reports use.
    const NAME: &'static str;

    /// Whether the hooks look at the VM at all. The loop writes its cursor back to the frame
    /// before each instruction only for an observer that does, so [`NoObserver`] costs
    /// nothing.
    const OBSERVES: bool = true;

    /// Called before each instruction executes (`EXTENDED_ARG` prefixes included, with argument
    /// 0), with the frame's `lasti` at the instruction the prefixes belong to and `pc` past it.
    #[inline(always)]
    fn before_instruction(_vm: &mut Vm, _op: Opcode, _arg: u32) {}

    /// Called when a Python frame starts executing through the runtime's entry (a call from
    /// native code, the module body, or a generator resumption); calls between Python
    /// functions push their frame inside the loop without this hook.
    #[inline(always)]
    fn frame_entered(_vm: &mut Vm) {}

    /// Called when `FOR_ITER` or `YIELD_FROM` resumes a generator's (or coroutine's) frame
    /// inside the running loop, without the runtime's entry (so without [`frame_entered`]).
    ///
    /// [`frame_entered`]: Observer::frame_entered
    #[inline(always)]
    fn generator_resumed_inline(_vm: &mut Vm) {}

    /// Called wherever the eval loop stops running one frame for another: a frame pushed by a
    /// call (inline or through the runtime's entry, generator resumptions included), a return
    /// to the caller, an exception caught in a caller of the frame that raised, and an
    /// eval-loop invocation ending (return, yield, or an escaping exception) back into the
    /// native code that started it. Every strategy and allocator passes these points, so an
    /// observer that keeps per-frame state can update it here instead of checking, before
    /// each instruction, which frame runs. The next instruction executed belongs to the frame
    /// on top of `vm.frames` or, after an invocation ends, to whatever frame native code runs
    /// next (it may start others before returning to the loop below).
    #[inline(always)]
    fn frame_switched(_vm: &mut Vm) {}
}

/// Observes nothing: the production build.
pub struct NoObserver;

impl Observer for NoObserver {
    const NAME: &'static str = "none";
    const OBSERVES: bool = false;
}
