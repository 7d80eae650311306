//! Methods of `list` (and the stable sort `sorted()` shares).
//!
//! Owns: `append`, `extend`, `insert`, `pop`, `remove`, `index`, `count`, `sort`,
//! `reverse`, `copy`, `clear` and the dunders learners call directly. Never holds the
//! list's borrow while calling Python code (`__eq__`, sort keys).
//! Must not touch: list operators (`sequence_ops.rs`), iteration (`interp/iteration.rs`).

use super::{arg_count, builtin_method, int_arg, no_args, no_keywords, only_keywords, receiver};
use crate::interp::Interp;
use crate::runtime::exception::{index_error, type_error, value_error, PyResult};
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::list::List;
use crate::runtime::symbol::sym;
use crate::runtime::value::Value;
use std::rc::Rc;

builtin_method!(APPEND, "list.append", "append(object, /)", append);
builtin_method!(EXTEND, "list.extend", "extend(iterable, /)", extend);
builtin_method!(INSERT, "list.insert", "insert(index, object, /)", insert);
builtin_method!(POP, "list.pop", "pop(index=-1, /)", pop);
builtin_method!(REMOVE, "list.remove", "remove(value, /)", remove);
builtin_method!(
    INDEX,
    "list.index",
    "index(value, start=0, stop=sys.maxsize, /)",
    index
);
builtin_method!(COUNT, "list.count", "count(value, /)", count);
builtin_method!(SORT, "list.sort", "sort(*, key=None, reverse=False)", sort);
builtin_method!(REVERSE, "list.reverse", "reverse()", reverse);
builtin_method!(COPY, "list.copy", "copy()", copy);
builtin_method!(CLEAR, "list.clear", "clear()", clear);
builtin_method!(LEN, "list.__len__", "__len__()", dunder_len);
builtin_method!(
    GETITEM,
    "list.__getitem__",
    "__getitem__(index)",
    dunder_getitem
);
builtin_method!(ITER, "list.__iter__", "__iter__()", dunder_iter);
builtin_method!(
    CONTAINS,
    "list.__contains__",
    "__contains__(value)",
    dunder_contains
);

pub static METHODS: &[&NativeFunction] = &[
    &APPEND, &EXTEND, &INSERT, &POP, &REMOVE, &INDEX, &COUNT, &SORT, &REVERSE, &COPY, &CLEAR, &LEN,
    &GETITEM, &ITER, &CONTAINS,
];

/// The list a method was called on (TypeError for `list.append(1, 2)`).
fn this<'a>(args: &Args<'a>, method: &str) -> PyResult<(&'a Rc<List>, &'a [Value])> {
    match receiver(args) {
        (Value::List(l), rest) => Ok((l, rest)),
        (other, _) => type_error(format!(
            "descriptor '{method}' for 'list' objects doesn't apply to a '{}' object",
            other.type_name()
        )),
    }
}

fn append(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "append")?;
    no_keywords(&args, "list.append")?;
    match rest {
        [v] => {
            l.push(v.clone());
            Ok(Value::None)
        }
        _ => type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            rest.len()
        )),
    }
}

fn extend(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "extend")?;
    let [src] = rest else {
        return type_error(format!(
            "list.extend() takes exactly one argument ({} given)",
            rest.len()
        ));
    };
    let mut extra = Vec::new();
    interp.extend_from_iterable(&mut extra, src)?;
    l.items.borrow_mut().extend(extra);
    Ok(Value::None)
}

fn insert(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "insert")?;
    arg_count(rest, "insert", 2, 2)?;
    let i = int_arg(&rest[0], "")?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, rest[1].clone());
    Ok(Value::None)
}

fn pop(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "pop")?;
    arg_count(rest, "pop", 0, 1)?;
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return index_error("pop from empty list");
    }
    let n = items.len() as i64;
    let i = match rest.first() {
        Some(v) => int_arg(v, "")?,
        None => -1,
    };
    let at = if i < 0 { i + n } else { i };
    if at < 0 || at >= n {
        return index_error("pop index out of range");
    }
    Ok(items.remove(at as usize))
}

/// Index of the first item equal to `v` in `start..stop` (compared without the borrow held).
fn find(
    interp: &mut Interp,
    l: &List,
    v: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = l.get(i) else { break };
        if interp.eq(&item, v)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "remove")?;
    let [v] = rest else {
        return type_error(format!(
            "list.remove() takes exactly one argument ({} given)",
            rest.len()
        ));
    };
    match find(interp, l, v, 0, usize::MAX)? {
        Some(i) => {
            let removed = {
                let mut items = l.items.borrow_mut();
                (i < items.len()).then(|| items.remove(i))
            };
            drop(removed);
            Ok(Value::None)
        }
        None => value_error("list.remove(x): x not in list"),
    }
}

