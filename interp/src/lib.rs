//! rceval's language: the compiler, code objects, the opcode table, values and objects, builtins
//! and modules, frames and the frame-allocator interface. It knows nothing of how it is
//! dispatched or observed: the eval loop lives in `rceval-dispatch` and plugs in through
//! [`runtime::EvalFrame`].

pub mod code;
pub mod compiler;
pub mod dis;
pub mod helper_error;
pub mod num;
pub mod opcode;
pub mod runtime;
pub mod text;

#[cfg(test)]
mod test_tables;
