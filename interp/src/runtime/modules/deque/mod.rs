//! `collections.deque`, native as in CPython: one heap object, [`Object::Deque`], holding a
//! ring buffer of values. Its type is a built-in type (subclassable) installed by
//! `_collections`; its methods live in [`methods`], and the runtime's subscript, iteration,
//! membership, comparison and operator paths call [`protocol`] directly.
//!
//! Snapshots save a deque's items, maxlen and counter; they refuse a deque iterator in
//! flight (`snapshot::save`), naming it.

pub mod methods;
pub mod protocol;

use std::collections::VecDeque;
use std::rc::Rc;

use crate::runtime::builtins::constructors::{split_cls, wrap};
use crate::runtime::object::{IterState, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

#[derive(Debug, Default, Clone)]
pub struct PyDeque {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Moves on every change of length or order (not on `d[i] = x`, nor `reverse`, as in
    /// CPython), so iterators can tell they were overtaken.
    pub state: u64,
}

impl PyDeque {
    /// Appends on the right, dropping from the left past `maxlen`.
    pub fn push_back(&mut self, v: Value) {
        self.state = self.state.wrapping_add(1);
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| self.items.len() >= m) {
            self.items.pop_front();
        }
        self.items.push_back(v);
    }

    /// Appends on the left, dropping from the right past `maxlen`.
    pub fn push_front(&mut self, v: Value) {
        self.state = self.state.wrapping_add(1);
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| self.items.len() >= m) {
            self.items.pop_back();
        }
        self.items.push_front(v);
    }

    pub fn touch(&mut self) {
        self.state = self.state.wrapping_add(1);
    }
}

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let ty = vm.types.deque;
    if let Object::Type(t) = vm.heap.get_mut(ty) {
        t.module = Rc::from("collections");
    }
    for r in [
        vm.types.it_deque_iterator,
        vm.types.it_deque_reverse_iterator,
    ] {
        if let Object::Type(t) = vm.heap.get_mut(r) {
            t.module = Rc::from("_collections");
        }
    }
    vm.add_method(ty, "__new__", deque_new);
    vm.add_method(ty, "__init__", deque_init);
    for &(name, f) in methods::METHODS {
        vm.add_method(ty, name, f);
    }
    let fget = vm.new_builtin("maxlen", methods::maxlen);
    let prop = vm.alloc(Object::Property {
        fget,
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    });
    vm.set_type_attr(ty, "maxlen", prop);
    vm.set_type_attr(ty, "__hash__", Value::None);
    super::add_value(vm, dict, "deque", Value::Obj(ty))?;
    let it = vm.types.it_deque_iterator;
    super::add_value(vm, dict, "_deque_iterator", Value::Obj(it))?;
    let rit = vm.types.it_deque_reverse_iterator;
    super::add_value(vm, dict, "_deque_reverse_iterator", Value::Obj(rit))
}

pub fn new_deque(vm: &mut Vm, d: PyDeque) -> Value {
    vm.alloc(Object::Deque(Box::new(d)))
}

/// `deque(iterable=(), maxlen=None)`: filled here for `deque` itself; a subclass gets an
/// empty deque that its `__init__` (deque's, unless overridden) fills.
fn deque_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "deque")?;
    let ty = vm.types.deque;
    let v = new_deque(vm, PyDeque::default());
    if cls == ty {
        vm.temp_roots.push(v);
        let mut full = Vec::with_capacity(rest.len() + 1);
        full.push(v);
        full.extend_from_slice(&rest);
        let r = deque_init(vm, &full, kwargs);
        vm.temp_roots.pop();
        r?;
        return Ok(v);
    }
    Ok(wrap(vm, cls, ty, v))
}

/// `deque.__init__`: as CPython's `deque_init`, it empties the deque first.
fn deque_init(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some((&this, rest)) = args.split_first() else {
        return vm.err(
            ExcKind::TypeError,
            "descriptor '__init__' of 'collections.deque' object needs an argument",
        );
    };
    let Some(r) = protocol::as_deque(vm, this) else {
        let msg = format!(
            "descriptor '__init__' requires a 'collections.deque' object but received a '{}'",
            vm.type_name(this)
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    if rest.len() + kwargs.len() > 2 {
        let n = rest.len() + kwargs.len();
        let msg = format!("deque() takes at most 2 arguments ({n} given)");
        return vm.err(ExcKind::TypeError, msg);
    }
    let [kw_iterable, kw_maxlen] =
        crate::runtime::builtins::args::take_kwargs(vm, kwargs, "deque", ["iterable", "maxlen"])?;
    let iterable = rest.first().copied().or(kw_iterable);
    let maxlen_arg = rest.get(1).copied().or(kw_maxlen);
    for (pos, (name, kw)) in [("iterable", kw_iterable), ("maxlen", kw_maxlen)]
        .into_iter()
        .enumerate()
    {
        if kw.is_some() && rest.len() > pos {
            let msg = format!(
                "argument for deque() given by name ('{name}') and position ({})",
                pos + 1
            );
            return vm.err(ExcKind::TypeError, msg);
        }
    }
    let maxlen = match maxlen_arg {
        None | Some(Value::None) => None,
        Some(m) => {
            let n = match m {
                Value::Int(i) => i,
                Value::Bool(b) => b as i64,
                _ => match vm.to_pyint(m) {
                    Some(_) => {
                        return vm.err(
                            ExcKind::OverflowError,
                            "Python int too large to convert to C ssize_t",
                        );
                    }
                    None => match vm.user_index(m)? {
                        Some(i) => i,
                        None => return vm.err(ExcKind::TypeError, "an integer is required"),
                    },
                },
            };
            if n < 0 {
                return vm.err(ExcKind::ValueError, "maxlen must be non-negative");
            }
            Some(n as usize)
        }
    };
    let d = protocol::deque_mut(vm, r);
    d.maxlen = maxlen;
    if !d.items.is_empty() {
        d.items.clear();
        d.touch();
    }
    if let Some(it) = iterable {
        methods::extend_with(vm, r, it, false)?;
    }
    Ok(Value::None)
}

/// `iter(d)` and `reversed(d)`.
pub fn iterator(vm: &mut Vm, r: ObjRef, reverse: bool) -> Value {
    let d = protocol::deque_ref(vm, r).expect("deque");
    let (remaining, state) = (d.items.len(), d.state);
    vm.alloc(Object::Iter(Box::new(IterState::Deque {
        deque: r,
        index: 0,
        remaining,
        state,
        reverse,
    })))
}

/// One step of a deque iterator: CPython's `dequeiter_next` (the state test comes first).
pub fn iter_next(
    vm: &mut Vm,
    deque: ObjRef,
    index: usize,
    remaining: usize,
    state: u64,
    reverse: bool,
) -> PyResult<Option<Value>> {
    let d = protocol::deque_ref(vm, deque).expect("deque");
    if d.state != state {
        return vm.err(ExcKind::RuntimeError, "deque mutated during iteration");
    }
    if remaining == 0 {
        return Ok(None);
    }
    let pos = if reverse { remaining - 1 } else { index };
    Ok(d.items.get(pos).copied())
}
