//! Non-method attributes of built-in values: `f.__name__`, `range.start`, `(5).real`,
//! `g.gi_running`, `m.__self__` …
//!
//! Owns: the read-only data attributes of built-in objects.
//! Must not touch: method look-up (class attribute tables), user attributes.

use crate::interp::generator::GenState;
use crate::interp::Interp;
use crate::runtime::exception::PyResult;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::types::class_of;
use crate::runtime::value::Value;

pub fn get(_: &mut Interp, obj: &Value, name: Symbol) -> PyResult<Option<Value>> {
    if name == sym::CLASS {
        return Ok(Some(Value::Class(class_of(obj))));
    }
    if name == sym::DOC {
        return Ok(Some(Value::None));
    }
    let n = name.as_str();
    Ok(match obj {
        Value::Function(f) => match n {
            "__name__" => Some(Value::str(f.code.name.as_str())),
            "__qualname__" => Some(Value::str(&f.code.qualname)),
            "__module__" => Some(Value::str("__main__")),
            "__defaults__" => Some(if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.to_vec())
            }),
            _ => None,
        },
        Value::Native(nf) => match n {
            "__name__" | "__qualname__" => Some(Value::str(nf.name)),
            _ => None,
        },
        Value::BoundMethod(m) => match n {
            "__self__" => Some(m.receiver.clone()),
            "__func__" => Some(m.func.clone()),
            "__name__" => Some(match &m.func {
                Value::Function(f) => Value::str(f.code.name.as_str()),
                Value::Native(nf) => Value::str(nf.short_name()),
                _ => Value::None,
            }),
            _ => None,
        },
        Value::Generator(g) => match n {
            "__name__" => Some(Value::str(g.code.name.as_str())),
            "__qualname__" => Some(Value::str(&g.code.qualname)),
            "gi_running" => Some(Value::Bool(g.state() == GenState::Running)),
            "gi_suspended" => Some(Value::Bool(g.state() == GenState::Suspended)),
            _ => None,
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match n {
            "real" | "numerator" => Some(match obj {
                Value::Bool(b) => Value::Int(*b as i64),
                other => other.clone(),
            }),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        Value::Float(f) => match n {
            "real" => Some(Value::Float(*f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        },
        Value::Range(r) => match n {
            "start" => Some(Value::Int(r.start)),
            "stop" => Some(Value::Int(r.stop)),
            "step" => Some(Value::Int(r.step)),
            _ => None,
        },
        Value::Slice(s) => match n {
            "start" => Some(s.start.clone()),
            "stop" => Some(s.stop.clone()),
            "step" => Some(s.step.clone()),
            _ => None,
        },
        _ => None,
    })
}
