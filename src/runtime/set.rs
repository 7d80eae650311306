//! `Set`: Python's `set` and `frozenset`, in CPython's table layout.
//!
//! Owns: the set's open-addressing table (slots probed, filled, resized and emptied by
//! the rules of CPython 3.11's `Objects/setobject.c`, so iteration order, `pop()` and
//! `repr` match CPython's for the same hashes), element look-up through `KeyOps`, the
//! set algebra the methods and operators use, and `frozenset`'s hash.
//! Must not touch: set methods and operators as Python sees them (see `runtime/builtins/`).

use super::dict::{quick_key_eq, KeyOps};
use super::exception::PyResult;
use super::probe::{table_size_above, Probe, SET_LINEAR_PROBES};
use super::value::Value;
use std::cell::{Cell, RefCell};

const MIN_SIZE: usize = 8;
/// The hash a deleted slot keeps (CPython's `dummy` entry).
const DUMMY_HASH: i64 = -1;

/// A slot: unused (`key` None, hash 0), deleted (`key` None, hash -1) or active.
#[derive(Clone, Default)]
struct Slot {
    hash: i64,
    key: Option<Value>,
}

impl Slot {
    fn is_dummy(&self) -> bool {
        self.key.is_none() && self.hash == DUMMY_HASH
    }
}

#[derive(Clone)]
struct Table {
    slots: Vec<Slot>,
    /// Active plus deleted slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop()` starts looking.
    finger: usize,
}

