//! Running a program end to end: read, compile, execute in a fresh VM on a thread with a large
//! stack, and report the outcome the way `python3` does (exit status, traceback on stderr).

use std::path::Path;
use std::rc::Rc;

use rceval_dispatch::predict::{PairCount, take_prediction_counts};
use rceval_dispatch::variants;
use rceval_interp::compiler::compile_module;
use rceval_interp::runtime::frame::FrameStats;
use rceval_interp::runtime::heap::HeapStats;
use rceval_interp::runtime::interrupt;
use rceval_interp::runtime::vm::EvalHooks;
use rceval_interp::runtime::{ExcKind, Value, Vm};
use rceval_profiling::session::{self, Collected, ProfileOptions};

use crate::store::Store;
use crate::workflow;

/// The interpreter thread's stack. Python-to-Python calls never recurse on it; only native
/// code calling back into Python does, at most `MAX_NATIVE_DEPTH` deep.
const INTERPRETER_STACK_BYTES: usize = 1 << 30;

#[derive(Clone, Debug)]
pub struct RunOptions {
    pub path: String,
    pub args: Vec<String>,
    pub dispatch: String,
    pub frames: String,
    /// Capture stdout and stderr instead of writing them to the process's streams.
    pub capture: bool,
    /// Keep the frame allocator's per-call figures ([`FrameStats::counting`]).
    pub frame_stats: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub exit_code: i32,
    /// Captured output (empty unless `capture` was set).
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub frame_stats: FrameStats,
    pub heap_stats: HeapStats,
    /// The `predict` strategy's hits per predicted pair (all zero unless it was instantiated
    /// with counting, as `--dispatch predict` is with the `predict-stats` feature).
    pub prediction_counts: Option<Vec<PairCount>>,
    /// What the observers the run switched on recorded.
    pub profile: Collected,
}

/// Runs a program on its own thread (so its stack size is ours to choose).
pub fn run(options: RunOptions) -> Outcome {
    run_profiled(options, ProfileOptions::default())
}

/// Runs a program with `durable.wait` connected as `durable` says: to a workflow store
/// (suspending the program there), to a list of values to return, or resuming a suspended
/// workflow (`options.path` is then ignored: the store knows the program).
pub fn run_durable(options: RunOptions, durable: Durable) -> Outcome {
    spawn_interpreter(move || run_on_this_thread(&options, &ProfileOptions::default(), &durable))
}

/// Runs a program with the observers `profile` switches on; what they recorded comes back in
/// [`Outcome::profile`]. An option this build has no observer for fails the run (exit 2)
/// with a message naming the cargo feature to build with.
pub fn run_profiled(options: RunOptions, profile: ProfileOptions) -> Outcome {
    spawn_interpreter(move || run_on_this_thread(&options, &profile, &Durable::Off))
}

/// Runs `job` on the interpreter thread.
fn spawn_interpreter(job: impl FnOnce() -> Outcome + Send + 'static) -> Outcome {
    let worker = std::thread::Builder::new()
        .name("rceval".into())
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(job);
    match worker.map(|handle| handle.join()) {
        Ok(Ok(outcome)) => outcome,
        _ => Outcome {
            exit_code: 70,
            stderr: b"rceval: internal error: the interpreter thread failed\n".to_vec(),
            ..Outcome::default()
        },
    }
}

fn run_on_this_thread(
    options: &RunOptions,
    profile: &ProfileOptions,
    durable: &Durable,
) -> Outcome {
    let mut outcome = Outcome::default();
    if let Err(msg) = profile.check_available() {
        report_failure(options, &mut outcome, 2, msg);
        return outcome;
    }
    let observed = rceval_profiling::ALWAYS_OBSERVED || profile.any();
    match variants::hooks_observed(&options.dispatch, &options.frames, observed) {
        Some(hooks) => run_with_hooks_profiled(options, hooks, profile, durable),
        None => {
            let msg = format!(
                "rceval: no variant dispatch={} frames={} in this binary\n",
                options.dispatch, options.frames
            );
            report_failure(options, &mut outcome, 2, msg);
            outcome
        }
    }
}

/// Reports a failure before the program ran: on stderr, or into the captured stderr.
fn report_failure(options: &RunOptions, outcome: &mut Outcome, code: i32, msg: String) {
    if options.capture {
        outcome.stderr.extend_from_slice(msg.as_bytes());
    } else {
        eprint!("{msg}");
    }
    outcome.exit_code = code;
}

/// Runs a program on the calling thread with the given eval hooks (a strategy × allocator ×
/// observer instance; `options.dispatch` and `options.frames` are not consulted). Tests use it
/// to run under an observer or on a thread with a small stack.
pub fn run_with_hooks(options: &RunOptions, hooks: EvalHooks) -> Outcome {
    run_with_hooks_profiled(options, hooks, &ProfileOptions::default(), &Durable::Off)
}

