//! The registry of built-in types: one `Class` per built-in type and exception, made once
//! per interpreter thread, so that `type(x)`, `isinstance` and the exception hierarchy treat
//! built-in and user classes alike.
//!
//! Owns: creating the built-in classes and `class_of(value)`.
//! Must not touch: the methods in those classes' tables (installed by
//! `runtime/builtins/`), or any execution.

use super::class::{AttrTable, BuiltinType, Class};
use super::exception::ExcKind;
use super::symbol::Symbol;
use super::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

pub struct BuiltinTypes {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub int: Rc<Class>,
    pub bool_: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub generator: Rc<Class>,
    pub module: Rc<Class>,
    pub cell: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    exceptions: Vec<Rc<Class>>,
    /// Iterator and view types (`list_iterator`, `dict_keys` …), made on first use.
    by_name: RefCell<Vec<Rc<Class>>>,
}

fn new_class(name: &'static str, bases: Vec<Rc<Class>>, builtin: BuiltinType) -> Rc<Class> {
    let mut mro: Vec<Rc<Class>> = Vec::new();
    if let Some(base) = bases.first() {
        mro.push(base.clone());
        mro.extend(base.mro.iter().cloned());
    }
    Rc::new(Class::new(
        Symbol::intern_static(name),
        name.to_string(),
        bases,
        mro,
        AttrTable::new(),
        Some(builtin),
        true,
    ))
}

impl BuiltinTypes {
    fn create() -> BuiltinTypes {
        use BuiltinType as B;
        let object = new_class("object", vec![], B::Object);
        let o = || vec![object.clone()];
        let int = new_class("int", o(), B::Int);
        let bool_ = new_class("bool", vec![int.clone()], B::Bool);
        let mut exceptions: Vec<Rc<Class>> = Vec::with_capacity(ExcKind::ALL.len());
        for kind in ExcKind::ALL {
            let bases = match kind.parent() {
                None => o(),
                Some(p) => vec![exceptions[p as usize].clone()],
            };
            exceptions.push(new_class(kind.name(), bases, B::BaseException));
        }
        BuiltinTypes {
            type_: new_class("type", o(), B::Type),
            none: new_class("NoneType", o(), B::NoneType),
            not_implemented: new_class("NotImplementedType", o(), B::NotImplementedType),
            ellipsis: new_class("ellipsis", o(), B::Ellipsis),
            int,
            bool_,
            float: new_class("float", o(), B::Float),
            str_: new_class("str", o(), B::Str),
            list: new_class("list", o(), B::List),
            tuple: new_class("tuple", o(), B::Tuple),
            dict: new_class("dict", o(), B::Dict),
            set: new_class("set", o(), B::Set),
            frozenset: new_class("frozenset", o(), B::FrozenSet),
            range: new_class("range", o(), B::Range),
            slice: new_class("slice", o(), B::Slice),
            function: new_class("function", o(), B::Function),
            builtin_function: new_class("builtin_function_or_method", o(), B::BuiltinFunction),
            method: new_class("method", o(), B::Method),
            generator: new_class("generator", o(), B::Generator),
            module: new_class("module", o(), B::Module),
            cell: new_class("cell", o(), B::Cell),
            property: new_class("property", o(), B::Property),
            staticmethod: new_class("staticmethod", o(), B::StaticMethod),
            classmethod: new_class("classmethod", o(), B::ClassMethod),
            super_: new_class("super", o(), B::Super),
            exceptions,
            by_name: RefCell::new(Vec::new()),
            object,
        }
    }

    pub fn exception(&self, kind: ExcKind) -> &Rc<Class> {
        &self.exceptions[kind as usize]
    }

    /// The class of an iterator or view type, by its Python name.
    pub fn named(&self, name: &'static str, builtin: BuiltinType) -> Rc<Class> {
        let sym = Symbol::intern_static(name);
        if let Some(c) = self.by_name.borrow().iter().find(|c| c.name == sym) {
            return c.clone();
        }
        let c = new_class(name, vec![self.object.clone()], builtin);
        if builtin == BuiltinType::Iterator {
            let mut attrs = c.attrs_mut();
            for m in super::builtins::object_methods::ITERATOR_METHODS {
                attrs.set(Symbol::intern_static(m.name), Value::Native(m));
            }
        }
        self.by_name.borrow_mut().push(c.clone());
        c
    }

    /// Every built-in class made so far (for installing methods and for `builtins`).
    pub fn all_exceptions(&self) -> &[Rc<Class>] {
        &self.exceptions
    }
}

thread_local! {
    static TYPES: &'static BuiltinTypes = {
        let types: &'static BuiltinTypes = Box::leak(Box::new(BuiltinTypes::create()));
        super::builtins::install_methods(types);
        types
    };
}

/// The built-in types of this thread's interpreter.
#[inline]
pub fn types() -> &'static BuiltinTypes {
    TYPES.with(|t| *t)
}

/// A number naming the built-in type of `v` among the types whose methods call sites
/// remember (`LookupSite::native_method`); `None` for every other value. Two values with
/// one key have the same class, which no program can change.
#[inline(always)]
pub fn builtin_type_key(v: &Value) -> Option<u8> {
    Some(match v {
        Value::Str(_) => 1,
        Value::List(_) => 2,
        Value::Dict(_) => 3,
        Value::Tuple(_) => 4,
        Value::Set(s) if s.frozen => 5,
        Value::Set(_) => 6,
        Value::Int(_) | Value::BigInt(_) => 7,
        Value::Float(_) => 8,
        Value::Bool(_) => 9,
        Value::Range(_) => 10,
        Value::Generator(_) => 11,
        _ => return None,
    })
}

/// `type(value)`.
pub fn class_of(v: &Value) -> Rc<Class> {
    let t = types();
    match v {
        Value::Instance(i) => i.class.clone(),
        Value::Undef | Value::None => t.none.clone(),
        Value::NotImplemented => t.not_implemented.clone(),
        Value::Ellipsis => t.ellipsis.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) | Value::BigInt(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::List(_) => t.list.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(s) if s.frozen => t.frozenset.clone(),
        Value::Set(_) => t.set.clone(),
        Value::Range(_) => t.range.clone(),
        Value::Slice(_) => t.slice.clone(),
        Value::Function(_) => t.function.clone(),
        Value::Native(_) => t.builtin_function.clone(),
        Value::BoundMethod(m) if matches!(m.func, Value::Native(_)) => t.builtin_function.clone(),
        Value::BoundMethod(_) => t.method.clone(),
        Value::Class(_) => t.type_.clone(),
        Value::Iter(it) => t.named(it.type_name(), BuiltinType::Iterator),
        Value::DictView(view) => t.named(view.type_name(), BuiltinType::DictView),
        Value::Generator(_) => t.generator.clone(),
        Value::Module(_) => t.module.clone(),
        Value::Cell(_) => t.cell.clone(),
    }
}
