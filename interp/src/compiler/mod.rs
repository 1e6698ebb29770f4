//! The compiler: Python source to [`CodeObject`]s shaped exactly like CPython 3.10's.
//!
//! Pipeline: `ruff_python_parser` parses; [`symtable`] builds and [`scope`] analyzes the symbol
//! tables; the code generator (this module with [`stmt`], [`expr`], [`func`],
//! [`comprehension`]) walks the AST emitting basic blocks ([`emit`]) following CPython 3.10's
//! `compile.c` construct by construct, folding constants as its AST optimizer does ([`fold`]);
//! [`assemble`] cleans the control-flow graph as 3.10's assembler does and encodes wordcode,
//! with [`stackdepth`] computing `co_stacksize`.
//!
//! Deliberate differences from CPython 3.10 (see also the crate docs of `dis`):
//! - annotations are never evaluated: `x: int = 5` compiles as `x = 5`, `x: int` alone only
//!   makes `x` local, and parameter/return annotations are dropped (no `SETUP_ANNOTATIONS`,
//!   no `__annotations__`, `MAKE_FUNCTION` never gets flag 0x04);
//! - there is no frozenset constant: a set display of more than two constants becomes
//!   `BUILD_SET 0; LOAD_CONST <tuple>; SET_UPDATE 1`, and `x in {1, 2}` builds the set;
//! - `GEN_START` carries the function's first line instead of no line;
//! - unsupported constructs (async, `match`, bytes, complex numbers, `@`, t-strings, type
//!   parameters, `except*`, …) are reported as [`CompileErrorKind::NotImplemented`].

mod assemble;
mod comprehension;
mod consts;
mod emit;
mod error;
mod expr;
mod fold;
mod fstring311;
mod func;
mod scope;
mod source;
mod stackdepth;
mod stmt;
mod symtable;

use std::collections::HashMap;
use std::rc::Rc;

use ruff_python_ast::{Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::code::{CodeObject, Constant, flags};
use crate::opcode::Opcode;

pub use error::{CompileError, CompileErrorKind, CompileResult};
pub use source::decode_source;

use consts::ConstPool;
use emit::{BlockId, InstrBuffer, NO_LINE};
use error::SourceMap;
use scope::{NameScope, ScopeId, ScopeKind, SymbolTable, def};
use symtable::mangle;

/// Compiles a module's source into its code object (named `<module>`).
pub fn compile_module(source: &str, filename: &str) -> Result<Rc<CodeObject>, CompileError> {
    let source_map = SourceMap::new(source, filename);
    if let Some(at) = source.find('\0') {
        return Err(source_map.null_byte_error(at));
    }
    let module = match ruff_python_parser::parse_module(source) {
        Ok(parsed) => {
            let tokens = parsed.tokens();
            let unsupported = parsed.unsupported_syntax_errors();
            if let Some((message, offset)) = fstring311::first_error(source, tokens, unsupported) {
                return Err(source_map.error_at(CompileErrorKind::SyntaxError, offset, message));
            }
            parsed.into_syntax()
        }
        Err(error) => {
            return Err(source_map.error_at(
                CompileErrorKind::SyntaxError,
                error.location.start().to_usize(),
                error.error.to_string(),
            ));
        }
    };
    let symbols = symtable::build(&module.body, module.range)
        .map_err(|e| source_map.syntax_error(e.range, e.message))?;
    let mut compiler = Compiler {
        source: &source_map,
        symbols,
        units: Vec::new(),
        expr_depth: 0,
    };
    compiler.compile_module_body(&module.body)
}

/// What kind of code object a unit produces (CPython's `COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// A frame block: what `break`, `continue` and `return` must unwind on their way out
/// (CPython 3.10's `fblockinfo`).
#[derive(Clone, Copy)]
enum FBlock<'a> {
    WhileLoop {
        start: BlockId,
        exit: BlockId,
    },
    ForLoop {
        start: BlockId,
        exit: BlockId,
    },
    TryExcept,
    /// Inside `try:` of a `try/finally`: unwinding runs the finally body.
    FinallyTry {
        body: &'a [Stmt],
    },
    /// Inside the exceptional copy of a finally body: three exception values are on the stack.
    FinallyEnd,
    /// Inside `with`: unwinding calls `__exit__(None, None, None)`.
    With {
        line: i32,
        /// `async with`: `__aexit__`'s result is awaited.
        is_async: bool,
    },
    /// Inside an except handler; `name` is the `as` target to clear.
    HandlerCleanup {
        name: Option<&'a str>,
    },
    /// A value left on the stack by the finally body's caller (a return value being kept).
    PopValue,
    ExceptionHandler,
}

