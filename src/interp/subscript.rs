//! Item access: `obj[index]`, `obj[index] = v`, `del obj[index]`, and slices.
//!
//! Owns: indexing and slicing of the built-in sequences and mappings, index conversion
//! (`__index__`, negative indexes, slice resolution) and the user `__getitem__` family.
//! Must not touch: iteration (`iteration.rs`), mapping internals (`runtime/dict.rs`).

use super::Interp;
use crate::runtime::exception::{index_error, type_error, value_error, Exc, ExcKind, PyResult};
use crate::runtime::list::item_at;
use crate::runtime::range::{Range, Slice, SliceIndices};
use crate::runtime::symbol::sym;
use crate::runtime::value::Value;
use std::rc::Rc;

/// An index as a sequence sees it.
pub enum Index {
    At(i64),
    Slice(SliceIndices),
}

impl Interp {
    /// Converts an index value to an i64 (`__index__` for user objects).
    pub fn to_index(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(_) => Err(Exc::new(
                ExcKind::IndexError,
                "cannot fit 'int' into an index-sized integer",
            )),
            Value::Instance(inst) => match inst.class.lookup(sym::INDEX) {
                Some(m) => match self.call(&m, std::slice::from_ref(v), &[])? {
                    Value::Int(i) => Ok(Some(i)),
                    other => type_error(format!(
                        "__index__ returned non-int (type {})",
                        other.type_name()
                    )),
                },
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// Resolves a slice object against a sequence length.
    pub fn resolve_slice(&mut self, s: &Slice, len: usize) -> PyResult<SliceIndices> {
        let bound = |v: &Value, this: &mut Interp| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                Value::BigInt(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                other => match this.to_index(other)? {
                    Some(i) => Ok(Some(i)),
                    None => type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ),
                },
            }
        };
        let step = bound(&s.step, self)?.unwrap_or(1);
        if step == 0 {
            return value_error("slice step cannot be zero");
        }
        let start = bound(&s.start, self)?;
        let stop = bound(&s.stop, self)?;
        Ok(SliceIndices::resolve(
            start,
            stop,
            step.max(-i64::MAX),
            len as i64,
        ))
    }

