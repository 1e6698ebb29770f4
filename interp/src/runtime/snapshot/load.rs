//! Rebuilding a suspended VM from a [`Snapshot`] in a fresh one: named objects are looked up,
//! the rest allocated (placeholders first, so cycles resolve), frames are made by the VM's
//! installed frame allocator, and the program's modules go back into `sys.modules`.

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use smallvec::SmallVec;

use super::format::*;
use super::names::NativeNames;
use super::validate;
use crate::code::CodeObject;
use crate::runtime::dict::{Entry, PyDict, SetTableParts};
use crate::runtime::frame::{Block, BlockKind, FrameBox};
use crate::runtime::instance_dict::InstanceDict;
use crate::runtime::introspect::{FinishedFrame, FrameObject, TracebackObject};
use crate::runtime::modules::ModuleKind;
use crate::runtime::modules::itertools::{ToolParts, ToolState};
use crate::runtime::modules::native_object::{NativeObject, NativeParts, NativeState};
use crate::runtime::object::{
    Builtin, CodeUnit, DictViewKind, ExceptionData, Function, GenKind, GenState, Generator,
    Instance, IterState, Layout, Module, Object, PyStr, TracebackEntry, TypeObject,
};
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;

/// Every [`Layout`], to read one back by name.
const LAYOUTS: &[Layout] = &[
    Layout::Object,
    Layout::None,
    Layout::Bool,
    Layout::Int,
    Layout::Float,
    Layout::Str,
    Layout::List,
    Layout::Tuple,
    Layout::Dict,
    Layout::Set,
    Layout::FrozenSet,
    Layout::Type,
    Layout::Function,
    Layout::BuiltinFunction,
    Layout::Method,
    Layout::Cell,
    Layout::Generator,
    Layout::Module,
    Layout::Range,
    Layout::Slice,
    Layout::Iterator,
    Layout::DictView,
    Layout::Code,
    Layout::StaticMethod,
    Layout::ClassMethod,
    Layout::Property,
    Layout::NotImplemented,
    Layout::Ellipsis,
    Layout::Bytes,
    Layout::ByteArray,
    Layout::Array,
    Layout::Deque,
    Layout::Native,
    Layout::MemberDescriptor,
    Layout::Frame,
    Layout::FrameLocals,
    Layout::Traceback,
    Layout::BaseException,
];

struct Loader {
    refs: Vec<ObjRef>,
    units: Vec<Rc<CodeUnit>>,
}

