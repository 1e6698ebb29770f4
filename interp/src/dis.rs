//! A disassembler whose listings match CPython 3.10's `dis.dis` column for column: line
//! numbers where a line starts, `>>` on jump targets, byte offsets (instruction index × 2),
//! the opcode name, the raw argument and its meaning in parentheses, then the nested code
//! objects. Differences: code objects print without an address (listings are golden tested),
//! constants print through [`Constant`]'s `Display`, and a generator's `GEN_START` shows no
//! line although the code object records its first line for it.

use std::collections::HashSet;
use std::fmt::Write;

use crate::code::{CodeObject, Constant};
use crate::opcode::{COMPARE_OPS, FVC_MASK, FVS_HAVE_SPEC, Opcode, Operand};

/// `dis.py`'s `_OPNAME_WIDTH`.
const OPNAME_WIDTH: usize = 20;
/// `dis.py`'s `_OPARG_WIDTH`.
const OPARG_WIDTH: usize = 5;

const FORMAT_VALUE_CONVERSIONS: [&str; 4] = ["", "str", "repr", "ascii"];
const MAKE_FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];

/// The listing of `code` and, after it, of every code object among its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_recursive(code, &mut out);
    out
}

fn disassemble_recursive(code: &CodeObject, out: &mut String) {
    disassemble_one(code, out);
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {constant}:");
            disassemble_recursive(inner, out);
        }
    }
}

/// One raw instruction word, as `dis._unpack_opargs` yields it: `EXTENDED_ARG` prefixes are
/// listed themselves, and the instruction after them shows the whole argument.
struct Word {
    offset: usize,
    byte: u8,
    arg: Option<u32>,
}

fn words(code: &CodeObject) -> Vec<Word> {
    let mut words = Vec::with_capacity(code.len());
    let mut extended: u32 = 0;
    for (index, pair) in code.code.chunks_exact(2).enumerate() {
        let (byte, raw) = (pair[0], u32::from(pair[1]));
        let has_arg = Opcode::from_byte(byte).map_or(byte >= 90, Opcode::has_arg);
        let arg = if has_arg {
            let arg = raw | extended;
            extended = if byte == Opcode::ExtendedArg as u8 {
                arg << 8
            } else {
                0
            };
            Some(arg)
        } else {
            extended = 0;
            None
        };
        words.push(Word {
            offset: index * 2,
            byte,
            arg,
        });
    }
    words
}

/// Where a jump lands, in bytes, as `dis` reports it.
fn jump_target(op: Opcode, offset: usize, arg: u32) -> Option<usize> {
    match op.operand() {
        Operand::JumpAbs => Some(arg as usize * 2),
        Operand::JumpRel => Some(offset + 2 + arg as usize * 2),
        _ => None,
    }
}

