//! Every frame allocator on the scenarios that stress it, judged by its own statistics: the
//! programs' output is checked against CPython's by the differential suite; here we check that
//! each scenario really exercised what it is named after.

use rceval::driver::{self, Outcome, RunOptions};
use rceval_dispatch::variants::FRAME_ALLOCATORS;
use rceval_interp::runtime::frame::{Arena, FrameStats, SPARE_REGIONS};

fn run(path: &str, frames: &str) -> Outcome {
    let outcome = driver::run(RunOptions {
        path: path.to_string(),
        args: Vec::new(),
        dispatch: "switch".into(),
        frames: frames.into(),
        capture: true,
        frame_stats: true,
    });
    assert_eq!(
        outcome.exit_code,
        0,
        "{path} under {frames}: {}",
        String::from_utf8_lossy(&outcome.stderr)
    );
    let expected = std::fs::read_to_string(path.replace(".py", ".out")).expect("expected output");
    assert_eq!(
        String::from_utf8_lossy(&outcome.stdout),
        expected,
        "{path} under {frames}"
    );
    outcome
}

fn stats(path: &str, frames: &str) -> FrameStats {
    run(path, frames).frame_stats
}

const DEEP: &str = "tests/programs/frames/deep_recursion_chunks.py";
const BOUNDARY: &str = "tests/programs/frames/calls_at_chunk_boundary.py";
const GENERATORS: &str = "tests/programs/frames/generators_outlive_creator.py";
const UNWIND: &str = "tests/programs/frames/exceptions_through_many_frames.py";
const CLOSURES: &str = "tests/programs/frames/closures_of_finished_frames.py";
const LOOP: &str = "tests/programs/frames/module_level_call_loop.py";

#[test]
fn every_allocator_balances_its_books() {
    for &frames in FRAME_ALLOCATORS {
        for path in [DEEP, BOUNDARY, GENERATORS, UNWIND, CLOSURES, LOOP] {
            let s = stats(path, frames);
            assert_eq!(
                s.allocated + s.reused,
                s.freed + s.live,
                "{frames} {path}: {s:?}"
            );
            assert!(s.peak_live >= 30_000 || path != DEEP, "{frames}: {s:?}");
            assert!(s.peak_live_bytes > 0 && s.peak_reserved_bytes >= s.peak_live_bytes);
        }
    }
}

#[test]
fn deep_recursion_crosses_many_chunks_and_returns_them() {
    let s = stats(DEEP, "datastack");
    assert!(s.chunks_allocated >= 8, "{s:?}");
    assert!(s.peak_reserved_bytes >= s.peak_live_bytes, "{s:?}");
    let s311 = stats(DEEP, "datastack311");
    assert_eq!(s311.chunks_freed + 1, s311.chunks_allocated, "{s311:?}");
}

/// gh-142183: calls made in a loop exactly at a chunk boundary. With CPython 3.11's policy
/// every such call allocates and frees a chunk; with the cached spare none does.
#[test]
fn calls_at_a_chunk_boundary_do_not_thrash_the_allocator() {
    let cpython311 = stats(BOUNDARY, "datastack311");
    assert!(
        cpython311.chunks_allocated >= 200,
        "the scenario must reproduce the pathology under 3.11's policy: {cpython311:?}"
    );
    let fixed = stats(BOUNDARY, "datastack");
    assert!(fixed.chunks_allocated <= 4, "{fixed:?}");
    assert!(fixed.chunks_reused >= 200, "{fixed:?}");
}

#[test]
fn generator_frames_leave_the_data_stack_and_the_arena() {
    for frames in ["datastack", "datastack311", "arena"] {
        let s = stats(GENERATORS, frames);
        assert!(s.copied_out >= 20, "{frames}: {s:?}");
    }
    assert_eq!(stats(GENERATORS, "heap").copied_out, 0);
}

#[test]
fn recycling_allocators_recycle() {
    let free = stats(BOUNDARY, "freelist");
    assert!(free.reused > free.allocated, "{free:?}");
    assert_eq!(free.zombie_hits, 0);
    let zombie = stats(BOUNDARY, "zombie");
    assert!(zombie.zombie_hits >= 159 * 200, "{zombie:?}");
    let heap = stats(BOUNDARY, "heap");
    assert_eq!(heap.reused, 0);
    assert_eq!(heap.allocated, zombie.allocated + zombie.reused);
}

