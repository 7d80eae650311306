//! Generators: suspended frames resumed by `next()`, `send()`, `throw()` and `close()`.
//!
//! Owns: the generator object and its states (created, suspended, running, closed),
//! resuming its frame along the saved resume path (see `exec.rs`), `yield from`
//! delegation, PEP 479, and closing generators that lose their last reference: `Drop`
//! cannot run Python code, so it queues the frame and the interpreter closes it at its
//! next statement boundary (running its `finally` blocks there, as CPython would at once).
//! Must not touch: how statements execute (that is `exec.rs`; resuming re-enters it).

use super::frame::{Flow, Frame, ResumeInput};
use super::trace::{Left, Who};
use super::Interp;
use crate::lower::ir::{Code, Expr, Target};
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::hint::Hint;
use crate::runtime::symbol::sym;
use crate::runtime::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Closed,
}

/// What resuming a generator produced.
pub enum Resumed {
    Yield(Value),
    /// The generator finished; its return value (`StopIteration.value`).
    Return(Value),
}

/// A generator object: its state and its frame, held inline (one allocation with the
/// generator). While it runs, `resume` holds the frame's `RefCell` borrow; the state
/// (`Running`) is what turns a re-entrant `next()` into "generator already executing".
pub struct Generator {
    pub code: Rc<Code>,
    state: Cell<GenState>,
    frame: RefCell<Frame>,
}

thread_local! {
    /// Frames of suspended generators that lost their last reference, waiting to be closed.
    // Boxed: a frame moves out of its generator without copying it. A deque: dropping a
    // list of suspended generators queues them all, and they are closed first-in first-out.
    static PENDING_CLOSES: RefCell<VecDeque<Box<Frame>>> = const { RefCell::new(VecDeque::new()) };
    static PENDING_COUNT: Cell<usize> = const { Cell::new(0) };
}

/// Whether dropped generators are waiting to be closed (checked between statements).
#[inline]
pub fn closes_pending() -> bool {
    PENDING_COUNT.with(|c| c.get() != 0)
}

impl Generator {
    pub fn new(mut frame: Frame) -> Rc<Generator> {
        // A suspended generator keeps its slots for long: no spare capacity (a slot vector
        // recycled from a larger frame would otherwise stay with it).
        frame.slots.shrink_to_fit();
        Rc::new(Generator {
            code: frame.code.clone(),
            state: Cell::new(GenState::Created),
            frame: RefCell::new(frame),
        })
    }

    pub fn state(&self) -> GenState {
        self.state.get()
    }

    /// Marks the generator closed and releases its locals (as CPython clears the frame).
    fn finish(&self) {
        self.state.set(GenState::Closed);
        if let Ok(mut frame) = self.frame.try_borrow_mut() {
            drop(frame.clear());
        }
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.state.get() != GenState::Suspended || !self.code.close_runs_code {
            return;
        }
        let frame = self.frame.get_mut();
        let empty = Frame::new(frame.code.clone(), Vec::new());
        let frame = Box::new(std::mem::replace(frame, empty));
        let _ = PENDING_CLOSES.try_with(|q| q.borrow_mut().push_back(frame));
        let _ = PENDING_COUNT.try_with(|c| c.set(c.get() + 1));
    }
}

