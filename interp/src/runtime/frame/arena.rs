//! `arena`: frames carved from [`bumpalo`] regions and never given back one by one. A call bumps
//! a pointer in the top region and counts the frame in; a return only counts it out. A region
//! whose count of live frames has dropped to zero is reclaimed at once, wholesale
//! (`Bump::reset`). Next to `datastack`, which pops every frame (a LIFO check and a store),
//! this shows what per-frame bookkeeping costs at all.
//!
//! # Where regions end, and why memory stays bounded
//!
//! One region for the whole run would be reclaimed only when its outermost frame returns: the
//! module frame, which lives as long as the program. A module-level loop calling a function a
//! million times would then keep a million dead frames. So regions are stacked:
//!
//! - frames are carved from the top region while they fit its chunk (a region is asked for
//!   [`REGION_BYTES`]; bumpalo rounds that to 20,416 bytes); a frame that does not fit opens a
//!   new region on top (a cached [`Bump`] if one is spare, else a fresh one);
//! - each region counts its own live frames (the frame handle names its region), so a region
//!   is reclaimed only when every frame carved from it has ended, whatever order frames end in;
//! - a region below the top is reset as soon as its count drops to zero, and empty regions
//!   above it are popped (cached, up to [`SPARE_REGIONS`], or freed); the top region, once
//!   empty, is reset when its room is next needed — so a call loop pays one reset per region's
//!   worth of calls (about 50), not one per return.
//!
//! In the module-level loop the module frame keeps region 0, the loop's callees fill it once,
//! and from then on every call is carved from region 1, which is reset whenever its room runs
//! out: two regions, whatever the iteration count (three when a nested call's frame falls
//! across region 1's end while its caller's frame is live there). In general every region but the top one
//! holds a live frame (frames end in LIFO order on the frame stack; generators' frames are
//! moved out), so the arena holds at most `(live frames + 1)` regions plus its cache: in the
//! worst case a region per level of a recursion whose every level makes a region's worth of
//! calls before going deeper (fib: 265 KB for 21 KB of live frames); when frames are mostly
//! live (deep recursion) about their own size. Past [`MAX_ARENA_REGIONS`] regions (all a frame
//! handle can name) frames fall back to heap records.
//!
//! A frame that must outlive its region — a generator's — is copied into a heap record when
//! the generator is made ([`FramePool::detach`]), as `datastack` does; a frame from another
//! allocator handed to this one, or an arena frame handed to another, goes back where its
//! memory came from (`FramePool::release_foreign`).
//!
//! Measured (`rceval run --frames arena --stats`, release build; peak live is the frames' own
//! bytes, peak reserved what the arena held):
//!
//! | program | frames | region resets | regions made (from cache) | peak reserved | peak live |
//! |---|---:|---:|---:|---:|---:|
//! | `benches/programs/fib.py 25` | 1,048,496 | 26,048 | 11 (15,378) | 224,576 B | 19,256 B |
//! | `benches/programs/fib.py 30` | 4,178,004 | 110,757 | 30 (67,071) | 265,408 B | 21,216 B |
//! | `frames/module_level_call_loop.py` (10^6 calls) | 1,002,001 | 17,893 | 2 (0) | 40,832 B | 1,080 B |
//! | `frames/deep_recursion_chunks.py` (30,000 deep) | 109,722 | 2,375 | 2,306 (60) | 11.37 MB | 11.28 MB |
//!
//! Host instructions per call and return (callgrind, `benches/micro/call_return.py` at 100,000
//! and 300,000 calls, differenced): `heap` 1219, `freelist` 1061, `zombie` 1065, `datastack`
//! 1093, `arena` 1098; a module-level loop (a reset every ~50 calls): `datastack` 1971,
//! `arena` 1975 per iteration. Per-frame bookkeeping is thus about what `datastack`'s is: both
//! are a bump and a compare or two; what the arena saves on a return (no LIFO check, no
//! store of the top) it spends on finding the frame's region.

