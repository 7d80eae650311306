//! Built-in functions, constructors and the methods of built-in types.
//!
//! Owns: the builtins namespace (`install`), the method tables of built-in classes
//! (`install_methods`), and the argument checks every built-in shares, with CPython's
//! messages (`len() takes exactly one argument (2 given)`, `pop expected at most 1
//! argument, got 2`).
//! Must not touch: IR execution; built-ins reach Python code only through `Interp`.
//!
//! One file per group: `functions.rs` (len, print, sorted …), `constructors.rs` (calling
//! a built-in type), `sequence_ops.rs` (operators on built-in containers),
//! `lazy_iterators.rs` (enumerate, zip, map …), `*_methods.rs` (one per type),
//! `data_attributes.rs` (non-method attributes such as `range.start`).

pub mod constructors;
pub mod data_attributes;
pub mod dict_methods;
pub mod functions;
pub mod lazy_iterators;
pub mod list_methods;
pub mod object_methods;
pub mod sequence_ops;
pub mod set_methods;
pub mod str_methods;

use super::exception::{type_error, Exc, ExcKind, PyResult};
use super::function::{Args, NativeFunction};
use super::symbol::Symbol;
use super::types::BuiltinTypes;
use super::value::Value;
use hashbrown::HashMap;

/// Declares a `static` built-in function.
macro_rules! builtin_fn {
    ($id:ident, $name:expr, $sig:expr, $f:expr) => {
        pub static $id: $crate::runtime::function::NativeFunction =
            $crate::runtime::function::NativeFunction {
                name: $name,
                call: $f,
                is_method: false,
                signature: $sig,
            };
    };
}

/// Declares a `static` method of a built-in type (binds to its receiver).
macro_rules! builtin_method {
    ($id:ident, $name:expr, $sig:expr, $f:expr) => {
        pub static $id: $crate::runtime::function::NativeFunction =
            $crate::runtime::function::NativeFunction {
                name: $name,
                call: $f,
                is_method: true,
                signature: $sig,
            };
    };
}
pub(crate) use builtin_fn;
pub(crate) use builtin_method;

/// Fills the builtins namespace: functions, types and exception classes.
pub fn install(ns: &mut HashMap<Symbol, Value>) {
    let t = super::types::types();
    for f in functions::FUNCTIONS {
        ns.insert(Symbol::intern_static(f.name), Value::Native(f));
    }
    let classes = [
        &t.object,
        &t.type_,
        &t.int,
        &t.bool_,
        &t.float,
        &t.str_,
        &t.list,
        &t.tuple,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
        &t.slice,
        &t.property,
        &t.staticmethod,
        &t.classmethod,
        &t.super_,
    ];
    for c in classes {
        ns.insert(c.name, Value::Class(c.clone()));
    }
    for name in lazy_iterators::TYPE_NAMES {
        let c = t.named(name, super::class::BuiltinType::Iterator);
        ns.insert(c.name, Value::Class(c));
    }
    for c in t.all_exceptions() {
        ns.insert(c.name, Value::Class(c.clone()));
    }
    ns.insert(Symbol::intern_static("None"), Value::None);
    ns.insert(
        Symbol::intern_static("NotImplemented"),
        Value::NotImplemented,
    );
    ns.insert(Symbol::intern_static("Ellipsis"), Value::Ellipsis);
}

/// Puts the methods of every built-in type into its class's attribute table.
pub fn install_methods(t: &BuiltinTypes) {
    let put = |class: &std::rc::Rc<super::class::Class>, methods: &[&'static NativeFunction]| {
        let mut attrs = class.attrs_mut();
        attrs.reserve(methods.len());
        for m in methods {
            attrs.set(Symbol::intern_static(m.short_name()), Value::Native(m));
        }
    };
    put(&t.list, list_methods::METHODS);
    put(&t.dict, dict_methods::METHODS);
    put(&t.set, set_methods::SET_METHODS);
    put(&t.frozenset, set_methods::FROZENSET_METHODS);
    put(&t.str_, str_methods::METHODS);
    put(&t.tuple, object_methods::TUPLE_METHODS);
    put(&t.object, object_methods::OBJECT_METHODS);
    put(&t.int, object_methods::INT_METHODS);
    put(&t.float, object_methods::FLOAT_METHODS);
    put(&t.generator, object_methods::GENERATOR_METHODS);
    put(
        t.exception(super::exception::ExcKind::BaseException),
        object_methods::EXCEPTION_METHODS,
    );
    put(&t.range, object_methods::RANGE_METHODS);
    put(&t.property, object_methods::PROPERTY_METHODS);
}

// ---- argument checks shared by every built-in ----

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Rejects keyword arguments: `len() takes no keyword arguments`.
pub fn no_keywords(args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        type_error(format!("{name}() takes no keyword arguments"))
    }
}

/// Exactly one positional argument, CPython's `METH_O` message.
pub fn one_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    no_keywords(args, name)?;
    match args.pos {
        [v] => Ok(v),
        other => type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            other.len()
        )),
    }
}

/// No arguments besides the receiver, CPython's `METH_NOARGS` message.
pub fn no_args(rest: &[Value], args: &Args, name: &str) -> PyResult<()> {
    no_keywords(args, name)?;
    if rest.is_empty() {
        Ok(())
    } else {
        type_error(format!(
            "{name}() takes no arguments ({} given)",
            rest.len()
        ))
    }
}

/// Between `min` and `max` positional arguments, CPython's argument-clinic message
/// (`pop expected at most 1 argument, got 2`). The check is inlined into each
/// built-in; the message is built out of line.
#[inline]
pub fn arg_count(pos: &[Value], name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = pos.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(arg_count_error(name, min, max, n))
}

/// The error `arg_count` raises for `n` arguments outside `min..=max`.
#[cold]
#[inline(never)]
fn arg_count_error(name: &str, min: usize, max: usize, n: usize) -> Exc {
    let message = if min == max {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    };
    Exc::new(ExcKind::TypeError, message)
}

/// Keyword arguments must be among `allowed`: `'foo' is an invalid keyword argument for sort()`.
pub fn only_keywords(args: &Args, allowed: &[&str], name: &str) -> PyResult<()> {
    for (k, _) in args.kw {
        if !allowed.contains(&k.as_str()) {
            return type_error(format!("'{k}' is an invalid keyword argument for {name}()"));
        }
    }
    Ok(())
}

/// The receiver and the other arguments of a method call.
pub fn receiver<'a>(args: &Args<'a>) -> (&'a Value, &'a [Value]) {
    match args.pos.split_first() {
        Some((r, rest)) => (r, rest),
        None => (&Value::None, &[]),
    }
}

/// An argument that must be an int (`__index__` is not consulted here).
pub fn int_arg(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(super::exception::Exc::new(
            super::exception::ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        other => type_error(format!(
            "'{}' object cannot be interpreted as an integer{what}",
            other.type_name()
        )),
    }
}
