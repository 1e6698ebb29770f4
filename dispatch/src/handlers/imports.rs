//! Imports, and the interactive-mode expression printer.

use rceval_interp::runtime::object::Object;
use rceval_interp::runtime::{ExcKind, FrameAllocator, Value, Vm};

use super::{Flow, frame, push_result, tri};
use crate::observer::Observer;

pub fn ImportName<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let fromlist = f.pop();
    let level = f.pop();
    if !matches!(level, Value::Int(0)) {
        vm.raise(
            ExcKind::ImportError,
            "relative imports are not supported by rceval yet",
        );
        return Flow::Raise;
    }
    let name = vm.as_str(name).unwrap_or("").to_string();
    let r = vm.import_module(&name);
    // `import a.b` binds `a`, with the submodule as its attribute `b`.
    if let (Ok(sub), true, Some((parent, child))) = (r, fromlist.is_none(), name.rsplit_once('.')) {
        let top = name.split('.').next().unwrap_or(&name).to_string();
        let parent = tri!(vm.import_module(parent));
        let child = vm.intern(child);
        tri!(vm.setattr(parent, child, sub));
        let r = vm.import_module(&top);
        return push_result(vm, r);
    }
    push_result(vm, r)
}

pub fn ImportFrom<A: FrameAllocator, O: Observer>(vm: &mut Vm, arg: u32) -> Flow {
    let f = frame(vm);
    let name = f.code.names[arg as usize];
    let module = f.peek(1);
    match vm.getattr_opt(module, name) {
        Ok(Some(v)) => {
            frame(vm).push(v);
            Flow::Next
        }
        Ok(None) => {
            let module_name = match module {
                Value::Obj(r) => match vm.heap.get(r) {
                    Object::Module(m) => vm.as_str(m.name).unwrap_or("?").to_string(),
                    _ => "?".to_string(),
                },
                _ => "?".to_string(),
            };
            let name = vm.as_str(name).unwrap_or("?").to_string();
            vm.raise(
                ExcKind::ImportError,
                format!("cannot import name '{name}' from '{module_name}' (unknown location)"),
            );
            Flow::Raise
        }
        Err(_) => Flow::Raise,
    }
}

pub fn ImportStar<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let f = frame(vm);
    let module = f.pop();
    let target = match f.locals {
        Value::Obj(d) => d,
        _ => f.globals,
    };
    let Value::Obj(m) = module else {
        return Flow::Next;
    };
    let Object::Module(m) = vm.heap.get(m) else {
        return Flow::Next;
    };
    let dict = m.dict;
    let entries: Vec<(Value, Value)> = match vm.heap.get(dict) {
        Object::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
        _ => Vec::new(),
    };
    for (k, v) in entries {
        if vm.as_str(k).is_some_and(|s| !s.starts_with('_')) {
            tri!(vm.dict_set_str(target, k, v));
        }
    }
    Flow::Next
}

pub fn PrintExpr<A: FrameAllocator, O: Observer>(vm: &mut Vm, _arg: u32) -> Flow {
    let v = frame(vm).pop();
    if !v.is_none() {
        let s = tri!(vm.repr(v));
        vm.stdout.write_str(&s);
        vm.stdout.write_str("\n");
    }
    Flow::Next
}
