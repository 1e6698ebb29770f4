//! An `itertools` state as plain parts — its kind, the values it holds, its counters and its
//! value lists — which is what a snapshot saves and rebuilds it from (`snapshot::save` and
//! `load` map the values; they know nothing of the states themselves).

use super::ToolState;
use super::adapters::*;
use super::combinatoric::{Combinations, Permutations, Product};
use super::grouping::{GroupBy, Grouper, Tee, TeeData};
use crate::runtime::value::Value;

#[derive(Debug, Default)]
pub struct ToolParts {
    pub kind: String,
    pub vals: Vec<Value>,
    pub nums: Vec<u64>,
    pub lists: Vec<Vec<Value>>,
}

/// `None` among the counters (no count here reaches it).
const NONE: u64 = u64::MAX;

fn opt(n: Option<u64>) -> u64 {
    n.unwrap_or(NONE)
}

fn from_opt(n: u64) -> Option<u64> {
    (n != NONE).then_some(n)
}

fn idx(v: &[usize]) -> Vec<Value> {
    v.iter().map(|&i| Value::Int(i as i64)).collect()
}

fn from_idx(v: &[Value]) -> Option<Vec<usize>> {
    v.iter()
        .map(|x| match x {
            Value::Int(i) if *i >= 0 => Some(*i as usize),
            _ => None,
        })
        .collect()
}

fn parts(kind: &str, vals: Vec<Value>, nums: Vec<u64>, lists: Vec<Vec<Value>>) -> ToolParts {
    ToolParts {
        kind: kind.to_string(),
        vals,
        nums,
        lists,
    }
}

impl ToolState {
    pub fn to_parts(&self) -> ToolParts {
        match self {
            ToolState::Count(s) => parts("count", vec![s.cur, s.step], vec![], vec![]),
            ToolState::Cycle(s) => parts(
                "cycle",
                vec![s.it],
                vec![s.index as u64],
                vec![s.saved.clone()],
            ),
            ToolState::Repeat(s) => parts("repeat", vec![s.obj], vec![opt(s.remaining)], vec![]),
            ToolState::Chain(s) => parts("chain", vec![s.source, s.active], vec![], vec![]),
            ToolState::Islice(s) => parts(
                "islice",
                vec![s.it],
                vec![s.next, opt(s.stop), s.step, s.consumed],
                vec![],
            ),
            ToolState::ZipLongest(s) => parts(
                "zip_longest",
                vec![s.fill],
                vec![s.active as u64],
                vec![s.iters.clone()],
            ),
            ToolState::Accumulate(s) => parts(
                "accumulate",
                vec![s.it, s.func, s.total, s.initial],
                vec![],
                vec![],
            ),
            ToolState::Starmap(s) => parts("starmap", vec![s.func, s.it], vec![], vec![]),
            ToolState::TakeWhile(s) | ToolState::DropWhile(s) | ToolState::FilterFalse(s) => {
                let kind = match self {
                    ToolState::TakeWhile(_) => "takewhile",
                    ToolState::DropWhile(_) => "dropwhile",
                    _ => "filterfalse",
                };
                parts(kind, vec![s.pred, s.it], vec![s.done as u64], vec![])
            }
            ToolState::Compress(s) => parts("compress", vec![s.data, s.selectors], vec![], vec![]),
            ToolState::Pairwise(s) => parts("pairwise", vec![s.it, s.old], vec![], vec![]),
            ToolState::Product(s) => {
                let mut lists = s.pools.clone();
                lists.push(idx(&s.indices));
                parts(
                    "product",
                    vec![],
                    vec![s.started as u64, s.done as u64],
                    lists,
                )
            }
            ToolState::Permutations(s) => parts(
                "permutations",
                vec![],
                vec![s.r as u64, s.started as u64, s.done as u64],
                vec![s.pool.clone(), idx(&s.indices), idx(&s.cycles)],
            ),
            ToolState::Combinations(s) | ToolState::CombinationsWithReplacement(s) => {
                let kind = match self {
                    ToolState::Combinations(_) => "combinations",
                    _ => "combinations_with_replacement",
                };
                parts(
                    kind,
                    vec![],
                    vec![s.started as u64, s.done as u64],
                    vec![s.pool.clone(), idx(&s.indices)],
                )
            }
            ToolState::GroupBy(s) => parts(
                "groupby",
                vec![
                    s.it,
                    s.keyfunc,
                    s.tgtkey,
                    s.currkey,
                    s.currvalue,
                    s.currgrouper,
                    Value::Obj(s.grouper_type),
                ],
                vec![],
                vec![],
            ),
            ToolState::Grouper(s) => parts(
                "_grouper",
                vec![Value::Obj(s.parent), s.tgtkey],
                vec![],
                vec![],
            ),
            ToolState::Tee(s) => parts(
                "_tee",
                vec![Value::Obj(s.link)],
                vec![s.index as u64],
                vec![],
            ),
            ToolState::TeeData(s) => parts(
                "_tee_dataobject",
                vec![s.it, s.next],
                vec![s.running as u64],
                vec![s.values.clone()],
            ),
        }
    }

