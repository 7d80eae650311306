//! Attributes: `obj.name`, `obj.name = v`, `del obj.name`, with Python's rules.
//!
//! Owns: look-up order (data descriptors, instance attributes, class attributes along the
//! MRO, `__getattr__`), binding (functions become bound methods; `staticmethod`,
//! `classmethod`, `property`), `super()` look-ups, the special attributes of built-in
//! objects (`__name__`, `args`, `__cause__` …), and AttributeError messages. A read or
//! store at a program site goes through the site's memo of its class look-up
//! (`runtime/lookup_site.rs`), which also lets a plain `self.x` skip the rules.
//! Must not touch: calling (`call.rs`), class creation (`classes.rs`).

use super::Interp;
use crate::runtime::class::{Class, Instance, Payload};
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::function::BoundMethod;
use crate::runtime::lookup_site::LookupSite;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::types::class_of;
use crate::runtime::value::Value;
use std::rc::Rc;

/// The fast half of `get_attr_at`: an instance attribute that the site knows no class on
/// the MRO defines (so no descriptor, `__getattr__` or `__getattribute__` takes part),
/// handed to `read` where it sits. `None` when the full rules are needed; reading this
/// way runs no code, so a caller may read first and fall back to the rules after.
#[inline(always)]
pub fn with_plain_attr<R>(
    obj: &Value,
    name: Symbol,
    site: &LookupSite,
    read: impl FnOnce(&Value) -> R,
) -> Option<R> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    if !site.knows_absent(&inst.class) {
        return None;
    }
    inst.attrs
        .borrow()
        .get_hinted(name, &site.attr_index)
        .map(read)
}

/// The instance whose attribute `name` a store at `site` may write straight into its
/// table: a plain instance of a user class (no native payload) whose class, the site
/// knows, defines nothing of that name (so no descriptor takes part).
#[inline(always)]
fn plain_store_target<'a>(obj: &'a Value, site: &LookupSite) -> Option<&'a Instance> {
    match obj {
        Value::Instance(inst)
            if matches!(inst.payload, Payload::None)
                && !is_builtin_class(&inst.class)
                && site.knows_absent(&inst.class) =>
        {
            Some(inst)
        }
        _ => None,
    }
}

/// `obj.name op= y` on an int instance attribute, combined where it sits: `update` gets
/// the old int and gives the new one. It applies where `set_attr_at` would store without
/// the rules (`plain_store_target`); `None`, with nothing changed, when the rules are
/// needed or `update` declines (an overflow).
#[inline(always)]
pub fn update_plain_int_attr(
    obj: &Value,
    name: Symbol,
    site: &LookupSite,
    update: impl FnOnce(i64) -> Option<i64>,
) -> Option<()> {
    let inst = plain_store_target(obj, site)?;
    let mut attrs = inst.attrs.borrow_mut();
    let Some(Value::Int(x)) = attrs.get_hinted_mut(name, &site.attr_index) else {
        return None;
    };
    *x = update(*x)?;
    Some(())
}

impl Interp {
    pub fn get_attr(&mut self, obj: &Value, name: Symbol) -> PyResult<Value> {
        self.get_attr_at(obj, name, None)
    }

    /// `obj.name` read at a place in the program that remembers its class look-up. An
    /// instance attribute that the site knows no class on the MRO defines (so no
    /// descriptor can take part, what most `self.x` reads are) is answered inline.
    #[inline(always)]
    pub fn get_attr_at(
        &mut self,
        obj: &Value,
        name: Symbol,
        site: Option<&LookupSite>,
    ) -> PyResult<Value> {
        if let Some(site) = site {
            if let Some(v) = with_plain_attr(obj, name, site, Value::clone) {
                return Ok(v);
            }
        }
        self.attr_by_rules(obj, name, site)
    }

