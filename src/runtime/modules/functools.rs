//! The `functools` module: `reduce`, `partial`, `cache`/`lru_cache`, `wraps`,
//! `cmp_to_key`.
//!
//! Owns: those tools. `partial` objects and cached functions are instances of built-in
//! classes whose `__call__` is native, so calling them goes through the one call path.
//! Must not touch: calling itself (`interp/call.rs`).

use crate::interp::Interp;
use crate::runtime::builtins::{arg_count, builtin_fn, builtin_method, no_keywords, receiver};
use crate::runtime::class::{AttrTable, BuiltinType, Class, Instance};
use crate::runtime::dict::Dict;
use crate::runtime::exception::{type_error, PyResult};
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::module::Module;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::types::types;
use crate::runtime::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

builtin_fn!(
    REDUCE,
    "reduce",
    "reduce(function, iterable[, initial], /)",
    reduce
);
builtin_fn!(
    PARTIAL,
    "partial",
    "partial(func, /, *args, **keywords)",
    partial
);
builtin_method!(
    PARTIAL_CALL,
    "partial.__call__",
    "__call__(*args, **keywords)",
    partial_call
);
builtin_fn!(CACHE, "cache", "cache(user_function, /)", cache);
builtin_fn!(
    LRU_CACHE,
    "lru_cache",
    "lru_cache(maxsize=128, typed=False)",
    lru_cache
);
builtin_method!(
    CACHED_CALL,
    "_lru_cache_wrapper.__call__",
    "__call__(*args, **kwargs)",
    cached_call
);
builtin_method!(
    CACHE_CLEAR,
    "_lru_cache_wrapper.cache_clear",
    "cache_clear()",
    cache_clear
);
builtin_method!(
    LRU_DECORATOR_CALL,
    "lru_cache.<decorator>",
    "__call__(user_function, /)",
    lru_decorator_call
);
builtin_fn!(
    WRAPS,
    "wraps",
    "wraps(wrapped, assigned=..., updated=...)",
    wraps
);
builtin_fn!(
    IDENTITY_DECORATOR,
    "update_wrapper",
    "update_wrapper(wrapper)",
    identity_decorator
);
builtin_fn!(CMP_TO_KEY, "cmp_to_key", "cmp_to_key(mycmp, /)", cmp_to_key);
builtin_method!(KEY_LT, "KeyWrapper.__lt__", "__lt__(other)", key_lt);

fn native_class(name: &'static str, methods: &[(&str, &'static NativeFunction)]) -> Rc<Class> {
    let class = types().named(name, BuiltinType::Object);
    {
        let mut attrs = class.attrs_mut();
        for (n, f) in methods {
            attrs.set(Symbol::intern(n), Value::Native(f));
        }
    }
    class
}

fn partial_class() -> Rc<Class> {
    native_class(
        "partial",
        &[("__new__", &PARTIAL), ("__call__", &PARTIAL_CALL)],
    )
}

fn cached_class() -> Rc<Class> {
    native_class(
        "_lru_cache_wrapper",
        &[("__call__", &CACHED_CALL), ("cache_clear", &CACHE_CLEAR)],
    )
}

fn instance_with(class: Rc<Class>, attrs: &[(&str, Value)]) -> Value {
    let inst = Instance::new(class);
    {
        let mut table = inst.attrs.borrow_mut();
        for (k, v) in attrs {
            table.set(Symbol::intern(k), v.clone());
        }
    }
    Value::Instance(Rc::new(inst))
}

fn attr(obj: &Value, name: &str) -> Value {
    match obj {
        Value::Instance(i) => i
            .attrs
            .borrow()
            .get(Symbol::intern(name))
            .cloned()
            .unwrap_or(Value::None),
        _ => Value::None,
    }
}

pub fn module() -> Value {
    let mut attrs = AttrTable::new();
    for f in [
        &REDUCE,
        &CACHE,
        &LRU_CACHE,
        &WRAPS,
        &IDENTITY_DECORATOR,
        &CMP_TO_KEY,
    ] {
        attrs.set(Symbol::intern(f.name), Value::Native(f));
    }
    attrs.set(Symbol::intern("partial"), Value::Class(partial_class()));
    attrs.set(sym::NAME, Value::str("functools"));
    Value::Module(Rc::new(Module {
        name: Symbol::intern("functools"),
        attrs: RefCell::new(attrs),
    }))
}

fn reduce(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "reduce")?;
    arg_count(args.pos, "reduce", 2, 3)?;
    let func = &args.pos[0];
    let it = interp.iter(&args.pos[1])?;
    let mut acc = match args.pos.get(2) {
        Some(initial) => initial.clone(),
        None => match interp.next(&it)? {
            Some(v) => v,
            None => return type_error("reduce() of empty iterable with no initial value"),
        },
    };
    while let Some(x) = interp.next(&it)? {
        acc = interp.call(func, &[acc, x], &[])?;
    }
    Ok(acc)
}

