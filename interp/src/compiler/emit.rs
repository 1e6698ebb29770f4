//! The instruction buffer: basic blocks of symbolic instructions whose jumps name blocks, as
//! CPython 3.10's compiler builds them. Blocks are the labels; `next` links them in layout
//! order. [`super::assemble`] turns a finished buffer into wordcode.

use crate::opcode::Opcode;

pub(crate) type BlockId = usize;

/// A line number for instructions the compiler made up (CPython's `lineno = -1`): they take
/// the line of the instruction before them when the code is assembled.
pub(crate) const NO_LINE: i32 = -1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Instr {
    pub op: Opcode,
    pub arg: u32,
    /// The block a jump goes to.
    pub target: Option<BlockId>,
    pub line: i32,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<Instr>,
    /// The block laid out after this one (where control falls through to).
    pub next: Option<BlockId>,
}

impl Block {
    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }
}

/// Blocks under construction, with a cursor at the current block.
pub(crate) struct InstrBuffer {
    pub blocks: Vec<Block>,
    pub current: BlockId,
    /// The line new instructions get.
    pub line: i32,
}

impl InstrBuffer {
    pub fn new(first_line: i32) -> Self {
        InstrBuffer {
            blocks: vec![Block::default()],
            current: 0,
            line: first_line,
        }
    }

    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    /// Makes `block` the current one, laid out right after the current one.
    pub fn use_next_block(&mut self, block: BlockId) {
        self.blocks[self.current].next = Some(block);
        self.current = block;
    }

    /// Starts a fresh block after the current one (CPython's `NEXT_BLOCK`).
    pub fn next_block(&mut self) {
        let block = self.new_block();
        self.use_next_block(block);
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        let line = self.line;
        self.emit_at(op, arg, line);
    }

    pub fn emit_at(&mut self, op: Opcode, arg: u32, line: i32) {
        debug_assert!(!op.is_jump(), "jumps go through emit_jump");
        if op == Opcode::UnpackSequence && self.fold_build_unpack(arg) {
            return;
        }
        self.blocks[self.current].instrs.push(Instr {
            op,
            arg,
            target: None,
            line,
        });
    }

    /// An instruction with no line of its own (CPython's `ADDOP_NOLINE`).
    pub fn emit_noline(&mut self, op: Opcode, arg: u32) {
        self.emit_at(op, arg, NO_LINE);
    }

    /// A jump to `target`. Jumps always end their block, as 3.10's optimizer expects.
    pub fn emit_jump(&mut self, op: Opcode, target: BlockId) {
        let line = self.line;
        self.emit_jump_at(op, target, line);
    }

    pub fn emit_jump_noline(&mut self, op: Opcode, target: BlockId) {
        self.emit_jump_at(op, target, NO_LINE);
    }

    fn emit_jump_at(&mut self, op: Opcode, target: BlockId, line: i32) {
        debug_assert!(op.is_jump());
        self.blocks[self.current].instrs.push(Instr {
            op,
            arg: 0,
            target: Some(target),
            line,
        });
        self.next_block();
    }

    /// Whether the current block ends in `RETURN_VALUE` (CPython's `b_return`).
    pub fn ends_with_return(&self) -> bool {
        self.blocks[self.current]
            .last()
            .is_some_and(|i| i.op == Opcode::ReturnValue)
    }

    /// `BUILD_TUPLE n; UNPACK_SEQUENCE n` (as in `a, b = b, a`) needs no tuple: 3.10's
    /// peephole optimizer rotates instead. Returns whether the unpack was absorbed.
    fn fold_build_unpack(&mut self, count: u32) -> bool {
        let instrs = &mut self.blocks[self.current].instrs;
        let Some(last) = instrs.last_mut() else {
            return false;
        };
        if last.op != Opcode::BuildTuple || last.arg != count {
            return false;
        }
        match count {
            1 => {
                instrs.pop();
            }
            2 => {
                *last = Instr {
                    op: Opcode::RotTwo,
                    arg: 0,
                    ..*last
                };
            }
            3 => {
                *last = Instr {
                    op: Opcode::RotThree,
                    arg: 0,
                    ..*last
                };
                let rot_two = Instr {
                    op: Opcode::RotTwo,
                    arg: 0,
                    ..*last
                };
                instrs.push(rot_two);
            }
            _ => return false,
        }
        true
    }
}
