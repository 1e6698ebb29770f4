//! Per-character Unicode properties with CPython 3.11's answers.
//!
//! Rust's `char` methods track a newer Unicode than CPython 3.11 (14.0), and some
//! Python properties (isalpha, isprintable, ...) have no std equivalent, so the
//! answers come from tables generated from CPython itself.

use super::unicode_tables as t;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn in_list(table: &[u32], c: char) -> bool {
    table.binary_search(&(c as u32)).is_ok()
}

fn lookup_map(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// `Py_UNICODE_ISSPACE`: whitespace as `str.split()`/`str.strip()` see it.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'..='\x1f'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Line boundaries recognised by `str.splitlines()` (`\r\n` is handled by the caller).
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(t::ALPHA, c)
}

pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::DECIMAL, c)
}

/// The value of a decimal digit (any script), as `int()` and `float()` accept them.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if c.is_ascii() {
        return None;
    }
    let cu = c as u32;
    let i = t::DECIMAL.partition_point(|&(_, hi)| hi < cu);
    match t::DECIMAL.get(i) {
        Some(&(lo, hi)) if lo <= cu && cu <= hi => Some((cu - lo) % 10),
        _ => None,
    }
}

pub fn is_digit(c: char) -> bool {
    is_decimal(c) || (!c.is_ascii() && in_ranges(t::DIGIT_EXTRA, c))
}

pub fn is_numeric(c: char) -> bool {
    is_digit(c) || (!c.is_ascii() && in_ranges(t::NUMERIC_EXTRA, c))
}

/// `Py_UNICODE_ISALNUM`.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// `Py_UNICODE_ISPRINTABLE`: what `repr()` leaves unescaped.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !in_ranges(t::NON_PRINTABLE, c)
}

pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    c.is_lowercase() != in_ranges(t::LOWERCASE_FLIP, c)
}

pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    c.is_uppercase() != in_ranges(t::UPPERCASE_FLIP, c)
}

/// Category Lt.
pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_ranges(t::TITLECASE, c)
}

/// The Cased property: Lowercase, Uppercase or Lt.
pub fn is_cased(c: char) -> bool {
    is_lower(c) || is_upper(c) || is_titlecase(c)
}

pub fn is_case_ignorable(c: char) -> bool {
    in_ranges(t::CASE_IGNORABLE, c)
}

pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    is_alpha(c) != in_ranges(t::XID_START_FLIP, c)
}

pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_xid_start(c) || in_ranges(t::XID_CONTINUE_EXTRA, c)
}

/// Full uppercase mapping (`_PyUnicode_ToUpperFull`), appended to `out`.
pub fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if in_list(t::UPPER_IDENTITY, c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Full lowercase mapping without the final-sigma context rule.
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if in_list(t::LOWER_IDENTITY, c) {
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Full titlecase mapping (`_PyUnicode_ToTitleFull`).
pub fn push_title(c: char, out: &mut String) {
    match lookup_map(t::TITLE_SPECIAL, c) {
        Some(s) => out.push_str(s),
        None => push_upper(c, out),
    }
}

/// Full case folding (`_PyUnicode_ToFoldedFull`).
pub fn push_folded(c: char, out: &mut String) {
    match lookup_map(t::FOLD_SPECIAL, c) {
        Some(s) => out.push_str(s),
        None => push_lower(c, out),
    }
}
