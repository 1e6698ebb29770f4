//! The VM: heap, frame stack, built-in types, module table and the exception registers.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::dict::PyDict;
use super::frame::ZombieSlot;
use super::frame::{FrameBox, FramePool};
use super::heap::Heap;
use super::object::{Builtin, CodeUnit, Layout, NativeFn, Object, PyStr, TypeObject};
use super::types::{BUILTIN_TYPES, EXCEPTION_TREE, ExcKind, Types};
use super::value::{ObjRef, Value};
use super::{PyResult, Raised};
use crate::code::{CodeObject, Constant};

/// How a frame's execution ended, as reported by the installed eval loop.
pub enum FrameExit {
    Returned(Value),
    /// A generator frame suspended at `YIELD_VALUE`: the frame comes back to its generator.
    Yielded(Value, FrameBox),
    /// An exception is in [`Vm::exception`]; the frame has been released.
    Raised,
    /// `durable.wait` saved the program and stopped the loop: every frame is still on
    /// [`Vm::frames`], nothing was unwound (see [`Vm::durable`]).
    Suspended,
}

/// The entry points the dispatch crate installs (PEP 523's `eval_frame`, plus the allocator the
/// loop was built with), so that native code can run Python frames.
#[derive(Clone, Copy)]
pub struct EvalHooks {
    /// Runs `frame` (already initialised, not yet on the frame stack) to its end or first yield.
    pub eval_frame: fn(&mut Vm, FrameBox) -> FrameExit,
    pub alloc_frame: fn(&mut FramePool, &Rc<CodeUnit>, ObjRef, Value) -> FrameBox,
    pub release_frame: fn(&mut FramePool, FrameBox),
    /// Continues the frames already on [`Vm::frames`] (restored from a snapshot) until the
    /// bottom one, an entry frame, ends or the program suspends again.
    pub resume: fn(&mut Vm) -> FrameExit,
    /// The dispatch strategy and allocator names, for diagnostics.
    pub dispatch_name: &'static str,
    pub frames_name: &'static str,
}

/// Where `print` and tracebacks go: the process's streams, or buffers (tests).
pub enum Output {
    Stdout(StdoutBuffer),
    Stderr(std::io::Stderr),
    Buffer(Vec<u8>),
}

impl Output {
    /// Writes `s`, ignoring a failure (tracebacks and `rceval:` messages; the program's own
    /// writes go through [`Output::try_write_str`]).
    pub fn write_str(&mut self, s: &str) {
        let _ = self.try_write_str(s);
    }

    /// Writes `s`; an error is the OS's, to be raised as `OSError` where the program wrote.
    pub fn try_write_str(&mut self, s: &str) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.write(s.as_bytes()),
            Output::Stderr(w) => w.write_all(s.as_bytes()),
            Output::Buffer(b) => {
                b.extend_from_slice(s.as_bytes());
                Ok(())
            }
        }
    }

    /// Flushes, ignoring a failure (the program's output was already reported lost).
    pub fn flush(&mut self) {
        let _ = self.try_flush();
    }

    pub fn try_flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::Stderr(w) => w.flush(),
            Output::Buffer(_) => Ok(()),
        }
    }

    pub fn take_buffer(&mut self) -> Vec<u8> {
        match self {
            Output::Buffer(b) => std::mem::take(b),
            _ => Vec::new(),
        }
    }
}

/// An OS error's number and its text without Rust's " (os error N)" suffix.
pub fn os_error_parts(error: &std::io::Error) -> (i32, String) {
    let errno = error.raw_os_error().unwrap_or(0);
    let text = error.to_string();
    let suffix = format!(" (os error {errno})");
    let strerror = text.strip_suffix(&suffix).unwrap_or(&text).to_string();
    (errno, strerror)
}

