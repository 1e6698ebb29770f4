//! Heap objects: everything that is not an immediate [`Value`].

use std::cell::Cell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::dict::PyDict;
use super::frame::{FrameBox, ZombieSlot};
use super::instance_dict::InstanceDict;
use super::introspect::{FrameObject, TracebackObject};
use super::type_cache::{SpecialMethods, TypeSummary};
use super::value::{ObjRef, Value};
use super::vm::Vm;
use super::{Kwargs, PyResult};
use crate::code::CodeObject;

/// A native function: positional arguments (with `self` first for methods) and keyword pairs.
pub type NativeFn = fn(&mut Vm, &[Value], Kwargs<'_>) -> PyResult<Value>;

#[derive(Debug)]
pub enum Object {
    Str(PyStr),
    /// An int outside i64 (always; in-range ints are `Value::Int`).
    BigInt(BigInt),
    List(Vec<Value>),
    Tuple(Box<[Value]>),
    Dict(PyDict),
    /// Sets reuse the dict table with `None` values.
    Set(PyDict),
    FrozenSet(PyDict),
    Function(Box<Function>),
    BoundMethod {
        func: Value,
        this: Value,
    },
    Builtin(Builtin),
    Type(Box<TypeObject>),
    Instance(Instance),
    Cell(Value),
    Generator(Box<Generator>),
    /// An awaitable stepping a coroutine or async generator (see [`AwaitOp`]).
    AwaitOp(Box<AwaitOp>),
    Module(Box<Module>),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Iter(Box<IterState>),
    DictView {
        dict: ObjRef,
        kind: DictViewKind,
    },
    Code(Rc<CodeUnit>),
    StaticMethod(Value),
    ClassMethod(Value),
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
    },
    NotImplemented,
    Ellipsis,
    Bytes(Box<[u8]>),
    ByteArray(Vec<u8>),
    /// An `array.array`: typed items in one buffer (see `modules::array`).
    Array(Box<super::modules::array::PyArray>),
    /// A `collections.deque` (see `modules::deque`).
    Deque(Box<super::modules::deque::PyDeque>),
    /// An object of a native library type with no Python-visible layout of its own
    /// (`functools.partial`, `operator.itemgetter`...): its type and state (see
    /// `modules::native_object`).
    Native(Box<super::modules::native_object::NativeObject>),
    /// A `__slots__` entry in its class: the attribute lives in the instance.
    MemberDescriptor {
        name: Rc<str>,
        owner: Rc<str>,
    },
    /// A frame object (`sys._getframe()`, `tb_frame`, `gi_frame`), made only when asked for;
    /// see [`super::introspect`].
    Frame(Box<FrameObject>),
    /// `frame.f_locals` of a function frame: a write-through view of the frame object's
    /// variables (PEP 667's `FrameLocalsProxy`). Holds the frame object.
    FrameLocals(ObjRef),
    /// A traceback object, built from an exception's traceback entries when first asked for.
    Traceback(Box<TracebackObject>),
}

/// An immutable str with its length in code points and a lazily computed hash.
#[derive(Debug)]
pub struct PyStr {
    pub s: Box<str>,
    pub char_len: usize,
    /// `i64::MIN` until first hashed (no real hash takes that value: CPython's are never -1
    /// and ours mirror them).
    pub hash: Cell<i64>,
    /// Whether this is the VM's interned copy of its text (`Vm::intern`), which lives as long
    /// as the VM: caches may key on its handle.
    pub interned: Cell<bool>,
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> Self {
        let s = s.into();
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            char_len,
            hash: Cell::new(i64::MIN),
            interned: Cell::new(false),
        }
    }

    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != i64::MIN {
            return h;
        }
        let h = crate::num::hash::str_hash(&self.s);
        self.hash.set(h);
        h
    }
}

