//! `import`: built-in modules from `sys.modules`, and `.py` modules next to the main program,
//! each executed once in its own namespace.

use std::rc::Rc;

use super::PyResult;
use super::modules::ModuleKind;
use super::object::{Module, Object};
use super::types::ExcKind;
use super::value::Value;
use super::vm::Vm;

impl Vm {
    /// The module object for `name`, importing it on first use.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        let key = self.intern(name);
        if let Some(m) = self.dict_get_str(self.modules, key) {
            return Ok(m);
        }
        // As in CPython, modules compiled into the interpreter come before the program's
        // folder, and the folder before the standard library written in Python.
        if let Some(module) = self.load_builtin_module(name, ModuleKind::Compiled) {
            return module;
        }
        if name.contains('.') {
            return self.err(
                ExcKind::ModuleNotFoundError,
                format!("No module named '{name}' (packages are not supported by rceval yet)"),
            );
        }
        let path = self.main_dir.join(format!("{name}.py"));
        let Ok(bytes) = std::fs::read(&path) else {
            if let Some(module) = self.load_builtin_module(name, ModuleKind::Library) {
                return module;
            }
            return Err(self.module_not_found(name));
        };
        let filename = path.display().to_string();
        let source = match crate::compiler::decode_source(&bytes, &filename) {
            Ok(source) => source,
            Err(rendered) => {
                let msg = rendered.trim_end().trim_start_matches("SyntaxError: ");
                return self.err(ExcKind::SyntaxError, msg.to_string());
            }
        };
        let code = match crate::compiler::compile_module(&source, &filename) {
            Ok(code) => code,
            Err(e) => {
                let msg = format!("{} ({}, line {})", e.message, filename, e.line);
                return self.err(ExcKind::SyntaxError, msg);
            }
        };
        self.sources.insert(filename.clone(), source);
        let module = self.new_module(name, Some(&filename));
        let modules = self.modules;
        self.dict_set_str(modules, key, module)?;
        if let Err(e) = self.exec_module(module, &code) {
            // A module that failed to run is not left half-imported.
            let _ = self.table_remove(modules, key);
            return Err(e);
        }
        Ok(module)
    }

    /// `ModuleNotFoundError: No module named 'x'`, with its `name` attribute set as CPython's.
    #[cold]
    fn module_not_found(&mut self, name: &str) -> super::Raised {
        let raised = self.raise(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{name}'"),
        );
        let exc = self.exception;
        let key = self.intern_static("name");
        let value = self.new_str(name);
        if self.setattr(exc, key, value).is_err() {
            // The attribute is a nicety; never let it replace the real error.
            self.exception = exc;
        }
        raised
    }

    /// A new module object with `__name__` (and `__file__`) set.
    pub fn new_module(&mut self, name: &str, file: Option<&str>) -> Value {
        let dict = self.new_dict();
        let dict_ref = dict.as_obj().expect("dict");
        let name_value = self.new_str(name);
        let k = self.intern_static("__name__");
        let _ = self.dict_set_str(dict_ref, k, name_value);
        if let Some(file) = file {
            let f = self.new_str(file);
            let k = self.intern_static("__file__");
            let _ = self.dict_set_str(dict_ref, k, f);
        }
        let k = self.intern_static("__doc__");
        let _ = self.dict_set_str(dict_ref, k, Value::None);
        self.alloc(Object::Module(Box::new(Module {
            name: name_value,
            dict: dict_ref,
        })))
    }

    /// Runs compiled module code in a module's namespace.
    pub fn exec_module(
        &mut self,
        module: Value,
        code: &Rc<crate::code::CodeObject>,
    ) -> PyResult<Value> {
        let Value::Obj(m) = module else {
            return self.err(ExcKind::TypeError, "not a module");
        };
        let Object::Module(m) = self.heap.get(m) else {
            return self.err(ExcKind::TypeError, "not a module");
        };
        let globals = m.dict;
        let unit = self.load_code(code);
        let frame =
            (self.hooks.alloc_frame)(&mut self.frame_pool, &unit, globals, Value::Obj(globals));
        self.temp_roots.push(module);
        let r = self.run_frame(frame);
        self.temp_roots.pop();
        r
    }
}
