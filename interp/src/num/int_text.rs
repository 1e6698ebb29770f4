//! `int(str, base)` parsing and int-to-text conversions (str, hex, oct, bin).

use super::NumError;
use super::int_ops::PyInt;
use crate::text::repr::str_repr;
use crate::text::unicode::{decimal_value, is_space};
use num_bigint::BigInt;
use num_traits::Num;

/// `sys.get_int_max_str_digits()` default: decimal conversions of longer
/// numbers raise ValueError (CVE-2020-10735 mitigation, 3.11+).
pub const MAX_STR_DIGITS: usize = 4300;

/// CPython maps non-ASCII whitespace to ' ' and non-ASCII decimal digits to
/// ASCII before parsing numbers; the text ends at the first other non-ASCII
/// character with a '?' that no parser accepts.
pub(crate) fn transform_decimal_and_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() && c != '\x7f' {
            out.push(c);
        } else if is_space(c) {
            out.push(' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(char::from(b'0' + d as u8));
        } else {
            out.push('?');
            break;
        }
    }
    out
}

/// CPython's message quotes the repr of the argument, cut to 200 characters.
pub(crate) fn repr_200(s: &str) -> String {
    str_repr(s).chars().take(200).collect()
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 99,
    }
}

/// `int(s, base)`: surrounding whitespace, a sign, an optional base prefix
/// (required to match for 16/8/2, inferred for base 0) and single underscores
/// between digits.
pub fn parse_int(s: &str, base: i64) -> Result<PyInt, NumError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(NumError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        NumError::Value(format!(
            "invalid literal for int() with base {base}: {}",
            repr_200(s)
        ))
    };
    let ascii = transform_decimal_and_space(s);
    let b = ascii.as_bytes();
    let mut i = 0;
    // ASCII whitespace only here: \x1c-\x1f were not mapped to ' ' above.
    let is_ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    let negative = match b.get(i) {
        Some(b'+') => {
            i += 1;
            false
        }
        Some(b'-') => {
            i += 1;
            true
        }
        _ => false,
    };
    let at = |k: usize| b.get(k).copied().unwrap_or(0).to_ascii_lowercase();
    let mut radix = base as u32;
    let mut error_if_nonzero = false;
    if radix == 0 {
        radix = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    // Old C-style octal ("010") is invalid, but zeros are fine.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' && matches!((radix, at(i + 1)), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(invalid());
    }
    let start = i;
    let mut digits = String::new();
    let mut prev_underscore = false;
    while i < b.len() {
        let c = b[i];
        if c == b'_' {
            if prev_underscore {
                return Err(invalid());
            }
            prev_underscore = true;
        } else if digit_value(c) < radix {
            digits.push(char::from(c));
            prev_underscore = false;
        } else {
            break;
        }
        i += 1;
    }
    if prev_underscore || i == start {
        return Err(invalid());
    }
    if !radix.is_power_of_two() && digits.len() > MAX_STR_DIGITS {
        return Err(NumError::Value(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    if error_if_nonzero && digits.bytes().any(|c| c != b'0') {
        return Err(invalid());
    }
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return Err(invalid());
    }
    let value = if digits.len() <= 12 {
        PyInt::Small(i64::from_str_radix(&digits, radix).map_err(|_| invalid())?)
    } else {
        PyInt::from_bigint(BigInt::from_str_radix(&digits, radix).map_err(|_| invalid())?)
    };
    Ok(if negative { value.neg() } else { value })
}

/// `str(int)`, refusing (like CPython 3.11) numbers of more than 4300 digits.
pub fn to_decimal(v: &PyInt) -> Result<String, NumError> {
    let text = v.to_string();
    let ndigits = text.len() - usize::from(v.is_negative());
    if ndigits > MAX_STR_DIGITS {
        return Err(NumError::Value(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(text)
}

/// Digits of |v| in `radix` (2..=36), lowercase, no sign or prefix.
pub fn magnitude_digits(v: &PyInt, radix: u32) -> String {
    match v {
        PyInt::Small(s) => {
            let mut n = s.unsigned_abs();
            if n == 0 {
                return "0".to_string();
            }
            let mut buf = Vec::new();
            while n > 0 {
                let d = (n % u64::from(radix)) as u32;
                buf.push(char::from_digit(d, radix).unwrap_or('?'));
                n /= u64::from(radix);
            }
            buf.iter().rev().collect()
        }
        PyInt::Big(b) => b.magnitude().to_str_radix(radix),
    }
}

/// Sign, `prefix` and digits: the layout of `hex()`, `oct()` and `bin()`.
pub fn to_str_radix(v: &PyInt, radix: u32, prefix: &str) -> String {
    let digits = magnitude_digits(v, radix);
    let sign = if v.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `hex(v)`, e.g. `-0x1f`.
pub fn to_hex(v: &PyInt) -> String {
    to_str_radix(v, 16, "0x")
}

/// `oct(v)`, e.g. `0o17`.
pub fn to_oct(v: &PyInt) -> String {
    to_str_radix(v, 8, "0o")
}

/// `bin(v)`, e.g. `-0b101`.
pub fn to_bin(v: &PyInt) -> String {
    to_str_radix(v, 2, "0b")
}
