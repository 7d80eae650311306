//! Substring search: `find`, `rfind`, `index`, `rindex`, `count`, `startswith`, `endswith`.
//!
//! Owns: where a substring occurs in a `[start:end]` window, in code points.
//! Must not touch: tuple arguments of `startswith`/`endswith` (the caller tries each).

use super::bounds::{char_len, CharIndex};
use crate::runtime::exception::{value_error, PyResult};

/// `s.find(sub, start, end)`: the first index of `sub`, or `None` (Python's -1).
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let w = CharIndex::new(s).window(start, end);
    if w.len()? < char_len(sub) {
        return None;
    }
    w.text.find(sub).map(|b| w.index_of(b))
}

/// `s.rfind(sub, start, end)`: the last index of `sub`, or `None` (Python's -1).
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let w = CharIndex::new(s).window(start, end);
    if w.len()? < char_len(sub) {
        return None;
    }
    w.text.rfind(sub).map(|b| w.index_of(b))
}

/// `s.index(sub, start, end)`: like `find`, raising `ValueError` when absent.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<usize> {
    find(s, sub, start, end).map_or_else(|| value_error("substring not found"), Ok)
}

/// `s.rindex(sub, start, end)`: like `rfind`, raising `ValueError` when absent.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<usize> {
    rfind(s, sub, start, end).map_or_else(|| value_error("substring not found"), Ok)
}

/// `s.count(sub, start, end)`: non-overlapping occurrences; an empty `sub` occurs at
/// every position, so once more than there are code points in the window.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let w = CharIndex::new(s).window(start, end);
    let Some(len) = w.len() else { return 0 };
    if sub.is_empty() {
        return len + 1;
    }
    w.text.matches(sub).count()
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let w = CharIndex::new(s).window(start, end);
    w.len().is_some() && w.text.starts_with(prefix)
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let w = CharIndex::new(s).window(start, end);
    w.len().is_some() && w.text.ends_with(suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO: Option<i64> = None;

    #[test]
    fn find_and_rfind_count_code_points() {
        // values from python3.11
        assert_eq!(find("héllo wörld", "o", NO, NO), Some(4));
        assert_eq!(rfind("héllo wörld", "ö", NO, NO), Some(7));
        assert_eq!(find("😀a😀a", "a", Some(2), NO), Some(3));
        assert_eq!(rfind("😀a😀a", "😀", NO, Some(-1)), Some(2));
        assert_eq!(find("中文中文", "文", Some(-2), None), Some(3));
        assert_eq!(find("abc", "d", NO, NO), None);
        assert_eq!(find("abcabc", "c", Some(3), Some(5)), None);
        assert_eq!(find("abcabc", "c", Some(3), Some(6)), Some(5));
        assert_eq!(find("abc", "abcd", NO, NO), None);
        assert_eq!(find("abc", "b", Some(i64::MIN), Some(i64::MAX)), Some(1));
    }

    #[test]
    fn empty_substring_positions() {
        // 'abc'.find('', 3) == 3, 'abc'.find('', 4) == -1, 'abc'.rfind('') == 3
        assert_eq!(find("abc", "", Some(3), NO), Some(3));
        assert_eq!(find("abc", "", Some(4), NO), None);
        assert_eq!(rfind("abc", "", NO, NO), Some(3));
        assert_eq!(rfind("aé", "", Some(1), Some(1)), Some(1));
        assert_eq!(find("", "", NO, NO), Some(0));
        assert_eq!(find("abc", "", Some(2), Some(1)), None);
    }

    #[test]
    fn index_raises_when_absent() {
        assert_eq!(index("abc", "c", NO, NO).ok(), Some(2));
        let err = rindex("abc", "x", NO, NO).unwrap_err();
        assert!(err.is(crate::runtime::exception::ExcKind::ValueError));
        assert_eq!(
            crate::runtime::text::error_line(&err),
            "ValueError: substring not found"
        );
    }

    #[test]
    fn count_is_non_overlapping() {
        assert_eq!(count("aaaa", "aa", NO, NO), 2);
        assert_eq!(count("ééé", "é", Some(1), NO), 2);
        assert_eq!(count("abc", "", NO, NO), 4);
        assert_eq!(count("aé😀", "", Some(1), Some(2)), 2);
        assert_eq!(count("abc", "", Some(3), NO), 1);
        assert_eq!(count("abc", "", Some(5), NO), 0);
        assert_eq!(count("", "", NO, NO), 1);
        assert_eq!(count("abc", "abcd", NO, NO), 0);
    }

    #[test]
    fn startswith_and_endswith_in_windows() {
        assert!(startswith("héllo", "él", Some(1), NO));
        assert!(!startswith("héllo", "él", Some(1), Some(2)));
        assert!(endswith("héllo", "él", NO, Some(3)));
        assert!(endswith("héllo", "", Some(5), NO));
        // 'abc'.startswith('', 3) is True, 'abc'.startswith('', 4) is False
        assert!(startswith("abc", "", Some(3), NO));
        assert!(!startswith("abc", "", Some(4), NO));
        assert!(!endswith("abc", "", Some(2), Some(1)));
        assert!(startswith("abc", "ab", Some(-3), Some(-1)));
        assert!(!endswith("abc", "bc", Some(-3), Some(-1)));
    }
}
