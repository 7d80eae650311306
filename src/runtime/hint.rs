//! What the code raising an error knew about the likely mistake, for `diagnostics` to
//! explain in a `help:` line.
//!
//! Owns: `Hint` (one variant per mistake learners make with iteration, calls and
//! unpacking) and `Culprit` (a description of the value the mistake was made with).
//! Hints are made only on error paths and describe values instead of holding them, so
//! that an exception kept by a program does not keep a generator or object alive.
//! Must not touch: wording (that is `diagnostics/`), raising (that is `interp/`).

use super::class::{Class, Payload};
use super::symbol::sym;
use super::value::Value;
use crate::lower::ir::Code;
use std::rc::Rc;

/// A fact about an error, attached where it was raised (`Exc::with_hint`).
#[derive(Debug, Clone)]
pub enum Hint {
    /// A finished help line.
    Help(String),
    /// `next()` on a value that is not an iterator.
    NotAnIterator(Culprit),
    /// `iter()` (a `for`, a builtin that takes an iterable) on a value that is not iterable.
    NotIterable(Culprit),
    /// A class's `__iter__` returned something without `__next__`.
    IterReturnedNonIterator { class: String, returned: Culprit },
    /// PEP 479: a StopIteration escaped the body of this generator and became RuntimeError.
    StopIterationInGenerator { generator: String },
    /// `send(value)` with a value other than None before the generator reached a `yield`.
    SendToJustStartedGenerator,
    /// Unpacking into `targets` targets found this many values.
    Unpack { targets: usize, values: Count },
    /// The arguments of a call do not fit this function's parameters.
    Arguments { function: Rc<Code> },
    /// Calling a value that cannot be called.
    NotCallable(Culprit),
}

/// How many values an unpacking found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Exactly(usize),
    /// An iterator that was not run to its end: at least this many.
    AtLeast(usize),
}

/// The value a mistake was made with, described.
#[derive(Debug, Clone)]
pub struct Culprit {
    /// `type(value).__name__`.
    pub type_name: String,
    /// An instance of a class defined by the program.
    pub user_object: bool,
    pub kind: CulpritKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CulpritKind {
    /// Iterable but not an iterator: a list, str, dict, range, an object with `__iter__`.
    Iterable,
    /// An instance of a user class with `__next__` but no `__iter__`.
    NextWithoutIter {
        class: String,
    },
    /// A generator function that was not called; its required positional parameters.
    GeneratorFunction {
        name: String,
        params: Vec<String>,
    },
    /// A class object; whether its instances are iterable / iterators.
    Class {
        name: String,
        iterable: bool,
        iterator: bool,
    },
    Int,
    Other,
}

impl Culprit {
    /// Describes `v` without calling any Python code.
    pub fn of(v: &Value) -> Culprit {
        let kind = match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Range(_)
            | Value::Dict(_)
            | Value::DictView(_)
            | Value::Set(_) => CulpritKind::Iterable,
            Value::Int(_) | Value::BigInt(_) => CulpritKind::Int,
            Value::Function(f) if f.code.is_generator => CulpritKind::GeneratorFunction {
                name: f.code.name.to_string(),
                params: required_params(&f.code, f.defaults.len()),
            },
            Value::Class(c) => CulpritKind::Class {
                name: c.name.to_string(),
                iterable: has_iter(c),
                iterator: c.lookup(sym::NEXT).is_some(),
            },
            Value::Instance(inst) if !matches!(inst.payload, Payload::Super(_)) => {
                if has_iter(&inst.class) || inst.class.lookup(sym::GETITEM).is_some() {
                    CulpritKind::Iterable
                } else if inst.class.lookup(sym::NEXT).is_some() {
                    CulpritKind::NextWithoutIter {
                        class: inst.class.name.to_string(),
                    }
                } else {
                    CulpritKind::Other
                }
            }
            _ => CulpritKind::Other,
        };
        let user_object = matches!(v, Value::Instance(inst) if !inst.class.is_builtin);
        Culprit {
            type_name: v.type_name(),
            user_object,
            kind,
        }
    }
}

fn has_iter(c: &Class) -> bool {
    c.lookup(sym::ITER).is_some_and(|m| !m.is_none())
}

/// The positional parameters a call must pass (those without defaults).
fn required_params(code: &Code, n_defaults: usize) -> Vec<String> {
    let positional = &code.params.positional;
    let required = positional.len() - n_defaults.min(positional.len());
    positional[..required]
        .iter()
        .map(|p| p.to_string())
        .collect()
}
