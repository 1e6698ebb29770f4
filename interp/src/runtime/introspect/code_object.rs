//! Code objects as Python sees them: `f.__code__`, `frame.f_code`, and their `co_*` attributes.
//! `co_code` is rceval's own wordcode (CPython 3.10's instruction set), not CPython 3.11's.

use std::rc::Rc;

use crate::runtime::object::{CodeUnit, Object};
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;

/// The one `code` object of a code unit (made on first use; it lives as long as the VM, as
/// the unit does).
pub fn code_object(vm: &mut Vm, unit: &Rc<CodeUnit>) -> Value {
    if let Some(r) = unit.object.get() {
        return Value::Obj(r);
    }
    let r = vm.heap.alloc(Object::Code(Rc::clone(unit)));
    unit.object.set(Some(r));
    vm.permanent.push(Value::Obj(r));
    Value::Obj(r)
}

fn str_tuple(vm: &mut Vm, names: &[Rc<str>]) -> Value {
    let items = names.iter().map(|n| vm.intern(n)).collect();
    vm.new_tuple(items)
}

/// Attributes of a code object.
pub fn code_attr(vm: &mut Vm, unit: &Rc<CodeUnit>, name: &str) -> Option<Value> {
    let co = &unit.code;
    Some(match name {
        "co_name" => unit.name,
        "co_qualname" => unit.qualname,
        "co_filename" => vm.new_str(&*co.filename),
        "co_firstlineno" => Value::Int(i64::from(co.firstlineno)),
        "co_argcount" => Value::Int(i64::from(co.argcount)),
        "co_posonlyargcount" => Value::Int(i64::from(co.posonlyargcount)),
        "co_kwonlyargcount" => Value::Int(i64::from(co.kwonlyargcount)),
        "co_nlocals" => Value::Int(co.varnames.len() as i64),
        "co_stacksize" => Value::Int(i64::from(co.stacksize)),
        "co_flags" => Value::Int(i64::from(co.flags)),
        "co_varnames" => {
            let items = unit.varnames.to_vec();
            vm.new_tuple(items)
        }
        "co_names" => {
            let items = unit.names.to_vec();
            vm.new_tuple(items)
        }
        "co_consts" => {
            let items = unit.consts.to_vec();
            vm.new_tuple(items)
        }
        "co_cellvars" => {
            let names = co.cellvars.clone();
            str_tuple(vm, &names)
        }
        "co_freevars" => {
            let names = co.freevars.clone();
            str_tuple(vm, &names)
        }
        "co_code" => {
            let bytes = co.code.clone();
            crate::runtime::builtins::bytes::new_bytes(vm, bytes)
        }
        _ => return None,
    })
}
