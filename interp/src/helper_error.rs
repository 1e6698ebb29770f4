//! The error type shared by the plain-Rust helper layers (`num`, `text`).
//!
//! It lives in its own leaf module rather than in `num` so that `text`, whose errors are not
//! numeric, does not depend on `num`, which itself builds on `text`.

/// A Python exception raised by a helper that knows nothing of interpreter objects; the
/// payload is CPython's exact message. The runtime raises it as the matching exception
/// (`Vm::num_error`).
#[derive(Debug, Clone, PartialEq)]
pub enum HelperError {
    ZeroDivision(String),
    Overflow(String),
    Value(String),
    Type(String),
    /// The result could not be allocated (CPython's `MemoryError`, which has no message).
    Memory,
}

impl HelperError {
    pub(crate) fn zero_div(msg: &str) -> Self {
        HelperError::ZeroDivision(msg.to_string())
    }
    pub(crate) fn overflow(msg: &str) -> Self {
        HelperError::Overflow(msg.to_string())
    }
    pub(crate) fn value(msg: &str) -> Self {
        HelperError::Value(msg.to_string())
    }
}

impl std::fmt::Display for HelperError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HelperError::ZeroDivision(m) => write!(f, "ZeroDivisionError: {m}"),
            HelperError::Overflow(m) => write!(f, "OverflowError: {m}"),
            HelperError::Value(m) => write!(f, "ValueError: {m}"),
            HelperError::Type(m) => write!(f, "TypeError: {m}"),
            HelperError::Memory => write!(f, "MemoryError"),
        }
    }
}

impl std::error::Error for HelperError {}
