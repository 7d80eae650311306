//! `Value`: what a Python expression evaluates to.
//!
//! Owns: the `Value` enum (inline `None`/bool/int/float, heap objects behind `Rc`, a
//! str behind `PyStr`, its own one-allocation handle),
//! identity, cheap constructors, the type name used in error messages, and moving a
//! value into memory as two words (`write_value`, `PushValue`).
//! Must not touch: operator semantics (see `interp/operators.rs`), method tables
//! (see the per-type files), or anything that runs Python code.

use super::class::{Class, Instance};
use super::dict::{Dict, DictView};
use super::function::{BoundMethod, CellObj, Function, NativeFunction};
use super::iterators::BuiltinIter;
use super::list::List;
use super::module::Module;
use super::range::{Range, Slice};
use super::set::Set;
use super::str::PyStr;
use super::tuple::Tuple;
use crate::interp::generator::Generator;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::rc::Rc;

/// A Python value. 16 bytes: a tag and either an inline scalar or one `Rc`.
///
/// The variants that own nothing come first, so that `owns_nothing` is one comparison
/// of the tag; `Clone` and `discard` answer those inline (the compiler's clone and drop
/// of the whole enum are out-of-line calls).
///
/// The tag is a full word (`repr(u64)`) so that every payload sits in the second word:
/// a moved value is then two aligned word copies. With a one-byte tag the compiler
/// copied bytes 1..16 in odd overlapping pieces, and reading a value back as different
/// pieces than it was written stalled store-to-load forwarding on every `return`/`yield`
/// hand-over (see docs/performance.md). `Option<Value>` and `PyResult<Value>` still fit
/// in 16 bytes, in the tag's unused values.
#[repr(u64)]
pub enum Value {
    /// An unbound slot. Never visible to Python code: reading one raises
    /// `UnboundLocalError`/`NameError`.
    Undef,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// Every int that fits in 64 bits is here; `BigInt` holds only values that do not.
    Int(i64),
    Float(f64),
    Native(&'static NativeFunction),
    BigInt(Rc<BigInt>),
    Str(PyStr),
    List(Rc<List>),
    Tuple(Rc<Tuple>),
    Dict(Rc<Dict>),
    /// `set` and `frozenset`.
    Set(Rc<Set>),
    Range(Rc<Range>),
    Slice(Rc<Slice>),
    Function(Rc<Function>),
    BoundMethod(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    /// Built-in iterators: `list_iterator`, `range_iterator`, `zip`, `map` …
    Iter(Rc<BuiltinIter>),
    /// `dict.keys()`, `.values()`, `.items()`: live views.
    DictView(Rc<DictView>),
    Generator(Rc<Generator>),
    Module(Rc<Module>),
    /// A variable shared between scopes; lives only in frame slots.
    Cell(Rc<CellObj>),
}

impl Clone for Value {
    /// Counts the new reference (out of line, for the variants that own one), then
    /// copies the two words as one 16-byte move. Built variant by variant, the copy was
    /// stored as two 8-byte halves that the caller read back as one 16-byte load, and on
    /// the benchmark machine a load spanning two stores waits for both (about 15 cycles;
    /// a third of `eval_join_str`'s time in string_build, see docs/performance.md).
    #[inline(always)]
    fn clone(&self) -> Value {
        if !self.owns_nothing() {
            self.count_new_reference();
        }
        // SAFETY: `self` stays valid; the copy is the reference `count_new_reference`
        // just counted (for an `Rc` variant) or a plain scalar, so the copy owns exactly
        // what `Rc::clone` would have given it, and dropping it later is balanced.
        unsafe { std::ptr::read(self) }
    }
}

impl Value {
    /// Raises the reference count that a copy of `self` will own (`clone`'s half that
    /// is not a bitwise copy).
    #[inline(never)]
    fn count_new_reference(&self) {
        use std::mem::forget;
        use Value::*;
        match self {
            Undef | None | NotImplemented | Ellipsis | Bool(_) | Int(_) | Float(_) | Native(_) => {}
            BigInt(r) => forget(r.clone()),
            Str(r) => forget(r.clone()),
            List(r) => forget(r.clone()),
            Tuple(r) => forget(r.clone()),
            Dict(r) => forget(r.clone()),
            Set(r) => forget(r.clone()),
            Range(r) => forget(r.clone()),
            Slice(r) => forget(r.clone()),
            Function(r) => forget(r.clone()),
            BoundMethod(r) => forget(r.clone()),
            Class(r) => forget(r.clone()),
            Instance(r) => forget(r.clone()),
            Iter(r) => forget(r.clone()),
            DictView(r) => forget(r.clone()),
            Generator(r) => forget(r.clone()),
            Module(r) => forget(r.clone()),
            Cell(r) => forget(r.clone()),
        }
    }

    /// Holds no reference: dropping it does nothing.
    #[inline(always)]
    pub fn owns_nothing(&self) -> bool {
        matches!(
            self,
            Value::Undef
                | Value::None
                | Value::NotImplemented
                | Value::Ellipsis
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Native(_)
        )
    }

    /// `*self = v`, dropping the old value with no call when it holds no reference.
    /// `v` is written as two words (`write_value`).
    #[inline(always)]
    pub fn store(&mut self, v: Value) {
        // SAFETY: `old` takes ownership of what the slot held before it is overwritten.
        unsafe {
            let old = std::ptr::read(self);
            write_value(self, v);
            old.discard();
        }
    }

    /// Drops the value, with no call when it holds no reference. For hot paths, where
    /// most values are ints.
    #[inline(always)]
    pub fn discard(self) {
        if self.owns_nothing() {
            std::mem::forget(self);
        } else {
            drop(self);
        }
    }
}

/// Moves `v` into `*dst` as two words, without dropping what `*dst` held.
///
/// A value just returned in two registers was otherwise spilled to the stack as two
/// 8-byte stores and copied on as one 16-byte load, which stalls on store forwarding
/// (in string_build a quarter of `exec_block`'s time, in list_comp's appends the same;
/// docs/performance.md).
///
/// # Safety
/// `dst` must be valid for writing a `Value`.
#[inline(always)]
pub unsafe fn write_value(dst: *mut Value, v: Value) {
    use std::mem::MaybeUninit;
    // `Value` is two words (asserted in the tests below); they are copied as
    // `MaybeUninit`, so padding bytes are never read as integers.
    let words: [MaybeUninit<u64>; 2] = std::mem::transmute(v);
    let dst = dst as *mut MaybeUninit<u64>;
    dst.write(words[0]);
    dst.add(1).write(words[1]);
}

/// Moves the value out of `*src` as two words, leaving `*src` to be overwritten
/// (`write_value`'s reading half). The reads are volatile only so that LLVM keeps them
/// two: merged into one 16-byte load, they wait for both halves of a `write_value`.
///
/// # Safety
/// `src` must hold a valid `Value`, which the caller then owns.
#[inline(always)]
pub unsafe fn read_value(src: *const Value) -> Value {
    use std::mem::MaybeUninit;
    let src = src as *const MaybeUninit<u64>;
    let words: [MaybeUninit<u64>; 2] = [src.read_volatile(), src.add(1).read_volatile()];
    std::mem::transmute(words)
}

/// `push` for vectors of values, writing the value with `write_value`.
pub trait PushValue {
    fn push_value(&mut self, v: Value);
}

/// The same `push_value` for `Vec` and `SmallVec`, which share the methods it needs.
macro_rules! push_value_by_words {
    ($($impl_head:tt)*) => {
        $($impl_head)* {
            #[inline(always)]
            fn push_value(&mut self, v: Value) {
                self.reserve(1);
                // SAFETY: `reserve` made room for one more; it is written before the
                // length counts it.
                unsafe {
                    write_value(self.as_mut_ptr().add(self.len()), v);
                    self.set_len(self.len() + 1);
                }
            }
        }
    };
}

push_value_by_words!(impl PushValue for Vec<Value>);
push_value_by_words!(impl<A: smallvec::Array<Item = Value>> PushValue for smallvec::SmallVec<A>);

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(PyStr::new(s))
    }

