//! Operators: truth, equality, ordering, hashing, arithmetic — immediates first (no allocation
//! in the i64/f64 range), then big ints, sequences, and user dunder methods with `NotImplemented`
//! and reflected fallback.

use std::cmp::Ordering;

use num_bigint::BigInt;

use super::object::Object;
use super::types::ExcKind;
use super::value::Value;
use super::vm::Vm;
use super::{PyResult, Raised};
use crate::num::int_ops::{PowResult, PyInt};
use crate::num::{NumError, float_ops, hash::hash_float, int_float::cmp_int_float};
use crate::runtime::type_cache::{OperatorMethod, SpecialMethod};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    pub const fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    /// `(method, reflected method, in-place method)`.
    pub const fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    /// From `COMPARE_OP`'s argument (CPython's order).
    pub fn from_arg(arg: u32) -> Option<CmpOp> {
        Some(match arg {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            5 => CmpOp::Ge,
            _ => return None,
        })
    }

    pub const fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    pub const fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }

    const fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }

    pub fn test(self, ord: Ordering) -> bool {
        match self {
            CmpOp::Lt => ord == Ordering::Less,
            CmpOp::Le => ord != Ordering::Greater,
            CmpOp::Eq => ord == Ordering::Equal,
            CmpOp::Ne => ord != Ordering::Equal,
            CmpOp::Gt => ord == Ordering::Greater,
            CmpOp::Ge => ord != Ordering::Less,
        }
    }
}

/// A numeric operand, seen through Python's int/float tower (`bool` is an int).
enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
}

