//! Methods of `object`, exceptions, tuples, ranges, numbers, generators, iterators and
//! `property`: the small method tables of the remaining built-in types.
//!
//! Owns: `object.__init__`, `BaseException.__init__`/`with_traceback`, `tuple.count`/`index`,
//! `range.count`/`index`, `int.bit_length`, `float.is_integer`, `generator.send`/`throw`/
//! `close`, `iterator.__next__`/`__iter__`, `property.setter`.
//! Must not touch: generator mechanics (`interp/generator.rs`).

use super::{arg_count, builtin_method, no_args, receiver};
use crate::interp::trace::Who;
use crate::interp::Interp;
use crate::runtime::class::Payload;
use crate::runtime::exception::{type_error, value_error, Exc, ExcKind, PyResult};
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::value::Value;

builtin_method!(
    OBJECT_INIT,
    "object.__init__",
    "__init__(self, /, *args, **kwargs)",
    object_init
);
builtin_method!(
    OBJECT_REPR,
    "object.__repr__",
    "__repr__(self, /)",
    object_repr
);
builtin_method!(OBJECT_STR, "object.__str__", "__str__(self, /)", object_str);
pub static OBJECT_METHODS: &[&NativeFunction] = &[&OBJECT_INIT, &OBJECT_REPR, &OBJECT_STR];

builtin_method!(
    EXC_INIT,
    "BaseException.__init__",
    "__init__(self, /, *args)",
    exception_init
);
builtin_method!(
    EXC_WITH_TRACEBACK,
    "BaseException.with_traceback",
    "with_traceback(tb, /)",
    exception_with_traceback
);
pub static EXCEPTION_METHODS: &[&NativeFunction] = &[&EXC_INIT, &EXC_WITH_TRACEBACK];

builtin_method!(TUPLE_COUNT, "tuple.count", "count(value, /)", tuple_count);
builtin_method!(
    TUPLE_INDEX,
    "tuple.index",
    "index(value, start=0, stop=sys.maxsize, /)",
    tuple_index
);
builtin_method!(SEQ_LEN, "__len__", "__len__()", seq_len);
builtin_method!(
    SEQ_GETITEM,
    "__getitem__",
    "__getitem__(index)",
    seq_getitem
);
builtin_method!(
    SEQ_CONTAINS,
    "__contains__",
    "__contains__(value)",
    seq_contains
);
builtin_method!(SEQ_ITER, "__iter__", "__iter__()", seq_iter);
pub static TUPLE_METHODS: &[&NativeFunction] = &[
    &TUPLE_COUNT,
    &TUPLE_INDEX,
    &SEQ_LEN,
    &SEQ_GETITEM,
    &SEQ_CONTAINS,
    &SEQ_ITER,
];

builtin_method!(RANGE_COUNT, "range.count", "count(value, /)", tuple_count);
builtin_method!(RANGE_INDEX, "range.index", "index(value, /)", range_index);
pub static RANGE_METHODS: &[&NativeFunction] = &[
    &RANGE_COUNT,
    &RANGE_INDEX,
    &SEQ_LEN,
    &SEQ_GETITEM,
    &SEQ_CONTAINS,
    &SEQ_ITER,
];

builtin_method!(
    INT_BIT_LENGTH,
    "int.bit_length",
    "bit_length()",
    int_bit_length
);
pub static INT_METHODS: &[&NativeFunction] = &[&INT_BIT_LENGTH];

builtin_method!(
    FLOAT_IS_INTEGER,
    "float.is_integer",
    "is_integer()",
    float_is_integer
);
pub static FLOAT_METHODS: &[&NativeFunction] = &[&FLOAT_IS_INTEGER];

builtin_method!(GEN_SEND, "generator.send", "send(value, /)", generator_send);
builtin_method!(
    GEN_THROW,
    "generator.throw",
    "throw(value, /)",
    generator_throw
);
builtin_method!(GEN_CLOSE, "generator.close", "close()", generator_close);
builtin_method!(ITER_NEXT, "__next__", "__next__()", iterator_next);
builtin_method!(ITER_SELF, "__iter__", "__iter__()", iterator_self);
pub static GENERATOR_METHODS: &[&NativeFunction] =
    &[&GEN_SEND, &GEN_THROW, &GEN_CLOSE, &ITER_NEXT, &ITER_SELF];
