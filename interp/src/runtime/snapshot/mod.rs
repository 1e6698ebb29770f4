//! Suspending a running program to data and resuming it in another process (`durable.wait`).
//!
//! - [`format`]: the snapshot as serde data;
//! - [`names`]: names for the objects the binary makes itself (built-ins, native modules);
//! - [`codes`]: code identity by content hash;
//! - [`save`]: the walk that captures a VM inside `durable.wait`;
//! - [`load`]: rebuilding that state in a fresh VM;
//! - [`validate`]: what a snapshot must satisfy before it is run (a hand-edited one may not);
//! - [`migrate`]: finding the suspended code again in recompiled (maybe edited) sources.
//!
//! The store the snapshot goes to is the embedder's business ([`SnapshotSink`]); `rceval`
//! keeps them in SQLite.

pub mod codes;
pub mod format;
pub mod load;
pub mod migrate;
pub mod names;
pub mod save;
pub mod validate;

use std::collections::VecDeque;

use crate::runtime::object::GenKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
use crate::runtime::{ExcKind, PyResult};

/// Where a program waits: what `rceval` reports and `workflows` lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitPoint {
    /// The name passed to `durable.wait`.
    pub name: String,
    pub filename: String,
    pub line: u32,
    pub function: String,
}

/// Where snapshots go: called once per `durable.wait`, inside which it must either store the
/// snapshot durably (one transaction) or fail without a trace. Returns the id the stored
/// program can be resumed by.
pub trait SnapshotSink {
    fn save(&mut self, point: &WaitPoint, snapshot: &[u8]) -> Result<String, String>;
}

/// What `durable.wait` does in this run.
#[derive(Default)]
pub enum DurableMode {
    /// No store: `wait` raises `RuntimeError`.
    #[default]
    Off,
    /// `wait` returns these values in order (`rceval run --send-values`): the uninterrupted
    /// run a suspended-and-resumed one is compared with.
    Replay(VecDeque<serde_json::Value>),
    /// `wait` saves the program to the sink and stops it.
    Store {
        sink: Box<dyn SnapshotSink>,
        /// The main program's path, recorded in the snapshot.
        program: String,
    },
}

/// The VM's `durable` state.
#[derive(Default)]
pub struct DurableState {
    pub mode: DurableMode,
    /// Set once a snapshot is stored: the eval loop then stops without unwinding.
    pub suspended: Option<WaitPoint>,
    /// The id the sink stored the program under.
    pub saved_as: Option<String>,
}

/// A JSON value as a Python one: null, booleans, numbers, strings, arrays (lists) and objects
/// (dicts with str keys).
pub fn json_to_value(vm: &mut Vm, json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::None,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::Int(i)
            } else if let Some(u) = n.as_u64() {
                vm.new_int(u.into())
            } else {
                Value::Float(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        serde_json::Value::String(s) => vm.new_str(s.as_str()),
        serde_json::Value::Array(items) => {
            let values: Vec<Value> = items.iter().map(|i| json_to_value(vm, i)).collect();
            vm.new_list(values)
        }
        serde_json::Value::Object(map) => {
            let dict = vm.new_dict();
            for (k, v) in map {
                // Keep the half-built dict rooted while its values are made.
                vm.temp_roots.push(dict);
                let key = vm.new_str(k.as_str());
                vm.temp_roots.push(key);
                let value = json_to_value(vm, v);
                vm.temp_roots.truncate(vm.temp_roots.len() - 2);
                let _ = vm.setitem(dict, key, value);
            }
            dict
        }
    }
}

