//! `object`'s methods (so `super().__init__()` and `object.__repr__(self)` work), `type(...)`
//! with three arguments, `super`, `property`, `staticmethod` and `classmethod`.

use super::args::{check_count, take_kwargs};
use crate::runtime::dict::PyDict;
use crate::runtime::instance_dict::InstanceDict;
use crate::runtime::object::{Instance, Layout, Object};
use crate::runtime::type_cache::SpecialMethod;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let object = vm.types.object;
    vm.add_method(object, "__new__", object_new);
    vm.add_method(object, "__init__", object_init);
    vm.add_method(object, "__eq__", object_eq);
    vm.add_method(object, "__ne__", object_ne);
    vm.add_method(object, "__hash__", object_hash);
    vm.add_method(object, "__repr__", object_repr);
    vm.add_method(object, "__str__", object_str);
    vm.add_method(object, "__format__", object_format);
    vm.add_method(object, "__setattr__", object_setattr);
    vm.add_method(object, "__delattr__", object_delattr);
    vm.add_method(object, "__getattribute__", object_getattribute);

    let type_ = vm.types.type_;
    vm.add_method(type_, "__new__", type_new);
    vm.add_method(type_, "mro", type_mro);

    let t = vm.types;
    vm.add_method(t.property, "__new__", property_new);
    vm.add_method(t.property, "getter", property_getter);
    vm.add_method(t.property, "setter", property_setter);
    vm.add_method(t.property, "deleter", property_deleter);
    vm.add_method(t.staticmethod, "__new__", staticmethod_new);
    vm.add_method(t.classmethod, "__new__", classmethod_new);

    install_super(vm);
}

/// Whether `v` is the given native registered on `object` (by identity of the builtin).
fn is_object_native(vm: &mut Vm, v: Option<Value>, name: &'static str) -> bool {
    let obj = vm.types.object;
    match (v, vm.lookup_in_mro_str(obj, name)) {
        (Some(a), Some(b)) => a.is(b),
        _ => false,
    }
}

fn excess_args(args: &[Value], kwargs: Kwargs<'_>) -> bool {
    args.len() > 1 || !kwargs.is_empty()
}

/// `object.__new__(cls, ...)`.
fn object_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|&c| vm.is_type(c)) else {
        let what = args
            .first()
            .map(|&v| vm.type_name(v).to_string())
            .unwrap_or_default();
        let msg = if args.is_empty() {
            "object.__new__(): not enough arguments".to_string()
        } else {
            format!("object.__new__(X): X is not a type object ({what})")
        };
        return vm.err(ExcKind::TypeError, msg);
    };
    let t = vm.type_obj(cls);
    if t.builtin && cls != vm.types.object && t.layout != Layout::BaseException {
        let msg = format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name, t.name
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    if excess_args(args, kwargs) {
        let new = vm.special_method(cls, SpecialMethod::New);
        let init = vm.special_method(cls, SpecialMethod::Init);
        if !is_object_native(vm, new, "__new__") {
            if vm.type_obj(cls).layout != Layout::BaseException {
                return vm.err(
                    ExcKind::TypeError,
                    "object.__new__() takes exactly one argument (the type to instantiate)",
                );
            }
        } else if is_object_native(vm, init, "__init__") {
            let msg = format!("{}() takes no arguments", vm.type_obj(cls).name);
            return vm.err(ExcKind::TypeError, msg);
        }
    }
    let rest = if vm.type_obj(cls).layout == Layout::BaseException {
        &args[1..]
    } else {
        &[]
    };
    vm.new_instance(cls, rest, &[])
}

/// `object.__init__(self, ...)`: accepts extra arguments only when `__new__` was overridden.
fn object_init(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(&this) = args.first() else {
        return vm.err(
            ExcKind::TypeError,
            "descriptor '__init__' of 'object' object needs an argument",
        );
    };
    if excess_args(args, kwargs) {
        let ty = vm.type_of(this);
        let init = vm.special_method(ty, SpecialMethod::Init);
        let new = vm.special_method(ty, SpecialMethod::New);
        if !is_object_native(vm, init, "__init__") {
            return vm.err(
                ExcKind::TypeError,
                "object.__init__() takes exactly one argument (the instance to initialize)",
            );
        }
        if is_object_native(vm, new, "__new__") {
            let msg = format!("{}() takes no arguments", vm.type_obj(ty).name);
            return vm.err(ExcKind::TypeError, msg);
        }
    }
    Ok(Value::None)
}

/// `self` and the one argument of a method like `__eq__`.
fn two(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Value, Value)> {
    match args {
        [a, b] => Ok((*a, *b)),
        _ => vm.err(
            ExcKind::TypeError,
            format!(
                "{name}() takes exactly one argument ({} given)",
                args.len().saturating_sub(1)
            ),
        ),
    }
}

