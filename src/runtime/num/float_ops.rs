//! Float arithmetic with CPython's special cases and errors.
//!
//! Owns: `+ - * / // % **` and `divmod` on two floats (CPython's `float_rem`,
//! `_float_div_mod` and `float_pow`, including their signed zeros and the errno-style
//! OverflowError), and the float methods `is_integer`, `as_integer_ratio` and `hex`.
//! Must not touch: int operands (callers convert them first, see `arith.rs`), text.

use super::convert::{decompose, integral_f64_to_bigint};
use super::errors::{float_range_error, no_complex, overflow, value_error, zero_division};
use crate::runtime::exception::PyResult;
use crate::runtime::value::Value;
use crate::syntax::ast::BinOp;
use num_bigint::BigInt;

/// Whether floats have the operator (`@`, shifts and bitwise operators they do not).
pub fn float_has_op(op: BinOp) -> bool {
    !matches!(
        op,
        BinOp::MatMul
            | BinOp::LShift
            | BinOp::RShift
            | BinOp::BitAnd
            | BinOp::BitOr
            | BinOp::BitXor
    )
}

/// `x op y` for floats; `None` for operators floats do not have (`@ << >> & | ^`).
#[inline]
pub fn float_binary(op: BinOp, x: f64, y: f64) -> Option<PyResult<Value>> {
    let r = match op {
        BinOp::Add => Ok(x + y),
        BinOp::Sub => Ok(x - y),
        BinOp::Mul => Ok(x * y),
        BinOp::Div => {
            if y == 0.0 {
                Err(zero_division("float division by zero"))
            } else {
                Ok(x / y)
            }
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                Err(zero_division("float floor division by zero"))
            } else {
                Ok(div_mod(x, y).0)
            }
        }
        BinOp::Mod => {
            if y == 0.0 {
                Err(zero_division("float modulo"))
            } else {
                Ok(float_mod(x, y))
            }
        }
        BinOp::Pow => float_pow(x, y),
        BinOp::MatMul
        | BinOp::LShift
        | BinOp::RShift
        | BinOp::BitAnd
        | BinOp::BitOr
        | BinOp::BitXor => return None,
    };
    Some(r.map(Value::Float))
}

/// `x % y` for `y != 0`: the result has the sign of `y` (CPython's `float_rem`).
fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// `(x // y, x % y)` for `y != 0` (CPython's `_float_div_mod`).
fn div_mod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `divmod(x, y)` for floats.
pub fn float_divmod(x: f64, y: f64) -> PyResult<(f64, f64)> {
    if y == 0.0 {
        return Err(zero_division("float divmod()"));
    }
    Ok(div_mod(x, y))
}

/// CPython's `DOUBLE_IS_ODD_INTEGER`.
fn is_odd_integer(y: f64) -> bool {
    y.abs() % 2.0 == 1.0
}

/// `x ** y` for floats, following CPython's `float_pow` case by case.
pub fn float_pow(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Err(no_complex());
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = super::c_math::system_pow(base, y);
    if r.is_infinite() {
        return Err(float_range_error());
    }
    Ok(if negate { -r } else { r })
}

/// `float.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor()
}

