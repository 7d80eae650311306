//! Diagnostics: the one place that turns syntax errors and uncaught exceptions into
//! reports for people.
//!
//! Owns: every report a person reads. A report is CPython's, made to teach: the same
//! `Traceback (most recent call last):` and chain messages, each frame's source drawn by
//! miette with a label under the exact span that failed, a `help:` line with the likely
//! fix in the user's own names, and as the last line exactly what CPython prints
//! (`TypeError: 'list' object is not an iterator`), so that nothing that reads
//! CPython's last line breaks. Colours only when asked; a fixed width.
//! Must not touch: raising or catching (that is `interp/`); the normal path of a running
//! program (everything here runs only once an error is being reported).
//!
//! Files: `traceback.rs` (layout, chains, the last line), `snippet.rs` (miette),
//! `line_window.rs` (over-long lines cut to a window around their labels),
//! `explain.rs` (labels and help), `source_map.rs` (re-reading the source at a span),
//! `suggest.rs` (CPython's "Did you mean"), `cpython_names.rs` (generated name lists).

mod cpython_names;
mod explain;
mod line_window;
mod snippet;
mod source_map;
mod suggest;
mod traceback;

use crate::interp::Interp;
use crate::runtime::exception::Exc;
use crate::syntax::error::SyntaxError;
use crate::syntax::span::SourceFile;
use snippet::{Help, Label, Snippet, Style};
use std::rc::Rc;

pub use snippet::REPORT_WIDTH;

/// The report for an uncaught exception, with its chain of causes and contexts; its last
/// line is CPython's.
pub fn render_exception_report(interp: &mut Interp, e: &Exc, color: bool) -> String {
    traceback::Reporter::new(interp, Style { color }).exception(e)
}

/// The exception's line exactly as CPython prints it last (with "Did you mean").
pub fn exception_line(interp: &mut Interp, e: &Exc) -> String {
    traceback::exception_line(interp, e)
}

/// The report for a syntax error: where (file, line, column), the line with a label at
/// the offending token, a help line saying what fits there, and CPython's last line.
pub fn render_syntax_error(e: &SyntaxError, source: &Rc<SourceFile>, color: bool) -> String {
    let line = source.line_of(e.span.start);
    let column = source.column_of(e.span.start);
    let mut out = format!("  File \"{}\", line {line}, column {column}\n", source.name);
    let snippet = Snippet {
        source: source.clone(),
        labels: vec![Label {
            span: e.span,
            text: Some(e.message.clone()),
        }],
        help: e.help.clone().map(Help::new),
    };
    out.push_str(&Style { color }.render(&snippet));
    out.push_str(&format!("{}: {}\n", e.kind.name(), e.message));
    out
}
