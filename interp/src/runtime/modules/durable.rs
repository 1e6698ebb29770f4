//! The `durable` module: `wait(name)` suspends the whole program to the run's store, to be
//! resumed in another process where `wait` returns the value sent (see `runtime::snapshot`).

use super::add_functions;
use crate::opcode::Opcode;
use crate::runtime::object::{NativeFn, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult, snapshot};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[("wait", wait)];
    add_functions(vm, dict, fns)
}

/// `durable.wait(name)`: with a store, saves the program and stops it; resumed, returns the
/// value sent with `rceval resume --send`.
fn wait(vm: &mut Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    if !kwargs.is_empty() || args.len() != 1 {
        let msg = format!(
            "wait() takes exactly one positional argument ({} given)",
            args.len() + kwargs.len()
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let Some(name) = vm.as_str(args[0]).map(str::to_string) else {
        let msg = format!("wait() argument must be str, not {}", vm.type_name(args[0]));
        return vm.err(ExcKind::TypeError, msg);
    };
    let consumed = match direct_call_operands(vm) {
        Ok(n) => n,
        Err(caller) => {
            if matches!(vm.durable.mode, snapshot::DurableMode::Store { .. }) {
                let msg = format!(
                    "durable.wait({name:?}): cannot suspend: wait was called by native code \
                     ({caller}), not directly from Python; only Python-to-Python calls can be saved"
                );
                return vm.err(ExcKind::RuntimeError, msg);
            }
            0
        }
    };
    snapshot::wait(vm, name, consumed)
}

/// How many value-stack slots the top frame's current call instruction holds (callable and
/// arguments), checking that the callable is `wait` itself; else a description of the native
/// caller that called `wait` (`map`, `sorted`, ...).
fn direct_call_operands(vm: &Vm) -> Result<u32, String> {
    let Some(frame) = vm.frames.last() else {
        return Err("no Python frame".into());
    };
    let code = &frame.code.code;
    let Some(ins) = code.instructions().find(|i| i.index == frame.lasti) else {
        return Err("an unknown instruction".into());
    };
    let (consumed, callable_depth) = match ins.opcode {
        Opcode::CallFunction => (ins.arg + 1, ins.arg + 1),
        Opcode::CallFunctionKw => (ins.arg + 2, ins.arg + 2),
        Opcode::CallFunctionEx => {
            let n = if ins.arg & 1 != 0 { 3 } else { 2 };
            (n, n)
        }
        Opcode::CallMethod => {
            let meth = frame.peek(ins.arg as usize + 2);
            if meth.is_null() {
                (ins.arg + 2, ins.arg + 1)
            } else {
                (ins.arg + 2, ins.arg + 2)
            }
        }
        other => return Err(format!("the {} instruction", other.name())),
    };
    if frame.stack_len() < consumed as usize {
        return Err("an unexpected stack".into());
    }
    let callable = frame.peek(callable_depth as usize);
    match callable {
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Builtin(b) if b.func as usize == wait as NativeFn as usize => Ok(consumed),
            _ => Err(vm.type_name(callable).to_string() + " " + &describe(vm, callable)),
        },
        _ => Err(vm.type_name(callable).to_string()),
    }
}

fn describe(vm: &Vm, callable: Value) -> String {
    match callable {
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Builtin(b) => format!("'{}'", b.name),
            Object::Type(t) => format!("'{}'", t.name),
            _ => String::new(),
        },
        _ => String::new(),
    }
}
