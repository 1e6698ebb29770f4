//! The hash table behind `dict`, `set` and every namespace: insertion-ordered entries plus an
//! index table, as CPython's compact dict. Key equality is supplied by the caller, because only
//! the VM knows how to compare two values (strings live in the heap; user classes define
//! `__eq__`), and the table must not borrow the VM while it is probed.

use hashbrown::HashTable;

use super::value::Value;

thread_local! {
    /// The last dict version handed out on this thread (the interpreter runs on one thread).
    static LAST_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A dict version no dict on this thread has had.
#[inline(always)]
pub fn next_version() -> u64 {
    LAST_VERSION.with(|last| {
        let v = last.get() + 1;
        last.set(v);
        v
    })
}

/// Makes later versions exceed `seen` (a version restored from a snapshot).
pub fn observe_version(seen: u64) {
    LAST_VERSION.with(|last| last.set(last.get().max(seen)));
}

#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub hash: i64,
    /// `Value::Null` marks a deleted entry (compacted away when tombstones pile up).
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default, Debug)]
pub struct PyDict {
    /// A dict's lookup index (entry numbers by hash). Empty for a set, whose own slot table
    /// (`set_order`) is probed instead, as CPython's `set_lookkey` does.
    index: HashTable<u32>,
    entries: Vec<Entry>,
    len: usize,
    /// Renewed on every insertion or deletion (so iterators can detect "changed size during
    /// iteration" as CPython does), from one counter for all dicts ([`next_version`]): two
    /// dicts share a version only while one is an unmodified copy of the other, and 0 means
    /// empty and never modified. So a version names a key layout, which is what the
    /// `LOAD_GLOBAL` cache checks (CPython's `ma_version_tag`).
    pub version: u64,
    /// For sets: CPython's set table layout, which decides the iteration order (a set is
    /// ordered by hash slot, not by insertion). Lookups still go through `index`.
    set_order: Option<Box<SetOrder>>,
}

/// A replica of CPython 3.11's set table (`Objects/setobject.c`): open addressing with
/// `LINEAR_PROBES` linear steps then perturbed jumps, dummies on deletion, and its resize
/// policy. Each slot holds an index into `entries`.
#[derive(Clone, Debug)]
struct SetOrder {
    table: Vec<u32>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `set.pop` resumes its search.
    finger: usize,
    /// For each entry, its slot in `table`.
    position: Vec<u32>,
}

/// A set's slot table as plain data (see [`PyDict::raw_parts`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetTableParts {
    /// Per slot: an entry index, or empty/dummy markers.
    pub table: Vec<u32>,
    pub fill: usize,
    pub used: usize,
    pub finger: usize,
    /// Per entry: its slot.
    pub position: Vec<u32>,
}

const SLOT_EMPTY: u32 = u32::MAX;
const SLOT_DUMMY: u32 = u32::MAX - 1;
const SET_MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

impl SetOrder {
    fn new(size: usize) -> Self {
        SetOrder {
            table: vec![SLOT_EMPTY; size],
            fill: 0,
            used: 0,
            finger: 0,
            position: Vec::new(),
        }
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The slot CPython's `set_add_entry` fills for an absent key: the last dummy on the
    /// probe path (3.11 overwrites `freeslot` at each dummy), else the empty slot that ends
    /// it. Returns (slot, was_empty).
    fn add_slot(&self, hash: i64) -> (usize, bool) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match self.table[j] {
                    SLOT_EMPTY => return freeslot.map_or((j, true), |f| (f, false)),
                    SLOT_DUMMY => freeslot = Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// CPython's `set_insert_clean`: the first empty slot on the probe path (no dummies).
    fn clean_slot(table: &[u32], hash: i64) -> usize {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i] == SLOT_EMPTY {
                return i;
            }
            if i + LINEAR_PROBES <= mask
                && let Some(k) = table[i + 1..=i + LINEAR_PROBES]
                    .iter()
                    .position(|&e| e == SLOT_EMPTY)
            {
                return i + 1 + k;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// How many entries a table of `size` slots takes before `insert_new` resizes it (when
    /// fill * 5 >= mask * 3), plus the one that triggers it.
    fn entries_before_resize(size: usize) -> usize {
        (size - 1) * 3 / 5 + 1
    }

    fn table_size_for(minused: usize) -> usize {
        let mut size = SET_MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        size
    }
}

/// The entries whose hash may match, from a dict's index or a set's slot table.
enum Candidates<D, S> {
    Dict(D),
    Set(S),
}

impl<D: Iterator<Item = usize>, S: Iterator<Item = usize>> Iterator for Candidates<D, S> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        match self {
            Candidates::Dict(d) => d.next(),
            Candidates::Set(s) => s.next(),
        }
    }
}

/// CPython's `set_lookkey` probe sequence over a set's slot table: `LINEAR_PROBES` linear
/// steps, then a perturbed jump, until an empty slot; yields the entries whose hash matches.
/// The table is never more than 60% full, so an empty slot ends every probe.
struct SetProbe<'a> {
    table: &'a [u32],
    entries: &'a [Entry],
    hash: i64,
    perturb: u64,
    /// The next slot to look at, and the first and last of the current linear run.
    i: usize,
    run_start: usize,
    run_end: usize,
    done: bool,
}

