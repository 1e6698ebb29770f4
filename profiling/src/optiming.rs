//! Per-opcode timing, as CPython's `--with-tsc` (`sys.settscdump`): the time from one
//! instruction's hook to the next is charged to the first, and recorded into one HDR histogram
//! per opcode (nanoseconds, three significant digits). An instruction's time so covers its
//! handler and the dispatch to the next instruction; a call's ends where the callee's first
//! instruction starts.
//!
//! The instrumentation's own cost is measured, not guessed: the time spent inside the hook
//! (between the clock read that ends one sample and the one that starts the next) is summed,
//! and the floor of a back-to-back clock read pair is calibrated at start.

use std::time::Instant;

use serde::{Deserialize, Serialize};

/// What the report shows for one opcode (nanoseconds).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpTiming {
    pub opcode: String,
    pub count: u64,
    pub total_ns: u64,
    pub p50_ns: u64,
    pub p90_ns: u64,
    pub p99_ns: u64,
    pub max_ns: u64,
}

/// The per-opcode timings of a run and the cost of taking them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpTimingReport {
    /// By total time, largest first.
    pub opcodes: Vec<OpTiming>,
    /// Time charged to instructions.
    pub measured_ns: u64,
    /// Time spent inside the timing hook itself (not charged to any instruction).
    pub hook_ns: u64,
    /// Median duration of two back-to-back clock reads: the floor every sample includes.
    pub clock_floor_ns: u64,
}

impl OpTimingReport {
    pub fn render(&self) -> String {
        let total = self.measured_ns.max(1);
        let mut out = format!(
            "rceval per-opcode timing (ns; {} instructions timed)\n{:<24}{:>12}{:>9}{:>9}{:>9}{:>9}{:>11}\n",
            self.opcodes.iter().map(|o| o.count).sum::<u64>(),
            "opcode",
            "count",
            "share",
            "p50",
            "p90",
            "p99",
            "max"
        );
        for o in &self.opcodes {
            out += &format!(
                "{:<24}{:>12}{:>8.2}%{:>9}{:>9}{:>9}{:>11}\n",
                o.opcode,
                o.count,
                100.0 * o.total_ns as f64 / total as f64,
                o.p50_ns,
                o.p90_ns,
                o.p99_ns,
                o.max_ns
            );
        }
        let overhead =
            100.0 * self.hook_ns as f64 / (self.hook_ns + self.measured_ns).max(1) as f64;
        out += &format!(
            "instrumentation: {:.3} ms in the timing hook ({overhead:.1}% of timed wall time); \
             clock-read floor {} ns per sample (included in every figure above)\n",
            self.hook_ns as f64 / 1e6,
            self.clock_floor_ns
        );
        out
    }
}

/// The median of many back-to-back `Instant::now()` pairs.
pub fn calibrate_clock_floor() -> u64 {
    let mut samples: Vec<u64> = (0..10_001)
        .map(|_| {
            let a = Instant::now();
            let b = Instant::now();
            (b - a).as_nanos() as u64
        })
        .collect();
    samples.sort_unstable();
    samples[samples.len() / 2]
}

#[cfg(feature = "optiming")]
pub(crate) use recorder::{arrive, depart, finish, start};

#[cfg(not(feature = "optiming"))]
pub(crate) fn start() {}

#[cfg(not(feature = "optiming"))]
pub(crate) fn finish() -> Option<OpTimingReport> {
    None
}

#[cfg(feature = "optiming")]
mod recorder {
    use std::cell::RefCell;

    use hdrhistogram::Histogram;
    use rceval_interp::opcode::{ALL_OPCODES, Opcode};

    use super::*;

    struct State {
        histograms: Vec<Option<Histogram<u64>>>,
        totals: [u64; 256],
        running: Option<(Opcode, Instant)>,
        hook_ns: u64,
        clock_floor_ns: u64,
    }

    thread_local! {
        static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    }

    pub(crate) fn start() {
        let clock_floor_ns = calibrate_clock_floor();
        STATE.with(|s| {
            *s.borrow_mut() = Some(State {
                histograms: (0..256).map(|_| None).collect(),
                totals: [0; 256],
                running: None,
                hook_ns: 0,
                clock_floor_ns,
            })
        });
    }

    impl State {
        fn charge(&mut self, op: Opcode, ns: u64) {
            self.totals[op as usize] += ns;
            self.histograms[op as usize]
                .get_or_insert_with(|| {
                    Histogram::new_with_bounds(1, 3_600_000_000_000, 3)
                        .expect("valid histogram bounds")
                })
                .saturating_record(ns.max(1));
        }
    }

    /// The clock read that ends the running instruction's sample.
    #[inline(always)]
    pub(crate) fn arrive() -> Instant {
        Instant::now()
    }

    /// Charges the running instruction and starts `op`'s sample.
    #[inline(always)]
    pub(crate) fn depart(op: Opcode, arrived: Instant) {
        STATE.with(|s| {
            let mut guard = s.borrow_mut();
            let Some(state) = guard.as_mut() else { return };
            if let Some((previous, started)) = state.running {
                state.charge(previous, (arrived - started).as_nanos() as u64);
            }
            let leaving = Instant::now();
            state.hook_ns += (leaving - arrived).as_nanos() as u64;
            state.running = Some((op, leaving));
        });
    }

    pub(crate) fn finish() -> Option<OpTimingReport> {
        let ended = Instant::now();
        let mut state = STATE.with(|s| s.borrow_mut().take())?;
        if let Some((previous, started)) = state.running.take() {
            state.charge(previous, (ended - started).as_nanos() as u64);
        }
        let mut opcodes: Vec<OpTiming> = ALL_OPCODES
            .iter()
            .filter_map(|&op| {
                let h = state.histograms[op as usize].as_ref()?;
                Some(OpTiming {
                    opcode: op.name().to_string(),
                    count: h.len(),
                    total_ns: state.totals[op as usize],
                    p50_ns: h.value_at_quantile(0.50),
                    p90_ns: h.value_at_quantile(0.90),
                    p99_ns: h.value_at_quantile(0.99),
                    max_ns: h.max(),
                })
            })
            .collect();
        opcodes.sort_by(|a, b| b.total_ns.cmp(&a.total_ns).then(a.opcode.cmp(&b.opcode)));
        Some(OpTimingReport {
            measured_ns: opcodes.iter().map(|o| o.total_ns).sum(),
            opcodes,
            hook_ns: state.hook_ns,
            clock_floor_ns: state.clock_floor_ns,
        })
    }
}
