//! Building a string from copies: `sep.join(parts)` and `s * n`.
//!
//! Owns: sizing the result before copying (one allocation) and the errors for absurd
//! sizes. Must not touch: collecting the parts from an iterable or checking they are
//! strings (the caller raises "sequence item 1: expected str instance, int found").

use super::bounds::char_len;
use super::size_limit::{buffer_with_capacity, text_with_capacity, TextBuffer, MAX_CHARS};
use crate::runtime::exception::{Exc, ExcKind, PyResult};

/// `sep.join(parts)`: the capacity is counted first, so the parts are copied once.
pub fn join<S: AsRef<str>, B: TextBuffer>(sep: &str, parts: &[S]) -> PyResult<B> {
    let separators = parts.len().saturating_sub(1);
    let bytes = parts
        .iter()
        .try_fold(0usize, |total, p| total.checked_add(p.as_ref().len()))
        .and_then(|total| sep.len().checked_mul(separators)?.checked_add(total));
    let mut out: B = buffer_with_capacity(bytes)?;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part.as_ref());
    }
    Ok(out)
}

/// `s * n`: empty for `n <= 0`; `OverflowError` when the length would not fit
/// `Py_ssize_t` (as CPython), `MemoryError` past `MAX_TEXT_BYTES`.
pub fn repeat(s: &str, n: i64) -> PyResult<String> {
    let n = usize::try_from(n).unwrap_or(0);
    if n == 0 || s.is_empty() {
        return Ok(String::new());
    }
    if char_len(s).checked_mul(n).is_none_or(|len| len > MAX_CHARS) {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "repeated string is too long",
        ));
    }
    let mut out = text_with_capacity(s.len().checked_mul(n))?;
    for _ in 0..n {
        out.push_str(s);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_with_a_separator() {
        assert_eq!(
            join::<_, String>(", ", &["a", "é", "😀"]).unwrap(),
            "a, é, 😀"
        );
        assert_eq!(join::<_, String>("", &["a", "b"]).unwrap(), "ab");
        assert_eq!(join::<_, String>("-", &["only"]).unwrap(), "only");
        assert_eq!(join::<_, String>("-", &[] as &[&str]).unwrap(), "");
        assert_eq!(join::<_, String>("中", &["", ""]).unwrap(), "中");
        let owned = vec![String::from("x"), String::from("y")];
        assert_eq!(join::<_, String>("+", &owned).unwrap(), "x+y");
    }

    #[test]
    fn repeats() {
        assert_eq!(repeat("ab", 3).unwrap(), "ababab");
        assert_eq!(repeat("é😀", 2).unwrap(), "é😀é😀");
        assert_eq!(repeat("ab", 0).unwrap(), "");
        assert_eq!(repeat("ab", -5).unwrap(), "");
        assert_eq!(repeat("", i64::MAX).unwrap(), "");
    }

    #[test]
    fn absurd_repeats_raise_instead_of_aborting() {
        // 'a' * 2**62 is MemoryError; 'ab' * 2**62 is OverflowError in python3.11
        assert!(repeat("a", 1 << 62).unwrap_err().is(ExcKind::MemoryError));
        let err = repeat("ab", 1 << 62).unwrap_err();
        assert!(err.is(ExcKind::OverflowError));
        assert_eq!(
            crate::runtime::text::error_line(&err),
            "OverflowError: repeated string is too long"
        );
        // Fits Py_ssize_t in code points, not our ceiling in bytes.
        assert!(repeat("😀", 1 << 40).unwrap_err().is(ExcKind::MemoryError));
    }
}