impl Interp {
    /// Resumes `g` with a value to send or an exception to throw at its `yield`.
    pub fn resume(&mut self, g: &Rc<Generator>, input: ResumeInput) -> PyResult<Resumed> {
        let state = g.state.get();
        match state {
            GenState::Running => {
                return Err(Exc::new(ExcKind::ValueError, "generator already executing"))
            }
            GenState::Closed => {
                if self.trace.is_some() {
                    self.trace_not_resumed(g, &input, true);
                }
                return match input {
                    ResumeInput::Throw(e) => Err(e),
                    ResumeInput::Send(_) => Ok(Resumed::Return(Value::None)),
                };
            }
            GenState::Created => match &input {
                ResumeInput::Send(v) if !v.is_none() => {
                    return Err(Exc::new(
                        ExcKind::TypeError,
                        "can't send non-None value to a just-started generator",
                    )
                    .with_hint(Hint::SendToJustStartedGenerator))
                }
                ResumeInput::Throw(_) => {
                    if self.trace.is_some() {
                        self.trace_not_resumed(g, &input, false);
                    }
                    g.finish();
                    let ResumeInput::Throw(e) = input else {
                        unreachable!()
                    };
                    return Err(e);
                }
                _ => {}
            },
            GenState::Suspended => {}
        }
        let Ok(mut frame) = g.frame.try_borrow_mut() else {
            return Err(Exc::new(ExcKind::ValueError, "generator already executing"));
        };
        self.enter()?;
        let caller = if self.trace.is_some() {
            Some(self.trace_resumed(g, &input, state == GenState::Created))
        } else {
            None
        };
        let code = &g.code;
        g.state.set(GenState::Running);
        let result = match (state, input, &code.loop_yield) {
            // The common loop shapes run from their yield directly (`resume_loop.rs`).
            (GenState::Suspended, ResumeInput::Send(v), Some(shape))
                if caller.is_none() && frame.handled == 0 =>
            {
                self.resume_loop(&mut frame, code, shape, v)
            }
            // Only code with a `yield from` (or a `try`) can be suspended in one.
            (GenState::Suspended, input, _)
                if code.close_runs_code && caller.is_none() && frame.handled == 0 =>
            {
                match frame.take_delegating() {
                    // Suspended in a `yield from` whose sub-iterator yields again: suspend
                    // again at once, the path as it is and no block on it re-entered. The
                    // value goes straight back to the caller (not through `Interp::ret`,
                    // where each level of a deep chain stored and reloaded it).
                    Some(sub) => match self.delegate(&frame.slots[sub as usize], input) {
                        Ok(Resumed::Yield(v)) => {
                            frame.set_delegating(sub);
                            self.leave();
                            g.state.set(GenState::Suspended);
                            return Ok(Resumed::Yield(v));
                        }
                        outcome => {
                            self.yield_from_outcome = Some(outcome);
                            self.resuming = true;
                            self.exec_block(&mut frame, &code.body)
                        }
                    },
                    None => {
                        self.resuming = true;
                        self.resume_input = Some(input);
                        self.exec_block(&mut frame, &code.body)
                    }
                }
            }
            (state, input, _) => {
                // Walking the resume path reaches the `yield from`, which records
                // itself again if it suspends again.
                frame.take_delegating();
                if state == GenState::Suspended {
                    self.resuming = true;
                    self.resume_input = Some(input);
                    if frame.handled != 0 {
                        frame.restore_handled(&mut self.handled);
                    }
                }
                self.exec_block(&mut frame, &code.body)
            }
        };
        self.leave();
        if let Some(caller) = caller {
            let ret = self.ret.clone();
            let left = match &result {
                Ok(Flow::Yield) => Left::Yielded(&ret),
                Ok(Flow::Return) => Left::Returned(&ret),
                Ok(_) => Left::Returned(&Value::None),
                Err(e) => Left::Raised(e),
            };
            self.trace_left(g, caller, left);
        }
        match result {
            Ok(Flow::Yield) => {
                if frame.handled != 0 {
                    let own = (frame.handled as usize).min(self.handled.len());
                    let saved = self.handled.split_off(self.handled.len() - own);
                    frame.save_handled(saved);
                }
                g.state.set(GenState::Suspended);
                Ok(Resumed::Yield(self.take_ret()))
            }
            Ok(flow) => {
                g.state.set(GenState::Closed);
                let v = if flow == Flow::Return {
                    self.take_ret()
                } else {
                    Value::None
                };
                let slots = frame.clear();
                drop(frame);
                self.recycle_slots(slots);
                Ok(Resumed::Return(v))
            }
            Err(e) => {
                g.state.set(GenState::Closed);
                let slots = frame.clear();
                drop(frame);
                self.recycle_slots(slots);
                e.leave_frame(code, code.span);
                if e.is(ExcKind::StopIteration) {
                    // PEP 479: a StopIteration escaping a generator body is a bug.
                    // As in CPython, the RuntimeError is raised where the generator was
                    // resumed: its traceback starts in the caller, the StopIteration's
                    // (its cause) ends in the generator body.
                    let err = Exc::new(ExcKind::RuntimeError, "generator raised StopIteration")
                        .with_hint(Hint::StopIterationInGenerator {
                            generator: code.name.to_string(),
                        });
                    *err.data().cause.borrow_mut() = e.value();
                    *err.data().context.borrow_mut() = e.value();
                    err.data().suppress_context.set(true);
                    return Err(err);
                }
                Err(e)
            }
        }
    }

