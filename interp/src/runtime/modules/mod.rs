//! The built-in modules, created on first import so that start-up stays cheap.
//!
//! A module is a native part (Rust functions and constants put into its namespace), a Python
//! part (source embedded in the binary, compiled and run in that same namespace after the
//! native part), or both: `random` keeps the Mersenne Twister native and runs CPython's
//! distribution code over it in Python, so its results match CPython's bit for bit.

pub mod array;
mod bisect;
mod collections_native;
mod defaultdict;
pub mod deque;
mod durable;
mod functools_native;
mod getters;
mod heapq;
mod inspect_native;
pub(crate) mod itertools;
mod math;
mod mt19937;
pub mod native_object;
mod operator;
pub mod partial;
mod random;
mod time;

use super::PyResult;
use super::value::{ObjRef, Value};
use super::vm::Vm;

/// Fills a fresh module namespace with a module's native functions and constants.
type Installer = fn(&mut Vm, ObjRef) -> PyResult<()>;

/// Where CPython finds a module, which decides whether a `.py` file next to the program
/// shadows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModuleKind {
    /// Compiled into CPython (`sys.builtin_module_names`): found before the program's folder.
    Compiled,
    /// Part of CPython's standard library written in Python: found after the program's folder.
    Library,
}

struct BuiltinModule {
    name: &'static str,
    kind: ModuleKind,
    native: Option<Installer>,
    source: Option<&'static str>,
}

const MODULES: &[BuiltinModule] = &[
    BuiltinModule {
        name: "math",
        kind: ModuleKind::Compiled,
        native: Some(math::install),
        source: None,
    },
    BuiltinModule {
        name: "_random",
        kind: ModuleKind::Compiled,
        native: Some(random::install),
        source: None,
    },
    BuiltinModule {
        name: "random",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("random.py")),
    },
    BuiltinModule {
        name: "time",
        kind: ModuleKind::Compiled,
        native: Some(time::install),
        source: None,
    },
    BuiltinModule {
        name: "itertools",
        kind: ModuleKind::Compiled,
        native: Some(itertools::install),
        source: None,
    },
    BuiltinModule {
        name: "_collections",
        kind: ModuleKind::Compiled,
        native: Some(collections_native::install),
        source: None,
    },
    BuiltinModule {
        name: "collections",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("collections.py")),
    },
    BuiltinModule {
        name: "_functools",
        kind: ModuleKind::Compiled,
        native: Some(functools_native::install),
        source: None,
    },
    BuiltinModule {
        name: "functools",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("functools.py")),
    },
    BuiltinModule {
        name: "_operator",
        kind: ModuleKind::Compiled,
        native: Some(operator::install),
        source: None,
    },
    BuiltinModule {
        name: "operator",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("operator.py")),
    },
    BuiltinModule {
        name: "io",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("io.py")),
    },
    BuiltinModule {
        name: "_bisect",
        kind: ModuleKind::Compiled,
        native: Some(bisect::install),
        source: None,
    },
    BuiltinModule {
        name: "bisect",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("bisect.py")),
    },
    BuiltinModule {
        name: "_heapq",
        kind: ModuleKind::Compiled,
        native: Some(heapq::install),
        source: None,
    },
    BuiltinModule {
        name: "heapq",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("heapq.py")),
    },
    BuiltinModule {
        name: "string",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("string.py")),
    },
    BuiltinModule {
        name: "durable",
        kind: ModuleKind::Compiled,
        native: Some(durable::install),
        source: None,
    },
    BuiltinModule {
        name: "_inspect",
        kind: ModuleKind::Compiled,
        native: Some(inspect_native::install),
        source: None,
    },
    BuiltinModule {
        name: "inspect",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("inspect.py")),
    },
    BuiltinModule {
        name: "__future__",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("__future__.py")),
    },
    // A submodule by its dotted name: rceval has no packages, so it is found as a built-in
    // module before the dotted-name refusal (see `Vm::import_module`).
    BuiltinModule {
        name: "collections.abc",
        kind: ModuleKind::Compiled,
        native: None,
        source: Some(include_str!("collections_abc.py")),
    },
    BuiltinModule {
        name: "asyncio",
        kind: ModuleKind::Library,
        native: None,
        source: Some(include_str!("asyncio.py")),
    },
    BuiltinModule {
        name: "array",
        kind: ModuleKind::Compiled,
        native: Some(array::install),
        source: None,
    },
];

