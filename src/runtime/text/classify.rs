//! Character-class tests over whole strings: `isalnum`, `isalpha`, `isdigit`,
//! `isdecimal`, `isnumeric`, `isspace`, `islower`, `isupper`, `istitle`,
//! `isidentifier`, `isprintable`, `isascii`.
//!
//! Owns: what each test means for a string (empty strings, how cased and uncased
//! characters combine). Must not touch: the per-character data (`unicode/`), or keyword
//! checks (`'for'.isidentifier()` is True; `keyword.iskeyword` is another matter).

use super::unicode::{
    is_alpha, is_decimal, is_digit, is_identifier_continue, is_identifier_start, is_lowercase,
    is_numeric, is_printable, is_space, is_titlecase, is_uppercase,
};

/// True when `s` is not empty and every character passes `test`.
fn all_nonempty(s: &str, test: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(test)
}

/// `s.isalnum()`: each character is alphabetic, decimal, a digit or numeric.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, |c| {
        is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
    })
}

/// `s.isalpha()`: letters (categories L*), so not combining marks.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha)
}

/// `s.isdecimal()`: decimal digits of any script.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal)
}

/// `s.isdigit()`: decimals and other digits ('²').
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit)
}

/// `s.isnumeric()`: digits, fractions, numerals ('½', '七').
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric)
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}

/// `s.islower()`: at least one cased character and none upper or title case.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_uppercase(c) || is_titlecase(c) {
            return false;
        }
        cased = cased || is_lowercase(c);
    }
    cased
}

/// `s.isupper()`: at least one cased character and none lower or title case.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lowercase(c) || is_titlecase(c) {
            return false;
        }
        cased = cased || is_uppercase(c);
    }
    cased
}

/// `s.istitle()`: upper/title-case characters only after uncased ones, lower-case ones
/// only after cased ones, and at least one cased character.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if is_uppercase(c) || is_titlecase(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lowercase(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`: XID_Start or '_' first, XID_Continue after.
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_identifier_start) && chars.all(is_identifier_continue)
}

/// `s.isprintable()`: true for the empty string.
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// `s.isascii()`: true for the empty string.
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    type Test = fn(&str) -> bool;

    const TESTS: [(&str, Test); 12] = [
        ("isalnum", isalnum),
        ("isalpha", isalpha),
        ("isdecimal", isdecimal),
        ("isdigit", isdigit),
        ("isnumeric", isnumeric),
        ("isspace", isspace),
        ("islower", islower),
        ("isupper", isupper),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
    ];

    /// Each row: a string and its twelve answers in `TESTS` order, printed by python3.11:
    /// `[getattr(s, m)() for m in (...)]` as a string of 0/1.
    const CASES: &[(&str, &str)] = &[
        ("", "000000000011"),
        ("abc", "110000100111"),
        ("Abc", "110000001111"),
        ("ABC", "110000010111"),
        ("a1", "100000100111"),
        ("123", "101110000011"),
        ("²", "100110000010"),
        ("½", "100010000010"),
        ("七八", "110010000110"),
        ("٣", "101110000010"),
        (" \t\n\x1c", "000001000001"),
        ("\u{a0}\u{3000}", "000001000000"),
        ("é", "110000100110"),
        ("É", "110000011110"),
        ("ß", "110000100110"),
        ("ǅ", "110000001110"),
        ("ǅemal", "110000001110"),
        ("Hello World", "000000001011"),
        ("Hello world", "000000000011"),
        ("HELLO 1", "000000010011"),
        ("hello_1", "000000100111"),
        ("_", "000000000111"),
        ("1a", "100000100011"),
        ("a\u{301}", "000000100110"),
        ("e\u{301}", "000000100110"),
        ("😀", "000000000010"),
        ("a\u{200b}", "000000100000"),
        ("\x7f", "000000000001"),
        ("ª", "110000100110"),
        ("Ⅻ", "100010011110"),
        ("ⅻ", "100010100110"),
        ("𝐀", "110000011110"),
        ("a-b", "000000100011"),
        ("They'Re", "000000001011"),
    ];

    #[test]
    fn every_test_matches_python() {
        for &(s, expected) in CASES {
            let got: String = TESTS
                .iter()
                .map(|(_, test)| if test(s) { '1' } else { '0' })
                .collect();
            for ((name, _), (g, e)) in TESTS.iter().zip(got.chars().zip(expected.chars())) {
                assert_eq!(g, e, "{s:?}.{name}()");
            }
        }
    }
}
