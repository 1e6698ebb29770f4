//! lltrace: CPython 3.11's low-level trace (`LLTRACE` builds), in its format, so the two traces
//! of one program can be compared line by line:
//!
//! ```text
//!
//! Resuming frame for 'f' in module '__main__'
//!     stack=[]
//! 0: LOAD_FAST 0
//!     stack=[1]
//! 2: RETURN_VALUE
//! ```
//!
//! A frame is traced when its globals hold a true `__lltrace__` (CPython 3.11 checks on each
//! frame start and each resumption of a caller) or when `--lltrace` forces it for every
//! frame. Offsets are in bytes and the argument is the instruction's own byte, as 3.11 prints
//! them (so an `EXTENDED_ARG` and the instruction it extends each show their byte).
//!
//! The instruction sets differ (rceval's is CPython 3.10's), so the opcode lines differ where
//! the bytecode does; the frame and stack lines match.
//!
//! What the eval loop pays: the decision is taken where the running frame changes, not per
//! instruction. The loop reports every change ([`crate::observer::Observer::frame_switched`]:
//! calls, returns, generator resumptions and yields, exceptions caught in a caller, nested
//! eval-loop invocations starting and ending), so before each instruction it reads one
//! thread-local flag, `NEXT`, `Nothing` while an untraced frame runs.
//!
//! At a switch, a frame whose globals were last seen without `__lltrace__`, unchanged since,
//! is untraced at once: the common case (no module traced) costs a version check per call
//! and return (about 35 host instructions) and no dictionary lookup. Anything else marks the decision as due, and it is taken
//! before the next instruction, for the frame that runs it: after a nested invocation ends,
//! native code may start other frames before the caller's frame runs again, so deciding then
//! prints one `Resuming frame` line per frame start or resumption and none for a frame that
//! never ran.

use std::cell::Cell;

use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::object::Object;
use rceval_interp::runtime::{ObjRef, Value, Vm};

thread_local! {
    /// Trace every frame (`--lltrace`).
    static FORCED: Cell<bool> = const { Cell::new(false) };
    /// What the next instruction needs: the one flag the hot path reads.
    static NEXT: Cell<Next> = const { Cell::new(Next::Nothing) };
    /// Set while reprs of the stack run (they may run Python code, which is not traced).
    static RENDERING: Cell<bool> = const { Cell::new(false) };
    /// `EXTENDED_ARG` prefixes of the current instruction already traced.
    static PREFIXES_SEEN: Cell<u32> = const { Cell::new(0) };
    /// The globals dict last found without `__lltrace__`.
    static ABSENT_IN: Cell<AbsentIn> = const { Cell::new(AbsentIn::NONE) };
}

/// What the next instruction needs from this module.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Next {
    /// Its frame is untraced.
    Nothing,
    /// The running frame changed; decide whether it is traced.
    Decision,
    /// Its frame is traced.
    Trace,
}

/// A globals dict found without `__lltrace__`, with its version and the heap's collection
/// count then. While all three hold, the dict still lacks the key: adding a key bumps the
/// version, and a dict's handle is reused only after a collection.
#[derive(Clone, Copy)]
struct AbsentIn {
    globals: u32,
    version: u64,
    collections: u64,
}

impl AbsentIn {
    const NONE: AbsentIn = AbsentIn {
        globals: u32::MAX,
        version: 0,
        collections: 0,
    };
}

pub(crate) fn start(forced: bool) {
    FORCED.set(forced);
    NEXT.set(Next::Nothing);
    ABSENT_IN.set(AbsentIn::NONE);
}

pub(crate) fn finish() {
    start(false);
}

/// The one check the hot path pays.
#[inline(always)]
pub(crate) fn before_instruction(vm: &mut Vm, op: Opcode, arg: u32) {
    if NEXT.get() != Next::Nothing {
        attend(vm, op, arg);
    }
}

/// The running frame changed: it is untraced if its globals are known to lack `__lltrace__`;
/// otherwise decide before the next instruction.
#[inline(always)]
pub(crate) fn frame_switched(vm: &Vm) {
    NEXT.set(if known_untraced(vm) {
        Next::Nothing
    } else {
        Next::Decision
    });
}

/// Whether the frame on top runs with the globals last found without `__lltrace__`, unchanged
/// since (never true under `--lltrace`, which looks nothing up).
#[inline(always)]
fn known_untraced(vm: &Vm) -> bool {
    let absent = ABSENT_IN.get();
    let Some(frame) = vm.frames.last() else {
        return false;
    };
    if frame.globals.0 != absent.globals {
        return false;
    }
    match vm.heap.get(frame.globals) {
        Object::Dict(dict) => {
            dict.version == absent.version && vm.heap.stats.collections == absent.collections
        }
        _ => false,
    }
}

