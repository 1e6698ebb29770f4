//! Frames and the frame-allocator interface.
//!
//! A frame is one record, laid out as CPython's: a fixed header ([`FrameHeader`]: code,
//! globals, instruction and stack positions, the block stack) followed by the slot array
//! `[locals | cells | frees | value stack]`, sized from the code object. [`Frame`] is that record
//! as a Rust type: a `repr(C)` struct whose last field is the unsized slot array, so
//! `frame.slots[i]` indexes the record's own tail and a frame can never be moved out of it.
//!
//! Allocators decide where records come from and where they go ([`FrameAllocator`]); the eval
//! loop is generic over them and never knows which one it has:
//!
//! | name | where a frame comes from | CPython |
//! |---|---|---|
//! | [`heap`](HeapFrames) | a fresh `malloc` per call, freed on return | the baseline |
//! | [`freelist`](FreeListFrames) | a bounded list of dead frames (200), grown when too small | <= 3.10 `free_list` |
//! | [`zombie`](ZombieFrames) | the code object's last finished frame, else the free list | 2.5–3.10 `co_zombieframe` |
//! | [`datastack`](DataStackFrames) | bump-allocated LIFO in chunks (16 KiB, doubling), one spare chunk cached | 3.11 + gh-142183 fix |
//! | [`datastack311`](DataStack311Frames) | the same, freeing a chunk as soon as it empties | 3.11 as released |
//! | [`arena`](ArenaFrames) | carved from stacked `bumpalo` regions (16 KiB), a region reset when its last frame ends | none: region allocation |

mod arena;
mod datastack;
mod freelist;
mod heap;
mod record;
mod stats;
mod zombie;

use std::mem::{MaybeUninit, align_of, size_of};
use std::ops::{Deref, DerefMut};
use std::rc::Rc;

pub use arena::{Arena, ArenaFrames, REGION_BYTES, SPARE_REGIONS};
pub use datastack::{
    CHUNK_BYTES, DataStack, DataStack311Frames, DataStackAllocator, DataStackFrames,
};
pub use freelist::{FreeList, FreeListFrames, MAX_FREE_LIST};
pub use heap::HeapFrames;
pub use record::{FrameBox, Home, MAX_ARENA_REGIONS};
pub use stats::FrameStats;
pub use zombie::{ZombieFrames, ZombieSlot};

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

/// Everything in a frame but its slots. It has private fields and no constructor outside this
/// module, so Python-facing code can read and write it but never make or keep one of its own.
#[derive(Debug)]
pub struct FrameHeader {
    pub code: Rc<CodeUnit>,
    /// The first instruction word of `code` (`co_code`'s bytes, which never move while the
    /// header holds `code`): the eval loop's instruction pointer is an address in this code,
    /// and jumps are offsets from here (CPython's `_PyCode_CODE(co)`), one load away.
    first_instr: *const u8,
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
    pub nblocks: u8,
    /// What leaving this frame must do beyond releasing it ([`EXIT_ENTRY`],
    /// [`EXIT_FRAME_OBJECT`]): one byte, so the common return tests one flag for both.
    exit_flags: u8,
    /// Set by `generator.throw()`: the loop starts by unwinding the pending exception from the
    /// suspended `yield`.
    pub resume_with_exception: bool,
    /// The generator this frame belongs to, or [`NO_GENERATOR`]: `YIELD_VALUE` hands control
    /// back to it. A bare handle rather than an `Option` (half the bytes), so that the frame
    /// object link fits in the header without growing it (see [`FrameHeader::generator`]).
    generator: ObjRef,
    /// The Python frame object seen by `sys._getframe()`, tracebacks and `gi_frame`; meaningful
    /// only while [`EXIT_FRAME_OBJECT`] is set. Frame objects are made lazily, so most frames
    /// never have one. The link runs from the frame to its object (never from an address to
    /// an object): records are reused by every allocator, and `restart` clears the flag.
    /// Left uninitialised in a fresh header: writing it on every call measurably cost two
    /// instructions per call (callgrind, `results/2026-11-21-lazy-frames/`), and it is read
    /// only while the flag says it was written.
    frame_object: MaybeUninit<ObjRef>,
    /// The block stack: entries below `nblocks` are written, the rest never read. Left
    /// uninitialised in a fresh header, so a call does not write 240 bytes it never reads.
    blocks: [MaybeUninit<Block>; CO_MAXBLOCKS],
}

