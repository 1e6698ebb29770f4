//! Function, lambda and class definitions: building the inner code object and the
//! `MAKE_FUNCTION` (and `LOAD_BUILD_CLASS`) sequence around it, as CPython 3.10's
//! `compiler_function`, `compiler_lambda`, `compiler_class` and `compiler_make_closure` do.

use std::rc::Rc;

use ruff_python_ast::{self as ast, ExprContext, Parameters};
use ruff_text_size::Ranged;

use crate::code::{CodeObject, Constant};
use crate::opcode::{MAKE_CLOSURE, MAKE_DEFAULTS, MAKE_KWDEFAULTS, Opcode};

use super::error::CompileResult;
use super::scope::{NameScope, ScopeKind};
use super::symtable::node_key;
use super::{Compiler, UnitKind, docstring_of};

impl<'a> Compiler<'a> {
    pub(super) fn compile_function_def(
        &mut self,
        def: &'a ast::StmtFunctionDef,
    ) -> CompileResult<()> {
        if let Some(type_params) = &def.type_params {
            return self.not_implemented(type_params.range, "type parameters");
        }
        let decorators = &def.decorator_list;
        decorators
            .iter()
            .try_for_each(|d| self.compile_expr(&d.expression))?;
        let firstlineno = match decorators.first() {
            Some(first) => self.line_of(first.range),
            None => self.line_of(def.name.range),
        } as u32;
        let make_flags = self.compile_defaults(&def.parameters)?;

        self.enter_scope(UnitKind::Function, &def.name, node_key(def), firstlineno)?;
        let docstring = docstring_of(&def.body);
        // The first constant is the docstring, or None: 3.10 reads `__doc__` from there.
        let doc_constant = docstring.map_or(Constant::None, |d| Constant::Str(d.into()));
        self.add_const(doc_constant);
        self.set_parameter_counts(&def.parameters);
        let body = if docstring_of(&def.body).is_some() {
            &def.body[1..]
        } else {
            &def.body[..]
        };
        self.compile_stmts(body)?;
        let qualname = self.unit_ref().qualname.clone();
        let code = self.exit_scope(true)?;

        self.make_closure(code, make_flags, qualname);
        for _ in decorators {
            self.emit_arg(Opcode::CallFunction, 1);
        }
        self.name_op(&def.name, ExprContext::Store);
        Ok(())
    }

    pub(super) fn compile_lambda(&mut self, lambda: &'a ast::ExprLambda) -> CompileResult<()> {
        let make_flags = match lambda.parameters.as_deref() {
            Some(parameters) => self.compile_defaults(parameters)?,
            None => 0,
        };
        let line = self.line_of(lambda.range) as u32;
        self.enter_scope(UnitKind::Lambda, "<lambda>", node_key(lambda), line)?;
        // None first, so a lambda never has a docstring.
        self.add_const(Constant::None);
        if let Some(parameters) = lambda.parameters.as_deref() {
            self.set_parameter_counts(parameters);
        }
        self.compile_expr(&lambda.body)?;
        let is_generator = self.scope().is_generator;
        if !is_generator {
            self.emit(Opcode::ReturnValue);
        }
        let qualname = self.unit_ref().qualname.clone();
        // A generator lambda returns its last yield's result, not None.
        let code = self.exit_scope(!is_generator)?;
        self.make_closure(code, make_flags, qualname);
        Ok(())
    }

