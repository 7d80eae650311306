//! `repr()`, `str()` and `format()` of every kind of value.
//!
//! Owns: the textual forms Python prints (`[1, 2]`, `{'a': 1}`, `(1,)`, `range(0, 5)`,
//! `<__main__.P object at 0x…>`, `ValueError('x')`), user `__repr__`/`__str__`/`__format__`,
//! `[...]` for self-containing containers, and f-string field formatting.
//! Must not touch: number and string formatting rules themselves (`runtime/num`,
//! `runtime/text`).

use super::Interp;
use crate::lower::ir::Conversion;
use crate::runtime::class::Payload;
use crate::runtime::exception::{type_error, Exc, ExcKind, PyResult};
use crate::runtime::num;
use crate::runtime::str::PyStr;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::text;
use crate::runtime::types::class_of;
use crate::runtime::value::Value;
use std::fmt::Write;

impl Interp {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        let mut out = String::new();
        self.write_repr(&mut out, v)?;
        Ok(out)
    }

    /// `str(v)` as a string object: a str is returned itself, as CPython does.
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Str(_) => Ok(v.clone()),
            Value::Int(i) => Ok(Value::str(num::decimal_str(*i, &mut [0u8; 20]))),
            _ => Ok(Value::string(self.str_of(v)?)),
        }
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Int(i) => Ok(num::small_int_to_decimal(*i)),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup(sym::STR) {
                    if !matches!(m, Value::Native(_)) {
                        return self.call_text_method(&m, v, "__str__");
                    }
                }
                if let Some(data) = inst.exc_data() {
                    let args = data.args.borrow().clone();
                    let items = match &args {
                        Value::Tuple(t) => t.as_slice().to_vec(),
                        _ => vec![],
                    };
                    return match items.len() {
                        0 => Ok(String::new()),
                        1 if inst.class.is_subclass_of(
                            crate::runtime::types::types().exception(ExcKind::KeyError),
                        ) =>
                        {
                            self.repr(&items[0])
                        }
                        1 => self.str_of(&items[0]),
                        _ => self.repr(&args),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    fn call_text_method(&mut self, m: &Value, v: &Value, which: &str) -> PyResult<String> {
        match self.call(m, std::slice::from_ref(v), &[])? {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => type_error(format!(
                "{which} returned non-string (type {})",
                other.type_name()
            )),
        }
    }

    fn write_repr(&mut self, out: &mut String, v: &Value) -> PyResult<()> {
        match v {
            Value::Undef => out.push_str("<unbound>"),
            Value::None => out.push_str("None"),
            Value::NotImplemented => out.push_str("NotImplemented"),
            Value::Ellipsis => out.push_str("Ellipsis"),
            Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            Value::Int(i) => num::push_decimal(out, *i),
            Value::BigInt(b) => out.push_str(&num::int_to_decimal(num::IntRef::Big(b))?),
            Value::Float(f) => out.push_str(&num::float_repr(*f)),
            Value::Str(s) => out.push_str(&text::repr_str(s.as_str())),
            Value::List(l) => {
                let items = l.snapshot();
                self.write_seq(out, v, "[", "]", &items, false)?;
            }
            Value::Tuple(t) => {
                let items = t.as_slice().to_vec();
                self.write_seq(out, v, "(", ")", &items, items.len() == 1)?;
            }
            Value::Set(s) => {
                let items = s.elements();
                if items.is_empty() {
                    out.push_str(if s.frozen { "frozenset()" } else { "set()" });
                } else if s.frozen {
                    out.push_str("frozenset(");
                    self.write_seq(out, v, "{", "}", &items, false)?;
                    out.push(')');
                } else {
                    self.write_seq(out, v, "{", "}", &items, false)?;
                }
            }
            Value::Dict(d) => {
                let id = v.identity();
                if self.repr_active.contains(&id) {
                    out.push_str("{...}");
                    return Ok(());
                }
                self.enter_repr(id)?;
                out.push('{');
                let mut first = true;
                let result = (|| {
                    for (k, val) in d.items() {
                        if !first {
                            out.push_str(", ");
                        }
                        first = false;
                        self.write_repr(out, &k)?;
                        out.push_str(": ");
                        self.write_repr(out, &val)?;
                    }
                    Ok(())
                })();
                self.leave_repr();
                result?;
                out.push('}');
            }
            Value::DictView(view) => {
                out.push_str(view.type_name());
                out.push('(');
                let items: Vec<Value> = match view.kind {
                    crate::runtime::dict::ViewKind::Keys => view.dict.keys(),
                    crate::runtime::dict::ViewKind::Values => view.dict.values(),
                    crate::runtime::dict::ViewKind::Items => view
                        .dict
                        .items()
                        .into_iter()
                        .map(|(k, v)| Value::tuple(vec![k, v]))
                        .collect(),
                };
                self.write_seq(out, v, "[", "]", &items, false)?;
                out.push(')');
            }
            Value::Range(r) => {
                if r.step == 1 {
                    let _ = write!(out, "range({}, {})", r.start, r.stop);
                } else {
                    let _ = write!(out, "range({}, {}, {})", r.start, r.stop, r.step);
                }
            }
            Value::Slice(s) => {
                out.push_str("slice(");
                self.write_repr(out, &s.start)?;
                out.push_str(", ");
                self.write_repr(out, &s.stop)?;
                out.push_str(", ");
                self.write_repr(out, &s.step)?;
                out.push(')');
            }
            Value::Function(func) => {
                let _ = write!(
                    out,
                    "<function {} at {:#x}>",
                    func.code.qualname,
                    v.identity()
                );
            }
            Value::Native(nf) => {
                let _ = write!(out, "<built-in function {}>", nf.name);
            }
            Value::BoundMethod(m) => match &m.func {
                Value::Native(nf) => {
                    let _ = write!(
                        out,
                        "<built-in method {} of {} object at {:#x}>",
                        nf.name.rsplit('.').next().unwrap_or(nf.name),
                        m.receiver.type_name(),
                        m.receiver.identity()
                    );
                }
                func => {
                    let name = match func {
                        Value::Function(f) => f.code.qualname.clone(),
                        other => other.type_name(),
                    };
                    let receiver = self.repr(&m.receiver)?;
                    let _ = write!(out, "<bound method {name} of {receiver}>");
                }
            },
            Value::Class(c) => {
                if c.is_builtin {
                    let _ = write!(out, "<class '{}'>", c.name);
                } else {
                    let _ = write!(out, "<class '__main__.{}'>", c.qualname);
                }
            }
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup(sym::REPR) {
                    if !matches!(m, Value::Native(_)) {
                        self.enter()?;
                        let r = self.call_text_method(&m, v, "__repr__");
                        self.leave();
                        out.push_str(&r?);
                        return Ok(());
                    }
                }
                if let Some(data) = inst.exc_data() {
                    out.push_str(inst.class.name.as_str());
                    let args = data.args.borrow().clone();
                    match &args {
                        Value::Tuple(t) if t.len() == 1 => {
                            out.push('(');
                            self.write_repr(out, &t.items[0])?;
                            out.push(')');
                        }
                        Value::Tuple(t) if t.is_empty() => out.push_str("()"),
                        other => self.write_repr(out, other)?,
                    }
                    return Ok(());
                }
                match &inst.payload {
                    Payload::Super(s) => {
                        let class = &s.class;
                        let _ = write!(
                            out,
                            "<super: <class '{}'>, <{} object>>",
                            class.name, class.name
                        );
                    }
                    Payload::Property(_) => {
                        let _ = write!(out, "<property object at {:#x}>", v.identity());
                    }
                    _ => {
                        let module = if inst.class.is_builtin {
                            ""
                        } else {
                            "__main__."
                        };
                        let _ = write!(
                            out,
                            "<{module}{} object at {:#x}>",
                            inst.class.qualname,
                            v.identity()
                        );
                    }
                }
            }
            Value::Iter(it) => {
                let _ = write!(out, "<{} object at {:#x}>", it.type_name(), v.identity());
            }
            Value::Generator(g) => {
                let _ = write!(
                    out,
                    "<generator object {} at {:#x}>",
                    g.code.qualname,
                    v.identity()
                );
            }
            Value::Module(m) => {
                let _ = write!(out, "<module '{}' (built-in)>", m.name);
            }
            Value::Cell(_) => {
                let _ = write!(out, "<cell at {:#x}>", v.identity());
            }
        }
        Ok(())
    }

    fn enter_repr(&mut self, id: usize) -> PyResult<()> {
        self.enter().map_err(|_| {
            Exc::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            )
        })?;
        self.repr_active.push(id);
        Ok(())
    }

    fn leave_repr(&mut self) {
        self.repr_active.pop();
        self.leave();
    }

    fn write_seq(
        &mut self,
        out: &mut String,
        container: &Value,
        open: &str,
        close: &str,
        items: &[Value],
        trailing_comma: bool,
    ) -> PyResult<()> {
        let id = container.identity();
        if self.repr_active.contains(&id) {
            out.push_str(open);
            out.push_str("...");
            out.push_str(close);
            return Ok(());
        }
        self.enter_repr(id)?;
        out.push_str(open);
        let mut result = Ok(());
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            result = self.write_repr(out, item);
            if result.is_err() {
                break;
            }
        }
        self.leave_repr();
        result?;
        if trailing_comma {
            out.push(',');
        }
        out.push_str(close);
        Ok(())
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_) => {
                num::format_number(v, spec).unwrap_or_else(|| self.format_default(v, spec))
            }
            Value::Str(s) => num::format_str(s.as_str(), spec),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup(sym::FORMAT) {
                    if !matches!(m, Value::Native(_)) {
                        return match self.call(&m, &[v.clone(), Value::str(spec)], &[])? {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            other => type_error(format!(
                                "__format__ must return a str, not {}",
                                other.type_name()
                            )),
                        };
                    }
                }
                self.format_default(v, spec)
            }
            _ => self.format_default(v, spec),
        }
    }

    /// `object.__format__`: `str(v)` for an empty spec, else a TypeError.
    fn format_default(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if spec.is_empty() {
            return self.str_of(v);
        }
        type_error(format!(
            "unsupported format string passed to {}.__format__",
            class_of(v).name
        ))
    }

    /// One f-string field: conversion, then format spec.
    pub fn format_field(
        &mut self,
        v: &Value,
        conversion: Option<Conversion>,
        spec: Option<&str>,
    ) -> PyResult<Value> {
        Ok(self.field_text(v.clone(), conversion, spec)?.into_value())
    }

    /// An f-string field's text, `format(conversion(v), spec)`, without a copy where
    /// none is needed: a plain `{s}` of a str is the str itself, a plain `{i}` of an
    /// int is written straight into the result.
    pub fn field_text(
        &mut self,
        v: Value,
        conversion: Option<Conversion>,
        spec: Option<&str>,
    ) -> PyResult<FieldText<'static>> {
        let converted = match conversion {
            None => None,
            Some(Conversion::Str) => Some(self.str_of(&v)?),
            Some(Conversion::Repr) => Some(self.repr(&v)?),
            Some(Conversion::Ascii) => Some(text::escape_non_ascii(&self.repr(&v)?)),
        };
        let spec = spec.unwrap_or("");
        Ok(match converted {
            // `format(str, spec)`: what `format_value` does for a str.
            Some(t) if spec.is_empty() => FieldText::Text(t),
            Some(t) => FieldText::Text(num::format_str(&t, spec)?),
            None if spec.is_empty() => match v {
                Value::Str(s) => FieldText::Str(s),
                Value::Int(i) => FieldText::Int(i),
                _ => FieldText::Text(self.format_value(&v, "")?),
            },
            None => FieldText::Text(self.format_value(&v, spec)?),
        })
    }

    /// The name of a symbol as a Python string value.
    pub fn symbol_value(name: Symbol) -> Value {
        Value::str(name.as_str())
    }
}

