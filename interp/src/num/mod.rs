//! CPython 3.11 numeric semantics (int, float, formatting, hashing) as plain Rust.
//!
//! Nothing here knows about interpreter objects: callers convert their values to
//! `PyInt` / `f64` / `&str` and map `NumError` onto the matching Python exception.

pub mod float_ops;
pub mod float_parse;
pub mod float_repr;
pub mod format_spec;
pub mod hash;
pub mod int_float;
pub mod int_ops;
pub mod int_text;
pub mod number_layout;
pub mod printf_format;

pub use int_ops::{PowResult, PyInt};

/// A Python exception raised by a numeric operation; the payload is CPython's
/// exact message.
#[derive(Debug, Clone, PartialEq)]
pub enum NumError {
    ZeroDivision(String),
    Overflow(String),
    Value(String),
    Type(String),
    /// The result could not be allocated (CPython's `MemoryError`, which has no message).
    Memory,
}

impl NumError {
    pub(crate) fn zero_div(msg: &str) -> Self {
        NumError::ZeroDivision(msg.to_string())
    }
    pub(crate) fn overflow(msg: &str) -> Self {
        NumError::Overflow(msg.to_string())
    }
    pub(crate) fn value(msg: &str) -> Self {
        NumError::Value(msg.to_string())
    }
}

impl std::fmt::Display for NumError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NumError::ZeroDivision(m) => write!(f, "ZeroDivisionError: {m}"),
            NumError::Overflow(m) => write!(f, "OverflowError: {m}"),
            NumError::Value(m) => write!(f, "ValueError: {m}"),
            NumError::Type(m) => write!(f, "TypeError: {m}"),
            NumError::Memory => write!(f, "MemoryError"),
        }
    }
}

impl std::error::Error for NumError {}

#[cfg(test)]
pub(crate) mod tests;
