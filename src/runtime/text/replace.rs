//! Substitution: `replace`, `translate` and the string form of `maketrans`.
//!
//! Owns: building the substituted string (sizes checked before allocating).
//! Must not touch: looking characters up in a Python mapping (`translate`'s caller does
//! that and answers with a `Translation`), or building the dict `maketrans` returns.

use super::bounds::char_len;
use super::size_limit::{text_with_capacity, MAX_CHARS};
use crate::runtime::exception::{type_error, value_error, Exc, ExcKind, PyResult};

/// `s.replace(old, new, count)`: the first `count` occurrences (all when `count` is
/// negative). An empty `old` matches before every character and at the end, as in
/// CPython: `'abc'.replace('', '-')` is `'-a-b-c-'`.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> PyResult<String> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let matches = if old.is_empty() {
        limit.min(char_len(s) + 1)
    } else {
        s.matches(old).take(limit).count()
    };
    if matches == 0 {
        return Ok(s.to_owned());
    }
    // CPython's check, in code points, then our own ceiling on bytes.
    let (old_chars, new_chars) = (char_len(old), char_len(new));
    let chars = if new_chars >= old_chars {
        (new_chars - old_chars)
            .checked_mul(matches)
            .and_then(|grow| char_len(s).checked_add(grow))
    } else {
        Some(char_len(s) - (old_chars - new_chars) * matches)
    };
    if chars.is_none_or(|n| n > MAX_CHARS) {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "replace string is too long",
        ));
    }
    let bytes = new
        .len()
        .checked_mul(matches)
        .and_then(|added| (s.len() - old.len() * matches).checked_add(added));
    let mut out = text_with_capacity(bytes)?;
    if old.is_empty() {
        let mut rest = s.chars();
        for _ in 0..matches {
            out.push_str(new);
            if let Some(c) = rest.next() {
                out.push(c);
            }
        }
        out.push_str(rest.as_str());
    } else {
        let mut last = 0;
        for (i, _) in s.match_indices(old).take(matches) {
            out.push_str(&s[last..i]);
            out.push_str(new);
            last = i + old.len();
        }
        out.push_str(&s[last..]);
    }
    Ok(out)
}

/// What `str.translate`'s table says about one character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Translation {
    /// The table has no entry (its lookup raised `LookupError`): keep the character.
    Keep,
    /// The entry is `None`: drop the character.
    Delete,
    /// The entry is a code point (an int) or a string.
    Char(char),
    Text(String),
}

/// `s.translate(table)`, with `lookup` answering for each character in turn (it may
/// raise, and the error propagates). The caller may cache answers per character, as
/// CPython does for ASCII text.
pub fn translate(
    s: &str,
    mut lookup: impl FnMut(char) -> PyResult<Translation>,
) -> PyResult<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match lookup(c)? {
            Translation::Keep => out.push(c),
            Translation::Delete => {}
            Translation::Char(m) => out.push(m),
            Translation::Text(t) => {
                if out.len().saturating_add(t.len()) > super::MAX_TEXT_BYTES {
                    return Err(Exc::bare(ExcKind::MemoryError));
                }
                out.push_str(&t);
            }
        }
    }
    Ok(out)
}

/// An int from a translate table as a character: `ValueError` outside
/// `range(0x110000)`. Lone surrogates (U+D800..U+DFFF) cannot be held in a Rust string;
/// they raise the same error (CPython would store them).
pub fn translation_char(code: i64) -> PyResult<char> {
    match u32::try_from(code).ok().and_then(char::from_u32) {
        Some(c) => Ok(c),
        None => value_error("character mapping must be in range(0x110000)"),
    }
}

/// The error for a translate-table entry that is not an int, `None` or a str.
pub fn translation_type_error<T>() -> PyResult<T> {
    type_error("character mapping must return integer, None or str")
}

/// `str.maketrans(from, to, delete)` with string arguments: the dict's entries in
/// insertion order, `Some(c)` mapping to `ord(c)` and `None` to `None`. A character that
/// occurs twice keeps its first position and its last value, as a dict would.
pub fn maketrans(
    from: &str,
    to: &str,
    delete: Option<&str>,
) -> PyResult<Vec<(char, Option<char>)>> {
    if char_len(from) != char_len(to) {
        return value_error("the first two maketrans arguments must have equal length");
    }
    let mut entries: Vec<(char, Option<char>)> = from.chars().zip(to.chars().map(Some)).collect();
    entries.extend(delete.unwrap_or("").chars().map(|c| (c, None)));
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_like_python() {
        // s.replace(old, new, count) in python3.11
        let cases = [
            ("aaa", "a", "bb", 2, "bbbba"),
            ("abc", "", "-", -1, "-a-b-c-"),
            ("aé😀", "", "|", 2, "|a|é😀"),
            ("", "", "x", -1, "x"),
            ("", "", "x", 0, ""),
            ("abc", "", "", -1, "abc"),
            ("éé", "é", "e", -1, "ee"),
            ("abc", "b", "", 0, "abc"),
            ("", "a", "b", -1, ""),
            ("aaaa", "aa", "a", -1, "aa"),
            ("中文中", "中", "😀😀", 1, "😀😀文中"),
        ];
        for (s, old, new, count, expected) in cases {
            assert_eq!(
                replace(s, old, new, count).unwrap(),
                expected,
                "{s:?}.replace({old:?}, {new:?}, {count})"
            );
        }
    }

    #[test]
    fn absurd_replacements_raise_memory_error() {
        let big = "x".repeat(1 << 20);
        let err = replace(&"a".repeat(1 << 13), "", &big, -1).unwrap_err();
        assert!(err.is(ExcKind::MemoryError));
    }

    #[test]
    fn translates_through_a_lookup() {
        // 'abcé'.translate({97: None, 98: 'xx', 233: 0x1F600})
        let table = |c: char| {
            Ok(match c {
                'a' => Translation::Delete,
                'b' => Translation::Text("xx".into()),
                'é' => Translation::Char(translation_char(0x1F600)?),
                _ => Translation::Keep,
            })
        };
        assert_eq!(translate("abcé", table).unwrap(), "xxc😀");
        let err =
            translate("a", |_| Ok(Translation::Char(translation_char(0x110000)?))).unwrap_err();
        assert_eq!(
            crate::runtime::text::error_line(&err),
            "ValueError: character mapping must be in range(0x110000)"
        );
        assert!(translation_type_error::<()>()
            .unwrap_err()
            .is(ExcKind::TypeError));
    }

    #[test]
    fn maketrans_pairs() {
        // str.maketrans('ab', 'cd', 'a') == {97: None, 98: 100}: the caller's dict keeps
        // 'a' first with its last value.
        assert_eq!(
            maketrans("ab", "cd", Some("a")).unwrap(),
            [('a', Some('c')), ('b', Some('d')), ('a', None)]
        );
        assert_eq!(maketrans("é", "😀", None).unwrap(), [('é', Some('😀'))]);
        let err = maketrans("ab", "c", None).unwrap_err();
        assert_eq!(
            crate::runtime::text::error_line(&err),
            "ValueError: the first two maketrans arguments must have equal length"
        );
    }
}
