//! Names for the objects the binary makes by itself: built-in types and functions, the
//! `builtins` and `sys.modules` tables, native modules and what they hold. A snapshot refers
//! to them by path (`builtins:list.append`, `module:math.sqrt`), and the resuming VM, which
//! makes its own, finds them again by the same walk.

use std::collections::HashMap;

use crate::runtime::object::Object;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;

#[derive(Default)]
pub struct NativeNames {
    by_obj: HashMap<ObjRef, String>,
    by_path: HashMap<String, ObjRef>,
    /// A native function's code (its fn pointer) to the path of a named function with it.
    fn_paths: HashMap<usize, String>,
}

impl NativeNames {
    /// Walks the VM's named roots: the `builtins` table, `sys.modules`, the empty tuple, and
    /// every native module in `sys.modules` (those [`is_native_module`] names).
    ///
    /// [`is_native_module`]: crate::runtime::modules::is_native_module
    pub fn build(vm: &Vm) -> NativeNames {
        let mut names = NativeNames::default();
        names.add(vm, Value::Obj(vm.builtins), "root:builtins".into());
        names.add(vm, Value::Obj(vm.modules), "root:modules".into());
        names.add(vm, vm.empty_tuple, "root:empty_tuple".into());
        names.add(vm, vm.not_implemented, "root:NotImplemented".into());
        names.add(vm, vm.ellipsis, "root:Ellipsis".into());
        names.walk_table(vm, vm.builtins, "builtins:");
        let native_modules: Vec<(String, Value)> = table_entries(vm, vm.modules)
            .into_iter()
            .filter(|(name, _)| crate::runtime::modules::is_native_module(name))
            .collect();
        for (name, module) in native_modules {
            names.walk(vm, module, format!("module:{name}"));
        }
        names
    }

    pub fn path_of(&self, r: ObjRef) -> Option<&str> {
        self.by_obj.get(&r).map(String::as_str)
    }

    pub fn object_at(&self, path: &str) -> Option<ObjRef> {
        self.by_path.get(path).copied()
    }

    /// The path of a named native function running the same Rust function as `func`.
    pub fn function_path(&self, func: usize) -> Option<&str> {
        self.fn_paths.get(&func).map(String::as_str)
    }

    /// Names `value` (first path wins) and reports whether it was new.
    fn add(&mut self, vm: &Vm, value: Value, path: String) -> bool {
        let Value::Obj(r) = value else { return false };
        if self.by_obj.contains_key(&r) {
            return false;
        }
        if let Object::Builtin(b) = vm.heap.get(r)
            && b.this.is_null()
        {
            self.fn_paths
                .entry(b.func as usize)
                .or_insert_with(|| path.clone());
        }
        self.by_obj.insert(r, path.clone());
        self.by_path.insert(path, r);
        true
    }

    /// Names `value` and, for built-in types, modules and descriptors, what they hold.
    fn walk(&mut self, vm: &Vm, value: Value, path: String) {
        if !self.add(vm, value, path.clone()) {
            return;
        }
        let Value::Obj(r) = value else { return };
        match vm.heap.get(r) {
            Object::Type(t) if t.builtin => {
                let entries = dict_str_entries(vm, &t.dict);
                for (key, v) in entries {
                    self.walk(vm, v, format!("{path}.{key}"));
                }
            }
            Object::Module(m) => {
                let dict = m.dict;
                self.add(vm, Value::Obj(dict), format!("{path}.__dict__"));
                self.walk_table(vm, dict, &format!("{path}."));
            }
            Object::StaticMethod(v) | Object::ClassMethod(v) => {
                self.walk(vm, *v, format!("{path}#wrapped"))
            }
            Object::Property {
                fget, fset, fdel, ..
            } => {
                let (fget, fset, fdel) = (*fget, *fset, *fdel);
                self.walk(vm, fget, format!("{path}#fget"));
                self.walk(vm, fset, format!("{path}#fset"));
                self.walk(vm, fdel, format!("{path}#fdel"));
            }
            _ => {}
        }
    }

    fn walk_table(&mut self, vm: &Vm, dict: ObjRef, prefix: &str) {
        for (key, v) in table_entries(vm, dict) {
            self.walk(vm, v, format!("{prefix}{key}"));
        }
    }
}

/// The str-keyed entries of a dict object, in order.
fn table_entries(vm: &Vm, dict: ObjRef) -> Vec<(String, Value)> {
    match vm.heap.get(dict) {
        Object::Dict(d) => dict_str_entries(vm, d),
        _ => Vec::new(),
    }
}

fn dict_str_entries(vm: &Vm, d: &crate::runtime::dict::PyDict) -> Vec<(String, Value)> {
    d.iter()
        .filter_map(|e| vm.as_str(e.key).map(|k| (k.to_string(), e.value)))
        .collect()
}
