//! The report's content, computed once from the merged counts; the renderers only lay it out.

use rceval_interp::opcode::{ALL_OPCODES, Opcode};
use serde::{Deserialize, Serialize};

use super::percent;
use crate::dxp::{DxpCounts, DxpProfile};

/// How much of each ranking to show.
#[derive(Clone, Copy, Debug)]
pub struct ReportSettings {
    /// Rows of the top-pairs table.
    pub top_pairs: usize,
    /// Predecessors and successors listed per opcode (CPython's `summarize_stats.py` shows 5).
    pub neighbours: usize,
    /// Rows of the superinstruction-candidate table.
    pub candidates: usize,
}

impl Default for ReportSettings {
    fn default() -> Self {
        ReportSettings {
            top_pairs: 20,
            neighbours: 5,
            candidates: 10,
        }
    }
}

/// Instructions CPython executed per program, as `scripts/cpython_executed.py` writes them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpythonCounts {
    pub format: String,
    pub python: String,
    pub programs: Vec<CpythonProgram>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpythonProgram {
    pub program: String,
    pub args: Vec<String>,
    pub executed: u64,
}

impl CpythonCounts {
    pub const FORMAT: &'static str = "cpython-executed-instructions";

    pub fn from_json(text: &str) -> Result<CpythonCounts, String> {
        let counts: CpythonCounts = serde_json::from_str(text)
            .map_err(|e| format!("not a CPython instruction count file: {e}"))?;
        if counts.format != Self::FORMAT {
            return Err(format!(
                "not a CPython instruction count file (format {:?})",
                counts.format
            ));
        }
        Ok(counts)
    }

