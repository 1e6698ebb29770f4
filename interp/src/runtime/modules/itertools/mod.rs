//! `itertools`, native as CPython's C module: each iterator is an [`IterState::Tool`] holding
//! its type (made here, with `itertools` as its module) and a [`ToolState`]. The types derive
//! from the built-in `iterator`, which gives them `__iter__` and `__next__`; calling one runs
//! its `__new__` below.
//!
//! Snapshots refuse these iterators (`snapshot::save`), as they refuse other native state
//! they have no record for.

mod adapters;
mod args;
mod combinatoric;
mod grouping;
mod parts;

pub use parts::ToolParts;

use super::add_value;
use crate::runtime::object::{IterState, Layout, NativeFn, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{PyResult, Raised};

/// The state of one `itertools` iterator.
#[derive(Debug)]
pub enum ToolState {
    Count(adapters::Count),
    Cycle(adapters::Cycle),
    Repeat(adapters::Repeat),
    Chain(adapters::Chain),
    Islice(adapters::Islice),
    ZipLongest(adapters::ZipLongest),
    Accumulate(adapters::Accumulate),
    Starmap(adapters::Starmap),
    TakeWhile(adapters::Predicated),
    DropWhile(adapters::Predicated),
    FilterFalse(adapters::Predicated),
    Compress(adapters::Compress),
    Pairwise(adapters::Pairwise),
    Product(combinatoric::Product),
    Permutations(combinatoric::Permutations),
    Combinations(combinatoric::Combinations),
    CombinationsWithReplacement(combinatoric::Combinations),
    GroupBy(grouping::GroupBy),
    Grouper(grouping::Grouper),
    Tee(grouping::Tee),
    TeeData(grouping::TeeData),
}

impl ToolState {
    /// Calls `f` with every value the state keeps alive.
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        match self {
            ToolState::Count(s) => s.trace(f),
            ToolState::Cycle(s) => s.trace(f),
            ToolState::Repeat(s) => s.trace(f),
            ToolState::Chain(s) => s.trace(f),
            ToolState::Islice(s) => s.trace(f),
            ToolState::ZipLongest(s) => s.trace(f),
            ToolState::Accumulate(s) => s.trace(f),
            ToolState::Starmap(s) => s.trace(f),
            ToolState::TakeWhile(s) | ToolState::DropWhile(s) | ToolState::FilterFalse(s) => {
                s.trace(f)
            }
            ToolState::Compress(s) => s.trace(f),
            ToolState::Pairwise(s) => s.trace(f),
            ToolState::Product(s) => s.trace(f),
            ToolState::Permutations(s) => s.trace(f),
            ToolState::Combinations(s) | ToolState::CombinationsWithReplacement(s) => s.trace(f),
            ToolState::GroupBy(s) => s.trace(f),
            ToolState::Grouper(s) => s.trace(f),
            ToolState::Tee(s) => s.trace(f),
            ToolState::TeeData(s) => s.trace(f),
        }
    }
}

/// One step of an `itertools` iterator `it`; `Ok(None)` when exhausted.
pub fn next(vm: &mut Vm, it: ObjRef) -> PyResult<Option<Value>> {
    let Some(state) = state_mut(vm, it) else {
        return Ok(None);
    };
    match state {
        ToolState::Count(_) => adapters::count_next(vm, it),
        ToolState::Cycle(_) => adapters::cycle_next(vm, it),
        ToolState::Repeat(s) => Ok(s.next()),
        ToolState::Chain(_) => adapters::chain_next(vm, it),
        ToolState::Islice(_) => adapters::islice_next(vm, it),
        ToolState::ZipLongest(_) => adapters::zip_longest_next(vm, it),
        ToolState::Accumulate(_) => adapters::accumulate_next(vm, it),
        ToolState::Starmap(_) => adapters::starmap_next(vm, it),
        ToolState::TakeWhile(_) => adapters::takewhile_next(vm, it),
        ToolState::DropWhile(_) => adapters::dropwhile_next(vm, it),
        ToolState::FilterFalse(_) => adapters::filterfalse_next(vm, it),
        ToolState::Compress(_) => adapters::compress_next(vm, it),
        ToolState::Pairwise(_) => adapters::pairwise_next(vm, it),
        ToolState::Product(s) => {
            let items = s.next();
            Ok(items.map(|items| vm.new_tuple(items)))
        }
        ToolState::Permutations(s) => {
            let items = s.next();
            Ok(items.map(|items| vm.new_tuple(items)))
        }
        ToolState::Combinations(s) => {
            let items = s.next_combination();
            Ok(items.map(|items| vm.new_tuple(items)))
        }
        ToolState::CombinationsWithReplacement(s) => {
            let items = s.next_with_replacement();
            Ok(items.map(|items| vm.new_tuple(items)))
        }
        ToolState::GroupBy(_) => grouping::groupby_next(vm, it),
        ToolState::Grouper(_) => grouping::grouper_next(vm, it),
        ToolState::Tee(_) => grouping::tee_next(vm, it),
        // The shared buffer of `tee` objects is not iterated by itself.
        ToolState::TeeData(_) => Ok(None),
    }
}