/// `FrameHeader::generator` of a frame that is not a generator's (no heap holds 2^32 objects).
const NO_GENERATOR: ObjRef = ObjRef(u32::MAX);

/// `exit_flags` bit: returning from this frame ends the eval-loop invocation that started it (a
/// call from native code, or a generator resumption), rather than resuming the caller's frame.
pub const EXIT_ENTRY: u8 = 1;
/// `exit_flags` bit: the frame has a frame object, which must take over the frame's state when
/// the frame ends (see `runtime::introspect`).
pub const EXIT_FRAME_OBJECT: u8 = 2;
/// `exit_flags` bit: the frame is a generator's, resumed by `FOR_ITER` or `YIELD_FROM` of the
/// frame below it inside the running loop (CPython 3.12's `FOR_ITER_GEN` and `SEND_GEN`), not
/// through a new eval-loop invocation: yielding, returning or raising hands control straight
/// back to that frame.
pub const EXIT_INLINE_RESUME: u8 = 4;

impl FrameHeader {
    /// A header for a fresh call of `code`.
    fn new(code: Rc<CodeUnit>, globals: ObjRef, locals: Value) -> FrameHeader {
        let stack_base = stack_base_of(&code);
        FrameHeader {
            first_instr: code.code.code.as_ptr(),
            code,
            globals,
            locals,
            pc: 0,
            lasti: 0,
            sp: stack_base,
            stack_base,
            nblocks: 0,
            exit_flags: 0,
            resume_with_exception: false,
            generator: NO_GENERATOR,
            frame_object: MaybeUninit::uninit(),
            blocks: [MaybeUninit::uninit(); CO_MAXBLOCKS],
        }
    }

    /// Makes a recycled header ready for a fresh call of the code it already has: only the
    /// per-call fields are written (the block array needs nothing, `nblocks` bounds it).
    #[inline(always)]
    fn restart(&mut self, globals: ObjRef, locals: Value) {
        self.globals = globals;
        // A recycled function frame's `locals` is already `Null`, the value every call passes:
        // writing that constant anyway cost a 16-byte copy through the stack (12 instructions
        // per call in the machine code), testing the tag costs two.
        if !(locals.is_null() && self.locals.is_null()) {
            self.locals = locals;
        }
        self.pc = 0;
        self.lasti = 0;
        self.sp = self.stack_base;
        self.nblocks = 0;
        self.exit_flags = 0;
        self.resume_with_exception = false;
        self.generator = NO_GENERATOR;
    }

    /// The address of the code's first instruction word.
    #[inline(always)]
    pub fn first_instr(&self) -> *const u8 {
        self.first_instr
    }

    /// The generator this frame belongs to, if any.
    #[inline(always)]
    pub fn generator(&self) -> Option<ObjRef> {
        (self.generator != NO_GENERATOR).then_some(self.generator)
    }

    /// Makes this the frame of generator `g`.
    pub fn set_generator(&mut self, g: ObjRef) {
        self.generator = g;
    }

    /// The [`EXIT_ENTRY`] and [`EXIT_FRAME_OBJECT`] bits: the return path tests them together.
    #[inline(always)]
    pub fn exit_flags(&self) -> u8 {
        self.exit_flags
    }

    /// Whether returning from this frame ends the eval-loop invocation that runs it.
    #[inline(always)]
    pub fn is_entry(&self) -> bool {
        self.exit_flags & EXIT_ENTRY != 0
    }

