//! `co_stacksize` by flow analysis over the block graph (CPython 3.10's `stackdepth()`): every
//! block is entered at one depth, each jump contributes the depth of its taken branch, and the
//! maximum over all reachable instructions is the frame's stack size.

use super::emit::{Block, BlockId};

/// Deeper than any real code gets; reaching it means a loop that grows the stack.
const MAX_DEPTH: i32 = 1 << 20;

/// The deepest the value stack gets running the blocks in `order` (layout order, entry first).
/// A generator starts with one value on the stack: the `None` its first `send` delivers, which
/// `GEN_START` pops.
pub(crate) fn max_stack_depth(
    blocks: &[Block],
    order: &[BlockId],
    is_generator: bool,
) -> Result<u32, String> {
    let Some(&entry) = order.first() else {
        return Ok(0);
    };
    let mut start_depth: Vec<Option<i32>> = vec![None; blocks.len()];
    let mut worklist = vec![entry];
    let initial = i32::from(is_generator);
    start_depth[entry] = Some(initial);
    let mut max_depth = initial;
    let push = |b: BlockId,
                depth: i32,
                worklist: &mut Vec<BlockId>,
                start_depth: &mut Vec<Option<i32>>| {
        match start_depth[b] {
            // Two paths reaching a block at different depths would be a compiler bug; keeping
            // the larger keeps the frame big enough.
            Some(d) if d >= depth => {}
            _ => {
                start_depth[b] = Some(depth);
                worklist.push(b);
            }
        }
    };
    while let Some(b) = worklist.pop() {
        let mut depth = start_depth[b].unwrap_or(0);
        let mut falls_through = true;
        for instr in &blocks[b].instrs {
            let effect = instr.op.stack_effect(instr.arg, false);
            let new_depth = depth + effect;
            if new_depth < 0 {
                return Err(format!("stack underflow at {} in block {b}", instr.op));
            }
            if new_depth > MAX_DEPTH {
                return Err(format!(
                    "unbounded stack growth at {} in block {b}",
                    instr.op
                ));
            }
            max_depth = max_depth.max(new_depth);
            if let Some(target) = instr.target {
                let target_depth = depth + instr.op.stack_effect(instr.arg, true);
                if target_depth < 0 {
                    return Err(format!(
                        "stack underflow at the target of {} in block {b}",
                        instr.op
                    ));
                }
                max_depth = max_depth.max(target_depth);
                push(target, target_depth, &mut worklist, &mut start_depth);
            }
            depth = new_depth;
            if instr.op.is_unconditional_exit() {
                falls_through = false;
                break;
            }
        }
        if falls_through && let Some(next) = blocks[b].next {
            push(next, depth, &mut worklist, &mut start_depth);
        }
    }
    Ok(max_depth as u32)
}

#[cfg(test)]
mod tests {
    use super::super::emit::Instr;
    use super::*;
    use crate::opcode::Opcode;

    fn instr(op: Opcode, arg: u32, target: Option<BlockId>) -> Instr {
        Instr {
            op,
            arg,
            target,
            line: 1,
        }
    }

    #[test]
    fn both_branches_count() {
        // SETUP_FINALLY's handler is entered with six more values than the body starts with.
        let mut blocks = vec![Block::default(), Block::default(), Block::default()];
        blocks[0].instrs = vec![instr(Opcode::SetupFinally, 0, Some(2))];
        blocks[0].next = Some(1);
        blocks[1].instrs = vec![
            instr(Opcode::LoadConst, 0, None),
            instr(Opcode::LoadConst, 0, None),
            instr(Opcode::BuildTuple, 2, None),
            instr(Opcode::PopTop, 0, None),
            instr(Opcode::PopBlock, 0, None),
            instr(Opcode::LoadConst, 0, None),
            instr(Opcode::ReturnValue, 0, None),
        ];
        blocks[1].next = Some(2);
        blocks[2].instrs = vec![
            instr(Opcode::PopTop, 0, None),
            instr(Opcode::PopTop, 0, None),
            instr(Opcode::PopTop, 0, None),
            instr(Opcode::PopExcept, 0, None),
            instr(Opcode::LoadConst, 0, None),
            instr(Opcode::ReturnValue, 0, None),
        ];
        assert_eq!(max_stack_depth(&blocks, &[0, 1, 2], false), Ok(6));
    }

    #[test]
    fn underflow_is_an_error_not_a_panic() {
        let blocks = vec![Block {
            instrs: vec![instr(Opcode::PopTop, 0, None)],
            next: None,
        }];
        assert!(max_stack_depth(&blocks, &[0], false).is_err());
    }
}
