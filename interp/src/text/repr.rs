//! `repr()` and `ascii()` of a str, and `repr()` of bytes (here rather than with the `bytes`
//! builtins so that code objects can print their constants without the runtime).

use super::unicode::is_printable;
use std::fmt::Write;

fn push_hex_escape(c: char, out: &mut String) {
    let cp = c as u32;
    // Writing to a String cannot fail.
    let _ = if cp < 0x100 {
        write!(out, "\\x{cp:02x}")
    } else if cp < 0x10000 {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

fn quoted(s: &str, escape_non_ascii: bool) -> String {
    // Single quotes unless the text has a single quote and no double quote.
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ if c.is_ascii() => push_hex_escape(c, &mut out),
            _ if escape_non_ascii || !is_printable(c) => push_hex_escape(c, &mut out),
            _ => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `repr(s)`: printable non-ASCII characters are kept as they are.
pub fn str_repr(s: &str) -> String {
    quoted(s, false)
}

/// `ascii(s)`: like `repr`, with every non-ASCII character escaped.
pub fn str_ascii(s: &str) -> String {
    quoted(s, true)
}

/// CPython's `bytes.__repr__`: single quotes unless the data has a `'` and no `"`.
pub fn bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}
