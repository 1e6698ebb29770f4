//! Expressions and assignment targets, following CPython 3.10's `compiler_visit_expr1`,
//! `compiler_jump_if`, `compiler_call_helper`, `starunpack_helper` and `compiler_dict`.

use ruff_python_ast::{
    self as ast, BoolOp, CmpOp, ConversionFlag, Expr, ExprContext, InterpolatedStringElement,
    Operator, UnaryOp,
};
use ruff_text_size::{Ranged, TextRange};

use crate::code::Constant;
use crate::opcode::{FVC_ASCII, FVC_REPR, FVC_STR, FVS_HAVE_SPEC, Opcode};

use super::Compiler;
use super::emit::BlockId;
use super::error::CompileResult;
use super::fold::constant_of;
use super::stmt::STACK_USE_GUIDELINE;

/// Deeper expression trees are refused rather than risking the host stack.
const MAX_EXPR_DEPTH: u32 = 1000;

/// A piece of an f-string after adjacent literal text is merged.
enum FStringPiece<'a> {
    Text(String),
    Value(&'a ast::InterpolatedElement),
}

impl<'a> Compiler<'a> {
    /// Compiles `expr`, its instructions carrying its own line (3.10's `compiler_visit_expr`).
    pub(super) fn compile_expr(&mut self, expr: &'a Expr) -> CompileResult<()> {
        if self.expr_depth >= MAX_EXPR_DEPTH {
            return self.syntax_error(expr.range(), "expression nested too deeply");
        }
        self.expr_depth += 1;
        let old_line = self.line();
        self.set_loc(expr);
        let result = self.compile_expr_inner(expr);
        self.set_line(old_line);
        self.expr_depth -= 1;
        result
    }