/// `float.as_integer_ratio()`: the exact value as a fraction in lowest terms.
pub fn float_as_integer_ratio(x: f64) -> PyResult<(Value, Value)> {
    if x.is_infinite() {
        return Err(overflow("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let (mantissa, exp) = decompose(x.abs());
    if mantissa == 0 {
        return Ok((Value::Int(0), Value::Int(1)));
    }
    let zeros = mantissa.trailing_zeros() as i32;
    let (m, e) = (mantissa >> zeros, exp + zeros);
    let signed = if x < 0.0 { -(m as i64) } else { m as i64 };
    if e >= 0 {
        let num = integral_f64_to_bigint(x);
        return Ok((Value::from_bigint(num), Value::Int(1)));
    }
    let den = BigInt::from(1) << (-e) as usize;
    Ok((Value::Int(signed), Value::from_bigint(den)))
}

/// `float.hex()`: `'0x1.8000000000000p+0'`, `'-0x0.0p+0'`, `'inf'`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{fraction:013x}p{exp:+}")
}

#[cfg(test)]
mod tests {
    use super::super::errors::testing::error_of;
    use super::*;

    fn calc(x: f64, op: BinOp, y: f64) -> PyResult<f64> {
        match float_binary(op, x, y).unwrap()? {
            Value::Float(f) => Ok(f),
            other => panic!("{other:?}"),
        }
    }

    /// Same float, including the sign of zero and NaN-ness.
    fn same(a: f64, b: f64) -> bool {
        (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
    }

    #[test]
    fn floor_division_and_modulo_match_python() {
        let inf = f64::INFINITY;
        // (x, y, x // y, x % y) from python3
        let table = [
            (7.5, -2.0, -4.0, -0.5),
            (-0.0, 1.0, -0.0, 0.0),
            (0.0, -1.0, -0.0, -0.0),
            (1e300, 1e-300, inf, 4.891554850853602e-301),
            (inf, 1.0, f64::NAN, f64::NAN),
            (1.0, inf, 0.0, 1.0),
            (-1.0, inf, -1.0, inf),
            (5.0, 0.1, 49.0, 0.09999999999999973),
            (-5.5, 2.0, -3.0, 0.5),
            (f64::NAN, 1.0, f64::NAN, f64::NAN),
            (-0.0, 5.0, -0.0, 0.0),
            (0.0, -5.0, -0.0, -0.0),
        ];
        for (x, y, q, r) in table {
            assert!(same(calc(x, BinOp::FloorDiv, y).unwrap(), q), "{x} // {y}");
            assert!(same(calc(x, BinOp::Mod, y).unwrap(), r), "{x} % {y}");
            let (dq, dr) = float_divmod(x, y).unwrap();
            assert!(same(dq, q) && same(dr, r), "divmod({x}, {y})");
        }
    }

    #[test]
    fn division_by_zero_messages() {
        let zd = |m: &str| ("ZeroDivisionError".to_string(), m.to_string());
        assert_eq!(
            error_of(calc(1.0, BinOp::Div, 0.0)),
            zd("float division by zero")
        );
        assert_eq!(
            error_of(calc(1.0, BinOp::FloorDiv, -0.0)),
            zd("float floor division by zero")
        );
        assert_eq!(error_of(calc(1.0, BinOp::Mod, 0.0)), zd("float modulo"));
        assert_eq!(error_of(float_divmod(1.0, 0.0)), zd("float divmod()"));
    }

    #[test]
    #[allow(clippy::approx_constant)] // values as python3 printed them
    fn powers_match_python() {
        let inf = f64::INFINITY;
        let table = [
            (2.0, 0.5, 1.4142135623730951),
            (-2.0, 2.0, 4.0),
            (0.0, 0.0, 1.0),
            (-0.0, 3.0, -0.0),
            (-0.0, 2.0, 0.0),
            (-inf, 3.0, -inf),
            (-inf, 2.0, inf),
            (-inf, -3.0, -0.0),
            (-1.0, inf, 1.0),
            (1.0, f64::NAN, 1.0),
            (f64::NAN, 0.0, 1.0),
            (-1.0, 1e300, 1.0),
            (2.0, -1080.0, 0.0),
            (2.0, 1023.9999, 1.7975685325879886e+308),
            (1e-320, 2.0, 0.0),
            (0.5, 1e300, 0.0),
            (-2.0, 1023.0, -8.98846567431158e+307),
            (inf, -1.0, 0.0),
        ];
        for (x, y, want) in table {
            assert!(same(float_pow(x, y).unwrap(), want), "{x} ** {y}");
        }
    }

    #[test]
    fn power_errors_match_python() {
        for (x, y) in [
            (2.0, 10000.0),
            (10.0, 400.0),
            (-10.0, 401.0),
            (1.5, 1e300),
            (-1.5, 1e300),
        ] {
            let e = float_pow(x, y).unwrap_err();
            let (kind, args) = super::super::errors::testing::describe(&e);
            assert_eq!(
                (kind.as_str(), args.as_str()),
                ("OverflowError", "34, Numerical result out of range")
            );
        }
        assert_eq!(
            error_of(float_pow(-0.0, -1.0)).1,
            "0.0 cannot be raised to a negative power"
        );
        assert_eq!(error_of(float_pow(-8.0, 1.0 / 3.0)).0, "ValueError");
    }

    #[test]
    fn float_methods_match_python() {
        assert!(float_is_integer(3.0));
        assert!(!float_is_integer(3.5));
        assert!(!float_is_integer(f64::INFINITY));
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_hex(0.0), "0x0.0p+0");
        assert_eq!(float_hex(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(f64::NEG_INFINITY), "-inf");
        let ratio = |x: f64| {
            let (n, d) = float_as_integer_ratio(x).unwrap();
            format!("{n:?}/{d:?}")
        };
        assert_eq!(ratio(1.5), "3/2");
        assert_eq!(ratio(0.1), "3602879701896397/36028797018963968");
        assert_eq!(ratio(-0.0), "0/1");
        assert_eq!(ratio(1e20), "100000000000000000000/1");
        assert_eq!(ratio(-2.5), "-5/2");
        assert_eq!(
            error_of(float_as_integer_ratio(f64::NAN)).1,
            "cannot convert NaN to integer ratio"
        );
    }
}
