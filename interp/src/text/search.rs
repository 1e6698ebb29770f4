//! Substring search, counting, prefix tests, replace and partition, with
//! CPython's slice clamping and empty-substring rules.

use super::index::{adjust_indices, char_index, char_len, slice_chars};
use crate::helper_error::HelperError;

/// Resolves the search window; `None` when `sub_len` cannot fit in it.
fn window(s: &str, start: Option<i64>, end: Option<i64>, sub_len: usize) -> Option<(usize, usize)> {
    let (st, en) = adjust_indices(start, end, char_len(s));
    if st > en || en - st < sub_len {
        None
    } else {
        Some((st, en))
    }
}

/// `str.find`: code-point index of the first match, or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((st, en)) = window(s, start, end, char_len(sub)) else {
        return -1;
    };
    if sub.is_empty() {
        return st as i64;
    }
    let hay = slice_chars(s, st, en);
    hay.find(sub)
        .map_or(-1, |b| (st + char_index(hay, b)) as i64)
}

/// `str.rfind`: code-point index of the last match, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((st, en)) = window(s, start, end, char_len(sub)) else {
        return -1;
    };
    if sub.is_empty() {
        return en as i64;
    }
    let hay = slice_chars(s, st, en);
    hay.rfind(sub)
        .map_or(-1, |b| (st + char_index(hay, b)) as i64)
}

/// `str.count`: non-overlapping occurrences; an empty `sub` matches between
/// every pair of code points and at both ends.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((st, en)) = window(s, start, end, char_len(sub)) else {
        return 0;
    };
    if sub.is_empty() {
        return (en - st + 1) as i64;
    }
    slice_chars(s, st, en).matches(sub).count() as i64
}

/// `str.startswith` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let m = char_len(prefix);
    match window(s, start, end, m) {
        Some((st, _)) => slice_chars(s, st, st + m) == prefix,
        None => false,
    }
}

/// `str.endswith` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let m = char_len(suffix);
    match window(s, start, end, m) {
        Some((_, en)) => slice_chars(s, en - m, en) == suffix,
        None => false,
    }
}

/// `str.replace(old, new, count)`; a negative count means "all".
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    if limit == 0 {
        return s.to_string();
    }
    if !old.is_empty() {
        return s.replacen(old, new, limit);
    }
    // Empty `old` inserts `new` before every code point and at the end.
    let mut out = String::with_capacity(s.len());
    let mut inserted = 0usize;
    for c in s.chars() {
        if inserted < limit {
            out.push_str(new);
            inserted += 1;
        }
        out.push(c);
    }
    if inserted < limit {
        out.push_str(new);
    }
    out
}

fn empty_separator() -> HelperError {
    HelperError::value("empty separator")
}

/// `str.partition(sep)`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), HelperError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(b) => (&s[..b], &s[b..b + sep.len()], &s[b + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `str.rpartition(sep)`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), HelperError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(b) => (&s[..b], &s[b..b + sep.len()], &s[b + sep.len()..]),
        None => ("", "", s),
    })
}
