//! Finding a snapshot's code again in the recompiled sources, and (`--migrate`) moving the
//! suspended frames of code that changed onto the new code through the line table.
//!
//! A changed code object is mapped when its function (by qualified name) still exists once and
//! keeps its variables; each suspended instruction of it is then mapped to the same source line
//! (found by its text, which must occur exactly once among the new code's lines), to the
//! instruction at the same position among that line's instructions (the line must compile to
//! the same opcodes), and the value-stack depth there must be the same. Exception-handler
//! targets on the block stack are mapped the same way. Anything else is refused, naming the
//! frames that could not be mapped.

use std::collections::HashMap;
use std::rc::Rc;

use super::codes::all_codes;
use super::format::{FinishedFrameRec, FrameRec, Obj, Snapshot};
use crate::code::CodeObject;
use crate::opcode::{Opcode, Operand};

/// A module's code objects with their hashes.
type HashedCodes = Vec<(Rc<CodeObject>, String)>;

/// A source file as it is now: its text and its compiled module code.
pub struct CurrentSource {
    pub text: String,
    pub code: Rc<CodeObject>,
}

/// The code object each of the snapshot's [`super::format::CodeRec`]s resolves to. With
/// `migrate`, frames of changed code are rewritten in `snap` to run on the new code.
pub fn resolve_codes(
    snap: &mut Snapshot,
    current: &HashMap<String, CurrentSource>,
    migrate: bool,
) -> Result<Vec<Rc<CodeObject>>, String> {
    let mut by_hash: HashMap<(&str, &str), Rc<CodeObject>> = HashMap::new();
    let all: Vec<(String, HashedCodes)> = current
        .iter()
        .map(|(file, src)| (file.clone(), all_codes(&src.code)))
        .collect();
    for (file, codes) in &all {
        for (code, hash) in codes {
            by_hash
                .entry((file.as_str(), hash.as_str()))
                .or_insert_with(|| Rc::clone(code));
        }
    }
    let mut resolved: Vec<Option<Rc<CodeObject>>> = Vec::with_capacity(snap.codes.len());
    let mut changed = Vec::new();
    for (i, rec) in snap.codes.iter().enumerate() {
        if !current.contains_key(&rec.filename) {
            return Err(format!("the source file {} is missing", rec.filename));
        }
        match by_hash.get(&(rec.filename.as_str(), rec.hash.as_str())) {
            Some(code) => resolved.push(Some(Rc::clone(code))),
            None => {
                resolved.push(None);
                changed.push(i);
            }
        }
    }
    if changed.is_empty() {
        return Ok(resolved.into_iter().map(Option::unwrap).collect());
    }
    if !migrate {
        let list: Vec<String> = changed
            .iter()
            .map(|&i| {
                let rec = &snap.codes[i];
                format!(
                    "{} (defined at {} line {})",
                    rec.qualname, rec.filename, rec.firstlineno
                )
            })
            .collect();
        return Err(format!(
            "the program's source changed since it was suspended: the code of {} differs; \
             resume with --migrate to map the suspended frames to the new code by source line",
            list.join(", ")
        ));
    }
    let mut mapper = Mapper::new(snap, current)?;
    let mut failures = Vec::new();
    for &i in &changed {
        match mapper.counterpart(&snap.codes[i].filename, &snap.codes[i].qualname, i) {
            Ok(new) => resolved[i] = Some(new),
            Err(e) => failures.push(e),
        }
    }
    if failures.is_empty() {
        let changed_set: Vec<u32> = changed.iter().map(|&i| i as u32).collect();
        for frame in frames_mut(snap) {
            if !changed_set.contains(&frame.code) {
                continue;
            }
            let new = resolved[frame.code as usize]
                .clone()
                .expect("resolved above");
            if let Err(e) = mapper.map_frame(frame, &new) {
                failures.push(e);
            }
        }
        // Frame objects of ended frames keep their variables and last instruction.
        for obj in &mut snap.objects {
            if let Obj::Frame(fo) = obj
                && changed_set.contains(&fo.code)
                && let Some(done) = &mut fo.finished
            {
                let new = resolved[fo.code as usize].clone().expect("resolved above");
                if let Err(e) = mapper.map_finished_frame(fo.code, done, &new) {
                    failures.push(e);
                }
            }
        }
    }
    if !failures.is_empty() {
        return Err(format!(
            "cannot migrate the suspended program to the changed source:\n  {}",
            failures.join("\n  ")
        ));
    }
    Ok(resolved.into_iter().map(Option::unwrap).collect())
}

