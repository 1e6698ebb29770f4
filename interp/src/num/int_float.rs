//! Exact conversions and comparisons between Python ints and floats.

use super::NumError;
use super::int_ops::PyInt;
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// `x * 2**e` computed exactly, for results known to be representable.
pub(crate) fn ldexp(mut x: f64, mut e: i64) -> f64 {
    fn pow2(k: i64) -> f64 {
        f64::from_bits(((k + 1023) as u64) << 52)
    }
    while e > 1023 {
        x *= pow2(1023);
        e -= 1023;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1022 {
        x *= pow2(-1022);
        e += 1022;
        if x == 0.0 {
            return x;
        }
    }
    x * pow2(e)
}

/// Rounds `(mag + sticky) * 2**exp2` to the nearest double, ties to even,
/// where `sticky` stands for a nonzero amount below the last bit of `mag`.
/// Returns `None` when the rounded value overflows.
pub(crate) fn round_to_f64(mag: &BigUint, exp2: i64, sticky: bool) -> Option<f64> {
    let nbits = mag.bits() as i64;
    if nbits == 0 {
        return Some(0.0);
    }
    let top = nbits - 1 + exp2;
    if top > 1023 {
        return None;
    }
    // Weight of the last mantissa bit: 53 significant bits, or fewer when subnormal.
    let lsb = (top - 52).max(-1074);
    let drop = lsb - exp2;
    let mantissa: u64 = if drop <= 0 {
        // Exact: at most 53 significant bits; the sticky part is below half an ulp.
        (mag << (-drop) as u64).to_u64()?
    } else {
        let drop_u = drop as u64;
        let kept = (mag >> drop_u).to_u64()?;
        let rem = mag - (BigUint::from(kept) << drop_u);
        let half = BigUint::from(1u32) << (drop_u - 1);
        let round_up = match rem.cmp(&half) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => sticky || kept & 1 == 1,
        };
        kept + u64::from(round_up)
    };
    if 64 - i64::from(mantissa.leading_zeros()) + lsb > 1024 {
        return None;
    }
    Some(ldexp(mantissa as f64, lsb))
}

impl PyInt {
    /// `float(int)`, correctly rounded.
    pub fn to_f64(&self) -> Result<f64, NumError> {
        match self {
            // `as` rounds to nearest, ties to even.
            PyInt::Small(v) => Ok(*v as f64),
            PyInt::Big(b) => {
                let f = round_to_f64(b.magnitude(), 0, false)
                    .ok_or_else(|| NumError::overflow("int too large to convert to float"))?;
                Ok(if b.is_negative() { -f } else { f })
            }
        }
    }

    /// `a / b` for ints: the correctly rounded quotient.
    pub fn true_div(&self, other: &PyInt) -> Result<f64, NumError> {
        if other.is_zero() {
            return Err(NumError::zero_div("division by zero"));
        }
        const EXACT: u64 = 1 << 53;
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && a.unsigned_abs() <= EXACT
            && b.unsigned_abs() <= EXACT
        {
            return Ok(*a as f64 / *b as f64);
        }
        let negative = self.is_negative() != other.is_negative();
        let sign = |f: f64| if negative { -f } else { f };
        let a = self.to_bigint();
        let b = other.to_bigint();
        let (a, b) = (a.magnitude(), b.magnitude());
        if a.is_zero() {
            return Ok(sign(0.0));
        }
        let overflow = || NumError::overflow("integer division result too large for a float");
        let diff = a.bits() as i64 - b.bits() as i64;
        if diff > 1025 {
            return Err(overflow());
        }
        if diff < -1080 {
            // Below half the smallest subnormal.
            return Ok(sign(0.0));
        }
        // Scale so the integer quotient has at least 55 bits: enough for the
        // 53-bit mantissa plus a rounding bit, with the remainder as sticky bit.
        let shift = 55 - diff;
        let (q, r) = if shift >= 0 {
            (a << shift as u64).div_rem(b)
        } else {
            a.div_rem(&(b << (-shift) as u64))
        };
        let f = round_to_f64(&q, -shift, !r.is_zero()).ok_or_else(overflow)?;
        Ok(sign(f))
    }
}

/// `int(x)` for a float: truncates toward zero.
pub fn float_to_int(x: f64) -> Result<PyInt, NumError> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    if t.abs() < -(i64::MIN as f64) {
        return Ok(PyInt::Small(t as i64));
    }
    Ok(PyInt::from_bigint(integral_float_to_bigint(t)))
}

/// Exact value of a finite, integral double.
fn integral_float_to_bigint(t: f64) -> BigInt {
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let mag = if e >= 0 {
        BigInt::from(mant) << e as u64
    } else {
        BigInt::from(mant >> (-e).min(63) as u64)
    };
    if t.is_sign_negative() { -mag } else { mag }
}

/// Compares an int with a float exactly (no rounding of either side);
/// `None` when the float is NaN.
pub fn cmp_int_float(i: &PyInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let PyInt::Small(v) = i
        && v.unsigned_abs() <= 1 << 53
    {
        return (*v as f64).partial_cmp(&f);
    }
    let fl = f.floor();
    let fl_int = integral_float_to_bigint(fl);
    let v = i.to_bigint();
    Some(match v.cmp(&fl_int) {
        Ordering::Less => Ordering::Less,
        // v > floor(f) means v >= floor(f) + 1 > f.
        Ordering::Greater => Ordering::Greater,
        Ordering::Equal if fl == f => Ordering::Equal,
        Ordering::Equal => Ordering::Less,
    })
}
