//! The built-in functions: `print`, `len`, `iter`, `next`, `sorted`, `min` … (the types
//! such as `list` and `zip` are classes, constructed in `constructors.rs`).
//!
//! Owns: each function's argument handling and CPython's messages for it.
//! Must not touch: how the protocols themselves work (`interp/iteration.rs`,
//! `interp/operators.rs`); they are called, not re-implemented.

use super::{arg_count, builtin_fn, int_arg, no_keywords, one_arg, only_keywords};
use crate::interp::generator::{stop_iteration, Resumed};
use crate::interp::trace::Who;
use crate::interp::Interp;
use crate::runtime::exception::{type_error, value_error, Exc, ExcKind, PyResult};
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::iterators::{BuiltinIter, IterState};
use crate::runtime::num;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::types::class_of;
use crate::runtime::value::Value;
use crate::syntax::ast::BinOp;
use std::rc::Rc;

builtin_fn!(PRINT, "print", "print(*objects, sep=' ', end='\\n')", print);
builtin_fn!(LEN, "len", "len(obj, /)", len);
builtin_fn!(
    ITER,
    "iter",
    "iter(iterable) or iter(callable, sentinel)",
    iter
);
builtin_fn!(NEXT, "next", "next(iterator[, default])", next);
builtin_fn!(
    SORTED,
    "sorted",
    "sorted(iterable, /, *, key=None, reverse=False)",
    sorted
);
builtin_fn!(SUM, "sum", "sum(iterable, /, start=0)", sum);
builtin_fn!(
    MIN,
    "min",
    "min(iterable, *[, default=obj, key=func]) or min(arg1, arg2, *args, *[, key=func])",
    min
);
builtin_fn!(
    MAX,
    "max",
    "max(iterable, *[, default=obj, key=func]) or max(arg1, arg2, *args, *[, key=func])",
    max
);
builtin_fn!(ANY, "any", "any(iterable, /)", any);
builtin_fn!(ALL, "all", "all(iterable, /)", all);
builtin_fn!(
    ISINSTANCE,
    "isinstance",
    "isinstance(obj, class_or_tuple, /)",
    isinstance
);
builtin_fn!(
    ISSUBCLASS,
    "issubclass",
    "issubclass(cls, class_or_tuple, /)",
    issubclass
);
builtin_fn!(HASATTR, "hasattr", "hasattr(obj, name, /)", hasattr);
builtin_fn!(
    GETATTR,
    "getattr",
    "getattr(object, name[, default])",
    getattr
);
builtin_fn!(SETATTR, "setattr", "setattr(obj, name, value, /)", setattr);
builtin_fn!(DELATTR, "delattr", "delattr(obj, name, /)", delattr);
builtin_fn!(CALLABLE, "callable", "callable(obj, /)", callable);
builtin_fn!(ID, "id", "id(obj, /)", id);
builtin_fn!(HASH, "hash", "hash(obj, /)", hash);
builtin_fn!(REPR, "repr", "repr(obj, /)", repr);
builtin_fn!(ASCII, "ascii", "ascii(obj, /)", ascii);
builtin_fn!(FORMAT, "format", "format(value, format_spec='', /)", format);
builtin_fn!(ABS, "abs", "abs(x, /)", abs);
builtin_fn!(ROUND, "round", "round(number, ndigits=None)", round);
builtin_fn!(DIVMOD, "divmod", "divmod(x, y, /)", divmod);
builtin_fn!(POW, "pow", "pow(base, exp, mod=None)", pow);
builtin_fn!(CHR, "chr", "chr(i, /)", chr);
builtin_fn!(ORD, "ord", "ord(c, /)", ord);
builtin_fn!(BIN, "bin", "bin(number, /)", bin);
builtin_fn!(OCT, "oct", "oct(number, /)", oct);
builtin_fn!(HEX, "hex", "hex(number, /)", hex);
builtin_fn!(INPUT, "input", "input(prompt='', /)", input);
builtin_fn!(DIR, "dir", "dir([object])", dir);
builtin_fn!(VARS, "vars", "vars([object])", vars);

