//! Code-point positions in a `&str`: Python's clamping of `start`/`end` arguments and
//! the conversion between code-point indices and byte offsets.
//!
//! Owns: `CharIndex` and `Window`, the one way text functions turn Python indices into
//! byte ranges. Must not touch: what any method does with the range.

/// A text together with its length in code points, to convert positions cheaply
/// (constant time for ASCII, a scan otherwise).
pub(super) struct CharIndex<'a> {
    text: &'a str,
    ascii: bool,
    len: usize,
}

impl<'a> CharIndex<'a> {
    pub(super) fn new(text: &'a str) -> CharIndex<'a> {
        let ascii = text.is_ascii();
        let len = if ascii {
            text.len()
        } else {
            text.chars().count()
        };
        CharIndex { text, ascii, len }
    }

    /// Byte offset of code point `i`; the text's byte length when `i >= len`.
    pub(super) fn byte_offset(&self, i: usize) -> usize {
        if self.ascii || i == 0 {
            i.min(self.text.len())
        } else {
            self.text
                .char_indices()
                .nth(i)
                .map_or(self.text.len(), |(b, _)| b)
        }
    }

    /// Applies Python's clamping (`ADJUST_INDICES`) to optional `start`/`end`.
    pub(super) fn window(&self, start: Option<i64>, end: Option<i64>) -> Window<'a> {
        let len = i64::try_from(self.len).unwrap_or(i64::MAX);
        let end = match end {
            None => len,
            Some(e) if e > len => len,
            Some(e) if e < 0 => e.saturating_add(len).max(0),
            Some(e) => e,
        };
        let start = match start {
            None => 0,
            Some(s) if s < 0 => s.saturating_add(len).max(0),
            Some(s) => s,
        };
        // Both are now non-negative; `start` may still lie past the end of the text.
        let start = usize::try_from(start).unwrap_or(usize::MAX);
        let end = usize::try_from(end).unwrap_or(0);
        let text = if start <= end {
            let a = self.byte_offset(start);
            let b = self.byte_offset(end);
            self.text.get(a..b).unwrap_or("")
        } else {
            ""
        };
        Window { start, end, text }
    }
}

/// The code points `[start, end)` that a search looks at, after Python's clamping.
/// `start` may exceed `end` (then `text` is empty and most searches fail).
pub(super) struct Window<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
}

impl Window<'_> {
    /// Code points in the window, or `None` when `start > end`.
    pub(super) fn len(&self) -> Option<usize> {
        self.end.checked_sub(self.start)
    }

    /// The code-point index in the whole text of byte offset `byte` (a char boundary)
    /// in the window.
    pub(super) fn index_of(&self, byte: usize) -> usize {
        self.start + self.text.get(..byte).map_or(0, char_len)
    }
}

/// Number of code points of `s` (Python's `len`).
pub(super) fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(s: &str, start: Option<i64>, end: Option<i64>) -> (usize, usize, String) {
        let w = CharIndex::new(s).window(start, end);
        (w.start, w.end, w.text.to_string())
    }

    #[test]
    fn clamps_like_python_slices() {
        assert_eq!(window("héllo", None, None), (0, 5, "héllo".into()));
        assert_eq!(window("héllo", Some(1), Some(3)), (1, 3, "él".into()));
        assert_eq!(window("héllo", Some(-2), None), (3, 5, "lo".into()));
        assert_eq!(window("héllo", Some(-99), Some(-4)), (0, 1, "h".into()));
        assert_eq!(
            window("héllo", Some(i64::MIN), Some(i64::MAX)),
            (0, 5, "héllo".into())
        );
        // start is not clamped to the length: 'abc'.find('', 4) must fail.
        assert_eq!(window("abc", Some(4), None), (4, 3, String::new()));
        assert_eq!(window("abc", Some(i64::MAX), None).2, "");
    }

    #[test]
    fn converts_between_code_points_and_bytes() {
        let index = CharIndex::new("aé😀b");
        assert_eq!(index.byte_offset(2), 3);
        assert_eq!(index.byte_offset(3), 7);
        assert_eq!(index.byte_offset(99), 8);
        assert_eq!(char_len("aé😀b"), 4);
    }
}
