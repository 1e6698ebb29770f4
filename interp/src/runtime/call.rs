//! Calling: binding arguments to a function's parameters, calling any callable from native
//! code, creating instances, and running generators.

use std::rc::Rc;

use super::dict::PyDict;
use super::frame::{Frame, FrameBox};
use super::object::{ExceptionData, GenKind, GenState, Generator, Instance, Layout, Object};
use super::types::ExcKind;
use super::value::{ObjRef, Value};
use super::vm::{FrameExit, MAX_NATIVE_DEPTH, Vm};
use super::{Kwargs, PyResult, Raised};
use crate::code::flags;
use crate::runtime::type_cache::SpecialMethod;

/// What one step of a generator produced.
pub enum GenStep {
    Yield(Value),
    Return(Value),
}

impl Vm {
    /// Calls any callable with positional and keyword arguments, from native code. Python
    /// functions run in a nested invocation of the installed eval loop.
    pub fn call(&mut self, callable: Value, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
        let Value::Obj(r) = callable else {
            return Err(self.not_callable(callable));
        };
        match self.heap.get(r) {
            Object::Function(_) => {
                let frame = self.function_frame(r, args, kwargs)?;
                self.run_frame(frame)
            }
            Object::BoundMethod { func, this } => {
                let (func, this) = (*func, *this);
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(this);
                full.extend_from_slice(args);
                self.call(func, &full, kwargs)
            }
            Object::Builtin(b) => {
                let b = *b;
                if b.this.is_null() {
                    (b.func)(self, args, kwargs)
                } else {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(b.this);
                    full.extend_from_slice(args);
                    (b.func)(self, &full, kwargs)
                }
            }
            Object::Type(_) => self.call_type(r, args, kwargs),
            Object::Instance(_) => {
                let ty = self.type_of(callable);
                match self.special_method(ty, SpecialMethod::Call) {
                    Some(f) if self.is_function(f) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(callable);
                        full.extend_from_slice(args);
                        self.call(f, &full, kwargs)
                    }
                    // Bound as attribute lookup binds it: a callable instance stored as
                    // `__call__` is called without `self`, as in CPython.
                    Some(f) => {
                        let bound = self.bind(f, callable, ty)?;
                        self.call_reentrant(bound, args, kwargs)
                    }
                    None => Err(self.not_callable(callable)),
                }
            }
            Object::StaticMethod(f) => {
                let f = *f;
                self.call(f, args, kwargs)
            }
            Object::Native(_) => super::modules::native_object::call(self, r, args, kwargs),
            _ => Err(self.not_callable(callable)),
        }
    }

    /// Calls a special method from native code that may be re-entered with no Python frame
    /// in between (`__repr__` set to `object.__str__`, an instance that is its own class's
    /// `__call__`): such a level counts as a native re-entry, so the recursion ends in
    /// `RecursionError` rather than a host stack overflow. A Python function is counted by
    /// [`Vm::run_frame`].
    pub fn call_reentrant(
        &mut self,
        callable: Value,
        args: &[Value],
        kwargs: Kwargs<'_>,
    ) -> PyResult<Value> {
        if self.is_function(callable) {
            return self.call(callable, args, kwargs);
        }
        if self.native_depth >= MAX_NATIVE_DEPTH {
            let msg = "maximum recursion depth exceeded while calling a Python object";
            return self.err(ExcKind::RecursionError, msg);
        }
        self.native_depth += 1;
        let result = self.call(callable, args, kwargs);
        self.native_depth -= 1;
        result
    }

    fn is_function(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Object::Function(_)))
    }

    #[cold]
    pub fn not_callable(&mut self, v: Value) -> Raised {
        let msg = format!("'{}' object is not callable", self.type_name(v));
        self.raise(ExcKind::TypeError, msg)
    }

    /// Runs a prepared frame to completion from native code (a generator frame becomes a
    /// generator object instead).
    pub fn run_frame(&mut self, frame: FrameBox) -> PyResult<Value> {
        if frame.code.code.is_generator() {
            return Ok(self.make_generator(frame));
        }
        if self.native_depth >= MAX_NATIVE_DEPTH {
            (self.hooks.release_frame)(&mut self.frame_pool, frame);
            return self.err(ExcKind::RecursionError, "maximum recursion depth exceeded");
        }
        self.native_depth += 1;
        let exit = (self.hooks.eval_frame)(self, frame);
        self.native_depth -= 1;
        match exit {
            FrameExit::Returned(v) => Ok(v),
            // A suspended program reaches its driver through the frames that called it.
            FrameExit::Raised | FrameExit::Suspended => Err(Raised),
            FrameExit::Yielded(_, frame) => {
                // Only generator frames yield, and they never come through here.
                (self.hooks.release_frame)(&mut self.frame_pool, frame);
                self.err(ExcKind::SystemError, "yield outside a generator frame")
            }
        }
    }

    /// A frame for calling Python function `func`, its arguments bound, from the installed
    /// allocator.
    pub fn function_frame(
        &mut self,
        func: ObjRef,
        args: &[Value],
        kwargs: Kwargs<'_>,
    ) -> PyResult<FrameBox> {
        let Object::Function(f) = self.heap.get(func) else {
            return self.err(ExcKind::SystemError, "function_frame of a non-function");
        };
        let (code, globals) = (Rc::clone(&f.code), f.globals);
        let mut frame = (self.hooks.alloc_frame)(&mut self.frame_pool, &code, globals, Value::Null);
        match self.bind_arguments(func, &mut frame, args, kwargs) {
            Ok(()) => Ok(frame),
            Err(e) => {
                (self.hooks.release_frame)(&mut self.frame_pool, frame);
                Err(e)
            }
        }
    }

    /// Binds arguments to parameters in `frame` (fresh for `func`'s code), creates the cells
    /// and installs the closure — CPython's `initialize_locals`.
    pub fn bind_arguments(
        &mut self,
        func: ObjRef,
        frame: &mut Frame,
        args: &[Value],
        kwargs: Kwargs<'_>,
    ) -> PyResult<()> {
        let Object::Function(f) = self.heap.get(func) else {
            return self.err(ExcKind::SystemError, "bind_arguments of a non-function");
        };
        let code = Rc::clone(&f.code);
        let co = &code.code;
        let argcount = co.argcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & flags::CO_VARARGS != 0;
        let has_varkw = co.flags & flags::CO_VARKEYWORDS != 0;
        let slots = &mut frame.slots;

        // Fast path: exactly the positional parameters, nothing else to do but cells.
        let simple = args.len() == argcount
            && kwargs.is_empty()
            && kwonly == 0
            && !has_varargs
            && !has_varkw;
        if simple {
            slots[..argcount].copy_from_slice(args);
        } else {
            let defaults = f.defaults.clone();
            let kwdefaults = f.kwdefaults;
            self.bind_general(&code, frame, args, kwargs, &defaults, kwdefaults)?;
        }

        let Object::Function(f) = self.heap.get(func) else {
            unreachable!()
        };
        let closure = f.closure.clone();
        let nlocals = co.varnames.len();
        let ncells = co.cellvars.len();
        for i in 0..ncells {
            let initial = match co.cell2arg.get(i).copied().flatten() {
                Some(arg) => {
                    let v = frame.slots[arg as usize];
                    frame.slots[arg as usize] = Value::Null;
                    v
                }
                None => Value::Null,
            };
            frame.slots[nlocals + i] = self.alloc(Object::Cell(initial));
        }
        for (i, cell) in closure.iter().enumerate() {
            frame.slots[nlocals + ncells + i] = *cell;
        }
        Ok(())
    }

    fn bind_general(
        &mut self,
        code: &super::object::CodeUnit,
        frame: &mut Frame,
        args: &[Value],
        kwargs: Kwargs<'_>,
        defaults: &[Value],
        kwdefaults: Value,
    ) -> PyResult<()> {
        let co = &code.code;
        let argcount = co.argcount as usize;
        let posonly = co.posonlyargcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & flags::CO_VARARGS != 0;
        let has_varkw = co.flags & flags::CO_VARKEYWORDS != 0;
        let qualname = co.qualname.to_string();

        let npos = args.len().min(argcount);
        frame.slots[..npos].copy_from_slice(&args[..npos]);
        let mut next = argcount + kwonly;
        if has_varargs {
            let extra = if args.len() > argcount {
                args[argcount..].to_vec()
            } else {
                Vec::new()
            };
            frame.slots[next] = self.new_tuple(extra);
            next += 1;
        } else if args.len() > argcount {
            return Err(self.too_many_positional(co, defaults.len(), args.len(), kwargs));
        }
        let varkw_dict = if has_varkw {
            let d = self.new_dict();
            frame.slots[next] = d;
            Some(d)
        } else {
            None
        };
        for &(name, value) in kwargs {
            let name_str = self.as_str(name).unwrap_or("").to_string();
            let found = (posonly..argcount + kwonly).find(|&i| {
                code.varnames[i].is(name) || self.as_str(code.varnames[i]) == Some(&name_str)
            });
            match found {
                Some(i) => {
                    if !frame.slots[i].is_null() {
                        let msg =
                            format!("{qualname}() got multiple values for argument '{name_str}'");
                        return self.err(ExcKind::TypeError, msg);
                    }
                    frame.slots[i] = value;
                }
                None => match varkw_dict {
                    Some(d) => self.setitem(d, name, value)?,
                    None => {
                        let is_posonly =
                            (0..posonly).any(|i| self.as_str(code.varnames[i]) == Some(&name_str));
                        let msg = if is_posonly {
                            format!(
                                "{qualname}() got some positional-only arguments passed as keyword arguments: '{name_str}'"
                            )
                        } else {
                            format!("{qualname}() got an unexpected keyword argument '{name_str}'")
                        };
                        return self.err(ExcKind::TypeError, msg);
                    }
                },
            }
        }
        // Defaults fill the missing trailing positionals.
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for i in npos..argcount {
            if frame.slots[i].is_null() {
                if i >= first_default {
                    frame.slots[i] = defaults[i - first_default];
                } else {
                    missing.push(i);
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(code, &missing, "positional"));
        }
        for i in argcount..argcount + kwonly {
            if frame.slots[i].is_null() {
                let default = match kwdefaults {
                    Value::Obj(d) => self.dict_get_str(d, code.varnames[i]),
                    _ => None,
                };
                match default {
                    Some(v) => frame.slots[i] = v,
                    None => missing.push(i),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(code, &missing, "keyword-only"));
        }
        Ok(())
    }

    #[cold]
    fn too_many_positional(
        &mut self,
        co: &crate::code::CodeObject,
        ndefaults: usize,
        given: usize,
        kwargs: Kwargs<'_>,
    ) -> Raised {
        let argcount = co.argcount as usize;
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let takes = if ndefaults > 0 && ndefaults <= argcount {
            format!(
                "from {} to {} positional arguments",
                argcount - ndefaults,
                argcount
            )
        } else {
            format!("{argcount} positional argument{}", plural(argcount))
        };
        let kwonly_given = kwargs.len().min(co.kwonlyargcount as usize);
        let given_text = if kwonly_given > 0 {
            format!(
                "{given} positional argument{} (and {kwonly_given} keyword-only argument{}) were",
                plural(given),
                plural(kwonly_given)
            )
        } else {
            format!("{given} {}", if given == 1 { "was" } else { "were" })
        };
        let msg = format!("{}() takes {takes} but {given_text} given", co.qualname);
        self.raise(ExcKind::TypeError, msg)
    }

    #[cold]
    fn missing_arguments(
        &mut self,
        code: &super::object::CodeUnit,
        missing: &[usize],
        kind: &str,
    ) -> Raised {
        let names: Vec<String> = missing
            .iter()
            .map(|&i| format!("'{}'", self.as_str(code.varnames[i]).unwrap_or("?")))
            .collect();
        let list = match names.len() {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            _ => format!(
                "{}, and {}",
                names[..names.len() - 1].join(", "),
                names[names.len() - 1]
            ),
        };
        let msg = format!(
            "{}() missing {} required {kind} argument{}: {list}",
            code.code.qualname,
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        );
        self.raise(ExcKind::TypeError, msg)
    }

    /// `cls(*args, **kwargs)`.
    pub fn call_type(&mut self, ty: ObjRef, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
        if ty == self.types.type_ && args.len() == 1 && kwargs.is_empty() {
            return Ok(Value::Obj(self.type_of(args[0])));
        }
        let t = self.type_obj(ty);
        let (builtin, layout) = (t.builtin, t.layout);
        if builtin && layout != Layout::BaseException {
            let Some(new) = self.special_method(ty, SpecialMethod::New) else {
                let msg = format!("cannot create '{}' instances", self.type_obj(ty).name);
                return self.err(ExcKind::TypeError, msg);
            };
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(Value::Obj(ty));
            full.extend_from_slice(args);
            return self.call(new, &full, kwargs);
        }
        // A user-defined __new__ decides what the instance is.
        let user_new = self.special_method(ty, SpecialMethod::New).filter(|&f| {
            matches!(f, Value::Obj(r) if matches!(self.heap.get(r), Object::Function(_) | Object::StaticMethod(_)))
        });
        let instance = match user_new {
            Some(new) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(Value::Obj(ty));
                full.extend_from_slice(args);
                let obj = self.call(new, &full, kwargs)?;
                if !self.isinstance(obj, ty) {
                    return Ok(obj);
                }
                obj
            }
            None => self.new_instance(ty, args, kwargs)?,
        };
        self.temp_roots.push(instance);
        let result = self.run_init(ty, instance, args, kwargs, user_new.is_some());
        self.temp_roots.pop();
        result.map(|()| instance)
    }

    /// `object.__new__(cls)`, with the built-in part a built-in-derived class needs.
    /// `kwargs` reach only the built-in constructor of a base that takes its value at
    /// creation (`functools.partial`'s keywords).
    pub fn new_instance(
        &mut self,
        ty: ObjRef,
        args: &[Value],
        kwargs: Kwargs<'_>,
    ) -> PyResult<Value> {
        let layout = self.type_obj(ty).layout;
        let exc = if layout == Layout::BaseException {
            let args_tuple = self.new_tuple(args.to_vec());
            Some(Box::new(ExceptionData {
                args: args_tuple,
                ..Default::default()
            }))
        } else {
            None
        };
        let base_value = match layout {
            Layout::Object | Layout::BaseException => Value::Null,
            Layout::List => self.new_list(Vec::new()),
            Layout::Dict => self.new_dict(),
            Layout::Set => self.alloc(Object::Set(PyDict::new_set())),
            Layout::Deque => self.alloc(Object::Deque(Box::default())),
            _ => {
                // Immutable built-in bases (int, str, tuple) take their value at creation.
                let base = self
                    .type_obj(ty)
                    .mro
                    .iter()
                    .copied()
                    .find(|&t| self.type_obj(t).builtin && self.type_obj(t).layout == layout)
                    .unwrap_or(self.types.object);
                let kwargs = if layout == Layout::Native {
                    kwargs
                } else {
                    &[]
                };
                self.call_type(base, args, kwargs)?
            }
        };
        Ok(self.alloc(Object::Instance(Instance {
            class: ty,
            dict: Default::default(),
            base_value,
            exc,
        })))
    }

    fn run_init(
        &mut self,
        ty: ObjRef,
        instance: Value,
        args: &[Value],
        kwargs: Kwargs<'_>,
        has_user_new: bool,
    ) -> PyResult<()> {
        match self.special_method(ty, SpecialMethod::Init) {
            Some(init) => {
                let mut full: smallvec::SmallVec<[Value; 8]> = smallvec::SmallVec::new();
                full.push(instance);
                full.extend_from_slice(args);
                let r = self.call_reentrant(init, &full, kwargs)?;
                if !r.is_none() {
                    let msg = format!("__init__() should return None, not '{}'", self.type_name(r));
                    return self.err(ExcKind::TypeError, msg);
                }
                Ok(())
            }
            None => {
                let layout = self.type_obj(ty).layout;
                if (!args.is_empty() || !kwargs.is_empty())
                    && !has_user_new
                    && layout == Layout::Object
                {
                    let msg = format!("{}() takes no arguments", self.type_obj(ty).name);
                    return self.err(ExcKind::TypeError, msg);
                }
                if layout == Layout::List && !args.is_empty() {
                    let base = self.base_value(instance);
                    let items = self.collect_iterable(args[0])?;
                    if let Value::Obj(l) = base
                        && let Object::List(v) = self.heap.get_mut(l)
                    {
                        *v = items;
                    }
                } else if layout == Layout::Dict && (!args.is_empty() || !kwargs.is_empty()) {
                    let base = self.base_value(instance);
                    super::builtins::dict_update_from(self, base, args.first().copied(), kwargs)?;
                }
                Ok(())
            }
        }
    }

    /// The built-in value a built-in-derived instance extends (or the value itself).
    pub fn base_value(&self, v: Value) -> Value {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Instance(i) if !i.base_value.is_null() => i.base_value,
                _ => v,
            },
            _ => v,
        }
    }

    // ---- generators --------------------------------------------------------------------------

    /// Wraps a fresh frame of generator code in a generator object.
    pub fn make_generator(&mut self, frame: FrameBox) -> Value {
        // The frame outlives its creator's call: take it off a LIFO data stack.
        let mut frame = self.frame_pool.detach(frame);
        let (name, qualname) = (frame.code.name, frame.code.qualname);
        let kind = GenKind::of_flags(frame.code.code.flags);
        let gen_ref = self.heap.alloc(Object::Generator(Box::new(Generator {
            kind,
            frame: None,
            state: GenState::Created,
            name,
            qualname,
            yield_from: Value::Null,
        })));
        frame.set_generator(gen_ref);
        if let Object::Generator(g) = self.heap.get_mut(gen_ref) {
            g.frame = Some(frame);
        }
        Value::Obj(gen_ref)
    }

    /// Resumes a generator with a sent value (or an exception to throw in): `send`/`throw`.
    /// A generator suspended in `yield from` passes a thrown exception to its delegate first
    /// (and closes it before a `GeneratorExit`), as CPython's `gen_throw` does.
    pub fn gen_resume(
        &mut self,
        gen_ref: ObjRef,
        sent: Value,
        throw: Option<Value>,
    ) -> PyResult<GenStep> {
        if let Some(exc) = throw
            && let Some(delegate) = self.yield_from_delegate(gen_ref)
        {
            return self.throw_via_delegate(gen_ref, delegate, exc);
        }
        self.gen_resume_direct(gen_ref, sent, throw)
    }

    /// The iterator a suspended generator is delegating to with `yield from`, if any.
    pub fn yield_from_delegate(&self, gen_ref: ObjRef) -> Option<Value> {
        let Object::Generator(g) = self.heap.get(gen_ref) else {
            return None;
        };
        let frame = g
            .frame
            .as_ref()
            .filter(|_| g.state == GenState::Suspended)?;
        let at = frame.pc as usize * 2;
        let op = *frame.code.code.code.get(at)?;
        (op == crate::opcode::Opcode::YieldFrom as u8).then(|| frame.peek(1))
    }

    fn throw_via_delegate(
        &mut self,
        gen_ref: ObjRef,
        delegate: Value,
        exc: Value,
    ) -> PyResult<GenStep> {
        let base = self.temp_roots.len();
        self.temp_roots.extend([delegate, exc]);
        let result = self.throw_via_delegate_rooted(gen_ref, delegate, exc);
        self.temp_roots.truncate(base);
        result
    }

    fn throw_via_delegate_rooted(
        &mut self,
        gen_ref: ObjRef,
        delegate: Value,
        exc: Value,
    ) -> PyResult<GenStep> {
        let sub_gen = match delegate {
            Value::Obj(r) if matches!(self.heap.get(r), Object::Generator(_)) => Some(r),
            _ => None,
        };
        if self.isinstance(exc, self.exc_type(ExcKind::GeneratorExit)) {
            let closed = match sub_gen {
                Some(r) => self.gen_close(r),
                None => {
                    let close_key = self.intern_static("close");
                    match self.getattr_opt(delegate, close_key) {
                        Ok(Some(close)) => self.call(close, &[], &[]).map(|_| ()),
                        Ok(None) => Ok(()),
                        Err(e) => Err(e),
                    }
                }
            };
            let exc = match closed {
                Ok(()) => exc,
                Err(Raised) => self.take_exception(),
            };
            return self.gen_resume_direct(gen_ref, Value::None, Some(exc));
        }
        let outcome = match sub_gen {
            Some(r) => self.gen_resume(r, Value::None, Some(exc)),
            None => {
                let throw_key = self.intern_static("throw");
                match self.getattr_opt(delegate, throw_key)? {
                    Some(throw) => match self.call(throw, &[exc], &[]) {
                        Ok(v) => Ok(GenStep::Yield(v)),
                        Err(Raised) if self.exception_matches(ExcKind::StopIteration) => {
                            let stop = self.take_exception();
                            let args = self
                                .exception_data(stop)
                                .map(|d| d.args)
                                .unwrap_or(Value::None);
                            let value = self.seq_items(args).first().copied();
                            Ok(GenStep::Return(value.unwrap_or(Value::None)))
                        }
                        Err(e) => Err(e),
                    },
                    None => return self.gen_resume_direct(gen_ref, Value::None, Some(exc)),
                }
            }
        };
        match outcome {
            Ok(GenStep::Yield(v)) => Ok(GenStep::Yield(v)),
            Ok(GenStep::Return(v)) => {
                // The delegate finished: `yield from` evaluates to its return value and the
                // generator carries on after it.
                if let Object::Generator(g) = self.heap.get_mut(gen_ref)
                    && let Some(frame) = g.frame.as_mut()
                {
                    frame.pop();
                    frame.pc += 1;
                }
                self.gen_resume_direct(gen_ref, v, None)
            }
            Err(Raised) => {
                let raised = self.take_exception();
                self.gen_resume_direct(gen_ref, Value::None, Some(raised))
            }
        }
    }

    fn gen_resume_direct(
        &mut self,
        gen_ref: ObjRef,
        sent: Value,
        throw: Option<Value>,
    ) -> PyResult<GenStep> {
        let closing =
            throw.is_some_and(|e| self.isinstance(e, self.exc_type(ExcKind::GeneratorExit)));
        let Object::Generator(g) = self.heap.get_mut(gen_ref) else {
            return self.err(ExcKind::TypeError, "not a generator");
        };
        let kind = g.kind;
        match g.state {
            GenState::Running => {
                let msg = format!("{} already executing", kind.noun());
                return self.err(ExcKind::ValueError, msg);
            }
            // A finished coroutine refuses everything but closing (CPython's gen_send_ex2).
            GenState::Finished if kind == GenKind::Coroutine && !closing => {
                return self.err(
                    ExcKind::RuntimeError,
                    "cannot reuse already awaited coroutine",
                );
            }
            GenState::Finished => {
                if let Some(exc) = throw {
                    return Err(self.raise_value(exc));
                }
                return Ok(GenStep::Return(Value::None));
            }
            GenState::Created if throw.is_none() && !sent.is_none() => {
                let msg = format!(
                    "can't send non-None value to a just-started {}",
                    kind.noun()
                );
                return self.err(ExcKind::TypeError, msg);
            }
            GenState::Created if throw.is_some() => {
                // Throwing into an unstarted generator finishes it without running it.
                g.state = GenState::Finished;
                let frame = g.frame.take();
                if let Some(frame) = frame {
                    self.end_frame_outside_loop(frame);
                }
                return Err(self.raise_value(throw.unwrap_or(Value::None)));
            }
            _ => {}
        }
        g.state = GenState::Running;
        let mut frame = g.frame.take().expect("suspended generator has a frame");
        frame.push(sent);
        if let Some(exc) = throw {
            // The loop starts by unwinding: the exception appears at the suspended yield.
            frame.pop();
            frame.resume_with_exception = true;
            self.exception = exc;
        }
        if self.native_depth >= MAX_NATIVE_DEPTH {
            if let Object::Generator(g) = self.heap.get_mut(gen_ref) {
                g.state = GenState::Suspended;
                g.frame = Some(frame);
            }
            return self.err(ExcKind::RecursionError, "maximum recursion depth exceeded");
        }
        self.native_depth += 1;
        let exit = (self.hooks.eval_frame)(self, frame);
        self.native_depth -= 1;
        let Object::Generator(g) = self.heap.get_mut(gen_ref) else {
            unreachable!()
        };
        match exit {
            FrameExit::Yielded(v, frame) => {
                g.state = GenState::Suspended;
                g.frame = Some(frame);
                Ok(GenStep::Yield(v))
            }
            FrameExit::Returned(v) => {
                g.state = GenState::Finished;
                Ok(GenStep::Return(v))
            }
            // `durable.wait` refuses to suspend inside a generator run from native code.
            FrameExit::Suspended => unreachable!("a generator run from native code suspended"),
            FrameExit::Raised => {
                self.generator_raised(gen_ref);
                Err(Raised)
            }
        }
    }

    /// Finishes generator `gen_ref` whose frame let the pending exception escape. PEP 479: a
    /// StopIteration escaping a generator becomes a RuntimeError (and a StopAsyncIteration
    /// escaping an async generator too), caused by it.
    pub fn generator_raised(&mut self, gen_ref: ObjRef) {
        let Object::Generator(g) = self.heap.get_mut(gen_ref) else {
            return;
        };
        g.state = GenState::Finished;
        let kind = g.kind;
        let escaped = if self.exception_matches(ExcKind::StopIteration) {
            "StopIteration"
        } else if kind == GenKind::AsyncGenerator
            && self.exception_matches(ExcKind::StopAsyncIteration)
        {
            "StopAsyncIteration"
        } else {
            return;
        };
        let cause = self.take_exception();
        let msg = format!("{} raised {escaped}", kind.noun());
        self.raise(ExcKind::RuntimeError, msg);
        let exc = self.exception;
        super::exceptions::set_cause(self, exc, cause);
    }

    /// Ends a frame that is not on the frame stack (a generator's, closed or thrown into
    /// before it started): its frame object, if any, takes over its state, then the frame
    /// goes back to its allocator.
    pub fn end_frame_outside_loop(&mut self, mut frame: FrameBox) {
        if frame.frame_object().is_some() {
            super::introspect::frame_ended(self, &mut frame);
        }
        (self.hooks.release_frame)(&mut self.frame_pool, frame);
    }

    /// `next(gen)`: `None` when the generator is exhausted.
    pub fn gen_next(&mut self, gen_ref: ObjRef) -> PyResult<Option<Value>> {
        match self.gen_resume(gen_ref, Value::None, None)? {
            GenStep::Yield(v) => Ok(Some(v)),
            GenStep::Return(_) => Ok(None),
        }
    }

    /// `gen.close()`: throw GeneratorExit in; it must not yield again.
    pub fn gen_close(&mut self, gen_ref: ObjRef) -> PyResult<()> {
        let (state, kind) = match self.heap.get(gen_ref) {
            Object::Generator(g) => (g.state, g.kind),
            _ => return Ok(()),
        };
        if state != GenState::Suspended {
            let frame = match self.heap.get_mut(gen_ref) {
                Object::Generator(g) => {
                    g.state = GenState::Finished;
                    g.frame.take()
                }
                _ => None,
            };
            if let Some(mut frame) = frame
                && frame.frame_object().is_some()
            {
                super::introspect::frame_ended(self, &mut frame);
            }
            return Ok(());
        }
        let exc_type = self.exc_type(ExcKind::GeneratorExit);
        let exc = self.new_exception(exc_type, Vec::new());
        match self.gen_resume(gen_ref, Value::None, Some(exc)) {
            Ok(GenStep::Yield(_)) => {
                let msg = format!("{} ignored GeneratorExit", kind.noun());
                self.err(ExcKind::RuntimeError, msg)
            }
            Ok(GenStep::Return(_)) => Ok(()),
            Err(Raised) => {
                if self.exception_matches(ExcKind::GeneratorExit)
                    || self.exception_matches(ExcKind::StopIteration)
                {
                    self.take_exception();
                    Ok(())
                } else {
                    Err(Raised)
                }
            }
        }
    }
}
