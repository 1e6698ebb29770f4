//! Capturing a suspended VM: a walk from the frame stack, `sys.modules` and the exception being
//! handled that numbers every reachable object and encodes it. Anything that cannot come back
//! in another process stops the walk with an error naming the object and the path that
//! reached it, before anything is written.

use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use super::codes::code_hash;
use super::format::*;
use super::names::NativeNames;
use crate::runtime::dict::PyDict;
use crate::runtime::frame::{BlockKind, Frame};
use crate::runtime::introspect::FrameObject;
use crate::runtime::object::{CodeUnit, DictViewKind, GenState, IterState, Object};
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;

/// Origins longer than this stop growing (deep structures would make huge messages).
const MAX_ORIGIN: usize = 400;

struct Saver<'a> {
    vm: &'a Vm,
    names: NativeNames,
    ids: HashMap<ObjRef, u32>,
    /// The handle behind each id, and how the walk first reached it (for error messages).
    refs: Vec<ObjRef>,
    origins: Vec<String>,
    pending: VecDeque<u32>,
    codes: HashMap<*const CodeUnit, u32>,
    code_recs: Vec<CodeRec>,
    sources: Vec<SourceRec>,
}

/// Captures the VM as it stands inside a call of `durable.wait` from the top frame, whose
/// value stack still holds the call's `consumed` operands (left out of the snapshot: resuming
/// pushes the call's result in their place).
pub fn capture(vm: &Vm, program: &str, consumed: u32) -> Result<Snapshot, String> {
    let mut saver = Saver {
        vm,
        names: NativeNames::build(vm),
        ids: HashMap::new(),
        refs: Vec::new(),
        origins: Vec::new(),
        pending: VecDeque::new(),
        codes: HashMap::new(),
        code_recs: Vec::new(),
        sources: Vec::new(),
    };
    let top = vm.frames.len().saturating_sub(1);
    let mut frames = Vec::with_capacity(vm.frames.len());
    for (i, frame) in vm.frames.iter().enumerate() {
        let drop = if i == top { consumed } else { 0 };
        frames.push(saver.frame(frame, drop, &describe_frame(frame))?);
    }
    let handled = saver.val(vm.handled, || "the exception being handled".into())?;
    let mut modules = Vec::new();
    if let Object::Dict(d) = vm.heap.get(vm.modules) {
        for e in d.iter() {
            let Some(name) = vm.as_str(e.key) else {
                continue;
            };
            if let Value::Obj(m) = e.value
                && saver.names.path_of(m).is_some()
            {
                continue;
            }
            let v = saver.val(e.value, || format!("sys.modules['{name}']"))?;
            modules.push((name.to_string(), v));
        }
    }
    let mut objects = Vec::new();
    while let Some(id) = saver.pending.pop_front() {
        debug_assert_eq!(id as usize, objects.len());
        objects.push(saver.encode(id)?);
    }
    Ok(Snapshot {
        format: SNAPSHOT_FORMAT,
        program: program.to_string(),
        sources: saver.sources,
        codes: saver.code_recs,
        objects,
        frames,
        modules,
        handled,
        recursion_limit: vm.recursion_limit as u64,
    })
}

/// `f() at prog.py line 12`, for messages.
pub fn describe_frame(frame: &Frame) -> String {
    let code = &frame.code.code;
    format!(
        "frame {}() at {} line {}",
        code.qualname,
        code.filename,
        frame.line()
    )
}