    /// The state `to_parts` described; `None` if the parts do not describe one.
    pub fn from_parts(p: ToolParts) -> Option<ToolState> {
        let ToolParts {
            kind,
            vals,
            nums,
            mut lists,
        } = p;
        let v = |i: usize| vals.get(i).copied();
        let n = |i: usize| nums.get(i).copied();
        let r = |i: usize| v(i).and_then(Value::as_obj);
        let flag = |i: usize| n(i).map(|x| x != 0);
        let mut list = |i: usize| lists.get_mut(i).map(std::mem::take);
        Some(match kind.as_str() {
            "count" => ToolState::Count(Count {
                cur: v(0)?,
                step: v(1)?,
            }),
            "cycle" => ToolState::Cycle(Cycle {
                it: v(0)?,
                index: n(0)? as usize,
                saved: list(0)?,
            }),
            "repeat" => ToolState::Repeat(Repeat {
                obj: v(0)?,
                remaining: from_opt(n(0)?),
            }),
            "chain" => ToolState::Chain(Chain {
                source: v(0)?,
                active: v(1)?,
            }),
            "islice" => ToolState::Islice(Islice {
                it: v(0)?,
                next: n(0)?,
                stop: from_opt(n(1)?),
                step: n(2)?,
                consumed: n(3)?,
            }),
            "zip_longest" => ToolState::ZipLongest(ZipLongest {
                fill: v(0)?,
                active: n(0)? as usize,
                iters: list(0)?,
            }),
            "accumulate" => ToolState::Accumulate(Accumulate {
                it: v(0)?,
                func: v(1)?,
                total: v(2)?,
                initial: v(3)?,
            }),
            "starmap" => ToolState::Starmap(Starmap {
                func: v(0)?,
                it: v(1)?,
            }),
            "takewhile" | "dropwhile" | "filterfalse" => {
                let s = Predicated {
                    pred: v(0)?,
                    it: v(1)?,
                    done: flag(0)?,
                };
                match kind.as_str() {
                    "takewhile" => ToolState::TakeWhile(s),
                    "dropwhile" => ToolState::DropWhile(s),
                    _ => ToolState::FilterFalse(s),
                }
            }
            "compress" => ToolState::Compress(Compress {
                data: v(0)?,
                selectors: v(1)?,
            }),
            "pairwise" => ToolState::Pairwise(Pairwise {
                it: v(0)?,
                old: v(1)?,
            }),
            "product" => {
                let indices = from_idx(&lists.pop()?)?;
                if indices.len() != lists.len() {
                    return None;
                }
                ToolState::Product(Product {
                    pools: lists,
                    indices,
                    started: flag(0)?,
                    done: flag(1)?,
                })
            }
            "permutations" => ToolState::Permutations(Permutations {
                r: n(0)? as usize,
                started: flag(1)?,
                done: flag(2)?,
                pool: list(0)?,
                indices: from_idx(&list(1)?)?,
                cycles: from_idx(&list(2)?)?,
            }),
            "combinations" | "combinations_with_replacement" => {
                let s = Combinations {
                    started: flag(0)?,
                    done: flag(1)?,
                    pool: list(0)?,
                    indices: from_idx(&list(1)?)?,
                };
                if kind == "combinations" {
                    ToolState::Combinations(s)
                } else {
                    ToolState::CombinationsWithReplacement(s)
                }
            }
            "groupby" => ToolState::GroupBy(GroupBy {
                it: v(0)?,
                keyfunc: v(1)?,
                tgtkey: v(2)?,
                currkey: v(3)?,
                currvalue: v(4)?,
                currgrouper: v(5)?,
                grouper_type: r(6)?,
            }),
            "_grouper" => ToolState::Grouper(Grouper {
                parent: r(0)?,
                tgtkey: v(1)?,
            }),
            "_tee" => ToolState::Tee(Tee {
                link: r(0)?,
                index: n(0)? as usize,
            }),
            "_tee_dataobject" => ToolState::TeeData(TeeData {
                it: v(0)?,
                next: v(1)?,
                running: flag(0)?,
                values: list(0)?,
            }),
            _ => return None,
        })
    }
}
