//! From blocks to wordcode: the control-flow clean-ups CPython 3.10's `assemble()` performs
//! (constant conditions, jump threading, copying small exit blocks, dead code, redundant
//! jumps and `NOP`s, line-number propagation), then jump resolution with `EXTENDED_ARG`.

use crate::code::Constant;
use crate::opcode::{Opcode, Operand};

use super::consts::ConstPool;
use super::emit::{Block, BlockId, Instr, NO_LINE};
use super::stackdepth::max_stack_depth;

/// The largest exit block copied to the end of a jump that goes to it (3.10's `MAX_COPY_SIZE`).
const MAX_COPY_SIZE: usize = 4;

pub(crate) struct Assembled {
    pub code: Vec<u8>,
    pub lines: Vec<u32>,
    pub stacksize: u32,
}

/// Assembles the blocks reachable from block 0. `consts` may lose unused trailing entries.
pub(crate) fn assemble(
    mut blocks: Vec<Block>,
    consts: &mut ConstPool,
    firstlineno: u32,
    gen_start: Option<u32>,
) -> Result<Assembled, String> {
    let is_generator = gen_start.is_some();
    if let Some(kind) = gen_start {
        // Checks that the first value sent into the generator is None; the argument is the
        // kind (0 generator, 1 coroutine, 2 async generator), as CPython 3.10's.
        blocks[0].instrs.insert(
            0,
            Instr {
                op: Opcode::GenStart,
                arg: kind,
                target: None,
                line: NO_LINE,
            },
        );
    }
    let mut cfg = Cfg { blocks };
    cfg.optimize(consts);
    cfg.duplicate_exits_without_lineno();
    trim_unused_consts(&cfg, consts);
    cfg.propagate_line_numbers();
    cfg.guarantee_lineno_for_exits(firstlineno);
    let order = cfg.layout();
    cfg.make_backward_forward_jumps_absolute(&order);
    let stacksize = max_stack_depth(&cfg.blocks, &order, is_generator)?;
    let (code, lines) = cfg.encode(&order, firstlineno);
    Ok(Assembled {
        code,
        lines,
        stacksize,
    })
}

fn is_unconditional_jump(op: Opcode) -> bool {
    matches!(op, Opcode::JumpAbsolute | Opcode::JumpForward)
}

fn is_scope_exit(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise
    )
}

/// SETUP_* "jumps" name handlers, not places control flows to directly.
fn is_handler_setup(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::SetupFinally | Opcode::SetupWith | Opcode::SetupAsyncWith
    )
}

fn constant_is_true(constant: &Constant) -> bool {
    match constant {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(i) => **i != num_bigint::BigInt::from(0),
        Constant::Float(x) => *x != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(items) | Constant::FrozenSet(items) => !items.is_empty(),
        Constant::Code(_) | Constant::Ellipsis => true,
    }
}

struct Cfg {
    blocks: Vec<Block>,
}

impl Cfg {
    /// Block ids in layout order, starting at the entry block.
    fn layout(&self) -> Vec<BlockId> {
        let mut order = Vec::new();
        let mut seen = vec![false; self.blocks.len()];
        let mut next = Some(0);
        while let Some(b) = next {
            if seen[b] {
                break;
            }
            seen[b] = true;
            order.push(b);
            next = self.blocks[b].next;
        }
        order
    }

    /// The first non-empty block at or after `b`: where a jump to `b` really lands.
    fn resolve(&self, mut b: BlockId) -> BlockId {
        let mut steps = 0;
        while self.blocks[b].instrs.is_empty() && steps <= self.blocks.len() {
            match self.blocks[b].next {
                Some(next) => b = next,
                None => break,
            }
            steps += 1;
        }
        b
    }

    fn first_instr(&self, b: BlockId) -> Option<Instr> {
        self.blocks[self.resolve(b)].instrs.first().copied()
    }

    fn falls_through(&self, b: BlockId) -> bool {
        self.blocks[b]
            .last()
            .is_none_or(|i| !i.op.is_unconditional_exit())
    }

