//! `repr(str)` and `ascii(str)`, character for character as CPython writes them.
//!
//! Owns: the quote choice and the escapes. Must not touch: repr of other types (they
//! call `repr_str` for their string parts).

use super::unicode::is_printable;
use std::fmt::Write;

/// `repr(s)`: single quotes unless `s` contains a single quote and no double quote;
/// `\\`, the quote, `\t`, `\n`, `\r` escaped; other non-printable characters as `\xhh`,
/// `\uhhhh` or `\Uhhhhhhhh`; printable non-ASCII characters kept as they are.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// `ascii(s)`: `repr(s)` with every non-ASCII character escaped too.
pub fn ascii_str(s: &str) -> String {
    escape_non_ascii(&repr_str(s))
}

/// Escapes every non-ASCII character of a repr, as `ascii()` does.
pub fn escape_non_ascii(repr: &str) -> String {
    let repr = repr.to_string();
    if repr.is_ascii() {
        return repr;
    }
    let mut out = String::with_capacity(repr.len() * 2);
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// The shortest of `\xhh`, `\uhhhh`, `\Uhhhhhhhh` that holds `c`, in lower-case hex.
fn push_escape(out: &mut String, c: char) {
    let cp = c as u32;
    // Writing to a String cannot fail.
    let _ = if cp <= 0xff {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xffff {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_python() {
        // repr(s) in python3.11, written as Rust literals
        let cases = [
            ("", "''"),
            ("abc", "'abc'"),
            ("it's", "\"it's\""),
            ("say \"hi\"", "'say \"hi\"'"),
            ("it's \"x\"", "'it\\'s \"x\"'"),
            ("a\\b", "'a\\\\b'"),
            ("\t\n\r", "'\\t\\n\\r'"),
            ("\x00\x1f\x7f", "'\\x00\\x1f\\x7f'"),
            ("é ß 中文 😀", "'é ß 中文 😀'"),
            ("e\u{301}", "'e\u{301}'"),
            ("\u{85}\u{a0}\u{ad}", "'\\x85\\xa0\\xad'"),
            (
                "\u{200b}\u{2028}\u{3000}\u{feff}",
                "'\\u200b\\u2028\\u3000\\ufeff'",
            ),
            ("\u{e000}\u{378}", "'\\ue000\\u0378'"),
            (
                "\u{e0001}\u{10ffff}\u{1f600}",
                "'\\U000e0001\\U0010ffff\u{1f600}'",
            ),
            ("\x0b\x0c", "'\\x0b\\x0c'"),
        ];
        for (s, expected) in cases {
            assert_eq!(repr_str(s), expected, "repr({s:?})");
        }
    }

    #[test]
    fn ascii_escapes_everything_else() {
        // ascii(s) in python3.11
        let cases = [
            ("abc", "'abc'"),
            ("é ß", "'\\xe9 \\xdf'"),
            ("中😀", "'\\u4e2d\\U0001f600'"),
            ("it's é", "\"it's \\xe9\""),
            ("\u{a0}\n", "'\\xa0\\n'"),
        ];
        for (s, expected) in cases {
            assert_eq!(ascii_str(s), expected, "ascii({s:?})");
        }
    }
}
