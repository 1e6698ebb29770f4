//! `repr()` and `ascii()` of a str.

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
