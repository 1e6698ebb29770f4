//! `array`: typed arrays of numbers (and of code points, `u`), native as in CPython. An
//! array is one heap object, [`Object::Array`], holding a typed buffer ([`storage`]); its
//! type `array.array` is a built-in type (subclassable) whose methods live in [`methods`],
//! and the runtime's subscript, iteration, comparison and operator paths call [`protocol`]
//! directly, so `a[i] = a[i] + 1.5` costs what it costs on a list.

mod convert;
pub mod methods;
pub mod protocol;
pub mod storage;

use std::rc::Rc;

pub use storage::PyArray;

use super::add_value;
use crate::runtime::builtins::constructors::{split_cls, wrap};
use crate::runtime::object::Object;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let ty = vm.types.array;
    if let Object::Type(t) = vm.heap.get_mut(ty) {
        t.module = Rc::from("array");
    }
    vm.add_method(ty, "__new__", array_new);
    for &(name, f) in methods::METHODS {
        vm.add_method(ty, name, f);
    }
    for &(name, f) in methods::GETTERS {
        let fget = vm.new_builtin(name, f);
        let prop = vm.alloc(Object::Property {
            fget,
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        });
        vm.set_type_attr(ty, name, prop);
    }
    add_value(vm, dict, "array", Value::Obj(ty))?;
    add_value(vm, dict, "ArrayType", Value::Obj(ty))?;
    let codes = vm.new_str(storage::TYPECODES);
    add_value(vm, dict, "typecodes", codes)
}

/// `array(typecode[, initializer])`.
fn array_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let (cls, rest) = split_cls(vm, args, "array")?;
    if !kwargs.is_empty() {
        return vm.err(
            ExcKind::TypeError,
            "array.array() takes no keyword arguments",
        );
    }
    if rest.is_empty() || rest.len() > 2 {
        let msg = match rest.len() {
            0 => "array() takes at least 1 argument (0 given)".to_string(),
            n => format!("array() takes at most 2 arguments ({n} given)"),
        };
        return vm.err(ExcKind::TypeError, msg);
    }
    let code = match vm.as_str(rest[0]).map(|s| {
        let mut chars = s.chars();
        (chars.next(), chars.next())
    }) {
        Some((Some(c), None)) => c,
        _ => {
            let msg = format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(rest[0])
            );
            return vm.err(ExcKind::TypeError, msg);
        }
    };
    let Some(empty) = PyArray::new(code) else {
        return vm.err(
            ExcKind::ValueError,
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        );
    };
    let v = vm.alloc(Object::Array(Box::new(empty)));
    let r = v.as_obj().expect("array");
    if let Some(&init) = rest.get(1) {
        vm.temp_roots.push(v);
        let filled = initialize(vm, r, code, init);
        vm.temp_roots.pop();
        filled?;
    }
    let ty = vm.types.array;
    Ok(wrap(vm, cls, ty, v))
}

fn initialize(vm: &mut Vm, r: ObjRef, code: char, init: Value) -> PyResult<()> {
    if let Some(text) = vm.as_str(vm.base_value(init)).map(str::to_string) {
        if code != 'u' {
            let msg = format!("cannot use a str to initialize an array with typecode '{code}'");
            return vm.err(ExcKind::TypeError, msg);
        }
        if let Object::Array(a) = vm.heap.get_mut(r) {
            for c in text.chars() {
                a.push(storage::Scalar::Char(c as u32));
            }
        }
        return Ok(());
    }
    if let Some(other) = protocol::as_array(vm, init) {
        let other_code = protocol::array_ref(vm, other).map_or('d', PyArray::typecode);
        if other_code == code {
            return protocol::extend_from_array(vm, r, other);
        }
        if other_code == 'u' {
            let msg =
                format!("cannot use a unicode array to initialize an array with typecode '{code}'");
            return vm.err(ExcKind::TypeError, msg);
        }
        let items = methods::items(vm, other);
        for v in items {
            methods::push_value(vm, r, v)?;
        }
        return Ok(());
    }
    if let Some(bytes) = crate::runtime::builtins::bytes::bytes_of(vm, init).map(<[u8]>::to_vec) {
        let Object::Array(a) = vm.heap.get_mut(r) else {
            unreachable!("made above")
        };
        if !bytes.len().is_multiple_of(a.itemsize()) {
            return vm.err(
                ExcKind::ValueError,
                "bytes length not a multiple of item size",
            );
        }
        a.extend_from_bytes(&bytes);
        return Ok(());
    }
    methods::extend_with(vm, r, init)
}
