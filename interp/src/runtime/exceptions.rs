//! Exception objects: creation, chaining (`__cause__`, `__context__`), tracebacks and their
//! rendering in CPython's format.

use std::rc::Rc;

use super::object::{ExceptionData, Instance, Object, TracebackEntry};
use super::value::{ObjRef, Value};
use super::vm::Vm;

impl Vm {
    /// A new instance of exception class `ty` with `args`.
    pub fn new_exception(&mut self, ty: ObjRef, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        self.alloc(Object::Instance(Instance {
            class: ty,
            dict: Default::default(),
            base_value: Value::Null,
            exc: Some(Box::new(ExceptionData {
                args,
                ..Default::default()
            })),
        }))
    }

    pub fn exception_data(&self, exc: Value) -> Option<&ExceptionData> {
        match exc {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Instance(inst) => inst.exc.as_deref(),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn exception_data_mut(&mut self, exc: Value) -> Option<&mut ExceptionData> {
        match exc {
            Value::Obj(r) => match self.heap.get_mut(r) {
                Object::Instance(inst) => inst.exc.as_deref_mut(),
                _ => None,
            },
            _ => None,
        }
    }

    /// Records that the exception passes through the running frame (the top of the frame
    /// stack): a traceback entry with the frame's line, instruction and frame object.
    pub fn record_traceback(&mut self, exc: Value) {
        if self.exception_data(exc).is_none() {
            return;
        }
        let Some(index) = self.frames.len().checked_sub(1) else {
            return;
        };
        let frame_object = super::introspect::frame_object_at(self, index);
        let f = &self.frames[index];
        let entry = TracebackEntry {
            filename: Rc::clone(&f.code.code.filename),
            line: f.line(),
            name: Rc::clone(&f.code.code.name),
            lasti: f.lasti,
            frame: Value::Obj(frame_object),
            tb: Value::Null,
        };
        if let Some(data) = self.exception_data_mut(exc) {
            data.traceback.push(entry);
        }
    }

    /// `str(exc)`, as `BaseException.__str__` computes it.
    pub fn exception_message(&mut self, exc: Value) -> String {
        let ty = self.type_of(exc);
        let has_user_str = !self.type_obj(ty).builtin
            && self
                .type_obj(ty)
                .mro
                .iter()
                .take_while(|&&t| !self.type_obj(t).builtin)
                .any(|&t| {
                    let key = self.interned.get("__str__").copied();
                    key.is_some_and(|k| {
                        let k = Value::Obj(k);
                        self.type_obj(t)
                            .dict
                            .find(self.str_hash(k), |x| x.is(k))
                            .is_some()
                    })
                });
        if has_user_str {
            return match self.str(exc) {
                Ok(s) => s,
                Err(_) => {
                    self.take_exception();
                    "<exception str() failed>".to_string()
                }
            };
        }
        let result = super::builtins::exceptions_methods::args_message(self, exc);
        result.unwrap_or_else(|_| {
            self.take_exception();
            "<exception str() failed>".to_string()
        })
    }

    /// The exception's class name as a traceback prints it (module-qualified unless builtin
    /// or `__main__`).
    pub fn exception_type_display(&self, exc: Value) -> String {
        let t = self.type_obj(self.type_of(exc));
        match &*t.module {
            "builtins" | "__main__" => t.qualname.to_string(),
            module => format!("{module}.{}", t.qualname),
        }
    }

    /// The whole traceback text CPython prints for an uncaught exception, chained causes and
    /// contexts included.
    pub fn render_traceback(&mut self, exc: Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.render_chain(exc, &mut out, &mut seen);
        out
    }

    fn render_chain(&mut self, exc: Value, out: &mut String, seen: &mut Vec<Value>) {
        seen.push(exc);
        let (cause, context, suppress) = match self.exception_data(exc) {
            Some(d) => (d.cause, d.context, d.suppress_context),
            None => (Value::None, Value::None, false),
        };
        let is_exc = |v: Value| matches!(v, Value::Obj(_));
        if is_exc(cause) && !seen.iter().any(|s| s.is(cause)) {
            self.render_chain(cause, out, seen);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if !suppress && is_exc(context) && !seen.iter().any(|s| s.is(context)) {
            self.render_chain(context, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        let entries: Vec<TracebackEntry> = self
            .exception_data(exc)
            .map(|d| d.traceback.clone())
            .unwrap_or_default();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // CPython prints the innermost `TRACEBACK_LIMIT` entries (its default
            // `sys.tracebacklimit`), and folds a run of identical ones after the third.
            let shown = entries.iter().take(TRACEBACK_LIMIT).rev();
            let mut previous: Option<&TracebackEntry> = None;
            let mut repeats = 0;
            for e in shown {
                let same = previous.is_some_and(|p| {
                    (&p.filename, p.line, &p.name) == (&e.filename, e.line, &e.name)
                });
                if !same {
                    push_repeated(out, repeats);
                    repeats = 0;
                }
                previous = Some(e);
                repeats += 1;
                if repeats > TRACEBACK_RECURSIVE_CUTOFF {
                    continue;
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    e.filename, e.line, e.name
                ));
                if let Some(line) = self.source_line(&e.filename, e.line) {
                    out.push_str(&format!("    {line}\n"));
                }
            }
            push_repeated(out, repeats);
        }
        let name = self.exception_type_display(exc);
        let msg = self.exception_message(exc);
        if msg.is_empty() {
            out.push_str(&format!("{name}\n"));
        } else {
            out.push_str(&format!("{name}: {msg}\n"));
        }
    }

    fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let source = self.sources.get(filename)?;
        let text = source.lines().nth(line.checked_sub(1)? as usize)?.trim();
        (!text.is_empty()).then(|| text.to_string())
    }
}

/// How many traceback entries CPython prints (`PyTraceBack_LIMIT`, `sys.tracebacklimit`'s
/// default).
const TRACEBACK_LIMIT: usize = 1000;

/// Identical consecutive traceback entries CPython prints before folding the rest
/// (`TB_RECURSIVE_CUTOFF`).
const TRACEBACK_RECURSIVE_CUTOFF: usize = 3;

/// CPython's line for the entries folded after the first `TRACEBACK_RECURSIVE_CUTOFF` of a
/// run of `count` identical ones.
fn push_repeated(out: &mut String, count: usize) {
    if count > TRACEBACK_RECURSIVE_CUTOFF {
        let more = count - TRACEBACK_RECURSIVE_CUTOFF;
        let plural = if more > 1 { "s" } else { "" };
        out.push_str(&format!(
            "  [Previous line repeated {more} more time{plural}]\n"
        ));
    }
}

/// Sets `exc.__context__` (implicit chaining) unless it is already set or would make a cycle.
pub fn set_context_if_unset(vm: &mut Vm, exc: Value, context: Value) {
    // Walk the context chain of `context` to avoid creating a cycle through `exc`.
    let mut cursor = context;
    for _ in 0..100 {
        if cursor.is(exc) {
            return;
        }
        match vm.exception_data(cursor) {
            Some(d) if matches!(d.context, Value::Obj(_)) => cursor = d.context,
            _ => break,
        }
    }
    if let Some(d) = vm.exception_data_mut(exc)
        && !matches!(d.context, Value::Obj(_))
    {
        d.context = context;
    }
}

/// `raise exc from cause`.
pub fn set_cause(vm: &mut Vm, exc: Value, cause: Value) {
    if let Some(d) = vm.exception_data_mut(exc) {
        d.cause = cause;
        d.suppress_context = true;
    }
}