fn object_eq(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, args, "__eq__")?;
    Ok(if a.is(b) {
        Value::Bool(true)
    } else {
        vm.not_implemented
    })
}

/// `object.__ne__`: the inverse of the type's `__eq__`, unless that is `NotImplemented`.
fn object_ne(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, args, "__ne__")?;
    let ty = vm.type_of(a);
    let eq = vm.special_method(ty, SpecialMethod::Eq);
    let r = match eq {
        Some(f) if !is_object_native(vm, Some(f), "__eq__") => {
            vm.call_reentrant(f, &[a, b], &[])?
        }
        _ => {
            if a.is(b) {
                Value::Bool(true)
            } else {
                vm.not_implemented
            }
        }
    };
    if r.is(vm.not_implemented) {
        return Ok(r);
    }
    Ok(Value::Bool(!vm.truthy(r)?))
}

/// `object.__hash__`: by identity. (The formula mirrors `ops::identity_hash`, which calling
/// `vm.hash` would reach only by way of a user `__hash__` that may be the caller.)
fn object_hash(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let Some(&v) = args.first() else {
        return vm.err(
            ExcKind::TypeError,
            "descriptor '__hash__' of 'object' object needs an argument",
        );
    };
    Ok(Value::Int(match v {
        Value::Obj(r) => (r.0 as i64).wrapping_mul(0x9E37_79B9) >> 4 | 1 << 20,
        other => vm.hash(other)?,
    }))
}

pub fn object_repr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let Some(&v) = args.first() else {
        return vm.err(
            ExcKind::TypeError,
            "descriptor '__repr__' of 'object' object needs an argument",
        );
    };
    let s = match v {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Instance(_)) => vm.default_repr(v),
        _ => vm.repr(v)?,
    };
    Ok(vm.new_str(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let Some(&v) = args.first() else {
        return vm.err(
            ExcKind::TypeError,
            "descriptor '__str__' of 'object' object needs an argument",
        );
    };
    let s = vm.repr(v)?;
    Ok(vm.new_str(s))
}

fn object_format(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (v, spec) = two(vm, args, "__format__")?;
    let Some(spec) = vm.as_str(spec).map(str::to_string) else {
        let msg = format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    if !spec.is_empty() {
        let msg = format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(v)
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let s = vm.str(v)?;
    Ok(vm.new_str(s))
}

fn attr_name(vm: &mut Vm, name: Value) -> PyResult<Value> {
    if vm.as_str(name).is_some() {
        return Ok(name);
    }
    let msg = format!(
        "attribute name must be string, not '{}'",
        vm.type_name(name)
    );
    vm.err(ExcKind::TypeError, msg)
}

fn object_setattr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let [obj, name, value] = args else {
        return vm.err(ExcKind::TypeError, "expected 2 arguments");
    };
    let name = attr_name(vm, *name)?;
    vm.generic_setattr(*obj, name, *value)?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (obj, name) = two(vm, args, "__delattr__")?;
    let name = attr_name(vm, name)?;
    vm.generic_delattr(obj, name)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (obj, name) = two(vm, args, "__getattribute__")?;
    let name = attr_name(vm, name)?;
    match vm.generic_getattr_opt(obj, name, false)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(obj, name)),
    }
}

// ---- type ------------------------------------------------------------------------------------

/// `type(x)` and `type(name, bases, namespace)`.
fn type_new(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    match args {
        [_, x] => Ok(Value::Obj(vm.type_of(*x))),
        [_, name, bases, ns] => {
            let Some(name) = vm.as_str(*name).map(str::to_string) else {
                let msg = format!(
                    "type.__new__() argument 1 must be str, not {}",
                    vm.type_name(*name)
                );
                return vm.err(ExcKind::TypeError, msg);
            };
            let bases = match *bases {
                Value::Obj(r) if matches!(vm.heap.get(r), Object::Tuple(_)) => vm.seq_items(*bases),
                b => {
                    let msg = format!(
                        "type.__new__() argument 2 must be tuple, not {}",
                        vm.type_name(b)
                    );
                    return vm.err(ExcKind::TypeError, msg);
                }
            };
            let dict: PyDict = match *ns {
                Value::Obj(r) => match vm.heap.get(r) {
                    Object::Dict(d) => d.clone(),
                    _ => PyDict::new(),
                },
                _ => PyDict::new(),
            };
            if !matches!(*ns, Value::Obj(r) if matches!(vm.heap.get(r), Object::Dict(_))) {
                let msg = format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    vm.type_name(*ns)
                );
                return vm.err(ExcKind::TypeError, msg);
            }
            let ty = vm.new_class(&name, &name, &bases, &dict)?;
            Ok(Value::Obj(ty))
        }
        _ => vm.err(ExcKind::TypeError, "type() takes 1 or 3 arguments"),
    }
}

