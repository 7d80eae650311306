//! Interned names: attribute names, identifiers, keyword-argument names.
//!
//! Owns: `Symbol`, the per-thread interner, and the well-known symbols (`__init__`,
//! `__next__` …) as constants so hot paths compare `u32`s, never strings.
//! Must not touch: values or objects. Interned text is leaked on purpose: the set of
//! names a program uses is small and lives as long as the program.

use hashbrown::HashMap;
use std::cell::RefCell;
use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(pub u32);

struct Interner {
    names: Vec<&'static str>,
    index: HashMap<&'static str, u32>,
}

impl Interner {
    fn new() -> Interner {
        let mut interner = Interner {
            names: Vec::with_capacity(512),
            index: HashMap::with_capacity(512),
        };
        for name in WELL_KNOWN {
            interner.intern_static(name);
        }
        interner
    }

    fn intern(&mut self, name: &str) -> Symbol {
        if let Some(&id) = self.index.get(name) {
            return Symbol(id);
        }
        self.add(Box::leak(name.to_owned().into_boxed_str()))
    }

    fn intern_static(&mut self, name: &'static str) -> Symbol {
        match self.index.get(name) {
            Some(&id) => Symbol(id),
            None => self.add(name),
        }
    }

    fn add(&mut self, name: &'static str) -> Symbol {
        let id = self.names.len() as u32;
        self.names.push(name);
        self.index.insert(name, id);
        Symbol(id)
    }
}

thread_local! {
    // Leaked like the text it holds: a thread-local with a destructor costs every run
    // a `__cxa_thread_atexit_impl` registration, which starts glibc's malloc (the
    // allocator iterp does not otherwise use) for one record.
    static INTERNER: &'static RefCell<Interner> = Box::leak(Box::new(RefCell::new(Interner::new())));
}

impl Symbol {
    pub fn intern(name: &str) -> Symbol {
        INTERNER.with(|i| i.borrow_mut().intern(name))
    }

    /// `intern` for text that lives as long as the program, which is then not copied:
    /// start-up names several hundred built-ins and methods this way.
    pub fn intern_static(name: &'static str) -> Symbol {
        INTERNER.with(|i| i.borrow_mut().intern_static(name))
    }

    /// The symbol's text, if it was already interned (no allocation otherwise).
    pub fn lookup(name: &str) -> Option<Symbol> {
        INTERNER.with(|i| i.borrow().index.get(name).map(|&id| Symbol(id)))
    }

    pub fn as_str(self) -> &'static str {
        INTERNER.with(|i| i.borrow().names[self.0 as usize])
    }

    /// `__name__`-style names.
    pub fn is_dunder(self) -> bool {
        let s = self.as_str();
        s.len() > 4 && s.starts_with("__") && s.ends_with("__")
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.as_str())
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! well_known {
    ($($konst:ident = $text:expr,)*) => {
        const WELL_KNOWN: &[&str] = &[$($text,)*];
        /// Symbols interned first, in this order, so they are compile-time constants.
        pub mod sym {
            use super::Symbol;
            well_known!(@consts 0u32; $($konst,)*);
        }
    };
    (@consts $n:expr; $konst:ident, $($rest:ident,)*) => {
        pub const $konst: Symbol = Symbol($n);
        well_known!(@consts $n + 1u32; $($rest,)*);
    };
    (@consts $n:expr;) => {};
}

