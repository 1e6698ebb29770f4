//! The symbol-table pass: walks the AST once, building a [`Scope`] per module, class,
//! function, lambda and comprehension and recording how each name is used there (CPython
//! 3.10's `symtable.c` visitor). [`SymbolTable::analyze`] then resolves the names.

use std::rc::Rc;

use ruff_python_ast::{
    self as ast, Comprehension, ExceptHandler, Expr, ExprContext, InterpolatedStringElement,
    Parameters, Stmt,
};
use ruff_text_size::{Ranged, TextRange};

use super::scope::{Scope, ScopeError, ScopeId, ScopeKind, Symbol, SymbolTable, def};

/// The address of an AST node: how code generation finds the scope built for it.
pub(crate) fn node_key<T>(node: &T) -> usize {
    std::ptr::from_ref(node).addr()
}

/// CPython's `_Py_Mangle`: `__name` inside class `C` becomes `_C__name`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> Rc<str> {
    let Some(class_name) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

/// Builds the symbol table of a module and analyzes it.
pub(crate) fn build(body: &[Stmt], module_range: TextRange) -> Result<SymbolTable, ScopeError> {
    let mut builder = Builder {
        table: SymbolTable {
            scopes: Vec::new(),
            by_node: Default::default(),
        },
        stack: Vec::new(),
        private: None,
        comp_iter_expr: 0,
        comp_iter_target: false,
        depth: 0,
    };
    builder.table.scopes.push(Scope::new(
        ScopeKind::Module,
        "top".into(),
        module_range,
        false,
    ));
    builder.stack.push(0);
    builder.visit_body(body)?;
    let mut table = builder.table;
    table.analyze()?;
    Ok(table)
}

struct Builder {
    table: SymbolTable,
    stack: Vec<ScopeId>,
    /// The enclosing class's name, for mangling.
    private: Option<Rc<str>>,
    /// Inside the outermost iterable of a comprehension (walrus is forbidden there).
    comp_iter_expr: u32,
    /// Visiting a comprehension's iteration target.
    comp_iter_target: bool,
    /// Expression nesting depth.
    depth: u32,
}

type VisitResult = Result<(), ScopeError>;

fn error(range: TextRange, message: impl Into<String>) -> ScopeError {
    ScopeError {
        range,
        message: message.into(),
    }
}

impl Builder {
    fn current(&self) -> ScopeId {
        *self.stack.last().expect("the module scope is never popped")
    }

