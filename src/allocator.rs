//! The global allocator: a start-up arena in front of mimalloc, called the cheapest way
//! for each request.
//!
//! Owns: the `GlobalAlloc` implementation installed by `main.rs`.
//! Must not touch: anything else; it only hands out arena space or forwards to
//! mimalloc's C API.
//!
//! The start-up arena: the first `ARENA_BYTES` of requests are cut one after another
//! from a zeroed static block, and their frees are ignored. mimalloc gives each size of
//! block its own 64 KiB page, so start-up (clap, the interner, ~100 built-in classes,
//! the parser), touching a few blocks of many sizes, faulted in some 60 fresh 4 KiB pages
//! at about 2 µs each; the arena packs the same requests into a third of the pages,
//! and a short script never starts mimalloc at all (its set-up reads the environment,
//! `/proc` and reserves its first arena). docs/performance.md, "Start-up".
//!
//! mimalloc: the `mimalloc` crate sends every request through `mi_malloc_aligned`, a few
//! levels of calls deeper than `mi_malloc`. Almost every allocation here (an `Rc` box, a
//! `Vec<Value>`, a string) needs at most 8-byte alignment, which `mi_malloc` always
//! gives, so only larger alignments take the aligned entry points.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Once;

/// Whether a plain `mi_malloc` block (aligned to a machine word, whatever its size)
/// satisfies `layout`.
#[inline(always)]
fn plain(layout: Layout) -> bool {
    layout.align() <= std::mem::size_of::<usize>()
}

/// Enough for start-up and a short script; at most this much is never reused.
const ARENA_BYTES: usize = 256 * 1024;

#[repr(C, align(4096))]
struct Arena(UnsafeCell<[u8; ARENA_BYTES]>);

// SAFETY: disjoint ranges of the block are handed out through the atomic `USED`; the
// arena itself never reads or writes them.
unsafe impl Sync for Arena {}

static ARENA: Arena = Arena(UnsafeCell::new([0; ARENA_BYTES]));

/// Bytes of the arena handed out, or `CLOSED`.
static USED: AtomicUsize = AtomicUsize::new(0);

/// `USED` once a request did not fit: distinct from an arena filled exactly, so that
/// whichever request finds no room starts mimalloc.
const CLOSED: usize = ARENA_BYTES + 1;

#[inline(always)]
fn arena_base() -> usize {
    ARENA.0.get() as usize
}

#[inline(always)]
fn in_arena(ptr: *mut u8) -> bool {
    (ptr as usize).wrapping_sub(arena_base()) < ARENA_BYTES
}

/// The next `layout`-shaped block of the arena (never handed out before, so zeroed),
/// or `None` once the arena is spent: the first request that does not fit closes it
/// (starting mimalloc), and after that a request costs one load and one comparison.
#[inline(always)]
fn arena_alloc(layout: Layout) -> Option<*mut u8> {
    let used = USED.load(Relaxed);
    if used == CLOSED {
        return None;
    }
    arena_bump(used, layout)
}

#[inline]
fn arena_bump(mut used: usize, layout: Layout) -> Option<*mut u8> {
    let mask = layout.align() - 1;
    loop {
        let start = (used + mask) & !mask;
        let end = start + layout.size();
        // `end` cannot overflow: `used <= CLOSED` and a layout's size, rounded up to
        // its alignment, is at most `isize::MAX`. A closed arena (`CLOSED`) fails here.
        if end > ARENA_BYTES {
            close_arena();
            return None;
        }
        match USED.compare_exchange_weak(used, end, Relaxed, Relaxed) {
            Ok(_) => return Some((arena_base() + start) as *mut u8),
            Err(now) => used = now,
        }
    }
}

extern "C" {
    /// mimalloc's process set-up (options, the main heap), which its C constructor runs
    /// at load unless `MI_PRIM_HAS_PROCESS_ATTACH` is defined (.cargo/config.toml).
    fn _mi_auto_process_init();
}

static MIMALLOC_STARTED: Once = Once::new();

/// One block of each small size mimalloc keeps apart (its size classes up to 256 bytes).
const PINNED_SIZES: [usize; 16] = [
    8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256,
];

/// Sends every later request to mimalloc, starting it first.
///
/// Then one block of each small size is allocated and kept: when the last block of a
/// mimalloc page is freed, mimalloc retires the page, about 50 instructions each time,
/// and a loop that makes and drops one frame or box at a time would do so at every
/// step (many_generators: +2% instructions) once the start-up objects that used to
/// keep those pages occupied live in the arena instead.
#[cold]
fn close_arena() {
    USED.store(CLOSED, Relaxed);
    MIMALLOC_STARTED.call_once(|| {
        // SAFETY: run once, before any other mimalloc call (every request reaches
        // mimalloc only after the arena has closed), as the constructor would have.
        unsafe { _mi_auto_process_init() };
        for size in PINNED_SIZES {
            // SAFETY: a plain allocation, deliberately never freed.
            unsafe { mi::mi_malloc(size) };
        }
    });
}

