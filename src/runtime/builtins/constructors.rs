//! Calling a built-in type: `int("12")`, `list(gen)`, `dict(pairs, k=v)`, `range(1, 9, 2)`,
//! `zip(a, b)`, `property(f)`, `super(C, self)` …
//!
//! Owns: each built-in type's constructor and its CPython messages.
//! Must not touch: user classes (`interp/classes.rs`).

use super::{arg_count, int_arg, no_keywords, only_keywords};
use crate::interp::Interp;
use crate::runtime::class::{BuiltinType, Class, Instance, Payload, Property, SuperTarget};
use crate::runtime::dict::Dict;
use crate::runtime::exception::{type_error, value_error, Exc, ExcKind, PyResult};
use crate::runtime::function::Args;
use crate::runtime::num;
use crate::runtime::range::{Range, Slice};
use crate::runtime::set::Set;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::types::{class_of, types};
use crate::runtime::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

pub fn construct(
    interp: &mut Interp,
    cls: &Rc<Class>,
    pos: &[Value],
    kw: &[(Symbol, Value)],
) -> PyResult<Value> {
    let args = Args { pos, kw };
    // Built-in classes of modules (`itertools.chain`, `functools.partial`, made as kinds
    // `Object` and `Iterator`) bring their own constructor as a native `__new__`. Other
    // kinds are not searched for one: `str`'s table alone has dozens of methods.
    if matches!(
        cls.builtin,
        Some(BuiltinType::Object | BuiltinType::Iterator) | None
    ) {
        let own_constructor = cls.attrs().get(sym::NEW).cloned();
        if let Some(Value::Native(new)) = own_constructor {
            return (new.call)(interp, args);
        }
    }
    let Some(kind) = cls.builtin else {
        return type_error(format!("cannot create '{}' instances", cls.name));
    };
    match kind {
        BuiltinType::Object => {
            no_keywords(&args, "object")?;
            if !pos.is_empty() {
                return type_error("object() takes no arguments");
            }
            Ok(Value::Instance(Rc::new(Instance::new(cls.clone()))))
        }
        BuiltinType::Type => match pos {
            [v] => Ok(Value::Class(class_of(v))),
            [name, bases, ns] => make_type(interp, name, bases, ns),
            _ => type_error("type() takes 1 or 3 arguments"),
        },
        BuiltinType::Int => make_int(interp, &args),
        BuiltinType::Float => make_float(interp, &args),
        BuiltinType::Bool => {
            no_keywords(&args, "bool")?;
            arg_count(pos, "bool", 0, 1)?;
            match pos.first() {
                Some(v) => Ok(Value::Bool(interp.truthy(v)?)),
                None => Ok(Value::Bool(false)),
            }
        }
        BuiltinType::Str => {
            only_keywords(&args, &["object"], "str")?;
            match pos.first().or(args.kwarg_named("object")) {
                Some(v) => interp.str_value(v),
                None => Ok(Value::str("")),
            }
        }
        BuiltinType::List => {
            no_keywords(&args, "list")?;
            arg_count(pos, "list", 0, 1)?;
            match pos.first() {
                Some(v) => Ok(Value::list(interp.collect(v)?)),
                None => Ok(Value::list(Vec::new())),
            }
        }
        BuiltinType::Tuple => {
            no_keywords(&args, "tuple")?;
            arg_count(pos, "tuple", 0, 1)?;
            match pos.first() {
                Some(v @ Value::Tuple(_)) => Ok(v.clone()),
                Some(v) => Ok(Value::tuple(interp.collect(v)?)),
                None => Ok(Value::tuple(Vec::new())),
            }
        }
        BuiltinType::Set | BuiltinType::FrozenSet => {
            let frozen = kind == BuiltinType::FrozenSet;
            let name = if frozen { "frozenset" } else { "set" };
            no_keywords(&args, name)?;
            arg_count(pos, name, 0, 1)?;
            let set = match pos.first() {
                Some(v) => set_from(interp, v, frozen)?,
                None => Set::new(frozen),
            };
            Ok(Value::Set(Rc::new(set)))
        }
        BuiltinType::Dict => {
            arg_count(pos, "dict", 0, 1)?;
            let dict = Rc::new(Dict::new());
            if let Some(src) = pos.first() {
                dict_update(interp, &dict, src)?;
            }
            for (k, v) in kw {
                dict.insert_str(k.as_str(), v.clone());
            }
            Ok(Value::Dict(dict))
        }
        BuiltinType::Range => make_range(interp, &args),
        BuiltinType::Slice => {
            no_keywords(&args, "slice")?;
            arg_count(pos, "slice", 1, 3)?;
            let (start, stop, step) = match pos {
                [stop] => (Value::None, stop.clone(), Value::None),
                [a, b] => (a.clone(), b.clone(), Value::None),
                [a, b, c] => (a.clone(), b.clone(), c.clone()),
                _ => unreachable!("checked above"),
            };
            Ok(Value::Slice(Rc::new(Slice { start, stop, step })))
        }
        BuiltinType::Property => {
            only_keywords(&args, &["fget", "fset", "fdel", "doc"], "property")?;
            let get = |i: usize, name: &str| -> Value {
                pos.get(i)
                    .or(args.kwarg_named(name))
                    .cloned()
                    .unwrap_or(Value::None)
            };
            Ok(property(
                get(0, "fget"),
                get(1, "fset"),
                get(2, "fdel"),
                None,
            ))
        }
        BuiltinType::StaticMethod | BuiltinType::ClassMethod => {
            let name = if kind == BuiltinType::StaticMethod {
                "staticmethod"
            } else {
                "classmethod"
            };
            no_keywords(&args, name)?;
            arg_count(pos, name, 1, 1)?;
            let payload = if kind == BuiltinType::StaticMethod {
                Payload::StaticMethod(pos[0].clone())
            } else {
                Payload::ClassMethod(pos[0].clone())
            };
            Ok(Value::Instance(Rc::new(Instance {
                class: cls.clone(),
                attrs: RefCell::new(Default::default()),
                payload,
            })))
        }
        BuiltinType::Super => match pos {
            [Value::Class(c), obj] => Ok(Value::Instance(Rc::new(Instance {
                class: types().super_.clone(),
                attrs: RefCell::new(Default::default()),
                payload: Payload::Super(Box::new(SuperTarget {
                    class: c.clone(),
                    obj: obj.clone(),
                })),
            }))),
            [] => Err(Exc::new(ExcKind::RuntimeError, "super(): no arguments")),
            [other, ..] => type_error(format!(
                "super() argument 1 must be a type, not {}",
                other.type_name()
            )),
        },
        BuiltinType::Iterator => super::lazy_iterators::construct(interp, cls, &args),
        _ => type_error(format!("cannot create '{}' instances", cls.name)),
    }
}

