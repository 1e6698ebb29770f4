//! Symbol tables: one [`Scope`] per module, class, function, lambda and comprehension, and the
//! analysis that decides where every name lives (CPython 3.10's `symtable.c`, `analyze_block`).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use ruff_text_size::TextRange;

/// What a name is used for inside one scope (CPython's `DEF_*` flags).
pub(crate) mod def {
    /// `global name` in this scope.
    pub const GLOBAL: u32 = 1;
    /// Assigned in this scope.
    pub const LOCAL: u32 = 2;
    /// A parameter.
    pub const PARAM: u32 = 4;
    /// `nonlocal name` in this scope.
    pub const NONLOCAL: u32 = 8;
    /// Read in this scope.
    pub const USE: u32 = 16;
    /// A class-scope name that a method also uses freely.
    pub const FREE_CLASS: u32 = 64;
    /// Bound by an import.
    pub const IMPORT: u32 = 128;
    /// A comprehension's iteration variable.
    pub const COMP_ITER: u32 = 512;
    /// Any binding.
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives, as decided by the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum NameScope {
    /// Not in the table (e.g. `__module__` in a class body): the namespace lookup.
    #[default]
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    /// Functions, lambdas and comprehensions.
    Function,
    Class,
}

#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
}

pub(crate) type ScopeId = usize;

#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    /// The function or class name (`lambda`, `listcomp`, … for the anonymous ones): for
    /// debugging and tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: Rc<str>,
    pub symbols: HashMap<Rc<str>, Symbol>,
    /// Parameters in order: positional-only, positional, keyword-only, `*args`, `**kwargs`.
    pub params: Vec<Rc<str>>,
    pub children: Vec<ScopeId>,
    /// Where each `global`/`nonlocal` declaration is, for error messages.
    pub directives: HashMap<Rc<str>, TextRange>,
    pub range: TextRange,
    /// Inside a function (directly or not).
    pub is_nested: bool,
    pub is_generator: bool,
    /// Awaits (an `async def`, or a comprehension with `await` or `async for`): with
    /// `is_generator`, an async generator (CPython's `ste_coroutine`).
    pub is_coroutine: bool,
    /// An `async def` (CPython's `COMPILER_SCOPE_ASYNC_FUNCTION`): where `await`, `async for`
    /// and `async with` are allowed.
    pub is_async_def: bool,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    pub is_comprehension: bool,
    /// Has free variables of its own.
    pub has_free: bool,
    /// Some child scope has free variables.
    pub child_free: bool,
    /// A class whose methods use `__class__` (or `super`): it gets a `__class__` cell.
    pub needs_class_closure: bool,
}

impl Scope {
    pub fn new(kind: ScopeKind, name: Rc<str>, range: TextRange, is_nested: bool) -> Self {
        Scope {
            kind,
            name,
            symbols: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            directives: HashMap::new(),
            range,
            is_nested,
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            has_varargs: false,
            has_varkeywords: false,
            is_comprehension: false,
            has_free: false,
            child_free: false,
            needs_class_closure: false,
        }
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    pub fn scope_of(&self, name: &str) -> NameScope {
        self.symbols
            .get(name)
            .map_or(NameScope::Unknown, |s| s.scope)
    }

    /// Names whose scope is `scope`, or whose flags include `extra_flag`, sorted as CPython's
    /// `dictbytype` sorts them.
    pub fn sorted_names(&self, scope: NameScope, extra_flag: u32) -> Vec<Rc<str>> {
        let mut names: Vec<Rc<str>> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == scope || s.flags & extra_flag != 0)
            .map(|(n, _)| n.clone())
            .collect();
        names.sort();
        names
    }
}

/// An error found by the analysis: the message and where to point.
pub(crate) struct ScopeError {
    pub range: TextRange,
    pub message: String,
}

type NameSet = HashSet<Rc<str>>;

