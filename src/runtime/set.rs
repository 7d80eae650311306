//! `Set`: Python's `set` and `frozenset`.
//!
//! Owns: the set's table and element look-up through `KeyOps`.
//! Must not touch: set methods and operators as Python sees them (see `runtime/builtins/`).
//!
//! NOTE: this first table is a linear scan in insertion order; it is replaced by a
//! table that follows CPython's probing, so that iteration order matches CPython's.

use super::dict::KeyOps;
use super::exception::PyResult;
use super::value::Value;
use std::cell::RefCell;

pub struct Set {
    entries: RefCell<Vec<(i64, Value)>>,
    pub frozen: bool,
}

impl Set {
    pub fn new(frozen: bool) -> Set {
        Set {
            entries: RefCell::new(Vec::new()),
            frozen,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn find(&self, ops: &mut dyn KeyOps, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        let mut i = 0;
        loop {
            let candidate = {
                let entries = self.entries.borrow();
                let mut found = None;
                while i < entries.len() {
                    if entries[i].0 == hash {
                        found = Some((i, entries[i].1.clone()));
                        break;
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

    pub fn contains(&self, ops: &mut dyn KeyOps, key: &Value) -> PyResult<bool> {
        let hash = ops.hash_key(key)?;
        Ok(self.find(ops, hash, key)?.is_some())
    }

    /// Adds `key`; returns whether it was new.
    pub fn add(&self, ops: &mut dyn KeyOps, key: Value) -> PyResult<bool> {
        let hash = ops.hash_key(&key)?;
        if self.find(ops, hash, &key)?.is_some() {
            return Ok(false);
        }
        self.entries.borrow_mut().push((hash, key));
        Ok(true)
    }

    /// Removes `key`; returns whether it was present.
    pub fn discard(&self, ops: &mut dyn KeyOps, key: &Value) -> PyResult<bool> {
        let hash = ops.hash_key(key)?;
        match self.find(ops, hash, key)? {
            Some(i) => {
                self.entries.borrow_mut().remove(i);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// The element at table position `*pos` or later; advances `*pos` past it.
    pub fn entry_at(&self, pos: &mut usize) -> Option<Value> {
        let entries = self.entries.borrow();
        let v = entries.get(*pos).map(|(_, v)| v.clone());
        if v.is_some() {
            *pos += 1;
        }
        v
    }

    /// The elements in iteration order.
    pub fn elements(&self) -> Vec<Value> {
        self.entries
            .borrow()
            .iter()
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// `pop()`: removes and returns an arbitrary element (the first in iteration order).
    pub fn pop(&self) -> Option<Value> {
        let mut entries = self.entries.borrow_mut();
        if entries.is_empty() {
            None
        } else {
            Some(entries.remove(0).1)
        }
    }

    pub fn clear(&self) {
        self.entries.borrow_mut().clear();
    }

    pub fn copy(&self, frozen: bool) -> Set {
        Set {
            entries: RefCell::new(self.entries.borrow().clone()),
            frozen,
        }
    }

    pub fn union(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<Set> {
        let out = self.copy(self.frozen);
        for x in other.elements() {
            out.add(ops, x)?;
        }
        Ok(out)
    }

    pub fn intersection(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<Set> {
        let out = Set::new(self.frozen);
        for x in self.elements() {
            if other.contains(ops, &x)? {
                out.add(ops, x)?;
            }
        }
        Ok(out)
    }

    pub fn difference(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<Set> {
        let out = Set::new(self.frozen);
        for x in self.elements() {
            if !other.contains(ops, &x)? {
                out.add(ops, x)?;
            }
        }
        Ok(out)
    }

    pub fn symmetric_difference(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<Set> {
        let out = self.difference(ops, other)?;
        for x in other.elements() {
            if !self.contains(ops, &x)? {
                out.add(ops, x)?;
            }
        }
        Ok(out)
    }

    pub fn update(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<()> {
        for x in other.elements() {
            self.add(ops, x)?;
        }
        Ok(())
    }

    pub fn intersection_update(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<()> {
        let kept = self.intersection(ops, other)?;
        *self.entries.borrow_mut() = kept.entries.into_inner();
        Ok(())
    }

    pub fn difference_update(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<()> {
        for x in other.elements() {
            self.discard(ops, &x)?;
        }
        Ok(())
    }

    pub fn symmetric_difference_update(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<()> {
        let result = self.symmetric_difference(ops, other)?;
        *self.entries.borrow_mut() = result.entries.into_inner();
        Ok(())
    }

    pub fn is_subset(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<bool> {
        for x in self.elements() {
            if !other.contains(ops, &x)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub fn frozen_hash(&self) -> i64 {
        self.entries
            .borrow()
            .iter()
            .fold(0i64, |acc, (h, _)| acc ^ h.wrapping_mul(0x5bd1e995))
    }
}