    fn compile_expr_inner(&mut self, expr: &'a Expr) -> CompileResult<()> {
        if let Some(constant) = constant_of(expr) {
            self.load_const(constant);
            return Ok(());
        }
        match expr {
            Expr::BoolOp(b) => self.compile_bool_op(b),
            Expr::Named(n) => {
                self.compile_expr(&n.value)?;
                self.emit(Opcode::DupTop);
                self.compile_expr(&n.target)
            }
            Expr::BinOp(b) => {
                let op = self.binary_opcode(b.op, b.range)?;
                self.compile_expr(&b.left)?;
                self.compile_expr(&b.right)?;
                self.emit(op);
                Ok(())
            }
            Expr::UnaryOp(u) => {
                if u.op == UnaryOp::Not
                    && let Expr::Compare(compare) = u.operand.as_ref()
                    && let Some(inverted) = inverted_single_compare(compare)
                {
                    // `not a is b` is `a is not b` (3.10's AST optimizer folds it).
                    self.compile_expr(&compare.left)?;
                    self.compile_expr(&compare.comparators[0])?;
                    self.emit_compare(inverted);
                    return Ok(());
                }
                self.compile_expr(&u.operand)?;
                self.emit(match u.op {
                    UnaryOp::Invert => Opcode::UnaryInvert,
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::UAdd => Opcode::UnaryPositive,
                    UnaryOp::USub => Opcode::UnaryNegative,
                });
                Ok(())
            }
            Expr::Lambda(l) => self.compile_lambda(l),
            Expr::If(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.compile_jump_if(&i.test, next, false)?;
                self.compile_expr(&i.body)?;
                self.emit_jump_noline(Opcode::JumpForward, end);
                self.use_next_block(next);
                self.compile_expr(&i.orelse)?;
                self.use_next_block(end);
                Ok(())
            }
            Expr::Dict(d) => self.compile_dict(d),
            Expr::Set(s) => self.compile_sequence(
                &s.elts,
                0,
                Opcode::BuildSet,
                Opcode::SetAdd,
                Opcode::SetUpdate,
                false,
            ),
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.compile_comprehension(expr)
            }
            Expr::Await(a) => {
                if !self.in_function_scope() {
                    return self.syntax_error(a.range, "'await' outside function");
                }
                if !self.await_allowed() {
                    return self.syntax_error(a.range, "'await' outside async function");
                }
                self.compile_expr(&a.value)?;
                self.emit_await();
                Ok(())
            }
            Expr::Yield(y) => {
                if !self.in_function_scope() {
                    return self.syntax_error(y.range, "'yield' outside function");
                }
                match &y.value {
                    Some(value) => self.compile_expr(value)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Opcode::YieldValue);
                Ok(())
            }
            Expr::YieldFrom(y) => {
                if !self.in_function_scope() {
                    return self.syntax_error(y.range, "'yield' outside function");
                }
                if self.scope().is_async_def {
                    return self.syntax_error(y.range, "'yield from' inside async function");
                }
                self.compile_expr(&y.value)?;
                self.emit(Opcode::GetYieldFromIter);
                self.load_const(Constant::None);
                self.emit(Opcode::YieldFrom);
                Ok(())
            }
            Expr::Compare(c) => self.compile_compare(c),
            Expr::Call(c) => self.compile_call(c),
            Expr::FString(f) => self.compile_fstring(f),
            Expr::TString(t) => self.not_implemented(t.range, "t-strings"),
            Expr::BytesLiteral(b) => {
                let data: Vec<u8> = b.value.bytes().collect();
                self.load_const(Constant::Bytes(data.into()));
                Ok(())
            }
            Expr::NumberLiteral(n) => self.not_implemented(n.range, "complex literals"),
            Expr::StringLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => unreachable!("constants are handled above"),
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let op = match a.ctx {
                    ExprContext::Store => Opcode::StoreAttr,
                    ExprContext::Del => Opcode::DeleteAttr,
                    _ => Opcode::LoadAttr,
                };
                let old_line = self.line();
                if op != Opcode::DeleteAttr {
                    self.set_line(self.end_line_of(a.range));
                }
                self.emit_name(op, &a.attr);
                self.set_line(old_line);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(match s.ctx {
                    ExprContext::Store => Opcode::StoreSubscr,
                    ExprContext::Del => Opcode::DeleteSubscr,
                    _ => Opcode::BinarySubscr,
                });
                Ok(())
            }
            Expr::Starred(s) => match s.ctx {
                ExprContext::Store => self.syntax_error(
                    s.range,
                    "starred assignment target must be in a list or tuple",
                ),
                _ => self.syntax_error(s.range, "can't use starred expression here"),
            },
            Expr::Name(n) => {
                if n.ctx != ExprContext::Load && n.id.as_str() == "__debug__" {
                    return self.syntax_error(n.range, "cannot assign to __debug__");
                }
                self.name_op(&n.id, n.ctx);
                Ok(())
            }
            Expr::List(l) => match l.ctx {
                ExprContext::Store => self.compile_unpack_targets(&l.elts, l.range),
                ExprContext::Del => l.elts.iter().try_for_each(|e| self.compile_expr(e)),
                _ => self.compile_sequence(
                    &l.elts,
                    0,
                    Opcode::BuildList,
                    Opcode::ListAppend,
                    Opcode::ListExtend,
                    false,
                ),
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Store => self.compile_unpack_targets(&t.elts, t.range),
                ExprContext::Del => t.elts.iter().try_for_each(|e| self.compile_expr(e)),
                _ => self.compile_sequence(
                    &t.elts,
                    0,
                    Opcode::BuildList,
                    Opcode::ListAppend,
                    Opcode::ListExtend,
                    true,
                ),
            },
            Expr::Slice(s) => {
                let mut count = 2;
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(part) => self.compile_expr(part)?,
                        None => self.load_const(Constant::None),
                    }
                }
                if let Some(step) = &s.step {
                    count += 1;
                    self.compile_expr(step)?;
                }
                self.emit_arg(Opcode::BuildSlice, count);
                Ok(())
            }
            Expr::IpyEscapeCommand(c) => self.not_implemented(c.range, "IPython escape commands"),
        }
    }

    /// The iterable of a `for` or comprehension: a list display iterates as a tuple
    /// (3.10's `fold_iter`).
    pub(super) fn compile_iterable(&mut self, iter: &'a Expr) -> CompileResult<()> {
        match iter {
            Expr::List(l)
                if l.ctx == ExprContext::Load && !l.elts.iter().any(Expr::is_starred_expr) =>
            {
                let old_line = self.line();
                self.set_loc(iter);
                let result = self.compile_tuple_of(&l.elts);
                self.set_line(old_line);
                result
            }
            _ => self.compile_expr(iter),
        }
    }

    /// A display's elements built as a tuple (a constant when they all are).
    fn compile_tuple_of(&mut self, elts: &'a [Expr]) -> CompileResult<()> {
        let items: Option<Vec<Constant>> = elts.iter().map(constant_of).collect();
        match items {
            Some(items) => {
                self.load_const(Constant::Tuple(items.into()));
                Ok(())
            }
            None => self.compile_sequence(
                elts,
                0,
                Opcode::BuildList,
                Opcode::ListAppend,
                Opcode::ListExtend,
                true,
            ),
        }
    }

    fn binary_opcode(&self, op: Operator, _range: TextRange) -> CompileResult<Opcode> {
        Ok(match op {
            Operator::Add => Opcode::BinaryAdd,
            Operator::Sub => Opcode::BinarySubtract,
            Operator::Mult => Opcode::BinaryMultiply,
            Operator::MatMult => Opcode::BinaryMatrixMultiply,
            Operator::Div => Opcode::BinaryTrueDivide,
            Operator::Mod => Opcode::BinaryModulo,
            Operator::Pow => Opcode::BinaryPower,
            Operator::LShift => Opcode::BinaryLshift,
            Operator::RShift => Opcode::BinaryRshift,
            Operator::BitOr => Opcode::BinaryOr,
            Operator::BitXor => Opcode::BinaryXor,
            Operator::BitAnd => Opcode::BinaryAnd,
            Operator::FloorDiv => Opcode::BinaryFloorDivide,
        })
    }

    pub(super) fn inplace_opcode(&self, op: Operator, _range: TextRange) -> CompileResult<Opcode> {
        Ok(match op {
            Operator::Add => Opcode::InplaceAdd,
            Operator::Sub => Opcode::InplaceSubtract,
            Operator::Mult => Opcode::InplaceMultiply,
            Operator::MatMult => Opcode::InplaceMatrixMultiply,
            Operator::Div => Opcode::InplaceTrueDivide,
            Operator::Mod => Opcode::InplaceModulo,
            Operator::Pow => Opcode::InplacePower,
            Operator::LShift => Opcode::InplaceLshift,
            Operator::RShift => Opcode::InplaceRshift,
            Operator::BitOr => Opcode::InplaceOr,
            Operator::BitXor => Opcode::InplaceXor,
            Operator::BitAnd => Opcode::InplaceAnd,
            Operator::FloorDiv => Opcode::InplaceFloorDivide,
        })
    }

    fn emit_compare(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Lt => (Opcode::CompareOp, 0),
            CmpOp::LtE => (Opcode::CompareOp, 1),
            CmpOp::Eq => (Opcode::CompareOp, 2),
            CmpOp::NotEq => (Opcode::CompareOp, 3),
            CmpOp::Gt => (Opcode::CompareOp, 4),
            CmpOp::GtE => (Opcode::CompareOp, 5),
            CmpOp::Is => (Opcode::IsOp, 0),
            CmpOp::IsNot => (Opcode::IsOp, 1),
            CmpOp::In => (Opcode::ContainsOp, 0),
            CmpOp::NotIn => (Opcode::ContainsOp, 1),
        };
        self.emit_arg(opcode, arg);
    }

    /// A comparator; the last one, right of `in`/`not in`, as a tuple when it is a list
    /// display (3.10's `fold_compare`).
    fn compile_comparator(
        &mut self,
        compare: &'a ast::ExprCompare,
        index: usize,
    ) -> CompileResult<()> {
        let comparator = &compare.comparators[index];
        let is_last = index + 1 == compare.ops.len();
        if is_last && matches!(compare.ops[index], CmpOp::In | CmpOp::NotIn) {
            self.compile_iterable(comparator)
        } else {
            self.compile_expr(comparator)
        }
    }

    fn compile_compare(&mut self, compare: &'a ast::ExprCompare) -> CompileResult<()> {
        self.compile_expr(&compare.left)?;
        let n = compare.ops.len() - 1;
        if n == 0 {
            self.compile_comparator(compare, 0)?;
            self.emit_compare(compare.ops[0]);
            return Ok(());
        }
        // a < b < c: keep b for the next comparison; bail out on the first false.
        let cleanup = self.new_block();
        for i in 0..n {
            self.compile_comparator(compare, i)?;
            self.emit(Opcode::DupTop);
            self.emit(Opcode::RotThree);
            self.emit_compare(compare.ops[i]);
            self.emit_jump(Opcode::JumpIfFalseOrPop, cleanup);
        }
        self.compile_comparator(compare, n)?;
        self.emit_compare(compare.ops[n]);
        let end = self.new_block();
        self.emit_jump_noline(Opcode::JumpForward, end);
        self.use_next_block(cleanup);
        self.emit(Opcode::RotTwo);
        self.emit(Opcode::PopTop);
        self.use_next_block(end);
        Ok(())
    }

    fn compile_bool_op(&mut self, bool_op: &'a ast::ExprBoolOp) -> CompileResult<()> {
        let jump = match bool_op.op {
            BoolOp::And => Opcode::JumpIfFalseOrPop,
            BoolOp::Or => Opcode::JumpIfTrueOrPop,
        };
        let end = self.new_block();
        let (last, rest) = bool_op
            .values
            .split_last()
            .expect("a boolean operation has operands");
        for value in rest {
            self.compile_expr(value)?;
            self.emit_jump(jump, end);
        }
        self.compile_expr(last)?;
        self.use_next_block(end);
        Ok(())
    }

    /// Jumps to `next` when `expr`'s truth equals `cond`, else falls through, without
    /// materializing booleans where the structure allows (3.10's `compiler_jump_if`).
    pub(super) fn compile_jump_if(
        &mut self,
        expr: &'a Expr,
        next: BlockId,
        cond: bool,
    ) -> CompileResult<()> {
        // The jumps keep the caller's line (the `if`/`while` statement's), as in 3.10.
        self.compile_jump_if_inner(expr, next, cond)
    }

    fn compile_jump_if_inner(
        &mut self,
        expr: &'a Expr,
        next: BlockId,
        cond: bool,
    ) -> CompileResult<()> {
        match expr {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not && constant_of(expr).is_none() => {
                if let Expr::Compare(compare) = u.operand.as_ref()
                    && inverted_single_compare(compare).is_some()
                {
                    return self.compile_jump_if_general(expr, next, cond);
                }
                return self.compile_jump_if(&u.operand, next, !cond);
            }
            Expr::BoolOp(b) => {
                let cond2 = b.op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                let (last, rest) = b
                    .values
                    .split_last()
                    .expect("a boolean operation has operands");
                for value in rest {
                    self.compile_jump_if(value, next2, cond2)?;
                }
                self.compile_jump_if(last, next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.compile_jump_if(&i.test, next2, false)?;
                self.compile_jump_if(&i.body, next, cond)?;
                self.emit_jump_noline(Opcode::JumpForward, end);
                self.use_next_block(next2);
                self.compile_jump_if(&i.orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                let cleanup = self.new_block();
                self.compile_expr(&c.left)?;
                let n = c.ops.len() - 1;
                for i in 0..n {
                    self.compile_comparator(c, i)?;
                    self.emit(Opcode::DupTop);
                    self.emit(Opcode::RotThree);
                    self.emit_compare(c.ops[i]);
                    self.emit_jump(Opcode::PopJumpIfFalse, cleanup);
                }
                self.compile_comparator(c, n)?;
                self.emit_compare(c.ops[n]);
                self.emit_jump(
                    if cond {
                        Opcode::PopJumpIfTrue
                    } else {
                        Opcode::PopJumpIfFalse
                    },
                    next,
                );
                let end = self.new_block();
                self.emit_jump_noline(Opcode::JumpForward, end);
                self.use_next_block(cleanup);
                self.emit(Opcode::PopTop);
                if !cond {
                    self.emit_jump_noline(Opcode::JumpForward, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.compile_jump_if_general(expr, next, cond)
    }

    fn compile_jump_if_general(
        &mut self,
        expr: &'a Expr,
        next: BlockId,
        cond: bool,
    ) -> CompileResult<()> {
        self.compile_expr(expr)?;
        self.emit_jump(
            if cond {
                Opcode::PopJumpIfTrue
            } else {
                Opcode::PopJumpIfFalse
            },
            next,
        );
        Ok(())
    }

    // ----- calls -----

    fn compile_call(&mut self, call: &'a ast::ExprCall) -> CompileResult<()> {
        if self.try_compile_method_call(call)? {
            return Ok(());
        }
        self.compile_expr(&call.func)?;
        self.compile_call_helper(0, &call.arguments.args, &call.arguments.keywords)
    }

    /// `obj.meth(args)` without keywords or stars: `LOAD_METHOD`/`CALL_METHOD`.
    fn try_compile_method_call(&mut self, call: &'a ast::ExprCall) -> CompileResult<bool> {
        let Expr::Attribute(method) = call.func.as_ref() else {
            return Ok(false);
        };
        let args = &call.arguments.args;
        if method.ctx != ExprContext::Load
            || !call.arguments.keywords.is_empty()
            || args.len() >= STACK_USE_GUIDELINE
            || args.iter().any(Expr::is_starred_expr)
        {
            return Ok(false);
        }
        self.compile_expr(&method.value)?;
        let old_line = self.line();
        let method_line = self.end_line_of(method.range);
        self.set_line(method_line);
        self.emit_name(Opcode::LoadMethod, &method.attr);
        args.iter().try_for_each(|a| self.compile_expr(a))?;
        self.set_line(method_line);
        self.emit_arg(Opcode::CallMethod, args.len() as u32);
        self.set_line(old_line);
        Ok(true)
    }

    /// The arguments and the call, `pushed` values (class-building arguments) already on the
    /// stack after the callable (3.10's `compiler_call_helper`).
    pub(super) fn compile_call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CompileResult<()> {
        self.check_keywords(keywords)?;
        let simple = args.len() + keywords.len() * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(Expr::is_starred_expr)
            && keywords.iter().all(|k| k.arg.is_some());
        if simple {
            args.iter().try_for_each(|a| self.compile_expr(a))?;
            let count = pushed + args.len() as u32;
            if keywords.is_empty() {
                self.emit_arg(Opcode::CallFunction, count);
            } else {
                keywords
                    .iter()
                    .try_for_each(|k| self.compile_expr(&k.value))?;
                let names: Vec<Constant> = keywords
                    .iter()
                    .map(|k| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into()))
                    .collect();
                self.load_const(Constant::Tuple(names.into()));
                self.emit_arg(Opcode::CallFunctionKw, count + keywords.len() as u32);
            }
            return Ok(());
        }
        // The general form: a tuple of positionals and a dict of keywords.
        if pushed == 0
            && let [Expr::Starred(only)] = args
        {
            self.compile_expr(&only.value)?;
        } else {
            self.compile_sequence(
                args,
                pushed,
                Opcode::BuildList,
                Opcode::ListAppend,
                Opcode::ListExtend,
                true,
            )?;
        }
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut seen = 0;
            for (i, keyword) in keywords.iter().enumerate() {
                if keyword.arg.is_some() {
                    seen += 1;
                    continue;
                }
                // `**mapping`
                if seen > 0 {
                    self.compile_keyword_dict(&keywords[i - seen..i])?;
                    if have_dict {
                        self.emit_arg(Opcode::DictMerge, 1);
                    }
                    have_dict = true;
                    seen = 0;
                }
                if !have_dict {
                    self.emit_arg(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.compile_expr(&keyword.value)?;
                self.emit_arg(Opcode::DictMerge, 1);
            }
            if seen > 0 {
                self.compile_keyword_dict(&keywords[keywords.len() - seen..])?;
                if have_dict {
                    self.emit_arg(Opcode::DictMerge, 1);
                }
            }
        }
        self.emit_arg(Opcode::CallFunctionEx, u32::from(!keywords.is_empty()));
        Ok(())
    }

    fn check_keywords(&self, keywords: &[ast::Keyword]) -> CompileResult<()> {
        for (i, keyword) in keywords.iter().enumerate() {
            let Some(name) = &keyword.arg else { continue };
            if keywords[i + 1..]
                .iter()
                .any(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name.as_str()))
            {
                let repeated = keywords[i + 1..]
                    .iter()
                    .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name.as_str()))
                    .map_or(keyword.range, |k| k.range);
                return self.syntax_error(repeated, format!("keyword argument repeated: {name}"));
            }
        }
        Ok(())
    }

    /// Named keyword arguments as a dict (3.10's `compiler_subkwargs`).
    fn compile_keyword_dict(&mut self, keywords: &'a [ast::Keyword]) -> CompileResult<()> {
        let n = keywords.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        let name_of =
            |k: &ast::Keyword| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into());
        if n > 1 && !big {
            keywords
                .iter()
                .try_for_each(|k| self.compile_expr(&k.value))?;
            let names: Vec<Constant> = keywords.iter().map(name_of).collect();
            self.load_const(Constant::Tuple(names.into()));
            self.emit_arg(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.unit().buf.emit_noline(Opcode::BuildMap, 0);
        }
        for keyword in keywords {
            self.load_const(name_of(keyword));
            self.compile_expr(&keyword.value)?;
            if big {
                self.unit().buf.emit_noline(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit_arg(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    // ----- displays -----

    /// A list, set or tuple display, or call positionals: element by element, or through an
    /// accumulating list when there are stars or many elements (3.10's `starunpack_helper`).
    pub(super) fn compile_sequence(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        as_tuple: bool,
    ) -> CompileResult<()> {
        let n = elts.len();
        if n > 2 {
            let items: Option<Vec<Constant>> = elts.iter().map(constant_of).collect();
            if let Some(items) = items {
                // CPython loads a frozenset constant into a set display; its table layout
                // decides the set's iteration order.
                let folded = if build == Opcode::BuildSet {
                    Constant::FrozenSet(items.into())
                } else {
                    Constant::Tuple(items.into())
                };
                if as_tuple && pushed == 0 {
                    self.load_const(folded);
                } else {
                    self.emit_arg(build, pushed);
                    self.load_const(folded);
                    self.emit_arg(extend, 1);
                    if as_tuple {
                        self.emit(Opcode::ListToTuple);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let has_star = elts.iter().any(Expr::is_starred_expr);
        if !has_star && !big {
            elts.iter().try_for_each(|e| self.compile_expr(e))?;
            let op = if as_tuple { Opcode::BuildTuple } else { build };
            self.emit_arg(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit_arg(build, pushed);
            built = true;
        }
        for (i, elt) in elts.iter().enumerate() {
            if let Expr::Starred(starred) = elt {
                if !built {
                    self.emit_arg(build, i as u32 + pushed);
                    built = true;
                }
                self.compile_expr(&starred.value)?;
                self.emit_arg(extend, 1);
            } else {
                self.compile_expr(elt)?;
                if built {
                    self.emit_arg(add, 1);
                }
            }
        }
        if as_tuple {
            self.emit(Opcode::ListToTuple);
        }
        Ok(())
    }

    fn compile_dict(&mut self, dict: &'a ast::ExprDict) -> CompileResult<()> {
        let items = &dict.items;
        let n = items.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if items[i].key.is_none() {
                // `**mapping`
                if elements > 0 {
                    self.compile_subdict(&items[i - elements..i])?;
                    if have_dict {
                        self.emit_arg(Opcode::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit_arg(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.compile_expr(&items[i].value)?;
                self.emit_arg(Opcode::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(&items[i - elements..=i])?;
                if have_dict {
                    self.emit_arg(Opcode::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(&items[n - elements..])?;
            if have_dict {
                self.emit_arg(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit_arg(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    fn compile_subdict(&mut self, items: &'a [ast::DictItem]) -> CompileResult<()> {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let keys: Option<Vec<Constant>> = items
                .iter()
                .map(|i| i.key.as_ref().and_then(constant_of))
                .collect();
            if let Some(keys) = keys {
                items.iter().try_for_each(|i| self.compile_expr(&i.value))?;
                self.load_const(Constant::Tuple(keys.into()));
                self.emit_arg(Opcode::BuildConstKeyMap, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit_arg(Opcode::BuildMap, 0);
        }
        for item in items {
            if let Some(key) = &item.key {
                self.compile_expr(key)?;
            }
            self.compile_expr(&item.value)?;
            if big {
                self.emit_arg(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit_arg(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    // ----- f-strings -----

    fn compile_fstring(&mut self, fstring: &'a ast::ExprFString) -> CompileResult<()> {
        let mut pieces = Vec::new();
        for part in fstring.value.iter() {
            match part {
                ast::FStringPart::Literal(literal) => push_text(&mut pieces, &literal.value),
                ast::FStringPart::FString(f) => collect_pieces(&mut pieces, &f.elements),
            }
        }
        self.compile_fstring_pieces(&pieces)
    }

    fn compile_fstring_pieces(&mut self, pieces: &[FStringPiece<'a>]) -> CompileResult<()> {
        for piece in pieces {
            match piece {
                FStringPiece::Text(text) => self.load_const(Constant::Str(text.as_str().into())),
                FStringPiece::Value(element) => self.compile_formatted_value(element)?,
            }
        }
        if pieces.len() != 1 {
            self.emit_arg(Opcode::BuildString, pieces.len() as u32);
        }
        Ok(())
    }

    fn compile_formatted_value(
        &mut self,
        element: &'a ast::InterpolatedElement,
    ) -> CompileResult<()> {
        self.compile_expr(&element.expression)?;
        let mut conversion = match element.conversion {
            ConversionFlag::None => 0,
            ConversionFlag::Str => FVC_STR,
            ConversionFlag::Repr => FVC_REPR,
            ConversionFlag::Ascii => FVC_ASCII,
        };
        // `f"{x=}"` shows the repr unless a conversion or a spec says otherwise.
        if element.debug_text.is_some() && conversion == 0 && element.format_spec.is_none() {
            conversion = FVC_REPR;
        }
        if let Some(spec) = &element.format_spec {
            let mut pieces = Vec::new();
            collect_pieces(&mut pieces, &spec.elements);
            self.compile_fstring_pieces(&pieces)?;
            conversion |= FVS_HAVE_SPEC;
        }
        self.emit_arg(Opcode::FormatValue, conversion);
        Ok(())
    }

    // ----- assignment targets -----

    /// `a, *b, c = value`: unpack, then store each target.
    fn compile_unpack_targets(&mut self, elts: &'a [Expr], range: TextRange) -> CompileResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if !elt.is_starred_expr() {
                continue;
            }
            if seen_star {
                return self
                    .syntax_error(elt.range(), "multiple starred expressions in assignment");
            }
            if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                return self
                    .syntax_error(range, "too many expressions in star-unpacking assignment");
            }
            self.emit_arg(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
            seen_star = true;
        }
        if !seen_star {
            self.emit_arg(Opcode::UnpackSequence, n as u32);
        }
        for elt in elts {
            match elt {
                Expr::Starred(starred) => self.compile_expr(&starred.value)?,
                _ => self.compile_expr(elt)?,
            }
        }
        Ok(())
    }
}

/// `is`/`is not`/`in`/`not in` flipped, for `not (a op b)` with a single such comparison.
fn inverted_single_compare(compare: &ast::ExprCompare) -> Option<CmpOp> {
    if compare.ops.len() != 1 {
        return None;
    }
    match compare.ops[0] {
        CmpOp::Is => Some(CmpOp::IsNot),
        CmpOp::IsNot => Some(CmpOp::Is),
        CmpOp::In => Some(CmpOp::NotIn),
        CmpOp::NotIn => Some(CmpOp::In),
        _ => None,
    }
}

/// Appends literal text, merging with literal text before it; empty text adds nothing.
fn push_text(pieces: &mut Vec<FStringPiece<'_>>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPiece::Text(previous)) = pieces.last_mut() {
        previous.push_str(text);
    } else {
        pieces.push(FStringPiece::Text(text.to_string()));
    }
}

fn collect_pieces<'a>(
    pieces: &mut Vec<FStringPiece<'a>>,
    elements: &'a [InterpolatedStringElement],
) {
    for element in elements {
        match element {
            InterpolatedStringElement::Literal(literal) => push_text(pieces, &literal.value),
            InterpolatedStringElement::Interpolation(interpolation) => {
                if let Some(debug) = &interpolation.debug_text {
                    // `f"{x = }"` prints its own source text first.
                    push_text(
                        pieces,
                        &format!(
                            "{}{}{}",
                            debug.leading(),
                            debug.expression(),
                            debug.trailing()
                        ),
                    );
                }
                pieces.push(FStringPiece::Value(interpolation));
            }
        }
    }
}
