//! The runtime: values, the heap and its collector, objects, frames and their allocators, and
//! the operations and built-ins the eval loop calls. The eval loop itself lives in
//! `rceval-dispatch` and is installed into the VM through [`vm::EvalHooks`] (as PEP 523 lets
//! CPython swap its frame evaluator), so native code that calls back into Python never depends
//! on a particular dispatch strategy.

pub mod attrs;
pub mod builtins;
pub mod call;
pub mod class_builder;
pub mod coro;
pub mod dict;
pub mod exceptions;
pub mod fallible;
pub mod frame;
pub mod global_cache;
pub mod heap;
pub mod import;
pub mod instance_dict;
pub mod interrupt;
pub mod introspect;
pub mod iter;
pub mod modules;
pub mod object;
pub mod ops;
pub mod repr;
pub mod snapshot;
pub mod type_cache;
pub mod types;
pub mod value;
pub mod vm;

pub use frame::{
    ArenaFrames, DataStack311Frames, DataStackFrames, Frame, FrameAllocator, FrameBox, FramePool,
    FreeListFrames, HeapFrames, ZombieFrames,
};
pub use object::Object;
pub use types::ExcKind;
pub use value::{ObjRef, Value};
pub use vm::Vm;

/// An exception was raised; it is stored in [`Vm::exception`]. Keeping the exception in VM state
/// keeps every handler's result register-sized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raised;

pub type PyResult<T> = Result<T, Raised>;

/// Keyword arguments of a call: `(name as a str value, value)` pairs.
pub type Kwargs<'a> = &'a [(Value, Value)];