/// `repr()` of an `itertools` iterator: `count(5)` and `repeat(1, 3)` as CPython shows them,
/// the others by type and address.
pub fn repr(vm: &mut Vm, it: ObjRef, address: &str) -> PyResult<String> {
    let Some(state) = state_mut(vm, it) else {
        return Ok(String::new());
    };
    match state {
        ToolState::Count(c) => {
            let (cur, step) = (c.cur, c.step);
            let cur = vm.repr(cur)?;
            if matches!(step, Value::Int(1)) {
                Ok(format!("count({cur})"))
            } else {
                let step = vm.repr(step)?;
                Ok(format!("count({cur}, {step})"))
            }
        }
        ToolState::Repeat(r) => {
            let (obj, times) = (r.obj, r.remaining);
            let obj = vm.repr(obj)?;
            Ok(match times {
                Some(n) => format!("repeat({obj}, {n})"),
                None => format!("repeat({obj})"),
            })
        }
        _ => {
            let name = vm.type_name(Value::Obj(it));
            Ok(format!("<itertools.{name} object at {address}>"))
        }
    }
}

/// The state of iterator `it` when it is an `itertools` one.
pub(crate) fn state_mut(vm: &mut Vm, it: ObjRef) -> Option<&mut ToolState> {
    match vm.heap.get_mut(it) {
        Object::Iter(s) => match &mut **s {
            IterState::Tool { state, .. } => Some(&mut **state),
            _ => None,
        },
        _ => None,
    }
}

fn new_tool(vm: &mut Vm, ty: ObjRef, state: ToolState) -> Value {
    vm.alloc(Object::Iter(Box::new(IterState::Tool {
        ty,
        state: Box::new(state),
    })))
}

/// The class `__new__` was called for (CPython passes it first).
fn class_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(ObjRef, usize)> {
    match args.first() {
        Some(&Value::Obj(r)) if matches!(vm.heap.get(r), Object::Type(_)) => Ok((r, 1)),
        _ => vm.err(
            ExcKind::TypeError,
            format!("{name}.__new__(X): X is not a type object"),
        ),
    }
}

/// A type named `name` in the `itertools` namespace, deriving from `iterator`.
fn new_type(vm: &mut Vm, dict: ObjRef, name: &str) -> PyResult<ObjRef> {
    let base = vm.types.iterator;
    let r = vm.new_native_type(name, "itertools", Some(base), Layout::Iterator);
    add_value(vm, dict, name, Value::Obj(r))?;
    Ok(r)
}

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let types: &[(&str, NativeFn)] = &[
        ("count", adapters::count_new),
        ("cycle", adapters::cycle_new),
        ("repeat", adapters::repeat_new),
        ("chain", adapters::chain_new),
        ("islice", adapters::islice_new),
        ("zip_longest", adapters::zip_longest_new),
        ("accumulate", adapters::accumulate_new),
        ("starmap", adapters::starmap_new),
        ("takewhile", adapters::takewhile_new),
        ("dropwhile", adapters::dropwhile_new),
        ("filterfalse", adapters::filterfalse_new),
        ("compress", adapters::compress_new),
        ("pairwise", adapters::pairwise_new),
        ("product", combinatoric::product_new),
        ("permutations", combinatoric::permutations_new),
        ("combinations", combinatoric::combinations_new),
        (
            "combinations_with_replacement",
            combinatoric::combinations_with_replacement_new,
        ),
        ("groupby", grouping::groupby_new),
    ];
    for &(name, new) in types {
        let ty = new_type(vm, dict, name)?;
        vm.add_method(ty, "__new__", new);
        if name == "chain" {
            let f = vm.new_builtin("from_iterable", adapters::chain_from_iterable);
            let m = vm.alloc(Object::ClassMethod(f));
            vm.set_type_attr(ty, "from_iterable", m);
        }
    }
    // Made by other iterators, not by calling them (CPython names them the same way).
    for name in ["_grouper", "_tee", "_tee_dataobject"] {
        new_type(vm, dict, name)?;
    }
    let tee_ty = helper_type(vm, dict, "_tee")?;
    vm.add_method(tee_ty, "__copy__", grouping::tee_copy);
    super::add_functions(vm, dict, &[("tee", grouping::tee)])
}

fn helper_type(vm: &mut Vm, dict: ObjRef, name: &str) -> PyResult<ObjRef> {
    let key = vm.intern(name);
    match vm.dict_get_str(dict, key) {
        Some(Value::Obj(r)) if matches!(vm.heap.get(r), Object::Type(_)) => Ok(r),
        _ => Err(missing_helper(vm, name)),
    }
}

/// A helper type of the `itertools` module (`_grouper`, `_tee`), found through `sys.modules`.
fn module_type(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let key = vm.intern_static("itertools");
    let module = vm.dict_get_str(vm.modules, key);
    let dict = match module {
        Some(Value::Obj(m)) => match vm.heap.get(m) {
            Object::Module(m) => Some(m.dict),
            _ => None,
        },
        _ => None,
    };
    match dict {
        Some(d) => helper_type(vm, d, name),
        None => Err(missing_helper(vm, name)),
    }
}

#[cold]
fn missing_helper(vm: &mut Vm, name: &str) -> Raised {
    vm.raise(
        ExcKind::RuntimeError,
        format!("itertools.{name} is missing from the itertools module"),
    )
}
