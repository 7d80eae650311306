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

pub mod unicode;
