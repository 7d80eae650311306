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
builtin_method!(
    SYMMETRIC_DIFFERENCE_UPDATE,
    "set.symmetric_difference_update",
    "symmetric_difference_update(other, /)",
    symmetric_difference_update
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
    &SYMMETRIC_DIFFERENCE_UPDATE,
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

/// Each argument's elements in CPython's order of work: a set's (or dict's) table is
/// used as a whole, any other iterable one element at a time as it is iterated.
enum Operand {
    Table(Rc<Set>),
    Items(Vec<Value>),
}

fn operand(interp: &mut Interp, v: &Value) -> PyResult<Operand> {
    match v {
        Value::Set(s) => Ok(Operand::Table(s.clone())),
        Value::Dict(d) => {
            let set = Set::new(false);
            set.presize(d.len());
            for k in d.keys() {
                set.add(interp, k)?;
            }
            Ok(Operand::Table(Rc::new(set)))
        }
        other => Ok(Operand::Items(interp.collect(other)?)),
    }
}

/// `set_update_internal`: a set is merged, other elements are added one by one.
fn update_from(interp: &mut Interp, s: &Set, other: &Value) -> PyResult<()> {
    match operand(interp, other)? {
        Operand::Table(o) => s.update(interp, &o),
        Operand::Items(items) => {
            for x in items {
                s.add(interp, x)?;
            }
            Ok(())
        }
    }
}

/// `set_intersection`: a set argument by the smaller table; otherwise in the argument's
/// order, keeping what `s` contains.
fn intersect(interp: &mut Interp, s: &Set, other: &Value) -> PyResult<Set> {
    match operand(interp, other)? {
        Operand::Table(o) => s.intersection(interp, &o),
        Operand::Items(items) => {
            let out = Set::new(s.frozen);
            for x in items {
                if s.contains(interp, &x)? {
                    out.add(interp, x)?;
                }
            }
            Ok(out)
        }
    }
}

/// `set_difference_update_internal`: discards each element of the argument.
fn discard_from(interp: &mut Interp, s: &Set, other: &Value) -> PyResult<()> {
    match operand(interp, other)? {
        Operand::Table(o) => s.difference_update(interp, &o),
        Operand::Items(items) => {
            for x in items {
                s.discard(interp, &x)?;
            }
            Ok(())
        }
    }
}

fn result(s: &Set, out: Set) -> Value {
    if out.frozen == s.frozen {
        Value::Set(Rc::new(out))
    } else {
        Value::Set(Rc::new(out.copy(s.frozen)))
    }
}

fn union(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "union")?;
    let acc = s.copy(s.frozen);
    for other in rest {
        if !matches!(other, Value::Set(o) if Rc::ptr_eq(o, s)) {
            update_from(interp, &acc, other)?;
        }
    }
    Ok(result(s, acc))
}

fn intersection(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "intersection")?;
    let mut acc = s.copy(s.frozen);
    for other in rest {
        acc = intersect(interp, &acc, other)?;
    }
    Ok(result(s, acc))
}

fn difference(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "difference")?;
    let acc = match rest.first() {
        Some(Value::Set(o)) => s.difference(interp, o)?,
        _ => s.copy(s.frozen),
    };
    let skip = usize::from(matches!(rest.first(), Some(Value::Set(_))));
    for other in &rest[skip..] {
        discard_from(interp, &acc, other)?;
    }
    Ok(result(s, acc))
}

/// CPython builds a set from the argument, then toggles the receiver's elements in it.
fn symmetric_difference(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "symmetric_difference")?;
    arg_count(rest, "symmetric_difference", 1, 1)?;
    let out = set_from(interp, &rest[0], s.frozen)?;
    out.symmetric_difference_update(interp, s)?;
    Ok(result(s, out))
}

fn update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = mutable(&args, "update")?;
    for other in rest {
        update_from(interp, s, other)?;
    }
    Ok(Value::None)
}

fn intersection_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = mutable(&args, "intersection_update")?;
    let mut acc = s.copy(false);
    for other in rest {
        acc = intersect(interp, &acc, other)?;
    }
    s.replace_table(acc);
    Ok(Value::None)
}

/// A set argument is toggled in directly; any other iterable becomes a set first.
fn symmetric_difference_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = mutable(&args, "symmetric_difference_update")?;
    arg_count(rest, "symmetric_difference_update", 1, 1)?;
    let other = as_set(interp, &rest[0])?;
    s.symmetric_difference_update(interp, &other)?;
    Ok(Value::None)
}

fn difference_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = mutable(&args, "difference_update")?;
    for other in rest {
        discard_from(interp, s, other)?;
    }
    Ok(Value::None)
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
