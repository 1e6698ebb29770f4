//! `heap`: a fresh heap record for every call, freed when the call ends. The baseline every
//! other allocator is measured against.

use std::rc::Rc;

use super::stats::Source;
use super::{FrameAllocator, FrameBox, FramePool};
use crate::runtime::object::CodeUnit;
use crate::runtime::value::{ObjRef, Value};

pub struct HeapFrames;

impl FrameAllocator for HeapFrames {
    const NAME: &'static str = "heap";

    #[inline(always)]
    fn alloc(
        pool: &mut FramePool,
        code: &Rc<CodeUnit>,
        globals: ObjRef,
        locals: Value,
    ) -> FrameBox {
        let frame = FrameBox::new_heap(code, globals, locals, &mut pool.stats);
        pool.stats.on_alloc(&frame, Source::Fresh);
        frame
    }

    #[inline(always)]
    fn release(pool: &mut FramePool, frame: FrameBox) {
        if frame.is_pooled() {
            return pool.release_foreign(frame);
        }
        pool.stats.on_release(&frame);
        frame.free(&mut pool.stats);
    }
}
