//! Table-driven tests; expected values come from CPython 3.11.7.

mod float_cases;
mod format_cases;
mod hash_cases;
mod int_cases;
mod printf_cases;
mod unit;

use super::{NumError, PyInt};
use num_bigint::BigInt;

pub(crate) use crate::test_tables::check;

pub(crate) fn int(s: &str) -> PyInt {
    PyInt::from_bigint(s.parse::<BigInt>().expect("test int literal"))
}

pub(crate) fn show_int(v: &PyInt) -> String {
    // Also checks the Small/Big invariant.
    if let PyInt::Big(b) = v {
        assert!(i64::try_from(b.clone()).is_err(), "unnormalized Big {b}");
    }
    format!("int:{v}")
}

pub(crate) fn show_float(x: f64) -> String {
    if x.is_nan() {
        "float:nan".to_string()
    } else {
        format!("float:{:016x}", x.to_bits())
    }
}

pub(crate) fn show_err(e: &NumError) -> String {
    e.to_string()
}

pub(crate) fn show<T>(r: Result<T, NumError>, f: impl Fn(&T) -> String) -> String {
    match r {
        Ok(v) => f(&v),
        Err(e) => show_err(&e),
    }
}

pub(crate) fn show_str(r: Result<String, NumError>) -> String {
    show(r, |s| format!("str:{s}"))
}
