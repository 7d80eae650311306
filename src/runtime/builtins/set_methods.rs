//! Methods of `set` and `frozenset`.
//!
//! Owns: the method forms of set algebra (which, unlike the operators, accept any
//! iterables), `add`/`remove`/`discard`/`pop`, and the subset tests. The algebra itself
//! is the table's (`runtime/set.rs`), so orders match CPython's.
//! Must not touch: set operators (`sequence_ops.rs`).

use super::constructors::set_from;
use super::{arg_count, builtin_method, no_args, receiver};
use crate::interp::Interp;
use crate::runtime::exception::{type_error, Exc, ExcKind, PyResult};
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::set::Set;
use crate::runtime::types::types;
use crate::runtime::value::Value;
use std::rc::Rc;

builtin_method!(ADD, "set.add", "add(elem, /)", add);
builtin_method!(REMOVE, "set.remove", "remove(elem, /)", remove);
builtin_method!(DISCARD, "set.discard", "discard(elem, /)", discard);
builtin_method!(POP, "set.pop", "pop()", pop);
builtin_method!(CLEAR, "set.clear", "clear()", clear);
builtin_method!(COPY, "set.copy", "copy()", copy);
builtin_method!(UNION, "set.union", "union(*others)", union);
builtin_method!(
    INTERSECTION,
    "set.intersection",
    "intersection(*others)",
    intersection
);
builtin_method!(
    DIFFERENCE,
    "set.difference",
    "difference(*others)",
    difference
);
builtin_method!(
    SYMMETRIC_DIFFERENCE,
    "set.symmetric_difference",
    "symmetric_difference(other, /)",
    symmetric_difference
);
builtin_method!(UPDATE, "set.update", "update(*others)", update);
builtin_method!(
    INTERSECTION_UPDATE,
    "set.intersection_update",
    "intersection_update(*others)",
    intersection_update
);
builtin_method!(
    DIFFERENCE_UPDATE,
    "set.difference_update",
    "difference_update(*others)",
    difference_update
);
builtin_method!(ISSUBSET, "set.issubset", "issubset(other, /)", issubset);
builtin_method!(
    ISSUPERSET,
    "set.issuperset",
    "issuperset(other, /)",
    issuperset
);
builtin_method!(
    ISDISJOINT,
    "set.isdisjoint",
    "isdisjoint(other, /)",
    isdisjoint
);
builtin_method!(LEN, "set.__len__", "__len__()", dunder_len);
builtin_method!(
    CONTAINS,
    "set.__contains__",
    "__contains__(elem)",
    dunder_contains
);
builtin_method!(ITER, "set.__iter__", "__iter__()", dunder_iter);

pub static SET_METHODS: &[&NativeFunction] = &[
    &ADD,
    &REMOVE,
    &DISCARD,
    &POP,
    &CLEAR,
    &COPY,
    &UNION,
    &INTERSECTION,
    &DIFFERENCE,
    &SYMMETRIC_DIFFERENCE,
    &UPDATE,
    &INTERSECTION_UPDATE,
    &DIFFERENCE_UPDATE,
    &ISSUBSET,
    &ISSUPERSET,
    &ISDISJOINT,
    &LEN,
    &CONTAINS,
    &ITER,
];

pub static FROZENSET_METHODS: &[&NativeFunction] = &[
    &COPY,
    &UNION,
    &INTERSECTION,
    &DIFFERENCE,
    &SYMMETRIC_DIFFERENCE,
    &ISSUBSET,
    &ISSUPERSET,
    &ISDISJOINT,
    &LEN,
    &CONTAINS,
    &ITER,
];

fn this<'a>(args: &Args<'a>, method: &str) -> PyResult<(&'a Rc<Set>, &'a [Value])> {
    match receiver(args) {
        (Value::Set(s), rest) => Ok((s, rest)),
        (other, _) => type_error(format!(
            "descriptor '{method}' for 'set' objects doesn't apply to a '{}' object",
            other.type_name()
        )),
    }
}

fn mutable<'a>(args: &Args<'a>, method: &str) -> PyResult<(&'a Rc<Set>, &'a [Value])> {
    let (s, rest) = this(args, method)?;
    if s.frozen {
        return Err(Exc::new(
            ExcKind::AttributeError,
            format!("'frozenset' object has no attribute '{method}'"),
        ));
    }
    Ok((s, rest))
}

/// An argument as a set (a set is used as is; other iterables are collected).
fn as_set(interp: &mut Interp, v: &Value) -> PyResult<Rc<Set>> {
    match v {
        Value::Set(s) => Ok(s.clone()),
        other => Ok(Rc::new(set_from(interp, other, false)?)),
    }
}