pub fn property(fget: Value, fset: Value, fdel: Value, name: Option<Symbol>) -> Value {
    Value::Instance(Rc::new(Instance {
        class: types().property.clone(),
        attrs: RefCell::new(Default::default()),
        payload: Payload::Property(Box::new(Property {
            fget,
            fset,
            fdel,
            name: std::cell::Cell::new(name),
        })),
    }))
}

fn make_int(interp: &mut Interp, args: &Args) -> PyResult<Value> {
    only_keywords(args, &["base"], "int")?;
    if args.pos.len() > 2 {
        return type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.pos.len()
        ));
    }
    let base = args.pos.get(1).or(args.kwarg_named("base"));
    let Some(x) = args.pos.first() else {
        if base.is_some() {
            return type_error("int() missing string argument");
        }
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = int_arg(b, "")?;
        return match x {
            Value::Str(s) => num::parse_int(s.as_str(), b),
            _ => type_error("int() can't convert non-string with explicit base"),
        };
    }
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => num::float_to_int(*f),
        Value::Str(s) => num::parse_int(s.as_str(), 10),
        Value::Instance(inst) => {
            for name in [sym::INT, sym::INDEX] {
                if let Some(m) = inst.class.lookup(name) {
                    return interp.call(&m, std::slice::from_ref(x), &[]);
                }
            }
            int_type_error(x)
        }
        other => int_type_error(other),
    }
}

fn int_type_error<T>(v: &Value) -> PyResult<T> {
    type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        v.type_name()
    ))
}

