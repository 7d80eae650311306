//! The compile-time error: `SyntaxError`, `IndentationError` or `TabError`.
//!
//! Owns: the error value every front-end stage (lexer, parser, lowering) returns.
//! Must not touch: rendering (that is `diagnostics.rs`).

use super::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A compile-time error pointing at the offending token.
///
/// `message` is exactly CPython's message (`expected ':'`, `'return' outside function`),
/// so that the last line of a report can be `SyntaxError: {message}`.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub message: String,
    pub span: Span,
    /// A teaching hint in the user's own terms, shown as miette's `help:`.
    pub help: Option<String>,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn indentation(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::IndentationError,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> SyntaxError {
        self.help = Some(help.into());
        self
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}
