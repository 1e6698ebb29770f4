//! The itertools that transform or extend iterators one item at a time: `count`, `cycle`,
//! `repeat`, `chain`, `islice`, `zip_longest`, `accumulate`, `starmap`, `takewhile`,
//! `dropwhile`, `filterfalse`, `compress`, `pairwise`.
//!
//! Each `*_next` copies what it needs out of the state, runs the step (which may call Python
//! code: the state stays on the heap, traced, meanwhile) and writes back through
//! [`state_mut`], so a re-entrant call finds a consistent state and never a dangling one.

use super::args::{bind, positional};
use super::{ToolState, class_arg, new_tool, state_mut};
use crate::runtime::builtins::args::{index_i64, rooted};
use crate::runtime::object::Object;
use crate::runtime::ops::BinOp;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

macro_rules! state {
    ($vm:expr, $it:expr, $variant:ident) => {
        match state_mut($vm, $it) {
            Some(ToolState::$variant(s)) => s,
            _ => return Ok(None),
        }
    };
}

// ---- count ------------------------------------------------------------------------------

#[derive(Debug)]
pub struct Count {
    pub(super) cur: Value,
    pub(super) step: Value,
}

impl Count {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.cur);
        f(self.step);
    }
}

/// Whether `v` is a number for `count` (CPython's `PyNumber_Check`).
fn is_number(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Obj(r) => match vm.heap.get(r) {
            Object::BigInt(_) => true,
            Object::Instance(_) => {
                let ty = vm.type_of(v);
                ["__index__", "__int__", "__float__", "__complex__"]
                    .iter()
                    .any(|m| vm.lookup_in_mro_str(ty, m).is_some())
            }
            _ => false,
        },
        _ => false,
    }
}

pub fn count_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "count")?;
    let [start, step] = bind(vm, "count", &args[skip..], kwargs, ["start", "step"], 0, 2)?;
    let cur = start.unwrap_or(Value::Int(0));
    let step = step.unwrap_or(Value::Int(1));
    if !is_number(vm, cur) || !is_number(vm, step) {
        return vm.err(ExcKind::TypeError, "a number is required");
    }
    Ok(new_tool(vm, ty, ToolState::Count(Count { cur, step })))
}

pub fn count_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let s = state!(vm, it, Count);
    let (cur, step) = (s.cur, s.step);
    let next = vm.binary_op(cur, step, BinOp::Add)?;
    let s = state!(vm, it, Count);
    s.cur = next;
    Ok(Some(cur))
}

// ---- cycle ------------------------------------------------------------------------------

#[derive(Debug)]
pub struct Cycle {
    /// The source until it is exhausted, then `Null`.
    pub(super) it: Value,
    pub(super) saved: Vec<Value>,
    pub(super) index: usize,
}

impl Cycle {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.it);
        self.saved.iter().copied().for_each(f);
    }
}

pub fn cycle_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "cycle")?;
    let args = &args[skip..];
    positional(vm, "cycle", args, kwargs, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    let state = Cycle {
        it,
        saved: Vec::new(),
        index: 0,
    };
    Ok(new_tool(vm, ty, ToolState::Cycle(state)))
}

pub fn cycle_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let source = state!(vm, it, Cycle).it;
    if !source.is_null() {
        let item = vm.iter_next(source)?;
        let s = state!(vm, it, Cycle);
        match item {
            Some(v) => {
                if s.saved.try_reserve(1).is_err() {
                    return Err(vm.memory_error());
                }
                s.saved.push(v);
                return Ok(Some(v));
            }
            None => s.it = Value::Null,
        }
    }
    let s = state!(vm, it, Cycle);
    if s.saved.is_empty() {
        return Ok(None);
    }
    let v = s.saved[s.index % s.saved.len()];
    s.index = (s.index + 1) % s.saved.len();
    Ok(Some(v))
}

// ---- repeat -----------------------------------------------------------------------------

#[derive(Debug)]
pub struct Repeat {
    pub(super) obj: Value,
    /// `None` forever.
    pub(super) remaining: Option<u64>,
}

impl Repeat {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.obj);
    }

    pub fn next(&mut self) -> Option<Value> {
        match &mut self.remaining {
            None => Some(self.obj),
            Some(0) => None,
            Some(n) => {
                *n -= 1;
                Some(self.obj)
            }
        }
    }
}