#[cold]
#[inline(never)]
fn attend(vm: &mut Vm, op: Opcode, arg: u32) {
    let mut next = NEXT.get();
    if next == Next::Decision {
        next = decide(vm);
        NEXT.set(next);
    }
    if next == Next::Trace {
        trace_instruction(vm, op, arg);
    }
}

/// Decides whether the running frame is traced, announcing it if so.
fn decide(vm: &mut Vm) -> Next {
    if RENDERING.get() || !(FORCED.get() || globals_ask_for_trace(vm)) {
        return Next::Nothing;
    }
    let line = resume_line(vm);
    vm.stdout.write_str(&line);
    Next::Trace
}

/// Whether the running frame's globals hold a true `__lltrace__`.
fn globals_ask_for_trace(vm: &mut Vm) -> bool {
    let globals = vm.frames.last().expect("a running frame").globals;
    let key = vm.intern("__lltrace__");
    let Some(value) = vm.dict_get_str(globals, key) else {
        remember_absent(vm, globals);
        return false;
    };
    untraced(|| {
        vm.truthy(value).unwrap_or_else(|_| {
            vm.take_exception();
            false
        })
    })
}

fn remember_absent(vm: &Vm, globals: ObjRef) {
    if let Object::Dict(dict) = vm.heap.get(globals) {
        ABSENT_IN.set(AbsentIn {
            globals: globals.0,
            version: dict.version,
            collections: vm.heap.stats.collections,
        });
    }
}

/// `\nResuming frame for 'QUALNAME' in module 'MODULE'\n`, as `lltrace_resume_frame`.
fn resume_line(vm: &mut Vm) -> String {
    let frame = vm.frames.last().expect("a running frame");
    let (qualname, globals) = (frame.code.code.qualname.to_string(), frame.globals);
    let name_key = vm.intern("__name__");
    let module = vm.dict_get_str(globals, name_key);
    let qualname = vm.new_str(qualname);
    let mut line = format!("\nResuming frame for {}", repr_or_placeholder(vm, qualname));
    if let Some(module) = module {
        line += &format!(" in module {}", repr_or_placeholder(vm, module));
    }
    line.push('\n');
    line
}

fn trace_instruction(vm: &mut Vm, op: Opcode, arg: u32) {
    let _ = arg;
    let frame = vm.frames.last().expect("a running frame");
    let code = &frame.code.code.code;
    let main_index = frame.lasti as usize;
    let index = if op == Opcode::ExtendedArg {
        let prefixes = (1..=main_index)
            .take_while(|&k| code[2 * (main_index - k)] == Opcode::ExtendedArg as u8)
            .count();
        let seen = PREFIXES_SEEN.with(|p| p.replace(p.get() + 1)) as usize;
        main_index - prefixes + seen
    } else {
        PREFIXES_SEEN.with(|p| p.set(0));
        main_index
    };
    let raw_arg = code[2 * index + 1];
    let stack: Vec<Value> = frame.top_n(frame.stack_len()).to_vec();
    let items: Vec<String> = stack
        .into_iter()
        .map(|v| repr_or_placeholder(vm, v))
        .collect();
    let mut text = format!("    stack=[{}]\n", items.join(", "));
    if op.has_arg() {
        text += &format!("{}: {} {}\n", index * 2, op.name(), raw_arg);
    } else {
        text += &format!("{}: {}\n", index * 2, op.name());
    }
    vm.stdout.write_str(&text);
}

/// `repr(value)`, `<nil>` for an empty slot (as `PyObject_Print(NULL)`), or CPython's
/// placeholder when `repr` raises.
fn repr_or_placeholder(vm: &mut Vm, value: Value) -> String {
    if value.is_null() {
        return "<nil>".to_string();
    }
    untraced(|| match vm.repr(value) {
        Ok(text) => text,
        Err(_) => {
            vm.take_exception();
            format!("<{} object>", vm.type_name(value))
        }
    })
}

/// Runs `work` (which may run Python code) untraced, then puts the trace state back: the
/// frames `work` ran are over, so coming back is not a resumption of the traced frame.
fn untraced<T>(work: impl FnOnce() -> T) -> T {
    let was_rendering = RENDERING.replace(true);
    let next = NEXT.get();
    let result = work();
    NEXT.set(next);
    RENDERING.set(was_rendering);
    result
}