impl Default for Table {
    fn default() -> Table {
        Table {
            slots: vec![Slot::default(); MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

enum Lookup {
    Found(usize),
    /// Absent: the first deleted slot seen, or the unused slot that ended the probe.
    Absent {
        slot: usize,
        unused: bool,
    },
}

impl std::fmt::Debug for Set {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.elements()).finish()
    }
}

pub struct Set {
    table: RefCell<Table>,
    /// Bumped whenever slots change, so a probe that ran Python code can restart.
    version: Cell<u64>,
    pub frozen: bool,
}

impl Set {
    pub fn new(frozen: bool) -> Set {
        Set {
            table: RefCell::new(Table::default()),
            version: Cell::new(0),
            frozen,
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn bump(&self) {
        self.version.set(self.version.get().wrapping_add(1));
    }

    fn lookup(&self, ops: &mut dyn KeyOps, hash: i64, key: &Value) -> PyResult<Lookup> {
        'restart: loop {
            let version = self.version.get();
            let mask = self.table.borrow().slots.len() - 1;
            let mut probe = Probe::new(hash, mask, SET_LINEAR_PROBES);
            let mut free = None;
            loop {
                let slot = probe.slot();
                let candidate = {
                    let t = self.table.borrow();
                    let s = &t.slots[slot];
                    match &s.key {
                        None if s.hash == DUMMY_HASH => {
                            free.get_or_insert(slot);
                            None
                        }
                        None => {
                            return Ok(match free {
                                Some(f) => Lookup::Absent {
                                    slot: f,
                                    unused: false,
                                },
                                None => Lookup::Absent { slot, unused: true },
                            })
                        }
                        Some(k) if s.hash == hash => match quick_key_eq(k, key) {
                            Some(true) => return Ok(Lookup::Found(slot)),
                            Some(false) => None,
                            None => Some(k.clone()),
                        },
                        Some(_) => None,
                    }
                };
                if let Some(k) = candidate {
                    let equal = ops.eq_keys(&k, key)?;
                    if self.version.get() != version {
                        continue 'restart;
                    }
                    if equal {
                        return Ok(Lookup::Found(slot));
                    }
                }
                probe.advance();
            }
        }
    }

    pub fn contains(&self, ops: &mut dyn KeyOps, key: &Value) -> PyResult<bool> {
        let hash = ops.hash_key(key)?;
        self.contains_hashed(ops, hash, key)
    }

    fn contains_hashed(&self, ops: &mut dyn KeyOps, hash: i64, key: &Value) -> PyResult<bool> {
        Ok(matches!(self.lookup(ops, hash, key)?, Lookup::Found(_)))
    }

    /// Adds `key`; returns whether it was new.
    pub fn add(&self, ops: &mut dyn KeyOps, key: Value) -> PyResult<bool> {
        let hash = ops.hash_key(&key)?;
        self.add_hashed(ops, hash, key)
    }

    /// CPython's `set_add_entry`: fill the slot the probe found; grow at 60% full.
    fn add_hashed(&self, ops: &mut dyn KeyOps, hash: i64, key: Value) -> PyResult<bool> {
        let (slot, unused) = match self.lookup(ops, hash, &key)? {
            Lookup::Found(_) => return Ok(false),
            Lookup::Absent { slot, unused } => (slot, unused),
        };
        {
            let mut t = self.table.borrow_mut();
            t.slots[slot] = Slot {
                hash,
                key: Some(key),
            };
            t.used += 1;
            if unused {
                t.fill += 1;
                let mask = t.slots.len() - 1;
                if t.fill * 5 >= mask * 3 {
                    let minused = if t.used > 50_000 {
                        t.used * 2
                    } else {
                        t.used * 4
                    };
                    t.resize(minused);
                }
            }
        }
        self.bump();
        Ok(true)
    }

    /// Removes `key`; returns whether it was present.
    pub fn discard(&self, ops: &mut dyn KeyOps, key: &Value) -> PyResult<bool> {
        let hash = ops.hash_key(key)?;
        self.discard_hashed(ops, hash, key)
    }

    fn discard_hashed(&self, ops: &mut dyn KeyOps, hash: i64, key: &Value) -> PyResult<bool> {
        match self.lookup(ops, hash, key)? {
            Lookup::Found(slot) => {
                let old = {
                    let mut t = self.table.borrow_mut();
                    t.used -= 1;
                    std::mem::replace(
                        &mut t.slots[slot],
                        Slot {
                            hash: DUMMY_HASH,
                            key: None,
                        },
                    )
                };
                self.bump();
                drop(old);
                Ok(true)
            }
            Lookup::Absent { .. } => Ok(false),
        }
    }

    /// The element at table position `*pos` or later; advances `*pos` past it.
    pub fn entry_at(&self, pos: &mut usize) -> Option<Value> {
        let t = self.table.borrow();
        while *pos < t.slots.len() {
            let i = *pos;
            *pos += 1;
            if let Some(k) = &t.slots[i].key {
                return Some(k.clone());
            }
        }
        None
    }

    /// The active slots' hashes and keys, in slot order.
    fn hashed_elements(&self) -> Vec<(i64, Value)> {
        let t = self.table.borrow();
        let mut out = Vec::with_capacity(t.used);
        out.extend(
            t.slots
                .iter()
                .filter_map(|s| s.key.as_ref().map(|k| (s.hash, k.clone()))),
        );
        out
    }

    /// The elements in iteration order.
    pub fn elements(&self) -> Vec<Value> {
        self.hashed_elements().into_iter().map(|(_, k)| k).collect()
    }

    /// `pop()`: the first active slot from the finger on, as CPython's `set_pop`.
    pub fn pop(&self) -> Option<Value> {
        let key = {
            let mut t = self.table.borrow_mut();
            if t.used == 0 {
                return None;
            }
            let mask = t.slots.len() - 1;
            let mut i = t.finger & mask;
            while t.slots[i].key.is_none() {
                i = if i == mask { 0 } else { i + 1 };
            }
            let old = std::mem::replace(
                &mut t.slots[i],
                Slot {
                    hash: DUMMY_HASH,
                    key: None,
                },
            );
            t.used -= 1;
            t.finger = i + 1;
            old.key
        };
        self.bump();
        key
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        self.bump();
        drop(old);
    }

    /// A copy with the same table layout (CPython's `set_merge` into an empty set).
    pub fn copy(&self, frozen: bool) -> Set {
        let out = Set::new(frozen);
        out.merge_into_empty(&self.table.borrow());
        out
    }

    fn merge_into_empty(&self, other: &Table) {
        if other.used == 0 {
            return;
        }
        self.presize(other.used);
        let mut t = self.table.borrow_mut();
        if t.slots.len() == other.slots.len() && other.fill == other.used {
            t.slots.clone_from(&other.slots);
        } else {
            let mask = t.slots.len() - 1;
            for s in other.slots.iter().filter(|s| s.key.is_some()) {
                t.insert_clean(mask, s.clone());
            }
        }
        t.fill = other.used;
        t.used = other.used;
    }

    /// Makes room for `incoming` more elements in one step, as CPython does before adding
    /// the keys of a dict or the elements of a set.
    pub fn presize(&self, incoming: usize) {
        let mut t = self.table.borrow_mut();
        if (t.fill + incoming) * 5 >= (t.slots.len() - 1) * 3 {
            let minused = (t.used + incoming) * 2;
            t.resize(minused);
        }
    }

    /// `set_merge` / `set_update_internal` for a set argument.
    pub fn update(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        if self.table.borrow().fill == 0 {
            self.merge_into_empty(&other.table.borrow());
            self.bump();
            return Ok(());
        }
        let incoming = other.hashed_elements();
        self.presize(incoming.len());
        for (hash, key) in incoming {
            self.add_hashed(ops, hash, key)?;
        }
        Ok(())
    }

    pub fn union(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<Set> {
        let out = self.copy(self.frozen);
        out.update(ops, other)?;
        Ok(out)
    }

    /// CPython iterates the smaller set and keeps what the larger contains.
    pub fn intersection(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<Set> {
        if std::ptr::eq(self, other) {
            return Ok(self.copy(self.frozen));
        }
        let out = Set::new(self.frozen);
        let (small, large) = if other.len() > self.len() {
            (self, other)
        } else {
            (other, self)
        };
        for (hash, key) in small.hashed_elements() {
            if large.contains_hashed(ops, hash, &key)? {
                out.add_hashed(ops, hash, key)?;
            }
        }
        Ok(out)
    }

    pub fn difference(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<Set> {
        if (self.len() >> 2) > other.len() {
            let out = self.copy(self.frozen);
            out.difference_update(ops, other)?;
            return Ok(out);
        }
        let out = Set::new(self.frozen);
        for (hash, key) in self.hashed_elements() {
            if !other.contains_hashed(ops, hash, &key)? {
                out.add_hashed(ops, hash, key)?;
            }
        }
        Ok(out)
    }

    /// A copy of `other`, then `self`'s elements toggled in (CPython's order of work).
    pub fn symmetric_difference(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<Set> {
        let out = other.copy(self.frozen);
        out.symmetric_difference_update(ops, self)?;
        Ok(out)
    }

    pub fn intersection_update(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<()> {
        let kept = self.intersection(ops, other)?;
        self.replace_table(kept);
        Ok(())
    }

    pub fn difference_update(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            self.clear();
            return Ok(());
        }
        for (hash, key) in other.hashed_elements() {
            self.discard_hashed(ops, hash, &key)?;
        }
        Ok(())
    }

    pub fn symmetric_difference_update(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            self.clear();
            return Ok(());
        }
        for (hash, key) in other.hashed_elements() {
            if !self.discard_hashed(ops, hash, &key)? {
                self.add_hashed(ops, hash, key)?;
            }
        }
        Ok(())
    }

    /// Takes `other`'s table as its own (CPython's `set_swap_bodies`).
    pub fn replace_table(&self, other: Set) {
        let old = std::mem::replace(&mut *self.table.borrow_mut(), other.table.into_inner());
        self.bump();
        drop(old);
    }

    pub fn is_subset(&self, ops: &mut dyn KeyOps, other: &Set) -> PyResult<bool> {
        if self.len() > other.len() {
            return Ok(false);
        }
        for (hash, key) in self.hashed_elements() {
            if !other.contains_hashed(ops, hash, &key)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// CPython 3.11's `frozenset_hash`: order-independent, bit for bit.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle_bits(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let t = self.table.borrow();
        let mut hash: u64 = t
            .slots
            .iter()
            .filter(|s| s.key.is_some())
            .fold(0, |acc, s| acc ^ shuffle_bits(s.hash as u64));
        hash ^= (t.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            590_923_713
        } else {
            hash as i64
        }
    }
}

impl Table {
    /// CPython's `set_table_resize`: a table larger than `minused`, deleted slots dropped,
    /// active ones re-inserted in their old slot order.
    fn resize(&mut self, minused: usize) {
        let size = table_size_above(minused, MIN_SIZE);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        let mask = size - 1;
        for s in old.into_iter().filter(|s| s.key.is_some()) {
            self.insert_clean(mask, s);
        }
        self.fill = self.used;
    }

    /// CPython's `set_insert_clean`: into the first unused slot of the probe (no deleted
    /// slots exist in a fresh table, and the key is known to be absent).
    fn insert_clean(&mut self, mask: usize, slot: Slot) {
        let mut probe = Probe::new(slot.hash, mask, SET_LINEAR_PROBES);
        while self.slots[probe.slot()].key.is_some() || self.slots[probe.slot()].is_dummy() {
            probe.advance();
        }
        let at = probe.slot();
        self.slots[at] = slot;
    }
}
