//! Python `int` arithmetic: an i64 fast path with a `BigInt` fallback.

use super::NumError;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

pub use super::hash::hash_int;

/// Results larger than this many bits are refused instead of exhausting memory
/// (CPython would raise MemoryError after trying).
pub const MAX_INT_BITS: u64 = 1 << 32;

/// CPython's message when an int would be too large to allocate.
pub const TOO_MANY_DIGITS: &str = "too many digits in integer";

/// A Python int. `Big` never holds a value that fits in an i64, so the derived
/// equality and hashing agree with numeric equality.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PyInt {
    Small(i64),
    Big(BigInt),
}

/// `int ** int`: a negative exponent gives a float, as in CPython.
#[derive(Debug, Clone, PartialEq)]
pub enum PowResult {
    Int(PyInt),
    Float(f64),
}

fn too_big() -> NumError {
    NumError::overflow(TOO_MANY_DIGITS)
}

impl From<i64> for PyInt {
    fn from(v: i64) -> Self {
        PyInt::Small(v)
    }
}

impl From<BigInt> for PyInt {
    fn from(v: BigInt) -> Self {
        PyInt::from_bigint(v)
    }
}

impl PartialOrd for PyInt {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyInt {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (PyInt::Small(a), PyInt::Small(b)) => a.cmp(b),
            _ => self.to_bigint().cmp(&other.to_bigint()),
        }
    }
}

impl std::fmt::Display for PyInt {
    /// Decimal digits without CPython's 4300-digit limit; see `int_text::to_decimal`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PyInt::Small(v) => write!(f, "{v}"),
            PyInt::Big(v) => write!(f, "{v}"),
        }
    }
}

impl PyInt {
    /// Wraps a BigInt, demoting it to `Small` when it fits.
    pub fn from_bigint(v: BigInt) -> PyInt {
        match v.to_i64() {
            Some(s) => PyInt::Small(s),
            None => PyInt::Big(v),
        }
    }

    /// Restores the invariant after building a `Big` by hand.
    pub fn normalize(self) -> PyInt {
        match self {
            PyInt::Big(b) => PyInt::from_bigint(b),
            small => small,
        }
    }

    pub fn to_bigint(&self) -> BigInt {
        match self {
            PyInt::Small(v) => BigInt::from(*v),
            PyInt::Big(b) => b.clone(),
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            PyInt::Small(v) => Some(*v),
            PyInt::Big(_) => None,
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, PyInt::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            PyInt::Small(v) => *v < 0,
            PyInt::Big(b) => b.is_negative(),
        }
    }

    pub fn signum(&self) -> i64 {
        match self {
            PyInt::Small(v) => v.signum(),
            PyInt::Big(b) => {
                if b.is_negative() {
                    -1
                } else {
                    1
                }
            }
        }
    }

    /// `int.bit_length()`.
    pub fn bit_length(&self) -> u64 {
        match self {
            PyInt::Small(v) => u64::from(64 - v.unsigned_abs().leading_zeros()),
            PyInt::Big(b) => b.bits(),
        }
    }

    pub fn add(&self, other: &PyInt) -> PyInt {
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && let Some(r) = a.checked_add(*b)
        {
            return PyInt::Small(r);
        }
        PyInt::from_bigint(self.to_bigint() + other.to_bigint())
    }

    pub fn sub(&self, other: &PyInt) -> PyInt {
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && let Some(r) = a.checked_sub(*b)
        {
            return PyInt::Small(r);
        }
        PyInt::from_bigint(self.to_bigint() - other.to_bigint())
    }

    pub fn mul(&self, other: &PyInt) -> PyInt {
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && let Some(r) = a.checked_mul(*b)
        {
            return PyInt::Small(r);
        }
        PyInt::from_bigint(self.to_bigint() * other.to_bigint())
    }

    /// `a // b`, rounding toward negative infinity.
    pub fn floor_div(&self, other: &PyInt) -> Result<PyInt, NumError> {
        if other.is_zero() {
            return Err(NumError::zero_div("integer division or modulo by zero"));
        }
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && !(*a == i64::MIN && *b == -1)
        {
            return Ok(PyInt::Small(a.div_floor(b)));
        }
        Ok(PyInt::from_bigint(
            self.to_bigint().div_floor(&other.to_bigint()),
        ))
    }