pub fn repeat_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "repeat")?;
    let [obj, times] = bind(
        vm,
        "repeat",
        &args[skip..],
        kwargs,
        ["object", "times"],
        1,
        2,
    )?;
    let remaining = match times {
        Some(t) => Some(index_i64(vm, t)?.max(0) as u64),
        None => None,
    };
    let obj = obj.unwrap_or(Value::None);
    Ok(new_tool(
        vm,
        ty,
        ToolState::Repeat(Repeat { obj, remaining }),
    ))
}

// ---- chain ------------------------------------------------------------------------------

#[derive(Debug)]
pub struct Chain {
    /// The iterator over the iterables, `Null` once exhausted.
    pub(super) source: Value,
    /// The iterator being drained, or `Null`.
    pub(super) active: Value,
}

impl Chain {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.source);
        f(self.active);
    }
}

pub fn chain_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "chain")?;
    crate::runtime::builtins::args::no_kwargs(vm, kwargs, "chain")?;
    let iterables = vm.new_tuple(args[skip..].to_vec());
    let source = vm.get_iter(iterables)?;
    let state = Chain {
        source,
        active: Value::Null,
    };
    Ok(new_tool(vm, ty, ToolState::Chain(state)))
}

/// `chain.from_iterable(iterable)`, a class method.
pub fn chain_from_iterable(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "chain")?;
    crate::runtime::builtins::args::no_kwargs(vm, kwargs, "chain.from_iterable")?;
    let &[iterable] = &args[skip..] else {
        let msg = format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            args.len() - skip
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    let source = vm.get_iter(iterable)?;
    let state = Chain {
        source,
        active: Value::Null,
    };
    Ok(new_tool(vm, ty, ToolState::Chain(state)))
}

pub fn chain_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    loop {
        let s = state!(vm, it, Chain);
        let (source, active) = (s.source, s.active);
        if !active.is_null() {
            if let Some(v) = vm.iter_next(active)? {
                return Ok(Some(v));
            }
            state!(vm, it, Chain).active = Value::Null;
        }
        if source.is_null() {
            return Ok(None);
        }
        let Some(iterable) = vm.iter_next(source)? else {
            state!(vm, it, Chain).source = Value::Null;
            return Ok(None);
        };
        let active = rooted(vm, &[iterable], |vm| vm.get_iter(iterable))?;
        state!(vm, it, Chain).active = active;
    }
}

// ---- islice -----------------------------------------------------------------------------

#[derive(Debug)]
pub struct Islice {
    /// The source, `Null` once exhausted or past `stop`.
    pub(super) it: Value,
    /// The index of the next item to yield.
    pub(super) next: u64,
    pub(super) stop: Option<u64>,
    pub(super) step: u64,
    /// Items consumed from the source.
    pub(super) consumed: u64,
}

impl Islice {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.it);
    }
}

/// An islice argument as CPython's `PyNumber_AsSsize_t` with the error cleared: `-1` for
/// anything that is not an int in range (the checks below then name the argument).
fn islice_arg(vm: &mut Vm, v: Value, none: i64) -> i64 {
    if v.is_none() {
        return none;
    }
    match index_i64(vm, v) {
        Ok(n) => n,
        Err(_) => {
            vm.take_exception();
            -1
        }
    }
}

pub fn islice_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "islice")?;
    let args = &args[skip..];
    positional(vm, "islice", args, kwargs, 2, 4)?;
    let (mut start, mut stop) = (0, -1);
    let stop_arg = if args.len() == 2 {
        args[1]
    } else {
        start = islice_arg(vm, args[1], 0);
        args[2]
    };
    if !stop_arg.is_none() {
        stop = islice_arg(vm, stop_arg, -1);
        if stop == -1 {
            return vm.err(
                ExcKind::ValueError,
                "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
            );
        }
    }
    if start < 0 || stop < -1 {
        return vm.err(
            ExcKind::ValueError,
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        );
    }
    let step = match args.get(3) {
        Some(&s) => islice_arg(vm, s, 1),
        None => 1,
    };
    if step < 1 {
        return vm.err(
            ExcKind::ValueError,
            "Step for islice() must be a positive integer or None.",
        );
    }
    let it = vm.get_iter(args[0])?;
    let state = Islice {
        it,
        next: start as u64,
        stop: (stop >= 0).then_some(stop as u64),
        step: step as u64,
        consumed: 0,
    };
    Ok(new_tool(vm, ty, ToolState::Islice(state)))
}

