//! `PyStr`: an immutable Python string with its code-point length and cached hash.
//!
//! Owns: the string object's layout and code-point indexing.
//! Must not touch: string methods (see `runtime/text/`), formatting, repr.

use std::cell::Cell;

pub struct PyStr {
    /// A `String`, not a `Box<str>`: a string held by one reference can grow in place
    /// (`s += t` in a loop is then amortised O(1), as CPython manages with refcount 1).
    text: String,
    /// Number of code points; equals the byte length for ASCII text.
    chars: usize,
    /// Cached hash; `-1` means not computed yet (Python hashes are never -1).
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_owned())
    }

    pub fn from_string(s: String) -> PyStr {
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            text: s,
            chars,
            hash: Cell::new(-1),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points (Python's `len`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// The code point at index `i` (0-based, already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// Byte offset of code point `i` (`i == char_len()` gives the byte length).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.text.len())
        } else {
            self.text
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.text.len())
        }
    }

    /// The substring of code points `[start, end)`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.text[a..b]
    }

    /// Appends in place; only for a string no one else can see (`Rc::get_mut`).
    pub fn push_str(&mut self, tail: &str) {
        self.text.push_str(tail);
        self.chars += if tail.is_ascii() {
            tail.len()
        } else {
            tail.chars().count()
        };
        self.hash.set(-1);
    }

    pub fn cached_hash(&self) -> Option<i64> {
        let h = self.hash.get();
        (h != -1).then_some(h)
    }

    pub fn set_cached_hash(&self, h: i64) {
        self.hash.set(h);
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_by_code_point() {
        let s = PyStr::new("héllo");
        assert_eq!(s.char_len(), 5);
        assert_eq!(s.char_at(1), Some('é'));
        assert_eq!(s.substring(1, 3), "él");
        assert!(!s.is_ascii());
    }
}