use std::alloc::Layout;
use std::mem::align_of;
use std::ptr::NonNull;
use std::rc::Rc;

use bumpalo::Bump;

use super::record::{MAX_ARENA_REGIONS, slots_of};
use super::stats::Source;
use super::{FrameAllocator, FrameBox, FrameHeader, FramePool, FrameStats, record_bytes};
use crate::runtime::object::CodeUnit;
use crate::runtime::value::{ObjRef, Value};

/// The capacity a fresh region is asked for: CPython's data-stack chunk size. Frames are carved
/// from a region while they fit its chunk (bumpalo rounds this up to whole pages less its own
/// footer: 20,416 bytes here), then go to a new region on top of it.
pub const REGION_BYTES: usize = 16 * 1024;

/// Emptied regions kept for reuse once no longer on the stack.
pub const SPARE_REGIONS: usize = 8;

/// One bump region and the frames carved from it.
#[derive(Debug)]
struct Region {
    bump: Bump,
    /// Frames carved from this region and not yet released (or moved out).
    live: u32,
    /// Bytes carved since the region was made or last reset.
    used: usize,
    /// Bytes its chunk holds (at least [`REGION_BYTES`]; bumpalo rounds chunks up to pages):
    /// frames are carved from it while they fit.
    room: usize,
}

/// The regions of the `arena` allocator: `regions[r]` is the region arena frames with
/// `arena_region() == Some(r)` live in, frames are carved from the last one.
#[derive(Debug)]
pub struct Arena {
    regions: Vec<Region>,
    /// Reset regions no longer on the stack, ready to be opened again.
    spares: Vec<Bump>,
    /// How many regions may be open before frames fall back to heap records: at most
    /// [`MAX_ARENA_REGIONS`] (how many a frame handle can name); lower only in tests.
    pub region_limit: usize,
}

impl Default for Arena {
    fn default() -> Arena {
        Arena {
            regions: Vec::new(),
            spares: Vec::new(),
            region_limit: MAX_ARENA_REGIONS,
        }
    }
}

/// The layout of a frame record of `bytes` bytes.
#[inline(always)]
fn record_layout(bytes: usize) -> Layout {
    Layout::from_size_align(bytes, align_of::<FrameHeader>()).expect("frame record size overflows")
}

impl Arena {
    /// Frames carved from the arena and not yet released.
    pub fn live_frames(&self) -> usize {
        self.regions.iter().map(|r| r.live as usize).sum()
    }

    /// Regions on the stack, and reset regions cached off it.
    pub fn region_counts(&self) -> (usize, usize) {
        (self.regions.len(), self.spares.len())
    }

    /// Bytes a fresh region has room for: [`REGION_BYTES`] as bumpalo rounds it.
    pub fn region_room() -> usize {
        Bump::with_capacity(REGION_BYTES).chunk_capacity()
    }

    /// Bytes the arena holds from the system allocator (the chunks of every region).
    pub fn held_bytes(&self) -> u64 {
        let open: usize = self.regions.iter().map(|r| r.bump.allocated_bytes()).sum();
        let spare: usize = self.spares.iter().map(Bump::allocated_bytes).sum();
        (open + spare) as u64
    }

    /// Carves a frame for a fresh call of `code` from the top region.
    #[inline(always)]
    fn alloc(
        &mut self,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
        stats: &mut FrameStats,
    ) -> FrameBox {
        let bytes = record_bytes(slots_of(code));
        let top = self.regions.len().wrapping_sub(1);
        let start = match self.regions.last_mut() {
            Some(r) if r.used + bytes <= r.room => {
                // The frame fits the region's chunk: this never makes bumpalo take another
                // chunk, so there is nothing to count.
                #[cfg(debug_assertions)]
                let held = r.bump.allocated_bytes();
                let start = r.bump.alloc_layout(record_layout(bytes));
                #[cfg(debug_assertions)]
                debug_assert_eq!(held, r.bump.allocated_bytes(), "a region outgrew its chunk");
                r.live += 1;
                r.used += bytes;
                start
            }
            _ => return self.alloc_making_room(code, globals, locals, stats),
        };
        // SAFETY: see `carved`; `start` was just carved from region `top` and counted in.
        unsafe { Self::carved(start, top, code, globals, locals, stats) }
    }

