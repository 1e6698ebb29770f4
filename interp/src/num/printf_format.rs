//! printf-style `%` formatting: parsing one directive and rendering one
//! numeric (or `%c`/`%s`) conversion, as CPython's unicode formatter does.

use super::NumError;
use super::float_repr::{DtoaFlags, double_to_string};
use super::int_ops::PyInt;
use super::int_text::{magnitude_digits, to_decimal};

/// The flag characters `-`, `+`, space, `#`, `0`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always write a sign.
    pub sign: bool,
    /// ` `: a space in place of a plus sign.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding (numeric conversions only).
    pub zero: bool,
}

/// A width or precision: a number, or `*` (taken from the arguments).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PercentCount {
    Star,
    Value(usize),
}

/// One parsed `%` directive.
#[derive(Debug, Clone, PartialEq)]
pub struct PercentDirective {
    /// `%(key)s`: the mapping key (parentheses may nest).
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<PercentCount>,
    pub precision: Option<PercentCount>,
    /// The conversion character.
    pub conv: char,
    /// Code-point index of `conv` in the format string (for error messages).
    pub conv_index: usize,
    /// The literal `%%`, which consumes no argument.
    pub literal_percent: bool,
}

impl PercentDirective {
    /// Applies a `*` width argument: a negative width means left-justify.
    pub fn set_star_width(&mut self, value: i64) {
        if value < 0 {
            self.flags.left = true;
        }
        self.width = Some(PercentCount::Value(
            usize::try_from(value.unsigned_abs()).unwrap_or(usize::MAX),
        ));
    }

    /// Applies a `*` precision argument: negative counts as 0.
    pub fn set_star_precision(&mut self, value: i64) {
        self.precision = Some(PercentCount::Value(
            usize::try_from(value.max(0)).unwrap_or(usize::MAX),
        ));
    }
}

/// Parses the directive whose `%` ends just before code point `start` of
/// `chars` (the format string as code points). Returns the directive and the
/// index just past it. Only a `%` immediately after `%` is the literal `%%`;
/// anything else is reported by the caller with `unsupported_format_character`
/// once it has fetched the argument, as CPython does.
pub fn parse_percent_directive(
    chars: &[char],
    start: usize,
) -> Result<(PercentDirective, usize), NumError> {
    let incomplete = || NumError::value("incomplete format");
    let mut pos = start;
    if chars.get(pos) == Some(&'%') {
        let d = PercentDirective {
            key: None,
            flags: PercentFlags::default(),
            width: None,
            precision: None,
            conv: '%',
            conv_index: pos,
            literal_percent: true,
        };
        return Ok((d, pos + 1));
    }
    let mut key = None;
    if chars.get(pos) == Some(&'(') {
        pos += 1;
        let key_start = pos;
        let mut depth = 1;
        while depth > 0 {
            match chars.get(pos) {
                None => return Err(NumError::value("incomplete format key")),
                Some(')') => depth -= 1,
                Some('(') => depth += 1,
                Some(_) => {}
            }
            pos += 1;
        }
        key = Some(chars[key_start..pos - 1].iter().collect());
    }
    let mut flags = PercentFlags::default();
    loop {
        match chars.get(pos) {
            Some('-') => flags.left = true,
            Some('+') => flags.sign = true,
            Some(' ') => flags.space = true,
            Some('#') => flags.alt = true,
            Some('0') => flags.zero = true,
            _ => break,
        }
        pos += 1;
    }
    let read_number =
        |pos: &mut usize, limit: usize, msg: &str| -> Result<Option<PercentCount>, NumError> {
            match chars.get(*pos) {
                Some('*') => {
                    *pos += 1;
                    Ok(Some(PercentCount::Star))
                }
                Some(c) if c.is_ascii_digit() => {
                    let mut v: usize = 0;
                    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
                        v = v
                            .checked_mul(10)
                            .and_then(|v| v.checked_add(d as usize))
                            .filter(|&v| v <= limit)
                            .ok_or_else(|| NumError::value(msg))?;
                        *pos += 1;
                    }
                    Ok(Some(PercentCount::Value(v)))
                }
                _ => Ok(None),
            }
        };
    let width = read_number(&mut pos, isize::MAX as usize, "width too big")?;
    let mut precision = None;
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        precision = Some(
            read_number(&mut pos, i32::MAX as usize, "precision too big")?
                .unwrap_or(PercentCount::Value(0)),
        );
    }
    // C length modifiers are accepted and ignored (one of them).
    if matches!(chars.get(pos), Some('h' | 'l' | 'L')) {
        pos += 1;
    }
    let Some(&conv) = chars.get(pos) else {
        return Err(incomplete());
    };
    let d = PercentDirective {
        key,
        flags,
        width,
        precision,
        conv,
        conv_index: pos,
        literal_percent: false,
    };
    Ok((d, pos + 1))
}

