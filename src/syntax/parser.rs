//! The parser: runs the lalrpop-generated automaton over the layout layer's tokens and
//! turns whatever went wrong into one CPython-style `SyntaxError`.
//!
//! Owns: the generated module, feeding it tokens, choosing which error to report when the
//! tokenizer and the parser both have one (CPython's priorities), and the entry points
//! `parse_module` and `parse_field` (f-string fields).
//! Must not touch: what an error says for a given parse state (`diagnose.rs`), building
//! nodes (`nodes.rs`, `statements.rs`).

use std::cell::Cell;

use lalrpop_util::{lalrpop_mod, ParseError};

use super::ast::{Expr, Module};
use super::diagnose::{self, Failure};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer::{self, Mode, Spanned, TokenStream};
use super::nodes::{Deep, Parsed};
use super::span::SourceFile;

lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_qualifications,
        dead_code,
        unused_imports
    )]
    grammar,
    "/iterp.rs"
);

/// Parses a whole file.
pub fn parse_module(source: &SourceFile) -> Result<Module, SyntaxError> {
    let text = source.text.as_str();
    // A UTF-8 byte order mark is not part of the program.
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let stream = lexer::tokenize(text.get(base..).unwrap_or(""), base, Mode::Module);
    match run(&stream, text).map_err(|r| r.error)? {
        Parsed::Module(body) => Ok(Module { body: body.node }),
        Parsed::Field(e) => Err(SyntaxError::new("invalid syntax", e.node.span)),
    }
}

/// Parses the expression of an f-string field: `text` starts at absolute offset `base`.
/// Parser errors carry CPython's "f-string: " prefix; tokenizer errors do not.
pub fn parse_field(text: &str, base: usize) -> Result<Deep<Expr>, SyntaxError> {
    let stream = lexer::tokenize(text, base, Mode::FStringField);
    let result = run(&stream, text).map_err(
        |Reported {
             mut error,
             from_tokenizer,
         }| {
            if !from_tokenizer {
                error.message = format!("f-string: {}", error.message);
            }
            error
        },
    )?;
    match result {
        Parsed::Field(e) => {
            if let super::ast::ExprKind::Starred(_) = e.node.kind {
                return Err(SyntaxError::new(
                    "f-string: cannot use starred expression here",
                    e.node.span,
                ));
            }
            Ok(e)
        }
        Parsed::Module(_) => Err(SyntaxError::new(
            "f-string: invalid syntax",
            super::span::Span::new(base, base + text.len()),
        )),
    }
}

/// Feeds tokens to lalrpop, remembering how many it took and whether it reached the
/// tokenizer's error.
struct Feed<'s> {
    tokens: &'s [Spanned],
    next: usize,
    failure: Option<SyntaxError>,
    taken: &'s Cell<usize>,
    reached_failure: &'s Cell<bool>,
}

impl Iterator for Feed<'_> {
    type Item = Result<Spanned, SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(token) = self.tokens.get(self.next) {
            self.next += 1;
            self.taken.set(self.next);
            return Some(Ok(token.clone()));
        }
        let failure = self.failure.take()?;
        self.reached_failure.set(true);
        Some(Err(failure))
    }
}

/// The error a run reports, and whether the tokenizer (not the parser) found it.
struct Reported {
    error: SyntaxError,
    from_tokenizer: bool,
}

fn run(stream: &TokenStream, text: &str) -> Result<Parsed, Reported> {
    let taken = Cell::new(0);
    let reached_failure = Cell::new(false);
    let feed = Feed {
        tokens: &stream.tokens,
        next: 0,
        failure: stream.failure.as_ref().map(|f| f.error.clone()),
        taken: &taken,
        reached_failure: &reached_failure,
    };
    let error = match grammar::TopParser::new().parse(feed) {
        Ok(parsed) => return Ok(parsed),
        Err(e) => e,
    };
    let parse_error = match error {
        ParseError::User { error } if reached_failure.get() => {
            return Err(Reported {
                error,
                from_tokenizer: true,
            })
        }
        ParseError::User { error } => error,
        ParseError::UnrecognizedToken { expected, .. } => {
            let index = taken.get().saturating_sub(1);
            diagnose::explain(&Failure {
                tokens: &stream.tokens,
                index,
                expected: &expected,
                text,
            })
        }
        ParseError::UnrecognizedEof { expected, .. } => diagnose::explain(&Failure {
            tokens: &stream.tokens,
            index: stream.tokens.len(),
            expected: &expected,
            text,
        }),
        ParseError::InvalidToken { location }
        | ParseError::ExtraToken {
            token: (location, _, _),
        } => SyntaxError::new("invalid syntax", super::span::Span::new(location, location)),
    };
    Err(prefer_tokenizer_error(stream, parse_error))
}

/// CPython tokenizes the rest of the file after a parse error and reports what the
/// tokenizer finds instead; and a bracket left open at the end, opened before the parse
/// error, is reported as never closed. An unexpected indent is reported as it is.
fn prefer_tokenizer_error(stream: &TokenStream, parse_error: SyntaxError) -> Reported {
    let from_parser = |error| Reported {
        error,
        from_tokenizer: false,
    };
    if parse_error.kind == SyntaxErrorKind::IndentationError
        && parse_error.message == "unexpected indent"
    {
        return from_parser(parse_error);
    }
    if let Some(failure) = &stream.failure {
        let never_closed_before = stream
            .unclosed
            .is_some_and(|open| open.start <= parse_error.span.start);
        if failure.beats_parse_errors || never_closed_before {
            return Reported {
                error: failure.error.clone(),
                from_tokenizer: true,
            };
        }
    }
    from_parser(parse_error)
}
