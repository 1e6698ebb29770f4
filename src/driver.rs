//! Running a program end to end: read, compile, execute in a fresh VM on a thread with a large
//! stack, and report the outcome the way `python3` does (exit status, traceback on stderr).

use std::path::Path;
use std::rc::Rc;

use rceval_dispatch::variants;
use rceval_interp::compiler::compile_module;
use rceval_interp::runtime::frame::FrameStats;
use rceval_interp::runtime::heap::HeapStats;
use rceval_interp::runtime::{ExcKind, Value, Vm};
use rceval_profiling::session::{self, Collected, ProfileOptions};

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
}

#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub exit_code: i32,
    /// Captured output (empty unless `capture` was set).
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub frame_stats: FrameStats,
    pub heap_stats: HeapStats,
    /// What the observers the run switched on recorded.
    pub profile: Collected,
}

/// Runs a program on its own thread (so its stack size is ours to choose).
pub fn run(options: RunOptions) -> Outcome {
    run_profiled(options, ProfileOptions::default())
}

/// Runs a program with the observers `profile` switches on; what they recorded comes back in
/// [`Outcome::profile`]. An option this build has no observer for fails the run (exit 2)
/// with a message naming the cargo feature to build with.
pub fn run_profiled(options: RunOptions, profile: ProfileOptions) -> Outcome {
    let worker = std::thread::Builder::new()
        .name("rceval".into())
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(move || run_on_this_thread(&options, &profile));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(outcome)) => outcome,
        _ => Outcome {
            exit_code: 70,
            stderr: b"rceval: internal error: the interpreter thread failed\n".to_vec(),
            ..Outcome::default()
        },
    }
}

fn run_on_this_thread(options: &RunOptions, profile: &ProfileOptions) -> Outcome {
    let mut outcome = Outcome::default();
    let fail = |outcome: &mut Outcome, code: i32, msg: String| {
        if options.capture {
            outcome.stderr.extend_from_slice(msg.as_bytes());
        } else {
            eprint!("{msg}");
        }
        outcome.exit_code = code;
    };
    let source = match std::fs::read_to_string(&options.path) {
        Ok(s) => s,
        Err(e) => {
            let msg = format!("rceval: can't open file '{}': {e}\n", options.path);
            fail(&mut outcome, 2, msg);
            return outcome;
        }
    };
    let code = match compile_module(&source, &options.path) {
        Ok(code) => code,
        Err(e) => {
            fail(&mut outcome, 1, e.render());
            return outcome;
        }
    };
    if let Err(msg) = profile.check_available() {
        fail(&mut outcome, 2, msg);
        return outcome;
    }
    let observed = rceval_profiling::ALWAYS_OBSERVED || profile.any();
    let Some(hooks) = variants::hooks_observed(&options.dispatch, &options.frames, observed) else {
        let msg = format!(
            "rceval: no variant dispatch={} frames={} in this binary\n",
            options.dispatch, options.frames
        );
        fail(&mut outcome, 2, msg);
        return outcome;
    };
    let mut vm = Vm::new(hooks);
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
    vm.sources.insert(options.path.clone(), source);
    let main = vm.new_module("__main__", Some(&options.path));
    let main_key = vm.intern("__main__");
    let modules = vm.modules;
    let _ = vm.dict_set_str(modules, main_key, main);
    vm.permanent.push(main);
    session::start(profile);
    let result = vm.exec_module(main, &Rc::clone(&code));
    outcome.profile = session::finish();
    outcome.exit_code = match result {
        Ok(_) => 0,
        Err(_) => exit_code_for_exception(&mut vm),
    };
    vm.stdout.flush();
    vm.stderr.flush();
    outcome.stdout = vm.stdout.take_buffer();
    outcome.stderr = vm.stderr.take_buffer();
    outcome.frame_stats = vm.frame_pool.stats;
    outcome.heap_stats = vm.heap.stats;
    outcome
}

/// Publishes `vm.argv` as `sys.argv`.
fn set_sys_argv(vm: &mut Vm) {
    let items: Vec<Value> = vm.argv.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let list = vm.new_list(items);
    let sys_key = vm.intern("sys");
    if let Some(sys) = vm.dict_get_str(vm.modules, sys_key) {
        let argv_key = vm.intern("argv");
        let _ = vm.setattr(sys, argv_key, list);
    }
}

/// What an uncaught exception means for the process: `SystemExit`'s code, or a traceback on
/// stderr and status 1.
fn exit_code_for_exception(vm: &mut Vm) -> i32 {
    let exc = vm.take_exception();
    vm.stdout.flush();
    let system_exit = vm.exc_type(ExcKind::SystemExit);
    if vm.isinstance(exc, system_exit) {
        let args = vm
            .exception_data(exc)
            .map(|d| d.args)
            .unwrap_or(Value::None);
        let items = vm.seq_items(args);
        let code = items.first().copied().unwrap_or(Value::None);
        return match code {
            Value::None => 0,
            Value::Int(n) => n as i32,
            Value::Bool(b) => b as i32,
            other => {
                let text = vm.str(other).unwrap_or_default();
                vm.stderr.write_str(&format!("{text}\n"));
                1
            }
        };
    }
    let text = vm.render_traceback(exc);
    vm.stderr.write_str(&text);
    1
}

/// `rceval dis FILE`: the disassembly of a program, or its syntax error.
pub fn disassemble_file(path: &str) -> Result<String, String> {
    let source = std::fs::read_to_string(path)
        .map_err(|e| format!("rceval: can't open file '{path}': {e}\n"))?;
    let code = compile_module(&source, path).map_err(|e| e.render())?;
    Ok(rceval_interp::dis::disassemble(&code))
}

/// The figures `--stats` prints.
pub fn render_stats(outcome: &Outcome, dispatch: &str, frames: &str) -> String {
    let f = &outcome.frame_stats;
    let h = &outcome.heap_stats;
    format!(
        "rceval stats (dispatch={dispatch}, frames={frames})\n\
         frames: allocated {} reused {} freed {} peak-live {} peak-bytes {}\n\
         heap: allocations {} freed {} collections {} peak-live-objects {}\n",
        f.allocated,
        f.reused,
        f.freed,
        f.peak_live,
        f.peak_bytes,
        h.allocations,
        h.freed,
        h.collections,
        h.peak_live
    )
}
