//! Attributes computed rather than stored: `__class__`, names and docs of functions and
//! classes, `__mro__`/`__bases__`/`__dict__`, exception fields, slice and range bounds, the
//! numeric `real`/`imag`/`numerator`/`denominator`, bound-method parts, property parts.

use super::object_methods::{is_super_proxy, super_getattr};
use crate::runtime::PyResult;
use crate::runtime::dict::PyDict;
use crate::runtime::introspect;
use crate::runtime::object::Object;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;

pub fn special_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    if is_super_proxy(vm, obj) {
        return super_getattr(vm, obj, name);
    }
    let Some(n) = vm.as_str(name).map(str::to_string) else {
        return Ok(None);
    };
    if n == "__class__" {
        return Ok(Some(Value::Obj(vm.type_of(obj))));
    }
    match obj {
        Value::Int(_) | Value::Bool(_) => return Ok(int_attr(vm, obj, &n)),
        Value::Float(x) => {
            return Ok(match n.as_str() {
                "real" => Some(Value::Float(x)),
                "imag" => Some(Value::Float(0.0)),
                _ => None,
            });
        }
        Value::Obj(_) => {}
        _ => return Ok(None),
    }
    let Value::Obj(r) = obj else { return Ok(None) };
    let s = |vm: &mut Vm, text: &str| Some(vm.new_str(text));
    Ok(match vm.heap.get(r) {
        Object::BigInt(_) => int_attr(vm, obj, &n),
        Object::Type(t) => {
            let (name, qualname, module) = (
                t.name.to_string(),
                t.qualname.to_string(),
                t.module.to_string(),
            );
            match n.as_str() {
                "__name__" => s(vm, &name),
                "__qualname__" => s(vm, &qualname),
                "__module__" => s(vm, &module),
                "__doc__" => Some(Value::None),
                "__mro__" => {
                    let mro: Vec<Value> =
                        vm.type_obj(r).mro.iter().map(|&t| Value::Obj(t)).collect();
                    Some(vm.new_tuple(mro))
                }
                "__bases__" => {
                    let bases: Vec<Value> = vm
                        .type_obj(r)
                        .bases
                        .iter()
                        .map(|&t| Value::Obj(t))
                        .collect();
                    Some(vm.new_tuple(bases))
                }
                "__base__" => Some(
                    vm.type_obj(r)
                        .bases
                        .first()
                        .map_or(Value::None, |&b| Value::Obj(b)),
                ),
                // A copy: CPython's mappingproxy is read-only anyway.
                "__dict__" => {
                    let d = vm.type_obj(r).dict.clone();
                    Some(vm.alloc(Object::Dict(d)))
                }
                _ => None,
            }
        }
        Object::Function(f) => {
            let (fname, qual, module, doc, defaults, kwdefaults, globals) = (
                f.name,
                f.qualname,
                f.module,
                f.doc,
                f.defaults.clone(),
                f.kwdefaults,
                f.globals,
            );
            match n.as_str() {
                "__name__" => Some(fname),
                "__qualname__" => Some(qual),
                "__module__" => Some(module),
                "__doc__" => Some(doc),
                "__defaults__" => Some(if defaults.is_empty() {
                    Value::None
                } else {
                    vm.new_tuple(defaults.to_vec())
                }),
                "__kwdefaults__" => Some(if kwdefaults.is_null() {
                    Value::None
                } else {
                    kwdefaults
                }),
                "__globals__" => Some(Value::Obj(globals)),
                "__code__" => {
                    let code = match vm.heap.get(r) {
                        Object::Function(f) => std::rc::Rc::clone(&f.code),
                        _ => unreachable!(),
                    };
                    Some(introspect::code_object(vm, &code))
                }
                "__dict__" => {
                    let d = match vm.heap.get(r) {
                        Object::Function(f) => f.dict.clone().unwrap_or_default(),
                        _ => PyDict::new(),
                    };
                    Some(vm.alloc(Object::Dict(d)))
                }
                _ => None,
            }
        }
        Object::Builtin(b) => {
            let (bname, this) = (b.name, b.this);
            match n.as_str() {
                "__name__" | "__qualname__" => s(vm, bname),
                "__module__" => s(vm, "builtins"),
                "__doc__" => Some(Value::None),
                "__self__" => Some(if this.is_null() { Value::None } else { this }),
                _ => None,
            }
        }
        Object::BoundMethod { func, this } => {
            let (func, this) = (*func, *this);
            match n.as_str() {
                "__self__" => Some(this),
                "__func__" => Some(func),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    vm.getattr_opt(func, name)?
                }
                _ => None,
            }
        }
        Object::Generator(g) => {
            let (gname, qual, running) = (
                g.name,
                g.qualname,
                g.state == crate::runtime::object::GenState::Running,
            );
            // `gi_`, `cr_` or `ag_`, by kind: the same fields under CPython's three prefixes.
            let prefix = match g.kind {
                crate::runtime::object::GenKind::Generator => "gi_",
                crate::runtime::object::GenKind::Coroutine => "cr_",
                crate::runtime::object::GenKind::AsyncGenerator => "ag_",
            };
            let field = match n.as_str().strip_prefix(prefix) {
                Some(field) => field,
                None if n.starts_with("__") => n.as_str(),
                None => return Ok(None),
            };
            match field {
                "__name__" => Some(gname),
                "__qualname__" => Some(qual),
                "running" => Some(Value::Bool(running)),
                "frame" => Some(introspect::generator_frame(vm, r)),
                "origin" if prefix == "cr_" => Some(Value::None),
                "code" => {
                    let code = match vm.heap.get(r) {
                        Object::Generator(g) => {
                            g.frame.as_ref().map(|f| std::rc::Rc::clone(&f.code))
                        }
                        _ => None,
                    };
                    match code {
                        Some(code) => Some(introspect::code_object(vm, &code)),
                        None => generator_code(vm, r),
                    }
                }
                "yieldfrom" if prefix == "gi_" => {
                    Some(vm.yield_from_delegate(r).unwrap_or(Value::None))
                }
                "await" if prefix != "gi_" => {
                    Some(vm.yield_from_delegate(r).unwrap_or(Value::None))
                }
                _ => None,
            }
        }
        Object::Module(m) => {
            let (mname, dict) = (m.name, m.dict);
            match n.as_str() {
                "__name__" => Some(mname),
                "__dict__" => Some(Value::Obj(dict)),
                "__doc__" => Some(Value::None),
                _ => None,
            }
        }
        Object::Slice { start, stop, step }
        | Object::Property {
            fget: start,
            fset: stop,
            fdel: step,
            ..
        } => {
            let is_slice = matches!(vm.heap.get(r), Object::Slice { .. });
            let (a, b, c) = (*start, *stop, *step);
            match (is_slice, n.as_str()) {
                (true, "start") | (false, "fget") => Some(a),
                (true, "stop") | (false, "fset") => Some(b),
                (true, "step") | (false, "fdel") => Some(c),
                (false, "__doc__") => match vm.heap.get(r) {
                    Object::Property { doc, .. } => Some(*doc),
                    _ => None,
                },
                _ => None,
            }
        }
        Object::Range { start, stop, step } => {
            let (a, b, c) = (*start, *stop, *step);
            match n.as_str() {
                "start" => Some(Value::Int(a)),
                "stop" => Some(Value::Int(b)),
                "step" => Some(Value::Int(c)),
                _ => None,
            }
        }
        Object::StaticMethod(f) | Object::ClassMethod(f) => {
            let f = *f;
            match n.as_str() {
                "__func__" | "__wrapped__" => Some(f),
                _ => None,
            }
        }
        Object::Instance(_) => instance_attr(vm, obj, r, &n)?,
        Object::Code(code) => {
            let code = std::rc::Rc::clone(code);
            introspect::code_attr(vm, &code, &n)
        }
        Object::Frame(_) => introspect::frame_attr(vm, r, &n)?,
        Object::Traceback(_) => introspect::traceback_attr(vm, r, &n),
        Object::FrameLocals(_) => introspect::locals_method(vm, obj, &n),
        _ => None,
    })
}