pub fn islice_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let s = state!(vm, it, Islice);
    let (source, stop) = (s.it, s.stop);
    if source.is_null() {
        return Ok(None);
    }
    loop {
        let s = state!(vm, it, Islice);
        if s.consumed >= s.next {
            break;
        }
        match vm.iter_next(source)? {
            Some(_) => state!(vm, it, Islice).consumed += 1,
            None => {
                state!(vm, it, Islice).it = Value::Null;
                return Ok(None);
            }
        }
    }
    let consumed = state!(vm, it, Islice).consumed;
    if stop.is_some_and(|stop| consumed >= stop) {
        state!(vm, it, Islice).it = Value::Null;
        return Ok(None);
    }
    let Some(item) = vm.iter_next(source)? else {
        state!(vm, it, Islice).it = Value::Null;
        return Ok(None);
    };
    let s = state!(vm, it, Islice);
    s.consumed += 1;
    let old = s.next;
    s.next = s.next.saturating_add(s.step);
    if let Some(stop) = s.stop
        && (s.next < old || s.next > stop)
    {
        s.next = stop;
    }
    Ok(Some(item))
}

// ---- zip_longest ------------------------------------------------------------------------

#[derive(Debug)]
pub struct ZipLongest {
    /// One iterator per argument, `Null` once that one is exhausted.
    pub(super) iters: Vec<Value>,
    pub(super) active: usize,
    pub(super) fill: Value,
}

impl ZipLongest {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        self.iters.iter().copied().for_each(&mut *f);
        f(self.fill);
    }
}

pub fn zip_longest_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "zip_longest")?;
    let mut fill = Value::None;
    for &(k, v) in kwargs {
        if vm.as_str(k) == Some("fillvalue") && kwargs.len() == 1 {
            fill = v;
        } else {
            return vm.err(
                ExcKind::TypeError,
                "zip_longest() got an unexpected keyword argument",
            );
        }
    }
    let base = vm.temp_roots.len();
    let mut iters = Vec::with_capacity(args.len() - skip);
    for &a in &args[skip..] {
        match vm.get_iter(a) {
            Ok(i) => {
                vm.temp_roots.push(i);
                iters.push(i);
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    let active = iters.len();
    let state = ZipLongest {
        iters,
        active,
        fill,
    };
    Ok(new_tool(vm, ty, ToolState::ZipLongest(state)))
}

pub fn zip_longest_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let s = state!(vm, it, ZipLongest);
    let n = s.iters.len();
    if n == 0 || s.active == 0 {
        return Ok(None);
    }
    let base = vm.temp_roots.len();
    let result = (|| {
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            let s = state!(vm, it, ZipLongest);
            let (source, fill) = (s.iters.get(i).copied().unwrap_or(Value::Null), s.fill);
            let item = if source.is_null() {
                fill
            } else {
                match vm.iter_next(source)? {
                    Some(v) => v,
                    None => {
                        let s = state!(vm, it, ZipLongest);
                        s.active = s.active.saturating_sub(1);
                        if s.active == 0 {
                            return Ok(None);
                        }
                        s.iters[i] = Value::Null;
                        s.fill
                    }
                }
            };
            vm.temp_roots.push(item);
            items.push(item);
        }
        Ok(Some(vm.new_tuple(items)))
    })();
    vm.temp_roots.truncate(base);
    result
}

// ---- accumulate -------------------------------------------------------------------------

#[derive(Debug)]
pub struct Accumulate {
    pub(super) it: Value,
    pub(super) func: Value,
    /// The running total, `Null` before the first item.
    pub(super) total: Value,
    /// The initial value until it has been yielded, else `Null`.
    pub(super) initial: Value,
}

impl Accumulate {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.it);
        f(self.func);
        f(self.total);
        f(self.initial);
    }
}

