//! Deciding when what the user typed at the prompt is a whole input, as CPython's
//! interactive mode does.
//!
//! Owns: the rule. A simple statement runs as soon as its line is complete; a line that
//! leaves a bracket, a triple-quoted string or a backslash continuation open asks for
//! more (`... `); a compound statement (`if`, `for`, `def`, …) asks for more until a
//! blank line ends it. A syntax error that more text could not fix is reported at once,
//! as CPython reports `1 +` without waiting.
//! Must not touch: running the input, or how errors look (that is `diagnostics`).

use crate::syntax::ast::{Module, StmtKind};
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
use crate::syntax::span::{SourceFile, Span};

/// What the lines typed so far amount to.
#[derive(Debug)]
pub enum Status {
    /// Run it.
    Complete(Module),
    /// Show `... ` and read another line.
    NeedMore,
    /// Report this error and start a fresh input.
    Invalid(SyntaxError),
}

/// Classifies `source`, the lines typed so far joined with newlines (each line ends with
/// one). A blank last line ends a block.
pub fn status(source: &SourceFile) -> Status {
    let text = source.text.as_str();
    let last_line = text.strip_suffix('\n').unwrap_or(text).rsplit('\n').next();
    let last_line_blank = text.lines().count() > 1 && last_line.is_none_or(|l| l.trim().is_empty());
    match crate::syntax::parse_module(source) {
        Ok(module) => {
            let compound = module.body.first().is_some_and(|s| is_compound(&s.kind));
            if compound && module.body.len() > 1 && text.trim_end().contains('\n') {
                // A statement after a block without the blank line that ends it.
                let second = module.body[1].span.start;
                return Status::Invalid(SyntaxError::new(
                    "invalid syntax",
                    Span::new(second as usize, second as usize),
                ));
            }
            if compound && !last_line_blank {
                return Status::NeedMore;
            }
            Status::Complete(module)
        }
        Err(e) if !last_line_blank && could_continue(&e, text) => Status::NeedMore,
        Err(e) => Status::Invalid(e),
    }
}

/// Whether typing more could fix the error: the parser ran out of input (not out of a
/// line), or a bracket, a triple-quoted string or a backslash continuation is open.
fn could_continue(e: &SyntaxError, text: &str) -> bool {
    if e.message.ends_with("was never closed")
        || e.message.starts_with("unterminated triple-quoted string")
        || e.message == "unexpected EOF while parsing"
    {
        return true;
    }
    let end = text.trim_end().len();
    (e.span.start as usize) > end
        || (e.kind == SyntaxErrorKind::IndentationError
            && e.message.starts_with("expected an indented block"))
}

/// Statements that own an indented block.
fn is_compound(kind: &StmtKind) -> bool {
    matches!(
        kind,
        StmtKind::If { .. }
            | StmtKind::While { .. }
            | StmtKind::For { .. }
            | StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
            | StmtKind::Try(_)
            | StmtKind::With { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> &'static str {
        match status(&SourceFile::new("<stdin>", text)) {
            Status::Complete(_) => "complete",
            Status::NeedMore => "more",
            Status::Invalid(_) => "invalid",
        }
    }

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(of("x = 1\n"), "complete");
        assert_eq!(of("1; 2\n"), "complete");
        assert_eq!(of("\n"), "complete");
    }

    #[test]
    fn open_brackets_strings_and_backslashes_ask_for_more() {
        assert_eq!(of("f(1,\n"), "more");
        assert_eq!(of("x = [\n"), "more");
        assert_eq!(of("x = \"\"\"abc\n"), "more");
        assert_eq!(of("x = 1 + \\\n"), "more");
        assert_eq!(of("f(1,\n2)\n"), "complete");
    }

    #[test]
    fn blocks_end_with_a_blank_line() {
        assert_eq!(of("if x:\n"), "more");
        assert_eq!(of("if x:\n    y = 1\n"), "more");
        assert_eq!(of("if x:\n    y = 1\nelse:\n"), "more");
        assert_eq!(of("if x:\n    y = 1\n\n"), "complete");
        assert_eq!(of("for x in y: print(x)\n"), "more");
        assert_eq!(of("for x in y: print(x)\n\n"), "complete");
        assert_eq!(of("try:\n    x\n"), "more");
        assert_eq!(of("@dec\n"), "more");
        assert_eq!(of("class A:\n    def f(self):\n"), "more");
    }

    #[test]
    fn errors_more_text_cannot_fix_are_reported_at_once() {
        assert_eq!(of("1 +\n"), "invalid");
        assert_eq!(of("x = 'abc\n"), "invalid");
        assert_eq!(of("if x:\n    1 +\n"), "invalid");
        assert_eq!(of("if x:\n\n"), "invalid");
        assert_eq!(of("if x:\n    pass\ny = 2\n"), "invalid");
    }
}
