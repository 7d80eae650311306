//! The front end: source text to AST.
//!
//! Owns: tokens (`token.rs`), the indentation layer (`lexer.rs`), the generated parser
//! (`grammar/iterp.lalrpop`, wrapped by `parser.rs`), the AST and syntax errors.
//! Must not touch: scopes, desugaring, values.

pub mod ast;
pub mod error;
pub mod span;
