//! The lazy built-in iterators: `enumerate`, `zip`, `map`, `filter`, `reversed`, the
//! `__getitem__` sequence iterator and `iter(callable, sentinel)`.
//!
//! Owns: constructing them (they are classes in Python) and stepping them. Each step
//! clones what it needs out of the iterator's state and releases the borrow before
//! calling Python code, so a callback that touches the iterator cannot break it.
//! Must not touch: the simple container iterators (stepped in `interp/iteration.rs`).

use super::{int_arg, no_keywords, only_keywords};
use crate::interp::Interp;
use crate::runtime::class::Class;
use crate::runtime::exception::{type_error, value_error, ExcKind, PyResult};
use crate::runtime::function::Args;
use crate::runtime::iterators::{BuiltinIter, IterState};
use crate::runtime::symbol::sym;
use crate::runtime::value::Value;
use std::rc::Rc;

/// Iterator types that are also builtin names (callable to construct).
pub const TYPE_NAMES: &[&str] = &["enumerate", "zip", "map", "filter", "reversed"];

pub fn construct(interp: &mut Interp, cls: &Rc<Class>, args: &Args) -> PyResult<Value> {
    match cls.name.as_str() {
        "enumerate" => {
            only_keywords(args, &["iterable", "start"], "enumerate")?;
            let iterable = args
                .pos
                .first()
                .or(args.kwarg_named("iterable"))
                .ok_or_else(|| {
                    crate::runtime::exception::Exc::new(
                        ExcKind::TypeError,
                        "enumerate() missing required argument 'iterable'",
                    )
                })?;
            if args.pos.len() > 2 {
                return type_error(format!(
                    "enumerate() takes at most 2 arguments ({} given)",
                    args.pos.len()
                ));
            }
            let start = args
                .pos
                .get(1)
                .or(args.kwarg(sym::START))
                .cloned()
                .unwrap_or(Value::Int(0));
            if !matches!(start, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                return type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    start.type_name()
                ));
            }
            let inner = interp.iter(iterable)?;
            Ok(BuiltinIter::value(
                "enumerate",
                IterState::Enumerate {
                    inner,
                    count: start,
                },
            ))
        }
        "zip" => {
            only_keywords(args, &["strict"], "zip")?;
            let strict = match args.kwarg(sym::STRICT) {
                Some(v) => interp.truthy(v)?,
                None => false,
            };
            let mut iters = Vec::with_capacity(args.pos.len());
            for v in args.pos {
                iters.push(interp.iter(v)?);
            }
            Ok(BuiltinIter::value("zip", IterState::Zip { iters, strict }))
        }
        "map" => {
            no_keywords(args, "map")?;
            if args.pos.len() < 2 {
                return type_error("map() must have at least two arguments.");
            }
            let mut iters = Vec::with_capacity(args.pos.len() - 1);
            for v in &args.pos[1..] {
                iters.push(interp.iter(v)?);
            }
            Ok(BuiltinIter::value(
                "map",
                IterState::Map {
                    func: args.pos[0].clone(),
                    iters,
                },
            ))
        }
        "filter" => {
            no_keywords(args, "filter")?;
            super::arg_count(args.pos, "filter", 2, 2)?;
            let inner = interp.iter(&args.pos[1])?;
            Ok(BuiltinIter::value(
                "filter",
                IterState::Filter {
                    func: args.pos[0].clone(),
                    inner,
                },
            ))
        }
        "reversed" => {
            no_keywords(args, "reversed")?;
            super::arg_count(args.pos, "reversed", 1, 1)?;
            reversed(interp, &args.pos[0])
        }
        other => type_error(format!("cannot create '{other}' instances")),
    }
}

/// `reversed(seq)`: `__reversed__`, or the sequence protocol backwards.
pub fn reversed(interp: &mut Interp, seq: &Value) -> PyResult<Value> {
    let (name, state) = match seq {
        Value::List(l) => (
            "list_reverseiterator",
            IterState::ListReverse {
                list: l.clone(),
                index: l.len(),
            },
        ),
        Value::Range(r) => {
            let n = r.len();
            let last = if n == 0 { r.start } else { r.item(n - 1) };
            (
                "range_iterator",
                IterState::Range {
                    next: last,
                    remaining: n,
                    step: r.step.wrapping_neg(),
                },
            )
        }
        Value::Tuple(_) | Value::Str(_) => {
            let n = interp.len(seq)?;
            (
                "reversed",
                IterState::Reversed {
                    seq: seq.clone(),
                    index: n,
                },
            )
        }
        Value::Dict(d) => {
            let keys = d.keys();
            let list = Rc::new(crate::runtime::list::List::new(keys));
            let n = list.len();
            (
                "dict_reversekeyiterator",
                IterState::ListReverse { list, index: n },
            )
        }
        Value::Instance(inst) => {
            if let Some(m) = inst.class.lookup(sym::REVERSED) {
                return interp.call(&m, std::slice::from_ref(seq), &[]);
            }
            if inst.class.lookup(sym::GETITEM).is_some() && inst.class.lookup(sym::LEN).is_some() {
                let n = interp.len(seq)?;
                (
                    "reversed",
                    IterState::Reversed {
                        seq: seq.clone(),
                        index: n,
                    },
                )
            } else {
                return not_reversible(seq);
            }
        }
        _ => return not_reversible(seq),
    };
    Ok(BuiltinIter::value(name, state))
}

fn not_reversible<T>(v: &Value) -> PyResult<T> {
    type_error(format!("'{}' object is not reversible", v.type_name()))
}

