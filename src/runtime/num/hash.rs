//! Hashes for numbers, strings and tuples, equal to CPython's where it matters.
//!
//! Owns: the numeric hash (reduction modulo the Mersenne prime 2**61 - 1, so that
//! `hash(1) == hash(1.0) == hash(True)` and sets of numbers iterate in CPython's order),
//! CPython 3.11's xxHash-based tuple hash, and a string hash.
//! Must not touch: dict/set tables, calling user `__hash__` (the interpreter does both).

use super::convert::decompose;
use crate::runtime::value::Value;
use num_bigint::BigInt;
use num_traits::Signed;

const HASH_BITS: u32 = 61;
const MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `hash(float('inf'))`; `-inf` hashes to its negation.
const HASH_INF: i64 = 314_159;

/// `hash(v)` for a bool, int or float; `None` for anything else.
///
/// NaN: CPython 3.11 hashes a NaN by the identity of the float object; iterp floats have
/// no identity, so every NaN hashes to 0. Distinct NaNs still never compare equal, so
/// sets and dicts stay correct.
#[inline]
pub fn hash_number(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(hash_int(*i)),
        Value::Bool(b) => Some(*b as i64),
        Value::Float(f) => Some(hash_float(*f)),
        Value::BigInt(b) => Some(hash_bigint(b)),
        _ => None,
    }
}

