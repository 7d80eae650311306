//! `format(number, spec)`: the format-spec mini-language applied to bools, ints and
//! floats, as CPython's `int.__format__` and `float.__format__`.
//!
//! Owns: choosing digits for each presentation type (`b c d o x X n e E f F g G %` and
//! none), the `#` prefixes, and the layout of a number field (CPython's
//! `calc_number_widths`/`fill_number`): sign, prefix, padding after the sign for `=`,
//! thousands grouping that also groups the zeros of `0` padding.
//! Must not touch: parsing the spec (see `format_spec.rs`), float digits (see
//! `float_text.rs`), int digits (see `int_text.rs`).

use super::convert::int_to_f64;
use super::errors::{check_text_len, overflow, value_error};
use super::float_text::{self, float_repr, FloatFlags, FloatStyle};
use super::format_spec::{parse_spec, unknown_code, Grouping, Spec};
use super::int_text::{int_to_decimal, int_to_radix};
use super::operand::{IntRef, Num};
use crate::runtime::exception::PyResult;
use crate::runtime::value::Value;

/// `format(v, spec)` for a bool, int or float; `None` for any other value.
/// `format(True, '') == 'True'` but `format(True, 'd') == '1'`.
pub fn format_number(v: &Value, spec: &str) -> Option<PyResult<String>> {
    Some(match Num::of(v)? {
        Num::Float(x) => format_float_value(x, spec),
        Num::Int(i) => format_int_value(v, IntRef::Small(i), spec),
        Num::Big(b) => format_int_value(v, IntRef::Big(b), spec),
    })
}

fn format_int_value(v: &Value, i: IntRef, spec: &str) -> PyResult<String> {
    let type_name = if matches!(v, Value::Bool(_)) {
        "bool"
    } else {
        "int"
    };
    if spec.is_empty() {
        return match v {
            Value::Bool(b) => Ok(if *b { "True" } else { "False" }.to_string()),
            _ => int_to_decimal(i),
        };
    }
    let f = parse_spec(spec, Some('d'), '>', type_name)?;
    match f.kind {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_int(i, &f),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => format_as_float(int_to_f64(i)?, &f),
        other => Err(unknown_code(other, type_name)),
    }
}

fn format_float_value(x: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let f = parse_spec(spec, None, '>', "float")?;
    match f.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_as_float(x, &f),
        other => Err(unknown_code(other, "float")),
    }
}

/// An int with an int presentation type.
fn format_int(i: IntRef, f: &Spec) -> PyResult<String> {
    if f.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    check_text_len(f.width.unwrap_or(0))?;
    let kind = f.kind.unwrap_or('d');
    if kind == 'c' {
        let c = int_to_char(i, f)?;
        let field = Field {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &c.to_string(),
        };
        return field.layout(f, None);
    }
    let (radix, group) = match kind {
        'b' => (2, 4),
        'o' => (8, 4),
        'x' | 'X' => (16, 4),
        _ => (10, 3),
    };
    let text = if radix == 10 {
        int_to_decimal(i)?
    } else {
        int_to_radix(i, radix, false)
    };
    let text = if kind == 'X' {
        text.to_ascii_uppercase()
    } else {
        text
    };
    let prefix = match (f.alternate, kind) {
        (false, _) | (true, 'd' | 'n') => "",
        (true, 'b') => "0b",
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, _) => "0X",
    };
    let separator = match (f.grouping, kind) {
        (Grouping::Comma, _) => Some((',', 3)),
        (Grouping::Underscore, _) => Some(('_', group)),
        (Grouping::None, _) => None,
    };
    let field = Field {
        negative: i.is_negative(),
        prefix,
        digits: text.trim_start_matches('-'),
        has_decimal: false,
        remainder: "",
    };
    field.layout(f, separator)
}