pub static ITERATOR_METHODS: &[&NativeFunction] = &[&ITER_NEXT, &ITER_SELF];

builtin_method!(
    PROPERTY_SETTER,
    "property.setter",
    "setter(fset, /)",
    property_setter
);
builtin_method!(
    PROPERTY_GETTER,
    "property.getter",
    "getter(fget, /)",
    property_getter
);
builtin_method!(
    PROPERTY_DELETER,
    "property.deleter",
    "deleter(fdel, /)",
    property_deleter
);
pub static PROPERTY_METHODS: &[&NativeFunction] =
    &[&PROPERTY_SETTER, &PROPERTY_GETTER, &PROPERTY_DELETER];

fn object_init(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = receiver(&args);
    if !rest.is_empty() || !args.kw.is_empty() {
        return type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        );
    }
    Ok(Value::None)
}

fn object_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (obj, _) = receiver(&args);
    let text = match obj {
        Value::Instance(inst) => format!(
            "<{}{} object at {:#x}>",
            if inst.class.is_builtin {
                ""
            } else {
                "__main__."
            },
            inst.class.qualname,
            obj.identity()
        ),
        other => interp.repr(other)?,
    };
    Ok(Value::string(text))
}

fn object_str(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (obj, _) = receiver(&args);
    Ok(Value::string(interp.repr(obj)?))
}

fn exception_init(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (obj, rest) = receiver(&args);
    if let Value::Instance(inst) = obj {
        if let Some(data) = inst.exc_data() {
            *data.args.borrow_mut() = Value::tuple(rest.to_vec());
        }
    }
    Ok(Value::None)
}

fn exception_with_traceback(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (obj, _) = receiver(&args);
    Ok(obj.clone())
}

fn tuple_count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (seq, rest) = receiver(&args);
    arg_count(rest, "count", 1, 1)?;
    let items = interp.collect(seq)?;
    let mut n = 0;
    for x in &items {
        if interp.eq(x, &rest[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (seq, rest) = receiver(&args);
    arg_count(rest, "index", 1, 3)?;
    let items = interp.collect(seq)?;
    let len = items.len() as i64;
    let bound = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        Ok(match v {
            None => default,
            Some(v) => {
                let i = super::int_arg(v, "")?;
                if i < 0 {
                    (i + len).max(0)
                } else {
                    i.min(len)
                }
            }
        })
    };
    let (start, stop) = (bound(rest.get(1), 0)?, bound(rest.get(2), len)?);
    for i in start..stop {
        if interp.eq(&items[i as usize], &rest[0])? {
            return Ok(Value::Int(i));
        }
    }
    value_error("tuple.index(x): x not in tuple")
}

fn range_index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (seq, rest) = receiver(&args);
    arg_count(rest, "index", 1, 1)?;
    if let (Value::Range(r), Value::Int(v)) = (seq, &rest[0]) {
        if r.contains(*v) {
            return Ok(Value::Int(
                ((*v as i128 - r.start as i128) / r.step as i128) as i64,
            ));
        }
        return value_error(format!("{v} is not in range"));
    }
    let items = interp.collect(seq)?;
    for (i, x) in items.iter().enumerate() {
        if interp.eq(x, &rest[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = interp.repr(&rest[0])?;
    value_error(format!("{r} is not in range"))
}

fn seq_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (seq, rest) = receiver(&args);
    no_args(rest, &args, "__len__")?;
    Ok(Value::Int(interp.len(seq)? as i64))
}

fn seq_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (seq, rest) = receiver(&args);
    arg_count(rest, "__getitem__", 1, 1)?;
    interp.get_item(seq, &rest[0])
}

fn seq_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (seq, rest) = receiver(&args);
    arg_count(rest, "__contains__", 1, 1)?;
    Ok(Value::Bool(interp.contains(seq, &rest[0])?))
}

fn seq_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (seq, rest) = receiver(&args);
    no_args(rest, &args, "__iter__")?;
    interp.iter(seq)
}

fn int_bit_length(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (v, rest) = receiver(&args);
    no_args(rest, &args, "int.bit_length")?;
    Ok(Value::Int(match v {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => b.bits() as i64,
        _ => 0,
    }))
}