    /// A frame for `code` at `start`, carved from region `region`.
    ///
    /// # Safety
    /// `start` must be a fresh allocation of `record_bytes(slots_of(code))` bytes from region
    /// `region`'s bump, aligned for the header, already counted in the region's `live`.
    #[inline(always)]
    unsafe fn carved(
        start: NonNull<u8>,
        region: usize,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
        stats: &mut FrameStats,
    ) -> FrameBox {
        // SAFETY: the memory is fresh, big and aligned enough (this function's contract). A
        // region is reset (the only way its memory is reused or freed) only while its live
        // count, which counts this frame, is zero — after this frame has been released or
        // moved out — and it stays at index `region` while it has live frames (only empty
        // regions are popped). `Arena::drop` leaks regions that still have live frames.
        let frame = unsafe { FrameBox::new_in_arena(start, region, code, globals, locals) };
        stats.on_alloc(&frame, Source::Fresh);
        frame
    }

    /// The top region is full (or there is none): reclaims it if it is empty, else opens a
    /// region on top of it (a spare if there is one), and carves the frame there. Falls back
    /// to a heap record when [`MAX_ARENA_REGIONS`] are open.
    #[cold]
    #[inline(never)]
    fn alloc_making_room(
        &mut self,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
        stats: &mut FrameStats,
    ) -> FrameBox {
        match self.regions.last() {
            // Empty since its last frame ended: reclaimed now that its room is needed.
            Some(top) if top.live == 0 => self.reset(self.regions.len() - 1, stats),
            _ if self.regions.len() >= self.region_limit.min(MAX_ARENA_REGIONS) => {
                // Too many regions (a deep recursion filling a region per level): a heap
                // record, which the arena's `release` frees as any foreign heap frame.
                stats.heap_fallbacks += 1;
                let frame = FrameBox::new_heap(code, globals, locals, stats);
                stats.on_alloc(&frame, Source::Fresh);
                return frame;
            }
            _ => self.open_region(stats),
        }
        let bytes = record_bytes(slots_of(code));
        let region = self.regions.len() - 1;
        let r = &mut self.regions[region];
        let held = r.bump.allocated_bytes();
        let start = r.bump.alloc_layout(record_layout(bytes));
        // Only a frame bigger than REGION_BYTES makes bumpalo take another chunk (which the
        // region then keeps across resets).
        stats.on_reserve((r.bump.allocated_bytes() - held) as u64);
        r.live += 1;
        r.used += bytes;
        // SAFETY: `start` was just carved from region `region` and counted in.
        unsafe { Self::carved(start, region, code, globals, locals, stats) }
    }

    /// Pushes an empty region on top: a spare if there is one, else a fresh one whose chunk
    /// has room for [`REGION_BYTES`].
    fn open_region(&mut self, stats: &mut FrameStats) {
        debug_assert!(self.regions.len() < MAX_ARENA_REGIONS);
        let bump = match self.spares.pop() {
            Some(bump) => {
                stats.chunks_reused += 1;
                bump
            }
            None => {
                let bump = Bump::with_capacity(REGION_BYTES);
                stats.chunks_allocated += 1;
                stats.on_reserve(bump.allocated_bytes() as u64);
                bump
            }
        };
        let room = bump.chunk_capacity();
        debug_assert!(room >= REGION_BYTES);
        self.regions.push(Region {
            bump,
            live: 0,
            used: 0,
            room,
        });
    }

    /// Takes back a frame of region `region`, dropping its header.
    #[inline(always)]
    pub(super) fn release(&mut self, frame: FrameBox, region: usize, stats: &mut FrameStats) {
        debug_assert_eq!(frame.arena_region(), Some(region));
        frame.drop_pooled_frame();
        self.count_out(region, stats);
    }

