//! Code objects: what the compiler produces and a frame executes, shaped like CPython's.

use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::opcode::Opcode;

/// `co_flags` bits, as CPython's.
pub mod flags {
    pub const CO_OPTIMIZED: u32 = 0x0001;
    pub const CO_NEWLOCALS: u32 = 0x0002;
    pub const CO_VARARGS: u32 = 0x0004;
    pub const CO_VARKEYWORDS: u32 = 0x0008;
    pub const CO_NESTED: u32 = 0x0010;
    pub const CO_GENERATOR: u32 = 0x0020;
    pub const CO_NOFREE: u32 = 0x0040;
    pub const CO_COROUTINE: u32 = 0x0080;
    pub const CO_ASYNC_GENERATOR: u32 = 0x0200;
    /// Code whose calls make a generator, coroutine or async generator object.
    pub const RESUMABLE: u32 = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
}

/// A compile-time constant. The compiler knows nothing of the runtime heap, so constants stay
/// plain data here and the runtime turns them into values once, when the code is loaded.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Tuple(Rc<[Constant]>),
    /// A set display's constant items (CPython folds them into a frozenset constant).
    FrozenSet(Rc<[Constant]>),
    Bytes(Rc<[u8]>),
    Code(Rc<CodeObject>),
    Ellipsis,
}

impl PartialEq for Constant {
    /// Constants are deduplicated in `co_consts` by type and value; `0.0`/`-0.0` and `1`/`1.0`
    /// stay distinct, as CPython's `_PyCode_ConstantKey` keeps them.
    fn eq(&self, other: &Self) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => a == b,
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Reflexive, as `PartialEq` compares floats by their bits and code objects by identity.
impl Eq for Constant {}

/// Consistent with `PartialEq`: hashes what it compares.
impl std::hash::Hash for Constant {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        use Constant::*;
        std::mem::discriminant(self).hash(state);
        match self {
            None | Ellipsis => {}
            Bool(b) => b.hash(state),
            Int(i) => i.hash(state),
            BigInt(b) => b.hash(state),
            Float(x) => x.to_bits().hash(state),
            Str(s) => s.hash(state),
            Bytes(b) => b.hash(state),
            Tuple(items) | FrozenSet(items) => items.hash(state),
            Code(code) => Rc::as_ptr(code).hash(state),
        }
    }
}

/// A compiled code block (module, function, class body, lambda or comprehension).
#[derive(Debug)]
pub struct CodeObject {
    /// `co_name`.
    pub name: Rc<str>,
    /// `co_qualname` (3.11's, handy for tracebacks and reprs).
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// `co_flags`, see [`flags`].
    pub flags: u32,
    /// `co_code`: wordcode, one `(opcode, oparg)` byte pair per instruction.
    pub code: Vec<u8>,
    pub consts: Vec<Constant>,
    /// `co_names`: global, attribute and imported names.
    pub names: Vec<Rc<str>>,
    /// `co_varnames`: parameters first, then other locals.
    pub varnames: Vec<Rc<str>>,
    /// `co_cellvars`: locals captured by inner scopes.
    pub cellvars: Vec<Rc<str>>,
    /// `co_freevars`: variables captured from enclosing scopes.
    pub freevars: Vec<Rc<str>>,
    /// For each cell variable that is also a parameter, the parameter's index (CPython's
    /// `co_cell2arg`): the frame copies the argument into the cell on entry.
    pub cell2arg: Vec<Option<u32>>,
    /// `co_stacksize`: the deepest the value stack can get.
    pub stacksize: u32,
    /// The source line of every instruction (index = instruction number).
    pub lines: Vec<u32>,
}

/// One decoded instruction, with its `EXTENDED_ARG` prefixes folded into `arg`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Index of the instruction word that holds the opcode (not of its prefixes).
    pub index: u32,
    /// Index of the first `EXTENDED_ARG` prefix, or `index` when there is none.
    pub start: u32,
    pub opcode: Opcode,
    pub arg: u32,
}

