//! The object heap: a slot table addressed by [`ObjRef`] handles, reclaimed by a mark-and-sweep
//! collector. Collection happens only at safepoints chosen by the eval loop (calls and loop
//! back-edges), where the roots are exactly the frames, module tables and VM registers, so
//! cycles are reclaimed like everything else.

use std::sync::atomic::{AtomicBool, Ordering};

use super::object::Object;
use super::value::{ObjRef, Value};

/// Figures the heap reports (the GC tests and `--stats` read them).
#[derive(Clone, Copy, Debug, Default)]
pub struct HeapStats {
    pub allocations: u64,
    pub freed: u64,
    pub collections: u64,
    pub live: usize,
    pub peak_live: usize,
}

pub struct Heap {
    slots: Vec<Option<Object>>,
    marks: Vec<bool>,
    free: Vec<u32>,
    pub stats: HeapStats,
    allocated_since_gc: usize,
    /// Payload bytes (big int digits, str and bytes data, list and tuple items) allocated
    /// since the last collection: a program making few but large objects (pidigits' ever
    /// larger ints) must not grow the heap by gigabytes between collections.
    payload_since_gc: usize,
    /// Objects that survived the last collection.
    live_after_gc: usize,
    /// Payload bytes of the objects that survived the last collection.
    live_payload_after_gc: usize,
    /// Allocations between collections never drop below this.
    pub min_gc_interval: usize,
    /// Whether the eval loop must stop at its next safepoint (every loop back-edge and call):
    /// a collection is due (`alloc` sets it), or an interrupt arrived (another thread sets it:
    /// [`super::interrupt`]). Atomic for that thread; a relaxed load is the same one load
    /// and one branch.
    collection_due: AtomicBool,
    /// Renewed whenever a type's attributes, bases or MRO change, or a type is freed: the
    /// type attribute cache ([`super::type_cache`]) holds what it found in one epoch.
    type_epoch: u64,
}

impl Default for Heap {
    fn default() -> Self {
        Heap {
            slots: Vec::new(),
            marks: Vec::new(),
            free: Vec::new(),
            stats: HeapStats::default(),
            allocated_since_gc: 0,
            payload_since_gc: 0,
            live_after_gc: 0,
            live_payload_after_gc: 0,
            min_gc_interval: MIN_GC_INTERVAL,
            collection_due: AtomicBool::new(false),
            type_epoch: 1,
        }
    }
}

impl Heap {
    #[inline]
    pub fn alloc(&mut self, obj: Object) -> ObjRef {
        self.stats.allocations += 1;
        self.stats.live += 1;
        self.stats.peak_live = self.stats.peak_live.max(self.stats.live);
        self.allocated_since_gc += 1;
        self.payload_since_gc += payload_bytes(&obj);
        // Only ever raised here (a collection or an interrupt clears it): a plain store could
        // lose an interrupt another thread raised a moment before.
        if self.allocated_since_gc >= self.min_gc_interval.max(self.live_after_gc / 2)
            || self.payload_since_gc >= MIN_PAYLOAD_GC_INTERVAL.max(self.live_payload_after_gc)
        {
            self.collection_due.store(true, Ordering::Relaxed);
        }
        if let Some(i) = self.free.pop() {
            self.slots[i as usize] = Some(obj);
            ObjRef(i)
        } else {
            self.slots.push(Some(obj));
            self.marks.push(false);
            ObjRef((self.slots.len() - 1) as u32)
        }
    }

    #[inline(always)]
    pub fn get(&self, r: ObjRef) -> &Object {
        match &self.slots[r.index()] {
            Some(obj) => obj,
            None => dangling(r),
        }
    }

    /// The object behind `r`, without the checks of [`Heap::get`]: for the eval loop's hot
    /// paths, whose handles come from GC roots.
    ///
    /// # Safety
    /// `r` must be a handle to a live object: one reachable from the collector's roots (a
    /// value on a frame's stack or in its locals, a frame's globals, the builtins), since the
    /// collector frees only unreachable objects and `alloc` hands out only in-range slots.
    #[inline(always)]
    pub unsafe fn get_live(&self, r: ObjRef) -> &Object {
        debug_assert!(
            matches!(self.slots.get(r.index()), Some(Some(_))),
            "dead handle {}",
            r.0
        );
        // SAFETY: the caller guarantees a live handle: its slot exists and holds an object.
        unsafe {
            self.slots
                .get_unchecked(r.index())
                .as_ref()
                .unwrap_unchecked()
        }
    }

    /// As [`Heap::get_live`], mutably.
    ///
    /// # Safety
    /// As for [`Heap::get_live`].
    #[inline(always)]
    pub unsafe fn get_live_mut(&mut self, r: ObjRef) -> &mut Object {
        debug_assert!(
            matches!(self.slots.get(r.index()), Some(Some(_))),
            "dead handle {}",
            r.0
        );
        // SAFETY: as in `get_live`.
        unsafe {
            self.slots
                .get_unchecked_mut(r.index())
                .as_mut()
                .unwrap_unchecked()
        }
    }

