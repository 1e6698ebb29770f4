//! `functools.partial`, native as CPython's: a [`NativeState::Partial`] holding the function,
//! the leading positional arguments and a dict of keywords. A partial of a plain partial is
//! flattened into one, as `partial_new` does.

use super::native_object::{NativeState, alloc, as_native, state};
use crate::runtime::builtins::constructors::{split_cls, wrap};
use crate::runtime::object::{Layout, NativeFn, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

/// Makes the `partial` type in `functools`' native part.
pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let object = vm.types.object;
    let ty = vm.new_native_type("partial", "functools", Some(object), Layout::Native);
    vm.add_method(ty, "__new__", partial_new);
    vm.add_method(ty, "__call__", partial_call_method);
    vm.add_method(ty, "__repr__", repr_method);
    let getters: &[(&'static str, NativeFn)] = &[
        ("func", get_func),
        ("args", get_args),
        ("keywords", get_keywords),
    ];
    for &(name, f) in getters {
        let fget = vm.new_builtin(name, f);
        let prop = vm.alloc(Object::Property {
            fget,
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        });
        vm.set_type_attr(ty, name, prop);
    }
    super::add_value(vm, dict, "partial", Value::Obj(ty))
}

/// `partial(func, /, *args, **keywords)`.
fn partial_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "partial")?;
    let Some((&first, extra)) = rest.split_first() else {
        return vm.err(
            ExcKind::TypeError,
            "type 'partial' takes at least one argument",
        );
    };
    let (mut func, mut all_args, inner_kw) = (first, Vec::new(), None);
    let mut inner_kw = inner_kw;
    // A partial (or a subclass instance with no attributes of its own) is flattened, as
    // `partial_new` does.
    if let Some(r) = as_native(vm, first)
        && instance_dict_empty(vm, first)
        && let Some(NativeState::Partial {
            func: f,
            args: a,
            keywords,
        }) = state(vm, r)
    {
        func = *f;
        all_args.extend_from_slice(a);
        inner_kw = Some(*keywords);
    }
    if !crate::runtime::builtins::is_callable(vm, func) {
        return vm.err(ExcKind::TypeError, "the first argument must be callable");
    }
    all_args.extend_from_slice(extra);
    let keywords = vm.new_dict();
    vm.temp_roots.push(keywords);
    let filled = (|| {
        let Value::Obj(kd) = keywords else {
            unreachable!("a dict")
        };
        if let Some(Value::Obj(inner)) = inner_kw {
            let pairs: Vec<(Value, Value)> = match vm.heap.get(inner) {
                Object::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
                _ => Vec::new(),
            };
            for (k, v) in pairs {
                vm.table_insert(kd, k, v)?;
            }
        }
        for &(k, v) in kwargs {
            vm.table_insert(kd, k, v)?;
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    filled?;
    let ty = partial_type(vm, cls);
    let v = alloc(
        vm,
        ty,
        NativeState::Partial {
            func,
            args: all_args.into_boxed_slice(),
            keywords,
        },
    );
    Ok(wrap(vm, cls, ty, v))
}

fn instance_dict_empty(vm: &Vm, v: Value) -> bool {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Instance(i) => i.dict.is_empty(),
            _ => true,
        },
        _ => true,
    }
}

/// The `partial` type itself: `cls` or the built-in base of a user subclass.
fn partial_type(vm: &Vm, cls: ObjRef) -> ObjRef {
    vm.type_obj(cls)
        .mro
        .iter()
        .copied()
        .find(|&t| vm.type_obj(t).builtin)
        .unwrap_or(cls)
}

/// A call to make: the callable, its positional and its keyword arguments.
pub type Call = (Value, Vec<Value>, Vec<(Value, Value)>);

/// The call a partial makes: its function, its arguments then `args`, its keywords updated
/// by `kwargs`.
pub fn expand(vm: &Vm, r: ObjRef, args: &[Value], kwargs: Kwargs<'_>) -> Option<Call> {
    let Some(NativeState::Partial {
        func,
        args: fixed,
        keywords,
    }) = state(vm, r)
    else {
        return None;
    };
    let mut full = Vec::with_capacity(fixed.len() + args.len());
    full.extend_from_slice(fixed);
    full.extend_from_slice(args);
    let mut kw: Vec<(Value, Value)> = match keywords {
        Value::Obj(d) => match vm.heap.get(*d) {
            Object::Dict(d) if !d.is_empty() => d.iter().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    for &(k, v) in kwargs {
        // Keyword names are strs: a call's keyword replaces the partial's of the same name.
        let name = vm.as_str(k);
        match kw
            .iter_mut()
            .find(|(old, _)| old.is(k) || vm.as_str(*old) == name)
        {
            Some(slot) => slot.1 = v,
            None => kw.push((k, v)),
        }
    }
    Some((*func, full, kw))
}

pub fn call(vm: &mut Vm, r: ObjRef, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (func, full, kw) = expand(vm, r, args, kwargs).expect("a partial");
    // The partial (on the caller's side) keeps `func`, its arguments and keywords alive.
    vm.call(func, &full, &kw)
}

fn receiver(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<ObjRef> {
    match args.first().and_then(|&v| as_native(vm, v)) {
        Some(r) if matches!(state(vm, r), Some(NativeState::Partial { .. })) => Ok(r),
        _ => {
            let got = args.first().map_or("nothing".into(), |&v| vm.type_name(v));
            let msg = format!(
                "descriptor '{name}' for 'functools.partial' objects doesn't apply to a '{got}' object"
            );
            vm.err(ExcKind::TypeError, msg)
        }
    }
}

fn partial_call_method(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "__call__")?;
    call(vm, r, &args[1..], kwargs)
}

/// `functools.partial(<function f at 0x...>, 1, a=2)`, under the type's name.
pub fn repr(vm: &mut Vm, r: ObjRef, name: &str) -> PyResult<String> {
    vm.guarded(r, "...", |vm| {
        let Some(NativeState::Partial {
            func,
            args,
            keywords,
        }) = state(vm, r)
        else {
            unreachable!("a partial")
        };
        let (func, args, keywords) = (*func, args.to_vec(), *keywords);
        let mut out = format!("{name}({}", vm.repr(func)?);
        for a in args {
            out.push_str(", ");
            out.push_str(&vm.repr(a)?);
        }
        let pairs: Vec<(Value, Value)> = match keywords {
            Value::Obj(d) => match vm.heap.get(d) {
                Object::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        for (k, v) in pairs {
            let k = vm.str(k)?;
            let v = vm.repr(v)?;
            out.push_str(&format!(", {k}={v}"));
        }
        out.push(')');
        Ok(out)
    })
}

fn repr_method(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let r = receiver(vm, args, "__repr__")?;
    let name = vm.tp_name(args[0]);
    let text = repr(vm, r, &name)?;
    Ok(vm.new_str(text))
}

fn field(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Value, Vec<Value>, Value)> {
    let r = receiver(vm, args, name)?;
    match state(vm, r) {
        Some(NativeState::Partial {
            func,
            args,
            keywords,
        }) => Ok((*func, args.to_vec(), *keywords)),
        _ => unreachable!("a partial"),
    }
}

fn get_func(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    Ok(field(vm, args, "func")?.0)
}

fn get_args(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let items = field(vm, args, "args")?.1;
    Ok(vm.new_tuple(items))
}

fn get_keywords(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    Ok(field(vm, args, "keywords")?.2)
}
