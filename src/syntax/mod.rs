//! The front end: source text to AST.
//!
//! Owns: tokens (`token.rs`), the layout layer (`lexer.rs`), literals (`literal.rs`,
//! `fstring.rs`), the grammar (`grammar/iterp.lalrpop`, run by `parser.rs`), the
//! constructors its actions call (`nodes.rs`, `statements.rs`, `params.rs`,
//! `targets.rs`), error messages for failed parses (`diagnose.rs`), the AST and syntax
//! errors.
//! Must not touch: scopes, desugaring, values.
//!
//! The one entry point is [`parse_module`]. Every tree it returns is at most
//! [`MAX_NESTING_DEPTH`] levels deep (deeper input is a `SyntaxError`, "too many nested
//! expressions"), so later stages may recurse over it.

pub mod ast;
#[cfg(test)]
mod cpython_messages;
mod diagnose;
pub mod error;
mod fstring;
pub mod lexer;
pub mod literal;
mod nodes;
mod params;
mod parser;
pub mod span;
mod statements;
mod targets;
pub mod token;

pub use nodes::MAX_NESTING_DEPTH;
pub use parser::parse_module;
