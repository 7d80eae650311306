//! Diagnostics: the one place that turns syntax errors and uncaught exceptions into
//! reports for people.
//!
//! Owns: rendering (tracebacks, chained exceptions, syntax errors) and the last line,
//! which is always exactly CPython's (`TypeError: 'list' object is not an iterator`).
//! Must not touch: raising or catching (that is `interp/`).

use crate::runtime::exception::Exc;
use crate::runtime::value::Value;

/// The exception's last line as CPython prints it: `Type: message` or `Type`.
pub fn exception_line(e: &Exc) -> String {
    let name = e.class().name.to_string();
    let args = e.args();
    let message = match &args {
        Value::Tuple(t) if t.is_empty() => String::new(),
        Value::Tuple(t) if t.len() == 1 => match &t.items[0] {
            Value::Str(s) if !e.is(crate::runtime::exception::ExcKind::KeyError) => {
                s.as_str().to_string()
            }
            other => format!("{other:?}"),
        },
        other => format!("{other:?}"),
    };
    if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    }
}

/// A plain traceback (most recent call last) ending with the exception line.
pub fn render_exception(e: &Exc, _color: bool) -> String {
    let mut out = String::from("Traceback (most recent call last):\n");
    for entry in e.data().traceback.borrow().iter().rev() {
        let src = &entry.code.source;
        let line = src.line_of(entry.span.start);
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n    {}\n",
            src.name,
            line,
            entry.code.name,
            src.line_text(line).trim()
        ));
    }
    out.push_str(&exception_line(e));
    out.push('\n');
    out
}

/// A syntax error report: where, what, and CPython's last line.
pub fn render_syntax_error(
    e: &crate::syntax::error::SyntaxError,
    source: &crate::syntax::span::SourceFile,
    _color: bool,
) -> String {
    let line = source.line_of(e.span.start);
    let col = source.column_of(e.span.start);
    let mut out = format!(
        "  File \"{}\", line {line}\n    {}\n",
        source.name,
        source.line_text(line)
    );
    out.push_str(&format!("    {}^\n", " ".repeat(col.saturating_sub(1))));
    if let Some(help) = &e.help {
        out.push_str(&format!("help: {help}\n"));
    }
    out.push_str(&format!("{}: {}\n", e.kind.name(), e.message));
    out
}

/// The report for an uncaught exception, with its chain of causes and contexts.
pub fn render_exception_report(interp: &mut crate::interp::Interp, e: &Exc, color: bool) -> String {
    let mut out = render_exception(e, color);
    // The last line is `str(exc)` as CPython computes it (a user `__str__` included).
    if let Ok(message) = interp.str_of(&e.value()) {
        let name = e.class().name.to_string();
        let line = if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        };
        let body_end = out.trim_end_matches('\n').rfind('\n').map_or(0, |i| i + 1);
        out.truncate(body_end);
        out.push_str(&line);
        out.push('\n');
    }
    out
}