    #[inline(always)]
    pub fn set_entry(&mut self, entry: bool) {
        if entry {
            self.exit_flags |= EXIT_ENTRY;
        } else {
            self.exit_flags &= !EXIT_ENTRY;
        }
    }

    /// Whether this generator frame runs resumed inline by the frame below it.
    #[inline(always)]
    pub fn is_inline_resume(&self) -> bool {
        self.exit_flags & EXIT_INLINE_RESUME != 0
    }

    /// Marks a generator frame as resumed inline (it must not be an entry frame then), or not.
    #[inline(always)]
    pub fn set_inline_resume(&mut self, inline: bool) {
        if inline {
            self.exit_flags = (self.exit_flags & !EXIT_ENTRY) | EXIT_INLINE_RESUME;
        } else {
            self.exit_flags &= !EXIT_INLINE_RESUME;
        }
    }

    /// The frame's frame object, if one was made.
    #[inline(always)]
    pub fn frame_object(&self) -> Option<ObjRef> {
        if self.exit_flags & EXIT_FRAME_OBJECT == 0 {
            return None;
        }
        // SAFETY: the flag is set only by `attach_frame_object`, which writes the field first;
        // `new` and `restart` clear the flag, so a set flag always means a written field.
        Some(unsafe { self.frame_object.assume_init() })
    }

    /// Links the frame to its (new) frame object.
    pub fn attach_frame_object(&mut self, object: ObjRef) {
        self.frame_object = MaybeUninit::new(object);
        self.exit_flags |= EXIT_FRAME_OBJECT;
    }

    /// Unlinks the frame object (when it takes over the frame's state at the frame's end).
    pub fn detach_frame_object(&mut self) -> Option<ObjRef> {
        let object = self.frame_object();
        self.exit_flags &= !EXIT_FRAME_OBJECT;
        object
    }

    /// Re-targets a recycled header at another code object.
    #[inline(always)]
    fn retarget(&mut self, code: &Rc<CodeUnit>, globals: ObjRef, locals: Value) {
        if !Rc::ptr_eq(&self.code, code) {
            self.code = Rc::clone(code);
            self.first_instr = code.code.code.as_ptr();
            self.stack_base = stack_base_of(code);
        }
        self.restart(globals, locals);
    }
}

/// The slot index where the value stack starts: after locals, cells and frees.
#[inline(always)]
fn stack_base_of(code: &CodeUnit) -> u32 {
    let co = &code.code;
    (co.varnames.len() + co.cellvars.len() + co.freevars.len()) as u32
}

/// A frame record: the header, then the slots. Only ever seen behind a reference handed out
/// by a [`FrameBox`]; being unsized, it cannot be moved or swapped out of its record.
#[repr(C)]
#[derive(Debug)]
pub struct Frame {
    header: FrameHeader,
    /// `[locals | cells | frees | value stack]`.
    pub slots: [Value],
}

// The slots start right after the header (repr(C): the tail is placed at the header's size
// rounded up to the slot alignment, which the header's size already is).
const _: () = assert!(size_of::<FrameHeader>().is_multiple_of(align_of::<Value>()));
const _: () = assert!(align_of::<FrameHeader>() >= align_of::<Value>());

/// Where a record's slots start, in bytes from the start of the record (its header).
pub const SLOTS_OFFSET: usize = size_of::<FrameHeader>();

/// Bytes of a frame record with `slots` slots.
#[inline(always)]
pub const fn record_bytes(slots: usize) -> usize {
    size_of::<FrameHeader>() + slots * size_of::<Value>()
}

impl Deref for Frame {
    type Target = FrameHeader;

    #[inline(always)]
    fn deref(&self) -> &FrameHeader {
        &self.header
    }
}

impl DerefMut for Frame {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut FrameHeader {
        &mut self.header
    }
}

impl Frame {
    /// The line being executed.
    pub fn line(&self) -> u32 {
        self.header.code.code.line_at(self.header.lasti as usize)
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.slots[self.header.sp as usize] = v;
        self.header.sp += 1;
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.header.sp -= 1;
        self.slots[self.header.sp as usize]
    }

