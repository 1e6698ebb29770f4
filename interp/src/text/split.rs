//! `str.split`, `str.rsplit` and `str.splitlines`.

use super::unicode::{is_linebreak, is_space};
use crate::helper_error::HelperError;

fn limit(maxsplit: i64) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// `str.split(sep, maxsplit)`; `sep = None` splits on runs of whitespace.
pub fn split<'a>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: i64,
) -> Result<Vec<&'a str>, HelperError> {
    let max = limit(maxsplit);
    match sep {
        None => Ok(split_whitespace(s, max)),
        Some("") => Err(HelperError::value("empty separator")),
        Some(sep) => Ok(if max == usize::MAX {
            s.split(sep).collect()
        } else {
            s.splitn(max.saturating_add(1), sep).collect()
        }),
    }
}

/// `str.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: i64,
) -> Result<Vec<&'a str>, HelperError> {
    let max = limit(maxsplit);
    let mut parts: Vec<&str> = match sep {
        None => rsplit_whitespace(s, max),
        Some("") => return Err(HelperError::value("empty separator")),
        Some(sep) => {
            if max == usize::MAX {
                s.rsplit(sep).collect()
            } else {
                s.rsplitn(max.saturating_add(1), sep).collect()
            }
        }
    };
    parts.reverse();
    Ok(parts)
}

// Mirrors CPython's split_whitespace: once maxsplit is used up, the remainder
// keeps its trailing whitespace but loses its leading whitespace.
fn split_whitespace(s: &str, mut max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while max > 0 {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            return out;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = &rest[end..];
        max -= 1;
    }
    let rest = rest.trim_start_matches(is_space);
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

// Produces the pieces right-to-left; the caller reverses them.
fn rsplit_whitespace(s: &str, mut max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while max > 0 {
        rest = rest.trim_end_matches(is_space);
        if rest.is_empty() {
            return out;
        }
        let start = rest.rfind(is_space).map_or(0, |b| {
            b + rest[b..].chars().next().map_or(1, char::len_utf8)
        });
        out.push(&rest[start..]);
        rest = &rest[..start];
        max -= 1;
    }
    let rest = rest.trim_end_matches(is_space);
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// `str.splitlines(keepends)` with all of Python's line boundaries.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((b, c)) = iter.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut eol = b + c.len_utf8();
        if c == '\r' && matches!(iter.peek(), Some((_, '\n'))) {
            iter.next();
            eol += 1;
        }
        out.push(&s[line_start..if keepends { eol } else { b }]);
        line_start = eol;
    }
    if line_start < s.len() {
        out.push(&s[line_start..]);
    }
    out
}
