//! Classes: running a class body, building the class (C3 MRO), and instantiating.
//!
//! Owns: `MakeClass` (namespace, `__class__` cell, `__hash__ = None` when only `__eq__`
//! is defined), method resolution order, and `Class(args)` (exceptions get their args
//! before `__init__` runs, as `BaseException.__new__` does).
//! Must not touch: attribute look-up (`attributes.rs`), built-in constructors
//! (`runtime/builtins/constructors.rs`).

use super::frame::{Flow, Frame};
use super::Interp;
use crate::lower::ir::MakeClass;
use crate::runtime::builtins::object_methods::OBJECT_INIT;
use crate::runtime::class::{AttrTable, BuiltinType, Class, Instance, Payload};
use crate::runtime::exception::{type_error, Exc, ExcKind, PyResult};
use crate::runtime::function::CellObj;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::types::types;
use crate::runtime::value::Value;
use std::rc::Rc;

impl Interp {
    pub fn make_class(&mut self, f: &mut Frame, mc: &MakeClass) -> PyResult<Value> {
        let mut bases = Vec::with_capacity(mc.bases.len());
        for b in &mc.bases {
            match self.eval(f, b)? {
                Value::Class(c) => bases.push(c),
                other => {
                    return Err(Exc::new(
                        ExcKind::TypeError,
                        format!("bases must be types, not {}", other.type_name()),
                    )
                    .locate(b.span))
                }
            }
        }
        let closure = self.capture_cells(f, &mc.closure);
        let code = mc.code.clone();
        let mut slots = self.take_slots(code.n_slots as usize);
        for &s in &code.cell_slots {
            let v = std::mem::replace(&mut slots[s as usize], Value::Undef);
            slots[s as usize] = Value::Cell(CellObj::new(v));
        }
        for (i, &s) in code.free_slots.iter().enumerate() {
            if let Some(cell) = closure.get(i) {
                slots[s as usize] = Value::Cell(cell.clone());
            }
        }
        let mut namespace = AttrTable::new();
        namespace.set(sym::MODULE, Value::str("__main__"));
        namespace.set(sym::QUALNAME, Value::str(&code.qualname));
        let mut frame = Frame::new(code.clone(), slots);
        frame.set_namespace(namespace);
        self.enter()?;
        let result = self.exec_block(&mut frame, &code.body);
        self.leave();
        match result {
            Ok(Flow::Normal) | Ok(_) => {}
            Err(e) => {
                e.leave_frame(&code, code.span);
                return Err(e);
            }
        }
        let namespace = frame.take_namespace().unwrap_or_default();
        let class = build_class(mc.name, &code.qualname, bases, namespace)?;
        if let Some(cell_slot) = code.class_cell {
            if let Value::Cell(cell) = &frame.slots[cell_slot as usize] {
                *cell.value.borrow_mut() = Value::Class(class.clone());
            }
        }
        self.recycle_slots(std::mem::take(&mut frame.slots));
        Ok(Value::Class(class))
    }

    /// `cls(*args, **kw)`.
    pub fn instantiate(
        &mut self,
        cls: &Rc<Class>,
        args: &[Value],
        kw: &[(Symbol, Value)],
    ) -> PyResult<Value> {
        if cls.is_builtin && cls.builtin != Some(BuiltinType::BaseException) {
            if self.trace.is_some() {
                let who = super::trace::Who::Builtin(cls.name.as_str());
                return self.driven_by(who, |i| {
                    crate::runtime::builtins::constructors::construct(i, cls, args, kw)
                });
            }
            return crate::runtime::builtins::constructors::construct(self, cls, args, kw);
        }
        let init = cls.lookup(sym::INIT);
        let inst = if cls.is_exception_class() {
            Exc::instantiate(cls.clone(), args.to_vec()).value()
        } else {
            Value::Instance(Rc::new(Instance::new(cls.clone())))
        };
        match init {
            Some(Value::Function(func)) => {
                let mut with_self = Vec::with_capacity(args.len() + 1);
                with_self.push(inst.clone());
                with_self.extend_from_slice(args);
                let r = self.call_function(&func, &with_self, kw)?;
                if !r.is_none() {
                    return type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    ));
                }
            }
            Some(Value::Native(nf)) if std::ptr::eq(nf, &OBJECT_INIT) => {
                if !args.is_empty() || !kw.is_empty() {
                    return type_error(format!("{}() takes no arguments", cls.name));
                }
            }
            // BaseException.__new__ already stored the arguments.
            Some(Value::Native(_)) if cls.is_exception_class() && kw.is_empty() => {}
            Some(other) => {
                let mut with_self = Vec::with_capacity(args.len() + 1);
                with_self.push(inst.clone());
                with_self.extend_from_slice(args);
                self.call(&other, &with_self, kw)?;
            }
            None => {
                if !args.is_empty() || !kw.is_empty() {
                    return type_error(format!("{}() takes no arguments", cls.name));
                }
            }
        }
        Ok(inst)
    }
}

/// Builds a user class from its namespace.
pub fn build_class(
    name: Symbol,
    qualname: &str,
    bases: Vec<Rc<Class>>,
    mut namespace: AttrTable,
) -> PyResult<Rc<Class>> {
    let bases = if bases.is_empty() {
        vec![types().object.clone()]
    } else {
        bases
    };
    let mut builtin = None;
    for b in &bases {
        match b.builtin {
            Some(BuiltinType::Object) | None => {}
            Some(BuiltinType::BaseException) => builtin = Some(BuiltinType::BaseException),
            Some(_) => {
                return type_error(format!(
                    "iterp does not support subclassing the built-in type '{}'",
                    b.name
                ))
            }
        }
    }
    let mro = c3_linearize(&bases)?;
    if namespace.contains(sym::EQ) && !namespace.contains(sym::HASH) {
        namespace.set(sym::HASH, Value::None);
    }
    // property's `__set_name__`: a property defined in the class body knows its name.
    for (attr, v) in namespace.iter() {
        if let Value::Instance(inst) = v {
            if let Payload::Property(p) = &inst.payload {
                p.name.set(Some(*attr));
            }
        }
    }
    Ok(Rc::new(Class::new(
        name,
        qualname.to_string(),
        bases,
        mro,
        namespace,
        builtin,
        false,
    )))
}

/// The C3 linearisation of the bases (the new class itself excluded).
fn c3_linearize(bases: &[Rc<Class>]) -> PyResult<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            s.extend(b.mro.iter().cloned());
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().map(|s| s[0].clone()).find(|head| {
            !seqs
                .iter()
                .any(|s| s[1..].iter().any(|c| Rc::ptr_eq(c, head)))
        });
        let Some(next) = candidate else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            return type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}