    /// The value `depth` below the top (`peek(1)` is the top).
    #[inline(always)]
    pub fn peek(&self, depth: usize) -> Value {
        self.slots[self.header.sp as usize - depth]
    }

    #[inline(always)]
    pub fn set_peek(&mut self, depth: usize, v: Value) {
        self.slots[self.header.sp as usize - depth] = v;
    }

    /// The top `n` values, bottom first.
    #[inline(always)]
    pub fn top_n(&self, n: usize) -> &[Value] {
        let sp = self.header.sp as usize;
        &self.slots[sp - n..sp]
    }

    /// Value-stack depth.
    pub fn stack_len(&self) -> usize {
        (self.header.sp - self.header.stack_base) as usize
    }

    pub fn push_block(&mut self, kind: BlockKind, handler: u32) -> bool {
        let h = &mut self.header;
        if h.nblocks as usize >= CO_MAXBLOCKS {
            return false;
        }
        h.blocks[h.nblocks as usize] = MaybeUninit::new(Block {
            kind,
            handler,
            level: h.sp - h.stack_base,
        });
        h.nblocks += 1;
        true
    }

    pub fn pop_block(&mut self) -> Option<Block> {
        let h = &mut self.header;
        if h.nblocks == 0 {
            return None;
        }
        h.nblocks -= 1;
        // SAFETY: entries below the old `nblocks` were written by `push_block`/`set_blocks`.
        Some(unsafe { h.blocks[h.nblocks as usize].assume_init() })
    }

    /// Replaces the block stack with `blocks` (outermost first), as when a saved frame is
    /// resumed; `false` if there are more than [`CO_MAXBLOCKS`].
    pub fn set_blocks(&mut self, blocks: &[Block]) -> bool {
        if blocks.len() > CO_MAXBLOCKS {
            return false;
        }
        let h = &mut self.header;
        for (slot, &block) in h.blocks.iter_mut().zip(blocks) {
            *slot = MaybeUninit::new(block);
        }
        h.nblocks = blocks.len() as u8;
        true
    }

    /// The active blocks, outermost first.
    pub fn blocks(&self) -> &[Block] {
        let written = &self.header.blocks[..self.header.nblocks as usize];
        // SAFETY: entries below `nblocks` are written (see the field), and `MaybeUninit<Block>`
        // has `Block`'s layout.
        unsafe { &*(written as *const [MaybeUninit<Block>] as *const [Block]) }
    }

    /// Calls `f` with every value the frame keeps alive (the live part of the stack only).
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        let h = &self.header;
        f(Value::Obj(h.globals));
        f(h.locals);
        if let Some(g) = h.generator() {
            f(Value::Obj(g));
        }
        if let Some(object) = h.frame_object() {
            f(Value::Obj(object));
        }
        self.slots[..h.sp as usize]
            .iter()
            .copied()
            .for_each(&mut *f);
        let code = &h.code;
        code.consts
            .iter()
            .chain(&*code.names)
            .copied()
            .for_each(&mut *f);
    }

    /// Locals, cells and frees: the part of the slots a frame object keeps when the frame ends.
    pub fn variables(&self) -> &[Value] {
        &self.slots[..self.header.stack_base as usize]
    }

    pub fn variables_mut(&mut self) -> &mut [Value] {
        let base = self.header.stack_base as usize;
        &mut self.slots[..base]
    }

    /// Empties locals, cells and frees from slot `first` on, which a fresh call expects
    /// unbound (the value stack above them is always written before it is read, and the
    /// slots below `first` are the arguments the caller writes). A plain loop: the common
    /// count is zero to two, where an unrolled fill's set-up costs more than the stores.
    #[inline(always)]
    fn clear_locals_from(&mut self, first: usize) {
        let base = self.header.stack_base as usize;
        assert!(base <= self.slots.len());
        let mut i = first;
        while i < base {
            // SAFETY: `i < base <= slots.len()` (asserted above, once per call, not per slot).
            unsafe { *self.slots.get_unchecked_mut(i) = Value::Null };
            i += 1;
        }
    }
}

