//! Statements, following CPython 3.10's `compiler_visit_stmt` and friends, including the
//! frame-block protocol that `return`/`break`/`continue` unwind through.

use ruff_python_ast::{self as ast, ElifElseClause, ExceptHandler, Expr, ExprContext, Stmt};
use ruff_text_size::Ranged;

use crate::code::Constant;
use crate::opcode::Opcode;

use super::error::CompileResult;
use super::fold::constant_of;
use super::{Compiler, FBlock};

/// Keyword names whose values must stay small for the stack (3.10's `STACK_USE_GUIDELINE`).
pub(super) const STACK_USE_GUIDELINE: usize = 30;

impl<'a> Compiler<'a> {
    pub(super) fn compile_stmts(&mut self, stmts: &'a [Stmt]) -> CompileResult<()> {
        stmts.iter().try_for_each(|s| self.compile_stmt(s))
    }

    fn compile_stmt(&mut self, stmt: &'a Stmt) -> CompileResult<()> {
        match self.definition_line(stmt) {
            Some(line) => self.set_line(line),
            None => self.set_loc(stmt),
        }
        match stmt {
            Stmt::FunctionDef(f) => self.compile_function_def(f),
            Stmt::ClassDef(c) => self.compile_class_def(c),
            Stmt::Return(r) => self.compile_return(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.compile_expr(t)),
            Stmt::Assign(a) => {
                self.compile_expr(&a.value)?;
                let n = a.targets.len();
                for (i, target) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::DupTop);
                    }
                    self.compile_expr(target)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.compile_aug_assign(a),
            Stmt::AnnAssign(a) => {
                // Annotations are not evaluated: only the assignment happens.
                if let Some(value) = &a.value {
                    self.compile_expr(value)?;
                    self.compile_expr(&a.target)?;
                }
                Ok(())
            }
            Stmt::For(f) => self.compile_for(f),
            Stmt::While(w) => self.compile_while(w),
            Stmt::If(i) => self.compile_if(&i.test, &i.body, &i.elif_else_clauses),
            Stmt::With(w) => {
                if w.is_async {
                    if !self.scope().is_async_def {
                        return self.syntax_error(w.range, "'async with' outside async function");
                    }
                    return self.compile_async_with(w, 0);
                }
                self.compile_with(w, 0)
            }
            Stmt::Match(m) => self.not_implemented(m.range, "'match' statement"),
            Stmt::Raise(r) => {
                let mut count = 0;
                if let Some(exc) = &r.exc {
                    self.compile_expr(exc)?;
                    count += 1;
                    if let Some(cause) = &r.cause {
                        self.compile_expr(cause)?;
                        count += 1;
                    }
                }
                self.emit_arg(Opcode::RaiseVarargs, count);
                self.next_block();
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return self.not_implemented(t.range, "'except*'");
                }
                if t.finalbody.is_empty() {
                    self.compile_try_except(t)
                } else {
                    self.compile_try_finally(t)
                }
            }
            Stmt::Assert(a) => self.compile_assert(a),
            Stmt::Import(i) => self.compile_import(i),
            Stmt::ImportFrom(i) => self.compile_import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => {
                if constant_of(&e.value).is_some() {
                    // A constant statement does nothing; the NOP keeps its line traceable.
                    self.emit(Opcode::Nop);
                    return Ok(());
                }
                self.compile_expr(&e.value)?;
                self.set_no_line();
                self.emit(Opcode::PopTop);
                Ok(())
            }
            Stmt::Pass(_) => {
                self.emit(Opcode::Nop);
                Ok(())
            }
            Stmt::Break(b) => self.compile_break(b.range),
            Stmt::Continue(c) => self.compile_continue(c.range),
            Stmt::TypeAlias(t) => self.not_implemented(t.range, "'type' statement"),
            Stmt::IpyEscapeCommand(c) => self.not_implemented(c.range, "IPython escape commands"),
        }
    }

    // ----- frame blocks -----

    fn push_fblock(&mut self, fblock: FBlock<'a>) -> CompileResult<()> {
        // CPython's CO_MAXBLOCKS: the VM's block stack has 20 entries.
        if self.unit_ref().fblocks.len() >= 20 {
            let line = self.line().max(1) as u32;
            return Err(self
                .source
                .error_at_line(line, "too many statically nested blocks"));
        }
        self.unit().fblocks.push(fblock);
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// Emits what leaving `fblock` requires; `preserve_tos` keeps a return value on top.
    fn unwind_fblock(&mut self, fblock: FBlock<'a>, preserve_tos: bool) -> CompileResult<()> {
        match fblock {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler => {}
            FBlock::ForLoop { .. } => {
                // Pop the iterator.
                if preserve_tos {
                    self.emit(Opcode::RotTwo);
                }
                self.emit(Opcode::PopTop);
            }
            FBlock::TryExcept => self.emit(Opcode::PopBlock),
            FBlock::FinallyTry { body } => {
                self.emit(Opcode::PopBlock);
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue)?;
                }
                self.compile_stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                // The finally body appears to run after the statement that is unwinding.
                self.set_no_line();
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::RotFour);
                }
                self.emit(Opcode::PopTop);
                self.emit(Opcode::PopTop);
                self.emit(Opcode::PopTop);
                if preserve_tos {
                    self.emit(Opcode::RotFour);
                }
                self.emit(Opcode::PopExcept);
            }
            FBlock::With { line, is_async } => {
                self.set_line(line);
                self.emit(Opcode::PopBlock);
                if preserve_tos {
                    self.emit(Opcode::RotTwo);
                }
                self.call_exit_with_nones();
                if is_async {
                    self.emit_await();
                }
                self.emit(Opcode::PopTop);
                self.set_no_line();
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit(Opcode::PopBlock);
                }
                if preserve_tos {
                    self.emit(Opcode::RotFour);
                }
                self.emit(Opcode::PopExcept);
                if let Some(name) = name {
                    self.load_const(Constant::None);
                    self.name_op(name, ExprContext::Store);
                    self.name_op(name, ExprContext::Del);
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::RotTwo);
                }
                self.emit(Opcode::PopTop);
            }
        }
        Ok(())
    }

    /// Unwinds every frame block (for `return`), or up to the innermost loop, which is
    /// returned (for `break`/`continue`).
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CompileResult<Option<FBlock<'a>>> {
        let Some(&top) = self.unit_ref().fblocks.last() else {
            return Ok(None);
        };
        if stop_at_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.unit().fblocks.pop();
        let result = self
            .unwind_fblock(top, preserve_tos)
            .and_then(|()| self.unwind_fblock_stack(preserve_tos, stop_at_loop));
        self.unit().fblocks.push(top);
        result
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.emit(Opcode::DupTop);
        self.emit(Opcode::DupTop);
        self.emit_arg(Opcode::CallFunction, 3);
    }

    // ----- simple statements -----

    fn compile_return(&mut self, stmt: &'a ast::StmtReturn) -> CompileResult<()> {
        if !self.in_function_scope() {
            return self.syntax_error(stmt.range, "'return' outside function");
        }
        let value = stmt.value.as_deref();
        if value.is_some() && self.scope().is_generator && self.scope().is_coroutine {
            return self.syntax_error(stmt.range, "'return' with value in async generator");
        }
        let constant = value.and_then(constant_of);
        let preserve_tos = value.is_some() && constant.is_none();
        if let Some(value) = value {
            if preserve_tos {
                self.compile_expr(value)?;
            } else {
                // An instruction carrying the value's line.
                self.set_loc(value);
                self.emit(Opcode::Nop);
            }
        }
        if value.is_none_or(|v| self.line_of(v.range()) != self.line_of(stmt.range)) {
            self.set_loc(stmt);
            self.emit(Opcode::Nop);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match (value, constant) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(constant)) => self.load_const(constant),
            (Some(_), None) => {}
        }
        self.emit(Opcode::ReturnValue);
        self.next_block();
        Ok(())
    }

    fn compile_break(&mut self, range: ruff_text_size::TextRange) -> CompileResult<()> {
        self.emit(Opcode::Nop);
        let Some(loop_block) = self.unwind_fblock_stack(false, true)? else {
            return self.syntax_error(range, "'break' outside loop");
        };
        self.unwind_fblock(loop_block, false)?;
        let exit = match loop_block {
            FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. } => exit,
            _ => unreachable!("unwind_fblock_stack stops at loops only"),
        };
        self.emit_jump(Opcode::JumpAbsolute, exit);
        Ok(())
    }

    fn compile_continue(&mut self, range: ruff_text_size::TextRange) -> CompileResult<()> {
        self.emit(Opcode::Nop);
        let Some(loop_block) = self.unwind_fblock_stack(false, true)? else {
            return self.syntax_error(range, "'continue' not properly in loop");
        };
        let start = match loop_block {
            FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } => start,
            _ => unreachable!("unwind_fblock_stack stops at loops only"),
        };
        self.emit_jump(Opcode::JumpAbsolute, start);
        Ok(())
    }

    fn compile_aug_assign(&mut self, stmt: &'a ast::StmtAugAssign) -> CompileResult<()> {
        let target = stmt.target.as_ref();
        let op = self.inplace_opcode(stmt.op, stmt.range)?;
        let old_line = self.line();
        self.set_loc(target);
        match target {
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                self.emit(Opcode::DupTop);
                let line = self.line();
                self.set_line(self.end_line_of(a.range));
                self.emit_name(Opcode::LoadAttr, &a.attr);
                self.set_line(line);
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Opcode::DupTopTwo);
                self.emit(Opcode::BinarySubscr);
            }
            Expr::Name(n) => self.name_op(&n.id, ExprContext::Load),
            _ => {
                return self.syntax_error(
                    target.range(),
                    "'expression' is an illegal expression for augmented assignment",
                );
            }
        }
        self.set_line(old_line);
        self.compile_expr(&stmt.value)?;
        self.emit(op);
        self.set_loc(target);
        match target {
            Expr::Attribute(a) => {
                self.set_line(self.end_line_of(a.range));
                self.emit(Opcode::RotTwo);
                self.emit_name(Opcode::StoreAttr, &a.attr);
            }
            Expr::Subscript(_) => {
                self.emit(Opcode::RotThree);
                self.emit(Opcode::StoreSubscr);
            }
            Expr::Name(n) => self.name_op(&n.id, ExprContext::Store),
            _ => {}
        }
        Ok(())
    }

    fn compile_assert(&mut self, stmt: &'a ast::StmtAssert) -> CompileResult<()> {
        let end = self.new_block();
        self.compile_jump_if(&stmt.test, end, true)?;
        self.emit(Opcode::LoadAssertionError);
        if let Some(msg) = &stmt.msg {
            self.compile_expr(msg)?;
            self.emit_arg(Opcode::CallFunction, 1);
        }
        self.emit_arg(Opcode::RaiseVarargs, 1);
        self.use_next_block(end);
        Ok(())
    }

    fn compile_import(&mut self, stmt: &'a ast::StmtImport) -> CompileResult<()> {
        if stmt.is_lazy {
            return self.not_implemented(stmt.range, "lazy imports");
        }
        for alias in &stmt.names {
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            self.emit_name(Opcode::ImportName, &alias.name);
            match &alias.asname {
                Some(asname) => {
                    let mut parts = alias.name.split('.').skip(1).peekable();
                    if parts.peek().is_none() {
                        self.name_op(asname, ExprContext::Store);
                        continue;
                    }
                    // `import a.b.c as d` binds d to a.b.c, fetched attribute by attribute.
                    while let Some(part) = parts.next() {
                        self.emit_name_unmangled(Opcode::ImportFrom, part);
                        if parts.peek().is_none() {
                            break;
                        }
                        self.emit(Opcode::RotTwo);
                        self.emit(Opcode::PopTop);
                    }
                    self.name_op(asname, ExprContext::Store);
                    self.emit(Opcode::PopTop);
                }
                None => {
                    let top = alias.name.split('.').next().unwrap_or("");
                    self.name_op(top, ExprContext::Store);
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(&mut self, stmt: &'a ast::StmtImportFrom) -> CompileResult<()> {
        if stmt.is_lazy {
            return self.not_implemented(stmt.range, "lazy imports");
        }
        self.load_const(Constant::Int(i64::from(stmt.level)));
        let names: Vec<Constant> = stmt
            .names
            .iter()
            .map(|a| Constant::Str(a.name.as_str().into()))
            .collect();
        self.load_const(Constant::Tuple(names.into()));
        let module = stmt.module.as_ref().map_or("", |m| m.as_str());
        self.emit_name(Opcode::ImportName, module);
        for (i, alias) in stmt.names.iter().enumerate() {
            if i == 0 && alias.name.as_str() == "*" {
                self.emit(Opcode::ImportStar);
                return Ok(());
            }
            self.emit_name(Opcode::ImportFrom, &alias.name);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(store, ExprContext::Store);
        }
        self.emit(Opcode::PopTop);
        Ok(())
    }

    // ----- compound statements -----

    fn compile_if(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        clauses: &'a [ElifElseClause],
    ) -> CompileResult<()> {
        let end = self.new_block();
        let next = if clauses.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.compile_jump_if(test, next, false)?;
        self.compile_stmts(body)?;
        if let Some((clause, rest)) = clauses.split_first() {
            self.emit_jump_noline(Opcode::JumpForward, end);
            self.use_next_block(next);
            match &clause.test {
                // `elif` is an `if` statement inside the `else`.
                Some(elif_test) => {
                    self.set_loc(clause);
                    self.compile_if(elif_test, &clause.body, rest)?;
                }
                None => self.compile_stmts(&clause.body)?,
            }
        }
        self.use_next_block(end);
        Ok(())
    }

    fn compile_while(&mut self, stmt: &'a ast::StmtWhile) -> CompileResult<()> {
        let loop_start = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(loop_start);
        self.push_fblock(FBlock::WhileLoop {
            start: loop_start,
            exit: end,
        })?;
        self.compile_jump_if(&stmt.test, anchor, false)?;
        self.use_next_block(body);
        self.compile_stmts(&stmt.body)?;
        // The test is repeated at the bottom, so each iteration takes one jump.
        self.set_loc(stmt);
        self.compile_jump_if(&stmt.test, body, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.compile_stmts(&stmt.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn compile_for(&mut self, stmt: &'a ast::StmtFor) -> CompileResult<()> {
        if stmt.is_async {
            if !self.scope().is_async_def {
                return self.syntax_error(stmt.range, "'async for' outside async function");
            }
            return self.compile_async_for(stmt);
        }
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlock::ForLoop { start, exit: end })?;
        self.compile_iterable(&stmt.iter)?;
        self.emit(Opcode::GetIter);
        self.use_next_block(start);
        self.emit_jump(Opcode::ForIter, cleanup);
        self.use_next_block(body);
        self.compile_expr(&stmt.target)?;
        self.compile_stmts(&stmt.body)?;
        self.set_no_line();
        self.emit_jump(Opcode::JumpAbsolute, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.compile_stmts(&stmt.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn compile_try_except(&mut self, stmt: &'a ast::StmtTry) -> CompileResult<()> {
        let body = self.new_block();
        let mut except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        self.emit_jump(Opcode::SetupFinally, except);
        self.use_next_block(body);
        self.push_fblock(FBlock::TryExcept)?;
        self.compile_stmts(&stmt.body)?;
        self.pop_fblock();
        self.emit_noline(Opcode::PopBlock);
        self.emit_jump_noline(Opcode::JumpForward, orelse);
        self.use_next_block(except);
        // The VM pushes an exception-handler block on entry.
        self.push_fblock(FBlock::ExceptionHandler)?;
        let count = stmt.handlers.len();
        for (i, handler) in stmt.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(handler) = handler;
            self.set_loc(handler);
            if handler.type_.is_none() && i + 1 < count {
                return self.syntax_error(handler.range, "default 'except:' must be last");
            }
            except = self.new_block();
            if let Some(exception_type) = &handler.type_ {
                self.emit(Opcode::DupTop);
                self.compile_expr(exception_type)?;
                self.emit_jump(Opcode::JumpIfNotExcMatch, except);
            }
            self.emit(Opcode::PopTop);
            if let Some(name) = &handler.name {
                let name = name.as_str();
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.name_op(name, ExprContext::Store);
                self.emit(Opcode::PopTop);
                // try: body finally: name = None; del name
                self.emit_jump(Opcode::SetupFinally, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: Some(name) })?;
                self.compile_stmts(&handler.body)?;
                self.pop_fblock();
                self.set_no_line();
                self.emit(Opcode::PopBlock);
                self.emit(Opcode::PopExcept);
                self.load_const(Constant::None);
                self.name_op(name, ExprContext::Store);
                self.name_op(name, ExprContext::Del);
                self.emit_jump(Opcode::JumpForward, end);
                // The handler body raised: clear the name, re-raise.
                self.use_next_block(cleanup_end);
                self.set_no_line();
                self.load_const(Constant::None);
                self.name_op(name, ExprContext::Store);
                self.name_op(name, ExprContext::Del);
                self.emit_arg(Opcode::Reraise, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::PopTop);
                self.emit(Opcode::PopTop);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: None })?;
                self.compile_stmts(&handler.body)?;
                self.pop_fblock();
                self.set_no_line();
                self.emit(Opcode::PopExcept);
                self.emit_jump(Opcode::JumpForward, end);
            }
            self.use_next_block(except);
        }
        self.pop_fblock();
        // No handler matched.
        self.set_no_line();
        self.emit_arg(Opcode::Reraise, 0);
        self.use_next_block(orelse);
        self.compile_stmts(&stmt.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn compile_try_finally(&mut self, stmt: &'a ast::StmtTry) -> CompileResult<()> {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        self.emit_jump(Opcode::SetupFinally, end);
        self.use_next_block(body);
        self.push_fblock(FBlock::FinallyTry {
            body: &stmt.finalbody,
        })?;
        if stmt.handlers.is_empty() {
            self.compile_stmts(&stmt.body)?;
        } else {
            self.compile_try_except(stmt)?;
        }
        self.emit_noline(Opcode::PopBlock);
        self.pop_fblock();
        // The finally body on the normal path...
        self.compile_stmts(&stmt.finalbody)?;
        self.emit_jump_noline(Opcode::JumpForward, exit);
        // ...and again on the exceptional one.
        self.use_next_block(end);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.compile_stmts(&stmt.finalbody)?;
        self.pop_fblock();
        self.emit_arg(Opcode::Reraise, 0);
        self.use_next_block(exit);
        Ok(())
    }

    fn compile_with(&mut self, stmt: &'a ast::StmtWith, position: usize) -> CompileResult<()> {
        let item = &stmt.items[position];
        let block = self.new_block();
        let final_block = self.new_block();
        let exit = self.new_block();
        self.compile_expr(&item.context_expr)?;
        // Pushes the bound __exit__ and a finally block.
        self.emit_jump(Opcode::SetupWith, final_block);
        self.use_next_block(block);
        let line = self.line_of(stmt.range);
        self.push_fblock(FBlock::With {
            line,
            is_async: false,
        })?;
        match &item.optional_vars {
            Some(vars) => self.compile_expr(vars)?,
            // Discard the result of __enter__().
            None => self.emit(Opcode::PopTop),
        }
        if position + 1 == stmt.items.len() {
            self.compile_stmts(&stmt.body)?;
        } else {
            self.compile_with(stmt, position + 1)?;
        }
        self.set_no_line();
        self.emit(Opcode::PopBlock);
        self.pop_fblock();
        // Success: __exit__(None, None, None).
        self.set_line(line);
        self.call_exit_with_nones();
        self.emit(Opcode::PopTop);
        self.emit_jump(Opcode::JumpForward, exit);
        // Exception: __exit__(type, value, traceback) decides whether it propagates.
        self.use_next_block(final_block);
        self.emit(Opcode::WithExceptStart);
        let suppressed = self.new_block();
        self.emit_jump(Opcode::PopJumpIfTrue, suppressed);
        self.emit_arg(Opcode::Reraise, 1);
        self.use_next_block(suppressed);
        self.emit(Opcode::PopTop);
        self.emit(Opcode::PopTop);
        self.emit(Opcode::PopTop);
        self.emit(Opcode::PopExcept);
        self.emit(Opcode::PopTop);
        self.use_next_block(exit);
        Ok(())
    }

    /// `async for`, as CPython 3.10's `compiler_async_for`: each `__anext__()` is awaited
    /// under a finally block whose handler, `END_ASYNC_FOR`, ends the loop on
    /// `StopAsyncIteration` and re-raises anything else.
    fn compile_async_for(&mut self, stmt: &'a ast::StmtFor) -> CompileResult<()> {
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.compile_expr(&stmt.iter)?;
        self.emit(Opcode::GetAiter);
        self.use_next_block(start);
        self.push_fblock(FBlock::ForLoop { start, exit: end })?;
        self.emit_jump(Opcode::SetupFinally, except);
        self.emit(Opcode::GetAnext);
        self.load_const(Constant::None);
        self.emit(Opcode::YieldFrom);
        self.emit(Opcode::PopBlock);
        self.compile_expr(&stmt.target)?;
        self.compile_stmts(&stmt.body)?;
        self.set_no_line();
        self.emit_jump(Opcode::JumpAbsolute, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.set_no_line();
        self.emit(Opcode::EndAsyncFor);
        self.compile_stmts(&stmt.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `async with`, as CPython 3.10's `compiler_async_with`: `__aenter__()` and
    /// `__aexit__(...)` are each awaited.
    fn compile_async_with(
        &mut self,
        stmt: &'a ast::StmtWith,
        position: usize,
    ) -> CompileResult<()> {
        let item = &stmt.items[position];
        let block = self.new_block();
        let final_block = self.new_block();
        let exit = self.new_block();
        self.compile_expr(&item.context_expr)?;
        self.emit(Opcode::BeforeAsyncWith);
        self.emit_await();
        self.emit_jump(Opcode::SetupAsyncWith, final_block);
        self.use_next_block(block);
        let line = self.line_of(stmt.range);
        self.push_fblock(FBlock::With {
            line,
            is_async: true,
        })?;
        match &item.optional_vars {
            Some(vars) => self.compile_expr(vars)?,
            None => self.emit(Opcode::PopTop),
        }
        if position + 1 == stmt.items.len() {
            self.compile_stmts(&stmt.body)?;
        } else {
            self.compile_async_with(stmt, position + 1)?;
        }
        self.set_no_line();
        self.emit(Opcode::PopBlock);
        self.pop_fblock();
        self.set_line(line);
        self.call_exit_with_nones();
        self.emit_await();
        self.emit(Opcode::PopTop);
        self.emit_jump(Opcode::JumpForward, exit);
        self.use_next_block(final_block);
        self.emit(Opcode::WithExceptStart);
        self.emit_await();
        let suppressed = self.new_block();
        self.emit_jump(Opcode::PopJumpIfTrue, suppressed);
        self.emit_arg(Opcode::Reraise, 1);
        self.use_next_block(suppressed);
        self.emit(Opcode::PopTop);
        self.emit(Opcode::PopTop);
        self.emit(Opcode::PopTop);
        self.emit(Opcode::PopExcept);
        self.emit(Opcode::PopTop);
        self.use_next_block(exit);
        Ok(())
    }
}