/// A code object plus its constants and names turned into values once, when loaded.
#[derive(Debug)]
pub struct CodeUnit {
    pub code: Rc<CodeObject>,
    /// The number of positional arguments a call may pass straight into the frame's first
    /// slots, with nothing else to bind ([`CodeObject::fast_call_arity`]); `u32::MAX` if
    /// calls of this code need the general binder.
    pub fast_arity: u32,
    /// `LOAD_GLOBAL`'s cache, one entry per name (see `runtime::global_cache`).
    pub global_cache: Box<[std::cell::Cell<super::global_cache::GlobalCacheEntry>]>,
    pub consts: Box<[Value]>,
    /// `co_names` as interned str values.
    pub names: Box<[Value]>,
    /// `co_varnames` as interned str values, for keyword-argument binding.
    pub varnames: Box<[Value]>,
    pub name: Value,
    pub qualname: Value,
    /// The frame the `zombie` allocator keeps for this code's next call.
    pub zombie: ZombieSlot,
    /// The `code` object Python sees for this unit (`f.__code__`, `frame.f_code`), made on
    /// first use or when the unit is a constant of its enclosing code; it lives as long as the
    /// VM. A cache only: a unit is fully described by its fields above.
    pub object: Cell<Option<ObjRef>>,
}

#[derive(Debug)]
pub struct Function {
    pub code: Rc<CodeUnit>,
    pub globals: ObjRef,
    pub name: Value,
    pub qualname: Value,
    /// Positional defaults (for the last `len` positional parameters).
    pub defaults: Box<[Value]>,
    /// Keyword-only defaults: a dict, or `Null`.
    pub kwdefaults: Value,
    /// The cells for the code's free variables.
    pub closure: Box<[Value]>,
    pub module: Value,
    pub doc: Value,
    /// Attributes set on the function object (`f.x = 1`), created on first use.
    pub dict: Option<PyDict>,
}

#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// The object a method is bound to (`Null` for plain functions and unbound methods).
    pub this: Value,
}

/// Which built-in layout the instances of a type have; user classes inherit it from their
/// built-in base (a subclass of `list` holds a list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    None,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Type,
    Function,
    BuiltinFunction,
    Method,
    Cell,
    Generator,
    Module,
    Range,
    Slice,
    Iterator,
    DictView,
    Code,
    StaticMethod,
    ClassMethod,
    Property,
    NotImplemented,
    Ellipsis,
    Bytes,
    ByteArray,
    Array,
    Deque,
    /// The native library types of `modules::native_object`.
    Native,
    MemberDescriptor,
    Frame,
    FrameLocals,
    Traceback,
    BaseException,
}

#[derive(Debug)]
pub struct TypeObject {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub bases: Vec<ObjRef>,
    /// The C3 linearization, starting with this type.
    pub mro: Vec<ObjRef>,
    pub dict: PyDict,
    pub layout: Layout,
    /// Built-in types reject attribute assignment and are printed as `<class 'int'>`.
    pub builtin: bool,
    /// Instances have no `__dict__`: every class in the MRO declares `__slots__`.
    pub slotted: bool,
    /// The class (or a base) defines `__getattribute__`, so every attribute read calls it.
    pub getattribute_hook: bool,
    /// Filled on first use in each type epoch (`Vm::type_summary`).
    pub summary: Cell<TypeSummary>,
    /// Filled one method at a time on first use in each type epoch (`Vm::special_method`).
    pub special_methods: SpecialMethods,
}

/// An instance of a user class (or of a built-in exception type).
#[derive(Debug)]
pub struct Instance {
    pub class: ObjRef,
    pub dict: InstanceDict,
    /// For instances of built-in-derived classes: the built-in value they extend (a list for a
    /// `list` subclass), else `Null`.
    pub base_value: Value,
    /// Present for exceptions.
    pub exc: Option<Box<ExceptionData>>,
}

#[derive(Debug, Default)]
pub struct ExceptionData {
    /// The `args` tuple.
    pub args: Value,
    pub traceback: Vec<TracebackEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

/// One frame an exception passed through, innermost first in [`ExceptionData::traceback`].
#[derive(Debug, Clone)]
pub struct TracebackEntry {
    pub filename: Rc<str>,
    pub line: u32,
    pub name: Rc<str>,
    /// The instruction (index into the code's wordcode) that raised or called, for `tb_lasti`.
    pub lasti: u32,
    /// The frame object of that frame (`tb_frame`).
    pub frame: Value,
    /// The `traceback` object for this entry once `__traceback__` has been asked for, else
    /// `Null`; its `tb_next` is the previous (inner) entry's.
    pub tb: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// Which of the three resumable objects a generator-shaped object is: they share the frame
/// machinery and differ in type, messages and protocol (CPython's `gi_`/`cr_`/`ag_` objects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The kind a call of code with these `co_flags` makes.
    pub fn of_flags(flags: u32) -> GenKind {
        use crate::code::flags::{CO_ASYNC_GENERATOR, CO_COROUTINE};
        if flags & CO_COROUTINE != 0 {
            GenKind::Coroutine
        } else if flags & CO_ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        }
    }

