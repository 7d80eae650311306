//! Per-character Unicode properties and case mappings, exactly as CPython 3.11 has them
//! (Unicode 14.0.0).
//!
//! Owns: the character-level questions the str methods ask (`is_alpha`, `is_space`,
//! `is_printable`, `decimal_value`, `upper`, `fold` …), answered from tables that
//! `generate.py` derives from python3 itself.
//! Must not touch: string-level rules (final sigma, word starts, what `islower` means for
//! a whole string); those live in `case.rs` and `classify.rs`.
//!
//! Why our own tables rather than `char::is_alphabetic`/`char::to_uppercase`: Rust's std
//! follows a newer Unicode than CPython 3.11 (it upper-cases U+019B, which 3.11 leaves
//! alone), and its properties differ from Python's definitions (`is_alphabetic` is the
//! Alphabetic property, not categories L*; `is_whitespace` excludes U+001C..U+001F).
//! Every lookup has an ASCII fast path and is a binary search otherwise.

mod case_mapping_tables;
mod case_tables;
mod category_tables;
mod identifier_tables;

use case_mapping_tables::{
    FOLD_EXCEPTIONS, LOWER_MULTI, LOWER_RUNS, TITLE_EXCEPTIONS, UPPER_MULTI, UPPER_RUNS,
};
use case_tables::{CASE_IGNORABLE, LOWERCASE, TITLECASE, UPPERCASE};
use category_tables::{ALPHA, DECIMAL_RUNS, DIGIT, NUMERIC, PRINTABLE, SPACE};
use identifier_tables::{IDENTIFIER_CONTINUE, IDENTIFIER_START};
use std::cmp::Ordering;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(first, last)| {
            if last < cp {
                Ordering::Less
            } else if first > cp {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isalpha` for one character: general category Lm, Lt, Lu, Ll or Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(ALPHA, c)
    }
}

/// The value of a decimal digit (category Nd, any script: '٣' is 3), as `int()` and
/// `str.format` field numbers read it.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let after = DECIMAL_RUNS.partition_point(|&first| first <= cp);
    let first = *DECIMAL_RUNS.get(after.checked_sub(1)?)?;
    let value = cp - first;
    (value < 10).then_some(value)
}

/// `str.isdecimal` for one character.
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit` for one character: decimal digits and other digits ('²', '①').
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(DIGIT, c)
    }
}

/// `str.isnumeric` for one character: digits, fractions, Roman and CJK numerals.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(NUMERIC, c)
    }
}

/// `str.isspace` for one character; also what `split()` and `strip()` treat as
/// whitespace. Includes U+001C..U+001F, which Rust's `char::is_whitespace` does not.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ')
    } else {
        in_ranges(SPACE, c)
    }
}

/// `str.isprintable` for one character; `repr` keeps printable characters as they are.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' '..='~')
    } else {
        in_ranges(PRINTABLE, c)
    }
}

/// The Lowercase property (what `islower` looks for).
pub fn is_lowercase(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        in_ranges(LOWERCASE, c)
    }
}

/// The Uppercase property (what `isupper` looks for).
pub fn is_uppercase(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_ranges(UPPERCASE, c)
    }
}

/// General category Lt: the few digraphs whose first letter is capital ('ǅ').
pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_ranges(TITLECASE, c)
}

/// The Cased property: a letter that has case (upper, lower or title).
pub fn is_cased(c: char) -> bool {
    is_lowercase(c) || is_uppercase(c) || is_titlecase(c)
}

/// The Case_Ignorable property: marks, modifiers and the apostrophe-like punctuation that
/// the final-sigma rule looks through.
pub fn is_case_ignorable(c: char) -> bool {
    in_ranges(CASE_IGNORABLE, c)
}

/// May start an identifier (`str.isidentifier`): XID_Start or '_'.
pub fn is_identifier_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '_'
    } else {
        in_ranges(IDENTIFIER_START, c)
    }
}

/// May continue an identifier: XID_Continue.
pub fn is_identifier_continue(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_ranges(IDENTIFIER_CONTINUE, c)
    }
}

/// What one character becomes under a case mapping: itself, another character, or
/// several ('ß'.upper() is "SS").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseMapping {
    One(char),
    Many(&'static str),
}

impl CaseMapping {
    pub fn push_to(self, out: &mut String) {
        match self {
            CaseMapping::One(c) => out.push(c),
            CaseMapping::Many(s) => out.push_str(s),
        }
    }
}

fn lookup_string(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let cp = c as u32;
    table
        .binary_search_by_key(&cp, |&(key, _)| key)
        .ok()
        .and_then(|i| table.get(i))
        .map(|&(_, s)| s)
}

/// Applies the one-character runs `(first, last, stride, delta)`.
fn lookup_runs(table: &[(u32, u32, u32, i32)], c: char) -> char {
    let cp = c as u32;
    let after = table.partition_point(|&(first, ..)| first <= cp);
    let Some(&(first, last, stride, delta)) = after.checked_sub(1).and_then(|i| table.get(i))
    else {
        return c;
    };
    if cp > last || !(cp - first).is_multiple_of(stride) {
        return c;
    }
    cp.checked_add_signed(delta)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

fn full_mapping(
    runs: &[(u32, u32, u32, i32)],
    multi: &'static [(u32, &'static str)],
    c: char,
) -> CaseMapping {
    match lookup_string(multi, c) {
        Some(s) => CaseMapping::Many(s),
        None => CaseMapping::One(lookup_runs(runs, c)),
    }
}

