//! Calling: the one way to call any callable, and binding arguments to parameters.
//!
//! Owns: `Interp::call` (functions, builtins, bound methods, classes, instances with
//! `__call__`), running a user function's frame (or making its generator), argument
//! binding with CPython's error messages, the recursion limit, and what `obj.m(...)`
//! calls (`resolve_method`, found before the arguments are evaluated).
//! Must not touch: what builtins do (that is `runtime/builtins/`).

use super::attributes::class_lookup;
use super::frame::{Flow, Frame};
use super::generator::Generator;
use super::Interp;
use crate::lower::ir::{Code, CodeKind};
use crate::runtime::class::Payload;
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::function::{Args, CellObj, Function, NativeFunction};
use crate::runtime::hint::{Culprit, Hint};
use crate::runtime::lookup_site::LookupSite;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::types::class_of;
use crate::runtime::value::Value;
use smallvec::SmallVec;
use std::rc::Rc;

impl Interp {
    /// Calls `callee(*pos, **kw)`.
    pub fn call(
        &mut self,
        callee: &Value,
        pos: &[Value],
        kw: &[(Symbol, Value)],
    ) -> PyResult<Value> {
        match callee {
            Value::Function(func) => self.call_function(func, pos, kw),
            Value::Native(nf) => self.call_native(nf, Args { pos, kw }),
            Value::BoundMethod(m) => {
                let mut with_self: SmallVec<[Value; 6]> = SmallVec::with_capacity(pos.len() + 1);
                with_self.push(m.receiver.clone());
                with_self.extend(pos.iter().cloned());
                self.call(&m.func, &with_self, kw)
            }
            Value::Class(c) => self.instantiate(c, pos, kw),
            Value::Instance(inst) => match inst.class.lookup(sym::CALL) {
                Some(method) => {
                    let mut with_self: SmallVec<[Value; 6]> =
                        SmallVec::with_capacity(pos.len() + 1);
                    with_self.push(callee.clone());
                    with_self.extend(pos.iter().cloned());
                    self.call(&method, &with_self, kw)
                }
                None => Err(not_callable(callee)),
            },
            _ => Err(not_callable(callee)),
        }
    }

    /// Calls a built-in function (the trace, when on, reports what it iterates as its own).
    #[inline]
    pub(super) fn call_native(
        &mut self,
        nf: &'static NativeFunction,
        args: Args,
    ) -> PyResult<Value> {
        if self.trace.is_some() {
            return self.call_native_traced(nf, args);
        }
        (nf.call)(self, args)
    }

    /// Calls a user function: binds arguments into a fresh frame and runs it, or returns
    /// a new generator when the function contains `yield`.
    pub fn call_function(
        &mut self,
        func: &Rc<Function>,
        pos: &[Value],
        kw: &[(Symbol, Value)],
    ) -> PyResult<Value> {
        let code = &func.code;
        if kw.is_empty() && code.params.takes_exactly(pos.len()) {
            // The arguments are the first slots: copied once, no slot written twice.
            let mut slots = self.take_empty_slots(code.n_slots as usize);
            slots.extend_from_slice(pos);
            return self.run_function(func, slots);
        }
        let mut slots = self.take_slots(code.n_slots as usize);
        if let Err(e) = bind_arguments(func, &mut slots, pos, kw) {
            self.recycle_slots(slots);
            return Err(e.with_hint(Hint::Arguments {
                function: code.clone(),
            }));
        }
        self.run_function(func, slots)
    }

