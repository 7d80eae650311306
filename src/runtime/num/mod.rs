//! SCAFFOLD (replaced by the numeric branch): minimal i64/f64 numerics so the interpreter
//! compiles while the real module is written.
use crate::lower::ir::UnaryOp;
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::value::Value;
use crate::syntax::ast::{BinOp, CmpOp};

fn f(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(x) => Some(*x),
        _ => None,
    }
}
fn i(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if let (Some(x), Some(y)) = (i(a), i(b)) {
        return Some(match op {
            BinOp::Add => Ok(Value::Int(x.wrapping_add(y))),
            BinOp::Sub => Ok(Value::Int(x.wrapping_sub(y))),
            BinOp::Mul => Ok(Value::Int(x.wrapping_mul(y))),
            BinOp::Div => {
                if y == 0 {
                    Err(Exc::new(ExcKind::ZeroDivisionError, "division by zero"))
                } else {
                    Ok(Value::Float(x as f64 / y as f64))
                }
            }
            BinOp::FloorDiv => {
                if y == 0 {
                    Err(Exc::new(
                        ExcKind::ZeroDivisionError,
                        "integer division or modulo by zero",
                    ))
                } else {
                    Ok(Value::Int(
                        x.div_euclid(y) - if y < 0 && x.rem_euclid(y) != 0 { 1 } else { 0 },
                    ))
                }
            }
            BinOp::Mod => {
                if y == 0 {
                    Err(Exc::new(
                        ExcKind::ZeroDivisionError,
                        "integer division or modulo by zero",
                    ))
                } else {
                    let r = x % y;
                    Ok(Value::Int(if r != 0 && (r < 0) != (y < 0) {
                        r + y
                    } else {
                        r
                    }))
                }
            }
            BinOp::Pow => Ok(if y >= 0 {
                Value::Int(x.wrapping_pow(y as u32))
            } else {
                Value::Float((x as f64).powf(y as f64))
            }),
            BinOp::BitAnd => Ok(Value::Int(x & y)),
            BinOp::BitOr => Ok(Value::Int(x | y)),
            BinOp::BitXor => Ok(Value::Int(x ^ y)),
            BinOp::LShift => Ok(Value::Int(x << y)),
            BinOp::RShift => Ok(Value::Int(x >> y)),
            BinOp::MatMul => return None,
        });
    }
    let (x, y) = (f(a)?, f(b)?);
    Some(Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Some(Err(Exc::new(
                    ExcKind::ZeroDivisionError,
                    "float division by zero",
                )));
            }
            x / y
        }
        BinOp::Pow => x.powf(y),
        _ => return None,
    })))
}
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    let (x, y) = (f(a)?, f(b)?);
    Some(match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        _ => return None,
    })
}
pub fn unary(op: UnaryOp, a: &Value) -> Option<PyResult<Value>> {
    if let Some(x) = i(a) {
        return Some(Ok(Value::Int(match op {
            UnaryOp::Neg => -x,
            UnaryOp::Pos => x,
            UnaryOp::Invert => !x,
            UnaryOp::Not => return None,
        })));
    }
    let x = f(a)?;
    Some(Ok(Value::Float(match op {
        UnaryOp::Neg => -x,
        UnaryOp::Pos => x,
        _ => return None,
    })))
}
pub fn hash_number(v: &Value) -> Option<i64> {
    i(v).or_else(|| f(v).map(|x| x as i64))
}
pub fn hash_str(s: &str) -> i64 {
    let mut h: i64 = 1469598103934665603;
    for b in s.bytes() {
        h = (h ^ b as i64).wrapping_mul(1099511628211);
    }
    if h == -1 {
        -2
    } else {
        h
    }
}
pub fn hash_tuple(items: &[i64]) -> i64 {
    let mut h: i64 = 0x345678;
    for x in items {
        h = (h ^ x).wrapping_mul(1000003);
    }
    if h == -1 {
        -2
    } else {
        h
    }
}
pub fn float_repr(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e16 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}
pub fn int_to_decimal(v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::BigInt(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        _ => String::new(),
    })
}
pub fn int_to_radix(v: &Value, base: u32) -> String {
    let x = i(v).unwrap_or(0);
    match base {
        2 => format!("{x:#b}"),
        8 => format!("{x:#o}"),
        _ => format!("{x:#x}"),
    }
}
pub fn parse_int(s: &str, _base: u32) -> PyResult<Value> {
    s.trim().parse::<i64>().map(Value::Int).map_err(|_| {
        Exc::new(
            ExcKind::ValueError,
            format!("invalid literal for int() with base 10: '{s}'"),
        )
    })
}
pub fn parse_float(s: &str) -> PyResult<f64> {
    s.trim().parse::<f64>().map_err(|_| {
        Exc::new(
            ExcKind::ValueError,
            format!("could not convert string to float: '{s}'"),
        )
    })
}
pub fn format_number(v: &Value, _spec: &str) -> PyResult<String> {
    Ok(match v {
        Value::Float(x) => float_repr(*x),
        other => int_to_decimal(other)?,
    })
}
pub fn format_str(s: &str, _spec: &str) -> PyResult<String> {
    Ok(s.to_string())
}
pub fn round(v: &Value, _n: Option<&Value>) -> PyResult<Value> {
    Ok(match v {
        Value::Float(x) => Value::Int(x.round() as i64),
        o => o.clone(),
    })
}
pub fn divmod(a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let q = binary(BinOp::FloorDiv, a, b)?;
    let r = binary(BinOp::Mod, a, b)?;
    Some(match (q, r) {
        (Ok(q), Ok(r)) => Ok(Value::tuple(vec![q, r])),
        (Err(e), _) | (_, Err(e)) => Err(e),
    })
}
pub fn pow_mod(a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    let _ = (a, b, m);
    Ok(Value::Int(0))
}
pub fn abs(v: &Value) -> Option<PyResult<Value>> {
    if let Some(x) = i(v) {
        return Some(Ok(Value::Int(x.abs())));
    }
    f(v).map(|x| Ok(Value::Float(x.abs())))
}
pub fn to_f64(v: &Value) -> PyResult<f64> {
    Ok(f(v).unwrap_or(0.0))
}
pub fn float_to_int(x: f64) -> PyResult<Value> {
    Ok(Value::Int(x as i64))
}
pub fn printf_format(
    t: &str,
    _args: &Value,
    _c: &mut dyn FnMut(&Value, char) -> PyResult<String>,
) -> PyResult<String> {
    Ok(t.to_string())
}
