//! The combinatoric iterators — `product`, `permutations`, `combinations`,
//! `combinations_with_replacement` — over pools gathered once, stepping index vectors in pure
//! Rust as CPython's C versions do (the same algorithms, so the same order).

use super::args::{bind, count_arg};
use super::{ToolState, class_arg, new_tool};
use crate::runtime::types::ExcKind;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

/// Pools are gathered by `collect_iterable`; a pool bigger than memory fails there.
fn pool_of(vm: &mut Vm, iterable: Value) -> PyResult<Vec<Value>> {
    vm.collect_iterable(iterable)
}

// ---- product ----------------------------------------------------------------------------

#[derive(Debug)]
pub struct Product {
    pub(super) pools: Vec<Vec<Value>>,
    pub(super) indices: Vec<usize>,
    pub(super) started: bool,
    pub(super) done: bool,
}

impl Product {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        for pool in &self.pools {
            pool.iter().copied().for_each(&mut *f);
        }
    }

    fn current(&self) -> Vec<Value> {
        self.pools
            .iter()
            .zip(&self.indices)
            .map(|(pool, &i)| pool[i])
            .collect()
    }

    pub fn next(&mut self) -> Option<Vec<Value>> {
        if self.done {
            return None;
        }
        if !self.started {
            self.started = true;
            if self.pools.iter().any(Vec::is_empty) {
                self.done = true;
                return None;
            }
            return Some(self.current());
        }
        for i in (0..self.pools.len()).rev() {
            self.indices[i] += 1;
            if self.indices[i] < self.pools[i].len() {
                return Some(self.current());
            }
            self.indices[i] = 0;
        }
        self.done = true;
        None
    }
}

pub fn product_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "product")?;
    let mut repeat = 1;
    for &(k, v) in kwargs {
        let key = vm.as_str(k).unwrap_or("").to_string();
        if key != "repeat" {
            let msg = format!("'{key}' is an invalid keyword argument for product()");
            return vm.err(ExcKind::TypeError, msg);
        }
        repeat = count_arg(vm, v, "repeat argument cannot be negative")?;
    }
    let mut distinct = Vec::with_capacity(args.len() - skip);
    let base = vm.temp_roots.len();
    for &a in &args[skip..] {
        match pool_of(vm, a) {
            Ok(pool) => {
                vm.temp_roots.extend_from_slice(&pool);
                distinct.push(pool);
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    let count = distinct.len().checked_mul(repeat);
    let Some(count) = count.filter(|&c| c <= isize::MAX as usize / 64) else {
        return Err(vm.memory_error());
    };
    let mut pools = Vec::new();
    if pools.try_reserve_exact(count).is_err() {
        return Err(vm.memory_error());
    }
    for _ in 0..repeat {
        pools.extend(distinct.iter().cloned());
    }
    let state = Product {
        indices: vec![0; pools.len()],
        pools,
        started: false,
        done: false,
    };
    Ok(new_tool(vm, ty, ToolState::Product(state)))
}

// ---- permutations -----------------------------------------------------------------------

#[derive(Debug)]
pub struct Permutations {
    pub(super) pool: Vec<Value>,
    pub(super) r: usize,
    pub(super) indices: Vec<usize>,
    pub(super) cycles: Vec<usize>,
    pub(super) started: bool,
    pub(super) done: bool,
}

impl Permutations {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        self.pool.iter().copied().for_each(f);
    }

    fn current(&self) -> Vec<Value> {
        self.indices[..self.r]
            .iter()
            .map(|&i| self.pool[i])
            .collect()
    }

    pub fn next(&mut self) -> Option<Vec<Value>> {
        if self.done {
            return None;
        }
        let n = self.pool.len();
        if !self.started {
            self.started = true;
            if self.r > n {
                self.done = true;
                return None;
            }
            return Some(self.current());
        }
        for i in (0..self.r).rev() {
            self.cycles[i] -= 1;
            if self.cycles[i] == 0 {
                // Move index i to the end, shifting the rest left.
                self.indices[i..].rotate_left(1);
                self.cycles[i] = n - i;
            } else {
                let j = self.cycles[i];
                self.indices.swap(i, n - j);
                return Some(self.current());
            }
        }
        self.done = true;
        None
    }
}

pub fn permutations_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "permutations")?;
    let [iterable, r] = bind(
        vm,
        "permutations",
        &args[skip..],
        kwargs,
        ["iterable", "r"],
        1,
        2,
    )?;
    let pool = pool_of(vm, iterable.unwrap_or(Value::None))?;
    let n = pool.len();
    let r = match r {
        None | Some(Value::None) => n,
        Some(v @ (Value::Int(_) | Value::Bool(_))) => count_arg(vm, v, "r must be non-negative")?,
        Some(v) if vm.to_pyint(v).is_some() => count_arg(vm, v, "r must be non-negative")?,
        Some(_) => return vm.err(ExcKind::TypeError, "Expected int as r"),
    };
    let cycles = if r <= n {
        (n - r + 1..=n).rev().collect()
    } else {
        Vec::new()
    };
    let state = Permutations {
        pool,
        r,
        indices: (0..n).collect(),
        cycles,
        started: false,
        done: false,
    };
    Ok(new_tool(vm, ty, ToolState::Permutations(state)))
}

