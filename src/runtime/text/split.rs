//! Splitting: `split`, `rsplit`, `splitlines`, `partition`, `rpartition`.
//!
//! Owns: how a string breaks into pieces (whitespace runs, an exact separator, Python's
//! line boundaries). The pieces borrow from the input. Must not touch: building list or
//! tuple values (the caller does).

use super::unicode::is_space;
use crate::runtime::exception::{value_error, PyResult};

/// Python's `maxsplit`: a negative number means no limit.
fn split_limit(maxsplit: i64) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// `s.split(sep, maxsplit)`. With `sep = None`, splits on runs of whitespace (as
/// `str.isspace` defines it) and drops empty pieces; otherwise on each exact `sep`.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<&'a str>> {
    let limit = split_limit(maxsplit);
    match sep {
        None => Ok(split_whitespace(s, limit)),
        Some("") => value_error("empty separator"),
        // One byte (so ASCII: `","`, `":"`): a byte search, not the general two-way
        // search for a substring (which spends most of its time setting up).
        Some(sep) if sep.len() == 1 => Ok(split_at_byte(s, sep.as_bytes()[0], limit)),
        Some(sep) => Ok(match limit.checked_add(1) {
            Some(pieces) => s.splitn(pieces, sep).collect(),
            None => s.split(sep).collect(),
        }),
    }
}

/// `split` on an ASCII separator byte, at most `limit` splits.
fn split_at_byte(s: &str, sep: u8, limit: usize) -> Vec<&str> {
    let mut pieces = Vec::with_capacity(4);
    let mut rest = s;
    while pieces.len() < limit {
        // `sep` is ASCII, so every match is a char boundary.
        let Some(at) = rest.bytes().position(|b| b == sep) else {
            break;
        };
        pieces.push(&rest[..at]);
        rest = &rest[at + 1..];
    }
    pieces.push(rest);
    pieces
}

/// `s.rsplit(sep, maxsplit)`: like `split`, but the `maxsplit` splits are the last ones.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<&'a str>> {
    let limit = split_limit(maxsplit);
    let mut pieces: Vec<&str> = match sep {
        None => rsplit_whitespace(s, limit),
        Some("") => return value_error("empty separator"),
        Some(sep) => match limit.checked_add(1) {
            Some(pieces) => s.rsplitn(pieces, sep).collect(),
            None => s.rsplit(sep).collect(),
        },
    };
    pieces.reverse();
    Ok(pieces)
}

fn split_whitespace(s: &str, limit: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            break;
        }
        if pieces.len() == limit {
            // The limit is reached: the rest, leading whitespace dropped, is one piece.
            pieces.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        pieces.push(word);
        rest = after;
    }
    pieces
}

/// Whitespace pieces from the right, last piece first.
fn rsplit_whitespace(s: &str, limit: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_end_matches(is_space);
        if rest.is_empty() {
            break;
        }
        if pieces.len() == limit {
            pieces.push(rest);
            break;
        }
        let start = rest.rfind(is_space).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        let (before, word) = rest.split_at(start);
        pieces.push(word);
        rest = before;
    }
    pieces
}