    /// `obj.name` with all of Python's look-up rules.
    #[inline(never)]
    fn attr_by_rules(
        &mut self,
        obj: &Value,
        name: Symbol,
        site: Option<&LookupSite>,
    ) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => self.instance_attr(obj, inst, name, site),
            Value::Class(c) => self.class_attr(c, name),
            Value::Module(m) => match m.attrs.borrow().get(name) {
                Some(v) => Ok(v.clone()),
                None => Err(attribute_error(
                    format!("module '{}' has no attribute '{name}'", m.name),
                    obj,
                    name,
                )),
            },
            _ => self.builtin_attr(obj, name),
        }
    }

    /// `hasattr(obj, name)` without building an AttributeError when we can tell.
    pub fn has_attr(&mut self, obj: &Value, name: Symbol) -> bool {
        self.get_attr(obj, name).is_ok()
    }

    fn instance_attr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: Symbol,
        site: Option<&LookupSite>,
    ) -> PyResult<Value> {
        if let Payload::Super(s) = &inst.payload {
            return self.super_attr(&s.class, &s.obj, name);
        }
        let class_value = class_lookup(&inst.class, name, site);
        if let Some(fget) = property_accessor(class_value.as_ref(), Accessor::Get, obj, name) {
            return self.call(&fget?, std::slice::from_ref(obj), &[]);
        }
        if let Some(v) = inst.attrs.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.special_instance_attr(obj, inst, name) {
            return Ok(v);
        }
        if let Some(v) = class_value {
            return Ok(bind(v, obj, &inst.class));
        }
        if let Some(getattr) = inst.class.lookup(sym::GETATTR) {
            return self.call(&getattr, &[obj.clone(), Value::str(name.as_str())], &[]);
        }
        Err(attribute_error(
            format!("'{}' object has no attribute '{name}'", inst.class.name),
            obj,
            name,
        ))
    }

    /// Attributes every instance has without storing them (`__class__`, exception fields).
    fn special_instance_attr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: Symbol,
    ) -> Option<Value> {
        if name == sym::CLASS {
            return Some(Value::Class(inst.class.clone()));
        }
        if name == sym::DICT {
            let d = crate::runtime::dict::Dict::new();
            for (k, v) in inst.attrs.borrow().iter() {
                d.insert_str(k.as_str(), v.clone());
            }
            return Some(Value::Dict(Rc::new(d)));
        }
        let data = inst.exc_data()?;
        Some(match name {
            n if n == sym::ARGS => data.args.borrow().clone(),
            n if n == sym::CAUSE => data.cause.borrow().clone(),
            n if n == sym::CONTEXT => data.context.borrow().clone(),
            n if n == sym::SUPPRESS_CONTEXT => Value::Bool(data.suppress_context.get()),
            n if n == sym::TRACEBACK => Value::None,
            n if n == sym::VALUE
                && inst.class.is_subclass_of(
                    crate::runtime::types::types().exception(ExcKind::StopIteration),
                ) =>
            {
                let e = Exc::from_value(obj)?;
                super::generator::stop_value(&e)
            }
            _ => return None,
        })
    }

    fn class_attr(&mut self, c: &Rc<Class>, name: Symbol) -> PyResult<Value> {
        if let Some(v) = c.lookup(name) {
            return Ok(match v {
                Value::Instance(ref d) => match &d.payload {
                    Payload::ClassMethod(func) => Value::BoundMethod(Rc::new(BoundMethod {
                        receiver: Value::Class(c.clone()),
                        func: func.clone(),
                    })),
                    Payload::StaticMethod(func) => func.clone(),
                    _ => v,
                },
                other => other,
            });
        }
        let special = match name {
            n if n == sym::NAME => Some(Value::str(c.name.as_str())),
            n if n == sym::QUALNAME => Some(Value::str(&c.qualname)),
            n if n == sym::MODULE => Some(Value::str(if is_builtin_class(c) {
                "builtins"
            } else {
                "__main__"
            })),
            n if n == sym::MRO => {
                let mut all = vec![Value::Class(c.clone())];
                all.extend(c.mro.iter().map(|k| Value::Class(k.clone())));
                Some(Value::tuple(all))
            }
            n if n == sym::BASES => Some(Value::tuple(
                c.bases.iter().map(|k| Value::Class(k.clone())).collect(),
            )),
            n if n == sym::DOC => Some(Value::None),
            n if n == sym::CLASS => {
                Some(Value::Class(crate::runtime::types::types().type_.clone()))
            }
            n if n == sym::DICT => {
                let d = crate::runtime::dict::Dict::new();
                for (k, v) in c.attrs().iter() {
                    d.insert_str(k.as_str(), v.clone());
                }
                Some(Value::Dict(Rc::new(d)))
            }
            _ => None,
        };
        special.ok_or_else(|| {
            attribute_error(
                format!("type object '{}' has no attribute '{name}'", c.name),
                &Value::Class(c.clone()),
                name,
            )
        })
    }

    /// `super(class, obj).name`: look-up starts after `class` in `type(obj)`'s MRO.
    fn super_attr(&mut self, class: &Rc<Class>, target: &Value, name: Symbol) -> PyResult<Value> {
        let start = match target {
            Value::Class(c) => c.clone(),
            other => class_of(other),
        };
        let mut chain: Vec<Rc<Class>> = vec![start.clone()];
        chain.extend(start.mro.iter().cloned());
        let after = chain
            .iter()
            .position(|c| Rc::ptr_eq(c, class))
            .map(|i| i + 1)
            .unwrap_or(chain.len());
        for c in &chain[after..] {
            let found = c.attrs().get(name).cloned();
            if let Some(v) = found {
                if let Value::Class(_) = target {
                    return Ok(match v {
                        Value::Instance(ref d) => match &d.payload {
                            Payload::ClassMethod(func) => {
                                Value::BoundMethod(Rc::new(BoundMethod {
                                    receiver: target.clone(),
                                    func: func.clone(),
                                }))
                            }
                            Payload::StaticMethod(func) => func.clone(),
                            _ => v,
                        },
                        other => other,
                    });
                }
                return Ok(bind(v, target, &start));
            }
        }
        Err(attribute_error(
            format!("'super' object has no attribute '{name}'"),
            target,
            name,
        ))
    }

    /// Attributes of built-in values: methods of their type, and a few data attributes.
    fn builtin_attr(&mut self, obj: &Value, name: Symbol) -> PyResult<Value> {
        let class = class_of(obj);
        if let Some(v) = class.lookup(name) {
            return Ok(bind(v, obj, &class));
        }
        if let Some(v) = crate::runtime::builtins::data_attributes::get(self, obj, name)? {
            return Ok(v);
        }
        Err(attribute_error(
            format!("'{}' object has no attribute '{name}'", obj.type_name()),
            obj,
            name,
        ))
    }

    pub fn set_attr(&mut self, obj: &Value, name: Symbol, v: Value) -> PyResult<()> {
        self.set_attr_at(obj, name, v, None)
    }

    /// `obj.name = v` at a place in the program that remembers its class look-up. An
    /// ordinary instance (no built-in payload such as an exception's fields, not of a
    /// built-in class) whose class the site knows defines no `name` (no property) takes
    /// the value straight into its table, inline.
    #[inline(always)]
    pub fn set_attr_at(
        &mut self,
        obj: &Value,
        name: Symbol,
        v: Value,
        site: Option<&LookupSite>,
    ) -> PyResult<()> {
        if let Some(site) = site {
            if let Some(inst) = plain_store_target(obj, site) {
                inst.attrs
                    .borrow_mut()
                    .set_hinted(name, v, &site.attr_index);
                return Ok(());
            }
        }
        self.set_attr_by_rules(obj, name, v, site)
    }

    /// `obj.name = v` with all of Python's rules.
    #[inline(never)]
    fn set_attr_by_rules(
        &mut self,
        obj: &Value,
        name: Symbol,
        v: Value,
        site: Option<&LookupSite>,
    ) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let class_value = class_lookup(&inst.class, name, site);
                if let Some(fset) =
                    property_accessor(class_value.as_ref(), Accessor::Set, obj, name)
                {
                    self.call(&fset?, &[obj.clone(), v], &[])?;
                    return Ok(());
                }
                if let Some(data) = inst.exc_data() {
                    if name == sym::CAUSE {
                        *data.cause.borrow_mut() = v;
                        data.suppress_context.set(true);
                        return Ok(());
                    }
                    if name == sym::CONTEXT {
                        *data.context.borrow_mut() = v;
                        return Ok(());
                    }
                    if name == sym::SUPPRESS_CONTEXT {
                        let b = self.truthy(&v)?;
                        data.suppress_context.set(b);
                        return Ok(());
                    }
                    if name == sym::ARGS {
                        let items = self.collect(&v)?;
                        *data.args.borrow_mut() = Value::tuple(items);
                        return Ok(());
                    }
                }
                if matches!(inst.payload, Payload::Super(_)) || is_builtin_class(&inst.class) {
                    return Err(attribute_error(
                        format!("'{}' object has no attribute '{name}'", inst.class.name),
                        obj,
                        name,
                    ));
                }
                inst.attrs.borrow_mut().set(name, v);
                Ok(())
            }
            Value::Class(c) => {
                if is_builtin_class(c) {
                    return Err(Exc::new(
                        ExcKind::TypeError,
                        format!(
                            "cannot set '{name}' attribute of immutable type '{}'",
                            c.name
                        ),
                    ));
                }
                c.attrs_mut().set(name, v);
                Ok(())
            }
            Value::Module(m) => {
                m.attrs.borrow_mut().set(name, v);
                Ok(())
            }
            _ => {
                let msg = if class_of(obj).lookup(name).is_some()
                    || crate::runtime::builtins::data_attributes::get(self, obj, name)?.is_some()
                {
                    format!(
                        "attribute '{name}' of '{}' objects is not writable",
                        obj.type_name()
                    )
                } else {
                    format!("'{}' object has no attribute '{name}'", obj.type_name())
                };
                Err(attribute_error(msg, obj, name))
            }
        }
    }

    pub fn del_attr(&mut self, obj: &Value, name: Symbol) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            let class_value = inst.class.lookup(name);
            if let Some(fdel) = property_accessor(class_value.as_ref(), Accessor::Delete, obj, name)
            {
                self.call(&fdel?, std::slice::from_ref(obj), &[])?;
                return Ok(());
            }
        }
        let removed = match obj {
            Value::Instance(inst) => inst.attrs.borrow_mut().remove(name),
            Value::Class(c) if !is_builtin_class(c) => c.attrs_mut().remove(name),
            Value::Module(m) => m.attrs.borrow_mut().remove(name),
            _ => None,
        };
        match removed {
            Some(_) => Ok(()),
            None => Err(attribute_error(
                match obj {
                    Value::Class(c) => {
                        format!("type object '{}' has no attribute '{name}'", c.name)
                    }
                    _ => format!("'{}' object has no attribute '{name}'", obj.type_name()),
                },
                obj,
                name,
            )),
        }
    }

    /// `type(obj).name` bound to `obj` (PEP 343's look-up of `__enter__`/`__exit__`).
    pub fn special_method(&mut self, obj: &Value, name: Symbol) -> PyResult<Value> {
        let class = class_of(obj);
        match class.lookup(name) {
            Some(v) => Ok(bind(v, obj, &class)),
            None => {
                let missed = if name == sym::EXIT && class.lookup(sym::ENTER).is_some() {
                    " (missed __exit__ method)"
                } else {
                    ""
                };
                Err(Exc::new(
                    ExcKind::TypeError,
                    format!(
                        "'{}' object does not support the context manager protocol{missed}",
                        obj.type_name()
                    ),
                ))
            }
        }
    }
}