/// Rebuilds the snapshot's state in `vm` (fresh, with the eval hooks the run will use):
/// `codes[i]` is the code object [`CodeRec`] `i` resolved to in the recompiled sources. The
/// frames end up on `vm.frames`, ready for the eval loop once the wait's result is pushed.
///
/// Nothing here is rooted while it is built: the collector runs only at the eval loop's
/// safepoints, and by the time the loop starts every object of the snapshot is reachable
/// from the frames, `sys.modules` or the exception being handled (the walk that saved it
/// started there).
pub fn restore(vm: &mut Vm, snap: &Snapshot, codes: &[Rc<CodeObject>]) -> Result<(), String> {
    if snap.format != SNAPSHOT_FORMAT {
        return Err(format!(
            "snapshot format {} is not this rceval's ({SNAPSHOT_FORMAT})",
            snap.format
        ));
    }
    validate::check_frames(snap, codes)?;
    for source in &snap.sources {
        vm.sources
            .entry(source.filename.clone())
            .or_insert_with(|| source.text.clone());
    }
    load_native_modules(vm, snap)?;
    let names = NativeNames::build(vm);
    let mut loaded: HashMap<*const CodeObject, Rc<CodeUnit>> = HashMap::new();
    let mut units = Vec::with_capacity(codes.len());
    for code in codes {
        let unit = loaded
            .entry(Rc::as_ptr(code))
            .or_insert_with(|| vm.load_code(code))
            .clone();
        units.push(unit);
    }
    let mut loader = Loader {
        refs: Vec::with_capacity(snap.objects.len()),
        units,
    };
    // Phase 1: a handle for every object, so phase 2 can wire references in any order.
    for (id, obj) in snap.objects.iter().enumerate() {
        let r = match obj {
            Obj::Named(path) => names.object_at(path).ok_or_else(|| {
                format!("object #{id}: this rceval has no built-in object {path}")
            })?,
            Obj::Str { s, interned: true } => match vm.intern(s) {
                Value::Obj(r) => r,
                _ => unreachable!("intern returns a str object"),
            },
            _ => vm.heap.alloc(Object::Tuple(Box::new([]))),
        };
        loader.refs.push(r);
    }
    for (id, obj) in snap.objects.iter().enumerate() {
        if matches!(obj, Obj::Named(_) | Obj::Str { interned: true, .. }) {
            continue;
        }
        let built = loader
            .build(vm, &names, obj)
            .map_err(|e| format!("object #{id}: {e}"))?;
        *vm.heap.get_mut(loader.refs[id]) = built;
    }
    check_kinds(vm, snap, &loader)?;
    validate::check_hashes(vm, snap, &loader.refs)?;
    for rec in &snap.frames {
        let frame = loader.frame(vm, rec)?;
        vm.frames.push(frame);
    }
    let modules = vm.modules;
    for (name, v) in &snap.modules {
        let key = vm.intern(name);
        let value = loader.val(*v)?;
        let _ = vm.dict_set_str(modules, key, value);
    }
    vm.handled = loader.val(snap.handled)?;
    vm.recursion_limit = snap.recursion_limit as usize;
    Ok(())
}

/// The references the VM relies on being of one kind (namespaces are dicts, classes are types)
/// are checked once everything is built, so a damaged snapshot is an error, not a crash.
fn check_kinds(vm: &Vm, snap: &Snapshot, loader: &Loader) -> Result<(), String> {
    let is_dict = |id: u32| -> Result<bool, String> {
        Ok(matches!(vm.heap.get(loader.obj(id)?), Object::Dict(_)))
    };
    let is_type = |id: u32| -> Result<bool, String> {
        Ok(matches!(vm.heap.get(loader.obj(id)?), Object::Type(_)))
    };
    // `Some(object)` for an object reference, `None` for any other value.
    let object = |v: Val| -> Result<Option<&Object>, String> {
        Ok(match v {
            Val::Obj(id) => Some(vm.heap.get(loader.obj(id)?)),
            _ => None,
        })
    };
    let frame_or_none = |v: Val| -> Result<bool, String> {
        Ok(match object(v)? {
            Some(o) => matches!(o, Object::Frame(_)),
            None => matches!(v, Val::None | Val::Null),
        })
    };
    let traceback_or_none = |v: Val| -> Result<bool, String> {
        Ok(match object(v)? {
            Some(o) => matches!(o, Object::Traceback(_)),
            None => matches!(v, Val::None | Val::Null),
        })
    };
    check_frame_links(vm, snap, loader)?;
    let mut globals: Vec<u32> = snap.frames.iter().map(|f| f.globals).collect();
    for (id, obj) in snap.objects.iter().enumerate() {
        let ok = match obj {
            Obj::Frame(f) => {
                globals.push(f.globals);
                let generator_ok = match f.generator {
                    Some(g) => matches!(vm.heap.get(loader.obj(g)?), Object::Generator(_)),
                    None => true,
                };
                let extra_ok = match object(f.extra_locals)? {
                    Some(o) => matches!(o, Object::Dict(_)),
                    None => f.extra_locals == Val::Null,
                };
                let back_ok = match &f.finished {
                    Some(done) => frame_or_none(done.back)?,
                    None => true,
                };
                generator_ok && extra_ok && back_ok
            }
            Obj::FrameLocals(f) => frame_or_none(Val::Obj(*f))?,
            Obj::Traceback { frame, next, .. } => {
                frame_or_none(*frame)? && traceback_or_none(*next)?
            }
            Obj::Instance(inst) if inst.exc.is_some() => {
                let entries = &inst.exc.as_ref().expect("checked").traceback;
                let mut ok = is_type(inst.class)?;
                for e in entries {
                    ok = ok && frame_or_none(e.frame)? && traceback_or_none(e.tb)?;
                }
                ok
            }
            Obj::Function(f) => {
                globals.push(f.globals);
                true
            }
            Obj::Generator(g) => {
                globals.extend(g.frame.iter().map(|f| f.globals));
                true
            }
            Obj::Module { dict, .. } => is_dict(*dict)?,
            Obj::Type(t) => {
                let mut all = t.bases.iter().chain(&t.mro);
                all.try_fold(true, |ok, &b| Ok::<bool, String>(ok && is_type(b)?))?
            }
            Obj::Instance(inst) => is_type(inst.class)?,
            Obj::DictView { dict, .. } => is_dict(*dict)?,
            _ => true,
        };
        if !ok {
            return Err(format!(
                "object #{id} refers to an object of the wrong kind"
            ));
        }
    }
    for g in globals {
        if !is_dict(g)? {
            return Err(format!("globals #{g} are not a dict"));
        }
    }
    Ok(())
}