pub fn accumulate_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "accumulate")?;
    let [iterable, func, initial] = bind(
        vm,
        "accumulate",
        &args[skip..],
        kwargs,
        ["iterable", "func", "initial"],
        1,
        2,
    )?;
    let it = vm.get_iter(iterable.unwrap_or(Value::None))?;
    let initial = initial.filter(|v| !v.is_none()).unwrap_or(Value::Null);
    let state = Accumulate {
        it,
        func: func.unwrap_or(Value::None),
        total: Value::Null,
        initial,
    };
    Ok(new_tool(vm, ty, ToolState::Accumulate(state)))
}

pub fn accumulate_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let s = state!(vm, it, Accumulate);
    if !s.initial.is_null() {
        let v = s.initial;
        s.total = v;
        s.initial = Value::Null;
        return Ok(Some(v));
    }
    let (source, func) = (s.it, s.func);
    let Some(item) = vm.iter_next(source)? else {
        return Ok(None);
    };
    let total = state!(vm, it, Accumulate).total;
    let new = if total.is_null() {
        item
    } else if func.is_none() {
        rooted(vm, &[item], |vm| vm.binary_op(total, item, BinOp::Add))?
    } else {
        rooted(vm, &[item], |vm| vm.call(func, &[total, item], &[]))?
    };
    state!(vm, it, Accumulate).total = new;
    Ok(Some(new))
}

// ---- starmap ----------------------------------------------------------------------------

#[derive(Debug)]
pub struct Starmap {
    pub(super) func: Value,
    pub(super) it: Value,
}

impl Starmap {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.func);
        f(self.it);
    }
}

pub fn starmap_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "starmap")?;
    let args = &args[skip..];
    positional(vm, "starmap", args, kwargs, 2, 2)?;
    let source = vm.get_iter(args[1])?;
    let state = Starmap {
        func: args[0],
        it: source,
    };
    Ok(new_tool(vm, ty, ToolState::Starmap(state)))
}

pub fn starmap_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let s = state!(vm, it, Starmap);
    let (func, source) = (s.func, s.it);
    let Some(item) = vm.iter_next(source)? else {
        return Ok(None);
    };
    rooted(vm, &[item], |vm| {
        let items = vm.collect_iterable(item)?;
        rooted(vm, &items, |vm| vm.call(func, &items, &[]))
    })
    .map(Some)
}

// ---- takewhile, dropwhile, filterfalse ------------------------------------------------

#[derive(Debug)]
pub struct Predicated {
    pub(super) pred: Value,
    pub(super) it: Value,
    /// takewhile: the predicate has failed; dropwhile: it has stopped dropping.
    pub(super) done: bool,
}

impl Predicated {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.pred);
        f(self.it);
    }
}

fn predicated_new(
    vm: &mut Vm,
    args: &[Value],
    kwargs: Kwargs<'_>,
    name: &str,
    make: fn(Predicated) -> ToolState,
) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, name)?;
    let args = &args[skip..];
    positional(vm, name, args, kwargs, 2, 2)?;
    let source = vm.get_iter(args[1])?;
    let state = Predicated {
        pred: args[0],
        it: source,
        done: false,
    };
    Ok(new_tool(vm, ty, make(state)))
}

pub fn takewhile_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    predicated_new(vm, args, kwargs, "takewhile", ToolState::TakeWhile)
}

pub fn dropwhile_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    predicated_new(vm, args, kwargs, "dropwhile", ToolState::DropWhile)
}

pub fn filterfalse_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    predicated_new(vm, args, kwargs, "filterfalse", ToolState::FilterFalse)
}

/// `bool(pred(item))`, with `item` rooted while the predicate runs.
fn holds(vm: &mut Vm, pred: Value, item: Value) -> PyResult<bool> {
    rooted(vm, &[item], |vm| {
        let r = vm.call(pred, &[item], &[])?;
        vm.truthy(r)
    })
}

fn predicated(vm: &mut Vm, it: ObjRef) -> Option<(Value, Value, bool)> {
    match state_mut(vm, it) {
        Some(ToolState::TakeWhile(s) | ToolState::DropWhile(s) | ToolState::FilterFalse(s)) => {
            Some((s.pred, s.it, s.done))
        }
        _ => None,
    }
}