    pub(super) fn compile_class_def(&mut self, class: &'a ast::StmtClassDef) -> CompileResult<()> {
        if let Some(type_params) = &class.type_params {
            return self.not_implemented(type_params.range, "type parameters");
        }
        let decorators = &class.decorator_list;
        decorators
            .iter()
            .try_for_each(|d| self.compile_expr(&d.expression))?;
        let firstlineno = match decorators.first() {
            Some(first) => self.line_of(first.range),
            None => self.line_of(class.name.range),
        } as u32;

        self.enter_scope(UnitKind::Class, &class.name, node_key(class), firstlineno)?;
        self.name_op("__name__", ExprContext::Load);
        self.name_op("__module__", ExprContext::Store);
        let qualname = self.unit_ref().qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.name_op("__qualname__", ExprContext::Store);
        self.compile_body(&class.body)?;
        // Return the __class__ cell for type.__new__ to fill in, if methods use it.
        self.set_no_line();
        if self.scope().needs_class_closure {
            let index = self.unit_ref().cellvars.get("__class__").unwrap_or(0);
            self.emit_arg(Opcode::LoadClosure, index);
            self.emit(Opcode::DupTop);
            self.name_op("__classcell__", ExprContext::Store);
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue);
        let code = self.exit_scope(true)?;

        self.set_line(self.line_of(class.name.range));
        self.emit(Opcode::LoadBuildClass);
        // 3.10 passes the bare class name as the function's qualname.
        self.make_closure(code, 0, class.name.as_str().into());
        self.load_const(Constant::Str(class.name.as_str().into()));
        let (args, keywords): (&[ast::Expr], &[ast::Keyword]) = match &class.arguments {
            Some(arguments) => (&arguments.args, &arguments.keywords),
            None => (&[], &[]),
        };
        self.compile_call_helper(2, args, keywords)?;
        for _ in decorators {
            self.emit_arg(Opcode::CallFunction, 1);
        }
        self.name_op(&class.name, ExprContext::Store);
        Ok(())
    }

    fn set_parameter_counts(&mut self, parameters: &Parameters) {
        let unit = self.unit();
        unit.posonlyargcount = parameters.posonlyargs.len() as u32;
        unit.argcount = (parameters.posonlyargs.len() + parameters.args.len()) as u32;
        unit.kwonlyargcount = parameters.kwonlyargs.len() as u32;
    }

    /// Pushes the defaults tuple and keyword-only defaults dict; returns the
    /// `MAKE_FUNCTION` flags saying which were pushed.
    fn compile_defaults(&mut self, parameters: &'a Parameters) -> CompileResult<u32> {
        let mut make_flags = 0;
        let defaults: Vec<&'a ast::Expr> = parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            defaults.iter().try_for_each(|d| self.compile_expr(d))?;
            self.emit_arg(Opcode::BuildTuple, defaults.len() as u32);
            make_flags |= MAKE_DEFAULTS;
        }
        let mut keys = Vec::new();
        for parameter in &parameters.kwonlyargs {
            if let Some(default) = &parameter.default {
                keys.push(Constant::Str(self.mangle(&parameter.parameter.name)));
                self.compile_expr(default)?;
            }
        }
        if !keys.is_empty() {
            let count = keys.len() as u32;
            self.load_const(Constant::Tuple(keys.into()));
            self.emit_arg(Opcode::BuildConstKeyMap, count);
            make_flags |= MAKE_KWDEFAULTS;
        }
        Ok(make_flags)
    }

    /// Pushes the closure cells `code` needs, the code and its qualname, then
    /// `MAKE_FUNCTION`.
    pub(super) fn make_closure(
        &mut self,
        code: Rc<CodeObject>,
        mut make_flags: u32,
        qualname: Rc<str>,
    ) {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let is_class = self.scope().kind == ScopeKind::Class;
                let is_cell = (is_class && &**name == "__class__")
                    || self.scope().scope_of(name) == NameScope::Cell;
                let unit = self.unit_ref();
                let index = if is_cell {
                    unit.cellvars.get(name)
                } else {
                    unit.freevars.get(name)
                };
                self.emit_arg(Opcode::LoadClosure, index.unwrap_or(0));
            }
            make_flags |= MAKE_CLOSURE;
            self.emit_arg(Opcode::BuildTuple, code.freevars.len() as u32);
        }
        self.load_const(Constant::Code(code));
        self.load_const(Constant::Str(qualname));
        self.emit_arg(Opcode::MakeFunction, make_flags);
    }

    /// The line a `def` or `class` statement reports: its keyword's, not its decorators'.
    pub(super) fn definition_line(&self, stmt: &ast::Stmt) -> Option<i32> {
        match stmt {
            ast::Stmt::FunctionDef(f) => Some(self.line_of(f.name.range())),
            ast::Stmt::ClassDef(c) => Some(self.line_of(c.name.range())),
            _ => None,
        }
    }
}