    /// `g.send(v)` / `next(g)`: the yielded value, or StopIteration carrying the return value.
    pub fn gen_send(&mut self, g: &Rc<Generator>, v: Value) -> PyResult<Value> {
        match self.resume(g, ResumeInput::Send(v))? {
            Resumed::Yield(v) => Ok(v),
            Resumed::Return(v) => Err(stop_iteration(v)),
        }
    }

    /// `g.throw(e)`.
    pub fn gen_throw(&mut self, g: &Rc<Generator>, e: Exc) -> PyResult<Value> {
        match self.resume(g, ResumeInput::Throw(e))? {
            Resumed::Yield(v) => Ok(v),
            Resumed::Return(v) => Err(stop_iteration(v)),
        }
    }

    /// `g.close()`: raises GeneratorExit at the paused `yield` so `finally` blocks run.
    pub fn gen_close(&mut self, g: &Rc<Generator>) -> PyResult<()> {
        match g.state.get() {
            GenState::Created | GenState::Closed => {
                if self.trace.is_some() {
                    self.trace_closed_without_running(g, g.state.get() == GenState::Closed);
                }
                g.finish();
                Ok(())
            }
            GenState::Running => Err(Exc::new(ExcKind::ValueError, "generator already executing")),
            GenState::Suspended => {
                match self.resume(g, ResumeInput::Throw(Exc::bare(ExcKind::GeneratorExit))) {
                    Ok(Resumed::Yield(_)) => Err(Exc::new(
                        ExcKind::RuntimeError,
                        "generator ignored GeneratorExit",
                    )),
                    Ok(Resumed::Return(_)) => Ok(()),
                    Err(e) if e.is(ExcKind::GeneratorExit) || e.is(ExcKind::StopIteration) => {
                        Ok(())
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// Closes the generators dropped while suspended, in the order they were dropped.
    pub fn drain_pending_closes(&mut self) {
        // The count first: touching the queue registers its thread-local destructor,
        // which made every run start glibc's malloc just to record it.
        while closes_pending() {
            let frame = PENDING_CLOSES.with(|q| q.borrow_mut().pop_front());
            let Some(frame) = frame else { break };
            PENDING_COUNT.with(|c| c.set(c.get().saturating_sub(1)));
            let g = Rc::new(Generator {
                code: frame.code.clone(),
                state: Cell::new(GenState::Suspended),
                frame: RefCell::new(*frame),
            });
            let closed = if self.trace.is_some() {
                self.driven_by(Who::Dropped, |i| i.gen_close(&g))
            } else {
                self.gen_close(&g)
            };
            if let Err(e) = closed {
                let header = format!(
                    "Exception ignored in: <generator object {} at {:#x}>\n",
                    g.code.qualname,
                    Rc::as_ptr(&g) as usize
                );
                self.report_ignored(&header, &e);
            }
            g.finish();
        }
    }

    /// `target = yield from iterable`: forwards next/send/throw/close to the sub-iterator
    /// kept in slot `sub`, suspending with each value it yields.
    pub fn exec_yield_from(
        &mut self,
        f: &mut Frame,
        iterable: &Expr,
        target: Option<&Target>,
        sub: u32,
    ) -> PyResult<Flow> {
        let outcome = if self.resuming {
            self.resuming = false;
            match self.yield_from_outcome.take() {
                Some(outcome) => outcome,
                None => {
                    let input = self
                        .resume_input
                        .take()
                        .unwrap_or(ResumeInput::Send(Value::None));
                    let sub_it = f.slots[sub as usize].clone();
                    self.delegate(&sub_it, input)
                }
            }
        } else {
            let v = self.eval(f, iterable)?;
            let it = self.iter(&v).map_err(|e| e.locate(iterable.span))?;
            if self.trace.is_some() {
                self.trace_yield_from(&v);
            }
            f.slots[sub as usize] = it.clone();
            self.delegate(&it, ResumeInput::Send(Value::None))
        };
        match outcome {
            Ok(Resumed::Yield(v)) => {
                if self.trace.is_some() {
                    self.trace_passing_on();
                }
                f.set_delegating(sub);
                self.ret.store(v);
                Ok(Flow::Yield)
            }
            Ok(Resumed::Return(v)) => {
                f.slots[sub as usize] = Value::Undef;
                if self.trace.is_some() {
                    self.trace_yield_from_done(&v);
                }
                if let Some(t) = target {
                    self.assign(f, t, v)?;
                }
                Ok(Flow::Normal)
            }
            Err(e) => {
                f.slots[sub as usize] = Value::Undef;
                Err(e)
            }
        }
    }

    /// One step of `yield from` on any sub-iterator.
    fn delegate(&mut self, sub: &Value, input: ResumeInput) -> PyResult<Resumed> {
        if let Value::Generator(g) = sub {
            return match input {
                ResumeInput::Throw(e) if e.is(ExcKind::GeneratorExit) => {
                    self.gen_close(g)?;
                    Err(e)
                }
                input if self.trace.is_some() => {
                    self.driven_by(Who::YieldFrom, |i| i.resume(g, input))
                }
                input => self.resume(g, input),
            };
        }
        // A user iterator's `__next__` is called here, not through `next()`: report it.
        let report_next =
            self.trace.is_some() && matches!(&input, ResumeInput::Send(v) if v.is_none());
        let outcome = match input {
            ResumeInput::Send(v) if v.is_none() => match sub {
                Value::Instance(inst) => match inst.class.lookup(sym::NEXT) {
                    Some(m) => self.call(&m, std::slice::from_ref(sub), &[]),
                    None => return Err(super::iteration::not_an_iterator(sub)),
                },
                _ => {
                    let item = self.driven_by(Who::YieldFrom, |i| i.next(sub))?;
                    return Ok(match item {
                        Some(v) => Resumed::Yield(v),
                        None => Resumed::Return(Value::None),
                    });
                }
            },
            ResumeInput::Send(v) => self.call_method(sym::SEND, &[sub.clone(), v], &[]),
            ResumeInput::Throw(e) => {
                if e.is(ExcKind::GeneratorExit) {
                    if self.has_attr(sub, sym::CLOSE) {
                        self.call_method(sym::CLOSE, std::slice::from_ref(sub), &[])?;
                    }
                    return Err(e);
                }
                if !self.has_attr(sub, sym::THROW) {
                    return Err(e);
                }
                self.call_method(sym::THROW, &[sub.clone(), e.value()], &[])
            }
        };
        if report_next {
            match &outcome {
                Ok(v) => self.trace_next(sub, Some(v), Who::YieldFrom),
                Err(e) if e.is(ExcKind::StopIteration) => {
                    self.trace_next(sub, None, Who::YieldFrom)
                }
                Err(_) => {}
            }
        }
        match outcome {
            Ok(v) => Ok(Resumed::Yield(v)),
            Err(e) if e.is(ExcKind::StopIteration) => Ok(Resumed::Return(stop_value(&e))),
            Err(e) => Err(e),
        }
    }
}

/// `StopIteration(value)`, or a bare StopIteration for `None`.
pub fn stop_iteration(v: Value) -> Exc {
    if v.is_none() {
        Exc::bare(ExcKind::StopIteration)
    } else {
        Exc::instantiate(
            crate::runtime::types::types()
                .exception(ExcKind::StopIteration)
                .clone(),
            vec![v],
        )
    }
}

/// `StopIteration.value`: the first argument, or None.
pub fn stop_value(e: &Exc) -> Value {
    match e.args() {
        Value::Tuple(t) => t.items.first().cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}
