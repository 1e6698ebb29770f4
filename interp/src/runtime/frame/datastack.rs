//! `datastack`: frames bump-allocated LIFO in contiguous chunks, as CPython 3.11's per-thread
//! data stack (`_PyThreadState_PushFrame`/`PopFrame`). The first chunk has 16 KiB; each further
//! one twice its predecessor (or more, to fit a huge frame). A call costs a bounds check and a
//! pointer bump, a return a check and a store. A generator's frame outlives LIFO order, so it is
//! copied into a heap record when the generator is made ([`FramePool::detach`]), as 3.11 copies
//! it into the generator object.
//!
//! When the frame that opened a chunk returns, CPython 3.11 frees that chunk at once. A loop that
//! calls a function right at a chunk boundary then allocates and frees a chunk per call
//! (CPython issue gh-142183, "calls across stack chunks perform badly"). `datastack` keeps the
//! emptied chunk as a spare for the next crossing (the fix CPython adopted, gh-145828);
//! chunks cached above it stay cached up to [`SPARE_CHUNK_BYTES`], so a recursion that keeps
//! crossing the same few boundaries allocates nothing after the first time;
//! `datastack311` keeps 3.11's behaviour so the pathology can be measured.

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::ptr::{self, NonNull};
use std::rc::Rc;

use super::record::slots_of;
use super::stats::Source;
use super::{FrameAllocator, FrameBox, FramePool, FrameStats, record_bytes};
use crate::runtime::object::CodeUnit;
use crate::runtime::value::{ObjRef, Value};

/// The first chunk's size: CPython's `DATA_STACK_CHUNK_SIZE`.
pub const CHUNK_BYTES: usize = 16 * 1024;

const CHUNK_ALIGN: usize = 16;

/// How many bytes of emptied chunks `datastack` caches beyond the one just emptied (which it
/// always keeps): eight first-size chunks, as CPython's bounded chunk cache (gh-149097).
pub const SPARE_CHUNK_BYTES: usize = 8 * CHUNK_BYTES;

#[derive(Debug)]
struct Chunk {
    base: NonNull<u8>,
    size: usize,
    /// Offset of the stack top in this chunk while a later chunk is in use.
    saved_top: usize,
}

impl Chunk {
    fn layout(size: usize) -> Layout {
        Layout::from_size_align(size, CHUNK_ALIGN).expect("chunk size overflows")
    }
}

/// The chunked stack. `chunks[..active]` hold frames, the last of them the top one; chunks
/// after them are cached spares, in the order they will be needed again.
#[derive(Debug)]
pub struct DataStack {
    chunks: Vec<Chunk>,
    active: usize,
    /// Next free byte of the top chunk, and its end (both null before the first frame).
    top: *mut u8,
    limit: *mut u8,
    /// Frames on the stack (chunks are freed only when none is left).
    live: usize,
    /// Keep an emptied chunk as a spare (set by the allocator when it first needs a chunk).
    keep_spare: bool,
}

impl Default for DataStack {
    fn default() -> DataStack {
        DataStack {
            chunks: Vec::new(),
            active: 0,
            top: ptr::null_mut(),
            limit: ptr::null_mut(),
            live: 0,
            keep_spare: true,
        }
    }
}

impl DataStack {
    /// Frames currently on the stack.
    pub fn live_frames(&self) -> usize {
        self.live
    }

    /// Chunks holding frames, and chunks cached as spares.
    pub fn chunk_counts(&self) -> (usize, usize) {
        (self.active, self.chunks.len() - self.active)
    }

    /// Pushes a frame for a fresh call of `code`.
    #[inline(always)]
    fn push(
        &mut self,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
        stats: &mut FrameStats,
        keep_spare: bool,
    ) -> FrameBox {
        let bytes = record_bytes(slots_of(code));
        let room = self.limit as usize - self.top as usize;
        let start = if bytes <= room {
            let start = self.top;
            // SAFETY: `bytes <= room`, so the new top stays inside (or one past) the top chunk.
            self.top = unsafe { start.add(bytes) };
            start
        } else {
            self.push_chunk(bytes, stats, keep_spare)
        };
        self.live += 1;
        // SAFETY: `start` is non-null (inside a live chunk).
        let start = unsafe { NonNull::new_unchecked(start) };
        // SAFETY: `start..start + bytes` lies in a chunk owned by this stack, is aligned for the
        // header (chunks are 16-aligned and every record size is a multiple of 8, the header's
        // alignment), and nothing else uses it until this frame is popped: the top is now past it.
        let frame = unsafe { FrameBox::new_in_chunk(start, code, globals, locals) };
        stats.on_alloc(&frame, Source::Fresh);
        frame
    }

