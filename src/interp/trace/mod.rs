//! `iterp --trace`: the iteration protocol as it happens, one line per event, on stderr.
//!
//! Owns: the trace's state (the statement running now, who is driving the iteration,
//! the generator nesting), its layout, and the few hooks the interpreter calls; the
//! events and their wording are in `events.rs`, how a value is shown in `describe.rs`.
//! Must not touch: what the events are about. Every hook runs around or after work the
//! interpreter does anyway and only reads; with tracing off (`Interp::trace` is `None`)
//! a hook is one branch, with no allocation and no formatting.
//!
//! Layout, for reading top to bottom: when an event happens on a source line other than
//! the last one shown, the line is shown (`line 4  | for x in data:`); the events follow
//! beneath it, each starting with who did the step (`for:`, `list():`, `yield from:`, or
//! nothing when the program called `iter()`/`next()`/`send()` itself). Everything a
//! generator's body does while it runs is indented one step further, so a resumed
//! generator's work sits between its "resumes" and its "suspended".

mod describe;
mod events;

pub use events::Left;

use super::Interp;
use crate::runtime::exception::PyResult;
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::iterators::BuiltinIter;
use crate::runtime::value::Value;
use crate::syntax::span::{SourceFile, Span};
use std::rc::Rc;

/// Who is driving a protocol step: the label an event starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// The program itself: `iter(x)`, `next(it)`, `g.send(v)`.
    Program,
    /// A `for` loop or a comprehension.
    For,
    /// `yield from`, forwarding to its sub-iterator.
    YieldFrom,
    /// Unpacking: `a, b = it`, `first, *rest = it`.
    Unpack,
    /// `*it` in a call or a display: `f(*it)`, `[*it]`.
    Star,
    /// `x in it`, where `it` has no `__contains__`.
    In,
    /// A built-in function, method or type consuming an iterable: `list()`, `sum()`.
    Builtin(&'static str),
    /// A built-in iterator stepping the iterator it wraps: `map`, `zip`, `enumerate`.
    Wrapper(&'static str),
    /// The interpreter, closing a suspended generator nothing refers to any more.
    Dropped,
}

impl Who {
    fn label(self) -> String {
        match self {
            Who::Program => String::new(),
            Who::For => "for: ".to_string(),
            Who::YieldFrom => "yield from: ".to_string(),
            Who::Unpack => "unpacking: ".to_string(),
            Who::Star => "* unpacking: ".to_string(),
            Who::In => "in: ".to_string(),
            Who::Builtin(name) => format!("{name}(): "),
            Who::Wrapper(name) => format!("{name}: "),
            Who::Dropped => "no references left: ".to_string(),
        }
    }
}

/// The trace's position, saved while a function or generator body runs and restored
/// when it returns: its statements move the position, and code it runs is not driven by
/// whoever drove the call.
#[derive(Clone, Copy)]
pub struct Mark {
    offset: u32,
    driver: Option<Who>,
}

pub struct Tracer {
    source: Rc<SourceFile>,
    /// Start of the statement running now.
    offset: u32,
    /// Who the `iter()`/`next()` calls made now are on behalf of; `None` while program
    /// code runs, whose own protocol steps report themselves.
    driver: Option<Who>,
    /// The source line last shown, and the nesting it was shown at.
    shown: Option<(usize, usize)>,
    /// How many generator bodies are running inside one another.
    nesting: usize,
    /// The generator about to suspend is passing on a value its `yield from` got.
    passing_on: bool,
}

impl Tracer {
    pub fn new(source: Rc<SourceFile>) -> Box<Tracer> {
        Box::new(Tracer {
            source,
            offset: 0,
            driver: None,
            shown: None,
            nesting: 0,
            passing_on: false,
        })
    }

    /// The statement about to run (called for each statement while tracing).
    #[inline]
    pub fn at(&mut self, span: Span) {
        self.offset = span.start;
    }

    fn mark(&self) -> Mark {
        Mark {
            offset: self.offset,
            driver: self.driver,
        }
    }

    /// The event's text, after the source line if that line was not the last shown.
    fn layout(&mut self, event: &str) -> String {
        let line = self.source.line_of(self.offset);
        let indent = "  ".repeat(self.nesting);
        let mut out = String::new();
        if self.shown != Some((line, self.nesting)) {
            self.shown = Some((line, self.nesting));
            let text = self.source.line_text(line).trim();
            out.push_str(&format!("{indent}line {line:<3}| {text}\n"));
        }
        out.push_str(&format!("{indent}        |   {event}\n"));
        out
    }
}

/// Built-ins that are protocol steps themselves: they report their own call, and the
/// `iter()`/`next()` they do inside are that call, not a second event.
fn reports_itself(name: &str) -> bool {
    matches!(
        name,
        "iter"
            | "next"
            | "__next__"
            | "__iter__"
            | "generator.send"
            | "generator.throw"
            | "generator.close"
    )
}

impl Interp {
    fn emit(&mut self, event: &str) {
        if let Some(t) = self.trace.as_deref_mut() {
            let text = t.layout(event);
            self.write_err(&text);
        }
    }

    fn driver(&self) -> Option<Who> {
        self.trace.as_ref().and_then(|t| t.driver)
    }

    /// Program code starts running (a function body): saves where the trace was, for
    /// `trace_restore`.
    #[inline]
    pub fn trace_enter_code(&mut self) -> Option<Mark> {
        let t = self.trace.as_deref_mut()?;
        let mark = t.mark();
        t.driver = None;
        Some(mark)
    }

    #[inline]
    pub fn trace_restore(&mut self, mark: Option<Mark>) {
        if let (Some(t), Some(mark)) = (self.trace.as_deref_mut(), mark) {
            t.offset = mark.offset;
            t.driver = mark.driver;
        }
    }

    /// Runs `work` with `who` driving the `iter()`/`next()` calls it makes, so that each
    /// is reported as `who`'s.
    #[inline]
    pub fn driven_by<T>(&mut self, who: Who, work: impl FnOnce(&mut Interp) -> T) -> T {
        let Some(t) = self.trace.as_deref_mut() else {
            return work(self);
        };
        let saved = t.driver.replace(who);
        let out = work(self);
        if let Some(t) = self.trace.as_deref_mut() {
            t.driver = saved;
        }
        out
    }

    /// Calls a built-in function while tracing: what it iterates is reported as its own.
    #[cold]
    pub(super) fn call_native_traced(
        &mut self,
        nf: &'static NativeFunction,
        args: Args,
    ) -> PyResult<Value> {
        if reports_itself(nf.name) {
            let saved = self.trace.as_deref_mut().and_then(|t| t.driver.take());
            let out = (nf.call)(self, args);
            if let Some(t) = self.trace.as_deref_mut() {
                t.driver = saved;
            }
            return out;
        }
        self.driven_by(Who::Builtin(nf.name), |i| (nf.call)(i, args))
    }

    /// A built-in iterator that wraps others (`map`, `zip` …) takes one step while tracing.
    #[cold]
    pub(super) fn step_wrapper_traced(&mut self, b: &BuiltinIter) -> PyResult<Option<Value>> {
        self.driven_by(Who::Wrapper(b.type_name()), |i| {
            crate::runtime::builtins::lazy_iterators::step(i, b)
        })
    }

    /// `iter(v)` while tracing: reported when a builtin or a construct drives it.
    #[cold]
    pub(super) fn iter_traced(&mut self, v: &Value) -> PyResult<Value> {
        let it = self.iter_untraced(v)?;
        if let Some(who) = self.driver() {
            self.trace_iter(v, &it, who);
        }
        Ok(it)
    }

    /// `next(it)` while tracing: reported when a builtin or a construct drives it.
    #[cold]
    pub(super) fn next_traced(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let item = self.next_untraced(it)?;
        if let Some(who) = self.driver() {
            self.trace_next(it, item.as_ref(), who);
        }
        Ok(item)
    }
}