impl Saver<'_> {
    fn frame(&mut self, frame: &Frame, consumed: u32, origin: &str) -> Result<FrameRec, String> {
        let code = self.code(&frame.code, origin)?;
        let globals = self.obj(frame.globals, || format!("the globals of {origin}"))?;
        let locals = self.val(frame.locals, || format!("the locals of {origin}"))?;
        let co = &frame.code.code;
        let nvars = co.varnames.len();
        let sp = frame.sp.saturating_sub(consumed).max(frame.stack_base) as usize;
        let mut slots = Vec::with_capacity(sp);
        for (i, &v) in frame.slots[..sp].iter().enumerate() {
            let rec = self.val(v, || {
                if i < nvars {
                    format!("local '{}' of {origin}", co.varnames[i])
                } else if i < frame.stack_base as usize {
                    format!("variable '{}' of {origin}", co.deref_name(i - nvars))
                } else {
                    format!("the value stack of {origin}")
                }
            })?;
            slots.push(rec);
        }
        let blocks = frame
            .blocks()
            .iter()
            .map(|b| BlockRec {
                except_handler: b.kind == BlockKind::ExceptHandler,
                handler: b.handler,
                level: b.level,
            })
            .collect();
        let generator = match frame.generator() {
            Some(g) => Some(self.obj(g, || format!("the generator of {origin}"))?),
            None => None,
        };
        let frame_object = match frame.frame_object() {
            Some(f) => Some(self.obj(f, || format!("the frame object of {origin}"))?),
            None => None,
        };
        Ok(FrameRec {
            code,
            globals,
            locals,
            pc: frame.pc,
            lasti: frame.lasti,
            line: frame.line(),
            slots,
            stack_base: frame.stack_base,
            blocks,
            is_entry: frame.is_entry(),
            generator,
            frame_object,
        })
    }

    fn code(&mut self, unit: &Rc<CodeUnit>, origin: &str) -> Result<u32, String> {
        let key = Rc::as_ptr(unit);
        if let Some(&id) = self.codes.get(&key) {
            return Ok(id);
        }
        let co = &unit.code;
        let filename = co.filename.to_string();
        if !self.sources.iter().any(|s| s.filename == filename) {
            let Some(text) = self.vm.sources.get(&filename) else {
                return Err(format!(
                    "cannot save code object {}: its source file {filename} is unknown (reached from {origin})",
                    co.qualname
                ));
            };
            self.sources.push(SourceRec {
                filename: filename.clone(),
                text: text.clone(),
            });
        }
        let id = self.code_recs.len() as u32;
        self.code_recs.push(CodeRec {
            filename,
            qualname: co.qualname.to_string(),
            firstlineno: co.firstlineno,
            hash: code_hash(co),
        });
        self.codes.insert(key, id);
        Ok(id)
    }

    fn obj(&mut self, r: ObjRef, origin: impl FnOnce() -> String) -> Result<u32, String> {
        if let Some(&id) = self.ids.get(&r) {
            return Ok(id);
        }
        let id = self.refs.len() as u32;
        self.ids.insert(r, id);
        self.refs.push(r);
        self.origins.push(origin());
        self.pending.push_back(id);
        Ok(id)
    }

    fn val(&mut self, v: Value, origin: impl FnOnce() -> String) -> Result<Val, String> {
        Ok(match v {
            Value::Null => Val::Null,
            Value::None => Val::None,
            Value::Bool(b) => Val::Bool(b),
            Value::Int(i) => Val::Int(i),
            Value::Float(x) => Val::Float(x.to_bits()),
            Value::Obj(r) => Val::Obj(self.obj(r, origin)?),
        })
    }

    /// A child of object `parent`, reached by `step` (`item 3`, `attribute 'x'`).
    fn child(
        &mut self,
        parent: u32,
        v: Value,
        step: impl FnOnce() -> String,
    ) -> Result<Val, String> {
        let origins = &self.origins;
        let base = &origins[parent as usize];
        let path = if base.len() > MAX_ORIGIN {
            base.clone()
        } else {
            let step = step();
            format!("{base}, {step}")
        };
        self.val(v, || path)
    }

    fn child_obj(&mut self, parent: u32, r: ObjRef, step: &str) -> Result<u32, String> {
        match self.child(parent, Value::Obj(r), || step.to_string())? {
            Val::Obj(id) => Ok(id),
            _ => unreachable!("an object handle encodes as an object"),
        }
    }

    fn dict(&mut self, parent: u32, d: &PyDict, what: &str) -> Result<DictRec, String> {
        let (entries, order) = d.raw_parts();
        let mut out = Vec::with_capacity(entries.len());
        for e in entries {
            let key_text = self.vm.as_str(e.key).map(str::to_string);
            let key = self.child(parent, e.key, || format!("a key of {what}"))?;
            let value = self.child(parent, e.value, || match &key_text {
                Some(k) => format!("{what}['{k}']"),
                None => format!("a value of {what}"),
            })?;
            out.push((e.hash, key, value));
        }
        Ok(DictRec {
            entries: out,
            set_order: order.map(|o| SetOrderRec {
                table: o.table,
                fill: o.fill,
                used: o.used,
                finger: o.finger,
                position: o.position,
            }),
            version: d.version,
        })
    }

    fn vals(&mut self, parent: u32, items: &[Value], what: &str) -> Result<Vec<Val>, String> {
        items
            .iter()
            .enumerate()
            .map(|(i, &v)| self.child(parent, v, || format!("{what} {i}")))
            .collect()
    }

    fn unsaveable(&self, id: u32, what: String) -> String {
        format!(
            "cannot save {what}, referenced from {}",
            self.origins[id as usize]
        )
    }

    fn encode(&mut self, id: u32) -> Result<Obj, String> {
        let r = self.refs[id as usize];
        if let Some(path) = self.names.path_of(r) {
            return Ok(Obj::Named(path.to_string()));
        }
        let vm = self.vm;
        Ok(match vm.heap.get(r) {
            Object::Str(s) => Obj::Str {
                s: s.s.to_string(),
                interned: vm.interned.get(&*s.s) == Some(&r),
            },
            Object::BigInt(b) => Obj::BigInt(b.to_string()),
            Object::List(items) => Obj::List(self.vals(id, items, "item")?),
            Object::Tuple(items) => Obj::Tuple(self.vals(id, items, "item")?),
            Object::Dict(d) => Obj::Dict(self.dict(id, d, "dict")?),
            Object::Set(d) => Obj::Set(self.dict(id, d, "set")?),
            Object::FrozenSet(d) => Obj::FrozenSet(self.dict(id, d, "frozenset")?),
            Object::Function(f) => {
                let origin = self.origins[id as usize].clone();
                let code = self.code(&f.code, &origin)?;
                let dict = match &f.dict {
                    Some(d) => Some(self.dict(id, d, "function attributes")?),
                    None => None,
                };
                Obj::Function(Box::new(FunctionRec {
                    code,
                    globals: self.child_obj(id, f.globals, "function globals")?,
                    name: self.child(id, f.name, || "__name__".into())?,
                    qualname: self.child(id, f.qualname, || "__qualname__".into())?,
                    defaults: self.vals(id, &f.defaults, "default")?,
                    kwdefaults: self.child(id, f.kwdefaults, || "__kwdefaults__".into())?,
                    closure: self.vals(id, &f.closure, "closure cell")?,
                    module: self.child(id, f.module, || "__module__".into())?,
                    doc: self.child(id, f.doc, || "__doc__".into())?,
                    dict,
                }))
            }
            Object::BoundMethod { func, this } => Obj::BoundMethod {
                func: self.child(id, *func, || "__func__".into())?,
                this: self.child(id, *this, || "__self__".into())?,
            },
            Object::Builtin(b) => {
                let Some(path) = self.names.function_path(b.func as usize) else {
                    return Err(self.unsaveable(
                        id,
                        format!(
                            "native function '{}' (no named function of this binary runs it)",
                            b.name
                        ),
                    ));
                };
                let path = path.to_string();
                Obj::Native {
                    path,
                    this: self.child(id, b.this, || "__self__".into())?,
                }
            }
            Object::Type(t) => {
                let bases = t
                    .bases
                    .iter()
                    .map(|&b| self.child_obj(id, b, "base class"))
                    .collect::<Result<_, _>>()?;
                let mro = t
                    .mro
                    .iter()
                    .map(|&b| self.child_obj(id, b, "__mro__ entry"))
                    .collect::<Result<_, _>>()?;
                let what = format!("class {}'s namespace", t.name);
                Obj::Type(Box::new(TypeRec {
                    name: t.name.to_string(),
                    qualname: t.qualname.to_string(),
                    module: t.module.to_string(),
                    bases,
                    mro,
                    dict: self.dict(id, &t.dict, &what)?,
                    layout: format!("{:?}", t.layout),
                    builtin: t.builtin,
                    slotted: t.slotted,
                    getattribute_hook: t.getattribute_hook,
                }))
            }
            Object::Instance(inst) => {
                let class_name = match vm.heap.get(inst.class) {
                    Object::Type(t) => t.name.to_string(),
                    _ => "?".into(),
                };
                let what = format!("{class_name} instance");
                let exc = match &inst.exc {
                    Some(e) => Some(ExceptionRec {
                        args: self.child(id, e.args, || "args".into())?,
                        traceback: e
                            .traceback
                            .iter()
                            .map(|t| {
                                Ok(TracebackEntryRec {
                                    filename: t.filename.to_string(),
                                    line: t.line,
                                    name: t.name.to_string(),
                                    lasti: t.lasti,
                                    frame: self.child(id, t.frame, || {
                                        format!("the traceback's frame of {}()", t.name)
                                    })?,
                                    tb: self.child(id, t.tb, || "__traceback__".into())?,
                                })
                            })
                            .collect::<Result<_, String>>()?,
                        cause: self.child(id, e.cause, || "__cause__".into())?,
                        context: self.child(id, e.context, || "__context__".into())?,
                        suppress_context: e.suppress_context,
                    }),
                    None => None,
                };
                Obj::Instance(Box::new(InstanceRec {
                    class: self.child_obj(id, inst.class, "class")?,
                    dict: self.dict(id, &inst.dict.to_pydict(), &format!("{what}'s attributes"))?,
                    base_value: self.child(id, inst.base_value, || "base value".into())?,
                    exc,
                }))
            }
            Object::Cell(v) => Obj::Cell(self.child(id, *v, || "cell contents".into())?),
            Object::Generator(g) => {
                let state = match g.state {
                    GenState::Created => "created",
                    GenState::Suspended => "suspended",
                    GenState::Finished => "finished",
                    GenState::Running => {
                        return Err(self.unsaveable(id, "a running generator".into()));
                    }
                };
                let frame = match &g.frame {
                    Some(frame) => {
                        let origin = format!(
                            "{} (the suspended frame of generator {})",
                            self.origins[id as usize], frame.code.code.qualname
                        );
                        Some(self.frame(frame, 0, &origin)?)
                    }
                    None => None,
                };
                Obj::Generator(Box::new(GeneratorRec {
                    kind: g.kind.noun().into(),
                    frame,
                    state: state.into(),
                    name: self.child(id, g.name, || "__name__".into())?,
                    qualname: self.child(id, g.qualname, || "__qualname__".into())?,
                    yield_from: self.child(id, g.yield_from, || "gi_yieldfrom".into())?,
                }))
            }
            Object::Module(m) => Obj::Module {
                name: self.child(id, m.name, || "__name__".into())?,
                dict: self.child_obj(id, m.dict, "module namespace")?,
            },
            Object::Range { start, stop, step } => Obj::Range {
                start: *start,
                stop: *stop,
                step: *step,
            },
            Object::Slice { start, stop, step } => Obj::Slice {
                start: self.child(id, *start, || "start".into())?,
                stop: self.child(id, *stop, || "stop".into())?,
                step: self.child(id, *step, || "step".into())?,
            },
            Object::Iter(it) => Obj::Iter(self.iter(id, it)?),
            Object::DictView { dict, kind } => Obj::DictView {
                dict: self.child_obj(id, *dict, "viewed dict")?,
                kind: view_kind(*kind),
            },
            Object::Code(unit) => {
                let origin = self.origins[id as usize].clone();
                Obj::Code(self.code(unit, &origin)?)
            }
            Object::StaticMethod(v) => Obj::StaticMethod(self.child(id, *v, || "__func__".into())?),
            Object::ClassMethod(v) => Obj::ClassMethod(self.child(id, *v, || "__func__".into())?),
            Object::Property {
                fget,
                fset,
                fdel,
                doc,
            } => Obj::Property {
                fget: self.child(id, *fget, || "fget".into())?,
                fset: self.child(id, *fset, || "fset".into())?,
                fdel: self.child(id, *fdel, || "fdel".into())?,
                doc: self.child(id, *doc, || "__doc__".into())?,
            },
            Object::NotImplemented | Object::Ellipsis => {
                return Err(self.unsaveable(id, "a stray singleton".into()));
            }
            Object::Bytes(b) => Obj::Bytes(b.to_vec()),
            Object::ByteArray(b) => Obj::ByteArray(b.clone()),
            Object::Array(a) => Obj::Array {
                typecode: a.typecode(),
                bytes: a.to_bytes(),
            },
            Object::Deque(d) => {
                let items: Vec<Value> = d.items.iter().copied().collect();
                Obj::Deque {
                    items: self.vals(id, &items, "item")?,
                    maxlen: d.maxlen.map(|m| m as u64),
                    state: d.state,
                }
            }
            Object::Native(n) => {
                let parts = n.to_parts();
                let lists = parts
                    .lists
                    .iter()
                    .map(|l| self.vals(id, l, "value"))
                    .collect::<Result<_, _>>()?;
                Obj::NativeObject {
                    ty: self.child_obj(id, n.ty, "its type")?,
                    kind: parts.kind.to_string(),
                    vals: self.vals(id, &parts.vals, "value")?,
                    lists,
                }
            }
            Object::MemberDescriptor { name, owner } => Obj::MemberDescriptor {
                name: name.to_string(),
                owner: owner.to_string(),
            },
            Object::AwaitOp(_) => {
                let what = format!("an awaitable ({})", vm.type_name(Value::Obj(r)));
                return Err(self.unsaveable(id, what));
            }
            Object::Frame(fo) => Obj::Frame(Box::new(self.frame_object(id, fo)?)),
            Object::FrameLocals(fobj) => {
                Obj::FrameLocals(self.child_obj(id, *fobj, "the proxied frame")?)
            }
            Object::Traceback(tb) => Obj::Traceback {
                frame: self.child(id, tb.frame, || "tb_frame".into())?,
                lineno: tb.lineno,
                lasti: tb.lasti,
                next: self.child(id, tb.next, || "tb_next".into())?,
            },
        })
    }

    /// A frame object's own fields. A live one's state is in its frame record, saved with the
    /// frame stack or with the generator this walk reaches through `generator`.
    fn frame_object(&mut self, id: u32, fo: &FrameObject) -> Result<FrameObjectRec, String> {
        let origin = self.origins[id as usize].clone();
        let finished = match &fo.finished {
            Some(done) => Some(FinishedFrameRec {
                locals: self.child(id, done.locals, || "f_locals".into())?,
                lasti: done.lasti,
                started: done.started,
                back: self.child(id, done.back, || "f_back".into())?,
                variables: self.vals(id, &done.variables, "variable")?,
            }),
            None => None,
        };
        Ok(FrameObjectRec {
            code: self.code(&fo.code, &origin)?,
            globals: self.child_obj(id, fo.globals, "f_globals")?,
            generator: match fo.generator {
                Some(g) => Some(self.child_obj(id, g, "the frame's generator")?),
                None => None,
            },
            extra_locals: self.child(id, fo.extra_locals, || "extra f_locals".into())?,
            finished,
        })
    }

    fn iter(&mut self, id: u32, it: &IterState) -> Result<IterRec, String> {
        Ok(match it {
            IterState::Seq { seq, index } => IterRec::Seq {
                seq: self.child_obj(id, *seq, "iterated sequence")?,
                index: *index,
            },
            IterState::Str { s, pos } => IterRec::Str {
                s: self.child_obj(id, *s, "iterated str")?,
                pos: *pos,
            },
            IterState::Range { next, stop, step } => IterRec::Range {
                next: *next,
                stop: *stop,
                step: *step,
            },
            IterState::Dict {
                dict,
                slot,
                kind,
                version,
            } => IterRec::Dict {
                dict: self.child_obj(id, *dict, "iterated dict")?,
                slot: *slot,
                kind: view_kind(*kind),
                version: *version,
            },
            IterState::Enumerate { iter, count } => IterRec::Enumerate {
                iter: self.child(id, *iter, || "enumerated iterator".into())?,
                count: *count,
            },
            IterState::Zip { iters } => IterRec::Zip {
                iters: self.vals(id, iters, "zipped iterator")?,
            },
            IterState::Map { func, iters } => IterRec::Map {
                func: self.child(id, *func, || "mapped function".into())?,
                iters: self.vals(id, iters, "mapped iterator")?,
            },
            IterState::Filter { func, iter } => IterRec::Filter {
                func: self.child(id, *func, || "filter function".into())?,
                iter: self.child(id, *iter, || "filtered iterator".into())?,
            },
            IterState::Reversed { seq, index } => IterRec::Reversed {
                seq: self.child_obj(id, *seq, "reversed sequence")?,
                index: *index,
            },
            IterState::Callable { func, sentinel } => IterRec::Callable {
                func: self.child(id, *func, || "iterated callable".into())?,
                sentinel: self.child(id, *sentinel, || "sentinel".into())?,
            },
            IterState::SeqIndex { getitem, index } => IterRec::SeqIndex {
                getitem: self.child(id, *getitem, || "__getitem__".into())?,
                index: *index,
            },
            IterState::Exhausted => IterRec::Exhausted,
            IterState::Deque { .. } => {
                return Err(self.unsaveable(id, "a collections.deque iterator".into()));
            }
            IterState::Tool { ty, state } => {
                let parts = state.to_parts();
                let lists = parts
                    .lists
                    .iter()
                    .map(|l| self.vals(id, l, "itertools buffered value"))
                    .collect::<Result<_, _>>()?;
                IterRec::Tool {
                    ty: self.child_obj(id, *ty, "itertools type")?,
                    vals: self.vals(id, &parts.vals, "itertools state value")?,
                    kind: parts.kind,
                    nums: parts.nums,
                    lists,
                }
            }
        })
    }
}

pub(super) fn view_kind(kind: DictViewKind) -> u8 {
    match kind {
        DictViewKind::Keys => 0,
        DictViewKind::Values => 1,
        DictViewKind::Items => 2,
    }
}
