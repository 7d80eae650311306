//! Floats as text: `repr(x)` and the fixed, exponent and general notations, exactly as
//! CPython's `PyOS_double_to_string` writes them.
//!
//! Owns: decimal digit generation (shortest round-trip, n significant digits, n digits
//! after the point, all correctly rounded with ties to even on the exact binary value,
//! as David Gay's dtoa does) and the layout of those digits (`1e+16`, `1e-05`, `1.0`,
//! `inf`, `-0.0`).
//! Must not touch: padding, signs for `+`/space, grouping (see `format_number.rs`).

/// Decimal digits of a finite `|x|`: the value is `0.DIGITS × 10**decpt`. Trailing zeros
/// are removed, as dtoa removes them; zero is `("0", 1)`.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

impl Digits {
    /// From Rust's `{:e}` output `d.ddde±N`.
    fn from_exponent_form(s: &str) -> Digits {
        let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
        Digits::normalised(digits, exp + 1)
    }

    /// From Rust's fixed `ddd.ddd` output.
    fn from_fixed_form(s: &str) -> Digits {
        let int_len = s.find('.').unwrap_or(s.len()) as i64;
        let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
        Digits::normalised(digits, int_len)
    }

    /// Strips leading zeros (moving the point) and trailing zeros.
    fn normalised(mut digits: Vec<u8>, mut decpt: i64) -> Digits {
        let leading = digits.iter().take_while(|&&d| d == b'0').count();
        if leading == digits.len() {
            return Digits {
                digits: vec![b'0'],
                decpt: 1,
            };
        }
        digits.drain(..leading);
        decpt -= leading as i64;
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        Digits { digits, decpt }
    }
}

/// dtoa mode 0: the shortest digits that read back as `x`.
fn shortest(x: f64) -> Digits {
    Digits::from_exponent_form(&format!("{x:e}"))
}

/// dtoa mode 2: `n >= 1` significant digits.
fn significant(x: f64, n: usize) -> Digits {
    Digits::from_exponent_form(&format!("{:.*e}", n - 1, x))
}

/// dtoa mode 3: rounded to `n` digits after the point (`n < 0` rounds to tens,
/// hundreds …). A non-zero value that rounds to zero has no digits.
fn fixed(x: f64, n: i64) -> Digits {
    if n >= 0 {
        let d = Digits::from_fixed_form(&format!("{:.*}", n as usize, x));
        if x != 0.0 && d.digits == b"0" {
            return Digits {
                digits: Vec::new(),
                decpt: -n,
            };
        }
        return d;
    }
    // Round the exact expansion (at most 767 significant digits) at 10**-n.
    let exact = Digits::from_exponent_form(&format!("{x:.800e}"));
    if x == 0.0 {
        return exact;
    }
    let keep = exact.decpt + n; // digits before the rounding position
    if keep < 0 {
        return Digits {
            digits: Vec::new(),
            decpt: -n,
        };
    }
    let keep = keep as usize;
    if keep >= exact.digits.len() {
        return exact;
    }
    let mut digits = exact.digits[..keep].to_vec();
    let rest = &exact.digits[keep..];
    let above_half = rest[0] > b'5' || (rest[0] == b'5' && rest[1..].iter().any(|&d| d != b'0'));
    let tie = rest[0] == b'5' && !above_half;
    let odd = digits.last().is_some_and(|d| (d - b'0') % 2 == 1);
    let mut decpt = exact.decpt;
    if above_half || (tie && odd) {
        // Propagate the carry; all nines become a leading one.
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                decpt += 1;
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    if digits.is_empty() {
        return Digits {
            digits: Vec::new(),
            decpt: -n,
        };
    }
    Digits::normalised(digits, decpt)
}

/// The notation of `format_float`, as CPython's format codes name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatStyle {
    /// `e`: one digit, point, `precision` digits, exponent.
    Exponent,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, exponent form for very large or small values.
    General,
    /// `r`: the shortest round-trip digits, as `repr`.
    Repr,
}

