//! The raw-memory side of frames: record layout, heap records growing, the data stack across
//! chunk boundaries and out of LIFO order, generator frames copied out, zombie cycles.

use std::rc::Rc;

use super::*;
use crate::compiler::compile_module;
use crate::runtime::value::{ObjRef, Value};

/// A pool keeping every figure, as `--stats` runs do.
fn counting_pool() -> FramePool {
    let mut pool = FramePool::default();
    pool.stats.counting = true;
    pool
}

/// A code unit whose frame has `locals` locals (and a small value stack).
fn unit_with_locals(locals: usize) -> Rc<CodeUnit> {
    let names: Vec<String> = (0..locals).map(|i| format!("v{i}")).collect();
    let source = if locals == 0 {
        "pass\n".to_string()
    } else {
        format!("def f():\n    {} = 0\n", names.join(" = "))
    };
    let module = compile_module(&source, "t.py").expect("compiles");
    let code = if locals == 0 {
        module
    } else {
        module
            .consts
            .iter()
            .find_map(|c| match c {
                crate::code::Constant::Code(code) => Some(Rc::clone(code)),
                _ => None,
            })
            .expect("function code")
    };
    Rc::new(CodeUnit {
        global_cache: crate::runtime::global_cache::new_cache(0),
        fast_arity: code.fast_call_arity().unwrap_or(u32::MAX),
        code,
        consts: Box::new([]),
        names: Box::new([]),
        varnames: Box::new([]),
        name: Value::None,
        qualname: Value::None,
        zombie: ZombieSlot::default(),
        object: std::cell::Cell::new(None),
    })
}

const GLOBALS: ObjRef = ObjRef(0);

/// Fills every slot of `frame` with a value naming the frame and the slot.
fn stamp(frame: &mut Frame, id: i64) {
    for (i, slot) in frame.slots.iter_mut().enumerate() {
        *slot = Value::Int(id * 1_000 + i as i64);
    }
}

fn check_stamp(frame: &Frame, id: i64) {
    for (i, slot) in frame.slots.iter().enumerate() {
        assert!(
            matches!(*slot, Value::Int(v) if v == id * 1_000 + i as i64),
            "frame {id} slot {i} overwritten: {slot:?}"
        );
    }
}

#[test]
fn a_record_is_its_header_then_its_slots() {
    let code = unit_with_locals(7);
    let mut pool = counting_pool();
    let frame = HeapFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    let n = code.code.frame_size();
    assert_eq!(frame.slots.len(), n);
    assert_eq!(std::mem::size_of_val(&*frame), record_bytes(n));
    let header_end = (&**frame as *const FrameHeader as usize) + std::mem::size_of::<FrameHeader>();
    assert_eq!(frame.slots.as_ptr() as usize, header_end);
    assert!(frame.slots.iter().all(|v| v.is_null()));
    assert_eq!(frame.sp, frame.stack_base);
    assert_eq!(frame.stack_base, 7);
    HeapFrames::release(&mut pool, frame);
    assert_eq!(pool.stats.reserved_bytes, 0);
    assert_eq!(pool.stats.live, 0);
}

#[test]
fn a_recycled_frame_grows_and_comes_back_empty() {
    let small = unit_with_locals(1);
    let big = unit_with_locals(40);
    let mut pool = counting_pool();
    let mut frame = FreeListFrames::alloc(&mut pool, &small, GLOBALS, Value::Null);
    stamp(&mut frame, 1);
    FreeListFrames::release(&mut pool, frame);
    let mut frame = FreeListFrames::alloc(&mut pool, &big, GLOBALS, Value::Null);
    assert_eq!(pool.stats.resized, 1);
    assert_eq!(frame.slots.len(), big.code.frame_size());
    assert!(frame.slots[..40].iter().all(|v| v.is_null()));
    stamp(&mut frame, 2);
    check_stamp(&frame, 2);
    FreeListFrames::release(&mut pool, frame);
    // Back to the small code: the big record fits, nothing grows.
    let frame = FreeListFrames::alloc(&mut pool, &small, GLOBALS, Value::Null);
    assert_eq!(pool.stats.resized, 1);
    assert_eq!(frame.slots.len(), small.code.frame_size());
    assert!(frame.slots[0].is_null());
    FreeListFrames::release(&mut pool, frame);
    assert_eq!(pool.free_list.len(), 1);
}