/// `real`, `imag`, `numerator`, `denominator` of an int.
fn int_attr(vm: &mut Vm, v: Value, n: &str) -> Option<Value> {
    let as_int = match v {
        Value::Bool(b) => Value::Int(b as i64),
        other => other,
    };
    match n {
        "real" | "numerator" => Some(as_int),
        "imag" => Some(Value::Int(0)),
        "denominator" => Some(Value::Int(1)),
        _ => {
            let _ = vm;
            None
        }
    }
}

fn instance_attr(vm: &mut Vm, obj: Value, r: ObjRef, n: &str) -> PyResult<Option<Value>> {
    if n == "__dict__" {
        let ty = vm.type_of(obj);
        if vm.type_obj(ty).slotted {
            return Ok(None);
        }
        // A copy of the attributes (without `__slots__` values, which CPython keeps outside
        // the dict): writes to it do not reach the instance.
        let entries: Vec<(i64, Value, Value)> = match vm.heap.get(r) {
            Object::Instance(inst) => inst.dict.iter().map(|e| (e.hash, e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        let mut d = PyDict::new();
        for (hash, key, value) in entries {
            let is_slot = vm
                .lookup_in_mro(ty, key)
                .is_some_and(|a| vm.is_member_descriptor(a));
            if !is_slot {
                d.insert_new(hash, key, value);
            }
        }
        return Ok(Some(vm.alloc(Object::Dict(d))));
    }
    if let Some(data) = vm.exception_data(obj) {
        let (args, cause, context, suppress) =
            (data.args, data.cause, data.context, data.suppress_context);
        let or_none = |v: Value| if v.is_null() { Value::None } else { v };
        match n {
            "args" => return Ok(Some(args)),
            "__traceback__" => return Ok(Some(introspect::traceback_of(vm, obj))),
            "__cause__" => return Ok(Some(or_none(cause))),
            "__context__" => return Ok(Some(or_none(context))),
            "__suppress_context__" => return Ok(Some(Value::Bool(suppress))),
            "value" if vm.isinstance(obj, vm.exc_type(crate::runtime::ExcKind::StopIteration)) => {
                let first = vm.seq_items(args).first().copied().unwrap_or(Value::None);
                return Ok(Some(first));
            }
            _ => {}
        }
    }
    let base = vm.base_value(obj);
    if !base.is(obj) {
        let name = vm.intern(n);
        return special_attr(vm, base, name);
    }
    Ok(None)
}

/// `gi_code` of a running or finished generator (its frame is elsewhere or gone): the code of
/// its frame on the stack, or of the frame object that outlived it.
fn generator_code(vm: &mut Vm, g: ObjRef) -> Option<Value> {
    let code = vm
        .frames
        .iter()
        .rev()
        .find(|f| f.generator() == Some(g))
        .map(|f| std::rc::Rc::clone(&f.code))?;
    Some(introspect::code_object(vm, &code))
}
