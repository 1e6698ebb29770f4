//! What a snapshot must satisfy before the VM runs it. A snapshot is JSON anyone can edit, and
//! the eval loop trusts its frames as it trusts the compiler's (it decodes from `pc` without
//! bounds checks, pops as deep as the code says, finds dict keys by their stored hashes), so a
//! well-formed but inconsistent snapshot must be refused here, saying what is wrong, rather
//! than resumed into nonsense or undefined behaviour.
//!
//! [`check_frames`] runs on the data before anything is built; [`check_hashes`] once the
//! objects exist (a key's hash is only known from the built key).

use std::rc::Rc;

use super::format::{FrameRec, Obj, Snapshot, Val};
use crate::code::{CodeObject, flags};
use crate::opcode::Opcode;
use crate::runtime::object::Object;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;

/// The frame stack and every generator's frame against their code: where each stands, how
/// deep its value stack is, where its blocks jump, and how the frames sit on one another.
pub fn check_frames(snap: &Snapshot, codes: &[Rc<CodeObject>]) -> Result<(), String> {
    let code = |i: u32| -> Result<&CodeObject, String> {
        codes
            .get(i as usize)
            .map(|c| &**c)
            .ok_or_else(|| format!("reference to missing code #{i}"))
    };
    let Some(bottom) = snap.frames.first() else {
        return Err("the snapshot has no frames".into());
    };
    // The bottom frame is the program's module, entered from the driver; every frame above it
    // was called by the one below (a frame entered from native code cannot be saved).
    let module = code(bottom.code)?;
    if !bottom.is_entry || module.flags & flags::CO_NEWLOCALS != 0 {
        return Err(format!(
            "frame 0 ({}) is not the program's module frame: the frames are out of order",
            module.qualname
        ));
    }
    for (depth, rec) in snap.frames.iter().enumerate() {
        let co = code(rec.code)?;
        let what = format!("frame {depth} ({})", co.qualname);
        if depth > 0 {
            if rec.is_entry || co.flags & flags::CO_NEWLOCALS == 0 {
                return Err(format!(
                    "{what} is a module or class body above the bottom frame, or marked as \
                     entered from native code: the frames are out of order"
                ));
            }
            if co.is_generator() || rec.generator.is_some() {
                return Err(format!(
                    "{what} is a generator's frame on the frame stack: the frames are out of order"
                ));
            }
        }
        check_frame(rec, co, &what)?;
        // Every frame on the stack stands just after a call: the one it made to the frame
        // above, or the top one's to `durable.wait`.
        let call = instruction_ending_at(co, rec.pc);
        if !matches!(
            call,
            Some(
                Opcode::CallFunction
                    | Opcode::CallFunctionKw
                    | Opcode::CallFunctionEx
                    | Opcode::CallMethod
            )
        ) || rec.lasti + 1 != rec.pc
        {
            return Err(format!(
                "{what} stands at instruction {} (last {}), which does not follow a call",
                rec.pc, rec.lasti
            ));
        }
    }
    for (id, obj) in snap.objects.iter().enumerate() {
        if let Obj::Generator(g) = obj
            && let Some(rec) = &g.frame
        {
            let co = code(rec.code)?;
            let what = format!("the frame of generator #{id} ({})", co.qualname);
            if !co.is_generator() || rec.generator != Some(id as u32) {
                return Err(format!("{what} does not belong to its generator"));
            }
            check_frame(rec, co, &what)?;
        }
    }
    Ok(())
}