    fn is_exit_block(&self, b: BlockId) -> bool {
        self.blocks[b].last().is_some_and(|i| is_scope_exit(i.op))
    }

    fn optimize(&mut self, consts: &mut ConstPool) {
        let order = self.layout();
        for &b in &order {
            fold_constant_tuples(&mut self.blocks[b].instrs, consts);
            self.fold_constant_conditions(b, consts);
            self.thread_jumps(b);
            clean_nops(&mut self.blocks[b].instrs, NO_LINE, None);
            self.truncate_after_exit(b);
        }
        for &b in &order {
            self.extend_block(b);
        }
        let predecessors = self.mark_reachable();
        for &b in &order {
            if predecessors[b] == 0 {
                self.blocks[b].instrs.clear();
            }
        }
        let mut pred: Option<BlockId> = None;
        for &b in &order {
            let prev_line = pred
                .and_then(|p| self.blocks[p].last())
                .map_or(NO_LINE, |i| i.line);
            let next_line = self.next_line_after(b);
            clean_nops(&mut self.blocks[b].instrs, prev_line, next_line);
            pred = if self.falls_through(b) { Some(b) } else { None };
        }
        self.remove_redundant_jumps(&order);
    }

    /// The line of the first instruction laid out after block `b`.
    fn next_line_after(&self, b: BlockId) -> Option<i32> {
        let next = self.blocks[b].next?;
        self.first_instr(next).map(|i| i.line)
    }