/// Every saved frame: the stack's and the suspended generators'.
fn frames_mut(snap: &mut Snapshot) -> Vec<&mut FrameRec> {
    let mut out: Vec<&mut FrameRec> = snap.frames.iter_mut().collect();
    for obj in &mut snap.objects {
        if let Obj::Generator(g) = obj
            && let Some(f) = &mut g.frame
        {
            out.push(f);
        }
    }
    out
}

struct Mapper {
    /// Per file: the old source text (from the snapshot) and the new one.
    old_text: HashMap<String, String>,
    new_text: HashMap<String, String>,
    /// Old code objects, recompiled from the snapshot's source text, per code id.
    old_codes: HashMap<u32, Rc<CodeObject>>,
    new_codes: HashMap<String, Vec<Rc<CodeObject>>>,
}

impl Mapper {
    fn new(snap: &Snapshot, current: &HashMap<String, CurrentSource>) -> Result<Mapper, String> {
        let mut old_text = HashMap::new();
        let mut old_by_hash: HashMap<String, Rc<CodeObject>> = HashMap::new();
        for src in &snap.sources {
            old_text.insert(src.filename.clone(), src.text.clone());
            let module =
                crate::compiler::compile_module(&src.text, &src.filename).map_err(|e| {
                    format!(
                        "the saved source of {} no longer compiles: {}",
                        src.filename, e.message
                    )
                })?;
            for (code, hash) in all_codes(&module) {
                old_by_hash.entry(hash).or_insert(code);
            }
        }
        let mut old_codes = HashMap::new();
        for (i, rec) in snap.codes.iter().enumerate() {
            if let Some(code) = old_by_hash.get(&rec.hash) {
                old_codes.insert(i as u32, Rc::clone(code));
            }
        }
        let new_text = current
            .iter()
            .map(|(f, s)| (f.clone(), s.text.clone()))
            .collect();
        let new_codes = current
            .iter()
            .map(|(f, s)| {
                (
                    f.clone(),
                    all_codes(&s.code).into_iter().map(|(c, _)| c).collect(),
                )
            })
            .collect();
        Ok(Mapper {
            old_text,
            new_text,
            old_codes,
            new_codes,
        })
    }

    /// The new code of a changed code object: the one code of that qualified name.
    fn counterpart(&self, file: &str, qualname: &str, id: usize) -> Result<Rc<CodeObject>, String> {
        let candidates: Vec<&Rc<CodeObject>> = self.new_codes[file]
            .iter()
            .filter(|c| &*c.qualname == qualname)
            .collect();
        let new = match candidates.as_slice() {
            [one] => Rc::clone(one),
            [] => return Err(format!("{qualname} ({file}) no longer exists")),
            _ => return Err(format!("{qualname} ({file}) is defined more than once now")),
        };
        if let Some(old) = self.old_codes.get(&(id as u32))
            && old.freevars != new.freevars
        {
            return Err(format!(
                "{qualname} ({file}) closes over other variables now"
            ));
        }
        Ok(new)
    }

    fn map_frame(&mut self, frame: &mut FrameRec, new: &Rc<CodeObject>) -> Result<(), String> {
        let Some(old) = self.old_codes.get(&frame.code).cloned() else {
            return Err(format!(
                "frame {}() at line {}: its saved source does not reproduce its code",
                new.qualname, frame.line
            ));
        };
        let name = format!(
            "frame {}() at {} line {}",
            old.qualname, old.filename, frame.line
        );
        if old.varnames != new.varnames || old.cellvars != new.cellvars {
            return Err(format!("{name}: its local variables changed"));
        }
        let file = old.filename.to_string();
        let (old_text, new_text) = (&self.old_text[&file], &self.new_text[&file]);
        let old_depths = stack_depths(&old);
        let new_depths = stack_depths(new);
        let map = |ip: u32| -> Result<u32, String> {
            map_instruction(&old, new, ip, old_text, new_text, &old_depths, &new_depths)
        };
        let lasti = map(frame.lasti).map_err(|e| format!("{name}: {e}"))?;
        let mut blocks = frame.blocks.clone();
        for b in &mut blocks {
            if b.handler != u32::MAX {
                b.handler =
                    map(b.handler).map_err(|e| format!("{name}: its exception handler: {e}"))?;
            }
        }
        frame.pc = lasti + (frame.pc - frame.lasti.min(frame.pc));
        frame.lasti = lasti;
        frame.line = new.line_at(lasti as usize);
        frame.blocks = blocks;
        Ok(())
    }
}

