//! What a frame allocator reports after a run (`rceval run --stats`).

use super::FrameBox;

/// How a frame was obtained, for the counters.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    Fresh,
    Recycled,
    Zombie,
}

/// Counters every allocator keeps. Frames of generators that are garbage-collected before they
/// finish are freed by the collector, not released, so they stay counted as live.
///
/// The per-call figures (`allocated` to `peak_live_bytes`) are kept only while [`counting`] is
/// set (`rceval run --stats` sets it): keeping them cost 45 host instructions per call and
/// return (callgrind, the call loop under `zombie`), two thirds of what the allocator's own
/// work costs, and would be charged to every allocator in every measurement. Turned off, they
/// cost one test of this flag per call and per return. The rarer events (chunks, regions,
/// reserved bytes) are always counted.
///
/// [`counting`]: FrameStats::counting
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FrameStats {
    /// Whether the per-call figures are being kept; set before the first frame is made.
    pub counting: bool,
    /// Frames made in fresh memory: a new heap record, or a bump in a data-stack chunk or an
    /// arena region.
    pub allocated: u64,
    /// Frames recycled from a free list or a zombie slot.
    pub reused: u64,
    /// Of `reused`, those taken from their code object's zombie slot.
    pub zombie_hits: u64,
    /// Recycled frames whose record had to grow to fit the code.
    pub resized: u64,
    /// Frames whose call ended and which went back to the allocator.
    pub freed: u64,
    /// Data-stack and arena frames copied to the heap because they outlive LIFO order
    /// (generators).
    pub copied_out: u64,
    pub live: u64,
    pub peak_live: u64,
    /// Bytes of the records of live frames.
    pub live_bytes: u64,
    pub peak_live_bytes: u64,
    /// Bytes the allocator holds from the system allocator: live and cached records, chunks.
    pub reserved_bytes: u64,
    pub peak_reserved_bytes: u64,
    /// Data-stack chunks (arena regions) obtained from and returned to the system allocator.
    pub chunks_allocated: u64,
    pub chunks_freed: u64,
    /// Data-stack chunks (arena regions) taken from the cache instead of the system allocator.
    pub chunks_reused: u64,
    /// Arena regions reclaimed wholesale because their last live frame ended.
    pub arena_resets: u64,
    /// Frames the arena made as heap records because it had its maximum of regions open.
    pub heap_fallbacks: u64,
}

impl FrameStats {
    #[inline(always)]
    pub(super) fn on_alloc(&mut self, frame: &FrameBox, source: Source) {
        if self.counting {
            self.count_alloc(frame, source);
        }
    }

    #[inline(never)]
    fn count_alloc(&mut self, frame: &FrameBox, source: Source) {
        match source {
            Source::Fresh => self.allocated += 1,
            Source::Recycled => self.reused += 1,
            Source::Zombie => {
                self.reused += 1;
                self.zombie_hits += 1;
            }
        }
        self.live += 1;
        self.peak_live = self.peak_live.max(self.live);
        self.live_bytes += frame.bytes();
        self.peak_live_bytes = self.peak_live_bytes.max(self.live_bytes);
    }

    #[inline(always)]
    pub(super) fn on_release(&mut self, frame: &FrameBox) {
        if self.counting {
            self.count_release(frame);
        }
    }

    #[inline(never)]
    fn count_release(&mut self, frame: &FrameBox) {
        self.freed += 1;
        self.live = self.live.saturating_sub(1);
        self.live_bytes = self.live_bytes.saturating_sub(frame.bytes());
    }

    #[inline(always)]
    pub(super) fn on_resize(&mut self) {
        if self.counting {
            self.resized += 1;
        }
    }

    #[inline(always)]
    pub(super) fn on_reserve(&mut self, bytes: u64) {
        self.reserved_bytes += bytes;
        self.peak_reserved_bytes = self.peak_reserved_bytes.max(self.reserved_bytes);
    }

    #[inline(always)]
    pub(super) fn on_unreserve(&mut self, bytes: u64) {
        self.reserved_bytes = self.reserved_bytes.saturating_sub(bytes);
    }
}
