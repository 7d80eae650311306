//! Built-in modules that `import` can load (`itertools`, `functools`).
//!
//! Owns: the table of importable modules and building each module object.
//! Must not touch: the import statement's semantics (that is `interp/eval.rs`).

pub mod functools;
pub mod itertools;

use super::symbol::Symbol;
use super::value::Value;

/// The module called `name`, freshly built, or `None` if iterp has no such module.
pub fn load(name: Symbol) -> Option<Value> {
    match name.as_str() {
        "itertools" => Some(itertools::module()),
        "functools" => Some(functools::module()),
        _ => None,
    }
}
