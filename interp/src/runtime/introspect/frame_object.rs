//! [`FrameObject`]: the Python `frame` type, made lazily for a frame record and outliving it.

use std::rc::Rc;

use smallvec::SmallVec;

use crate::runtime::frame::Frame;
use crate::runtime::object::{CodeUnit, GenState, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{PyResult, repr};

/// A Python frame object. While its frame runs (or is suspended in a generator) the frame
/// record holds the state and names this object in its header; once the frame has ended,
/// [`FrameObject::finished`] holds what is left of it.
#[derive(Debug)]
pub struct FrameObject {
    pub code: Rc<CodeUnit>,
    pub globals: ObjRef,
    /// The generator whose frame this is: a suspended generator keeps the record.
    pub generator: Option<ObjRef>,
    /// PEP 667's extra locals: names written through `f_locals` that are not variables of
    /// the code. A dict, or `Null` until the first such write.
    pub extra_locals: Value,
    /// The frame's state once it has ended; `None` while it runs or is suspended.
    pub finished: Option<FinishedFrame>,
}

/// What a frame object keeps of its frame after the frame ended.
#[derive(Debug)]
pub struct FinishedFrame {
    /// The frame's locals dict (module and class-body frames), else `Null`.
    pub locals: Value,
    /// The last instruction executed (an instruction index).
    pub lasti: u32,
    /// Whether the frame executed any instruction (a generator closed before it started did not).
    pub started: bool,
    /// `f_back`: the caller's frame object when the frame ended, or `None`.
    pub back: Value,
    /// Locals, cells and frees, as in the frame's slots (inline for small frames, so that
    /// an exception passing a frame costs one allocation for its frame object, not two).
    pub variables: SmallVec<[Value; 6]>,
}

impl FrameObject {
    /// Calls `f` with every value the frame object keeps alive. The code unit's constants and
    /// names are permanent roots already.
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(Value::Obj(self.globals));
        if let Some(g) = self.generator {
            f(Value::Obj(g));
        }
        f(self.extra_locals);
        if let Some(done) = &self.finished {
            f(done.locals);
            f(done.back);
            done.variables.iter().copied().for_each(f);
        }
    }
}

/// Where the frame of a frame object is now.
#[derive(Clone, Copy)]
pub(super) enum Place {
    /// Running (or waiting for a callee): `vm.frames[i]`.
    Stack(usize),
    /// Suspended (or not yet started) in this generator.
    Generator(ObjRef),
    /// Ended: the frame object holds its state.
    Finished,
}

pub(super) fn frame_object(vm: &Vm, r: ObjRef) -> &FrameObject {
    match vm.heap.get(r) {
        Object::Frame(f) => f,
        _ => panic!("rceval internal error: handle {} is not a frame", r.0),
    }
}

pub(super) fn place(vm: &Vm, fobj: ObjRef) -> Place {
    let fo = frame_object(vm, fobj);
    if fo.finished.is_some() {
        return Place::Finished;
    }
    if let Some(g) = fo.generator
        && let Object::Generator(gen_obj) = vm.heap.get(g)
        && let Some(frame) = &gen_obj.frame
        && frame.frame_object() == Some(fobj)
    {
        return Place::Generator(g);
    }
    match vm
        .frames
        .iter()
        .rposition(|f| f.frame_object() == Some(fobj))
    {
        Some(i) => Place::Stack(i),
        // Every path that ends a frame hands its state over first; a frame dropped without
        // ending (the VM shutting down) reads as ended with nothing kept.
        None => Place::Finished,
    }
}

/// The live frame at `place`, if it is one.
pub(super) fn live_frame(vm: &Vm, place: Place) -> Option<&Frame> {
    match place {
        Place::Stack(i) => Some(&vm.frames[i]),
        Place::Generator(g) => match vm.heap.get(g) {
            Object::Generator(gen_obj) => gen_obj.frame.as_deref(),
            _ => None,
        },
        Place::Finished => None,
    }
}

/// The variables (locals, cells, frees) of a frame object's frame, for writing.
pub(super) fn variables_mut(vm: &mut Vm, fobj: ObjRef) -> Option<&mut [Value]> {
    match place(vm, fobj) {
        Place::Stack(i) => Some(vm.frames[i].variables_mut()),
        Place::Generator(g) => match vm.heap.get_mut(g) {
            Object::Generator(gen_obj) => gen_obj.frame.as_mut().map(|f| f.variables_mut()),
            _ => None,
        },
        Place::Finished => match vm.heap.get_mut(fobj) {
            Object::Frame(fo) => fo.finished.as_mut().map(|d| &mut d.variables[..]),
            _ => None,
        },
    }
}

/// A copy of the variables of a frame object's frame (empty if nothing was kept).
pub(super) fn variables(vm: &Vm, fobj: ObjRef) -> Vec<Value> {
    let place = place(vm, fobj);
    if let Some(frame) = live_frame(vm, place) {
        return frame.variables().to_vec();
    }
    frame_object(vm, fobj)
        .finished
        .as_ref()
        .map_or_else(Vec::new, |d| d.variables.to_vec())
}

/// The locals dict of a module or class-body frame (`Null` for function frames).
pub(super) fn locals_dict(vm: &Vm, fobj: ObjRef) -> Value {
    let place = place(vm, fobj);
    if let Some(frame) = live_frame(vm, place) {
        return frame.locals;
    }
    frame_object(vm, fobj)
        .finished
        .as_ref()
        .map_or(Value::Null, |d| d.locals)
}

/// The frame object of `vm.frames[index]`, made now if the frame has none.
pub fn frame_object_at(vm: &mut Vm, index: usize) -> ObjRef {
    let frame = &vm.frames[index];
    if let Some(object) = frame.frame_object() {
        return object;
    }
    let object = new_frame_object(frame);
    let r = vm.heap.alloc(Object::Frame(Box::new(object)));
    vm.frames[index].attach_frame_object(r);
    r
}

