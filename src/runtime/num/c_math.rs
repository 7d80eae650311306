//! What iterp and its crates need from the C maths library, without linking it.
//!
//! Owns: the C library's `pow`, bound the first time a float power needs it
//! (`system_pow`), and the `log2` symbol the crates' code calls.
//! Must not touch: Python's rules for `**` (`float_ops.rs` applies them first).
//!
//! Linking libm made the dynamic loader map and relocate one more library at every
//! start, about 60 µs of `print("hello")`'s ~1 ms (docs/performance.md, "Start-up"),
//! for two functions:
//! - `pow`: CPython's `float ** float` is the C library's `pow`, so iterp calls the same
//!   function to give the same last bit. On glibc it is looked up with `dlopen` on first
//!   use; where that is not possible, the portable `libm` crate's `pow` is used, which
//!   can differ from glibc's in the last bit.
//! - `log2`: num-bigint sizes its buffers with `f64::log2`, which compiles to a call to
//!   the C symbol `log2`; it is defined here with the `libm` crate's, so nothing is
//!   left for libm.so to provide. Only size estimates use it.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn lookup() -> Option<unsafe extern "C" fn(f64, f64) -> f64> {
    // SAFETY: dlopen and dlsym with NUL-terminated names; the handle is never closed,
    // so the function pointer stays valid for the life of the process, and glibc's
    // `pow` has exactly this signature.
    unsafe {
        let lib = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL);
        if lib.is_null() {
            return None;
        }
        let f = libc::dlsym(lib, c"pow".as_ptr());
        if f.is_null() {
            return None;
        }
        Some(std::mem::transmute::<
            *mut libc::c_void,
            unsafe extern "C" fn(f64, f64) -> f64,
        >(f))
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn lookup() -> Option<unsafe extern "C" fn(f64, f64) -> f64> {
    None
}

/// `x ** y` as the C library computes it.
pub fn system_pow(x: f64, y: f64) -> f64 {
    static POW: std::sync::OnceLock<Option<unsafe extern "C" fn(f64, f64) -> f64>> =
        std::sync::OnceLock::new();
    match POW.get_or_init(lookup) {
        // SAFETY: glibc's pow is a pure function of two doubles.
        Some(pow) => unsafe { pow(x, y) },
        None => libm::pow(x, y),
    }
}

/// The C `log2`, for `f64::log2` calls in iterp and its dependencies.
#[no_mangle]
pub extern "C" fn log2(x: f64) -> f64 {
    libm::log2(x)
}

#[cfg(test)]
mod tests {
    use super::system_pow;

    /// The values CPython prints for these powers (python3.11 on glibc).
    #[test]
    fn matches_cpython() {
        assert_eq!(system_pow(2.0, 0.5), std::f64::consts::SQRT_2);
        assert_eq!(system_pow(10.0, -2.0), 0.01);
        assert_eq!(system_pow(688.0, 17.0), 1.7338177710213608e48);
        assert_eq!(system_pow(62.12111996651636, -3.0), 4.17140319315269e-06);
    }
}
