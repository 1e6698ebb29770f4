//! Objects of the native library types whose state Python code never sees as a layout of its
//! own: `functools.partial` ([`super::partial`]) and `operator`'s `itemgetter`, `attrgetter`
//! and `methodcaller` ([`super::getters`]). One heap variant, [`Object::Native`], holds the
//! type (made by the module) and the state; calling one runs its kind's native call.
//!
//! Snapshots refuse them (`snapshot::save`), as they refuse other native state they have no
//! record for.

use crate::runtime::object::Object;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

#[derive(Debug)]
pub struct NativeObject {
    pub ty: ObjRef,
    pub state: NativeState,
}

#[derive(Debug)]
pub enum NativeState {
    /// `partial(func, *args, **keywords)`; `keywords` is a dict.
    Partial {
        func: Value,
        args: Box<[Value]>,
        keywords: Value,
    },
    /// `itemgetter(*items)`.
    ItemGetter(Box<[Value]>),
    /// `attrgetter(*attrs)`: each name as given, and split at its dots into interned names.
    AttrGetter {
        names: Box<[Value]>,
        paths: Box<[Box<[Value]>]>,
    },
    /// `methodcaller(name, *args, **kwargs)`.
    MethodCaller {
        name: Value,
        args: Box<[Value]>,
        kwargs: Box<[(Value, Value)]>,
    },
}

impl NativeObject {
    /// Calls `f` with every value the object keeps alive.
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(Value::Obj(self.ty));
        match &self.state {
            NativeState::Partial {
                func,
                args,
                keywords,
            } => {
                f(*func);
                args.iter().copied().for_each(&mut *f);
                f(*keywords);
            }
            NativeState::ItemGetter(items) => items.iter().copied().for_each(f),
            NativeState::AttrGetter { names, paths } => {
                names.iter().copied().for_each(&mut *f);
                paths.iter().flat_map(|p| p.iter()).copied().for_each(f);
            }
            NativeState::MethodCaller { name, args, kwargs } => {
                f(*name);
                args.iter().copied().for_each(&mut *f);
                for &(k, v) in kwargs.iter() {
                    f(k);
                    f(v);
                }
            }
        }
    }

    /// What a snapshot that meets this object calls it.
    pub fn kind_name(&self) -> &'static str {
        match self.state {
            NativeState::Partial { .. } => "a functools.partial",
            NativeState::ItemGetter(_) => "an operator.itemgetter",
            NativeState::AttrGetter { .. } => "an operator.attrgetter",
            NativeState::MethodCaller { .. } => "an operator.methodcaller",
        }
    }
}

pub fn state(vm: &Vm, r: ObjRef) -> Option<&NativeState> {
    match vm.heap.get(r) {
        Object::Native(n) => Some(&n.state),
        _ => None,
    }
}

/// The native object a value is or extends (a subclass instance's base value).
pub fn as_native(vm: &Vm, v: Value) -> Option<ObjRef> {
    match vm.base_value(v) {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Native(_)) => Some(r),
        _ => None,
    }
}

pub fn alloc(vm: &mut Vm, ty: ObjRef, state: NativeState) -> Value {
    vm.alloc(Object::Native(Box::new(NativeObject { ty, state })))
}

/// `obj(*args, **kwargs)`.
pub fn call(vm: &mut Vm, r: ObjRef, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    match state(vm, r) {
        Some(NativeState::Partial { .. }) => super::partial::call(vm, r, args, kwargs),
        Some(_) => super::getters::call(vm, r, args, kwargs),
        None => unreachable!("a native object"),
    }
}

/// `repr(obj)` of the object itself (a subclass instance's repr names its class).
pub fn repr(vm: &mut Vm, r: ObjRef) -> PyResult<String> {
    let name = vm.tp_name(Value::Obj(r));
    match state(vm, r) {
        Some(NativeState::Partial { .. }) => super::partial::repr(vm, r, &name),
        _ => super::getters::repr(vm, r, &name),
    }
}
