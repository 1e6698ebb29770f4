//! `Value`: what the value stack, locals and containers hold. Small and `Copy`: immediates for
//! `None`, `bool`, `int` (i64) and `float`; every other object is a handle into the VM's heap, so
//! copying a value costs nothing and needs no reference counting.

/// A handle to a heap object: an index into [`super::heap::Heap`]'s slot table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjRef(pub u32);

impl ObjRef {
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// A Python value.
#[derive(Clone, Copy, Debug, Default)]
pub enum Value {
    /// No value: an unbound local, an empty cell, `LOAD_METHOD`'s marker. Never visible to Python.
    Null,
    #[default]
    None,
    Bool(bool),
    /// An int that fits in i64; larger ints are heap `BigInt`s (ints are always normalized, so a
    /// heap int never fits in i64).
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

impl Value {
    #[inline(always)]
    pub const fn is_null(self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline(always)]
    pub const fn is_none(self) -> bool {
        matches!(self, Value::None)
    }

    #[inline(always)]
    pub const fn as_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }

    /// Identity, as Python's `is`: immediates compare by value (CPython caches small ints and
    /// the singletons; for larger ints `is` is implementation-defined, and value is the kinder
    /// answer), heap objects by handle.
    #[inline]
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Self {
        Value::Float(x)
    }
}

impl From<ObjRef> for Value {
    fn from(r: ObjRef) -> Self {
        Value::Obj(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_at_most_16_bytes_and_copy() {
        assert!(std::mem::size_of::<Value>() <= 16);
        fn assert_copy<T: Copy>() {}
        assert_copy::<Value>();
        // The eval loop's handlers return PyResult<Value>; it must stay register-sized too.
        assert!(std::mem::size_of::<Result<Value, super::super::Raised>>() <= 16);
    }
}