well_known! {
    INIT = "__init__",
    NEW = "__new__",
    ITER = "__iter__",
    NEXT = "__next__",
    REPR = "__repr__",
    STR = "__str__",
    LEN = "__len__",
    JOIN = "join",
    GETITEM = "__getitem__",
    SETITEM = "__setitem__",
    DELITEM = "__delitem__",
    CONTAINS = "__contains__",
    CALL = "__call__",
    ENTER = "__enter__",
    EXIT = "__exit__",
    EQ = "__eq__",
    NE = "__ne__",
    LT = "__lt__",
    LE = "__le__",
    GT = "__gt__",
    GE = "__ge__",
    HASH = "__hash__",
    BOOL = "__bool__",
    ADD = "__add__",
    SUB = "__sub__",
    MUL = "__mul__",
    MATMUL = "__matmul__",
    TRUEDIV = "__truediv__",
    FLOORDIV = "__floordiv__",
    MOD = "__mod__",
    POW = "__pow__",
    LSHIFT = "__lshift__",
    RSHIFT = "__rshift__",
    AND = "__and__",
    OR = "__or__",
    XOR = "__xor__",
    RADD = "__radd__",
    RSUB = "__rsub__",
    RMUL = "__rmul__",
    RMATMUL = "__rmatmul__",
    RTRUEDIV = "__rtruediv__",
    RFLOORDIV = "__rfloordiv__",
    RMOD = "__rmod__",
    RPOW = "__rpow__",
    RLSHIFT = "__rlshift__",
    RRSHIFT = "__rrshift__",
    RAND = "__rand__",
    ROR = "__ror__",
    RXOR = "__rxor__",
    IADD = "__iadd__",
    ISUB = "__isub__",
    IMUL = "__imul__",
    IMATMUL = "__imatmul__",
    ITRUEDIV = "__itruediv__",
    IFLOORDIV = "__ifloordiv__",
    IMOD = "__imod__",
    IPOW = "__ipow__",
    ILSHIFT = "__ilshift__",
    IRSHIFT = "__irshift__",
    IAND = "__iand__",
    IOR = "__ior__",
    IXOR = "__ixor__",
    NEG = "__neg__",
    POS = "__pos__",
    INVERT = "__invert__",
    ABS = "__abs__",
    INT = "__int__",
    FLOAT = "__float__",
    INDEX = "__index__",
    REVERSED = "__reversed__",
    GETATTR = "__getattr__",
    GETATTRIBUTE = "__getattribute__",
    SETATTR = "__setattr__",
    DELATTR = "__delattr__",
    GET = "__get__",
    SET = "__set__",
    FORMAT = "__format__",
    CLASS = "__class__",
    DICT = "__dict__",
    NAME = "__name__",
    QUALNAME = "__qualname__",
    MODULE = "__module__",
    DOC = "__doc__",
    BASES = "__bases__",
    MRO = "__mro__",
    SLOTS = "__slots__",
    CAUSE = "__cause__",
    CONTEXT = "__context__",
    SUPPRESS_CONTEXT = "__suppress_context__",
    TRACEBACK = "__traceback__",
    INIT_SUBCLASS = "__init_subclass__",
    SET_NAME = "__set_name__",
    MISSING = "__missing__",
    ARGS = "args",
    VALUE = "value",
    SEND = "send",
    THROW = "throw",
    CLOSE = "close",
    SELF = "self",
    KEYS = "keys",
    ITEMS = "items",
    VALUES = "values",
    SEP = "sep",
    END = "end",
    KEY = "key",
    DEFAULT = "default",
    REVERSE = "reverse",
    START = "start",
    STRICT = "strict",
    FILE = "file",
    FLUSH = "flush",
    MAIN = "__main__",
    MODULE_CODE = "<module>",
    LAMBDA = "<lambda>",
    LISTCOMP = "<listcomp>",
    SETCOMP = "<setcomp>",
    DICTCOMP = "<dictcomp>",
    GENEXPR = "<genexpr>",
    SUPER = "super",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_symbols_are_constants() {
        assert_eq!(Symbol::intern("__init__"), sym::INIT);
        assert_eq!(sym::NEXT.as_str(), "__next__");
        assert_eq!(Symbol::intern("super"), sym::SUPER);
    }

    #[test]
    fn interning_is_idempotent() {
        let a = Symbol::intern("spam");
        assert_eq!(a, Symbol::intern("spam"));
        assert_eq!(Symbol::lookup("spam"), Some(a));
        assert_eq!(a.as_str(), "spam");
    }
}
