//! `Dict`: Python's insertion-ordered mapping, and its live views.
//!
//! Owns: the dict's table, key look-up with Python semantics (`1`, `1.0` and `True` are
//! one key) through `KeyOps`, which lets a user `__hash__`/`__eq__` take part without the
//! table ever being borrowed while Python code runs; and the view objects.
//! Must not touch: dict *methods* as Python sees them (see `runtime/builtins/`).
//!
//! NOTE: this first table is a linear scan, correct and slow; it is replaced by a hashed
//! table behind the same API.

use super::exception::PyResult;
use super::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Hashing and equality of keys, as the interpreter defines them (may run Python code).
pub trait KeyOps {
    fn hash_key(&mut self, key: &Value) -> PyResult<i64>;
    fn eq_keys(&mut self, a: &Value, b: &Value) -> PyResult<bool>;
}

#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

#[derive(Default)]
pub struct Dict {
    entries: RefCell<Vec<Option<Entry>>>,
    live: Cell<usize>,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.live.get()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Index of the entry for `key`, comparing without holding the borrow.
    fn find(&self, ops: &mut dyn KeyOps, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        let mut i = 0;
        loop {
            let candidate = {
                let entries = self.entries.borrow();
                let mut found = None;
                while i < entries.len() {
                    if let Some(e) = &entries[i] {
                        if e.hash == hash {
                            found = Some((i, e.key.clone()));
                            break;
                        }
                    }
                    i += 1;
                }
                found
            };
            match candidate {
                None => return Ok(None),
                Some((idx, k)) => {
                    if k.is(key) || ops.eq_keys(&k, key)? {
                        return Ok(Some(idx));
                    }
                    i = idx + 1;
                }
            }
        }
    }

    pub fn get(&self, ops: &mut dyn KeyOps, key: &Value) -> PyResult<Option<Value>> {
        let hash = ops.hash_key(key)?;
        Ok(self
            .find(ops, hash, key)?
            .and_then(|i| self.entries.borrow()[i].as_ref().map(|e| e.value.clone())))
    }

    pub fn contains(&self, ops: &mut dyn KeyOps, key: &Value) -> PyResult<bool> {
        let hash = ops.hash_key(key)?;
        Ok(self.find(ops, hash, key)?.is_some())
    }

    pub fn insert(&self, ops: &mut dyn KeyOps, key: Value, value: Value) -> PyResult<()> {
        let hash = ops.hash_key(&key)?;
        match self.find(ops, hash, &key)? {
            Some(i) => {
                if let Some(e) = self.entries.borrow_mut()[i].as_mut() {
                    e.value = value;
                }
            }
            None => {
                self.entries
                    .borrow_mut()
                    .push(Some(Entry { hash, key, value }));
                self.live.set(self.live.get() + 1);
            }
        }
        Ok(())
    }

    /// Removes `key`, returning its value.
    pub fn remove(&self, ops: &mut dyn KeyOps, key: &Value) -> PyResult<Option<Value>> {
        let hash = ops.hash_key(key)?;
        Ok(self.find(ops, hash, key)?.and_then(|i| {
            let old = self.entries.borrow_mut()[i].take();
            if old.is_some() {
                self.live.set(self.live.get() - 1);
            }
            old.map(|e| e.value)
        }))
    }

    /// Inserts under a string key (keyword arguments, attribute dicts): no Python code runs.
    pub fn insert_str(&self, key: &str, value: Value) {
        let mut ops = StrKeys;
        let _ = self.insert(&mut ops, Value::str(key), value);
    }

    /// Looks a string key up without running Python code.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        let mut ops = StrKeys;
        self.get(&mut ops, &Value::str(key)).ok().flatten()
    }

    /// The next live entry at position `*pos` or later; advances `*pos` past it.
    pub fn entry_at(&self, pos: &mut usize) -> Option<(Value, Value)> {
        let entries = self.entries.borrow();
        while *pos < entries.len() {
            let i = *pos;
            *pos += 1;
            if let Some(e) = &entries[i] {
                return Some((e.key.clone(), e.value.clone()));
            }
        }
        None
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries
            .borrow()
            .iter()
            .flatten()
            .map(|e| e.key.clone())
            .collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.entries
            .borrow()
            .iter()
            .flatten()
            .map(|e| e.value.clone())
            .collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.entries
            .borrow()
            .iter()
            .flatten()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    pub fn clear(&self) {
        self.entries.borrow_mut().clear();
        self.live.set(0);
    }

    /// `popitem()`: the last inserted entry.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut entries = self.entries.borrow_mut();
        while let Some(e) = entries.pop() {
            if let Some(e) = e {
                self.live.set(self.live.get() - 1);
                return Some((e.key, e.value));
            }
        }
        None
    }

    pub fn copy(&self) -> Dict {
        Dict {
            entries: RefCell::new(
                self.entries
                    .borrow()
                    .iter()
                    .flatten()
                    .cloned()
                    .map(Some)
                    .collect(),
            ),
            live: Cell::new(self.live.get()),
        }
    }
}

/// Key operations for string keys only (no interpreter needed).
struct StrKeys;

impl KeyOps for StrKeys {
    fn hash_key(&mut self, key: &Value) -> PyResult<i64> {
        Ok(match key {
            Value::Str(s) => super::num::hash_str(s.as_str()),
            _ => 0,
        })
    }

    fn eq_keys(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        Ok(match (a, b) {
            (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
            _ => a.is(b),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
pub struct DictView {
    pub dict: Rc<Dict>,
    pub kind: ViewKind,
}

impl DictView {
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
}
