//! Operators on built-in non-numeric values: `+`, `*`, `%` on strings, lists and tuples;
//! set algebra; `dict | dict`; ordering and equality of containers.
//!
//! Owns: those operators' results and CPython's messages (`can only concatenate str (not
//! "int") to str`, `can't multiply sequence by non-int of type 'str'`).
//! Must not touch: numbers (`runtime/num`), user dunder dispatch (`interp/operators.rs`).

use crate::interp::operators::unsupported;
use crate::interp::Interp;
use crate::runtime::exception::{type_error, Exc, ExcKind, PyResult};
use crate::runtime::num;
use crate::runtime::str::PyStr;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::value::Value;
use crate::syntax::ast::{BinOp, CmpOp};
use std::rc::Rc;

/// Repetition count for `seq * n`, with CPython's messages.
fn repeat_count(v: &Value) -> Option<PyResult<i64>> {
    match v {
        Value::Int(n) => Some(Ok((*n).max(0))),
        Value::Bool(b) => Some(Ok(*b as i64)),
        Value::BigInt(b) => Some(if b.sign() == num_bigint::Sign::Minus {
            Ok(0)
        } else {
            Err(Exc::new(
                ExcKind::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            ))
        }),
        _ => None,
    }
}

/// Refuses repetitions that would need absurd memory (CPython raises MemoryError).
fn checked_total(len: usize, n: i64) -> PyResult<usize> {
    let total = (len as u128) * (n as u128);
    if total > (1u128 << 36) {
        return Err(Exc::bare(ExcKind::MemoryError));
    }
    Ok(total as usize)
}

fn repeat<T: Clone>(items: &[T], n: i64) -> PyResult<Vec<T>> {
    let total = checked_total(items.len(), n)?;
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

fn sequence_name(v: &Value) -> Option<&'static str> {
    match v {
        Value::Str(_) => Some("str"),
        Value::List(_) => Some("list"),
        Value::Tuple(_) => Some("tuple"),
        _ => None,
    }
}

pub fn binary(interp: &mut Interp, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            let mut s = PyStr::with_capacity(x.as_str().len() + y.as_str().len());
            s.push_str(x.as_str());
            s.push_str(y.as_str());
            Ok(Value::Str(s))
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            let mut v = x.snapshot();
            v.extend(y.items.borrow().iter().cloned());
            Ok(Value::list(v))
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = x.as_slice().to_vec();
            v.extend_from_slice(y.as_slice());
            Ok(Value::tuple(v))
        }
        (BinOp::Add, x, y) if sequence_name(x).is_some() => type_error(format!(
            "can only concatenate {} (not \"{}\") to {}",
            sequence_name(x).unwrap_or("?"),
            y.type_name(),
            sequence_name(x).unwrap_or("?")
        )),
        (BinOp::Mul, _, _) if sequence_name(a).is_some() || sequence_name(b).is_some() => {
            let (seq, n) = if sequence_name(a).is_some() {
                (a, b)
            } else {
                (b, a)
            };
            let count = match repeat_count(n) {
                Some(c) => c?,
                None => {
                    return type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        n.type_name()
                    ))
                }
            };
            match seq {
                Value::Str(s) => {
                    let total = checked_total(s.as_str().len(), count)?;
                    let mut out = String::with_capacity(total);
                    for _ in 0..count {
                        out.push_str(s.as_str());
                    }
                    Ok(Value::string(out))
                }
                Value::List(l) => Ok(Value::list(repeat(&l.snapshot(), count)?)),
                Value::Tuple(t) => Ok(Value::tuple(repeat(t.as_slice(), count)?)),
                _ => Err(unsupported(op, a, b)),
            }
        }
        (BinOp::Mod, Value::Str(template), args) => {
            let text = num::printf_format(template.as_str(), args, &mut PrintfCall { interp })?;
            Ok(Value::string(text))
        }
        (
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            Value::Set(x),
            Value::Set(y),
        ) => {
            let result = match op {
                BinOp::BitOr => x.union(interp, y)?,
                BinOp::BitAnd => x.intersection(interp, y)?,
                BinOp::Sub => x.difference(interp, y)?,
                _ => x.symmetric_difference(interp, y)?,
            };
            Ok(Value::Set(Rc::new(result)))
        }
        (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::DictView(x), other)
            if x.kind == crate::runtime::dict::ViewKind::Keys =>
        {
            let left = Value::Set(Rc::new(super::constructors::set_from(interp, a, false)?));
            let right = Value::Set(Rc::new(super::constructors::set_from(
                interp, other, false,
            )?));
            binary(interp, op, &left, &right)
        }
        (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
            let d = Rc::new(x.copy());
            for (k, v) in y.items() {
                d.insert(interp, k, v)?;
            }
            Ok(Value::Dict(d))
        }
        _ => Err(unsupported(op, a, b)),
    }
}