impl Mapper {
    /// An ended frame kept by its frame object: its variables must be the same, and its last
    /// instruction (if it ran any) maps like a suspended one.
    fn map_finished_frame(
        &mut self,
        code: u32,
        done: &mut FinishedFrameRec,
        new: &Rc<CodeObject>,
    ) -> Result<(), String> {
        let Some(old) = self.old_codes.get(&code).cloned() else {
            return Err(format!(
                "a frame object of {}(): its saved source does not reproduce its code",
                new.qualname
            ));
        };
        let name = format!("the frame object of an ended {}() call", old.qualname);
        if old.varnames != new.varnames || old.cellvars != new.cellvars {
            return Err(format!("{name}: its local variables changed"));
        }
        if !done.started {
            return Ok(());
        }
        let file = old.filename.to_string();
        let (old_text, new_text) = (&self.old_text[&file], &self.new_text[&file]);
        done.lasti = map_instruction(
            &old,
            new,
            done.lasti,
            old_text,
            new_text,
            &stack_depths(&old),
            &stack_depths(new),
        )
        .map_err(|e| format!("{name}: {e}"))?;
        Ok(())
    }
}

/// Maps instruction `ip` of `old` to `new` through its source line (see the module docs).
fn map_instruction(
    old: &CodeObject,
    new: &CodeObject,
    ip: u32,
    old_text: &str,
    new_text: &str,
    old_depths: &[Option<i32>],
    new_depths: &[Option<i32>],
) -> Result<u32, String> {
    let line = old.line_at(ip as usize);
    let text = old_text
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .unwrap_or("")
        .trim_end();
    let shown = text.trim();
    let new_lines: Vec<u32> = new_text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_end() == text)
        .map(|(i, _)| i as u32 + 1)
        .filter(|l| new.lines.contains(l))
        .collect();
    let new_line = match new_lines.as_slice() {
        [one] => *one,
        [] => return Err(format!("line {line} (`{shown}`) is not in the new code")),
        many => {
            return Err(format!(
                "line {line} (`{shown}`) is ambiguous: it occurs {} times in the new code",
                many.len()
            ));
        }
    };
    let on_line = |code: &CodeObject, l: u32| -> Vec<(u32, Opcode)> {
        code.instructions()
            .filter(|i| code.line_at(i.index as usize) == l)
            .map(|i| (i.index, i.opcode))
            .collect()
    };
    let old_ops = on_line(old, line);
    let new_ops = on_line(new, new_line);
    let same_ops =
        old_ops.len() == new_ops.len() && old_ops.iter().zip(&new_ops).all(|(a, b)| a.1 == b.1);
    if !same_ops {
        return Err(format!(
            "line {line} (`{shown}`) compiles to other instructions at line {new_line} now"
        ));
    }
    let Some(k) = old_ops.iter().position(|&(i, _)| i == ip) else {
        return Err(format!("instruction {ip} is not on line {line}"));
    };
    let mapped = new_ops[k].0;
    let (d_old, d_new) = (
        old_depths.get(ip as usize).copied().flatten(),
        new_depths.get(mapped as usize).copied().flatten(),
    );
    if d_old != d_new {
        return Err(format!(
            "line {line} (`{shown}`): the value stack there has another shape now"
        ));
    }
    Ok(mapped)
}

/// The value-stack depth before each instruction (by instruction index), from a flow
/// analysis over the opcode table's stack effects; `None` for unreachable words.
fn stack_depths(code: &CodeObject) -> Vec<Option<i32>> {
    let instrs: Vec<_> = code.instructions().collect();
    let at: HashMap<u32, usize> = instrs
        .iter()
        .enumerate()
        .map(|(k, i)| (i.start, k))
        .collect();
    let mut depth: Vec<Option<i32>> = vec![None; code.len()];
    let mut work = vec![(0usize, 0i32)];
    while let Some((k, d)) = work.pop() {
        let Some(ins) = instrs.get(k) else { continue };
        if depth[ins.index as usize].is_some() {
            continue;
        }
        depth[ins.index as usize] = Some(d);
        if ins.opcode.is_jump() {
            let target = match ins.opcode.operand() {
                Operand::JumpRel => ins.index + 1 + ins.arg,
                _ => ins.arg,
            };
            if let Some(&t) = at.get(&target) {
                work.push((t, d + ins.opcode.stack_effect(ins.arg, true)));
            }
        }
        if !ins.opcode.is_unconditional_exit() {
            work.push((k + 1, d + ins.opcode.stack_effect(ins.arg, false)));
        }
    }
    depth
}