fn disassemble_one(code: &CodeObject, out: &mut String) {
    let words = words(code);
    let labels: HashSet<usize> = words
        .iter()
        .filter_map(|w| jump_target(Opcode::from_byte(w.byte)?, w.offset, w.arg?))
        .collect();
    // `dis.findlinestarts`: the offsets where the line changes.
    let mut line_starts = Vec::with_capacity(words.len());
    let mut last_line = None;
    for w in &words {
        // 3.10 gives the GEN_START prologue no line; we store the first line for tracebacks.
        let is_prologue = w.offset == 0 && w.byte == Opcode::GenStart as u8;
        let line = if is_prologue {
            None
        } else {
            code.lines.get(w.offset / 2).copied()
        };
        if line.is_some() && line != last_line {
            line_starts.push(line);
            last_line = line;
        } else {
            line_starts.push(None);
        }
    }
    let max_line = line_starts.iter().flatten().max().copied().unwrap_or(0);
    let show_lines = line_starts.iter().any(Option::is_some);
    let line_width = match (show_lines, max_line) {
        (false, _) => 0,
        (true, n) if n >= 1000 => n.to_string().len(),
        _ => 3,
    };
    let max_offset = code.code.len().saturating_sub(2);
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };

    for (w, starts_line) in words.iter().zip(&line_starts) {
        if show_lines && starts_line.is_some() && w.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::with_capacity(6);
        if line_width > 0 {
            fields.push(match starts_line {
                Some(line) => format!("{line:>line_width$}"),
                None => " ".repeat(line_width),
            });
        }
        fields.push("   ".to_string());
        fields.push(
            if labels.contains(&w.offset) {
                ">>"
            } else {
                "  "
            }
            .to_string(),
        );
        fields.push(format!("{:>offset_width$}", w.offset));
        fields.push(format!("{:<OPNAME_WIDTH$}", Opcode::name_of_byte(w.byte)));
        if let Some(arg) = w.arg {
            fields.push(format!("{arg:>OPARG_WIDTH$}"));
            let detail = argument_detail(code, w, arg);
            if !detail.is_empty() {
                fields.push(format!("({detail})"));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
}

/// The `argrepr` column: what the argument means.
fn argument_detail(code: &CodeObject, word: &Word, arg: u32) -> String {
    let Some(op) = Opcode::from_byte(word.byte) else {
        return String::new();
    };
    let index = arg as usize;
    let name_or_index = |names: &[std::rc::Rc<str>]| {
        names
            .get(index)
            .map_or_else(|| index.to_string(), |n| n.to_string())
    };
    match op.operand() {
        Operand::Const => code
            .consts
            .get(index)
            .map_or_else(|| index.to_string(), |c| c.to_string()),
        Operand::Name => name_or_index(&code.names),
        Operand::Local => name_or_index(&code.varnames),
        Operand::Free => {
            if index < code.cellvars.len() + code.freevars.len() {
                code.deref_name(index).to_string()
            } else {
                index.to_string()
            }
        }
        Operand::JumpAbs | Operand::JumpRel => {
            format!(
                "to {}",
                jump_target(op, word.offset, arg).unwrap_or_default()
            )
        }
        Operand::Compare => COMPARE_OPS
            .get(index)
            .map_or_else(String::new, |s| s.to_string()),
        Operand::Raw if op == Opcode::FormatValue => {
            let mut detail = FORMAT_VALUE_CONVERSIONS[(arg & FVC_MASK) as usize].to_string();
            if arg & FVS_HAVE_SPEC != 0 {
                if !detail.is_empty() {
                    detail.push_str(", ");
                }
                detail.push_str("with format");
            }
            detail
        }
        Operand::Raw if op == Opcode::MakeFunction => MAKE_FUNCTION_FLAGS
            .iter()
            .enumerate()
            .filter(|(bit, _)| arg & (1 << bit) != 0)
            .map(|(_, name)| *name)
            .collect::<Vec<_>>()
            .join(", "),
        Operand::Raw | Operand::None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::compile_module;

    #[test]
    fn columns_match_cpython() {
        let code = compile_module("x = 1\nif x:\n    y = x\n", "t.py").expect("compiles");
        let listing = disassemble(&code);
        let lines: Vec<&str> = listing.lines().collect();
        assert_eq!(lines[0], "  1           0 LOAD_CONST               0 (1)");
        assert_eq!(lines[1], "              2 STORE_NAME               0 (x)");
        assert_eq!(lines[2], "");
        assert_eq!(lines[3], "  2           4 LOAD_NAME                0 (x)");
        assert!(
            lines[4].starts_with("              6 POP_JUMP_IF_FALSE"),
            "{listing}"
        );
    }

    #[test]
    fn extended_args_are_listed_as_dis_does() {
        let body: String = (0..300).map(|i| format!("    x = {i}\n")).collect();
        let code = compile_module(&format!("def f():\n{body}"), "t.py").expect("compiles");
        let Constant::Code(f) = &code.consts[0] else {
            panic!("function code first")
        };
        let listing = disassemble(f);
        assert!(
            listing.contains("EXTENDED_ARG             1\n"),
            "{listing}"
        );
        assert!(
            listing.contains("LOAD_CONST             256 (255)"),
            "{listing}"
        );
    }
}
