//! Integer powers: `a ** b` for ints and the three-argument `pow(a, b, m)`.
//!
//! Owns: exponentiation with Python's rules (a negative exponent makes a float, results
//! past `MAX_INT_BITS` raise `MemoryError` instead of running for minutes) and modular
//! exponentiation with the modular inverse for negative exponents.
//! Must not touch: float powers (see `float_ops.rs`), operator dispatch (see `arith.rs`).

use super::convert::int_to_f64;
use super::errors::{memory_error, type_error, value_error};
use super::float_ops::float_pow;
use super::operand::{IntRef, Num};
use crate::runtime::exception::PyResult;
use crate::runtime::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

/// `a ** b` for ints. A negative `b` converts both to float first, as CPython does
/// (`2 ** -2 == 0.25`, `0 ** -1` raises ZeroDivisionError).
pub fn int_pow(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_negative() {
        return float_pow(int_to_f64(a)?, int_to_f64(b)?).map(Value::Float);
    }
    // Bases whose powers stay small, whatever the exponent.
    match a.to_i64() {
        Some(0) => return Ok(Value::Int(if b.is_zero() { 1 } else { 0 })),
        Some(1) => return Ok(Value::Int(1)),
        Some(-1) => return Ok(Value::Int(if b.is_odd() { -1 } else { 1 })),
        _ => {}
    }
    let exp = b.to_u64().ok_or_else(memory_error)?;
    // |a| >= 2, so the result has at least exp * (bits(a) - 1) + 1 bits.
    let estimate = (a.bits() as f64 - 1.0 + top_bits_log2(a)) * exp as f64;
    if estimate > super::errors::MAX_INT_BITS as f64 {
        return Err(memory_error());
    }
    let exp = u32::try_from(exp).map_err(|_| memory_error())?;
    Ok(Value::from_bigint(Pow::pow(a.to_bigint(), exp)))
}

/// `log2(|a|) - (bits(a) - 1)`: the fractional part of the base-2 logarithm, in [0, 1).
fn top_bits_log2(a: IntRef) -> f64 {
    let bits = a.bits();
    let top = match a {
        IntRef::Small(i) => i.unsigned_abs(),
        IntRef::Big(b) => {
            let shift = bits.saturating_sub(53) as usize;
            (b.magnitude() >> shift).to_u64().unwrap_or(u64::MAX)
        }
    };
    let leading = 63 - top.leading_zeros() as i32;
    // The libm crate, not the C library: an estimate needs no last-bit agreement.
    libm::log2(top as f64) - f64::from(leading)
}

/// `pow(base, exp, modulus)`. `None` when an argument is not a number (the caller then
/// tries `__pow__`); a float among them is CPython's TypeError.
pub fn pow_mod(base: &Value, exp: &Value, modulus: &Value) -> Option<PyResult<Value>> {
    let (b, e, m) = (Num::of(base)?, Num::of(exp)?, Num::of(modulus)?);
    let (Some(b), Some(e), Some(m)) = (b.int(), e.int(), m.int()) else {
        return Some(Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        )));
    };
    Some(int_pow_mod(b, e, m))
}

fn int_pow_mod(base: IntRef, exp: IntRef, modulus: IntRef) -> PyResult<Value> {
    if modulus.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let negative_output = modulus.is_negative();
    let m = modulus.magnitude();
    if m.is_one() {
        return Ok(Value::Int(0));
    }
    let mut b = base.to_bigint().mod_floor(&m);
    let mut e = exp.to_bigint();
    if e.is_negative() {
        b = mod_inverse(&b, &m)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = b.modpow(&e, &m);
    if negative_output && !r.is_zero() {
        r -= &m;
    }
    Ok(Value::from_bigint(r))
}

/// `x` with `a * x == 1 (mod m)`, for `0 <= a < m`; `None` when gcd(a, m) != 1.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    g.gcd.is_one().then(|| g.x.mod_floor(m))
}

#[cfg(test)]
mod tests {
    use super::super::errors::testing::error_of;
    use super::*;