#[test]
fn free_list_is_bounded() {
    // After a 30,000-deep recursion returns, the heap allocator holds nothing and the free
    // list at most 200 frames, not 30,000.
    let s = stats(DEEP, "freelist");
    assert!(s.peak_live >= 30_000, "{s:?}");
    let per_frame = s.peak_live_bytes / s.peak_live;
    assert!(s.reserved_bytes <= 260 * per_frame * 2, "{s:?}");
    assert_eq!(stats(DEEP, "heap").reserved_bytes, 0);
}

/// The arena reclaims a region when its last frame ends. The module frame never ends before
/// the program does, yet a million calls from a module-level loop run in a few regions: at
/// most one more than the frames ever live at once (module, `middle`, `leaf`), whatever the
/// iteration count.
#[test]
fn a_module_level_call_loop_runs_in_bounded_arena_memory() {
    let s = stats(LOOP, "arena");
    assert!(s.allocated > 1_000_000, "{s:?}");
    let regions = s.peak_live + 1;
    assert!(s.chunks_allocated <= regions, "{s:?}");
    let room = Arena::region_room() as u64;
    assert!(s.peak_reserved_bytes <= regions * room, "{s:?}");
    // Each region reset stands for a region's worth of dead frames reclaimed at once.
    assert!(
        s.arena_resets * room >= 1_000_000 * (s.peak_live_bytes / s.peak_live),
        "{s:?}"
    );
    assert_eq!(s.heap_fallbacks, 0, "{s:?}");
}

/// 30,000-deep recursion: the arena holds the live frames in regions of its own, gives
/// regions back as the recursion unwinds, and keeps at most its cache afterwards.
#[test]
fn deep_recursion_fills_arena_regions_and_unwinding_returns_them() {
    let s = stats(DEEP, "arena");
    assert!(s.peak_live >= 30_000, "{s:?}");
    let room = Arena::region_room() as u64;
    assert!(s.chunks_allocated >= s.peak_live_bytes / room, "{s:?}");
    // Regions are filled by live frames: what is reserved stays near what is live.
    assert!(
        s.peak_reserved_bytes <= s.peak_live_bytes + s.peak_live_bytes / 4 + 4 * room,
        "{s:?}"
    );
    assert!(
        s.reserved_bytes <= (SPARE_REGIONS as u64 + 2) * room,
        "{s:?}"
    );
    assert_eq!(s.heap_fallbacks, 0, "{s:?}");
}

/// Unwinding through 10,000 frames, closures over cells of finished frames, generators outliving
/// their creators: every arena frame comes back (a generator's as a heap copy), and once the
/// stack is down to the module frame the arena holds at most its cache and two regions.
#[test]
fn arena_frames_all_come_back_through_exceptions_closures_and_generators() {
    let room = Arena::region_room() as u64;
    for path in [UNWIND, CLOSURES, GENERATORS] {
        let s = stats(path, "arena");
        // Only generators never run to their end keep frames: their heap copies.
        assert!(s.live <= s.copied_out, "{path}: {s:?}");
        assert_eq!(s.heap_fallbacks, 0, "{path}: {s:?}");
        assert!(s.arena_resets > 0, "{path}: {s:?}");
        assert!(
            s.reserved_bytes <= (SPARE_REGIONS as u64 + 2) * room,
            "{path}: {s:?}"
        );
    }
    assert!(stats(UNWIND, "arena").peak_live >= 8_000);
}

#[test]
fn stats_flag_prints_the_allocator_figures() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args(["run", "--frames", "datastack", "--stats", BOUNDARY])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("rceval runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    for figure in [
        "frames: allocated ",
        " reused ",
        " freed ",
        "peak-live ",
        "peak-live-bytes ",
        "peak-reserved-bytes ",
        "chunks: allocated ",
        "arena: resets ",
    ] {
        assert!(err.contains(figure), "{figure:?} missing from:\n{err}");
    }
}
