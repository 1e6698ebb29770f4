//! Objects of the native library types whose state Python code never sees as a layout of its
//! own: `functools.partial` ([`super::partial`]) and `operator`'s `itemgetter`, `attrgetter`
//! and `methodcaller` ([`super::getters`]). One heap variant, [`Object::Native`], holds the
//! type (made by the module) and the state; calling one runs its kind's native call.
//!
//! Snapshots save them as plain parts ([`NativeParts`]).

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

/// A native object's state as plain parts — its kind, its values and its value lists —
/// which is what a snapshot saves and rebuilds it from.
#[derive(Debug, Default)]
pub struct NativeParts {
    pub kind: String,
    pub vals: Vec<Value>,
    pub lists: Vec<Vec<Value>>,
}

impl NativeObject {
    pub fn to_parts(&self) -> NativeParts {
        let (kind, vals, lists) = match &self.state {
            NativeState::Partial {
                func,
                args,
                keywords,
            } => ("partial", vec![*func, *keywords], vec![args.to_vec()]),
            NativeState::ItemGetter(items) => ("itemgetter", vec![], vec![items.to_vec()]),
            NativeState::AttrGetter { names, paths } => {
                let mut lists = vec![names.to_vec()];
                lists.extend(paths.iter().map(|p| p.to_vec()));
                ("attrgetter", vec![], lists)
            }
            NativeState::MethodCaller { name, args, kwargs } => (
                "methodcaller",
                vec![*name],
                vec![
                    args.to_vec(),
                    kwargs.iter().map(|kv| kv.0).collect(),
                    kwargs.iter().map(|kv| kv.1).collect(),
                ],
            ),
        };
        NativeParts {
            kind: kind.to_string(),
            vals,
            lists,
        }
    }
}

impl NativeState {
    /// The state [`NativeObject::to_parts`] saved; `None` if the parts are malformed.
    pub fn from_parts(p: NativeParts) -> Option<NativeState> {
        let NativeParts { kind, vals, lists } = p;
        Some(match kind.as_str() {
            "partial" => {
                let (&[func, keywords], [args]) = (vals.as_slice(), lists.as_slice()) else {
                    return None;
                };
                NativeState::Partial {
                    func,
                    args: args.clone().into(),
                    keywords,
                }
            }
            "itemgetter" => {
                let [items] = lists.as_slice() else {
                    return None;
                };
                NativeState::ItemGetter(items.clone().into())
            }
            "attrgetter" => {
                let (names, paths) = lists.split_first()?;
                if names.len() != paths.len() {
                    return None;
                }
                NativeState::AttrGetter {
                    names: names.clone().into(),
                    paths: paths.iter().map(|p| p.clone().into()).collect(),
                }
            }
            "methodcaller" => {
                let (&[name], [args, keys, values]) = (vals.as_slice(), lists.as_slice()) else {
                    return None;
                };
                if keys.len() != values.len() {
                    return None;
                }
                NativeState::MethodCaller {
                    name,
                    args: args.clone().into(),
                    kwargs: keys.iter().copied().zip(values.iter().copied()).collect(),
                }
            }
            _ => return None,
        })
    }
}