/// One step of a lazy iterator.
pub fn step(interp: &mut Interp, b: &BuiltinIter) -> PyResult<Option<Value>> {
    let outcome = step_state(interp, b);
    match &outcome {
        Ok(None) => *b.state.borrow_mut() = IterState::Exhausted,
        Err(_) => {}
        Ok(Some(_)) => {}
    }
    outcome
}

fn step_state(interp: &mut Interp, b: &BuiltinIter) -> PyResult<Option<Value>> {
    enum Plan {
        Enumerate(Value, Value),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        Reversed(Value, usize),
        Seq(Value, usize),
        Callable(Value, Value),
        Done,
    }
    let plan = match &*b.state.borrow() {
        IterState::Enumerate { inner, count } => Plan::Enumerate(inner.clone(), count.clone()),
        IterState::Zip { iters, strict } => Plan::Zip(iters.clone(), *strict),
        IterState::Map { func, iters } => Plan::Map(func.clone(), iters.clone()),
        IterState::Filter { func, inner } => Plan::Filter(func.clone(), inner.clone()),
        IterState::Reversed { seq, index } => Plan::Reversed(seq.clone(), *index),
        IterState::Seq { seq, index } => Plan::Seq(seq.clone(), *index),
        IterState::Callable { func, sentinel } => Plan::Callable(func.clone(), sentinel.clone()),
        _ => Plan::Done,
    };
    match plan {
        Plan::Done => {
            let mut st = b.state.borrow_mut();
            if let IterState::Tool(tool) = &mut *st {
                // Tools step themselves; take the tool out while it runs.
                let mut tool = std::mem::replace(tool, Box::new(NoTool));
                drop(st);
                let r = tool.next(interp);
                let mut st = b.state.borrow_mut();
                if let IterState::Tool(slot) = &mut *st {
                    *slot = tool;
                }
                return r;
            }
            Ok(None)
        }
        Plan::Enumerate(inner, count) => {
            let Some(x) = interp.next(&inner)? else {
                return Ok(None);
            };
            let next_count = match &count {
                Value::Int(i) => match i.checked_add(1) {
                    Some(n) => Value::Int(n),
                    None => {
                        interp.binary(crate::syntax::ast::BinOp::Add, &count, &Value::Int(1))?
                    }
                },
                other => interp.binary(crate::syntax::ast::BinOp::Add, other, &Value::Int(1))?,
            };
            if let IterState::Enumerate { count: c, .. } = &mut *b.state.borrow_mut() {
                *c = next_count;
            }
            Ok(Some(Value::tuple(vec![count, x])))
        }
        Plan::Zip(iters, strict) => {
            if iters.is_empty() {
                return Ok(None);
            }
            let mut items = Vec::with_capacity(iters.len());
            for (i, it) in iters.iter().enumerate() {
                match interp.next(it)? {
                    Some(x) => items.push(x),
                    None => {
                        if strict {
                            if i > 0 {
                                let plural = if i == 1 { " " } else { "s 1-" };
                                return value_error(format!(
                                    "zip() argument {} is shorter than argument{}{}",
                                    i + 1,
                                    plural,
                                    i
                                ));
                            }
                            for (j, rest) in iters.iter().enumerate().skip(1) {
                                if interp.next(rest)?.is_some() {
                                    let plural = if j == 1 { " " } else { "s 1-" };
                                    return value_error(format!(
                                        "zip() argument {} is longer than argument{}{}",
                                        j + 1,
                                        plural,
                                        j
                                    ));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(Value::tuple(items)))
        }
        Plan::Map(func, iters) => {
            let mut call_args = Vec::with_capacity(iters.len());
            for it in &iters {
                match interp.next(it)? {
                    Some(x) => call_args.push(x),
                    None => return Ok(None),
                }
            }
            interp.call(&func, &call_args, &[]).map(Some)
        }
        Plan::Filter(func, inner) => loop {
            let Some(x) = interp.next(&inner)? else {
                return Ok(None);
            };
            let keep = if func.is_none()
                || matches!(&func, Value::Class(c) if c.name.as_str() == "bool" && c.is_builtin)
            {
                interp.truthy(&x)?
            } else {
                let r = interp.call(&func, std::slice::from_ref(&x), &[])?;
                interp.truthy(&r)?
            };
            if keep {
                return Ok(Some(x));
            }
        },
        Plan::Reversed(seq, index) => {
            if index == 0 {
                return Ok(None);
            }
            let i = index - 1;
            if let IterState::Reversed { index: slot, .. } = &mut *b.state.borrow_mut() {
                *slot = i;
            }
            match interp.get_item(&seq, &Value::Int(i as i64)) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is(ExcKind::IndexError) || e.is(ExcKind::StopIteration) => Ok(None),
                Err(e) => Err(e),
            }
        }
        Plan::Seq(seq, index) => match interp.get_item(&seq, &Value::Int(index as i64)) {
            Ok(v) => {
                if let IterState::Seq { index: slot, .. } = &mut *b.state.borrow_mut() {
                    *slot = index + 1;
                }
                Ok(Some(v))
            }
            Err(e) if e.is(ExcKind::IndexError) || e.is(ExcKind::StopIteration) => Ok(None),
            Err(e) => Err(e),
        },
        Plan::Callable(func, sentinel) => {
            let v = interp.call(&func, &[], &[])?;
            if interp.eq(&v, &sentinel)? {
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
    }
}

/// Stands in for a tool iterator while it is stepping (re-entry sees it exhausted).
struct NoTool;

impl crate::runtime::iterators::ToolIter for NoTool {
    fn next(&mut self, _: &mut Interp) -> PyResult<Option<Value>> {
        Ok(None)
    }
}

/// `int_arg` re-exported for tool iterators in modules.
pub fn count_arg(v: &Value) -> PyResult<i64> {
    int_arg(v, "")
}
