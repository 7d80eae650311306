//! Integer arithmetic: the i64 fast path and the big-integer slow path.
//!
//! Owns: `+ - * // % << >> & | ^` and true division for two ints, with Python's rules:
//! results never wrap (i64 overflow moves to `BigInt`, and back when a result fits),
//! floor division and modulo round toward negative infinity, shifts reject negative
//! counts, and huge results raise instead of exhausting memory. Also `int.bit_count`, and
//! growing a big running total that nothing else holds in place (`accumulate_in_place`).
//! Must not touch: `**` (see `int_pow.rs`), floats (see `float_ops.rs`), dispatch on
//! operand types (see `arith.rs`).

use super::convert::int_true_div;
use super::errors::{check_int_bits, memory_error, overflow, value_error, zero_division};
use super::int_pow::int_pow;
use super::operand::IntRef;
use crate::runtime::exception::PyResult;
use crate::runtime::value::Value;
use crate::syntax::ast::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Signed;

/// `x op y` for two small ints. The common cases finish here with one checked
/// operation; overflow, division by zero and the rare operators go to `int_binary`.
/// `None` only for `@`, which ints do not support.
#[inline]
pub fn small_binary(op: BinOp, x: i64, y: i64) -> Option<PyResult<Value>> {
    let fast = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::FloorDiv => floor_div(x, y),
        BinOp::Mod => floor_mod(x, y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::LShift => small_shl(x, y),
        BinOp::RShift if y >= 0 => Some(x >> y.min(63)),
        BinOp::Pow if y >= 0 => u32::try_from(y).ok().and_then(|e| x.checked_pow(e)),
        BinOp::MatMul => return None,
        BinOp::Div | BinOp::RShift | BinOp::Pow => None,
    };
    Some(match fast {
        Some(r) => Ok(Value::Int(r)),
        None => int_binary(op, IntRef::Small(x), IntRef::Small(y)),
    })
}