fn make_float(interp: &mut Interp, args: &Args) -> PyResult<Value> {
    no_keywords(args, "float")?;
    arg_count(args.pos, "float", 0, 1)?;
    let Some(x) = args.pos.first() else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            Ok(Value::Float(num::to_f64(x).unwrap_or(Ok(0.0))?))
        }
        Value::Str(s) => Ok(Value::Float(num::parse_float(s.as_str())?)),
        Value::Instance(inst) => match inst.class.lookup(sym::FLOAT) {
            Some(m) => interp.call(&m, std::slice::from_ref(x), &[]),
            None => float_type_error(x),
        },
        other => float_type_error(other),
    }
}

fn float_type_error<T>(v: &Value) -> PyResult<T> {
    type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        v.type_name()
    ))
}

fn make_range(interp: &mut Interp, args: &Args) -> PyResult<Value> {
    no_keywords(args, "range")?;
    arg_count(args.pos, "range", 1, 3)?;
    let mut ints = [0i64; 3];
    for (i, v) in args.pos.iter().enumerate() {
        ints[i] = match v {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => {
                return Err(Exc::new(
                    ExcKind::OverflowError,
                    "iterp's range() is limited to 64-bit bounds",
                ))
            }
            other => match interp.to_index(other)? {
                Some(n) => n,
                None => {
                    return type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    ))
                }
            },
        };
    }
    let (start, stop, step) = match args.pos.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        _ => (ints[0], ints[1], ints[2]),
    };
    if step == 0 {
        return value_error("range() arg 3 must not be zero");
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

/// A set built from an iterable (a set or frozenset argument copies its table).
pub fn set_from(interp: &mut Interp, v: &Value, frozen: bool) -> PyResult<Set> {
    if let Value::Set(s) = v {
        return Ok(s.copy(frozen));
    }
    let set = Set::new(frozen);
    if let Value::Dict(d) = v {
        set.presize(d.len());
    }
    let it = interp.iter(v)?;
    while let Some(x) = interp.next(&it)? {
        set.add(interp, x)?;
    }
    Ok(set)
}

/// `d.update(src)` for a mapping or an iterable of pairs, with CPython's messages.
pub fn dict_update(interp: &mut Interp, dict: &Dict, src: &Value) -> PyResult<()> {
    let is_mapping = match src {
        Value::Dict(_) => true,
        Value::Instance(inst) => inst.class.lookup(sym::KEYS).is_some(),
        _ => false,
    };
    if is_mapping {
        for (k, v) in interp.mapping_items(src)? {
            dict.insert(interp, k, v)?;
        }
        return Ok(());
    }
    let it = interp.iter(src)?;
    let mut index = 0;
    while let Some(item) = interp.next(&it)? {
        if !interp.is_iterable(&item) {
            return type_error(format!(
                "cannot convert dictionary update sequence element #{index} to a sequence"
            ));
        }
        let pair = interp.collect(&item)?;
        if pair.len() != 2 {
            return value_error(format!(
                "dictionary update sequence element #{index} has length {}; 2 is required",
                pair.len()
            ));
        }
        let mut pair = pair.into_iter();
        if let (Some(k), Some(v)) = (pair.next(), pair.next()) {
            dict.insert(interp, k, v)?;
        }
        index += 1;
    }
    Ok(())
}

/// `type(name, bases, namespace)`.
fn make_type(interp: &mut Interp, name: &Value, bases: &Value, ns: &Value) -> PyResult<Value> {
    let (Value::Str(name), Value::Tuple(bases), Value::Dict(ns)) = (name, bases, ns) else {
        return type_error("type() argument 1 must be str, not int");
    };
    let mut base_classes = Vec::new();
    for b in bases.as_slice() {
        match b {
            Value::Class(c) => base_classes.push(c.clone()),
            other => return type_error(format!("bases must be types, not {}", other.type_name())),
        }
    }
    let mut table = crate::runtime::class::AttrTable::new();
    for (k, v) in ns.items() {
        if let Value::Str(k) = k {
            table.set(Symbol::intern(k.as_str()), v);
        }
    }
    let _ = interp;
    let class = crate::interp::classes::build_class(
        Symbol::intern(name.as_str()),
        name.as_str(),
        base_classes,
        table,
    )?;
    Ok(Value::Class(class))
}