    /// `LOAD_CONST c; POP_JUMP_IF_FALSE` and friends: the branch is known (`while True:`).
    fn fold_constant_conditions(&mut self, b: BlockId, consts: &ConstPool) {
        let instrs = &mut self.blocks[b].instrs;
        let n = instrs.len();
        if n < 2 || instrs[n - 2].op != Opcode::LoadConst {
            return;
        }
        let Some(constant) = consts.get(instrs[n - 2].arg as usize) else {
            return;
        };
        let is_true = constant_is_true(constant);
        let jump = instrs[n - 1];
        let nop = |i: Instr| Instr {
            op: Opcode::Nop,
            arg: 0,
            target: None,
            ..i
        };
        match jump.op {
            Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => {
                instrs[n - 2] = nop(instrs[n - 2]);
                if is_true == (jump.op == Opcode::PopJumpIfTrue) {
                    instrs[n - 1].op = Opcode::JumpAbsolute;
                } else {
                    instrs[n - 1] = nop(jump);
                }
            }
            Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                if is_true == (jump.op == Opcode::JumpIfTrueOrPop) {
                    instrs[n - 1].op = Opcode::JumpAbsolute;
                } else {
                    instrs[n - 2] = nop(instrs[n - 2]);
                    instrs[n - 1] = nop(jump);
                }
            }
            _ => {}
        }
    }

    /// A jump to a jump goes straight to the final target.
    fn thread_jumps(&mut self, b: BlockId) {
        for _ in 0..self.blocks.len().min(32) {
            let Some(&inst) = self.blocks[b].last() else {
                return;
            };
            let Some(target) = inst.target else { return };
            let Some(first) = self.first_instr(target) else {
                return;
            };
            let Some(final_target) = first.target else {
                return;
            };
            if self.resolve(final_target) == self.resolve(target) {
                return; // a loop without exit
            }
            let instrs = &mut self.blocks[b].instrs;
            let last = instrs.len() - 1;
            match (inst.op, first.op) {
                (
                    Opcode::JumpAbsolute | Opcode::JumpForward,
                    Opcode::JumpAbsolute | Opcode::JumpForward,
                ) => {
                    let op = if first.op == Opcode::JumpForward {
                        inst.op
                    } else {
                        Opcode::JumpAbsolute
                    };
                    instrs[last] = Instr {
                        op: Opcode::Nop,
                        arg: 0,
                        target: None,
                        ..inst
                    };
                    instrs.push(Instr {
                        op,
                        arg: 0,
                        target: Some(final_target),
                        line: first.line,
                    });
                }
                (
                    Opcode::PopJumpIfFalse
                    | Opcode::PopJumpIfTrue
                    | Opcode::JumpIfFalseOrPop
                    | Opcode::JumpIfTrueOrPop,
                    Opcode::JumpAbsolute | Opcode::JumpForward,
                ) if inst.line == first.line => instrs[last].target = Some(final_target),
                (Opcode::JumpIfFalseOrPop, Opcode::JumpIfFalseOrPop)
                | (Opcode::JumpIfTrueOrPop, Opcode::JumpIfTrueOrPop)
                    if inst.line == first.line =>
                {
                    instrs[last].target = Some(final_target)
                }
                (Opcode::JumpIfFalseOrPop, Opcode::PopJumpIfFalse)
                | (Opcode::JumpIfTrueOrPop, Opcode::PopJumpIfTrue)
                    if inst.line == first.line =>
                {
                    instrs[last] = first
                }
                _ => return,
            }
        }
    }

    fn truncate_after_exit(&mut self, b: BlockId) {
        let instrs = &mut self.blocks[b].instrs;
        if let Some(pos) = instrs.iter().position(|i| i.op.is_unconditional_exit()) {
            instrs.truncate(pos + 1);
        }
    }

    /// A jump to a small block that leaves the function becomes a copy of that block.
    fn extend_block(&mut self, b: BlockId) {
        let Some(&last) = self.blocks[b].last() else {
            return;
        };
        if !is_unconditional_jump(last.op) {
            return;
        }
        let Some(target) = last.target.map(|t| self.resolve(t)) else {
            return;
        };
        if target == b
            || !self.is_exit_block(target)
            || self.blocks[target].instrs.len() > MAX_COPY_SIZE
        {
            return;
        }
        let copy = self.blocks[target].instrs.clone();
        let instrs = &mut self.blocks[b].instrs;
        let n = instrs.len();
        instrs[n - 1] = Instr {
            op: Opcode::Nop,
            arg: 0,
            target: None,
            ..last
        };
        instrs.extend(copy);
    }

    /// Counts each block's predecessors (the entry has one); unreachable blocks have none.
    fn mark_reachable(&self) -> Vec<u32> {
        let mut predecessors = vec![0u32; self.blocks.len()];
        predecessors[0] = 1;
        let mut stack = vec![0];
        while let Some(b) = stack.pop() {
            let mut visit = |t: BlockId, stack: &mut Vec<BlockId>| {
                if predecessors[t] == 0 {
                    stack.push(t);
                }
                predecessors[t] += 1;
            };
            if self.falls_through(b)
                && let Some(next) = self.blocks[b].next
            {
                visit(next, &mut stack);
            }
            for instr in &self.blocks[b].instrs {
                if let Some(target) = instr.target {
                    visit(target, &mut stack);
                }
            }
        }
        predecessors
    }

    /// A jump to the very next instruction does nothing.
    fn remove_redundant_jumps(&mut self, order: &[BlockId]) {
        for &b in order {
            let Some(&last) = self.blocks[b].last() else {
                continue;
            };
            let Some(target) = last.target else { continue };
            let Some(next) = self.blocks[b].next else {
                continue;
            };
            if !matches!(
                last.op,
                Opcode::PopJumpIfFalse
                    | Opcode::PopJumpIfTrue
                    | Opcode::JumpAbsolute
                    | Opcode::JumpForward
            ) || self.resolve(target) != self.resolve(next)
            {
                continue;
            }
            let instrs = &mut self.blocks[b].instrs;
            let n = instrs.len();
            if is_unconditional_jump(last.op) {
                instrs[n - 1] = Instr {
                    op: Opcode::Nop,
                    arg: 0,
                    target: None,
                    ..last
                };
                clean_nops(instrs, NO_LINE, None);
            } else {
                instrs[n - 1] = Instr {
                    op: Opcode::PopTop,
                    arg: 0,
                    target: None,
                    ..last
                };
            }
        }
    }

    /// An exit block without a line reached from several places is copied for each jump, so
    /// every copy can carry the line of the code that got there (3.10, for PEP 626).
    fn duplicate_exits_without_lineno(&mut self) {
        let mut predecessors = self.mark_reachable();
        for b in self.layout() {
            let Some(&last) = self.blocks[b].last() else {
                continue;
            };
            let Some(target) = last.target else { continue };
            if is_handler_setup(last.op) {
                continue;
            }
            let target = self.resolve(target);
            let no_line = self.blocks[target]
                .instrs
                .first()
                .is_some_and(|i| i.line < 0);
            if !(no_line && self.is_exit_block(target) && predecessors[target] > 1) {
                continue;
            }
            let mut copy = self.blocks[target].clone();
            copy.instrs[0].line = last.line;
            copy.next = self.blocks[target].next;
            self.blocks.push(copy);
            let new_block = self.blocks.len() - 1;
            predecessors.push(1);
            predecessors[target] -= 1;
            self.blocks[target].next = Some(new_block);
            let n = self.blocks[b].instrs.len();
            self.blocks[b].instrs[n - 1].target = Some(new_block);
        }
        // What is left is reached only by falling through: it takes the line before it.
        for b in self.layout() {
            if !self.falls_through(b) {
                continue;
            }
            let (Some(last), Some(next)) = (self.blocks[b].last().copied(), self.blocks[b].next)
            else {
                continue;
            };
            let next = self.resolve(next);
            if self.is_exit_block(next) && self.blocks[next].instrs[0].line < 0 {
                self.blocks[next].instrs[0].line = last.line;
            }
        }
    }

    /// Instructions without a line take the previous one's, within a block and into a block
    /// with a single predecessor (3.10's `propagate_line_numbers`).
    fn propagate_line_numbers(&mut self) {
        let predecessors = self.mark_reachable();
        for b in self.layout() {
            let mut prev_line = NO_LINE;
            for instr in self.blocks[b].instrs.iter_mut() {
                if instr.line < 0 {
                    instr.line = prev_line;
                } else {
                    prev_line = instr.line;
                }
            }
            let Some(&last) = self.blocks[b].last() else {
                continue;
            };
            if self.falls_through(b)
                && let Some(next) = self.blocks[b].next
            {
                let next = self.resolve(next);
                if predecessors[next] == 1
                    && let Some(first) = self.blocks[next].instrs.first_mut()
                    && first.line < 0
                {
                    first.line = prev_line;
                }
            }
            if let Some(target) = last.target
                && !is_handler_setup(last.op)
            {
                let target = self.resolve(target);
                if predecessors[target] == 1
                    && let Some(first) = self.blocks[target].instrs.first_mut()
                    && first.line < 0
                {
                    first.line = prev_line;
                }
            }
        }
    }

    /// Every return gets some line, even where propagation could not find one.
    fn guarantee_lineno_for_exits(&mut self, firstlineno: u32) {
        let mut line = firstlineno as i32;
        for b in self.layout() {
            let instrs = &mut self.blocks[b].instrs;
            let Some(last) = instrs.last() else { continue };
            if last.line >= 0 {
                line = last.line;
            } else if last.op == Opcode::ReturnValue {
                for instr in instrs.iter_mut() {
                    instr.line = line;
                }
            }
        }
    }

    /// `JUMP_FORWARD` can only go forward; should threading or block copies ever have
    /// pointed one backward, it becomes `JUMP_ABSOLUTE` rather than a wrong offset.
    fn make_backward_forward_jumps_absolute(&mut self, order: &[BlockId]) {
        let mut position = vec![usize::MAX; self.blocks.len()];
        for (i, &b) in order.iter().enumerate() {
            position[b] = i;
        }
        for &b in order {
            let Some(last) = self.blocks[b].instrs.last().copied() else {
                continue;
            };
            let Some(target) = last.target else { continue };
            if last.op == Opcode::JumpForward && position[self.resolve(target)] <= position[b] {
                let n = self.blocks[b].instrs.len();
                self.blocks[b].instrs[n - 1].op = Opcode::JumpAbsolute;
            }
        }
    }

    /// Lays the blocks out, sizing every instruction's `EXTENDED_ARG` prefixes; repeats until
    /// the sizes settle, since a longer jump can push another jump's target further away.
    fn encode(&self, order: &[BlockId], firstlineno: u32) -> (Vec<u8>, Vec<u32>) {
        let mut sizes: Vec<Vec<u32>> = order
            .iter()
            .map(|&b| vec![1; self.blocks[b].instrs.len()])
            .collect();
        let mut block_start = vec![0u32; self.blocks.len()];
        loop {
            let mut offset = 0;
            for (pos, &b) in order.iter().enumerate() {
                block_start[b] = offset;
                offset += sizes[pos].iter().sum::<u32>();
            }
            let mut changed = false;
            for (pos, &b) in order.iter().enumerate() {
                let mut offset = block_start[b];
                for (i, instr) in self.blocks[b].instrs.iter().enumerate() {
                    let size = sizes[pos][i];
                    let arg = self.final_arg(instr, offset + size, &block_start);
                    // Sizes only grow (a zero prefix is harmless), so this terminates.
                    let needed = instr_size(arg);
                    if needed > size {
                        sizes[pos][i] = needed;
                        changed = true;
                    }
                    offset += sizes[pos][i];
                }
            }
            if !changed {
                break;
            }
        }
        let mut code = Vec::new();
        let mut lines = Vec::new();
        let mut prev_line = firstlineno;
        for (pos, &b) in order.iter().enumerate() {
            let mut offset = block_start[b];
            for (i, instr) in self.blocks[b].instrs.iter().enumerate() {
                let size = sizes[pos][i];
                let arg = self.final_arg(instr, offset + size, &block_start);
                let line = if instr.line > 0 {
                    instr.line as u32
                } else {
                    prev_line
                };
                prev_line = line;
                for shift in (1..size).rev() {
                    code.push(Opcode::ExtendedArg as u8);
                    code.push((arg >> (8 * shift)) as u8);
                    lines.push(line);
                }
                code.push(instr.op as u8);
                code.push(arg as u8);
                lines.push(line);
                offset += size;
            }
        }
        (code, lines)
    }

    /// The operand as encoded: jump targets become instruction offsets.
    fn final_arg(&self, instr: &Instr, next_offset: u32, block_start: &[u32]) -> u32 {
        let Some(target) = instr.target else {
            return instr.arg;
        };
        let target_offset = block_start[target];
        match instr.op.operand() {
            Operand::JumpRel => target_offset.saturating_sub(next_offset),
            _ => target_offset,
        }
    }
}

