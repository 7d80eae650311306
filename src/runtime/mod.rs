//! The runtime: values, the object model, built-in types with their methods and
//! iterators, and the built-in functions and modules.
//!
//! Owns: what a value *is* and what built-in operations on it do.
//! Must not touch: walking the IR (that is `interp/`); it calls back into the interpreter
//! only through `Interp`'s public methods (call, compare, hash, iterate).

pub mod builtins;
pub mod class;
pub mod dict;
pub mod exception;
pub mod function;
pub mod hint;
pub mod iterators;
pub mod list;
pub mod lookup_site;
pub mod module;
pub mod modules;
pub mod num;
pub mod probe;
pub mod range;
pub mod set;
pub mod str;
pub mod symbol;
pub mod text;
pub mod tuple;
pub mod types;
pub mod value;