impl<'a> SetProbe<'a> {
    fn new(table: &'a [u32], entries: &'a [Entry], hash: i64) -> Self {
        let mask = table.len() - 1;
        let i = (hash as u64 as usize) & mask;
        SetProbe {
            table,
            entries,
            hash,
            perturb: hash as u64,
            i,
            run_start: i,
            run_end: Self::run_end(i, mask),
            done: false,
        }
    }

    #[inline]
    fn run_end(i: usize, mask: usize) -> usize {
        if i + LINEAR_PROBES <= mask {
            i + LINEAR_PROBES
        } else {
            i
        }
    }
}

impl Iterator for SetProbe<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        let mask = self.table.len() - 1;
        while !self.done {
            let e = self.table[self.i];
            if e == SLOT_EMPTY {
                self.done = true;
                return None;
            }
            if self.i < self.run_end {
                self.i += 1;
            } else {
                self.perturb >>= PERTURB_SHIFT;
                let run_start = self
                    .run_start
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(self.perturb as usize)
                    & mask;
                self.i = run_start;
                self.run_start = run_start;
                self.run_end = Self::run_end(run_start, mask);
            }
            if e != SLOT_DUMMY && self.entries[e as usize].hash == self.hash {
                return Some(e as usize);
            }
        }
        None
    }
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
            set_order: None,
        }
    }

    /// An empty table for a `set` or `frozenset`: iterated in CPython's set-table order.
    pub fn new_set() -> Self {
        PyDict {
            set_order: Some(Box::new(SetOrder::new(SET_MINSIZE))),
            ..Self::default()
        }
    }

    /// A set that has never held a key since creation or `clear` (CPython's `fill == 0`).
    pub fn set_is_pristine(&self) -> bool {
        self.set_order.as_ref().is_some_and(|o| o.fill == 0)
    }

    /// Whether this table iterates in CPython's set order.
    pub fn is_set(&self) -> bool {
        self.set_order.is_some()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Entry slots including tombstones; iterate with [`Self::entry_at`] to survive mutation.
    pub fn slots(&self) -> usize {
        match &self.set_order {
            Some(order) => order.table.len(),
            None => self.entries.len(),
        }
    }

    /// The live entry at iteration position `i`, if any.
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        match &self.set_order {
            Some(order) => match order.table.get(i) {
                Some(&e) if e < SLOT_DUMMY => Some(&self.entries[e as usize]),
                _ => None,
            },
            None => self.entries.get(i).filter(|e| !e.key.is_null()),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        (0..self.slots()).filter_map(|i| self.entry_at(i))
    }

    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.iter().map(|e| e.key)
    }

    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        self.iter().map(|e| e.value)
    }

    /// The slots of live entries whose hash equals `hash`: the candidates a caller compares.
    pub fn candidates(&self, hash: i64) -> impl Iterator<Item = usize> + '_ {
        match &self.set_order {
            Some(order) => Candidates::Set(SetProbe::new(&order.table, &self.entries, hash)),
            None => Candidates::Dict(
                self.index
                    .iter_hash(hash as u64)
                    .map(|&i| i as usize)
                    .filter(move |&i| self.entries[i].hash == hash),
            ),
        }
    }

    /// The slot holding a key equal to the probe, by the caller's equality.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        self.candidates(hash).find(|&i| eq(self.entries[i].key))
    }

    /// The value at entry `slot`, which a cache recorded for this dict's current version (so
    /// the entry exists); `None` only if that promise is broken.
    #[inline(always)]
    pub fn value_at_cached(&self, slot: usize) -> Option<&Value> {
        self.entries.get(slot).map(|e| &e.value)
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
        if let Some(order) = &mut self.set_order
            && self.entries.capacity() == 0
        {
            // Room for every entry the table takes before it is resized, rather than growing
            // by doubling from four.
            let room = SetOrder::entries_before_resize(order.table.len());
            self.entries.reserve_exact(room);
            order.position.reserve_exact(room);
        }
        self.entries.push(Entry { hash, key, value });
        self.len += 1;
        self.version = next_version();
        if self.set_order.is_none() {
            let entries = &self.entries;
            self.index
                .insert_unique(hash as u64, slot, |&i| entries[i as usize].hash as u64);
        }
        if let Some(order) = &mut self.set_order {
            let (pos, was_empty) = order.add_slot(hash);
            order.table[pos] = slot;
            order.position.push(pos as u32);
            order.used += 1;
            if was_empty {
                order.fill += 1;
                if order.fill * 5 >= order.mask() * 3 {
                    let used = order.used;
                    self.set_resize(if used > 50000 { used * 2 } else { used * 4 });
                }
            }
        }
    }

    /// CPython's `set_table_resize`: a table with more than `minused` slots, the live entries
    /// reinserted in the old table's order. Entries are compacted on the way.
    fn set_resize(&mut self, minused: usize) {
        let Some(order) = &self.set_order else { return };
        let mut fresh = SetOrder::new(SetOrder::table_size_for(minused));
        fresh.finger = order.finger;
        let mut live = Vec::with_capacity(SetOrder::entries_before_resize(fresh.table.len()));
        live.extend(
            order
                .table
                .iter()
                .filter(|&&e| e < SLOT_DUMMY)
                .map(|&e| self.entries[e as usize]),
        );
        self.rebuild_from(live, fresh);
    }

    /// Refills entries, index and set table from `live`, in that order, with clean inserts.
    fn rebuild_from(&mut self, live: Vec<Entry>, mut order: SetOrder) {
        self.entries = live;
        let entries = &self.entries;
        order.position.clear();
        order.position.reserve(entries.capacity());
        for (i, e) in entries.iter().enumerate() {
            let pos = SetOrder::clean_slot(&order.table, e.hash);
            order.table[pos] = i as u32;
            order.position.push(pos as u32);
        }
        order.fill = entries.len();
        order.used = entries.len();
        self.set_order = Some(Box::new(order));
    }

    /// Before merging `extra` more keys into a set: CPython's one up-front resize.
    pub fn set_presize(&mut self, extra: usize) {
        if let Some(order) = &self.set_order
            && (order.fill + extra) * 5 >= order.mask() * 3
        {
            let used = order.used;
            self.set_resize((used + extra) * 2);
        }
    }

    /// CPython's `set_merge` into an empty set: the other table's layout is copied when the
    /// sizes match and it has no dummies, else its keys are inserted clean in its order.
    /// The caller has checked that `self` is an empty set.
    pub fn set_merge_into_empty(&mut self, other: &PyDict) {
        let Some(theirs) = &other.set_order else {
            return;
        };
        self.set_presize(theirs.used);
        let Some(mine) = &self.set_order else { return };
        let mut order = SetOrder::new(mine.table.len());
        order.finger = mine.finger;
        let live: Vec<Entry> = other.iter().copied().collect();
        if mine.table.len() == theirs.table.len() && theirs.fill == theirs.used {
            self.entries = live;
            let mut k = 0u32;
            for (pos, &e) in theirs.table.iter().enumerate() {
                if e < SLOT_DUMMY {
                    order.table[pos] = k;
                    order.position.push(pos as u32);
                    k += 1;
                }
            }
            order.fill = self.entries.len();
            order.used = self.entries.len();
            self.set_order = Some(Box::new(order));
        } else {
            self.rebuild_from(live, order);
        }
        self.len = self.entries.len();
        self.version = next_version();
    }

    /// After discarding many keys (`difference_update`): resize when over a quarter of the
    /// table is dummies, as CPython does.
    pub fn set_shrink_dummies(&mut self) {
        if let Some(order) = &self.set_order
            && order.fill - order.used > order.mask() / 4
        {
            let used = order.used;
            self.set_resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    /// CPython's `set.pop`: the first active slot from the finger on, wrapping around.
    pub fn set_pop(&mut self) -> Option<Entry> {
        let order = self.set_order.as_ref()?;
        if self.len == 0 {
            return None;
        }
        let mask = order.mask();
        let mut i = order.finger & mask;
        while order.table[i] >= SLOT_DUMMY {
            i = if i == mask { 0 } else { i + 1 };
        }
        let slot = order.table[i] as usize;
        let entry = self.remove_at(slot);
        if let Some(order) = &mut self.set_order {
            order.finger = i + 1;
        }
        Some(entry)
    }

    /// Removes the entry at `slot`, returning it.
    pub fn remove_at(&mut self, slot: usize) -> Entry {
        let entry = self.entries[slot];
        if self.set_order.is_none()
            && let Ok(found) = self
                .index
                .find_entry(entry.hash as u64, |&i| i as usize == slot)
        {
            found.remove();
        }
        self.entries[slot].key = Value::Null;
        self.entries[slot].value = Value::Null;
        self.len -= 1;
        self.version = next_version();
        if let Some(order) = &mut self.set_order {
            order.table[order.position[slot] as usize] = SLOT_DUMMY;
            order.used -= 1;
            // Dead entries go when the set table is next resized.
            return entry;
        }
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
        self.version = next_version();
        if let Some(order) = &mut self.set_order {
            let finger = order.finger;
            **order = SetOrder::new(SET_MINSIZE);
            order.finger = finger;
        }
    }

    /// The table exactly as laid out, for snapshots: every entry (deleted ones with a `Null`
    /// key) and, for a set, its slot table.
    pub fn raw_parts(&self) -> (&[Entry], Option<SetTableParts>) {
        let order = self.set_order.as_deref().map(|o| SetTableParts {
            table: o.table.clone(),
            fill: o.fill,
            used: o.used,
            finger: o.finger,
            position: o.position.clone(),
        });
        (&self.entries, order)
    }

    /// Rebuilds a table from [`PyDict::raw_parts`] (with values mapped by the caller); the
    /// lookup index is derived from the entries. `None` if the parts do not fit together.
    pub fn from_raw_parts(
        entries: Vec<Entry>,
        set_order: Option<SetTableParts>,
        version: u64,
    ) -> Option<PyDict> {
        let mut index = HashTable::new();
        let mut len = 0;
        for (i, e) in entries.iter().enumerate() {
            if !e.key.is_null() {
                len += 1;
                if set_order.is_some() {
                    continue;
                }
                index.insert_unique(e.hash as u64, i as u32, |&j: &u32| {
                    entries[j as usize].hash as u64
                });
            }
        }
        let set_order = match set_order {
            None => None,
            Some(SetTableParts {
                table,
                fill,
                used,
                finger,
                position,
            }) => {
                let sized = table.len().is_power_of_two() && position.len() == entries.len();
                let in_range = table
                    .iter()
                    .all(|&t| t >= SLOT_DUMMY || (t as usize) < entries.len())
                    && position.iter().all(|&p| (p as usize) < table.len());
                if !sized || !in_range {
                    return None;
                }
                Some(Box::new(SetOrder {
                    table,
                    fill,
                    used,
                    finger,
                    position,
                }))
            }
        };
        observe_version(version);
        Some(PyDict {
            index,
            entries,
            len,
            version,
            set_order,
        })
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
