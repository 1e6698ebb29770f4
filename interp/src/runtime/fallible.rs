//! Allocations whose size the program chooses (`[0] * n`, `bytes(n)`, `'%*d' % (n, 1)`,
//! `sep.join(...)`): reserved fallibly, so that a size the machine cannot give raises
//! `MemoryError`, as in CPython, instead of aborting the process and losing its output.

use super::types::ExcKind;
use super::vm::Vm;
use super::{PyResult, Raised};

/// `items` repeated `n` times, or `None` if it cannot be allocated.
pub fn repeat_slice<T: Clone>(items: &[T], n: usize) -> Option<Vec<T>> {
    let mut out = Vec::new();
    out.try_reserve_exact(items.len().checked_mul(n)?).ok()?;
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Some(out)
}

/// `s` repeated `n` times, or `None` if it cannot be allocated.
pub fn repeat_str(s: &str, n: usize) -> Option<String> {
    let mut out = String::new();
    out.try_reserve_exact(s.len().checked_mul(n)?).ok()?;
    for _ in 0..n {
        out.push_str(s);
    }
    Some(out)
}

/// `n` copies of `value`, or `None` if they cannot be allocated.
pub fn filled<T: Clone>(value: T, n: usize) -> Option<Vec<T>> {
    let mut out = Vec::new();
    out.try_reserve_exact(n).ok()?;
    out.resize(n, value);
    Some(out)
}

impl Vm {
    /// Raises `MemoryError()` (no message, as CPython's).
    #[cold]
    pub fn memory_error(&mut self) -> Raised {
        self.raise_with_args(ExcKind::MemoryError, Vec::new())
    }

    /// Turns a failed fallible allocation into `MemoryError`.
    pub fn allocated<T>(&mut self, result: Option<T>) -> PyResult<T> {
        result.ok_or_else(|| self.memory_error())
    }
}
