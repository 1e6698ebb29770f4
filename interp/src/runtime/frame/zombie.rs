//! `zombie`: each code object keeps its most recently finished frame, already sized and
//! pointed at the code, and the next call of that code takes it back setting only the per-call
//! fields; frames the code cannot keep go to the free list — CPython 2.5–3.10's
//! `co_zombieframe`.

use std::cell::Cell;
use std::rc::Rc;

use super::stats::Source;
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
        take_zombie(pool, code, globals, locals, 0)
    }

    #[inline(always)]
    fn alloc_for_call(
        pool: &mut FramePool,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        nargs: usize,
    ) -> FrameBox {
        take_zombie(pool, code, globals, Value::Null, nargs)
    }

    #[inline(always)]
    fn release(pool: &mut FramePool, frame: FrameBox) {
        if frame.is_pooled() {
            return pool.release_foreign(frame);
        }
        pool.stats.on_release(&frame);
        let code: *const CodeUnit = &*frame.code;
        // SAFETY: `frame` holds an `Rc` of its code, and the code outlives this call either
        // way: the frame is parked in the code's own slot (the pool keeps that cycle until it
        // is dropped) or goes to the free list, which keeps the frame and so the code.
        let slot = unsafe { &(*code).zombie };
        // A frame grown by the free list for a bigger code is a fine zombie too: only its
        // slot count must match, and `refit` set it for this code. Its locals keep their dead
        // values until the next call clears what its arguments do not overwrite.
        if slot.is_empty() {
            if !slot.registered.replace(true) {
                pool.zombie_owners.push(Rc::clone(&frame.code));
            }
            slot.frame.set(Some(frame));
        } else {
            pool.keep_or_free(frame);
        }
    }
}

/// `code`'s parked frame re-armed for a call (locals from `first_cleared` on emptied), else
/// one from the free list.
#[inline(always)]
fn take_zombie(
    pool: &mut FramePool,
    code: &Rc<CodeUnit>,
    globals: ObjRef,
    locals: Value,
    first_cleared: usize,
) -> FrameBox {
    match code.zombie.frame.take() {
        Some(mut frame) => {
            frame.restart(globals, locals, first_cleared);
            pool.stats.on_alloc(&frame, Source::Zombie);
            frame
        }
        None => pool.alloc_from_free_list(code, globals, locals, first_cleared),
    }
}