/// A class attribute as seen through an instance: functions and built-in methods bind.
pub fn bind(v: Value, obj: &Value, class: &Rc<Class>) -> Value {
    match &v {
        Value::Function(_) => Value::BoundMethod(Rc::new(BoundMethod {
            receiver: obj.clone(),
            func: v,
        })),
        Value::Native(nf) if nf.is_method => Value::BoundMethod(Rc::new(BoundMethod {
            receiver: obj.clone(),
            func: v,
        })),
        Value::Instance(d) => match &d.payload {
            Payload::StaticMethod(func) => func.clone(),
            Payload::ClassMethod(func) => Value::BoundMethod(Rc::new(BoundMethod {
                receiver: Value::Class(class.clone()),
                func: func.clone(),
            })),
            _ => v,
        },
        _ => v,
    }
}

/// Built-in types (not user classes): their attribute tables are fixed.
pub fn is_builtin_class(c: &Class) -> bool {
    c.is_builtin
}

/// An AttributeError carrying `name` and `obj`, as CPython's (for "Did you mean").
/// CPython 3.11 gives an AttributeError that escapes `obj.name` (raised by a
/// `__getattr__` or a property) the `name` and `obj` it lacks, which its "Did you mean"
/// suggestion reads. Error path only.
pub fn with_attribute_context(e: Exc, obj: &Value, name: Symbol) -> Exc {
    if e.is(ExcKind::AttributeError) {
        let mut attrs = e.instance().attrs.borrow_mut();
        let (name_key, obj_key) = (Symbol::intern("name"), Symbol::intern("obj"));
        if !attrs.contains(name_key) && !attrs.contains(obj_key) {
            attrs.set(name_key, Value::str(name.as_str()));
            attrs.set(obj_key, obj.clone());
        }
    }
    e
}

