//! The f-strings CPython 3.11 rejects. The parser reads f-strings as 3.12 does (PEP 701) and
//! notes what older versions cannot read; rceval follows 3.11, so those notes become 3.11's
//! `SyntaxError`s, worded and placed as 3.11 words and places them.
//!
//! 3.11's tokenizer ends a single-quoted f-string at the first quote of its kind, even inside
//! a replacement field, so `f'{'a'}'` is the string `f'{'` followed by `a`: the error is about
//! that truncated f-string, and its caret is at the first token after it (and after any
//! string literals next to it, which 3.11 concatenates first).

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_parser::UnsupportedSyntaxError;
use ruff_text_size::Ranged;

/// The 3.11 f-string rules the parser notes (`UnsupportedSyntaxErrorKind::Pep701FString`,
/// whose `FStringKind` the crate does not export: told apart by their debug names).
#[derive(Clone, Copy, PartialEq)]
enum Pep701 {
    NestedQuote,
    Backslash,
}

fn pep701_kind(error: &UnsupportedSyntaxError) -> Option<Pep701> {
    match format!("{:?}", error.kind).as_str() {
        "Pep701FString(NestedQuote)" => Some(Pep701::NestedQuote),
        "Pep701FString(Backslash)" => Some(Pep701::Backslash),
        _ => None,
    }
}

/// The first f-string 3.11 rejects: its message and the byte offset its caret points at.
pub(crate) fn first_error(
    source: &str,
    tokens: &Tokens,
    unsupported: &[UnsupportedSyntaxError],
) -> Option<(String, usize)> {
    let (error, kind) = unsupported
        .iter()
        .filter_map(|e| pep701_kind(e).map(|kind| (e, kind)))
        .min_by_key(|(e, _)| e.range.start())?;
    let at = error.range.start().to_usize();
    Some(match kind {
        Pep701::Backslash => {
            let end = enclosing_fstring_end(tokens, at).unwrap_or(source.len());
            let message = "f-string expression part cannot include a backslash".to_string();
            (message, after_adjacent_strings(source, end))
        }
        Pep701::NestedQuote => {
            let truncated_end = at + error.range.len().to_usize();
            let message = truncated_field_error(source, at);
            (message, after_adjacent_strings(source, truncated_end))
        }
    })
}

/// What 3.11 says of the replacement field cut short at `quote` (its `fstring_find_expr`):
/// an open string, an open bracket, or a missing `}`.
fn truncated_field_error(source: &str, quote: usize) -> String {
    let before = &source.as_bytes()[..quote];
    // The field's `{`: the nearest one before the quote not closed before it.
    let mut closers = 0usize;
    let mut field_start = 0;
    for (i, &b) in before.iter().enumerate().rev() {
        match b {
            b')' | b']' | b'}' => closers += 1,
            b'(' | b'[' if closers > 0 => closers -= 1,
            b'{' if closers > 0 => closers -= 1,
            b'{' => {
                field_start = i + 1;
                break;
            }
            _ => {}
        }
    }
    let mut open: Vec<u8> = Vec::new();
    let mut in_string: Option<u8> = None;
    for &b in &before[field_start..] {
        match in_string {
            Some(q) if b == q => in_string = None,
            Some(_) => {}
            None => match b {
                b'\'' | b'"' => in_string = Some(b),
                b'(' | b'[' | b'{' => open.push(b),
                b')' | b']' | b'}' => {
                    open.pop();
                }
                _ => {}
            },
        }
    }
    if in_string.is_some() {
        "f-string: unterminated string".to_string()
    } else if let Some(&opening) = open.last() {
        format!("f-string: unmatched '{}'", opening as char)
    } else {
        "f-string: expecting '}'".to_string()
    }
}

/// The end of the outermost f-string holding `offset`.
fn enclosing_fstring_end(tokens: &Tokens, offset: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut outer_start = 0;
    for token in tokens.iter() {
        match token.kind() {
            TokenKind::FStringStart => {
                if depth == 0 {
                    outer_start = token.range().start().to_usize();
                }
                depth += 1;
            }
            TokenKind::FStringEnd => {
                depth = depth.saturating_sub(1);
                let end = token.range().end().to_usize();
                if depth == 0 && (outer_start..end).contains(&offset) {
                    return Some(end);
                }
            }
            _ => {}
        }
    }
    None
}

/// The offset of the first token at or after `offset` that is not a string literal on the
/// same line: where 3.11's parser stands after reading a run of adjacent strings.
fn after_adjacent_strings(source: &str, mut offset: usize) -> usize {
    let bytes = source.as_bytes();
    loop {
        let mut i = offset;
        while matches!(bytes.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        let prefix_len = bytes[i.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let prefix = &source[i..i + prefix_len];
        let is_prefix = prefix.len() <= 2
            && prefix
                .chars()
                .all(|c| matches!(c.to_ascii_lowercase(), 'r' | 'b' | 'f' | 'u'));
        let quote_at = i + prefix_len;
        let Some(&quote) = bytes.get(quote_at).filter(|&&b| b == b'\'' || b == b'"') else {
            return i;
        };
        if !is_prefix {
            return i;
        }
        match string_end(bytes, quote_at, quote) {
            Some(end) => offset = end,
            None => return i,
        }
    }
}

/// The end of the string literal whose opening quote is at `start`, on its line (or across
/// lines when triple-quoted).
fn string_end(bytes: &[u8], start: usize, quote: u8) -> Option<usize> {
    let triple = bytes.get(start..start + 3) == Some(&[quote; 3]);
    let mut i = start + if triple { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return None,
            b if b == quote => {
                if !triple {
                    return Some(i + 1);
                }
                if bytes.get(i..i + 3) == Some(&[quote; 3]) {
                    return Some(i + 3);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}
