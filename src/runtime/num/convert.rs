//! Conversions between ints and floats, each rounded exactly as CPython rounds it.
//!
//! Owns: int -> float (`float(10**400)` overflows), float -> int (truncation, inf/nan
//! errors), int / int true division correctly rounded for ints of any size, and
//! `to_f64` for any number `Value`.
//! Must not touch: text (see `float_text.rs`, `int_text.rs`) or operator dispatch.

use super::errors::{int_too_large_for_float, overflow, value_error, zero_division};
use super::operand::{IntRef, Num};
use crate::runtime::exception::PyResult;
use crate::runtime::value::Value;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

/// Ints of at most 53 bits convert to `f64` exactly.
const EXACT_F64_INT: u64 = 1 << 53;

/// `float(v)` for a number value; `None` when `v` is not a bool, int or float.
pub fn to_f64(v: &Value) -> Option<PyResult<f64>> {
    Some(match Num::of(v)? {
        Num::Int(i) => Ok(i as f64),
        Num::Big(b) => big_to_f64(b),
        Num::Float(f) => Ok(f),
    })
}

/// `float(i)`, correctly rounded (ties to even).
pub fn int_to_f64(i: IntRef) -> PyResult<f64> {
    match i {
        IntRef::Small(i) => Ok(i as f64),
        IntRef::Big(b) => big_to_f64(b),
    }
}

/// `float(b)`: OverflowError "int too large to convert to float" past `f64::MAX`.
pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    // num-bigint rounds the top 64 bits with a sticky bit: correctly rounded.
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(int_too_large_for_float()),
    }
}

/// `int(f)`: truncation toward zero.
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    // -2**63 <= t < 2**63 converts exactly.
    if (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&t) {
        return Ok(Value::Int(t as i64));
    }
    Ok(Value::from_bigint(integral_f64_to_bigint(t)))
}

/// The exact int value of a finite float that has no fractional part.
pub fn integral_f64_to_bigint(t: f64) -> BigInt {
    let (mantissa, exp) = decompose(t.abs());
    let magnitude = if exp >= 0 {
        BigUint::from(mantissa) << exp as usize
    } else {
        BigUint::from(mantissa >> (-exp).min(63) as u32)
    };
    let sign = if t < 0.0 { Sign::Minus } else { Sign::Plus };
    BigInt::from_biguint(sign, magnitude)
}

