//! The iteration protocol: `iter(x)` and `next(it)` for every kind of value.
//!
//! Owns: making an iterator from an iterable (built-in iterator objects, user `__iter__`,
//! the `__getitem__` sequence protocol) and stepping any iterator. Stepping answers
//! `Option<Value>`: `None` is exhaustion, and no `StopIteration` object is made for
//! built-in iterators or generators; a user `__next__` raising StopIteration is caught
//! here. Also collecting an iterable into a vector.
//! Must not touch: generator resumption details (`generator.rs`); the iterator objects'
//! layouts (`runtime/iterators.rs`).

use super::generator::Resumed;
use super::Interp;
use crate::runtime::dict::{Dict, ViewKind};
use crate::runtime::exception::{runtime_error, Exc, ExcKind, PyResult};
use crate::runtime::hint::{Culprit, Hint};
use crate::runtime::iterators::{BuiltinIter, IterState};
use crate::runtime::lookup_site::LookupSite;
use crate::runtime::symbol::sym;
use crate::runtime::value::Value;

impl Interp {
    /// `iter(v)`.
    #[inline]
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        if self.trace.is_some() {
            return self.iter_traced(v);
        }
        self.iter_untraced(v)
    }

    /// `iter(v)`, reporting nothing to the trace.
    pub(super) fn iter_untraced(&mut self, v: &Value) -> PyResult<Value> {
        let (name, state) = match v {
            Value::Iter(_) | Value::Generator(_) => return Ok(v.clone()),
            Value::List(l) => (
                "list_iterator",
                IterState::List {
                    list: l.clone(),
                    index: 0,
                },
            ),
            Value::Tuple(t) => (
                "tuple_iterator",
                IterState::Tuple {
                    tuple: t.clone(),
                    index: 0,
                },
            ),
            Value::Str(s) => (
                if s.is_ascii() {
                    "str_ascii_iterator"
                } else {
                    "str_iterator"
                },
                IterState::Str {
                    text: s.clone(),
                    byte: 0,
                },
            ),
            Value::Range(r) => (
                "range_iterator",
                IterState::Range {
                    next: r.start,
                    remaining: r.len(),
                    step: r.step,
                },
            ),
            Value::Dict(d) => (
                "dict_keyiterator",
                IterState::Dict {
                    dict: d.clone(),
                    kind: ViewKind::Keys,
                    pos: 0,
                    expected_len: d.len(),
                },
            ),
            Value::DictView(view) => (
                match view.kind {
                    ViewKind::Keys => "dict_keyiterator",
                    ViewKind::Values => "dict_valueiterator",
                    ViewKind::Items => "dict_itemiterator",
                },
                IterState::Dict {
                    dict: view.dict.clone(),
                    kind: view.kind,
                    pos: 0,
                    expected_len: view.dict.len(),
                },
            ),
            Value::Set(s) => (
                "set_iterator",
                IterState::Set {
                    set: s.clone(),
                    pos: 0,
                    expected_len: s.len(),
                },
            ),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup(sym::ITER) {
                    if !m.is_none() {
                        let it = self.call(&m, std::slice::from_ref(v), &[])?;
                        if !self.is_iterator(&it) {
                            let e = Exc::new(
                                ExcKind::TypeError,
                                format!(
                                    "iter() returned non-iterator of type '{}'",
                                    it.type_name()
                                ),
                            );
                            return Err(e.with_hint(Hint::IterReturnedNonIterator {
                                class: inst.class.name.to_string(),
                                returned: Culprit::of(&it),
                            }));
                        }
                        return Ok(it);
                    }
                } else if inst.class.lookup(sym::GETITEM).is_some() {
                    return Ok(BuiltinIter::value(
                        "iterator",
                        IterState::Seq {
                            seq: v.clone(),
                            index: 0,
                        },
                    ));
                }
                return Err(not_iterable(v));
            }
            _ => return Err(not_iterable(v)),
        };
        Ok(BuiltinIter::value(name, state))
    }

    /// Whether `iter(v)` would succeed (without calling anything).
    pub fn is_iterable(&self, v: &Value) -> bool {
        match v {
            Value::Instance(inst) => {
                inst.class.lookup(sym::ITER).is_some_and(|m| !m.is_none())
                    || inst.class.lookup(sym::GETITEM).is_some()
            }
            Value::Iter(_)
            | Value::Generator(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Range(_)
            | Value::Dict(_)
            | Value::DictView(_)
            | Value::Set(_) => true,
            _ => false,
        }
    }

    /// Whether `v` is an iterator (has `__next__`).
    pub fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Iter(_) | Value::Generator(_) => true,
            Value::Instance(inst) => inst.class.lookup(sym::NEXT).is_some(),
            _ => false,
        }
    }

    /// One step of any iterator: `Some(item)`, or `None` when exhausted.
    #[inline]
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if self.trace.is_some() {
            return self.next_traced(it);
        }
        self.next_untraced(it)
    }

    /// One step of `it`, the built-in iterator `b`: `next` without its dispatch on the
    /// iterator's kind (the `next()` built-in has already made it).
    #[inline(always)]
    pub fn next_builtin(&mut self, it: &Value, b: &BuiltinIter) -> PyResult<Option<Value>> {
        if self.trace.is_some() {
            return self.next_traced(it);
        }
        self.step_builtin(b)
    }

    /// One step of any iterator, reporting nothing to the trace.
    #[inline]
    pub(super) fn next_untraced(&mut self, it: &Value) -> PyResult<Option<Value>> {
        self.next_at(it, None)
    }

    /// One untraced step, with a user iterator's `__next__` found through `site` (the
    /// memo of a `for` loop) when there is one.
    #[inline]
    pub(super) fn next_at(
        &mut self,
        it: &Value,
        site: Option<&LookupSite>,
    ) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(b) => self.step_builtin(b),
            Value::Generator(g) => {
                match self.resume(g, super::frame::ResumeInput::Send(Value::None))? {
                    Resumed::Yield(v) => Ok(Some(v)),
                    Resumed::Return(_) => Ok(None),
                }
            }
            Value::Instance(inst) => {
                let next = match site {
                    Some(site) => site.lookup(&inst.class, sym::NEXT),
                    None => inst.class.lookup(sym::NEXT),
                };
                let called = match &next {
                    // The usual `def __next__(self)`: called as such, not through `call`.
                    Some(Value::Function(func)) => {
                        self.call_function(func, std::slice::from_ref(it), &[])
                    }
                    Some(m) => self.call(m, std::slice::from_ref(it), &[]),
                    None => return Err(not_an_iterator(it)),
                };
                match called {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.is(ExcKind::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                }
            }
            _ => Err(not_an_iterator(it)),
        }
    }

    /// One step of a built-in iterator. A range step and a list step that finds an
    /// item, the commonest, are answered here, inlined into the `for` step and `next()`;
    /// everything else (exhaustion included) is `step_builtin_other`.
    #[inline(always)]
    pub(super) fn step_builtin(&mut self, b: &BuiltinIter) -> PyResult<Option<Value>> {
        if let Ok(mut st) = b.state.try_borrow_mut() {
            match &mut *st {
                IterState::Range {
                    next,
                    remaining,
                    step,
                } if *remaining != 0 => {
                    let v = *next;
                    *remaining -= 1;
                    *next = next.wrapping_add(*step);
                    return Ok(Some(Value::Int(v)));
                }
                IterState::List { list, index } => {
                    let item = list.items.borrow().get(*index).cloned();
                    if let Some(v) = item {
                        *index += 1;
                        return Ok(Some(v));
                    }
                }
                _ => {}
            }
        }
        self.step_builtin_other(b)
    }

    #[inline(never)]
    fn step_builtin_other(&mut self, b: &BuiltinIter) -> PyResult<Option<Value>> {
        let mut st = b.state.borrow_mut();
        let item = match &mut *st {
            IterState::Range {
                next,
                remaining,
                step,
            } => {
                if *remaining == 0 {
                    return Ok(None);
                }
                let v = *next;
                *remaining -= 1;
                *next = next.wrapping_add(*step);
                return Ok(Some(Value::Int(v)));
            }
            IterState::List { list, index } => {
                let v = list.items.borrow().get(*index).cloned();
                if v.is_some() {
                    *index += 1;
                }
                v
            }
            IterState::Tuple { tuple, index } => {
                let v = tuple.items.get(*index).cloned();
                if v.is_some() {
                    *index += 1;
                }
                v
            }
            IterState::Str { text, byte } => {
                let s = text.as_str();
                match s.get(*byte..).and_then(|rest| rest.chars().next()) {
                    Some(c) => {
                        *byte += c.len_utf8();
                        Some(Value::str_piece(c.encode_utf8(&mut [0u8; 4])))
                    }
                    None => None,
                }
            }
            IterState::ListReverse { list, index } => {
                if *index == 0 {
                    None
                } else {
                    *index -= 1;
                    let v = list.items.borrow().get(*index).cloned();
                    if v.is_none() {
                        *index = 0;
                    }
                    v
                }
            }
            IterState::Dict {
                dict,
                kind,
                pos,
                expected_len,
            } => dict_step(dict, pos, expected_len)?.map(|(k, v)| match kind {
                ViewKind::Keys => k,
                ViewKind::Values => v,
                ViewKind::Items => Value::tuple(vec![k, v]),
            }),
            IterState::Set {
                set,
                pos,
                expected_len,
            } => {
                if set.len() != *expected_len {
                    *expected_len = usize::MAX;
                    return runtime_error("Set changed size during iteration");
                }
                set.entry_at(pos)
            }
            IterState::Exhausted => return Ok(None),
            _ => {
                drop(st);
                if self.trace.is_some() {
                    return self.step_wrapper_traced(b);
                }
                return crate::runtime::builtins::lazy_iterators::step(self, b);
            }
        };
        if item.is_none() {
            *st = IterState::Exhausted;
        }
        Ok(item)
    }

    /// Appends every item of an iterable (fast paths for lists and tuples).
    pub fn extend_from_iterable<E: Extend<Value>>(
        &mut self,
        out: &mut E,
        v: &Value,
    ) -> PyResult<()> {
        match v {
            Value::List(l) => out.extend(l.items.borrow().iter().cloned()),
            Value::Tuple(t) => out.extend(t.as_slice().iter().cloned()),
            _ => {
                let it = self.iter(v)?;
                while let Some(x) = self.next(&it)? {
                    out.extend(std::iter::once(x));
                }
            }
        }
        Ok(())
    }

    /// One step of a dict items iterator as its key and value, without the tuple `next()`
    /// would build: `for k, v in d.items()` unpacks straight into its two targets.
    /// `None` when `it` is some other iterator (the caller uses `next`).
    pub fn next_item_pair(&mut self, it: &Value) -> Option<PyResult<Option<(Value, Value)>>> {
        let Value::Iter(b) = it else { return None };
        let mut st = b.state.borrow_mut();
        let IterState::Dict {
            dict,
            kind: ViewKind::Items,
            pos,
            expected_len,
        } = &mut *st
        else {
            return None;
        };
        let pair = dict_step(dict, pos, expected_len);
        if matches!(pair, Ok(None)) {
            *st = IterState::Exhausted;
        }
        Some(pair)
    }

    /// `list(v)` as a vector.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        self.extend_from_iterable(&mut out, v)?;
        Ok(out)
    }
}

/// One entry of a dict iterator, or CPython's error once the dict's size changed (the
/// iterator then stays broken, as CPython's does).
fn dict_step(
    dict: &Dict,
    pos: &mut usize,
    expected_len: &mut usize,
) -> PyResult<Option<(Value, Value)>> {
    if dict.len() != *expected_len {
        *expected_len = usize::MAX;
        return runtime_error("dictionary changed size during iteration");
    }
    Ok(dict.entry_at(pos))
}

pub fn not_iterable(v: &Value) -> Exc {
    Exc::new(
        ExcKind::TypeError,
        format!("'{}' object is not iterable", v.type_name()),
    )
    .with_hint(Hint::NotIterable(Culprit::of(v)))
}

pub fn not_an_iterator(v: &Value) -> Exc {
    Exc::new(
        ExcKind::TypeError,
        format!("'{}' object is not an iterator", v.type_name()),
    )
    .with_hint(Hint::NotAnIterator(Culprit::of(v)))
}
