//! `LookupSite`: one place in the program (`obj.name`, `obj.name = v`, `obj.name(...)`)
//! remembering what its last class look-up found, so the next execution with an instance
//! of the same class skips the look-up.
//!
//! Owns: the per-site memo in front of `Class::lookup`, and when it is valid (same class,
//! no class changed or created since: see `class::epoch`).
//! Must not touch: attribute rules (descriptors, instance attributes first …): callers in
//! `interp/attributes.rs` and `interp/call.rs` apply those to what it returns.

use super::class::{epoch, Class};
use super::function::NativeFunction;
use super::symbol::Symbol;
use super::types::{builtin_type_key, class_of};
use super::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What `Class::lookup(name)` gave for the class last seen here. The class is held by
/// address only: a class made later at the same address bumps the epoch (every class
/// creation does), so a stale address never matches.
pub struct LookupSite {
    class: Cell<*const Class>,
    epoch: Cell<u64>,
    found: RefCell<Option<Value>>,
    /// Where in an instance's attribute table this site last found its attribute
    /// (`AttrTable::get_hinted`).
    pub attr_index: Cell<u32>,
    /// The built-in method `value.name` last found here on a value of a built-in type,
    /// with that type's `builtin_type_key`. Built-in types cannot be changed, so this
    /// memo never goes stale and needs no epoch.
    native: Cell<Option<(u8, &'static NativeFunction)>>,
}

impl LookupSite {
    pub fn new() -> LookupSite {
        LookupSite {
            class: Cell::new(std::ptr::null()),
            epoch: Cell::new(u64::MAX),
            found: RefCell::new(None),
            attr_index: Cell::new(0),
            native: Cell::new(None),
        }
    }

    /// `class.lookup(name)`, answered from this site's memo when it is still valid.
    #[inline(always)]
    pub fn lookup(&self, class: &Rc<Class>, name: Symbol) -> Option<Value> {
        if self.remembers(class) {
            if let Ok(found) = self.found.try_borrow() {
                return found.clone();
            }
        }
        self.refill(class, name)
    }

    /// Whether this site's look-up on `class` is known to find nothing: then `obj.name`
    /// on an ordinary instance of `class` is the instance's own attribute or an error.
    #[inline(always)]
    pub fn knows_absent(&self, class: &Rc<Class>) -> bool {
        self.remembers(class) && self.found.try_borrow().is_ok_and(|f| f.is_none())
    }

    /// The built-in method `receiver.name(...)` calls when `receiver` is a value of a
    /// built-in type (`xs.append`, `s.split`), from this site's memo when it saw that
    /// type before; `None` for instances, classes, modules, and attributes that are not
    /// built-in methods.
    #[inline(always)]
    pub fn native_method(&self, receiver: &Value, name: Symbol) -> Option<&'static NativeFunction> {
        let key = builtin_type_key(receiver)?;
        match self.native.get() {
            Some((k, nf)) if k == key => Some(nf),
            _ => self.refill_native(key, receiver, name),
        }
    }

    #[inline(never)]
    fn refill_native(
        &self,
        key: u8,
        receiver: &Value,
        name: Symbol,
    ) -> Option<&'static NativeFunction> {
        match class_of(receiver).lookup(name) {
            Some(Value::Native(nf)) if nf.is_method => {
                self.native.set(Some((key, nf)));
                Some(nf)
            }
            _ => None,
        }
    }

    #[inline(always)]
    fn remembers(&self, class: &Rc<Class>) -> bool {
        std::ptr::eq(self.class.get(), Rc::as_ptr(class)) && self.epoch.get() == epoch()
    }

    #[inline(never)]
    fn refill(&self, class: &Rc<Class>, name: Symbol) -> Option<Value> {
        let found = class.lookup(name);
        if let Ok(mut slot) = self.found.try_borrow_mut() {
            *slot = found.clone();
            self.class.set(Rc::as_ptr(class));
            self.epoch.set(epoch());
        }
        found
    }
}

impl Default for LookupSite {
    fn default() -> Self {
        LookupSite::new()
    }
}

impl std::fmt::Debug for LookupSite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LookupSite")
    }
}
