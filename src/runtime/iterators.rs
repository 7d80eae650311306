//! Built-in iterator objects: their state, one variant per Python iterator type.
//!
//! Owns: `BuiltinIter` and `IterState` (what each iterator remembers between steps) and
//! the Python type name of each. Stepping them is `interp/iteration.rs`, because some
//! (`map`, `filter`, `zip` over user iterators) run Python code.
//! Must not touch: generators (their state is a suspended frame, see `interp/generator.rs`).

use super::dict::{Dict, ViewKind};
use super::list::List;
use super::set::Set;
use super::str::PyStr;
use super::tuple::Tuple;
use super::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

pub struct BuiltinIter {
    /// Fixed at creation, so an exhausted iterator keeps its type name.
    name: &'static str,
    pub state: RefCell<IterState>,
}

pub enum IterState {
    /// Index-based, as CPython: appending during iteration is seen, no error is raised.
    List {
        list: Rc<List>,
        index: usize,
    },
    ListReverse {
        list: Rc<List>,
        index: usize,
    },
    Tuple {
        tuple: Rc<Tuple>,
        index: usize,
    },
    /// `byte` is the offset of the next code point.
    Str {
        text: PyStr,
        byte: usize,
    },
    Range {
        next: i64,
        remaining: u64,
        step: i64,
    },
    /// Dict keys/values/items. `expected_len` detects a size change during iteration.
    Dict {
        dict: Rc<Dict>,
        kind: ViewKind,
        pos: usize,
        expected_len: usize,
    },
    Set {
        set: Rc<Set>,
        pos: usize,
        expected_len: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    /// `func` is `None` for `filter(None, xs)`.
    Filter {
        func: Value,
        inner: Value,
    },
    /// `reversed()` over a sequence with `__len__`/`__getitem__`; `index` counts down.
    Reversed {
        seq: Value,
        index: usize,
    },
    /// The old sequence protocol: `__getitem__(0)`, `(1)` … until IndexError.
    Seq {
        seq: Value,
        index: usize,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// A tool-specific iterator kept in a module (`itertools`); stepped by that module.
    Tool(Box<dyn ToolIter>),
    /// Exhausted for good: CPython drops its reference to the sequence.
    Exhausted,
}

/// An iterator implemented by a built-in module, stepped by calling `next`.
pub trait ToolIter {
    fn next(
        &mut self,
        interp: &mut crate::interp::Interp,
    ) -> super::exception::PyResult<Option<Value>>;
    /// Values it holds (for traversal and debugging).
    fn children(&self) -> Vec<Value> {
        Vec::new()
    }
}

impl BuiltinIter {
    pub fn new(name: &'static str, state: IterState) -> Rc<BuiltinIter> {
        Rc::new(BuiltinIter {
            name,
            state: RefCell::new(state),
        })
    }

    pub fn type_name(&self) -> &'static str {
        self.name
    }

    pub fn value(name: &'static str, state: IterState) -> Value {
        Value::Iter(BuiltinIter::new(name, state))
    }
}
