//! Frames as data for Python code: frame objects, `f_locals` proxies, code objects' attributes
//! and traceback objects.
//!
//! **Laziness.** A frame record ([`crate::runtime::Frame`]) knows nothing of Python-visible
//! frame objects until one is asked for (`sys._getframe()`, `inspect`, `gi_frame`, or an
//! exception passing through the frame, which records it as its traceback's `tb_frame`, as
//! CPython does). Asking links the record to a new [`FrameObject`] through the header
//! ([`crate::runtime::frame::FrameHeader::frame_object`]) and sets one bit in the header's
//! `exit_flags` byte, the byte the return path already tests for entry frames: a frame without
//! a frame object returns exactly as before (no extra instruction).
//!
//! **Finding a live frame.** A frame object does not point at its record (records move
//! between allocators and are reused); the record names its object. A live frame is found
//! on the VM's frame stack (scanning down from the top for the record naming the object) or,
//! for a suspended generator, in the generator named by the object.
//!
//! **Outliving the frame.** When a frame with a frame object ends (return, exception, a
//! generator finishing or being closed), [`frame_ended`] copies its variables (locals, cells,
//! frees), its last instruction and its caller's frame object into the object
//! ([`FinishedFrame`]), as CPython's `take_ownership` does; the object then answers from that copy.
//!
//! **`f_lasti` and `tb_lasti`** are byte offsets into rceval's own wordcode (2 × the
//! instruction index, CPython 3.10's convention; the instruction set is 3.10's, so the numbers
//! are not CPython 3.11's), and -1 for a frame that has not started.
//!
//! **`f_locals`** follows PEP 667 (CPython 3.13): for a function frame it is a
//! `FrameLocalsProxy` whose reads and writes go to the frame's own variables (cells included)
//! while it runs, and to the copy once it has ended; names that are not variables of the code
//! live in the frame object's extra-locals dict. Module and class-body frames return their
//! locals dict itself.
//!
//! For snapshotting VM state: a live frame object is fully described by its fields plus the
//! header link of its record; a finished one by its fields alone (all plain values and a code
//! unit).

mod code_object;
pub(crate) mod frame_object;
mod locals_proxy;
mod traceback;

pub use code_object::{code_attr, code_object};
pub use frame_object::{
    FinishedFrame, FrameObject, frame_attr, frame_ended, frame_object_at, generator_frame,
    get_frame,
};
pub use locals_proxy::{
    locals_contains, locals_delitem, locals_getitem, locals_items, locals_len, locals_method,
    locals_repr, locals_setitem,
};
pub use traceback::{TracebackObject, traceback_attr, traceback_of};

use super::types::ExcKind;
use super::value::Value;
use super::vm::Vm;
use super::{Kwargs, PyResult};

/// Registers the `globals()`/`locals()` builtins.
pub fn install(vm: &mut Vm) {
    vm.add_builtin("globals", globals);
    vm.add_builtin("locals", locals);
}

fn no_arguments(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<()> {
    if args.is_empty() {
        return Ok(());
    }
    let msg = format!("{name}() takes no arguments ({} given)", args.len());
    vm.err(ExcKind::TypeError, msg)
}

/// `globals()`: the running Python frame's globals.
fn globals(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    no_arguments(vm, args, "globals")?;
    match vm.frames.last() {
        Some(f) => Ok(Value::Obj(f.globals)),
        None => vm.err(ExcKind::SystemError, "globals(): no running frame"),
    }
}

/// `locals()`: the locals dict of a module or class body; for a function, a new dict of its
/// bound variables (a snapshot, as PEP 667 specifies; writes to it do not reach the frame).
fn locals(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    no_arguments(vm, args, "locals")?;
    let Some(index) = vm.frames.len().checked_sub(1) else {
        return vm.err(ExcKind::SystemError, "locals(): no running frame");
    };
    let dict = vm.frames[index].locals;
    if !dict.is_null() {
        return Ok(dict);
    }
    let fobj = frame_object_at(vm, index);
    let items = locals_items(vm, fobj)?;
    let snapshot = vm.new_dict();
    let d = snapshot.as_obj().expect("a new dict");
    vm.temp_roots.push(snapshot);
    let filled = items
        .into_iter()
        .try_for_each(|(k, v)| vm.table_insert(d, k, v));
    vm.temp_roots.pop();
    filled.map(|()| snapshot)
}
