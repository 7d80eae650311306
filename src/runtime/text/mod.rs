//! Python's `str` operations as plain Rust functions over `&str`, for the interpreter to
//! wrap as methods.
//!
//! Owns: the semantics of every `str` method (results and CPython's error messages),
//! `repr`/`ascii` of a string, the `str.format` template language, and the Unicode data
//! they need (CPython 3.11's, Unicode 14.0.0).
//! Must not touch: `Value`s (`str.format` is generic over the caller's value type),
//! argument parsing and type checks (the caller converts Python arguments to Rust ones),
//! or the string object's layout (`runtime/str.rs`).
//!
//! Conventions, the same in every file:
//! - indices and lengths are in code points, as in Python; ASCII text takes a fast path;
//! - `start`/`end` are `Option<i64>` with Python's slice clamping (negative counts from
//!   the end; `None` is an omitted argument or `None`);
//! - counts that Python lets be negative (`maxsplit`, `replace`'s `count`, widths) are
//!   `i64` with Python's meaning;
//! - where Python raises, the function returns `PyResult`; where Python returns -1 for
//!   "not found", it returns `Option`.

mod bounds;
pub mod case;
pub mod classify;
pub mod concat;
mod format_markup;
pub mod format_template;
pub mod pad;
pub mod replace;
pub mod repr;
pub mod search;
mod size_limit;
pub mod split;
pub mod strip;
pub mod unicode;

pub use case::{capitalize, casefold, lower, swapcase, title, upper};
pub use classify::{
    isalnum, isalpha, isascii, isdecimal, isdigit, isidentifier, islower, isnumeric, isprintable,
    isspace, istitle, isupper,
};
pub use concat::{join, repeat};
pub use format_template::{format_template, Conversion, FieldKey, FormatArgs};
pub use pad::{center, expandtabs, ljust, rjust, zfill};
pub use replace::translation_type_error;
pub use replace::{maketrans, replace, translate, translation_char, Translation};
pub use repr::{ascii_str, repr_str};
pub use search::{count, endswith, find, index, rfind, rindex, startswith};
pub use size_limit::TextBuffer;
pub use size_limit::MAX_TEXT_BYTES;
pub use split::{partition, rpartition, rsplit, split, splitlines};
pub use strip::{lstrip, removeprefix, removesuffix, rstrip, strip};

/// An error as the last line of a Python traceback shows it (`ValueError: empty
/// separator`), so tests can compare with what python3 prints.
#[cfg(test)]
pub(crate) fn error_line(e: &crate::runtime::exception::Exc) -> String {
    use crate::runtime::value::Value;
    let message = match e.args() {
        Value::Tuple(t) => t
            .as_slice()
            .first()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        _ => String::new(),
    };
    if message.is_empty() {
        e.class().name.to_string()
    } else {
        format!("{}: {}", e.class().name, message)
    }
}

#[cfg(test)]
mod oracle_tests;

/// Escapes every non-ASCII character of an already-made repr (`ascii(obj)` is
/// `repr(obj)` passed through this).
pub fn escape_non_ascii(repr: &str) -> String {
    repr::escape_non_ascii(repr)
}
