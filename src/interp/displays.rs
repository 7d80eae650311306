//! Evaluating displays: tuple, list, set and dict literals, with or without `*`/`**`
//! unpacking.
//!
//! Owns: building the container a display describes, evaluating its items left to
//! right as CPython does, and the errors of unpacking into one.
//! Must not touch: other expressions (that is `eval.rs`), what the containers do once
//! built (that is `runtime/`).

use super::eval::ArgVec;
use super::frame::Frame;
use super::trace::Who;
use super::Interp;
use crate::lower::ir::{DictElem, Elem, Expr, ExprKind};
use crate::runtime::builtins::str_methods::join_items;
use crate::runtime::dict::Dict;
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::set::Set;
use crate::runtime::str::PyStr;
use crate::runtime::value::{PushValue, Value};
use std::rc::Rc;

impl Interp {
    /// `sep.join([a, b, c])` on a str: the display's items are evaluated left to right
    /// as for the list, and joined without the list being made. `str.join` cannot be
    /// replaced on `str`, and it reads a list in place, running no code, so nothing can
    /// observe the missing list.
    #[inline(never)]
    pub(super) fn join_display(
        &mut self,
        f: &mut Frame,
        sep: &PyStr,
        items: &[Expr],
    ) -> PyResult<Value> {
        let mut pieces = ArgVec::with_capacity(items.len());
        for x in items {
            pieces.push_value(self.eval(f, x)?);
        }
        Ok(Value::Str(join_items(sep.as_str(), &pieces)?))
    }

    /// A display, out of line: its loops and containers stay out of `eval_node`'s frame.
    #[inline(never)]
    pub(super) fn eval_display(&mut self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Tuple(items) => {
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    out.push_value(self.eval(f, x)?);
                }
                Ok(Value::tuple(out))
            }
            ExprKind::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    out.push_value(self.eval(f, x)?);
                }
                Ok(Value::list(out))
            }
            ExprKind::Set(items) => {
                let set = Set::new(false);
                for x in items {
                    let v = self.eval(f, x)?;
                    set.add(self, v).map_err(|err| err.locate(x.span))?;
                }
                Ok(Value::Set(Rc::new(set)))
            }
            ExprKind::ConstSet { items, table } => {
                if table.get().is_none() {
                    let first = Set::new(true);
                    for x in items {
                        let v = self.eval(f, x)?;
                        first.add(self, v).map_err(|err| err.locate(x.span))?;
                    }
                    let merged = Set::new(true);
                    for v in first.elements() {
                        merged.add(self, v)?;
                    }
                    let _ = table.set(merged);
                }
                match table.get() {
                    Some(t) => Ok(Value::Set(Rc::new(t.copy(false)))),
                    None => Ok(Value::None),
                }
            }
            ExprKind::Dict(pairs) => {
                let dict = Dict::new();
                for (k, v) in pairs {
                    let key = self.eval(f, k)?;
                    let value = self.eval(f, v)?;
                    dict.insert(self, key, value)
                        .map_err(|err| err.locate(k.span))?;
                }
                Ok(Value::Dict(Rc::new(dict)))
            }
            ExprKind::TupleUnpack(items) => Ok(Value::tuple(self.eval_elems(f, items)?)),
            ExprKind::ListUnpack(items) => Ok(Value::list(self.eval_elems(f, items)?)),
            ExprKind::SetUnpack(items) => {
                let values = self.eval_elems(f, items)?;
                let set = Set::new(false);
                for v in values {
                    set.add(self, v).map_err(|err| err.locate(e.span))?;
                }
                Ok(Value::Set(Rc::new(set)))
            }
            ExprKind::DictUnpack(items) => self.eval_dict_unpack(f, items),
            _ => self.eval(f, e),
        }
    }

    /// Items of a display with `*iterable` parts expanded.
    fn eval_elems(&mut self, f: &mut Frame, items: &[Elem]) -> PyResult<Vec<Value>> {
        let mut out = ArgVec::new();
        for item in items {
            match item {
                Elem::One(x) => out.push_value(self.eval(f, x)?),
                Elem::Star(x) => {
                    let v = self.eval(f, x)?;
                    self.driven_by(Who::Star, |i| i.extend_from_iterable(&mut out, &v))
                        .map_err(|err| err.locate(x.span))?;
                }
            }
        }
        Ok(out.into_vec())
    }

    fn eval_dict_unpack(&mut self, f: &mut Frame, items: &[DictElem]) -> PyResult<Value> {
        let dict = Rc::new(Dict::new());
        for item in items {
            match item {
                DictElem::Pair(k, v) => {
                    let key = self.eval(f, k)?;
                    let value = self.eval(f, v)?;
                    dict.insert(self, key, value)
                        .map_err(|err| err.locate(k.span))?;
                }
                DictElem::Unpack(m) => {
                    let mv = self.eval(f, m)?;
                    let pairs = self.mapping_items(&mv).map_err(|err| {
                        if err.is(ExcKind::AttributeError) || err.is(ExcKind::TypeError) {
                            Exc::new(
                                ExcKind::TypeError,
                                format!("'{}' object is not a mapping", mv.type_name()),
                            )
                        } else {
                            err
                        }
                        .locate(m.span)
                    })?;
                    for (k, v) in pairs {
                        dict.insert(self, k, v)?;
                    }
                }
            }
        }
        Ok(Value::Dict(dict))
    }
}
