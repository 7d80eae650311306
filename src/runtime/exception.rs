//! Exceptions as values: the built-in hierarchy, the raised-exception handle `Exc`, and
//! the traceback it collects while unwinding.
//!
//! Owns: `ExcKind` (built-in exception classes and their parents), `ExcData` (args,
//! `__cause__`, `__context__`, traceback, hint) and `Exc`, the error type of every fallible
//! operation (`PyResult`). There is one way to make an error: `Exc::new(kind, message)`
//! for built-ins, `Exc::from_value` for a raised instance.
//! Must not touch: rendering (that is `diagnostics.rs`), matching `except` clauses
//! (that is `interp/`).

use super::class::{Class, Instance, Payload};
use super::hint::Hint;
use super::types::types;
use super::value::Value;
use crate::lower::ir::Code;
use crate::syntax::span::Span;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub type PyResult<T> = Result<T, Exc>;

macro_rules! exc_kinds {
    ($($kind:ident : $parent:ident,)*) => {
        /// The built-in exception classes, parents before children.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ExcKind { BaseException, $($kind,)* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $(ExcKind::$kind,)*];

            pub fn name(self) -> &'static str {
                match self {
                    ExcKind::BaseException => "BaseException",
                    $(ExcKind::$kind => stringify!($kind),)*
                }
            }

            pub fn parent(self) -> Option<ExcKind> {
                match self {
                    ExcKind::BaseException => None,
                    $(ExcKind::$kind => Some(ExcKind::$parent),)*
                }
            }
        }
    };
}

exc_kinds! {
    Exception: BaseException,
    GeneratorExit: BaseException,
    KeyboardInterrupt: BaseException,
    SystemExit: BaseException,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    FileNotFoundError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopAsyncIteration: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
}

/// One line of a traceback: the code that was running and the span that failed in it.
#[derive(Clone)]
pub struct TraceEntry {
    pub code: Rc<Code>,
    pub span: Span,
}

/// What an exception instance carries beyond ordinary attributes.
pub struct ExcData {
    /// Always a tuple.
    pub args: RefCell<Value>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
    /// Innermost frame first; rendered reversed ("most recent call last").
    pub traceback: RefCell<Vec<TraceEntry>>,
    /// The innermost span that failed in the frame currently unwinding, not yet pushed.
    pub pending_span: Cell<Option<Span>>,
    /// What the raising code knew about the likely mistake (see `hint.rs`).
    pub hint: RefCell<Option<Hint>>,
}

impl ExcData {
    pub fn new(args: Value) -> ExcData {
        ExcData {
            args: RefCell::new(args),
            cause: RefCell::new(Value::None),
            context: RefCell::new(Value::None),
            suppress_context: Cell::new(false),
            traceback: RefCell::new(Vec::new()),
            pending_span: Cell::new(None),
            hint: RefCell::new(None),
        }
    }
}

/// A raised exception: a handle on an instance of a `BaseException` subclass.
#[derive(Clone)]
pub struct Exc(Rc<Instance>);

impl Exc {
    /// A built-in exception with one message argument (`TypeError('…')`).
    pub fn new(kind: ExcKind, message: impl Into<String>) -> Exc {
        Exc::instantiate(
            types().exception(kind).clone(),
            vec![Value::string(message.into())],
        )
    }

    /// A built-in exception with no arguments (a bare `StopIteration`).
    pub fn bare(kind: ExcKind) -> Exc {
        Exc::instantiate(types().exception(kind).clone(), Vec::new())
    }

    /// An instance of an exception class with the given args; `__init__` is not run.
    pub fn instantiate(class: Rc<Class>, args: Vec<Value>) -> Exc {
        Exc(Rc::new(Instance {
            class,
            attrs: RefCell::new(Default::default()),
            payload: Payload::Exception(Box::new(ExcData::new(Value::tuple(args)))),
        }))
    }

    /// The handle on an already-made exception instance; `None` if it is not one.
    pub fn from_value(v: &Value) -> Option<Exc> {
        match v {
            Value::Instance(i) if i.exc_data().is_some() => Some(Exc(i.clone())),
            _ => None,
        }
    }

    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }

    pub fn instance(&self) -> &Rc<Instance> {
        &self.0
    }

    pub fn class(&self) -> &Rc<Class> {
        &self.0.class
    }

    pub fn data(&self) -> &ExcData {
        self.0
            .exc_data()
            .expect("Exc always wraps an exception instance")
    }

    /// `isinstance(self, kind)`.
    pub fn is(&self, kind: ExcKind) -> bool {
        self.0.class.is_subclass_of(types().exception(kind))
    }

    pub fn ptr_eq(&self, other: &Exc) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    pub fn args(&self) -> Value {
        self.data().args.borrow().clone()
    }

    /// Records where the exception happened in the frame now unwinding; the innermost
    /// span wins (later, outer calls do nothing until the frame is left).
    #[inline]
    pub fn locate(self, span: Span) -> Exc {
        let data = self.data();
        if data.pending_span.get().is_none() {
            data.pending_span.set(Some(span));
        }
        self
    }

    /// The exception leaves a frame running `code`: push a traceback entry.
    pub fn leave_frame(&self, code: &Rc<Code>, fallback: Span) {
        let data = self.data();
        let span = data.pending_span.take().unwrap_or(fallback);
        data.traceback.borrow_mut().push(TraceEntry {
            code: code.clone(),
            span,
        });
    }

    /// Attaches what the raising code knew about the mistake (error paths only).
    pub fn with_hint(self, hint: Hint) -> Exc {
        *self.data().hint.borrow_mut() = Some(hint);
        self
    }

    /// Attaches a finished help line.
    pub fn with_help(self, help: impl Into<String>) -> Exc {
        self.with_hint(Hint::Help(help.into()))
    }

    pub fn hint(&self) -> Option<Hint> {
        self.data().hint.borrow().clone()
    }
}

impl std::fmt::Debug for Exc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} {:?}>", self.class().name, self.args())
    }
}

/// Shorthands for the errors raised most often.
pub fn type_error<T>(message: impl Into<String>) -> PyResult<T> {
    Err(Exc::new(ExcKind::TypeError, message))
}

pub fn value_error<T>(message: impl Into<String>) -> PyResult<T> {
    Err(Exc::new(ExcKind::ValueError, message))
}

pub fn index_error<T>(message: impl Into<String>) -> PyResult<T> {
    Err(Exc::new(ExcKind::IndexError, message))
}

pub fn runtime_error<T>(message: impl Into<String>) -> PyResult<T> {
    Err(Exc::new(ExcKind::RuntimeError, message))
}