    /// The word CPython's messages use ("generator already executing", ...).
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// What an [`AwaitOp`] does with its generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwaitOpKind {
    /// `coro.__await__()`: the coroutine's steps as an iterator (`coroutine_wrapper`).
    CoroWrapper,
    /// `agen.asend(v)` / `agen.__anext__()`: one step of the async generator.
    ASend,
    /// `agen.athrow(exc)`: throw into the async generator.
    AThrow,
    /// `agen.aclose()`: throw `GeneratorExit` in; it must not yield a value.
    AClose,
}

/// Where an [`AwaitOp`] is (CPython's `AWAITABLE_STATE_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwaitOpState {
    Init,
    Iter,
    Closed,
}

/// The awaitable objects over a coroutine or async generator (CPython's
/// `coroutine_wrapper`, `async_generator_asend`, `async_generator_athrow`): driven by
/// `send`/`throw` like a generator, they step `target` and turn its yields into what an awaiting
/// frame expects.
#[derive(Debug)]
pub struct AwaitOp {
    pub kind: AwaitOpKind,
    pub target: ObjRef,
    /// The value to send first (`ASend`) or the exception to throw in (`AThrow`).
    pub value: Value,
    pub state: AwaitOpState,
}

#[derive(Debug)]
pub struct Generator {
    pub kind: GenKind,
    /// Absent while the generator runs (its frame is then on the VM's frame stack) and after
    /// it finishes.
    pub frame: Option<FrameBox>,
    pub state: GenState,
    pub name: Value,
    pub qualname: Value,
    /// The iterator a `yield from` is delegating to, for `gi_yieldfrom`.
    pub yield_from: Value,
}

