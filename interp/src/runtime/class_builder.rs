//! `__build_class__`: runs a class body in a fresh namespace and makes the class from it.

use super::object::Object;
use super::types::ExcKind;
use super::value::Value;
use super::vm::Vm;
use super::{Kwargs, PyResult};

/// `__build_class__(body, name, *bases, **keywords)`.
pub fn build_class(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (Some(&body), Some(&name)) = (args.first(), args.get(1)) else {
        return vm.err(ExcKind::TypeError, "__build_class__: not enough arguments");
    };
    let Some(name_str) = vm.as_str(name).map(str::to_string) else {
        return vm.err(ExcKind::TypeError, "__build_class__: name is not a string");
    };
    for &(k, v) in kwargs {
        let key = vm.as_str(k).unwrap_or("");
        let is_type = vm.is_type(v) == Some(vm.types.type_);
        if key != "metaclass" || !is_type {
            return vm.err(
                ExcKind::TypeError,
                format!("class keyword '{key}' is not supported by rceval yet"),
            );
        }
    }
    let bases = &args[2..];
    let Value::Obj(body_ref) = body else {
        return vm.err(
            ExcKind::TypeError,
            "__build_class__: func must be a function",
        );
    };
    let namespace = vm.new_dict();
    vm.temp_roots.push(namespace);
    let result = run_body(vm, body_ref, namespace, &name_str, bases);
    vm.temp_roots.pop();
    result
}

fn run_body(
    vm: &mut Vm,
    body: super::value::ObjRef,
    namespace: Value,
    name: &str,
    bases: &[Value],
) -> PyResult<Value> {
    let mut frame = vm.function_frame(body, &[], &[])?;
    frame.locals = namespace;
    let cell = vm.run_frame(frame)?;
    let ns_ref = namespace.as_obj().expect("dict");
    let qualname_key = vm.intern_static("__qualname__");
    let classcell_key = vm.intern_static("__classcell__");
    let qualname = vm
        .dict_get_str(ns_ref, qualname_key)
        .and_then(|q| vm.as_str(q).map(str::to_string))
        .unwrap_or_else(|| name.to_string());
    // CPython keeps these two out of the class dict.
    let _ = vm.table_remove(ns_ref, qualname_key);
    let _ = vm.table_remove(ns_ref, classcell_key);
    let dict = match vm.heap.get(ns_ref) {
        Object::Dict(d) => d.clone(),
        _ => Default::default(),
    };
    let ty = vm.new_class(name, &qualname, bases, &dict)?;
    if let Value::Obj(c) = cell
        && let Object::Cell(contents) = vm.heap.get_mut(c)
    {
        *contents = Value::Obj(ty);
    }
    Ok(Value::Obj(ty))
}
