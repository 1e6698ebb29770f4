//! List, set and dict comprehensions and generator expressions: each is a nested function
//! (`<listcomp>`, `<setcomp>`, `<dictcomp>`, `<genexpr>`) taking the outermost iterator as its
//! parameter `.0`, called at once (CPython 3.10's `compiler_comprehension`).

use ruff_python_ast::{Comprehension, Expr};

use crate::code::Constant;
use crate::opcode::Opcode;

use super::emit::BlockId;
use super::error::CompileResult;
use super::fold::constant_of;
use super::symtable::node_key;
use super::{Compiler, UnitKind};

#[derive(Clone, Copy, PartialEq, Eq)]
enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

impl<'a> Compiler<'a> {
    pub(super) fn compile_comprehension(&mut self, expr: &'a Expr) -> CompileResult<()> {
        let (kind, name, key, generators, elt, value): (
            _,
            _,
            _,
            &'a [Comprehension],
            &'a Expr,
            Option<&'a Expr>,
        ) = match expr {
            Expr::ListComp(c) => (
                ComprehensionKind::List,
                "<listcomp>",
                node_key(c),
                &c.generators,
                &*c.elt,
                None,
            ),
            Expr::SetComp(c) => (
                ComprehensionKind::Set,
                "<setcomp>",
                node_key(c),
                &c.generators,
                &*c.elt,
                None,
            ),
            Expr::DictComp(c) => match &c.key {
                Some(k) => (
                    ComprehensionKind::Dict,
                    "<dictcomp>",
                    node_key(c),
                    &c.generators,
                    k,
                    Some(&*c.value),
                ),
                None => {
                    return self.syntax_error(
                        c.range,
                        "dict unpacking cannot be used in dict comprehension",
                    );
                }
            },
            Expr::Generator(g) => (
                ComprehensionKind::Generator,
                "<genexpr>",
                node_key(g),
                &g.generators,
                &*g.elt,
                None,
            ),
            _ => unreachable!("only comprehensions are passed here"),
        };
        let Some(outermost) = generators.first() else {
            return self.syntax_error(expr_range(expr), "comprehension without a 'for' clause");
        };
        let is_async = self
            .symbols
            .scope_for_node(key)
            .is_some_and(|id| self.symbols.scopes[id].is_coroutine);
        // Awaiting a list, set or dict comprehension needs an awaiting scope around it; an
        // async generator expression is just made, and awaited by whoever iterates it.
        let awaiting_scope =
            self.scope().is_async_def || self.unit_ref().kind == UnitKind::Comprehension;
        if is_async && kind != ComprehensionKind::Generator && !awaiting_scope {
            return self.syntax_error(
                expr_range(expr),
                "asynchronous comprehension outside of an asynchronous function",
            );
        }
        let line = self.line_of(expr_range(expr)) as u32;
        self.enter_scope(UnitKind::Comprehension, name, key, line)?;
        // The one parameter, `.0`: the outermost iterator.
        self.unit().argcount = 1;
        let build = match kind {
            ComprehensionKind::List => Some(Opcode::BuildList),
            ComprehensionKind::Set => Some(Opcode::BuildSet),
            ComprehensionKind::Dict => Some(Opcode::BuildMap),
            ComprehensionKind::Generator => None,
        };
        if let Some(build) = build {
            self.emit_arg(build, 0);
        }
        self.compile_comprehension_generator(generators, 0, 0, elt, value, kind)?;
        if kind != ComprehensionKind::Generator {
            self.emit(Opcode::ReturnValue);
        }
        let qualname = self.unit_ref().qualname.clone();
        let code = self.exit_scope(true)?;
        self.make_closure(code, 0, qualname);
        self.compile_iterable(&outermost.iter)?;
        self.emit(if outermost.is_async {
            Opcode::GetAiter
        } else {
            Opcode::GetIter
        });
        self.emit_arg(Opcode::CallFunction, 1);
        if is_async && kind != ComprehensionKind::Generator {
            self.emit_await();
        }
        Ok(())
    }