fn add(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = mutable(&args, "add")?;
    let [v] = rest else {
        return type_error(format!(
            "set.add() takes exactly one argument ({} given)",
            rest.len()
        ));
    };
    s.add(interp, v.clone())?;
    Ok(Value::None)
}

fn remove(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = mutable(&args, "remove")?;
    let [v] = rest else {
        return type_error(format!(
            "set.remove() takes exactly one argument ({} given)",
            rest.len()
        ));
    };
    if s.discard(interp, v)? {
        Ok(Value::None)
    } else {
        Err(Exc::instantiate(
            types().exception(ExcKind::KeyError).clone(),
            vec![v.clone()],
        ))
    }
}

fn discard(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = mutable(&args, "discard")?;
    let [v] = rest else {
        return type_error(format!(
            "set.discard() takes exactly one argument ({} given)",
            rest.len()
        ));
    };
    s.discard(interp, v)?;
    Ok(Value::None)
}

fn pop(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = mutable(&args, "pop")?;
    no_args(rest, &args, "set.pop")?;
    s.pop()
        .ok_or_else(|| Exc::new(ExcKind::KeyError, "pop from an empty set"))
}

fn clear(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = mutable(&args, "clear")?;
    no_args(rest, &args, "set.clear")?;
    s.clear();
    Ok(Value::None)
}

fn copy(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "copy")?;
    no_args(rest, &args, "set.copy")?;
    Ok(Value::Set(Rc::new(s.copy(s.frozen))))
}

/// Folds `op` over the receiver and every argument, into a new set of the receiver's kind.
fn algebra(
    interp: &mut Interp,
    args: &Args,
    name: &str,
    op: fn(&Set, &mut Interp, &Set) -> PyResult<Set>,
) -> PyResult<Value> {
    let (s, rest) = this(args, name)?;
    let mut acc = s.copy(s.frozen);
    for other in rest {
        let o = as_set(interp, other)?;
        acc = op(&acc, interp, &o)?;
    }
    let frozen = s.frozen;
    Ok(Value::Set(Rc::new(acc.copy(frozen))))
}

fn union(interp: &mut Interp, args: Args) -> PyResult<Value> {
    algebra(interp, &args, "union", |a, i, b| a.union(i, b))
}

fn intersection(interp: &mut Interp, args: Args) -> PyResult<Value> {
    algebra(interp, &args, "intersection", |a, i, b| {
        a.intersection(i, b)
    })
}

fn difference(interp: &mut Interp, args: Args) -> PyResult<Value> {
    algebra(interp, &args, "difference", |a, i, b| a.difference(i, b))
}

fn symmetric_difference(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "symmetric_difference")?;
    arg_count(rest, "symmetric_difference", 1, 1)?;
    algebra(interp, &args, "symmetric_difference", |a, i, b| {
        a.symmetric_difference(i, b)
    })
}

fn update_with(
    interp: &mut Interp,
    args: &Args,
    name: &str,
    op: fn(&Set, &mut Interp, &Set) -> PyResult<()>,
) -> PyResult<Value> {
    let (s, rest) = mutable(args, name)?;
    for other in rest {
        let o = as_set(interp, other)?;
        op(s, interp, &o)?;
    }
    Ok(Value::None)
}

fn update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    update_with(interp, &args, "update", |a, i, b| a.update(i, b))
}

fn intersection_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    update_with(interp, &args, "intersection_update", |a, i, b| {
        a.intersection_update(i, b)
    })
}

fn difference_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    update_with(interp, &args, "difference_update", |a, i, b| {
        a.difference_update(i, b)
    })
}

fn issubset(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "issubset")?;
    arg_count(rest, "issubset", 1, 1)?;
    let o = as_set(interp, &rest[0])?;
    Ok(Value::Bool(s.is_subset(interp, &o)?))
}

fn issuperset(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "issuperset")?;
    arg_count(rest, "issuperset", 1, 1)?;
    let o = as_set(interp, &rest[0])?;
    Ok(Value::Bool(o.is_subset(interp, s)?))
}

fn isdisjoint(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "isdisjoint")?;
    arg_count(rest, "isdisjoint", 1, 1)?;
    let o = as_set(interp, &rest[0])?;
    for x in o.elements() {
        if s.contains(interp, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn dunder_len(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "__len__")?;
    no_args(rest, &args, "set.__len__")?;
    Ok(Value::Int(s.len() as i64))
}

fn dunder_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "__contains__")?;
    arg_count(rest, "__contains__", 1, 1)?;
    Ok(Value::Bool(s.contains(interp, &rest[0])?))
}

fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__iter__")?;
    no_args(rest, &args, "set.__iter__")?;
    interp.iter(&args.pos[0])
}
