//! The snapshot as data: what `durable.wait` writes and `rceval resume` reads.
//!
//! Objects are numbered in the order the walk from the roots meets them; every reference is
//! such a number ([`Val::Obj`]), so sharing and cycles survive the trip. Objects the binary
//! creates by itself (built-in types, native functions, native modules) are saved by name
//! ([`Obj::Named`]) and looked up again in the resuming VM; everything else is saved by content.
//! Code is saved by reference to a code object of a source file, identified by content hash
//! ([`CodeRec`]), never as bytecode: resuming recompiles the source and checks the hashes.
//!
//! The encoding is JSON (serde_json): a workflow's state is small, and a readable snapshot
//! (`sqlite3 wf.db 'select data from snapshots'`) is worth more than a few bytes. Floats are
//! stored as their bit patterns, so they come back bit-exact (NaN payloads and -0.0 included).

use serde::{Deserialize, Serialize};

/// Bumped whenever the layout below changes incompatibly; a snapshot of another format is
/// refused rather than misread.
/// 2: frame objects, `f_locals` proxies, traceback objects and full traceback entries.
pub const SNAPSHOT_FORMAT: u32 = 2;

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub enum Val {
    Null,
    None,
    Bool(bool),
    Int(i64),
    /// `f64::to_bits`.
    Float(u64),
    Obj(u32),
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Snapshot {
    pub format: u32,
    /// The main program's path, as given to `rceval run`.
    pub program: String,
    /// Every source file whose code the snapshot refers to, with its text at suspension
    /// (the text lets `--migrate` map lines, and `workflows` show where a program waits).
    pub sources: Vec<SourceRec>,
    pub codes: Vec<CodeRec>,
    pub objects: Vec<Obj>,
    /// The VM's frame stack, outermost first; the last one is the caller of `durable.wait`,
    /// its value stack already without the call's operands.
    pub frames: Vec<FrameRec>,
    /// `sys.modules` entries saved by content (modules written in Python), in table order.
    pub modules: Vec<(String, Val)>,
    /// The exception being handled when `wait` was called (inside an `except` block).
    pub handled: Val,
    pub recursion_limit: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct SourceRec {
    pub filename: String,
    pub text: String,
}

/// A code object: found again by file and content hash in the recompiled source.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct CodeRec {
    pub filename: String,
    pub qualname: String,
    pub firstlineno: u32,
    /// Hex SHA-256 of the code object's content (see `codes::code_hash`).
    pub hash: String,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct FrameRec {
    pub code: u32,
    pub globals: u32,
    pub locals: Val,
    pub pc: u32,
    pub lasti: u32,
    /// The line of `lasti` when saved (for messages and migration).
    pub line: u32,
    /// Locals, cells, frees, then the live value stack (`slots.len() - stack_base` deep).
    pub slots: Vec<Val>,
    pub stack_base: u32,
    pub blocks: Vec<BlockRec>,
    pub is_entry: bool,
    pub generator: Option<u32>,
    /// The frame's frame object ([`Obj::Frame`]), if one was made: the record's header link,
    /// so that `sys._getframe()` keeps answering the same object after a resume.
    pub frame_object: Option<u32>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockRec {
    /// `true` for an except-handler block, `false` for `SETUP_FINALLY`/`SETUP_WITH`.
    pub except_handler: bool,
    pub handler: u32,
    pub level: u32,
}

/// A dict, set or namespace table, exactly as laid out (deleted entries and a set's slot
/// table included), so iteration order comes back unchanged.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct DictRec {
    /// `(hash, key, value)`; a `Null` key marks a deleted entry.
    pub entries: Vec<(i64, Val, Val)>,
    pub set_order: Option<SetOrderRec>,
    /// The mutation counter live iterators compare against.
    pub version: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct SetOrderRec {
    pub table: Vec<u32>,
    pub fill: usize,
    pub used: usize,
    pub finger: usize,
    pub position: Vec<u32>,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub enum Obj {
    /// An object the binary makes by itself, by its path from the VM's named roots
    /// (`builtins:len`, `builtins:list.append`, `module:math.sqrt`).
    Named(String),
    /// A native function not reachable by name, found by the named function it shares its
    /// code with (a bound built-in method like `[].append`).
    Native {
        path: String,
        this: Val,
    },
    Str {
        s: String,
        interned: bool,
    },
    /// Decimal digits.
    BigInt(String),
    List(Vec<Val>),
    Tuple(Vec<Val>),
    Dict(DictRec),
    Set(DictRec),
    FrozenSet(DictRec),
    Function(Box<FunctionRec>),
    BoundMethod {
        func: Val,
        this: Val,
    },
    Type(Box<TypeRec>),
    Instance(Box<InstanceRec>),
    Cell(Val),
    Generator(Box<GeneratorRec>),
    Module {
        name: Val,
        dict: u32,
    },
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice {
        start: Val,
        stop: Val,
        step: Val,
    },
    Iter(IterRec),
    DictView {
        dict: u32,
        kind: u8,
    },
    Code(u32),
    StaticMethod(Val),
    ClassMethod(Val),
    Property {
        fget: Val,
        fset: Val,
        fdel: Val,
        doc: Val,
    },
    Bytes(Vec<u8>),
    ByteArray(Vec<u8>),
    MemberDescriptor {
        name: String,
        owner: String,
    },
    Frame(Box<FrameObjectRec>),
    /// A PEP 667 `FrameLocalsProxy` of this frame object.
    FrameLocals(u32),
    Traceback {
        frame: Val,
        lineno: u32,
        lasti: u32,
        next: Val,
    },
    /// An `array.array`: its type code and its items' machine bytes (`tobytes`).
    Array {
        typecode: char,
        bytes: Vec<u8>,
    },
    /// A `collections.deque`: its items, its maxlen and its mutation counter.
    Deque {
        items: Vec<Val>,
        maxlen: Option<u64>,
        state: u64,
    },
    /// A native library object (`functools.partial`, `operator`'s getters): its type, and
    /// its state as plain parts (`modules::native_object::NativeParts`).
    NativeObject {
        ty: u32,
        kind: String,
        vals: Vec<Val>,
        lists: Vec<Vec<Val>>,
    },
}

/// A frame object. A live one (`finished: None`) is named by exactly one saved frame record
/// ([`FrameRec::frame_object`]), which holds its state.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct FrameObjectRec {
    pub code: u32,
    pub globals: u32,
    pub generator: Option<u32>,
    pub extra_locals: Val,
    pub finished: Option<FinishedFrameRec>,
}

/// What a frame object keeps of its frame once the frame has ended.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct FinishedFrameRec {
    pub locals: Val,
    pub lasti: u32,
    pub started: bool,
    pub back: Val,
    /// Locals, cells and frees.
    pub variables: Vec<Val>,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct FunctionRec {
    pub code: u32,
    pub globals: u32,
    pub name: Val,
    pub qualname: Val,
    pub defaults: Vec<Val>,
    pub kwdefaults: Val,
    pub closure: Vec<Val>,
    pub module: Val,
    pub doc: Val,
    pub dict: Option<DictRec>,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct TypeRec {
    pub name: String,
    pub qualname: String,
    pub module: String,
    pub bases: Vec<u32>,
    pub mro: Vec<u32>,
    pub dict: DictRec,
    /// The layout's name (`Layout`'s variant).
    pub layout: String,
    pub builtin: bool,
    pub slotted: bool,
    pub getattribute_hook: bool,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct InstanceRec {
    pub class: u32,
    pub dict: DictRec,
    pub base_value: Val,
    pub exc: Option<ExceptionRec>,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct ExceptionRec {
    pub args: Val,
    /// One entry per frame the exception passed, innermost first.
    pub traceback: Vec<TracebackEntryRec>,
    pub cause: Val,
    pub context: Val,
    pub suppress_context: bool,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct TracebackEntryRec {
    pub filename: String,
    pub line: u32,
    pub name: String,
    pub lasti: u32,
    /// `tb_frame`: the frame object of that frame.
    pub frame: Val,
    /// The `traceback` object made for this entry, or `Null` if none was asked for yet.
    pub tb: Val,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct GeneratorRec {
    /// `generator`, `coroutine` or `async generator` (absent in older snapshots: generator).
    #[serde(default)]
    pub kind: String,
    pub frame: Option<FrameRec>,
    /// `created`, `suspended` or `finished` (a running generator cannot be saved).
    pub state: String,
    pub name: Val,
    pub qualname: Val,
    pub yield_from: Val,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub enum IterRec {
    Seq {
        seq: u32,
        index: usize,
    },
    Str {
        s: u32,
        pos: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Dict {
        dict: u32,
        slot: usize,
        kind: u8,
        version: u64,
    },
    Enumerate {
        iter: Val,
        count: i64,
    },
    Zip {
        iters: Vec<Val>,
    },
    Map {
        func: Val,
        iters: Vec<Val>,
    },
    Filter {
        func: Val,
        iter: Val,
    },
    Reversed {
        seq: u32,
        index: usize,
    },
    Callable {
        func: Val,
        sentinel: Val,
    },
    SeqIndex {
        getitem: Val,
        index: i64,
    },
    /// An `itertools` iterator: its type and its state's parts (`itertools::ToolParts`).
    Tool {
        ty: u32,
        kind: String,
        vals: Vec<Val>,
        nums: Vec<u64>,
        lists: Vec<Vec<Val>>,
    },
    Exhausted,
}