fn type_mro(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let Some(ty) = args.first().and_then(|&t| vm.is_type(t)) else {
        return vm.err(
            ExcKind::TypeError,
            "descriptor 'mro' of 'type' object needs an argument",
        );
    };
    let mro: Vec<Value> = vm.type_obj(ty).mro.iter().map(|&t| Value::Obj(t)).collect();
    Ok(vm.new_list(mro))
}

// ---- property, staticmethod, classmethod -------------------------------------------------------

fn property_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or(&[]);
    check_count(vm, rest, "property", 0, 4)?;
    let [kg, ks, kd, kdoc] = take_kwargs(vm, kwargs, "property", ["fget", "fset", "fdel", "doc"])?;
    let pick = |i: usize, kw: Option<Value>| rest.get(i).copied().or(kw).unwrap_or(Value::None);
    let fget = pick(0, kg);
    let mut doc = pick(3, kdoc);
    if doc.is_none()
        && let Value::Obj(f) = fget
        && let Object::Function(func) = vm.heap.get(f)
    {
        doc = func.doc;
    }
    Ok(vm.alloc(Object::Property {
        fget,
        fset: pick(1, ks),
        fdel: pick(2, kd),
        doc,
    }))
}

fn property_with(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    let (this, f) = two(vm, args, "setter")?;
    let Value::Obj(p) = this else {
        return vm.err(ExcKind::TypeError, "expected a property");
    };
    let Object::Property {
        mut fget,
        mut fset,
        mut fdel,
        doc,
    } = *vm.heap.get(p)
    else {
        return vm.err(ExcKind::TypeError, "expected a property");
    };
    match which {
        0 => fget = f,
        1 => fset = f,
        _ => fdel = f,
    }
    Ok(vm.alloc(Object::Property {
        fget,
        fset,
        fdel,
        doc,
    }))
}

fn property_getter(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    property_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    property_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    property_with(vm, args, 2)
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or(&[]);
    check_count(vm, rest, "staticmethod", 1, 1)?;
    Ok(vm.alloc(Object::StaticMethod(rest[0])))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or(&[]);
    check_count(vm, rest, "classmethod", 1, 1)?;
    Ok(vm.alloc(Object::ClassMethod(rest[0])))
}

// ---- super -----------------------------------------------------------------------------------

/// `super` is a built-in type whose `__new__` builds the proxy; the proxies themselves are
/// instances of a second, empty type also named `super`, so that no attribute is ever found on
/// their class and every lookup reaches [`super_getattr`] through `special_attr`.
fn install_super(vm: &mut Vm) {
    let object = vm.types.object;
    let public = new_builtin_type(vm, "super", Some(object));
    let proxy = new_builtin_type(vm, "super", None);
    vm.permanent.extend([Value::Obj(public), Value::Obj(proxy)]);
    vm.add_method(public, "__new__", super_new);
    // The proxy type is found again through the public one.
    vm.set_type_attr(public, "__proxy_type__", Value::Obj(proxy));
    let key = vm.intern_static("super");
    let builtins = vm.builtins;
    let _ = vm.dict_set_str(builtins, key, Value::Obj(public));
}

fn new_builtin_type(vm: &mut Vm, name: &str, base: Option<ObjRef>) -> ObjRef {
    vm.new_native_type(name, "builtins", base, Layout::Object)
}

/// Whether `v` is a super proxy.
pub fn is_super_proxy(vm: &Vm, v: Value) -> bool {
    let Value::Obj(r) = v else { return false };
    let Object::Instance(inst) = vm.heap.get(r) else {
        return false;
    };
    let t = vm.type_obj(inst.class);
    t.builtin && &*t.name == "super" && t.mro.len() == 1
}

