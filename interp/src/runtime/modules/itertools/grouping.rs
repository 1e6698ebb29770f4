//! `groupby` with its `_grouper`s, and `tee` with the shared buffer its iterators read.

use super::args::positional;
use super::{ToolState, class_arg, module_type, new_tool, state_mut};
use crate::runtime::builtins::args::{index_i64, rooted};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

// ---- groupby ----------------------------------------------------------------------------

#[derive(Debug)]
pub struct GroupBy {
    pub(super) it: Value,
    pub(super) keyfunc: Value,
    /// The key of the group last handed out, `Null` before the first.
    pub(super) tgtkey: Value,
    /// The key and value read ahead from the source, `Null` when none is pending.
    pub(super) currkey: Value,
    pub(super) currvalue: Value,
    /// The grouper of the current group; older groupers are exhausted.
    pub(super) currgrouper: Value,
    pub(super) grouper_type: ObjRef,
}

impl GroupBy {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.it);
        f(self.keyfunc);
        f(self.tgtkey);
        f(self.currkey);
        f(self.currvalue);
        f(self.currgrouper);
        f(Value::Obj(self.grouper_type));
    }
}

#[derive(Debug)]
pub struct Grouper {
    pub(super) parent: ObjRef,
    pub(super) tgtkey: Value,
}

impl Grouper {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(Value::Obj(self.parent));
        f(self.tgtkey);
    }
}

fn groupby_state(vm: &mut Vm, it: ObjRef) -> Option<&mut GroupBy> {
    match state_mut(vm, it) {
        Some(ToolState::GroupBy(g)) => Some(g),
        _ => None,
    }
}

pub fn groupby_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (ty, skip) = class_arg(vm, args, "groupby")?;
    let [iterable, key] = super::args::bind(
        vm,
        "groupby",
        &args[skip..],
        kwargs,
        ["iterable", "key"],
        1,
        2,
    )?;
    let grouper_type = module_type(vm, "_grouper")?;
    let source = vm.get_iter(iterable.unwrap_or(Value::None))?;
    let state = GroupBy {
        it: source,
        keyfunc: key.unwrap_or(Value::None),
        tgtkey: Value::Null,
        currkey: Value::Null,
        currvalue: Value::Null,
        currgrouper: Value::Null,
        grouper_type,
    };
    Ok(new_tool(vm, ty, ToolState::GroupBy(state)))
}

/// Reads the next value and its key into the groupby; `false` when the source is exhausted.
fn groupby_step(vm: &mut Vm, gb: ObjRef) -> PyResult<bool> {
    let Some(g) = groupby_state(vm, gb) else {
        return Ok(false);
    };
    let (source, keyfunc) = (g.it, g.keyfunc);
    let Some(value) = vm.iter_next(source)? else {
        return Ok(false);
    };
    let key = if keyfunc.is_none() {
        value
    } else {
        rooted(vm, &[value], |vm| vm.call(keyfunc, &[value], &[]))?
    };
    if let Some(g) = groupby_state(vm, gb) {
        g.currvalue = value;
        g.currkey = key;
    }
    Ok(true)
}

pub fn groupby_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let Some(g) = groupby_state(vm, it) else {
        return Ok(None);
    };
    g.currgrouper = Value::Null;
    // Skip to the next group.
    loop {
        let Some(g) = groupby_state(vm, it) else {
            return Ok(None);
        };
        let (tgtkey, currkey) = (g.tgtkey, g.currkey);
        if !currkey.is_null() && (tgtkey.is_null() || !vm.eq(tgtkey, currkey)?) {
            break;
        }
        if !groupby_step(vm, it)? {
            return Ok(None);
        }
    }
    let Some(g) = groupby_state(vm, it) else {
        return Ok(None);
    };
    g.tgtkey = g.currkey;
    let (key, grouper_type) = (g.currkey, g.grouper_type);
    let grouper = new_tool(
        vm,
        grouper_type,
        ToolState::Grouper(Grouper {
            parent: it,
            tgtkey: key,
        }),
    );
    if let Some(g) = groupby_state(vm, it) {
        g.currgrouper = grouper;
    }
    Ok(Some(rooted(vm, &[grouper], |vm| {
        vm.new_tuple(vec![key, grouper])
    })))
}

pub fn grouper_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let Some(ToolState::Grouper(gr)) = state_mut(vm, it) else {
        return Ok(None);
    };
    let (parent, tgtkey) = (gr.parent, gr.tgtkey);
    let Some(g) = groupby_state(vm, parent) else {
        return Ok(None);
    };
    if !g.currgrouper.is(Value::Obj(it)) {
        return Ok(None);
    }
    if g.currvalue.is_null() && !groupby_step(vm, parent)? {
        return Ok(None);
    }
    let Some(g) = groupby_state(vm, parent) else {
        return Ok(None);
    };
    let currkey = g.currkey;
    if !vm.eq(tgtkey, currkey)? {
        return Ok(None);
    }
    let Some(g) = groupby_state(vm, parent) else {
        return Ok(None);
    };
    let value = g.currvalue;
    g.currvalue = Value::Null;
    Ok(Some(value))
}

// ---- tee --------------------------------------------------------------------------------

/// Values per buffer link, as CPython's `LINKCELLS`: links the slowest `tee` has passed are
/// garbage, so a `tee` over an endless iterator runs in bounded memory when its copies keep
/// pace.
const LINK_CELLS: usize = 57;