#[test]
fn the_free_list_keeps_at_most_its_bound() {
    let code = unit_with_locals(2);
    let mut pool = counting_pool();
    let frames: Vec<FrameBox> = (0..MAX_FREE_LIST + 50)
        .map(|_| FreeListFrames::alloc(&mut pool, &code, GLOBALS, Value::Null))
        .collect();
    for frame in frames {
        FreeListFrames::release(&mut pool, frame);
    }
    assert_eq!(pool.free_list.len(), MAX_FREE_LIST);
    assert_eq!(pool.stats.reserved_bytes, pool.cached_bytes());
}

#[test]
fn data_stack_frames_survive_chunk_crossings_in_both_directions() {
    let codes: Vec<Rc<CodeUnit>> = [0, 3, 17, 60, 5]
        .iter()
        .map(|&n| unit_with_locals(n))
        .collect();
    for keep_spare in [true, false] {
        let mut pool = counting_pool();
        let mut stack: Vec<FrameBox> = Vec::new();
        // Two descents and partial returns, deep enough for several chunks.
        for round in 0..2 {
            // Under Miri (which checks every access of this unsafe code) a shallower descent
            // still crosses several chunks.
            let depth = if cfg!(miri) { 150 } else { 600 };
            for i in 0..depth {
                let code = &codes[i % codes.len()];
                let mut frame = if keep_spare {
                    DataStackFrames::alloc(&mut pool, code, GLOBALS, Value::Null)
                } else {
                    DataStack311Frames::alloc(&mut pool, code, GLOBALS, Value::Null)
                };
                stamp(&mut frame, (stack.len() + 1) as i64);
                stack.push(frame);
            }
            for (id, frame) in stack.iter().enumerate() {
                check_stamp(frame, id as i64 + 1);
            }
            let keep = if round == 0 { depth / 3 } else { 0 };
            while stack.len() > keep {
                let frame = stack.pop().unwrap();
                check_stamp(&frame, stack.len() as i64 + 1);
                if keep_spare {
                    DataStackFrames::release(&mut pool, frame);
                } else {
                    DataStack311Frames::release(&mut pool, frame);
                }
            }
        }
        assert!(pool.stats.chunks_allocated >= 3, "{:?}", pool.stats);
        assert_eq!(pool.data_stack.live_frames(), 0);
        assert_eq!(pool.data_stack.chunk_counts().0, 1, "the root chunk stays");
        if !keep_spare {
            assert_eq!(pool.data_stack.chunk_counts().1, 0);
            assert_eq!(pool.stats.chunks_freed + 1, pool.stats.chunks_allocated);
        }
    }
}

#[test]
#[should_panic(expected = "out of LIFO order")]
fn releasing_a_data_stack_frame_out_of_order_is_refused() {
    let code = unit_with_locals(2);
    let mut pool = counting_pool();
    let below = DataStackFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    let _above = DataStackFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    DataStackFrames::release(&mut pool, below);
}

#[test]
fn a_detached_frame_keeps_its_header_and_slots_and_frees_its_place() {
    let code = unit_with_locals(4);
    let other = unit_with_locals(9);
    let mut pool = counting_pool();
    let caller = DataStackFrames::alloc(&mut pool, &other, GLOBALS, Value::Null);
    let mut frame = DataStackFrames::alloc(&mut pool, &code, ObjRef(7), Value::Int(3));
    stamp(&mut frame, 5);
    frame.pc = 11;
    frame.push_block(BlockKind::SetupFinally, 4);
    let strong = Rc::strong_count(&code);
    let detached = pool.detach(frame);
    assert!(!detached.in_chunk());
    assert_eq!(
        Rc::strong_count(&code),
        strong,
        "the header moved, not cloned"
    );
    check_stamp(&detached, 5);
    assert_eq!(
        (detached.pc, detached.globals, detached.blocks().len()),
        (11, ObjRef(7), 1)
    );
    assert_eq!(pool.stats.copied_out, 1);
    // Its place on the stack is free again: the next frame goes exactly there.
    let mut next = DataStackFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    stamp(&mut next, 6);
    check_stamp(&detached, 5);
    DataStackFrames::release(&mut pool, next);
    DataStackFrames::release(&mut pool, caller);
    // A finished generator's frame goes back through the same allocator.
    DataStackFrames::release(&mut pool, detached);
    assert_eq!(pool.stats.live, 0);
    assert_eq!(Rc::strong_count(&code), 1);
}

