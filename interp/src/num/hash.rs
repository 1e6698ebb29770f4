//! CPython 3.11 hash functions (64-bit build, `PYTHONHASHSEED=0`).

use super::int_ops::PyInt;
use num_bigint::BigUint;
use num_traits::ToPrimitive;
use siphasher::sip::SipHasher13;
use std::hash::Hasher;

/// Numeric hashes are reductions modulo this Mersenne prime, so equal ints,
/// floats (and fractions) hash alike.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: u32 = 61;
pub const HASH_INF: i64 = 314_159;

fn fix_minus_one(h: i64) -> i64 {
    // -1 is CPython's error marker.
    if h == -1 { -2 } else { h }
}

/// `hash(int)`.
pub fn hash_int(v: &PyInt) -> i64 {
    let (mag, negative) = match v {
        PyInt::Small(s) => (s.unsigned_abs() % HASH_MODULUS, *s < 0),
        PyInt::Big(b) => {
            let m = b.magnitude() % BigUint::from(HASH_MODULUS);
            (m.to_u64().unwrap_or(0), b.sign() == num_bigint::Sign::Minus)
        }
    };
    let h = mag as i64;
    fix_minus_one(if negative { -h } else { h })
}

/// `hash(float)`: equals `hash_int` for integral values. NaN hashes by object
/// identity since 3.10; this returns 0 for it, so callers wanting CPython's
/// behaviour should hash the NaN object's address instead.
pub fn hash_float(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x.is_nan() || x == 0.0 {
        return 0;
    }
    // |x| = mant * 2**exp; 2**61 == 1 (mod 2**61 - 1), so the exponent reduces mod 61.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    let e = exp.rem_euclid(i64::from(HASH_BITS)) as u32;
    let m = mant % HASH_MODULUS;
    let h = ((u128::from(m) << e) % u128::from(HASH_MODULUS)) as i64;
    fix_minus_one(if x < 0.0 { -h } else { h })
}

/// SipHash-1-3 with an all-zero key, as CPython uses with `PYTHONHASHSEED=0`.
pub fn bytes_hash(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let mut h = SipHasher13::new_with_keys(0, 0);
    h.write(data);
    fix_minus_one(h.finish() as i64)
}

/// `hash(str)`: SipHash over the PEP 393 storage (Latin-1, UCS-2 or UCS-4,
/// little-endian) chosen by the widest code point. Py_HASH_CUTOFF is 0 in
/// CPython 3.11, so short strings use SipHash too.
pub fn str_hash(s: &str) -> i64 {
    if s.is_ascii() {
        return bytes_hash(s.as_bytes());
    }
    let widest = s.chars().map(u32::from).max().unwrap_or(0);
    let mut buf: Vec<u8> = Vec::with_capacity(s.len() * 2);
    if widest < 0x100 {
        buf.extend(s.chars().map(|c| c as u8));
    } else if widest < 0x10000 {
        s.chars()
            .for_each(|c| buf.extend_from_slice(&(c as u16).to_le_bytes()));
    } else {
        s.chars()
            .for_each(|c| buf.extend_from_slice(&(c as u32).to_le_bytes()));
    }
    bytes_hash(&buf)
}

/// `hash(tuple)` from the item hashes (xxHash-style, CPython 3.8+).
pub fn tuple_hash(item_hashes: &[i64]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for &h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(item_hashes.len() as u64 ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// `hash(frozenset)` from the hashes of its (distinct) elements, in any order.
pub fn frozenset_hash(item_hashes: &[i64]) -> i64 {
    fn shuffle_bits(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash: u64 = 0;
    for &h in item_hashes {
        hash ^= shuffle_bits(h as u64);
    }
    hash ^= (item_hashes.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}
