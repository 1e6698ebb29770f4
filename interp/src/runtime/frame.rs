//! Frames and the frame-allocator interface.
//!
//! A frame holds a header (code, globals, instruction and stack positions, the block stack)
//! and one slot array laid out as CPython's: `[locals | cells | frees | value stack]`, sized from
//! the code object. Allocators decide where frames come from and where they go; the eval loop
//! is generic over them and never knows which one it has.

use std::rc::Rc;

use super::object::CodeUnit;
use super::value::{ObjRef, Value};

/// CPython's `CO_MAXBLOCKS`: the deepest block nesting a code object may have.
pub const CO_MAXBLOCKS: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `SETUP_FINALLY`/`SETUP_WITH`: on an exception, jump to `handler`.
    SetupFinally,
    /// Pushed when an exception handler is entered; `POP_EXCEPT` pops it.
    ExceptHandler,
}

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// Instruction index of the handler.
    pub handler: u32,
    /// Value-stack depth (relative to the stack base) to unwind to.
    pub level: u32,
}

#[derive(Debug)]
pub struct Frame {
    pub code: Rc<CodeUnit>,
    pub globals: ObjRef,
    /// The locals dict for module and class-body frames (`LOAD_NAME`), else `Null`.
    pub locals: Value,
    /// Index of the next instruction to execute.
    pub pc: u32,
    /// Index of the instruction being executed (CPython's `f_lasti`), for line numbers.
    pub lasti: u32,
    /// Absolute index of the first free value-stack slot.
    pub sp: u32,
    /// Index of the first value-stack slot (locals, cells and frees come before it).
    pub stack_base: u32,
    pub blocks: [Block; CO_MAXBLOCKS],
    pub nblocks: u8,
    /// Returning from this frame ends the eval-loop invocation that started it (a call from
    /// native code, or a generator resumption), rather than resuming the caller's frame.
    pub is_entry: bool,
    /// The generator this frame belongs to, if any: `YIELD_VALUE` hands control back to it.
    pub generator: Option<ObjRef>,
    /// Set by `generator.throw()`: the loop starts by unwinding the pending exception from the
    /// suspended `yield`.
    pub resume_with_exception: bool,
    pub slots: Vec<Value>,
}

impl Frame {
    /// A frame for `code`, every slot empty.
    pub fn new(code: &Rc<CodeUnit>, globals: ObjRef, locals: Value) -> Frame {
        let co = &code.code;
        let stack_base = co.varnames.len() + co.cellvars.len() + co.freevars.len();
        Frame {
            code: Rc::clone(code),
            globals,
            locals,
            pc: 0,
            lasti: 0,
            sp: stack_base as u32,
            stack_base: stack_base as u32,
            blocks: [Block {
                kind: BlockKind::SetupFinally,
                handler: 0,
                level: 0,
            }; CO_MAXBLOCKS],
            nblocks: 0,
            is_entry: false,
            generator: None,
            resume_with_exception: false,
            slots: vec![Value::Null; co.frame_size()],
        }
    }

    /// Re-initialises a recycled frame for `code`, reusing its slot allocation.
    pub fn reset(&mut self, code: &Rc<CodeUnit>, globals: ObjRef, locals: Value) {
        let co = &code.code;
        let stack_base = co.varnames.len() + co.cellvars.len() + co.freevars.len();
        self.code = Rc::clone(code);
        self.globals = globals;
        self.locals = locals;
        self.pc = 0;
        self.lasti = 0;
        self.sp = stack_base as u32;
        self.stack_base = stack_base as u32;
        self.nblocks = 0;
        self.is_entry = false;
        self.generator = None;
        self.resume_with_exception = false;
        self.slots.clear();
        self.slots.resize(co.frame_size(), Value::Null);
    }

    /// The line being executed.
    pub fn line(&self) -> u32 {
        self.code.code.line_at(self.lasti as usize)
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.slots[self.sp as usize] = v;
        self.sp += 1;
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.sp -= 1;
        self.slots[self.sp as usize]
    }

    /// The value `depth` below the top (`peek(1)` is the top).
    #[inline(always)]
    pub fn peek(&self, depth: usize) -> Value {
        self.slots[self.sp as usize - depth]
    }

