//! `try` / `except` / `else` / `finally`.
//!
//! Owns: running the parts of a `try` in Python's order, matching handlers, keeping the
//! handled-exception stack (for bare `raise` and `__context__`), and the pending outcome a
//! `finally` resumes. A generator may suspend in any part; the resume marker says which:
//! 0 = body, 1..=H = handler k-1, H+1 = else, H+2 = finally.
//! Must not touch: how exceptions are created or raised (that is `raise.rs`).

use super::frame::{Flow, Frame, Pending};
use super::Interp;
use crate::lower::ir::{Handler, Try};
use crate::runtime::class::Class;
use crate::runtime::exception::{type_error, Exc, PyResult};
use crate::runtime::value::Value;
use std::rc::Rc;

impl Interp {
    pub fn exec_try(&mut self, f: &mut Frame, t: &Try) -> PyResult<Flow> {
        let h = t.handlers.len() as u32;
        let finally_marker = h + 2;
        let marker = if self.resuming {
            f.pop_path().unwrap_or(0)
        } else {
            0
        };
        if marker == finally_marker {
            return self.run_finally(f, t, finally_marker);
        }
        let outcome = self.run_try_parts(f, t, marker);
        if t.finalbody.is_empty() || matches!(outcome, Ok(Flow::Yield)) {
            return outcome;
        }
        let pending = match outcome {
            Ok(Flow::Return) => Pending::Return(self.take_ret()),
            Ok(flow) => Pending::Flow(flow),
            Err(e) => Pending::Raise(e),
        };
        f.push_pending(pending);
        self.run_finally(f, t, finally_marker)
    }

    /// Body, then a matching handler or the `else` part.
    fn run_try_parts(&mut self, f: &mut Frame, t: &Try, marker: u32) -> PyResult<Flow> {
        let h = t.handlers.len() as u32;
        if marker >= 1 && marker <= h {
            let k = (marker - 1) as usize;
            return self.run_handler(f, &t.handlers[k], marker, None);
        }
        if marker == 0 {
            match self.exec_block(f, &t.body) {
                Ok(Flow::Normal) => {}
                Ok(Flow::Yield) => {
                    f.push_path(0);
                    return Ok(Flow::Yield);
                }
                Ok(flow) => return Ok(flow),
                Err(e) => {
                    if t.handlers.is_empty() {
                        return Err(e);
                    }
                    for (k, handler) in t.handlers.iter().enumerate() {
                        let matched = match &handler.class {
                            None => true,
                            Some(class_expr) => {
                                let class = match self.eval(f, class_expr) {
                                    Ok(c) => c,
                                    Err(err) => return Err(self.chain_context(err, &e)),
                                };
                                match self.exception_matches(&e, &class) {
                                    Ok(m) => m,
                                    Err(err) => return Err(self.chain_context(err, &e)),
                                }
                            }
                        };
                        if matched {
                            // The traceback gets this frame's line now, as in CPython; a bare
                            // `raise` takes it back (see `raise.rs`).
                            e.leave_frame(&f.code, handler.span);
                            return self.run_handler(f, handler, k as u32 + 1, Some(e));
                        }
                    }
                    return Err(e);
                }
            }
        }
        // the `else` part (marker 0 completed normally, or resuming at H+1)
        let flow = self.exec_block(f, &t.orelse)?;
        if flow == Flow::Yield {
            f.push_path(h + 1);
        }
        Ok(flow)
    }

    /// Runs a handler body with `exc` as the exception being handled. `exc` is `None`
    /// when a generator resumes inside the handler (its entry is restored already).
    fn run_handler(
        &mut self,
        f: &mut Frame,
        handler: &Handler,
        marker: u32,
        exc: Option<Exc>,
    ) -> PyResult<Flow> {
        if let Some(e) = exc {
            self.handled.push(e.clone());
            f.handled += 1;
            if let Some(name) = &handler.name {
                if let Err(err) = self.assign(f, name, e.value()) {
                    self.handled.pop();
                    f.handled -= 1;
                    return Err(err);
                }
            }
        }
        let result = self.exec_block(f, &handler.body);
        if let Ok(Flow::Yield) = result {
            f.push_path(marker);
            return result;
        }
        let caught = self.handled.pop();
        f.handled = f.handled.saturating_sub(1);
        if let Some(name) = &handler.name {
            self.unbind(f, name);
        }
        match (result, caught) {
            (Err(err), Some(caught)) => Err(self.chain_context(err, &caught)),
            (result, _) => result,
        }
    }

    /// Runs the `finally` block, then resumes the pending outcome unless the block itself
    /// returned, broke out, continued or raised.
    fn run_finally(&mut self, f: &mut Frame, t: &Try, marker: u32) -> PyResult<Flow> {
        let result = self.exec_block(f, &t.finalbody);
        match result {
            Ok(Flow::Yield) => {
                f.push_path(marker);
                Ok(Flow::Yield)
            }
            Ok(Flow::Normal) => match f.pop_pending() {
                Some(Pending::Flow(flow)) => Ok(flow),
                Some(Pending::Return(v)) => {
                    self.ret.store(v);
                    Ok(Flow::Return)
                }
                Some(Pending::Raise(e)) => Err(e),
                None => Ok(Flow::Normal),
            },
            Ok(flow) => {
                f.pop_pending();
                Ok(flow)
            }
            Err(err) => match f.pop_pending() {
                Some(Pending::Raise(old)) => Err(self.chain_context(err, &old)),
                _ => Err(err),
            },
        }
    }

    /// `isinstance(exc, class)` for an `except` clause; `class` may be a tuple.
    pub fn exception_matches(&mut self, e: &Exc, class: &Value) -> PyResult<bool> {
        match class {
            Value::Class(c) if c.is_exception_class() => Ok(e.class().is_subclass_of(c)),
            Value::Tuple(items) => {
                for item in items.as_slice() {
                    if self.exception_matches(e, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                type_error("catching classes that do not inherit from BaseException is not allowed")
            }
        }
    }

    /// Sets `err.__context__ = handled` unless already set (or it would be itself).
    pub fn chain_context(&mut self, err: Exc, handled: &Exc) -> Exc {
        if !err.ptr_eq(handled) {
            let data = err.data();
            if data.context.borrow().is_none() {
                *data.context.borrow_mut() = handled.value();
            }
        }
        err
    }
}

/// Whether a class value is an exception class (for `raise` and `except`).
pub fn is_exception_class(c: &Rc<Class>) -> bool {
    c.is_exception_class()
}