#[test]
fn zombie_frames_are_reused_and_do_not_keep_their_code_alive() {
    let code = unit_with_locals(3);
    let mut pool = counting_pool();
    let mut frame = ZombieFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    stamp(&mut frame, 1);
    let first = &**frame as *const FrameHeader;
    ZombieFrames::release(&mut pool, frame);
    assert!(!code.zombie.is_empty());
    let frame = ZombieFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    assert_eq!(
        &**frame as *const FrameHeader, first,
        "the zombie came back"
    );
    assert!(
        frame.slots[..3].iter().all(|v| v.is_null()),
        "locals cleared"
    );
    assert_eq!(pool.stats.zombie_hits, 1);
    // A second frame of the same code while the first is live goes to the free list.
    let second = ZombieFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    ZombieFrames::release(&mut pool, frame);
    ZombieFrames::release(&mut pool, second);
    assert_eq!(pool.free_list.len(), 1);
    assert!(Rc::strong_count(&code) > 1);
    drop(pool);
    assert_eq!(
        Rc::strong_count(&code),
        1,
        "the pool broke the code/zombie cycle"
    );
}

#[test]
fn a_frame_outliving_its_pool_stays_valid() {
    let code = unit_with_locals(2);
    let mut pool = counting_pool();
    let mut frame = DataStackFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    stamp(&mut frame, 3);
    drop(pool);
    check_stamp(&frame, 3);
    drop(frame);
    assert_eq!(Rc::strong_count(&code), 1);
}

#[test]
fn frames_trace_globals_locals_and_the_live_stack_only() {
    let code = unit_with_locals(1);
    let mut pool = counting_pool();
    let mut frame = DataStackFrames::alloc(&mut pool, &code, ObjRef(9), Value::Int(-1));
    frame.slots[0] = Value::Int(1);
    frame.push(Value::Int(2));
    let sp = frame.sp as usize;
    if sp < frame.slots.len() {
        frame.slots[sp] = Value::Int(99); // dead: above the stack top
    }
    let mut seen = Vec::new();
    frame.trace(&mut |v| seen.push(v));
    assert!(seen.iter().any(|v| matches!(v, Value::Obj(ObjRef(9)))));
    assert!(seen.iter().any(|v| matches!(v, Value::Int(-1))));
    assert!(seen.iter().any(|v| matches!(v, Value::Int(1))));
    assert!(seen.iter().any(|v| matches!(v, Value::Int(2))));
    assert!(!seen.iter().any(|v| matches!(v, Value::Int(99))));
    DataStackFrames::release(&mut pool, frame);
}

#[test]
fn frame_object_link_is_set_only_by_attach_and_cleared_by_reuse() {
    let code = unit_with_locals(3);
    let mut pool = counting_pool();
    let mut frame = FreeListFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    assert_eq!(frame.frame_object(), None);
    frame.set_entry(true);
    frame.attach_frame_object(ObjRef(7));
    assert_eq!(frame.frame_object(), Some(ObjRef(7)));
    assert!(frame.is_entry());
    FreeListFrames::release(&mut pool, frame);
    // The recycled record must not carry the old link into a new call.
    let frame = FreeListFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    assert_eq!(frame.frame_object(), None);
    assert!(!frame.is_entry());
    FreeListFrames::release(&mut pool, frame);
    let code2 = unit_with_locals(1);
    let mut zombie = ZombieFrames::alloc(&mut pool, &code2, GLOBALS, Value::Null);
    zombie.attach_frame_object(ObjRef(9));
    assert_eq!(zombie.detach_frame_object(), Some(ObjRef(9)));
    assert_eq!(zombie.frame_object(), None);
    zombie.attach_frame_object(ObjRef(3));
    ZombieFrames::release(&mut pool, zombie);
    let again = ZombieFrames::alloc(&mut pool, &code2, GLOBALS, Value::Null);
    assert_eq!(again.frame_object(), None);
    ZombieFrames::release(&mut pool, again);
}