/// Whether module `name` is made entirely by the binary (native, or `sys`): a snapshot refers
/// to it and its contents by name instead of saving them.
pub fn is_native_module(name: &str) -> bool {
    name == "sys"
        || MODULES
            .iter()
            .any(|m| m.name == name && m.native.is_some() && m.source.is_none())
}

/// The embedded source of a built-in module written in Python, by its file name
/// (`<frozen collections>`).
pub fn frozen_source(filename: &str) -> Option<&'static str> {
    let name = filename.strip_prefix("<frozen ")?.strip_suffix('>')?;
    MODULES.iter().find(|m| m.name == name)?.source
}

impl Vm {
    /// Creates, registers in `sys.modules` and runs the built-in module `name` of this kind;
    /// `None` if there is no such module.
    pub fn load_builtin_module(&mut self, name: &str, kind: ModuleKind) -> Option<PyResult<Value>> {
        let spec = MODULES.iter().find(|m| m.name == name && m.kind == kind)?;
        Some(self.create_builtin_module(spec))
    }

    fn create_builtin_module(&mut self, spec: &BuiltinModule) -> PyResult<Value> {
        let module = self.new_module(spec.name, None);
        let key = self.intern(spec.name);
        let modules = self.modules;
        self.dict_set_str(modules, key, module)?;
        let result = self.fill_builtin_module(spec, module);
        if result.is_err() {
            // A module that failed to initialise is not left half-imported.
            let _ = self.table_remove(modules, key);
        }
        result.map(|()| module)
    }

    fn fill_builtin_module(&mut self, spec: &BuiltinModule, module: Value) -> PyResult<()> {
        let dict = module_dict(self, module);
        if let Some(install) = spec.native {
            install(self, dict)?;
        }
        if let Some(source) = spec.source {
            // The module sources compare with `NotImplemented`; give them the singleton even
            // while the builtins module does not name it.
            if self.builtin("NotImplemented").is_none() {
                let value = self.not_implemented;
                add_value(self, dict, "NotImplemented", value)?;
            }
            let filename = format!("<frozen {}>", spec.name);
            let code = match crate::compiler::compile_module(source, &filename) {
                Ok(code) => code,
                Err(e) => {
                    let msg = format!("{} ({}, line {})", e.message, filename, e.line);
                    return self.err(super::types::ExcKind::SyntaxError, msg);
                }
            };
            self.sources.insert(filename, source.to_string());
            self.exec_module(module, &code)?;
        }
        Ok(())
    }
}

fn module_dict(vm: &Vm, module: Value) -> ObjRef {
    match module {
        Value::Obj(r) => match vm.heap.get(r) {
            super::object::Object::Module(m) => m.dict,
            _ => unreachable!("new_module returns a module"),
        },
        _ => unreachable!("new_module returns a module"),
    }
}

/// Puts native functions into a module namespace.
pub(crate) fn add_functions(
    vm: &mut Vm,
    dict: ObjRef,
    fns: &[(&'static str, super::object::NativeFn)],
) -> PyResult<()> {
    for &(name, f) in fns {
        let func = vm.new_builtin(name, f);
        let key = vm.intern(name);
        vm.dict_set_str(dict, key, func)?;
    }
    Ok(())
}

/// Puts a named value into a module namespace.
pub(crate) fn add_value(vm: &mut Vm, dict: ObjRef, name: &str, value: Value) -> PyResult<()> {
    let key = vm.intern(name);
    vm.dict_set_str(dict, key, value)
}