fn set_done(vm: &mut Vm, it: ObjRef) {
    if let Some(ToolState::TakeWhile(s) | ToolState::DropWhile(s) | ToolState::FilterFalse(s)) =
        state_mut(vm, it)
    {
        s.done = true;
    }
}

pub fn takewhile_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let Some((pred, source, done)) = predicated(vm, it) else {
        return Ok(None);
    };
    if done {
        return Ok(None);
    }
    let Some(item) = vm.iter_next(source)? else {
        return Ok(None);
    };
    if holds(vm, pred, item)? {
        return Ok(Some(item));
    }
    set_done(vm, it);
    Ok(None)
}

pub fn dropwhile_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let Some((pred, source, _)) = predicated(vm, it) else {
        return Ok(None);
    };
    loop {
        let Some(item) = vm.iter_next(source)? else {
            return Ok(None);
        };
        let dropping = !predicated(vm, it).is_some_and(|(_, _, done)| done);
        if !dropping || !holds(vm, pred, item)? {
            set_done(vm, it);
            return Ok(Some(item));
        }
    }
}

pub fn filterfalse_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let Some((pred, source, _)) = predicated(vm, it) else {
        return Ok(None);
    };
    loop {
        let Some(item) = vm.iter_next(source)? else {
            return Ok(None);
        };
        let keep = if pred.is_none() {
            rooted(vm, &[item], |vm| vm.truthy(item))?
        } else {
            holds(vm, pred, item)?
        };
        if !keep {
            return Ok(Some(item));
        }
    }
}

// ---- compress ---------------------------------------------------------------------------

#[derive(Debug)]
pub struct Compress {
    pub(super) data: Value,
    pub(super) selectors: Value,
}

impl Compress {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.data);
        f(self.selectors);
    }
}

pub fn compress_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "compress")?;
    let [data, selectors] = bind(
        vm,
        "compress",
        &args[skip..],
        kwargs,
        ["data", "selectors"],
        2,
        2,
    )?;
    let data = vm.get_iter(data.unwrap_or(Value::None))?;
    let selectors = rooted(vm, &[data], |vm| {
        vm.get_iter(selectors.unwrap_or(Value::None))
    })?;
    let state = Compress { data, selectors };
    Ok(new_tool(vm, ty, ToolState::Compress(state)))
}

pub fn compress_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let s = state!(vm, it, Compress);
    let (data, selectors) = (s.data, s.selectors);
    loop {
        let Some(datum) = vm.iter_next(data)? else {
            return Ok(None);
        };
        let keep = rooted(vm, &[datum], |vm| match vm.iter_next(selectors)? {
            Some(s) => vm.truthy(s).map(Some),
            None => Ok(None),
        })?;
        match keep {
            Some(true) => return Ok(Some(datum)),
            Some(false) => {}
            None => return Ok(None),
        }
    }
}

// ---- pairwise ---------------------------------------------------------------------------

#[derive(Debug)]
pub struct Pairwise {
    /// The source, `Null` once exhausted.
    pub(super) it: Value,
    /// The previous item, `Null` before the first.
    pub(super) old: Value,
}

impl Pairwise {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.it);
        f(self.old);
    }
}

pub fn pairwise_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "pairwise")?;
    let args = &args[skip..];
    positional(vm, "pairwise", args, kwargs, 1, 1)?;
    let source = vm.get_iter(args[0])?;
    let state = Pairwise {
        it: source,
        old: Value::Null,
    };
    Ok(new_tool(vm, ty, ToolState::Pairwise(state)))
}

pub fn pairwise_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let s = state!(vm, it, Pairwise);
    let (source, mut old) = (s.it, s.old);
    if source.is_null() {
        return Ok(None);
    }
    if old.is_null() {
        match vm.iter_next(source)? {
            Some(v) => {
                old = v;
                state!(vm, it, Pairwise).old = v;
            }
            None => {
                state!(vm, it, Pairwise).it = Value::Null;
                return Ok(None);
            }
        }
    }
    let Some(new) = vm.iter_next(source)? else {
        let s = state!(vm, it, Pairwise);
        s.it = Value::Null;
        s.old = Value::Null;
        return Ok(None);
    };
    let pair = rooted(vm, &[old, new], |vm| vm.new_tuple(vec![old, new]));
    state!(vm, it, Pairwise).old = new;
    Ok(Some(pair))
}
