//! CPython 3.11 `str` semantics over Rust `&str`, indexing by code point.

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
