//! [`FrameBox`]: the owning handle of one frame record, wherever its memory lives (its own heap
//! block, a data-stack chunk, or an arena region). All the raw-memory work on frame records is
//! here.

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error, realloc};
use std::mem::{ManuallyDrop, align_of};
use std::ops::{Deref, DerefMut};
use std::ptr::{self, NonNull};
use std::rc::Rc;

use super::{Frame, FrameHeader, FrameStats, record_bytes};
use crate::runtime::object::CodeUnit;
use crate::runtime::value::{ObjRef, Value};

/// How many arena regions a [`FrameBox`] can name (see [`super::ArenaFrames`]): region `r`'s
/// frames have `cap == ARENA_BASE + r`.
pub const MAX_ARENA_REGIONS: usize = 1 << 16;

/// `FrameBox::cap` values from here up mark records whose memory a pool owns (a data-stack
/// chunk or an arena region), not the handle; below it, `cap` is a heap record's slot capacity.
/// No heap record comes near it (that would be 2^32 slots, 32 GiB).
const POOLED: u32 = u32::MAX - MAX_ARENA_REGIONS as u32;

/// `FrameBox::cap` of a frame in region 0 of the arena; region `r` is `ARENA_BASE + r`.
const ARENA_BASE: u32 = POOLED;

/// `FrameBox::cap` of a frame that lives in a data-stack chunk (the chunk owns its memory).
const IN_CHUNK: u32 = u32::MAX;

const _: () = assert!(ARENA_BASE as u64 + MAX_ARENA_REGIONS as u64 == IN_CHUNK as u64);

/// Where a frame record's memory lives, as its handle's `cap` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Home {
    /// Its own heap block, freed with the handle.
    Heap,
    /// A data-stack chunk: popped back onto the stack.
    Chunk,
    /// Region `r` of the arena: counted out of the region, reclaimed with it.
    Arena(usize),
}

/// Owns one frame record. Dereferences to the [`Frame`]; dropping it drops the header and, for
/// a heap record, frees the memory. Pooled frames (data-stack and arena ones) must go back
/// through their pool (see [`super::DataStack`], [`super::Arena`]); dropping one only drops its
/// header and leaves its space taken.
pub struct FrameBox {
    /// Start of the record: the header, then `len` slots.
    ptr: NonNull<u8>,
    /// Slots of the frame.
    len: u32,
    /// Slots the heap record has room for (all of them initialised values), or a pool marker:
    /// [`IN_CHUNK`], or [`ARENA_BASE`] + region (all `>= POOLED`).
    cap: u32,
}

impl std::fmt::Debug for FrameBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FrameBox")
            .field("code", &self.code.code.name)
            .field("slots", &self.len)
            .field("home", &self.home())
            .finish()
    }
}

fn heap_layout(slots: usize) -> Layout {
    Layout::from_size_align(record_bytes(slots), align_of::<FrameHeader>())
        .expect("frame record size overflows")
}

/// The slot count a frame of `code` needs.
#[inline(always)]
pub(super) fn slots_of(code: &CodeUnit) -> usize {
    code.code.frame_size()
}

impl FrameBox {
    /// A frame for a fresh call of `code` in a new heap record of exactly its size.
    pub(super) fn new_heap(
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
        stats: &mut FrameStats,
    ) -> FrameBox {
        let n = slots_of(code);
        debug_assert!(
            n < POOLED as usize,
            "a heap record's capacity must not read as a marker"
        );
        let layout = heap_layout(n);
        // SAFETY: the layout has a non-zero size (the header is not empty).
        let raw = unsafe { alloc(layout) };
        let Some(ptr) = NonNull::new(raw) else {
            handle_alloc_error(layout)
        };
        // SAFETY: `ptr` is a fresh allocation of `record_bytes(n)` bytes aligned for the header,
        // which is what `init_record` needs.
        unsafe { init_record(ptr, n, code, globals, locals) };
        stats.on_reserve(layout.size() as u64);
        FrameBox {
            ptr,
            len: n as u32,
            cap: n as u32,
        }
    }

    /// A frame for a fresh call of `code` at `ptr`, inside a data-stack chunk.
    ///
    /// # Safety
    /// `ptr` must be aligned for [`FrameHeader`] and point to `record_bytes(slots_of(code))`
    /// writable bytes that stay allocated, and are used by nothing else, until this frame is
    /// popped from its data stack.
    #[inline(always)]
    pub(super) unsafe fn new_in_chunk(
        ptr: NonNull<u8>,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
    ) -> FrameBox {
        let n = slots_of(code);
        // SAFETY: forwarded from this function's contract.
        unsafe { init_record(ptr, n, code, globals, locals) };
        FrameBox {
            ptr,
            len: n as u32,
            cap: IN_CHUNK,
        }
    }

