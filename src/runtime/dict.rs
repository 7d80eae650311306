//! `Dict`: Python's insertion-ordered mapping, and its live views.
//!
//! Owns: the dict's table (entries in insertion order, plus an index table probed the way
//! CPython probes it), key look-up with Python semantics (`1`, `1.0` and `True` are one
//! key) through `KeyOps`, which lets a user `__hash__`/`__eq__` take part without the
//! table ever being borrowed while Python code runs; and the view objects.
//! Must not touch: dict *methods* as Python sees them (see `runtime/builtins/`).

use super::exception::PyResult;
use super::probe::{table_size_above, Probe, DICT_LINEAR_PROBES};
use super::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Hashing and equality of keys, as the interpreter defines them (may run Python code).
pub trait KeyOps {
    fn hash_key(&mut self, key: &Value) -> PyResult<i64>;
    fn eq_keys(&mut self, a: &Value, b: &Value) -> PyResult<bool>;
}

/// Equality of two keys when it can be decided without running Python code.
#[inline]
pub fn quick_key_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.as_str() == y.as_str()),
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        _ if a.is(b) => Some(true),
        _ => None,
    }
}

#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_SIZE: usize = 8;

#[derive(Default)]
struct Table {
    /// Insertion order; a deleted entry leaves `None` until the next rebuild.
    entries: Vec<Option<Entry>>,
    /// Slot -> index into `entries`, or EMPTY / DUMMY (deleted).
    indices: Vec<u32>,
    /// Slots that are not EMPTY (live and deleted).
    filled: usize,
    live: usize,
}

/// Where a key was, or where it would go.
enum Lookup {
    Found {
        slot: usize,
        index: usize,
    },
    /// `slot` is None while the dict has no index table yet.
    Absent {
        slot: Option<usize>,
    },
}

#[derive(Default)]
pub struct Dict {
    table: RefCell<Table>,
    /// Bumped whenever slots change, so a look-up that ran Python code can tell whether
    /// the table it was probing is still the same.
    version: Cell<u64>,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.table.borrow().live
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn bump(&self) {
        self.version.set(self.version.get().wrapping_add(1));
    }