    #[inline(always)]
    pub fn set_peek(&mut self, depth: usize, v: Value) {
        self.slots[self.sp as usize - depth] = v;
    }

    /// The top `n` values, bottom first.
    #[inline(always)]
    pub fn top_n(&self, n: usize) -> &[Value] {
        &self.slots[self.sp as usize - n..self.sp as usize]
    }

    /// Value-stack depth.
    pub fn stack_len(&self) -> usize {
        (self.sp - self.stack_base) as usize
    }

    pub fn push_block(&mut self, kind: BlockKind, handler: u32) -> bool {
        if self.nblocks as usize >= CO_MAXBLOCKS {
            return false;
        }
        self.blocks[self.nblocks as usize] = Block {
            kind,
            handler,
            level: self.sp - self.stack_base,
        };
        self.nblocks += 1;
        true
    }

    pub fn pop_block(&mut self) -> Option<Block> {
        if self.nblocks == 0 {
            return None;
        }
        self.nblocks -= 1;
        Some(self.blocks[self.nblocks as usize])
    }

    /// Calls `f` with every value the frame keeps alive (the live part of the stack only).
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(Value::Obj(self.globals));
        f(self.locals);
        if let Some(g) = self.generator {
            f(Value::Obj(g));
        }
        self.slots[..self.sp as usize]
            .iter()
            .copied()
            .for_each(&mut *f);
        let code = &self.code;
        code.consts
            .iter()
            .chain(&*code.names)
            .copied()
            .for_each(&mut *f);
    }
}

/// What an allocator reports after a run (`--stats`).
#[derive(Clone, Copy, Debug, Default)]
pub struct FrameStats {
    pub allocated: u64,
    pub reused: u64,
    pub freed: u64,
    pub live: u64,
    pub peak_live: u64,
    pub live_bytes: u64,
    pub peak_bytes: u64,
}

impl FrameStats {
    fn bytes_of(frame: &Frame) -> u64 {
        (std::mem::size_of::<Frame>() + frame.slots.capacity() * std::mem::size_of::<Value>())
            as u64
    }

    pub fn on_alloc(&mut self, frame: &Frame, reused: bool) {
        if reused {
            self.reused += 1;
        } else {
            self.allocated += 1;
        }
        self.live += 1;
        self.peak_live = self.peak_live.max(self.live);
        self.live_bytes += Self::bytes_of(frame);
        self.peak_bytes = self.peak_bytes.max(self.live_bytes);
    }

    pub fn on_release(&mut self, frame: &Frame) {
        self.freed += 1;
        self.live = self.live.saturating_sub(1);
        self.live_bytes = self.live_bytes.saturating_sub(Self::bytes_of(frame));
    }
}

/// The state every allocator strategy keeps between calls; it lives in the VM so that native
/// code calling back into Python allocates from the same pool as the eval loop.
#[derive(Debug, Default)]
pub struct FramePool {
    pub stats: FrameStats,
    /// Dead frames kept for reuse by allocators that recycle.
    pub free_list: Vec<Box<Frame>>,
}

/// Where frames come from. Strategies are zero-sized types selected as a type parameter of the
/// eval loop; their state lives in the VM's [`FramePool`].
pub trait FrameAllocator: 'static {
    /// The name `--frames` selects it by.
    const NAME: &'static str;

    fn alloc(
        pool: &mut FramePool,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
    ) -> Box<Frame>;

    /// Takes back a frame whose call has ended (never a suspended generator's).
    fn release(pool: &mut FramePool, frame: Box<Frame>);
}

/// A fresh heap allocation for every call: the baseline.
pub struct HeapFrames;

impl FrameAllocator for HeapFrames {
    const NAME: &'static str = "heap";

    #[inline]
    fn alloc(
        pool: &mut FramePool,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
    ) -> Box<Frame> {
        let frame = Box::new(Frame::new(code, globals, locals));
        pool.stats.on_alloc(&frame, false);
        frame
    }

    #[inline]
    fn release(pool: &mut FramePool, frame: Box<Frame>) {
        pool.stats.on_release(&frame);
        drop(frame);
    }
}