    /// A string cut from another: see `PyStr::piece`.
    #[inline]
    pub fn str_piece(s: &str) -> Value {
        Value::Str(PyStr::piece(s))
    }

    pub fn string(s: String) -> Value {
        Value::Str(PyStr::from_string(s))
    }

    /// An int from a big integer, normalised to `Int` when it fits in 64 bits.
    pub fn from_bigint(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(Tuple::new(items)))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(List::new(items)))
    }

    /// The int in a `Value::Int`.
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn is_undef(&self) -> bool {
        matches!(self, Value::Undef)
    }

    /// Python's `is`.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Undef, Undef) | (None, None) | (NotImplemented, NotImplemented) => true,
            (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are shared objects in CPython; equal i64s behave as identical.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Str(a), Str(b)) => PyStr::ptr_eq(a, b),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Native(a), Native(b)) => std::ptr::eq(*a, *b),
            (BoundMethod(a), BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (DictView(a), DictView(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable identity number for `id()` and default hashes.
    pub fn identity(&self) -> usize {
        use Value::*;
        fn p<T: ?Sized>(r: &Rc<T>) -> usize {
            Rc::as_ptr(r) as *const u8 as usize
        }
        match self {
            Undef => 0,
            None => 0x1000,
            NotImplemented => 0x1010,
            Ellipsis => 0x1020,
            Bool(b) => 0x1030 + *b as usize * 16,
            Int(i) => 0x2000_0000usize.wrapping_add((*i as usize).wrapping_mul(32)),
            Float(f) => f.to_bits() as usize,
            BigInt(r) => p(r),
            Str(r) => r.address(),
            List(r) => p(r),
            Tuple(r) => p(r),
            Dict(r) => p(r),
            Set(r) => p(r),
            Range(r) => p(r),
            Slice(r) => p(r),
            Function(r) => p(r),
            Native(r) => *r as *const NativeFunction as usize,
            BoundMethod(r) => p(r),
            Class(r) => p(r),
            Instance(r) => p(r),
            Iter(r) => p(r),
            DictView(r) => p(r),
            Generator(r) => p(r),
            Module(r) => p(r),
            Cell(r) => p(r),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The Python type name used in messages: `'list' object is not an iterator`.
    pub fn type_name(&self) -> String {
        match self {
            Value::Instance(i) => i.class.name.to_string(),
            Value::Iter(it) => it.type_name().to_string(),
            Value::DictView(v) => v.type_name().to_string(),
            Value::Set(s) if s.frozen => "frozenset".to_string(),
            _ => self.builtin_type_name().to_string(),
        }
    }

    fn builtin_type_name(&self) -> &'static str {
        use Value::*;
        match self {
            Undef => "<unbound>",
            None => "NoneType",
            NotImplemented => "NotImplementedType",
            Ellipsis => "ellipsis",
            Bool(_) => "bool",
            Int(_) | BigInt(_) => "int",
            Float(_) => "float",
            Str(_) => "str",
            List(_) => "list",
            Tuple(_) => "tuple",
            Dict(_) => "dict",
            Set(_) => "set",
            Range(_) => "range",
            Slice(_) => "slice",
            Function(_) => "function",
            Native(_) => "builtin_function_or_method",
            BoundMethod(m) => {
                if matches!(m.func, Value::Native(_)) {
                    "builtin_function_or_method"
                } else {
                    "method"
                }
            }
            Class(_) => "type",
            Instance(_) => "object",
            Iter(_) => "iterator",
            DictView(_) => "dict_keys",
            Generator(_) => "generator",
            Module(_) => "module",
            Cell(_) => "cell",
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Value {
        Value::Int(i as i64)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Undef => write!(f, "<undef>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(b) => write!(f, "{b}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            other => write!(f, "<{} object>", other.type_name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
        assert_eq!(
            std::mem::size_of::<crate::runtime::exception::PyResult<Value>>(),
            16
        );
    }

    #[test]
    fn bigints_normalise_to_small_ints() {
        assert!(matches!(Value::from_bigint(BigInt::from(5)), Value::Int(5)));
        let big = BigInt::from(i64::MAX) + 1;
        assert!(matches!(Value::from_bigint(big), Value::BigInt(_)));
    }
}