/// One link of the buffer `tee` iterators share.
#[derive(Debug)]
pub struct TeeData {
    pub(super) it: Value,
    pub(super) values: Vec<Value>,
    /// The next link once made, else `Null`.
    pub(super) next: Value,
    /// Reading the source now: a re-entrant read would lose values.
    pub(super) running: bool,
}

impl TeeData {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(self.it);
        self.values.iter().copied().for_each(&mut *f);
        f(self.next);
    }
}

#[derive(Debug)]
pub struct Tee {
    pub(super) link: ObjRef,
    pub(super) index: usize,
}

impl Tee {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(Value::Obj(self.link));
    }
}

fn tee_data(vm: &mut Vm, link: ObjRef) -> Option<&mut TeeData> {
    match state_mut(vm, link) {
        Some(ToolState::TeeData(d)) => Some(d),
        _ => None,
    }
}

fn new_link(vm: &mut Vm, it: Value) -> PyResult<ObjRef> {
    let ty = module_type(vm, "_tee_dataobject")?;
    let data = TeeData {
        it,
        values: Vec::with_capacity(LINK_CELLS),
        next: Value::Null,
        running: false,
    };
    match new_tool(vm, ty, ToolState::TeeData(data)) {
        Value::Obj(r) => Ok(r),
        _ => unreachable!("new_tool allocates"),
    }
}

fn new_tee(vm: &mut Vm, link: ObjRef, index: usize) -> PyResult<Value> {
    let ty = module_type(vm, "_tee")?;
    Ok(new_tool(vm, ty, ToolState::Tee(Tee { link, index })))
}

/// `tee(iterable, n=2)`: `n` independent iterators over one source.
pub fn tee(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    positional(vm, "tee", args, kwargs, 1, 2).map_err(|e| {
        if !kwargs.is_empty() && vm.exception_matches(ExcKind::TypeError) {
            vm.take_exception();
            vm.raise(
                ExcKind::TypeError,
                "itertools.tee() takes no keyword arguments",
            )
        } else {
            e
        }
    })?;
    let n = match args.get(1) {
        Some(&v) => index_i64(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return vm.err(ExcKind::ValueError, "n must be >= 0");
    }
    let source = vm.get_iter(args[0])?;
    if n == 0 {
        return Ok(vm.new_tuple(Vec::new()));
    }
    let base = vm.temp_roots.len();
    vm.temp_roots.push(source);
    let result = (|| {
        // A tee is copied (CPython's `__copy__`); anything else gets a fresh buffer.
        let copied = match source.as_obj().and_then(|r| state_mut(vm, r)) {
            Some(ToolState::Tee(t)) => Some((t.link, t.index)),
            _ => None,
        };
        let (link, index, first) = match copied {
            Some((link, index)) => (link, index, source),
            _ => {
                let link = new_link(vm, source)?;
                vm.temp_roots.push(Value::Obj(link));
                (link, 0, new_tee(vm, link, 0)?)
            }
        };
        let mut out = vec![first];
        vm.temp_roots.push(first);
        for _ in 1..n {
            let t = new_tee(vm, link, index)?;
            vm.temp_roots.push(t);
            out.push(t);
        }
        Ok(vm.new_tuple(out))
    })();
    vm.temp_roots.truncate(base);
    result
}

/// `_tee.__copy__()`: a tee at the same position over the same buffer.
pub fn tee_copy(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let pos = match args.first().and_then(|v| v.as_obj()) {
        Some(r) => match state_mut(vm, r) {
            Some(ToolState::Tee(t)) => Some((t.link, t.index)),
            _ => None,
        },
        None => None,
    };
    match pos {
        Some((link, index)) => new_tee(vm, link, index),
        None => vm.err(
            ExcKind::TypeError,
            "descriptor '__copy__' requires a '_tee' object",
        ),
    }
}

pub fn tee_next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let Some(ToolState::Tee(t)) = state_mut(vm, it) else {
        return Ok(None);
    };
    let (mut link, mut index) = (t.link, t.index);
    if index >= LINK_CELLS {
        let Some(d) = tee_data(vm, link) else {
            return Ok(None);
        };
        let (next, source) = (d.next, d.it);
        let next = match next {
            Value::Obj(r) => r,
            _ => {
                let r = new_link(vm, source)?;
                if let Some(d) = tee_data(vm, link) {
                    d.next = Value::Obj(r);
                }
                r
            }
        };
        if let Some(ToolState::Tee(t)) = state_mut(vm, it) {
            t.link = next;
            t.index = 0;
        }
        (link, index) = (next, 0);
    }
    let Some(d) = tee_data(vm, link) else {
        return Ok(None);
    };
    let value = if let Some(&v) = d.values.get(index) {
        v
    } else {
        if d.running {
            return vm.err(ExcKind::RuntimeError, "cannot re-enter the tee iterator");
        }
        d.running = true;
        let source = d.it;
        let next = vm.iter_next(source);
        if let Some(d) = tee_data(vm, link) {
            d.running = false;
        }
        let Some(v) = next? else {
            return Ok(None);
        };
        if let Some(d) = tee_data(vm, link) {
            d.values.push(v);
        }
        v
    };
    if let Some(ToolState::Tee(t)) = state_mut(vm, it) {
        t.index = index + 1;
    }
    Ok(Some(value))
}