#[test]
fn the_header_did_not_grow_for_frame_objects() {
    // 296 bytes before frame objects existed (release and debug alike): the link lives in
    // space the header already had, so records and data-stack chunks hold what they held.
    // Then 304 once the header cached its code's first instruction for the eval loop's cursor
    // (jumps and the cursor's reload are one load from the header instead of three).
    assert_eq!(std::mem::size_of::<FrameHeader>(), 304);
}

/// A fresh arena frame for `code`.
fn arena_alloc(pool: &mut FramePool, code: &Rc<CodeUnit>) -> FrameBox {
    ArenaFrames::alloc(pool, code, GLOBALS, Value::Null)
}

#[test]
fn arena_frames_survive_region_crossings_and_regions_are_reclaimed() {
    let codes: Vec<Rc<CodeUnit>> = [0, 3, 17, 60, 5]
        .iter()
        .map(|&n| unit_with_locals(n))
        .collect();
    let mut pool = counting_pool();
    let mut stack: Vec<FrameBox> = Vec::new();
    let depth = if cfg!(miri) { 150 } else { 600 };
    for round in 0..2 {
        for i in 0..depth {
            let mut frame = arena_alloc(&mut pool, &codes[i % codes.len()]);
            assert!(frame.arena_region().is_some());
            assert!(
                frame.slots.iter().all(|v| v.is_null()),
                "a carved frame starts empty"
            );
            stamp(&mut frame, (stack.len() + 1) as i64);
            stack.push(frame);
        }
        for (id, frame) in stack.iter().enumerate() {
            check_stamp(frame, id as i64 + 1);
        }
        let keep = if round == 0 { depth / 3 } else { 0 };
        while stack.len() > keep {
            let frame = stack.pop().unwrap();
            check_stamp(&frame, stack.len() as i64 + 1);
            ArenaFrames::release(&mut pool, frame);
        }
        // The frames still live were not touched by the resets above them.
        for (id, frame) in stack.iter().enumerate() {
            check_stamp(frame, id as i64 + 1);
        }
    }
    let s = pool.stats;
    assert!(s.chunks_allocated >= 3, "{s:?}");
    assert!(s.arena_resets >= 3, "{s:?}");
    assert_eq!((s.live, s.live_bytes), (0, 0), "{s:?}");
    assert_eq!(s.allocated, s.freed);
    assert_eq!(pool.arena.live_frames(), 0);
    let (open, spare) = pool.arena.region_counts();
    assert_eq!(open, 1, "one empty region stays on top");
    assert!(spare <= SPARE_REGIONS);
    assert_eq!(s.reserved_bytes, pool.arena.held_bytes(), "{s:?}");
    assert!(s.peak_reserved_bytes >= s.peak_live_bytes, "{s:?}");
}

#[test]
fn a_module_level_call_loop_runs_in_bounded_arena_memory() {
    let module = unit_with_locals(0);
    let callee = unit_with_locals(3);
    let mut pool = counting_pool();
    let mut outer = arena_alloc(&mut pool, &module);
    stamp(&mut outer, 1);
    let iterations = if cfg!(miri) { 2_000 } else { 1_000_000 };
    let mut reserved_after_warmup = 0;
    for i in 0..iterations {
        let mut frame = arena_alloc(&mut pool, &callee);
        frame.slots[0] = Value::Int(i);
        ArenaFrames::release(&mut pool, frame);
        if i == 1_000 {
            reserved_after_warmup = pool.stats.reserved_bytes;
        }
    }
    let s = pool.stats;
    check_stamp(&outer, 1);
    // The module frame keeps region 0; every later call is carved from region 1, which is
    // reset whenever its room runs out: two regions, whatever the iteration count.
    assert_eq!(pool.arena.region_counts().0, 2, "{s:?}");
    assert_eq!(s.reserved_bytes, reserved_after_warmup, "{s:?}");
    assert!(
        s.peak_reserved_bytes <= 2 * Arena::region_room() as u64,
        "{s:?}"
    );
    assert_eq!(s.chunks_allocated, 2, "{s:?}");
    if !cfg!(miri) {
        let per_region = (Arena::region_room() / record_bytes(callee.code.frame_size())) as u64;
        assert!(
            s.arena_resets >= iterations as u64 / per_region - 2,
            "{s:?}"
        );
    }
    ArenaFrames::release(&mut pool, outer);
    assert_eq!((pool.stats.live, pool.arena.live_frames()), (0, 0));
}

