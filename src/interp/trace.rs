//! `iterp --trace`: the iteration protocol as it happens, one line per event, on stderr.
//!
//! Owns: the trace events (`iter()`, `next()`, a generator created, resumed, suspended,
//! returning, closed, `send`/`throw`, `yield from`), their wording and layout, and
//! describing values without running user code twice.
//! Must not touch: what the events are about. Every hook runs after the interpreter did
//! the work and only reads; with tracing off (`Interp::trace` is `None`) a hook is one
//! branch.
//!
//! Layout, for reading top to bottom: when an event happens on a source line other than
//! the last one shown, the line is shown (`line 4 | for x in data:`); the events follow
//! beneath it. Everything a generator's body does while it runs is indented one step
//! further, so a resumed generator's work sits between its "resumed" and "suspended".

use super::frame::ResumeInput;
use super::generator::Generator;
use super::Interp;
use crate::runtime::exception::Exc;
use crate::runtime::value::Value;
use crate::syntax::span::{SourceFile, Span};
use std::rc::Rc;

/// Longest value description before it is cut with `...`.
const MAX_DESCRIPTION: usize = 60;

pub struct Tracer {
    source: Rc<SourceFile>,
    /// Start of the statement running now.
    offset: u32,
    /// The source line last shown, and the nesting it was shown at.
    shown: Option<(usize, usize)>,
    /// How many generator bodies are running inside one another.
    nesting: usize,
    /// Set while a value is described, so that a `__repr__` it calls adds no events.
    muted: bool,
}

impl Tracer {
    pub fn new(source: Rc<SourceFile>) -> Box<Tracer> {
        Box::new(Tracer {
            source,
            offset: 0,
            shown: None,
            nesting: 0,
            muted: false,
        })
    }

