//! Traceback objects (`exc.__traceback__`, `sys.exc_info()[2]`). An exception records one
//! [`TracebackEntry`](crate::runtime::object::TracebackEntry) per frame it passes (with that
//! frame's frame object, as CPython's `PyTraceBack_Here`); the linked `traceback` objects are
//! made from those entries only when Python code asks, and kept in them so that identity holds
//! (`e.__traceback__ is e.__traceback__`).

use crate::runtime::object::Object;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;

/// A `traceback` object: one frame of an exception's path, outermost first along `tb_next`.
#[derive(Debug)]
pub struct TracebackObject {
    /// `tb_frame`.
    pub frame: Value,
    /// `tb_lineno`: the line executing in that frame when the exception passed.
    pub lineno: u32,
    /// The instruction index executing then (`tb_lasti` is twice this, a byte offset).
    pub lasti: u32,
    /// `tb_next`: the next frame inwards (towards where it was raised), or `None`.
    pub next: Value,
}

/// `exc.__traceback__`: the outermost traceback object, or `None` if the exception has not
/// been raised.
pub fn traceback_of(vm: &mut Vm, exc: Value) -> Value {
    let entries: Vec<(Value, u32, u32, Value)> = match vm.exception_data(exc) {
        Some(d) => d
            .traceback
            .iter()
            .map(|e| (e.frame, e.line, e.lasti, e.tb))
            .collect(),
        None => return Value::None,
    };
    let mut next = Value::None;
    let mut made = Vec::new();
    for (i, &(frame, lineno, lasti, tb)) in entries.iter().enumerate() {
        if tb.is_null() {
            let tb = vm.alloc(Object::Traceback(Box::new(TracebackObject {
                frame,
                lineno,
                lasti,
                next,
            })));
            made.push((i, tb));
            next = tb;
        } else {
            next = tb;
        }
    }
    if let Some(d) = vm.exception_data_mut(exc) {
        for (i, tb) in made {
            if let Some(entry) = d.traceback.get_mut(i) {
                entry.tb = tb;
            }
        }
    }
    next
}

/// Attributes of a traceback object.
pub fn traceback_attr(vm: &Vm, r: ObjRef, name: &str) -> Option<Value> {
    let Object::Traceback(tb) = vm.heap.get(r) else {
        return None;
    };
    Some(match name {
        "tb_frame" => tb.frame,
        "tb_lineno" => Value::Int(i64::from(tb.lineno)),
        "tb_lasti" => Value::Int(2 * i64::from(tb.lasti)),
        "tb_next" => tb.next,
        _ => return None,
    })
}
