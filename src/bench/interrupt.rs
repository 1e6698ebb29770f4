//! Ctrl-C during a suite run. The first SIGINT asks the run to stop: the process being timed
//! is killed, its round is dropped, and the rounds completed so far are written, marked
//! partial. A second SIGINT stops at once, writing nothing.

use std::sync::atomic::{AtomicUsize, Ordering};

/// SIGINTs received since the handler was installed.
static INTERRUPTS: AtomicUsize = AtomicUsize::new(0);

/// The exit status of a run stopped by SIGINT, as shells report it (128 + 2).
pub const EXIT_INTERRUPTED: u8 = 130;

/// Installs the handler; at most once a process (later calls do nothing).
pub fn install() -> Result<(), String> {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    let mut outcome = Ok(());
    INSTALLED.call_once(|| {
        outcome = ctrlc::set_handler(|| {
            if INTERRUPTS.fetch_add(1, Ordering::SeqCst) == 0 {
                eprintln!(
                    "\nrceval: interrupted: writing the rounds completed so far \
                     (Ctrl-C again to stop at once)"
                );
            } else {
                eprintln!("\nrceval: interrupted twice: stopping without writing results");
                std::process::exit(EXIT_INTERRUPTED.into());
            }
        })
        .map_err(|e| format!("can't handle Ctrl-C: {e}"));
    });
    outcome
}

/// Whether a stop was asked for.
pub fn requested() -> bool {
    INTERRUPTS.load(Ordering::SeqCst) > 0
}

/// Records a stop that was seen another way: a timed process killed by SIGINT (a terminal's
/// Ctrl-C reaches the whole process group, and the child may die before the handler runs).
pub fn request() {
    INTERRUPTS.fetch_max(1, Ordering::SeqCst);
}
