//! Text to numbers: `int(text, base)` and `float(text)` with CPython's rules.
//!
//! Owns: accepted syntax (surrounding whitespace, a sign, single underscores between
//! digits, base prefixes, digits of any script, `inf`/`nan` in any case), the 4300-digit
//! limit on non-power-of-two bases, and the exact error messages.
//! Must not touch: number literals in source code (the lexer owns those and may call
//! `parse_int`), int to text (see `int_text.rs`).

use super::errors::value_error;
use super::int_text::{too_many_digits_to_int, MAX_STR_DIGITS};
use super::unicode::{decimal_value, is_ascii_space, is_non_ascii_space, quoted};
use crate::runtime::exception::{Exc, PyResult};
use crate::runtime::value::Value;
use num_bigint::{BigInt, BigUint, Sign};

/// The text as CPython sees it after `_PyUnicode_TransformDecimalAndSpaceToASCII`:
/// digits of any script become ASCII digits, non-ASCII spaces become `' '`, and any other
/// non-ASCII character becomes `'?'`, which no number contains.
fn to_ascii(text: &str) -> Vec<u8> {
    if text.is_ascii() {
        return text.as_bytes().to_vec();
    }
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if is_non_ascii_space(c) {
                b' '
            } else if let Some(d) = decimal_value(c) {
                b'0' + d as u8
            } else {
                b'?'
            }
        })
        .collect()
}

/// The value of an ASCII digit or letter (`'z'` is 35), or 99.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 99,
    }
}

/// `int(text, base)`: `base` is 0 (take it from the prefix, as source literals do) or
/// 2..=36.
pub fn parse_int(text: &str, base: i64) -> PyResult<Value> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        // `%.200R`: the repr, cut to 200 characters.
        let repr: String = quoted(text).chars().take(200).collect();
        value_error(&format!(
            "invalid literal for int() with base {base}: {repr}"
        ))
    };
    let s = to_ascii(text);
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut pos = 0;
    while is_ascii_space(at(pos)) {
        pos += 1;
    }
    let negative = at(pos) == b'-';
    if matches!(at(pos), b'+' | b'-') {
        pos += 1;
    }
    let mut radix = base as u32;
    let mut must_be_zero = false;
    if radix == 0 {
        radix = match (at(pos), at(pos + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                // An old-style octal literal like 010 is invalid, but 0, 00 and 0_0 are zero.
                must_be_zero = true;
                10
            }
            _ => 10,
        };
    }
    let marker = at(pos + 1).to_ascii_lowercase();
    if at(pos) == b'0'
        && ((radix == 16 && marker == b'x')
            || (radix == 8 && marker == b'o')
            || (radix == 2 && marker == b'b'))
    {
        pos += 2;
        if at(pos) == b'_' {
            pos += 1;
        }
    }
    if at(pos) == b'_' {
        return Err(invalid());
    }
    // The run of digits, with single underscores between them.
    let mut values: Vec<u8> = Vec::new();
    let mut previous = 0u8;
    while digit_value(at(pos)) < radix || at(pos) == b'_' {
        let b = at(pos);
        if b == b'_' {
            if previous == b'_' {
                return Err(invalid());
            }
        } else {
            values.push(digit_value(b) as u8);
        }
        previous = b;
        pos += 1;
    }
    if previous == b'_' {
        return Err(invalid());
    }
    if !radix.is_power_of_two() && values.len() > MAX_STR_DIGITS {
        return Err(too_many_digits_to_int(values.len()));
    }
    if values.is_empty() {
        return Err(invalid());
    }
    while is_ascii_space(at(pos)) {
        pos += 1;
    }
    if pos != s.len() {
        return Err(invalid());
    }
    let value = digits_to_int(&values, radix, negative);
    if must_be_zero && !matches!(value, Value::Int(0)) {
        return Err(invalid());
    }
    Ok(value)
}

/// The int with the given digit values (most significant first) in `radix`.
fn digits_to_int(values: &[u8], radix: u32, negative: bool) -> Value {
    if values.len() <= 12 {
        // 36**12 < 2**63: no overflow.
        let m = values
            .iter()
            .fold(0i64, |acc, &d| acc * i64::from(radix) + i64::from(d));
        return Value::Int(if negative { -m } else { m });
    }
    let magnitude = BigUint::from_radix_be(values, radix).unwrap_or_default();
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Value::from_bigint(BigInt::from_biguint(sign, magnitude))
}

/// `float(text)`: decimal notation with optional exponent, `inf`, `infinity` or `nan`
/// in any case, single underscores between digits, surrounding whitespace.
pub fn parse_float(text: &str) -> PyResult<f64> {
    parse_float_ascii(&to_ascii(text)).ok_or_else(|| float_error(text))
}

fn float_error(text: &str) -> Exc {
    value_error(&format!(
        "could not convert string to float: {}",
        quoted(text)
    ))
}

