//! The type attribute cache: what a lookup of an interned name along a type's MRO found (or
//! that it found nothing), as CPython's method cache (`Objects/typeobject.c`, `MCACHE`) keeps
//! it. Attribute access looks up the type first (for data descriptors) on every `self.x`, and
//! the MRO walk hashes and probes one dict per class: without this cache that walk was 28% of
//! the host instructions of `richards` (callgrind).
//!
//! Validity is one epoch for all types ([`Heap::type_epoch`]), renewed whenever any type's
//! dict, bases or MRO changes or a type is freed (its handle could name a new type next). A
//! global epoch is coarser than CPython's per-type version tags, which invalidate only the
//! changed type and its subclasses: a program that keeps assigning class attributes in a loop
//! refills the cache after each assignment. It needs no subclass lists, and programs that
//! set up their classes and then run them, as the benchmarks do, see every lookup hit.
//!
//! [`Heap::type_epoch`]: super::heap::Heap::type_epoch

use std::cell::Cell;

use super::ops::{BinOp, CmpOp};
use super::value::{ObjRef, Value};

/// Entries: CPython's `MCACHE_SIZE_EXP` is 12 as well.
const SIZE_EXP: u32 = 12;

#[derive(Clone, Copy, Debug)]
struct Entry {
    /// The epoch the lookup was made in; 0 (never an epoch) in an empty entry.
    epoch: u64,
    ty: ObjRef,
    /// An interned str: interned strings live as long as the VM, so their handles are never
    /// reused for another name.
    name: ObjRef,
    /// What the lookup found; `Null` for nothing (no class dict holds a `Null` value).
    found: Value,
}

const EMPTY: Entry = Entry {
    epoch: 0,
    ty: ObjRef(0),
    name: ObjRef(0),
    found: Value::Null,
};

pub struct TypeAttrCache {
    entries: Box<[Cell<Entry>]>,
}

impl Default for TypeAttrCache {
    fn default() -> Self {
        TypeAttrCache {
            entries: vec![Cell::new(EMPTY); 1 << SIZE_EXP].into_boxed_slice(),
        }
    }
}

impl std::fmt::Debug for TypeAttrCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TypeAttrCache")
    }
}

/// The entry for `(ty, name)`: handles are small dense integers, so a multiplicative mix
/// spreads neighbouring types and names over the table.
#[inline(always)]
fn index(ty: ObjRef, name: ObjRef) -> usize {
    let mixed = (u64::from(ty.0) << 32 | u64::from(name.0)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - SIZE_EXP)) as usize
}

impl TypeAttrCache {
    /// The cached result of looking `name` up along `ty`'s MRO in `epoch`: `Some(None)` for a
    /// cached miss, `None` if nothing is cached.
    #[inline(always)]
    pub fn get(&self, epoch: u64, ty: ObjRef, name: ObjRef) -> Option<Option<Value>> {
        let e = self.entries[index(ty, name)].get();
        (e.epoch == epoch && e.ty == ty && e.name == name)
            .then_some((!e.found.is_null()).then_some(e.found))
    }

    #[inline(always)]
    pub fn put(&self, epoch: u64, ty: ObjRef, name: ObjRef, found: Option<Value>) {
        self.entries[index(ty, name)].set(Entry {
            epoch,
            ty,
            name,
            found: found.unwrap_or(Value::Null),
        });
    }
}

/// What attribute access may skip for instances of one type, as of one type epoch: read off
/// the whole MRO once, where the attribute cache answers one name at a time. With it, `self.x`
/// looks in the instance's own dict first and needs the class only when that misses, which is
/// what makes an instance attribute read a scan of its shape (CPython specializes
/// `LOAD_ATTR_INSTANCE_VALUE` on the same knowledge: its type version guarantees it).
#[derive(Clone, Copy, Debug, Default)]
pub struct TypeSummary {
    /// The epoch it was made in; 0 (never an epoch) before the first.
    pub epoch: u64,
    /// No class in the MRO has a property: a value in the instance dict is what a read of
    /// its name gives (a `__slots__` member reads from the instance dict too).
    pub dict_first_reads: bool,
    /// A user class without `__slots__`, with no `__setattr__` of a user class and no data
    /// descriptor (property, `__slots__` member) in its MRO: a store goes into the instance
    /// dict.
    pub dict_writes: bool,
    /// A user class with no `__setattr__` of a user class and no property in its MRO: a store
    /// under a `__slots__` member's name goes into the instance dict (where rceval keeps slot
    /// values).
    pub member_writes: bool,
}