/// An ordered set of names: index lookups for `co_names`, `co_varnames` and the like.
#[derive(Default)]
struct NameList {
    names: Vec<Rc<str>>,
    index: HashMap<Rc<str>, u32>,
}

impl NameList {
    fn from_names(names: impl IntoIterator<Item = Rc<str>>) -> Self {
        let mut list = NameList::default();
        for name in names {
            list.add(&name);
        }
        list
    }

    fn add(&mut self, name: &Rc<str>) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.clone());
        self.index.insert(name.clone(), i);
        i
    }

    fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    fn len(&self) -> usize {
        self.names.len()
    }
}

/// One code object under construction (CPython's `compiler_unit`).
struct Unit<'a> {
    kind: UnitKind,
    scope: ScopeId,
    name: Rc<str>,
    qualname: Rc<str>,
    /// The class name private names are mangled with.
    private: Option<Rc<str>>,
    consts: ConstPool,
    names: NameList,
    varnames: NameList,
    cellvars: NameList,
    freevars: NameList,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    firstlineno: u32,
    buf: InstrBuffer,
    fblocks: Vec<FBlock<'a>>,
}

struct Compiler<'a> {
    source: &'a SourceMap<'a>,
    symbols: SymbolTable,
    /// The unit being compiled is last; the ones enclosing it come before.
    units: Vec<Unit<'a>>,
    /// How deeply nested the expression being compiled is.
    expr_depth: u32,
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        self.units
            .last_mut()
            .expect("a unit is always open while compiling")
    }

    fn unit_ref(&self) -> &Unit<'a> {
        self.units
            .last()
            .expect("a unit is always open while compiling")
    }

    fn scope(&self) -> &scope::Scope {
        &self.symbols.scopes[self.unit_ref().scope]
    }

    fn in_function_scope(&self) -> bool {
        self.scope().kind == ScopeKind::Function
    }

    /// Whether `await` may appear here: in an `async def`, or in a comprehension (whose
    /// creation is checked instead, as CPython's `compiler_comprehension` does).
    fn await_allowed(&self) -> bool {
        self.scope().is_async_def || self.unit_ref().kind == UnitKind::Comprehension
    }

    /// `await` on the value on top: CPython 3.10's `GET_AWAITABLE; LOAD_CONST None; YIELD_FROM`.
    fn emit_await(&mut self) {
        self.emit(Opcode::GetAwaitable);
        self.load_const(Constant::None);
        self.emit(Opcode::YieldFrom);
    }

    // ----- errors -----

    fn syntax_error<T>(&self, range: TextRange, message: impl Into<String>) -> CompileResult<T> {
        Err(self.source.syntax_error(range, message))
    }

    fn not_implemented<T>(&self, range: TextRange, construct: &str) -> CompileResult<T> {
        Err(self.source.not_implemented(range, construct))
    }

    fn internal_error(&self, message: String) -> CompileError {
        self.source.error_at(
            CompileErrorKind::SyntaxError,
            0,
            format!("internal compiler error: {message}"),
        )
    }

    // ----- locations -----

    fn line_of(&self, range: TextRange) -> i32 {
        self.source.start_line(range) as i32
    }

    fn end_line_of(&self, range: TextRange) -> i32 {
        self.source.end_line(range) as i32
    }

    /// CPython's `SET_LOC`: following instructions belong to the line where `node` starts.
    fn set_loc(&mut self, node: &impl Ranged) {
        let line = self.line_of(node.range());
        self.unit().buf.line = line;
    }

    fn set_line(&mut self, line: i32) {
        self.unit().buf.line = line;
    }

    fn line(&self) -> i32 {
        self.unit_ref().buf.line
    }

    /// Following instructions are artificial: they take the line of what precedes them.
    fn set_no_line(&mut self) {
        self.set_line(NO_LINE);
    }

    // ----- emitting -----

    fn emit(&mut self, op: Opcode) {
        self.unit().buf.emit(op, 0);
    }

    fn emit_arg(&mut self, op: Opcode, arg: u32) {
        self.unit().buf.emit(op, arg);
    }

    fn emit_noline(&mut self, op: Opcode) {
        self.unit().buf.emit_noline(op, 0);
    }

    fn emit_jump(&mut self, op: Opcode, target: BlockId) {
        self.unit().buf.emit_jump(op, target);
    }

    fn emit_jump_noline(&mut self, op: Opcode, target: BlockId) {
        self.unit().buf.emit_jump_noline(op, target);
    }

    fn new_block(&mut self) -> BlockId {
        self.unit().buf.new_block()
    }

    fn use_next_block(&mut self, block: BlockId) {
        self.unit().buf.use_next_block(block);
    }

    fn next_block(&mut self) {
        self.unit().buf.next_block();
    }

    fn add_const(&mut self, constant: Constant) -> u32 {
        self.unit().consts.add(constant)
    }

    fn load_const(&mut self, constant: Constant) {
        let index = self.add_const(constant);
        self.emit_arg(Opcode::LoadConst, index);
    }

    fn mangle(&self, name: &str) -> Rc<str> {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    /// An instruction whose operand is a (mangled) name in `co_names`.
    fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = self.mangle(name);
        let index = self.unit().names.add(&mangled);
        self.emit_arg(op, index);
    }

    /// An instruction whose operand is a name in `co_names`, not mangled (CPython's `ADDOP_N`).
    fn emit_name_unmangled(&mut self, op: Opcode, name: &str) {
        let index = self.unit().names.add(&name.into());
        self.emit_arg(op, index);
    }

    /// Loads, stores or deletes a variable with the opcode its scope calls for (CPython's
    /// `compiler_nameop`).
    fn name_op(&mut self, name: &str, ctx: ExprContext) {
        let mangled = self.mangle(name);
        let scope = self.scope();
        let in_function = scope.kind == ScopeKind::Function;
        let is_class = scope.kind == ScopeKind::Class;
        enum Kind {
            Fast,
            Global,
            Deref(u32),
            Name,
        }
        let unit = self.unit_ref();
        let kind = match scope.scope_of(&mangled) {
            NameScope::Free => Kind::Deref(unit.freevars.get(&mangled).unwrap_or(0)),
            NameScope::Cell => Kind::Deref(unit.cellvars.get(&mangled).unwrap_or(0)),
            NameScope::Local if in_function => Kind::Fast,
            NameScope::GlobalImplicit if in_function => Kind::Global,
            NameScope::GlobalExplicit => Kind::Global,
            _ => Kind::Name,
        };
        let load_store_del = |load, store, del| match ctx {
            ExprContext::Store => store,
            ExprContext::Del => del,
            _ => load,
        };
        match kind {
            Kind::Deref(index) => {
                let load = if is_class {
                    Opcode::LoadClassderef
                } else {
                    Opcode::LoadDeref
                };
                let op = load_store_del(load, Opcode::StoreDeref, Opcode::DeleteDeref);
                self.emit_arg(op, index);
            }
            Kind::Fast => {
                let op = load_store_del(Opcode::LoadFast, Opcode::StoreFast, Opcode::DeleteFast);
                let index = self.unit().varnames.add(&mangled);
                self.emit_arg(op, index);
            }
            Kind::Global => {
                let op = load_store_del(
                    Opcode::LoadGlobal,
                    Opcode::StoreGlobal,
                    Opcode::DeleteGlobal,
                );
                let index = self.unit().names.add(&mangled);
                self.emit_arg(op, index);
            }
            Kind::Name => {
                let op = load_store_del(Opcode::LoadName, Opcode::StoreName, Opcode::DeleteName);
                let index = self.unit().names.add(&mangled);
                self.emit_arg(op, index);
            }
        }
    }

    // ----- units -----

    /// Opens a unit for the scope built for `node_key` (CPython's `compiler_enter_scope`).
    fn enter_scope(
        &mut self,
        kind: UnitKind,
        name: &str,
        node_key: usize,
        firstlineno: u32,
    ) -> CompileResult<()> {
        let scope_id = match kind {
            UnitKind::Module => 0,
            _ => self
                .symbols
                .scope_for_node(node_key)
                .ok_or_else(|| self.internal_error(format!("no symbol table for {name}")))?,
        };
        let scope = &self.symbols.scopes[scope_id];
        let varnames = NameList::from_names(scope.params.iter().cloned());
        let mut cellvars = NameList::from_names(scope.sorted_names(NameScope::Cell, 0));
        if scope.needs_class_closure {
            cellvars.add(&"__class__".into());
        }
        let mut freevars = NameList::default();
        for name in scope.sorted_names(NameScope::Free, def::FREE_CLASS) {
            let index = cellvars.len() as u32 + freevars.len() as u32;
            freevars.names.push(name.clone());
            freevars.index.insert(name, index);
        }
        let private = match kind {
            UnitKind::Class => Some(name.into()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let qualname = self.qualname_for(kind, name);
        self.units.push(Unit {
            kind,
            scope: scope_id,
            name: name.into(),
            qualname,
            private,
            consts: ConstPool::default(),
            names: NameList::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            buf: InstrBuffer::new(firstlineno as i32),
            fblocks: Vec::new(),
        });
        Ok(())
    }

    /// CPython's `compiler_set_qualname`, computed before the new unit is pushed.
    fn qualname_for(&self, kind: UnitKind, name: &str) -> Rc<str> {
        // Only units below the module contribute a prefix.
        let Some(parent) = self.units.last().filter(|_| self.units.len() > 1) else {
            return name.into();
        };
        if matches!(kind, UnitKind::Function | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.symbols.scopes[parent.scope].scope_of(&mangled) == NameScope::GlobalExplicit {
                return name.into();
            }
        }
        match parent.kind {
            UnitKind::Function | UnitKind::Lambda => {
                format!("{}.<locals>.{name}", parent.qualname).into()
            }
            _ => format!("{}.{name}", parent.qualname).into(),
        }
    }

    /// Closes the current unit into a code object (CPython's `assemble` + `makecode`).
    /// `add_none` adds `return None` when the code can fall off its end.
    fn exit_scope(&mut self, add_none: bool) -> CompileResult<Rc<CodeObject>> {
        if !self.unit_ref().buf.ends_with_return() {
            self.set_no_line();
            if add_none {
                self.load_const(Constant::None);
            }
            self.emit(Opcode::ReturnValue);
        }
        let unit = self.units.pop().expect("a unit is open");
        let scope = &self.symbols.scopes[unit.scope];
        let mut code_flags = 0;
        if scope.kind == ScopeKind::Function {
            code_flags |= flags::CO_OPTIMIZED | flags::CO_NEWLOCALS;
            if scope.is_nested {
                code_flags |= flags::CO_NESTED;
            }
            code_flags |= match (scope.is_generator, scope.is_coroutine) {
                (true, false) => flags::CO_GENERATOR,
                (false, true) => flags::CO_COROUTINE,
                (true, true) => flags::CO_ASYNC_GENERATOR,
                (false, false) => 0,
            };
            if scope.has_varargs {
                code_flags |= flags::CO_VARARGS;
            }
            if scope.has_varkeywords {
                code_flags |= flags::CO_VARKEYWORDS;
            }
        }
        if unit.cellvars.len() == 0 && unit.freevars.len() == 0 {
            code_flags |= flags::CO_NOFREE;
        }
        let gen_start = if code_flags & flags::CO_COROUTINE != 0 {
            Some(1)
        } else if code_flags & flags::CO_ASYNC_GENERATOR != 0 {
            Some(2)
        } else {
            (code_flags & flags::CO_GENERATOR != 0).then_some(0)
        };
        let mut consts = unit.consts;
        let assembled =
            assemble::assemble(unit.buf.blocks, &mut consts, unit.firstlineno, gen_start)
                .map_err(|message| self.internal_error(message))?;
        let argcount = unit.argcount;
        let total_args = (argcount + unit.kwonlyargcount) as usize
            + usize::from(scope.has_varargs)
            + usize::from(scope.has_varkeywords);
        let cell2arg = unit
            .cellvars
            .names
            .iter()
            .map(|cell| {
                unit.varnames
                    .get(cell)
                    .filter(|&i| (i as usize) < total_args)
            })
            .collect();
        Ok(Rc::new(CodeObject {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.source.filename.clone(),
            firstlineno: unit.firstlineno,
            argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags: code_flags,
            code: assembled.code,
            consts: consts.into_vec(),
            names: unit.names.names,
            varnames: unit.varnames.names,
            cellvars: unit.cellvars.names,
            freevars: unit.freevars.names,
            cell2arg,
            stacksize: assembled.stacksize,
            lines: assembled.lines,
        }))
    }

    fn compile_module_body(&mut self, body: &'a [Stmt]) -> CompileResult<Rc<CodeObject>> {
        self.enter_scope(UnitKind::Module, "<module>", 0, 1)?;
        if let Some(first) = body.first() {
            self.set_loc(first);
        }
        self.compile_body(body)?;
        self.exit_scope(true)
    }

    /// A module or class body: the docstring goes to `__doc__` (CPython's `compiler_body`).
    fn compile_body(&mut self, body: &'a [Stmt]) -> CompileResult<()> {
        let mut rest = body;
        if let Some((first, tail)) = body.split_first()
            && let Some(doc) = docstring_of(body)
        {
            self.set_loc(first);
            self.load_const(Constant::Str(doc.into()));
            self.name_op("__doc__", ExprContext::Store);
            rest = tail;
        }
        self.compile_stmts(rest)
    }
}

/// The docstring: a first statement that is a plain string literal.
fn docstring_of(body: &[Stmt]) -> Option<String> {
    match body.first()? {
        Stmt::Expr(e) => match e.value.as_ref() {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests;
