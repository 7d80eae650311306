//! Comparing numbers exactly: `==`, `!=`, `<`, `<=`, `>`, `>=` between bools, ints and
//! floats of any size, as CPython compares them (never by rounding an int to a float).
//!
//! Owns: the ordering of two numbers, NaN included (every comparison with NaN is false
//! except `!=`).
//! Must not touch: `is`/`in` and non-numbers (callers handle them), hashing.

use super::convert::integral_f64_to_bigint;
use super::operand::{IntRef, Num};
use crate::runtime::value::Value;
use crate::syntax::ast::CmpOp;
use num_traits::Signed;
use std::cmp::Ordering;

/// `a op b` for two numbers; `None` when either is not a bool/int/float or `op` is not
/// one of `== != < <= > >=`.
#[inline]
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        _ => num_order(Num::of(a)?, Num::of(b)?),
    };
    Some(match op {
        CmpOp::Eq => ord == Some(Ordering::Equal),
        CmpOp::NotEq => ord != Some(Ordering::Equal),
        CmpOp::Lt => ord == Some(Ordering::Less),
        CmpOp::LtE => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
        CmpOp::Gt => ord == Some(Ordering::Greater),
        CmpOp::GtE => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
        CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn => return None,
    })
}

/// The exact order of two numbers; `None` when one is NaN.
pub fn num_order(a: Num, b: Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
        (Num::Float(x), other) => other
            .int()
            .and_then(|i| int_cmp_float(i, x))
            .map(Ordering::reverse),
        (other, Num::Float(y)) => other.int().and_then(|i| int_cmp_float(i, y)),
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        // A `Big` lies outside i64, so its sign decides against any `Int`.
        (Num::Int(_), Num::Big(y)) => Some(sign_order(y).reverse()),
        (Num::Big(x), Num::Int(_)) => Some(sign_order(x)),
        (Num::Big(x), Num::Big(y)) => Some(x.cmp(y)),
    }
}

/// Where a big int (always outside i64) lies relative to any i64 or small float.
fn sign_order(b: &num_bigint::BigInt) -> Ordering {
    if b.is_negative() {
        Ordering::Less
    } else {
        Ordering::Greater
    }
}

/// 2**63 as a float.
const TWO_63: f64 = 9.223_372_036_854_776e18;

/// The exact order of an int and a float; `None` for NaN.
fn int_cmp_float(i: IntRef, f: f64) -> Option<Ordering> {
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
    match i {
        IntRef::Small(x) => {
            if x.unsigned_abs() <= 1 << 53 {
                return (x as f64).partial_cmp(&f);
            }
            if f >= TWO_63 {
                return Some(Ordering::Less);
            }
            if f < -TWO_63 {
                return Some(Ordering::Greater);
            }
            let t = f.trunc();
            // -2**63 <= t < 2**63: exact as i64
            match x.cmp(&(t as i64)) {
                Ordering::Equal => 0.0.partial_cmp(&(f - t)),
                other => Some(other),
            }
        }
        IntRef::Big(b) => {
            // |b| >= 2**63, so a float below that in magnitude is decided by b's sign.
            if f.abs() < TWO_63 {
                return Some(sign_order(b));
            }
            // |f| >= 2**63 is an integer.
            Some(b.cmp(&integral_f64_to_bigint(f)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;
    use std::str::FromStr;

    fn int(s: &str) -> Value {
        Value::from_bigint(BigInt::from_str(s).unwrap())
    }

    #[test]
    fn ints_and_floats_compare_exactly() {
        // Each row checked with python3.
        let two53 = 9007199254740992.0;
        let rows: Vec<(Value, CmpOp, Value, bool)> = vec![
            (
                int("9007199254740993"),
                CmpOp::Eq,
                Value::Float(two53),
                false,
            ),
            (
                int("9007199254740993"),
                CmpOp::Gt,
                Value::Float(two53),
                true,
            ),
            (
                int("9223372036854775808"),
                CmpOp::Eq,
                Value::Float(9.223372036854776e18),
                true,
            ),
            (
                int("-9223372036854775808"),
                CmpOp::Eq,
                Value::Float(-9.223372036854776e18),
                true,
            ),
            (
                int("18446744073709551616"),
                CmpOp::Gt,
                Value::Float(1.8446744073709552e19),
                false,
            ),
            (
                int(&format!("1{}", "0".repeat(308))),
                CmpOp::Lt,
                Value::Float(1e308),
                true,
            ),
            (
                int(&format!("1{}", "0".repeat(400))),
                CmpOp::Gt,
                Value::Float(f64::INFINITY),
                false,
            ),
            (
                int(&format!("1{}", "0".repeat(400))),
                CmpOp::Lt,
                Value::Float(f64::NAN),
                false,
            ),
            (
                Value::Float(f64::NAN),
                CmpOp::NotEq,
                Value::Float(f64::NAN),
                true,
            ),
            (
                Value::Float(f64::NAN),
                CmpOp::Eq,
                Value::Float(f64::NAN),
                false,
            ),
            (Value::Int(1), CmpOp::Eq, Value::Float(1.0), true),
            (Value::Bool(true), CmpOp::Eq, Value::Float(1.0), true),
            (Value::Bool(true), CmpOp::Gt, Value::Bool(false), true),
            (
                Value::Int(9007199254740993),
                CmpOp::LtE,
                Value::Float(9007199254740994.0),
                true,
            ),
            (Value::Int(i64::MAX), CmpOp::Lt, Value::Float(TWO_63), true),
            (
                Value::Int(i64::MIN),
                CmpOp::GtE,
                Value::Float(-TWO_63),
                true,
            ),
            (
                Value::Int(-9007199254740993),
                CmpOp::Lt,
                Value::Float(-9007199254740992.0),
                true,
            ),
            (
                Value::Float(2.5),
                CmpOp::Gt,
                int("-99999999999999999999"),
                true,
            ),
            (int("99999999999999999999"), CmpOp::Gt, Value::Int(5), true),
            (Value::Int(5), CmpOp::Gt, int("-99999999999999999999"), true),
            (
                int("99999999999999999999"),
                CmpOp::Lt,
                int("100000000000000000000"),
                true,
            ),
            (Value::Float(-0.0), CmpOp::Eq, Value::Int(0), true),
        ];
        for (a, op, b, want) in rows {
            assert_eq!(compare(op, &a, &b), Some(want), "{a:?} {op:?} {b:?}");
        }
    }

    #[test]
    fn non_numbers_and_identity_ops_are_not_ours() {
        assert_eq!(compare(CmpOp::Eq, &Value::Int(1), &Value::None), None);
        assert_eq!(compare(CmpOp::Is, &Value::Int(1), &Value::Int(1)), None);
    }
}
