//! The attributes of an instance of a user class: CPython's split ("shared-key") dicts as
//! V8's hidden classes make them. Instances of a class usually get the same attributes in the
//! same order (in `__init__`), so the names live once in a [`Shape`], shared by every instance
//! that has them, and each instance keeps only its values, in the shape's order. `self.x` is
//! then a scan of a few 4-byte handles for `x`'s (no hashing, no string comparison, no probe
//! of a hash table), and an instance costs one small vector instead of a hash table and its
//! entries (two allocations, ~100 bytes more).
//!
//! A shape's names are interned strs: an interned name is the only str object with its text
//! ([`Vm::intern`](super::vm::Vm::intern)), so comparing handles compares names. Adding an
//! attribute moves the instance to the shape with one more name; shapes are made once per
//! distinct sequence of names and kept in the tree of transitions from the empty shape. The
//! instance falls back to a plain [`PyDict`] (and stays so) when an attribute is deleted, a
//! name is not an interned str, the shape would grow past [`MAX_SHAPE_LEN`] names, or the
//! program has made [`MAX_SHAPES`] shapes: so a program that sets computed names on its objects
//! bounds the tree, not its memory.
//!
//! The iteration order is the insertion order either way, as a dict's is.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::dict::{Entry, PyDict};
use super::value::{ObjRef, Value};

/// The most names a shape holds: the scan stays within a cache line or two of handles.
pub const MAX_SHAPE_LEN: usize = 32;
/// The most shapes one thread (one interpreter) makes.
pub const MAX_SHAPES: usize = 1 << 14;

/// One sequence of attribute names.
#[derive(Debug)]
pub struct Shape {
    names: Box<[ObjRef]>,
    hashes: Box<[i64]>,
    /// The shapes with one more name, by that name.
    children: RefCell<Vec<(ObjRef, Rc<Shape>)>>,
}

thread_local! {
    static EMPTY: Rc<Shape> = Rc::new(Shape {
        names: Box::new([]),
        hashes: Box::new([]),
        children: RefCell::new(Vec::new()),
    });
    static SHAPES_MADE: Cell<usize> = const { Cell::new(0) };
}

impl Shape {
    /// The shape with `name` appended, made on first use; `None` past the limits.
    fn with(self: &Rc<Shape>, name: ObjRef, hash: i64) -> Option<Rc<Shape>> {
        if let Some((_, child)) = self.children.borrow().iter().find(|(n, _)| *n == name) {
            return Some(Rc::clone(child));
        }
        if self.names.len() >= MAX_SHAPE_LEN || SHAPES_MADE.get() >= MAX_SHAPES {
            return None;
        }
        SHAPES_MADE.set(SHAPES_MADE.get() + 1);
        let child = Rc::new(Shape {
            names: self.names.iter().copied().chain([name]).collect(),
            hashes: self.hashes.iter().copied().chain([hash]).collect(),
            children: RefCell::new(Vec::new()),
        });
        self.children.borrow_mut().push((name, Rc::clone(&child)));
        Some(child)
    }
}

#[derive(Debug)]
enum Repr {
    Shaped {
        shape: Rc<Shape>,
        /// In the shape's order; as many as it has names.
        values: Vec<Value>,
    },
    Dict(Box<PyDict>),
}

/// An instance's attributes. Slots (what [`InstanceDict::find`] returns) are valid until the
/// next insertion or removal.
#[derive(Debug)]
pub struct InstanceDict {
    repr: Repr,
}

impl Default for InstanceDict {
    fn default() -> Self {
        Self::new()
    }
}

impl InstanceDict {
    pub fn new() -> Self {
        InstanceDict {
            repr: Repr::Shaped {
                shape: EMPTY.with(Rc::clone),
                values: Vec::new(),
            },
        }
    }

    /// Attributes held in a plain dict from the start (a restored snapshot's).
    pub fn from_dict(dict: PyDict) -> Self {
        InstanceDict {
            repr: Repr::Dict(Box::new(dict)),
        }
    }

    /// The slot of the attribute named by the interned str `name`, when the answer needs no
    /// string comparison: always while the instance has a shape. `None` means "ask
    /// [`find`](Self::find)".
    #[inline(always)]
    pub fn find_interned(&self, name: ObjRef) -> Option<Option<usize>> {
        match &self.repr {
            Repr::Shaped { shape, .. } => Some(shape.names.iter().position(|&n| n == name)),
            Repr::Dict(_) => None,
        }
    }

