//! The global allocator: mimalloc, called the cheapest way for each request.
//!
//! Owns: the `GlobalAlloc` implementation installed by `main.rs`.
//! Must not touch: anything else; it only forwards to mimalloc's C API.
//!
//! The `mimalloc` crate sends every request through `mi_malloc_aligned`, a few levels
//! of calls deeper than `mi_malloc`. Almost every allocation here (an `Rc` box, a
//! `Vec<Value>`, a string) needs at most 8-byte alignment, which `mi_malloc` always
//! gives, so only larger alignments take the aligned entry points.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// Whether a plain `mi_malloc` block (aligned to a machine word, whatever its size)
/// satisfies `layout`.
#[inline(always)]
fn plain(layout: Layout) -> bool {
    layout.align() <= std::mem::size_of::<usize>()
}

pub struct Mimalloc;

// SAFETY: each method forwards to the mimalloc function with the same contract
// (size, alignment, pointer from the same allocator); blocks from `mi_malloc` and the
// aligned functions are freed and reallocated by the same `mi_free`/`mi_realloc*`.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(layout) {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(layout) {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if plain(layout) {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}