fn partial(_: &mut Interp, args: Args) -> PyResult<Value> {
    let pos = match args.pos.first() {
        Some(Value::Class(c)) if c.name.as_str() == "partial" => &args.pos[1..],
        _ => args.pos,
    };
    let Some((func, rest)) = pos.split_first() else {
        return type_error("type 'partial' takes at least one argument");
    };
    if !crate::runtime::builtins::functions::is_callable(func) {
        return type_error("the first argument must be callable");
    }
    let keywords = Dict::new();
    for (k, v) in args.kw {
        keywords.insert_str(k.as_str(), v.clone());
    }
    Ok(instance_with(
        partial_class(),
        &[
            ("func", func.clone()),
            ("args", Value::tuple(rest.to_vec())),
            ("keywords", Value::Dict(Rc::new(keywords))),
        ],
    ))
}

fn partial_call(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (me, rest) = receiver(&args);
    let func = attr(me, "func");
    let mut pos = match attr(me, "args") {
        Value::Tuple(t) => t.as_slice().to_vec(),
        _ => Vec::new(),
    };
    pos.extend_from_slice(rest);
    let mut kw: Vec<(Symbol, Value)> = Vec::new();
    if let Value::Dict(d) = attr(me, "keywords") {
        for (k, v) in d.items() {
            if let Value::Str(s) = k {
                kw.push((Symbol::intern(s.as_str()), v));
            }
        }
    }
    for (k, v) in args.kw {
        match kw.iter_mut().find(|(n, _)| n == k) {
            Some(slot) => slot.1 = v.clone(),
            None => kw.push((*k, v.clone())),
        }
    }
    interp.call(&func, &pos, &kw)
}

fn wrap_cached(func: &Value) -> Value {
    instance_with(
        cached_class(),
        &[
            ("__wrapped__", func.clone()),
            ("cache", Value::Dict(Rc::new(Dict::new()))),
        ],
    )
}

fn cache(_: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "cache")?;
    arg_count(args.pos, "cache", 1, 1)?;
    Ok(wrap_cached(&args.pos[0]))
}

/// `@lru_cache` or `@lru_cache(maxsize=…)`: iterp's cache is unbounded.
fn lru_cache(_: &mut Interp, args: Args) -> PyResult<Value> {
    if let [f] = args.pos {
        if crate::runtime::builtins::functions::is_callable(f) && !matches!(f, Value::Int(_)) {
            return Ok(wrap_cached(f));
        }
    }
    let decorator = native_class("lru_cache_decorator", &[("__call__", &LRU_DECORATOR_CALL)]);
    Ok(instance_with(decorator, &[]))
}

fn lru_decorator_call(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = receiver(&args);
    arg_count(rest, "lru_cache", 1, 1)?;
    Ok(wrap_cached(&rest[0]))
}

fn cached_call(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (me, rest) = receiver(&args);
    let func = attr(me, "__wrapped__");
    let Value::Dict(table) = attr(me, "cache") else {
        return interp.call(&func, rest, args.kw);
    };
    let mut key_items = rest.to_vec();
    for (k, v) in args.kw {
        key_items.push(Value::str(k.as_str()));
        key_items.push(v.clone());
    }
    let key = Value::tuple(key_items);
    if let Some(v) = table.get(interp, &key)? {
        return Ok(v);
    }
    let v = interp.call(&func, rest, args.kw)?;
    table.insert(interp, key, v.clone())?;
    Ok(v)
}

fn cache_clear(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (me, _) = receiver(&args);
    if let Value::Dict(d) = attr(me, "cache") {
        d.clear();
    }
    Ok(Value::None)
}

/// `functools.wraps(f)`: a decorator returning the wrapper unchanged (iterp functions
/// carry their own names).
fn wraps(_: &mut Interp, args: Args) -> PyResult<Value> {
    arg_count(args.pos, "wraps", 1, 3)?;
    Ok(Value::Native(&IDENTITY_DECORATOR))
}

fn identity_decorator(_: &mut Interp, args: Args) -> PyResult<Value> {
    arg_count(args.pos, "update_wrapper", 1, 2)?;
    Ok(args.pos[0].clone())
}

fn key_class() -> Rc<Class> {
    native_class("functools.KeyWrapper", &[("__lt__", &KEY_LT)])
}

fn cmp_to_key(_: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "cmp_to_key")?;
    arg_count(args.pos, "cmp_to_key", 1, 1)?;
    let factory = instance_with(
        native_class("functools.cmp_to_key", &[("__call__", &KEY_FACTORY_CALL)]),
        &[("cmp", args.pos[0].clone())],
    );
    Ok(factory)
}

builtin_method!(
    KEY_FACTORY_CALL,
    "cmp_to_key.__call__",
    "__call__(obj)",
    key_factory_call
);

fn key_factory_call(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (me, rest) = receiver(&args);
    arg_count(rest, "K", 1, 1)?;
    Ok(instance_with(
        key_class(),
        &[("obj", rest[0].clone()), ("cmp", attr(me, "cmp"))],
    ))
}

fn key_lt(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (me, rest) = receiver(&args);
    arg_count(rest, "__lt__", 1, 1)?;
    let r = interp.call(
        &attr(me, "cmp"),
        &[attr(me, "obj"), attr(&rest[0], "obj")],
        &[],
    )?;
    let less = interp.less_than(&r, &Value::Int(0))?;
    Ok(Value::Bool(less))
}
