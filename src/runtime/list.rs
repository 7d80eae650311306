//! `List`: Python's mutable sequence.
//!
//! Owns: the list object's storage. Methods that may run Python code (sort with a key,
//! index/count/remove with `__eq__`) live in `runtime/builtins/` and must never hold the
//! `RefCell` borrow while calling back into the interpreter.

use super::value::Value;
use std::cell::RefCell;

#[derive(Default)]
pub struct List {
    pub items: RefCell<Vec<Value>>,
}

/// Items are released last to first, as CPython's `list_dealloc` does: the order is
/// observable when they are suspended generators whose `finally` blocks run on release.
impl Drop for List {
    fn drop(&mut self) {
        let items = self.items.get_mut();
        while let Some(v) = items.pop() {
            drop(v);
        }
    }
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List {
            items: RefCell::new(items),
        }
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    /// Item `i` (already normalised and bounds-checked by the caller, else `None`).
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    pub fn push(&self, v: Value) {
        self.items.borrow_mut().push(v);
    }

    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
}
