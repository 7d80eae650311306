//! Ints as text: decimal, binary, octal and hex, with CPython 3.11's limit on decimal
//! conversions of huge ints.
//!
//! Owns: `str(i)`/`repr(i)` digits, `bin`/`oct`/`hex` digits and prefixes, and the
//! 4300-digit limit (`sys.get_int_max_str_digits()`, which iterp does not let programs
//! change) with its two messages.
//! Must not touch: parsing text into ints (see `parse.rs`), padding and grouping (see
//! `format_number.rs`).

use super::errors::value_error;
use super::operand::IntRef;
use crate::runtime::exception::{Exc, PyResult};

/// CPython 3.11's default `sys.get_int_max_str_digits()`: decimal conversions of ints
/// with more digits raise ValueError. Bases that are powers of two are not limited.
pub const MAX_STR_DIGITS: usize = 4300;

/// `str(huge)` past the limit.
pub fn too_many_digits_to_str() -> Exc {
    value_error(&format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `int(text)` with `digits` digits, past the limit.
pub fn too_many_digits_to_int(digits: usize) -> Exc {
    value_error(&format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// Appends the decimal digits of `i` (with a `-` when negative), without going through
/// `core::fmt` (its padding machinery is most of the cost of `str(i)` and `f"{i}"`).
/// Two digits at a time from a table, then one copy into `out`.
pub fn push_decimal(out: &mut String, i: i64) {
    out.push_str(decimal_str(i, &mut [0u8; 20]));
}

/// The decimal digits of `i`, written into the end of `digits` (i64::MIN is 19 digits
/// and a sign).
pub fn decimal_str(i: i64, digits: &mut [u8; 20]) -> &str {
    let mut at = digits.len();
    let mut n = i.unsigned_abs();
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    } else {
        at -= 1;
        digits[at] = b'0' + n as u8;
    }
    if i < 0 {
        at -= 1;
        digits[at] = b'-';
    }
    // SAFETY: only ASCII digits and '-' were written from `at` on (checking them again
    // was a tenth of an f-string field's cost).
    unsafe { std::str::from_utf8_unchecked(&digits[at..]) }
}

/// "00" to "99", one after another.
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// The length of `i`'s decimal digits and sign.
pub fn decimal_len(i: i64) -> usize {
    let digits = i
        .unsigned_abs()
        .checked_ilog10()
        .map_or(1, |d| d as usize + 1);
    digits + usize::from(i < 0)
}

/// `str(i)` of a 64-bit int (the standard library's `to_string` for integers sizes
/// its result exactly and skips `core::fmt`).
pub fn small_int_to_decimal(i: i64) -> String {
    i.to_string()
}

/// `str(i)`: ValueError when it has more than 4300 digits (the sign not counted).
pub fn int_to_decimal(i: IntRef) -> PyResult<String> {
    match i {
        IntRef::Small(i) => Ok(small_int_to_decimal(i)),
        IntRef::Big(b) => {
            // A number of n bits has more than (n - 1) * log10(2) digits: reject
            // hopeless cases before spending time on the conversion. (Truncating, not
            // adding one, keeps the estimate below the truth despite rounding.)
            let min_digits =
                (b.bits().saturating_sub(1) as f64 * std::f64::consts::LOG10_2) as usize;
            if min_digits > MAX_STR_DIGITS {
                return Err(too_many_digits_to_str());
            }
            let text = b.to_string();
            let digits = text.len() - usize::from(text.starts_with('-'));
            if digits > MAX_STR_DIGITS {
                return Err(too_many_digits_to_str());
            }
            Ok(text)
        }
    }
}

/// Digits of `i` in base 2, 8 or 16 (lower case), with `-` and, if `prefix`, `0b`/`0o`/`0x`:
/// `bin(-5) == '-0b101'`. Other radixes are written in base 16.
pub fn int_to_radix(i: IntRef, radix: u32, prefix: bool) -> String {
    let mut out = String::new();
    if i.is_negative() {
        out.push('-');
    }
    if prefix {
        out.push_str(match radix {
            2 => "0b",
            8 => "0o",
            _ => "0x",
        });
    }
    match i {
        IntRef::Small(i) => {
            let m = i.unsigned_abs();
            match radix {
                2 => out.push_str(&format!("{m:b}")),
                8 => out.push_str(&format!("{m:o}")),
                _ => out.push_str(&format!("{m:x}")),
            }
        }
        IntRef::Big(b) => {
            let radix = if matches!(radix, 2 | 8) { radix } else { 16 };
            out.push_str(&b.magnitude().to_str_radix(radix));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::errors::testing::error_of;
    use super::*;
    use num_bigint::BigInt;
    use num_traits::Pow;

    #[test]
    fn decimal_text() {
        for i in [
            0,
            7,
            -7,
            9,
            10,
            -10,
            99,
            100,
            1234567890,
            i64::MAX,
            i64::MIN + 1,
            i64::MIN,
        ] {
            assert_eq!(small_int_to_decimal(i), i.to_string());
            assert_eq!(decimal_len(i), i.to_string().len());
            let mut pushed = String::from("x");
            push_decimal(&mut pushed, i);
            assert_eq!(pushed, format!("x{i}"));
        }
        for i in -10_000..10_000 {
            let mut pushed = String::new();
            push_decimal(&mut pushed, i);
            assert_eq!(pushed, i.to_string());
        }
        assert_eq!(
            int_to_decimal(IntRef::Small(i64::MIN)).unwrap(),
            "-9223372036854775808"
        );
        let b = BigInt::from(2).pow(64u32);
        assert_eq!(
            int_to_decimal(IntRef::Big(&b)).unwrap(),
            "18446744073709551616"
        );
    }

    #[test]
    fn the_digit_limit_is_4300_digits_without_the_sign() {
        let ok = BigInt::from(10).pow(4300u32) - 1; // 4300 nines
        assert_eq!(int_to_decimal(IntRef::Big(&ok)).unwrap().len(), 4300);
        let neg = -ok.clone();
        assert_eq!(int_to_decimal(IntRef::Big(&neg)).unwrap().len(), 4301);
        let too_many = BigInt::from(10).pow(4300u32);
        assert_eq!(
            error_of(int_to_decimal(IntRef::Big(&too_many))).1,
            "Exceeds the limit (4300 digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        let huge = BigInt::from(1) << 100_000usize;
        assert!(int_to_decimal(IntRef::Big(&huge)).is_err());
        // Powers of two are not limited: hex(10**5000) works in CPython.
        let big = BigInt::from(10).pow(5000u32);
        assert!(int_to_radix(IntRef::Big(&big), 16, true).starts_with("0x31e"));
    }

    #[test]
    fn radix_text_matches_python() {
        assert_eq!(int_to_radix(IntRef::Small(-5), 2, true), "-0b101");
        assert_eq!(int_to_radix(IntRef::Small(255), 16, true), "0xff");
        assert_eq!(int_to_radix(IntRef::Small(8), 8, true), "0o10");
        assert_eq!(int_to_radix(IntRef::Small(0), 2, false), "0");
        assert_eq!(
            int_to_radix(IntRef::Small(i64::MIN), 16, true),
            "-0x8000000000000000"
        );
        let b = BigInt::from(10).pow(30u32);
        assert_eq!(
            int_to_radix(IntRef::Big(&b), 16, false),
            "c9f2c9cd04674edea40000000"
        );
    }
}