/// `x // y` when it fits in i64 and `y != 0`.
#[inline]
fn floor_div(x: i64, y: i64) -> Option<i64> {
    let q = x.checked_div(y)?;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// `x % y` (the sign of `y`) when `y != 0` and the division does not overflow.
#[inline]
fn floor_mod(x: i64, y: i64) -> Option<i64> {
    let r = x.checked_rem(y)?;
    if r != 0 && ((r < 0) != (y < 0)) {
        Some(r + y)
    } else {
        Some(r)
    }
}

/// `x << y` when `0 <= y` and no bits are lost.
#[inline]
fn small_shl(x: i64, y: i64) -> Option<i64> {
    if x == 0 && y >= 0 {
        return Some(0);
    }
    if !(0..64).contains(&y) {
        return None;
    }
    let r = x << y;
    (r >> y == x).then_some(r)
}

/// `a op b` for ints of any size: the slow path, out of line.
#[inline(never)]
pub fn int_binary(op: BinOp, a: IntRef, b: IntRef) -> PyResult<Value> {
    match op {
        BinOp::Add | BinOp::Sub => Ok(Value::from_bigint(add_sub_borrowed(op, a, b))),
        BinOp::Mul => {
            check_int_bits(a.bits() + b.bits())?;
            Ok(Value::from_bigint(match (a, b) {
                (IntRef::Big(x), IntRef::Big(y)) => x * y,
                (IntRef::Big(x), IntRef::Small(j)) | (IntRef::Small(j), IntRef::Big(x)) => x * j,
                (IntRef::Small(i), IntRef::Small(j)) => BigInt::from(i) * j,
            }))
        }
        BinOp::Div => int_true_div(a, b).map(Value::Float),
        BinOp::FloorDiv => {
            if b.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            Ok(Value::from_bigint(a.to_bigint().div_floor(&b.to_bigint())))
        }
        BinOp::Mod => {
            if b.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            Ok(Value::from_bigint(a.to_bigint().mod_floor(&b.to_bigint())))
        }
        BinOp::Pow => int_pow(a, b),
        BinOp::LShift => shift_left(a, b),
        BinOp::RShift => shift_right(a, b),
        BinOp::BitAnd => Ok(Value::from_bigint(a.to_bigint() & b.to_bigint())),
        BinOp::BitOr => Ok(Value::from_bigint(a.to_bigint() | b.to_bigint())),
        BinOp::BitXor => Ok(Value::from_bigint(a.to_bigint() ^ b.to_bigint())),
        // `binary` answers `None` for `@` before getting here; should a caller pass it
        // anyway, this is CPython's answer for two ints.
        BinOp::MatMul => Err(super::errors::type_error(
            "unsupported operand type(s) for @: 'int' and 'int'",
        )),
    }
}

/// `a + b` or `a - b` (`op` is one of the two) without copying either operand first:
/// the result is the only new big int.
fn add_sub_borrowed(op: BinOp, a: IntRef, b: IntRef) -> BigInt {
    let add = op == BinOp::Add;
    match (a, b) {
        (IntRef::Big(x), IntRef::Big(y)) if add => x + y,
        (IntRef::Big(x), IntRef::Big(y)) => x - y,
        (IntRef::Big(x), IntRef::Small(j)) if add => x + j,
        (IntRef::Big(x), IntRef::Small(j)) => x - j,
        (IntRef::Small(i), IntRef::Big(y)) if add => y + i,
        (IntRef::Small(i), IntRef::Big(y)) => i - y,
        (IntRef::Small(i), IntRef::Small(j)) if add => BigInt::from(i) + j,
        (IntRef::Small(i), IntRef::Small(j)) => BigInt::from(i) - j,
    }
}

/// `acc += b` or `acc -= b` (`op` is `Add` or `Sub`) done in place when `acc` is a big
/// int that nothing else refers to (a running total held only by a local or by
/// `sum()`), so the step allocates nothing. `false`, with `acc` untouched, otherwise.
/// Ints are immutable in Python; the change is invisible because no one else holds it.
pub fn accumulate_in_place(op: BinOp, acc: &mut Value, b: &Value) -> bool {
    if !matches!(op, BinOp::Add | BinOp::Sub) {
        return false;
    }
    let Value::BigInt(rc) = acc else {
        return false;
    };
    let Some(big) = std::rc::Rc::get_mut(rc) else {
        return false;
    };
    match (op, b) {
        (BinOp::Add, Value::Int(j)) => *big += *j,
        (BinOp::Sub, Value::Int(j)) => *big -= *j,
        (BinOp::Add, Value::BigInt(y)) => *big += &**y,
        (BinOp::Sub, Value::BigInt(y)) => *big -= &**y,
        _ => return false,
    }
    // A result that fits in 64 bits is a small int again (`BigInt` holds only values
    // that do not).
    if let Some(i) = num_traits::ToPrimitive::to_i64(&*big) {
        *acc = Value::Int(i);
    }
    true
}

/// `(a // b, a % b)` for ints.
pub fn int_divmod(a: IntRef, b: IntRef) -> PyResult<(Value, Value)> {
    if b.is_zero() {
        return Err(zero_division("integer division or modulo by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let (Some(q), Some(r)) = (floor_div(x, y), floor_mod(x, y)) {
            return Ok((Value::Int(q), Value::Int(r)));
        }
    }
    let (q, r) = a.to_bigint().div_mod_floor(&b.to_bigint());
    Ok((Value::from_bigint(q), Value::from_bigint(r)))
}

/// `a << b`. A count that does not fit in 64 bits is CPython's OverflowError "too many
/// digits in integer"; a smaller one past `MAX_INT_BITS` is a MemoryError.
fn shift_left(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_negative() {
        return Err(value_error("negative shift count"));
    }
    if a.is_zero() {
        return Ok(Value::Int(0));
    }
    let count = b
        .to_i64()
        .ok_or_else(|| overflow("too many digits in integer"))? as u64;
    check_int_bits(a.bits().saturating_add(count))?;
    let count = usize::try_from(count).map_err(|_| memory_error())?;
    Ok(Value::from_bigint(a.to_bigint() << count))
}

/// `a >> b`: rounds toward negative infinity, so huge counts give 0 or -1.
fn shift_right(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_negative() {
        return Err(value_error("negative shift count"));
    }
    match b.to_u64() {
        Some(count) if count < a.bits() => {
            // count < bits(a) <= MAX_INT_BITS, so it fits in usize.
            Ok(Value::from_bigint(a.to_bigint() >> count as usize))
        }
        _ => Ok(Value::Int(if a.is_negative() { -1 } else { 0 })),
    }
}

/// `~a` == `-(a + 1)`.
pub fn int_invert(a: IntRef) -> Value {
    match a {
        IntRef::Small(i) => Value::Int(!i),
        IntRef::Big(b) => Value::from_bigint(-(b + 1u8)),
    }
}

/// `-a`; `-(-2**63)` leaves i64.
pub fn int_neg(a: IntRef) -> Value {
    match a {
        IntRef::Small(i) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(-BigInt::from(i)),
        },
        IntRef::Big(b) => Value::from_bigint(-b),
    }
}

/// `abs(a)`.
pub fn int_abs(a: IntRef) -> Value {
    match a {
        IntRef::Small(i) => match i.checked_abs() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(BigInt::from(i.unsigned_abs())),
        },
        IntRef::Big(b) => Value::from_bigint(b.abs()),
    }
}

