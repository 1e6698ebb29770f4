//! `frame.f_locals` of a function frame: PEP 667's `FrameLocalsProxy`, a mapping whose reads
//! and writes go to the frame's own variables (a cell's content for cell and free variables),
//! so `sys._getframe(1).f_locals['x'] = 5` changes the caller's `x` at once. Names that are not
//! variables of the code go to the frame object's extra-locals dict. Iteration order is
//! CPython's: parameters and locals in `co_varnames` order, then cell variables, then free
//! variables, then extra locals; unbound variables are left out.

use crate::runtime::object::{CodeUnit, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

use super::frame_object::{frame_object, variables, variables_mut};

/// Where a variable of the code lives in the frame's slots.
#[derive(Clone, Copy)]
enum Var {
    /// A plain local: the slot holds the value.
    Slot(usize),
    /// A cell or free variable: the slot holds the cell.
    Cell(usize),
}

fn resolve(code: &CodeUnit, name: &str) -> Option<Var> {
    let co = &code.code;
    let nlocals = co.varnames.len();
    let ncells = co.cellvars.len();
    // A parameter captured by an inner function lives in its cell (its own slot is emptied
    // on entry), so cells are looked up first.
    if let Some(j) = co.cellvars.iter().position(|n| &**n == name) {
        return Some(Var::Cell(nlocals + j));
    }
    if let Some(k) = co.freevars.iter().position(|n| &**n == name) {
        return Some(Var::Cell(nlocals + ncells + k));
    }
    co.varnames.iter().position(|n| &**n == name).map(Var::Slot)
}

fn cell_content(vm: &Vm, cell: Value) -> Value {
    match cell {
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Cell(v) => *v,
            _ => Value::Null,
        },
        _ => Value::Null,
    }
}

fn read(vm: &Vm, vars: &[Value], var: Var) -> Value {
    match var {
        Var::Slot(i) => vars.get(i).copied().unwrap_or(Value::Null),
        Var::Cell(i) => cell_content(vm, vars.get(i).copied().unwrap_or(Value::Null)),
    }
}

fn proxy_frame(vm: &mut Vm, proxy: Value, method: &str) -> PyResult<ObjRef> {
    if let Value::Obj(r) = proxy
        && let Object::FrameLocals(f) = vm.heap.get(r)
    {
        return Ok(*f);
    }
    let msg = format!(
        "descriptor '{method}' for 'FrameLocalsProxy' objects doesn't apply to a '{}' object",
        vm.type_name(proxy)
    );
    vm.err(ExcKind::TypeError, msg)
}

fn extra_locals(vm: &Vm, fobj: ObjRef) -> Value {
    frame_object(vm, fobj).extra_locals
}

/// Every bound name and its value, in CPython's order.
pub fn locals_items(vm: &mut Vm, fobj: ObjRef) -> PyResult<Vec<(Value, Value)>> {
    let code = std::rc::Rc::clone(&frame_object(vm, fobj).code);
    let vars = variables(vm, fobj);
    let co = &code.code;
    let nlocals = co.varnames.len();
    let mut items = Vec::new();
    for (i, &name) in code.varnames.iter().enumerate() {
        let cell = co.cell2arg.iter().position(|&a| a == Some(i as u32));
        let value = match cell {
            Some(j) => read(vm, &vars, Var::Cell(nlocals + j)),
            None => read(vm, &vars, Var::Slot(i)),
        };
        if !value.is_null() {
            items.push((name, value));
        }
    }
    let cells = co
        .cellvars
        .iter()
        .enumerate()
        .filter(|&(j, _)| co.cell2arg.get(j).copied().flatten().is_none());
    let ncells = co.cellvars.len();
    let names: Vec<(std::rc::Rc<str>, usize)> = cells
        .map(|(j, n)| (n.clone(), nlocals + j))
        .chain(
            co.freevars
                .iter()
                .enumerate()
                .map(|(k, n)| (n.clone(), nlocals + ncells + k)),
        )
        .collect();
    for (name, slot) in names {
        let value = read(vm, &vars, Var::Cell(slot));
        if !value.is_null() {
            let key = vm.intern(&name);
            items.push((key, value));
        }
    }
    if let Value::Obj(d) = extra_locals(vm, fobj)
        && let Object::Dict(dict) = vm.heap.get(d)
    {
        items.extend(dict.iter().map(|e| (e.key, e.value)));
    }
    Ok(items)
}

