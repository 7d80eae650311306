//! Executing statements, and re-entering them along a generator's resume path.
//!
//! Owns: `exec_block` and `exec_stmt` for every statement kind except `try` (see
//! `try_stmt.rs`) and assignment targets (see `assign.rs`).
//!
//! Resuming a generator: when a `yield` suspends, it returns `Flow::Yield` and every
//! enclosing block pushes the index of the statement it was running onto the frame's path (`Frame::push_path`)
//! (compound statements also push which branch/part they were in). To resume, the
//! generator sets `Interp::resuming`; each block then pops its index and jumps straight to
//! that statement, compound statements pop their part and re-enter it without
//! re-evaluating tests, and the `yield` itself clears `resuming` and completes with the
//! sent value (or raises the thrown exception). Cost: O(nesting depth), never O(body).
//! Must not touch: expression evaluation (that is `eval.rs`).

use super::frame::{Flow, Frame, ResumeInput};
use super::generator::Resumed;
use super::trace::Who;
use super::Interp;
use crate::lower::ir::{Stmt, StmtKind, Target};
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::lookup_site::LookupSite;
use crate::runtime::value::{PushValue, Value};

impl Interp {
    pub fn exec_block(&mut self, f: &mut Frame, block: &[Stmt]) -> PyResult<Flow> {
        let mut i = if self.resuming {
            f.pop_path().unwrap_or(0) as usize
        } else {
            0
        };
        while let Some(stmt) = block.get(i) {
            if let Some(t) = self.trace.as_deref_mut() {
                t.at(stmt.span);
            }
            let flow = match self.exec_stmt(f, stmt) {
                Ok(flow) => flow,
                Err(e) => return Err(e.locate(stmt.span)),
            };
            if flow != Flow::Normal {
                if flow == Flow::Yield {
                    f.push_path(i as u32);
                }
                return Ok(flow);
            }
            if crate::interp::generator::closes_pending() {
                self.drain_pending_closes();
            }
            i += 1;
        }
        Ok(Flow::Normal)
    }

