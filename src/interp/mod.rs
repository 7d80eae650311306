//! The interpreter: walks the IR, owns frames, calls, exceptions and generators.
//!
//! Owns: `Interp`, the state of one running program (globals, output, recursion depth,
//! the stack of exceptions being handled).
//! Must not touch: parsing or lowering; value layouts (those are `runtime/`).

pub mod generator;

/// The state of one running program.
pub struct Interp {}
