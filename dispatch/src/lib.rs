//! rceval's eval loop. Opcode semantics live once, in [`handlers`]; a dispatch strategy
//! ([`Dispatch`]) only decides how control gets from one handler to the next. The loop is
//! generic over the strategy, the frame allocator and the observer, so one binary holds every
//! combination and one run can compare them side by side.
// `become` (guaranteed tail calls) for the `tailcall` strategy; see `tailcall.rs` and
// `.cargo/config.toml` for why it builds on stable.
#![feature(explicit_tail_calls)]
#![feature(rust_preserve_none_cc)]
#![allow(incomplete_features)]

pub mod callthread;
pub mod cursor;
pub mod handlers;
pub mod observer;
pub mod predict;
pub mod switch;
pub mod tailcall;
pub mod unwind;
pub mod variants;

use rceval_interp::runtime::vm::{EvalHooks, FrameExit};
use rceval_interp::runtime::{ExcKind, FrameAllocator, FrameBox, Vm};

use handlers::Flow;
use observer::Observer;

/// A dispatch strategy: runs the frame on top of `vm.frames` (and the frames it calls) until
/// the entry frame returns, yields or lets an exception escape.
pub trait Dispatch: 'static {
    /// The name `--dispatch` selects it by.
    const NAME: &'static str;

    /// `flow` is how to begin: [`Flow::Next`] to execute, [`Flow::Raise`] to start by unwinding
    /// the pending exception (`generator.throw`).
    fn run<A: FrameAllocator, O: Observer>(vm: &mut Vm, flow: Flow) -> FrameExit;
}

/// The PEP 523-style entry the runtime calls to execute a frame: pushes it as an entry frame
/// and runs the strategy.
pub fn eval_frame<D: Dispatch, A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    mut frame: FrameBox,
) -> FrameExit {
    if vm.frames.len() >= vm.recursion_limit {
        if frame.frame_object().is_some() {
            // A generator resumed past the limit ends here, and its frame object keeps it.
            rceval_interp::runtime::introspect::frame_ended(vm, &mut frame);
        }
        A::release(&mut vm.frame_pool, frame);
        vm.raise(ExcKind::RecursionError, "maximum recursion depth exceeded");
        return FrameExit::Raised;
    }
    frame.set_entry(true);
    let throw = std::mem::take(&mut frame.resume_with_exception);
    vm.frames.push(frame);
    O::frame_entered(vm);
    O::frame_switched(vm);
    let exit = D::run::<A, O>(vm, if throw { Flow::Raise } else { Flow::Next });
    // Back to the native code that called: the frame it was called from (if any) runs next,
    // unless that code starts other frames first.
    O::frame_switched(vm);
    exit
}

/// Continues the frames on `vm.frames` (a program restored from a snapshot) where the top one
/// stopped.
pub fn resume_frames<D: Dispatch, A: FrameAllocator, O: Observer>(vm: &mut Vm) -> FrameExit {
    D::run::<A, O>(vm, Flow::Next)
}

/// The hooks that install strategy `D` with allocator `A` and observer `O` into a VM.
pub fn hooks<D: Dispatch, A: FrameAllocator, O: Observer>() -> EvalHooks {
    EvalHooks {
        eval_frame: eval_frame::<D, A, O>,
        alloc_frame: A::alloc,
        release_frame: A::release,
        resume: resume_frames::<D, A, O>,
        dispatch_name: D::NAME,
        frames_name: A::NAME,
    }
}
