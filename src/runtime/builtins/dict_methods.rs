//! Methods of `dict` and membership in its views.
//!
//! Owns: `get`, `keys`, `values`, `items`, `pop`, `popitem`, `setdefault`, `update`,
//! `copy`, `clear`, `fromkeys` and the dunders learners call directly; `in` on views.
//! Must not touch: the table (`runtime/dict.rs`), dict iteration (`interp/iteration.rs`).

use super::{arg_count, builtin_method, no_args, receiver};
use crate::interp::Interp;
use crate::runtime::dict::{Dict, DictView, ViewKind};
use crate::runtime::exception::{type_error, Exc, ExcKind, PyResult};
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::types::types;
use crate::runtime::value::Value;
use std::rc::Rc;

builtin_method!(GET, "dict.get", "get(key, default=None, /)", get);
builtin_method!(KEYS, "dict.keys", "keys()", keys);
builtin_method!(VALUES, "dict.values", "values()", values);
builtin_method!(ITEMS, "dict.items", "items()", items);
builtin_method!(POP, "dict.pop", "pop(key[, default])", pop);
builtin_method!(POPITEM, "dict.popitem", "popitem()", popitem);
builtin_method!(
    SETDEFAULT,
    "dict.setdefault",
    "setdefault(key, default=None, /)",
    setdefault
);
builtin_method!(UPDATE, "dict.update", "update([other], **kwargs)", update);
builtin_method!(COPY, "dict.copy", "copy()", copy);
builtin_method!(CLEAR, "dict.clear", "clear()", clear);
builtin_method!(
    FROMKEYS,
    "dict.fromkeys",
    "fromkeys(iterable, value=None, /)",
    fromkeys
);
builtin_method!(LEN, "dict.__len__", "__len__()", dunder_len);
builtin_method!(
    GETITEM,
    "dict.__getitem__",
    "__getitem__(key)",
    dunder_getitem
);
builtin_method!(
    CONTAINS,
    "dict.__contains__",
    "__contains__(key)",
    dunder_contains
);
builtin_method!(ITER, "dict.__iter__", "__iter__()", dunder_iter);

pub static METHODS: &[&NativeFunction] = &[
    &GET,
    &KEYS,
    &VALUES,
    &ITEMS,
    &POP,
    &POPITEM,
    &SETDEFAULT,
    &UPDATE,
    &COPY,
    &CLEAR,
    &FROMKEYS,
    &LEN,
    &GETITEM,
    &CONTAINS,
    &ITER,
];

fn this<'a>(args: &Args<'a>, method: &str) -> PyResult<(&'a Rc<Dict>, &'a [Value])> {
    match receiver(args) {
        (Value::Dict(d), rest) => Ok((d, rest)),
        (other, _) => type_error(format!(
            "descriptor '{method}' for 'dict' objects doesn't apply to a '{}' object",
            other.type_name()
        )),
    }
}

fn key_error(key: &Value) -> Exc {
    Exc::instantiate(
        types().exception(ExcKind::KeyError).clone(),
        vec![key.clone()],
    )
}

fn get(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (d, rest) = this(&args, "get")?;
    arg_count(rest, "get", 1, 2)?;
    Ok(d.get(interp, &rest[0])?
        .unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
}

fn view(args: &Args, kind: ViewKind, name: &str) -> PyResult<Value> {
    let (d, rest) = this(args, name)?;
    no_args(rest, args, &format!("dict.{name}"))?;
    Ok(Value::DictView(Rc::new(DictView {
        dict: d.clone(),
        kind,
    })))
}

fn keys(_: &mut Interp, args: Args) -> PyResult<Value> {
    view(&args, ViewKind::Keys, "keys")
}

fn values(_: &mut Interp, args: Args) -> PyResult<Value> {
    view(&args, ViewKind::Values, "values")
}

fn items(_: &mut Interp, args: Args) -> PyResult<Value> {
    view(&args, ViewKind::Items, "items")
}

fn pop(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (d, rest) = this(&args, "pop")?;
    arg_count(rest, "pop", 1, 2)?;
    match (d.remove(interp, &rest[0])?, rest.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(key_error(&rest[0])),
    }
}

fn popitem(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (d, rest) = this(&args, "popitem")?;
    no_args(rest, &args, "dict.popitem")?;
    match d.pop_last() {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(Exc::new(
            ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn setdefault(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (d, rest) = this(&args, "setdefault")?;
    arg_count(rest, "setdefault", 1, 2)?;
    if let Some(v) = d.get(interp, &rest[0])? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or(Value::None);
    d.insert(interp, rest[0].clone(), default.clone())?;
    Ok(default)
}

fn update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (d, rest) = this(&args, "update")?;
    arg_count(rest, "update", 0, 1)?;
    if let Some(src) = rest.first() {
        super::constructors::dict_update(interp, d, src)?;
    }
    for (k, v) in args.kw {
        d.insert_str(k.as_str(), v.clone());
    }
    Ok(Value::None)
}

fn copy(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (d, rest) = this(&args, "copy")?;
    no_args(rest, &args, "dict.copy")?;
    Ok(Value::Dict(Rc::new(d.copy())))
}

fn clear(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (d, rest) = this(&args, "clear")?;
    no_args(rest, &args, "dict.clear")?;
    d.clear();
    Ok(Value::None)
}

fn fromkeys(interp: &mut Interp, args: Args) -> PyResult<Value> {
    // Called on the class (`dict.fromkeys(...)`) or an instance: skip the receiver either way.
    let rest = match args.pos.first() {
        Some(Value::Class(_)) | Some(Value::Dict(_)) => &args.pos[1..],
        _ => args.pos,
    };
    arg_count(rest, "fromkeys", 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let d = Rc::new(Dict::new());
    let it = interp.iter(&rest[0])?;
    while let Some(k) = interp.next(&it)? {
        d.insert(interp, k, value.clone())?;
    }
    Ok(Value::Dict(d))
}

fn dunder_len(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (d, rest) = this(&args, "__len__")?;
    no_args(rest, &args, "dict.__len__")?;
    Ok(Value::Int(d.len() as i64))
}

fn dunder_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__getitem__")?;
    arg_count(rest, "__getitem__", 1, 1)?;
    interp.get_item(&args.pos[0], &rest[0])
}

fn dunder_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (d, rest) = this(&args, "__contains__")?;
    arg_count(rest, "__contains__", 1, 1)?;
    Ok(Value::Bool(d.contains(interp, &rest[0])?))
}

fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__iter__")?;
    no_args(rest, &args, "dict.__iter__")?;
    interp.iter(&args.pos[0])
}

/// `item in view`: keys look up, items look up the key then compare the value.
pub fn view_contains(interp: &mut Interp, view: &DictView, item: &Value) -> PyResult<bool> {
    match view.kind {
        ViewKind::Keys => view.dict.contains(interp, item),
        ViewKind::Items => {
            let Value::Tuple(t) = item else {
                return Ok(false);
            };
            let [k, v] = t.as_slice() else {
                return Ok(false);
            };
            match view.dict.get(interp, k)? {
                Some(found) => interp.eq(&found, v),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            for v in view.dict.values() {
                if interp.eq(&v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}