pub fn attribute_error(message: String, obj: &Value, name: Symbol) -> Exc {
    let e = Exc::new(ExcKind::AttributeError, message);
    {
        let mut attrs = e.instance().attrs.borrow_mut();
        attrs.set(Symbol::intern("name"), Value::str(name.as_str()));
        attrs.set(Symbol::intern("obj"), obj.clone());
    }
    e
}

/// `class.lookup(name)`, through the site's memo when the caller has one.
#[inline(always)]
pub(super) fn class_lookup(
    class: &Rc<Class>,
    name: Symbol,
    site: Option<&LookupSite>,
) -> Option<Value> {
    match site {
        Some(site) => site.lookup(class, name),
        None => class.lookup(name),
    }
}

/// Which accessor of a property an attribute operation calls.
#[derive(Clone, Copy)]
enum Accessor {
    Get,
    Set,
    Delete,
}

/// When `class_value` (what the class look-up of `name` found) is a property: its
/// accessor for `which`, or the AttributeError CPython raises when it has none
/// ("property 'x' of 'C' object has no setter"; no name for a property attached to the
/// class after it was made, as CPython 3.11 says). `None` when it is not a property.
fn property_accessor(
    class_value: Option<&Value>,
    which: Accessor,
    obj: &Value,
    name: Symbol,
) -> Option<PyResult<Value>> {
    let Some(Value::Instance(d)) = class_value else {
        return None;
    };
    let Payload::Property(p) = &d.payload else {
        return None;
    };
    let crate::runtime::class::Property {
        fget,
        fset,
        fdel,
        name: prop_name,
    } = &**p;
    let (accessor, what) = match which {
        Accessor::Get => (fget, "getter"),
        Accessor::Set => (fset, "setter"),
        Accessor::Delete => (fdel, "deleter"),
    };
    if !accessor.is_none() {
        return Some(Ok(accessor.clone()));
    }
    let class = class_of(obj);
    let message = match prop_name.get() {
        Some(n) => format!("property '{n}' of '{}' object has no {what}", class.name),
        None => format!("property of '{}' object has no {what}", class.name),
    };
    Some(Err(attribute_error(message, obj, name)))
}