    /// Runs a user function whose parameters are already bound in `slots`, the first
    /// of its `code.n_slots` (the rest, if missing, start unbound): captured variables
    /// become cells, then the body runs, or a generator is made when the function
    /// contains `yield`.
    pub(super) fn run_function(
        &mut self,
        func: &Rc<Function>,
        mut slots: Vec<Value>,
    ) -> PyResult<Value> {
        let code = &func.code;
        for _ in slots.len()..code.n_slots as usize {
            slots.push(Value::Undef);
        }
        for &s in &code.cell_slots {
            let s = s as usize;
            let v = std::mem::replace(&mut slots[s], Value::Undef);
            slots[s] = Value::Cell(CellObj::new(v));
        }
        for (i, &s) in code.free_slots.iter().enumerate() {
            if let Some(cell) = func.closure.get(i) {
                slots[s as usize] = Value::Cell(cell.clone());
            }
        }
        if code.is_generator {
            let frame = Frame::new(code.clone(), slots);
            let g = Generator::new(frame);
            if self.trace.is_some() {
                self.trace_generator_created(&g);
            }
            return Ok(Value::Generator(g));
        }
        if let Err(e) = self.enter() {
            self.recycle_slots(slots);
            return Err(e);
        }
        let mut frame = Frame::new(code.clone(), slots);
        let mark = self.trace_enter_code();
        let result = self.exec_block(&mut frame, &code.body);
        self.trace_restore(mark);
        self.leave();
        self.recycle_slots(std::mem::take(&mut frame.slots));
        match result {
            Ok(Flow::Return) if code.kind == CodeKind::ListComp => {
                let v = self.take_ret();
                if let Value::List(l) = &v {
                    l.release_spare();
                }
                Ok(v)
            }
            Ok(Flow::Return) => Ok(self.take_ret()),
            Ok(_) => Ok(Value::None),
            Err(e) => {
                e.leave_frame(code, code.span);
                Err(e)
            }
        }
    }

    /// `receiver.name(*rest, **kw)` where `pos[0]` is the receiver: looks the method up and
    /// calls it without making a bound-method object when it can.
    pub fn call_method(
        &mut self,
        name: Symbol,
        pos: &[Value],
        kw: &[(Symbol, Value)],
    ) -> PyResult<Value> {
        self.call_method_at(name, pos, kw, None)
    }

    /// `call_method` at a place in the program that remembers its class look-up.
    pub fn call_method_at(
        &mut self,
        name: Symbol,
        pos: &[Value],
        kw: &[(Symbol, Value)],
        site: Option<&LookupSite>,
    ) -> PyResult<Value> {
        match self.resolve_method(&pos[0], name, site)? {
            Method::Function(func) => self.call_function(&func, pos, kw),
            Method::Native(nf) => self.call_native(nf, Args { pos, kw }),
            Method::Bound(method) => self.call(&method, &pos[1..], kw),
        }
    }

    /// What `receiver.name(...)` calls, found before any argument is evaluated (as
    /// CPython's `LOAD_METHOD` does): a function or built-in method defined on the class,
    /// to be called with the receiver first and no bound-method object, or else whatever
    /// the attribute look-up gives.
    pub(super) fn resolve_method(
        &mut self,
        receiver: &Value,
        name: Symbol,
        site: Option<&LookupSite>,
    ) -> PyResult<Method> {
        match receiver {
            Value::Instance(inst) if !matches!(inst.payload, Payload::Super(_)) => {
                if !inst.attrs.borrow().contains(name) {
                    match class_lookup(&inst.class, name, site) {
                        Some(Value::Function(func)) => return Ok(Method::Function(func)),
                        Some(Value::Native(nf)) if nf.is_method => return Ok(Method::Native(nf)),
                        _ => {}
                    }
                }
            }
            Value::Class(_) | Value::Module(_) | Value::Instance(_) => {}
            _ => {
                if let Some(nf) = site.and_then(|s| s.native_method(receiver, name)) {
                    return Ok(Method::Native(nf));
                }
                if let Some(Value::Native(nf)) = class_lookup(&class_of(receiver), name, site) {
                    if nf.is_method {
                        return Ok(Method::Native(nf));
                    }
                }
            }
        }
        let method = self
            .get_attr_at(receiver, name, site)
            .map_err(|e| super::attributes::with_attribute_context(e, receiver, name))?;
        Ok(Method::Bound(method))
    }
}