/// Lists the special methods once: the enum, its count and each name come from this table.
macro_rules! special_methods {
    ($($method:ident => $name:literal,)*) => {
        /// A special method the runtime calls on a type's instances, resolved once per type
        /// and type epoch into the type's [`SpecialMethods`] (CPython's type slots: `tp_iter`,
        /// `tp_iternext`, `mp_subscript`, `tp_call`... filled by `update_slot`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum SpecialMethod {
            $($method,)*
        }

        impl SpecialMethod {
            pub const COUNT: usize = [$($name),*].len();

            pub const fn name(self) -> &'static str {
                match self {
                    $(SpecialMethod::$method => $name,)*
                }
            }
        }
    };
}

special_methods! {
    Iter => "__iter__",
    Next => "__next__",
    GetItem => "__getitem__",
    SetItem => "__setitem__",
    DelItem => "__delitem__",
    Missing => "__missing__",
    Len => "__len__",
    Contains => "__contains__",
    Reversed => "__reversed__",
    Bool => "__bool__",
    Index => "__index__",
    Float => "__float__",
    Pow => "__pow__",
    Eq => "__eq__",
    Call => "__call__",
    New => "__new__",
    Init => "__init__",
    Str => "__str__",
    Repr => "__repr__",
    Format => "__format__",
    GetAttribute => "__getattribute__",
    GetAttr => "__getattr__",
    DelAttr => "__delattr__",
    Await => "__await__",
}

const BINARY_OPS: usize = BinOp::Xor as usize + 1;
const COMPARISONS: usize = CmpOp::Ge as usize + 1;

/// An operator's special method (CPython's number slots and `tp_richcompare`), named by the
/// operator's own `dunders()`/`dunder()`, so no second list of names exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperatorMethod {
    /// `__add__`...
    Binary(BinOp),
    /// `__radd__`...
    Reflected(BinOp),
    /// `__iadd__`...
    InPlace(BinOp),
    /// `__lt__`...
    Compare(CmpOp),
}

impl OperatorMethod {
    pub const COUNT: usize = 3 * BINARY_OPS + COMPARISONS;

    pub const fn name(self) -> &'static str {
        match self {
            OperatorMethod::Binary(op) => op.dunders().0,
            OperatorMethod::Reflected(op) => op.dunders().1,
            OperatorMethod::InPlace(op) => op.dunders().2,
            OperatorMethod::Compare(op) => op.dunder(),
        }
    }

    const fn index(self) -> usize {
        match self {
            OperatorMethod::Binary(op) => op as usize,
            OperatorMethod::Reflected(op) => BINARY_OPS + op as usize,
            OperatorMethod::InPlace(op) => 2 * BINARY_OPS + op as usize,
            OperatorMethod::Compare(op) => 3 * BINARY_OPS + op as usize,
        }
    }
}

/// A slot of [`SpecialMethods`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodSlot {
    Special(SpecialMethod),
    Operator(OperatorMethod),
}

impl MethodSlot {
    const COUNT: usize = SpecialMethod::COUNT + OperatorMethod::COUNT;

    pub const fn name(self) -> &'static str {
        match self {
            MethodSlot::Special(m) => m.name(),
            MethodSlot::Operator(m) => m.name(),
        }
    }

    const fn index(self) -> usize {
        match self {
            MethodSlot::Special(m) => m as usize,
            MethodSlot::Operator(m) => SpecialMethod::COUNT + m.index(),
        }
    }
}

impl From<SpecialMethod> for MethodSlot {
    fn from(m: SpecialMethod) -> Self {
        MethodSlot::Special(m)
    }
}

impl From<OperatorMethod> for MethodSlot {
    fn from(m: OperatorMethod) -> Self {
        MethodSlot::Operator(m)
    }
}

