//! Operators: arithmetic, comparison, truth, membership, with Python's dispatch rules.
//!
//! Owns: what `a + b`, `a < b`, `a == b`, `not a`, `x in c`, `a += b` and unary operators
//! do for every kind of value: the small-int fast paths, built-in numbers (delegated to
//! `runtime/num`), built-in sequences and sets, and user dunder methods with the
//! reflected-operand rules; and CPython's TypeError messages when nothing applies.
//! Must not touch: hashing (`hashing.rs`), item access (`subscript.rs`).

use super::trace::Who;
use super::Interp;
use crate::lower::ir::UnaryOp;
use crate::runtime::class::Class;
use crate::runtime::exception::{type_error, Exc, ExcKind, PyResult};
use crate::runtime::num;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::types::class_of;
use crate::runtime::value::Value;
use crate::syntax::ast::{BinOp, CmpOp};
use std::rc::Rc;

/// `a op b` for two small ints when the result is a small int; `None` sends the caller
/// to the general path (overflow, negative operands of `//` and `%`, division, powers).
#[inline(always)]
pub fn int_fast(op: BinOp, a: i64, b: i64) -> Option<Value> {
    int_op(op, a, b).map(Value::Int)
}

/// `int_fast` on the numbers themselves (what an int-only expression tree folds with).
#[inline(always)]
pub fn int_op(op: BinOp, a: i64, b: i64) -> Option<i64> {
    Some(match op {
        BinOp::Add => a.checked_add(b)?,
        BinOp::Sub => a.checked_sub(b)?,
        BinOp::Mul => a.checked_mul(b)?,
        BinOp::Mod if a >= 0 && b > 0 => a % b,
        BinOp::FloorDiv if a >= 0 && b > 0 => a / b,
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        BinOp::RShift if b >= 0 => a >> b.min(63),
        _ => return None,
    })
}

/// `a op b` when both are ints (`int_fast`) or numbers with a float among them
/// (`float_fast`) and the result needs none of the general rules; `None` otherwise.
#[inline(always)]
pub fn number_fast(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_fast(op, *x, *y),
        _ => float_fast(op, a, b),
    }
}

/// `a op b` for two numbers at least one of which is a float, when the result is a
/// float with no error possible (`+ - *`, and `/` by a non-zero); `None` otherwise.
#[inline(always)]
pub fn float_fast(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    let (x, y) = match (a, b) {
        (Value::Float(x), Value::Float(y)) => (*x, *y),
        (Value::Float(x), Value::Int(y)) => (*x, *y as f64),
        (Value::Int(x), Value::Float(y)) => (*x as f64, *y),
        _ => return None,
    };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div if y != 0.0 => x / y,
        _ => return None,
    };
    Some(Value::Float(r))
}

#[inline(always)]
pub fn int_compare(op: CmpOp, a: i64, b: i64) -> Option<bool> {
    Some(match op {
        CmpOp::Eq => a == b,
        CmpOp::NotEq => a != b,
        CmpOp::Lt => a < b,
        CmpOp::LtE => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::GtE => a >= b,
        _ => return None,
    })
}

/// The dunder names of a binary operator: (normal, reflected, in-place).
fn dunders(op: BinOp) -> (Symbol, Symbol, Symbol) {
    match op {
        BinOp::Add => (sym::ADD, sym::RADD, sym::IADD),
        BinOp::Sub => (sym::SUB, sym::RSUB, sym::ISUB),
        BinOp::Mul => (sym::MUL, sym::RMUL, sym::IMUL),
        BinOp::MatMul => (sym::MATMUL, sym::RMATMUL, sym::IMATMUL),
        BinOp::Div => (sym::TRUEDIV, sym::RTRUEDIV, sym::ITRUEDIV),
        BinOp::FloorDiv => (sym::FLOORDIV, sym::RFLOORDIV, sym::IFLOORDIV),
        BinOp::Mod => (sym::MOD, sym::RMOD, sym::IMOD),
        BinOp::Pow => (sym::POW, sym::RPOW, sym::IPOW),
        BinOp::LShift => (sym::LSHIFT, sym::RLSHIFT, sym::ILSHIFT),
        BinOp::RShift => (sym::RSHIFT, sym::RRSHIFT, sym::IRSHIFT),
        BinOp::BitOr => (sym::OR, sym::ROR, sym::IOR),
        BinOp::BitXor => (sym::XOR, sym::RXOR, sym::IXOR),
        BinOp::BitAnd => (sym::AND, sym::RAND, sym::IAND),
    }
}

