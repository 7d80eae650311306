//! `PyStr`: an immutable Python string with its code-point length and cached hash.
//!
//! Owns: the string object's layout (header and bytes in one allocation, its reference
//! count) and code-point indexing.
//! Must not touch: string methods (see `runtime/text/`), formatting, repr.

use std::alloc::{alloc, dealloc, handle_alloc_error, realloc, Layout};
use std::cell::Cell;
use std::ptr::NonNull;

/// A reference to an immutable Python string: one allocation holding the reference
/// count, the cached hash, the lengths and the UTF-8 bytes, so making a string costs one
/// `malloc` (an `Rc<String>`-like pair cost two; string_build makes about six strings per
/// step). Cloning the handle shares the string, as `Rc` does.
pub struct PyStr {
    ptr: NonNull<Header>,
}

/// What sits in front of the bytes.
#[repr(C)]
struct Header {
    strong: Cell<usize>,
    /// Cached hash; `-1` means not computed yet (Python hashes are never -1).
    hash: Cell<i64>,
    /// Number of code points (equal to `len` for ASCII text), or `UNCOUNTED`: a string
    /// built piece by piece is counted once, when its length is first asked for.
    chars: Cell<usize>,
    /// Bytes in use.
    len: usize,
    /// Bytes allocated after the header. A string held by one reference can grow in
    /// place (`s += t` in a loop is then amortised O(1), as CPython manages with
    /// refcount 1).
    cap: usize,
}

const HEADER: usize = std::mem::size_of::<Header>();

/// `Header::chars` before the code points are counted (no string has this many).
const UNCOUNTED: usize = usize::MAX;

thread_local! {
    /// The shared one-character strings below U+0100 (`PyStr::piece`), each made on
    /// first use and never dropped (at most 256 small blocks per thread).
    static LATIN1_CHARS: [std::cell::OnceCell<std::mem::ManuallyDrop<PyStr>>; 256] =
        const { [const { std::cell::OnceCell::new() }; 256] };
}

fn layout_for(cap: usize) -> Layout {
    match HEADER
        .checked_add(cap)
        .and_then(|size| Layout::from_size_align(size, std::mem::align_of::<Header>()).ok())
    {
        Some(layout) => layout,
        // Callers check sizes against `MAX_TEXT_BYTES` first; this cannot be reached
        // by a script, and aborting is what `Vec` does on capacity overflow.
        None => handle_alloc_error(Layout::new::<Header>()),
    }
}

/// `copy_nonoverlapping` with the short copies inline. Most pieces a builder appends
/// (digits, separators, words) are a few bytes, and each was a call into libc's
/// `memcpy` (4.6% of string_build's instructions): up to 16 bytes are copied here as
/// two possibly overlapping words, halves or bytes, longer ones by `memcpy`.
///
/// # Safety
/// As `copy_nonoverlapping(src, dst, n)`.
#[inline(always)]
unsafe fn copy_bytes(src: *const u8, dst: *mut u8, n: usize) {
    match n {
        0 => {}
        1..=3 => {
            *dst = *src;
            *dst.add(n / 2) = *src.add(n / 2);
            *dst.add(n - 1) = *src.add(n - 1);
        }
        4..=7 => copy_ends::<u32>(src, dst, n),
        8..=16 => copy_ends::<u64>(src, dst, n),
        _ => std::ptr::copy_nonoverlapping(src, dst, n),
    }
}

/// Copies `n` bytes, `size_of::<W>() <= n <= 2 * size_of::<W>()`, as the first and the
/// last `W` (overlapping in the middle when `n` is less than two of them).
///
/// # Safety
/// As `copy_nonoverlapping(src, dst, n)`, with `n` in that range.
#[inline(always)]
unsafe fn copy_ends<W: Copy>(src: *const u8, dst: *mut u8, n: usize) {
    let last = n - std::mem::size_of::<W>();
    let (head, tail) = (
        (src as *const W).read_unaligned(),
        (src.add(last) as *const W).read_unaligned(),
    );
    (dst as *mut W).write_unaligned(head);
    (dst.add(last) as *mut W).write_unaligned(tail);
}

fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

impl PyStr {
    /// An empty string with room for `cap` bytes, held only by the result.
    pub fn with_capacity(cap: usize) -> PyStr {
        match PyStr::try_with_capacity(cap) {
            Some(s) => s,
            None => handle_alloc_error(layout_for(cap)),
        }
    }