impl Vm {
    fn num(&self, v: Value) -> Option<Num<'_>> {
        match v {
            Value::Int(i) => Some(Num::Int(i)),
            Value::Bool(b) => Some(Num::Int(b as i64)),
            Value::Float(x) => Some(Num::Float(x)),
            Value::Obj(r) => match self.heap.get(r) {
                Object::BigInt(b) => Some(Num::Big(b)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The value as a Python int, if it is one (bools included).
    pub fn to_pyint(&self, v: Value) -> Option<PyInt> {
        match self.num(v)? {
            Num::Int(i) => Some(PyInt::Small(i)),
            Num::Big(b) => Some(PyInt::Big(b.clone())),
            Num::Float(_) => None,
        }
    }

    pub fn from_pyint(&mut self, i: PyInt) -> Value {
        match i {
            PyInt::Small(i) => Value::Int(i),
            PyInt::Big(b) => self.new_int(b),
        }
    }

    /// The value as an f64 if it is an int or float (OverflowError for huge ints).
    pub fn to_f64(&mut self, v: Value) -> PyResult<Option<f64>> {
        let r = match self.num(v) {
            Some(Num::Int(i)) => Ok(i as f64),
            Some(Num::Float(x)) => Ok(x),
            Some(Num::Big(b)) => PyInt::Big(b.clone()).to_f64(),
            None => return Ok(None),
        };
        r.map(Some).map_err(|e| self.num_error(e))
    }

    /// Raises the Python exception a numeric helper reported.
    #[cold]
    pub fn num_error(&mut self, e: NumError) -> Raised {
        match e {
            NumError::ZeroDivision(m) => self.raise(ExcKind::ZeroDivisionError, m),
            NumError::Overflow(m) => self.raise(ExcKind::OverflowError, m),
            NumError::Value(m) => self.raise(ExcKind::ValueError, m),
            NumError::Type(m) => self.raise(ExcKind::TypeError, m),
            NumError::Memory => self.raise_with_args(ExcKind::MemoryError, Vec::new()),
        }
    }

    // ---- truth -------------------------------------------------------------------------------

    #[inline]
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => b,
            Value::Int(i) => i != 0,
            Value::Float(x) => x != 0.0,
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => !s.s.is_empty(),
                Object::Bytes(b) => !b.is_empty(),
                Object::ByteArray(b) => !b.is_empty(),
                Object::Array(a) => !a.is_empty(),
                Object::Deque(d) => !d.items.is_empty(),
                Object::BigInt(_) => true,
                Object::List(l) => !l.is_empty(),
                Object::Tuple(t) => !t.is_empty(),
                Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => !d.is_empty(),
                Object::Range { start, stop, step } => {
                    super::builtins::range_len(*start, *stop, *step) > 0
                }
                Object::Instance(_) => return self.instance_truthy(v),
                _ => true,
            },
        })
    }

    fn instance_truthy(&mut self, v: Value) -> PyResult<bool> {
        let ty = self.type_of(v);
        if let Some(f) = self.special_method(ty, SpecialMethod::Bool) {
            let r = self.call_reentrant(f, &[v], &[])?;
            return match r {
                Value::Bool(b) => Ok(b),
                _ => {
                    let msg = format!(
                        "__bool__ should return bool, returned {}",
                        self.type_name(r)
                    );
                    self.err(ExcKind::TypeError, msg)
                }
            };
        }
        if self.special_method(ty, SpecialMethod::Len).is_some() {
            // `len()`'s checks apply: negative, huge and non-int results are errors.
            return Ok(self.len(v)? > 0);
        }
        if let Object::Instance(inst) = self.heap.get(v.as_obj().expect("instance"))
            && !inst.base_value.is_null()
        {
            let base = inst.base_value;
            return self.truthy(base);
        }
        Ok(true)
    }

    // ---- equality and ordering ---------------------------------------------------------------

    /// Equality that needs no call back into Python, or `None` when it would.
    pub fn eq_fast(&self, a: Value, b: Value) -> Option<bool> {
        if a.is(b) {
            // NaN is the one value not equal to itself.
            return Some(!matches!(a, Value::Float(x) if x.is_nan()));
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Some(num_cmp(&x, &y) == Some(Ordering::Equal));
        }
        let (Value::Obj(ra), Value::Obj(rb)) = (a, b) else {
            // An immediate and a non-number object: equal only through a user __eq__.
            return match (a, b) {
                (Value::Obj(r), _) | (_, Value::Obj(r))
                    if matches!(self.heap.get(r), Object::Instance(_)) =>
                {
                    None
                }
                _ => Some(false),
            };
        };
        match (self.heap.get(ra), self.heap.get(rb)) {
            (Object::Str(x), Object::Str(y)) => Some(x.s == y.s),
            (Object::Bytes(x), Object::Bytes(y)) => Some(x == y),
            (Object::Bytes(_) | Object::ByteArray(_), Object::Bytes(_) | Object::ByteArray(_)) => {
                None
            }
            (Object::Tuple(x), Object::Tuple(y)) => self.seq_eq_fast(x, y),
            (Object::List(x), Object::List(y)) => self.seq_eq_fast(x, y),
            (Object::Instance(_), _) | (_, Object::Instance(_)) => None,
            (Object::Dict(_), Object::Dict(_))
            | (Object::Set(_) | Object::FrozenSet(_), Object::Set(_) | Object::FrozenSet(_)) => {
                None
            }
            (Object::Range { .. }, Object::Range { .. })
            | (Object::Slice { .. }, Object::Slice { .. })
            | (Object::Array(_), Object::Array(_))
            | (Object::Deque(_), Object::Deque(_)) => None,
            (
                Object::BoundMethod { func: f1, this: t1 },
                Object::BoundMethod { func: f2, this: t2 },
            ) => Some(f1.is(*f2) && t1.is(*t2)),
            (Object::Builtin(x), Object::Builtin(y)) => {
                Some(std::ptr::fn_addr_eq(x.func, y.func) && x.this.is(y.this) && x.name == y.name)
            }
            _ => Some(false),
        }
    }

    fn seq_eq_fast(&self, x: &[Value], y: &[Value]) -> Option<bool> {
        if x.len() != y.len() {
            return Some(false);
        }
        for (&a, &b) in x.iter().zip(y) {
            // Containers compare items by identity first, as CPython does (`[nan] == [nan]`).
            if !a.is(b) && !self.eq_fast(a, b)? {
                return Some(false);
            }
        }
        Some(true)
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let Some(r) = self.eq_fast(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(r)
    }

    /// `a < b` as a bool (what `sorted`, `min` and `max` use).
    pub fn lt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Ok(num_cmp(&x, &y) == Some(Ordering::Less));
        }
        let r = self.compare(a, b, CmpOp::Lt)?;
        self.truthy(r)
    }

    /// A rich comparison, `COMPARE_OP`'s semantics.
    pub fn compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Ok(Value::Bool(match num_cmp(&x, &y) {
                Some(ord) => op.test(ord),
                None => op == CmpOp::Ne,
            }));
        }
        if let Some(r) = self.builtin_compare(a, b, op)? {
            return Ok(r);
        }
        // User dunders: the reflected method of a subclass goes first, as CPython does.
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let b_first = ta != tb && self.is_subtype(tb, ta) && !self.type_obj(tb).builtin;
        let attempts = if b_first {
            [(b, a, op.swapped()), (a, b, op)]
        } else {
            [(a, b, op), (b, a, op.swapped())]
        };
        for (x, y, o) in attempts {
            let tx = self.type_of(x);
            if self.type_obj(tx).builtin {
                continue;
            }
            if let Some(f) = self.operator_method(tx, OperatorMethod::Compare(o)) {
                let r = self.call_reentrant(f, &[x, y], &[])?;
                if !r.is(self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => {
                // `!=` falls back to the inverse of a user `__eq__`.
                let ta = self.type_of(a);
                if !self.type_obj(ta).builtin
                    && let Some(f) = self.special_method(ta, SpecialMethod::Eq)
                {
                    let r = self.call_reentrant(f, &[a, b], &[])?;
                    if !r.is(self.not_implemented) {
                        let t = self.truthy(r)?;
                        return Ok(Value::Bool(!t));
                    }
                }
                Ok(Value::Bool(!a.is(b)))
            }
            _ => {
                let msg = format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.tp_name(a),
                    self.tp_name(b)
                );
                self.err(ExcKind::TypeError, msg)
            }
        }
    }

    /// Comparisons between built-in containers and strings; `None` when neither side is one
    /// this handles.
    fn builtin_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
        let (Value::Obj(ra), Value::Obj(rb)) = (a, b) else {
            if matches!(op, CmpOp::Eq | CmpOp::Ne) && (a.is_none() || b.is_none()) {
                let has_instance = [a, b].iter().any(|v| {
                    matches!(v, Value::Obj(r) if matches!(self.heap.get(*r), Object::Instance(_)))
                });
                if !has_instance {
                    let same = a.is(b);
                    return Ok(Some(Value::Bool(if op == CmpOp::Eq {
                        same
                    } else {
                        !same
                    })));
                }
            }
            return Ok(None);
        };
        enum Kind {
            Str,
            Bytes,
            Seq,
            Set,
            Dict,
            Range,
            Slice,
            Array,
            Deque,
            Other,
        }
        let kind = match (self.heap.get(ra), self.heap.get(rb)) {
            (Object::Str(_), Object::Str(_)) => Kind::Str,
            (Object::Bytes(_) | Object::ByteArray(_), Object::Bytes(_) | Object::ByteArray(_)) => {
                Kind::Bytes
            }
            (Object::List(_), Object::List(_)) | (Object::Tuple(_), Object::Tuple(_)) => Kind::Seq,
            (Object::Set(_) | Object::FrozenSet(_), Object::Set(_) | Object::FrozenSet(_)) => {
                Kind::Set
            }
            (Object::Dict(_), Object::Dict(_)) => Kind::Dict,
            (Object::Range { .. }, Object::Range { .. }) => Kind::Range,
            (Object::Slice { .. }, Object::Slice { .. }) => Kind::Slice,
            (Object::Array(_), Object::Array(_)) => Kind::Array,
            (Object::Deque(_), Object::Deque(_)) => Kind::Deque,
            _ => Kind::Other,
        };
        match kind {
            Kind::Str => {
                let (Object::Str(x), Object::Str(y)) = (self.heap.get(ra), self.heap.get(rb))
                else {
                    unreachable!()
                };
                Ok(Some(Value::Bool(op.test(x.s.cmp(&y.s)))))
            }
            Kind::Bytes => {
                let x = super::builtins::bytes::bytes_of(self, a).unwrap_or(&[]);
                let y = super::builtins::bytes::bytes_of(self, b).unwrap_or(&[]);
                Ok(Some(Value::Bool(super::builtins::bytes::compare(x, y, op))))
            }
            Kind::Seq => self.seq_compare(a, b, op).map(Some),
            Kind::Array => super::modules::array::protocol::compare(self, ra, rb, op).map(Some),
            Kind::Deque => super::modules::deque::protocol::compare(self, ra, rb, op).map(Some),
            Kind::Slice => {
                // Slices compare as their (start, stop, step) tuples.
                let as_tuple = |vm: &mut Vm, r: super::value::ObjRef| {
                    let Object::Slice { start, stop, step } = *vm.heap.get(r) else {
                        unreachable!()
                    };
                    vm.new_tuple(vec![start, stop, step])
                };
                let (x, y) = (as_tuple(self, ra), as_tuple(self, rb));
                self.seq_compare(x, y, op).map(Some)
            }
            Kind::Set => super::builtins::set_compare(self, a, b, op).map(Some),
            Kind::Dict => match op {
                CmpOp::Eq | CmpOp::Ne => {
                    let same = super::builtins::dict_eq(self, a, b)?;
                    Ok(Some(Value::Bool(same == (op == CmpOp::Eq))))
                }
                _ => Ok(None),
            },
            Kind::Range => match op {
                CmpOp::Eq | CmpOp::Ne => {
                    let xs = super::builtins::range_key(self, a);
                    let ys = super::builtins::range_key(self, b);
                    Ok(Some(Value::Bool((xs == ys) == (op == CmpOp::Eq))))
                }
                _ => Ok(None),
            },
            Kind::Other => {
                let either_instance = matches!(self.heap.get(ra), Object::Instance(_))
                    || matches!(self.heap.get(rb), Object::Instance(_));
                if !either_instance && matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    let same = self.eq_fast(a, b).unwrap_or(false);
                    return Ok(Some(Value::Bool(same == (op == CmpOp::Eq))));
                }
                Ok(None)
            }
        }
    }

    /// Lexicographic comparison of two lists or two tuples.
    fn seq_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let (xs, ys) = (self.seq_items(a), self.seq_items(b));
        self.temp_roots.extend([a, b]);
        let result = self.lexicographic(&xs, &ys, op);
        self.temp_roots.truncate(self.temp_roots.len() - 2);
        result
    }

    fn lexicographic(&mut self, xs: &[Value], ys: &[Value], op: CmpOp) -> PyResult<Value> {
        for (&x, &y) in xs.iter().zip(ys) {
            if !x.is(y) && !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(Value::Bool(false)),
                    CmpOp::Ne => Ok(Value::Bool(true)),
                    _ => self.compare(x, y, op),
                };
            }
        }
        Ok(Value::Bool(op.test(xs.len().cmp(&ys.len()))))
    }

    /// A copy of the items of a list or tuple (empty for anything else).
    pub fn seq_items(&self, v: Value) -> Vec<Value> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::List(items) => items.clone(),
                Object::Tuple(items) => items.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    // ---- hashing -----------------------------------------------------------------------------

    /// `hash(v)`, CPython's values for ints, floats, strs (with PYTHONHASHSEED=0) and tuples.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        use crate::num::hash as h;
        Ok(match v {
            Value::Null | Value::None => 0x5f3759df,
            Value::Bool(b) => b as i64,
            Value::Int(i) => h::hash_int(&PyInt::Small(i)),
            Value::Float(x) => hash_float(x),
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => s.hash(),
                Object::Bytes(b) => h::bytes_hash(b),
                Object::BigInt(b) => h::hash_int(&PyInt::Big(b.clone())),
                Object::Tuple(items) => {
                    let items = items.clone();
                    let mut hashes = Vec::with_capacity(items.len());
                    for item in items.iter() {
                        hashes.push(self.hash(*item)?);
                    }
                    h::tuple_hash(&hashes)
                }
                Object::FrozenSet(d) => {
                    let hashes: Vec<i64> = d.iter().map(|e| e.hash).collect();
                    h::frozenset_hash(&hashes)
                }
                Object::List(_)
                | Object::Dict(_)
                | Object::Set(_)
                | Object::Slice { .. }
                | Object::ByteArray(_)
                | Object::Deque(_) => {
                    return Err(self.unhashable(v));
                }
                Object::Instance(_) => return self.instance_hash(v),
                // CPython names the type by its tp_name here.
                Object::Array(_) => {
                    return self.err(ExcKind::TypeError, "unhashable type: 'array.array'");
                }
                _ => identity_hash(r.0),
            },
        })
    }

    #[cold]
    fn unhashable(&mut self, v: Value) -> Raised {
        let msg = format!("unhashable type: '{}'", self.tp_name(v));
        self.raise(ExcKind::TypeError, msg)
    }

    fn instance_hash(&mut self, v: Value) -> PyResult<i64> {
        let ty = self.type_of(v);
        let key = self.intern_static("__hash__");
        match self.lookup_in_mro(ty, key) {
            Some(Value::None) => Err(self.unhashable(v)),
            Some(f) if matches!(f, Value::Obj(r) if matches!(self.heap.get(r), Object::Function(_))) =>
            {
                let r = self.call_reentrant(f, &[v], &[])?;
                match self.to_pyint(r) {
                    Some(i) => Ok(crate::num::hash::hash_int(&i)),
                    None => self.err(
                        ExcKind::TypeError,
                        "__hash__ method should return an integer",
                    ),
                }
            }
            _ => {
                // A class that defines __eq__ without __hash__ is unhashable, as in CPython.
                if !self.type_obj(ty).builtin {
                    let eq = self.intern_static("__eq__");
                    let defines_eq = self
                        .type_obj(ty)
                        .mro
                        .iter()
                        .take_while(|&&t| !self.type_obj(t).builtin)
                        .any(|&t| {
                            let d = &self.type_obj(t).dict;
                            d.find(self.str_hash(eq), |k| k.is(eq)).is_some()
                        });
                    if defines_eq {
                        return Err(self.unhashable(v));
                    }
                }
                Ok(identity_hash(v.as_obj().map_or(0, |r| r.0)))
            }
        }
    }

    // ---- arithmetic --------------------------------------------------------------------------

    /// `a OP b`.
    #[inline]
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b)
            && let Some(r) = int_fast(x, y, op)
        {
            return Ok(r);
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b)
            && let Some(r) = float_fast(x, y, op)
        {
            return Ok(Value::Float(r));
        }
        self.binary_op_slow(a, b, op, false)
    }

    #[inline(never)]
    fn binary_op_slow(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        // bool's own `&`, `|` and `^` keep the result a bool.
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinOp::And => return Ok(Value::Bool(x & y)),
                BinOp::Or => return Ok(Value::Bool(x | y)),
                BinOp::Xor => return Ok(Value::Bool(x ^ y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            let floats = matches!(x, Num::Float(_)) || matches!(y, Num::Float(_));
            let float_has_no_such_op = matches!(
                op,
                BinOp::And | BinOp::Or | BinOp::Xor | BinOp::LShift | BinOp::RShift | BinOp::MatMul
            );
            // `1 & 2.0` is not float arithmetic: it goes on to the operands' own methods and
            // the shared "unsupported operand type(s)" error, which names the types as given.
            if floats && !float_has_no_such_op {
                let x = self.to_f64(a)?.unwrap_or(0.0);
                let y = self.to_f64(b)?.unwrap_or(0.0);
                return self.float_op(x, y, op);
            }
            if !floats {
                let (x, y) = (
                    self.to_pyint(a).expect("int"),
                    self.to_pyint(b).expect("int"),
                );
                return self.pyint_op(&x, &y, op);
            }
        }
        if let Some(v) = super::builtins::sequence_binop(self, a, b, op)? {
            return Ok(v);
        }
        self.dunder_binop(a, b, op, inplace)
    }

    /// `a OP= b`: in place for mutable built-ins and user `__iop__`, else the binary operator.
    pub fn inplace_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b)
            && let Some(r) = int_fast(x, y, op)
        {
            return Ok(r);
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b)
            && let Some(r) = float_fast(x, y, op)
        {
            return Ok(Value::Float(r));
        }
        if let Some(v) = super::builtins::inplace_builtin(self, a, b, op)? {
            return Ok(v);
        }
        let ta = self.type_of(a);
        if !self.type_obj(ta).builtin
            && let Some(f) = self.operator_method(ta, OperatorMethod::InPlace(op))
        {
            let r = self.call_reentrant(f, &[a, b], &[])?;
            if !r.is(self.not_implemented) {
                return Ok(r);
            }
        }
        self.binary_op_slow(a, b, op, true)
    }

    fn dunder_binop(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        let (name, rname) = (OperatorMethod::Binary(op), OperatorMethod::Reflected(op));
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let b_first = ta != tb && self.is_subtype(tb, ta);
        let mut attempts: smallvec::SmallVec<[(Value, Value, OperatorMethod); 2]> =
            smallvec::SmallVec::new();
        if b_first {
            attempts.push((b, a, rname));
            attempts.push((a, b, name));
        } else {
            attempts.push((a, b, name));
            if ta != tb {
                attempts.push((b, a, rname));
            }
        }
        for (x, y, method) in attempts {
            let tx = self.type_of(x);
            if self.type_obj(tx).builtin {
                continue;
            }
            if let Some(f) = self.operator_method(tx, method) {
                let r = self.call_reentrant(f, &[x, y], &[])?;
                if !r.is(self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        // Instances of built-in-derived classes fall back to the built-in value's operator.
        let unwrap = |vm: &Vm, v: Value| match v {
            Value::Obj(r) => match vm.heap.get(r) {
                Object::Instance(i) if !i.base_value.is_null() => i.base_value,
                _ => v,
            },
            _ => v,
        };
        let (ua, ub) = (unwrap(self, a), unwrap(self, b));
        if !ua.is(a) || !ub.is(b) {
            return self.binary_op(ua, ub, op);
        }
        let msg = match op {
            BinOp::Pow if inplace => format!(
                "unsupported operand type(s) for **=: '{}' and '{}'",
                self.tp_name(a),
                self.tp_name(b)
            ),
            BinOp::Pow => format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.tp_name(a),
                self.tp_name(b)
            ),
            _ => format!(
                "unsupported operand type(s) for {}{}: '{}' and '{}'",
                op.symbol(),
                if inplace { "=" } else { "" },
                self.tp_name(a),
                self.tp_name(b)
            ),
        };
        self.err(ExcKind::TypeError, msg)
    }

    fn float_op(&mut self, x: f64, y: f64, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => Ok(x + y),
            BinOp::Sub => Ok(x - y),
            BinOp::Mul => Ok(x * y),
            BinOp::TrueDiv => {
                if y == 0.0 {
                    Err(NumError::ZeroDivision("float division by zero".into()))
                } else {
                    Ok(x / y)
                }
            }
            BinOp::FloorDiv => float_ops::floor_div(x, y),
            BinOp::Mod => float_ops::modulo(x, y),
            BinOp::Pow => float_ops::pow(x, y),
            _ => {
                let msg = format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    op.symbol()
                );
                return self.err(ExcKind::TypeError, msg);
            }
        };
        r.map(Value::Float).map_err(|e| self.num_error(e))
    }

    fn pyint_op(&mut self, x: &PyInt, y: &PyInt, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => Ok(x.add(y)),
            BinOp::Sub => Ok(x.sub(y)),
            BinOp::Mul => Ok(x.mul(y)),
            BinOp::FloorDiv => x.floor_div(y),
            BinOp::Mod => x.modulo(y),
            BinOp::And => Ok(x.bitand(y)),
            BinOp::Or => Ok(x.bitor(y)),
            BinOp::Xor => Ok(x.bitxor(y)),
            BinOp::LShift => x.lshift(y),
            BinOp::RShift => x.rshift(y),
            BinOp::TrueDiv => {
                return x
                    .true_div(y)
                    .map(Value::Float)
                    .map_err(|e| self.num_error(e));
            }
            BinOp::Pow => match x.pow(y) {
                Ok(PowResult::Int(i)) => Ok(i),
                Ok(PowResult::Float(f)) => return Ok(Value::Float(f)),
                Err(e) => Err(e),
            },
            BinOp::MatMul => {
                return self.err(
                    ExcKind::TypeError,
                    "unsupported operand type(s) for @: 'int' and 'int'",
                );
            }
        };
        match r {
            Ok(i) => Ok(self.from_pyint(i)),
            Err(e) => Err(self.num_error(e)),
        }
    }

    /// `-v`, `+v`, `~v`.
    pub fn unary_op(&mut self, v: Value, op: UnaryOp) -> PyResult<Value> {
        match (v, op) {
            (Value::Int(i), UnaryOp::Neg) if i != i64::MIN => return Ok(Value::Int(-i)),
            (Value::Int(i), UnaryOp::Pos) => return Ok(Value::Int(i)),
            (Value::Int(i), UnaryOp::Invert) => return Ok(Value::Int(!i)),
            (Value::Bool(b), _) => return self.unary_op(Value::Int(b as i64), op),
            (Value::Float(x), UnaryOp::Neg) => return Ok(Value::Float(-x)),
            (Value::Float(x), UnaryOp::Pos) => return Ok(Value::Float(x)),
            _ => {}
        }
        if let Some(i) = self.to_pyint(v) {
            let r = match op {
                UnaryOp::Neg => i.neg(),
                UnaryOp::Pos => i,
                UnaryOp::Invert => i.invert(),
            };
            return Ok(self.from_pyint(r));
        }
        let ty = self.type_of(v);
        let name = match op {
            UnaryOp::Neg => "__neg__",
            UnaryOp::Pos => "__pos__",
            UnaryOp::Invert => "__invert__",
        };
        if !self.type_obj(ty).builtin
            && let Some(f) = self.lookup_in_mro_str(ty, name)
        {
            return self.call_reentrant(f, &[v], &[]);
        }
        let sym = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
        };
        let msg = format!("bad operand type for unary {sym}: '{}'", self.type_name(v));
        self.err(ExcKind::TypeError, msg)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
}