    /// The slot of the key `eq` accepts, `hash` being its hash.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        match &self.repr {
            Repr::Shaped { shape, .. } => shape
                .names
                .iter()
                .zip(&shape.hashes)
                .position(|(&n, &h)| h == hash && eq(Value::Obj(n))),
            Repr::Dict(d) => d.find(hash, eq),
        }
    }

    #[inline(always)]
    pub fn value_at(&self, slot: usize) -> Value {
        match &self.repr {
            Repr::Shaped { values, .. } => values[slot],
            Repr::Dict(d) => d.value_at(slot),
        }
    }

    #[inline(always)]
    pub fn set_value_at(&mut self, slot: usize, value: Value) {
        match &mut self.repr {
            Repr::Shaped { values, .. } => values[slot] = value,
            Repr::Dict(d) => d.set_value_at(slot, value),
        }
    }

    /// Adds an attribute not present. `interned` is the key's handle when it is an interned
    /// str (then the instance may keep its shape).
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value, interned: Option<ObjRef>) {
        if let Repr::Shaped { shape, values } = &mut self.repr
            && let Some(name) = interned
            && let Some(next) = shape.with(name, hash)
        {
            *shape = next;
            values.push(value);
            return;
        }
        self.as_dict().insert_new(hash, key, value);
    }

    pub fn remove_at(&mut self, slot: usize) -> Entry {
        let dict = self.as_dict();
        dict.remove_at(slot)
    }

    /// Turns a shaped instance's attributes into a plain dict (slots change).
    fn as_dict(&mut self) -> &mut PyDict {
        if let Repr::Shaped { shape, values } = &self.repr {
            let mut dict = PyDict::with_capacity(values.len() + 1);
            for ((&name, &hash), &value) in shape.names.iter().zip(&shape.hashes).zip(values) {
                dict.insert_new(hash, Value::Obj(name), value);
            }
            self.repr = Repr::Dict(Box::new(dict));
        }
        match &mut self.repr {
            Repr::Dict(d) => d,
            Repr::Shaped { .. } => unreachable!("just converted"),
        }
    }

    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Shaped { values, .. } => values.len(),
            Repr::Dict(d) => d.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The attributes in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = Entry> + '_ {
        let (shaped, dict) = match &self.repr {
            Repr::Shaped { shape, values } => (Some((shape, values)), None),
            Repr::Dict(d) => (None, Some(d)),
        };
        let shaped = shaped.into_iter().flat_map(|(shape, values)| {
            shape
                .names
                .iter()
                .zip(&shape.hashes)
                .zip(values)
                .map(|((&name, &hash), &value)| Entry {
                    hash,
                    key: Value::Obj(name),
                    value,
                })
        });
        shaped.chain(dict.into_iter().flat_map(|d| d.iter().copied()))
    }

    /// A plain dict with the same attributes in the same order.
    pub fn to_pydict(&self) -> PyDict {
        match &self.repr {
            Repr::Dict(d) => (**d).clone(),
            Repr::Shaped { values, .. } => {
                let mut dict = PyDict::with_capacity(values.len());
                for e in self.iter() {
                    dict.insert_new(e.hash, e.key, e.value);
                }
                dict
            }
        }
    }

    /// Whether the attributes are in a shape (for tests and statistics).
    pub fn is_shaped(&self) -> bool {
        matches!(self.repr, Repr::Shaped { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(d: &InstanceDict) -> Vec<u32> {
        d.iter()
            .map(|e| match e.key {
                Value::Obj(r) => r.0,
                _ => panic!("not a name"),
            })
            .collect()
    }

    #[test]
    fn instances_given_the_same_names_share_one_shape() {
        let (a, b) = (&mut InstanceDict::new(), &mut InstanceDict::new());
        for d in [&mut *a, &mut *b] {
            d.insert_new(11, Value::Obj(ObjRef(1)), Value::Int(1), Some(ObjRef(1)));
            d.insert_new(22, Value::Obj(ObjRef(2)), Value::Int(2), Some(ObjRef(2)));
        }
        let (Repr::Shaped { shape: sa, .. }, Repr::Shaped { shape: sb, .. }) = (&a.repr, &b.repr)
        else {
            panic!("both shaped");
        };
        assert!(Rc::ptr_eq(sa, sb));
        assert_eq!(a.find_interned(ObjRef(2)), Some(Some(1)));
        assert_eq!(a.find_interned(ObjRef(3)), Some(None));
        assert_eq!(names(a), [1, 2]);
    }

    #[test]
    fn removal_and_uninterned_names_fall_back_to_a_dict_keeping_the_order() {
        let mut d = InstanceDict::new();
        for i in 1..=3 {
            d.insert_new(
                i,
                Value::Obj(ObjRef(i as u32)),
                Value::Int(i),
                Some(ObjRef(i as u32)),
            );
        }
        let slot = d.find(2, |k| k.is(Value::Obj(ObjRef(2)))).unwrap();
        d.remove_at(slot);
        assert!(!d.is_shaped());
        assert_eq!(
            d.find_interned(ObjRef(1)),
            None,
            "a dict needs the general find"
        );
        assert_eq!(names(&d), [1, 3]);

        let mut e = InstanceDict::new();
        e.insert_new(5, Value::Obj(ObjRef(5)), Value::Int(5), Some(ObjRef(5)));
        e.insert_new(6, Value::Obj(ObjRef(6)), Value::Int(6), None);
        assert!(!e.is_shaped());
        assert_eq!(names(&e), [5, 6]);
        assert!(matches!(
            e.value_at(e.find(6, |_| true).unwrap()),
            Value::Int(6)
        ));
    }

    #[test]
    fn a_shape_never_grows_past_its_limit() {
        let mut d = InstanceDict::new();
        for i in 0..=MAX_SHAPE_LEN as u32 {
            assert!(d.is_shaped());
            d.insert_new(
                i64::from(i),
                Value::Obj(ObjRef(1000 + i)),
                Value::Int(0),
                Some(ObjRef(1000 + i)),
            );
        }
        assert!(!d.is_shaped());
        assert_eq!(d.len(), MAX_SHAPE_LEN + 1);
    }
}
