//! Classes and instances: the object model shared by built-in and user types.
//!
//! Owns: `Class` (name, bases, MRO, attribute table), `Instance` (class, attributes,
//! native payload) and `AttrTable`, the small insertion-ordered map used for attributes.
//! Must not touch: attribute *semantics* (descriptors, `__getattr__`): that is
//! `interp/attributes.rs`.

use super::exception::ExcData;
use super::symbol::Symbol;
use super::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

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

    #[inline]
    pub fn get(&self, name: Symbol) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }

    #[inline]
    pub fn set(&mut self, name: Symbol, value: Value) {
        if let Some(slot) = self.entries.iter_mut().find(|(k, _)| *k == name) {
            slot.1 = value;
        } else {
            self.entries.push((name, value));
        }
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
    pub attrs: RefCell<AttrTable>,
    /// Set for built-in types and inherited by user subclasses (a class deriving from
    /// `Exception` has `Some(BaseException)`).
    pub builtin: Option<BuiltinType>,
    /// Made by the runtime (`int`, `ValueError` …), not by a `class` statement: its
    /// attribute table is fixed and its `__module__` is `builtins`.
    pub is_builtin: bool,
}

impl Class {
    /// Look a name up along the MRO: this class, then `mro`.
    pub fn lookup(&self, name: Symbol) -> Option<Value> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(v.clone());
        }
        for c in &self.mro {
            if let Some(v) = c.attrs.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Like `lookup`, but also says which class on the MRO defined it.
    pub fn lookup_with_owner(self: &Rc<Class>, name: Symbol) -> Option<(Value, Rc<Class>)> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some((v.clone(), self.clone()));
        }
        for c in &self.mro {
            if let Some(v) = c.attrs.borrow().get(name) {
                return Some((v.clone(), c.clone()));
            }
        }
        None
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
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super(class, obj)`: look-ups start after `class` in `type(obj)`'s MRO.
    Super {
        class: Rc<Class>,
        obj: Value,
    },
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