/// The program's stdout as CPython buffers it: 8 KiB blocks, or lines on a terminal. Written
/// to its own handle on file descriptor 1 rather than through `std::io::Stdout` (whose line
/// buffer keeps unwritten bytes after an error), so that a write that fails drops what it
/// could not write, as CPython's `BufferedWriter` does: a program killed by `BrokenPipeError`
/// reports it once, not again at exit. A failed `flush()` keeps its bytes, as CPython's does.
pub struct StdoutBuffer {
    /// `None` when file descriptor 1 is closed: writes vanish, as with CPython's
    /// `sys.stdout = None`.
    file: Option<std::fs::File>,
    pending: Vec<u8>,
    line_buffered: bool,
}

/// CPython's `io.DEFAULT_BUFFER_SIZE`.
const STDOUT_BUFFER_BYTES: usize = 8192;

impl StdoutBuffer {
    pub fn new() -> StdoutBuffer {
        use std::io::IsTerminal;
        use std::os::fd::AsFd;
        let stdout = std::io::stdout();
        StdoutBuffer {
            file: stdout
                .as_fd()
                .try_clone_to_owned()
                .ok()
                .map(std::fs::File::from),
            pending: Vec::new(),
            line_buffered: stdout.is_terminal(),
        }
    }

    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if self.file.is_none() {
            return Ok(());
        }
        self.pending.extend_from_slice(bytes);
        let line_done = self.line_buffered && bytes.contains(&b'\n');
        if line_done || self.pending.len() >= STDOUT_BUFFER_BYTES {
            let written = self.flush();
            if written.is_err() {
                // CPython writes a full buffer's worth straight through and keeps nothing of it.
                self.pending.clear();
            }
            return written;
        }
        Ok(())
    }

    /// Writes what is pending; after a failure it stays pending (CPython reports it again at
    /// exit).
    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(file) if !self.pending.is_empty() => {
                file.write_all(&self.pending)?;
                self.pending.clear();
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// A VM dropped without the driver's final flush (an embedding, a test) still writes what the
/// program printed, as the `BufWriter` this replaced did.
impl Drop for StdoutBuffer {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

impl Default for StdoutBuffer {
    fn default() -> Self {
        Self::new()
    }
}

pub struct Vm {
    pub heap: Heap,
    /// Every active frame, the running one last. Generator frames join it while they run.
    pub frames: Vec<FrameBox>,
    pub frame_pool: FramePool,
    pub hooks: EvalHooks,
    pub types: Types,
    /// Exception classes, indexed by [`ExcKind::index`].
    pub exc_types: Vec<ObjRef>,
    /// The `builtins` module's dict.
    pub builtins: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    /// Hashed with FxHash: the runtime interns the names of the special methods it looks up
    /// on every operator, attribute access and call, and SipHash made that 17% of
    /// `richards`' host instructions (callgrind).
    pub interned: FxHashMap<Rc<str>, ObjRef>,
    /// [`Vm::intern_static`]'s memo.
    static_names: StaticNames,
    /// What attribute lookups along types' MROs found ([`super::type_cache`]).
    pub type_attr_cache: super::type_cache::TypeAttrCache,
    /// `"__setattr__"`, interned once: every attribute store of a user class looks it up.
    pub setattr_name: Value,
    /// The exception being raised (`Null` when none).
    pub exception: Value,
    /// The exception being handled (`sys.exc_info()`), saved and restored by the block stack.
    pub handled: Value,
    pub recursion_limit: usize,
    /// Native calls back into Python currently on the host stack.
    pub native_depth: usize,
    pub stdout: Output,
    pub stderr: Output,
    /// Values native code holds across calls back into Python, so the collector sees them.
    pub temp_roots: Vec<Value>,
    /// Values that live as long as the VM (materialised constants, singletons).
    pub permanent: Vec<Value>,
    pub argv: Vec<String>,
    /// The folder of the main program, where `import` looks for modules.
    pub main_dir: PathBuf,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    /// Source text of every loaded file, for the source lines tracebacks show.
    pub sources: HashMap<String, String>,
    /// What `durable.wait` does, and whether the program has been suspended.
    pub durable: super::snapshot::DurableState,
}

/// Native re-entries (a builtin calling Python calling a builtin ...) the host stack can take.
/// The interpreter thread's stack is sized for it; see `rceval::driver`.
pub const MAX_NATIVE_DEPTH: usize = 20_000;

impl Vm {
    pub fn new(hooks: EvalHooks) -> Vm {
        let mut heap = Heap::default();
        let handles: Vec<ObjRef> = BUILTIN_TYPES
            .iter()
            .map(|&(_, name, layout)| heap.alloc(Object::Type(Box::new(new_type(name, layout)))))
            .collect();
        let types = Types::from_handles(&handles);
        let object = types.object;
        for &r in &handles {
            let base = if r == object {
                None
            } else if r == types.bool_ {
                Some(types.int)
            } else {
                Some(object)
            };
            set_bases(&mut heap, r, base);
        }
        // `bool` precedes `int` in the table, so its MRO was built from int's empty one.
        set_bases(&mut heap, types.bool_, Some(types.int));
        for r in types.iterator_kinds() {
            set_bases(&mut heap, r, Some(types.iterator));
        }
        let mut exc_types: Vec<ObjRef> = Vec::with_capacity(EXCEPTION_TREE.len());
        for &(kind, base) in EXCEPTION_TREE {
            let r = heap.alloc(Object::Type(Box::new(new_type(
                kind.name(),
                Layout::BaseException,
            ))));
            let base = if kind == ExcKind::BaseException {
                object
            } else {
                exc_types[base.index()]
            };
            set_bases(&mut heap, r, Some(base));
            exc_types.push(r);
        }
        let builtins = heap.alloc(Object::Dict(PyDict::new()));
        let modules = heap.alloc(Object::Dict(PyDict::new()));
        let not_implemented = Value::Obj(heap.alloc(Object::NotImplemented));
        let ellipsis = Value::Obj(heap.alloc(Object::Ellipsis));
        let empty_tuple = Value::Obj(heap.alloc(Object::Tuple(Box::new([]))));
        let mut vm = Vm {
            heap,
            frames: Vec::new(),
            frame_pool: FramePool::default(),
            hooks,
            types,
            exc_types,
            builtins,
            modules,
            interned: FxHashMap::default(),
            static_names: StaticNames::default(),
            type_attr_cache: Default::default(),
            setattr_name: Value::Null,
            exception: Value::Null,
            handled: Value::Null,
            recursion_limit: 1000,
            native_depth: 0,
            stdout: Output::Stdout(StdoutBuffer::new()),
            stderr: Output::Stderr(std::io::stderr()),
            temp_roots: Vec::new(),
            permanent: Vec::new(),
            argv: Vec::new(),
            main_dir: PathBuf::from("."),
            not_implemented,
            ellipsis,
            empty_tuple,
            sources: HashMap::new(),
            durable: Default::default(),
        };
        vm.permanent.extend(handles.iter().map(|&r| Value::Obj(r)));
        let excs: Vec<Value> = vm.exc_types.iter().map(|&r| Value::Obj(r)).collect();
        vm.permanent.extend(excs);
        vm.permanent.extend([
            Value::Obj(builtins),
            Value::Obj(modules),
            not_implemented,
            ellipsis,
            empty_tuple,
        ]);
        for (i, &(_, name, layout)) in BUILTIN_TYPES.iter().enumerate() {
            if matches!(layout, Layout::Array | Layout::Deque) || name.starts_with('_') {
                // `array.array`, `collections.deque` and the private iterator types are
                // reached through their modules, not the builtins.
                continue;
            }
            let key = vm.intern(name);
            let r = handles[i];
            let _ = vm.dict_set_str(builtins, key, Value::Obj(r));
        }
        for (i, &(kind, _)) in EXCEPTION_TREE.iter().enumerate() {
            let key = vm.intern(kind.name());
            let r = vm.exc_types[i];
            let _ = vm.dict_set_str(builtins, key, Value::Obj(r));
        }
        for (name, value) in [("NotImplemented", not_implemented), ("Ellipsis", ellipsis)] {
            let key = vm.intern(name);
            let _ = vm.dict_set_str(builtins, key, value);
        }
        super::builtins::install(&mut vm);
        vm.add_builtin("__build_class__", super::class_builder::build_class);
        vm.setattr_name = vm.intern_static("__setattr__");
        vm
    }

    /// Directs `print` and tracebacks into buffers, for tests and embedding.
    pub fn capture_output(&mut self) {
        self.stdout = Output::Buffer(Vec::new());
        self.stderr = Output::Buffer(Vec::new());
    }

    // ---- allocation -------------------------------------------------------------------------

    #[inline]
    pub fn alloc(&mut self, obj: Object) -> Value {
        Value::Obj(self.heap.alloc(obj))
    }

    pub fn new_str(&mut self, s: impl Into<Box<str>>) -> Value {
        self.alloc(Object::Str(PyStr::new(s)))
    }

    /// The one str object for an identifier-like string; interned strings live as long as the
    /// VM and compare by handle first.
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(&r) = self.interned.get(s) {
            return Value::Obj(r);
        }
        let text = PyStr::new(s);
        text.interned.set(true);
        let r = self.heap.alloc(Object::Str(text));
        self.interned.insert(Rc::from(s), r);
        Value::Obj(r)
    }

    /// [`Vm::intern`] for a string in the program text (a special method's name), memoized by
    /// its address: the runtime looks such names up on every operator, call and conversion,
    /// and hashing the text each time was 3% of `raytrace`'s host instructions (callgrind).
    #[inline]
    pub fn intern_static(&mut self, s: &'static str) -> Value {
        let slot = self.static_names.slot(s);
        if let Some(r) = slot.get(s) {
            return Value::Obj(r);
        }
        let v = self.intern(s);
        if let Value::Obj(r) = v {
            self.static_names.slot(s).set((s, r));
        }
        v
    }

    /// A built-in type made at run time (a native module's): named `name` in `module`,
    /// deriving from `base`, its MRO `base`'s after itself.
    pub fn new_native_type(
        &mut self,
        name: &str,
        module: &str,
        base: Option<ObjRef>,
        layout: Layout,
    ) -> ObjRef {
        let r = self.heap.alloc(Object::Type(Box::new(TypeObject {
            module: Rc::from(module),
            bases: base.into_iter().collect(),
            ..new_type(name, layout)
        })));
        let mut mro = vec![r];
        if let Some(b) = base {
            mro.extend(self.type_obj(b).mro.iter().copied());
        }
        if let Object::Type(t) = self.heap.get_mut(r) {
            t.mro = mro;
        }
        self.heap.types_changed();
        r
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.alloc(Object::List(items))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple;
        }
        self.alloc(Object::Tuple(items.into_boxed_slice()))
    }

    pub fn new_dict(&mut self) -> Value {
        self.alloc(Object::Dict(PyDict::new()))
    }

    /// An int value from a big integer, normalised to an immediate when it fits.
    pub fn new_int(&mut self, i: BigInt) -> Value {
        match i.to_i64() {
            Some(small) => Value::Int(small),
            None => self.alloc(Object::BigInt(i)),
        }
    }

    pub fn new_builtin(&mut self, name: &'static str, func: NativeFn) -> Value {
        self.alloc(Object::Builtin(Builtin {
            name,
            func,
            this: Value::Null,
        }))
    }

    /// Registers a native function in the builtins module.
    pub fn add_builtin(&mut self, name: &'static str, func: NativeFn) {
        let f = self.new_builtin(name, func);
        let key = self.intern(name);
        let builtins = self.builtins;
        let _ = self.dict_set_str(builtins, key, f);
    }

    /// Registers a native method on a type.
    pub fn add_method(&mut self, ty: ObjRef, name: &'static str, func: NativeFn) {
        let f = self.new_builtin(name, func);
        self.set_type_attr(ty, name, f);
    }

    pub fn set_type_attr(&mut self, ty: ObjRef, name: &str, value: Value) {
        let key = self.intern(name);
        let hash = self.str_hash(key);
        if let Object::Type(t) = self.heap.get_mut(ty) {
            match t.dict.find(hash, |k| k.is(key)) {
                Some(slot) => t.dict.set_value_at(slot, value),
                None => t.dict.insert_new(hash, key, value),
            }
        }
        self.heap.types_changed();
    }

    pub fn exc_type(&self, kind: ExcKind) -> ObjRef {
        self.exc_types[kind.index()]
    }

    // ---- code loading ----------------------------------------------------------------------

    /// Turns a compiled code object (and the ones nested in it) into a runnable unit whose
    /// constants and names are values. They live as long as the VM.
    pub fn load_code(&mut self, code: &Rc<CodeObject>) -> Rc<CodeUnit> {
        let consts: Vec<Value> = code.consts.iter().map(|c| self.constant(c)).collect();
        let names: Vec<Value> = code.names.iter().map(|n| self.intern(n)).collect();
        let varnames: Vec<Value> = code.varnames.iter().map(|n| self.intern(n)).collect();
        let name = self.intern(&code.name);
        let qualname = self.intern(&code.qualname);
        self.permanent.extend(consts.iter().copied());
        Rc::new(CodeUnit {
            global_cache: super::global_cache::new_cache(names.len()),
            fast_arity: code.fast_call_arity().unwrap_or(u32::MAX),
            code: Rc::clone(code),
            consts: consts.into_boxed_slice(),
            names: names.into_boxed_slice(),
            varnames: varnames.into_boxed_slice(),
            name,
            qualname,
            zombie: ZombieSlot::default(),
            object: std::cell::Cell::new(None),
        })
    }

    fn constant(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(i) => self.new_int((**i).clone()),
            Constant::Float(x) => Value::Float(*x),
            Constant::Str(s) => {
                // Short identifier-like constants are interned, as CPython does, so that
                // attribute and keyword lookups with them hit the identity fast path.
                if s.len() <= 40 && s.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_') {
                    self.intern(s)
                } else {
                    self.new_str(&**s)
                }
            }
            Constant::Tuple(items) => {
                let vals: Vec<Value> = items.iter().map(|i| self.constant(i)).collect();
                self.new_tuple(vals)
            }
            Constant::FrozenSet(items) => self.frozenset_constant(items),
            Constant::Bytes(b) => super::builtins::bytes::new_bytes(self, b.to_vec()),
            Constant::Code(code) => {
                let unit = self.load_code(code);
                let object = self.heap.alloc(Object::Code(Rc::clone(&unit)));
                unit.object.set(Some(object));
                Value::Obj(object)
            }
            Constant::Ellipsis => self.ellipsis,
        }
    }

    /// A folded set display's frozenset, built as CPython builds it: from the items in source
    /// order, then rebuilt from that set's iteration order when the compiler merges
    /// constants (`merge_consts_recursive`). Its table layout is what the set display copies.
    fn frozenset_constant(&mut self, items: &[Constant]) -> Value {
        let vals: Vec<Value> = items.iter().map(|i| self.constant(i)).collect();
        let mut set = self.new_tuple(vals);
        // CPython builds the set from the items, rebuilds it from that set's order when
        // merging constants, and (when interning replaced a name-like str item, which we
        // take to be whenever there is one) once more in `intern_string_constants`.
        let names = items
            .iter()
            .any(|c| matches!(c, Constant::Str(s) if s.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')));
        let builds = if names { 3 } else { 2 };
        for round in 0..builds {
            let source = if round == 0 {
                set
            } else {
                let order = super::builtins::set_keys(self, set.as_obj().expect("set"));
                self.new_tuple(order)
            };
            self.temp_roots.push(source);
            let built = super::builtins::build_set(self, Some(source), true);
            self.temp_roots.pop();
            match built {
                Ok(s) => set = s,
                Err(_) => {
                    self.take_exception();
                    return source;
                }
            }
        }
        set
    }

    // ---- exceptions --------------------------------------------------------------------------

    /// Raises a new exception of a built-in class with a message; returns the marker to
    /// propagate: `return Err(vm.raise(ExcKind::TypeError, "..."))`.
    #[cold]
    pub fn raise(&mut self, kind: ExcKind, msg: impl Into<String>) -> Raised {
        let msg = self.new_str(msg.into());
        let exc = self.new_exception(self.exc_type(kind), vec![msg]);
        self.raise_value(exc)
    }

    /// Raises a new exception of a built-in class with the given `args`.
    #[cold]
    pub fn raise_with_args(&mut self, kind: ExcKind, args: Vec<Value>) -> Raised {
        let exc = self.new_exception(self.exc_type(kind), args);
        self.raise_value(exc)
    }

    /// Raises an existing exception instance.
    #[cold]
    pub fn raise_value(&mut self, exc: Value) -> Raised {
        if !self.handled.is_null() && !self.handled.is(exc) {
            super::exceptions::set_context_if_unset(self, exc, self.handled);
        }
        self.exception = exc;
        Raised
    }

    /// Shorthand for `Err(vm.raise(kind, msg))`.
    #[cold]
    pub fn err<T>(&mut self, kind: ExcKind, msg: impl Into<String>) -> PyResult<T> {
        Err(self.raise(kind, msg))
    }

    /// Raises the `OSError` CPython raises for a failed system call: `BrokenPipeError` for
    /// `EPIPE`, with `(errno, strerror)` as its args so that it prints `[Errno 32] Broken pipe`.
    #[cold]
    pub fn raise_os_error(&mut self, error: &std::io::Error) -> Raised {
        let kind = match error.kind() {
            std::io::ErrorKind::BrokenPipe => ExcKind::BrokenPipeError,
            _ => ExcKind::OSError,
        };
        let (errno, strerror) = os_error_parts(error);
        let strerror = self.new_str(strerror);
        self.raise_with_args(kind, vec![Value::Int(errno.into()), strerror])
    }

    /// Writes the program's output to stdout (`print`, `sys.stdout.write`).
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        self.stdout
            .try_write_str(s)
            .map_err(|e| self.raise_os_error(&e))
    }

    /// `sys.stdout.flush()`.
    pub fn flush_stdout(&mut self) -> PyResult<()> {
        self.stdout.try_flush().map_err(|e| self.raise_os_error(&e))
    }

    /// Takes the pending exception (clearing it).
    pub fn take_exception(&mut self) -> Value {
        std::mem::replace(&mut self.exception, Value::Null)
    }

    /// Whether the pending exception is an instance of `kind` (or a subclass).
    pub fn exception_matches(&self, kind: ExcKind) -> bool {
        let ty = self.exc_type(kind);
        match self.exception {
            Value::Obj(_) => self.is_subtype(self.type_of(self.exception), ty),
            _ => false,
        }
    }

    // ---- garbage collection ------------------------------------------------------------------

    /// Collects garbage if enough has been allocated. Only the eval loop calls this, at
    /// safepoints, where every live value is reachable from the roots below.
    #[inline(always)]
    pub fn maybe_collect(&mut self) {
        if self.heap.wants_collection() {
            self.collect_garbage();
        }
    }

    #[cold]
    pub fn collect_garbage(&mut self) -> usize {
        let mut roots: Vec<Value> = Vec::with_capacity(1024);
        roots.extend(self.permanent.iter().copied());
        roots.extend(self.temp_roots.iter().copied());
        roots.extend(self.interned.values().map(|&r| Value::Obj(r)));
        roots.extend([self.exception, self.handled]);
        for frame in &self.frames {
            frame.trace(&mut |v| roots.push(v));
        }
        self.heap.collect(roots)
    }

    // ---- small conveniences ------------------------------------------------------------------

    /// The &str inside a str value (`None` for anything else).
    pub fn as_str(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => Some(&s.s),
                _ => None,
            },
            _ => None,
        }
    }

    /// The hash of a str value (which must be one).
    pub fn str_hash(&self, v: Value) -> i64 {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => s.hash(),
                _ => 0,
            },
            _ => 0,
        }
    }

    /// Stores `key -> value` in a dict whose keys are all strs (namespaces), without calling
    /// back into Python.
    pub fn dict_set_str(&mut self, dict: ObjRef, key: Value, value: Value) -> PyResult<()> {
        let hash = self.str_hash(key);
        let slot = self.find_str_key(dict, key, hash);
        if let Object::Dict(d) = self.heap.get_mut(dict) {
            match slot {
                Some(slot) => d.set_value_at(slot, value),
                None => d.insert_new(hash, key, value),
            }
        }
        Ok(())
    }

    /// Looks up a str key in a dict without calling back into Python.
    #[inline]
    pub fn dict_get_str(&self, dict: ObjRef, key: Value) -> Option<Value> {
        let hash = self.str_hash(key);
        let slot = self.find_str_key(dict, key, hash)?;
        match self.heap.get(dict) {
            Object::Dict(d) => Some(d.value_at(slot)),
            _ => None,
        }
    }

    /// The entry position of str key `key` in dict `dict`.
    pub fn dict_find_str(&self, dict: ObjRef, key: Value) -> Option<usize> {
        let hash = self.str_hash(key);
        self.find_str_key(dict, key, hash)
    }

    fn find_str_key(&self, dict: ObjRef, key: Value, hash: i64) -> Option<usize> {
        let Object::Dict(d) = self.heap.get(dict) else {
            return None;
        };
        let key_str = self.as_str(key);
        d.find(hash, |k| {
            k.is(key) || (key_str.is_some() && self.as_str(k) == key_str)
        })
    }

    /// Looks a name up in the builtins module.
    pub fn builtin(&mut self, name: &str) -> Option<Value> {
        let key = self.intern(name);
        self.dict_get_str(self.builtins, key)
    }
}