    /// `a % b`: the result takes the sign of the divisor.
    pub fn modulo(&self, other: &PyInt) -> Result<PyInt, NumError> {
        if other.is_zero() {
            return Err(NumError::zero_div("integer modulo by zero"));
        }
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other) {
            // i64::MIN % -1 overflows in Rust; the answer is 0 for any a.
            return Ok(PyInt::Small(if *b == -1 { 0 } else { a.mod_floor(b) }));
        }
        Ok(PyInt::from_bigint(
            self.to_bigint().mod_floor(&other.to_bigint()),
        ))
    }

    /// `divmod(a, b)`.
    pub fn divmod(&self, other: &PyInt) -> Result<(PyInt, PyInt), NumError> {
        if other.is_zero() {
            return Err(NumError::zero_div("integer division or modulo by zero"));
        }
        if let (PyInt::Small(a), PyInt::Small(b)) = (self, other)
            && !(*a == i64::MIN && *b == -1)
        {
            let (q, r) = a.div_mod_floor(b);
            return Ok((PyInt::Small(q), PyInt::Small(r)));
        }
        let (q, r) = self.to_bigint().div_mod_floor(&other.to_bigint());
        Ok((PyInt::from_bigint(q), PyInt::from_bigint(r)))
    }

    pub fn neg(&self) -> PyInt {
        match self {
            PyInt::Small(v) => match v.checked_neg() {
                Some(r) => PyInt::Small(r),
                None => PyInt::Big(-BigInt::from(*v)),
            },
            PyInt::Big(b) => PyInt::from_bigint(-b),
        }
    }

    pub fn abs(&self) -> PyInt {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// `~a` == `-a - 1`.
    pub fn invert(&self) -> PyInt {
        match self {
            PyInt::Small(v) => PyInt::Small(!v),
            PyInt::Big(b) => PyInt::from_bigint(-b - 1),
        }
    }

    pub fn bitand(&self, other: &PyInt) -> PyInt {
        match (self, other) {
            (PyInt::Small(a), PyInt::Small(b)) => PyInt::Small(a & b),
            _ => PyInt::from_bigint(self.to_bigint() & other.to_bigint()),
        }
    }

    pub fn bitor(&self, other: &PyInt) -> PyInt {
        match (self, other) {
            (PyInt::Small(a), PyInt::Small(b)) => PyInt::Small(a | b),
            _ => PyInt::from_bigint(self.to_bigint() | other.to_bigint()),
        }
    }

    pub fn bitxor(&self, other: &PyInt) -> PyInt {
        match (self, other) {
            (PyInt::Small(a), PyInt::Small(b)) => PyInt::Small(a ^ b),
            _ => PyInt::from_bigint(self.to_bigint() ^ other.to_bigint()),
        }
    }

    /// `a << n`.
    pub fn lshift(&self, count: &PyInt) -> Result<PyInt, NumError> {
        if count.is_negative() {
            return Err(NumError::value("negative shift count"));
        }
        if self.is_zero() {
            return Ok(PyInt::Small(0));
        }
        let n = match count.as_i64() {
            Some(n) if (n as u64) <= MAX_INT_BITS => n as u64,
            _ => return Err(too_big()),
        };
        if let PyInt::Small(v) = self
            && n < 64
        {
            let wide = i128::from(*v) << n;
            if let Ok(r) = i64::try_from(wide) {
                return Ok(PyInt::Small(r));
            }
        }
        if self.bit_length() + n > MAX_INT_BITS {
            return Err(too_big());
        }
        Ok(PyInt::from_bigint(self.to_bigint() << n))
    }

    /// `a >> n`, rounding toward negative infinity.
    pub fn rshift(&self, count: &PyInt) -> Result<PyInt, NumError> {
        if count.is_negative() {
            return Err(NumError::value("negative shift count"));
        }
        let fill = if self.is_negative() { -1 } else { 0 };
        let n = match count.as_i64() {
            Some(n) if (n as u64) < self.bit_length() + 1 => n as u64,
            _ => return Ok(PyInt::Small(fill)),
        };
        Ok(match self {
            PyInt::Small(v) => PyInt::Small(if n >= 64 { fill } else { v >> n }),
            PyInt::Big(b) => PyInt::from_bigint(floor_shr(b, n)),
        })
    }

    /// `a ** b` (two-argument pow).
    pub fn pow(&self, exp: &PyInt) -> Result<PowResult, NumError> {
        if exp.is_negative() {
            // CPython hands negative exponents to float pow.
            let base = self.to_f64()?;
            let e = exp.to_f64()?;
            return super::float_ops::pow(base, e).map(PowResult::Float);
        }
        match self.as_i64() {
            Some(0) => return Ok(PowResult::Int(PyInt::Small(i64::from(exp.is_zero())))),
            Some(1) => return Ok(PowResult::Int(PyInt::Small(1))),
            Some(-1) => {
                let odd = exp.bitand(&PyInt::Small(1)).is_zero();
                return Ok(PowResult::Int(PyInt::Small(if odd { 1 } else { -1 })));
            }
            _ => {}
        }
        let e = match exp.as_i64() {
            Some(e) => e as u64,
            None => return Err(too_big()),
        };
        if let PyInt::Small(b) = self
            && let Ok(e32) = u32::try_from(e)
            && let Some(r) = b.checked_pow(e32)
        {
            return Ok(PowResult::Int(PyInt::Small(r)));
        }
        // Estimated size of the result: (bit_length - 1) * e is a lower bound.
        let bits = self.bit_length() - 1;
        if bits.saturating_mul(e) > MAX_INT_BITS {
            return Err(too_big());
        }
        let e32 = u32::try_from(e).map_err(|_| too_big())?;
        Ok(PowResult::Int(PyInt::from_bigint(
            num_traits::pow::Pow::pow(self.to_bigint(), e32),
        )))
    }

    /// `pow(a, b, m)`; a negative exponent uses the modular inverse (3.8+).
    pub fn pow_mod(&self, exp: &PyInt, modulus: &PyInt) -> Result<PyInt, NumError> {
        if modulus.is_zero() {
            return Err(NumError::value("pow() 3rd argument cannot be 0"));
        }
        let negative_output = modulus.is_negative();
        let m = modulus.to_bigint().abs();
        if m.is_one() {
            return Ok(PyInt::Small(0));
        }
        let mut base = self.to_bigint().mod_floor(&m);
        let mut e = exp.to_bigint();
        if e.is_negative() {
            base = invmod(&base, &m)
                .ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
            e = -e;
        }
        let mut r = base.modpow(&e, &m);
        if negative_output && !r.is_zero() {
            r -= &m;
        }
        Ok(PyInt::from_bigint(r))
    }

    /// `round(a, ndigits)`: ties go to the even multiple of 10**-ndigits.
    pub fn round(&self, ndigits: i64) -> PyInt {
        if ndigits >= 0 {
            return self.clone();
        }
        let Ok(k) = u32::try_from(ndigits.unsigned_abs()) else {
            return PyInt::Small(0);
        };
        // Past the bit length, 10**k / 2 exceeds |self| and the result is 0.
        if u64::from(k) > self.bit_length() {
            return PyInt::Small(0);
        }
        let unit: BigInt = num_traits::pow::Pow::pow(BigInt::from(10u32), k);
        let v = self.to_bigint();
        let (q, r) = v.div_mod_floor(&unit);
        let twice = &r * 2u32;
        let round_up = match twice.cmp(&unit) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => q.is_odd(),
        };
        let q = if round_up { q + 1 } else { q };
        PyInt::from_bigint(q * unit)
    }
}

// num-bigint's `>>` on negative values already floors, but keep the intent explicit.
fn floor_shr(b: &BigInt, n: u64) -> BigInt {
    if b.sign() == Sign::Minus {
        -((-b - 1u32) >> n) - 1
    } else {
        b >> n
    }
}

/// Inverse of `a` modulo `m` (m > 1), if gcd(a, m) == 1.
fn invmod(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    if old_r.is_one() {
        Some(old_s.mod_floor(m))
    } else {
        None
    }
}
