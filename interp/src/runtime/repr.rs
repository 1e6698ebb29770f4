//! `repr()`, `str()` and `format()` of values, as CPython prints them.
//!
//! Containers guard against containing themselves (`[[...]]`) with a per-thread stack of the
//! objects being printed — CPython's `Py_ReprEnter` — and refuse to nest deeper than the
//! recursion limit, so a pathological structure raises instead of overflowing the host stack.

use std::cell::RefCell;
use std::fmt::Write;

use super::PyResult;
use super::object::{Builtin, DictViewKind, IterState, Object};
use super::types::ExcKind;
use super::value::{ObjRef, Value};
use super::vm::Vm;
use crate::num::{PyInt, float_repr::float_repr, format_spec, int_text};
use crate::runtime::type_cache::SpecialMethod;
use crate::text::repr::str_repr;

thread_local! {
    /// Containers whose repr is being computed (outermost first).
    static REPR_ACTIVE: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
}

/// A stable fake address for identity-printed objects; `id()` returns the same number.
pub fn fake_address(r: ObjRef) -> u64 {
    0x7f3a_0000_0000 + u64::from(r.0) * 0x30
}

fn addr(r: ObjRef) -> String {
    format!("0x{:x}", fake_address(r))
}

impl Vm {
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        Ok(match v {
            Value::Null => "<NULL>".to_string(),
            Value::None => "None".to_string(),
            Value::Bool(b) => if b { "True" } else { "False" }.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(x) => float_repr(x),
            Value::Obj(r) => return self.repr_obj(v, r),
        })
    }

    /// `ascii(v)`: the repr with non-ASCII characters escaped.
    pub fn ascii(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr(v)?;
        if r.is_ascii() {
            return Ok(r);
        }
        // Escape what repr left unescaped, as `PyObject_ASCII` does.
        let mut out = String::with_capacity(r.len());
        for c in r.chars() {
            let cp = c as u32;
            let _ = match cp {
                0..=0x7f => {
                    out.push(c);
                    Ok(())
                }
                0x80..=0xff => write!(out, "\\x{cp:02x}"),
                0x100..=0xffff => write!(out, "\\u{cp:04x}"),
                _ => write!(out, "\\U{cp:08x}"),
            };
        }
        Ok(out)
    }

    fn repr_obj(&mut self, v: Value, r: ObjRef) -> PyResult<String> {
        match self.heap.get(r) {
            Object::Str(s) => Ok(str_repr(&s.s)),
            Object::Bytes(_) | Object::ByteArray(_) => Ok(super::builtins::bytes::repr(self, r)),
            Object::Array(_) => super::modules::array::protocol::repr(self, r),
            Object::Deque(_) => super::modules::deque::protocol::repr(self, r, "deque"),
            Object::Native(_) => super::modules::native_object::repr(self, r),
            Object::BigInt(b) => {
                let i = PyInt::Big(b.clone());
                int_text::to_decimal(&i).map_err(|e| self.num_error(e))
            }
            Object::List(_) => self.guarded(r, "[...]", |vm| {
                let items = vm.seq_items(v);
                Ok(format!("[{}]", vm.join_reprs(&items)?))
            }),
            Object::Tuple(items) => {
                if items.len() == 1 {
                    let item = items[0];
                    return self.guarded(r, "(...)", |vm| Ok(format!("({},)", vm.repr(item)?)));
                }
                self.guarded(r, "(...)", |vm| {
                    let items = vm.seq_items(v);
                    Ok(format!("({})", vm.join_reprs(&items)?))
                })
            }
            Object::Dict(d) => {
                if d.is_empty() {
                    return Ok("{}".to_string());
                }
                self.guarded(r, "{...}", |vm| {
                    let pairs: Vec<(Value, Value)> = match vm.heap.get(r) {
                        Object::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
                        _ => Vec::new(),
                    };
                    let mut out = String::from("{");
                    for (i, (k, val)) in pairs.into_iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(&vm.repr(k)?);
                        out.push_str(": ");
                        out.push_str(&vm.repr(val)?);
                    }
                    out.push('}');
                    Ok(out)
                })
            }
            Object::Set(d) | Object::FrozenSet(d) => {
                let frozen = matches!(self.heap.get(r), Object::FrozenSet(_));
                let keys: Vec<Value> = d.keys().collect();
                let name = self.type_name(v);
                if keys.is_empty() {
                    return Ok(format!("{name}()"));
                }
                self.guarded(r, &format!("{name}(...)"), |vm| {
                    let body = vm.join_reprs(&keys)?;
                    Ok(if frozen || &*name != "set" {
                        format!("{name}({{{body}}})")
                    } else {
                        format!("{{{body}}}")
                    })
                })
            }
            Object::Function(f) => {
                let q = self.as_str(f.qualname).unwrap_or("?");
                Ok(format!("<function {q} at {}>", addr(r)))
            }
            Object::BoundMethod { func, this } => {
                let (func, this) = (*func, *this);
                let name = self.callable_qualname(func);
                let this_repr = self.repr(this)?;
                Ok(format!("<bound method {name} of {this_repr}>"))
            }
            Object::Builtin(b) => Ok(self.builtin_repr(b)),
            Object::Type(t) => Ok(match &*t.module {
                "builtins" => format!("<class '{}'>", t.qualname),
                m => format!("<class '{m}.{}'>", t.qualname),
            }),
            Object::Instance(_) => self.instance_repr(v),
            Object::Cell(c) => Ok(match c {
                Value::Null => format!("<cell at {}: empty>", addr(r)),
                c => {
                    let c = *c;
                    let ty = self.type_name(c);
                    match c {
                        Value::Obj(o) => {
                            format!("<cell at {}: {ty} object at {}>", addr(r), addr(o))
                        }
                        _ => format!("<cell at {}: {ty} object>", addr(r)),
                    }
                }
            }),
            Object::Generator(g) => {
                let q = self.as_str(g.qualname).unwrap_or("?");
                let ty = match g.kind {
                    super::object::GenKind::Generator => "generator",
                    super::object::GenKind::Coroutine => "coroutine",
                    super::object::GenKind::AsyncGenerator => "async_generator",
                };
                Ok(format!("<{ty} object {q} at {}>", addr(r)))
            }
            Object::AwaitOp(_) => {
                let ty = self.type_name(Value::Obj(r));
                Ok(format!("<{ty} object at {}>", addr(r)))
            }
            Object::Module(m) => {
                let name = self.as_str(m.name).unwrap_or("?").to_string();
                let dict = m.dict;
                let file = self.intern_static("__file__");
                Ok(
                    match self.dict_get_str(dict, file).and_then(|f| self.as_str(f)) {
                        Some(path) => format!("<module '{name}' from '{path}'>"),
                        None => format!("<module '{name}' (built-in)>"),
                    },
                )
            }
            Object::Range { start, stop, step } => Ok(if *step == 1 {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }),
            Object::Slice { start, stop, step } => {
                let (a, b, c) = (*start, *stop, *step);
                let a = self.repr(a)?;
                let b = self.repr(b)?;
                let c = self.repr(c)?;
                Ok(format!("slice({a}, {b}, {c})"))
            }
            Object::Iter(it) if matches!(**it, IterState::Tool { .. }) => {
                super::modules::itertools::repr(self, r, &addr(r))
            }
            Object::Iter(_) => {
                let kind = self.type_name(Value::Obj(r));
                Ok(format!("<{kind} object at {}>", addr(r)))
            }
            Object::DictView { dict, kind } => {
                let (dict, kind) = (*dict, *kind);
                let (name, items) = match (self.heap.get(dict), kind) {
                    (Object::Dict(d), DictViewKind::Keys) => ("dict_keys", d.keys().collect()),
                    (Object::Dict(d), DictViewKind::Values) => {
                        ("dict_values", d.values().collect())
                    }
                    (Object::Dict(d), DictViewKind::Items) => {
                        let pairs: Vec<(Value, Value)> =
                            d.iter().map(|e| (e.key, e.value)).collect();
                        let tuples = pairs.into_iter().map(|(k, x)| self.new_tuple(vec![k, x]));
                        ("dict_items", tuples.collect::<Vec<Value>>())
                    }
                    _ => ("dict_keys", Vec::new()),
                };
                self.temp_roots.extend(items.iter().copied());
                let body = self.guarded(r, "...", |vm| vm.join_reprs(&items));
                self.temp_roots
                    .truncate(self.temp_roots.len() - items.len());
                Ok(format!("{name}([{}])", body?))
            }
            Object::Code(c) => {
                let co = &c.code;
                Ok(format!(
                    "<code object {} at {}, file \"{}\", line {}>",
                    co.name,
                    addr(r),
                    co.filename,
                    co.firstlineno
                ))
            }
            Object::StaticMethod(f) => {
                let f = *f;
                Ok(format!("<staticmethod({})>", self.repr(f)?))
            }
            Object::ClassMethod(f) => {
                let f = *f;
                Ok(format!("<classmethod({})>", self.repr(f)?))
            }
            Object::Property { .. } => Ok(format!("<property object at {}>", addr(r))),
            Object::Frame(_) => Ok(super::introspect::frame_object::frame_repr(self, r)),
            Object::FrameLocals(frame) => {
                let frame = *frame;
                self.guarded(r, "{...}", |vm| super::introspect::locals_repr(vm, frame))
            }
            Object::Traceback(_) => Ok(format!("<traceback object at {}>", addr(r))),
            Object::MemberDescriptor { name, owner } => {
                Ok(format!("<member '{name}' of '{owner}' objects>"))
            }
            Object::NotImplemented => Ok("NotImplemented".to_string()),
            Object::Ellipsis => Ok("Ellipsis".to_string()),
        }
    }

    fn builtin_repr(&self, b: &Builtin) -> String {
        match b.this {
            Value::Null => format!("<built-in function {}>", b.name),
            Value::Obj(t) if matches!(self.heap.get(t), Object::Module(_)) => {
                format!("<built-in function {}>", b.name)
            }
            Value::Obj(t) if matches!(self.heap.get(t), Object::Type(_)) => {
                format!("<built-in method {} of type object at {}>", b.name, addr(t))
            }
            this => {
                let ty = self.type_name(this);
                match this {
                    Value::Obj(o) => {
                        format!("<built-in method {} of {ty} object at {}>", b.name, addr(o))
                    }
                    _ => format!("<built-in method {} of {ty} object>", b.name),
                }
            }
        }
    }

    /// The qualified name a bound method's repr shows.
    fn callable_qualname(&self, func: Value) -> String {
        match func {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Function(f) => self.as_str(f.qualname).unwrap_or("?").to_string(),
                Object::Builtin(b) => b.name.to_string(),
                _ => "?".to_string(),
            },
            _ => "?".to_string(),
        }
    }

    /// Runs a container's repr unless it is already being printed further out.
    pub(crate) fn guarded(
        &mut self,
        r: ObjRef,
        recursive: &str,
        f: impl FnOnce(&mut Vm) -> PyResult<String>,
    ) -> PyResult<String> {
        let (active, depth) = REPR_ACTIVE.with(|s| {
            let s = s.borrow();
            (s.contains(&r), s.len())
        });
        if active {
            return Ok(recursive.to_string());
        }
        if depth >= self.recursion_limit {
            return self.err(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            );
        }
        REPR_ACTIVE.with(|s| s.borrow_mut().push(r));
        self.temp_roots.push(Value::Obj(r));
        let result = f(self);
        self.temp_roots.pop();
        REPR_ACTIVE.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(pos) = s.iter().rposition(|&x| x == r) {
                s.remove(pos);
            }
        });
        result
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, &item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(item)?);
        }
        Ok(out)
    }

    /// The object's own `__repr__` (user-defined, an exception's, or the default).
    fn instance_repr(&mut self, v: Value) -> PyResult<String> {
        let ty = self.type_of(v);
        let object_repr = self.special_method(self.types.object, SpecialMethod::Repr);
        match self.special_method(ty, SpecialMethod::Repr) {
            Some(f) if object_repr.is_none_or(|o| !o.is(f)) => {
                let r = self.call_reentrant(f, &[v], &[])?;
                self.expect_str(r, "__repr__")
            }
            _ => {
                let base = self.base_value(v);
                if !base.is(v) {
                    return self.repr(base);
                }
                Ok(self.default_repr(v))
            }
        }
    }

    /// `object.__repr__`: `<__main__.A object at 0x...>`.
    pub fn default_repr(&self, v: Value) -> String {
        let t = self.type_obj(self.type_of(v));
        let name = match &*t.module {
            "builtins" => t.qualname.to_string(),
            m => format!("{m}.{}", t.qualname),
        };
        match v {
            Value::Obj(r) => format!("<{name} object at {}>", addr(r)),
            _ => format!("<{name} object>"),
        }
    }

    /// The text of a `__repr__`/`__str__`/`__format__` result, which must be a str.
    fn expect_str(&mut self, r: Value, method: &str) -> PyResult<String> {
        let base = self.base_value(r);
        match self.as_str(base) {
            Some(s) => Ok(s.to_string()),
            None => {
                let msg = format!("{method} returned non-string (type {})", self.type_name(r));
                self.err(ExcKind::TypeError, msg)
            }
        }
    }

    pub fn str(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::Float(x) => Ok(float_repr(x)),
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => Ok(s.s.to_string()),
                Object::Instance(_) => self.instance_str(v),
                _ => self.repr(v),
            },
            _ => self.repr(v),
        }
    }

    fn instance_str(&mut self, v: Value) -> PyResult<String> {
        let ty = self.type_of(v);
        let object_str = self.special_method(self.types.object, SpecialMethod::Str);
        match self.special_method(ty, SpecialMethod::Str) {
            Some(f) if object_str.is_none_or(|o| !o.is(f)) => {
                let r = self.call_reentrant(f, &[v], &[])?;
                self.expect_str(r, "__str__")
            }
            _ => {
                let base = self.base_value(v);
                // A str subclass prints its text; others print their repr.
                if !base.is(v) && self.as_str(base).is_some() {
                    return self.str(base);
                }
                self.repr(v)
            }
        }
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: Value, spec: &str) -> PyResult<String> {
        let result = match v {
            Value::Bool(b) if spec.is_empty() => Ok(if b { "True" } else { "False" }.to_string()),
            Value::Bool(b) => format_spec::format_int_str(&PyInt::Small(b as i64), spec),
            Value::Int(i) => format_spec::format_int_str(&PyInt::Small(i), spec),
            Value::Float(x) => format_spec::format_float_str(x, spec),
            Value::Obj(r) => match self.heap.get(r) {
                Object::BigInt(b) => format_spec::format_int_str(&PyInt::Big(b.clone()), spec),
                Object::Str(s) => format_spec::format_str_str(&s.s, spec),
                Object::Instance(_) => return self.instance_format(v, spec),
                _ => return self.generic_format(v, spec),
            },
            _ => return self.generic_format(v, spec),
        };
        result.map_err(|e| self.num_error(e))
    }

    fn instance_format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        let ty = self.type_of(v);
        if !self.type_obj(ty).builtin
            && let Some(f) = self.special_method(ty, SpecialMethod::Format)
            && matches!(f, Value::Obj(r) if !matches!(self.heap.get(r), Object::Builtin(_)))
        {
            let spec_v = self.new_str(spec);
            let r = self.call_reentrant(f, &[v, spec_v], &[])?;
            let base = self.base_value(r);
            return match self.as_str(base) {
                Some(s) => Ok(s.to_string()),
                None => {
                    let msg = format!("__format__ must return a str, not {}", self.type_name(r));
                    self.err(ExcKind::TypeError, msg)
                }
            };
        }
        let base = self.base_value(v);
        if !base.is(v) {
            // A user `__str__` still wins for an empty spec, as `object.__format__` does.
            if spec.is_empty() {
                return self.str(v);
            }
            return self.format_value(base, spec);
        }
        self.generic_format(v, spec)
    }

    /// `object.__format__`: only the empty spec is allowed.
    fn generic_format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        if spec.is_empty() {
            return self.str(v);
        }
        let msg = format!(
            "unsupported format string passed to {}.__format__",
            self.type_name(v)
        );
        Err(self.raise(ExcKind::TypeError, msg))
    }
}