/// `proxy[key]`, or `None` when the name is unbound or unknown.
fn lookup(vm: &mut Vm, fobj: ObjRef, key: Value) -> PyResult<Option<Value>> {
    if let Some(name) = vm.as_str(key).map(str::to_string) {
        let code = std::rc::Rc::clone(&frame_object(vm, fobj).code);
        if let Some(var) = resolve(&code, &name) {
            let vars = variables(vm, fobj);
            let value = read(vm, &vars, var);
            return Ok((!value.is_null()).then_some(value));
        }
    }
    match extra_locals(vm, fobj) {
        Value::Obj(d) => {
            let slot = vm.table_lookup(d, key)?;
            Ok(slot.and_then(|slot| match vm.heap.get(d) {
                Object::Dict(dict) => Some(dict.value_at(slot)),
                _ => None,
            }))
        }
        _ => Ok(None),
    }
}

pub fn locals_getitem(vm: &mut Vm, fobj: ObjRef, key: Value) -> PyResult<Value> {
    match lookup(vm, fobj, key)? {
        Some(v) => Ok(v),
        None => Err(vm.raise_with_args(ExcKind::KeyError, vec![key])),
    }
}

pub fn locals_contains(vm: &mut Vm, fobj: ObjRef, key: Value) -> PyResult<bool> {
    Ok(lookup(vm, fobj, key)?.is_some())
}

/// `proxy[key] = value`: writes the frame's variable (or its cell), else an extra local.
pub fn locals_setitem(vm: &mut Vm, fobj: ObjRef, key: Value, value: Value) -> PyResult<()> {
    if let Some(name) = vm.as_str(key).map(str::to_string) {
        let code = std::rc::Rc::clone(&frame_object(vm, fobj).code);
        match resolve(&code, &name) {
            Some(Var::Slot(i)) => {
                if let Some(slot) = variables_mut(vm, fobj).and_then(|vars| vars.get_mut(i)) {
                    *slot = value;
                }
                return Ok(());
            }
            Some(Var::Cell(i)) => {
                let cell = variables(vm, fobj).get(i).copied();
                if let Some(Value::Obj(c)) = cell
                    && let Object::Cell(content) = vm.heap.get_mut(c)
                {
                    *content = value;
                }
                return Ok(());
            }
            None => {}
        }
    }
    let dict = match extra_locals(vm, fobj) {
        Value::Obj(d) => d,
        _ => {
            let d = vm.new_dict();
            if let Object::Frame(fo) = vm.heap.get_mut(fobj) {
                fo.extra_locals = d;
            }
            d.as_obj().expect("a new dict")
        }
    };
    vm.table_insert(dict, key, value)
}

/// `del proxy[key]`: extra locals only; a variable of the code cannot be removed (PEP 667).
pub fn locals_delitem(vm: &mut Vm, fobj: ObjRef, key: Value) -> PyResult<()> {
    if let Some(name) = vm.as_str(key).map(str::to_string) {
        let code = std::rc::Rc::clone(&frame_object(vm, fobj).code);
        if resolve(&code, &name).is_some() {
            return vm.err(
                ExcKind::ValueError,
                "cannot remove local variables from FrameLocalsProxy",
            );
        }
    }
    let removed = match extra_locals(vm, fobj) {
        Value::Obj(d) => vm.table_remove(d, key)?,
        _ => None,
    };
    match removed {
        Some(_) => Ok(()),
        None => Err(vm.raise_with_args(ExcKind::KeyError, vec![key])),
    }
}

pub fn locals_len(vm: &mut Vm, fobj: ObjRef) -> PyResult<usize> {
    Ok(locals_items(vm, fobj)?.len())
}

/// `repr(proxy)`: a dict's repr of the current items, as CPython 3.13 prints it.
pub fn locals_repr(vm: &mut Vm, fobj: ObjRef) -> PyResult<String> {
    let items = locals_items(vm, fobj)?;
    let mut out = String::from("{");
    for (i, (k, v)) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr(k)?);
        out.push_str(": ");
        out.push_str(&vm.repr(v)?);
    }
    out.push('}');
    Ok(out)
}

/// The proxy's methods, bound to `proxy` when looked up (`proxy.items()`). They are not put in
/// the type's dict at start-up: a VM that never makes a proxy pays nothing for them.
pub fn locals_method(vm: &mut Vm, proxy: Value, name: &str) -> Option<Value> {
    let &(name, func) = METHODS.iter().find(|&&(n, _)| n == name)?;
    Some(vm.alloc(Object::Builtin(crate::runtime::object::Builtin {
        name,
        func,
        this: proxy,
    })))
}

