//! The `raise` statement: making the exception, `from` causes, implicit `__context__`,
//! and bare `raise` re-raising the exception being handled.
//!
//! Owns: turning a raised value into an `Exc`, and reporting exceptions that cannot
//! propagate (errors while closing a dropped generator: "Exception ignored in").
//! Must not touch: handler matching (that is `try_stmt.rs`).

use super::frame::Frame;
use super::Interp;
use crate::lower::ir::Expr;
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::value::Value;
use std::rc::Rc;

impl Interp {
    /// Builds the exception a `raise` statement raises (returned as `Ok` so the caller
    /// can propagate it as an error).
    pub fn exec_raise(
        &mut self,
        f: &mut Frame,
        exc: Option<&Expr>,
        cause: Option<&Expr>,
    ) -> PyResult<Exc> {
        let Some(exc) = exc else {
            return match self.handled.last().cloned() {
                Some(e) => {
                    // Re-raise: the traceback already has this frame's line (added when the
                    // exception was caught here); take it back so it is added once, on leaving.
                    let data = e.data();
                    let mut tb = data.traceback.borrow_mut();
                    if tb.last().is_some_and(|t| Rc::ptr_eq(&t.code, &f.code)) {
                        let entry = tb.pop();
                        data.pending_span.set(entry.map(|t| t.span));
                    }
                    drop(tb);
                    Ok(e)
                }
                None => Err(Exc::new(
                    ExcKind::RuntimeError,
                    "No active exception to reraise",
                )),
            };
        };
        let v = self.eval(f, exc)?;
        let e = self.make_exception(&v).map_err(|e| e.locate(exc.span))?;
        e.data().pending_span.set(None);
        if let Some(cause) = cause {
            let c = self.eval(f, cause)?;
            let cause_value = match &c {
                Value::None => Value::None,
                _ => match self.make_exception(&c) {
                    Ok(ce) => ce.value(),
                    Err(_) => {
                        return Err(Exc::new(
                            ExcKind::TypeError,
                            "exception causes must derive from BaseException",
                        ))
                    }
                },
            };
            *e.data().cause.borrow_mut() = cause_value;
            e.data().suppress_context.set(true);
        }
        if let Some(handled) = self.handled.last().cloned() {
            if !handled.ptr_eq(&e) && !self.context_chain_contains(&handled, &e) {
                *e.data().context.borrow_mut() = handled.value();
            }
        }
        Ok(e)
    }

    /// An exception from a raised value: an exception instance, or a class to instantiate.
    pub fn make_exception(&mut self, v: &Value) -> PyResult<Exc> {
        if let Some(e) = Exc::from_value(v) {
            return Ok(e);
        }
        if let Value::Class(c) = v {
            if c.is_exception_class() {
                let inst = self.instantiate(c, &[], &[])?;
                if let Some(e) = Exc::from_value(&inst) {
                    return Ok(e);
                }
            }
        }
        Err(Exc::new(
            ExcKind::TypeError,
            "exceptions must derive from BaseException",
        ))
    }

    /// Whether `target` appears in `start`'s `__context__` chain (setting it would loop).
    fn context_chain_contains(&self, start: &Exc, target: &Exc) -> bool {
        let mut cur = start.data().context.borrow().clone();
        let mut steps = 0;
        while let Some(e) = Exc::from_value(&cur) {
            if e.ptr_eq(target) {
                return true;
            }
            steps += 1;
            if steps > 10_000 {
                return true;
            }
            let next = e.data().context.borrow().clone();
            cur = next;
        }
        false
    }

    /// Reports an exception that has nowhere to propagate, as CPython's
    /// "Exception ignored in: …" message.
    pub fn report_ignored(&mut self, header: &str, e: &Exc) {
        let report = crate::diagnostics::render_exception_report(self, e, false);
        self.write_err(&format!("{header}{report}"));
    }
}
