//! The trace's events: one hook per protocol step, and its wording.
//!
//! Owns: what each event says: `iter()` and the iterator it made, `next()` and its value
//! or StopIteration, a generator created, started or resumed (by `next()`, `send()`,
//! `throw()` or `close()`), suspended at a line with the value it yielded, returning,
//! raising or closed, `send()`/`throw()` and what they returned, and `yield from` taking
//! over and finishing.
//! Must not touch: the layout (`mod.rs`), how values are shown (`describe.rs`), and the
//! interpreter's state: every hook here only reads.

use super::{Mark, Who};
use crate::interp::frame::ResumeInput;
use crate::interp::generator::Generator;
use crate::interp::Interp;
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::value::Value;

/// How a generator's run ended, as `trace_left` reports it.
pub enum Left<'a> {
    Yielded(&'a Value),
    Returned(&'a Value),
    Raised(&'a Exc),
}

impl Interp {
    /// An iterator as a `next(...)` event names it.
    fn iterator_name(it: &Value) -> String {
        match it {
            Value::Generator(g) => format!("generator {}", g.code.name),
            _ => it.type_name(),
        }
    }

    /// `iter(x)`, by `who`.
    pub fn trace_iter(&mut self, iterable: &Value, iterator: &Value, who: Who) {
        if self.trace.is_none() {
            return;
        }
        let what = self.describe(iterable);
        let made = if iterable.is(iterator) {
            format!("{} (an iterator is its own iterator)", iterator.type_name())
        } else {
            iterator.type_name()
        };
        self.emit(&format!("{}iter({what}) -> {made}", who.label()));
    }

    /// `next(it)`, by `who`: the value, or StopIteration.
    pub fn trace_next(&mut self, iterator: &Value, item: Option<&Value>, who: Who) {
        if self.trace.is_none() {
            return;
        }
        let it = Self::iterator_name(iterator);
        let result = match (item, who) {
            (Some(v), _) => self.describe(v),
            (None, Who::For) => "StopIteration: the loop ends".to_string(),
            (None, Who::Program | Who::YieldFrom) => "StopIteration".to_string(),
            (None, _) => "StopIteration: it is used up".to_string(),
        };
        self.emit(&format!("{}next({it}) -> {result}", who.label()));
    }

    /// `next(it, default)` found `it` exhausted: StopIteration is swallowed.
    pub fn trace_next_default(&mut self, iterator: &Value, default: &Value) {
        if self.trace.is_none() {
            return;
        }
        let it = Self::iterator_name(iterator);
        let d = self.describe(default);
        self.emit(&format!(
            "next({it}) -> StopIteration, so next() returns the default {d}"
        ));
    }

    /// A generator function was called: the body has not started.
    pub fn trace_generator_created(&mut self, g: &Generator) {
        if self.trace.is_some() {
            let name = g.code.name;
            self.emit(&format!(
                "{name}() called: generator object created, its body has not started"
            ));
        }
    }

    /// A generator is about to run its body; returns where the caller was, for
    /// `trace_left`.
    pub fn trace_resumed(&mut self, g: &Generator, input: &ResumeInput, first: bool) -> Mark {
        let driver = self.driver();
        let by = match input {
            ResumeInput::Send(v) if v.is_none() => "next()".to_string(),
            ResumeInput::Send(v) => format!("send({})", self.describe(v)),
            ResumeInput::Throw(e) if e.is(ExcKind::GeneratorExit) => "close()".to_string(),
            ResumeInput::Throw(e) => format!("throw({})", self.describe(&e.value())),
        };
        let label = driver.map_or(String::new(), Who::label);
        let name = g.code.name;
        let how = if first { "starts" } else { "resumes" };
        let raising = match input {
            ResumeInput::Throw(e) if e.is(ExcKind::GeneratorExit) => {
                ", raising GeneratorExit at its yield"
            }
            ResumeInput::Throw(_) => ", raising it at its yield",
            ResumeInput::Send(_) => "",
        };
        self.emit(&format!("{label}{by} {how} generator {name}{raising}"));
        match self.trace.as_deref_mut() {
            Some(t) => {
                let mark = t.mark();
                t.nesting += 1;
                t.driver = None;
                mark
            }
            None => Mark {
                offset: 0,
                driver: None,
            },
        }
    }

    /// The generator stopped running: suspended at a `yield`, returned, or raised.
    pub fn trace_left(&mut self, g: &Generator, caller: Mark, left: Left) {
        let name = g.code.name;
        let event = match left {
            Left::Yielded(v) => {
                let (line, passing_on) = match self.trace.as_deref_mut() {
                    Some(t) => (
                        t.source.line_of(t.offset),
                        std::mem::take(&mut t.passing_on),
                    ),
                    None => (0, false),
                };
                let v = self.describe(v);
                if passing_on {
                    format!("{name} suspended at line {line} in yield from, passing {v} on")
                } else {
                    format!("{name} suspended at line {line}, yielding {v}")
                }
            }
            Left::Returned(v) if v.is_none() => format!("{name} finished: StopIteration"),
            Left::Returned(v) => {
                let v = self.describe(v);
                format!("{name} returned {v}: StopIteration({v}) ends it")
            }
            Left::Raised(e) if e.is(ExcKind::GeneratorExit) => {
                format!("{name} closed: GeneratorExit ended it")
            }
            Left::Raised(e) if e.is(ExcKind::StopIteration) => format!(
                "{name} raised StopIteration inside its body: it becomes RuntimeError (PEP 479)"
            ),
            Left::Raised(e) => {
                let e = self.describe(&e.value());
                format!("{name} raised {e}: it is finished, the exception goes to its caller")
            }
        };
        self.emit(&event);
        if let Some(t) = self.trace.as_deref_mut() {
            t.nesting = t.nesting.saturating_sub(1);
            t.offset = caller.offset;
            t.driver = caller.driver;
        }
    }

    /// A generator asked to run that will not: it is finished, or `throw()` reached it
    /// before it started.
    pub fn trace_not_resumed(&mut self, g: &Generator, input: &ResumeInput, started: bool) {
        if self.trace.is_none() {
            return;
        }
        let name = g.code.name;
        let event = match input {
            ResumeInput::Throw(e) if !started => format!(
                "throw({}) before generator {name} started: it finishes without running",
                self.describe(&e.value())
            ),
            ResumeInput::Throw(e) => format!(
                "throw({}) into finished generator {name}: nothing runs",
                self.describe(&e.value())
            ),
            ResumeInput::Send(_) => {
                format!("generator {name} is finished: its body does not run again")
            }
        };
        self.emit(&event);
    }

    /// What `g.send(v)` returned (or raised).
    pub fn trace_sent(&mut self, g: &Generator, sent: &Value, result: &PyResult<Value>) {
        if self.trace.is_none() {
            return;
        }
        let call = format!("send({}) to generator {}", self.describe(sent), g.code.name);
        let outcome = self.call_outcome(result);
        self.emit(&format!("{call} -> {outcome}"));
    }

    /// What `g.throw(e)` returned (or raised).
    pub fn trace_thrown(&mut self, g: &Generator, thrown: &Exc, result: &PyResult<Value>) {
        if self.trace.is_none() {
            return;
        }
        let e = self.describe(&thrown.value());
        let call = format!("throw({e}) into generator {}", g.code.name);
        let outcome = self.call_outcome(result);
        self.emit(&format!("{call} -> {outcome}"));
    }

    fn call_outcome(&mut self, result: &PyResult<Value>) -> String {
        match result {
            Ok(v) => self.describe(v),
            Err(e) if e.is(ExcKind::StopIteration) => {
                let value = crate::interp::generator::stop_value(e);
                if value.is_none() {
                    "StopIteration".to_string()
                } else {
                    format!("StopIteration({})", self.describe(&value))
                }
            }
            Err(e) => format!("raised {}", self.describe(&e.value())),
        }
    }

    /// `close()` on a generator that is not suspended: nothing runs.
    pub fn trace_closed_without_running(&mut self, g: &Generator, started: bool) {
        if self.trace.is_some() {
            let name = g.code.name;
            self.emit(&if started {
                format!("close(): generator {name} is already finished, nothing to do")
            } else {
                format!("close(): generator {name} had not started, it is finished without running")
            });
        }
    }

    /// `yield from sub` took over: what `sub` yields is passed straight through.
    pub fn trace_yield_from(&mut self, sub: &Value) {
        if self.trace.is_some() {
            let what = self.describe(sub);
            self.emit(&format!(
                "yield from {what}: its values pass straight to our caller"
            ));
        }
    }

    /// The sub-iterator of a `yield from` produced a value: the generator suspends with it.
    pub fn trace_passing_on(&mut self) {
        if let Some(t) = self.trace.as_deref_mut() {
            t.passing_on = true;
        }
    }

    /// `yield from` ended: the sub-iterator is exhausted, and `value` (its return value)
    /// is the value of the `yield from` expression.
    pub fn trace_yield_from_done(&mut self, value: &Value) {
        if self.trace.is_some() {
            let v = self.describe(value);
            self.emit(&format!("yield from ends: its value is {v}"));
        }
    }
}
