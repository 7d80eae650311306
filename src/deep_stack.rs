//! The stack programs run on: one large mapping, switched to in place on the calling
//! thread, and the floor below which a Python call raises `RecursionError`.
//!
//! A tree-walker recurses in Rust for every Python call and every nested expression, so
//! the recursion limit needs far more stack than a thread gets by default. Starting a
//! thread for it was a tenth of `print("hello")`'s time (a new thread also gets its own
//! allocator heap); switching the stack pointer onto a fresh mapping costs two system
//! calls (docs/performance.md, "Start-up").
//!
//! Owns: mapping and unmapping the stack, running a closure on it, and the floor.
//! Must not touch: what runs on it.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};

/// The stack wanted: deep enough for the recursion limit with room to spare. Only the
/// pages actually touched are ever committed.
pub const STACK_SIZE: usize = 1 << 30;
/// Smaller stacks tried, largest first, if the address space is too limited for the
/// size asked for (a `ulimit -v`).
const FALLBACK_SIZES: [usize; 3] = [256 << 20, 64 << 20, 16 << 20];
/// Stack left below the deepest Python call, for the Rust recursion between two calls:
/// the deepest nesting the parser accepts, and builtins such as `repr` that recurse.
const RESERVE_DIVISOR: usize = 16;
/// The inaccessible page under the stack, so running off its end faults.
const GUARD: usize = 4096;

thread_local! {
    /// The lowest address a Python call may start at on this thread's deep stack; 0 when
    /// not on one (no check beyond the recursion limit).
    static FLOOR: Cell<usize> = const { Cell::new(0) };
}

/// The lowest stack address at which a Python call may start, for `Interp::enter`.
pub fn floor() -> usize {
    FLOOR.get()
}

/// The current stack address, to compare with `floor()`.
#[inline(always)]
pub fn here() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

/// Runs `f` on a fresh deep stack and returns its result (a panic in `f` continues
/// after the stack is switched back).
pub fn run<T>(f: impl FnOnce() -> T) -> T {
    run_sized(STACK_SIZE, f)
}

/// `run` on a stack of about `size` bytes (less if that cannot be mapped).
pub fn run_sized<T>(size: usize, f: impl FnOnce() -> T) -> T {
    let stack = Mapping::new(size);
    let previous = FLOOR.replace(stack.floor());
    // SAFETY: the mapping is page-aligned, its size a multiple of the page size, and it
    // outlives the call; `f`'s panics are caught inside, so nothing unwinds across the
    // stack switch.
    let result = unsafe {
        psm::on_stack(stack.base(), stack.size(), || {
            panic::catch_unwind(AssertUnwindSafe(f))
        })
    };
    FLOOR.set(previous);
    drop(stack);
    match result {
        Ok(value) => value,
        Err(payload) => panic::resume_unwind(payload),
    }
}

/// An anonymous private mapping: a guard page, then the stack.
struct Mapping {
    start: *mut u8,
    len: usize,
}

impl Mapping {
    fn new(wanted: usize) -> Mapping {
        let smaller = FALLBACK_SIZES.into_iter().filter(|&size| size < wanted);
        for size in std::iter::once(wanted).chain(smaller) {
            if let Some(mapping) = Mapping::try_new(size) {
                return mapping;
            }
        }
        panic!("cannot map a stack for the interpreter");
    }

    fn try_new(size: usize) -> Option<Mapping> {
        let len = size + GUARD;
        // SAFETY: a new anonymous mapping at an address of the kernel's choosing; nothing
        // else refers to it.
        let start = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK,
                -1,
                0,
            )
        };
        if start == libc::MAP_FAILED {
            return None;
        }
        let mapping = Mapping {
            start: start.cast(),
            len,
        };
        // SAFETY: the first page of the mapping just made.
        if unsafe { libc::mprotect(start, GUARD, libc::PROT_NONE) } != 0 {
            return None;
        }
        Some(mapping)
    }

    fn base(&self) -> *mut u8 {
        self.start.wrapping_add(GUARD)
    }

    fn size(&self) -> usize {
        self.len - GUARD
    }

    fn floor(&self) -> usize {
        self.base() as usize + self.size() / RESERVE_DIVISOR
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: the whole mapping made in `try_new`, no longer in use.
        unsafe {
            libc::munmap(self.start.cast(), self.len);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_on_its_own_stack_and_restores_the_floor() {
        assert_eq!(floor(), 0);
        let (inside, floor_inside) = run(|| (here(), floor()));
        assert!(inside > floor_inside && floor_inside > 0);
        assert_eq!(floor(), 0);
    }

    /// The thread this replaced aborted with "has overflowed its stack" instead.
    #[test]
    fn a_recursion_limit_too_high_for_the_stack_still_ends_in_recursion_error() {
        use crate::session::{run_program, RunOptions};
        use crate::syntax::span::SourceFile;
        use std::cell::RefCell;
        use std::rc::Rc;

        #[derive(Clone, Default)]
        struct Shared(Rc<RefCell<Vec<u8>>>);
        impl std::io::Write for Shared {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.borrow_mut().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }

        let mut options = RunOptions::default();
        options.interp.recursion_limit = u32::MAX;
        let (out, err) = (Shared::default(), Shared::default());
        let (o, e) = (out.clone(), err.clone());
        let code = run_sized(32 << 20, move || {
            let source = SourceFile::new("deep.py", "def f(n):\n    return f(n + 1)\nf(0)\n");
            run_program(source, &options, Box::new(o), Box::new(e))
        });
        let err = String::from_utf8_lossy(&err.0.borrow()).into_owned();
        assert_eq!(code, 1);
        assert!(
            err.ends_with("RecursionError: maximum recursion depth exceeded\n"),
            "{err}"
        );
    }

    #[test]
    fn a_panic_inside_comes_out_after_the_switch_back() {
        let caught = panic::catch_unwind(|| run(|| panic!("inside")));
        assert!(caught.is_err());
        assert_eq!(floor(), 0);
    }
}