/// `LOAD_CONST a; LOAD_CONST b; BUILD_TUPLE 2` loads the tuple `(a, b)` (3.10's
/// `fold_tuple_on_constants`); the new constant goes at the end, as in 3.10.
fn fold_constant_tuples(instrs: &mut [Instr], consts: &mut ConstPool) {
    for i in 0..instrs.len() {
        if instrs[i].op != Opcode::BuildTuple {
            continue;
        }
        let n = instrs[i].arg as usize;
        if n > i || !instrs[i - n..i].iter().all(|p| p.op == Opcode::LoadConst) {
            continue;
        }
        let items: Option<Vec<Constant>> = instrs[i - n..i]
            .iter()
            .map(|p| consts.get(p.arg as usize).cloned())
            .collect();
        let Some(items) = items else { continue };
        let tuple = Constant::Tuple(items.into());
        let index = consts.add(tuple);
        for load in &mut instrs[i - n..i] {
            *load = Instr {
                op: Opcode::Nop,
                arg: 0,
                target: None,
                ..*load
            };
        }
        instrs[i] = Instr {
            op: Opcode::LoadConst,
            arg: index,
            ..instrs[i]
        };
    }
}

/// Instruction words needed for an operand (prefixes included).
fn instr_size(arg: u32) -> u32 {
    match arg {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    }
}