/// Conversions `%` formatting knows (besides the literal `%%`).
pub fn is_supported_conversion(c: char) -> bool {
    matches!(
        c,
        's' | 'r'
            | 'a'
            | 'i'
            | 'd'
            | 'u'
            | 'o'
            | 'x'
            | 'X'
            | 'e'
            | 'E'
            | 'f'
            | 'F'
            | 'g'
            | 'G'
            | 'c'
    )
}

/// CPython's error for an unknown conversion character at code-point `index`.
pub fn unsupported_format_character(c: char, index: usize) -> NumError {
    let shown = if (' '..='~').contains(&c) { c } else { '?' };
    NumError::Value(format!(
        "unsupported format character '{shown}' (0x{:x}) at index {index}",
        c as u32
    ))
}

// unicode_format_arg_output: sign, "0x" prefix, padding. `numeric` marks the
// conversions whose sign and '0' flag apply.
fn output(
    text: &str,
    flags: PercentFlags,
    width: usize,
    conv: char,
    numeric: bool,
) -> Result<String, NumError> {
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len();
    let mut idx = 0;
    let mut width = width;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut sign_char = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign_char = Some(c);
                len -= 1;
                idx += 1;
            }
            _ if flags.sign => sign_char = Some('+'),
            _ if flags.space => sign_char = Some(' '),
            _ => {}
        }
    }
    width = width.max(len);
    let mut out = String::new();
    // A huge '*' width is CPython's MemoryError; fail instead of aborting.
    out.try_reserve(width.saturating_add(text.len()))
        .map_err(|_| NumError::Memory)?;
    if let Some(s) = sign_char {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let has_prefix = flags.alt && matches!(conv, 'x' | 'X' | 'o');
    if has_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(conv);
            idx += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign_char {
            out.push(s);
        }
        if has_prefix {
            out.push('0');
            out.push(conv);
            idx += 2;
        }
    }
    out.extend(&chars[idx..idx + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    Ok(out)
}

/// `%d %i %u %o %x %X %c` of an int. For `%c` the int is a code point.
pub fn percent_format_int(
    v: &PyInt,
    flags: PercentFlags,
    width: usize,
    precision: Option<usize>,
    conv: char,
) -> Result<String, NumError> {
    if conv == 'c' {
        let ch = v
            .as_i64()
            .and_then(|x| u32::try_from(x).ok())
            .and_then(char::from_u32)
            .ok_or_else(|| NumError::overflow("%c arg not in range(0x110000)"))?;
        return output(&ch.to_string(), flags, width, 'c', false);
    }
    let (radix, prefix) = match conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'd' | 'i' | 'u' => (10, ""),
        _ => return Err(unsupported_format_character(conv, 0)),
    };
    // _PyUnicode_FormatLong: sign, prefix when '#', digits zero-extended to the precision.
    let mut digits = if radix == 10 {
        to_decimal(v)?.trim_start_matches('-').to_string()
    } else {
        magnitude_digits(v, radix)
    };
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut text = String::new();
    if v.is_negative() {
        text.push('-');
    }
    if flags.alt {
        text.push_str(prefix);
    }
    if let Some(p) = precision {
        text.extend(std::iter::repeat_n('0', p.saturating_sub(digits.len())));
    }
    text.push_str(&digits);
    output(&text, flags, width, conv, true)
}

/// `%e %E %f %F %g %G` of a float (precision defaults to 6).
pub fn percent_format_float(
    x: f64,
    flags: PercentFlags,
    width: usize,
    precision: Option<usize>,
    conv: char,
) -> Result<String, NumError> {
    if !matches!(conv, 'e' | 'E' | 'f' | 'F' | 'g' | 'G') {
        return Err(unsupported_format_character(conv, 0));
    }
    if precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(NumError::value("precision too big"));
    }
    let dflags = DtoaFlags {
        alt: flags.alt,
        ..DtoaFlags::default()
    };
    let text = double_to_string(x, conv, precision.unwrap_or(6), dflags);
    output(&text, flags, width, conv, true)
}

/// `%s` / `%r` / `%a` after the caller has made the text: precision truncates,
/// width pads (left-justified with `-`).
pub fn percent_format_str(
    s: &str,
    flags: PercentFlags,
    width: usize,
    precision: Option<usize>,
) -> Result<String, NumError> {
    let shown: String = match precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    output(&shown, flags, width, 's', false)
}
