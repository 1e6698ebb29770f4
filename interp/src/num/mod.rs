//! CPython 3.11 numeric semantics (int, float, formatting, hashing) as plain Rust.
//!
//! Nothing here knows about interpreter objects: callers convert their values to
//! `PyInt` / `f64` / `&str` and map `NumError` (the `HelperError` that
//! `text` shares) onto the matching Python exception.

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

// `num`'s own name for the shared error, so that its many users need not change.
pub use crate::helper_error::HelperError as NumError;
pub use int_ops::{PowResult, PyInt};

#[cfg(test)]
pub(crate) mod tests;
