//! The hash table behind `dict`, `set` and every namespace: insertion-ordered entries plus an
//! index table, as CPython's compact dict. Key equality is supplied by the caller, because only
//! the VM knows how to compare two values (strings live in the heap; user classes define
//! `__eq__`), and the table must not borrow the VM while it is probed.

use hashbrown::HashTable;

use super::value::Value;

#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub hash: i64,
    /// `Value::Null` marks a deleted entry (compacted away when tombstones pile up).
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default, Debug)]
pub struct PyDict {
    index: HashTable<u32>,
    entries: Vec<Entry>,
    len: usize,
    /// Bumped on every insertion or deletion, so iterators can detect "changed size during
    /// iteration" as CPython does.
    pub version: u64,
}

impl PyDict {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(n: usize) -> Self {
        PyDict {
            index: HashTable::with_capacity(n),
            entries: Vec::with_capacity(n),
            len: 0,
            version: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Entry slots including tombstones; iterate with [`Self::entry_at`] to survive mutation.
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    /// The live entry at slot `i`, if any.
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.iter().map(|e| e.key)
    }

    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        self.iter().map(|e| e.value)
    }

    /// The slots of live entries whose hash equals `hash`: the candidates a caller compares.
    pub fn candidates(&self, hash: i64) -> impl Iterator<Item = usize> + '_ {
        self.index
            .iter_hash(hash as u64)
            .map(|&i| i as usize)
            .filter(move |&i| self.entries[i].hash == hash)
    }

    /// The slot holding a key equal to the probe, by the caller's equality.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        self.candidates(hash).find(|&i| eq(self.entries[i].key))
    }

    pub fn value_at(&self, slot: usize) -> Value {
        self.entries[slot].value
    }

    pub fn key_at(&self, slot: usize) -> Value {
        self.entries[slot].key
    }

    pub fn set_value_at(&mut self, slot: usize, value: Value) {
        self.entries[slot].value = value;
    }

    /// Appends a key the caller has checked is absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let slot = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        let entries = &self.entries;
        self.index
            .insert_unique(hash as u64, slot, |&i| entries[i as usize].hash as u64);
        self.len += 1;
        self.version += 1;
    }

    /// Removes the entry at `slot`, returning it.
    pub fn remove_at(&mut self, slot: usize) -> Entry {
        let entry = self.entries[slot];
        if let Ok(found) = self
            .index
            .find_entry(entry.hash as u64, |&i| i as usize == slot)
        {
            found.remove();
        }
        self.entries[slot].key = Value::Null;
        self.entries[slot].value = Value::Null;
        self.len -= 1;
        self.version += 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        entry
    }

    /// The last live entry (for `popitem`), removed.
    pub fn pop_last(&mut self) -> Option<Entry> {
        let slot = self.entries.iter().rposition(|e| !e.key.is_null())?;
        Some(self.remove_at(slot))
    }

    pub fn clear(&mut self) {
        self.index.clear();
        self.entries.clear();
        self.len = 0;
        self.version += 1;
    }

    fn compact(&mut self) {
        self.entries.retain(|e| !e.key.is_null());
        self.index.clear();
        let entries = &self.entries;
        for (i, e) in entries.iter().enumerate() {
            self.index.insert_unique(e.hash as u64, i as u32, |&j| {
                entries[j as usize].hash as u64
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_eq(k: i64) -> impl FnMut(Value) -> bool {
        move |v| matches!(v, Value::Int(i) if i == k)
    }

    #[test]
    fn insert_find_remove_keep_order() {
        let mut d = PyDict::new();
        for k in 0..100i64 {
            d.insert_new(k % 7, Value::Int(k), Value::Int(k * 2));
        }
        assert_eq!(d.len(), 100);
        let slot = d.find(5, int_eq(5)).unwrap();
        assert!(matches!(d.value_at(slot), Value::Int(10)));
        for k in (0..100i64).step_by(2) {
            let slot = d.find(k % 7, int_eq(k)).unwrap();
            d.remove_at(slot);
        }
        assert_eq!(d.len(), 50);
        assert!(d.find(4, int_eq(4)).is_none());
        let keys: Vec<i64> = d
            .keys()
            .map(|k| match k {
                Value::Int(i) => i,
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(keys, (1..100).step_by(2).collect::<Vec<_>>());
        let slot = d.find(99 % 7, int_eq(99)).unwrap();
        assert!(matches!(d.value_at(slot), Value::Int(198)));
    }
}