/// Removes `NOP`s that carry no line of their own (3.10's `clean_basic_block`): a `NOP` stays
/// only where it is the sole instruction for its line, so tracing still sees the line.
fn clean_nops(instrs: &mut Vec<Instr>, mut prev_line: i32, next_block_line: Option<i32>) {
    let mut out: Vec<Instr> = Vec::with_capacity(instrs.len());
    let n = instrs.len();
    for src in 0..n {
        let instr = instrs[src];
        let line = instr.line;
        if instr.op == Opcode::Nop {
            if line < 0 || prev_line == line {
                continue;
            }
            if src + 1 < n {
                let next_line = instrs[src + 1].line;
                if next_line < 0 || next_line == line {
                    instrs[src + 1].line = line;
                    continue;
                }
            } else if next_block_line == Some(line) {
                continue;
            }
        }
        out.push(instrs[src]);
        prev_line = line;
    }
    *instrs = out;
}

/// Drops constants after the last one the code loads (the first stays: it may be the docstring).
fn trim_unused_consts(cfg: &Cfg, consts: &mut ConstPool) {
    let max_used = cfg
        .blocks
        .iter()
        .flat_map(|b| &b.instrs)
        .filter(|i| i.op == Opcode::LoadConst)
        .map(|i| i.arg as usize)
        .max()
        .unwrap_or(0);
    consts.truncate((max_used + 1).max(1));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instr(op: Opcode, arg: u32, line: i32) -> Instr {
        Instr {
            op,
            arg,
            target: None,
            line,
        }
    }

    #[test]
    fn operand_sizes() {
        assert_eq!(instr_size(0), 1);
        assert_eq!(instr_size(255), 1);
        assert_eq!(instr_size(256), 2);
        assert_eq!(instr_size(70_000), 3);
        assert_eq!(instr_size(u32::MAX), 4);
    }

    #[test]
    fn nops_survive_only_for_their_line() {
        let mut instrs = vec![
            instr(Opcode::Nop, 0, 1),
            instr(Opcode::LoadConst, 0, 2),
            instr(Opcode::Nop, 0, 2),
            instr(Opcode::Nop, 0, NO_LINE),
            instr(Opcode::Nop, 0, 3),
            instr(Opcode::ReturnValue, 0, NO_LINE),
        ];
        clean_nops(&mut instrs, NO_LINE, None);
        let ops: Vec<_> = instrs.iter().map(|i| (i.op, i.line)).collect();
        assert_eq!(
            ops,
            vec![
                (Opcode::Nop, 1),
                (Opcode::LoadConst, 2),
                (Opcode::ReturnValue, 3)
            ]
        );
    }

    #[test]
    fn long_jumps_get_extended_args_and_targets_shift() {
        // Block 0 jumps forward over 300 instructions to block 2.
        let mut blocks = vec![Block::default(), Block::default(), Block::default()];
        blocks[0].instrs.push(Instr {
            op: Opcode::JumpForward,
            arg: 0,
            target: Some(2),
            line: 1,
        });
        blocks[0].next = Some(1);
        blocks[1].instrs = vec![instr(Opcode::Nop, 0, 1); 300];
        // NOPs with distinct lines survive cleaning.
        for (i, nop) in blocks[1].instrs.iter_mut().enumerate() {
            nop.line = i as i32 + 2;
        }
        blocks[1].next = Some(2);
        blocks[2].instrs = vec![
            instr(Opcode::LoadConst, 0, 400),
            instr(Opcode::ReturnValue, 0, 400),
        ];
        let cfg = Cfg { blocks };
        let order = cfg.layout();
        let (code, lines) = cfg.encode(&order, 1);
        assert_eq!(code[0], Opcode::ExtendedArg as u8);
        assert_eq!(code[2], Opcode::JumpForward as u8);
        // Relative to the instruction after the jump (index 2): the target is at index 302.
        assert_eq!((u32::from(code[1]) << 8) | u32::from(code[3]), 300);
        assert_eq!(lines.len(), code.len() / 2);
    }
}