    /// `with_capacity`, or `None` when the allocator refuses.
    pub fn try_with_capacity(cap: usize) -> Option<PyStr> {
        let layout = layout_for(cap);
        // SAFETY: the layout has a non-zero size (the header).
        let ptr = NonNull::new(unsafe { alloc(layout) } as *mut Header)?;
        // SAFETY: `ptr` is a fresh allocation sized and aligned for a header.
        unsafe {
            ptr.as_ptr().write(Header {
                strong: Cell::new(1),
                hash: Cell::new(-1),
                chars: Cell::new(UNCOUNTED),
                len: 0,
                cap,
            })
        };
        Some(PyStr { ptr })
    }

    pub fn new(s: &str) -> PyStr {
        let mut out = PyStr::with_capacity(s.len());
        out.append_unique(s);
        out
    }

    /// A string cut from another (an item `s[i]`, a slice, a `split` part, a step of
    /// iterating a str). As in CPython, a piece of one character below U+0100 is a
    /// shared string made once per thread, so cutting it allocates nothing and
    /// `s[0] is s[0]`; other strings (`str(7)`, literals) are new objects, as there.
    #[inline]
    pub fn piece(s: &str) -> PyStr {
        let code = match *s.as_bytes() {
            [b] => b as usize,
            [b0 @ (0xc2 | 0xc3), b1] => ((b0 as usize & 0x1f) << 6) | (b1 as usize & 0x3f),
            _ => return PyStr::new(s),
        };
        LATIN1_CHARS.with(|table| {
            let shared = table[code].get_or_init(|| std::mem::ManuallyDrop::new(PyStr::new(s)));
            PyStr::clone(shared)
        })
    }

    pub fn from_string(s: String) -> PyStr {
        PyStr::new(&s)
    }

    #[inline(always)]
    fn header(&self) -> &Header {
        // SAFETY: `ptr` points to a live header for as long as this handle exists.
        unsafe { self.ptr.as_ref() }
    }

    #[inline(always)]
    fn bytes_ptr(&self) -> *mut u8 {
        // SAFETY: the bytes start right after the header, inside the allocation.
        unsafe { (self.ptr.as_ptr() as *mut u8).add(HEADER) }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        let len = self.header().len;
        // SAFETY: the first `len` bytes are initialised UTF-8 (only `append_unique`
        // writes them, from a `&str`), and they do not change while `self` is borrowed.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.bytes_ptr(), len)) }
    }

    /// Length in code points (Python's `len`).
    #[inline]
    pub fn char_len(&self) -> usize {
        let chars = self.header().chars.get();
        if chars != UNCOUNTED {
            return chars;
        }
        self.count_now()
    }

    #[cold]
    fn count_now(&self) -> usize {
        let chars = count_chars(self.as_str());
        self.header().chars.set(chars);
        chars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len() == self.header().len
    }

    /// Whether `a` and `b` are the same string object (Python's `is`).
    pub fn ptr_eq(a: &PyStr, b: &PyStr) -> bool {
        a.ptr == b.ptr
    }

    /// The object's address, for `id()`.
    pub fn address(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// Whether this handle is the only reference, so the string may change in place.
    #[inline]
    pub fn is_unique(&self) -> bool {
        self.header().strong.get() == 1
    }

    /// Appends `tail`. A string no one else holds grows in place; a shared one is
    /// copied first, so other holders keep the old text.
    #[inline]
    pub fn push_str(&mut self, tail: &str) {
        if !self.is_unique() {
            self.unshare(tail.len());
        }
        self.append_unique(tail);
    }

    /// Replaces `self` with a copy of its text that no one else holds, with room for
    /// `extra` more bytes.
    #[cold]
    fn unshare(&mut self, extra: usize) {
        let mut copy = PyStr::with_capacity(self.header().len.saturating_add(extra));
        copy.append_unique(self.as_str());
        copy.header().chars.set(self.header().chars.get());
        *self = copy;
    }

    /// Appends to a string held only by `self`. Inlined: builders call it once per piece.
    #[inline(always)]
    fn append_unique(&mut self, tail: &str) {
        debug_assert!(self.is_unique());
        let h = self.header();
        let len = h.len;
        if tail.len() > h.cap - len {
            self.grow(tail.len());
        }
        // SAFETY: `grow` made room for `tail`; `tail` cannot overlap a block no one
        // else can see.
        unsafe { copy_bytes(tail.as_ptr(), self.bytes_ptr().add(len), tail.len()) };
        // SAFETY: unique, so no other reference to the header exists.
        let h = unsafe { self.ptr.as_mut() };
        h.len = len + tail.len();
        let chars = h.chars.get();
        if chars != UNCOUNTED {
            // Keeps `s += t; len(s)` in a loop linear.
            h.chars.set(chars + count_chars(tail));
        }
        h.hash.set(-1);
    }

    /// Makes room for `extra` more bytes: at least double, as `String` grows.
    #[cold]
    #[inline(never)]
    fn grow(&mut self, extra: usize) {
        let (len, cap) = (self.header().len, self.header().cap);
        let needed = match len.checked_add(extra) {
            Some(n) => n,
            None => handle_alloc_error(Layout::new::<Header>()),
        };
        let new_cap = needed.max(cap.saturating_mul(2));
        let new_layout = layout_for(new_cap);
        // SAFETY: `ptr` was allocated with `layout_for(cap)`; the new size is non-zero.
        // The header and bytes move with the block.
        let raw = unsafe {
            realloc(
                self.ptr.as_ptr() as *mut u8,
                layout_for(cap),
                new_layout.size(),
            )
        };
        let Some(ptr) = NonNull::new(raw as *mut Header) else {
            handle_alloc_error(new_layout)
        };
        self.ptr = ptr;
        // SAFETY: unique, so no other reference to the header exists.
        unsafe { self.ptr.as_mut() }.cap = new_cap;
    }

    /// The code point at index `i` (0-based, already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.as_str().as_bytes().get(i).map(|&b| b as char)
        } else {
            self.as_str().chars().nth(i)
        }
    }

    /// Byte offset of code point `i` (`i == char_len()` gives the byte length).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.as_str().len())
        } else {
            let text = self.as_str();
            text.char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(text.len())
        }
    }

    /// The substring of code points `[start, end)`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.as_str()[a..b]
    }

    pub fn cached_hash(&self) -> Option<i64> {
        let h = self.header().hash.get();
        (h != -1).then_some(h)
    }

    pub fn set_cached_hash(&self, h: i64) {
        self.header().hash.set(h);
    }
}

