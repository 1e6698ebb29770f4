//! Interrupts from outside the program (Ctrl-C): CPython's "eval breaker" for signals. The
//! signal is noted here by whatever thread receives it (the CLI's handler), and the running VM
//! is asked to stop at its next safepoint (a loop back-edge or a call) by raising the same
//! flag a due collection raises, so the eval loop's safepoints keep costing one load and one
//! branch. The loop then raises `KeyboardInterrupt` in the program (see
//! `rceval_dispatch::unwind`), and `time.sleep` checks between short naps.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::heap::Heap;
use super::vm::Vm;
use super::{ExcKind, PyResult};

/// A SIGINT arrived that no VM has raised as `KeyboardInterrupt` yet.
static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);

/// Whether this process turns SIGINT into `KeyboardInterrupt` ([`enable`]): the CLI's `run`
/// does; tests that run many VMs side by side in one process do not.
static ENABLED: AtomicBool = AtomicBool::new(false);

/// An uncaught `KeyboardInterrupt` ended the program (the CLI then ends by SIGINT itself).
static ENDED_BY_INTERRUPT: AtomicBool = AtomicBool::new(false);

pub fn note_uncaught_keyboard_interrupt() {
    ENDED_BY_INTERRUPT.store(true, Ordering::SeqCst);
}

/// Whether a program of this process ended with an uncaught `KeyboardInterrupt`.
pub fn ended_by_interrupt() -> bool {
    ENDED_BY_INTERRUPT.load(Ordering::SeqCst)
}

/// Makes [`Watch`]es take effect; call once a signal handler calls [`request_interrupt`].
pub fn enable() {
    ENABLED.store(true, Ordering::SeqCst);
}

/// The safepoint flag of the VM that interrupts go to, while one is watching ([`Watch`]).
static WATCHED: Mutex<Option<Breaker>> = Mutex::new(None);

struct Breaker(*const AtomicBool);

// SAFETY: the pointer is only dereferenced under `WATCHED`'s lock, and `Watch` removes it
// under that lock before the flag it points to can go away.
unsafe impl Send for Breaker {}

/// Notes a SIGINT and asks the watching VM, if any, to stop at its next safepoint. Called from
/// the signal-handling thread.
pub fn request_interrupt() {
    SIGINT_PENDING.store(true, Ordering::SeqCst);
    if let Ok(watched) = WATCHED.lock()
        && let Some(Breaker(flag)) = &*watched
    {
        // SAFETY: a registered flag stays alive until `Watch::drop` unregisters it, which
        // takes this same lock first.
        unsafe { (**flag).store(true, Ordering::SeqCst) };
    }
}

/// Whether a SIGINT is waiting to be raised; clears it.
pub fn take_interrupt() -> bool {
    SIGINT_PENDING.swap(false, Ordering::SeqCst)
}

/// Raises a pending SIGINT in the program as `KeyboardInterrupt` (no arguments, as CPython's):
/// `Err` if one was pending, with the exception set.
pub fn raise_pending(vm: &mut Vm) -> PyResult<()> {
    if take_interrupt() {
        return Err(vm.raise_with_args(ExcKind::KeyboardInterrupt, Vec::new()));
    }
    Ok(())
}

/// Whether a SIGINT is waiting (without clearing it): for code that waits, such as
/// `time.sleep`, to stop waiting.
pub fn interrupt_pending() -> bool {
    SIGINT_PENDING.load(Ordering::SeqCst)
}

/// Sends interrupts to one heap's safepoint flag for as long as it lives.
pub struct Watch(());

impl Watch {
    /// # Safety
    /// `heap` must not move or be dropped while the returned `Watch` lives (make the `Watch`
    /// after the VM is in its final place, in the same scope, so that it is dropped first).
    pub unsafe fn new(heap: &Heap) -> Watch {
        if !ENABLED.load(Ordering::SeqCst) {
            return Watch(());
        }
        if let Ok(mut watched) = WATCHED.lock() {
            *watched = Some(Breaker(heap.safepoint_flag()));
        }
        if interrupt_pending() {
            heap.safepoint_flag().store(true, Ordering::SeqCst);
        }
        Watch(())
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if !ENABLED.load(Ordering::SeqCst) {
            return;
        }
        if let Ok(mut watched) = WATCHED.lock() {
            *watched = None;
        }
    }
}