/// `int.bit_count()`: the number of ones in `abs(a)`.
pub fn int_bit_count(a: IntRef) -> u64 {
    match a {
        IntRef::Small(i) => u64::from(i.unsigned_abs().count_ones()),
        IntRef::Big(b) => b
            .magnitude()
            .iter_u64_digits()
            .map(|d| u64::from(d.count_ones()))
            .sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::errors::testing::error_of;
    use super::*;
    use std::str::FromStr;

    fn v(s: &str) -> Value {
        Value::from_bigint(BigInt::from_str(s).unwrap())
    }

    fn calc(a: &str, op: BinOp, b: &str) -> PyResult<Value> {
        let (a, b) = (v(a), v(b));
        int_binary(op, IntRef::of(&a).unwrap(), IntRef::of(&b).unwrap())
    }

    fn text(r: PyResult<Value>) -> String {
        format!("{:?}", r.unwrap())
    }

    #[test]
    fn small_path_agrees_with_slow_path() {
        let samples = [
            0,
            1,
            -1,
            2,
            -2,
            3,
            -7,
            7,
            63,
            64,
            i64::MAX,
            i64::MIN,
            i64::MAX - 1,
            i64::MIN + 1,
        ];
        let ops = [
            BinOp::Add,
            BinOp::Sub,
            BinOp::Mul,
            BinOp::FloorDiv,
            BinOp::Mod,
            BinOp::BitAnd,
            BinOp::BitOr,
            BinOp::BitXor,
            BinOp::LShift,
            BinOp::RShift,
        ];
        for &x in &samples {
            for &y in &samples {
                for op in ops {
                    let fast = small_binary(op, x, y).unwrap();
                    let slow = int_binary(op, IntRef::Small(x), IntRef::Small(y));
                    match (fast, slow) {
                        (Ok(f), Ok(s)) => {
                            assert_eq!(format!("{f:?}"), format!("{s:?}"), "{x} {op:?} {y}")
                        }
                        (Err(_), Err(_)) => {}
                        (f, s) => panic!("{x} {op:?} {y}: {f:?} vs {s:?}"),
                    }
                }
            }
        }
    }

    #[test]
    fn results_match_python() {
        // Each row checked with python3.
        let table = [
            (
                "9223372036854775807",
                BinOp::Add,
                "1",
                "9223372036854775808",
            ),
            (
                "-4611686018427387904",
                BinOp::Sub,
                "4611686018427387905",
                "-9223372036854775809",
            ),
            (
                "-9223372036854775808",
                BinOp::FloorDiv,
                "-1",
                "9223372036854775808",
            ),
            ("-9223372036854775808", BinOp::Mod, "-1", "0"),
            ("7", BinOp::FloorDiv, "-2", "-4"),
            ("-7", BinOp::Mod, "3", "2"),
            ("7", BinOp::Mod, "-3", "-2"),
            (
                "18446744073709551616",
                BinOp::FloorDiv,
                "-3",
                "-6148914691236517206",
            ),
            ("-18446744073709551616", BinOp::Mod, "3", "2"),
            ("18446744073709551616", BinOp::Mod, "-3", "-2"),
            ("-3", BinOp::RShift, "1", "-2"),
            ("-3", BinOp::LShift, "65", "-110680464442257309696"),
            ("1267650600228229401496703205376", BinOp::RShift, "99", "2"),
            (
                "-1267650600228229401496703205376",
                BinOp::RShift,
                "200",
                "-1",
            ),
            (
                "18446744073709551615",
                BinOp::BitAnd,
                "-1",
                "18446744073709551615",
            ),
            (
                "-18446744073709551616",
                BinOp::BitOr,
                "1",
                "-18446744073709551615",
            ),
            (
                "-18446744073709551616",
                BinOp::BitXor,
                "-1",
                "18446744073709551615",
            ),
            (
                "-1267650600228229401496703205376",
                BinOp::BitAnd,
                "1267650600228229401496703205376",
                "1267650600228229401496703205376",
            ),
            ("1", BinOp::RShift, "100000000000000000000", "0"),
            ("-1", BinOp::RShift, "100000000000000000000", "-1"),
            ("0", BinOp::LShift, "100000000000000000000", "0"),
        ];
        for (a, op, b, want) in table {
            assert_eq!(text(calc(a, op, b)), want, "{a} {op:?} {b}");
        }
    }

    #[test]
    fn errors_match_python() {
        let cases = [
            (
                "1",
                BinOp::FloorDiv,
                "0",
                "ZeroDivisionError",
                "integer division or modulo by zero",
            ),
            (
                "1",
                BinOp::Mod,
                "0",
                "ZeroDivisionError",
                "integer modulo by zero",
            ),
            (
                "1",
                BinOp::Div,
                "0",
                "ZeroDivisionError",
                "division by zero",
            ),
            (
                "1",
                BinOp::LShift,
                "-1",
                "ValueError",
                "negative shift count",
            ),
            (
                "1",
                BinOp::RShift,
                "-1",
                "ValueError",
                "negative shift count",
            ),
            (
                "1",
                BinOp::LShift,
                "100000000000000000000",
                "OverflowError",
                "too many digits in integer",
            ),
            ("1", BinOp::LShift, "4611686018427387904", "MemoryError", ""),
        ];
        for (a, op, b, kind, msg) in cases {
            assert_eq!(
                error_of(calc(a, op, b)),
                (kind.to_string(), msg.to_string()),
                "{a} {op:?} {b}"
            );
            if let (Ok(x), Ok(y)) = (a.parse::<i64>(), b.parse::<i64>()) {
                assert!(small_binary(op, x, y).unwrap().is_err());
            }
        }
    }

    #[test]
    fn huge_products_raise_memory_error() {
        let big = BigInt::from(1) << 200_000_000usize;
        let a = Value::from_bigint(big);
        let r = int_binary(BinOp::Mul, IntRef::of(&a).unwrap(), IntRef::of(&a).unwrap());
        assert_eq!(error_of(r).0, "MemoryError");
    }

    #[test]
    fn unary_helpers() {
        assert_eq!(
            format!("{:?}", int_neg(IntRef::Small(i64::MIN))),
            "9223372036854775808"
        );
        assert_eq!(
            format!("{:?}", int_abs(IntRef::Small(i64::MIN))),
            "9223372036854775808"
        );
        assert_eq!(format!("{:?}", int_invert(IntRef::Small(-1))), "0");
        let b = BigInt::from(1) << 64usize;
        assert_eq!(
            format!("{:?}", int_invert(IntRef::Big(&b))),
            "-18446744073709551617"
        );
        assert_eq!(int_bit_count(IntRef::Small(-255)), 8);
        let m = (BigInt::from(1) << 100usize) - 1;
        assert_eq!(int_bit_count(IntRef::Big(&m)), 100);
    }

    #[test]
    fn divmod_rounds_toward_negative_infinity() {
        let (q, r) = int_divmod(IntRef::Small(7), IntRef::Small(-2)).unwrap();
        assert_eq!(format!("{q:?} {r:?}"), "-4 -1");
        let (q, r) = int_divmod(IntRef::Small(i64::MIN), IntRef::Small(-1)).unwrap();
        assert_eq!(format!("{q:?} {r:?}"), "9223372036854775808 0");
    }
}
