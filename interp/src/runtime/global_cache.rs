//! `LOAD_GLOBAL`'s cache, one entry per name of a code unit, as CPython 3.8–3.10's opcache
//! for `LOAD_GLOBAL` (`co_opcache`): where the name was found (globals or builtins, and at
//! which entry), valid while the dicts keep the versions they had then. A dict's version is
//! renewed on every insertion and deletion (never on a value update, which the cached entry
//! position still sees), so a hit costs two version checks and one load, and the instruction
//! stream is unchanged (this is not specialization: CPython 3.10 executes `LOAD_GLOBAL` with
//! the same cache).

use std::cell::Cell;

use super::object::{CodeUnit, Object};
use super::value::{ObjRef, Value};
use super::vm::Vm;

/// One name's cached lookup.
#[derive(Clone, Copy, Debug, Default)]
pub struct GlobalCacheEntry {
    /// The globals dict's version when the lookup was made; 0 with `slot == EMPTY`: no lookup
    /// cached yet.
    globals_version: u64,
    /// The builtins dict's version, when the name was found there (absent from globals).
    builtins_version: u64,
    /// The entry position in the dict it was found in; [`EMPTY`] if none is cached.
    slot: u32,
    in_builtins: bool,
}

/// `GlobalCacheEntry::slot` of an entry with nothing cached.
const EMPTY: u32 = u32::MAX;

/// A code unit's cache: one entry per `co_names` entry.
pub fn new_cache(names: usize) -> Box<[Cell<GlobalCacheEntry>]> {
    let empty = GlobalCacheEntry {
        slot: EMPTY,
        ..GlobalCacheEntry::default()
    };
    vec![Cell::new(empty); names].into_boxed_slice()
}

/// The version of dict `d`, if it is one.
#[inline(always)]
fn version_of(vm: &Vm, d: ObjRef) -> Option<u64> {
    match vm.heap.get(d) {
        Object::Dict(dict) => Some(dict.version),
        _ => None,
    }
}

/// Global `name` (`unit.names[index]`) as `LOAD_GLOBAL` sees it with globals `globals`, if the
/// cache knows where it is; `None` sends the caller to [`load_global_uncached`].
#[inline(always)]
pub fn load_global<'vm>(
    vm: &'vm Vm,
    unit: &CodeUnit,
    globals: ObjRef,
    index: usize,
) -> Option<&'vm Value> {
    let entry = unit.global_cache[index].get();
    // An empty entry needs no test of its own: its version 0 matches only an empty dict,
    // whose entries `EMPTY` does not index, so `value_at_cached` says `None`.
    // SAFETY: a running frame's globals and the builtins module's dict are GC roots (the
    // collector traces every frame's header and the VM's permanent objects).
    if let Object::Dict(g) = unsafe { vm.heap.get_live(globals) }
        && g.version == entry.globals_version
    {
        if !entry.in_builtins {
            return g.value_at_cached(entry.slot as usize);
        }
        // SAFETY: as above.
        if let Object::Dict(b) = unsafe { vm.heap.get_live(vm.builtins) }
            && b.version == entry.builtins_version
        {
            return b.value_at_cached(entry.slot as usize);
        }
    }
    None
}

/// The lookup itself, caching where it found the name: what [`load_global`] falls back to
/// when the cache does not answer. `None` if neither dict has the name.
#[inline(never)]
pub fn load_global_uncached(
    vm: &mut Vm,
    unit: &CodeUnit,
    globals: ObjRef,
    index: usize,
) -> Option<Value> {
    let name = unit.names[index];
    let builtins = vm.builtins;
    let (found, in_builtins) = match vm.dict_find_str(globals, name) {
        Some(slot) => (slot, false),
        None => (vm.dict_find_str(builtins, name)?, true),
    };
    let dict = if in_builtins { builtins } else { globals };
    let value = match vm.heap.get(dict) {
        Object::Dict(d) => d.value_at(found),
        _ => return None,
    };
    if let (Some(globals_version), Some(builtins_version), Ok(slot)) = (
        version_of(vm, globals),
        version_of(vm, builtins),
        u32::try_from(found),
    ) && slot != EMPTY
    {
        unit.global_cache[index].set(GlobalCacheEntry {
            globals_version,
            builtins_version,
            slot,
            in_builtins,
        });
    }
    Some(value)
}