fn new_type(name: &str, layout: Layout) -> TypeObject {
    TypeObject {
        name: Rc::from(name),
        qualname: Rc::from(name),
        module: Rc::from("builtins"),
        bases: Vec::new(),
        mro: Vec::new(),
        dict: PyDict::new(),
        layout,
        builtin: true,
        slotted: false,
        getattribute_hook: false,
        summary: Default::default(),
        special_methods: Default::default(),
    }
}

fn set_bases(heap: &mut Heap, ty: ObjRef, base: Option<ObjRef>) {
    let mut mro = vec![ty];
    if let Some(base) = base
        && let Object::Type(b) = heap.get(base)
    {
        mro.extend(b.mro.iter().copied());
    }
    if let Object::Type(t) = heap.get_mut(ty) {
        t.bases = base.into_iter().collect();
        t.mro = mro;
    }
    heap.types_changed();
}

/// A direct-mapped memo from a `&'static str`'s address and length to its interned str. Static
/// text never changes, so an address and length name one text for the life of the process.
struct StaticNames {
    slots: Box<[std::cell::Cell<StaticEntry>]>,
}

type StaticEntry = Option<(&'static str, ObjRef)>;

const STATIC_NAMES_EXP: u32 = 8;

impl Default for StaticNames {
    fn default() -> Self {
        StaticNames {
            slots: vec![std::cell::Cell::new(None); 1 << STATIC_NAMES_EXP].into_boxed_slice(),
        }
    }
}

impl std::fmt::Debug for StaticNames {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StaticNames")
    }
}

impl StaticNames {
    #[inline(always)]
    fn slot(&self, s: &'static str) -> StaticSlot<'_> {
        let mixed = (s.as_ptr() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        StaticSlot(&self.slots[(mixed >> (64 - STATIC_NAMES_EXP)) as usize])
    }
}

struct StaticSlot<'a>(&'a std::cell::Cell<StaticEntry>);

impl StaticSlot<'_> {
    #[inline(always)]
    fn get(&self, s: &'static str) -> Option<ObjRef> {
        match self.0.get() {
            Some((t, r)) if std::ptr::eq(t, s) => Some(r),
            _ => None,
        }
    }

    fn set(&self, entry: (&'static str, ObjRef)) {
        self.0.set(Some(entry));
    }
}