#[derive(Debug)]
pub struct Module {
    pub name: Value,
    pub dict: ObjRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

/// The state of a built-in iterator.
#[derive(Debug)]
pub enum IterState {
    /// Over a list, tuple or str by index (re-checking the length each step: lists may change).
    Seq {
        seq: ObjRef,
        index: usize,
    },
    /// Over a str by byte position.
    Str {
        s: ObjRef,
        pos: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Over a dict's or set's slots, failing if its size changes.
    Dict {
        dict: ObjRef,
        slot: usize,
        kind: DictViewKind,
        version: u64,
    },
    Enumerate {
        iter: Value,
        count: i64,
    },
    Zip {
        iters: Box<[Value]>,
    },
    Map {
        func: Value,
        iters: Box<[Value]>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    Reversed {
        seq: ObjRef,
        index: usize,
    },
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// The old sequence protocol: `getitem(0)`, `getitem(1)`, ... until IndexError.
    SeqIndex {
        getitem: Value,
        index: i64,
    },
    /// Over a `collections.deque`, forwards or backwards, failing if the deque's length or
    /// order changes (its `state` counter moves).
    Deque {
        deque: ObjRef,
        index: usize,
        remaining: usize,
        state: u64,
        reverse: bool,
    },
    /// An `itertools` iterator: its type (made by the module) and its state (boxed: the
    /// common iterators above stay small).
    Tool {
        ty: ObjRef,
        state: Box<super::modules::itertools::ToolState>,
    },
    Exhausted,
}

impl Object {
    /// Calls `f` with every value this object keeps alive (for the collector).
    pub fn trace(&self, mut f: impl FnMut(Value)) {
        match self {
            Object::Str(_)
            | Object::BigInt(_)
            | Object::Builtin(Builtin {
                this: Value::Null, ..
            })
            | Object::NotImplemented
            | Object::Ellipsis
            | Object::Bytes(_)
            | Object::ByteArray(_)
            | Object::Array(_)
            | Object::MemberDescriptor { .. } => {}
            Object::List(items) => items.iter().copied().for_each(f),
            Object::Tuple(items) => items.iter().copied().for_each(f),
            Object::Deque(d) => d.items.iter().copied().for_each(f),
            Object::Native(n) => n.trace(&mut f),
            Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => trace_dict(d, &mut f),
            Object::Function(func) => {
                f(Value::Obj(func.globals));
                f(func.name);
                f(func.qualname);
                f(func.kwdefaults);
                f(func.module);
                f(func.doc);
                func.defaults.iter().copied().for_each(&mut f);
                func.closure.iter().copied().for_each(&mut f);
                trace_code(&func.code, &mut f);
                if let Some(d) = &func.dict {
                    trace_dict(d, &mut f);
                }
            }
            Object::BoundMethod { func, this } => {
                f(*func);
                f(*this);
            }
            Object::Builtin(b) => f(b.this),
            Object::Type(t) => {
                t.bases.iter().chain(&t.mro).for_each(|&r| f(Value::Obj(r)));
                trace_dict(&t.dict, &mut f);
            }
            Object::Instance(inst) => {
                f(Value::Obj(inst.class));
                f(inst.base_value);
                for e in inst.dict.iter() {
                    f(e.key);
                    f(e.value);
                }
                if let Some(exc) = &inst.exc {
                    f(exc.args);
                    f(exc.cause);
                    f(exc.context);
                    for entry in &exc.traceback {
                        f(entry.frame);
                        f(entry.tb);
                    }
                }
            }
            Object::Cell(v) | Object::StaticMethod(v) | Object::ClassMethod(v) => f(*v),
            Object::Generator(g) => {
                f(g.name);
                f(g.qualname);
                f(g.yield_from);
                if let Some(frame) = &g.frame {
                    frame.trace(&mut f);
                }
            }
            Object::AwaitOp(op) => {
                f(Value::Obj(op.target));
                f(op.value);
            }
            Object::Module(m) => {
                f(m.name);
                f(Value::Obj(m.dict));
            }
            Object::Range { .. } => {}
            Object::Slice { start, stop, step } => {
                f(*start);
                f(*stop);
                f(*step);
            }
            Object::Iter(it) => match &**it {
                IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => f(Value::Obj(*seq)),
                IterState::Str { s, .. } => f(Value::Obj(*s)),
                IterState::Dict { dict, .. } => f(Value::Obj(*dict)),
                IterState::Deque { deque, .. } => f(Value::Obj(*deque)),
                IterState::Enumerate { iter, .. } => f(*iter),
                IterState::Zip { iters } => iters.iter().copied().for_each(f),
                IterState::Map { func, iters } => {
                    f(*func);
                    iters.iter().copied().for_each(f);
                }
                IterState::Filter { func, iter } => {
                    f(*func);
                    f(*iter);
                }
                IterState::Callable { func, sentinel } => {
                    f(*func);
                    f(*sentinel);
                }
                IterState::SeqIndex { getitem, .. } => f(*getitem),
                IterState::Tool { ty, state } => {
                    f(Value::Obj(*ty));
                    state.trace(&mut f);
                }
                IterState::Range { .. } | IterState::Exhausted => {}
            },
            Object::DictView { dict, .. } => f(Value::Obj(*dict)),
            Object::Code(code) => trace_code(code, &mut f),
            Object::Frame(frame) => frame.trace(&mut f),
            Object::FrameLocals(frame) => f(Value::Obj(*frame)),
            Object::Traceback(tb) => {
                f(tb.frame);
                f(tb.next);
            }
            Object::Property {
                fget,
                fset,
                fdel,
                doc,
            } => {
                f(*fget);
                f(*fset);
                f(*fdel);
                f(*doc);
            }
        }
    }
}

fn trace_dict(d: &PyDict, f: &mut impl FnMut(Value)) {
    for e in d.iter() {
        f(e.key);
        f(e.value);
    }
}

fn trace_code(code: &CodeUnit, f: &mut impl FnMut(Value)) {
    code.consts
        .iter()
        .chain(&*code.names)
        .chain(&*code.varnames)
        .copied()
        .for_each(&mut *f);
    f(code.name);
    f(code.qualname);
}
