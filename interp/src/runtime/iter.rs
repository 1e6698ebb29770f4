//! The container protocols: iteration, subscripts, membership, `len`, and keyed lookup in
//! dicts and sets with Python equality.

use super::object::{DictViewKind, GenKind, IterState, Object};
use super::types::ExcKind;
use super::value::{ObjRef, Value};
use super::vm::Vm;
use super::{PyResult, Raised};
use crate::runtime::type_cache::SpecialMethod;

/// A slice resolved against a length: CPython's `PySlice_AdjustIndices`.
#[derive(Clone, Copy, Debug)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..self.len).map(move |i| (self.start + i as i64 * self.step) as usize)
    }
}

impl Vm {
    // ---- iteration ---------------------------------------------------------------------------

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let Value::Obj(r) = v else {
            return Err(self.not_iterable(v));
        };
        let state = match self.heap.get(r) {
            Object::List(_)
            | Object::Tuple(_)
            | Object::Bytes(_)
            | Object::ByteArray(_)
            | Object::Array(_) => IterState::Seq { seq: r, index: 0 },
            Object::Str(_) => IterState::Str { s: r, pos: 0 },
            Object::Deque(_) => return Ok(super::modules::deque::iterator(self, r, false)),
            Object::Range { start, stop, step } => IterState::Range {
                next: *start,
                stop: *stop,
                step: *step,
            },
            Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => IterState::Dict {
                dict: r,
                slot: 0,
                kind: DictViewKind::Keys,
                version: d.version,
            },
            Object::DictView { dict, kind } => {
                let (dict, kind) = (*dict, *kind);
                let version = match self.heap.get(dict) {
                    Object::Dict(d) => d.version,
                    _ => 0,
                };
                IterState::Dict {
                    dict,
                    slot: 0,
                    kind,
                    version,
                }
            }
            Object::Iter(_) | Object::AwaitOp(_) => return Ok(v),
            Object::Generator(g) if g.kind == GenKind::Generator => return Ok(v),
            Object::Instance(inst) => {
                let base = inst.base_value;
                let ty = self.type_of(v);
                if let Some(f) = self.special_method(ty, SpecialMethod::Iter) {
                    let it = self.call_reentrant(f, &[v], &[])?;
                    let is_iterator = match it {
                        Value::Obj(r) => match self.heap.get(r) {
                            Object::Iter(_) | Object::AwaitOp(_) => true,
                            Object::Generator(g) => g.kind == GenKind::Generator,
                            Object::Instance(_) => {
                                let t = self.type_of(it);
                                self.special_method(t, SpecialMethod::Next).is_some()
                            }
                            _ => false,
                        },
                        _ => false,
                    };
                    if !is_iterator {
                        let msg = format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(it)
                        );
                        return self.err(ExcKind::TypeError, msg);
                    }
                    return Ok(it);
                }
                if self.special_method(ty, SpecialMethod::GetItem).is_some() {
                    // The old sequence protocol: index from 0 until IndexError.
                    let getitem = self
                        .special_method(ty, SpecialMethod::GetItem)
                        .unwrap_or(Value::None);
                    let bound = self.bind(getitem, v, ty)?;
                    return Ok(self.alloc(Object::Iter(Box::new(IterState::Callable {
                        func: bound,
                        sentinel: Value::Null,
                    }))));
                }
                if !base.is_null() {
                    return self.get_iter(base);
                }
                return Err(self.not_iterable(v));
            }
            Object::FrameLocals(frame) => {
                let frame = *frame;
                let keys = super::introspect::locals_items(self, frame)?
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect();
                let list = self.new_list(keys);
                return self.get_iter(list);
            }
            _ => return Err(self.not_iterable(v)),
        };
        Ok(self.alloc(Object::Iter(Box::new(state))))
    }

    #[cold]
    fn not_iterable(&mut self, v: Value) -> Raised {
        let msg = format!("'{}' object is not iterable", self.type_name(v));
        self.raise(ExcKind::TypeError, msg)
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let Value::Obj(r) = it else {
            return Err(self.not_an_iterator(it));
        };
        match self.heap.get(r) {
            Object::Iter(_) => self.builtin_iter_next(r),
            Object::Generator(g) if g.kind == GenKind::Generator => self.gen_next(r),
            Object::AwaitOp(_) => match self.await_op_step(r, Value::None, None)? {
                super::call::GenStep::Yield(v) => Ok(Some(v)),
                super::call::GenStep::Return(_) => Ok(None),
            },
            Object::Instance(_) => {
                let ty = self.type_of(it);
                let Some(f) = self.special_method(ty, SpecialMethod::Next) else {
                    return Err(self.not_an_iterator(it));
                };
                match self.call_reentrant(f, &[it], &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(Raised) if self.exception_matches(ExcKind::StopIteration) => {
                        self.take_exception();
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            _ => Err(self.not_an_iterator(it)),
        }
    }

    #[cold]
    fn not_an_iterator(&mut self, v: Value) -> Raised {
        let msg = format!("'{}' object is not an iterator", self.type_name(v));
        self.raise(ExcKind::TypeError, msg)
    }

    fn builtin_iter_next(&mut self, r: ObjRef) -> PyResult<Option<Value>> {
        let Object::Iter(state) = self.heap.get_mut(r) else {
            unreachable!()
        };
        match &mut **state {
            IterState::Range { next, stop, step } => {
                let v = *next;
                if (*step > 0 && v >= *stop) || (*step < 0 && v <= *stop) {
                    return Ok(None);
                }
                *next = v.saturating_add(*step);
                Ok(Some(Value::Int(v)))
            }
            IterState::Seq { seq, index } => {
                let (seq, i) = (*seq, *index);
                *index += 1;
                let item = match self.heap.get(seq) {
                    Object::List(items) => items.get(i).copied(),
                    Object::Tuple(items) => items.get(i).copied(),
                    Object::Bytes(b) => b.get(i).map(|&x| Value::Int(x as i64)),
                    Object::ByteArray(b) => b.get(i).map(|&x| Value::Int(x as i64)),
                    Object::Array(_) => super::modules::array::protocol::item(self, seq, i),
                    _ => None,
                };
                if item.is_none() {
                    self.exhaust(r);
                }
                Ok(item)
            }
            IterState::Str { s, pos } => {
                let (s, p) = (*s, *pos);
                let Object::Str(st) = self.heap.get(s) else {
                    return Ok(None);
                };
                let Some(ch) = st.s[p..].chars().next() else {
                    return Ok(None);
                };
                if let Object::Iter(state) = self.heap.get_mut(r)
                    && let IterState::Str { pos, .. } = &mut **state
                {
                    *pos += ch.len_utf8();
                }
                let mut buf = [0u8; 4];
                Ok(Some(self.intern_char(ch.encode_utf8(&mut buf))))
            }
            IterState::Dict {
                dict,
                slot,
                kind,
                version,
            } => {
                let (dict, start, kind, version) = (*dict, *slot, *kind, *version);
                let (Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d)) = self.heap.get(dict)
                else {
                    return Ok(None);
                };
                if d.version != version {
                    let what = if matches!(self.heap.get(dict), Object::Dict(_)) {
                        "dictionary"
                    } else {
                        "set"
                    };
                    return self.err(
                        ExcKind::RuntimeError,
                        format!("{what} changed size during iteration"),
                    );
                }
                let mut i = start;
                let found = loop {
                    if i >= d.slots() {
                        break None;
                    }
                    if let Some(e) = d.entry_at(i) {
                        break Some(*e);
                    }
                    i += 1;
                };
                if let Object::Iter(state) = self.heap.get_mut(r)
                    && let IterState::Dict { slot, .. } = &mut **state
                {
                    *slot = i + 1;
                }
                Ok(found.map(|e| match kind {
                    DictViewKind::Keys => e.key,
                    DictViewKind::Values => e.value,
                    DictViewKind::Items => self.new_tuple(vec![e.key, e.value]),
                }))
            }
            IterState::Exhausted => Ok(None),
            IterState::Tool { .. } => super::modules::itertools::next(self, r),
            IterState::Deque {
                deque,
                index,
                remaining,
                state,
                reverse,
            } => {
                let (deque, i, left, state, reverse) =
                    (*deque, *index, *remaining, *state, *reverse);
                let item = super::modules::deque::iter_next(self, deque, i, left, state, reverse)?;
                if let Object::Iter(s) = self.heap.get_mut(r)
                    && let IterState::Deque {
                        index, remaining, ..
                    } = &mut **s
                    && item.is_some()
                {
                    *index += 1;
                    *remaining -= 1;
                }
                Ok(item)
            }
            _ => super::builtins::adapter_next(self, r),
        }
    }

    fn exhaust(&mut self, r: ObjRef) {
        if let Object::Iter(state) = self.heap.get_mut(r) {
            **state = IterState::Exhausted;
        }
    }

    /// A one-character str; ASCII ones are interned so iterating a str allocates nothing.
    pub fn intern_char(&mut self, s: &str) -> Value {
        if s.len() == 1 {
            self.intern(s)
        } else {
            self.new_str(s)
        }
    }

    /// All items of an iterable, rooted while they are gathered.
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Object::List(items) => return Ok(items.clone()),
                Object::Tuple(items) => return Ok(items.to_vec()),
                _ => {}
            }
        }
        // A range knows its length: reserve it at once, as CPython does from its length
        // hint, so that `list(range(10**12))` fails now rather than after filling memory.
        let mut known = Vec::new();
        if let Value::Obj(r) = v
            && let Object::Range { start, stop, step } = *self.heap.get(r)
        {
            let len = super::builtins::range_len(start, stop, step).max(0) as usize;
            if known.try_reserve_exact(len).is_err() {
                return Err(self.memory_error());
            }
        }
        let it = self.get_iter(v)?;
        // Gather into a list object so the collector sees the items if Python code runs.
        let acc = self.new_list(known);
        self.temp_roots.extend([it, acc]);
        let result = loop {
            match self.iter_next(it) {
                Ok(Some(item)) => {
                    if let Value::Obj(l) = acc
                        && let Object::List(items) = self.heap.get_mut(l)
                    {
                        // An endless iterator ends in MemoryError, not an abort.
                        if items.try_reserve(1).is_err() {
                            break Err(self.memory_error());
                        }
                        items.push(item);
                    }
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        self.temp_roots.truncate(self.temp_roots.len() - 2);
        result?;
        match self.heap.get_mut(acc.as_obj().expect("list")) {
            Object::List(items) => Ok(std::mem::take(items)),
            _ => Ok(Vec::new()),
        }
    }

    // ---- len and membership ------------------------------------------------------------------

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Object::Str(s) => return Ok(s.char_len),
                Object::List(l) => return Ok(l.len()),
                Object::Tuple(t) => return Ok(t.len()),
                Object::Bytes(b) => return Ok(b.len()),
                Object::ByteArray(b) => return Ok(b.len()),
                Object::Array(a) => return Ok(a.len()),
                Object::Deque(d) => return Ok(d.items.len()),
                Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => return Ok(d.len()),
                Object::Range { start, stop, step } => {
                    return Ok(super::builtins::range_len(*start, *stop, *step) as usize);
                }
                Object::DictView { dict, .. } => {
                    if let Object::Dict(d) = self.heap.get(*dict) {
                        return Ok(d.len());
                    }
                }
                Object::Instance(inst) => {
                    let base = inst.base_value;
                    let ty = self.type_of(v);
                    if let Some(f) = self.special_method(ty, SpecialMethod::Len) {
                        let n = self.call_reentrant(f, &[v], &[])?;
                        return match n {
                            Value::Int(n) if n >= 0 => Ok(n as usize),
                            Value::Int(_) => {
                                self.err(ExcKind::ValueError, "__len__() should return >= 0")
                            }
                            Value::Bool(b) => Ok(b as usize),
                            Value::Obj(r) if matches!(self.heap.get(r), Object::BigInt(_)) => {
                                let negative = self.to_pyint(n).is_some_and(|i| i.is_negative());
                                if negative {
                                    self.err(ExcKind::ValueError, "__len__() should return >= 0")
                                } else {
                                    self.err(
                                        ExcKind::OverflowError,
                                        "cannot fit 'int' into an index-sized integer",
                                    )
                                }
                            }
                            _ => {
                                let msg = format!(
                                    "'{}' object cannot be interpreted as an integer",
                                    self.type_name(n)
                                );
                                self.err(ExcKind::TypeError, msg)
                            }
                        };
                    }
                    if !base.is_null() {
                        return self.len(base);
                    }
                }
                Object::FrameLocals(frame) => {
                    let frame = *frame;
                    return super::introspect::locals_len(self, frame);
                }
                _ => {}
            }
        }
        let msg = format!("object of type '{}' has no len()", self.type_name(v));
        self.err(ExcKind::TypeError, msg)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if let Value::Obj(r) = container {
            match self.heap.get(r) {
                Object::Str(_) => {
                    let Some(needle) = self.as_str(item) else {
                        let msg = format!(
                            "'in <string>' requires string as left operand, not {}",
                            self.type_name(item)
                        );
                        return self.err(ExcKind::TypeError, msg);
                    };
                    let hay = self.as_str(container).unwrap_or("");
                    return Ok(hay.contains(needle));
                }
                Object::Dict(_) | Object::Set(_) | Object::FrozenSet(_) => {
                    return Ok(self.table_lookup(r, item)?.is_some());
                }
                Object::Bytes(_) | Object::ByteArray(_) => {
                    return super::builtins::bytes::contains(self, container, item);
                }
                Object::Array(_) => {
                    return super::modules::array::protocol::contains(self, r, item);
                }
                Object::Deque(_) => {
                    return super::modules::deque::protocol::contains(self, r, item);
                }
                Object::DictView { dict, kind } => {
                    let (dict, kind) = (*dict, *kind);
                    match kind {
                        DictViewKind::Keys => return Ok(self.table_lookup(dict, item)?.is_some()),
                        DictViewKind::Values | DictViewKind::Items => {}
                    }
                }
                Object::Range { start, stop, step } => {
                    let (start, stop, step) = (*start, *stop, *step);
                    let as_int = match item {
                        Value::Int(i) => Some(i),
                        Value::Bool(b) => Some(b as i64),
                        _ => None,
                    };
                    if let Some(i) = as_int {
                        let inside = if step > 0 {
                            i >= start && i < stop
                        } else {
                            i <= start && i > stop
                        };
                        return Ok(inside && (i - start) % step == 0);
                    }
                }
                Object::FrameLocals(frame) => {
                    let frame = *frame;
                    return super::introspect::locals_contains(self, frame, item);
                }
                Object::List(_) | Object::Tuple(_) => {
                    let items = self.seq_items(container);
                    self.temp_roots.push(container);
                    let mut found = Ok(false);
                    for x in items {
                        match self.eq(x, item) {
                            Ok(true) => {
                                found = Ok(true);
                                break;
                            }
                            Ok(false) => {}
                            Err(e) => {
                                found = Err(e);
                                break;
                            }
                        }
                    }
                    self.temp_roots.pop();
                    return found;
                }
                Object::Instance(inst) => {
                    let base = inst.base_value;
                    let ty = self.type_of(container);
                    if let Some(f) = self.special_method(ty, SpecialMethod::Contains) {
                        let r = self.call_reentrant(f, &[container, item], &[])?;
                        return self.truthy(r);
                    }
                    if !base.is_null() {
                        return self.contains(base, item);
                    }
                }
                _ => {}
            }
        }
        // Fall back to iteration (generators, iterators, `__iter__` classes).
        let it = self.get_iter(container).map_err(|_| {
            self.take_exception();
            let msg = format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            );
            self.raise(ExcKind::TypeError, msg)
        })?;
        self.temp_roots.push(it);
        let result = loop {
            match self.iter_next(it) {
                Ok(Some(x)) => match self.eq(x, item) {
                    Ok(true) => break Ok(true),
                    Ok(false) => {}
                    Err(e) => break Err(e),
                },
                Ok(None) => break Ok(false),
                Err(e) => break Err(e),
            }
        };
        self.temp_roots.pop();
        result
    }

    // ---- keyed tables (dict, set, frozenset) ---------------------------------------------------

    /// The slot of `key` in a dict/set table, comparing with Python equality.
    pub fn table_lookup(&mut self, table: ObjRef, key: Value) -> PyResult<Option<usize>> {
        let hash = self.hash(key)?;
        self.table_lookup_hashed(table, key, hash)
    }

    pub fn table_lookup_hashed(
        &mut self,
        table: ObjRef,
        key: Value,
        hash: i64,
    ) -> PyResult<Option<usize>> {
        let (Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d)) = self.heap.get(table) else {
            return Ok(None);
        };
        let mut undecided: Vec<(usize, Value)> = Vec::new();
        for slot in d.candidates(hash) {
            let k = d.key_at(slot);
            match self.eq_fast(k, key) {
                Some(true) => return Ok(Some(slot)),
                Some(false) => {}
                None => undecided.push((slot, k)),
            }
        }
        for (slot, k) in undecided {
            if self.eq(k, key)? {
                return Ok(Some(slot));
            }
        }
        Ok(None)
    }

    /// `table[key] = value` for dicts (and `add` for sets, with `value` ignored).
    pub fn table_insert(&mut self, table: ObjRef, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(key)?;
        let slot = self.table_lookup_hashed(table, key, hash)?;
        if let Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) = self.heap.get_mut(table) {
            match slot {
                Some(slot) => d.set_value_at(slot, value),
                None => d.insert_new(hash, key, value),
            }
        }
        Ok(())
    }

    /// Removes `key`, returning its value if it was there.
    pub fn table_remove(&mut self, table: ObjRef, key: Value) -> PyResult<Option<Value>> {
        let Some(slot) = self.table_lookup(table, key)? else {
            return Ok(None);
        };
        match self.heap.get_mut(table) {
            Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => {
                Ok(Some(d.remove_at(slot).value))
            }
            _ => Ok(None),
        }
    }

    // ---- subscripts --------------------------------------------------------------------------

    /// Resolves an index against `len` (negative counts from the end); `None` if out of range.
    pub fn seq_index(&mut self, index: Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let i = match index {
            Value::Int(i) => i,
            Value::Bool(b) => b as i64,
            // CPython's item access converts to a Py_ssize_t first, and says so when it can't.
            _ if self.is_bigint(index) => return Err(self.index_overflow()),
            _ => match self.index_value(index) {
                Some(i) => i,
                None => match self.user_index(index)? {
                    Some(i) => i,
                    None if what == "string" => {
                        let msg = format!(
                            "string indices must be integers, not '{}'",
                            self.type_name(index)
                        );
                        return self.err(ExcKind::TypeError, msg);
                    }
                    None => {
                        let msg = format!(
                            "{what} indices must be integers or slices, not {}",
                            self.type_name(index)
                        );
                        return self.err(ExcKind::TypeError, msg);
                    }
                },
            },
        };
        let i = if i < 0 { i + len as i64 } else { i };
        Ok(if i >= 0 && (i as usize) < len {
            Some(i as usize)
        } else {
            None
        })
    }

    /// A user object's `__index__` (big results saturate); `None` when it has none.
    pub fn user_index(&mut self, v: Value) -> PyResult<Option<i64>> {
        if !matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Object::Instance(_))) {
            return Ok(None);
        }
        let ty = self.type_of(v);
        let Some(f) = self.special_method(ty, SpecialMethod::Index) else {
            return Ok(None);
        };
        let r = self.call_reentrant(f, &[v], &[])?;
        match self.index_value(r) {
            Some(i) => Ok(Some(i)),
            None => {
                let msg = format!("__index__ returned non-int (type {})", self.type_name(r));
                self.err(ExcKind::TypeError, msg)
            }
        }
    }

    fn is_bigint(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Object::BigInt(_)))
    }

    /// CPython's error for an item index beyond a Py_ssize_t.
    fn index_overflow(&mut self) -> crate::runtime::Raised {
        self.raise(
            ExcKind::IndexError,
            "cannot fit 'int' into an index-sized integer",
        )
    }

    /// An int usable as an index (big ints saturate, so they are always out of range).
    fn index_value(&self, v: Value) -> Option<i64> {
        match v {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b as i64),
            Value::Obj(r) => match self.heap.get(r) {
                Object::BigInt(b) => Some(if b.sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                }),
                _ => None,
            },
            _ => None,
        }
    }

    /// Resolves a slice object against a sequence length.
    pub fn slice_indices(&mut self, slice: ObjRef, len: usize) -> PyResult<SliceIndices> {
        let Object::Slice { start, stop, step } = *self.heap.get(slice) else {
            return self.err(ExcKind::TypeError, "expected a slice");
        };
        let mut bound = |v: Value| -> PyResult<Option<i64>> {
            match v {
                Value::None | Value::Null => Ok(None),
                _ => match self.index_value(v) {
                    Some(i) => Ok(Some(i)),
                    None if self.user_index(v)?.is_some() => self.user_index(v),
                    None => self.err(
                        ExcKind::TypeError,
                        "slice indices must be integers or None or have an __index__ method",
                    ),
                },
            }
        };
        let step = bound(step)?.unwrap_or(1);
        if step == 0 {
            return self.err(ExcKind::ValueError, "slice step cannot be zero");
        }
        let (start, stop) = (bound(start)?, bound(stop)?);
        let len = len as i64;
        let adjust = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
            None => default,
            Some(v) if v < 0 => (v + len).max(lo),
            Some(v) => v.min(hi),
        };
        let (start, stop) = if step > 0 {
            (adjust(start, 0, 0, len), adjust(stop, len, 0, len))
        } else {
            (
                adjust(start, len - 1, -1, len - 1),
                adjust(stop, -1, -1, len - 1),
            )
        };
        // i128: a step of i64::MIN (from a huge int) must not overflow when negated.
        let (s, e, st) = (start as i128, stop as i128, step as i128);
        let count = if st > 0 {
            if e > s { (e - s - 1) / st + 1 } else { 0 }
        } else if s > e {
            (s - e - 1) / (-st) + 1
        } else {
            0
        };
        Ok(SliceIndices {
            start,
            stop,
            step,
            len: count as usize,
        })
    }

    /// `container[key]`.
    pub fn getitem(&mut self, container: Value, key: Value) -> PyResult<Value> {
        let Value::Obj(r) = container else {
            return Err(self.not_subscriptable(container));
        };
        let slice = match key {
            Value::Obj(k) if matches!(self.heap.get(k), Object::Slice { .. }) => Some(k),
            _ => None,
        };
        match self.heap.get(r) {
            Object::Array(_) => super::modules::array::protocol::getitem(self, r, key),
            Object::Deque(_) => super::modules::deque::protocol::getitem(self, r, key),
            Object::List(items) => {
                let len = items.len();
                if let Some(s) = slice {
                    let idx = self.slice_indices(s, len)?;
                    let Object::List(items) = self.heap.get(r) else {
                        unreachable!()
                    };
                    let out: Vec<Value> = idx.positions().map(|i| items[i]).collect();
                    return Ok(self.new_list(out));
                }
                match self.seq_index(key, len, "list")? {
                    Some(i) => match self.heap.get(r) {
                        Object::List(items) => Ok(items[i]),
                        _ => unreachable!(),
                    },
                    None => self.err(ExcKind::IndexError, "list index out of range"),
                }
            }
            Object::Tuple(items) => {
                let len = items.len();
                if let Some(s) = slice {
                    let idx = self.slice_indices(s, len)?;
                    if idx.step == 1 && idx.len == len {
                        return Ok(container);
                    }
                    let Object::Tuple(items) = self.heap.get(r) else {
                        unreachable!()
                    };
                    let out: Vec<Value> = idx.positions().map(|i| items[i]).collect();
                    return Ok(self.new_tuple(out));
                }
                match self.seq_index(key, len, "tuple")? {
                    Some(i) => match self.heap.get(r) {
                        Object::Tuple(items) => Ok(items[i]),
                        _ => unreachable!(),
                    },
                    None => self.err(ExcKind::IndexError, "tuple index out of range"),
                }
            }
            Object::Str(_) => super::builtins::str_getitem(self, r, key, slice),
            Object::Bytes(_) | Object::ByteArray(_) => {
                super::builtins::bytes::getitem(self, r, key, slice)
            }
            Object::Dict(_) => match self.table_lookup(r, key)? {
                Some(slot) => match self.heap.get(r) {
                    Object::Dict(d) => Ok(d.value_at(slot)),
                    _ => unreachable!(),
                },
                None => Err(self.raise_with_args(ExcKind::KeyError, vec![key])),
            },
            Object::Range { .. } => super::builtins::range_getitem(self, r, key, slice),
            Object::Instance(inst) => {
                let base = inst.base_value;
                let ty = self.type_of(container);
                if let Some(f) = self.special_method(ty, SpecialMethod::GetItem) {
                    if let Value::Obj(d) = base
                        && matches!(self.heap.get(d), Object::Dict(_))
                        && super::builtins::is_dict_getitem(self, f)
                    {
                        return self.dict_subclass_getitem(container, d, key);
                    }
                    return self.call_reentrant(f, &[container, key], &[]);
                }
                if !base.is_null() {
                    return self.getitem(base, key);
                }
                Err(self.not_subscriptable(container))
            }
            Object::Type(_) => {
                // `list[int]` and friends: generic aliases are beyond us; keep the class.
                Ok(container)
            }
            Object::FrameLocals(frame) => {
                let frame = *frame;
                super::introspect::locals_getitem(self, frame, key)
            }
            _ => Err(self.not_subscriptable(container)),
        }
    }

    /// `d[key]` on an instance of a dict subclass that keeps dict's `__getitem__`
    /// (`defaultdict`, `Counter`, user subclasses): the table lookup, then on a miss the
    /// class's `__missing__` if it has one, as `dict_subscript` does, with no method call
    /// and no KeyError raised and caught in between.
    fn dict_subclass_getitem(
        &mut self,
        container: Value,
        d: ObjRef,
        key: Value,
    ) -> PyResult<Value> {
        if let Some(slot) = self.table_lookup(d, key)? {
            return match self.heap.get(d) {
                Object::Dict(t) => Ok(t.value_at(slot)),
                _ => unreachable!(),
            };
        }
        let ty = self.type_of(container);
        match self.special_method(ty, SpecialMethod::Missing) {
            Some(missing) => self.call_reentrant(missing, &[container, key], &[]),
            None => Err(self.raise_with_args(ExcKind::KeyError, vec![key])),
        }
    }

    #[cold]
    fn not_subscriptable(&mut self, v: Value) -> Raised {
        let msg = format!("'{}' object is not subscriptable", self.type_name(v));
        self.raise(ExcKind::TypeError, msg)
    }

    /// `container[key] = value`.
    pub fn setitem(&mut self, container: Value, key: Value, value: Value) -> PyResult<()> {
        let Value::Obj(r) = container else {
            return Err(self.no_item_assignment(container));
        };
        match self.heap.get(r) {
            Object::List(items) => {
                let len = items.len();
                if let Value::Obj(k) = key
                    && matches!(self.heap.get(k), Object::Slice { .. })
                {
                    return super::builtins::list_set_slice(self, r, k, value);
                }
                match self.seq_index(key, len, "list")? {
                    Some(i) => {
                        if let Object::List(items) = self.heap.get_mut(r) {
                            items[i] = value;
                        }
                        Ok(())
                    }
                    None => self.err(ExcKind::IndexError, "list assignment index out of range"),
                }
            }
            Object::Array(_) => super::modules::array::protocol::setitem(self, r, key, value),
            Object::Deque(_) => super::modules::deque::protocol::setitem(self, r, key, value),
            Object::Dict(_) => self.table_insert(r, key, value),
            Object::ByteArray(_) => super::builtins::bytes::setitem(self, r, key, value),
            Object::FrameLocals(frame) => {
                let frame = *frame;
                super::introspect::locals_setitem(self, frame, key, value)
            }
            Object::Instance(inst) => {
                let base = inst.base_value;
                let ty = self.type_of(container);
                if let Some(f) = self.special_method(ty, SpecialMethod::SetItem) {
                    self.call_reentrant(f, &[container, key, value], &[])?;
                    return Ok(());
                }
                if !base.is_null() {
                    return self.setitem(base, key, value);
                }
                Err(self.no_item_assignment(container))
            }
            _ => Err(self.no_item_assignment(container)),
        }
    }

    #[cold]
    fn no_item_assignment(&mut self, v: Value) -> Raised {
        let msg = format!(
            "'{}' object does not support item assignment",
            self.type_name(v)
        );
        self.raise(ExcKind::TypeError, msg)
    }

    /// `del container[key]`.
    pub fn delitem(&mut self, container: Value, key: Value) -> PyResult<()> {
        let Value::Obj(r) = container else {
            return Err(self.no_item_deletion(container));
        };
        if matches!(self.heap.get(r), Object::ByteArray(_)) {
            return super::builtins::bytes::delitem(self, r, key);
        }
        match self.heap.get(r) {
            Object::List(items) => {
                let len = items.len();
                if let Value::Obj(k) = key
                    && matches!(self.heap.get(k), Object::Slice { .. })
                {
                    let idx = self.slice_indices(k, len)?;
                    let doomed: std::collections::HashSet<usize> = idx.positions().collect();
                    if let Object::List(items) = self.heap.get_mut(r) {
                        let mut i = 0;
                        items.retain(|_| {
                            let keep = !doomed.contains(&i);
                            i += 1;
                            keep
                        });
                    }
                    return Ok(());
                }
                match self.seq_index(key, len, "list")? {
                    Some(i) => {
                        if let Object::List(items) = self.heap.get_mut(r) {
                            items.remove(i);
                        }
                        Ok(())
                    }
                    None => self.err(ExcKind::IndexError, "list assignment index out of range"),
                }
            }
            Object::Dict(_) => match self.table_remove(r, key)? {
                Some(_) => Ok(()),
                None => Err(self.raise_with_args(ExcKind::KeyError, vec![key])),
            },
            Object::Array(_) => super::modules::array::protocol::delitem(self, r, key),
            Object::Deque(_) => super::modules::deque::protocol::delitem(self, r, key),
            Object::Instance(inst) => {
                let base = inst.base_value;
                let ty = self.type_of(container);
                if let Some(f) = self.special_method(ty, SpecialMethod::DelItem) {
                    self.call_reentrant(f, &[container, key], &[])?;
                    return Ok(());
                }
                if !base.is_null() {
                    return self.delitem(base, key);
                }
                Err(self.no_item_deletion(container))
            }
            Object::FrameLocals(frame) => {
                let frame = *frame;
                super::introspect::locals_delitem(self, frame, key)
            }
            _ => Err(self.no_item_deletion(container)),
        }
    }

    #[cold]
    fn no_item_deletion(&mut self, v: Value) -> Raised {
        let msg = format!(
            "'{}' object doesn't support item deletion",
            self.type_name(v)
        );
        self.raise(ExcKind::TypeError, msg)
    }
}