    fn exec_stmt(&mut self, f: &mut Frame, stmt: &Stmt) -> PyResult<Flow> {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.eval(f, e)?;
            }
            StmtKind::Assign { target, value } => {
                let v = self.eval(f, value)?;
                self.assign(f, target, v)?;
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(f, target, *op, value)?,
            StmtKind::If { test, then, orelse } => {
                let in_else = if self.resuming {
                    f.pop_path() == Some(1)
                } else {
                    !self.eval_truth(f, test)?
                };
                let branch = if in_else { orelse } else { then };
                if branch.is_empty() {
                    return Ok(Flow::Normal);
                }
                let flow = self.exec_block(f, branch)?;
                if flow == Flow::Yield {
                    f.push_path(in_else as u32);
                }
                return Ok(flow);
            }
            StmtKind::While { test, body, orelse } => {
                return self.exec_while(f, test.as_ref(), body, orelse)
            }
            StmtKind::ForNext { iter, target, site } => {
                return self.for_next(f, *iter, target, site)
            }
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Return(value) => {
                let v = match value {
                    Some(e) => self.eval(f, e)?,
                    None => Value::None,
                };
                self.ret.store(v);
                return Ok(Flow::Return);
            }
            StmtKind::Try(t) => return self.exec_try(f, t),
            StmtKind::Yield { value, target } => {
                if self.resuming {
                    self.resuming = false;
                    match self.resume_input.take() {
                        Some(ResumeInput::Throw(e)) => return Err(e.locate(stmt.span)),
                        Some(ResumeInput::Send(v)) => {
                            if let Some(t) = target {
                                self.assign(f, t, v)?;
                            }
                        }
                        None => {
                            if let Some(t) = target {
                                self.assign(f, t, Value::None)?;
                            }
                        }
                    }
                } else {
                    let v = match value {
                        Some(e) => self.eval(f, e)?,
                        None => Value::None,
                    };
                    self.ret.store(v);
                    return Ok(Flow::Yield);
                }
            }
            StmtKind::YieldFrom {
                iterable,
                target,
                sub,
            } => return self.exec_yield_from(f, iterable, target.as_ref(), *sub),
            StmtKind::ListAppend { list, value } => {
                let v = self.eval(f, value)?;
                if let Value::List(l) = &f.slots[*list as usize] {
                    l.items.borrow_mut().push_value(v);
                }
            }
            StmtKind::Pass => {}
            _ => return self.exec_rare_stmt(f, stmt),
        }
        Ok(Flow::Normal)
    }

    /// The lowered `for` step: the next item of the iterator in slot `iter` into
    /// `target`, or `Flow::Exhausted`.
    #[inline(always)]
    pub(super) fn for_next(
        &mut self,
        f: &mut Frame,
        iter: u32,
        target: &Target,
        site: &LookupSite,
    ) -> PyResult<Flow> {
        let it = iter as usize;
        if let (Target::Local(s), None) = (target, &self.trace) {
            // The commonest steps: a built-in iterator or a generator into a local.
            let item = match f.slots.get(it) {
                Some(Value::Iter(b)) => self.step_builtin(b)?,
                Some(Value::Generator(g)) => {
                    match self.resume(g, ResumeInput::Send(Value::None))? {
                        Resumed::Yield(v) => Some(v),
                        Resumed::Return(_) => None,
                    }
                }
                _ => return self.for_next_other(f, it, target, site),
            };
            let Some(v) = item else {
                return Ok(Flow::Exhausted);
            };
            f.slots[*s as usize].store(v);
            return Ok(Flow::Normal);
        }
        self.for_next_other(f, it, target, site)
    }

    /// `for_next` for other iterators and targets, and while tracing.
    #[inline(never)]
    fn for_next_other(
        &mut self,
        f: &mut Frame,
        it: usize,
        target: &Target,
        site: &LookupSite,
    ) -> PyResult<Flow> {
        if let (
            Target::Unpack {
                items, star: None, ..
            },
            None,
        ) = (target, &self.trace)
        {
            if let [first, second] = items.as_slice() {
                if let Some(step) = self.next_item_pair(&f.slots[it]) {
                    let Some((k, v)) = step? else {
                        return Ok(Flow::Exhausted);
                    };
                    self.assign(f, first, k)?;
                    self.assign(f, second, v)?;
                    return Ok(Flow::Normal);
                }
            }
        }
        let item = if self.trace.is_some() {
            let iterator = f.slots[it].clone();
            self.driven_by(Who::For, |i| i.next(&iterator))?
        } else {
            self.next_at(&f.slots[it], Some(site))?
        };
        match item {
            Some(v) => self.assign(f, target, v)?,
            None => return Ok(Flow::Exhausted),
        }
        Ok(Flow::Normal)
    }

    /// Statements rarely on a hot path, kept out of `exec_stmt` so that its frame (paid
    /// on every statement) stays small.
    #[inline(never)]
    fn exec_rare_stmt(&mut self, f: &mut Frame, stmt: &Stmt) -> PyResult<Flow> {
        match &stmt.kind {
            StmtKind::ParallelAssign { targets, values } => {
                let mut vals = Vec::with_capacity(values.len());
                for v in values {
                    vals.push_value(self.eval(f, v)?);
                }
                for (t, v) in targets.iter().zip(vals) {
                    self.assign(f, t, v)?;
                }
            }
            StmtKind::Delete(target) => self.delete(f, target)?,
            StmtKind::Raise { exc, cause } => {
                return Err(self.exec_raise(f, exc.as_ref(), cause.as_ref())?)
            }
            StmtKind::Assert { test, msg } if !self.eval_truth(f, test)? => {
                let args = match msg {
                    Some(m) => vec![self.eval(f, m)?],
                    None => vec![],
                };
                let class = crate::runtime::types::types()
                    .exception(ExcKind::AssertionError)
                    .clone();
                return Err(Exc::instantiate(class, args));
            }
            StmtKind::SetAdd { set, value } => {
                let v = self.eval(f, value)?;
                if let Value::Set(s) = f.slots[*set as usize].clone() {
                    s.add(self, v)?;
                }
            }
            StmtKind::DictSet { dict, key, value } => {
                let k = self.eval(f, key)?;
                let v = self.eval(f, value)?;
                if let Value::Dict(d) = f.slots[*dict as usize].clone() {
                    d.insert(self, k, v)?;
                }
            }
            // A passing `assert`; exec_stmt handles every other statement.
            _ => {}
        }
        Ok(Flow::Normal)
    }

    /// `while`: the test (absent for a lowered `for`), the body, and `else` on exhaustion.
    /// Resume markers: 0 = in the body, 1 = in the `else`.
    fn exec_while(
        &mut self,
        f: &mut Frame,
        test: Option<&crate::lower::ir::Expr>,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> PyResult<Flow> {
        let in_else = self.resuming && f.pop_path() == Some(1);
        if !in_else {
            loop {
                if !self.resuming {
                    if let Some(t) = test {
                        // The trace places what the test does (and a generator that
                        // finishes when it fails) on the `while` line.
                        if let Some(tracer) = self.trace.as_deref_mut() {
                            tracer.at(t.span);
                        }
                        if !self.eval_truth(f, t)? {
                            break;
                        }
                    }
                }
                match self.exec_block(f, body)? {
                    Flow::Normal | Flow::Continue => {}
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Exhausted => break,
                    Flow::Yield => {
                        f.push_path(0);
                        return Ok(Flow::Yield);
                    }
                    Flow::Return => return Ok(Flow::Return),
                }
            }
        }
        if orelse.is_empty() {
            return Ok(Flow::Normal);
        }
        let flow = self.exec_block(f, orelse)?;
        if flow == Flow::Yield {
            f.push_path(1);
        }
        Ok(flow)
    }
}