fn run_with_hooks_profiled(
    options: &RunOptions,
    hooks: EvalHooks,
    profile: &ProfileOptions,
    durable: &Durable,
) -> Outcome {
    let mut outcome = Outcome::default();
    let resume = match durable {
        Durable::Resume(request) => match workflow::load(request) {
            Ok(loaded) => Some(loaded),
            Err(msg) => {
                report_failure(options, &mut outcome, 2, msg + "\n");
                return outcome;
            }
        },
        Durable::Store(path, key) => {
            if let Err(msg) = workflow::check_store(path, key.as_deref()) {
                report_failure(options, &mut outcome, 2, msg + "\n");
                return outcome;
            }
            None
        }
        _ => None,
    };
    if let Some(loaded) = resume {
        let options = RunOptions {
            path: loaded.program().to_string(),
            ..options.clone()
        };
        return run_resumed(&options, hooks, profile, loaded, None);
    }
    let source = match read_source(&options.path) {
        Ok(s) => s,
        Err((code, msg)) => {
            report_failure(options, &mut outcome, code, msg);
            return outcome;
        }
    };
    let code = match compile_module(&source, &options.path) {
        Ok(code) => code,
        Err(e) => {
            report_failure(options, &mut outcome, 1, e.render());
            return outcome;
        }
    };
    let mut vm = new_vm(options, hooks);
    // SAFETY: `vm` stays in this local until the function returns, and the watch, made after
    // it, is dropped before it.
    let _interrupts = unsafe { interrupt::Watch::new(&vm.heap) };
    vm.durable.mode = workflow::mode_for(durable, &options.path);
    vm.sources.insert(options.path.clone(), source);
    let main = vm.new_module("__main__", Some(&options.path));
    let main_key = vm.intern_static("__main__");
    let modules = vm.modules;
    let _ = vm.dict_set_str(modules, main_key, main);
    vm.permanent.push(main);
    session::start(profile);
    let result = vm.exec_module(main, &Rc::clone(&code));
    outcome.profile = session::finish();
    outcome.exit_code = match result {
        Ok(_) => 0,
        Err(_) if vm.durable.suspended.is_some() => workflow::report_suspension(&mut vm, durable),
        Err(_) => exit_code_for_exception(&mut vm).0,
    };
    finish_outcome(&mut vm, hooks, outcome)
}

/// A fresh VM for `options`: output capture, `sys.argv`, the import folder.
fn new_vm(options: &RunOptions, hooks: EvalHooks) -> Vm {
    // Counts are per thread; start from zero whatever ran here before.
    take_prediction_counts();
    let mut vm = Vm::new(hooks);
    vm.frame_pool.stats.counting = options.frame_stats;
    if options.capture {
        vm.capture_output();
    }
    vm.argv = std::iter::once(options.path.clone())
        .chain(options.args.iter().cloned())
        .collect();
    set_sys_argv(&mut vm);
    vm.main_dir = Path::new(&options.path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| ".".into());
    vm
}

/// Runs `job` on a new thread with the interpreter's stack (a worker's threads).
pub fn spawn_with_interpreter_stack<T: Send + 'static>(
    name: String,
    job: impl FnOnce() -> T + Send + 'static,
) -> std::io::Result<std::thread::JoinHandle<T>> {
    std::thread::Builder::new()
        .name(name)
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(job)
}

/// A worker's resume of a workflow it claimed, on the calling thread (made by
/// [`spawn_with_interpreter_stack`]): the program's output is captured and written to the store
/// with the run's end (`Outcome::stdout` has it too), through `store`.
pub fn run_claimed(options: &RunOptions, store: &mut Store, loaded: workflow::Loaded) -> Outcome {
    let observed = rceval_profiling::ALWAYS_OBSERVED;
    let Some(hooks) = variants::hooks_observed(&options.dispatch, &options.frames, observed) else {
        let mut outcome = Outcome::default();
        let msg = format!(
            "rceval: no variant dispatch={} frames={} in this binary\n",
            options.dispatch, options.frames
        );
        report_failure(options, &mut outcome, 2, msg);
        return outcome;
    };
    let options = RunOptions {
        path: loaded.program().to_string(),
        capture: true,
        ..options.clone()
    };
    run_resumed(
        &options,
        hooks,
        &ProfileOptions::default(),
        loaded,
        Some(store),
    )
}