/// Every built-in function, for the builtins namespace.
pub static FUNCTIONS: &[&NativeFunction] = &[
    &PRINT,
    &LEN,
    &ITER,
    &NEXT,
    &SORTED,
    &SUM,
    &MIN,
    &MAX,
    &ANY,
    &ALL,
    &ISINSTANCE,
    &ISSUBCLASS,
    &HASATTR,
    &GETATTR,
    &SETATTR,
    &DELATTR,
    &CALLABLE,
    &ID,
    &HASH,
    &REPR,
    &ASCII,
    &FORMAT,
    &ABS,
    &ROUND,
    &DIVMOD,
    &POW,
    &CHR,
    &ORD,
    &BIN,
    &OCT,
    &HEX,
    &INPUT,
    &DIR,
    &VARS,
];

fn print(interp: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["sep", "end", "file", "flush"], "print")?;
    let text_arg = |name: Symbol, default: &'static str| -> PyResult<Option<String>> {
        match args.kwarg(name) {
            None | Some(Value::None) => Ok(Some(default.to_string())),
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            Some(other) => type_error(format!(
                "{} must be None or a string, not {}",
                name,
                other.type_name()
            )),
        }
    };
    let sep = text_arg(sym::SEP, " ")?.unwrap_or_default();
    let end = text_arg(sym::END, "\n")?.unwrap_or_default();
    let mut out = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match v {
            Value::Str(s) => out.push_str(s.as_str()),
            Value::Int(n) => out.push_str(&n.to_string()),
            other => out.push_str(&interp.str_of(other)?),
        }
    }
    out.push_str(&end);
    interp.write_out(&out);
    if let Some(flush) = args.kwarg(sym::FLUSH) {
        if interp.truthy(flush)? {
            interp.flush_out();
        }
    }
    Ok(Value::None)
}

fn len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "len")?;
    Ok(Value::Int(interp.len(v)? as i64))
}

fn iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "iter")?;
    arg_count(args.pos, "iter", 1, 2)?;
    if let [func, sentinel] = args.pos {
        if !is_callable(func) {
            return type_error("iter(v, w): v must be callable");
        }
        return Ok(BuiltinIter::value(
            "callable_iterator",
            IterState::Callable {
                func: func.clone(),
                sentinel: sentinel.clone(),
            },
        ));
    }
    let it = interp.iter(&args.pos[0])?;
    if interp.trace.is_some() {
        interp.trace_iter(&args.pos[0], &it, Who::Program);
    }
    Ok(it)
}

/// `next(it[, default])`: a generator's return value and a user `__next__`'s
/// StopIteration propagate as they are. One argument and no trace, the common call,
/// is answered by the step alone.
fn next(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "next")?;
    arg_count(args.pos, "next", 1, 2)?;
    let it = &args.pos[0];
    if args.pos.len() == 1 && interp.trace.is_none() {
        return next_item(interp, it);
    }
    next_with_default(interp, it, args.pos.get(1))
}

/// One step of `it` for `next()`: its item, or the StopIteration that ends it.
#[inline(always)]
fn next_item(interp: &mut Interp, it: &Value) -> PyResult<Value> {
    match it {
        Value::Iter(b) => match interp.next_builtin(it, b)? {
            Some(v) => Ok(v),
            None => Err(Exc::bare(ExcKind::StopIteration)),
        },
        Value::Generator(g) => {
            match interp.resume(g, crate::interp::frame::ResumeInput::Send(Value::None)) {
                Ok(Resumed::Yield(v)) => Ok(v),
                Ok(Resumed::Return(v)) => Err(stop_iteration(v)),
                Err(e) => Err(e),
            }
        }
        Value::Instance(inst) => match inst.class.lookup(sym::NEXT) {
            Some(m) => interp.call(&m, std::slice::from_ref(it), &[]),
            None => Err(crate::interp::iteration::not_an_iterator(it)),
        },
        _ => Err(crate::interp::iteration::not_an_iterator(it)),
    }
}