    /// CPython's count for the same program file (by file name) and arguments.
    fn find(&self, program: &str, args: &[String]) -> Option<&CpythonProgram> {
        let name = file_name(program);
        self.programs
            .iter()
            .find(|p| file_name(&p.program) == name && p.args == args)
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramRow {
    pub program: String,
    pub args: Vec<String>,
    pub dispatch: String,
    pub frames: String,
    pub executed: u64,
    /// CPython 3.11's executed instructions for the same program, when given.
    pub cpython_executed: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpcodeRow {
    pub opcode: String,
    pub count: u64,
    /// Percent of all executed instructions.
    pub share: f64,
    /// Percent of all executed instructions taken by this and every opcode ranked above it.
    pub cumulative: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairRow {
    pub previous: String,
    pub opcode: String,
    pub count: u64,
    /// Percent of all pairs.
    pub share: f64,
    /// Percent of `previous`'s successors that are `opcode`.
    pub of_previous: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Neighbour {
    pub opcode: String,
    pub count: u64,
    /// Percent of the row opcode's predecessors (or successors).
    pub share: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Neighbours {
    pub opcode: String,
    pub predecessors: Vec<Neighbour>,
    pub successors: Vec<Neighbour>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub previous: String,
    pub opcode: String,
    /// Dispatches a fused `previous`+`opcode` instruction would save: the pair's count, or
    /// half of it for an opcode followed by itself (a run of n fuses into n/2).
    pub dispatches_removed: u64,
    /// Percent of all executed instructions.
    pub share: f64,
    /// Whether `previous` may hand control to another frame (a call, return or yield), so
    /// some of these pairs span two code objects and cannot be fused.
    pub may_cross_frames: bool,
}

/// Everything `rceval dxp report` shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DxpReport {
    pub programs: Vec<ProgramRow>,
    pub total: u64,
    pub pair_total: u64,
    pub opcodes: Vec<OpcodeRow>,
    pub pairs: Vec<PairRow>,
    /// Every executed opcode's top predecessors and successors, in `opcodes` order.
    pub neighbours: Vec<Neighbours>,
    pub candidates: Vec<Candidate>,
    /// The whole pair matrix, for the heat map and the CSV (`[previous, opcode, count]`).
    pub matrix: Vec<(String, String, u64)>,
}

impl DxpReport {
    /// Merges `profiles` and analyses the sum.
    pub fn build(
        profiles: &[DxpProfile],
        cpython: Option<&CpythonCounts>,
        settings: ReportSettings,
    ) -> DxpReport {
        let mut merged = DxpCounts::default();
        let mut programs = Vec::new();
        for profile in profiles {
            merged += &profile.counts();
            programs.push(ProgramRow {
                program: profile.run.program.clone(),
                args: profile.run.args.clone(),
                dispatch: profile.run.dispatch.clone(),
                frames: profile.run.frames.clone(),
                executed: profile.total,
                cpython_executed: cpython
                    .and_then(|c| c.find(&profile.run.program, &profile.run.args))
                    .map(|p| p.executed),
            });
        }
        Self::from_counts(&merged, programs, settings)
    }

    fn from_counts(
        counts: &DxpCounts,
        programs: Vec<ProgramRow>,
        settings: ReportSettings,
    ) -> DxpReport {
        let total = counts.total();
        let mut ranked: Vec<(Opcode, u64)> = counts.opcodes().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut running = 0;
        let opcodes = ranked
            .iter()
            .map(|&(op, n)| {
                running += n;
                OpcodeRow {
                    opcode: op.name().into(),
                    count: n,
                    share: percent(n, total),
                    cumulative: percent(running, total),
                }
            })
            .collect();

        let mut all_pairs: Vec<(Opcode, Opcode, u64)> = counts.pairs().collect();
        all_pairs.sort_by(|a, b| b.2.cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
        let pair_total: u64 = all_pairs.iter().map(|p| p.2).sum();
        let successors_of =
            |op: Opcode| -> u64 { ALL_OPCODES.iter().map(|&b| counts.pair(op, b)).sum() };
        let predecessors_of =
            |op: Opcode| -> u64 { ALL_OPCODES.iter().map(|&a| counts.pair(a, op)).sum() };
        let pairs = all_pairs
            .iter()
            .take(settings.top_pairs)
            .map(|&(a, b, n)| PairRow {
                previous: a.name().into(),
                opcode: b.name().into(),
                count: n,
                share: percent(n, pair_total),
                of_previous: percent(n, successors_of(a)),
            })
            .collect();

        let neighbours = ranked
            .iter()
            .map(|&(op, _)| {
                let top = |mut list: Vec<(Opcode, u64)>, whole: u64| -> Vec<Neighbour> {
                    list.retain(|e| e.1 > 0);
                    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    list.into_iter()
                        .take(settings.neighbours)
                        .map(|(o, n)| Neighbour {
                            opcode: o.name().into(),
                            count: n,
                            share: percent(n, whole),
                        })
                        .collect()
                };
                let before = ALL_OPCODES
                    .iter()
                    .map(|&a| (a, counts.pair(a, op)))
                    .collect();
                let after = ALL_OPCODES
                    .iter()
                    .map(|&b| (b, counts.pair(op, b)))
                    .collect();
                Neighbours {
                    opcode: op.name().into(),
                    predecessors: top(before, predecessors_of(op)),
                    successors: top(after, successors_of(op)),
                }
            })
            .collect();

        let mut candidates: Vec<Candidate> = all_pairs
            .iter()
            .filter(|&&(a, _, _)| a != Opcode::ExtendedArg)
            .map(|&(a, b, n)| {
                let removed = if a == b { n / 2 } else { n };
                Candidate {
                    previous: a.name().into(),
                    opcode: b.name().into(),
                    dispatches_removed: removed,
                    share: percent(removed, total),
                    may_cross_frames: may_leave_frame(a),
                }
            })
            .collect();
        candidates.sort_by(|a, b| {
            b.dispatches_removed
                .cmp(&a.dispatches_removed)
                .then_with(|| (&a.previous, &a.opcode).cmp(&(&b.previous, &b.opcode)))
        });
        candidates.truncate(settings.candidates);

        let matrix = counts
            .pairs()
            .map(|(a, b, n)| (a.name().to_string(), b.name().to_string(), n))
            .collect();
        DxpReport {
            programs,
            total,
            pair_total,
            opcodes,
            pairs,
            neighbours,
            candidates,
            matrix,
        }
    }
}

/// Opcodes after which the next instruction executed may belong to another frame.
fn may_leave_frame(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::CallFunction
            | Opcode::CallFunctionKw
            | Opcode::CallFunctionEx
            | Opcode::CallMethod
            | Opcode::ReturnValue
            | Opcode::YieldValue
            | Opcode::YieldFrom
            | Opcode::GetAwaitable
            | Opcode::GetAiter
            | Opcode::GetAnext
            | Opcode::BeforeAsyncWith
            | Opcode::EndAsyncFor
            | Opcode::RaiseVarargs
            | Opcode::Reraise
            | Opcode::ForIter
            | Opcode::GetIter
            | Opcode::ImportName
            | Opcode::LoadBuildClass
    )
}