/// The character of a `c` presentation.
fn int_to_char(i: IntRef, f: &Spec) -> PyResult<char> {
    if f.sign.is_some() {
        return Err(value_error(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if f.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    let x = i
        .to_i64()
        .ok_or_else(|| overflow("Python int too large to convert to C long"))?;
    if !(0..=0x10ffff).contains(&x) {
        return Err(overflow("%c arg not in range(0x110000)"));
    }
    // Surrogates are valid in CPython strings; iterp strings are UTF-8 and cannot hold them.
    char::from_u32(x as u32)
        .ok_or_else(|| value_error("iterp strings cannot hold surrogate code points"))
}

/// A float (or an int shown as one) with a float presentation type.
fn format_as_float(x: f64, f: &Spec) -> PyResult<String> {
    let precision = f.precision;
    if precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_error("precision too big"));
    }
    check_text_len(precision.unwrap_or(0).max(f.width.unwrap_or(0)))?;
    let mut flags = FloatFlags {
        alternate: f.alternate,
        no_neg_0: f.no_neg_0,
        upper: matches!(f.kind, Some('E' | 'F' | 'G')),
        ..FloatFlags::default()
    };
    let mut value = x;
    let style = match f.kind {
        None => {
            // Like repr without a precision; like 'g' with one, keeping a '.0'.
            flags.add_dot_0 = true;
            if precision.is_some() {
                FloatStyle::General
            } else {
                FloatStyle::Repr
            }
        }
        Some('e' | 'E') => FloatStyle::Exponent,
        Some('f' | 'F') => FloatStyle::Fixed,
        Some('%') => {
            value *= 100.0;
            FloatStyle::Fixed
        }
        _ => FloatStyle::General,
    };
    let mut text = float_text::format_float(value, style, precision.unwrap_or(6), flags);
    if f.kind == Some('%') {
        text.push('%');
    }
    let body = text.strip_prefix('-').unwrap_or(&text);
    let digits_end = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(digits_end);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let separator = match f.grouping {
        Grouping::Comma => Some((',', 3)),
        Grouping::Underscore => Some(('_', 3)),
        Grouping::None => None,
    };
    let field = Field {
        negative: text.starts_with('-'),
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    field.layout(f, separator)
}

/// The parts of a number field: `[sign][prefix][digits][.remainder]`.
struct Field<'a> {
    negative: bool,
    prefix: &'a str,
    /// ASCII digits before the point (or all of them), grouped and zero-padded.
    digits: &'a str,
    has_decimal: bool,
    /// After the point: fraction digits, exponent, `%`, or `inf`/`nan`, or a `c` char.
    remainder: &'a str,
}

impl Field<'_> {
    /// CPython's `calc_number_widths` + `fill_number`.
    fn layout(&self, f: &Spec, separator: Option<(char, usize)>) -> PyResult<String> {
        let sign = match f.sign {
            Some('+') => Some(if self.negative { '-' } else { '+' }),
            Some(' ') => Some(if self.negative { '-' } else { ' ' }),
            _ => self.negative.then_some('-'),
        };
        let non_digits = usize::from(sign.is_some())
            + self.prefix.len()
            + usize::from(self.has_decimal)
            + self.remainder.chars().count();
        let width = f.width.unwrap_or(0);
        check_text_len(width)?;
        let min_width = if f.fill == '0' && f.align == '=' {
            width as isize - non_digits as isize
        } else {
            0
        };
        let grouped = if self.digits.is_empty() {
            String::new()
        } else {
            group_digits(self.digits, min_width, separator)
        };
        let padding = width.saturating_sub(non_digits + grouped.len());
        let (left, inner, right) = match f.align {
            '<' => (0, 0, padding),
            '^' => (padding / 2, 0, padding - padding / 2),
            '=' => (0, padding, 0),
            _ => (padding, 0, 0),
        };
        let mut out = String::with_capacity(width.max(non_digits + grouped.len()) + 8);
        out.extend(std::iter::repeat_n(f.fill, left));
        out.extend(sign);
        out.push_str(self.prefix);
        out.extend(std::iter::repeat_n(f.fill, inner));
        out.push_str(&grouped);
        if self.has_decimal {
            out.push('.');
        }
        out.push_str(self.remainder);
        out.extend(std::iter::repeat_n(f.fill, right));
        Ok(out)
    }
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: groups of `size` digits from the
/// right, joined by the separator, with leading zeros (grouped too) until the result is
/// at least `min_width` long. Without a separator, only the zero padding.
fn group_digits(digits: &str, mut min_width: isize, separator: Option<(char, usize)>) -> String {
    let mut remaining = digits.len() as isize;
    let Some((sep, size)) = separator else {
        let zeros = (min_width - remaining).max(0) as usize;
        return "0".repeat(zeros) + digits;
    };
    let mut groups: Vec<String> = Vec::new();
    loop {
        let len = (size as isize).min(remaining.max(min_width).max(1));
        let zeros = (len - remaining).max(0) as usize;
        let chars = remaining.min(len).max(0);
        let end = remaining.max(0) as usize;
        let start = (remaining - chars).max(0) as usize;
        groups.push("0".repeat(zeros) + &digits[start..end]);
        remaining -= chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(sep.encode_utf8(&mut [0; 4]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::num::testdata::{check_all, number, outcome};

    #[test]
    fn number_formatting_matches_python() {
        check_all(include_str!("testdata/number_format.txt"), |row| {
            let got = outcome(format_number(&number(row[0]), row[1]).unwrap());
            (got != row[2]).then(|| {
                format!(
                    "format({}, {:?}) = {got:?}, want {:?}",
                    row[0], row[1], row[2]
                )
            })
        });
    }

    #[test]
    fn examples() {
        let f = |v: Value, spec: &str| outcome(format_number(&v, spec).unwrap());
        assert_eq!(f(Value::Bool(true), ""), "True");
        assert_eq!(f(Value::Bool(true), "d"), "1");
        assert_eq!(f(Value::Bool(true), ">5"), "    1");
        assert_eq!(f(Value::Int(1234), "010,"), "00,001,234");
        assert_eq!(f(Value::Int(-12345678), "#020_x"), "-0x00_0000_00bc_614e");
        assert_eq!(
            f(Value::Float(-1234567.891), "020,.2f"),
            "-0,000,001,234,567.89"
        );
        assert_eq!(f(Value::Float(f64::INFINITY), "010"), "0000000inf");
        assert_eq!(
            f(Value::Float(1.5), "d"),
            "!ValueError: Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            f(Value::Float(1.5), ".2147483648"),
            "!ValueError: precision too big"
        );
        assert_eq!(
            f(Value::Int(1), "\u{e9}"),
            "!ValueError: Unknown format code '\\xe9' for object of type 'int'"
        );
        assert_eq!(
            f(Value::Int(1), "\0"),
            "!ValueError: Unknown format code '\\x0' for object of type 'int'"
        );
        assert_eq!(
            f(Value::Int(0xD800), "c"),
            "!ValueError: iterp strings cannot hold surrogate code points"
        );
        assert_eq!(f(Value::Int(1), "2000000000"), "!MemoryError: ()");
        assert!(format_number(&Value::None, "").is_none());
    }

    #[test]
    fn grouping_pads_with_grouped_zeros() {
        assert_eq!(group_digits("1234", 10, Some((',', 3))), "00,001,234");
        assert_eq!(group_digits("1234", 0, Some((',', 3))), "1,234");
        assert_eq!(group_digits("1234", 6, None), "001234");
        assert_eq!(group_digits("bc614e", 14, Some(('_', 4))), "0000_00bc_614e");
    }
}
