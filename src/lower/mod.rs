//! Lowering: AST to IR. Resolves every name to a slot, cell, global or class name, and
//! desugars `for`, comprehensions, `with`, yields in expressions, chained comparisons.
//!
//! Owns: scope analysis and desugaring.
//! Must not touch: execution or values beyond making constants.

pub mod ir;
