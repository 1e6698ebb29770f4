//! The observer this build's features make up: each compiled-in observer's hook, in a fixed
//! order, and nothing for those left out.

use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::Vm;

use crate::observer::Observer;

/// Runs every observer this build has; each does nothing unless its run option (or, for
/// `stackcheck`, the build) switched it on.
pub struct Profiler;

impl Observer for Profiler {
    const NAME: &'static str = "profiler";

    #[inline(always)]
    fn before_instruction(vm: &mut Vm, op: Opcode, arg: u32) {
        let _ = (&vm, op, arg);
        // Timing brackets the other observers, so their cost is charged to the hook, not to
        // the instruction before.
        #[cfg(feature = "optiming")]
        let arrived = crate::optiming::arrive();
        #[cfg(feature = "stackcheck")]
        crate::stackcheck::before_instruction(vm, op);
        #[cfg(feature = "lltrace")]
        crate::lltrace::before_instruction(vm, op, arg);
        #[cfg(feature = "callprofile")]
        crate::callprofile::before_instruction(vm, op, arg);
        #[cfg(feature = "dxp")]
        crate::dxp::before_instruction(op);
        #[cfg(feature = "optiming")]
        crate::optiming::depart(op, arrived);
    }

    #[inline(always)]
    fn frame_entered(vm: &mut Vm) {
        let _ = &vm;
        #[cfg(feature = "callprofile")]
        crate::callprofile::frame_entered(vm);
    }

    #[inline(always)]
    fn generator_resumed_inline(vm: &mut Vm) {
        let _ = &vm;
        #[cfg(feature = "callprofile")]
        crate::callprofile::generator_resumed_inline();
    }

    #[inline(always)]
    fn frame_switched(vm: &mut Vm) {
        let _ = &vm;
        #[cfg(feature = "lltrace")]
        crate::lltrace::frame_switched(vm);
    }
}
