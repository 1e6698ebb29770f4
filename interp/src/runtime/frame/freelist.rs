//! `freelist`: dead frames kept on a bounded list and reused by the next call, whatever its
//! code, growing the record when it is too small — CPython's frame `free_list` up to 3.10
//! (`PyFrame_MAXFREELIST` = 200).

use std::rc::Rc;

use super::stats::Source;
use super::{FrameAllocator, FrameBox, FramePool};
use crate::runtime::object::CodeUnit;
use crate::runtime::value::{ObjRef, Value};

/// CPython's `PyFrame_MAXFREELIST`.
pub const MAX_FREE_LIST: usize = 200;

/// Dead heap frames, the most recently freed last.
#[derive(Debug)]
pub struct FreeList {
    frames: Vec<FrameBox>,
    /// How many frames the list keeps; more are freed.
    pub bound: usize,
}

impl Default for FreeList {
    fn default() -> FreeList {
        FreeList {
            frames: Vec::with_capacity(MAX_FREE_LIST),
            bound: MAX_FREE_LIST,
        }
    }
}

impl FreeList {
    pub fn len(&self) -> usize {
        self.frames.len()
    }

    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }

    pub(super) fn bytes(&self) -> u64 {
        self.frames.iter().map(FrameBox::bytes).sum()
    }
}

impl FramePool {
    /// The most recently freed frame refitted for `code` (its locals from `first_cleared` on
    /// emptied), else a fresh heap frame (all of them empty).
    #[inline(always)]
    pub(super) fn alloc_from_free_list(
        &mut self,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
        first_cleared: usize,
    ) -> FrameBox {
        match self.free_list.frames.pop() {
            Some(mut frame) => {
                if frame.refit(code, globals, locals, first_cleared, &mut self.stats) {
                    self.stats.on_resize();
                }
                self.stats.on_alloc(&frame, Source::Recycled);
                frame
            }
            None => {
                let frame = FrameBox::new_heap(code, globals, locals, &mut self.stats);
                self.stats.on_alloc(&frame, Source::Fresh);
                frame
            }
        }
    }

    /// Keeps a dead heap frame for reuse if the list has room, else frees it. The caller has
    /// counted the release.
    #[inline(always)]
    pub(super) fn keep_or_free(&mut self, frame: FrameBox) {
        if self.free_list.frames.len() < self.free_list.bound {
            self.free_list.frames.push(frame);
        } else {
            frame.free(&mut self.stats);
        }
    }
}

pub struct FreeListFrames;

impl FrameAllocator for FreeListFrames {
    const NAME: &'static str = "freelist";

    #[inline(always)]
    fn alloc(
        pool: &mut FramePool,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
    ) -> FrameBox {
        pool.alloc_from_free_list(code, globals, locals, 0)
    }

    #[inline(always)]
    fn alloc_for_call(
        pool: &mut FramePool,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        nargs: usize,
    ) -> FrameBox {
        pool.alloc_from_free_list(code, globals, Value::Null, nargs)
    }

    #[inline(always)]
    fn release(pool: &mut FramePool, frame: FrameBox) {
        if frame.is_pooled() {
            return pool.release_foreign(frame);
        }
        pool.stats.on_release(&frame);
        pool.keep_or_free(frame);
    }
}
