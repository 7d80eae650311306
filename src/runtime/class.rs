//! Classes and instances: the object model shared by built-in and user types.
//!
//! Owns: `Class` (name, bases, MRO, attribute table), `Instance` (class, attributes,
//! native payload) and `AttrTable`, the small insertion-ordered map used for attributes.
//! Must not touch: attribute *semantics* (descriptors, `__getattr__`): that is
//! `interp/attributes.rs`.

use super::exception::ExcData;
use super::symbol::Symbol;
use super::value::Value;
use std::cell::{Cell, Ref, RefCell, RefMut};
use std::rc::Rc;

thread_local! {
    /// Bumped by every change to any class's attribute table: a class's cached look-ups
    /// are valid while the epoch they were made in is current (a change to a base class
    /// must reach its subclasses' caches, and class attributes rarely change).
    static CLASS_EPOCH: Cell<u64> = const { Cell::new(0) };
}

/// The current class epoch: changes whenever a class is created or a class's attributes
/// change, so a look-up remembered in an earlier epoch may be stale.
#[inline]
pub fn epoch() -> u64 {
    CLASS_EPOCH.with(Cell::get)
}

fn bump_epoch() {
    CLASS_EPOCH.with(|e| e.set(e.get() + 1));
}

/// Look-ups along the MRO made since the last class change, hits and misses alike.
#[derive(Default)]
struct LookupCache {
    epoch: u64,
    entries: hashbrown::HashMap<Symbol, Option<Value>>,
}

/// An index hint that matches no entry: a plain `get`/`set` scans.
const NO_HINT: u32 = u32::MAX;

/// Attributes keyed by interned name, in insertion order. Linear search: attribute tables
/// are small and a scan of a few `u32`s beats hashing.
#[derive(Default, Clone)]
pub struct AttrTable {
    entries: Vec<(Symbol, Value)>,
}

impl AttrTable {
    pub fn new() -> AttrTable {
        AttrTable::default()
    }

