//! Ctrl-C while `rceval run` or `rceval resume` runs a program: CPython's behaviour. The
//! signal becomes a `KeyboardInterrupt` raised in the program at its next safepoint
//! (`rceval_interp::runtime::interrupt`), so `finally` blocks and `except KeyboardInterrupt`
//! run; uncaught, it prints its traceback, the output is flushed, and the process ends killed
//! by SIGINT, as CPython's does (a shell sees status 130).

use std::io::Write;

use rceval::driver::EXIT_KEYBOARD_INTERRUPT;
use rceval_interp::runtime::interrupt;

/// Turns SIGINT into `KeyboardInterrupt` for the programs this process runs. Without a
/// handler (it could not be installed), SIGINT keeps killing the process.
pub fn install() {
    if ctrlc::set_handler(interrupt::request_interrupt).is_ok() {
        interrupt::enable();
    }
}

/// Ends the process by SIGINT if the program ended with an uncaught `KeyboardInterrupt`
/// (`code` is then the status the driver reported for it); otherwise returns.
pub fn end_as_interrupted_if(code: i32) {
    if code != EXIT_KEYBOARD_INTERRUPT || !interrupt::ended_by_interrupt() {
        return;
    }
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: restoring SIGINT's default disposition and sending it to this process are
    // plain libc calls with no memory involved; the process ends there.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
    }
}