/// Resumes a suspended workflow in a fresh VM and runs it to its end or next wait. With
/// `worker_store` (a worker's run), what it printed and its next snapshot are written there
/// once it has stopped, in one transaction.
fn run_resumed(
    options: &RunOptions,
    hooks: EvalHooks,
    profile: &ProfileOptions,
    loaded: workflow::Loaded,
    worker_store: Option<&mut Store>,
) -> Outcome {
    let mut outcome = Outcome::default();
    let mut vm = new_vm(options, hooks);
    // SAFETY: `vm` stays in this local until the function returns, and the watch, made after
    // it, is dropped before it.
    let _interrupts = unsafe { interrupt::Watch::new(&vm.heap) };
    let resumed = match workflow::restore(&mut vm, loaded) {
        Ok(resumed) => resumed,
        Err(msg) => {
            report_failure(options, &mut outcome, 1, msg + "\n");
            return outcome;
        }
    };
    session::start(profile);
    let ended_normally = workflow::continue_frames(&mut vm);
    outcome.profile = session::finish();
    if let Some(store) = worker_store {
        let suspended = vm.durable.suspended.is_some();
        let (code, report) = if suspended {
            (SUSPENDED_EXIT_CODE, String::new())
        } else if ended_normally {
            (0, String::new())
        } else {
            exit_code_for_exception(&mut vm)
        };
        let printed = vm.stdout.take_buffer();
        let failure = (!suspended && code != 0).then_some(report.as_str());
        outcome.exit_code = match resumed.commit(store, failure, &String::from_utf8_lossy(&printed))
        {
            Ok(()) => code,
            Err(msg) => {
                vm.stderr.write_str(&format!("rceval: {msg}\n"));
                70
            }
        };
        let mut outcome = finish_outcome(&mut vm, hooks, outcome);
        outcome.stdout = printed;
        return outcome;
    }
    outcome.exit_code = if vm.durable.suspended.is_some() {
        workflow::report_suspension(&mut vm, &Durable::Store(resumed.store.clone(), None))
    } else {
        let (code, report) = if ended_normally {
            (0, String::new())
        } else {
            exit_code_for_exception(&mut vm)
        };
        // `sys.exit(0)` is a normal end; any other uncaught exception leaves the snapshot for
        // another resume, its traceback recorded.
        let failure = (code != 0).then_some(report.as_str());
        if let Err(msg) = resumed.end(failure) {
            vm.stderr.write_str(&format!("rceval: {msg}\n"));
            code.max(1)
        } else {
            code
        }
    };
    finish_outcome(&mut vm, hooks, outcome)
}

/// Flushes the program's output and fills in the figures of a finished run.
fn finish_outcome(vm: &mut Vm, hooks: EvalHooks, mut outcome: Outcome) -> Outcome {
    if let Err(error) = vm.stdout.try_flush() {
        outcome.exit_code = report_lost_stdout(vm, &error);
    }
    vm.stderr.flush();
    outcome.stdout = vm.stdout.take_buffer();
    outcome.stderr = vm.stderr.take_buffer();
    outcome.frame_stats = vm.frame_pool.stats;
    outcome.heap_stats = vm.heap.stats;
    let counts = take_prediction_counts();
    outcome.prediction_counts = (hooks.dispatch_name == "predict").then_some(counts);
    outcome
}

pub use crate::workflow::{Durable, ResumeRequest, SUSPENDED_EXIT_CODE};

/// Publishes `vm.argv` as `sys.argv`.
fn set_sys_argv(vm: &mut Vm) {
    let items: Vec<Value> = vm.argv.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let list = vm.new_list(items);
    let sys_key = vm.intern_static("sys");
    if let Some(sys) = vm.dict_get_str(vm.modules, sys_key) {
        let argv_key = vm.intern_static("argv");
        let _ = vm.setattr(sys, argv_key, list);
    }
}

/// What an uncaught exception means for the process: `SystemExit`'s code, or a traceback on
/// stderr and status 1 (120 if stdout could not be flushed, as CPython).
/// The exit status of a program ended by an uncaught exception, and what was reported on
/// stderr about it (the traceback).
fn exit_code_for_exception(vm: &mut Vm) -> (i32, String) {
    // Flushed before the traceback so that the two interleave as the program wrote them; a
    // failure is reported after it, as CPython reports it at shutdown.
    match vm.stdout.try_flush() {
        Ok(()) => exit_code_for_uncaught(vm),
        Err(error) => {
            let (_, report) = exit_code_for_uncaught(vm);
            (report_lost_stdout(vm, &error), report)
        }
    }
}

/// CPython's report of stdout that could not be flushed at shutdown, and its exit status.
fn report_lost_stdout(vm: &mut Vm, error: &std::io::Error) -> i32 {
    let kind = match error.kind() {
        std::io::ErrorKind::BrokenPipe => "BrokenPipeError",
        _ => "OSError",
    };
    let (errno, strerror) = rceval_interp::runtime::vm::os_error_parts(error);
    vm.stderr.write_str(&format!(
        "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\
         {kind}: [Errno {errno}] {strerror}\n"
    ));
    120
}

