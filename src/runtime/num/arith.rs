//! Operator dispatch for numbers: `binary`, `unary`, `divmod`, `abs`.
//!
//! Owns: choosing the int or float implementation for a pair of operands (an int meeting
//! a float becomes a float first, as CPython converts it), `bool & | ^ bool` giving a
//! bool, and the i64 fast path, which is the first thing `binary` tries.
//! Must not touch: the operations themselves (see `int_ops.rs`, `int_pow.rs`,
//! `float_ops.rs`) or non-number operands (callers get `None` and try dunder methods).

use super::convert::int_to_f64;
use super::float_ops::{float_binary, float_divmod, float_has_op};
use super::int_ops::{int_abs, int_binary, int_divmod, int_invert, int_neg, small_binary};
use super::operand::{IntRef, Num};
use crate::lower::ir::UnaryOp;
use crate::runtime::exception::PyResult;
use crate::runtime::value::Value;
use crate::syntax::ast::BinOp;

/// `a op b` when both operands are bools, ints or floats. `None` when an operand is not
/// a number, or the operator does not apply to these numbers (`@`, or a bitwise operator
/// with a float): the caller then tries `__op__`/`__rop__` and raises the TypeError.
#[inline]
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => small_binary(op, *x, *y),
        (Value::Float(x), Value::Float(y)) => float_binary(op, *x, *y),
        _ => mixed_binary(op, a, b),
    }
}

/// Every combination but int-int and float-float.
#[inline(never)]
fn mixed_binary(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let (x, y) = (Num::of(a)?, Num::of(b)?);
    if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
        match op {
            BinOp::BitAnd => return Some(Ok(Value::Bool(p & q))),
            BinOp::BitOr => return Some(Ok(Value::Bool(p | q))),
            BinOp::BitXor => return Some(Ok(Value::Bool(p ^ q))),
            _ => {}
        }
    }
    match (x.int(), y.int()) {
        (Some(IntRef::Small(i)), Some(IntRef::Small(j))) => small_binary(op, i, j),
        (Some(i), Some(j)) => (op != BinOp::MatMul).then(|| int_binary(op, i, j)),
        _ => {
            // At least one float: ops floats lack are not ours, before any conversion
            // (`1.5 & 10**400` is a TypeError, not an OverflowError).
            if !float_has_op(op) {
                return None;
            }
            let xf = match to_float(x) {
                Ok(f) => f,
                Err(e) => return Some(Err(e)),
            };
            let yf = match to_float(y) {
                Ok(f) => f,
                Err(e) => return Some(Err(e)),
            };
            float_binary(op, xf, yf)
        }
    }
}

fn to_float(n: Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(i as f64),
        Num::Big(b) => int_to_f64(IntRef::Big(b)),
        Num::Float(f) => Ok(f),
    }
}

/// `-a`, `+a`, `~a` for numbers. `None` for `not` (truthiness is the interpreter's),
/// `~` on a float, and non-numbers.
#[inline]
pub fn unary(op: UnaryOp, a: &Value) -> Option<PyResult<Value>> {
    let n = Num::of(a)?;
    Some(Ok(match (op, n) {
        (UnaryOp::Neg, Num::Float(f)) => Value::Float(-f),
        (UnaryOp::Pos, Num::Float(f)) => Value::Float(f),
        (UnaryOp::Invert, Num::Float(_)) | (UnaryOp::Not, _) => return None,
        (UnaryOp::Neg, n) => int_neg(n.int()?),
        (UnaryOp::Pos, n) => n.int()?.to_value(),
        (UnaryOp::Invert, n) => int_invert(n.int()?),
    }))
}

/// `abs(a)` for numbers; `None` for anything else.
pub fn abs(a: &Value) -> Option<Value> {
    Some(match Num::of(a)? {
        Num::Float(f) => Value::Float(f.abs()),
        n => int_abs(n.int()?),
    })
}

/// `divmod(a, b)` as a tuple, for numbers; `None` when an operand is not one.
pub fn divmod(a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let (x, y) = (Num::of(a)?, Num::of(b)?);
    let pair = match (x.int(), y.int()) {
        (Some(i), Some(j)) => int_divmod(i, j),
        _ => (|| {
            let (q, r) = float_divmod(to_float(x)?, to_float(y)?)?;
            Ok((Value::Float(q), Value::Float(r)))
        })(),
    };
    Some(pair.map(|(q, r)| Value::tuple(vec![q, r])))
}

#[cfg(test)]
mod tests {
    use super::super::errors::testing::error_of;
    use super::*;
    use num_bigint::BigInt;
    use num_traits::Pow;

    fn show(r: Option<PyResult<Value>>) -> String {
        match r {
            None => "None".into(),
            Some(Ok(v)) => format!("{v:?}"),
            Some(Err(e)) => format!("{:?}", super::super::errors::testing::describe(&e)),
        }
    }

    /// A result as Python's repr writes it.
    fn python_repr(v: &Value) -> String {
        match v {
            Value::Float(f) => crate::runtime::num::float_repr(*f),
            Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Value::Tuple(t) => {
                let items: Vec<String> = t.as_slice().iter().map(python_repr).collect();
                format!("({})", items.join(", "))
            }
            other => format!("{other:?}"),
        }
    }

    fn op_named(name: &str) -> Option<BinOp> {
        Some(match name {
            "+" => BinOp::Add,
            "-" => BinOp::Sub,
            "*" => BinOp::Mul,
            "/" => BinOp::Div,
            "//" => BinOp::FloorDiv,
            "%" => BinOp::Mod,
            "**" => BinOp::Pow,
            "<<" => BinOp::LShift,
            ">>" => BinOp::RShift,
            "&" => BinOp::BitAnd,
            "|" => BinOp::BitOr,
            "^" => BinOp::BitXor,
            _ => return None,
        })
    }