    fn pow_i(a: i64, b: i64) -> PyResult<Value> {
        int_pow(IntRef::Small(a), IntRef::Small(b))
    }

    fn pm(a: i64, b: i64, m: i64) -> PyResult<Value> {
        pow_mod(&Value::Int(a), &Value::Int(b), &Value::Int(m)).unwrap()
    }

    #[test]
    fn powers_match_python() {
        assert_eq!(
            format!("{:?}", pow_i(2, 100).unwrap()),
            "1267650600228229401496703205376"
        );
        assert_eq!(
            format!("{:?}", pow_i(-3, 41).unwrap()),
            "-36472996377170786403"
        );
        assert_eq!(format!("{:?}", pow_i(0, 0).unwrap()), "1");
        assert_eq!(format!("{:?}", pow_i(2, -2).unwrap()), "0.25");
        let huge = BigInt::from(10).pow(400u32);
        let odd = Value::from_bigint(&huge + 1);
        let r = int_pow(IntRef::Small(-1), IntRef::of(&odd).unwrap()).unwrap();
        assert_eq!(format!("{r:?}"), "-1");
        let r = int_pow(IntRef::Small(0), IntRef::Big(&huge)).unwrap();
        assert_eq!(format!("{r:?}"), "0");
    }

    #[test]
    fn power_errors_match_python() {
        assert_eq!(
            error_of(pow_i(0, -1)),
            (
                "ZeroDivisionError".into(),
                "0.0 cannot be raised to a negative power".into()
            )
        );
        let huge = BigInt::from(10).pow(400u32);
        let neg = -huge.clone();
        assert_eq!(
            error_of(int_pow(IntRef::Big(&huge), IntRef::Small(-1))),
            (
                "OverflowError".into(),
                "int too large to convert to float".into()
            )
        );
        // 2 ** -(10**400) converts the exponent first, as CPython does.
        assert_eq!(
            error_of(int_pow(IntRef::Small(2), IntRef::Big(&neg))).0,
            "OverflowError"
        );
    }

    #[test]
    fn results_past_the_bound_raise_memory_error() {
        assert_eq!(error_of(pow_i(2, 10_000_000_000)).0, "MemoryError");
        assert_eq!(error_of(pow_i(3, 200_000_000)).0, "MemoryError");
        let huge = BigInt::from(10).pow(30u32);
        assert_eq!(
            error_of(int_pow(IntRef::Small(2), IntRef::Big(&huge))).0,
            "MemoryError"
        );
        // Just under the bound is computed: 2 ** 1000000 has 1000001 bits.
        match pow_i(2, 1_000_000).unwrap() {
            Value::BigInt(b) => assert_eq!(b.bits(), 1_000_001),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn modular_powers_match_python() {
        let table = [
            (2, -1, 7, "4"),
            (2, 3, -5, "-2"),
            (2, -3, -5, "-3"),
            (-2, 3, 5, "2"),
            (2, 3, 1, "0"),
            (2, -1, 1, "0"),
            (3, 200, 1000, "1"),
        ];
        for (a, b, m, want) in table {
            assert_eq!(
                format!("{:?}", pm(a, b, m).unwrap()),
                want,
                "pow({a}, {b}, {m})"
            );
        }
        assert_eq!(
            error_of(pm(2, -1, 4)),
            (
                "ValueError".into(),
                "base is not invertible for the given modulus".into()
            )
        );
        assert_eq!(
            error_of(pm(0, -1, 5)).1,
            "base is not invertible for the given modulus"
        );
        assert_eq!(
            error_of(pm(2, 3, 0)),
            ("ValueError".into(), "pow() 3rd argument cannot be 0".into())
        );
        let r = pow_mod(&Value::Int(2), &Value::Float(3.0), &Value::Int(5)).unwrap();
        assert_eq!(
            error_of(r),
            (
                "TypeError".into(),
                "pow() 3rd argument not allowed unless all arguments are integers".into()
            )
        );
        assert!(pow_mod(&Value::Int(2), &Value::None, &Value::Int(5)).is_none());
    }
}
