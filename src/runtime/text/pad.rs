//! Padding to a width: `center`, `ljust`, `rjust`, `zfill`, and `expandtabs` (padding to
//! tab stops).
//!
//! Owns: where fill characters go and how many, in code points. Must not touch: format
//! specs (`format(x, '^10')` belongs to the formatting of values).

use super::bounds::char_len;
use super::size_limit::{text_with_capacity, MAX_CHARS};
use crate::runtime::exception::{type_error, Exc, ExcKind, PyResult};

/// The `fillchar` argument: one character, a space when omitted.
fn fill_char(fillchar: Option<&str>) -> PyResult<char> {
    let Some(f) = fillchar else { return Ok(' ') };
    let mut chars = f.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => type_error("The fill character must be exactly one character long"),
    }
}

/// `s` with `left` fill characters before it and `right` after.
fn pad(s: &str, left: usize, right: usize, fill: char) -> PyResult<String> {
    let bytes = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fill.len_utf8()))
        .and_then(|n| n.checked_add(s.len()));
    let mut out = text_with_capacity(bytes)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// How many fill characters `width` asks for beyond `s`'s length (0 when it is shorter).
fn margin(s: &str, width: i64) -> usize {
    usize::try_from(width)
        .unwrap_or(0)
        .saturating_sub(char_len(s))
}

/// `s.center(width, fillchar)`: CPython puts the odd fill character on the right, except
/// when both the margin and the width are odd: `'a'.center(4) == ' a  '`,
/// `'ab'.center(5) == '  ab '`.
pub fn center(s: &str, width: i64, fillchar: Option<&str>) -> PyResult<String> {
    let fill = fill_char(fillchar)?;
    let marg = margin(s, width);
    let left = marg / 2 + (marg & usize::try_from(width).unwrap_or(0) & 1);
    pad(s, left, marg - left, fill)
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fillchar: Option<&str>) -> PyResult<String> {
    let fill = fill_char(fillchar)?;
    pad(s, 0, margin(s, width), fill)
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fillchar: Option<&str>) -> PyResult<String> {
    let fill = fill_char(fillchar)?;
    pad(s, margin(s, width), 0, fill)
}

/// `s.zfill(width)`: zeros on the left, after a leading '+' or '-'.
pub fn zfill(s: &str, width: i64) -> PyResult<String> {
    let fill = margin(s, width);
    if fill == 0 {
        return Ok(s.to_owned());
    }
    match s.strip_prefix(['+', '-']) {
        Some(digits) => {
            let mut out = pad(digits, fill, 0, '0')?;
            out.insert(0, if s.starts_with('+') { '+' } else { '-' });
            Ok(out)
        }
        None => pad(s, fill, 0, '0'),
    }
}