    /// The bytes of the record: its header and slots.
    pub fn record_bytes(&self) -> usize {
        super::record_bytes(self.len as usize)
    }

    /// The record's header, whose slots follow at [`super::SLOTS_OFFSET`]: the eval loop's
    /// cursor addresses the running frame through it. The record never moves while this
    /// handle owns it (only a dead heap record is ever reallocated, by `refit`).
    #[inline(always)]
    pub fn header_ptr(&self) -> NonNull<FrameHeader> {
        self.ptr.cast()
    }

    /// A frame for a fresh call of `code` at `ptr`, inside arena region `region`.
    ///
    /// # Safety
    /// `ptr` must be aligned for [`FrameHeader`] and point to `record_bytes(slots_of(code))`
    /// writable bytes that stay allocated, and are used by nothing else, until this frame has
    /// been counted out of region `region` of its arena (which resets the region only when no
    /// frame of it is left).
    #[inline(always)]
    pub(super) unsafe fn new_in_arena(
        ptr: NonNull<u8>,
        region: usize,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
    ) -> FrameBox {
        debug_assert!(region < MAX_ARENA_REGIONS);
        let n = slots_of(code);
        // SAFETY: forwarded from this function's contract.
        unsafe { init_record(ptr, n, code, globals, locals) };
        FrameBox {
            ptr,
            len: n as u32,
            cap: ARENA_BASE + region as u32,
        }
    }

    /// Whether the record lives in a data-stack chunk.
    #[inline(always)]
    pub fn in_chunk(&self) -> bool {
        self.cap == IN_CHUNK
    }

    /// The arena region the record lives in, if it is an arena frame.
    #[inline(always)]
    pub fn arena_region(&self) -> Option<usize> {
        let region = self.cap.wrapping_sub(ARENA_BASE) as usize;
        (region < MAX_ARENA_REGIONS).then_some(region)
    }

    /// Whether a pool (a data-stack chunk or an arena region) owns the record's memory: one
    /// comparison, so the heap allocators' test for foreign frames costs what it did.
    #[inline(always)]
    pub fn is_pooled(&self) -> bool {
        self.cap >= POOLED
    }

    /// Where the record's memory lives.
    #[inline(always)]
    pub fn home(&self) -> Home {
        match self.cap {
            IN_CHUNK => Home::Chunk,
            c if c >= POOLED => Home::Arena((c - ARENA_BASE) as usize),
            _ => Home::Heap,
        }
    }

    /// Start of the record (the data stack checks LIFO order with it).
    #[inline(always)]
    pub(super) fn record_start(&self) -> *mut u8 {
        self.ptr.as_ptr()
    }

    /// Bytes the record occupies: header plus slot capacity.
    #[inline(always)]
    pub fn bytes(&self) -> u64 {
        let slots = if self.is_pooled() { self.len } else { self.cap };
        record_bytes(slots as usize) as u64
    }

    /// Makes a dead heap frame ready for a fresh call of `code`, growing the record when it is
    /// too small (as CPython's free list resized frames). Returns whether it had to grow.
    #[inline(always)]
    pub(super) fn refit(
        &mut self,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
        first_cleared: usize,
        stats: &mut FrameStats,
    ) -> bool {
        debug_assert!(!self.is_pooled());
        let n = slots_of(code);
        let grew = n > self.cap as usize;
        if grew {
            self.grow(n, stats);
        }
        self.len = n as u32;
        self.header.retarget(code, globals, locals);
        self.clear_locals_from(first_cleared);
        grew
    }

    /// Re-arms a dead heap frame for another call of the code it last ran (its size, code and
    /// stack base are already right), its locals from slot `first_cleared` on emptied.
    #[inline(always)]
    pub(super) fn restart(&mut self, globals: ObjRef, locals: Value, first_cleared: usize) {
        self.header.restart(globals, locals);
        self.clear_locals_from(first_cleared);
    }

    #[cold]
    fn grow(&mut self, n: usize, stats: &mut FrameStats) {
        debug_assert!(
            n < POOLED as usize,
            "a heap record's capacity must not read as a marker"
        );
        let old = heap_layout(self.cap as usize);
        let new = heap_layout(n);
        // SAFETY: `ptr` was allocated by the global allocator with layout `old` (heap records
        // only ever get `heap_layout(cap)`), and the new size is non-zero.
        let raw = unsafe { realloc(self.ptr.as_ptr(), old, new.size()) };
        let Some(ptr) = NonNull::new(raw) else {
            handle_alloc_error(new)
        };
        // SAFETY: the record now has room for `n` slots after the header; the first `cap` hold
        // initialised values (moved by realloc) and the rest are written here before any use.
        unsafe {
            let slots = ptr.as_ptr().add(record_bytes(0)).cast::<Value>();
            for i in self.cap as usize..n {
                slots.add(i).write(Value::Null);
            }
        }
        stats.on_reserve(new.size() as u64);
        stats.on_unreserve(old.size() as u64);
        self.ptr = ptr;
        self.cap = n as u32;
    }

