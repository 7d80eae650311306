//! The exceptions numbers raise, with CPython 3.11's exact messages.
//!
//! Owns: every error message of `runtime/num/` that is shared by more than one file, and
//! the bound on integer size (`MAX_INT_BITS`) and on formatted text (`MAX_TEXT_LEN`).
//! Must not touch: deciding *when* to raise (the operator files do that).

use crate::runtime::exception::{Exc, ExcKind};
use crate::runtime::types::types;
use crate::runtime::value::Value;

/// The largest int iterp builds, in bits (2**28 bits = 32 MiB, about 80 million decimal
/// digits). CPython has no such bound: it tries, runs for minutes, and may raise
/// `MemoryError`. iterp raises `MemoryError` at once for results past this bound
/// (`2 ** 10**10`, `1 << 2**40`, a product of two 20-million-digit ints).
pub const MAX_INT_BITS: u64 = 1 << 28;

/// The longest text a format operation builds (width, precision or digits), in characters.
/// Past it, `MemoryError` (CPython would try to allocate gigabytes).
pub const MAX_TEXT_LEN: usize = 1 << 27;

pub fn zero_division(message: &str) -> Exc {
    Exc::new(ExcKind::ZeroDivisionError, message)
}

pub fn overflow(message: &str) -> Exc {
    Exc::new(ExcKind::OverflowError, message)
}

pub fn value_error(message: &str) -> Exc {
    Exc::new(ExcKind::ValueError, message)
}

pub fn type_error(message: impl Into<String>) -> Exc {
    Exc::new(ExcKind::TypeError, message)
}

/// A bare `MemoryError()`, as CPython raises when an allocation fails.
pub fn memory_error() -> Exc {
    Exc::bare(ExcKind::MemoryError)
}

/// `OverflowError: (34, 'Numerical result out of range')`: CPython raises it from errno
/// (ERANGE) when a float power overflows, so its args are a pair, not a message.
pub fn float_range_error() -> Exc {
    Exc::instantiate(
        types().exception(ExcKind::OverflowError).clone(),
        vec![Value::Int(34), Value::str("Numerical result out of range")],
    )
}

pub fn int_too_large_for_float() -> Exc {
    overflow("int too large to convert to float")
}

/// `x ** y` with x < 0 and y not an integer: CPython returns a complex number.
pub fn no_complex() -> Exc {
    value_error(
        "iterp has no complex numbers: a negative number raised to a fractional power is complex",
    )
}

/// An int that would need more than `MAX_INT_BITS` bits.
pub fn check_int_bits(bits: u64) -> Result<(), Exc> {
    if bits > MAX_INT_BITS {
        Err(memory_error())
    } else {
        Ok(())
    }
}

/// Text that would be longer than `MAX_TEXT_LEN` characters.
pub fn check_text_len(len: usize) -> Result<(), Exc> {
    if len > MAX_TEXT_LEN {
        Err(memory_error())
    } else {
        Ok(())
    }
}

#[cfg(test)]
pub mod testing {
    //! Reading an exception back in tests: its class name and its args as text.

    use crate::runtime::exception::{Exc, PyResult};
    use crate::runtime::value::Value;

    /// `("ValueError", "message")`; a non-string or multiple args render like a tuple repr.
    pub fn describe(e: &Exc) -> (String, String) {
        let args = e.args();
        let items: Vec<String> = match &args {
            Value::Tuple(t) => t
                .as_slice()
                .iter()
                .map(|v| match v {
                    Value::Str(s) => s.as_str().to_string(),
                    other => format!("{other:?}"),
                })
                .collect(),
            _ => Vec::new(),
        };
        (e.class().name.to_string(), items.join(", "))
    }

    /// The error of a result that must have failed: `("ZeroDivisionError", "division by zero")`.
    pub fn error_of<T: std::fmt::Debug>(r: PyResult<T>) -> (String, String) {
        match r {
            Ok(v) => panic!("expected an error, got {v:?}"),
            Err(e) => describe(&e),
        }
    }
}
