//! Methods of `str`, as Python sees them.
//!
//! Owns: argument handling for each method; the text algorithms live in `runtime/text/`.
//! `join` and `format` are here in full because they iterate or format Python values.
//! Must not touch: string operators (`sequence_ops.rs`).

use super::{arg_count, builtin_method, no_args, receiver};
use crate::interp::Interp;
use crate::runtime::exception::{type_error, PyResult};
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::str::PyStr;
use crate::runtime::value::Value;
use std::rc::Rc;

builtin_method!(JOIN, "str.join", "join(iterable, /)", join);
builtin_method!(LEN, "str.__len__", "__len__()", dunder_len);
builtin_method!(
    GETITEM,
    "str.__getitem__",
    "__getitem__(index)",
    dunder_getitem
);
builtin_method!(
    CONTAINS,
    "str.__contains__",
    "__contains__(sub)",
    dunder_contains
);
builtin_method!(ITER, "str.__iter__", "__iter__()", dunder_iter);

pub static METHODS: &[&NativeFunction] = &[&JOIN, &LEN, &GETITEM, &CONTAINS, &ITER];

pub fn this<'a>(args: &Args<'a>, method: &str) -> PyResult<(&'a Rc<PyStr>, &'a [Value])> {
    match receiver(args) {
        (Value::Str(s), rest) => Ok((s, rest)),
        (other, _) => type_error(format!(
            "descriptor '{method}' for 'str' objects doesn't apply to a '{}' object",
            other.type_name()
        )),
    }
}

/// `sep.join(iterable)`: every item must be a str.
fn join(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (sep, rest) = this(&args, "join")?;
    let [iterable] = rest else {
        return type_error(format!(
            "str.join() takes exactly one argument ({} given)",
            rest.len()
        ));
    };
    let items = interp.collect(iterable)?;
    let mut total = 0;
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => total += s.as_str().len(),
            other => {
                return type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                ))
            }
        }
    }
    let mut out = String::with_capacity(total + sep.as_str().len() * items.len());
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Value::Str(s) = item {
            out.push_str(s.as_str());
        }
    }
    Ok(Value::string(out))
}

fn dunder_len(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "__len__")?;
    no_args(rest, &args, "str.__len__")?;
    Ok(Value::Int(s.char_len() as i64))
}

fn dunder_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__getitem__")?;
    arg_count(rest, "__getitem__", 1, 1)?;
    interp.get_item(&args.pos[0], &rest[0])
}

fn dunder_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__contains__")?;
    arg_count(rest, "__contains__", 1, 1)?;
    Ok(Value::Bool(interp.contains(&args.pos[0], &rest[0])?))
}

fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__iter__")?;
    no_args(rest, &args, "str.__iter__")?;
    interp.iter(&args.pos[0])
}
