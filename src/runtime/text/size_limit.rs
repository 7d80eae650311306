//! The ceiling on strings that text functions build, so that `'a' * 10**15` raises
//! `MemoryError` as in CPython instead of aborting the process.
//!
//! Owns: `MAX_TEXT_BYTES`, `text_with_capacity` (the one place a text function asks
//! for a large buffer) and `TextBuffer`, what such a buffer can be.
//! Must not touch: the `OverflowError`s that CPython raises when a length does not fit
//! `Py_ssize_t` (each operation has its own message and checks it).

use crate::runtime::exception::{Exc, ExcKind, PyResult};

/// Strings larger than this (in UTF-8 bytes) raise `MemoryError`. CPython stops only where
/// `malloc` fails; a fixed ceiling keeps one script from taking a shared machine's memory.
pub const MAX_TEXT_BYTES: usize = 1 << 32;

/// An empty string with room for `bytes` bytes; `None` stands for a size too large to
/// count. `MemoryError` above `MAX_TEXT_BYTES` or when the allocator refuses.
pub(super) fn text_with_capacity(bytes: Option<usize>) -> PyResult<String> {
    buffer_with_capacity(bytes)
}

/// What a text function writes its result into: a `String`, or the string object
/// itself (`runtime/str.rs` implements this for `PyStr`), so that a result that becomes
/// a Python string is copied once.
pub trait TextBuffer: Sized {
    /// An empty buffer with room for `bytes` bytes; `None` when the allocator refuses.
    fn try_with_capacity(bytes: usize) -> Option<Self>;
    fn push_str(&mut self, s: &str);
}

impl TextBuffer for String {
    fn try_with_capacity(bytes: usize) -> Option<String> {
        let mut s = String::new();
        s.try_reserve_exact(bytes).ok()?;
        Some(s)
    }

    fn push_str(&mut self, s: &str) {
        String::push_str(self, s)
    }
}

/// `text_with_capacity` for any buffer.
pub(super) fn buffer_with_capacity<B: TextBuffer>(bytes: Option<usize>) -> PyResult<B> {
    match bytes {
        Some(b) if b <= MAX_TEXT_BYTES => {
            B::try_with_capacity(b).ok_or_else(|| Exc::bare(ExcKind::MemoryError))
        }
        _ => Err(Exc::bare(ExcKind::MemoryError)),
    }
}

/// Python's `PY_SSIZE_T_MAX`: longer strings raise `OverflowError` before any allocation.
pub(super) const MAX_CHARS: usize = isize::MAX as usize;