/// `str % args`'s view of the interpreter.
struct PrintfCall<'a> {
    interp: &'a mut Interp,
}

impl num::PrintfHost for PrintfCall<'_> {
    fn convert(&mut self, v: &Value, conversion: char) -> PyResult<String> {
        match conversion {
            'r' => self.interp.repr(v),
            'a' => Ok(crate::runtime::text::escape_non_ascii(
                &self.interp.repr(v)?,
            )),
            _ => self.interp.str_of(v),
        }
    }

    fn get_item(&mut self, mapping: &Value, key: &str) -> PyResult<Value> {
        self.interp.get_item(mapping, &Value::str(key))
    }

    fn is_mapping(&mut self, args: &Value) -> bool {
        match args {
            Value::Dict(_) | Value::List(_) | Value::Range(_) => true,
            Value::Instance(inst) => inst.class.lookup(sym::GETITEM).is_some(),
            _ => false,
        }
    }

    fn to_int(&mut self, v: &Value, index_only: bool) -> Option<PyResult<Value>> {
        let Value::Instance(inst) = v else {
            return None;
        };
        let names: &[Symbol] = if index_only {
            &[sym::INDEX]
        } else {
            &[sym::INT, sym::INDEX]
        };
        let method = names.iter().find_map(|n| inst.class.lookup(*n))?;
        Some(self.interp.call(&method, std::slice::from_ref(v), &[]))
    }

    fn to_float(&mut self, v: &Value) -> Option<PyResult<f64>> {
        let Value::Instance(inst) = v else {
            return None;
        };
        let method = inst.class.lookup(sym::FLOAT)?;
        Some(
            match self.interp.call(&method, std::slice::from_ref(v), &[]) {
                Ok(Value::Float(f)) => Ok(f),
                Ok(other) => type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    inst.class.name,
                    other.type_name()
                )),
                Err(e) => Err(e),
            },
        )
    }
}

/// In-place operators on built-in values: lists, sets and dicts change in place; a
/// string held by one reference grows in place.
pub fn inplace(interp: &mut Interp, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    match (op, &a, &b) {
        (BinOp::Add, Value::List(l), _) => {
            let mut extra = Vec::new();
            interp.extend_from_iterable(&mut extra, &b).map_err(|e| {
                if e.is(ExcKind::TypeError) && !interp.is_iterable(&b) {
                    Exc::new(
                        ExcKind::TypeError,
                        format!("'{}' object is not iterable", b.type_name()),
                    )
                } else {
                    e
                }
            })?;
            l.items.borrow_mut().extend(extra);
            Ok(a)
        }
        (BinOp::Mul, Value::List(l), n) => {
            let count = match repeat_count(n) {
                Some(c) => c?,
                None => {
                    return type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        n.type_name()
                    ))
                }
            };
            let items = l.snapshot();
            *l.items.borrow_mut() = repeat(&items, count)?;
            Ok(a)
        }
        (
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            Value::Set(x),
            Value::Set(y),
        ) if !x.frozen => {
            match op {
                BinOp::BitOr => x.update(interp, y)?,
                BinOp::BitAnd => x.intersection_update(interp, y)?,
                BinOp::Sub => x.difference_update(interp, y)?,
                _ => x.symmetric_difference_update(interp, y)?,
            }
            Ok(a)
        }
        (BinOp::BitOr, Value::Dict(d), _) => {
            super::constructors::dict_update(interp, d, &b)?;
            Ok(a)
        }
        (BinOp::Add, Value::Str(_), Value::Str(tail)) => {
            let tail = tail.clone();
            let mut a = a;
            if let Value::Str(s) = &mut a {
                if s.is_unique() {
                    s.push_str(tail.as_str());
                    return Ok(a);
                }
            }
            binary(interp, op, &a, &b)
        }
        _ => interp.binary(op, &a, &b),
    }
}