fn super_new(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or(&[]);
    let (thisclass, obj) = match rest {
        [] => zero_arg_super(vm)?,
        [t, o] => (*t, *o),
        [t] => {
            // Unbound super objects are rare; treat `super(T)` as bound to nothing usable.
            let msg = format!(
                "super(type) without an object is not supported: {}",
                vm.repr(*t)?
            );
            return vm.err(ExcKind::TypeError, msg);
        }
        _ => return check_count(vm, rest, "super", 0, 2).map(|()| Value::None),
    };
    let Some(tc) = vm.is_type(thisclass) else {
        let msg = format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(thisclass)
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    let self_class = match vm.is_type(obj) {
        Some(t) if vm.is_subtype(t, tc) => t,
        _ if vm.isinstance(obj, tc) => vm.type_of(obj),
        _ => {
            return vm.err(
                ExcKind::TypeError,
                "super(type, obj): obj must be an instance or subtype of type",
            );
        }
    };
    let Some(Value::Obj(proxy)) = args
        .first()
        .and_then(|&p| vm.is_type(p))
        .and_then(|p| vm.lookup_in_mro_str(p, "__proxy_type__"))
    else {
        return vm.err(ExcKind::SystemError, "super proxy type missing");
    };
    let mut dict = InstanceDict::new();
    for (name, v) in [
        ("__thisclass__", thisclass),
        ("__self__", obj),
        ("__self_class__", Value::Obj(self_class)),
    ] {
        let key = vm.intern(name);
        dict.insert_new(vm.str_hash(key), key, v, key.as_obj());
    }
    Ok(vm.alloc(Object::Instance(Instance {
        class: proxy,
        dict,
        base_value: Value::Null,
        exc: None,
    })))
}

/// `super()` inside a method: the calling frame's first argument and its `__class__` cell.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(frame) = vm.frames.last() else {
        return vm.err(ExcKind::RuntimeError, "super(): no current frame");
    };
    let co = &frame.code.code;
    if co.argcount == 0 && co.posonlyargcount == 0 {
        return vm.err(ExcKind::RuntimeError, "super(): no arguments");
    }
    let nlocals = co.varnames.len();
    let ncells = co.cellvars.len();
    let mut first = frame.slots.first().copied().unwrap_or(Value::Null);
    if first.is_null() {
        // A captured first argument lives in its cell (`cell2arg`).
        let cell = co
            .cell2arg
            .iter()
            .position(|a| *a == Some(0))
            .and_then(|i| frame.slots.get(nlocals + i).copied());
        if let Some(Value::Obj(c)) = cell
            && let Object::Cell(v) = vm.heap.get(c)
        {
            first = *v;
        }
    } else if let Value::Obj(c) = first
        && let Object::Cell(v) = vm.heap.get(c)
    {
        first = *v;
    }
    let class_cell = co
        .freevars
        .iter()
        .position(|n| &**n == "__class__")
        .and_then(|i| frame.slots.get(nlocals + ncells + i).copied());
    if first.is_null() {
        return vm.err(ExcKind::RuntimeError, "super(): arg[0] deleted");
    }
    let Some(Value::Obj(cell)) = class_cell else {
        return vm.err(ExcKind::RuntimeError, "super(): __class__ cell not found");
    };
    let class = match vm.heap.get(cell) {
        Object::Cell(v) => *v,
        _ => Value::Null,
    };
    if class.is_null() {
        return vm.err(ExcKind::RuntimeError, "super(): empty __class__ cell");
    }
    Ok((class, first))
}

/// An attribute looked up on a super proxy: along the MRO of `__self_class__`, after
/// `__thisclass__`, bound to `__self__`.
pub fn super_getattr(vm: &mut Vm, proxy: Value, name: Value) -> PyResult<Option<Value>> {
    let field = |vm: &mut Vm, f: &str| {
        let key = vm.intern(f);
        match proxy {
            Value::Obj(r) => match vm.heap.get(r) {
                Object::Instance(inst) => {
                    let h = vm.str_hash(key);
                    inst.dict
                        .find(h, |k| k.is(key))
                        .map(|s| inst.dict.value_at(s))
                }
                _ => None,
            },
            _ => None,
        }
        .unwrap_or(Value::None)
    };
    let (thisclass, obj, self_class) = (
        field(vm, "__thisclass__"),
        field(vm, "__self__"),
        field(vm, "__self_class__"),
    );
    let (Some(tc), Some(sc)) = (vm.is_type(thisclass), vm.is_type(self_class)) else {
        return Ok(None);
    };
    let mro = vm.type_obj(sc).mro.clone();
    let start = mro
        .iter()
        .position(|&t| t == tc)
        .map_or(mro.len(), |p| p + 1);
    let hash = vm.str_hash(name);
    let name_s = vm.as_str(name).map(str::to_string);
    let found = mro[start..].iter().find_map(|&t| {
        let d = &vm.type_obj(t).dict;
        d.find(hash, |k| k.is(name) || vm.as_str(k) == name_s.as_deref())
            .map(|s| d.value_at(s))
    });
    let Some(attr) = found else {
        if name_s.as_deref() == Some("__class__") {
            return Ok(Some(Value::Obj(vm.type_of(proxy))));
        }
        return Ok(None);
    };
    let obj_is_type = obj.is(self_class);
    let Value::Obj(a) = attr else {
        return Ok(Some(attr));
    };
    Ok(Some(match vm.heap.get(a) {
        Object::Function(_) if obj_is_type => attr,
        Object::Builtin(b) if obj_is_type && b.this.is_null() => attr,
        Object::ClassMethod(f) => {
            let f = *f;
            vm.alloc(Object::BoundMethod {
                func: f,
                this: self_class,
            })
        }
        _ => vm.bind(attr, obj, sc)?,
    }))
}