/// All scopes of one module; scope 0 is the module.
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// Scope of each scope-creating AST node, keyed by the node's address.
    pub by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    pub fn scope_for_node(&self, key: usize) -> Option<ScopeId> {
        self.by_node.get(&key).copied()
    }

    /// Resolves every name of every scope (CPython's `symtable_analyze`).
    pub fn analyze(&mut self) -> Result<(), ScopeError> {
        let mut free = NameSet::new();
        let mut global = NameSet::new();
        self.analyze_block(0, None, &mut free, &mut global)
    }

    fn analyze_block(
        &mut self,
        id: ScopeId,
        mut bound: Option<&mut NameSet>,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> Result<(), ScopeError> {
        let kind = self.scopes[id].kind;
        let mut local = NameSet::new();
        let mut scopes: HashMap<Rc<str>, NameScope> = HashMap::new();
        let mut new_global = NameSet::new();
        let mut new_bound = NameSet::new();

        // A class namespace is invisible to nested functions: they see what the class saw.
        if kind == ScopeKind::Class {
            new_global.extend(global.iter().cloned());
            if let Some(b) = bound.as_deref() {
                new_bound.extend(b.iter().cloned());
            }
        }

        let mut names: Vec<(Rc<str>, u32)> = self.scopes[id]
            .symbols
            .iter()
            .map(|(n, s)| (n.clone(), s.flags))
            .collect();
        // Deterministic error order: report the first name in source order of declaration.
        names.sort();
        for (name, flags) in names {
            self.analyze_name(
                id,
                &mut scopes,
                &name,
                flags,
                bound.as_deref_mut(),
                &mut local,
                free,
                global,
            )?;
        }

        if kind == ScopeKind::Class {
            new_bound.insert("__class__".into());
        } else {
            if kind == ScopeKind::Function {
                new_bound.extend(local.iter().cloned());
            }
            if let Some(b) = bound.as_deref() {
                new_bound.extend(b.iter().cloned());
            }
            new_global.extend(global.iter().cloned());
        }

        let mut all_free = NameSet::new();
        let children = self.scopes[id].children.clone();
        for child in children {
            let mut child_bound = new_bound.clone();
            let mut child_free = NameSet::new();
            let mut child_global = new_global.clone();
            self.analyze_block(
                child,
                Some(&mut child_bound),
                &mut child_free,
                &mut child_global,
            )?;
            all_free.extend(child_free);
            let child_scope = &self.scopes[child];
            if child_scope.has_free || child_scope.child_free {
                self.scopes[id].child_free = true;
            }
        }
        let mut new_free = all_free;

        match kind {
            ScopeKind::Function => {
                // Locals that children use become cells.
                for (name, scope) in scopes.iter_mut() {
                    if *scope == NameScope::Local && new_free.remove(name) {
                        *scope = NameScope::Cell;
                    }
                }
            }
            ScopeKind::Class => {
                if new_free.remove("__class__") {
                    self.scopes[id].needs_class_closure = true;
                }
            }
            ScopeKind::Module => {}
        }

        self.update_symbols(id, &scopes, bound.as_deref(), &new_free);
        free.extend(new_free);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        id: ScopeId,
        scopes: &mut HashMap<Rc<str>, NameScope>,
        name: &Rc<str>,
        flags: u32,
        bound: Option<&mut NameSet>,
        local: &mut NameSet,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> Result<(), ScopeError> {
        let scope = &mut self.scopes[id];
        let directive = |scope: &Scope| scope.directives.get(name).copied().unwrap_or(scope.range);
        if flags & def::GLOBAL != 0 {
            if flags & def::NONLOCAL != 0 {
                return Err(ScopeError {
                    range: directive(scope),
                    message: format!("name '{name}' is nonlocal and global"),
                });
            }
            scopes.insert(name.clone(), NameScope::GlobalExplicit);
            global.insert(name.clone());
            if let Some(bound) = bound {
                bound.remove(name);
            }
            return Ok(());
        }
        if flags & def::NONLOCAL != 0 {
            let Some(bound) = bound else {
                return Err(ScopeError {
                    range: directive(scope),
                    message: "nonlocal declaration not allowed at module level".into(),
                });
            };
            if !bound.contains(name) {
                return Err(ScopeError {
                    range: directive(scope),
                    message: format!("no binding for nonlocal '{name}' found"),
                });
            }
            scopes.insert(name.clone(), NameScope::Free);
            scope.has_free = true;
            free.insert(name.clone());
            return Ok(());
        }
        if flags & def::BOUND != 0 {
            scopes.insert(name.clone(), NameScope::Local);
            local.insert(name.clone());
            global.remove(name);
            return Ok(());
        }
        if bound.is_some_and(|b| b.contains(name)) {
            scopes.insert(name.clone(), NameScope::Free);
            scope.has_free = true;
            free.insert(name.clone());
        } else {
            if !global.contains(name) && scope.is_nested {
                scope.has_free = true;
            }
            scopes.insert(name.clone(), NameScope::GlobalImplicit);
        }
        Ok(())
    }

    fn update_symbols(
        &mut self,
        id: ScopeId,
        scopes: &HashMap<Rc<str>, NameScope>,
        bound: Option<&NameSet>,
        free: &NameSet,
    ) {
        let scope = &mut self.scopes[id];
        let is_class = scope.kind == ScopeKind::Class;
        for (name, symbol) in scope.symbols.iter_mut() {
            symbol.scope = scopes.get(name).copied().unwrap_or_default();
        }
        for name in free {
            if let Some(symbol) = scope.symbols.get_mut(name) {
                // A method's free variable with the same name as a class-level binding: the
                // class body uses its own namespace, but must pass the cell through.
                if is_class && symbol.flags & (def::BOUND | def::GLOBAL) != 0 {
                    symbol.flags |= def::FREE_CLASS;
                }
                continue;
            }
            if bound.is_some_and(|b| !b.contains(name)) {
                continue; // a global in some child
            }
            // A free variable passing through this scope on its way to a child.
            scope.symbols.insert(
                name.clone(),
                Symbol {
                    flags: 0,
                    scope: NameScope::Free,
                },
            );
        }
    }
}
