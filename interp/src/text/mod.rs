//! CPython 3.11 `str` semantics over Rust `&str`, indexing by code point, and the `bytes`
//! repr, whose quoting follows str's.
//!
//! Like `num`, nothing here knows about interpreter objects; errors are
//! [`HelperError`](crate::helper_error::HelperError)s. `num` builds on this module, so it must
//! not use `num`.

pub mod case;
pub mod index;
pub mod pad;
pub mod predicates;
pub mod repr;
pub mod search;
pub mod split;
pub mod str_methods;
pub mod strip;
pub mod unicode;
mod unicode_tables;

#[cfg(test)]
mod tests;
