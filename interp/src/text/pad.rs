//! Padding: `ljust`, `rjust`, `center`, `zfill`, and `expandtabs`.

use super::index::char_len;
use crate::helper_error::HelperError;

// CPython raises MemoryError when the result cannot be allocated (OverflowError when its
// length overflows); reserving fallibly keeps an absurd width from aborting us.
fn alloc(len_bytes: usize) -> Result<String, HelperError> {
    let mut out = String::new();
    out.try_reserve_exact(len_bytes)
        .map_err(|_| HelperError::Memory)?;
    Ok(out)
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> Result<String, HelperError> {
    let fill_bytes = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fill.len_utf8()))
        .and_then(|n| n.checked_add(s.len()))
        .ok_or_else(|| HelperError::overflow("new string is too long"))?;
    let mut out = alloc(fill_bytes)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// Padding needed to reach `width`, or `None` when the string is long enough.
fn margin(s: &str, width: i64) -> Option<usize> {
    let len = char_len(s) as i64;
    (width > len).then(|| usize::try_from(width - len).unwrap_or(usize::MAX))
}

pub fn ljust(s: &str, width: i64, fill: char) -> Result<String, HelperError> {
    match margin(s, width) {
        Some(m) => pad(s, 0, m, fill),
        None => Ok(s.to_string()),
    }
}

pub fn rjust(s: &str, width: i64, fill: char) -> Result<String, HelperError> {
    match margin(s, width) {
        Some(m) => pad(s, m, 0, fill),
        None => Ok(s.to_string()),
    }
}

/// `str.center`: CPython's odd-margin tie-break puts the extra fill on the left
/// only when both the margin and the width are odd.
pub fn center(s: &str, width: i64, fill: char) -> Result<String, HelperError> {
    match margin(s, width) {
        Some(m) => {
            let left = m / 2 + (m & (width as usize) & 1);
            pad(s, left, m - left, fill)
        }
        None => Ok(s.to_string()),
    }
}

/// `str.zfill`: zeros go after a leading sign.
pub fn zfill(s: &str, width: i64) -> Result<String, HelperError> {
    let Some(m) = margin(s, width) else {
        return Ok(s.to_string());
    };
    let (sign, digits) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &s[1..]),
        _ => (None, s),
    };
    let mut out = pad(digits, m, 0, '0')?;
    if let Some(c) = sign {
        out.insert(0, c);
    }
    Ok(out)
}

/// `str.expandtabs(tabsize)`: columns restart after `\n` and `\r`; a tab size
/// of zero or less deletes tabs.
pub fn expandtabs(s: &str, tabsize: i64) -> Result<String, HelperError> {
    let mut out = alloc(s.len())?;
    let mut column: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let incr = tabsize - column % tabsize;
                    column = column
                        .checked_add(incr)
                        .ok_or_else(|| HelperError::overflow("new string is too long"))?;
                    let n = usize::try_from(incr).unwrap_or(usize::MAX);
                    out.try_reserve(n).map_err(|_| HelperError::Memory)?;
                    out.extend(std::iter::repeat_n(' ', n));
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(out)
}
