//! The `tailcall` strategy: one function per opcode, each ending in a guaranteed tail call
//! (`become`) through a 256-entry table to the next instruction's function (CPython 3.14's
//! tail-calling interpreter, wasmi's `become` backend).
//!
//! Every function has the one uniform signature [`TailFn`]: the VM, the cursor's three
//! pointers and the decoded oparg, all register-sized, so the cursor travels in argument
//! registers from handler to handler and is written to the frame only where the handler
//! saves it. A handler's [`Flow`] other than `Next` ends the chain (the frame saved): the
//! function returns that one-byte control word to [`Tailcall::run`], which runs the shared
//! epilogue ([`unwind::finish`]) out of line and starts a new chain. Nothing with a destructor
//! is alive at a `become`: the wrappers hold only the `&mut Vm`, pointers and an integer.
//!
//! `become` is Rust's only tail call that holds in every build profile (LLVM's sibling-call
//! optimisation on plain calls vanishes at `opt-level = 0` and whenever a caller's frame needs
//! cleanup, turning dispatch into recursion that overflows the stack). It is a nightly feature;
//! `.cargo/config.toml` sets `RUSTC_BOOTSTRAP=1` so the pinned stable toolchain accepts it.

use std::marker::PhantomData;
use std::ptr::NonNull;

use rceval_interp::for_each_opcode;
use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::frame::FrameHeader;
use rceval_interp::runtime::vm::FrameExit;
use rceval_interp::runtime::{FrameAllocator, Value, Vm};

use crate::cursor::Cursor;
use crate::handlers::{self, Flow, run};
use crate::observer::Observer;
use crate::{Dispatch, unwind};

pub struct Tailcall;

/// The uniform signature of every opcode function: the VM, the cursor (frame, next
/// instruction, stack pointer) and the oparg.
pub type TailFn = extern "rust-preserve-none" fn(
    &mut Vm,
    NonNull<FrameHeader>,
    *const u8,
    *mut Value,
    u32,
) -> Flow;

impl Dispatch for Tailcall {
    const NAME: &'static str = "tailcall";

    fn run<A: FrameAllocator, O: Observer>(vm: &mut Vm, mut flow: Flow) -> FrameExit {
        loop {
            if flow != Flow::Next
                && let Some(exit) = unwind::finish::<A, O>(vm, flow)
            {
                return exit;
            }
            flow = start::<A, O>(vm);
        }
    }
}

/// Starts a chain at the running frame's next instruction; returns when a handler's flow is not
/// [`Flow::Next`].
#[inline(never)]
fn start<A: FrameAllocator, O: Observer>(vm: &mut Vm) -> Flow {
    let mut cur = Cursor::load(vm);
    let (byte, arg) = cur.fetch_word::<O>(vm);
    Table::<A, O>::FUNCTIONS[byte as usize](vm, cur.frame, cur.ip, cur.sp, arg)
}

/// The table's `EXTENDED_ARG` entry: folds the prefixes into the instruction they extend and
/// tail-calls its function, so the common fetch needs no test for prefixes.
extern "rust-preserve-none" fn extended_arg<A: FrameAllocator, O: Observer>(
    vm: &mut Vm,
    frame: NonNull<FrameHeader>,
    ip: *const u8,
    sp: *mut Value,
    arg: u32,
) -> Flow {
    let (cur, byte, arg) = Cursor::fetch_extended::<O>(vm, Cursor { frame, ip, sp }, arg);
    become Table::<A, O>::FUNCTIONS[byte as usize](vm, cur.frame, cur.ip, cur.sp, arg)
}

/// The opcode functions, one per opcode, generated from the opcode table; each wraps the
/// opcode's one handler, then fetches the next instruction and tail-calls its function.
mod functions {
    #![allow(non_snake_case)]

    use super::*;

    macro_rules! define_tail_functions {
        ($( $(#[doc = $doc:literal])* $variant:ident = $num:literal, $name:literal,
            $operand:ident, |$a:tt, $j:tt| $effect:expr, [$($pred:ident),*]; )*) => {
            $(
                pub(super) extern "rust-preserve-none" fn $variant<A: FrameAllocator, O: Observer>(
                    vm: &mut Vm,
                    frame: NonNull<FrameHeader>,
                    ip: *const u8,
                    sp: *mut Value,
                    arg: u32,
                ) -> Flow {
                    let mut cur = Cursor { frame, ip, sp };
                    let flow = run(handlers::$variant::<A, O>, vm, &mut cur, arg);
                    if flow != Flow::Next {
                        return flow;
                    }
                    let (byte, arg) = cur.fetch_word::<O>(vm);
                    become Table::<A, O>::FUNCTIONS[byte as usize](vm, cur.frame, cur.ip, cur.sp, arg)
                }
            )*

            /// The table every chain dispatches through, by opcode byte.
            pub(super) const fn table<A: FrameAllocator, O: Observer>() -> [TailFn; 256] {
                let mut table: [TailFn; 256] = [super::unknown_opcode; 256];
                $( table[$num] = $variant::<A, O>; )*
                table[Opcode::ExtendedArg as usize] = super::extended_arg::<A, O>;
                table
            }
        };
    }

    for_each_opcode!(define_tail_functions);
}

/// The 256-entry table, one per allocator × observer instance, built at compile time.
struct Table<A, O>(PhantomData<(A, O)>);

impl<A: FrameAllocator, O: Observer> Table<A, O> {
    const FUNCTIONS: [TailFn; 256] = functions::table::<A, O>();
}

/// Fills the table's holes: a byte no opcode has raises `SystemError` and ends the chain.
#[cold]
#[inline(never)]
extern "rust-preserve-none" fn unknown_opcode(
    vm: &mut Vm,
    frame: NonNull<FrameHeader>,
    ip: *const u8,
    sp: *mut Value,
    arg: u32,
) -> Flow {
    handlers::unknown_opcode(vm, &mut Cursor { frame, ip, sp }, arg)
}
