//! `zombie`: each code object keeps its most recently finished frame, already sized and
//! pointed at the code, and the next call of that code takes it back setting only the per-call
//! fields; frames the code cannot keep go to the free list — CPython 2.5–3.10's
//! `co_zombieframe`.

use std::cell::Cell;
use std::rc::Rc;

use super::{FrameAllocator, FrameBox, FramePool};
use crate::runtime::object::CodeUnit;
use crate::runtime::value::{ObjRef, Value};

/// A code object's parked frame (empty unless the `zombie` allocator runs).
#[derive(Default)]
pub struct ZombieSlot {
    frame: Cell<Option<FrameBox>>,
    /// Whether the pool knows this code holds a zombie (to break the code ↔ frame cycle).
    registered: Cell<bool>,
}

impl std::fmt::Debug for ZombieSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.is_empty() {
            "ZombieSlot(empty)"
        } else {
            "ZombieSlot(parked)"
        })
    }
}

impl ZombieSlot {
    pub fn is_empty(&self) -> bool {
        let frame = self.frame.take();
        let empty = frame.is_none();
        self.frame.set(frame);
        empty
    }

    pub(super) fn take(&self) -> Option<FrameBox> {
        self.frame.take()
    }

    pub(super) fn bytes(&self) -> u64 {
        let frame = self.frame.take();
        let bytes = frame.as_ref().map_or(0, FrameBox::bytes);
        self.frame.set(frame);
        bytes
    }
}

pub struct ZombieFrames;

impl FrameAllocator for ZombieFrames {
    const NAME: &'static str = "zombie";

    #[inline(always)]
    fn alloc(
        pool: &mut FramePool,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
    ) -> FrameBox {
        match code.zombie.frame.take() {
            Some(mut frame) => {
                frame.restart(globals, locals);
                pool.stats.zombie_hits += 1;
                pool.stats.on_alloc(&frame, true);
                frame
            }
            None => pool.alloc_from_free_list(code, globals, locals),
        }
    }

    #[inline(always)]
    fn release(pool: &mut FramePool, mut frame: FrameBox) {
        if frame.is_pooled() {
            return pool.release_foreign(frame);
        }
        pool.stats.on_release(&frame);
        let code = Rc::clone(&frame.code);
        let slot = &code.zombie;
        // A frame grown by the free list for a bigger code is a fine zombie too: only its
        // slot count must match, and `refit` set it for this code.
        if slot.is_empty() {
            frame.clear_locals();
            if !slot.registered.replace(true) {
                pool.zombie_owners.push(Rc::clone(&code));
            }
            slot.frame.set(Some(frame));
        } else {
            pool.keep_or_free(frame);
        }
    }
}