    /// Opens a chunk (the spare if it fits, else a new one) and returns room for `bytes` in it.
    #[cold]
    #[inline(never)]
    fn push_chunk(&mut self, bytes: usize, stats: &mut FrameStats, keep_spare: bool) -> *mut u8 {
        self.keep_spare = keep_spare;
        if self.active > 0 {
            let chunk = &mut self.chunks[self.active - 1];
            chunk.saved_top = self.top as usize - chunk.base.as_ptr() as usize;
        }
        let spare_fits = self
            .chunks
            .get(self.active)
            .is_some_and(|c| c.size >= bytes);
        if spare_fits {
            stats.chunks_reused += 1;
        } else {
            self.free_chunks_from(self.active, stats);
            let mut size = match self.active {
                0 => CHUNK_BYTES,
                n => self.chunks[n - 1].size * 2,
            };
            while size < bytes {
                size *= 2;
            }
            let layout = Chunk::layout(size);
            // SAFETY: non-zero size.
            let raw = unsafe { alloc(layout) };
            let Some(base) = NonNull::new(raw) else {
                handle_alloc_error(layout)
            };
            stats.chunks_allocated += 1;
            stats.on_reserve(size as u64);
            self.chunks.push(Chunk {
                base,
                size,
                saved_top: 0,
            });
        }
        let chunk = &self.chunks[self.active];
        self.active += 1;
        let base = chunk.base.as_ptr();
        // SAFETY: `bytes <= size`: both stay inside the chunk's allocation (or one past it).
        unsafe {
            self.top = base.add(bytes);
            self.limit = base.add(chunk.size);
        }
        base
    }

    /// Pops the top frame, dropping its header.
    pub(super) fn pop(&mut self, frame: FrameBox, stats: &mut FrameStats) {
        let start = self.check_top(&frame);
        frame.drop_pooled_frame();
        self.pop_record(start, stats);
    }

    /// Pops the top frame whose header has been moved out.
    pub(super) fn pop_moved(&mut self, frame: FrameBox, stats: &mut FrameStats) {
        let start = self.check_top(&frame);
        frame.forget_header();
        self.pop_record(start, stats);
    }

    /// The frame's start, after checking it is the top record: releasing any other would let a
    /// later call overwrite a live frame.
    #[inline(always)]
    fn check_top(&self, frame: &FrameBox) -> *mut u8 {
        let start = frame.record_start();
        assert!(
            frame.in_chunk() && start as usize + frame.bytes() as usize == self.top as usize,
            "data-stack frame released out of LIFO order"
        );
        start
    }

    #[inline(always)]
    fn pop_record(&mut self, start: *mut u8, stats: &mut FrameStats) {
        self.live -= 1;
        let opened_chunk = start == self.chunks[self.active - 1].base.as_ptr();
        if opened_chunk && self.active > 1 {
            self.pop_chunk(stats);
        } else {
            self.top = start;
        }
    }

    /// The top chunk is empty: go back to the one below, caching the emptied chunk (and the
    /// ones cached above it, up to [`SPARE_CHUNK_BYTES`]) or freeing it.
    #[cold]
    #[inline(never)]
    fn pop_chunk(&mut self, stats: &mut FrameStats) {
        self.active -= 1;
        if self.keep_spare {
            let mut cached = 0;
            let mut keep = self.active + 1;
            while keep < self.chunks.len() && cached + self.chunks[keep].size <= SPARE_CHUNK_BYTES {
                cached += self.chunks[keep].size;
                keep += 1;
            }
            self.free_chunks_from(keep, stats);
        } else {
            self.free_chunks_from(self.active, stats);
        }
        let below = &self.chunks[self.active - 1];
        let base = below.base.as_ptr();
        // SAFETY: `saved_top <= size`, both within the chunk's allocation.
        unsafe {
            self.top = base.add(below.saved_top);
            self.limit = base.add(below.size);
        }
    }

    fn free_chunks_from(&mut self, first: usize, stats: &mut FrameStats) {
        for chunk in self.chunks.drain(first.min(self.chunks.len())..) {
            stats.chunks_freed += 1;
            stats.on_unreserve(chunk.size as u64);
            // SAFETY: the chunk was allocated with this layout and holds no live frame (it is
            // the spare, or the chunk just emptied).
            unsafe { dealloc(chunk.base.as_ptr(), Chunk::layout(chunk.size)) };
        }
    }
}

impl Drop for DataStack {
    fn drop(&mut self) {
        if self.live != 0 {
            // A frame handle still points into a chunk (its owner was dropped without popping
            // it): leaking the chunks keeps that handle's memory valid.
            return;
        }
        for chunk in self.chunks.drain(..) {
            // SAFETY: allocated with this layout; no frame lives in it.
            unsafe { dealloc(chunk.base.as_ptr(), Chunk::layout(chunk.size)) };
        }
    }
}

/// The `datastack` allocators; `KEEP_SPARE` chooses whether an emptied chunk is cached.
pub struct DataStackAllocator<const KEEP_SPARE: bool>;

/// Chunked LIFO frames with one cached spare chunk (gh-142183 fixed).
pub type DataStackFrames = DataStackAllocator<true>;
/// Chunked LIFO frames freeing each chunk as soon as it empties (CPython 3.11 as released).
pub type DataStack311Frames = DataStackAllocator<false>;

impl<const KEEP_SPARE: bool> FrameAllocator for DataStackAllocator<KEEP_SPARE> {
    const NAME: &'static str = if KEEP_SPARE {
        "datastack"
    } else {
        "datastack311"
    };

    #[inline(always)]
    fn alloc(
        pool: &mut FramePool,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
    ) -> FrameBox {
        pool.data_stack
            .push(code, globals, locals, &mut pool.stats, KEEP_SPARE)
    }

    #[inline(always)]
    fn release(pool: &mut FramePool, frame: FrameBox) {
        if !frame.in_chunk() {
            // A generator's frame, copied out to the heap.
            return pool.release_foreign(frame);
        }
        pool.stats.on_release(&frame);
        pool.data_stack.pop(frame, &mut pool.stats);
    }
}