// ---- combinations and combinations_with_replacement -------------------------------------

#[derive(Debug)]
pub struct Combinations {
    pub(super) pool: Vec<Value>,
    pub(super) indices: Vec<usize>,
    pub(super) started: bool,
    pub(super) done: bool,
}

impl Combinations {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        self.pool.iter().copied().for_each(f);
    }

    fn current(&self) -> Vec<Value> {
        self.indices.iter().map(|&i| self.pool[i]).collect()
    }

    /// The first result, or `None` when there is none: `first_exists` says whether there is.
    fn start(&mut self, first_exists: bool) -> Option<Vec<Value>> {
        self.started = true;
        if !first_exists {
            self.done = true;
            return None;
        }
        Some(self.current())
    }

    pub fn next_combination(&mut self) -> Option<Vec<Value>> {
        let (n, r) = (self.pool.len(), self.indices.len());
        if self.done {
            return None;
        }
        if !self.started {
            return self.start(r <= n);
        }
        let Some(i) = (0..r).rev().find(|&i| self.indices[i] != i + n - r) else {
            self.done = true;
            return None;
        };
        self.indices[i] += 1;
        for j in i + 1..r {
            self.indices[j] = self.indices[j - 1] + 1;
        }
        Some(self.current())
    }

    pub fn next_with_replacement(&mut self) -> Option<Vec<Value>> {
        let (n, r) = (self.pool.len(), self.indices.len());
        if self.done {
            return None;
        }
        if !self.started {
            return self.start(n > 0 || r == 0);
        }
        let Some(i) = (0..r).rev().find(|&i| self.indices[i] != n - 1) else {
            self.done = true;
            return None;
        };
        let v = self.indices[i] + 1;
        self.indices[i..].fill(v);
        Some(self.current())
    }
}

fn combinations_of(
    vm: &mut Vm,
    args: &[Value],
    kwargs: Kwargs<'_>,
    name: &str,
    with_replacement: bool,
) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, name)?;
    let [iterable, r] = bind(vm, name, &args[skip..], kwargs, ["iterable", "r"], 2, 2)?;
    let pool = pool_of(vm, iterable.unwrap_or(Value::None))?;
    let r = count_arg(vm, r.unwrap_or(Value::None), "r must be non-negative")?;
    let indices = if with_replacement {
        // Without items there are no indices to fill: `start` ends the iteration for r > 0.
        if pool.is_empty() && r > 0 {
            Vec::new()
        } else {
            vm.allocated(try_zeroed(r))?
        }
    } else if r <= pool.len() {
        (0..r).collect()
    } else {
        Vec::new()
    };
    let state = Combinations {
        pool,
        indices,
        started: false,
        done: false,
    };
    let state = if with_replacement {
        if state.indices.is_empty() && r > 0 {
            Combinations {
                done: true,
                ..state
            }
        } else {
            state
        }
    } else if r > state.pool.len() {
        Combinations {
            done: true,
            ..state
        }
    } else {
        state
    };
    let state = if with_replacement {
        ToolState::CombinationsWithReplacement(state)
    } else {
        ToolState::Combinations(state)
    };
    Ok(new_tool(vm, ty, state))
}

fn try_zeroed(r: usize) -> Option<Vec<usize>> {
    let mut v = Vec::new();
    v.try_reserve_exact(r).ok()?;
    v.resize(r, 0);
    Some(v)
}

pub fn combinations_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    combinations_of(vm, args, kwargs, "combinations", false)
}

pub fn combinations_with_replacement_new(
    vm: &mut Vm,
    args: &[Value],
    kwargs: Kwargs<'_>,
) -> PyResult<Value> {
    combinations_of(vm, args, kwargs, "combinations_with_replacement", true)
}