/// Every saved frame record's link to its frame object must name a live frame object of the
/// same code, and no two records the same one: the introspection code relies on both.
fn check_frame_links(vm: &Vm, snap: &Snapshot, loader: &Loader) -> Result<(), String> {
    let generator_frames = snap.objects.iter().filter_map(|o| match o {
        Obj::Generator(g) => g.frame.as_ref(),
        _ => None,
    });
    let mut claimed = Vec::new();
    for rec in snap.frames.iter().chain(generator_frames) {
        let Some(id) = rec.frame_object else {
            continue;
        };
        let fits = match vm.heap.get(loader.obj(id)?) {
            Object::Frame(fo) => {
                fo.finished.is_none() && Rc::ptr_eq(&fo.code, &loader.unit(rec.code)?)
            }
            _ => false,
        };
        if !fits || claimed.contains(&id) {
            return Err(format!(
                "a saved frame names object #{id} as its frame object, which does not fit it"
            ));
        }
        claimed.push(id);
    }
    Ok(())
}

/// Imports the native modules the snapshot names objects in, so their paths resolve.
fn load_native_modules(vm: &mut Vm, snap: &Snapshot) -> Result<(), String> {
    let mut wanted: Vec<&str> = Vec::new();
    for obj in &snap.objects {
        let path = match obj {
            Obj::Named(p) | Obj::Native { path: p, .. } => p,
            _ => continue,
        };
        if let Some(rest) = path.strip_prefix("module:") {
            let name = rest.split(['.', '#']).next().unwrap_or(rest);
            if !wanted.contains(&name) {
                wanted.push(name);
            }
        }
    }
    for name in wanted {
        let key = vm.intern(name);
        if vm.dict_get_str(vm.modules, key).is_some() {
            continue;
        }
        match vm.load_builtin_module(name, ModuleKind::Compiled) {
            Some(Ok(_)) => {}
            _ => {
                vm.take_exception();
                return Err(format!("this rceval has no native module {name}"));
            }
        }
    }
    Ok(())
}

impl Loader {
    fn val(&self, v: Val) -> Result<Value, String> {
        Ok(match v {
            Val::Null => Value::Null,
            Val::None => Value::None,
            Val::Bool(b) => Value::Bool(b),
            Val::Int(i) => Value::Int(i),
            Val::Float(bits) => Value::Float(f64::from_bits(bits)),
            Val::Obj(id) => Value::Obj(self.obj(id)?),
        })
    }

    fn obj(&self, id: u32) -> Result<ObjRef, String> {
        self.refs
            .get(id as usize)
            .copied()
            .ok_or_else(|| format!("reference to missing object #{id}"))
    }

