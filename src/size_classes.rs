//! The process's allocator: small blocks from per-thread free lists by size class, large ones
//! from the system allocator.
//!
//! Nearly every heap object owns a small payload allocated apart from its slot: a list's or a
//! tuple's items, a string's bytes, a set's tables, a generator's frame. glibc's `malloc` keeps
//! only seven blocks per size in its per-thread cache, so a program that makes and drops
//! thousands of small sets or tuples between collections goes through its general path
//! (`_int_malloc`, `_int_free`, consolidation): 29% of nqueens' host instructions. Here a block
//! of at most [`MAX_SMALL`] bytes comes from a free list per 16-byte class, refilled by carving
//! a [`CHUNK`] obtained from the system, as CPython's `pymalloc` does for objects of up to 512
//! bytes: a pop or a push of a list head, with no lock (the lists are per thread).
//!
//! Small blocks are never given back to the system, so the peak of small memory stays
//! resident, as with `pymalloc`'s pools (which return only whole empty arenas). A block freed
//! on another thread than the one that allocated it joins that thread's list; a thread that
//! ends leaves its lists behind (rceval's helper threads free little).
//!
//! The `rceval` binary installs it unless built with the `system-alloc` cargo feature, so
//! `rceval compare-builds` measures what it is worth. The test binaries keep the system allocator (their threads come and go); the tests
//! that run the binary (`tests/cli.rs`, the benches' test mode) run on this one.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr::null_mut;

/// The step between classes, which is also the alignment every small block has.
pub const GRANULE: usize = 16;
const CLASSES: usize = 32;
/// The largest small block.
pub const MAX_SMALL: usize = GRANULE * CLASSES;
/// What a thread takes from the system at a time to carve small blocks from.
pub const CHUNK: usize = 256 << 10;

/// Small blocks by size class, for any thread, over the system allocator.
pub struct SizeClasses;

struct ThreadLists {
    /// Per class, the first free block; each free block's first word links to the next.
    free: [Cell<*mut u8>; CLASSES],
    /// The unused rest of the current chunk.
    carve_from: Cell<*mut u8>,
    carve_end: Cell<*mut u8>,
}

thread_local! {
    // Const-initialized and without a destructor: available from the first allocation of a
    // thread to its last, with no lazy-initialization check on the way.
    static LISTS: ThreadLists = const {
        ThreadLists {
            free: [const { Cell::new(null_mut()) }; CLASSES],
            carve_from: Cell::new(null_mut()),
            carve_end: Cell::new(null_mut()),
        }
    };
}

/// The class of a layout if it is small, by its size (at least 1, as `GlobalAlloc` requires).
#[inline(always)]
fn small_class(layout: Layout) -> Option<usize> {
    (layout.size() <= MAX_SMALL && layout.align() <= GRANULE)
        .then(|| (layout.size().max(1) - 1) / GRANULE)
}

impl ThreadLists {
    #[inline(always)]
    fn take(&self, class: usize) -> *mut u8 {
        let head = self.free[class].get();
        if head.is_null() {
            return self.carve((class + 1) * GRANULE);
        }
        // SAFETY: a non-null head is a free block of this class that `give` linked in: at
        // least GRANULE bytes, aligned to GRANULE, its first word the next block (or null).
        let next = unsafe { head.cast::<*mut u8>().read() };
        self.free[class].set(next);
        head
    }

    #[inline(always)]
    fn give(&self, class: usize, block: *mut u8) {
        // SAFETY: the caller hands back a block of this class that it no longer uses: it is
        // ours to overwrite, and large and aligned enough for a pointer.
        unsafe { block.cast::<*mut u8>().write(self.free[class].get()) };
        self.free[class].set(block);
    }

    #[cold]
    #[inline(never)]
    fn carve(&self, size: usize) -> *mut u8 {
        let mut from = self.carve_from.get();
        if (self.carve_end.get() as usize) - (from as usize) < size {
            // The old chunk's tail (less than one block) is left unused.
            // SAFETY: CHUNK is non-zero and GRANULE a power of two.
            from = unsafe { System.alloc(Layout::from_size_align_unchecked(CHUNK, GRANULE)) };
            if from.is_null() {
                return from;
            }
            // SAFETY: `from` starts a CHUNK-byte allocation.
            self.carve_end.set(unsafe { from.add(CHUNK) });
        }
        // SAFETY: at least `size` bytes remain between `from` and `carve_end`.
        self.carve_from.set(unsafe { from.add(size) });
        from
    }
}