fn clamp_bound(v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    Ok(match v {
        None => default,
        Some(v) => {
            let i = int_arg(v, "")?;
            let n = len as i64;
            (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize
        }
    })
}

fn index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "index")?;
    arg_count(rest, "index", 1, 3)?;
    let len = l.len();
    let start = clamp_bound(rest.get(1), len, 0)?;
    let stop = clamp_bound(rest.get(2), len, len)?;
    match find(interp, l, &rest[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = interp.repr(&rest[0])?;
            value_error(format!("{r} is not in list"))
        }
    }
}

fn count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "count")?;
    let [v] = rest else {
        return type_error(format!(
            "list.count() takes exactly one argument ({} given)",
            rest.len()
        ));
    };
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if interp.eq(&item, v)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn sort(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "sort")?;
    if !rest.is_empty() {
        return type_error("sort() takes no positional arguments");
    }
    only_keywords(&args, &["key", "reverse"], "sort")?;
    let key = args.kwarg(sym::KEY).cloned().unwrap_or(Value::None);
    let reverse = match args.kwarg(sym::REVERSE) {
        Some(r) => interp.truthy(r)?,
        None => false,
    };
    // Sort a copy with the list emptied, as CPython does, so a comparison that looks at
    // the list sees it empty and one that mutates it is detected.
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let result = sort_values(interp, &mut items, &key, reverse);
    let modified = !l.is_empty();
    *l.items.borrow_mut() = items;
    result?;
    if modified {
        return value_error("list modified during sort");
    }
    Ok(Value::None)
}

/// Stable sort using only `<`, as Python's: by `key(item)` when `key` is not None;
/// `reverse` keeps equal items in their original order.
pub fn sort_values(
    interp: &mut Interp,
    items: &mut Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = if key.is_none() {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for v in items.iter() {
            ks.push(interp.call(key, std::slice::from_ref(v), &[])?);
        }
        ks
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    // Fast path: all small ints.
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        order.sort_by_key(|&i| if let Value::Int(n) = keys[i] { n } else { 0 });
    } else {
        merge_sort(interp, &mut order, &keys)?;
    }
    if reverse {
        order.reverse();
    }
    let sorted: Vec<Value> = order.iter().map(|&i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

/// A stable merge sort of indexes by `keys[i] < keys[j]`, propagating comparison errors.
fn merge_sort(interp: &mut Interp, order: &mut [usize], keys: &[Value]) -> PyResult<()> {
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion sort for short runs.
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && interp.less_than(&keys[order[j]], &keys[order[j - 1]])? {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    merge_sort(interp, &mut order[..mid], keys)?;
    merge_sort(interp, &mut order[mid..], keys)?;
    if !interp.less_than(&keys[order[mid]], &keys[order[mid - 1]])? {
        return Ok(());
    }
    let left: Vec<usize> = order[..mid].to_vec();
    let right: Vec<usize> = order[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if interp.less_than(&keys[right[j]], &keys[left[i]])? {
            order[k] = right[j];
            j += 1;
        } else {
            order[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        order[k] = left[i];
        i += 1;
        k += 1;
    }
    while j < right.len() {
        order[k] = right[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

fn reverse(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "reverse")?;
    no_args(rest, &args, "list.reverse")?;
    l.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "copy")?;
    no_args(rest, &args, "list.copy")?;
    Ok(Value::list(l.snapshot()))
}

fn clear(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (l, rest) = this(&args, "clear")?;
    no_args(rest, &args, "list.clear")?;
    let old = std::mem::take(&mut *l.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dunder_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__len__")?;
    no_args(rest, &args, "list.__len__")?;
    Ok(Value::Int(interp.len(&args.pos[0])? as i64))
}

fn dunder_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__getitem__")?;
    arg_count(rest, "__getitem__", 1, 1)?;
    interp.get_item(&args.pos[0], &rest[0])
}

fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__iter__")?;
    no_args(rest, &args, "list.__iter__")?;
    interp.iter(&args.pos[0])
}

fn dunder_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__contains__")?;
    arg_count(rest, "__contains__", 1, 1)?;
    Ok(Value::Bool(interp.contains(&args.pos[0], &rest[0])?))
}