    #[test]
    fn every_operator_on_boundary_operands_matches_python() {
        use crate::runtime::num::testdata::{check_all, error_text, number};
        use crate::syntax::ast::CmpOp;
        check_all(include_str!("testdata/arithmetic.txt"), |row| {
            let (a, b) = (number(row[0]), number(row[2]));
            let result = match row[1] {
                "divmod" => divmod(&a, &b),
                "==" => crate::runtime::num::compare(CmpOp::Eq, &a, &b).map(|r| Ok(Value::Bool(r))),
                "<" => crate::runtime::num::compare(CmpOp::Lt, &a, &b).map(|r| Ok(Value::Bool(r))),
                name => binary(op_named(name)?, &a, &b),
            };
            let got = match result {
                // Not ours: the interpreter raises CPython's TypeError.
                None => "!TypeError".to_string(),
                Some(Ok(v)) => python_repr(&v),
                Some(Err(e)) => error_text(&e),
            };
            let want = row[3];
            let matches = got == want
                || (got == "!TypeError" && want.starts_with("!TypeError: unsupported operand"))
                // CPython returns a complex number; iterp has none and raises ValueError.
                || (want.ends_with("j)") && got.starts_with("!ValueError: iterp has no complex"));
            (!matches).then(|| format!("{} {} {} = {got}, want {want}", row[0], row[1], row[2]))
        });
    }

    #[test]
    fn mixed_operands_match_python() {
        let big = Value::from_bigint(BigInt::from(10).pow(400u32));
        let cases: Vec<(Value, BinOp, Value, &str)> = vec![
            (Value::Bool(true), BinOp::BitAnd, Value::Bool(true), "True"),
            (Value::Bool(true), BinOp::BitOr, Value::Bool(false), "True"),
            (Value::Bool(true), BinOp::BitXor, Value::Bool(true), "False"),
            (Value::Bool(true), BinOp::Add, Value::Bool(true), "2"),
            (Value::Bool(true), BinOp::Div, Value::Bool(true), "1.0"),
            (Value::Bool(true), BinOp::LShift, Value::Bool(true), "2"),
            (Value::Bool(true), BinOp::BitAnd, Value::Int(3), "1"),
            (Value::Int(1), BinOp::Add, Value::Float(0.5), "1.5"),
            (Value::Int(7), BinOp::FloorDiv, Value::Float(2.0), "3.0"),
            (
                Value::Int(1),
                BinOp::FloorDiv,
                Value::Float(0.0),
                "(\"ZeroDivisionError\", \"float floor division by zero\")",
            ),
            (
                Value::Float(1.0),
                BinOp::Mod,
                Value::Int(0),
                "(\"ZeroDivisionError\", \"float modulo\")",
            ),
            (
                Value::Float(1.5),
                BinOp::Add,
                big.clone(),
                "(\"OverflowError\", \"int too large to convert to float\")",
            ),
            (Value::Float(1.5), BinOp::BitAnd, big.clone(), "None"),
            (Value::Int(1), BinOp::MatMul, Value::Int(2), "None"),
            (
                Value::Int(2),
                BinOp::Pow,
                Value::Float(0.5),
                "1.4142135623730951",
            ),
            (Value::Int(2), BinOp::Pow, Value::Int(-2), "0.25"),
            (
                Value::Int(i64::MAX),
                BinOp::Add,
                Value::Int(1),
                "9223372036854775808",
            ),
            (
                Value::Str(crate::runtime::str::PyStr::new("x")),
                BinOp::Add,
                Value::Int(1),
                "None",
            ),
        ];
        for (a, op, b, want) in cases {
            assert_eq!(show(binary(op, &a, &b)), want, "{a:?} {op:?} {b:?}");
        }
    }

    #[test]
    fn unary_operators_match_python() {
        assert_eq!(show(unary(UnaryOp::Invert, &Value::Bool(true))), "-2");
        assert_eq!(show(unary(UnaryOp::Neg, &Value::Bool(true))), "-1");
        assert_eq!(show(unary(UnaryOp::Pos, &Value::Bool(true))), "1");
        assert_eq!(
            show(unary(UnaryOp::Neg, &Value::Int(i64::MIN))),
            "9223372036854775808"
        );
        assert_eq!(show(unary(UnaryOp::Neg, &Value::Float(0.0))), "-0.0");
        assert_eq!(show(unary(UnaryOp::Invert, &Value::Float(1.0))), "None");
        assert_eq!(show(unary(UnaryOp::Not, &Value::Int(1))), "None");
        assert_eq!(
            format!("{:?}", abs(&Value::Int(i64::MIN)).unwrap()),
            "9223372036854775808"
        );
        assert_eq!(format!("{:?}", abs(&Value::Float(-0.0)).unwrap()), "0.0");
    }

    #[test]
    fn divmod_matches_python() {
        assert_eq!(
            show(divmod(&Value::Int(-7), &Value::Int(2))),
            "<tuple object>"
        );
        let t = divmod(&Value::Float(7.5), &Value::Int(-2))
            .unwrap()
            .unwrap();
        let Value::Tuple(t) = t else { panic!() };
        assert_eq!(format!("{:?}", t.as_slice()), "[-4.0, -0.5]");
        assert_eq!(
            error_of(divmod(&Value::Int(1), &Value::Int(0)).unwrap()).1,
            "integer division or modulo by zero"
        );
        assert_eq!(
            error_of(divmod(&Value::Int(1), &Value::Float(0.0)).unwrap()).1,
            "float divmod()"
        );
    }
}