/// Grows the arena block `ptr` in place when it is the last one handed out (into space
/// never handed out, so still zeroed).
fn arena_grow_last(ptr: *mut u8, old_size: usize, new_size: usize) -> bool {
    let start = ptr as usize - arena_base();
    let Some(end) = start.checked_add(new_size) else {
        return false;
    };
    end <= ARENA_BYTES
        && USED
            .compare_exchange(start + old_size, end, Relaxed, Relaxed)
            .is_ok()
}

/// A mimalloc block for `layout`, zeroed or not, from the cheapest entry point.
#[inline(always)]
unsafe fn mi_alloc(layout: Layout, zeroed: bool) -> *mut u8 {
    let p = match (plain(layout), zeroed) {
        (true, false) => mi::mi_malloc(layout.size()),
        (true, true) => mi::mi_zalloc(layout.size()),
        (false, false) => mi::mi_malloc_aligned(layout.size(), layout.align()),
        (false, true) => mi::mi_zalloc_aligned(layout.size(), layout.align()),
    };
    p as *mut u8
}

pub struct Mimalloc;

// SAFETY: an arena block is handed out once (see `arena_alloc`), is large and aligned
// enough for its layout, and is never passed to mimalloc; every other block comes from
// the mimalloc function with the same contract (size, alignment) and is freed and
// reallocated by the same `mi_free`/`mi_realloc*`.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match arena_alloc(layout) {
            Some(p) => p,
            None => mi_alloc(layout, false),
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // Arena space is never handed out twice, so it is still zeroed.
        match arena_alloc(layout) {
            Some(p) => p,
            None => mi_alloc(layout, true),
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        if in_arena(ptr) {
            return arena_free(ptr);
        }
        mi::mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if in_arena(ptr) {
            return arena_realloc(ptr, layout, new_size);
        }
        if plain(layout) {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

/// Freeing an arena block: nothing. Out of line and cold, so that the range check stays
/// on the freeing path, after a caller's own test (a `Vec` frees only when it has
/// capacity), where the compiler otherwise computed it branch-free beside that test
/// for every empty `Vec` dropped (drop_in_place<Frame>: +46% instructions in
/// closures_calls).
#[cold]
#[inline(never)]
fn arena_free(ptr: *mut u8) {
    std::hint::black_box(ptr);
}

/// `realloc` of an arena block: the same block when it shrinks (the rest is not handed
/// out again: the arena stays zeroed past `USED`) or when it is the last block and can
/// grow, else a copy into a new block (the old one is not reused).
#[cold]
unsafe fn arena_realloc(ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
    if new_size <= layout.size() || arena_grow_last(ptr, layout.size(), new_size) {
        return ptr;
    }
    // SAFETY (of the layout): `GlobalAlloc::realloc`'s caller guarantees `new_size`,
    // rounded up to `layout.align()`, does not overflow.
    let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
    let new = match arena_alloc(new_layout) {
        Some(p) => p,
        None => mi_alloc(new_layout, false),
    };
    if !new.is_null() {
        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
    }
    new
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arena's blocks are aligned, zeroed, keep their contents through `realloc`,
    /// and once it is spent every request is mimalloc's (and can be freed).
    #[test]
    fn arena_blocks_then_mimalloc() {
        let a = Mimalloc;
        // SAFETY: every block is used within its layout and freed with it.
        unsafe {
            let small = Layout::from_size_align(24, 8).unwrap();
            let p = a.alloc_zeroed(small);
            assert!(in_arena(p) && (p as usize).is_multiple_of(8));
            assert!(std::slice::from_raw_parts(p, 24).iter().all(|&b| b == 0));
            p.write_bytes(7, 24);
            // The last block grows in place; another block's growth copies.
            let q = a.realloc(p, small, 64);
            assert_eq!(q, p);
            let r = a.alloc(Layout::from_size_align(10, 1).unwrap());
            let q2 = a.realloc(q, Layout::from_size_align(64, 8).unwrap(), 200);
            assert_ne!(q2, q);
            assert!(std::slice::from_raw_parts(q2, 24).iter().all(|&b| b == 7));
            let wide = Layout::from_size_align(100, 64).unwrap();
            let w = a.alloc(wide);
            assert!((w as usize).is_multiple_of(64));
            a.dealloc(r, Layout::from_size_align(10, 1).unwrap());
            // Fill the arena: the request that does not fit goes to mimalloc.
            let big = Layout::from_size_align(ARENA_BYTES, 8).unwrap();
            let m = a.alloc(big);
            assert!(!m.is_null() && !in_arena(m));
            assert_eq!(USED.load(Relaxed), CLOSED);
            let after = a.alloc(small);
            assert!(!in_arena(after));
            a.dealloc(after, small);
            a.dealloc(m, big);
        }
    }
}