/// One piece of an f-string's result, as `Interp::field_text` made it.
pub enum FieldText<'a> {
    /// A plain `{i}` of an int: its digits, written when the result is built.
    Int(i64),
    Str(PyStr),
    Text(String),
    /// Text borrowed from the code (the literal parts of an f-string).
    Literal(&'a str),
}

impl FieldText<'_> {
    /// Length in bytes.
    pub fn byte_len(&self) -> usize {
        match self {
            FieldText::Int(i) => num::decimal_len(*i),
            FieldText::Str(s) => s.as_str().len(),
            FieldText::Text(t) => t.len(),
            FieldText::Literal(t) => t.len(),
        }
    }

    pub fn push_to(&self, out: &mut PyStr) {
        match self {
            FieldText::Int(i) => out.push_str(num::decimal_str(*i, &mut [0u8; 20])),
            FieldText::Str(s) => out.push_str(s.as_str()),
            FieldText::Text(t) => out.push_str(t),
            FieldText::Literal(t) => out.push_str(t),
        }
    }

    pub fn into_value(self) -> Value {
        match self {
            FieldText::Int(i) => Value::str(num::decimal_str(i, &mut [0u8; 20])),
            FieldText::Str(s) => Value::Str(s),
            FieldText::Text(t) => Value::string(t),
            FieldText::Literal(t) => Value::str(t),
        }
    }
}
