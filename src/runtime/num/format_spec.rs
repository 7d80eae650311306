//! The format-spec mini-language: parsing `[[fill]align][sign][z][#][0][width][grouping]
//! [.precision][type]`, padding, and `format(str, spec)`.
//!
//! Owns: `Spec` and its parser with CPython 3.11's errors and their order, the checks
//! that depend only on the spec (grouping against type), alignment/padding of a finished
//! field, and string formatting.
//! Must not touch: how numbers become digits (see `format_number.rs`), `str.format`'s
//! field syntax `{name!r:spec}` (the interpreter parses that and passes the spec here).

use super::errors::{check_text_len, value_error};
use super::unicode::decimal_value;
use crate::runtime::exception::{Exc, PyResult};

/// Thousands grouping requested by `,` or `_`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits (decimal) or four (`b`, `o`, `x`, `X`).
    Underscore,
}

/// A parsed format spec. `align` is already defaulted (`<` for strings, `>` for
/// numbers, `=` for numbers when a `0` precedes the width without an explicit fill).
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    pub no_neg_0: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type; `None` when omitted and the type has no default.
    pub kind: Option<char>,
}

/// `Unknown format code 'd' for object of type 'float'`.
pub fn unknown_code(code: Option<char>, type_name: &str) -> Exc {
    value_error(&format!(
        "Unknown format code {} for object of type '{type_name}'",
        code_text(code)
    ))
}

/// A type code in a message: `'x'` when printable ASCII, else `'\x..'` with its code.
fn code_text(code: Option<char>) -> String {
    let cp = code.map_or(0, |c| c as u32);
    match code {
        Some(c) if cp > 32 && cp < 128 => format!("'{c}'"),
        _ => format!("'\\x{cp:x}'"),
    }
}

/// Decimal digits (of any script) starting at `chars[*pos]`, as a number:
/// `None` when there are none; ValueError when it would not fit an `isize`.
fn integer(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let mut value: usize = 0;
    let start = *pos;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

/// Parses `spec` for a value of `type_name`; `default_kind` is the type assumed when the
/// spec has none (`s` for str, `d` for int, none for float).
pub fn parse_spec(
    spec: &str,
    default_kind: Option<char>,
    default_align: char,
    type_name: &str,
) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let is_align = |c: Option<char>| matches!(c, Some('<' | '>' | '=' | '^'));
    let mut s = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        kind: default_kind,
    };
    let mut pos = 0;
    let mut fill_given = false;
    let mut align_given = false;
    if is_align(at(1)) {
        s.fill = chars[0];
        s.align = chars[1];
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if is_align(at(0)) {
        s.align = chars[0];
        align_given = true;
        pos = 1;
    }
    if let Some(c @ ('+' | '-' | ' ')) = at(pos) {
        s.sign = Some(c);
        pos += 1;
    }
    if at(pos) == Some('z') {
        s.no_neg_0 = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        s.alternate = true;
        pos += 1;
    }
    if !fill_given && at(pos) == Some('0') {
        s.fill = '0';
        // Numbers pad after the sign (`-0012`); strings keep their left alignment.
        if !align_given && default_align == '>' {
            s.align = '=';
        }
        pos += 1;
    }
    s.width = integer(&chars, &mut pos)?;
    let both = || value_error("Cannot specify both ',' and '_'.");
    if at(pos) == Some(',') {
        s.grouping = Grouping::Comma;
        pos += 1;
    }
    if at(pos) == Some('_') {
        if s.grouping != Grouping::None {
            return Err(both());
        }
        s.grouping = Grouping::Underscore;
        pos += 1;
    }
    // A second ',' after '_' is an error here; after ',' it becomes the type and
    // `check_grouping` rejects it ("Cannot specify ',' with ','.").
    if at(pos) == Some(',') && s.grouping == Grouping::Underscore {
        return Err(both());
    }
    if at(pos) == Some('.') {
        pos += 1;
        s.precision = integer(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(value_error("Format specifier missing precision"));
        }
    }
    match chars.len() - pos {
        0 => {}
        1 => s.kind = at(pos),
        _ => {
            return Err(value_error(&format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )))
        }
    }
    check_grouping(&s)?;
    Ok(s)
}

/// `,` and `_` against the type, before the type itself is checked (so that
/// `format(1.5, ',x')` blames the comma).
fn check_grouping(s: &Spec) -> PyResult<()> {
    let separator = match s.grouping {
        Grouping::None => return Ok(()),
        Grouping::Comma => ',',
        Grouping::Underscore => '_',
    };
    match s.kind {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
        Some('b' | 'o' | 'x' | 'X') if separator == '_' => Ok(()),
        other => Err(value_error(&format!(
            "Cannot specify '{separator}' with {}.",
            code_text(other)
        ))),
    }
}

/// `text` (of `len` code points) padded to the spec's width by its fill and alignment.
pub fn pad(text: &str, len: usize, spec: &Spec) -> PyResult<String> {
    let width = spec.width.unwrap_or(0);
    if width <= len {
        return Ok(text.to_string());
    }
    check_text_len(width)?;
    let total = width - len;
    let left = match spec.align {
        '>' => total,
        '^' => total / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + total * spec.fill.len_utf8());
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(spec.fill, total - left));
    Ok(out)
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_spec(spec, Some('s'), '<', "str")?;
    if f.kind != Some('s') {
        return Err(unknown_code(f.kind, "str"));
    }
    match f.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if f.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == '=' {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (text, len) = match f.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((byte, _)) => (&s[..byte], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    pad(text, len, &f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::num::testdata::{check_all, outcome};

    #[test]
    fn str_formatting_matches_python() {
        check_all(include_str!("testdata/str_format.txt"), |row| {
            let got = outcome(format_str(row[0], row[1]));
            (got != row[2]).then(|| {
                format!(
                    "format({:?}, {:?}) = {got:?}, want {:?}",
                    row[0], row[1], row[2]
                )
            })
        });
    }

    #[test]
    fn spec_errors_match_python() {
        let err =
            |spec: &str| outcome(parse_spec(spec, Some('d'), '>', "int").map(|_| String::new()));
        assert_eq!(
            err("99999999999999999999"),
            "!ValueError: Too many decimal digits in format string"
        );
        assert_eq!(
            err(".99999999999999999999"),
            "!ValueError: Too many decimal digits in format string"
        );
        assert_eq!(
            err("10x5"),
            "!ValueError: Invalid format specifier '10x5' for object of type 'int'"
        );
        assert_eq!(err(",#"), "!ValueError: Cannot specify ',' with '#'.");
        assert_eq!(
            err(",\u{e9}"),
            "!ValueError: Cannot specify ',' with '\\xe9'."
        );
        assert_eq!(err("__"), "!ValueError: Cannot specify '_' with '_'.");
    }

    #[test]
    fn width_counts_code_points_and_digits_of_any_script() {
        assert_eq!(format_str("日本", "*^6").unwrap(), "**日本**");
        assert_eq!(format_str("x", "\u{663}").unwrap(), "x  "); // width ٣ == 3
        assert_eq!(
            format_str("x", "\u{1F600}>3").unwrap(),
            "\u{1F600}\u{1F600}x"
        );
        assert_eq!(
            outcome(format_str("x", "\n")),
            "!ValueError: Unknown format code '\\xa' for object of type 'str'"
        );
    }
}