    fn vals(&self, items: &[Val]) -> Result<Vec<Value>, String> {
        items.iter().map(|&v| self.val(v)).collect()
    }

    fn unit(&self, code: u32) -> Result<Rc<CodeUnit>, String> {
        self.units
            .get(code as usize)
            .cloned()
            .ok_or_else(|| format!("reference to missing code #{code}"))
    }

    fn dict(&self, rec: &DictRec) -> Result<PyDict, String> {
        let entries = rec
            .entries
            .iter()
            .map(|&(hash, key, value)| {
                Ok(Entry {
                    hash,
                    key: self.val(key)?,
                    value: self.val(value)?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let order = rec.set_order.as_ref().map(|o| SetTableParts {
            table: o.table.clone(),
            fill: o.fill,
            used: o.used,
            finger: o.finger,
            position: o.position.clone(),
        });
        PyDict::from_raw_parts(entries, order, rec.version)
            .ok_or_else(|| "a set table that does not fit its entries".to_string())
    }

    fn build(&self, vm: &mut Vm, names: &NativeNames, obj: &Obj) -> Result<Object, String> {
        Ok(match obj {
            Obj::Named(_) => unreachable!("named objects are looked up"),
            Obj::Native { path, this } => {
                let f = names
                    .object_at(path)
                    .ok_or_else(|| format!("this rceval has no native function {path}"))?;
                let Object::Builtin(b) = vm.heap.get(f) else {
                    return Err(format!("{path} is not a native function"));
                };
                Object::Builtin(Builtin {
                    name: b.name,
                    func: b.func,
                    this: self.val(*this)?,
                })
            }
            Obj::Str { s, .. } => Object::Str(PyStr::new(s.as_str())),
            Obj::BigInt(digits) => Object::BigInt(
                digits
                    .parse::<BigInt>()
                    .map_err(|_| format!("bad int digits {digits:?}"))?,
            ),
            Obj::List(items) => Object::List(self.vals(items)?),
            Obj::Tuple(items) => Object::Tuple(self.vals(items)?.into_boxed_slice()),
            Obj::Dict(d) => Object::Dict(self.dict(d)?),
            Obj::Set(d) => Object::Set(self.dict(d)?),
            Obj::FrozenSet(d) => Object::FrozenSet(self.dict(d)?),
            Obj::Function(f) => Object::Function(Box::new(Function {
                code: self.unit(f.code)?,
                globals: self.obj(f.globals)?,
                name: self.val(f.name)?,
                qualname: self.val(f.qualname)?,
                defaults: self.vals(&f.defaults)?.into_boxed_slice(),
                kwdefaults: self.val(f.kwdefaults)?,
                closure: self.vals(&f.closure)?.into_boxed_slice(),
                module: self.val(f.module)?,
                doc: self.val(f.doc)?,
                dict: f.dict.as_ref().map(|d| self.dict(d)).transpose()?,
            })),
            Obj::BoundMethod { func, this } => Object::BoundMethod {
                func: self.val(*func)?,
                this: self.val(*this)?,
            },
            Obj::Type(t) => {
                let layout = LAYOUTS
                    .iter()
                    .copied()
                    .find(|l| format!("{l:?}") == t.layout)
                    .ok_or_else(|| format!("unknown layout {}", t.layout))?;
                Object::Type(Box::new(TypeObject {
                    name: Rc::from(t.name.as_str()),
                    qualname: Rc::from(t.qualname.as_str()),
                    module: Rc::from(t.module.as_str()),
                    bases: t
                        .bases
                        .iter()
                        .map(|&b| self.obj(b))
                        .collect::<Result<_, _>>()?,
                    mro: t
                        .mro
                        .iter()
                        .map(|&b| self.obj(b))
                        .collect::<Result<_, _>>()?,
                    dict: self.dict(&t.dict)?,
                    layout,
                    builtin: t.builtin,
                    slotted: t.slotted,
                    getattribute_hook: t.getattribute_hook,
                    summary: Default::default(),
                    special_methods: Default::default(),
                }))
            }
            Obj::Instance(inst) => Object::Instance(Instance {
                class: self.obj(inst.class)?,
                // A plain dict: the shapes are not saved (see `instance_dict`).
                dict: InstanceDict::from_dict(self.dict(&inst.dict)?),
                base_value: self.val(inst.base_value)?,
                exc: match &inst.exc {
                    Some(e) => Some(Box::new(ExceptionData {
                        args: self.val(e.args)?,
                        traceback: e
                            .traceback
                            .iter()
                            .map(|t| {
                                Ok(TracebackEntry {
                                    filename: Rc::from(t.filename.as_str()),
                                    line: t.line,
                                    name: Rc::from(t.name.as_str()),
                                    lasti: t.lasti,
                                    frame: self.val(t.frame)?,
                                    tb: self.val(t.tb)?,
                                })
                            })
                            .collect::<Result<_, String>>()?,
                        cause: self.val(e.cause)?,
                        context: self.val(e.context)?,
                        suppress_context: e.suppress_context,
                    })),
                    None => None,
                },
            }),
            Obj::Cell(v) => Object::Cell(self.val(*v)?),
            Obj::Generator(g) => {
                let state = match g.state.as_str() {
                    "created" => GenState::Created,
                    "suspended" => GenState::Suspended,
                    "finished" => GenState::Finished,
                    other => return Err(format!("unknown generator state {other}")),
                };
                let frame = match &g.frame {
                    Some(rec) => {
                        let frame = self.frame(vm, rec)?;
                        // A generator's frame outlives LIFO order: off the data stack with it.
                        Some(vm.frame_pool.detach(frame))
                    }
                    None => None,
                };
                let kind = match g.kind.as_str() {
                    "" | "generator" => GenKind::Generator,
                    "coroutine" => GenKind::Coroutine,
                    "async generator" => GenKind::AsyncGenerator,
                    other => return Err(format!("unknown generator kind {other}")),
                };
                Object::Generator(Box::new(Generator {
                    kind,
                    frame,
                    state,
                    name: self.val(g.name)?,
                    qualname: self.val(g.qualname)?,
                    yield_from: self.val(g.yield_from)?,
                }))
            }
            Obj::Module { name, dict } => Object::Module(Box::new(Module {
                name: self.val(*name)?,
                dict: self.obj(*dict)?,
            })),
            Obj::Range { start, stop, step } => Object::Range {
                start: *start,
                stop: *stop,
                step: *step,
            },
            Obj::Slice { start, stop, step } => Object::Slice {
                start: self.val(*start)?,
                stop: self.val(*stop)?,
                step: self.val(*step)?,
            },
            Obj::Iter(it) => Object::Iter(Box::new(self.iter(it)?)),
            Obj::DictView { dict, kind } => Object::DictView {
                dict: self.obj(*dict)?,
                kind: view_kind(*kind)?,
            },
            Obj::Code(code) => Object::Code(self.unit(*code)?),
            Obj::StaticMethod(v) => Object::StaticMethod(self.val(*v)?),
            Obj::ClassMethod(v) => Object::ClassMethod(self.val(*v)?),
            Obj::Property {
                fget,
                fset,
                fdel,
                doc,
            } => Object::Property {
                fget: self.val(*fget)?,
                fset: self.val(*fset)?,
                fdel: self.val(*fdel)?,
                doc: self.val(*doc)?,
            },
            Obj::Bytes(b) => Object::Bytes(b.clone().into_boxed_slice()),
            Obj::ByteArray(b) => Object::ByteArray(b.clone()),
            Obj::Array { typecode, bytes } => {
                let mut a = crate::runtime::modules::array::PyArray::new(*typecode)
                    .ok_or_else(|| format!("array with unknown type code {typecode:?}"))?;
                if !bytes.len().is_multiple_of(a.itemsize()) {
                    return Err(format!("array '{typecode}' of {} bytes", bytes.len()));
                }
                a.extend_from_bytes(bytes);
                Object::Array(Box::new(a))
            }
            Obj::Deque {
                items,
                maxlen,
                state,
            } => Object::Deque(Box::new(crate::runtime::modules::deque::PyDeque {
                items: self.vals(items)?.into(),
                maxlen: maxlen.map(|m| m as usize),
                state: *state,
            })),
            Obj::NativeObject {
                ty,
                kind,
                vals,
                lists,
            } => {
                let parts = NativeParts {
                    kind: kind.clone(),
                    vals: self.vals(vals)?,
                    lists: lists
                        .iter()
                        .map(|l| self.vals(l))
                        .collect::<Result<_, _>>()?,
                };
                let state = NativeState::from_parts(parts)
                    .ok_or_else(|| format!("native object of unknown kind {kind:?}"))?;
                Object::Native(Box::new(NativeObject {
                    ty: self.obj(*ty)?,
                    state,
                }))
            }
            Obj::MemberDescriptor { name, owner } => Object::MemberDescriptor {
                name: Rc::from(name.as_str()),
                owner: Rc::from(owner.as_str()),
            },
            Obj::Frame(f) => Object::Frame(Box::new(self.frame_object(f)?)),
            Obj::FrameLocals(f) => Object::FrameLocals(self.obj(*f)?),
            Obj::Traceback {
                frame,
                lineno,
                lasti,
                next,
            } => Object::Traceback(Box::new(TracebackObject {
                frame: self.val(*frame)?,
                lineno: *lineno,
                lasti: *lasti,
                next: self.val(*next)?,
            })),
        })
    }

    fn frame_object(&self, rec: &FrameObjectRec) -> Result<FrameObject, String> {
        let code = self.unit(rec.code)?;
        let finished = match &rec.finished {
            Some(done) => {
                let variables = self.vals(&done.variables)?;
                let co = &code.code;
                let expected = co.varnames.len() + co.cellvars.len() + co.freevars.len();
                if variables.len() != expected {
                    return Err(format!(
                        "the frame object of {} keeps {} variables, its code has {expected}",
                        co.qualname,
                        variables.len()
                    ));
                }
                Some(FinishedFrame {
                    locals: self.val(done.locals)?,
                    lasti: done.lasti,
                    started: done.started,
                    back: self.val(done.back)?,
                    variables: SmallVec::from_vec(variables),
                })
            }
            None => None,
        };
        Ok(FrameObject {
            code,
            globals: self.obj(rec.globals)?,
            generator: rec.generator.map(|g| self.obj(g)).transpose()?,
            extra_locals: self.val(rec.extra_locals)?,
            finished,
        })
    }

    fn iter(&self, it: &IterRec) -> Result<IterState, String> {
        Ok(match it {
            IterRec::Seq { seq, index } => IterState::Seq {
                seq: self.obj(*seq)?,
                index: *index,
            },
            IterRec::Str { s, pos } => IterState::Str {
                s: self.obj(*s)?,
                pos: *pos,
            },
            IterRec::Range { next, stop, step } => IterState::Range {
                next: *next,
                stop: *stop,
                step: *step,
            },
            IterRec::Dict {
                dict,
                slot,
                kind,
                version,
            } => IterState::Dict {
                dict: self.obj(*dict)?,
                slot: *slot,
                kind: view_kind(*kind)?,
                version: *version,
            },
            IterRec::Enumerate { iter, count } => IterState::Enumerate {
                iter: self.val(*iter)?,
                count: *count,
            },
            IterRec::Zip { iters } => IterState::Zip {
                iters: self.vals(iters)?.into_boxed_slice(),
            },
            IterRec::Map { func, iters } => IterState::Map {
                func: self.val(*func)?,
                iters: self.vals(iters)?.into_boxed_slice(),
            },
            IterRec::Filter { func, iter } => IterState::Filter {
                func: self.val(*func)?,
                iter: self.val(*iter)?,
            },
            IterRec::Reversed { seq, index } => IterState::Reversed {
                seq: self.obj(*seq)?,
                index: *index,
            },
            IterRec::Callable { func, sentinel } => IterState::Callable {
                func: self.val(*func)?,
                sentinel: self.val(*sentinel)?,
            },
            IterRec::SeqIndex { getitem, index } => IterState::SeqIndex {
                getitem: self.val(*getitem)?,
                index: *index,
            },
            IterRec::Tool {
                ty,
                kind,
                vals,
                nums,
                lists,
            } => {
                let parts = ToolParts {
                    kind: kind.clone(),
                    vals: self.vals(vals)?,
                    nums: nums.clone(),
                    lists: lists
                        .iter()
                        .map(|l| self.vals(l))
                        .collect::<Result<_, _>>()?,
                };
                let state = ToolState::from_parts(parts)
                    .ok_or_else(|| format!("malformed itertools.{kind} state"))?;
                IterState::Tool {
                    ty: self.obj(*ty)?,
                    state: Box::new(state),
                }
            }
            IterRec::Exhausted => IterState::Exhausted,
        })
    }

    /// A frame from the VM's installed allocator, filled with the saved state.
    fn frame(&self, vm: &mut Vm, rec: &FrameRec) -> Result<FrameBox, String> {
        let unit = self.unit(rec.code)?;
        let globals = self.obj(rec.globals)?;
        let locals = self.val(rec.locals)?;
        let slots = self.vals(&rec.slots)?;
        let blocks: Vec<Block> = rec
            .blocks
            .iter()
            .map(|b| Block {
                kind: if b.except_handler {
                    BlockKind::ExceptHandler
                } else {
                    BlockKind::SetupFinally
                },
                handler: b.handler,
                level: b.level,
            })
            .collect();
        let generator = rec.generator.map(|g| self.obj(g)).transpose()?;
        let name = &unit.code.qualname;
        let words = unit.code.len() as u32;
        let depth = rec.slots.len() as u32 - rec.slots.len().min(rec.stack_base as usize) as u32;
        let blocks_fit = blocks
            .iter()
            .all(|b| (b.handler < words || b.handler == u32::MAX) && b.level <= depth);
        if rec.pc > words || rec.lasti >= words.max(1) || !blocks_fit {
            return Err(format!(
                "the saved frame of {name} points outside its code (instruction {} of {words})",
                rec.pc
            ));
        }
        let mut frame = (vm.hooks.alloc_frame)(&mut vm.frame_pool, &unit, globals, locals);
        if frame.stack_base != rec.stack_base || slots.len() > frame.slots.len() {
            (vm.hooks.release_frame)(&mut vm.frame_pool, frame);
            return Err(format!(
                "the saved frame of {name} does not fit its code (variables or stack size differ)"
            ));
        }
        if !frame.set_blocks(&blocks) {
            (vm.hooks.release_frame)(&mut vm.frame_pool, frame);
            return Err(format!("the saved frame of {name} has too many blocks"));
        }
        frame.slots[..slots.len()].copy_from_slice(&slots);
        frame.sp = slots.len() as u32;
        frame.pc = rec.pc;
        frame.lasti = rec.lasti;
        frame.set_entry(rec.is_entry);
        if let Some(g) = generator {
            frame.set_generator(g);
        }
        if let Some(object) = rec.frame_object {
            frame.attach_frame_object(self.obj(object)?);
        }
        Ok(frame)
    }
}

fn view_kind(kind: u8) -> Result<DictViewKind, String> {
    Ok(match kind {
        0 => DictViewKind::Keys,
        1 => DictViewKind::Values,
        2 => DictViewKind::Items,
        other => return Err(format!("unknown dict view kind {other}")),
    })
}
