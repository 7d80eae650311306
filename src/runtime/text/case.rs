//! Case conversion: `upper`, `lower`, `casefold`, `capitalize`, `title`, `swapcase`.
//!
//! Owns: the string-level rules on top of the per-character mappings in `unicode/`:
//! Greek final sigma ('ΑΣ'.lower() == 'ας'), where words start for `title` (after a
//! character that is not cased), and CPython's choice of title case for the first letter
//! of `capitalize`. Must not touch: case *tests* (`islower`, `istitle` … are in
//! `classify.rs`).

use super::unicode::{self, is_case_ignorable, is_cased, is_lowercase, is_uppercase};

const CAPITAL_SIGMA: char = '\u{3A3}';

/// `s.upper()`: full mappings ('ß' becomes "SS").
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    map_chars(s, unicode::upper)
}

/// `s.lower()`, with the final-sigma rule.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        push_lower(&mut out, s, i, c);
    }
    out
}

/// `s.casefold()`: full case folding, for caseless comparison ('ß' becomes "ss").
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    map_chars(s, unicode::fold)
}

/// `s.capitalize()`: the first character in title case, the rest lower case.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices();
    if let Some((_, first)) = chars.next() {
        unicode::title(first).push_to(&mut out);
    }
    for (i, c) in chars {
        push_lower(&mut out, s, i, c);
    }
    out
}

/// `s.title()`: a cased character that follows a cased one is lower-cased, any other is
/// title-cased; so words start after digits and apostrophes ("they'Re", "1St").
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, c) in s.char_indices() {
        if previous_is_cased {
            push_lower(&mut out, s, i, c);
        } else {
            unicode::title(c).push_to(&mut out);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// `s.swapcase()`: upper case to lower and lower to upper; title-case letters ('ǅ') and
/// uncased characters stay.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if is_uppercase(c) {
            push_lower(&mut out, s, i, c);
        } else if is_lowercase(c) {
            unicode::upper(c).push_to(&mut out);
        } else {
            out.push(c);
        }
    }
    out
}

fn map_chars(s: &str, mapping: fn(char) -> unicode::CaseMapping) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        mapping(c).push_to(&mut out);
    }
    out
}

/// Lower-cases `c`, found at byte `at` of `s`; a capital sigma needs its neighbours.
fn push_lower(out: &mut String, s: &str, at: usize, c: char) {
    if c == CAPITAL_SIGMA {
        out.push(if is_final_sigma(s, at) { 'ς' } else { 'σ' });
    } else {
        unicode::lower(c).push_to(out);
    }
}

/// Unicode's Final_Sigma condition, as CPython checks it: a cased letter before the
/// sigma and none after it, looking through case-ignorable characters both ways.
fn is_final_sigma(s: &str, at: usize) -> bool {
    let before = s.get(..at).unwrap_or("");
    let after = s.get(at + CAPITAL_SIGMA.len_utf8()..).unwrap_or("");
    let cased_before = before
        .chars()
        .rev()
        .find(|&c| !is_case_ignorable(c))
        .is_some_and(is_cased);
    let cased_after = after
        .chars()
        .find(|&c| !is_case_ignorable(c))
        .is_some_and(is_cased);
    cased_before && !cased_after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_lower_casefold() {
        // [s.upper(), s.lower(), s.casefold()] in python3.11
        let cases = [
            (
                "Hello, World",
                "HELLO, WORLD",
                "hello, world",
                "hello, world",
            ),
            ("straße", "STRASSE", "straße", "strasse"),
            ("ÉCOLE é", "ÉCOLE É", "école é", "école é"),
            ("İstanbul", "İSTANBUL", "i̇stanbul", "i̇stanbul"),
            ("ﬁx ǆ", "FIX Ǆ", "ﬁx ǆ", "fix ǆ"),
            ("中文 😀", "中文 😀", "中文 😀", "中文 😀"),
            ("", "", "", ""),
        ];
        for (s, up, low, folded) in cases {
            assert_eq!(upper(s), up, "{s:?}.upper()");
            assert_eq!(lower(s), low, "{s:?}.lower()");
            assert_eq!(casefold(s), folded, "{s:?}.casefold()");
        }
    }

    #[test]
    fn final_sigma() {
        // s.lower() in python3.11
        let cases = [
            ("ΟΔΟΣ", "οδος"),
            ("ΟΔΟΣ ΟΔΟΣ", "οδος οδος"),
            ("Σ", "σ"),
            ("ΑΣΑ", "ασα"),
            ("ΑΣ'", "ας'"),
            ("Α'Σ", "α'ς"),
            ("ΑΣ'Α", "ασ'α"),
            ("1Σ", "1σ"),
            ("ΑΣ\u{301}", "ας\u{301}"),
        ];
        for (s, low) in cases {
            assert_eq!(lower(s), low, "{s:?}.lower()");
        }
        assert_eq!(casefold("ΟΔΟΣ"), "οδοσ");
        assert_eq!(capitalize("ΟΔΟΣ"), "Οδος");
        assert_eq!(swapcase("ΟΔΟΣ"), "οδος");
    }

    #[test]
    fn title_starts_words_after_uncased_characters() {
        // s.title() in python3.11
        let cases = [
            ("hello world", "Hello World"),
            ("they're bill's friends", "They'Re Bill'S Friends"),
            ("1st 2ND", "1St 2Nd"),
            ("straße ß", "Straße Ss"),
            ("ǆemal ǄEMAL", "ǅemal ǅemal"),
            ("éCOLE_élan", "École_Élan"),
            ("ﬁsh", "Fish"),
            ("中a文b", "中A文B"),
            ("a\u{301}b", "A\u{301}B"),
            ("ΣΑΣ ΣΑΣ", "Σας Σας"),
            ("", ""),
        ];
        for (s, titled) in cases {
            assert_eq!(title(s), titled, "{s:?}.title()");
        }
    }

    #[test]
    fn capitalize_and_swapcase() {
        // s.capitalize(), s.swapcase() in python3.11
        let cases = [
            ("hELLO wORLD", "Hello world", "Hello World"),
            ("ßa", "Ssa", "SSA"),
            ("ǆA", "ǅa", "Ǆa"),
            ("ǅ", "ǅ", "ǅ"),
            ("éÉ", "Éé", "Éé"),
            ("123abc", "123abc", "123ABC"),
            ("ﬁ", "Fi", "FI"),
            ("", "", ""),
        ];
        for (s, capitalized, swapped) in cases {
            assert_eq!(capitalize(s), capitalized, "{s:?}.capitalize()");
            assert_eq!(swapcase(s), swapped, "{s:?}.swapcase()");
        }
    }
}