/// Options of `format_float`; CPython's `Py_DTSF_*` flags and the upper-case codes.
#[derive(Clone, Copy, Debug, Default)]
pub struct FloatFlags {
    /// `Py_DTSF_SIGN`: write `+` for non-negative values.
    pub always_sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral values without an exponent end in `.0`.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` form (keep the point and trailing zeros).
    pub alternate: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option (`-0.00` becomes `0.00`).
    pub no_neg_0: bool,
    /// `E`, `F`, `G`: `E`, `INF`, `NAN`.
    pub upper: bool,
}

/// `repr(x)` and `str(x)`: `1.0`, `0.30000000000000004`, `1e+16`, `1e-05`, `-0.0`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    let flags = FloatFlags {
        add_dot_0: true,
        ..FloatFlags::default()
    };
    format_float(x, FloatStyle::Repr, 0, flags)
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`.
/// `precision` is ignored for `Repr`; for `General` 0 means 1.
pub fn format_float(x: f64, style: FloatStyle, precision: usize, flags: FloatFlags) -> String {
    let mut out = String::new();
    let mut negative = x.is_sign_negative();
    if !x.is_finite() {
        if x.is_nan() {
            negative = false;
        }
        if negative {
            out.push('-');
        } else if flags.always_sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), flags.upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let ax = x.abs();
    let (d, precision) = match style {
        FloatStyle::Exponent => (significant(ax, precision + 1), precision as i64 + 1),
        FloatStyle::Fixed => (fixed(ax, precision as i64), precision as i64),
        FloatStyle::General => {
            let p = precision.max(1);
            (significant(ax, p), p as i64)
        }
        FloatStyle::Repr => (shortest(ax), 0),
    };
    if flags.no_neg_0 && negative && (d.digits.is_empty() || d.digits == b"0") {
        negative = false;
    }
    if negative {
        out.push('-');
    } else if flags.always_sign {
        out.push('+');
    }
    layout(&mut out, &d, style, precision, flags);
    out
}

/// The digit layout of CPython's `format_float_short`: a window `[start, end)` on the
/// digits padded with zeros on both sides, a point at `decpt`, maybe an exponent.
fn layout(out: &mut String, d: &Digits, style: FloatStyle, precision: i64, flags: FloatFlags) {
    let digits = &d.digits;
    let len = digits.len() as i64;
    let mut decpt = d.decpt;
    let mut end = len;
    let mut use_exp = false;
    match style {
        FloatStyle::Exponent => {
            use_exp = true;
            end = precision;
        }
        FloatStyle::Fixed => end = decpt + precision,
        FloatStyle::General => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alternate {
                end = precision;
            }
        }
        FloatStyle::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let start = if decpt <= 0 { decpt - 1 } else { 0 };
    end = if !use_exp && flags.add_dot_0 {
        end.max(decpt + 1)
    } else {
        end.max(decpt)
    };
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let text = |out: &mut String, bytes: &[u8]| out.extend(bytes.iter().map(|&b| b as char));
    if decpt <= 0 {
        zeros(out, decpt - start);
        out.push('.');
        zeros(out, -decpt);
    } else {
        zeros(out, -start);
    }
    if 0 < decpt && decpt <= len {
        let (int_part, frac_part) = digits.split_at(decpt as usize);
        text(out, int_part);
        out.push('.');
        text(out, frac_part);
    } else {
        text(out, digits);
    }
    if len < decpt {
        zeros(out, decpt - len);
        out.push('.');
        zeros(out, end - decpt);
    } else {
        zeros(out, end - len);
    }
    if out.ends_with('.') && !flags.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let magnitude = exp.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
}

/// `round(x, n)` for a finite non-zero float: rounded to `n` decimal places (ties to
/// even on the exact value) and read back. `None` when the result overflows.
pub fn round_to_decimal_places(x: f64, n: i64) -> Option<f64> {
    let d = fixed(x.abs(), n);
    let mut text = String::with_capacity(d.digits.len() + 24);
    if x < 0.0 {
        text.push('-');
    }
    text.push('0');
    text.extend(d.digits.iter().map(|&b| b as char));
    text.push_str(&format!("e{}", d.decpt - d.digits.len() as i64));
    let r: f64 = text.parse().ok()?;
    r.is_finite().then_some(r)
}

#[cfg(test)]
#[path = "float_text_tests.rs"]
mod tests;