/// What a method call site resolved `receiver.name` to (see `Interp::resolve_method`).
pub(super) enum Method {
    /// A function on the class: called with the receiver as its first argument.
    Function(Rc<Function>),
    /// A built-in method of the receiver's type: likewise.
    Native(&'static NativeFunction),
    /// Anything else (a bound method, a callable instance attribute …): called as is.
    Bound(Value),
}

fn not_callable(v: &Value) -> Exc {
    Exc::new(
        ExcKind::TypeError,
        format!("'{}' object is not callable", v.type_name()),
    )
    .with_hint(Hint::NotCallable(Culprit::of(v)))
}

/// The name CPython uses for a function in argument errors: its qualified name.
fn display_name(code: &Code) -> &str {
    &code.qualname
}

/// Binds `pos`/`kw` into the parameter slots of `func`, applying defaults, collecting
/// `*args`/`**kwargs`, and raising CPython's TypeErrors for every mismatch.
fn bind_arguments(
    func: &Function,
    slots: &mut [Value],
    pos: &[Value],
    kw: &[(Symbol, Value)],
) -> PyResult<()> {
    let code = &func.code;
    let params = &code.params;
    let n_positional = params.positional.len();
    let name = display_name(code);
    // positional
    let taken = pos.len().min(n_positional);
    slots[..taken].clone_from_slice(&pos[..taken]);
    if pos.len() > n_positional {
        match params.vararg_slot() {
            Some(s) => slots[s as usize] = Value::tuple(pos[n_positional..].to_vec()),
            None => return Err(too_many_positional(func, pos.len(), kw)),
        }
    } else if let Some(s) = params.vararg_slot() {
        slots[s as usize] = Value::tuple(Vec::new());
    }
    // keywords
    let kwargs = params
        .kwarg_slot()
        .map(|_| crate::runtime::dict::Dict::new());
    let mut posonly_as_kw: Vec<Symbol> = Vec::new();
    for (k, v) in kw {
        let positional_index = params.positional.iter().position(|p| p == k);
        let slot = match positional_index {
            Some(i) if (i as u32) < params.posonly => {
                if let Some(d) = &kwargs {
                    d.insert_str(k.as_str(), v.clone());
                    continue;
                }
                posonly_as_kw.push(*k);
                continue;
            }
            Some(i) => Some(i),
            None => params
                .kwonly
                .iter()
                .position(|p| p == k)
                .map(|i| params.kwonly_slot(i) as usize),
        };
        match slot {
            Some(s) => {
                if !slots[s].is_undef() {
                    return Err(Exc::new(
                        ExcKind::TypeError,
                        format!("{name}() got multiple values for argument '{k}'"),
                    ));
                }
                slots[s] = v.clone();
            }
            None => match &kwargs {
                Some(d) => d.insert_str(k.as_str(), v.clone()),
                None => {
                    return Err(Exc::new(
                        ExcKind::TypeError,
                        format!("{name}() got an unexpected keyword argument '{k}'"),
                    ))
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        let names: Vec<String> = posonly_as_kw.iter().map(|s| s.to_string()).collect();
        return Err(Exc::new(
            ExcKind::TypeError,
            format!(
                "{name}() got some positional-only arguments passed as keyword arguments: '{}'",
                names.join(", ")
            ),
        ));
    }
    if let (Some(s), Some(d)) = (params.kwarg_slot(), kwargs) {
        slots[s as usize] = Value::Dict(Rc::new(d));
    }
    // defaults and missing arguments
    let first_default = n_positional - func.defaults.len().min(n_positional);
    let mut missing: Vec<Symbol> = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(n_positional) {
        if slot.is_undef() {
            if i >= first_default {
                *slot = func.defaults[i - first_default].clone();
            } else {
                missing.push(params.positional[i]);
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(name, "positional", &missing));
    }
    for (i, k) in params.kwonly.iter().enumerate() {
        let s = params.kwonly_slot(i) as usize;
        if slots[s].is_undef() {
            match func.kwdefaults.iter().find(|(n, _)| n == k) {
                Some((_, v)) => slots[s] = v.clone(),
                None => missing.push(*k),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(name, "keyword-only", &missing));
    }
    Ok(())
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn missing_arguments(name: &str, kind: &str, missing: &[Symbol]) -> Exc {
    let quoted: Vec<String> = missing.iter().map(|s| format!("'{s}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    Exc::new(
        ExcKind::TypeError,
        format!(
            "{name}() missing {} required {kind} argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        ),
    )
}

fn too_many_positional(func: &Function, given: usize, kw: &[(Symbol, Value)]) -> Exc {
    let params = &func.code.params;
    let max = params.positional.len();
    let min = max - func.defaults.len().min(max);
    let takes = if min == max {
        plural(max, "positional argument")
    } else {
        format!("from {min} to {max} positional arguments")
    };
    let kwonly_given = kw.iter().filter(|(k, _)| params.kwonly.contains(k)).count();
    let given_text = if kwonly_given > 0 {
        format!(
            "{} positional argument{} (and {} keyword-only argument{}) were given",
            given,
            if given == 1 { "" } else { "s" },
            kwonly_given,
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else if given == 1 {
        "1 was given".to_string()
    } else {
        format!("{given} were given")
    };
    Exc::new(
        ExcKind::TypeError,
        format!(
            "{}() takes {takes} but {given_text}",
            display_name(&func.code)
        ),
    )
}