    fn cur(&mut self) -> &mut Scope {
        let id = self.current();
        &mut self.table.scopes[id]
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize, range: TextRange) {
        let parent = self.current();
        let parent_scope = &self.table.scopes[parent];
        let nested = parent_scope.is_nested || parent_scope.kind == ScopeKind::Function;
        let id = self.table.scopes.len();
        self.table
            .scopes
            .push(Scope::new(kind, name.into(), range, nested));
        self.table.scopes[parent].children.push(id);
        self.table.by_node.insert(key, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> VisitResult {
        let id = self.current();
        self.add_def_in(id, name, flag, range)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, range: TextRange) -> VisitResult {
        let mangled = mangle(self.private.as_deref(), name);
        let comp_iter_target = self.comp_iter_target && id == self.current();
        let scope = &mut self.table.scopes[id];
        let mut value = scope.flags(&mangled);
        if flag & def::PARAM != 0 && value & def::PARAM != 0 {
            return Err(error(
                range,
                format!("duplicate argument '{name}' in function definition"),
            ));
        }
        value |= flag;
        if comp_iter_target {
            if value & (def::GLOBAL | def::NONLOCAL) != 0 {
                return Err(error(
                    range,
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                ));
            }
            value |= def::COMP_ITER;
        }
        scope.symbols.insert(
            mangled.clone(),
            Symbol {
                flags: value,
                scope: Default::default(),
            },
        );
        if flag & def::PARAM != 0 {
            scope.params.push(mangled.clone());
        } else if flag & def::GLOBAL != 0 {
            // CPython records explicit globals in the module's table too.
            let module = &mut self.table.scopes[0];
            let entry = module.symbols.entry(mangled).or_default();
            entry.flags |= flag;
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> VisitResult {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>) -> VisitResult {
        exprs.into_iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> VisitResult {
        match stmt {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name, def::LOCAL, f.name.range)?;
                self.visit_defaults(&f.parameters)?;
                self.visit_exprs(f.decorator_list.iter().map(|d| &d.expression))?;
                self.enter(ScopeKind::Function, &f.name, node_key(f), f.range);
                if f.is_async {
                    self.cur().is_coroutine = true;
                    self.cur().is_async_def = true;
                }
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, def::LOCAL, c.name.range)?;
                if let Some(arguments) = &c.arguments {
                    self.visit_exprs(arguments.args.iter())?;
                    self.visit_exprs(arguments.keywords.iter().map(|k| &k.value))?;
                }
                self.visit_exprs(c.decorator_list.iter().map(|d| &d.expression))?;
                self.enter(ScopeKind::Class, &c.name, node_key(c), c.range);
                let saved = self.private.replace(c.name.id.as_str().into());
                self.visit_body(&c.body)?;
                self.private = saved;
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(value) = &r.value {
                    self.visit_expr(value)?;
                }
            }
            Stmt::Delete(d) => self.visit_exprs(d.targets.iter())?,
            Stmt::Assign(a) => {
                self.visit_exprs(a.targets.iter())?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                // Annotations are not evaluated by rceval, so they use no names.
                if let Some(value) = &a.value {
                    self.visit_expr(&a.target)?;
                    self.visit_expr(value)?;
                } else if let Expr::Name(name) = a.target.as_ref() {
                    // `x: int` alone still makes x local, as in CPython.
                    self.add_def(&name.id, def::LOCAL, name.range)?;
                } else {
                    self.visit_expr(&a.target)?;
                }
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    if let Some(test) = &clause.test {
                        self.visit_expr(test)?;
                    }
                    self.visit_body(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(vars) = &item.optional_vars {
                        self.visit_expr(vars)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Raise(r) => {
                if let Some(exc) = &r.exc {
                    self.visit_expr(exc)?;
                }
                if let Some(cause) = &r.cause {
                    self.visit_expr(cause)?;
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for handler in &t.handlers {
                    let ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(name) = &h.name {
                        self.add_def(name, def::LOCAL, name.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(msg) = &a.msg {
                    self.visit_expr(msg)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.visit_alias(alias, stmt.range())?;
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    self.visit_alias(alias, stmt.range())?;
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    self.declare(name, true)?;
                }
            }
            Stmt::Nonlocal(n) => {
                for name in &n.names {
                    self.declare(name, false)?;
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            // The code generator reports what it cannot compile; here they only need to
            // not be walked.
            Stmt::Match(_) | Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {}
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
        }
        Ok(())
    }

    /// `global name` (`is_global`) or `nonlocal name`.
    fn declare(&mut self, name: &ast::Identifier, is_global: bool) -> VisitResult {
        let keyword = if is_global { "global" } else { "nonlocal" };
        let mangled = mangle(self.private.as_deref(), name);
        let current = self.cur().flags(&mangled);
        if current & (def::PARAM | def::LOCAL | def::USE) != 0 {
            let message = if current & def::PARAM != 0 {
                format!("name '{name}' is parameter and {keyword}")
            } else if current & def::USE != 0 {
                format!("name '{name}' is used prior to {keyword} declaration")
            } else {
                format!("name '{name}' is assigned to before {keyword} declaration")
            };
            return Err(error(name.range, message));
        }
        let flag = if is_global {
            def::GLOBAL
        } else {
            def::NONLOCAL
        };
        self.add_def(name, flag, name.range)?;
        self.cur().directives.entry(mangled).or_insert(name.range);
        Ok(())
    }

    fn visit_alias(&mut self, alias: &ast::Alias, stmt_range: TextRange) -> VisitResult {
        let bound = match &alias.asname {
            Some(asname) => asname.id.as_str(),
            None => alias.name.split('.').next().unwrap_or(""),
        };
        if bound == "*" {
            if self.cur().kind != ScopeKind::Module {
                return Err(error(stmt_range, "import * only allowed at module level"));
            }
            return Ok(());
        }
        self.add_def(bound, def::IMPORT, alias.range)
    }

    fn visit_defaults(&mut self, parameters: &Parameters) -> VisitResult {
        let positional = parameters.posonlyargs.iter().chain(&parameters.args);
        self.visit_exprs(positional.filter_map(|p| p.default.as_deref()))?;
        self.visit_exprs(
            parameters
                .kwonlyargs
                .iter()
                .filter_map(|p| p.default.as_deref()),
        )
    }

    fn visit_params(&mut self, parameters: &Parameters) -> VisitResult {
        for p in parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .chain(&parameters.kwonlyargs)
        {
            self.add_def(&p.parameter.name, def::PARAM, p.parameter.name.range)?;
        }
        if let Some(vararg) = &parameters.vararg {
            self.add_def(&vararg.name, def::PARAM, vararg.name.range)?;
            self.cur().has_varargs = true;
        }
        if let Some(kwarg) = &parameters.kwarg {
            self.add_def(&kwarg.name, def::PARAM, kwarg.name.range)?;
            self.cur().has_varkeywords = true;
        }
        Ok(())
    }

    fn visit_expr(&mut self, expr: &Expr) -> VisitResult {
        // Deeper trees are refused rather than risking the host stack.
        if self.depth >= 1000 {
            return Err(error(expr.range(), "expression nested too deeply"));
        }
        self.depth += 1;
        let result = self.visit_expr_inner(expr);
        self.depth -= 1;
        result
    }

    fn visit_expr_inner(&mut self, expr: &Expr) -> VisitResult {
        match expr {
            Expr::BoolOp(b) => self.visit_exprs(b.values.iter())?,
            Expr::Named(n) => self.visit_named_expr(n)?,
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(parameters) = &l.parameters {
                    self.visit_defaults(parameters)?;
                }
                self.enter(ScopeKind::Function, "lambda", node_key(l), l.range);
                if let Some(parameters) = &l.parameters {
                    self.visit_params(parameters)?;
                }
                self.visit_expr(&l.body)?;
                self.exit();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(key) = &item.key {
                        self.visit_expr(key)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.visit_exprs(s.elts.iter())?,
            Expr::ListComp(c) => self.visit_comprehension(
                node_key(c),
                c.range,
                "listcomp",
                &c.generators,
                &c.elt,
                None,
                false,
            )?,
            Expr::SetComp(c) => self.visit_comprehension(
                node_key(c),
                c.range,
                "setcomp",
                &c.generators,
                &c.elt,
                None,
                false,
            )?,
            Expr::DictComp(c) => {
                // `{**x for x in y}` has no key; the code generator rejects it.
                if let Some(key) = &c.key {
                    self.visit_comprehension(
                        node_key(c),
                        c.range,
                        "dictcomp",
                        &c.generators,
                        key,
                        Some(&c.value),
                        false,
                    )?
                }
            }
            Expr::Generator(g) => self.visit_comprehension(
                node_key(g),
                g.range,
                "genexpr",
                &g.generators,
                &g.elt,
                None,
                true,
            )?,
            Expr::Await(a) => {
                self.visit_expr(&a.value)?;
                self.cur().is_coroutine = true;
            }
            Expr::Yield(y) => {
                if let Some(value) = &y.value {
                    self.visit_expr(value)?;
                }
                self.cur().is_generator = true;
            }
            Expr::YieldFrom(y) => {
                self.visit_expr(&y.value)?;
                self.cur().is_generator = true;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(c.comparators.iter())?;
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(c.arguments.args.iter())?;
                self.visit_exprs(c.arguments.keywords.iter().map(|k| &k.value))?;
            }
            Expr::FString(f) => {
                for element in f.value.elements() {
                    self.visit_fstring_element(element)?;
                }
            }
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let flag = if n.ctx == ExprContext::Load {
                    def::USE
                } else {
                    def::LOCAL
                };
                self.add_def(&n.id, flag, n.range)?;
                // `super()` needs the `__class__` cell.
                if n.ctx == ExprContext::Load
                    && self.cur().kind == ScopeKind::Function
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", def::USE, n.range)?;
                }
            }
            Expr::List(l) => self.visit_exprs(l.elts.iter())?,
            Expr::Tuple(t) => self.visit_exprs(t.elts.iter())?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            Expr::TString(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn visit_fstring_element(&mut self, element: &InterpolatedStringElement) -> VisitResult {
        if let InterpolatedStringElement::Interpolation(i) = element {
            self.visit_expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for element in spec.elements.iter() {
                    self.visit_fstring_element(element)?;
                }
            }
        }
        Ok(())
    }

    fn visit_named_expr(&mut self, named: &ast::ExprNamed) -> VisitResult {
        if self.comp_iter_expr > 0 {
            return Err(error(
                named.range,
                "assignment expression cannot be used in a comprehension iterable expression",
            ));
        }
        if self.cur().is_comprehension
            && let Expr::Name(target) = named.target.as_ref()
        {
            self.extend_named_expr_scope(target)?;
        }
        self.visit_expr(&named.value)?;
        self.visit_expr(&named.target)
    }

    /// A walrus inside a comprehension binds in the nearest enclosing function or module.
    fn extend_named_expr_scope(&mut self, target: &ast::ExprName) -> VisitResult {
        let name = target.id.as_str();
        for &id in self.stack.iter().rev() {
            let scope = &self.table.scopes[id];
            if scope.is_comprehension {
                if scope.flags(name) & def::COMP_ITER != 0 {
                    return Err(error(
                        target.range,
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                    ));
                }
                continue;
            }
            match scope.kind {
                ScopeKind::Function => {
                    let flag = if scope.flags(name) & def::GLOBAL != 0 {
                        def::GLOBAL
                    } else {
                        def::NONLOCAL
                    };
                    self.add_def(name, flag, target.range)?;
                    let mangled = mangle(self.private.as_deref(), name);
                    self.cur().directives.entry(mangled).or_insert(target.range);
                    return self.add_def_in(id, name, def::LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, def::GLOBAL, target.range)?;
                    let mangled = mangle(self.private.as_deref(), name);
                    self.cur().directives.entry(mangled).or_insert(target.range);
                    return self.add_def_in(id, name, def::GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    return Err(error(
                        target.range,
                        "assignment expression within a comprehension cannot be used in a class body",
                    ));
                }
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn visit_comprehension(
        &mut self,
        key: usize,
        range: TextRange,
        name: &str,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        is_generator: bool,
    ) -> VisitResult {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        // The outermost iterable is evaluated in the enclosing scope.
        self.comp_iter_expr += 1;
        let result = self.visit_expr(&outermost.iter);
        self.comp_iter_expr -= 1;
        result?;
        self.enter(ScopeKind::Function, name, key, range);
        self.cur().is_comprehension = true;
        if generators.iter().any(|g| g.is_async) {
            self.cur().is_coroutine = true;
        }
        // The outermost iterator arrives as the implicit parameter `.0`.
        self.add_def(".0", def::PARAM, range)?;
        self.comp_iter_target = true;
        let result = self.visit_expr(&outermost.target);
        self.comp_iter_target = false;
        result?;
        self.visit_exprs(outermost.ifs.iter())?;
        for generator in &generators[1..] {
            self.comp_iter_target = true;
            let result = self.visit_expr(&generator.target);
            self.comp_iter_target = false;
            result?;
            self.visit_expr(&generator.iter)?;
            self.visit_exprs(generator.ifs.iter())?;
        }
        self.visit_expr(elt)?;
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        if self.cur().is_generator {
            let what = match name {
                "listcomp" => "list comprehension",
                "setcomp" => "set comprehension",
                "dictcomp" => "dict comprehension",
                _ => "generator expression",
            };
            return Err(error(range, format!("'yield' inside {what}")));
        }
        if is_generator {
            self.cur().is_generator = true;
        }
        let awaited = self.cur().is_coroutine && !is_generator;
        self.exit();
        // A list, set or dict comprehension that awaits is a coroutine its creator awaits.
        if awaited {
            self.cur().is_coroutine = true;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::scope::NameScope;
    use super::*;

    fn table(source: &str) -> SymbolTable {
        let parsed = ruff_python_parser::parse_module(source).expect("valid test source");
        let module = parsed.into_syntax();
        build(&module.body, module.range).unwrap_or_else(|e| panic!("{}", e.message))
    }

    fn scope_named<'t>(table: &'t SymbolTable, name: &str) -> &'t Scope {
        table
            .scopes
            .iter()
            .find(|s| &*s.name == name)
            .expect("scope exists")
    }

    fn error_of(source: &str) -> String {
        let parsed = ruff_python_parser::parse_module(source).expect("valid test source");
        let module = parsed.into_syntax();
        match build(&module.body, module.range) {
            Ok(_) => panic!("expected an error"),
            Err(e) => e.message,
        }
    }

    #[test]
    fn locals_globals_cells_and_frees() {
        let t = table(
            "g = 1\ndef f(a):\n    b = a\n    def inner():\n        return a + g + h\n    return b\n",
        );
        let f = scope_named(&t, "f");
        assert_eq!(f.scope_of("a"), NameScope::Cell);
        assert_eq!(f.scope_of("b"), NameScope::Local);
        let inner = scope_named(&t, "inner");
        assert_eq!(inner.scope_of("a"), NameScope::Free);
        assert_eq!(inner.scope_of("g"), NameScope::GlobalImplicit);
        assert_eq!(inner.scope_of("h"), NameScope::GlobalImplicit);
        assert!(f.child_free);
    }

    #[test]
    fn explicit_global_and_nonlocal() {
        let t = table(
            "def f():\n    global x\n    x = 1\n    y = 2\n    def g():\n        nonlocal y\n        y = 3\n",
        );
        assert_eq!(
            scope_named(&t, "f").scope_of("x"),
            NameScope::GlobalExplicit
        );
        assert_eq!(scope_named(&t, "f").scope_of("y"), NameScope::Cell);
        assert_eq!(scope_named(&t, "g").scope_of("y"), NameScope::Free);
        // CPython marks the module's own `x` as explicitly global too.
        assert_eq!(t.scopes[0].scope_of("x"), NameScope::GlobalExplicit);
    }

    #[test]
    fn class_scope_is_invisible_to_methods() {
        let t = table(
            "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n",
        );
        assert_eq!(scope_named(&t, "m").scope_of("x"), NameScope::Free);
        let c = scope_named(&t, "C");
        assert_eq!(c.scope_of("x"), NameScope::Local);
        assert!(c.flags("x") & def::FREE_CLASS != 0);
        assert_eq!(scope_named(&t, "f").scope_of("x"), NameScope::Cell);
    }

    #[test]
    fn super_creates_the_class_cell() {
        let t = table("class C:\n    def m(self):\n        return super().m()\n");
        assert!(scope_named(&t, "C").needs_class_closure);
        assert_eq!(scope_named(&t, "m").scope_of("__class__"), NameScope::Free);
    }

    #[test]
    fn comprehension_scopes() {
        let t = table("def f(xs):\n    return [x + y for x in xs if (y := x)]\n");
        let comp = scope_named(&t, "listcomp");
        assert_eq!(
            comp.params.iter().map(|p| &**p).collect::<Vec<_>>(),
            vec![".0"]
        );
        assert_eq!(comp.scope_of("x"), NameScope::Local);
        assert_eq!(
            comp.scope_of("xs"),
            NameScope::Unknown,
            "the outermost iterable is the parent's"
        );
        assert_eq!(comp.scope_of("y"), NameScope::Free);
        assert_eq!(scope_named(&t, "f").scope_of("y"), NameScope::Cell);
    }

    #[test]
    fn walrus_in_module_level_comprehension_is_global() {
        let t = table("[(y := x) for x in range(3)]\n");
        assert_eq!(
            scope_named(&t, "listcomp").scope_of("y"),
            NameScope::GlobalExplicit
        );
    }

    #[test]
    fn mangling() {
        assert_eq!(&*mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(&*mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(&*mangle(Some("__"), "__x"), "__x");
        assert_eq!(&*mangle(None, "__x"), "__x");
        let t = table("class C:\n    def m(self):\n        __secret = 1\n");
        assert_eq!(
            scope_named(&t, "m").scope_of("_C__secret"),
            NameScope::Local
        );
    }

    #[test]
    fn errors_as_cpython_words_them() {
        assert_eq!(
            error_of("nonlocal x\n"),
            "nonlocal declaration not allowed at module level"
        );
        assert_eq!(
            error_of("def f():\n    nonlocal x\n"),
            "no binding for nonlocal 'x' found"
        );
        assert_eq!(
            error_of("def f():\n    x = 1\n    global x\n"),
            "name 'x' is assigned to before global declaration"
        );
        assert_eq!(
            error_of("def f():\n    print(x)\n    global x\n"),
            "name 'x' is used prior to global declaration"
        );
        assert_eq!(
            error_of("def f(a, a): pass\n"),
            "duplicate argument 'a' in function definition"
        );
        assert_eq!(
            error_of("def f():\n    from m import *\n"),
            "import * only allowed at module level"
        );
        assert_eq!(
            error_of("[(yield) for x in y]\n"),
            "'yield' inside list comprehension"
        );
    }
}