#[test]
fn arena_regions_reset_only_when_their_last_frame_ends_in_any_order() {
    let code = unit_with_locals(30);
    let mut pool = counting_pool();
    // Enough frames for several regions, released out of LIFO order: every other one first.
    let per_region = Arena::region_room() / record_bytes(code.code.frame_size());
    let mut frames: Vec<Option<FrameBox>> = (0..per_region * 4)
        .map(|i| {
            let mut frame = arena_alloc(&mut pool, &code);
            stamp(&mut frame, i as i64 + 1);
            Some(frame)
        })
        .collect();
    assert!(pool.arena.region_counts().0 >= 4);
    for parity in [0, 1] {
        for i in (parity..frames.len()).step_by(2) {
            ArenaFrames::release(&mut pool, frames[i].take().unwrap());
            // A fresh frame may reuse only reclaimed memory.
            let mut probe = arena_alloc(&mut pool, &code);
            stamp(&mut probe, 999);
            ArenaFrames::release(&mut pool, probe);
            for (j, frame) in frames.iter().enumerate() {
                if let Some(frame) = frame {
                    check_stamp(frame, j as i64 + 1);
                }
            }
        }
    }
    assert_eq!(pool.stats.live, 0);
    assert_eq!(pool.arena.live_frames(), 0);
    assert_eq!(pool.stats.reserved_bytes, pool.arena.held_bytes());
}

#[test]
fn a_detached_arena_frame_keeps_its_state_and_leaves_its_region() {
    let code = unit_with_locals(4);
    let mut pool = counting_pool();
    let caller = arena_alloc(&mut pool, &code);
    let mut frame = ArenaFrames::alloc(&mut pool, &code, ObjRef(7), Value::Int(3));
    stamp(&mut frame, 5);
    frame.pc = 11;
    frame.push_block(BlockKind::SetupFinally, 4);
    let strong = Rc::strong_count(&code);
    let detached = pool.detach(frame);
    assert_eq!(detached.home(), Home::Heap);
    assert_eq!(
        Rc::strong_count(&code),
        strong,
        "the header moved, not cloned"
    );
    check_stamp(&detached, 5);
    assert_eq!(
        (detached.pc, detached.globals, detached.blocks().len()),
        (11, ObjRef(7), 1)
    );
    assert_eq!(pool.stats.copied_out, 1);
    assert_eq!(
        pool.arena.live_frames(),
        1,
        "only the caller is left in the arena"
    );
    // The region is reclaimed when the caller ends, and the generator's frame lives on.
    ArenaFrames::release(&mut pool, caller);
    for _ in 0..2 * Arena::region_room() / record_bytes(code.code.frame_size()) {
        let mut other = arena_alloc(&mut pool, &code);
        stamp(&mut other, 6);
        ArenaFrames::release(&mut pool, other);
    }
    check_stamp(&detached, 5);
    // A finished generator's frame goes back through the same allocator.
    ArenaFrames::release(&mut pool, detached);
    assert_eq!(pool.stats.live, 0);
    assert_eq!(Rc::strong_count(&code), 1);
}

