//! A source file's bytes as text, decoded as CPython decodes them: UTF-8 (a leading BOM
//! dropped) unless a PEP 263 coding line in the first two lines says otherwise. rceval knows
//! the encodings Python programs declare in practice: UTF-8 and Latin-1 (and ASCII).

/// Decodes `bytes`, or returns the error CPython prints (a whole `SyntaxError` line, ending in
/// a line break).
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match declared_encoding(bytes) {
        None => decode_utf8(bytes, filename),
        Some(name) => match normal_encoding_name(&name) {
            Some(Encoding::Utf8) => decode_utf8(bytes, filename),
            Some(Encoding::Latin1) => Ok(bytes.iter().map(|&b| b as char).collect()),
            Some(Encoding::Ascii) if bytes.is_ascii() => decode_utf8(bytes, filename),
            Some(Encoding::Ascii) | None => Err(format!("SyntaxError: encoding problem: {name}\n")),
        },
    }
}

enum Encoding {
    Utf8,
    Latin1,
    Ascii,
}

/// CPython's `get_normal_name`, for the encodings rceval decodes.
fn normal_encoding_name(name: &str) -> Option<Encoding> {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    match lower.as_str() {
        "utf-8" | "utf8" => Some(Encoding::Utf8),
        _ if lower.starts_with("utf-8-") => Some(Encoding::Utf8),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "iso-latin-1" | "l1" => {
            Some(Encoding::Latin1)
        }
        _ if lower.starts_with("latin-1-")
            || lower.starts_with("iso-8859-1-")
            || lower.starts_with("iso-latin-1-") =>
        {
            Some(Encoding::Latin1)
        }
        "ascii" | "us-ascii" => Some(Encoding::Ascii),
        _ => None,
    }
}

/// The encoding a PEP 263 comment declares on line 1, or on line 2 after a comment or blank
/// line 1: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let mut lines = bytes.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = coding_of(first) {
        return Some(name);
    }
    let first_is_comment_or_blank = first
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\x0c' | b'\r'))
        .is_none_or(|&b| b == b'#');
    if first_is_comment_or_blank {
        return lines.next().and_then(coding_of);
    }
    None
}

fn coding_of(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    let at = comment.windows(6).position(|w| w == b"coding")?;
    let rest = &comment[at + 6..];
    if !matches!(rest.first(), Some(b':' | b'=')) {
        return None;
    }
    let rest = &rest[1..];
    let name: Vec<u8> = rest
        .iter()
        .skip_while(|b| matches!(b, b' ' | b'\t'))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        .copied()
        .collect();
    (!name.is_empty()).then(|| String::from_utf8_lossy(&name).into_owned())
}

fn decode_utf8(bytes: &[u8], filename: &str) -> Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            let at = error.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            Err(format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line \
                 {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for \
                 details\n",
                bytes[at]
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::decode_source;

    #[test]
    fn utf8_is_the_default_and_a_bom_is_dropped() {
        assert_eq!(
            decode_source("x = 'é'\n".as_bytes(), "a.py").unwrap(),
            "x = 'é'\n"
        );
        assert_eq!(
            decode_source(b"\xef\xbb\xbfx = 1\n", "a.py").unwrap(),
            "x = 1\n"
        );
    }

    #[test]
    fn non_utf8_without_a_coding_line_is_cpythons_syntax_error() {
        assert_eq!(
            decode_source(b"x = 1\ny = '\xe9'\n", "a.py").unwrap_err(),
            "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file a.py on line 2, but no \
             encoding declared; see https://peps.python.org/pep-0263/ for details\n"
        );
    }

    #[test]
    fn coding_lines_on_line_one_or_after_a_comment_are_honoured() {
        let latin = b"# -*- coding: latin-1 -*-\nx = '\xe9'\n";
        assert_eq!(
            decode_source(latin, "a.py").unwrap(),
            "# -*- coding: latin-1 -*-\nx = 'é'\n"
        );
        let second = b"#!/usr/bin/env python3\n# vim: set fileencoding=iso-8859-1 :\nx = '\xe9'\n";
        assert!(
            decode_source(second, "a.py")
                .unwrap()
                .ends_with("x = 'é'\n")
        );
        let too_late = b"x = 1\n# coding: latin-1\ny = '\xe9'\n";
        assert!(decode_source(too_late, "a.py").is_err());
        assert_eq!(
            decode_source(b"# coding: klingon\n", "a.py").unwrap_err(),
            "SyntaxError: encoding problem: klingon\n"
        );
    }
}
