//! `round(number)` and `round(number, ndigits)` with CPython's rounding: halves go to
//! the even neighbour, and floats are rounded by their exact binary value
//! (`round(2.675, 2) == 2.67` because 2.675 is really 2.67499999…).
//!
//! Owns: the built-in `round` for bools, ints and floats.
//! Must not touch: `__round__` of other types (the interpreter calls it when `round`
//! returns `None`).

use super::convert::float_to_int;
use super::errors::{overflow, type_error};
use super::float_text::round_to_decimal_places;
use super::operand::{IntRef, Num};
use crate::runtime::exception::PyResult;
use crate::runtime::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Pow, ToPrimitive};

/// Past these, `round(float, n)` returns the float unchanged (n large) or a signed zero
/// (n very negative): CPython's `NDIGITS_MAX` and `NDIGITS_MIN`.
const NDIGITS_MAX: i64 = 323;
const NDIGITS_MIN: i64 = -308;

/// `round(v)` (an int) or `round(v, ndigits)` (the type of `v`). `None` when `v` is not a
/// number. `ndigits` of `None` is the same as no `ndigits`.
pub fn round(v: &Value, ndigits: Option<&Value>) -> Option<PyResult<Value>> {
    let n = Num::of(v)?;
    let ndigits = ndigits.filter(|d| !d.is_none());
    Some(match ndigits {
        None => match n {
            Num::Float(f) => float_to_int(f.round_ties_even()),
            other => Ok(other.int()?.to_value()),
        },
        Some(d) => match IntRef::of(d) {
            None => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                d.type_name()
            ))),
            Some(nd) => match n {
                Num::Float(f) => round_float(f, nd),
                other => Ok(round_int(other.int()?, nd)),
            },
        },
    })
}

fn round_float(x: f64, ndigits: IntRef) -> PyResult<Value> {
    // CPython clamps a huge ndigits to the ssize_t range.
    let nd = ndigits.to_i64().unwrap_or(if ndigits.is_negative() {
        i64::MIN
    } else {
        i64::MAX
    });
    if !x.is_finite() || x == 0.0 || nd > NDIGITS_MAX {
        return Ok(Value::Float(x));
    }
    if nd < NDIGITS_MIN {
        return Ok(Value::Float(0.0 * x));
    }
    round_to_decimal_places(x, nd)
        .map(Value::Float)
        .ok_or_else(|| overflow("rounded value too large to represent"))
}

/// `round(i, ndigits)`: `i` itself for `ndigits >= 0`, else the nearest multiple of
/// `10**-ndigits`, halves to even.
fn round_int(i: IntRef, ndigits: IntRef) -> Value {
    if !ndigits.is_negative() || i.is_zero() {
        return i.to_value();
    }
    // 10**k > 2*|i| rounds to zero. CPython computes 10**k whatever k is, which for a
    // huge k runs out of memory; the answer is 0 all the same.
    let max_useful = (i.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
    let k = match ndigits.magnitude().to_u64() {
        Some(k) if k <= max_useful => k,
        _ => return Value::Int(0),
    };
    // k <= bits * log10(2) + 2 <= MAX_INT_BITS, so it fits in u32.
    let unit: BigInt = Pow::pow(BigInt::from(10), k as u32);
    let (mut q, r) = i.to_bigint().div_mod_floor(&unit);
    let twice = r * 2;
    if twice > unit || (twice == unit && q.is_odd()) {
        q += 1;
    }
    Value::from_bigint(q * unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::num::float_text::float_repr;
    use crate::runtime::num::testdata::{check_all, number, outcome};
    use std::str::FromStr;

    fn show(v: Value) -> String {
        match v {
            Value::Float(f) => float_repr(f),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn float_rounding_matches_python() {
        check_all(include_str!("testdata/float_round.txt"), |row| {
            let x = number(row[0]);
            let nd = (row[1] != "None").then(|| number(row[1]));
            let got = outcome(round(&x, nd.as_ref()).unwrap().map(show));
            (got != row[2])
                .then(|| format!("round({}, {}) = {got}, want {}", row[0], row[1], row[2]))
        });
    }

    #[test]
    fn int_rounding_matches_python() {
        let big = |s: &str| Value::from_bigint(BigInt::from_str(s).unwrap());
        let cases = [
            (Value::Int(25), -1, "20"),
            (Value::Int(35), -1, "40"),
            (Value::Int(-25), -1, "-20"),
            (Value::Int(15), -1, "20"),
            (Value::Int(123), 1, "123"),
            (Value::Int(123), -5, "0"),
            (Value::Int(5), -20, "0"),
            (Value::Bool(true), 1, "1"),
            (big("1180591620717411303424"), -3, "1180591620717411303000"),
            (
                big("-1180591620717411303924"),
                -3,
                "-1180591620717411304000",
            ),
            (Value::Int(i64::MAX), -18, "9000000000000000000"),
            (Value::Int(i64::MAX), -19, "10000000000000000000"),
            (Value::Int(i64::MAX), -20, "0"),
        ];
        for (v, nd, want) in cases {
            let got = round(&v, Some(&Value::Int(nd))).unwrap().unwrap();
            assert_eq!(show(got), want, "round({v:?}, {nd})");
        }
        let huge = big("-100000000000000000000");
        assert_eq!(
            show(round(&Value::Int(5), Some(&huge)).unwrap().unwrap()),
            "0"
        );
        assert_eq!(
            show(
                round(&Value::Int(5), Some(&big("100000000000000000000")))
                    .unwrap()
                    .unwrap()
            ),
            "5"
        );
        assert_eq!(show(round(&Value::Bool(true), None).unwrap().unwrap()), "1");
    }

    #[test]
    fn errors_match_python() {
        let e = round(&Value::Float(1.5), Some(&Value::Float(1.0))).unwrap();
        assert_eq!(
            outcome(e.map(show)),
            "!TypeError: 'float' object cannot be interpreted as an integer"
        );
        let e = round(&Value::Float(f64::INFINITY), None).unwrap();
        assert_eq!(
            outcome(e.map(show)),
            "!OverflowError: cannot convert float infinity to integer"
        );
        assert!(round(&Value::None, None).is_none());
        let r = round(&Value::Float(1.5), Some(&Value::None))
            .unwrap()
            .unwrap();
        assert_eq!(show(r), "2");
    }
}