impl CodeObject {
    /// Number of instruction words.
    pub fn len(&self) -> usize {
        self.code.len() / 2
    }

    pub fn is_empty(&self) -> bool {
        self.code.is_empty()
    }

    /// The argument count of a call that needs no binding beyond copying its positional
    /// arguments into the first slots: no `*args`, `**kwargs` or keyword-only parameters, no
    /// cells (which a call must create), not a generator. Free variables are allowed (the
    /// call copies the closure). `None` for code whose calls need the general binder.
    pub fn fast_call_arity(&self) -> Option<u32> {
        let simple = self.flags & (flags::CO_VARARGS | flags::CO_VARKEYWORDS | flags::RESUMABLE)
            == 0
            && self.kwonlyargcount == 0
            && self.cellvars.is_empty();
        simple.then_some(self.argcount)
    }

    /// Whether a call makes a generator, coroutine or async generator rather than running.
    pub fn is_generator(&self) -> bool {
        self.flags & flags::RESUMABLE != 0
    }

    /// Parameters including `*args` and `**kwargs`.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & flags::CO_VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::CO_VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// Slots a frame for this code needs: locals, cells, frees, then the value stack.
    pub fn frame_size(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len() + self.stacksize as usize
    }

    /// The line of the instruction at `index`, or the first line when out of range.
    pub fn line_at(&self, index: usize) -> u32 {
        self.lines.get(index).copied().unwrap_or(self.firstlineno)
    }

    /// The name of cell or free variable `i` (cells first, as `LOAD_DEREF` indexes them).
    pub fn deref_name(&self, i: usize) -> &str {
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            &self.freevars[i - self.cellvars.len()]
        }
    }

    /// Decodes the instruction stream, folding `EXTENDED_ARG` prefixes.
    pub fn instructions(&self) -> Instructions<'_> {
        Instructions {
            code: &self.code,
            pos: 0,
        }
    }
}

/// Iterator over decoded instructions; see [`CodeObject::instructions`].
pub struct Instructions<'a> {
    code: &'a [u8],
    pos: usize,
}

impl Iterator for Instructions<'_> {
    type Item = Instruction;

    fn next(&mut self) -> Option<Instruction> {
        let start = self.pos / 2;
        let mut arg: u32 = 0;
        while self.pos + 1 < self.code.len() {
            let byte = self.code[self.pos];
            arg = (arg << 8) | u32::from(self.code[self.pos + 1]);
            let index = self.pos / 2;
            self.pos += 2;
            // An undecodable byte cannot come from our compiler; show it as a NOP-like word
            // rather than stopping, so `dis` of a damaged stream still lists what follows.
            let opcode = Opcode::from_byte(byte).unwrap_or(Opcode::Nop);
            if opcode != Opcode::ExtendedArg {
                return Some(Instruction {
                    index: index as u32,
                    start: start as u32,
                    opcode,
                    arg,
                });
            }
        }
        None
    }
}

impl fmt::Display for Constant {
    /// The `repr` `dis` shows for a constant.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constant::None => f.write_str("None"),
            Constant::Bool(true) => f.write_str("True"),
            Constant::Bool(false) => f.write_str("False"),
            Constant::Int(i) => write!(f, "{i}"),
            Constant::BigInt(i) => write!(f, "{i}"),
            Constant::Float(x) => f.write_str(&crate::num::float_repr::float_repr(*x)),
            Constant::Str(s) => f.write_str(&crate::text::repr::str_repr(s)),
            Constant::Tuple(items) => {
                f.write_str("(")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Constant::Bytes(b) => f.write_str(&crate::text::repr::bytes_repr(b)),
            Constant::FrozenSet(items) => {
                f.write_str("frozenset({")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("})")
            }
            // No address, unlike CPython: listings must be reproducible to be golden-tested.
            Constant::Code(code) => write!(
                f,
                "<code object {}, file \"{}\", line {}>",
                code.name, code.filename, code.firstlineno
            ),
            Constant::Ellipsis => f.write_str("Ellipsis"),
        }
    }
}