const METHODS: &[(&str, crate::runtime::object::NativeFn)] = &[
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__contains__", contains),
    ("__len__", len),
    ("__iter__", iter),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("get", get),
    ("copy", copy),
    ("setdefault", setdefault),
    ("pop", pop),
    ("update", update),
];

fn arity(vm: &mut Vm, args: &[Value], name: &str, min: usize, max: usize) -> PyResult<ObjRef> {
    let fobj = match args.first() {
        Some(&p) => proxy_frame(vm, p, name)?,
        None => {
            let msg = format!("FrameLocalsProxy.{name}() needs an argument");
            return vm.err(ExcKind::TypeError, msg);
        }
    };
    let given = args.len() - 1;
    if given < min || given > max {
        let msg = if min == max {
            format!(
                "{name}() takes exactly {min} argument{} ({given} given)",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!("{name} expected at most {max} arguments, got {given}")
        };
        return vm.err(ExcKind::TypeError, msg);
    }
    Ok(fobj)
}

fn getitem(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "__getitem__", 1, 1)?;
    locals_getitem(vm, f, args[1])
}

fn setitem(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "__setitem__", 2, 2)?;
    locals_setitem(vm, f, args[1], args[2])?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "__delitem__", 1, 1)?;
    locals_delitem(vm, f, args[1])?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "__contains__", 1, 1)?;
    Ok(Value::Bool(locals_contains(vm, f, args[1])?))
}

fn len(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "__len__", 0, 0)?;
    Ok(Value::Int(locals_len(vm, f)? as i64))
}

fn keys(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "keys", 0, 0)?;
    let keys = locals_items(vm, f)?.into_iter().map(|(k, _)| k).collect();
    Ok(vm.new_list(keys))
}

fn iter(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> PyResult<Value> {
    let list = keys(vm, args, kw)?;
    vm.get_iter(list)
}

fn values(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "values", 0, 0)?;
    let values = locals_items(vm, f)?.into_iter().map(|(_, v)| v).collect();
    Ok(vm.new_list(values))
}

fn items(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "items", 0, 0)?;
    let pairs = locals_items(vm, f)?;
    let tuples = pairs
        .into_iter()
        .map(|(k, v)| vm.new_tuple(vec![k, v]))
        .collect();
    Ok(vm.new_list(tuples))
}

fn get(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "get", 1, 2)?;
    let default = args.get(2).copied().unwrap_or(Value::None);
    Ok(lookup(vm, f, args[1])?.unwrap_or(default))
}

fn copy(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "copy", 0, 0)?;
    let pairs = locals_items(vm, f)?;
    let dict = vm.new_dict();
    let d = dict.as_obj().expect("a new dict");
    vm.temp_roots.push(dict);
    let result = pairs
        .into_iter()
        .try_for_each(|(k, v)| vm.table_insert(d, k, v));
    vm.temp_roots.pop();
    result.map(|()| dict)
}

fn setdefault(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "setdefault", 1, 2)?;
    if let Some(v) = lookup(vm, f, args[1])? {
        return Ok(v);
    }
    let default = args.get(2).copied().unwrap_or(Value::None);
    locals_setitem(vm, f, args[1], default)?;
    Ok(default)
}

fn pop(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "pop", 1, 2)?;
    match lookup(vm, f, args[1])? {
        Some(v) => {
            locals_delitem(vm, f, args[1])?;
            Ok(v)
        }
        None => match args.get(2) {
            Some(&default) => Ok(default),
            None => Err(vm.raise_with_args(ExcKind::KeyError, vec![args[1]])),
        },
    }
}

fn update(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let f = arity(vm, args, "update", 0, 1)?;
    if let Some(&other) = args.get(1) {
        let dict = vm.new_dict();
        vm.temp_roots.push(dict);
        let filled = crate::runtime::builtins::dict_update_from(vm, dict, Some(other), &[]);
        vm.temp_roots.pop();
        filled?;
        let pairs: Vec<(Value, Value)> = match dict {
            Value::Obj(d) => match vm.heap.get(d) {
                Object::Dict(t) => t.iter().map(|e| (e.key, e.value)).collect(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        vm.temp_roots.push(dict);
        let result = pairs
            .into_iter()
            .try_for_each(|(k, v)| locals_setitem(vm, f, k, v));
        vm.temp_roots.pop();
        result?;
    }
    for &(k, v) in kwargs {
        locals_setitem(vm, f, k, v)?;
    }
    Ok(Value::None)
}
