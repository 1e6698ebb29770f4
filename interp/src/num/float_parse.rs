//! `float(str)`.

use super::NumError;
use super::int_text::transform_decimal_and_space;
use crate::text::repr::str_repr;

/// CPython allows an underscore only between two digits.
fn remove_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != '_').then_some(out)
}

/// The decimal grammar `_Py_dg_strtod` accepts: sign, digits with an optional
/// point (at least one digit), optional exponent.
fn is_decimal_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let int_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == b.len()
}

/// "inf", "infinity" or "nan", any case, with an optional sign.
fn parse_special(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let v = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        return None;
    };
    Some(if negative { -v } else { v })
}

/// `float(s)` for a str argument.
pub fn parse_float(s: &str) -> Result<f64, NumError> {
    let invalid = || {
        NumError::Value(format!(
            "could not convert string to float: {}",
            str_repr(s)
        ))
    };
    let ascii = transform_decimal_and_space(s);
    let cleaned = remove_underscores(&ascii).ok_or_else(invalid)?;
    // Only ASCII whitespace here; other spaces became ' ' in the transform.
    let body = cleaned.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'));
    if let Some(v) = parse_special(body) {
        return Ok(v);
    }
    if !is_decimal_literal(body) {
        return Err(invalid());
    }
    body.parse::<f64>().map_err(|_| invalid())
}