impl crate::runtime::text::TextBuffer for PyStr {
    fn try_with_capacity(bytes: usize) -> Option<PyStr> {
        PyStr::try_with_capacity(bytes)
    }

    #[inline(always)]
    fn push_str(&mut self, s: &str) {
        PyStr::push_str(self, s)
    }
}

impl Clone for PyStr {
    #[inline]
    fn clone(&self) -> PyStr {
        let strong = &self.header().strong;
        // As `Rc` does: a count that would wrap means leaked handles; stop.
        if strong.get() == usize::MAX {
            std::process::abort();
        }
        strong.set(strong.get() + 1);
        PyStr { ptr: self.ptr }
    }
}

impl Drop for PyStr {
    #[inline]
    fn drop(&mut self) {
        let strong = &self.header().strong;
        let left = strong.get() - 1;
        strong.set(left);
        if left == 0 {
            let cap = self.header().cap;
            // SAFETY: the last handle; the block was allocated with `layout_for(cap)`.
            unsafe { dealloc(self.ptr.as_ptr() as *mut u8, layout_for(cap)) };
        }
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn short_and_long_copies_write_exactly_their_bytes() {
        let src: Vec<u8> = (1..=40).collect();
        for n in 0..=40 {
            let mut dst = [0u8; 48];
            // SAFETY: both buffers hold at least `n` bytes and do not overlap.
            unsafe { copy_bytes(src.as_ptr(), dst.as_mut_ptr(), n) };
            assert_eq!(&dst[..n], &src[..n], "n = {n}");
            assert!(dst[n..].iter().all(|&b| b == 0), "n = {n}");
        }
    }
    use super::*;

    #[test]
    fn indexes_by_code_point() {
        let s = PyStr::new("héllo");
        assert_eq!(s.char_len(), 5);
        assert_eq!(s.char_at(1), Some('é'));
        assert_eq!(s.substring(1, 3), "él");
        assert!(!s.is_ascii());
    }

    #[test]
    fn a_shared_string_is_copied_before_it_grows() {
        let mut a = PyStr::new("ab");
        let b = a.clone();
        assert!(!a.is_unique());
        a.push_str("cé");
        assert_eq!((a.as_str(), a.char_len()), ("abcé", 4));
        assert_eq!((b.as_str(), b.char_len()), ("ab", 2));
        assert!(a.is_unique() && b.is_unique());
    }

    #[test]
    fn a_unique_string_grows_in_place_and_forgets_its_hash() {
        let mut s = PyStr::with_capacity(0);
        s.set_cached_hash(7);
        for _ in 0..1000 {
            s.push_str("xy");
        }
        assert_eq!(s.as_str().len(), 2000);
        assert_eq!(s.char_len(), 2000);
        assert_eq!(s.cached_hash(), None);
        assert_eq!(PyStr::new("").as_str(), "");
    }
}
