//! The format-spec mini-language of `format()` / `str.format` for int, float
//! and str, with CPython 3.11's validation order and messages.

use super::NumError;
use super::float_repr::{DtoaFlags, double_to_string, float_repr};
use super::int_ops::PyInt;
use super::int_text::{magnitude_digits, to_decimal};
use super::number_layout::{Layout, NumberParts, layout_number, split_leading_digits};
use crate::text::index::{char_len, slice_chars};
use crate::text::unicode::decimal_value;

/// A parsed spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
/// Fields hold what was written; defaults are applied by the `format_*` functions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormatSpec {
    /// Fill character, only when given together with an alignment.
    pub fill: Option<char>,
    /// One of `<`, `>`, `=`, `^`.
    pub align: Option<char>,
    /// One of `+`, `-`, ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero (floats only).
    pub no_neg_zero: bool,
    /// `#`.
    pub alternate: bool,
    /// A `0` before the width (ignored by CPython when a fill is given).
    pub zero: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads decimal digits (any script, like CPython) starting at `*pos`.
fn read_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, NumError> {
    let mut acc: usize = 0;
    let start = *pos;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| NumError::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc))
}

/// Parses a format spec; `type_name` only feeds the "Invalid format specifier"
/// message (e.g. "int", "float", "str", "bool").
pub fn parse_format_spec(spec: &str, type_name: &str) -> Result<FormatSpec, NumError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec::default();
    let mut pos = 0;
    if chars.len() >= 2 && is_align(chars[1]) {
        f.fill = Some(chars[0]);
        f.align = Some(chars[1]);
        pos = 2;
    } else if chars.first().is_some_and(|&c| is_align(c)) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        f.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        f.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        f.alternate = true;
        pos += 1;
    }
    if f.fill.is_none() && chars.get(pos) == Some(&'0') {
        f.zero = true;
        pos += 1;
    }
    f.width = read_integer(&chars, &mut pos)?;
    let both = || NumError::value("Cannot specify both ',' and '_'.");
    if chars.get(pos) == Some(&',') {
        f.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if f.grouping.is_some() {
            return Err(both());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    // A second ',' after '_' is an error; after ',' it is left to be the type.
    if chars.get(pos) == Some(&',') && f.grouping == Some('_') {
        return Err(both());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        f.precision = read_integer(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err(NumError::value("Format specifier missing precision"));
        }
    }
    match chars.len() - pos {
        0 => {}
        1 => f.ty = Some(chars[pos]),
        _ => {
            return Err(NumError::Value(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
    }
    Ok(f)
}

/// Renders a type code in error messages as CPython does.
fn code_repr(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        c.to_string()
    } else {
        format!("\\x{cp:x}")
    }
}

fn unknown_code(ty: char, type_name: &str) -> NumError {
    NumError::Value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        code_repr(ty)
    ))
}

/// Defaults and the grouping check CPython applies while parsing.
struct Resolved {
    fill: char,
    align: char,
    ty: Option<char>,
    grouping: Option<(char, usize)>,
}

fn resolve(
    spec: &FormatSpec,
    default_ty: Option<char>,
    default_align: char,
) -> Result<Resolved, NumError> {
    let ty = spec.ty.or(default_ty);
    let mut fill = spec.fill.unwrap_or(' ');
    let mut align = spec.align.unwrap_or(default_align);
    if spec.zero {
        fill = '0';
        // Since 3.10 a leading 0 no longer changes the default alignment of strings.
        if spec.align.is_none() && default_align == '>' {
            align = '=';
        }
    }
    let grouping = match (spec.grouping, ty) {
        (None, _) => None,
        (Some(sep), None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')) => Some((sep, 3)),
        (Some('_'), Some('b' | 'o' | 'x' | 'X')) => Some(('_', 4)),
        (Some(sep), Some(t)) => {
            return Err(NumError::Value(format!(
                "Cannot specify '{sep}' with '{}'.",
                code_repr(t)
            )));
        }
    };
    Ok(Resolved {
        fill,
        align,
        ty,
        grouping,
    })
}

fn layout_of(spec: &FormatSpec, r: &Resolved) -> Layout {
    Layout {
        fill: r.fill,
        align: r.align,
        sign: spec.sign,
        width: spec.width,
        grouping: r.grouping,
    }
}

/// `format(v, spec)` for an int.
pub fn format_int(v: &PyInt, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    let r = resolve(spec, Some('d'), '>')?;
    let ty = r.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_resolved(v.to_f64()?, spec, &r, ty);
        }
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(NumError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let layout = layout_of(spec, &r);
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(NumError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(NumError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let Some(code) = v.as_i64() else {
            return Err(NumError::overflow(
                "Python int too large to convert to C long",
            ));
        };
        let ch = u32::try_from(code).ok().and_then(char::from_u32);
        let Some(ch) = ch else {
            // CPython says OverflowError for any code point outside the range,
            // including lone surrogates it could represent and Rust cannot.
            return Err(NumError::overflow("%c arg not in range(0x110000)"));
        };
        let text = ch.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            rest: &text,
        };
        return layout_number(&parts, &layout);
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        let s = to_decimal(v)?;
        s.trim_start_matches('-').to_string()
    } else {
        magnitude_digits(v, radix)
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    // 'n' groups by the current locale; under the C locale that means no grouping.
    let parts = NumberParts {
        negative: v.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        rest: "",
    };
    layout_number(&parts, &layout)
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    let r = resolve(spec, None, '>')?;
    match r.ty {
        None => format_float_resolved(x, spec, &r, '\0'),
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => {
            format_float_resolved(x, spec, &r, t)
        }
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

// CPython's format_float_internal; `ty` is '\0' when no type was given.
fn format_float_resolved(
    x: f64,
    spec: &FormatSpec,
    r: &Resolved,
    ty: char,
) -> Result<String, NumError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(NumError::value("precision too big"));
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
        ..DtoaFlags::default()
    };
    let mut code = ty;
    let mut default_precision = 6;
    if code == '\0' {
        // No type: repr-like without precision, else 'g' keeping a ".0".
        flags.add_dot_0 = true;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut val = x;
    let add_pct = code == '%';
    if add_pct {
        code = 'f';
        val *= 100.0;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut text = double_to_string(val, code, precision, flags);
    if add_pct {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text.as_str()),
    };
    let (digits, rest) = split_leading_digits(body);
    let layout = Layout {
        // 'n' uses the locale's grouping, which the C locale leaves empty.
        grouping: if ty == 'n' { None } else { r.grouping },
        ..layout_of(spec, r)
    };
    layout_number(
        &NumberParts {
            negative,
            prefix: "",
            digits,
            rest,
        },
        &layout,
    )
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    let r = resolve(spec, Some('s'), '<')?;
    let ty = r.ty.unwrap_or('s');
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    match spec.sign {
        Some(' ') => {
            return Err(NumError::value(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(NumError::value(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(NumError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if r.align == '=' {
        return Err(NumError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let len = char_len(s);
    let shown = match spec.precision {
        Some(p) if p < len => slice_chars(s, 0, p),
        _ => s,
    };
    let n = shown.chars().count();
    let width = spec.width.unwrap_or(0).max(n);
    let padding = width - n;
    let left = match r.align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    let mut out = String::new();
    out.try_reserve(
        padding
            .saturating_mul(r.fill.len_utf8())
            .saturating_add(shown.len()),
    )
    .map_err(|_| NumError::Memory)?;
    out.extend(std::iter::repeat_n(r.fill, left));
    out.push_str(shown);
    out.extend(std::iter::repeat_n(r.fill, padding - left));
    Ok(out)
}

/// `format(v, spec)` for an int from the spec text; "" gives `str(v)`.
pub fn format_int_str(v: &PyInt, spec: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return to_decimal(v);
    }
    format_int(v, &parse_format_spec(spec, "int")?, "int")
}

/// `format(x, spec)` for a float from the spec text; "" gives `repr(x)`.
pub fn format_float_str(x: f64, spec: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    format_float(x, &parse_format_spec(spec, "float")?, "float")
}

/// `format(s, spec)` for a str from the spec text.
pub fn format_str_str(s: &str, spec: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    format_str(s, &parse_format_spec(spec, "str")?, "str")
}