/// Never -1: CPython reserves it for errors and maps it to -2.
#[inline]
fn not_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(i)`: `i mod (2**61 - 1)` with the sign of `i`.
#[inline]
pub fn hash_int(i: i64) -> i64 {
    let m = i.unsigned_abs() % MODULUS;
    // m < 2**61, so it fits in i64 either way.
    not_minus_one(if i < 0 { -(m as i64) } else { m as i64 })
}

/// `hash(b)` for a big int.
pub fn hash_bigint(b: &BigInt) -> i64 {
    let mut m: u128 = 0;
    for digit in b.magnitude().iter_u64_digits().rev() {
        m = ((m << 64) | u128::from(digit)) % u128::from(MODULUS);
    }
    let m = m as i64; // < 2**61
    not_minus_one(if b.is_negative() { -m } else { m })
}

/// `hash(f)`, as CPython's `_Py_HashDouble`: the exact rational value reduced modulo
/// 2**61 - 1, so integral floats hash like the equal int.
pub fn hash_float(f: f64) -> i64 {
    if f.is_infinite() {
        return if f > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if f.is_nan() {
        return 0;
    }
    // |f| == mantissa * 2**exp exactly; reduce the mantissa, then multiply by 2**exp
    // modulo 2**61 - 1, where multiplying by 2 is a 61-bit rotation.
    let (mantissa, exp) = decompose(f.abs());
    let x = mantissa % MODULUS; // mantissa < 2**53 < MODULUS
    let e = exp.rem_euclid(HASH_BITS as i32) as u32;
    let x = if e == 0 {
        x
    } else {
        ((x << e) & MODULUS) | (x >> (HASH_BITS - e))
    };
    let h = x as i64;
    not_minus_one(if f < 0.0 { -h } else { h })
}

/// `hash(s)` for a str: deterministic (CPython's is randomised per process, so no
/// program can depend on its values), 64-bit, never -1. FxHash over 8-byte words with a
/// murmur3 finaliser, so the low bits that index a table are well mixed.
pub fn hash_str(s: &str) -> i64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = s.as_bytes();
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    // murmur3 fmix64
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    not_minus_one(h as i64)
}

/// `hash(t)` for a tuple whose items hash to `item_hashes`: CPython 3.11's tuplehash
/// (xxHash's round function over the item hashes), bit for bit.
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for &lane in item_hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add((item_hashes.len() as u64) ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn big(s: &str) -> Value {
        Value::from_bigint(BigInt::from_str(s).unwrap())
    }

    #[test]
    fn number_hashes_match_python() {
        use crate::runtime::num::testdata::{check_all, number};
        check_all(include_str!("testdata/hash.txt"), |row| {
            let got = hash_number(&number(row[0])).map(|h| h.to_string());
            (got.as_deref() != Some(row[1]))
                .then(|| format!("hash({}) = {got:?}, want {}", row[0], row[1]))
        });
    }

    #[test]
    fn int_hashes_match_python() {
        let table = [
            (big("1"), 1),
            (big("-1"), -2),
            (big("-2"), -2),
            (big("2305843009213693951"), 0),
            (big("2305843009213693952"), 1),
            (big("-2305843009213693952"), -2),
            (big("9223372036854775808"), 4),
            (big("-9223372036854775808"), -4),
            (big("18446744073709551621"), 13),
            (big("1000000000000000000000000000000"), 465258685558744706),
            (big("-1000000000000000000000000000000"), -465258685558744706),
            (Value::Bool(true), 1),
            (Value::Bool(false), 0),
        ];
        for (v, want) in table {
            assert_eq!(hash_number(&v), Some(want), "hash({v:?})");
        }
    }

    #[test]
    fn float_hashes_match_python() {
        let table = [
            (1.5, 1152921504606846977),
            (-1.5, -1152921504606846977),
            (0.1, 230584300921369408),
            (1e300, 1224995262755759164),
            (5e-324, 16777216),
            (f64::INFINITY, 314159),
            (f64::NEG_INFINITY, -314159),
            (-0.0, 0),
            (2305843009213693952.0, 1),
            (1e-300, 482449582752280463),
            (-1.0, -2),
            (123456789.123, 283618680910892309),
        ];
        for (f, want) in table {
            assert_eq!(hash_float(f), want, "hash({f:?})");
        }
        assert_eq!(hash_float(f64::NAN), 0);
    }

    #[test]
    fn equal_numbers_hash_alike() {
        for i in [
            0i64,
            1,
            -1,
            7,
            -12345,
            1 << 53,
            -(1 << 60),
            i64::MAX,
            i64::MIN,
        ] {
            if i.unsigned_abs() <= 1 << 53 {
                assert_eq!(hash_int(i), hash_float(i as f64), "{i}");
            }
        }
        assert_eq!(hash_float(9.223372036854776e18), 4);
    }

    #[test]
    fn tuple_hashes_match_python() {
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        assert_eq!(hash_tuple(&[1]), -6644214454873602895);
        assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
        assert_eq!(hash_tuple(&[1, 2, 3]), 529344067295497451);
        assert_eq!(hash_tuple(&[-2]), 8078679518589016365); // hash((-1,))
        assert_eq!(hash_tuple(&[0]), -8753497827991233192);
        let inner = [hash_tuple(&[1, 2]), hash_tuple(&[3, 4])];
        assert_eq!(hash_tuple(&inner), -1467267874458550984);
        let b = big("18446744073709551616");
        assert_eq!(
            hash_tuple(&[hash_float(1.5), hash_number(&b).unwrap()]),
            8720071266808899742
        );
        // (0, 0.0, False): equal items, equal hashes
        assert_eq!(hash_tuple(&[0, hash_float(0.0), 0]), 3010437511937009226);
        let ten: Vec<i64> = (0..10).map(hash_int).collect();
        assert_eq!(hash_tuple(&ten), -2040549277248155741);
        let pair = [big("9223372036854775808"), big("-9223372036854775808")];
        let hashes: Vec<i64> = pair.iter().map(|v| hash_number(v).unwrap()).collect();
        assert_eq!(hash_tuple(&hashes), -5178902540410201171);
    }

    #[test]
    fn string_hashes_are_stable_and_never_minus_one() {
        assert_eq!(hash_str("abc"), hash_str("abc"));
        assert_ne!(hash_str("abc"), hash_str("abd"));
        assert_ne!(hash_str("a"), hash_str("a\0"));
        assert_ne!(hash_str(""), -1);
    }
}