fn is_user_object(v: &Value) -> bool {
    matches!(v, Value::Instance(_))
}

impl Interp {
    /// `a op b`.
    pub fn binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = num::binary(op, a, b) {
            return r;
        }
        if is_user_object(a) || is_user_object(b) {
            let (name, rname, _) = dunders(op);
            if let Some(r) = self.dispatch_binary(a, b, name, rname)? {
                return Ok(r);
            }
            return Err(unsupported(op, a, b));
        }
        crate::runtime::builtins::sequence_ops::binary(self, op, a, b)
    }

    /// Python's binary dispatch: `a.__op__(b)`, then `b.__rop__(a)`; the reflected method
    /// goes first when `type(b)` is a proper subclass of `type(a)` that overrides it.
    /// `None` when both returned NotImplemented (or neither exists).
    fn dispatch_binary(
        &mut self,
        a: &Value,
        b: &Value,
        name: Symbol,
        rname: Symbol,
    ) -> PyResult<Option<Value>> {
        let ta = class_of(a);
        let tb = class_of(b);
        let same = Rc::ptr_eq(&ta, &tb);
        let forward = ta.lookup(name);
        let reflected = if same { None } else { tb.lookup(rname) };
        let reflected_first = reflected.is_some() && tb.is_subclass_of(&ta) && !same;
        if reflected_first {
            if let Some(m) = &reflected {
                let r = self.call(m, &[b.clone(), a.clone()], &[])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        if let Some(m) = forward {
            let r = self.call(&m, &[a.clone(), b.clone()], &[])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        if !reflected_first {
            if let Some(m) = reflected {
                let r = self.call(&m, &[b.clone(), a.clone()], &[])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    /// `a op= b`: the in-place method when there is one (lists, sets, dicts and user
    /// `__iadd__`…), else `a op b`.
    pub fn inplace(&mut self, op: BinOp, mut a: Value, b: Value) -> PyResult<Value> {
        // `total += x` on a big int held only by the target grows it where it is.
        if num::accumulate_in_place(op, &mut a, &b) {
            return Ok(a);
        }
        if let Value::Instance(inst) = &a {
            let (name, rname, iname) = dunders(op);
            if let Some(m) = inst.class.lookup(iname) {
                let r = self.call(&m, &[a.clone(), b.clone()], &[])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            if let Some(r) = self.dispatch_binary(&a, &b, name, rname)? {
                return Ok(r);
            }
            return Err(unsupported_inplace(op, &a, &b));
        }
        if is_user_object(&b) {
            return self.binary(op, &a, &b);
        }
        crate::runtime::builtins::sequence_ops::inplace(self, op, a, b)
    }

    pub fn unary(&mut self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(v)?));
        }
        if let Some(r) = num::unary(op, v) {
            return r;
        }
        let (name, symbol) = match op {
            UnaryOp::Neg => (sym::NEG, "-"),
            UnaryOp::Pos => (sym::POS, "+"),
            UnaryOp::Invert => (sym::INVERT, "~"),
            UnaryOp::Not => unreachable!("handled above"),
        };
        if let Value::Instance(inst) = v {
            if let Some(m) = inst.class.lookup(name) {
                return self.call(&m, std::slice::from_ref(v), &[]);
            }
        }
        type_error(format!(
            "bad operand type for unary {symbol}: '{}'",
            v.type_name()
        ))
    }

    /// Python's truth value of `v`.
    #[inline]
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            Value::Int(i) => Ok(*i != 0),
            Value::None => Ok(false),
            _ => self.truthy_slow(v),
        }
    }

    fn truthy_slow(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Float(f) => *f != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => s.char_len() > 0,
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::DictView(view) => !view.dict.is_empty(),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup(sym::BOOL) {
                    return match self.call(&m, std::slice::from_ref(v), &[])? {
                        Value::Bool(b) => Ok(b),
                        other => type_error(format!(
                            "__bool__ should return bool, returned {}",
                            other.type_name()
                        )),
                    };
                }
                if inst.class.lookup(sym::LEN).is_some() {
                    return Ok(self.len(v)? > 0);
                }
                true
            }
            _ => true,
        })
    }

    /// `a op b` for a comparison operator; the result of a rich comparison may be any value.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => Ok(Value::Bool(!a.is(b))),
            CmpOp::In => Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => Ok(Value::Bool(!self.contains(b, a)?)),
            _ => self.rich_compare(op, a, b),
        }
    }

    fn rich_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = num::compare(op, a, b) {
            return Ok(Value::Bool(r));
        }
        if !is_user_object(a) && !is_user_object(b) {
            if let Some(r) = crate::runtime::builtins::sequence_ops::compare(self, op, a, b)? {
                return Ok(Value::Bool(r));
            }
        } else {
            let (name, rname) = compare_dunders(op);
            if let Some(r) = self.dispatch_binary(a, b, name, rname)? {
                return Ok(r);
            }
            if op == CmpOp::NotEq {
                // object.__ne__ inverts __eq__ when that gives an answer.
                if let Some(r) = self.dispatch_binary(a, b, sym::EQ, sym::EQ)? {
                    let t = self.truthy(&r)?;
                    return Ok(Value::Bool(!t));
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => Ok(Value::Bool(!a.is(b))),
            _ => type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            )),
        }
    }

    /// `a == b` as a Rust bool, with the identity shortcut containers use.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) && !matches!(a, Value::Float(_)) {
            return Ok(true);
        }
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x == y),
            (Value::Str(x), Value::Str(y)) => Ok(x.as_str() == y.as_str()),
            _ => {
                let r = self.rich_compare(CmpOp::Eq, a, b)?;
                self.truthy(&r)
            }
        }
    }

    /// `a < b` as a Rust bool (sorting, min, max).
    pub fn less_than(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = self.rich_compare(CmpOp::Lt, a, b)?;
        self.truthy(&r)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(needle) => Ok(s.as_str().contains(needle.as_str())),
                other => type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    other.type_name()
                )),
            },
            Value::List(l) => {
                let mut i = 0;
                while let Some(x) = l.get(i) {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for x in t.as_slice() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => d.contains(self, item),
            Value::Set(s) => s.contains(self, item),
            Value::Range(r) => match item {
                Value::Int(i) => Ok(r.contains(*i)),
                Value::Bool(b) => Ok(r.contains(*b as i64)),
                _ => self.contains_by_iteration(container, item),
            },
            Value::DictView(view) => {
                crate::runtime::builtins::dict_methods::view_contains(self, view, item)
            }
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup(sym::CONTAINS) {
                    let r = self.call(&m, &[container.clone(), item.clone()], &[])?;
                    return self.truthy(&r);
                }
                self.contains_by_iteration(container, item)
            }
            _ => self.contains_by_iteration(container, item),
        }
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if !self.is_iterable(container) {
            return type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ));
        }
        self.driven_by(Who::In, |i| {
            let it = i.iter(container)?;
            while let Some(x) = i.next(&it)? {
                if i.eq(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) => s.len(),
            Value::DictView(view) => view.dict.len(),
            Value::Range(r) => {
                let n = r.len();
                if n > i64::MAX as u64 {
                    return Err(Exc::new(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C ssize_t",
                    ));
                }
                n as usize
            }
            Value::Instance(inst) => match inst.class.lookup(sym::LEN) {
                Some(m) => {
                    let r = self.call(&m, std::slice::from_ref(v), &[])?;
                    return match r {
                        Value::Int(n) if n >= 0 => Ok(n as usize),
                        Value::Bool(b) => Ok(b as usize),
                        Value::Int(_) => Err(Exc::new(
                            ExcKind::ValueError,
                            "__len__() should return >= 0",
                        )),
                        other => type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        )),
                    };
                }
                None => return no_len(v),
            },
            _ => return no_len(v),
        })
    }
}

fn no_len<T>(v: &Value) -> PyResult<T> {
    type_error(format!("object of type '{}' has no len()", v.type_name()))
}

fn compare_dunders(op: CmpOp) -> (Symbol, Symbol) {
    match op {
        CmpOp::Eq => (sym::EQ, sym::EQ),
        CmpOp::NotEq => (sym::NE, sym::NE),
        CmpOp::Lt => (sym::LT, sym::GT),
        CmpOp::LtE => (sym::LE, sym::GE),
        CmpOp::Gt => (sym::GT, sym::LT),
        CmpOp::GtE => (sym::GE, sym::LE),
        _ => (sym::EQ, sym::EQ),
    }
}

pub fn unsupported(op: BinOp, a: &Value, b: &Value) -> Exc {
    Exc::new(
        ExcKind::TypeError,
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ),
    )
}

fn unsupported_inplace(op: BinOp, a: &Value, b: &Value) -> Exc {
    Exc::new(
        ExcKind::TypeError,
        format!(
            "unsupported operand type(s) for {}=: '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ),
    )
}

/// Whether `class` defines `name` itself or inherits it from a user class (not `object`).
pub fn has_user_method(class: &Class, name: Symbol) -> bool {
    class.lookup(name).is_some()
}
