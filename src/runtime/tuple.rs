//! `Tuple`: Python's immutable sequence.
//!
//! Owns: the tuple object's storage.

use super::value::Value;

pub struct Tuple {
    pub items: Box<[Value]>,
}

impl Tuple {
    pub fn new(items: Vec<Value>) -> Tuple {
        Tuple {
            items: items.into_boxed_slice(),
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn as_slice(&self) -> &[Value] {
        &self.items
    }
}
