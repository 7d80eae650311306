//! The ceiling on strings that text functions build, so that `'a' * 10**15` raises
//! `MemoryError` as in CPython instead of aborting the process.
//!
//! Owns: `MAX_TEXT_BYTES` and `text_with_capacity`, the one place a text function asks
//! for a large buffer. Must not touch: the `OverflowError`s that CPython raises when a
//! length does not fit `Py_ssize_t` (each operation has its own message and checks it).

use crate::runtime::exception::{Exc, ExcKind, PyResult};

/// Strings larger than this (in UTF-8 bytes) raise `MemoryError`. CPython stops only where
/// `malloc` fails; a fixed ceiling keeps one script from taking a shared machine's memory.
pub const MAX_TEXT_BYTES: usize = 1 << 32;

/// An empty string with room for `bytes` bytes; `None` stands for a size too large to
/// count. `MemoryError` above `MAX_TEXT_BYTES` or when the allocator refuses.
pub(super) fn text_with_capacity(bytes: Option<usize>) -> PyResult<String> {
    let bytes = match bytes {
        Some(b) if b <= MAX_TEXT_BYTES => b,
        _ => return Err(Exc::bare(ExcKind::MemoryError)),
    };
    let mut s = String::new();
    s.try_reserve_exact(bytes)
        .map_err(|_| Exc::bare(ExcKind::MemoryError))?;
    Ok(s)
}

/// Python's `PY_SSIZE_T_MAX`: longer strings raise `OverflowError` before any allocation.
pub(super) const MAX_CHARS: usize = isize::MAX as usize;
