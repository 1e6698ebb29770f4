//! Built-in functions, the methods of the built-in types, and the operator fallbacks for
//! built-in containers. Each submodule has one job; this file wires them into a VM and
//! re-exports the entry points the rest of the runtime calls.

pub(crate) mod args;
pub mod bytes;
pub(crate) mod constructors;
mod container_dunders;
mod coroutine_methods;
mod dict_methods;
pub(crate) mod exceptions_methods;
mod functions;
mod generator_methods;
mod int_float;
mod iter_adapters;
mod list_methods;
pub mod object_methods;
mod operators;
mod printf;
mod range_slice;
mod reductions;
mod set_methods;
mod sort;
mod special;
mod str_format;
mod str_methods;
mod sys;
mod tuple_methods;

use super::vm::Vm;

pub use constructors::build_set;
pub use container_dunders::is_dict_getitem;
pub use dict_methods::dict_update_from;
pub use functions::is_callable;
pub use iter_adapters::adapter_next;
pub use operators::{dict_eq, inplace_builtin, sequence_binop, set_compare};
pub use range_slice::{list_set_slice, range_getitem, range_key, range_len, str_getitem};
pub use set_methods::{set_keys, set_update};
pub use special::special_attr;

/// Registers every built-in function, type constructor and type method.
pub fn install(vm: &mut Vm) {
    object_methods::install(vm);
    constructors::install(vm);
    functions::install(vm);
    reductions::install(vm);
    iter_adapters::install(vm);
    str_methods::install(vm);
    list_methods::install(vm);
    tuple_methods::install(vm);
    dict_methods::install(vm);
    set_methods::install(vm);
    int_float::install(vm);
    generator_methods::install(vm);
    coroutine_methods::install(vm);
    exceptions_methods::install(vm);
    sys::install(vm);
    bytes::install(vm);
    container_dunders::install(vm);
    crate::runtime::introspect::install(vm);
}
