//! Python `float` arithmetic: division family, pow, and rounding.

use super::NumError;
use super::int_float::round_to_f64;
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Zero};
use std::cmp::Ordering;

pub use super::hash::hash_float;
pub use super::int_float::float_to_int;

/// Error message standing in for CPython's complex result of a negative base
/// raised to a non-integer power (e.g. `(-8.0) ** (1/3)`). This crate has no
/// complex type, so `pow` reports `NumError::Value(NEGATIVE_FRACTIONAL_POW)`; an
/// interpreter without complex numbers can raise it as is (it is the message
/// Python 2 used).
pub const NEGATIVE_FRACTIONAL_POW: &str = "negative number cannot be raised to a fractional power";

const RANGE_ERROR: &str = "(34, 'Numerical result out of range')";

/// `a / b`.
pub fn true_div(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float division by zero"));
    }
    Ok(a / b)
}

// CPython's float_divmod core, including its signed-zero choices.
fn divmod_core(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b`.
pub fn floor_div(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float floor division by zero"));
    }
    Ok(divmod_core(a, b).0)
}

/// `a % b`: the result has the sign of `b`.
pub fn modulo(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)`.
pub fn divmod(a: f64, b: f64) -> Result<(f64, f64), NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float divmod()"));
    }
    Ok(divmod_core(a, b))
}

fn is_odd_integer(x: f64) -> bool {
    // Doubles of magnitude >= 2**53 are all even.
    x.abs() < 9_007_199_254_740_992.0 && x == x.trunc() && (x as i64) & 1 == 1
}

/// `a ** b` following CPython's float_pow special cases.
pub fn pow(iv: f64, iw: f64) -> Result<f64, NumError> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(NumError::zero_div(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(NumError::value(NEGATIVE_FRACTIONAL_POW));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(NumError::overflow(RANGE_ERROR));
    }
    Ok(if negate { -r } else { r })
}

/// `round(x)` before conversion to int: nearest integer, ties to even.
pub fn round_half_even(x: f64) -> f64 {
    x.round_ties_even()
}

/// `round(x, ndigits)`: the double nearest to x rounded (ties to even, on
/// x's exact binary value) to `ndigits` decimal places, as CPython's
/// dtoa-based double_round computes it.
pub fn round_ndigits(x: f64, ndigits: i64) -> Result<f64, NumError> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN || x == 0.0 {
        return Ok(0.0 * x);
    }
    // |x| = mant * 2**exp exactly.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    let ten_k = num_traits::pow::Pow::pow(BigUint::from(10u32), ndigits.unsigned_abs() as u32);
    // q = round_half_even(|x| * 10**ndigits) = round(num / den).
    let mut num = BigUint::from(mant);
    let mut den = BigUint::one();
    if exp >= 0 {
        num <<= exp as u64;
    } else {
        den <<= (-exp) as u64;
    }
    if ndigits >= 0 {
        num *= &ten_k;
    } else {
        den *= &ten_k;
    }
    let (q, r) = num.div_rem(&den);
    let twice = r << 1u32;
    let q = match twice.cmp(&den) {
        Ordering::Greater => q + 1u32,
        Ordering::Less => q,
        Ordering::Equal if q.is_odd() => q + 1u32,
        Ordering::Equal => q,
    };
    let too_large = || NumError::overflow("rounded value too large to represent");
    let magnitude = if q.is_zero() {
        0.0
    } else if ndigits >= 0 {
        let a = super::int_ops::PyInt::from_bigint(BigInt::from(q));
        let b = super::int_ops::PyInt::from_bigint(BigInt::from(ten_k));
        a.true_div(&b).map_err(|_| too_large())?
    } else {
        round_to_f64(&(q * ten_k), 0, false).ok_or_else(too_large)?
    };
    Ok(magnitude.copysign(x))
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor()
}