    /// A heap copy of `frame`, taking over its header: `frame`'s header must not be dropped
    /// afterwards (the caller hands `frame` to [`FrameBox::forget_header`]).
    pub(super) fn heap_copy_of(frame: &FrameBox, stats: &mut FrameStats) -> FrameBox {
        let n = frame.len as usize;
        let layout = heap_layout(n);
        // SAFETY: non-zero size.
        let raw = unsafe { alloc(layout) };
        let Some(ptr) = NonNull::new(raw) else {
            handle_alloc_error(layout)
        };
        // SAFETY: both records are `record_bytes(n)` bytes, distinct allocations, and the source
        // is fully initialised; the bitwise copy moves the header, whose original the caller
        // promises not to drop.
        unsafe { ptr::copy_nonoverlapping(frame.ptr.as_ptr(), ptr.as_ptr(), layout.size()) };
        stats.on_reserve(layout.size() as u64);
        FrameBox {
            ptr,
            len: n as u32,
            cap: n as u32,
        }
    }

    /// Gives up a record whose header has been moved elsewhere, without dropping it.
    pub(super) fn forget_header(self) {
        let _ = ManuallyDrop::new(self);
    }

    /// Drops the header of a pooled frame (data-stack or arena), leaving its memory to its pool.
    pub(super) fn drop_pooled_frame(self) {
        debug_assert!(self.is_pooled());
        let this = ManuallyDrop::new(self);
        // SAFETY: the header is initialised and owned by this handle, which is consumed.
        unsafe { ptr::drop_in_place(this.ptr.as_ptr().cast::<FrameHeader>()) };
    }

    /// Frees a heap record (header and memory).
    pub(super) fn free(self, stats: &mut FrameStats) {
        debug_assert!(!self.is_pooled());
        stats.on_unreserve(self.bytes());
        drop(self);
    }
}

/// Writes a fresh frame record at `ptr`: a header for `code` and `n` empty slots.
///
/// # Safety
/// `ptr` must be aligned for [`FrameHeader`] and valid for writes of `record_bytes(n)` bytes.
#[inline(always)]
unsafe fn init_record(
    ptr: NonNull<u8>,
    n: usize,
    code: &Rc<CodeUnit>,
    globals: ObjRef,
    locals: Value,
) {
    // SAFETY: the caller guarantees room and alignment for the header followed by `n` slots
    // (slots need 8-byte alignment, which the header's size and alignment preserve).
    unsafe {
        ptr.as_ptr().cast::<FrameHeader>().write(FrameHeader::new(
            Rc::clone(code),
            globals,
            locals,
        ));
        let slots = ptr.as_ptr().add(record_bytes(0)).cast::<Value>();
        for i in 0..n {
            slots.add(i).write(Value::Null);
        }
    }
}

impl Deref for FrameBox {
    type Target = Frame;

    #[inline(always)]
    fn deref(&self) -> &Frame {
        let fat = ptr::slice_from_raw_parts(self.ptr.as_ptr().cast::<Value>(), self.len as usize)
            as *const Frame;
        // SAFETY: the record holds an initialised header followed by at least `len` initialised
        // slots, aligned as `Frame` requires, and this handle owns it: `fat` has the record's
        // address and `len` as its slot-count metadata.
        unsafe { &*fat }
    }
}

impl DerefMut for FrameBox {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut Frame {
        let fat =
            ptr::slice_from_raw_parts_mut(self.ptr.as_ptr().cast::<Value>(), self.len as usize)
                as *mut Frame;
        // SAFETY: as in `deref`, and `&mut self` makes the access unique.
        unsafe { &mut *fat }
    }
}

impl Drop for FrameBox {
    fn drop(&mut self) {
        // SAFETY: the header is initialised and owned by this handle.
        unsafe { ptr::drop_in_place(self.ptr.as_ptr().cast::<FrameHeader>()) };
        if !self.is_pooled() {
            // SAFETY: heap records are allocated with `heap_layout(cap)` and owned by this
            // handle alone; the header was just dropped and slots need no drop.
            unsafe { dealloc(self.ptr.as_ptr(), heap_layout(self.cap as usize)) };
        }
    }
}
