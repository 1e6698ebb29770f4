//! Padding, sign and digit grouping of a formatted number, as CPython's
//! `calc_number_widths` / `fill_number` do for `format()`.

use super::NumError;

/// How a number is laid out: fill/alignment/width plus the sign option.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    pub width: Option<usize>,
    /// Separator and group size: (',' or '_', 3) or ('_', 4).
    pub grouping: Option<(char, usize)>,
}

/// A number split the way CPython splits it: an optional minus sign, a prefix
/// such as "0x", the integer digits (which get grouped and zero-padded) and
/// the rest (decimal point, fraction, exponent, '%', or the text of inf/nan).
pub(crate) struct NumberParts<'a> {
    pub negative: bool,
    pub prefix: &'a str,
    pub digits: &'a str,
    pub rest: &'a str,
}

/// Splits formatted float text (without sign) into leading digits and the rest.
pub(crate) fn split_leading_digits(s: &str) -> (&str, &str) {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    s.split_at(n)
}

/// `_PyUnicode_InsertThousandsGrouping`: groups `digits`, left-padding with
/// '0' (grouped too) until at least `min_width` characters.
fn group_digits(
    digits: &str,
    min_width: i64,
    grouping: Option<(char, usize)>,
) -> Result<String, NumError> {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    // Built right to left, reversed at the end. Zero padding can make it as
    // long as the requested width, so reserve fallibly.
    let mut rev: Vec<char> = Vec::new();
    let groups = grouping.map_or(0, |(_, g)| digits.len().max(min_width as usize) / g);
    rev.try_reserve(
        digits
            .len()
            .max(min_width as usize)
            .saturating_add(groups)
            .saturating_add(1),
    )
    .map_err(|_| NumError::Memory)?;
    let mut src = digits.bytes().rev();
    let mut emit = |rev: &mut Vec<char>, sep: Option<char>, n_chars: i64, n_zeros: i64| {
        if let Some(sep) = sep {
            rev.push(sep);
        }
        for _ in 0..n_chars {
            rev.push(char::from(src.next().unwrap_or(b'0')));
        }
        rev.extend(std::iter::repeat_n('0', n_zeros as usize));
    };
    match grouping {
        None => {
            let l = remaining.max(min_width).max(1);
            emit(&mut rev, None, remaining.min(l), (l - remaining).max(0));
        }
        Some((sep, group)) => {
            let group = group as i64;
            let mut use_sep = false;
            loop {
                let l = group.min(remaining.max(min_width).max(1));
                let n_zeros = (l - remaining).max(0);
                let n_chars = remaining.min(l).max(0);
                emit(&mut rev, use_sep.then_some(sep), n_chars, n_zeros);
                use_sep = true;
                remaining -= n_chars;
                min_width -= l;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
    }
    Ok(rev.iter().rev().collect())
}

/// Lays out `parts` per `layout`: `<lpad><sign><prefix><spad><digits><rest><rpad>`.
pub(crate) fn layout_number(parts: &NumberParts, layout: &Layout) -> Result<String, NumError> {
    let sign = match (layout.sign, parts.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let rest_len = parts.rest.chars().count() as i64;
    let non_digit = i64::from(sign.is_some()) + parts.prefix.len() as i64 + rest_len;
    let width = layout.width.map_or(-1, |w| w as i64);
    let min_width = if layout.fill == '0' && layout.align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, layout.grouping)?
    };
    let padding = (width - (non_digit + grouped.len() as i64)).max(0) as usize;
    let (lpad, spad, rpad) = match layout.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    // A huge width is CPython's MemoryError; fail instead of aborting.
    let needed = padding
        .saturating_mul(layout.fill.len_utf8())
        .saturating_add(grouped.len())
        .saturating_add(parts.rest.len())
        .saturating_add(parts.prefix.len() + 1);
    out.try_reserve(needed).map_err(|_| NumError::Memory)?;
    let fill = |out: &mut String, n: usize| out.extend(std::iter::repeat_n(layout.fill, n));
    fill(&mut out, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    fill(&mut out, spad);
    out.push_str(&grouped);
    out.push_str(parts.rest);
    fill(&mut out, rpad);
    Ok(out)
}