    /// The statement about to run (called for each statement while tracing).
    #[inline]
    pub fn at(&mut self, span: Span) {
        self.offset = span.start;
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

/// How a generator was resumed, in the words of the call that did it.
fn resumed_by(input: &ResumeInput, describe: impl FnOnce(&Value) -> String) -> String {
    match input {
        ResumeInput::Send(v) if v.is_none() => "next()".to_string(),
        ResumeInput::Send(v) => format!("send({})", describe(v)),
        ResumeInput::Throw(e) if e.is(crate::runtime::exception::ExcKind::GeneratorExit) => {
            "close(): GeneratorExit raised at the yield".to_string()
        }
        ResumeInput::Throw(e) => format!("throw({})", e.class().name),
    }
}

impl Interp {
    fn tracing(&self) -> bool {
        self.trace.as_ref().is_some_and(|t| !t.muted)
    }

    fn emit(&mut self, event: &str) {
        if let Some(t) = self.trace.as_deref_mut() {
            let text = t.layout(event);
            self.write_err(&text);
        }
    }

    /// A value as the trace shows it: its repr, cut short; objects by their type, since
    /// a user `__repr__` should not run in the middle of the protocol it explains.
    fn describe(&mut self, v: &Value) -> String {
        match v {
            Value::Instance(inst) if !inst.class.is_builtin => {
                return format!("<{} object>", inst.class.name)
            }
            Value::Generator(g) => return format!("<generator object {}>", g.code.name),
            Value::Iter(_) => return format!("<{} object>", v.type_name()),
            _ => {}
        }
        if let Some(t) = self.trace.as_deref_mut() {
            t.muted = true;
        }
        let text = self
            .repr(v)
            .unwrap_or_else(|_| format!("<{}>", v.type_name()));
        if let Some(t) = self.trace.as_deref_mut() {
            t.muted = false;
        }
        if text.chars().count() > MAX_DESCRIPTION {
            let cut: String = text.chars().take(MAX_DESCRIPTION - 3).collect();
            format!("{cut}...")
        } else {
            text
        }
    }

    /// Where the trace is now, to restore once a called function returns (its body's
    /// statements move the trace's position).
    pub fn trace_mark(&self) -> Option<u32> {
        self.trace.as_ref().map(|t| t.offset)
    }

    pub fn trace_restore(&mut self, mark: Option<u32>) {
        if let (Some(t), Some(offset)) = (self.trace.as_deref_mut(), mark) {
            t.offset = offset;
        }
    }

    /// `iter(x)`, from a `for` (or comprehension) or the builtin.
    pub fn trace_iter(&mut self, iterable: &Value, iterator: &Value, from_for: bool) {
        if !self.tracing() {
            return;
        }
        let what = self.describe(iterable);
        let made = if iterable.is(iterator) {
            format!("{} (an iterator is its own iterator)", iterator.type_name())
        } else {
            iterator.type_name()
        };
        let who = if from_for { "for: " } else { "" };
        self.emit(&format!("{who}iter({what}) -> {made}"));
    }

    /// `next(it)`, from a `for` or the builtin: the value, or StopIteration.
    pub fn trace_next(&mut self, iterator: &Value, result: Option<&Value>, from_for: bool) {
        if !self.tracing() {
            return;
        }
        let it = match iterator {
            Value::Generator(g) => format!("generator {}", g.code.name),
            _ => iterator.type_name(),
        };
        let who = if from_for { "for: " } else { "" };
        let event = match result {
            Some(v) => format!("{who}next({it}) -> {}", self.describe(v)),
            None if from_for => format!("{who}next({it}) -> StopIteration: the loop ends"),
            None => format!("{who}next({it}) -> StopIteration"),
        };
        self.emit(&event);
    }

    /// A generator function was called: the body has not started.
    pub fn trace_generator_created(&mut self, g: &Generator) {
        if self.tracing() {
            let name = g.code.name;
            self.emit(&format!(
                "{name}() called: generator object created, its body has not started"
            ));
        }
    }

    /// A generator is about to run; returns where the caller was, for `trace_left`.
    pub fn trace_resumed(&mut self, g: &Generator, input: &ResumeInput, first: bool) -> u32 {
        if !self.tracing() {
            return 0;
        }
        let by = resumed_by(input, |v| self.describe(v));
        let name = g.code.name;
        let how = if first { "starts" } else { "resumes" };
        self.emit(&format!("{by}: generator {name} {how}"));
        let t = self.trace.as_deref_mut().expect("tracing");
        t.nesting += 1;
        t.offset
    }

    /// The generator stopped running: suspended at a `yield` with `yielded`, returned
    /// (`returned`), or raised `raised`.
    pub fn trace_left(
        &mut self,
        g: &Generator,
        caller_offset: u32,
        yielded: Option<&Value>,
        returned: Option<&Value>,
        raised: Option<&Exc>,
    ) {
        if !self.tracing() {
            return;
        }
        let name = g.code.name;
        let event = if let Some(v) = yielded {
            let line = self
                .trace
                .as_ref()
                .map_or(0, |t| t.source.line_of(t.offset));
            format!(
                "{name} suspended at line {line}, yielding {}",
                self.describe(v)
            )
        } else if let Some(e) = raised {
            if e.is(crate::runtime::exception::ExcKind::GeneratorExit) {
                format!("{name} closed: GeneratorExit ended it")
            } else {
                format!("{name} raised {}", e.class().name)
            }
        } else {
            match returned {
                Some(v) if !v.is_none() => format!(
                    "{name} returned {}: StopIteration({0}) ends it",
                    self.describe(v)
                ),
                _ => format!("{name} finished: StopIteration"),
            }
        };
        self.emit(&event);
        if let Some(t) = self.trace.as_deref_mut() {
            t.nesting = t.nesting.saturating_sub(1);
            t.offset = caller_offset;
        }
    }

    /// `yield from sub` took over: what `sub` yields is passed straight through.
    pub fn trace_yield_from(&mut self, sub: &Value) {
        if self.tracing() {
            let what = self.describe(sub);
            self.emit(&format!(
                "yield from {what}: its values pass straight to our caller"
            ));
        }
    }

    /// A generator that was closed before it could finish.
    pub fn trace_closed(&mut self, g: &Generator) {
        if self.tracing() {
            let name = g.code.name;
            self.emit(&format!("generator {name} closed"));
        }
    }
}
