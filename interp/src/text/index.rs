//! Code-point indexing helpers: Python indexes strings by code point, Rust by byte.

/// Number of code points in `s`.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point `idx` (clamped to the end of `s`).
pub fn byte_offset(s: &str, idx: usize) -> usize {
    if s.is_ascii() {
        return idx.min(s.len());
    }
    s.char_indices().nth(idx).map_or(s.len(), |(b, _)| b)
}

/// Code-point index of byte offset `b`, which must be a char boundary.
pub fn char_index(s: &str, b: usize) -> usize {
    char_len(&s[..b.min(s.len())])
}

/// CPython's `ADJUST_INDICES`: resolve optional, possibly negative, slice bounds
/// against a length of `len` code points. The result may have `start > end`.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let clamp = |v: i64| -> i64 {
        if v < 0 {
            (v.saturating_add(len_i)).max(0)
        } else {
            v
        }
    };
    let end = clamp(end.unwrap_or(len_i)).min(len_i);
    let start = clamp(start.unwrap_or(0));
    // start may exceed len; keep it as a large value so callers see start > end.
    (usize::try_from(start).unwrap_or(usize::MAX), end as usize)
}

/// The substring between code-point indices `start..end` (requires start <= end <= len).
pub fn slice_chars(s: &str, start: usize, end: usize) -> &str {
    if s.is_ascii() {
        return &s[start.min(s.len())..end.min(s.len())];
    }
    let b0 = byte_offset(s, start);
    let b1 = b0 + byte_offset(&s[b0..], end.saturating_sub(start));
    &s[b0..b1]
}