fn exit_code_for_uncaught(vm: &mut Vm) -> (i32, String) {
    let exc = vm.take_exception();
    let system_exit = vm.exc_type(ExcKind::SystemExit);
    if vm.isinstance(exc, system_exit) {
        let args = vm
            .exception_data(exc)
            .map(|d| d.args)
            .unwrap_or(Value::None);
        let items = vm.seq_items(args);
        let code = items.first().copied().unwrap_or(Value::None);
        let code = match code {
            Value::None => 0,
            // The C `exit()` CPython calls keeps the low 8 bits on Linux: -1 exits 255.
            Value::Int(n) => (n & 0xff) as i32,
            Value::Bool(b) => b as i32,
            // An int too large for a C long becomes -1 in CPython, so 255.
            other if vm.to_pyint(other).is_some() => 255,
            other => {
                let text = vm.str(other).unwrap_or_default();
                vm.stderr.write_str(&format!("{text}\n"));
                return (1, text);
            }
        };
        let report = if code == 0 {
            String::new()
        } else {
            format!("SystemExit: {code}")
        };
        return (code, report);
    }
    let text = vm.render_traceback(exc);
    vm.stderr.write_str(&text);
    let keyboard_interrupt = vm.exc_type(ExcKind::KeyboardInterrupt);
    if vm.isinstance(exc, keyboard_interrupt) {
        // CPython then ends by SIGINT itself (`main.rs` does the same): shells see 130.
        interrupt::note_uncaught_keyboard_interrupt();
        return (EXIT_KEYBOARD_INTERRUPT, text);
    }
    (1, text)
}

/// The exit status of a program ended by an uncaught `KeyboardInterrupt`: 128 + SIGINT, what a
/// shell reports for a process killed by it, which is how the CLI then ends.
pub const EXIT_KEYBOARD_INTERRUPT: i32 = 130;

/// A program's source text, or the exit status and message of why there is none: 2 for a
/// file that cannot be read, 1 for one that cannot be decoded (a `SyntaxError`), as python3.
fn read_source(path: &str) -> Result<String, (i32, String)> {
    let bytes =
        std::fs::read(path).map_err(|e| (2, format!("rceval: can't open file '{path}': {e}\n")))?;
    rceval_interp::compiler::decode_source(&bytes, path).map_err(|msg| (1, msg))
}

/// `rceval dis FILE`: the disassembly of a program, or the exit status and message of why
/// there is none (the same as `rceval run` gives for the same file).
pub fn disassemble_file(path: &str) -> Result<String, (i32, String)> {
    let source = read_source(path)?;
    let code = compile_module(&source, path).map_err(|e| (1, e.render()))?;
    Ok(rceval_interp::dis::disassemble(&code))
}

/// The figures `--stats` prints: the frame allocator's, then the heap's.
pub fn render_stats(outcome: &Outcome, dispatch: &str, frames: &str) -> String {
    let f = &outcome.frame_stats;
    let h = &outcome.heap_stats;
    format!(
        "rceval stats (dispatch={dispatch}, frames={frames})\n\
         frames: allocated {} reused {} (zombie {}, resized {}) freed {} copied-out {}\n\
         frames: peak-live {} peak-live-bytes {} peak-reserved-bytes {}\n\
         chunks: allocated {} reused {} freed {}\n\
         arena: resets {} heap-fallbacks {}\n\
         heap: allocations {} freed {} collections {} peak-live-objects {}\n",
        f.allocated,
        f.reused,
        f.zombie_hits,
        f.resized,
        f.freed,
        f.copied_out,
        f.peak_live,
        f.peak_live_bytes,
        f.peak_reserved_bytes,
        f.chunks_allocated,
        f.chunks_reused,
        f.chunks_freed,
        f.arena_resets,
        f.heap_fallbacks,
        h.allocations,
        h.freed,
        h.collections,
        h.peak_live
    ) + &render_prediction_counts(outcome, dispatch)
}

/// The `predict` strategy's hit rate per predicted pair, or why there is none.
fn render_prediction_counts(outcome: &Outcome, dispatch: &str) -> String {
    if dispatch != "predict" {
        return String::new();
    }
    let Some(counts) = outcome
        .prediction_counts
        .as_ref()
        .filter(|_| variants::PREDICTIONS_COUNTED)
    else {
        return "predictions: not counted (build with --features predict-stats)\n".into();
    };
    let mut text = String::from("predictions: pair hits attempts hit-rate\n");
    for c in counts {
        let rate = if c.attempts == 0 {
            "-".to_string()
        } else {
            format!("{:.1}%", 100.0 * c.hits as f64 / c.attempts as f64)
        };
        text += &format!(
            "  {} -> {} {} {} {rate}\n",
            c.op.name(),
            c.predicted.name(),
            c.hits,
            c.attempts
        );
    }
    text
}