fn float_is_integer(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (v, rest) = receiver(&args);
    no_args(rest, &args, "float.is_integer")?;
    Ok(Value::Bool(
        matches!(v, Value::Float(f) if f.is_finite() && f.fract() == 0.0),
    ))
}

fn generator_of<'a>(
    args: &Args<'a>,
    method: &str,
) -> PyResult<(
    &'a std::rc::Rc<crate::interp::generator::Generator>,
    &'a [Value],
)> {
    match receiver(args) {
        (Value::Generator(g), rest) => Ok((g, rest)),
        (other, _) => type_error(format!(
            "descriptor '{method}' for 'generator' objects doesn't apply to a '{}' object",
            other.type_name()
        )),
    }
}

fn generator_send(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (g, rest) = generator_of(&args, "send")?;
    let [v] = rest else {
        return type_error(format!(
            "generator.send() takes exactly one argument ({} given)",
            rest.len()
        ));
    };
    let result = interp.gen_send(g, v.clone());
    if interp.trace.is_some() {
        interp.trace_sent(g, v, &result);
    }
    result
}

fn generator_throw(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (g, rest) = generator_of(&args, "throw")?;
    arg_count(rest, "throw", 1, 3)?;
    let exc = match (&rest[0], rest.get(1)) {
        (Value::Class(c), Some(v)) if c.is_exception_class() && !v.is_none() => {
            match Exc::from_value(v) {
                Some(e) => e,
                None => Exc::instantiate(c.clone(), vec![v.clone()]),
            }
        }
        (v, _) => interp.make_exception(v).map_err(|_| {
            Exc::new(
                ExcKind::TypeError,
                "exceptions must be classes or instances deriving from BaseException, not "
                    .to_string()
                    + &rest[0].type_name(),
            )
        })?,
    };
    let traced = interp.trace.is_some().then(|| exc.clone());
    let result = interp.gen_throw(g, exc);
    if let Some(exc) = traced {
        interp.trace_thrown(g, &exc, &result);
    }
    result
}

fn generator_close(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (g, rest) = generator_of(&args, "close")?;
    no_args(rest, &args, "generator.close")?;
    interp.gen_close(g)?;
    Ok(Value::None)
}

fn iterator_next(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (it, rest) = receiver(&args);
    no_args(rest, &args, "__next__")?;
    let result = match it {
        Value::Generator(g) => interp.gen_send(g, Value::None),
        _ => match interp.next(it)? {
            Some(v) => Ok(v),
            None => Err(Exc::bare(ExcKind::StopIteration)),
        },
    };
    if interp.trace.is_some() {
        match &result {
            Ok(v) => interp.trace_next(it, Some(v), Who::Program),
            Err(e) if e.is(ExcKind::StopIteration) => interp.trace_next(it, None, Who::Program),
            Err(_) => {}
        }
    }
    result
}

fn iterator_self(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (it, rest) = receiver(&args);
    no_args(rest, &args, "__iter__")?;
    Ok(it.clone())
}

/// A copy of a property with one accessor replaced (`@prop.setter`).
fn property_with(args: &Args, which: usize) -> PyResult<Value> {
    let (p, rest) = receiver(args);
    arg_count(rest, "setter", 1, 1)?;
    let Value::Instance(inst) = p else {
        return type_error("descriptor requires a 'property' object");
    };
    let Payload::Property(p) = &inst.payload else {
        return type_error("descriptor requires a 'property' object");
    };
    let crate::runtime::class::Property {
        fget,
        fset,
        fdel,
        name,
    } = &**p;
    let mut parts = [fget.clone(), fset.clone(), fdel.clone()];
    parts[which] = rest[0].clone();
    let [g, s, d] = parts;
    Ok(super::constructors::property(g, s, d, name.get()))
}

fn property_getter(_: &mut Interp, args: Args) -> PyResult<Value> {
    property_with(&args, 0)
}

fn property_setter(_: &mut Interp, args: Args) -> PyResult<Value> {
    property_with(&args, 1)
}

fn property_deleter(_: &mut Interp, args: Args) -> PyResult<Value> {
    property_with(&args, 2)
}
