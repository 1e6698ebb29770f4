//! Code identity: a code object is known by its file and a hash of its content, so a resumed
//! program runs exactly the code it was suspended in, or is refused (see `migrate`).

use std::rc::Rc;

use sha2::{Digest, Sha256};

use crate::code::{CodeObject, Constant};

/// Hex SHA-256 of everything that decides how a code object runs and what its tracebacks
/// say: names, argument shape, flags, wordcode, constants (nested code by its own hash),
/// variable names, stack size and line table. The file name is left out (a renamed file holds
/// the same code); resuming looks codes up per file anyway.
pub fn code_hash(code: &CodeObject) -> String {
    let mut h = Sha256::new();
    hash_code(&mut h, code);
    h.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

fn hash_code(h: &mut Sha256, code: &CodeObject) {
    field(h, code.name.as_bytes());
    field(h, code.qualname.as_bytes());
    for n in [
        code.firstlineno,
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.flags,
        code.stacksize,
    ] {
        h.update(n.to_le_bytes());
    }
    field(h, &code.code);
    h.update((code.consts.len() as u64).to_le_bytes());
    for c in &code.consts {
        hash_constant(h, c);
    }
    for names in [&code.names, &code.varnames, &code.cellvars, &code.freevars] {
        h.update((names.len() as u64).to_le_bytes());
        for n in names.iter() {
            field(h, n.as_bytes());
        }
    }
    for c in &code.cell2arg {
        h.update(c.map_or(u32::MAX, |a| a).to_le_bytes());
    }
    h.update((code.lines.len() as u64).to_le_bytes());
    for l in &code.lines {
        h.update(l.to_le_bytes());
    }
}

fn hash_constant(h: &mut Sha256, c: &Constant) {
    match c {
        Constant::None => h.update([0]),
        Constant::Bool(b) => h.update([1, u8::from(*b)]),
        Constant::Int(i) => {
            h.update([2]);
            h.update(i.to_le_bytes());
        }
        Constant::BigInt(i) => {
            h.update([3]);
            field(h, i.to_string().as_bytes());
        }
        Constant::Float(x) => {
            h.update([4]);
            h.update(x.to_bits().to_le_bytes());
        }
        Constant::Str(s) => {
            h.update([5]);
            field(h, s.as_bytes());
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            h.update([if matches!(c, Constant::Tuple(_)) {
                6
            } else {
                7
            }]);
            h.update((items.len() as u64).to_le_bytes());
            for i in items.iter() {
                hash_constant(h, i);
            }
        }
        Constant::Bytes(b) => {
            h.update([8]);
            field(h, b);
        }
        Constant::Code(code) => {
            h.update([9]);
            hash_code(h, code);
        }
        Constant::Ellipsis => h.update([10]),
    }
}

/// A length-prefixed field, so adjacent fields cannot run into each other.
fn field(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// Every code object of a compiled module, the module's own first, with its hash.
pub fn all_codes(module: &Rc<CodeObject>) -> Vec<(Rc<CodeObject>, String)> {
    let mut out = Vec::new();
    let mut pending = vec![Rc::clone(module)];
    while let Some(code) = pending.pop() {
        for c in code.consts.iter().rev() {
            collect_nested(c, &mut pending);
        }
        let hash = code_hash(&code);
        out.push((code, hash));
    }
    out
}

fn collect_nested(c: &Constant, pending: &mut Vec<Rc<CodeObject>>) {
    match c {
        Constant::Code(code) => pending.push(Rc::clone(code)),
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            items.iter().for_each(|i| collect_nested(i, pending))
        }
        _ => {}
    }
}