/// `durable.wait(name)`'s work once the VM knows the call came straight from Python code:
/// `consumed` is how many value-stack slots the call's operands take in the top frame.
pub fn wait(vm: &mut Vm, name: String, consumed: u32) -> PyResult<Value> {
    match &mut vm.durable.mode {
        DurableMode::Off => vm.err(
            ExcKind::RuntimeError,
            format!(
                "durable.wait({name:?}): this program runs without a store; \
                 run it with `rceval run --store FILE.db PROGRAM.py` to suspend it here"
            ),
        ),
        DurableMode::Replay(values) => match values.pop_front() {
            Some(json) => Ok(json_to_value(vm, &json)),
            None => vm.err(
                ExcKind::RuntimeError,
                format!("durable.wait({name:?}): no value left in --send-values"),
            ),
        },
        DurableMode::Store { .. } => suspend(vm, name, consumed),
    }
}

fn suspend(vm: &mut Vm, name: String, consumed: u32) -> PyResult<Value> {
    if let Err(msg) = check_suspendable(vm) {
        return vm.err(
            ExcKind::RuntimeError,
            format!("durable.wait({name:?}): {msg}"),
        );
    }
    let DurableMode::Store { program, .. } = &vm.durable.mode else {
        unreachable!("suspend is only called with a store")
    };
    let program = program.clone();
    let snapshot = match save::capture(vm, &program, consumed) {
        Ok(s) => s,
        Err(msg) => {
            let msg = format!("durable.wait({name:?}): {msg}; nothing was saved");
            return vm.err(ExcKind::RuntimeError, msg);
        }
    };
    let top = vm.frames.last().expect("wait is called from a frame");
    let point = WaitPoint {
        name,
        filename: top.code.code.filename.to_string(),
        line: top.line(),
        function: top.code.code.qualname.to_string(),
    };
    let bytes = match serde_json::to_vec(&snapshot) {
        Ok(b) => b,
        Err(e) => return vm.err(ExcKind::RuntimeError, format!("durable.wait: {e}")),
    };
    let DurableMode::Store { sink, .. } = &mut vm.durable.mode else {
        unreachable!("checked above")
    };
    match sink.save(&point, &bytes) {
        Ok(id) => vm.durable.saved_as = Some(id),
        Err(msg) => {
            let msg = format!("durable.wait({:?}): {msg}; nothing was saved", point.name);
            return vm.err(ExcKind::OSError, msg);
        }
    }
    // Stop the eval loop where it stands: the raise below reaches the loop's epilogue, which
    // sees the suspension and returns without unwinding a single frame.
    vm.durable.suspended = Some(point);
    Err(crate::runtime::Raised)
}

/// Only plain Python-to-Python calls may be on the stack: a frame entered from native code
/// (a callback from a builtin, a generator being iterated, a module being imported) has host
/// frames under it that no snapshot can hold.
fn check_suspendable(vm: &Vm) -> Result<(), String> {
    for frame in vm.frames.iter().skip(1).rev() {
        if frame.is_inline_resume() {
            let kind = frame.generator().and_then(|g| vm.gen_kind(Value::Obj(g)));
            let noun = if kind == Some(GenKind::Coroutine) {
                "coroutine"
            } else {
                "generator"
            };
            return Err(format!(
                "cannot suspend: {} is a {noun} being run by the frame below it \
                 (a for loop, `yield from` or `await`), whose resumption a snapshot cannot hold; \
                 only Python-to-Python calls can be saved",
                save::describe_frame(frame)
            ));
        }
        if frame.is_entry() {
            let kind = frame.generator().and_then(|g| vm.gen_kind(Value::Obj(g)));
            let how = if kind == Some(GenKind::Coroutine) {
                "is a coroutine being run by native code (send(), an event loop)"
            } else if kind == Some(GenKind::AsyncGenerator) {
                "is an async generator being run by native code (asend(), an event loop)"
            } else if kind.is_some() {
                "is a generator being run by native code (next(), a for loop, send())"
            } else {
                "was called from native code (a builtin calling back into Python, or an import)"
            };
            return Err(format!(
                "cannot suspend: {} {how}; only Python-to-Python calls can be saved",
                save::describe_frame(frame)
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