/// One frame against its code.
fn check_frame(rec: &FrameRec, co: &CodeObject, what: &str) -> Result<(), String> {
    let words = co.len() as u32;
    let starts: Vec<u32> = co.instructions().map(|i| i.start).collect();
    let is_start = |pc: u32| starts.binary_search(&pc).is_ok();
    if rec.pc >= words || !is_start(rec.pc) {
        return Err(format!(
            "{what}: its pc {} is not an instruction of its code ({words} words)",
            rec.pc
        ));
    }
    if rec.lasti >= words {
        return Err(format!(
            "{what}: its last instruction {} is outside its code ({words} words)",
            rec.lasti
        ));
    }
    let variables = (co.varnames.len() + co.cellvars.len() + co.freevars.len()) as u32;
    if rec.stack_base != variables {
        return Err(format!(
            "{what}: its stack starts at slot {}, its code has {variables} variables",
            rec.stack_base
        ));
    }
    let slots = rec.slots.len() as u32;
    if slots < variables {
        return Err(format!(
            "{what}: it keeps {slots} slots, fewer than its code's {variables} variables"
        ));
    }
    let depth = slots - variables;
    if depth > co.stacksize {
        return Err(format!(
            "{what}: its value stack holds {depth} values, beyond its code's co_stacksize {}",
            co.stacksize
        ));
    }
    for (i, b) in rec.blocks.iter().enumerate() {
        // An except-handler block has no handler of its own (`u32::MAX`).
        let handler_ok = is_start(b.handler) || (b.except_handler && b.handler == u32::MAX);
        if !handler_ok || b.level > depth {
            return Err(format!(
                "{what}: its block {i} (handler {}, stack level {}) does not fit its code \
                 and stack",
                b.handler, b.level
            ));
        }
    }
    Ok(())
}

/// The opcode of the instruction whose last word is just before `pc`.
fn instruction_ending_at(co: &CodeObject, pc: u32) -> Option<Opcode> {
    co.instructions()
        .find(|i| i.index + 1 == pc)
        .map(|i| i.opcode)
}

/// Every dict, set and namespace entry whose key hashes by content (str, int, float, bool,
/// None, bytes, tuples and frozensets of those) must carry that key's hash, or lookups would
/// miss it; and no such key may appear twice in one table.
pub fn check_hashes(vm: &mut Vm, snap: &Snapshot, refs: &[ObjRef]) -> Result<(), String> {
    let value = |v: Val| -> Value {
        match v {
            Val::Null => Value::Null,
            Val::None => Value::None,
            Val::Bool(b) => Value::Bool(b),
            Val::Int(i) => Value::Int(i),
            Val::Float(bits) => Value::Float(f64::from_bits(bits)),
            Val::Obj(id) => Value::Obj(refs[id as usize]),
        }
    };
    for (id, obj) in snap.objects.iter().enumerate() {
        let tables = match obj {
            Obj::Dict(d) | Obj::Set(d) | Obj::FrozenSet(d) => vec![d],
            Obj::Type(t) => vec![&t.dict],
            Obj::Instance(i) => vec![&i.dict],
            Obj::Function(f) => f.dict.iter().collect(),
            _ => continue,
        };
        for table in tables {
            let mut seen: Vec<(i64, Value)> = Vec::new();
            for (n, &(stored, key, _)) in table.entries.iter().enumerate() {
                if key == Val::Null {
                    continue;
                }
                let key = value(key);
                let Some(hash) = content_hash(vm, key) else {
                    continue;
                };
                if hash != stored {
                    return Err(format!(
                        "object #{id}: entry {n} stores hash {stored} for a key whose hash is {hash}"
                    ));
                }
                for &(h, other) in &seen {
                    if h == hash && vm.eq(other, key).unwrap_or(false) {
                        return Err(format!("object #{id}: entry {n} repeats an earlier key"));
                    }
                }
                seen.push((hash, key));
            }
        }
    }
    Ok(())
}

/// The hash of a key hashed by its content alone (no user `__hash__`, no identity).
fn content_hash(vm: &mut Vm, v: Value) -> Option<i64> {
    let by_content = match v {
        Value::Null => false,
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => true,
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Str(_) | Object::Bytes(_) | Object::BigInt(_) | Object::FrozenSet(_) => true,
            Object::Tuple(items) => {
                let items = items.clone();
                return items
                    .iter()
                    .map(|&i| content_hash(vm, i))
                    .collect::<Option<Vec<_>>>()
                    .and_then(|_| vm.hash(v).ok());
            }
            _ => false,
        },
    };
    if by_content { vm.hash(v).ok() } else { None }
}
