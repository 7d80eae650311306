//! `List`: Python's mutable sequence.
//!
//! Owns: the list object's storage. Methods that may run Python code (sort with a key,
//! index/count/remove with `__eq__`) live in `runtime/builtins/` and must never hold the
//! `RefCell` borrow while calling back into the interpreter.

use super::value::Value;
use std::cell::RefCell;

/// Python's `items[i]` for an int index: negative counts from the end; `None` out of
/// range.
#[inline(always)]
pub fn item_at(items: &[Value], i: i64) -> Option<&Value> {
    let j = if i < 0 { i + items.len() as i64 } else { i };
    items.get(usize::try_from(j).ok()?)
}

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

    /// Gives back the spare room that appending left, when it is more than CPython's
    /// lists keep: a `Vec` doubles as it grows (up to twice the items' memory), while
    /// CPython grows a list by about an eighth. Used on a list comprehension's result,
    /// which is built by appending and then only read. The allocator does not shrink a
    /// block in place by less than half, so the items move to an exact-size buffer.
    pub fn release_spare(&self) {
        let mut items = self.items.borrow_mut();
        let len = items.len();
        if items.capacity() - len > len / 8 + 8 {
            let mut exact = Vec::with_capacity(len);
            exact.append(&mut items);
            *items = exact;
        }
    }

    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
}
