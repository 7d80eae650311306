//! Module objects: a name and an attribute table (`itertools`, `functools` …).
//!
//! Owns: the module object's layout. Which modules exist is `runtime/modules/`.

use super::class::AttrTable;
use super::symbol::Symbol;
use std::cell::RefCell;

pub struct Module {
    pub name: Symbol,
    pub attrs: RefCell<AttrTable>,
}