/// Python's hash for objects compared by identity (CPython uses the address, rotated).
fn identity_hash(handle: u32) -> i64 {
    (handle as i64).wrapping_mul(0x9E37_79B9) >> 4 | 1 << 20
}

/// i64 arithmetic that stays in range; `None` sends the caller to the general path
/// (overflow, division by zero, negative shifts and powers).
#[inline(always)]
fn int_fast(x: i64, y: i64, op: BinOp) -> Option<Value> {
    Some(Value::Int(match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::FloorDiv => {
            if y == 0 || (x == i64::MIN && y == -1) {
                return None;
            }
            let q = x / y;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod => {
            if y == 0 || (x == i64::MIN && y == -1) {
                return None;
            }
            let r = x % y;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::LShift => {
            if !(0..64).contains(&y) {
                return None;
            }
            let r = x.checked_shl(y as u32)?;
            if r >> y != x {
                return None;
            }
            r
        }
        BinOp::RShift => {
            if y < 0 {
                return None;
            }
            x >> y.min(63)
        }
        BinOp::TrueDiv => {
            // Exact when both fit in f64's mantissa; otherwise the correctly rounded path.
            if y == 0 || x.unsigned_abs() > 1 << 53 || y.unsigned_abs() > 1 << 53 {
                return None;
            }
            return Some(Value::Float(x as f64 / y as f64));
        }
        BinOp::Pow => {
            if !(0..64).contains(&y) {
                return None;
            }
            x.checked_pow(y as u32)?
        }
        BinOp::MatMul => return None,
    }))
}

#[inline(always)]
fn float_fast(x: f64, y: f64, op: BinOp) -> Option<f64> {
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        BinOp::Mul => Some(x * y),
        BinOp::TrueDiv if y != 0.0 => Some(x / y),
        _ => None,
    }
}

/// Exact comparison across the numeric tower (a huge int against a float compares exactly).
fn num_cmp(x: &Num<'_>, y: &Num<'_>) -> Option<Ordering> {
    match (x, y) {
        (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
        (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
        (Num::Int(a), Num::Float(b)) => cmp_int_float(&PyInt::Small(*a), *b),
        (Num::Float(a), Num::Int(b)) => cmp_int_float(&PyInt::Small(*b), *a).map(Ordering::reverse),
        (Num::Big(a), Num::Float(b)) => cmp_int_float(&PyInt::Big((*a).clone()), *b),
        (Num::Float(a), Num::Big(b)) => {
            cmp_int_float(&PyInt::Big((*b).clone()), *a).map(Ordering::reverse)
        }
        (Num::Big(a), Num::Big(b)) => Some(a.cmp(b)),
        (Num::Big(a), Num::Int(b)) => Some((*a).cmp(&BigInt::from(*b))),
        (Num::Int(a), Num::Big(b)) => Some(BigInt::from(*a).cmp(b)),
    }
}