/// `next(it, default)`, or `next(it)` while tracing: the step, reported to the
/// trace, with exhaustion answered by `default` when there is one.
#[inline(never)]
fn next_with_default(interp: &mut Interp, it: &Value, default: Option<&Value>) -> PyResult<Value> {
    let result = next_item(interp, it);
    if interp.trace.is_some() {
        match (&result, default) {
            (Ok(v), _) => interp.trace_next(it, Some(v), Who::Program),
            (Err(e), Some(d)) if e.is(ExcKind::StopIteration) => interp.trace_next_default(it, d),
            (Err(e), None) if e.is(ExcKind::StopIteration) => {
                interp.trace_next(it, None, Who::Program)
            }
            (Err(_), _) => {}
        }
    }
    match (result, default) {
        (Err(e), Some(d)) if e.is(ExcKind::StopIteration) => Ok(d.clone()),
        (result, _) => result,
    }
}

fn sorted(interp: &mut Interp, args: Args) -> PyResult<Value> {
    arg_count(args.pos, "sorted", 1, 1)?;
    only_keywords(&args, &["key", "reverse"], "sort")?;
    let mut items = interp.collect(&args.pos[0])?;
    let key = args.kwarg(sym::KEY).cloned().unwrap_or(Value::None);
    let reverse = match args.kwarg(sym::REVERSE) {
        Some(r) => interp.truthy(r)?,
        None => false,
    };
    super::list_methods::sort_values(interp, &mut items, &key, reverse)?;
    Ok(Value::list(items))
}

fn sum(interp: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["start"], "sum")?;
    if args.pos.is_empty() {
        return type_error("sum() takes at least 1 positional argument (0 given)");
    }
    if args.pos.len() > 2 {
        return type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.pos.len()
        ));
    }
    let mut total = args
        .pos
        .get(1)
        .or(args.kwarg(sym::START))
        .cloned()
        .unwrap_or(Value::Int(0));
    match &total {
        Value::Str(_) => return type_error("sum() can't sum strings [use ''.join(seq) instead]"),
        Value::List(_) | Value::Tuple(_) => {}
        _ => {}
    }
    let it = interp.iter(&args.pos[0])?;
    while let Some(x) = interp.next(&it)? {
        if let (Value::Int(a), Value::Int(b)) = (&total, &x) {
            if let Some(r) = a.checked_add(*b) {
                total = Value::Int(r);
                continue;
            }
        }
        // A big running total is grown in place: no allocation per item.
        if !num::accumulate_in_place(BinOp::Add, &mut total, &x) {
            let next_total = interp.binary(BinOp::Add, &total, &x)?;
            total.store(next_total);
        }
        x.discard();
    }
    Ok(total)
}

fn min(interp: &mut Interp, args: Args) -> PyResult<Value> {
    extreme(interp, args, "min", true)
}

fn max(interp: &mut Interp, args: Args) -> PyResult<Value> {
    extreme(interp, args, "max", false)
}

