//! `operator.itemgetter`, `attrgetter` and `methodcaller`, native as CPython's: each a
//! [`NativeState`] of a type made here (not subclassable, as in CPython), called with one
//! object.

use super::native_object::{NativeState, alloc, state};
use crate::runtime::builtins::args::no_kwargs;
use crate::runtime::builtins::constructors::split_cls;
use crate::runtime::object::{Layout, NativeFn};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

/// Makes the three types in `_operator`'s namespace.
pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let object = vm.types.object;
    let types: &[(&str, NativeFn)] = &[
        ("itemgetter", itemgetter_new),
        ("attrgetter", attrgetter_new),
        ("methodcaller", methodcaller_new),
    ];
    for &(name, new) in types {
        let ty = vm.new_native_type(name, "operator", Some(object), Layout::Native);
        vm.add_method(ty, "__new__", new);
        vm.add_method(ty, "__call__", call_method);
        super::add_value(vm, dict, name, Value::Obj(ty))?;
    }
    Ok(())
}

fn itemgetter_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, items) = split_cls(vm, args, "itemgetter")?;
    no_kwargs(vm, kwargs, "itemgetter")?;
    if items.is_empty() {
        return vm.err(ExcKind::TypeError, "itemgetter expected 1 argument, got 0");
    }
    Ok(alloc(vm, cls, NativeState::ItemGetter(items.into())))
}

fn attrgetter_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, names) = split_cls(vm, args, "attrgetter")?;
    no_kwargs(vm, kwargs, "attrgetter")?;
    if names.is_empty() {
        return vm.err(ExcKind::TypeError, "attrgetter expected 1 argument, got 0");
    }
    let mut paths = Vec::with_capacity(names.len());
    for &name in &names {
        let Some(text) = vm.as_str(name).map(str::to_string) else {
            return vm.err(ExcKind::TypeError, "attribute name must be a string");
        };
        // Interned once here, so each lookup compares names by handle.
        let path: Vec<Value> = text.split('.').map(|part| vm.intern(part)).collect();
        paths.push(path.into_boxed_slice());
    }
    let state = NativeState::AttrGetter {
        names: names.into(),
        paths: paths.into(),
    };
    Ok(alloc(vm, cls, state))
}

fn methodcaller_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "methodcaller")?;
    let Some((&name, margs)) = rest.split_first() else {
        return vm.err(
            ExcKind::TypeError,
            "methodcaller needs at least one argument, the method name",
        );
    };
    let Some(text) = vm.as_str(name).map(str::to_string) else {
        return vm.err(ExcKind::TypeError, "method name must be a string");
    };
    let name = vm.intern(&text);
    let state = NativeState::MethodCaller {
        name,
        args: margs.into(),
        kwargs: kwargs.into(),
    };
    Ok(alloc(vm, cls, state))
}

/// `getter(obj)`.
pub fn call(vm: &mut Vm, r: ObjRef, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let name = match state(vm, r) {
        Some(NativeState::ItemGetter(_)) => "itemgetter",
        Some(NativeState::AttrGetter { .. }) => "attrgetter",
        _ => "methodcaller",
    };
    no_kwargs(vm, kwargs, name)?;
    let &[obj] = args else {
        let msg = format!("{name} expected 1 argument, got {}", args.len());
        return vm.err(ExcKind::TypeError, msg);
    };
    match state(vm, r) {
        Some(NativeState::ItemGetter(items)) => {
            if let [item] = **items {
                return vm.getitem(obj, item);
            }
            let items = items.to_vec();
            let mut out = Vec::with_capacity(items.len());
            let base = vm.temp_roots.len();
            for item in items {
                match vm.getitem(obj, item) {
                    Ok(v) => {
                        vm.temp_roots.push(v);
                        out.push(v);
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(base);
                        return Err(e);
                    }
                }
            }
            vm.temp_roots.truncate(base);
            Ok(vm.new_tuple(out))
        }
        Some(NativeState::AttrGetter { paths, .. }) => {
            if let [path] = &**paths
                && let [attr] = **path
            {
                return vm.getattr(obj, attr);
            }
            let paths: Vec<Vec<Value>> = paths.iter().map(|p| p.to_vec()).collect();
            let single = paths.len() == 1;
            let mut out = Vec::with_capacity(paths.len());
            let base = vm.temp_roots.len();
            let result = (|| {
                for path in paths {
                    let mut v = obj;
                    for attr in path {
                        v = vm.getattr(v, attr)?;
                        vm.temp_roots.push(v);
                    }
                    out.push(v);
                }
                Ok(())
            })();
            vm.temp_roots.truncate(base);
            result?;
            if single {
                return Ok(out[0]);
            }
            Ok(vm.new_tuple(out))
        }
        Some(NativeState::MethodCaller { name, args, kwargs }) => {
            let (name, margs, mkw) = (*name, args.to_vec(), kwargs.to_vec());
            let method = vm.getattr(obj, name)?;
            vm.temp_roots.push(method);
            let r = vm.call(method, &margs, &mkw);
            vm.temp_roots.pop();
            r
        }
        _ => unreachable!("a getter"),
    }
}

fn call_method(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    match args.first() {
        Some(&Value::Obj(r)) if state(vm, r).is_some() => call(vm, r, &args[1..], kwargs),
        _ => vm.err(
            ExcKind::TypeError,
            "descriptor '__call__' needs a getter object",
        ),
    }
}

/// `operator.itemgetter(1, 'a')`, `operator.attrgetter('a.b')`,
/// `operator.methodcaller('m', 1, k=2)`.
pub fn repr(vm: &mut Vm, r: ObjRef, name: &str) -> PyResult<String> {
    let (parts, kw): (Vec<Value>, Vec<(Value, Value)>) = match state(vm, r) {
        Some(NativeState::ItemGetter(items)) => (items.to_vec(), Vec::new()),
        Some(NativeState::AttrGetter { names, .. }) => (names.to_vec(), Vec::new()),
        Some(NativeState::MethodCaller { name, args, kwargs }) => {
            let mut parts = vec![*name];
            parts.extend_from_slice(args);
            (parts, kwargs.to_vec())
        }
        _ => unreachable!("a getter"),
    };
    vm.guarded(r, &format!("{name}(...)"), |vm| {
        let mut texts = Vec::with_capacity(parts.len() + kw.len());
        for p in parts {
            texts.push(vm.repr(p)?);
        }
        for (k, v) in kw {
            let k = vm.str(k)?;
            let v = vm.repr(v)?;
            texts.push(format!("{k}={v}"));
        }
        Ok(format!("{name}({})", texts.join(", ")))
    })
}