    /// Interprets `index` for a sequence of `len` items named `what` in messages.
    fn seq_index(&mut self, index: &Value, len: usize, what: &str) -> PyResult<Index> {
        if let Value::Slice(s) = index {
            return Ok(Index::Slice(self.resolve_slice(s, len)?));
        }
        match self.to_index(index)? {
            Some(i) => {
                let n = len as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return index_error(format!("{what} index out of range"));
                }
                Ok(Index::At(j))
            }
            None => type_error(match what {
                "string" => format!(
                    "string indices must be integers, not '{}'",
                    index.type_name()
                ),
                _ => format!(
                    "{what} indices must be integers or slices, not {}",
                    index.type_name()
                ),
            }),
        }
    }

    /// `obj[index]`. A list indexed by an int in range, the commonest, is answered
    /// here, inlined into the caller; everything else is `get_item_by_rules`.
    #[inline(always)]
    pub fn get_item(&mut self, obj: &Value, index: &Value) -> PyResult<Value> {
        if let (Value::List(l), Value::Int(i)) = (obj, index) {
            if let Some(v) = l
                .items
                .try_borrow()
                .ok()
                .and_then(|items| item_at(&items, *i).cloned())
            {
                return Ok(v);
            }
        }
        self.get_item_by_rules(obj, index)
    }

    #[inline(never)]
    fn get_item_by_rules(&mut self, obj: &Value, index: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Int(i) = index {
                    return match item_at(&l.items.borrow(), *i) {
                        Some(v) => Ok(v.clone()),
                        None => index_error("list index out of range"),
                    };
                }
                let len = l.len();
                match self.seq_index(index, len, "list")? {
                    Index::At(i) => Ok(l.get(i as usize).unwrap_or(Value::None)),
                    Index::Slice(s) => {
                        let items = l.items.borrow();
                        Ok(Value::list(
                            s.indices().filter_map(|i| items.get(i).cloned()).collect(),
                        ))
                    }
                }
            }
            Value::Tuple(t) => match self.seq_index(index, t.len(), "tuple")? {
                Index::At(i) => Ok(t.items[i as usize].clone()),
                Index::Slice(s) => {
                    if s.start == 0 && s.step == 1 && s.len() == t.len() {
                        return Ok(obj.clone());
                    }
                    Ok(Value::tuple(
                        s.indices().map(|i| t.items[i].clone()).collect(),
                    ))
                }
            },
            Value::Str(text) => match self.seq_index(index, text.char_len(), "string")? {
                Index::At(i) => Ok(match text.char_at(i as usize) {
                    Some(c) => Value::str_piece(c.encode_utf8(&mut [0u8; 4])),
                    None => Value::str(""),
                }),
                Index::Slice(s) => {
                    if s.step == 1 {
                        let end = (s.start + s.len() as i64).max(s.start);
                        let piece = text.substring(s.start as usize, end as usize);
                        return Ok(Value::str_piece(piece));
                    }
                    let chars: Vec<char> = text.as_str().chars().collect();
                    Ok(Value::string(
                        s.indices().filter_map(|i| chars.get(i)).collect(),
                    ))
                }
            },
            Value::Dict(d) => match d.get(self, index)? {
                Some(v) => Ok(v),
                None => Err(Exc::instantiate(
                    crate::runtime::types::types()
                        .exception(ExcKind::KeyError)
                        .clone(),
                    vec![index.clone()],
                )),
            },
            Value::Range(r) => {
                let len = r.len();
                if len > i64::MAX as u64 {
                    return Err(Exc::new(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C ssize_t",
                    ));
                }
                match self.seq_index(index, len as usize, "range").map_err(|e| {
                    if e.is(ExcKind::IndexError) {
                        Exc::new(ExcKind::IndexError, "range object index out of range")
                    } else {
                        e
                    }
                })? {
                    Index::At(i) => Ok(Value::Int(r.item(i as u64))),
                    Index::Slice(s) => {
                        // As CPython's compute_slice: map the resolved bounds through the range.
                        let at = |k: i64| -> i64 {
                            (r.start as i128 + k as i128 * r.step as i128)
                                .clamp(i64::MIN as i128, i64::MAX as i128)
                                as i64
                        };
                        Ok(Value::Range(Rc::new(Range {
                            start: at(s.start),
                            stop: at(s.stop),
                            step: r.step.saturating_mul(s.step),
                        })))
                    }
                }
            }
            Value::Instance(inst) => match inst.class.lookup(sym::GETITEM) {
                Some(m) => self.call(&m, &[obj.clone(), index.clone()], &[]),
                None => not_subscriptable(obj),
            },
            Value::Class(c)
                if c.lookup(crate::runtime::symbol::Symbol::intern("__class_getitem__"))
                    .is_some() =>
            {
                Ok(obj.clone())
            }
            _ => not_subscriptable(obj),
        }
    }

    pub fn set_item(&mut self, obj: &Value, index: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                let len = l.len();
                match self.seq_index(&index, len, "list").map_err(|e| {
                    if e.is(ExcKind::IndexError) {
                        Exc::new(ExcKind::IndexError, "list assignment index out of range")
                    } else {
                        e
                    }
                })? {
                    Index::At(i) => {
                        if let Some(slot) = l.items.borrow_mut().get_mut(i as usize) {
                            *slot = value;
                        }
                        Ok(())
                    }
                    Index::Slice(s) => {
                        let mut new_items = Vec::new();
                        self.extend_from_iterable(&mut new_items, &value)
                            .map_err(|e| {
                                if e.is(ExcKind::TypeError) {
                                    Exc::new(ExcKind::TypeError, "can only assign an iterable")
                                } else {
                                    e
                                }
                            })?;
                        let mut items = l.items.borrow_mut();
                        if s.step == 1 {
                            let start = (s.start as usize).min(items.len());
                            let end = (start + s.len()).min(items.len());
                            items.splice(start..end, new_items);
                        } else {
                            if new_items.len() != s.len() {
                                return value_error(format!(
                                    "attempt to assign sequence of size {} to extended slice of size {}",
                                    new_items.len(),
                                    s.len()
                                ));
                            }
                            for (i, v) in s.indices().zip(new_items) {
                                if let Some(slot) = items.get_mut(i) {
                                    *slot = v;
                                }
                            }
                        }
                        Ok(())
                    }
                }
            }
            Value::Dict(d) => d.insert(self, index, value),
            Value::Instance(inst) => match inst.class.lookup(sym::SETITEM) {
                Some(m) => {
                    self.call(&m, &[obj.clone(), index, value], &[])?;
                    Ok(())
                }
                None => type_error(format!(
                    "'{}' object does not support item assignment",
                    obj.type_name()
                )),
            },
            _ => type_error(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            )),
        }
    }

    pub fn del_item(&mut self, obj: &Value, index: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                let len = l.len();
                match self.seq_index(index, len, "list").map_err(|e| {
                    if e.is(ExcKind::IndexError) {
                        Exc::new(ExcKind::IndexError, "list assignment index out of range")
                    } else {
                        e
                    }
                })? {
                    Index::At(i) => {
                        let removed = {
                            let mut items = l.items.borrow_mut();
                            if (i as usize) < items.len() {
                                Some(items.remove(i as usize))
                            } else {
                                None
                            }
                        };
                        drop(removed);
                        Ok(())
                    }
                    Index::Slice(s) => {
                        let mut idx: Vec<usize> = s.indices().collect();
                        idx.sort_unstable();
                        let removed: Vec<Value> = {
                            let mut items = l.items.borrow_mut();
                            let mut out = Vec::with_capacity(idx.len());
                            for &i in idx.iter().rev() {
                                if i < items.len() {
                                    out.push(items.remove(i));
                                }
                            }
                            out
                        };
                        drop(removed);
                        Ok(())
                    }
                }
            }
            Value::Dict(d) => match d.remove(self, index)? {
                Some(_) => Ok(()),
                None => Err(Exc::instantiate(
                    crate::runtime::types::types()
                        .exception(ExcKind::KeyError)
                        .clone(),
                    vec![index.clone()],
                )),
            },
            Value::Instance(inst) => match inst.class.lookup(sym::DELITEM) {
                Some(m) => {
                    self.call(&m, &[obj.clone(), index.clone()], &[])?;
                    Ok(())
                }
                None => type_error(format!(
                    "'{}' object doesn't support item deletion",
                    obj.type_name()
                )),
            },
            _ => type_error(format!(
                "'{}' object doesn't support item deletion",
                obj.type_name()
            )),
        }
    }
}

fn not_subscriptable<T>(obj: &Value) -> PyResult<T> {
    type_error(format!("'{}' object is not subscriptable", obj.type_name()))
}