/// Python's line boundaries: `\n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029` (and
/// `\r\n`, handled by `splitlines` as one boundary).
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`: lines split at any of Python's line boundaries, the
/// boundary kept at the end of each line when `keepends`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let Some(eol) = rest.find(is_line_break) else {
            lines.push(rest);
            break;
        };
        let after = &rest[eol..];
        let break_len = if after.starts_with("\r\n") {
            2
        } else {
            after.chars().next().map_or(1, char::len_utf8)
        };
        let (line, next) = rest.split_at(eol + break_len);
        lines.push(if keepends { line } else { &rest[..eol] });
        rest = next;
    }
    lines
}

/// `s.partition(sep)`: before, separator, after at the first `sep`; `(s, "", "")` when
/// absent.
pub fn partition<'a>(s: &'a str, sep: &str) -> PyResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return value_error("empty separator");
    }
    Ok(match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`: like `partition` at the last `sep`; `("", "", s)` when absent.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> PyResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return value_error("empty separator");
    }
    Ok(match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(e: crate::runtime::exception::Exc) -> String {
        crate::runtime::text::error_line(&e)
    }

    #[test]
    fn one_byte_separator_split() {
        // values from python3.11
        let cases: &[(&str, &str, i64, &[&str])] = &[
            ("a:b:c", ":", -1, &["a", "b", "c"]),
            ("a:b:c", ":", 1, &["a", "b:c"]),
            ("a:b:c", ":", 0, &["a:b:c"]),
            (":a::", ":", -1, &["", "a", "", ""]),
            ("", ":", -1, &[""]),
            (":", ":", -1, &["", ""]),
            ("é,😀,", ",", -1, &["é", "😀", ""]),
            ("a,b", ";", -1, &["a,b"]),
        ];
        for &(s, sep, maxsplit, expected) in cases {
            assert_eq!(
                split(s, Some(sep), maxsplit).unwrap(),
                expected,
                "{s:?}.split({sep:?}, {maxsplit})"
            );
        }
    }

    #[test]
    fn whitespace_split() {
        // values from python3.11
        let cases: &[(&str, i64, &[&str])] = &[
            ("  a b\t\nc  ", -1, &["a", "b", "c"]),
            ("  a b  c ", 0, &["a b  c "]),
            ("  a b  c ", 1, &["a", "b  c "]),
            (
                "a\x1cb\u{3000}c\u{a0}d\u{85}e",
                -1,
                &["a", "b", "c", "d", "e"],
            ),
            ("é ß\u{2028}😀", -1, &["é", "ß", "😀"]),
            ("   ", -1, &[]),
            ("", -1, &[]),
            ("a\u{200b}b", -1, &["a\u{200b}b"]),
        ];
        for &(s, maxsplit, expected) in cases {
            assert_eq!(
                split(s, None, maxsplit).unwrap(),
                expected,
                "{s:?}.split(None, {maxsplit})"
            );
        }
    }

    #[test]
    fn whitespace_rsplit() {
        let cases: &[(&str, i64, &[&str])] = &[
            ("  a b\t\nc  ", -1, &["a", "b", "c"]),
            ("  a b  c ", 0, &["  a b  c"]),
            ("  a b  c ", 1, &["  a b", "c"]),
            (" é\u{3000}ß ", 1, &[" é", "ß"]),
            ("", 5, &[]),
        ];
        for &(s, maxsplit, expected) in cases {
            assert_eq!(
                rsplit(s, None, maxsplit).unwrap(),
                expected,
                "{s:?}.rsplit(None, {maxsplit})"
            );
        }
    }

    #[test]
    fn separator_split() {
        // s, sep, maxsplit, s.split(sep, maxsplit), s.rsplit(sep, maxsplit)
        type Case = (
            &'static str,
            &'static str,
            i64,
            &'static [&'static str],
            &'static [&'static str],
        );
        let cases: &[Case] = &[
            (
                "a,b,,c",
                ",",
                -1,
                &["a", "b", "", "c"],
                &["a", "b", "", "c"],
            ),
            ("a,b,,c", ",", 1, &["a", "b,,c"], &["a,b,", "c"]),
            ("a,b,,c", ",", 0, &["a,b,,c"], &["a,b,,c"]),
            ("aaa", "aa", -1, &["", "a"], &["a", ""]),
            ("", ",", -1, &[""], &[""]),
            ("é😀é😀", "😀", -1, &["é", "é", ""], &["é", "é", ""]),
            ("abc", "abcd", -1, &["abc"], &["abc"]),
            ("x", "x", i64::MAX, &["", ""], &["", ""]),
        ];
        for &(s, sep, maxsplit, forward, backward) in cases {
            assert_eq!(
                split(s, Some(sep), maxsplit).unwrap(),
                forward,
                "{s:?}.split({sep:?})"
            );
            assert_eq!(
                rsplit(s, Some(sep), maxsplit).unwrap(),
                backward,
                "{s:?}.rsplit({sep:?})"
            );
        }
    }

    #[test]
    fn empty_separator_is_an_error() {
        assert!(message(split("abc", Some(""), -1).unwrap_err()).contains("empty separator"));
        assert!(message(rsplit("", Some(""), 0).unwrap_err()).contains("empty separator"));
        assert!(message(partition("abc", "").unwrap_err()).contains("ValueError"));
        assert!(rpartition("abc", "").is_err());
    }

    #[test]
    fn splitlines_knows_every_python_boundary() {
        let s = "a\nb\rc\r\nd\x0be\x0cf\x1cg\x1dh\x1ei\u{85}j\u{2028}k\u{2029}l";
        assert_eq!(
            splitlines(s, false),
            ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]
        );
        assert_eq!(splitlines("x\r\n\r\ny\n", true), ["x\r\n", "\r\n", "y\n"]);
        assert_eq!(splitlines("x\n\r", false), ["x", ""]);
        assert_eq!(splitlines("é\u{2028}", true), ["é\u{2028}"]);
        assert_eq!(splitlines("", true), Vec::<&str>::new());
        assert_eq!(splitlines("\n", false), [""]);
        // U+001F is whitespace but not a line boundary
        assert_eq!(splitlines("a\x1fb", false), ["a\x1fb"]);
    }

    #[test]
    fn partition_and_rpartition() {
        assert_eq!(partition("a=b=c", "=").unwrap(), ("a", "=", "b=c"));
        assert_eq!(rpartition("a=b=c", "=").unwrap(), ("a=b", "=", "c"));
        assert_eq!(partition("abc", "x").unwrap(), ("abc", "", ""));
        assert_eq!(rpartition("abc", "x").unwrap(), ("", "", "abc"));
        assert_eq!(partition("中文😀中", "😀").unwrap(), ("中文", "😀", "中"));
    }
}
