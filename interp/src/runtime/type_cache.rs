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
}
