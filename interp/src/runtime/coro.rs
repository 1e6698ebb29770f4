//! Coroutines and async generators at run time: what `await` accepts (CPython's
//! `_PyCoro_GetAwaitableIter`), and the awaitables that step a coroutine or async generator
//! ([`AwaitOp`]: `coroutine_wrapper`, `asend`, `athrow`, CPython's `genobject.c`).
//!
//! Coroutines and async generators are generator objects of another [`GenKind`]: they run
//! through the same frames, allocators and `gen_resume`. What an async generator yields is told
//! apart from what an `await` inside it passes up to the event loop by where its frame stopped:
//! an `await` suspends on its `YIELD_FROM`, a `yield` after its `YIELD_VALUE` (CPython 3.10
//! wraps the yielded value instead, in `YIELD_VALUE`, to the same effect).

use super::call::GenStep;
use super::object::{AwaitOp, AwaitOpKind, AwaitOpState, GenKind, GenState, Object};
use super::types::ExcKind;
use super::value::{ObjRef, Value};
use super::vm::Vm;
use super::{PyResult, Raised};
use crate::opcode::Opcode;
use crate::runtime::type_cache::SpecialMethod;

impl Vm {
    /// The kind of generator object `v` is, if it is one.
    pub fn gen_kind(&self, v: Value) -> Option<GenKind> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Generator(g) => Some(g.kind),
                _ => None,
            },
            _ => None,
        }
    }

    /// What `await v` iterates: a coroutine itself, an `asend`/`athrow` awaitable itself, else
    /// `type(v).__await__(v)`, which must be an iterator. `Ok(None)` when `v`'s type has no
    /// `__await__` (the caller words the error, which depends on where the await is).
    pub fn get_awaitable(&mut self, v: Value) -> PyResult<Option<Value>> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Object::Generator(g) if g.kind == GenKind::Coroutine => return Ok(Some(v)),
                Object::AwaitOp(op) if op.kind != AwaitOpKind::CoroWrapper => return Ok(Some(v)),
                _ => {}
            }
        }
        let ty = self.type_of(v);
        let Some(method) = self.special_method(ty, SpecialMethod::Await) else {
            return Ok(None);
        };
        let method = self.bind(method, v, ty)?;
        let it = self.call(method, &[], &[])?;
        if self.gen_kind(it) == Some(GenKind::Coroutine) {
            return self.err(ExcKind::TypeError, "__await__() returned a coroutine");
        }
        if !self.is_iterator(it) {
            let msg = format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(it)
            );
            return self.err(ExcKind::TypeError, msg);
        }
        Ok(Some(it))
    }

    /// Whether `v` is an iterator (CPython's `PyIter_Check`: its type has `__next__`).
    pub fn is_iterator(&mut self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Iter(_) | Object::AwaitOp(_) => true,
                Object::Generator(g) => g.kind == GenKind::Generator,
                _ => {
                    let ty = self.type_of(v);
                    self.special_method(ty, SpecialMethod::Next).is_some()
                }
            },
            _ => false,
        }
    }

    /// A new awaitable over coroutine or async generator `target`.
    pub fn new_await_op(&mut self, kind: AwaitOpKind, target: ObjRef, value: Value) -> Value {
        self.alloc(Object::AwaitOp(Box::new(AwaitOp {
            kind,
            target,
            value,
            state: AwaitOpState::Init,
        })))
    }

    /// Whether a just-suspended async generator stopped at a `yield` (its value goes to the
    /// awaiter) rather than inside an `await` (its value goes on up to the event loop).
    fn async_gen_yielded_value(&self, target: ObjRef) -> bool {
        let Object::Generator(g) = self.heap.get(target) else {
            return false;
        };
        match &g.frame {
            Some(frame) if g.state == GenState::Suspended => {
                let at = frame.pc as usize * 2;
                frame.code.code.code.get(at) != Some(&(Opcode::YieldFrom as u8))
            }
            _ => false,
        }
    }

    fn set_await_op_state(&mut self, r: ObjRef, state: AwaitOpState) {
        if let Object::AwaitOp(op) = self.heap.get_mut(r) {
            op.state = state;
        }
    }

    /// One `send(sent)` (or `throw(exc)`) into an awaitable: `Yield` passes a value up to
    /// whoever drives the outermost coroutine, `Return` is the await's result.
    pub fn await_op_step(
        &mut self,
        r: ObjRef,
        sent: Value,
        throw: Option<Value>,
    ) -> PyResult<GenStep> {
        let Object::AwaitOp(op) = self.heap.get(r) else {
            return self.err(ExcKind::TypeError, "not an awaitable");
        };
        let (kind, target, value, state) = (op.kind, op.target, op.value, op.state);
        match kind {
            AwaitOpKind::CoroWrapper => self.gen_resume(target, sent, throw),
            AwaitOpKind::ASend => {
                if state == AwaitOpState::Closed {
                    return self.err(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()",
                    );
                }
                let sent = if state == AwaitOpState::Init {
                    self.set_await_op_state(r, AwaitOpState::Iter);
                    if sent.is_none() { value } else { sent }
                } else {
                    sent
                };
                let step = self.gen_resume(target, sent, throw);
                self.async_gen_unwrap(r, target, step)
            }
            AwaitOpKind::AThrow | AwaitOpKind::AClose => {
                self.athrow_step(r, kind, target, value, state, sent, throw)
            }
        }
    }

    /// What an `asend` step means to its awaiter (CPython's `async_gen_unwrap_value`).
    fn async_gen_unwrap(
        &mut self,
        r: ObjRef,
        target: ObjRef,
        step: PyResult<GenStep>,
    ) -> PyResult<GenStep> {
        match step {
            Ok(GenStep::Yield(v)) if self.async_gen_yielded_value(target) => {
                self.set_await_op_state(r, AwaitOpState::Closed);
                Ok(GenStep::Return(v))
            }
            Ok(GenStep::Yield(v)) => Ok(GenStep::Yield(v)),
            Ok(GenStep::Return(_)) => {
                self.set_await_op_state(r, AwaitOpState::Closed);
                Err(self.raise_with_args(ExcKind::StopAsyncIteration, Vec::new()))
            }
            Err(e) => {
                self.set_await_op_state(r, AwaitOpState::Closed);
                Err(e)
            }
        }
    }

    /// A step of `athrow()`/`aclose()` (CPython's `async_gen_athrow_send`).
    #[allow(clippy::too_many_arguments)]
    fn athrow_step(
        &mut self,
        r: ObjRef,
        kind: AwaitOpKind,
        target: ObjRef,
        value: Value,
        state: AwaitOpState,
        sent: Value,
        throw: Option<Value>,
    ) -> PyResult<GenStep> {
        let closing = kind == AwaitOpKind::AClose;
        if state == AwaitOpState::Closed {
            return self.err(
                ExcKind::RuntimeError,
                "cannot reuse already awaited aclose()/athrow()",
            );
        }
        let finished = matches!(
            self.heap.get(target),
            Object::Generator(g) if g.state == GenState::Finished
        );
        if finished {
            self.set_await_op_state(r, AwaitOpState::Closed);
            return Ok(GenStep::Return(Value::None));
        }
        let step = if state == AwaitOpState::Init {
            if throw.is_none() && !sent.is_none() {
                return self.err(
                    ExcKind::RuntimeError,
                    "can't send non-None value to a just-started coroutine",
                );
            }
            self.set_await_op_state(r, AwaitOpState::Iter);
            let exc = if closing {
                let ty = self.exc_type(ExcKind::GeneratorExit);
                self.new_exception(ty, Vec::new())
            } else {
                value
            };
            let base = self.temp_roots.len();
            self.temp_roots.push(exc);
            let step = self.gen_resume(target, Value::None, Some(exc));
            self.temp_roots.truncate(base);
            step
        } else {
            self.gen_resume(target, sent, throw)
        };
        match step {
            Ok(GenStep::Yield(v)) if self.async_gen_yielded_value(target) => {
                self.set_await_op_state(r, AwaitOpState::Closed);
                if closing {
                    return self.err(
                        ExcKind::RuntimeError,
                        "async generator ignored GeneratorExit",
                    );
                }
                Ok(GenStep::Return(v))
            }
            Ok(GenStep::Yield(v)) => Ok(GenStep::Yield(v)),
            Ok(GenStep::Return(_)) => {
                self.set_await_op_state(r, AwaitOpState::Closed);
                if closing {
                    return Ok(GenStep::Return(Value::None));
                }
                Err(self.raise_with_args(ExcKind::StopAsyncIteration, Vec::new()))
            }
            Err(Raised) => {
                self.set_await_op_state(r, AwaitOpState::Closed);
                if closing
                    && (self.exception_matches(ExcKind::StopAsyncIteration)
                        || self.exception_matches(ExcKind::GeneratorExit))
                {
                    self.take_exception();
                    return Ok(GenStep::Return(Value::None));
                }
                Err(Raised)
            }
        }
    }

    /// `close()` on an awaitable: a coroutine wrapper closes its coroutine; `asend`/`athrow`
    /// only stop being usable.
    pub fn await_op_close(&mut self, r: ObjRef) -> PyResult<()> {
        let Object::AwaitOp(op) = self.heap.get(r) else {
            return Ok(());
        };
        let (kind, target) = (op.kind, op.target);
        if kind == AwaitOpKind::CoroWrapper {
            return self.gen_close(target);
        }
        self.set_await_op_state(r, AwaitOpState::Closed);
        Ok(())
    }
}
