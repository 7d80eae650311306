//! The report of an uncaught exception: its chain of causes and contexts, each part a
//! traceback of snippets, each part ending with CPython's own line for that exception.
//!
//! Owns: the layout CPython prints (`Traceback (most recent call last):`, the chain
//! messages, `[Previous line repeated N more times]`, the limit of 1000 entries) with a
//! miette snippet in place of each frame's source line, and the exception line itself
//! (`str(exc)` semantics, and the "Did you mean" CPython adds for NameError and
//! AttributeError).
//! Must not touch: what a label or help says (that is `explain.rs`).

use super::explain::{self, Explanation};
use super::snippet::{Snippet, Style};
use super::source_map::SourceMap;
use super::suggest;
use crate::interp::Interp;
use crate::runtime::exception::{Exc, TraceEntry};
use std::rc::Rc;

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";
/// CPython prints at most this many traceback entries (the most recent ones).
const TRACEBACK_LIMIT: usize = 1000;
/// Identical consecutive entries past this many are counted instead of printed.
const RECURSIVE_CUTOFF: usize = 3;

/// Renders reports for one interpreter; source files are parsed again at most once.
pub struct Reporter<'i> {
    pub interp: &'i mut Interp,
    pub style: Style,
    maps: Vec<SourceMap>,
}

impl<'i> Reporter<'i> {
    pub fn new(interp: &'i mut Interp, style: Style) -> Reporter<'i> {
        Reporter {
            interp,
            style,
            maps: Vec::new(),
        }
    }

    /// The whole report for an uncaught exception.
    pub fn exception(&mut self, e: &Exc) -> String {
        // Walk back along causes and contexts as CPython does (each exception once), then
        // print the oldest first.
        let mut chain: Vec<(Exc, &str)> = vec![(e.clone(), "")];
        while let Some((last, _)) = chain.last() {
            let data = last.data();
            let cause = Exc::from_value(&data.cause.borrow());
            let context = Exc::from_value(&data.context.borrow());
            let (next, message) = match (cause, context) {
                (Some(c), _) => (c, CAUSE_MESSAGE),
                (None, Some(c)) if !data.suppress_context.get() => (c, CONTEXT_MESSAGE),
                _ => break,
            };
            if chain.iter().any(|(seen, _)| seen.ptr_eq(&next)) {
                break;
            }
            chain.push((next, message));
        }
        let mut out = String::new();
        for i in (0..chain.len()).rev() {
            self.one(&chain[i].0, &mut out);
            out.push_str(chain[i].1);
        }
        out
    }

    /// One exception: its traceback (if it was raised) and its line.
    fn one(&mut self, e: &Exc, out: &mut String) {
        let traceback: Vec<TraceEntry> = e.data().traceback.borrow().clone();
        let line = exception_line(self.interp, e);
        let explanation = match traceback.first() {
            Some(innermost) => {
                let map = self.map(&innermost.code.source);
                explain::innermost(self.interp, &self.maps[map], e, innermost, &line)
            }
            None => explain::without_source(e),
        };
        if traceback.is_empty() {
            if let Some(help) = &explanation.help {
                out.push_str(&self.style.help(help));
            }
        } else {
            out.push_str("Traceback (most recent call last):\n");
            self.frames(&traceback, explanation, out);
        }
        out.push_str(&line);
        out.push('\n');
    }

    /// The frames, most recent call last; the innermost carries `innermost`'s labels and help.
    fn frames(&mut self, traceback: &[TraceEntry], innermost: Explanation, out: &mut String) {
        let shown = traceback.len().min(TRACEBACK_LIMIT);
        let mut innermost = Some(innermost);
        let mut last: Option<(usize, &str, usize)> = None;
        let mut repeats = 0;
        // `traceback` is innermost first; print outermost first.
        for i in (0..shown).rev() {
            let entry = &traceback[i];
            let source = &entry.code.source;
            let line = source.line_of(entry.span.start);
            let key = (Rc::as_ptr(source) as usize, entry.code.name.as_str(), line);
            if last == Some(key) {
                repeats += 1;
            } else {
                flush_repeats(repeats, out);
                repeats = 1;
                last = Some(key);
            }
            if repeats > RECURSIVE_CUTOFF {
                continue;
            }
            let explanation = if i == 0 {
                innermost.take().unwrap_or_default()
            } else {
                let map = self.map(source);
                explain::caller(&self.maps[map], entry, &traceback[i - 1])
            };
            self.frame(entry, explanation, out);
        }
        flush_repeats(repeats, out);
        // The innermost frame was one of the repeated lines: its help still ends the part.
        if let Some(help) = innermost.and_then(|e| e.help) {
            out.push_str(&self.style.help(&help));
        }
    }

    fn frame(&mut self, entry: &TraceEntry, explanation: Explanation, out: &mut String) {
        let source = &entry.code.source;
        let focus = explanation
            .labels
            .first()
            .map_or(entry.span, |label| label.span);
        out.push_str(&format!(
            "  File \"{}\", line {}, column {}, in {}\n",
            source.name,
            source.line_of(focus.start),
            source.column_of(focus.start),
            entry.code.name
        ));
        let snippet = Snippet {
            source: source.clone(),
            labels: explanation.labels,
            help: explanation.help,
        };
        out.push_str(&self.style.render(&snippet));
    }

    /// Index of the parsed form of `source` in `maps` (parsed on first use).
    fn map(&mut self, source: &Rc<crate::syntax::span::SourceFile>) -> usize {
        if let Some(i) = self.maps.iter().position(|m| Rc::ptr_eq(&m.source, source)) {
            return i;
        }
        self.maps.push(SourceMap::new(source.clone()));
        self.maps.len() - 1
    }
}

fn flush_repeats(repeats: usize, out: &mut String) {
    if repeats > RECURSIVE_CUTOFF {
        let more = repeats - RECURSIVE_CUTOFF;
        let s = if more > 1 { "s" } else { "" };
        out.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
    }
}

/// The exception's line exactly as CPython prints it: the class's qualified name, then
/// `: str(exc)` unless that is empty, then the "Did you mean" suggestion if any.
pub fn exception_line(interp: &mut Interp, e: &Exc) -> String {
    let class = e.class();
    let name = class.qualname.clone();
    let message = match interp.str_of(&e.value()) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_string(),
    };
    let mut line = if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    };
    if let Some(s) = suggest::suggestion(interp, e) {
        line.push_str(&format!(". Did you mean: '{s}'?"));
    }
    line
}
