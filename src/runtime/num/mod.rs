//! Numbers with CPython 3.11's semantics: arithmetic, exact comparison, hashing, text
//! conversions both ways, the format-spec mini-language and `%`-formatting.
//!
//! Owns: everything a bool, int or float does that needs no interpreter. The public
//! functions below are the interface; each returns `None` where CPython would go on to
//! try another type's methods (a non-number operand), so the interpreter can then try
//! `__add__`/`__radd__` and raise its own TypeError.
//! Must not touch: calling Python code (the interpreter does that, see `PrintfHost`),
//! strings' own methods, dict/set tables.
//!
//! Deviations from CPython, all deliberate and listed in `errors.rs` and at each site:
//! ints past `MAX_INT_BITS` and texts past `MAX_TEXT_LEN` raise `MemoryError` at once;
//! a negative number to a fractional power raises ValueError (no complex numbers);
//! NaN hashes to 0; `%c`/`format(i, 'c')` of a surrogate raises ValueError (strings
//! are UTF-8); the str hash is deterministic.

mod arith;
mod c_math;
mod compare;
mod convert;
mod errors;
mod float_ops;
mod float_text;
mod format_number;
mod format_spec;
mod hash;
mod int_ops;
mod int_pow;
mod int_text;
mod operand;
mod parse;
mod printf;
mod round;
mod unicode;

#[cfg(test)]
mod testdata;

pub use arith::{abs, binary, divmod, unary};
pub use compare::{compare, num_order};
pub use convert::{float_to_int, int_to_f64, int_true_div, to_f64};
pub use errors::{MAX_INT_BITS, MAX_TEXT_LEN};
pub use float_ops::{float_as_integer_ratio, float_hex, float_is_integer};
pub use float_text::{float_repr, format_float, FloatFlags, FloatStyle};
pub use format_number::format_number;
pub use format_spec::format_str;
pub use hash::{hash_bigint, hash_float, hash_int, hash_number, hash_str, hash_tuple};
pub use int_ops::{accumulate_in_place, int_bit_count};
pub use int_pow::pow_mod;
pub use int_text::{
    decimal_len, decimal_str, int_to_decimal, int_to_radix, push_decimal, small_int_to_decimal,
    MAX_STR_DIGITS,
};
pub use operand::{IntRef, Num};
pub use parse::{parse_float, parse_int};
pub use printf::{printf_format, PrintfHost};
pub use round::round;