    /// Makes room for `additional` more attributes in one allocation.
    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve_exact(additional);
    }

    #[inline]
    pub fn get(&self, name: Symbol) -> Option<&Value> {
        self.get_hinted(name, &Cell::new(NO_HINT))
    }

    /// `get`, trying first the index `hint` remembers and remembering where `name` was
    /// found: instances of one class store their attributes in the same order, so one
    /// place in the program (`self.cur`) finds its attribute at the same index.
    #[inline(always)]
    pub fn get_hinted(&self, name: Symbol, hint: &Cell<u32>) -> Option<&Value> {
        if let Some((k, v)) = self.entries.get(hint.get() as usize) {
            if *k == name {
                return Some(v);
            }
        }
        let i = self.scan(name, hint)?;
        Some(&self.entries[i].1)
    }

    /// `get_hinted` for changing the value where it sits.
    #[inline(always)]
    pub fn get_hinted_mut(&mut self, name: Symbol, hint: &Cell<u32>) -> Option<&mut Value> {
        let i = match self.entries.get(hint.get() as usize) {
            Some((k, _)) if *k == name => hint.get() as usize,
            _ => self.scan(name, hint)?,
        };
        Some(&mut self.entries[i].1)
    }

    #[inline]
    pub fn set(&mut self, name: Symbol, value: Value) {
        self.set_hinted(name, value, &Cell::new(NO_HINT));
    }

    /// `set`, with the index hint of `get_hinted`.
    #[inline(always)]
    pub fn set_hinted(&mut self, name: Symbol, value: Value, hint: &Cell<u32>) {
        if let Some((k, v)) = self.entries.get_mut(hint.get() as usize) {
            if *k == name {
                v.store(value);
                return;
            }
        }
        match self.scan(name, hint) {
            Some(i) => self.entries[i].1.store(value),
            None => {
                hint.set(self.entries.len() as u32);
                self.entries.push((name, value));
            }
        }
    }

    /// The index of `name` found by a scan, remembered in `hint`.
    #[inline]
    fn scan(&self, name: Symbol, hint: &Cell<u32>) -> Option<usize> {
        let i = self.entries.iter().position(|(k, _)| *k == name)?;
        hint.set(i as u32);
        Some(i)
    }

    pub fn remove(&mut self, name: Symbol) -> Option<Value> {
        let i = self.entries.iter().position(|(k, _)| *k == name)?;
        Some(self.entries.remove(i).1)
    }

    pub fn contains(&self, name: Symbol) -> bool {
        self.get(name).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = &(Symbol, Value)> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Which built-in type a class is, when it is one (drives `type(x)` and `isinstance`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Generator,
    Module,
    Cell,
    Iterator,
    DictView,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    BaseException,
}

pub struct Class {
    pub name: Symbol,
    pub qualname: String,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order *after* this class (C3 linearisation of the bases).
    pub mro: Vec<Rc<Class>>,
    /// Read with `attrs()`, changed only through `attrs_mut()`, which invalidates caches.
    table: RefCell<AttrTable>,
    cache: RefCell<LookupCache>,
    /// Set for built-in types and inherited by user subclasses (a class deriving from
    /// `Exception` has `Some(BaseException)`).
    pub builtin: Option<BuiltinType>,
    /// Made by the runtime (`int`, `ValueError` …), not by a `class` statement: its
    /// attribute table is fixed and its `__module__` is `builtins`.
    pub is_builtin: bool,
}

impl Class {
    pub fn new(
        name: Symbol,
        qualname: String,
        bases: Vec<Rc<Class>>,
        mro: Vec<Rc<Class>>,
        attrs: AttrTable,
        builtin: Option<BuiltinType>,
        is_builtin: bool,
    ) -> Class {
        // A new class may sit at the address of a freed one that a `LookupSite` remembers.
        bump_epoch();
        Class {
            name,
            qualname,
            bases,
            mro,
            table: RefCell::new(attrs),
            cache: RefCell::new(LookupCache::default()),
            builtin,
            is_builtin,
        }
    }

    /// The class's own attributes (not its bases').
    pub fn attrs(&self) -> Ref<'_, AttrTable> {
        self.table.borrow()
    }

    /// The class's own attributes, to change: every class's look-up cache is dropped.
    pub fn attrs_mut(&self) -> RefMut<'_, AttrTable> {
        bump_epoch();
        self.table.borrow_mut()
    }

    /// Look a name up along the MRO: this class, then `mro`. Cached per class until any
    /// class changes, so a method call or instance attribute read on a deep MRO (every
    /// MRO ends in `object`, with its dozens of methods) is one hash probe.
    pub fn lookup(&self, name: Symbol) -> Option<Value> {
        let epoch = epoch();
        {
            let cache = self.cache.borrow();
            if cache.epoch == epoch {
                if let Some(hit) = cache.entries.get(&name) {
                    return hit.clone();
                }
            }
        }
        let found = self.lookup_uncached(name);
        if let Ok(mut cache) = self.cache.try_borrow_mut() {
            if cache.epoch != epoch {
                cache.entries.clear();
                cache.epoch = epoch;
            }
            cache.entries.insert(name, found.clone());
        }
        found
    }

    fn lookup_uncached(&self, name: Symbol) -> Option<Value> {
        self.find_on_mro(name).map(|(v, _)| v)
    }

    /// Like `lookup`, but also says which class on the MRO defined it.
    pub fn lookup_with_owner(self: &Rc<Class>, name: Symbol) -> Option<(Value, Rc<Class>)> {
        match self.find_on_mro(name)? {
            (v, None) => Some((v, self.clone())),
            (v, Some(owner)) => Some((v, owner.clone())),
        }
    }

    /// The walk both look-ups share: this class (owner `None`), then each class of `mro`.
    fn find_on_mro(&self, name: Symbol) -> Option<(Value, Option<&Rc<Class>>)> {
        if let Some(v) = self.attrs().get(name) {
            return Some((v.clone(), None));
        }
        self.mro
            .iter()
            .find_map(|c| c.attrs().get(name).map(|v| (v.clone(), Some(c))))
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass_of(&self, other: &Rc<Class>) -> bool {
        std::ptr::eq(self, Rc::as_ptr(other)) || self.mro.iter().any(|c| Rc::ptr_eq(c, other))
    }

    pub fn is_exception_class(&self) -> bool {
        self.builtin == Some(BuiltinType::BaseException)
    }
}

/// Native data carried by instances of some built-in classes.
pub enum Payload {
    None,
    Exception(Box<ExcData>),
    /// Boxed, as `Super` is: the payload is part of every instance, and most have none
    /// (an inline property made each instance 40 bytes larger).
    Property(Box<Property>),
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super(class, obj)`: look-ups start after `class` in `type(obj)`'s MRO.
    Super(Box<SuperTarget>),
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    /// The class attribute it was defined as (`__set_name__` at class creation), for
    /// "property 'x' of 'C' object has no setter"; `None` for one attached later.
    pub name: Cell<Option<Symbol>>,
}

pub struct SuperTarget {
    pub class: Rc<Class>,
    pub obj: Value,
}

pub struct Instance {
    pub class: Rc<Class>,
    pub attrs: RefCell<AttrTable>,
    pub payload: Payload,
}

impl Instance {
    pub fn new(class: Rc<Class>) -> Instance {
        Instance {
            class,
            attrs: RefCell::new(AttrTable::new()),
            payload: Payload::None,
        }
    }

    pub fn exc_data(&self) -> Option<&ExcData> {
        match &self.payload {
            Payload::Exception(d) => Some(d),
            _ => None,
        }
    }
}
