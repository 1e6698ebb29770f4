//! Float-to-text in the style of CPython's `PyOS_double_to_string` (the
//! "short float repr" build): `repr`, and the digits behind `format` and `%`.
//!
//! Rust's formatter supplies the digits: `{:e}` gives the shortest round-trip
//! digits (dtoa mode 0) and `{:.N}` / `{:.Ne}` are exact with ties to even
//! (dtoa modes 3 and 2). This module lays them out as CPython does.

/// Options of `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always write a sign.
    pub always_sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral values get ".0".
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: `#` alternate form (keep the point and trailing zeros).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option, a zero result loses its minus sign.
    pub no_neg_0: bool,
}

/// Digit string without trailing zeros, with the decimal point after `decpt`
/// digits (value = 0.DIGITS * 10**decpt), like `_Py_dg_dtoa` returns.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

/// Splits Rust's `{:e}` output ("d.ddde-5") into digits and decpt.
fn from_sci(s: &str) -> Digits {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    Digits {
        digits,
        decpt: exp + 1,
    }
}

/// Shortest digits that round-trip (dtoa mode 0). `x` is finite and positive.
fn shortest(x: f64) -> Digits {
    let short = format!("{x:e}");
    let d = from_sci(&short);
    // Among round-tripping strings of this length dtoa returns the one nearest
    // to x, ties to even; Rust's shortest mode rounds exact ties up (e.g.
    // 944523631799354.25 gives ...354.3, CPython ...354.2). The exact mode
    // gives the nearest candidate: use it when it round-trips too.
    let nearest = format!("{:.*e}", d.digits.len().saturating_sub(1), x);
    if nearest != short && nearest.parse::<f64>() == Ok(x) {
        return from_sci(&nearest);
    }
    d
}

/// Rust's formatter caps precision at u16::MAX. A double's exact decimal
/// expansion has at most 767 significant digits and 1074 fractional ones, so
/// asking for more only adds zeros, which are stripped anyway.
const EXACT_DIGITS: usize = 1100;

/// `n` (>= 1) significant digits, correctly rounded (dtoa mode 2).
fn significant(x: f64, n: usize) -> Digits {
    let n = n.min(EXACT_DIGITS);
    from_sci(&format!("{:.*e}", n.saturating_sub(1), x))
}

/// `n` digits after the decimal point, correctly rounded (dtoa mode 3).
fn fixed(x: f64, n: usize) -> Digits {
    let s = format!("{x:.prec$}", prec = n.min(EXACT_DIGITS));
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut digits: Vec<u8> = int_part.bytes().chain(frac.bytes()).collect();
    let mut decpt = int_part.len() as i64;
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..lead);
    decpt -= lead as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        // dtoa's "no digits" answer for values that round to zero.
        decpt = -(n as i64);
    }
    Digits { digits, decpt }
}

/// `PyOS_double_to_string(x, code, precision, flags)` for codes
/// 'e' 'E' 'f' 'F' 'g' 'G' 'r' (repr; precision ignored).
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if !x.is_finite() {
        // The sign of a NaN is ignored.
        if x.is_sign_negative() && !x.is_nan() {
            out.push('-');
        } else if flags.always_sign {
            out.push('+');
        }
        let word = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if upper {
            word.to_ascii_uppercase()
        } else {
            word.to_string()
        });
        return out;
    }
    // Callers reject precisions above i32::MAX ("precision too big").
    let mut precision = precision.min(i32::MAX as usize) as i64;
    match code {
        'e' => precision += 1,
        // A precision of 0 makes no sense for 'g'; CPython reads it as 1.
        'g' => precision = precision.max(1),
        _ => {}
    }
    let ax = x.abs();
    let Digits { digits, decpt } = if ax == 0.0 {
        Digits {
            digits: vec![b'0'],
            decpt: 1,
        }
    } else {
        match code {
            'e' | 'g' => significant(ax, precision as usize),
            'f' => fixed(ax, precision as usize),
            _ => shortest(ax),
        }
    };
    let mut negative = x.is_sign_negative();
    let digits_len = digits.len() as i64;
    if flags.no_neg_0 && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }

    // Output the slice [vdigits_start, vdigits_end) of the digit string padded
    // with zeros on both sides, with a point after position decpt.
    let mut decpt = decpt;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // repr switches to exponent notation at 1e16.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };

    if negative {
        out.push('-');
    } else if flags.always_sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let digit_str = |a: i64, b: i64| -> &str {
        std::str::from_utf8(&digits[a as usize..b as usize]).unwrap_or("")
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(digit_str(0, decpt));
        out.push('.');
        out.push_str(digit_str(decpt, digits_len));
    } else {
        out.push_str(digit_str(0, digits_len));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        let sign = if exp < 0 { '-' } else { '+' };
        out.push_str(&format!("{sign}{:02}", exp.unsigned_abs()));
    }
    out
}

/// `repr(x)` / `str(x)` for a float.
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    double_to_string(x, 'r', 0, flags)
}