#[test]
fn frames_handed_across_arena_and_other_allocators_go_home() {
    let code = unit_with_locals(2);
    let mut pool = counting_pool();
    // Arena frames released by heap-record allocators and by the data stack's.
    let a = arena_alloc(&mut pool, &code);
    HeapFrames::release(&mut pool, a);
    let b = arena_alloc(&mut pool, &code);
    FreeListFrames::release(&mut pool, b);
    let c = arena_alloc(&mut pool, &code);
    ZombieFrames::release(&mut pool, c);
    let d = arena_alloc(&mut pool, &code);
    DataStackFrames::release(&mut pool, d);
    assert_eq!(pool.arena.live_frames(), 0);
    assert!(pool.free_list.is_empty() && code.zombie.is_empty());
    // Heap and data-stack frames released by the arena.
    let e = HeapFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    ArenaFrames::release(&mut pool, e);
    let f = DataStackFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    ArenaFrames::release(&mut pool, f);
    assert_eq!(pool.data_stack.live_frames(), 0);
    let s = pool.stats;
    assert_eq!((s.live, s.live_bytes, s.freed), (0, 0, 6), "{s:?}");
    assert_eq!(
        s.reserved_bytes,
        pool.arena.held_bytes() + CHUNK_BYTES as u64
    );
}

#[test]
fn the_arena_falls_back_to_heap_records_past_its_region_limit() {
    let code = unit_with_locals(40);
    let mut pool = counting_pool();
    pool.arena.region_limit = 2;
    let per_region = Arena::region_room() / record_bytes(code.code.frame_size());
    let frames: Vec<FrameBox> = (0..per_region * 3)
        .map(|_| arena_alloc(&mut pool, &code))
        .collect();
    assert_eq!(pool.arena.region_counts().0, 2);
    assert!(
        pool.stats.heap_fallbacks >= per_region as u64 - 1,
        "{:?}",
        pool.stats
    );
    assert!(frames.iter().any(|f| f.home() == Home::Heap));
    for frame in frames.into_iter().rev() {
        ArenaFrames::release(&mut pool, frame);
    }
    let s = pool.stats;
    assert_eq!((s.live, s.allocated, s.freed), (0, s.freed, s.allocated));
    assert_eq!(
        s.reserved_bytes,
        pool.arena.held_bytes(),
        "heap records all freed"
    );
}

#[test]
fn an_arena_frame_outliving_its_pool_stays_valid() {
    let code = unit_with_locals(2);
    let mut pool = counting_pool();
    let mut frame = arena_alloc(&mut pool, &code);
    stamp(&mut frame, 3);
    drop(pool);
    check_stamp(&frame, 3);
    drop(frame);
    assert_eq!(Rc::strong_count(&code), 1);
}

#[test]
fn frame_handles_tell_their_homes_apart() {
    let code = unit_with_locals(1);
    let mut pool = counting_pool();
    let heap = HeapFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    let chunk = DataStackFrames::alloc(&mut pool, &code, GLOBALS, Value::Null);
    let arena = arena_alloc(&mut pool, &code);
    assert_eq!(
        (heap.home(), chunk.home(), arena.home()),
        (Home::Heap, Home::Chunk, Home::Arena(0))
    );
    assert_eq!(
        (heap.is_pooled(), chunk.is_pooled(), arena.is_pooled()),
        (false, true, true)
    );
    assert_eq!((heap.arena_region(), chunk.arena_region()), (None, None));
    let bytes = record_bytes(code.code.frame_size()) as u64;
    assert_eq!(
        (heap.bytes(), chunk.bytes(), arena.bytes()),
        (bytes, bytes, bytes)
    );
    ArenaFrames::release(&mut pool, arena);
    DataStackFrames::release(&mut pool, chunk);
    HeapFrames::release(&mut pool, heap);
}

#[test]
fn per_call_figures_are_kept_only_while_counting() {
    let code = unit_with_locals(2);
    let mut pool = FramePool::default();
    assert!(!pool.stats.counting);
    for _ in 0..3 {
        let frame = ZombieFrames::alloc(&mut pool, &code, ObjRef(0), Value::Null);
        ZombieFrames::release(&mut pool, frame);
    }
    assert_eq!(
        (pool.stats.allocated, pool.stats.reused, pool.stats.freed),
        (0, 0, 0)
    );
    assert!(
        pool.stats.reserved_bytes > 0,
        "reservations are always counted"
    );
    pool.stats.counting = true;
    let frame = ZombieFrames::alloc(&mut pool, &code, ObjRef(0), Value::Null);
    ZombieFrames::release(&mut pool, frame);
    assert_eq!(
        (pool.stats.reused, pool.stats.zombie_hits, pool.stats.freed),
        (1, 1, 1)
    );
}