fn new_frame_object(frame: &Frame) -> FrameObject {
    FrameObject {
        code: Rc::clone(&frame.code),
        globals: frame.globals,
        generator: frame.generator(),
        extra_locals: Value::Null,
        finished: None,
    }
}

/// `sys._getframe(depth)`: the frame object `depth` calls below the running Python frame.
pub fn get_frame(vm: &mut Vm, depth: i64) -> PyResult<Value> {
    let depth = usize::try_from(depth.max(0)).unwrap_or(usize::MAX);
    if depth >= vm.frames.len() {
        return vm.err(ExcKind::ValueError, "call stack is not deep enough");
    }
    let index = vm.frames.len() - 1 - depth;
    Ok(Value::Obj(frame_object_at(vm, index)))
}

/// `gen.gi_frame`: the generator's frame object, or `None` once it has finished.
pub fn generator_frame(vm: &mut Vm, g: ObjRef) -> Value {
    let Object::Generator(gen_obj) = vm.heap.get(g) else {
        return Value::None;
    };
    if gen_obj.state == GenState::Finished {
        return Value::None;
    }
    if let Some(frame) = &gen_obj.frame {
        if let Some(object) = frame.frame_object() {
            return Value::Obj(object);
        }
        let object = new_frame_object(frame);
        let r = vm.heap.alloc(Object::Frame(Box::new(object)));
        if let Object::Generator(gen_obj) = vm.heap.get_mut(g)
            && let Some(frame) = gen_obj.frame.as_mut()
        {
            frame.attach_frame_object(r);
        }
        return Value::Obj(r);
    }
    // Running: its frame is on the frame stack.
    match vm.frames.iter().rposition(|f| f.generator() == Some(g)) {
        Some(i) => Value::Obj(frame_object_at(vm, i)),
        None => Value::None,
    }
}

/// Hands a frame's state over to its frame object as the frame ends. Every path that ends a
/// frame calls this when [`crate::runtime::frame::EXIT_FRAME_OBJECT`] is set, after taking the
/// frame off the frame stack (so the caller, if any, is on top).
#[cold]
#[inline(never)]
pub fn frame_ended(vm: &mut Vm, frame: &mut Frame) {
    let Some(fobj) = frame.detach_frame_object() else {
        return;
    };
    // A generator's frame has no caller once it has finished (CPython clears its link on
    // every suspension); any other frame keeps its caller's frame object, made now if needed.
    let back = if frame.generator().is_none() && !vm.frames.is_empty() {
        Value::Obj(frame_object_at(vm, vm.frames.len() - 1))
    } else {
        Value::None
    };
    let finished = FinishedFrame {
        locals: frame.locals,
        lasti: frame.lasti,
        started: frame.pc > 0,
        back,
        variables: SmallVec::from_slice(frame.variables()),
    };
    if let Object::Frame(fo) = vm.heap.get_mut(fobj) {
        fo.finished = Some(finished);
    }
}

/// `(lasti, started)` of a frame object's frame.
fn position(vm: &Vm, fobj: ObjRef) -> (u32, bool) {
    let place = place(vm, fobj);
    if let Some(frame) = live_frame(vm, place) {
        return (frame.lasti, frame.pc > 0);
    }
    frame_object(vm, fobj)
        .finished
        .as_ref()
        .map_or((0, false), |d| (d.lasti, d.started))
}

/// The line a frame is at: its last instruction's, or the first line before it starts.
pub(super) fn line_of(code: &CodeUnit, lasti: u32, started: bool) -> u32 {
    if started {
        code.code.line_at(lasti as usize)
    } else {
        code.code.firstlineno
    }
}

/// Attributes of a frame object.
pub fn frame_attr(vm: &mut Vm, fobj: ObjRef, name: &str) -> PyResult<Option<Value>> {
    let (code, globals) = {
        let fo = frame_object(vm, fobj);
        (Rc::clone(&fo.code), fo.globals)
    };
    Ok(Some(match name {
        "f_code" => super::code_object(vm, &code),
        "f_globals" => Value::Obj(globals),
        "f_builtins" => Value::Obj(vm.builtins),
        "f_back" => match place(vm, fobj) {
            Place::Stack(0) | Place::Generator(_) => Value::None,
            Place::Stack(i) => Value::Obj(frame_object_at(vm, i - 1)),
            Place::Finished => frame_object(vm, fobj)
                .finished
                .as_ref()
                .map_or(Value::None, |d| d.back),
        },
        "f_lineno" => {
            let (lasti, started) = position(vm, fobj);
            Value::Int(i64::from(line_of(&code, lasti, started)))
        }
        "f_lasti" => {
            let (lasti, started) = position(vm, fobj);
            Value::Int(if started { 2 * i64::from(lasti) } else { -1 })
        }
        "f_locals" => {
            let dict = locals_dict(vm, fobj);
            if dict.is_null() {
                vm.alloc(Object::FrameLocals(fobj))
            } else {
                dict
            }
        }
        "f_trace" => Value::None,
        _ => return Ok(None),
    }))
}

/// `repr(frame)`, as CPython's: `<frame at 0x..., file 'x.py', line 3, code f>`.
pub fn frame_repr(vm: &Vm, fobj: ObjRef) -> String {
    let (lasti, started) = position(vm, fobj);
    let code = &frame_object(vm, fobj).code;
    format!(
        "<frame at 0x{:x}, file '{}', line {}, code {}>",
        repr::fake_address(fobj),
        code.code.filename,
        line_of(code, lasti, started),
        code.code.name
    )
}