    /// One `for ... in ... if ...` clause, the clauses after it nested inside.
    #[allow(clippy::too_many_arguments)]
    fn compile_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: ComprehensionKind,
    ) -> CompileResult<()> {
        let mut start: Option<BlockId> = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let generator = &generators[index];
        if generator.is_async {
            return self
                .compile_async_comprehension_generator(generators, index, depth, elt, value, kind);
        }
        if index == 0 {
            // The outermost iterator arrives as the argument `.0`.
            self.emit_arg(Opcode::LoadFast, 0);
        } else {
            // `for y in [f(x)]` binds y without a loop.
            let single = match &generator.iter {
                Expr::List(l) => Some(&l.elts),
                Expr::Tuple(t) => Some(&t.elts),
                _ => None,
            }
            .and_then(|elts| match elts.as_slice() {
                [only] if !only.is_starred_expr() && constant_of(&generator.iter).is_none() => {
                    Some(only)
                }
                _ => None,
            });
            match single {
                Some(only) => {
                    self.compile_expr(only)?;
                    start = None;
                }
                None => {
                    self.compile_iterable(&generator.iter)?;
                    self.emit(Opcode::GetIter);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_next_block(start);
            self.emit_jump(Opcode::ForIter, anchor);
        }
        self.compile_expr(&generator.target)?;
        for condition in &generator.ifs {
            self.compile_jump_if(condition, if_cleanup, false)?;
        }
        self.compile_comprehension_rest(generators, index, depth, elt, value, kind)?;
        self.use_next_block(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(Opcode::JumpAbsolute, start);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    /// `async for` in a comprehension, as CPython 3.10's
    /// `compiler_async_comprehension_generator`.
    #[allow(clippy::too_many_arguments)]
    fn compile_async_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: ComprehensionKind,
    ) -> CompileResult<()> {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let generator = &generators[index];
        if index == 0 {
            self.emit_arg(Opcode::LoadFast, 0);
        } else {
            self.compile_expr(&generator.iter)?;
            self.emit(Opcode::GetAiter);
        }
        self.use_next_block(start);
        self.emit_jump(Opcode::SetupFinally, except);
        self.emit(Opcode::GetAnext);
        self.load_const(Constant::None);
        self.emit(Opcode::YieldFrom);
        self.emit(Opcode::PopBlock);
        self.compile_expr(&generator.target)?;
        for condition in &generator.ifs {
            self.compile_jump_if(condition, if_cleanup, false)?;
        }
        self.compile_comprehension_rest(generators, index, depth + 1, elt, value, kind)?;
        self.use_next_block(if_cleanup);
        self.emit_jump(Opcode::JumpAbsolute, start);
        self.use_next_block(except);
        self.set_no_line();
        self.emit(Opcode::EndAsyncFor);
        Ok(())
    }

    /// After clause `index`'s target and conditions: the next clause, or the element.
    #[allow(clippy::too_many_arguments)]
    fn compile_comprehension_rest(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: ComprehensionKind,
    ) -> CompileResult<()> {
        if index + 1 < generators.len() {
            self.compile_comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            match kind {
                ComprehensionKind::Generator => {
                    self.compile_expr(elt)?;
                    self.emit(Opcode::YieldValue);
                    self.emit(Opcode::PopTop);
                }
                ComprehensionKind::List => {
                    self.compile_expr(elt)?;
                    self.emit_arg(Opcode::ListAppend, depth + 1);
                }
                ComprehensionKind::Set => {
                    self.compile_expr(elt)?;
                    self.emit_arg(Opcode::SetAdd, depth + 1);
                }
                ComprehensionKind::Dict => {
                    self.compile_expr(elt)?;
                    if let Some(value) = value {
                        self.compile_expr(value)?;
                    }
                    self.emit_arg(Opcode::MapAdd, depth + 1);
                }
            }
        }
        Ok(())
    }
}

fn expr_range(expr: &Expr) -> ruff_text_size::TextRange {
    ruff_text_size::Ranged::range(expr)
}
