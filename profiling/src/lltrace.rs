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

use std::cell::Cell;

use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::{Frame, Value, Vm};

thread_local! {
    /// Trace every frame (`--lltrace`).
    static FORCED: Cell<bool> = const { Cell::new(false) };
    /// The frame the last traced-or-not decision was made for.
    static CURRENT: Cell<*const ()> = const { Cell::new(std::ptr::null()) };
    static TRACING: Cell<bool> = const { Cell::new(false) };
    /// Set while reprs of the stack run (they may run Python code, which is not traced).
    static RENDERING: Cell<bool> = const { Cell::new(false) };
    /// `EXTENDED_ARG` prefixes of the current instruction already traced.
    static PREFIXES_SEEN: Cell<u32> = const { Cell::new(0) };
}

pub(crate) fn start(forced: bool) {
    FORCED.with(|f| f.set(forced));
    CURRENT.with(|c| c.set(std::ptr::null()));
    TRACING.with(|t| t.set(false));
}

pub(crate) fn finish() {
    FORCED.with(|f| f.set(false));
    CURRENT.with(|c| c.set(std::ptr::null()));
}

#[inline(always)]
pub(crate) fn before_instruction(vm: &mut Vm, op: Opcode, arg: u32) {
    let Some(frame) = vm.frames.last() else {
        return;
    };
    // Only the address matters (frames are unsized records; keep the thin part).
    let frame_ptr: *const () = (&**frame as *const Frame).cast();
    // The one check the hot path pays: did control reach another frame? Frames are boxed and
    // a frame's box is live while it runs, so its address identifies it.
    if CURRENT.with(|c| c.replace(frame_ptr)) != frame_ptr {
        frame_changed(vm);
    }
    if TRACING.with(Cell::get) {
        trace_instruction(vm, op, arg);
    }
}

#[cold]
fn frame_changed(vm: &mut Vm) {
    if RENDERING.with(Cell::get) {
        TRACING.with(|t| t.set(false));
        return;
    }
    let on = FORCED.with(Cell::get) || globals_ask_for_trace(vm);
    TRACING.with(|t| t.set(on));
    if on {
        let line = resume_line(vm);
        vm.stdout.write_str(&line);
    }
}

/// Whether the running frame's globals hold a true `__lltrace__`.
fn globals_ask_for_trace(vm: &mut Vm) -> bool {
    let globals = vm.frames.last().expect("a running frame").globals;
    let key = vm.intern("__lltrace__");
    let Some(value) = vm.dict_get_str(globals, key) else {
        return false;
    };
    untraced(|| {
        vm.truthy(value).unwrap_or_else(|_| {
            vm.take_exception();
            false
        })
    })
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
    let was_rendering = RENDERING.with(|r| r.replace(true));
    let (current, tracing) = (CURRENT.with(Cell::get), TRACING.with(Cell::get));
    let result = work();
    CURRENT.with(|c| c.set(current));
    TRACING.with(|t| t.set(tracing));
    RENDERING.with(|r| r.set(was_rendering));
    result
}
