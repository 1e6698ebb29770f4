//! One import point for every `str` method helper in this module.

pub use super::case::{capitalize, casefold, lower, swapcase, title, upper};
pub use super::pad::{center, expandtabs, ljust, rjust, zfill};
pub use super::predicates::{
    isalnum, isalpha, isascii, isdecimal, isdigit, isidentifier, islower, isnumeric, isprintable,
    isspace, istitle, isupper,
};
pub use super::repr::{str_ascii, str_repr};
pub use super::search::{count, endswith, find, partition, replace, rfind, rpartition, startswith};
pub use super::split::{rsplit, split, splitlines};
pub use super::strip::{lstrip, rstrip, strip};