// SAFETY: small blocks are handed out once until given back (free lists and carving never
// overlap), are GRANULE-aligned and as large as their class; everything else is the system
// allocator's, and a block goes back to where it came from because the class is a function of
// the layout, which `GlobalAlloc` callers must pass unchanged to `dealloc`.
unsafe impl GlobalAlloc for SizeClasses {
    #[inline(always)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match small_class(layout) {
            Some(class) => LISTS.with(|lists| lists.take(class)),
            // SAFETY: the caller's layout has a non-zero size, as `GlobalAlloc` requires.
            None => unsafe { System.alloc(layout) },
        }
    }

    #[inline(always)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match small_class(layout) {
            Some(class) => {
                debug_assert_eq!(ptr as usize % GRANULE, 0, "not a small block");
                LISTS.with(|lists| lists.give(class, ptr))
            }
            // SAFETY: a large layout's block came from `System.alloc` with this layout.
            None => unsafe { System.dealloc(ptr, layout) },
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `GlobalAlloc::realloc`'s contract: the new size, rounded up to the
        // alignment, does not overflow.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (small_class(layout), small_class(new_layout)) {
            (Some(old), Some(new)) if old == new => ptr,
            // SAFETY: both are the system's: the block came from it with `layout`.
            (None, None) => unsafe { System.realloc(ptr, layout, new_size) },
            _ => {
                // SAFETY: a non-zero size as the contract requires; on success the old block
                // (valid for `layout.size()` bytes) is copied as far as both reach, then freed
                // to where it came from.
                unsafe {
                    let fresh = self.alloc(new_layout);
                    if !fresh.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, fresh, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    fresh
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn a_freed_small_block_is_the_next_one_of_its_class_and_only_of_its_class() {
        let a = SizeClasses;
        unsafe {
            let x = a.alloc(layout(40, 8));
            assert_eq!(x as usize % GRANULE, 0);
            a.dealloc(x, layout(40, 8));
            let other_class = a.alloc(layout(60, 8));
            assert_ne!(other_class, x);
            let same_class = a.alloc(layout(33, 1));
            assert_eq!(same_class, x, "33 and 40 bytes share the 48-byte class");
            a.dealloc(same_class, layout(33, 1));
            a.dealloc(other_class, layout(60, 8));
        }
    }

    #[test]
    fn live_blocks_never_overlap_across_chunks() {
        let a = SizeClasses;
        let n = 3 * CHUNK / MAX_SMALL;
        let blocks: Vec<*mut u8> = (0..n)
            .map(|i| unsafe {
                let p = a.alloc(layout(MAX_SMALL, 16));
                p.write_bytes(i as u8, MAX_SMALL);
                p
            })
            .collect();
        for (i, &p) in blocks.iter().enumerate() {
            let bytes = unsafe { std::slice::from_raw_parts(p, MAX_SMALL) };
            assert!(
                bytes.iter().all(|&b| b == i as u8),
                "block {i} was overwritten"
            );
        }
        let mut sorted = blocks.clone();
        sorted.sort();
        for w in sorted.windows(2) {
            assert!(w[1] as usize - w[0] as usize >= MAX_SMALL);
        }
        for p in blocks {
            unsafe { a.dealloc(p, layout(MAX_SMALL, 16)) };
        }
    }

    #[test]
    fn realloc_keeps_the_contents_across_classes_and_into_the_system_allocator() {
        let a = SizeClasses;
        unsafe {
            let mut p = a.alloc(layout(8, 8));
            let mut size = 8;
            for (k, b) in (0..size).enumerate() {
                p.add(b).write(k as u8);
            }
            for new_size in [24, 200, MAX_SMALL, MAX_SMALL + 1, 10_000, 100, 8] {
                p = a.realloc(p, layout(size, 8), new_size);
                assert!(!p.is_null());
                for b in 0..size.min(new_size).min(8) {
                    assert_eq!(p.add(b).read(), b as u8, "byte {b} at {new_size}");
                }
                size = new_size;
            }
            a.dealloc(p, layout(size, 8));
        }
    }

    #[test]
    fn over_aligned_and_large_layouts_go_to_the_system() {
        assert_eq!(small_class(layout(64, 32)), None);
        assert_eq!(small_class(layout(MAX_SMALL + 1, 8)), None);
        assert_eq!(small_class(layout(MAX_SMALL, 16)), Some(CLASSES - 1));
        assert_eq!(small_class(layout(1, 1)), Some(0));
        let a = SizeClasses;
        unsafe {
            let p = a.alloc(layout(64, 64));
            assert_eq!(p as usize % 64, 0);
            a.dealloc(p, layout(64, 64));
        }
    }
}
