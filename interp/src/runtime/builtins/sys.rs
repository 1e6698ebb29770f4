//! The `sys` module: argv, limits, version, `exit`, `modules`, `stdout`/`stderr` objects
//! with `write` and `flush`, and the introspection entry points `_getframe`, `exc_info` and
//! `exception`.

use super::args::{check_count, index_i64, one_arg};
use crate::runtime::instance_dict::InstanceDict;
use crate::runtime::object::{Instance, Layout, Module, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm) {
    let dict = vm.new_dict();
    let Value::Obj(d) = dict else { return };
    // The driver replaces this with the program's arguments once it knows them.
    let argv: Vec<Value> = vm.argv.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    let version = vm.new_str("3.11.7 (rceval)");
    let info: Vec<Value> = vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        vm.intern_static("final"),
        Value::Int(0),
    ];
    let version_info = vm.new_tuple(info);
    let modules = Value::Obj(vm.modules);
    let name = vm.intern_static("sys");
    let platform = vm.new_str("linux");
    let byteorder = vm.new_str("little");
    let io_type = stream_type(vm);
    let stdout = stream(vm, io_type, 1);
    let stderr = stream(vm, io_type, 2);
    let entries: Vec<(&str, Value)> = vec![
        ("__name__", name),
        ("argv", argv),
        ("maxsize", Value::Int(i64::MAX)),
        ("version", version),
        ("version_info", version_info),
        ("modules", modules),
        ("platform", platform),
        ("byteorder", byteorder),
        ("stdout", stdout),
        ("stderr", stderr),
    ];
    for (k, v) in entries {
        let key = vm.intern(k);
        let _ = vm.dict_set_str(d, key, v);
    }
    let fns: &[(&'static str, crate::runtime::object::NativeFn)] = &[
        ("setrecursionlimit", setrecursionlimit),
        ("getrecursionlimit", getrecursionlimit),
        ("exit", exit),
        ("_getframe", getframe),
        ("exc_info", exc_info),
        ("exception", exception),
    ];
    for &(k, f) in fns {
        let func = vm.new_builtin(k, f);
        let key = vm.intern(k);
        let _ = vm.dict_set_str(d, key, func);
    }
    let module = vm.alloc(Object::Module(Box::new(Module { name, dict: d })));
    let modules = vm.modules;
    let _ = vm.dict_set_str(modules, name, module);
}

fn stream_type(vm: &mut Vm) -> ObjRef {
    let object = vm.types.object;
    let r = vm.new_native_type("TextIOWrapper", "_io", Some(object), Layout::Object);
    vm.permanent.push(Value::Obj(r));
    vm.add_method(r, "write", stream_write);
    vm.add_method(r, "flush", stream_flush);
    r
}

fn stream(vm: &mut Vm, ty: ObjRef, fd: i64) -> Value {
    let mut dict = InstanceDict::new();
    let key = vm.intern_static("_fd");
    dict.insert_new(vm.str_hash(key), key, Value::Int(fd), key.as_obj());
    vm.alloc(Object::Instance(Instance {
        class: ty,
        dict,
        base_value: Value::Null,
        exc: None,
    }))
}

fn stream_fd(vm: &mut Vm, this: Value) -> i64 {
    let key = vm.intern_static("_fd");
    let Value::Obj(r) = this else { return 1 };
    match vm.heap.get(r) {
        Object::Instance(inst) => {
            let h = vm.str_hash(key);
            match inst
                .dict
                .find(h, |k| k.is(key))
                .map(|s| inst.dict.value_at(s))
            {
                Some(Value::Int(2)) => 2,
                _ => 1,
            }
        }
        _ => 1,
    }
}

fn stream_write(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "write", 2, 2)?;
    let Some(s) = vm.as_str(args[1]).map(str::to_string) else {
        let msg = format!(
            "write() argument must be str, not {}",
            vm.type_name(args[1])
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    if stream_fd(vm, args[0]) == 2 {
        vm.stdout.flush();
        vm.stderr.write_str(&s);
    } else {
        vm.write_stdout(&s)?;
    }
    Ok(Value::Int(s.chars().count() as i64))
}

fn stream_flush(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    if args.first().is_some_and(|&a| stream_fd(vm, a) == 2) {
        vm.stderr.flush();
    } else {
        vm.flush_stdout()?;
    }
    Ok(Value::None)
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let v = one_arg(vm, args, "setrecursionlimit")?;
    if matches!(v, Value::Float(_)) {
        return vm.err(
            ExcKind::TypeError,
            "'float' object cannot be interpreted as an integer",
        );
    }
    let n = index_i64(vm, v)?;
    if n < 1 {
        return vm.err(
            ExcKind::ValueError,
            "recursion limit must be greater or equal than 1",
        );
    }
    vm.recursion_limit = usize::try_from(n).unwrap_or(usize::MAX);
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, _: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn exit(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "exit", 0, 1)?;
    Err(vm.raise_with_args(ExcKind::SystemExit, args.to_vec()))
}

/// `sys._getframe([depth])`.
fn getframe(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "_getframe", 0, 1)?;
    let depth = match args.first() {
        Some(&v) => {
            if matches!(v, Value::Float(_)) {
                return vm.err(
                    ExcKind::TypeError,
                    "'float' object cannot be interpreted as an integer",
                );
            }
            index_i64(vm, v)?
        }
        None => 0,
    };
    crate::runtime::introspect::get_frame(vm, depth)
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled, or three
/// `None`s.
fn exc_info(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "exc_info", 0, 0)?;
    let exc = vm.handled;
    if exc.is_null() || exc.is_none() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let ty = Value::Obj(vm.type_of(exc));
    let tb = crate::runtime::introspect::traceback_of(vm, exc);
    Ok(vm.new_tuple(vec![ty, exc, tb]))
}

/// `sys.exception()` (3.11): the exception being handled, or `None`.
fn exception(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    check_count(vm, args, "exception", 0, 0)?;
    let exc = vm.handled;
    Ok(if exc.is_null() { Value::None } else { exc })
}