/// Ordering and equality of built-in containers and strings. `None` when the operator
/// does not apply to these types (the caller decides identity or TypeError).
pub fn compare(interp: &mut Interp, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    Ok(Some(match (a, b) {
        (Value::Str(x), Value::Str(y)) => ord_result(op, x.as_str().cmp(y.as_str())),
        (Value::List(x), Value::List(y)) => {
            let (xs, ys) = (x.snapshot(), y.snapshot());
            return sequence_compare(interp, op, &xs, &ys).map(Some);
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            return sequence_compare(interp, op, x.as_slice(), y.as_slice()).map(Some)
        }
        (Value::Dict(x), Value::Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
            let equal = dict_equal(interp, x, y)?;
            if op == CmpOp::Eq {
                equal
            } else {
                !equal
            }
        }
        (Value::Set(x), Value::Set(y)) => {
            let (lx, ly) = (x.len(), y.len());
            let x_in_y = lx <= ly && x.is_subset(interp, y)?;
            let y_in_x = ly <= lx && y.is_subset(interp, x)?;
            match op {
                CmpOp::Eq => x_in_y && y_in_x,
                CmpOp::NotEq => !(x_in_y && y_in_x),
                CmpOp::LtE => x_in_y,
                CmpOp::Lt => x_in_y && lx < ly,
                CmpOp::GtE => y_in_x,
                CmpOp::Gt => y_in_x && ly < lx,
                _ => return Ok(None),
            }
        }
        (Value::Range(x), Value::Range(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
            let (nx, ny) = (x.len(), y.len());
            let equal =
                nx == ny && (nx == 0 || (x.start == y.start && (nx == 1 || x.step == y.step)));
            if op == CmpOp::Eq {
                equal
            } else {
                !equal
            }
        }
        (Value::DictView(x), Value::DictView(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
            let left = super::constructors::set_from(interp, a, false)?;
            let right = super::constructors::set_from(interp, b, false)?;
            let _ = (x, y);
            let equal = left.len() == right.len() && left.is_subset(interp, &right)?;
            if op == CmpOp::Eq {
                equal
            } else {
                !equal
            }
        }
        _ => return Ok(None),
    }))
}

fn ord_result(op: CmpOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Eq => ord == Equal,
        CmpOp::NotEq => ord != Equal,
        CmpOp::Lt => ord == Less,
        CmpOp::LtE => ord != Greater,
        CmpOp::Gt => ord == Greater,
        CmpOp::GtE => ord != Less,
        _ => false,
    }
}

/// Lexicographic comparison: the first unequal pair decides, else the lengths do.
fn sequence_compare(interp: &mut Interp, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
    for (x, y) in xs.iter().zip(ys) {
        if !interp.eq(x, y)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::NotEq => Ok(true),
                _ => {
                    let r = interp.compare(op, x, y)?;
                    interp.truthy(&r)
                }
            };
        }
    }
    Ok(ord_result(op, xs.len().cmp(&ys.len())))
}

fn dict_equal(
    interp: &mut Interp,
    x: &crate::runtime::dict::Dict,
    y: &crate::runtime::dict::Dict,
) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (k, v) in x.items() {
        match y.get(interp, &k)? {
            Some(w) => {
                if !interp.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}