    #[inline(always)]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Object {
        match &mut self.slots[r.index()] {
            Some(obj) => obj,
            None => dangling(r),
        }
    }

    /// The current type epoch (never 0).
    #[inline(always)]
    pub fn type_epoch(&self) -> u64 {
        self.type_epoch
    }

    /// Starts a new type epoch: every type attribute lookup cached so far is forgotten. Call
    /// after changing a type's dict, bases or MRO.
    pub fn types_changed(&mut self) {
        self.type_epoch += 1;
    }

    /// Whether enough has been allocated since the last collection to make one worthwhile:
    /// the interval grows with what survived the last one (half of it: garbage at most half
    /// the live heap, as peak memory goes), so collection cost stays proportional to allocation.
    #[inline(always)]
    pub fn wants_collection(&self) -> bool {
        self.collection_due.load(Ordering::Relaxed)
    }

    /// Whether enough has been allocated for a collection (the safepoint flag may also stand
    /// for an interrupt).
    pub fn collection_wanted_by_allocation(&self) -> bool {
        self.allocated_since_gc >= self.min_gc_interval.max(self.live_after_gc / 2)
            || self.payload_since_gc >= MIN_PAYLOAD_GC_INTERVAL.max(self.live_payload_after_gc)
    }

    /// Lowers the safepoint flag after an interrupt was handled with no collection due.
    pub fn clear_safepoint_flag(&self) {
        self.collection_due.store(false, Ordering::Relaxed);
    }

    /// The safepoint flag itself, for [`super::interrupt::Watch`].
    pub(super) fn safepoint_flag(&self) -> &AtomicBool {
        &self.collection_due
    }

    /// Marks everything reachable from `roots`, frees the rest. Returns how many were freed.
    pub fn collect(&mut self, roots: impl IntoIterator<Item = Value>) -> usize {
        let mut pending: Vec<ObjRef> = Vec::new();
        let mark = |v: Value, marks: &mut Vec<bool>, pending: &mut Vec<ObjRef>| {
            if let Value::Obj(r) = v
                && !marks[r.index()]
            {
                marks[r.index()] = true;
                pending.push(r);
            }
        };
        for v in roots {
            mark(v, &mut self.marks, &mut pending);
        }
        while let Some(r) = pending.pop() {
            if let Some(obj) = &self.slots[r.index()] {
                let marks = &mut self.marks;
                obj.trace(|v| mark(v, marks, &mut pending));
            }
        }
        let mut freed = 0;
        let mut freed_a_type = false;
        let mut live_payload = 0;
        for (i, slot) in self.slots.iter_mut().enumerate() {
            if self.marks[i] {
                self.marks[i] = false;
                if let Some(obj) = slot {
                    live_payload += payload_bytes(obj);
                }
            } else if let Some(obj) = slot.take() {
                freed_a_type |= matches!(obj, Object::Type(_));
                self.free.push(i as u32);
                freed += 1;
            }
        }
        if freed_a_type {
            // Its handle may name a new type next, which must not see its cached lookups.
            self.types_changed();
        }
        self.stats.freed += freed as u64;
        self.stats.live -= freed;
        self.stats.collections += 1;
        self.allocated_since_gc = 0;
        self.payload_since_gc = 0;
        self.live_after_gc = self.stats.live;
        self.live_payload_after_gc = live_payload;
        // An interrupt that arrived before this collection is still to be seen by the loop.
        let interrupted = super::interrupt::interrupt_pending();
        self.collection_due.store(interrupted, Ordering::Relaxed);
        freed
    }
}

/// Objects allocated between collections, at least: below it, collections would cost more than
/// the memory they give back is worth.
const MIN_GC_INTERVAL: usize = 30_000;

/// Payload bytes allocated between collections (at least; at most as many as survived the last
/// one) before one is due regardless of the count: a program that makes few but large
/// objects, such as pidigits' ever larger ints, otherwise holds many dead ones at a time.
const MIN_PAYLOAD_GC_INTERVAL: usize = 4 << 20;

/// The bytes an object owns outside its slot (approximate; only large payloads matter).
#[inline(always)]
fn payload_bytes(obj: &Object) -> usize {
    match obj {
        Object::BigInt(b) => (b.bits() / 8) as usize,
        Object::Str(s) => s.s.len(),
        Object::Bytes(b) => b.len(),
        Object::ByteArray(b) => b.len(),
        Object::Array(a) => a.byte_len(),
        Object::Deque(d) => d.items.len() * std::mem::size_of::<Value>(),
        Object::List(items) => items.len() * std::mem::size_of::<Value>(),
        Object::Tuple(items) => items.len() * std::mem::size_of::<Value>(),
        // A generator's or coroutine's suspended frame (a few hundred bytes): a program that
        // makes many short-lived ones (pyperformance's coroutines) otherwise holds tens of
        // thousands of dead frames between collections.
        Object::Generator(g) => g.frame.as_ref().map_or(0, |f| f.record_bytes()),
        _ => 0,
    }
}

#[cold]
#[inline(never)]
fn dangling(r: ObjRef) -> ! {
    // A handle to a freed slot means a root was missed: a VM bug, never a Python error.
    panic!("rceval internal error: dangling object handle {}", r.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    #[test]
    fn large_payloads_make_a_collection_due_before_the_count_does() {
        let mut heap = Heap::default();
        let big: BigInt = BigInt::from(1) << (8usize * 1024 * 1024); // one MiB of digits
        let mut n = 0;
        while !heap.wants_collection() {
            heap.alloc(Object::BigInt(big.clone()));
            n += 1;
            assert!(n < 1000, "64 MiB of ints should make a collection due");
        }
        assert!(n < heap.min_gc_interval);
        heap.collect(std::iter::empty());
        assert!(!heap.wants_collection());
    }
}
