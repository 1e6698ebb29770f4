//! The collector reclaims cyclic garbage: a loop building a million cycles runs in a bounded
//! heap, judged by the heap's own statistics.

use rceval::driver::{self, RunOptions};

fn run_capture(path: &str) -> driver::Outcome {
    driver::run(RunOptions {
        path: path.to_string(),
        args: Vec::new(),
        dispatch: "switch".into(),
        frames: "heap".into(),
        capture: true,
        frame_stats: false,
    })
}

#[test]
fn a_million_cycles_stay_in_a_bounded_heap() {
    let dir = std::env::temp_dir().join(format!("rceval-gc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let program = dir.join("cycles.py");
    std::fs::write(
        &program,
        "n = 0\n\
         while n < 1000000:\n\
         \x20   a = [n]\n\
         \x20   b = {'peer': a}\n\
         \x20   a.append(b)\n\
         \x20   n += 1\n\
         print(n, len(a), b['peer'][0])\n",
    )
    .expect("write program");
    let outcome = run_capture(&program.display().to_string());
    assert_eq!(String::from_utf8_lossy(&outcome.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&outcome.stdout),
        "1000000 2 999999\n"
    );
    let heap = outcome.heap_stats;
    assert!(heap.allocations >= 2_000_000, "{heap:?}");
    assert!(heap.collections >= 5, "the collector never ran: {heap:?}");
    // Two objects per cycle: without collection the peak would be two million.
    assert!(
        heap.peak_live < 400_000,
        "cyclic garbage was not reclaimed: {heap:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn int_and_float_arithmetic_in_range_allocates_nothing() {
    let dir = std::env::temp_dir().join(format!("rceval-arith-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let program = dir.join("arith.py");
    std::fs::write(
        &program,
        "i = 0\n\
         total = 0\n\
         x = 0.5\n\
         while i < 200000:\n\
         \x20   total = (total + i * 3 - (i // 7) % 5) ^ (i << 2)\n\
         \x20   x = x * 1.000001 + i / 3.0 - x // 2.0\n\
         \x20   i += 1\n\
         print(total, x > 0)\n",
    )
    .expect("write program");
    let outcome = run_capture(&program.display().to_string());
    assert_eq!(String::from_utf8_lossy(&outcome.stderr), "");
    assert_eq!(outcome.exit_code, 0);
    // A few hundred objects exist before the program starts; 200,000 iterations of int and
    // float arithmetic must add none.
    let heap = outcome.heap_stats;
    assert!(heap.allocations < 5_000, "arithmetic allocated: {heap:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
