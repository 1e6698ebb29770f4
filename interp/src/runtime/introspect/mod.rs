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
    locals_contains, locals_delitem, locals_getitem, locals_items, locals_len, locals_repr,
    locals_setitem,
};
pub use traceback::{TracebackObject, traceback_attr, traceback_of};

use super::vm::Vm;

/// Registers the methods of the introspection types.
pub fn install(vm: &mut Vm) {
    locals_proxy::install(vm);
}
