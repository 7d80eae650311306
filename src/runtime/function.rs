//! Callable objects: user functions, built-in functions, bound methods, and cells.
//!
//! Owns: their layout and the argument bundle `Args` every built-in receives.
//! Must not touch: calling (there is one way to call: `interp/call.rs`).

use super::symbol::Symbol;
use super::value::Value;
use crate::interp::Interp;
use crate::lower::ir::Code;
use crate::runtime::exception::PyResult;
use std::cell::RefCell;
use std::rc::Rc;

/// A variable shared between a function and the functions nested in it.
pub struct CellObj {
    pub value: RefCell<Value>,
}

impl CellObj {
    pub fn new(v: Value) -> Rc<CellObj> {
        Rc::new(CellObj {
            value: RefCell::new(v),
        })
    }
}

/// A function made by `def`, `lambda` or a comprehension.
pub struct Function {
    pub code: Rc<Code>,
    /// Defaults of the last `defaults.len()` positional parameters.
    pub defaults: Box<[Value]>,
    pub kwdefaults: Box<[(Symbol, Value)]>,
    pub closure: Box<[Rc<CellObj>]>,
}

/// Positional and keyword arguments as a built-in sees them.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kw: &'a [(Symbol, Value)],
}

impl<'a> Args<'a> {
    pub fn positional(pos: &'a [Value]) -> Args<'a> {
        Args { pos, kw: &[] }
    }

    pub fn kwarg(&self, name: Symbol) -> Option<&'a Value> {
        self.kw.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// The keyword argument called `name`. Costs nothing when there are no keyword
    /// arguments (the common call), and never interns: a name nobody interned was not
    /// passed.
    pub fn kwarg_named(&self, name: &str) -> Option<&'a Value> {
        if self.kw.is_empty() {
            return None;
        }
        self.kwarg(Symbol::lookup(name)?)
    }
}

pub type NativeFn = fn(&mut Interp, Args) -> PyResult<Value>;

/// A function implemented in Rust: a builtin (`len`) or a method of a built-in type
/// (`list.append`, which receives the list as its first positional argument).
pub struct NativeFunction {
    pub name: &'static str,
    pub call: NativeFn,
    /// A method of a built-in type (`list.append`): binds to the instance it is looked up
    /// on. A plain builtin (`len`) stored as a class attribute does not bind.
    pub is_method: bool,
    /// Python-style signature shown in diagnostics, e.g. `len(obj, /)`.
    pub signature: &'static str,
}

impl NativeFunction {
    /// The name without its type: `append` for `list.append`.
    pub fn short_name(&self) -> &'static str {
        // A byte search: `str::rsplit` with a char pattern costs a few hundred
        // instructions a name, and start-up names every built-in method once.
        match self.name.bytes().rposition(|b| b == b'.') {
            Some(dot) => &self.name[dot + 1..],
            None => self.name,
        }
    }
}

impl std::fmt::Debug for NativeFunction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

/// `obj.method` taken as a value: the receiver and the function it will get as `self`.
pub struct BoundMethod {
    pub receiver: Value,
    pub func: Value,
}
