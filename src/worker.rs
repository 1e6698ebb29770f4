//! `rceval worker`: resumes the workflows of a store that have an event, until stopped (or,
//! with `--once`, until none is ready). Each of its `--concurrency` threads holds its own
//! connection, claims one workflow at a time (`Store::claim_next`), runs it and writes how it
//! ended; another thread renews the thread's lease meanwhile, so a claim runs out only when
//! its worker is gone. Many workers may share a store, on several machines with PostgreSQL.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::driver::{self, RunOptions};
use crate::store::{Claim, Store};
use crate::workflow;

#[derive(Clone, Debug)]
pub struct WorkerOptions {
    pub store: String,
    pub concurrency: usize,
    /// Stop when no workflow is ready, instead of waiting for events.
    pub once: bool,
    pub dispatch: String,
    pub frames: String,
    /// How long a claim holds without being renewed.
    pub lease: Duration,
    /// How long to wait before looking again when no workflow is ready.
    pub poll: Duration,
}

/// Runs the worker; the process's exit status (2 if the store cannot be used).
pub fn run(options: WorkerOptions) -> i32 {
    // Check the store once, so that a bad URL is one error, not one per thread.
    if let Err(msg) = Store::open(&options.store, false) {
        eprintln!("{msg}");
        return 2;
    }
    let threads: Vec<_> = (0..options.concurrency.max(1))
        .map(|i| {
            let options = options.clone();
            driver::spawn_with_interpreter_stack(format!("worker-{i}"), move || serve(&options))
        })
        .collect();
    let mut status = 0;
    for thread in threads {
        match thread.map(|t| t.join()) {
            Ok(Ok(code)) => status = status.max(code),
            _ => {
                eprintln!("rceval worker: internal error: a worker thread failed");
                status = 70;
            }
        }
    }
    status
}

/// One worker thread: claim, run, write, again.
fn serve(options: &WorkerOptions) -> i32 {
    let mut store = match Store::open(&options.store, false) {
        Ok(store) => store,
        Err(msg) => {
            eprintln!("{msg}");
            return 2;
        }
    };
    let lease_ms = options.lease.as_millis() as i64;
    let current: Arc<Mutex<Option<Claim>>> = Arc::default();
    let _heartbeat = Heartbeat::start(options, Arc::clone(&current));
    let run = RunOptions {
        path: String::new(),
        args: Vec::new(),
        dispatch: options.dispatch.clone(),
        frames: options.frames.clone(),
        capture: true,
        frame_stats: false,
    };
    let pid = std::process::id();
    loop {
        let claimed = match store.claim_next(lease_ms) {
            Ok(Some(claimed)) => claimed,
            Ok(None) if options.once => return 0,
            Ok(None) => {
                std::thread::sleep(options.poll);
                continue;
            }
            Err(msg) => {
                eprintln!("rceval worker {pid}: {msg}");
                if options.once {
                    return 1;
                }
                std::thread::sleep(options.poll);
                continue;
            }
        };
        let (id, attempt) = (claimed.claim.workflow, claimed.claim.attempt);
        *current.lock().unwrap_or_else(|e| e.into_inner()) = Some(claimed.claim);
        crate::store::pause_after_claim();
        let outcome = match workflow::loaded_for_worker(&options.store, claimed) {
            Ok(loaded) => driver::run_claimed(&run, &mut store, loaded),
            Err(msg) => driver::Outcome {
                exit_code: 1,
                stderr: (msg + "\n").into_bytes(),
                ..driver::Outcome::default()
            },
        };
        *current.lock().unwrap_or_else(|e| e.into_inner()) = None;
        let how = match outcome.exit_code {
            workflow::SUSPENDED_EXIT_CODE => "waits again".to_string(),
            0 => "finished".to_string(),
            code => format!("failed (status {code})"),
        };
        eprintln!("rceval worker {pid}: workflow {id} (attempt {attempt}): {how}");
        if outcome.exit_code != 0 && outcome.exit_code != workflow::SUSPENDED_EXIT_CODE {
            eprint!("{}", String::from_utf8_lossy(&outcome.stderr));
        }
    }
}

/// Renews the lease of the claim a worker thread holds, a few times per lease, on a
/// connection of its own (the worker's is busy running the program). Stops when dropped.
struct Heartbeat {
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Heartbeat {
    fn start(options: &WorkerOptions, current: Arc<Mutex<Option<Claim>>>) -> Heartbeat {
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let (location, lease) = (options.store.clone(), options.lease);
        let thread = std::thread::spawn(move || {
            let mut store = None;
            let every = lease / 3;
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(every)
            {
                let Some(claim) = *current.lock().unwrap_or_else(|e| e.into_inner()) else {
                    continue;
                };
                if store.is_none() {
                    store = Store::open(&location, false).ok();
                }
                if let Some(s) = store.as_mut()
                    && s.renew(claim, lease.as_millis() as i64).is_err()
                {
                    // Reconnect next time; the lease may run out meanwhile, and then the
                    // run's end is refused, as it should be.
                    store = None;
                }
            }
        });
        Heartbeat {
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