/// `min`/`max`: the first smallest (largest) item, by `key` if given.
fn extreme(interp: &mut Interp, args: Args, name: &str, want_min: bool) -> PyResult<Value> {
    only_keywords(&args, &["key", "default"], name)?;
    if args.pos.is_empty() {
        return type_error(format!("{name} expected at least 1 argument, got 0"));
    }
    let key = args.kwarg(sym::KEY).cloned().filter(|k| !k.is_none());
    let default = args.kwarg(sym::DEFAULT).cloned();
    let items: Vec<Value> = if args.pos.len() == 1 {
        interp.collect(&args.pos[0])?
    } else {
        if default.is_some() {
            return type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            ));
        }
        args.pos.to_vec()
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => interp.call(f, std::slice::from_ref(&item), &[])?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (item, k),
            Some((bv, bk)) => {
                let better = if want_min {
                    interp.less_than(&k, &bk)?
                } else {
                    interp.less_than(&bk, &k)?
                };
                if better {
                    (item, k)
                } else {
                    (bv, bk)
                }
            }
        });
    }
    match (best, default) {
        (Some((v, _)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => value_error(format!("{name}() arg is an empty sequence")),
    }
}

fn any(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let it = interp.iter(one_arg(&args, "any")?)?;
    while let Some(x) = interp.next(&it)? {
        if interp.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let it = interp.iter(one_arg(&args, "all")?)?;
    while let Some(x) = interp.next(&it)? {
        if !interp.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `isinstance(v, class_or_tuple)` as a Rust bool.
pub fn is_instance(v: &Value, class: &Value) -> PyResult<bool> {
    match class {
        Value::Class(c) => Ok(class_of(v).is_subclass_of(c)),
        Value::Tuple(t) => {
            for c in t.as_slice() {
                if is_instance(v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"),
    }
}

fn isinstance(_: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "isinstance")?;
    arg_count(args.pos, "isinstance", 2, 2)?;
    Ok(Value::Bool(is_instance(&args.pos[0], &args.pos[1])?))
}

fn issubclass(_: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "issubclass")?;
    arg_count(args.pos, "issubclass", 2, 2)?;
    let Value::Class(c) = &args.pos[0] else {
        return type_error("issubclass() arg 1 must be a class");
    };
    fn check(c: &Rc<crate::runtime::class::Class>, class: &Value) -> PyResult<bool> {
        match class {
            Value::Class(k) => Ok(c.is_subclass_of(k)),
            Value::Tuple(t) => {
                for k in t.as_slice() {
                    if check(c, k)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"),
        }
    }
    Ok(Value::Bool(check(c, &args.pos[1])?))
}

fn attr_name(v: &Value, func: &str) -> PyResult<Symbol> {
    match v {
        Value::Str(s) => Ok(Symbol::intern(s.as_str())),
        _ => type_error(format!("{func}(): attribute name must be string")),
    }
}

fn hasattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "hasattr")?;
    arg_count(args.pos, "hasattr", 2, 2)?;
    let name = attr_name(&args.pos[1], "hasattr")?;
    match interp.get_attr(&args.pos[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "getattr")?;
    arg_count(args.pos, "getattr", 2, 3)?;
    let name = attr_name(&args.pos[1], "getattr")?;
    match (interp.get_attr(&args.pos[0], name), args.pos.get(2)) {
        (Err(e), Some(default)) if e.is(ExcKind::AttributeError) => Ok(default.clone()),
        (result, _) => result,
    }
}

fn setattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "setattr")?;
    arg_count(args.pos, "setattr", 3, 3)?;
    let name = attr_name(&args.pos[1], "setattr")?;
    interp.set_attr(&args.pos[0], name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "delattr")?;
    arg_count(args.pos, "delattr", 2, 2)?;
    let name = attr_name(&args.pos[1], "delattr")?;
    interp.del_attr(&args.pos[0], name)?;
    Ok(Value::None)
}

pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Native(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(inst) => inst.class.lookup(sym::CALL).is_some(),
        _ => false,
    }
}

fn callable(_: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(is_callable(one_arg(&args, "callable")?)))
}

fn id(_: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "id")?;
    Ok(Value::Int(v.identity() as i64))
}

fn hash(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "hash")?;
    Ok(Value::Int(interp.hash(v)?))
}

fn repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "repr")?;
    Ok(Value::string(interp.repr(v)?))
}

fn ascii(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "ascii")?;
    let r = interp.repr(v)?;
    Ok(Value::string(crate::runtime::text::escape_non_ascii(&r)))
}

fn format(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "format")?;
    arg_count(args.pos, "format", 1, 2)?;
    let spec = match args.pos.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return type_error(format!(
                "format() argument 2 must be str, not {}",
                other.type_name()
            ))
        }
    };
    Ok(Value::string(interp.format_value(&args.pos[0], &spec)?))
}

fn abs(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "abs")?;
    if let Some(r) = num::abs(v) {
        return Ok(r);
    }
    if let Value::Instance(inst) = v {
        if let Some(m) = inst.class.lookup(sym::ABS) {
            return interp.call(&m, std::slice::from_ref(v), &[]);
        }
    }
    type_error(format!("bad operand type for abs(): '{}'", v.type_name()))
}

fn round(interp: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["number", "ndigits"], "round")?;
    let number = args
        .pos
        .first()
        .or(args.kwarg_named("number"))
        .ok_or_else(|| {
            Exc::new(
                ExcKind::TypeError,
                "round() missing required argument 'number' (pos 1)",
            )
        })?;
    let ndigits = args
        .pos
        .get(1)
        .or(args.kwarg_named("ndigits"))
        .filter(|v| !v.is_none());
    if let Value::Instance(inst) = number {
        if let Some(m) = inst.class.lookup(Symbol::intern("__round__")) {
            let mut call_args = vec![number.clone()];
            call_args.extend(ndigits.cloned());
            return interp.call(&m, &call_args, &[]);
        }
    }
    num::round(number, ndigits).unwrap_or_else(|| {
        type_error(format!(
            "type {} doesn't define __round__ method",
            number.type_name()
        ))
    })
}

