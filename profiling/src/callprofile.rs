//! Call profile: calls counted by what was called and by the path the eval loop took, as
//! CPython's `CALL_PROFILE` (`sys.getcallstats()`).
//!
//! The kind is read off the callable on the value stack just before a `CALL_*` executes. The
//! path is observed, not inferred: a call whose callee's first instruction runs one frame
//! deeper without passing the runtime's frame entry took the eval loop's inline fast path
//! (the frame pushed in the same loop); every other call went through the runtime's general
//! `call` (builtins, classes, and Python code re-entered from native code). Calling a
//! generator function pushes no frame (it makes a generator), so it counts as general; calls
//! native code makes back into Python (`sorted(key=f)`) are not `CALL_*` instructions and are
//! not counted, but generator resumptions are, whoever resumes them.

use std::cell::RefCell;

use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::object::Object;
use rceval_interp::runtime::{Value, Vm};
use serde::{Deserialize, Serialize};

/// What a call called.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallKind {
    PythonFunction,
    BoundMethod,
    BuiltinFunction,
    BuiltinMethod,
    ClassInstantiation,
    GeneratorResume,
    Other,
}

impl CallKind {
    pub const ALL: [CallKind; 7] = [
        CallKind::PythonFunction,
        CallKind::BoundMethod,
        CallKind::BuiltinFunction,
        CallKind::BuiltinMethod,
        CallKind::ClassInstantiation,
        CallKind::GeneratorResume,
        CallKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CallKind::PythonFunction => "Python function",
            CallKind::BoundMethod => "bound method",
            CallKind::BuiltinFunction => "builtin function",
            CallKind::BuiltinMethod => "builtin method",
            CallKind::ClassInstantiation => "class instantiation",
            CallKind::GeneratorResume => "generator resume",
            CallKind::Other => "other callable",
        }
    }
}

/// How the eval loop carried a call out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallPath {
    /// The callee's frame was pushed inside the running loop (a generator's: resumed by
    /// `FOR_ITER` or `YIELD_FROM`).
    Fast,
    /// Through the runtime's `call` (and, for Python code, a new eval-loop entry).
    General,
}

/// Calls by kind and path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallCounts {
    /// `[kind][path]`, indexed as `CallKind::ALL` and `[Fast, General]`.
    counts: [[u64; 2]; 7],
}

impl CallCounts {
    pub fn record(&mut self, kind: CallKind, path: CallPath) {
        self.counts[kind as usize][path as usize] += 1;
    }

    pub fn get(&self, kind: CallKind, path: CallPath) -> u64 {
        self.counts[kind as usize][path as usize]
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().flatten().sum()
    }

    /// A table: kind, fast, general, total, share of all calls.
    pub fn render(&self) -> String {
        let total = self.total();
        let mut out = format!(
            "rceval call profile ({total} calls)\n{:<22}{:>12}{:>12}{:>12}{:>9}\n",
            "kind", "fast path", "general", "total", "share"
        );
        for kind in CallKind::ALL {
            let (fast, general) = (
                self.get(kind, CallPath::Fast),
                self.get(kind, CallPath::General),
            );
            out += &format!(
                "{:<22}{:>12}{:>12}{:>12}{:>8.2}%\n",
                kind.label(),
                fast,
                general,
                fast + general,
                percent(fast + general, total)
            );
        }
        out
    }
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// The kind of calling `callable`.
pub fn classify(vm: &Vm, callable: Value) -> CallKind {
    let Value::Obj(r) = callable else {
        return CallKind::Other;
    };
    match vm.heap.get(r) {
        Object::Function(_) => CallKind::PythonFunction,
        Object::BoundMethod { .. } => CallKind::BoundMethod,
        Object::Builtin(b) if b.this.is_null() => CallKind::BuiltinFunction,
        Object::Builtin(_) => CallKind::BuiltinMethod,
        Object::Type(_) => CallKind::ClassInstantiation,
        _ => CallKind::Other,
    }
}

/// The callable a `CALL_*` instruction is about to call, read off the value stack.
pub fn callable_of(vm: &Vm, op: Opcode, arg: u32) -> Option<Value> {
    let f = vm.frames.last()?;
    let n = arg as usize;
    let depth = match op {
        Opcode::CallFunction => n + 1,
        Opcode::CallFunctionKw => n + 2,
        Opcode::CallFunctionEx => 2 + (arg & 1) as usize,
        Opcode::CallMethod => {
            let method = f.peek(n + 2);
            return Some(if method.is_null() {
                f.peek(n + 1)
            } else {
                method
            });
        }
        _ => return None,
    };
    (f.stack_len() >= depth).then(|| f.peek(depth))
}

struct Pending {
    kind: CallKind,
    depth: usize,
}

struct State {
    counts: CallCounts,
    pending: Option<Pending>,
    /// The runtime's frame entry ran since the pending call started.
    entered: bool,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

pub(crate) fn start() {
    STATE.with(|s| {
        *s.borrow_mut() = Some(State {
            counts: CallCounts::default(),
            pending: None,
            entered: false,
        })
    });
}

pub(crate) fn finish() -> Option<CallCounts> {
    STATE.with(|s| {
        s.borrow_mut().take().map(|mut state| {
            settle(&mut state, usize::MAX);
            state.counts
        })
    })
}

/// Records the pending call's path now that the instruction after it is about to run at
/// frame depth `depth`.
fn settle(state: &mut State, depth: usize) {
    if let Some(pending) = state.pending.take() {
        let fast = !state.entered && depth == pending.depth + 1;
        let path = if fast {
            CallPath::Fast
        } else {
            CallPath::General
        };
        state.counts.record(pending.kind, path);
    }
}

#[cfg(feature = "callprofile")]
pub(crate) fn before_instruction(vm: &Vm, op: Opcode, arg: u32) {
    STATE.with(|s| {
        let mut guard = s.borrow_mut();
        let Some(state) = guard.as_mut() else { return };
        let depth = vm.frames.len();
        settle(state, depth);
        if let Some(callable) = callable_of(vm, op, arg) {
            state.pending = Some(Pending {
                kind: classify(vm, callable),
                depth,
            });
            state.entered = false;
        }
    });
}

/// A generator resumed by `FOR_ITER` or `YIELD_FROM` inside the loop: the fast path.
#[cfg(feature = "callprofile")]
pub(crate) fn generator_resumed_inline() {
    STATE.with(|s| {
        if let Some(state) = s.borrow_mut().as_mut() {
            state
                .counts
                .record(CallKind::GeneratorResume, CallPath::Fast);
        }
    });
}

#[cfg(feature = "callprofile")]
pub(crate) fn frame_entered(vm: &Vm) {
    STATE.with(|s| {
        let mut guard = s.borrow_mut();
        let Some(state) = guard.as_mut() else { return };
        state.entered = true;
        // Starting a generator counts too: it is resuming it at its first instruction.
        if vm.frames.last().is_some_and(|f| f.generator().is_some()) {
            state
                .counts
                .record(CallKind::GeneratorResume, CallPath::General);
        }
    });
}