/// `(mantissa, exp)` with `x == mantissa * 2**exp` for a finite `x >= 0`.
pub fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// `a / b` for ints: the correctly rounded quotient, as CPython computes it.
pub fn int_true_div(a: IntRef, b: IntRef) -> PyResult<f64> {
    if b.is_zero() {
        return Err(zero_division("division by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if x.unsigned_abs() <= EXACT_F64_INT && y.unsigned_abs() <= EXACT_F64_INT {
            return Ok(x as f64 / y as f64);
        }
    }
    let negative = a.is_negative() != b.is_negative();
    let q = ratio_to_f64(a.magnitude().magnitude(), b.magnitude().magnitude())
        .ok_or_else(|| overflow("integer division result too large for a float"))?;
    Ok(if negative { -q } else { q })
}

/// `a / b` for `b > 0`, correctly rounded to the nearest float (ties to even), with
/// subnormal results rounded once at their own precision. `None` when it overflows.
fn ratio_to_f64(a: &BigUint, b: &BigUint) -> Option<f64> {
    if a.is_zero() {
        return Some(0.0);
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    // 2**(diff-1) < a/b < 2**(diff+1)
    if diff > 1025 {
        return None;
    }
    if diff < -1076 {
        return Some(0.0); // below half the smallest subnormal
    }
    // q = floor(a / b / 2**s) keeps at least two bits below the final unit in the last
    // place; the remainder becomes a sticky bit.
    let s = (diff - 55).max(-1076);
    let (q, r) = if s <= 0 {
        (a << (-s) as usize).div_rem(b)
    } else {
        a.div_rem(&(b << s as usize))
    };
    let q = q.to_u64()?;
    let sticky = !r.is_zero();
    if q == 0 {
        return Some(0.0);
    }
    let top = 63 - i64::from(q.leading_zeros()) + s; // exponent of the leading bit
    let ulp = (top - 52).max(-1074);
    let shift = (ulp - s) as u32; // 2 or 3: see the choice of s
    let low = q & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    let mut m = q >> shift;
    if low > half || (low == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    if 63 - i64::from(m.leading_zeros()) + ulp > 1023 {
        return None;
    }
    Some(m as f64 * pow2(ulp))
}

/// `2.0**e` exactly, for -1074 <= e <= 1023.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

#[cfg(test)]
mod tests {
    use super::super::errors::testing::error_of;
    use super::*;
    use std::str::FromStr;

    fn big(s: &str) -> BigInt {
        BigInt::from_str(s).unwrap()
    }

    fn div(a: &str, b: &str) -> PyResult<f64> {
        let (a, b) = (big(a), big(b));
        let (a, b) = (Value::from_bigint(a), Value::from_bigint(b));
        int_true_div(IntRef::of(&a).unwrap(), IntRef::of(&b).unwrap())
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        // Expected values from python3: repr(a / b).
        let table = [
            ("1", "3", 0.3333333333333333),
            ("-1", "3", -0.3333333333333333),
            ("9007199254740993", "1", 9007199254740992.0),
            ("9007199254740995", "1", 9007199254740996.0),
            ("-9007199254740993", "1", -9007199254740992.0),
            (
                "10000000000000000000000000000000000000000",
                "3",
                3.333333333333333e39,
            ),
            ("1", "10000000000000000000000000000000000000000", 1e-40),
            (
                "123456789012345678901234567890",
                "987654321098765432109876543210",
                0.1249999988609375,
            ),
            ("36028797018963971", "4", 9007199254740992.0),
            ("36028797018963973", "4", 9007199254740994.0),
        ];
        for (a, b, want) in table {
            assert_eq!(div(a, b).unwrap(), want, "{a} / {b}");
        }
    }

    #[test]
    fn true_division_underflows_to_signed_zero_and_subnormals() {
        let tiny = format!("1{}", "0".repeat(400));
        assert_eq!(div("1", &tiny).unwrap().to_bits(), 0.0f64.to_bits());
        // -1/10**400 == -0.0 in CPython
        assert_eq!(div("-1", &tiny).unwrap().to_bits(), (-0.0f64).to_bits());
        // 1 / 2**1074 == 5e-324; 1 / 2**1075 == 0.0 (tie, to even); 3 / 2**1076 == 5e-324
        let p1074 = (BigInt::from(1) << 1074usize).to_string();
        let p1075 = (BigInt::from(1) << 1075usize).to_string();
        let p1076 = (BigInt::from(1) << 1076usize).to_string();
        assert_eq!(div("1", &p1074).unwrap(), 5e-324);
        assert_eq!(div("1", &p1075).unwrap(), 0.0);
        assert_eq!(div("3", &p1076).unwrap(), 5e-324);
        // 10**300 / 10**610 == 1e-310 (a subnormal)
        let a = format!("1{}", "0".repeat(300));
        let b = format!("1{}", "0".repeat(610));
        assert_eq!(div(&a, &b).unwrap(), 1e-310);
    }

    #[test]
    fn true_division_errors() {
        let huge = format!("1{}", "0".repeat(400));
        assert_eq!(
            error_of(div(&huge, "1")),
            (
                "OverflowError".into(),
                "integer division result too large for a float".into()
            )
        );
        assert_eq!(
            error_of(div("1", "0")),
            ("ZeroDivisionError".into(), "division by zero".into())
        );
        let just_over = (BigInt::from(1) << 1024usize).to_string();
        assert!(div(&just_over, "1").is_err());
        // (2**1024 - 2**970) / 1 rounds up to 2**1024: overflow; minus one more is fine.
        let max = (BigInt::from(1) << 1024usize) - (BigInt::from(1) << 971usize);
        assert_eq!(div(&max.to_string(), "1").unwrap(), f64::MAX);
    }

    #[test]
    fn int_to_float_overflows_like_python() {
        let huge = big(&format!("1{}", "0".repeat(400)));
        assert_eq!(
            error_of(big_to_f64(&huge)),
            (
                "OverflowError".into(),
                "int too large to convert to float".into()
            )
        );
        assert_eq!(
            big_to_f64(&big("9223372036854775809")).unwrap(),
            9.223372036854776e18
        );
    }

    #[test]
    fn float_to_int_truncates_and_rejects_inf_and_nan() {
        assert!(matches!(float_to_int(3.9), Ok(Value::Int(3))));
        assert!(matches!(float_to_int(-3.9), Ok(Value::Int(-3))));
        assert!(matches!(float_to_int(-0.5), Ok(Value::Int(0))));
        assert!(matches!(
            float_to_int(-9.223372036854776e18),
            Ok(Value::Int(i64::MIN))
        ));
        match float_to_int(9.223372036854776e18).unwrap() {
            Value::BigInt(b) => assert_eq!(b.to_string(), "9223372036854775808"),
            other => panic!("{other:?}"),
        }
        match float_to_int(1e300).unwrap() {
            Value::BigInt(b) => assert!(b
                .to_string()
                .starts_with("10000000000000000525047602552044")),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            error_of(float_to_int(f64::INFINITY)),
            (
                "OverflowError".into(),
                "cannot convert float infinity to integer".into()
            )
        );
        assert_eq!(
            error_of(float_to_int(f64::NAN)),
            (
                "ValueError".into(),
                "cannot convert float NaN to integer".into()
            )
        );
    }
}