/// The full upper-case mapping of one character.
pub fn upper(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::One(c.to_ascii_uppercase());
    }
    full_mapping(UPPER_RUNS, UPPER_MULTI, c)
}

/// The full lower-case mapping of one character, without the final-sigma rule.
pub fn lower(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::One(c.to_ascii_lowercase());
    }
    full_mapping(LOWER_RUNS, LOWER_MULTI, c)
}

/// The full title-case mapping of one character ('ß' → "Ss", 'ǆ' → 'ǅ').
pub fn title(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::One(c.to_ascii_uppercase());
    }
    match lookup_string(TITLE_EXCEPTIONS, c) {
        Some(s) => string_mapping(s),
        None => upper(c),
    }
}

/// The full case folding of one character ('ß' → "ss", 'ς' → 'σ').
pub fn fold(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::One(c.to_ascii_lowercase());
    }
    match lookup_string(FOLD_EXCEPTIONS, c) {
        Some(s) => string_mapping(s),
        None => lower(c),
    }
}

fn string_mapping(s: &'static str) -> CaseMapping {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(only), None) => CaseMapping::One(only),
        _ => CaseMapping::Many(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(m: CaseMapping) -> String {
        let mut s = String::new();
        m.push_to(&mut s);
        s
    }

    #[test]
    fn case_mappings_match_python() {
        // [c.upper(), c.lower(), c.title(), c.casefold()] in python3.11
        let table = [
            ('a', "A", "a", "A", "a"),
            ('ß', "SS", "ß", "Ss", "ss"),
            ('ǆ', "Ǆ", "ǆ", "ǅ", "ǆ"),
            ('ǅ', "Ǆ", "ǆ", "ǅ", "ǆ"),
            ('İ', "İ", "i\u{307}", "İ", "i\u{307}"),
            ('ﬁ', "FI", "ﬁ", "Fi", "fi"),
            ('ς', "Σ", "ς", "Σ", "σ"),
            ('µ', "Μ", "µ", "Μ", "μ"),
            ('ÿ', "Ÿ", "ÿ", "Ÿ", "ÿ"),
            ('Ꭰ', "Ꭰ", "ꭰ", "Ꭰ", "Ꭰ"),
            ('ꭰ', "Ꭰ", "ꭰ", "Ꭰ", "Ꭰ"),
            (
                '\u{390}',
                "\u{399}\u{308}\u{301}",
                "\u{390}",
                "\u{399}\u{308}\u{301}",
                "\u{3b9}\u{308}\u{301}",
            ),
            // Cased only from Unicode 16 on: CPython 3.11 leaves them alone.
            ('ƛ', "ƛ", "ƛ", "ƛ", "ƛ"),
            ('\u{a7cb}', "\u{a7cb}", "\u{a7cb}", "\u{a7cb}", "\u{a7cb}"),
            ('中', "中", "中", "中", "中"),
            ('😀', "😀", "😀", "😀", "😀"),
        ];
        for (c, up, low, tit, folded) in table {
            assert_eq!(mapped(upper(c)), up, "upper {c:?}");
            assert_eq!(mapped(lower(c)), low, "lower {c:?}");
            assert_eq!(mapped(title(c)), tit, "title {c:?}");
            assert_eq!(mapped(fold(c)), folded, "fold {c:?}");
        }
    }

    #[test]
    fn decimal_values_in_any_script() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('٣'), Some(3)); // ARABIC-INDIC DIGIT THREE
        assert_eq!(decimal_value('𝟗'), Some(9)); // MATHEMATICAL BOLD DIGIT NINE
        assert_eq!(decimal_value('²'), None); // a digit, not a decimal
        assert_eq!(decimal_value('x'), None);
        assert_eq!(decimal_value('\u{10ffff}'), None);
    }

    #[test]
    fn properties_match_python() {
        // c.isalpha(), c.isdigit(), c.isnumeric(), c.isspace(), c.isprintable()
        let table = [
            ('a', true, false, false, false, true),
            ('é', true, false, false, false, true),
            ('²', false, true, true, false, true),
            ('½', false, false, true, false, true),
            ('七', true, false, true, false, true),
            ('\x1c', false, false, false, true, false),
            ('\u{a0}', false, false, false, true, false),
            ('\u{3000}', false, false, false, true, false),
            ('\u{200b}', false, false, false, false, false),
            ('\u{301}', false, false, false, false, true),
            ('😀', false, false, false, false, true),
            ('\u{e000}', false, false, false, false, false),
            ('\u{378}', false, false, false, false, false),
        ];
        for (c, alpha, digit, numeric, space, printable) in table {
            assert_eq!(is_alpha(c), alpha, "isalpha {c:?}");
            assert_eq!(is_digit(c), digit, "isdigit {c:?}");
            assert_eq!(is_numeric(c), numeric, "isnumeric {c:?}");
            assert_eq!(is_space(c), space, "isspace {c:?}");
            assert_eq!(is_printable(c), printable, "isprintable {c:?}");
        }
    }

    #[test]
    fn case_properties() {
        assert!(is_cased('ǅ') && is_titlecase('ǅ') && !is_uppercase('ǅ'));
        assert!(is_lowercase('ª') && is_cased('ª')); // Other_Lowercase
        assert!(is_case_ignorable('\'') && is_case_ignorable('\u{301}'));
        assert!(!is_case_ignorable('a') && !is_cased('1'));
    }
}