/// The state every allocator strategy keeps between calls; it lives in the VM so that native
/// code calling back into Python allocates from the same pool as the eval loop.
#[derive(Debug, Default)]
pub struct FramePool {
    pub stats: FrameStats,
    /// Dead frames kept for reuse (`freelist`, and `zombie` for frames its code already has).
    pub free_list: FreeList,
    /// The chunked LIFO stack of the `datastack` allocators.
    pub data_stack: DataStack,
    /// The bump regions of the `arena` allocator.
    pub arena: Arena,
    /// Code objects holding a zombie frame, whose frame holds them back: the pool breaks these
    /// cycles when it is dropped.
    zombie_owners: Vec<Rc<CodeUnit>>,
}

impl FramePool {
    /// Moves a frame that must outlive LIFO order (a generator's) off the data stack or out of
    /// its arena region, copying it into a heap record as CPython 3.11 copies a generator's
    /// frame into the generator. Frames already on the heap come back unchanged.
    pub fn detach(&mut self, frame: FrameBox) -> FrameBox {
        let home = frame.home();
        if home == Home::Heap {
            return frame;
        }
        let copy = FrameBox::heap_copy_of(&frame, &mut self.stats);
        self.stats.copied_out += 1;
        match home {
            Home::Chunk => self.data_stack.pop_moved(frame, &mut self.stats),
            Home::Arena(region) => self.arena.release_moved(frame, region, &mut self.stats),
            Home::Heap => unreachable!("returned above"),
        }
        debug_assert_eq!(copy.home(), Home::Heap);
        copy
    }

    /// Takes back a frame some other allocator made (a pooled frame handed to a heap
    /// allocator, a heap frame handed to a pooled one, a data-stack frame to the arena or the
    /// reverse), returning its memory where it came from.
    #[cold]
    fn release_foreign(&mut self, frame: FrameBox) {
        self.stats.on_release(&frame);
        match frame.home() {
            Home::Chunk => self.data_stack.pop(frame, &mut self.stats),
            Home::Arena(region) => self.arena.release(frame, region, &mut self.stats),
            Home::Heap => frame.free(&mut self.stats),
        }
    }

    /// Bytes held in cached (dead) frames: the free list and zombies.
    pub fn cached_bytes(&self) -> u64 {
        let zombies: u64 = self
            .zombie_owners
            .iter()
            .map(|code| code.zombie.bytes())
            .sum();
        self.free_list.bytes() + zombies
    }
}

impl Drop for FramePool {
    fn drop(&mut self) {
        for code in self.zombie_owners.drain(..) {
            drop(code.zombie.take());
        }
    }
}

/// Where frames come from. Strategies are zero-sized types selected as a type parameter of the
/// eval loop; their state lives in the VM's [`FramePool`].
pub trait FrameAllocator: 'static {
    /// The name `--frames` selects it by.
    const NAME: &'static str;

    /// A frame for a fresh call of `code`: header initialised, locals, cells and frees `Null`.
    fn alloc(pool: &mut FramePool, code: &Rc<CodeUnit>, globals: ObjRef, locals: Value)
    -> FrameBox;

    /// A frame for a Python-to-Python call whose caller writes the first `nargs` local slots
    /// (the arguments) itself: header initialised with no locals dict, the slots from `nargs`
    /// to the value stack `Null`, the first `nargs` slots holding anything. Recycling
    /// allocators clear only what the call will not overwrite.
    #[inline(always)]
    fn alloc_for_call(
        pool: &mut FramePool,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        nargs: usize,
    ) -> FrameBox {
        let _ = nargs;
        Self::alloc(pool, code, globals, Value::Null)
    }

    /// Takes back a frame whose call has ended (a generator's frame too, once it has ended).
    fn release(pool: &mut FramePool, frame: FrameBox);
}

#[cfg(test)]
mod tests;
