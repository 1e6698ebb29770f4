//! DXP: how often each opcode executes and how often each opcode follows each other, as
//! CPython's `DYNAMIC_EXECUTION_PROFILE` with `DXPAIRS` (`sys.getdxp()`).
//!
//! The pair of an instruction is (the instruction executed just before it on this interpreter
//! thread, it): a call's first instruction pairs with the `CALL_*`, a return's successor with
//! `RETURN_VALUE`, as in a trace. Only the run's very first instruction has no predecessor.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use rceval_interp::opcode::{ALL_OPCODES, Opcode};
use serde::{Deserialize, Serialize};

/// Counts by opcode byte and by (previous byte, byte).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DxpCounts {
    counts: Box<[u64; 256]>,
    pairs: Box<[[u64; 256]; 256]>,
}

impl Default for DxpCounts {
    fn default() -> Self {
        DxpCounts {
            counts: Box::new([0; 256]),
            pairs: vec![[0u64; 256]; 256]
                .into_boxed_slice()
                .try_into()
                .expect("256 rows"),
        }
    }
}

impl DxpCounts {
    #[inline(always)]
    pub fn record(&mut self, previous: Option<Opcode>, op: Opcode) {
        self.counts[op as usize] += 1;
        if let Some(previous) = previous {
            self.pairs[previous as usize][op as usize] += 1;
        }
    }

    pub fn count(&self, op: Opcode) -> u64 {
        self.counts[op as usize]
    }

    pub fn pair(&self, previous: Opcode, op: Opcode) -> u64 {
        self.pairs[previous as usize][op as usize]
    }

    /// Instructions executed.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The executed opcodes and their counts, in opcode order.
    pub fn opcodes(&self) -> impl Iterator<Item = (Opcode, u64)> + '_ {
        ALL_OPCODES
            .iter()
            .map(|&op| (op, self.count(op)))
            .filter(|&(_, n)| n > 0)
    }

    /// The observed pairs and their counts, in opcode order.
    pub fn pairs(&self) -> impl Iterator<Item = (Opcode, Opcode, u64)> + '_ {
        ALL_OPCODES.iter().flat_map(move |&a| {
            ALL_OPCODES
                .iter()
                .map(move |&b| (a, b, self.pair(a, b)))
                .filter(|&(_, _, n)| n > 0)
        })
    }

    /// The profile file's form of these counts.
    pub fn to_profile(&self, run: RunInfo) -> DxpProfile {
        DxpProfile {
            format: PROFILE_FORMAT.to_string(),
            version: PROFILE_VERSION,
            run,
            total: self.total(),
            opcodes: self
                .opcodes()
                .map(|(op, n)| (op.name().into(), n))
                .collect(),
            pairs: self
                .pairs()
                .map(|(a, b, n)| PairCount {
                    previous: a.name().into(),
                    opcode: b.name().into(),
                    count: n,
                })
                .collect(),
        }
    }
}

pub const PROFILE_FORMAT: &str = "rceval-dxp";
pub const PROFILE_VERSION: u32 = 1;

/// What was run to produce a profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunInfo {
    pub program: String,
    pub args: Vec<String>,
    pub dispatch: String,
    pub frames: String,
    pub exit_code: i32,
}

/// A DXP profile as `--dxp OUT.json` writes it. Opcodes are named, not numbered, so profiles
/// stay readable and comparable with CPython's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DxpProfile {
    pub format: String,
    pub version: u32,
    pub run: RunInfo,
    /// Instructions executed (the sum of `opcodes`).
    pub total: u64,
    pub opcodes: BTreeMap<String, u64>,
    pub pairs: Vec<PairCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairCount {
    pub previous: String,
    pub opcode: String,
    pub count: u64,
}

impl DxpProfile {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a profile always serializes") + "\n"
    }

    /// Parses and validates a profile file's text.
    pub fn from_json(text: &str) -> Result<DxpProfile, String> {
        let profile: DxpProfile =
            serde_json::from_str(text).map_err(|e| format!("not a DXP profile: {e}"))?;
        if profile.format != PROFILE_FORMAT || profile.version != PROFILE_VERSION {
            return Err(format!(
                "not a DXP profile of format {PROFILE_FORMAT} version {PROFILE_VERSION} (found {} version {})",
                profile.format, profile.version
            ));
        }
        let sum: u64 = profile.opcodes.values().sum();
        if sum != profile.total {
            return Err(format!(
                "inconsistent profile: opcode counts sum to {sum}, total says {}",
                profile.total
            ));
        }
        for name in profile
            .opcodes
            .keys()
            .chain(profile.pairs.iter().flat_map(|p| [&p.previous, &p.opcode]))
        {
            if opcode_named(name).is_none() {
                return Err(format!("unknown opcode {name:?}"));
            }
        }
        Ok(profile)
    }

    /// The counts of this profile.
    pub fn counts(&self) -> DxpCounts {
        let mut counts = DxpCounts::default();
        for (name, &n) in &self.opcodes {
            if let Some(op) = opcode_named(name) {
                counts.counts[op as usize] += n;
            }
        }
        for p in &self.pairs {
            if let (Some(a), Some(b)) = (opcode_named(&p.previous), opcode_named(&p.opcode)) {
                counts.pairs[a as usize][b as usize] += p.count;
            }
        }
        counts
    }
}

impl std::ops::AddAssign<&DxpCounts> for DxpCounts {
    fn add_assign(&mut self, other: &DxpCounts) {
        for (a, b) in self.counts.iter_mut().zip(other.counts.iter()) {
            *a += b;
        }
        for (row, other_row) in self.pairs.iter_mut().zip(other.pairs.iter()) {
            for (a, b) in row.iter_mut().zip(other_row.iter()) {
                *a += b;
            }
        }
    }
}

/// The opcode CPython calls `name`.
pub fn opcode_named(name: &str) -> Option<Opcode> {
    ALL_OPCODES.iter().copied().find(|op| op.name() == name)
}

thread_local! {
    static COUNTS: RefCell<Option<DxpCounts>> = const { RefCell::new(None) };
    static PREVIOUS: Cell<Option<Opcode>> = const { Cell::new(None) };
}

/// Starts counting on this thread.
pub(crate) fn start() {
    COUNTS.with(|c| *c.borrow_mut() = Some(DxpCounts::default()));
    PREVIOUS.with(|p| p.set(None));
}

/// Stops counting on this thread and returns the counts, if counting was on.
pub(crate) fn finish() -> Option<DxpCounts> {
    COUNTS.with(|c| c.borrow_mut().take())
}

#[cfg(feature = "dxp")]
#[inline(always)]
pub(crate) fn before_instruction(op: Opcode) {
    COUNTS.with(|c| {
        if let Some(counts) = c.borrow_mut().as_mut() {
            let previous = PREVIOUS.with(|p| p.replace(Some(op)));
            counts.record(previous, op);
        }
    });
}