    /// Probes for `key`, comparing without holding the borrow; restarts if a user
    /// `__eq__` changed the table.
    fn lookup(&self, ops: &mut dyn KeyOps, hash: i64, key: &Value) -> PyResult<Lookup> {
        'restart: loop {
            let version = self.version.get();
            let mask = {
                let t = self.table.borrow();
                if t.indices.is_empty() {
                    return Ok(Lookup::Absent { slot: None });
                }
                t.indices.len() - 1
            };
            let mut probe = Probe::new(hash, mask, DICT_LINEAR_PROBES);
            let mut free = None;
            loop {
                let slot = probe.slot();
                let candidate = {
                    let t = self.table.borrow();
                    match t.indices[slot] {
                        EMPTY => {
                            return Ok(Lookup::Absent {
                                slot: Some(free.unwrap_or(slot)),
                            })
                        }
                        DUMMY => {
                            free.get_or_insert(slot);
                            None
                        }
                        ix => {
                            let index = ix as usize;
                            match &t.entries[index] {
                                Some(e) if e.hash == hash => match quick_key_eq(&e.key, key) {
                                    Some(true) => return Ok(Lookup::Found { slot, index }),
                                    Some(false) => None,
                                    None => Some((index, e.key.clone())),
                                },
                                _ => None,
                            }
                        }
                    }
                };
                if let Some((index, k)) = candidate {
                    let equal = ops.eq_keys(&k, key)?;
                    if self.version.get() != version {
                        continue 'restart;
                    }
                    if equal {
                        return Ok(Lookup::Found { slot, index });
                    }
                }
                probe.advance();
            }
        }
    }

    pub fn get(&self, ops: &mut dyn KeyOps, key: &Value) -> PyResult<Option<Value>> {
        let hash = ops.hash_key(key)?;
        Ok(match self.lookup(ops, hash, key)? {
            Lookup::Found { index, .. } => self.table.borrow().entries[index]
                .as_ref()
                .map(|e| e.value.clone()),
            Lookup::Absent { .. } => None,
        })
    }

    pub fn contains(&self, ops: &mut dyn KeyOps, key: &Value) -> PyResult<bool> {
        let hash = ops.hash_key(key)?;
        Ok(matches!(self.lookup(ops, hash, key)?, Lookup::Found { .. }))
    }

    pub fn insert(&self, ops: &mut dyn KeyOps, key: Value, value: Value) -> PyResult<()> {
        let hash = ops.hash_key(&key)?;
        match self.lookup(ops, hash, &key)? {
            Lookup::Found { index, .. } => {
                // The first key stays (as in CPython: `d[1.0] = x` keeps the key `1`).
                let old = self.table.borrow_mut().entries[index]
                    .as_mut()
                    .map(|e| std::mem::replace(&mut e.value, value));
                drop(old);
            }
            Lookup::Absent { slot } => {
                let mut t = self.table.borrow_mut();
                let index = t.entries.len() as u32;
                t.entries.push(Some(Entry { hash, key, value }));
                t.live += 1;
                if let Some(slot) = slot {
                    if t.indices[slot] == EMPTY {
                        t.filled += 1;
                    }
                    t.indices[slot] = index;
                }
                // Grow at two thirds full (CPython's USABLE_FRACTION), or make the first table.
                if slot.is_none() || t.filled * 3 >= t.indices.len() * 2 {
                    let wanted = t.live * 3;
                    t.rebuild(wanted);
                }
                drop(t);
                self.bump();
            }
        }
        Ok(())
    }

    /// Removes `key`, returning its value.
    pub fn remove(&self, ops: &mut dyn KeyOps, key: &Value) -> PyResult<Option<Value>> {
        let hash = ops.hash_key(key)?;
        match self.lookup(ops, hash, key)? {
            Lookup::Found { slot, index } => {
                let old = {
                    let mut t = self.table.borrow_mut();
                    t.indices[slot] = DUMMY;
                    t.live -= 1;
                    t.entries[index].take()
                };
                self.bump();
                Ok(old.map(|e| e.value))
            }
            Lookup::Absent { .. } => Ok(None),
        }
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
        let t = self.table.borrow();
        while *pos < t.entries.len() {
            let i = *pos;
            *pos += 1;
            if let Some(e) = &t.entries[i] {
                return Some((e.key.clone(), e.value.clone()));
            }
        }
        None
    }

    fn collect<T>(&self, f: impl Fn(&Entry) -> T) -> Vec<T> {
        let t = self.table.borrow();
        let mut out = Vec::with_capacity(t.live);
        out.extend(t.entries.iter().flatten().map(f));
        out
    }

    pub fn keys(&self) -> Vec<Value> {
        self.collect(|e| e.key.clone())
    }

    pub fn values(&self) -> Vec<Value> {
        self.collect(|e| e.value.clone())
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.collect(|e| (e.key.clone(), e.value.clone()))
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        self.bump();
        // Values are dropped after the borrow ends: a `__del__`-like drop may reach this dict.
        drop(old);
    }

    /// `popitem()`: the last inserted entry.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let popped = {
            let mut t = self.table.borrow_mut();
            let mut found = None;
            while let Some(last) = t.entries.pop() {
                if let Some(e) = last {
                    found = Some(e);
                    break;
                }
            }
            let e = found?;
            let index = t.entries.len() as u32;
            let mask = t.indices.len() - 1;
            let mut probe = Probe::new(e.hash, mask, DICT_LINEAR_PROBES);
            while t.indices[probe.slot()] != index {
                probe.advance();
            }
            let slot = probe.slot();
            t.indices[slot] = DUMMY;
            t.live -= 1;
            e
        };
        self.bump();
        Some((popped.key, popped.value))
    }

    pub fn copy(&self) -> Dict {
        let t = self.table.borrow();
        let mut copy = Table {
            entries: t.entries.iter().flatten().cloned().map(Some).collect(),
            indices: Vec::new(),
            filled: 0,
            live: t.live,
        };
        if copy.live > 0 {
            copy.rebuild(copy.live * 3 / 2);
        }
        Dict {
            table: RefCell::new(copy),
            version: Cell::new(0),
        }
    }
}

impl Table {
    /// Drops deleted entries and re-indexes into a table larger than `minused`.
    fn rebuild(&mut self, minused: usize) {
        if self.live != self.entries.len() {
            self.entries.retain(Option::is_some);
        }
        let size = table_size_above(minused, MIN_SIZE);
        self.indices.clear();
        self.indices.resize(size, EMPTY);
        let mask = size - 1;
        for (index, e) in self.entries.iter().enumerate() {
            let Some(e) = e else { continue };
            let mut probe = Probe::new(e.hash, mask, DICT_LINEAR_PROBES);
            while self.indices[probe.slot()] != EMPTY {
                probe.advance();
            }
            self.indices[probe.slot()] = index as u32;
        }
        self.filled = self.live;
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