/// A type's special methods as its MRO gives them, each looked up on first use in a type
/// epoch: `Some(None)` records that the type has none. A new epoch forgets them all, as it
/// does the type attribute cache (the same invalidation, see the module's comment).
#[derive(Debug)]
pub struct SpecialMethods {
    epoch: Cell<u64>,
    found: [Cell<Option<Option<Value>>>; MethodSlot::COUNT],
}

impl Default for SpecialMethods {
    fn default() -> Self {
        SpecialMethods {
            epoch: Cell::new(0),
            found: std::array::from_fn(|_| Cell::new(None)),
        }
    }
}

impl SpecialMethods {
    /// What was found for `slot` in `epoch`, if it was looked up in it.
    #[inline(always)]
    pub fn get(&self, epoch: u64, slot: MethodSlot) -> Option<Option<Value>> {
        if self.epoch.get() != epoch {
            return None;
        }
        self.found[slot.index()].get()
    }

    pub fn put(&self, epoch: u64, slot: MethodSlot, found: Option<Value>) {
        if self.epoch.get() != epoch {
            for entry in &self.found {
                entry.set(None);
            }
            self.epoch.set(epoch);
        }
        self.found[slot.index()].set(Some(found));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_only_in_the_epoch_and_for_the_pair_it_was_filled_for() {
        let cache = TypeAttrCache::default();
        let (ty, name) = (ObjRef(7), ObjRef(9));
        assert_eq!(cache.get(1, ty, name).map(|f| f.is_some()), None);
        cache.put(1, ty, name, Some(Value::Int(3)));
        assert!(matches!(cache.get(1, ty, name), Some(Some(Value::Int(3)))));
        assert!(
            cache.get(2, ty, name).is_none(),
            "a new epoch forgets everything"
        );
        assert!(cache.get(1, ObjRef(8), name).is_none());
        cache.put(1, ObjRef(8), name, None);
        assert!(matches!(cache.get(1, ObjRef(8), name), Some(None)));
    }

    #[test]
    fn an_empty_entry_never_hits() {
        let cache = TypeAttrCache::default();
        assert!(cache.get(1, ObjRef(0), ObjRef(0)).is_none());
    }

    #[test]
    fn special_methods_hold_absence_and_forget_everything_in_a_new_epoch() {
        let methods = SpecialMethods::default();
        assert!(methods.get(1, SpecialMethod::Next.into()).is_none());
        methods.put(1, SpecialMethod::Next.into(), Some(Value::Int(5)));
        methods.put(1, SpecialMethod::Len.into(), None);
        assert!(matches!(
            methods.get(1, SpecialMethod::Next.into()),
            Some(Some(Value::Int(5)))
        ));
        assert!(matches!(
            methods.get(1, SpecialMethod::Len.into()),
            Some(None)
        ));
        assert!(methods.get(1, SpecialMethod::Iter.into()).is_none());
        assert!(methods.get(2, SpecialMethod::Next.into()).is_none());
        methods.put(2, SpecialMethod::Iter.into(), None);
        assert!(
            methods.get(2, SpecialMethod::Next.into()).is_none(),
            "the old epoch's entries are gone"
        );
        assert_eq!(SpecialMethod::Await.name(), "__await__");
        assert_eq!(SpecialMethod::COUNT, SpecialMethod::Await as usize + 1);
        let slots = [
            MethodSlot::Special(SpecialMethod::Await),
            OperatorMethod::Binary(BinOp::Add).into(),
            OperatorMethod::Reflected(BinOp::Xor).into(),
            OperatorMethod::InPlace(BinOp::Add).into(),
            OperatorMethod::Compare(CmpOp::Ge).into(),
        ];
        let indices: Vec<usize> = slots.iter().map(|s| s.index()).collect();
        assert_eq!(
            indices,
            [
                SpecialMethod::COUNT - 1,
                SpecialMethod::COUNT,
                SpecialMethod::COUNT + 2 * BINARY_OPS - 1,
                SpecialMethod::COUNT + 2 * BINARY_OPS,
                MethodSlot::COUNT - 1,
            ]
        );
        assert_eq!(OperatorMethod::Reflected(BinOp::Mul).name(), "__rmul__");
        assert_eq!(OperatorMethod::Compare(CmpOp::Lt).name(), "__lt__");
    }
}