fn divmod(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "divmod")?;
    arg_count(args.pos, "divmod", 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if let Some(r) = num::divmod(a, b) {
        return r;
    }
    let _ = interp;
    type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.type_name(),
        b.type_name()
    ))
}

fn pow(interp: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["base", "exp", "mod"], "pow")?;
    arg_count(args.pos, "pow", 2, 3)?;
    match args.pos.get(2).filter(|m| !m.is_none()) {
        Some(m) => num::pow_mod(&args.pos[0], &args.pos[1], m).unwrap_or_else(|| {
            type_error(format!(
                "unsupported operand type(s) for pow(): '{}', '{}', '{}'",
                args.pos[0].type_name(),
                args.pos[1].type_name(),
                m.type_name()
            ))
        }),
        None => interp.binary(BinOp::Pow, &args.pos[0], &args.pos[1]),
    }
}

fn chr(_: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "chr")?;
    let i = int_arg(v, "")?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => value_error("chr() arg not in range(0x110000)"),
    }
}

fn ord(_: &mut Interp, args: Args) -> PyResult<Value> {
    match one_arg(&args, "ord")? {
        Value::Str(s) if s.char_len() == 1 => {
            Ok(Value::Int(s.char_at(0).map(|c| c as i64).unwrap_or(0)))
        }
        Value::Str(s) => type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        )),
        other => type_error(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        )),
    }
}

fn radix(interp: &mut Interp, args: Args, name: &str, base: u32) -> PyResult<Value> {
    let v = one_arg(&args, name)?;
    let v = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
        other => match interp.to_index(other)? {
            Some(i) => Value::Int(i),
            None => {
                return type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                ))
            }
        },
    };
    let i = num::IntRef::of(&v).unwrap_or(num::IntRef::Small(0));
    Ok(Value::string(num::int_to_radix(i, base, true)))
}

fn bin(interp: &mut Interp, args: Args) -> PyResult<Value> {
    radix(interp, args, "bin", 2)
}

fn oct(interp: &mut Interp, args: Args) -> PyResult<Value> {
    radix(interp, args, "oct", 8)
}

fn hex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    radix(interp, args, "hex", 16)
}

fn input(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "input")?;
    arg_count(args.pos, "input", 0, 1)?;
    if let Some(p) = args.pos.first() {
        let text = interp.str_of(p)?;
        interp.write_out(&text);
    }
    interp.flush_out();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => Err(Exc::new(ExcKind::EOFError, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::string(line))
        }
    }
}

fn dir(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "dir")?;
    arg_count(args.pos, "dir", 0, 1)?;
    let Some(obj) = args.pos.first() else {
        let mut names: Vec<String> = interp
            .visible_global_names()
            .iter()
            .map(|s| s.to_string())
            .collect();
        names.sort();
        names.dedup();
        return Ok(Value::list(names.into_iter().map(Value::string).collect()));
    };
    let mut names: Vec<String> = Vec::new();
    let class = match obj {
        Value::Instance(inst) => {
            names.extend(inst.attrs.borrow().iter().map(|(k, _)| k.to_string()));
            inst.class.clone()
        }
        Value::Class(c) => c.clone(),
        Value::Module(m) => {
            names.extend(m.attrs.borrow().iter().map(|(k, _)| k.to_string()));
            class_of(obj)
        }
        other => class_of(other),
    };
    names.extend(class.attrs().iter().map(|(k, _)| k.to_string()));
    for c in &class.mro {
        names.extend(c.attrs().iter().map(|(k, _)| k.to_string()));
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn vars(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "vars")?;
    arg_count(args.pos, "vars", 1, 1)?;
    interp.get_attr(&args.pos[0], sym::DICT).map_err(|_| {
        Exc::new(
            ExcKind::TypeError,
            "vars() argument must have __dict__ attribute",
        )
    })
}
