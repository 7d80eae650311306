//! iterp: an interpreter for a Python-like language about iteration.
//!
//! The pipeline, one folder per stage (see `docs/architecture.md`):
//! `syntax` (tokens, layout, grammar, AST) → `lower` (scopes, desugaring, IR) →
//! `interp` (executing the IR) over `runtime` (values, types, builtins), with
//! `diagnostics` turning errors into reports.

pub mod allocator;
pub mod cli;
pub mod deep_stack;
pub mod diagnostics;
pub mod interp;
pub mod lower;
pub mod repl;
pub mod runtime;
pub mod session;
pub mod syntax;