fn parse_float_ascii(s: &[u8]) -> Option<f64> {
    let without_underscores;
    let s = if s.contains(&b'_') {
        without_underscores = remove_underscores(s)?;
        &without_underscores[..]
    } else {
        s
    };
    let start = s.iter().position(|&b| !is_ascii_space(b))?;
    let end = s.iter().rposition(|&b| !is_ascii_space(b))? + 1;
    let number = &s[start..end];
    let unsigned = match number.first() {
        Some(b'+' | b'-') => &number[1..],
        _ => number,
    };
    let negative = number.first() == Some(&b'-');
    for (word, value) in [
        ("infinity", f64::INFINITY),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if unsigned.eq_ignore_ascii_case(word.as_bytes()) {
            return Some(if negative { -value } else { value });
        }
    }
    if !is_decimal_syntax(unsigned) {
        return None;
    }
    std::str::from_utf8(number).ok()?.parse().ok()
}

/// CPython's rule: an underscore must sit between two digits.
fn remove_underscores(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut previous = 0u8;
    for &b in s {
        if b == b'_' {
            if !previous.is_ascii_digit() {
                return None;
            }
        } else {
            if previous == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        previous = b;
    }
    (previous != b'_').then_some(out)
}

/// `digits [. digits] | . digits`, then optionally `e [sign] digits`.
fn is_decimal_syntax(s: &[u8]) -> bool {
    let digits = |i: usize| s[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut i = digits(0);
    let mut mantissa_digits = i;
    if s.get(i) == Some(&b'.') {
        i += 1;
        let frac = digits(i);
        i += frac;
        mantissa_digits += frac;
    }
    if mantissa_digits == 0 {
        return false;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = digits(i);
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == s.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::num::float_text::float_repr;
    use crate::runtime::num::testdata::{check_all, outcome, unrepr};

    #[test]
    fn int_parsing_matches_python() {
        check_all(include_str!("testdata/parse_int.txt"), |row| {
            let text = unrepr(row[0]);
            let base: i64 = row[1].parse().unwrap();
            // Huge results are written as their bit length.
            let got = outcome(parse_int(&text, base).map(|v| match v {
                Value::BigInt(b) if row[2].starts_with('<') => format!("<{} bits>", b.bits()),
                other => format!("{other:?}"),
            }));
            (got != row[2]).then(|| format!("int({}, {base}) = {got}, want {}", row[0], row[2]))
        });
    }

    #[test]
    fn float_parsing_matches_python() {
        check_all(include_str!("testdata/parse_float.txt"), |row| {
            let text = unrepr(row[0]);
            let got = outcome(parse_float(&text).map(float_repr));
            (got != row[1]).then(|| format!("float({}) = {got}, want {}", row[0], row[1]))
        });
    }

    #[test]
    fn the_digit_limit_applies_to_bases_that_are_not_powers_of_two() {
        let limit = |digits: usize| {
            format!(
                "!ValueError: Exceeds the limit (4300 digits) for integer string conversion: \
                 value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            )
        };
        let bits = |r: PyResult<Value>| match r {
            Ok(Value::BigInt(b)) => b.bits().to_string(),
            other => outcome(other.map(|v| format!("{v:?}"))),
        };
        let ones = |n: usize| "1".repeat(n);
        // Bit lengths from python3: int('1'*4300).bit_length() == 14282 and so on.
        assert_eq!(bits(parse_int(&ones(4300), 10)), "14282");
        assert_eq!(bits(parse_int(&ones(4301), 10)), limit(4301));
        assert_eq!(bits(parse_int(&ones(4301), 3)), limit(4301));
        assert_eq!(bits(parse_int(&ones(4301), 16)), "17201");
        assert_eq!(bits(parse_int(&ones(4301), 8)), "12901");
        assert_eq!(
            bits(parse_int(&format!("{}1", "1_".repeat(4300)), 10)),
            limit(4301)
        );
        // The limit is checked before the junk after the digits.
        assert_eq!(
            bits(parse_int(&format!("{}x", ones(5000)), 10)),
            limit(5000)
        );
        let junk_first = outcome(parse_int(&format!("x{}", ones(5000)), 10).map(|_| String::new()));
        assert_eq!(
            junk_first.chars().count(),
            "!ValueError: invalid literal for int() with base 10: ".len() + 200
        );
    }

    #[test]
    fn examples() {
        assert!(matches!(parse_int(" -0x_1f ", 0), Ok(Value::Int(-31))));
        assert!(matches!(parse_int("1_000", 10), Ok(Value::Int(1000))));
        assert_eq!(parse_float("  -1_0.5e1_0 ").unwrap(), -105000000000.0);
        assert!(parse_float("-InFiNiTy").unwrap() == f64::NEG_INFINITY);
    }
}