/// `s.expandtabs(tabsize)`: each tab becomes spaces up to the next multiple of
/// `tabsize` columns; columns restart after '\n' and '\r'. A tab size of zero or less
/// removes tabs.
pub fn expandtabs(s: &str, tabsize: i64) -> PyResult<String> {
    let tabsize = usize::try_from(tabsize).unwrap_or(0);
    // First pass, as CPython: the length, so that an absurd one raises before allocating.
    let mut chars: usize = 0;
    let mut spaces: usize = 0;
    let mut column: usize = 0;
    for c in s.chars() {
        let width = match c {
            '\t' if tabsize > 0 => tabsize - column % tabsize,
            '\t' => 0,
            _ => 1,
        };
        chars = chars
            .checked_add(width)
            .filter(|&n| n <= MAX_CHARS)
            .ok_or_else(|| Exc::new(ExcKind::OverflowError, "new string is too long"))?;
        if c == '\t' {
            spaces += width;
        }
        column = if c == '\n' || c == '\r' {
            0
        } else {
            column + width
        };
    }
    let tabs = s.matches('\t').count();
    let mut out = text_with_capacity((s.len() - tabs).checked_add(spaces))?;
    column = 0;
    for c in s.chars() {
        match c {
            '\t' if tabsize > 0 => {
                let width = tabsize - column % tabsize;
                out.extend(std::iter::repeat_n(' ', width));
                column += width;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn center_ljust_rjust() {
        // [s.center(w, f), s.ljust(w, f), s.rjust(w, f)] in python3.11
        let cases = [
            ("a", 4, " ", " a  ", "a   ", "   a"),
            ("ab", 5, " ", "  ab ", "ab   ", "   ab"),
            ("ab", 6, "é", "ééabéé", "abéééé", "ééééab"),
            ("abc", 6, "*", "*abc**", "abc***", "***abc"),
            ("é", 3, "😀", "😀é😀", "é😀😀", "😀😀é"),
            ("中文", 1, "-", "中文", "中文", "中文"),
            ("x", -5, "-", "x", "x", "x"),
            ("", 3, "0", "000", "000", "000"),
        ];
        for (s, w, f, centered, left, right) in cases {
            assert_eq!(
                center(s, w, Some(f)).unwrap(),
                centered,
                "{s:?}.center({w}, {f:?})"
            );
            assert_eq!(
                ljust(s, w, Some(f)).unwrap(),
                left,
                "{s:?}.ljust({w}, {f:?})"
            );
            assert_eq!(
                rjust(s, w, Some(f)).unwrap(),
                right,
                "{s:?}.rjust({w}, {f:?})"
            );
        }
        assert_eq!(center("a", 3, None).unwrap(), " a ");
    }

    #[test]
    fn fill_must_be_one_character() {
        for bad in ["", "ab", "e\u{301}"] {
            let err = center("a", 5, Some(bad)).unwrap_err();
            assert!(err.is(ExcKind::TypeError));
            assert_eq!(
                crate::runtime::text::error_line(&err),
                "TypeError: The fill character must be exactly one character long"
            );
        }
        // Checked even when no padding is needed, as CPython parses it first.
        assert!(ljust("abc", 1, Some("ab")).is_err());
    }

    #[test]
    fn huge_widths_raise_memory_error() {
        assert!(center("a", 1 << 62, None)
            .unwrap_err()
            .is(ExcKind::MemoryError));
        assert!(rjust("a", i64::MAX, Some("é"))
            .unwrap_err()
            .is(ExcKind::MemoryError));
        assert!(zfill("1", i64::MAX).unwrap_err().is(ExcKind::MemoryError));
    }

    #[test]
    fn zfill_keeps_the_sign_first() {
        // s.zfill(w) in python3.11
        let cases = [
            ("42", 5, "00042"),
            ("-42", 5, "-0042"),
            ("+42", 5, "+0042"),
            ("--4", 5, "-00-4"),
            ("-", 3, "-00"),
            ("é", 3, "00é"),
            ("abc", 2, "abc"),
            ("", 2, "00"),
            ("-1", -1, "-1"),
        ];
        for (s, w, expected) in cases {
            assert_eq!(zfill(s, w).unwrap(), expected, "{s:?}.zfill({w})");
        }
    }

    #[test]
    fn expandtabs_to_tab_stops() {
        // s.expandtabs(n) in python3.11
        let cases = [
            ("a\tb", 8, "a       b"),
            ("a\tb", 4, "a   b"),
            ("ab\tc\n\td", 4, "ab  c\n    d"),
            ("é\t😀\t", 3, "é  😀  "),
            ("a\r\tb", 2, "a\r  b"),
            ("a\tb", 0, "ab"),
            ("a\tb", -3, "ab"),
            ("\t", 1, " "),
            ("", 8, ""),
        ];
        for (s, n, expected) in cases {
            assert_eq!(expandtabs(s, n).unwrap(), expected, "{s:?}.expandtabs({n})");
        }
        let err = expandtabs("\t\t", i64::MAX).unwrap_err();
        assert!(err.is(ExcKind::OverflowError));
        assert!(expandtabs("\t", 1 << 40)
            .unwrap_err()
            .is(ExcKind::MemoryError));
    }
}