    /// Takes back a frame of region `region` whose header has been moved out (a generator's,
    /// copied to the heap).
    pub(super) fn release_moved(&mut self, frame: FrameBox, region: usize, stats: &mut FrameStats) {
        debug_assert_eq!(frame.arena_region(), Some(region));
        frame.forget_header();
        self.count_out(region, stats);
    }

    /// One frame of `region` fewer. An emptied top region is left as it is, to be reclaimed
    /// when its room is next needed ([`Arena::make_room`]): a call loop then pays for one
    /// reset per region's worth of calls, not one per return.
    #[inline(always)]
    fn count_out(&mut self, region: usize, stats: &mut FrameStats) {
        let r = &mut self.regions[region];
        debug_assert!(
            r.live > 0,
            "arena region {region} released more frames than it made"
        );
        r.live -= 1;
        if r.live == 0 && region + 1 != self.regions.len() {
            self.region_emptied(region, stats);
        }
    }

    /// Region `region`, below the top, has no live frame left: reclaim it wholesale, and leave
    /// at most one empty region on top of the stack.
    #[cold]
    #[inline(never)]
    fn region_emptied(&mut self, region: usize, stats: &mut FrameStats) {
        self.reset(region, stats);
        while let [.., below, top] = &self.regions[..]
            && below.live == 0
            && top.live == 0
        {
            let top = self.regions.pop().expect("two regions");
            self.retire(top, stats);
        }
    }

    /// Reclaims region `region` wholesale: every frame carved from it has ended.
    fn reset(&mut self, region: usize, stats: &mut FrameStats) {
        let r = &mut self.regions[region];
        assert_eq!(r.live, 0, "arena region {region} reset with live frames");
        if r.used == 0 {
            return;
        }
        let held = r.bump.allocated_bytes();
        r.bump.reset();
        r.used = 0;
        // The chunk kept is the newest, which a frame bigger than the region may have made.
        r.room = r.bump.chunk_capacity();
        stats.arena_resets += 1;
        // Reset keeps the region's newest chunk (the biggest) and frees any others.
        stats.on_unreserve((held - r.bump.allocated_bytes()) as u64);
    }

    /// Caches an empty region popped off the stack, or frees it if the cache is full.
    fn retire(&mut self, region: Region, stats: &mut FrameStats) {
        debug_assert_eq!(region.live, 0);
        let mut bump = region.bump;
        if self.spares.len() < SPARE_REGIONS {
            if region.used != 0 {
                let held = bump.allocated_bytes();
                bump.reset();
                stats.arena_resets += 1;
                stats.on_unreserve((held - bump.allocated_bytes()) as u64);
            }
            self.spares.push(bump);
        } else {
            stats.chunks_freed += 1;
            stats.on_unreserve(bump.allocated_bytes() as u64);
        }
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        for region in self.regions.drain(..) {
            if region.live != 0 {
                // A frame handle still points into this region (its owner was dropped without
                // releasing it): leaking the region keeps that handle's memory valid.
                std::mem::forget(region.bump);
            }
        }
    }
}

/// Frames carved from bump regions, each region reclaimed wholesale when its last frame ends.
pub struct ArenaFrames;

impl FrameAllocator for ArenaFrames {
    const NAME: &'static str = "arena";

    #[inline(always)]
    fn alloc(
        pool: &mut FramePool,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
    ) -> FrameBox {
        pool.arena.alloc(code, globals, locals, &mut pool.stats)
    }

    #[inline(always)]
    fn release(pool: &mut FramePool, frame: FrameBox) {
        match frame.arena_region() {
            Some(region) => {
                pool.stats.on_release(&frame);
                pool.arena.release(frame, region, &mut pool.stats);
            }
            // A generator's frame copied to the heap, a heap fallback, or another allocator's.
            None => pool.release_foreign(frame),
        }
    }
}
