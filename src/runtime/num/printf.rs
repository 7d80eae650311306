//! `template % args`: printf-style string formatting, as CPython's `PyUnicode_Format`.
//!
//! Owns: the conversion syntax `%[(key)][flags][width][.precision][hlL]type` with `*`
//! widths and precisions, the numeric conversions `d i u o x X e E f F g G c` and their
//! padding, the argument bookkeeping (a tuple, a single value, or a mapping for keys)
//! and CPython's errors and their order.
//! Must not touch: `str()`/`repr()`/`ascii()` of arbitrary values, item lookup and user
//! `__int__`/`__float__` (all through `PrintfHost`, which the interpreter implements).

use super::convert::{float_to_int, int_to_f64};
use super::errors::{check_text_len, overflow, type_error, value_error};
use super::float_text::{format_float, FloatFlags, FloatStyle};
use super::int_text::{int_to_decimal, int_to_radix};
use super::operand::{IntRef, Num};
use crate::runtime::exception::PyResult;
use crate::runtime::value::Value;

/// What `printf_format` needs from the interpreter.
pub trait PrintfHost {
    /// `str(v)`, `repr(v)` or `ascii(v)`, for `conversion` `'s'`, `'r'` or `'a'`.
    fn convert(&mut self, v: &Value, conversion: char) -> PyResult<String>;

    /// `mapping[key]`, for `%(key)s`.
    fn get_item(&mut self, mapping: &Value, key: &str) -> PyResult<Value>;

    /// Whether `args` (neither a tuple nor a str) is a mapping that `%(key)s` may index:
    /// CPython accepts any object with `__getitem__`. The default knows the built-ins.
    fn is_mapping(&mut self, args: &Value) -> bool {
        matches!(args, Value::Dict(_) | Value::List(_) | Value::Range(_))
    }

    /// The int of an object that is not a bool/int/float, via `__index__` (when
    /// `index_only`) or `__int__`; `None` when it has no such method.
    fn to_int(&mut self, _v: &Value, _index_only: bool) -> Option<PyResult<Value>> {
        None
    }

    /// The float of an object that is not a bool/int/float, via `__float__`; `None`
    /// when it has none.
    fn to_float(&mut self, _v: &Value) -> Option<PyResult<f64>> {
        None
    }
}

/// `template % args`.
pub fn printf_format(template: &str, args: &Value, host: &mut dyn PrintfHost) -> PyResult<String> {
    let chars: Vec<char> = template.chars().collect();
    let mapping = match args {
        Value::Tuple(_) | Value::Str(_) => None,
        other => host.is_mapping(other).then(|| other.clone()),
    };
    let (items, arglen): (Vec<Value>, isize) = match args {
        Value::Tuple(t) => (t.as_slice().to_vec(), t.len() as isize),
        _ => (Vec::new(), -1),
    };
    let mut f = Formatter {
        chars: &chars,
        pos: 0,
        exhausted: false,
        items,
        current: args.clone(),
        arglen,
        argidx: if arglen >= 0 { 0 } else { -2 },
        mapping,
        host,
        out: String::with_capacity(template.len()),
    };
    while f.pos < chars.len() {
        let c = chars[f.pos];
        f.pos += 1;
        if c == '%' {
            f.conversion()?;
        } else {
            f.out.push(c);
        }
    }
    if f.argidx < f.arglen && f.mapping.is_none() {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(f.out)
}

struct Formatter<'a> {
    chars: &'a [char],
    pos: usize,
    /// A read went past the end of the template (CPython's `fmtcnt < 0`).
    exhausted: bool,
    /// The tuple's items, when `args` is a tuple.
    items: Vec<Value>,
    /// The single argument: `args` itself, or the value looked up by the last key.
    current: Value,
    /// CPython's `arglen`/`argidx`: a tuple's length and next index, or -1 and -2 for a
    /// single argument (which makes it usable once).
    arglen: isize,
    argidx: isize,
    mapping: Option<Value>,
    host: &'a mut dyn PrintfHost,
    out: String,
}

/// A parsed conversion.
#[derive(Default)]
struct Conversion {
    left: bool,
    plus: bool,
    blank: bool,
    alternate: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
    kind: char,
}

impl Formatter<'_> {
    fn next_char(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied();
        match c {
            Some(_) => self.pos += 1,
            None => self.exhausted = true,
        }
        c
    }

    fn next_arg(&mut self) -> PyResult<Value> {
        if self.argidx < self.arglen {
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.current.clone());
            }
            if let Some(v) = self.items.get((self.argidx - 1) as usize) {
                return Ok(v.clone());
            }
        }
        Err(type_error("not enough arguments for format string"))
    }

    /// One `%…` conversion; `pos` is just after the `%`.
    fn conversion(&mut self) -> PyResult<()> {
        if self.chars.get(self.pos) == Some(&'%') {
            self.pos += 1;
            self.out.push('%');
            return Ok(());
        }
        let spec = self.parse()?;
        let arg = self.next_arg()?;
        let (text, numeric) = match spec.kind {
            's' | 'r' | 'a' => match (&arg, spec.kind) {
                (Value::Str(s), 's') => (s.as_str().to_string(), false),
                _ => (self.host.convert(&arg, spec.kind)?, false),
            },
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (self.format_int(&arg, &spec)?, true),
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => (self.format_float(&arg, &spec)?, true),
            'c' => (self.format_char(&arg)?.to_string(), false),
            other => {
                let shown = if (' '..='~').contains(&other) || other == '\x1f' {
                    other
                } else {
                    '?'
                };
                return Err(value_error(&format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {}",
                    other as u32,
                    self.pos - 1
                )));
            }
        };
        self.output(&text, &spec, numeric)?;
        if self.mapping.is_some() && self.argidx < self.arglen {
            return Err(type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(())
    }

    /// The key, flags, width, precision and type of a conversion.
    fn parse(&mut self) -> PyResult<Conversion> {
        let mut c = Conversion::default();
        let mut ch = self.chars.get(self.pos).copied().unwrap_or('\0');
        if ch == '(' {
            let Some(mapping) = self.mapping.clone() else {
                return Err(type_error("format requires a mapping"));
            };
            self.pos += 1;
            let start = self.pos;
            let mut depth = 1;
            while depth > 0 {
                match self.next_char() {
                    Some(')') => depth -= 1,
                    Some('(') => depth += 1,
                    Some(_) => {}
                    None => return Err(value_error("incomplete format key")),
                }
            }
            let key: String = self.chars[start..self.pos - 1].iter().collect();
            self.current = self.host.get_item(&mapping, &key)?;
            self.arglen = -1;
            self.argidx = -2;
        }
        while let Some(next) = self.next_char() {
            ch = next;
            match ch {
                '-' => c.left = true,
                '+' => c.plus = true,
                ' ' => c.blank = true,
                '#' => c.alternate = true,
                '0' => c.zero = true,
                _ => break,
            }
        }
        if ch == '*' {
            let v = self.next_arg()?;
            let n = star_int(&v)?
                .to_i64()
                .ok_or_else(|| overflow("Python int too large to convert to C ssize_t"))?;
            if n < 0 {
                c.left = true;
            }
            c.width = Some(n.unsigned_abs() as usize);
            if let Some(next) = self.next_char() {
                ch = next;
            }
        } else if let Some(d) = ch.to_digit(10) {
            let mut width = d as usize;
            while let Some(next) = self.next_char() {
                ch = next;
                let Some(d) = ch.to_digit(10) else { break };
                width = width
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(d as usize))
                    .filter(|&w| w <= isize::MAX as usize)
                    .ok_or_else(|| value_error("width too big"))?;
            }
            c.width = Some(width);
        }
        if ch == '.' {
            c.precision = Some(0);
            if let Some(next) = self.next_char() {
                ch = next;
            }
            if ch == '*' {
                let v = self.next_arg()?;
                let n = star_int(&v)?
                    .to_i64()
                    .filter(|n| i32::try_from(*n).is_ok())
                    .ok_or_else(|| overflow("Python int too large to convert to C int"))?;
                c.precision = Some(n.max(0) as usize);
                if let Some(next) = self.next_char() {
                    ch = next;
                }
            } else if let Some(d) = ch.to_digit(10) {
                let mut precision = d as usize;
                while let Some(next) = self.next_char() {
                    ch = next;
                    let Some(d) = ch.to_digit(10) else { break };
                    precision = precision
                        .checked_mul(10)
                        .and_then(|p| p.checked_add(d as usize))
                        .filter(|&p| p <= i32::MAX as usize)
                        .ok_or_else(|| value_error("precision too big"))?;
                }
                c.precision = Some(precision);
            }
        }
        if !self.exhausted && matches!(ch, 'h' | 'l' | 'L') {
            if let Some(next) = self.next_char() {
                ch = next;
            }
        }
        if self.exhausted {
            return Err(value_error("incomplete format"));
        }
        c.kind = ch;
        Ok(c)
    }

    /// `%d %i %u %o %x %X`: digits, `#` prefix and precision zeros, as CPython's
    /// `_PyUnicode_FormatLong`.
    fn format_int(&mut self, arg: &Value, c: &Conversion) -> PyResult<String> {
        let index_only = matches!(c.kind, 'o' | 'x' | 'X');
        let owned;
        let i = match Num::of(arg) {
            Some(Num::Float(f)) if !index_only => {
                owned = float_to_int(f)?;
                int_of(&owned)
            }
            Some(n) if n.int().is_some() => n.int(),
            Some(_) => None,
            None => match self.host.to_int(arg, index_only) {
                Some(r) => {
                    owned = r?;
                    int_of(&owned)
                }
                None => None,
            },
        };
        let Some(i) = i else {
            let wants = if index_only {
                "an integer"
            } else {
                "a real number"
            };
            return Err(type_error(format!(
                "%{} format: {wants} is required, not {}",
                c.kind,
                arg.type_name()
            )));
        };
        let text = match c.kind {
            'o' => int_to_radix(i, 8, false),
            'x' | 'X' => int_to_radix(i, 16, false),
            _ => int_to_decimal(i)?,
        };
        let digits = text.trim_start_matches('-');
        let mut out = String::new();
        if i.is_negative() {
            out.push('-');
        }
        if c.alternate && index_only {
            out.push_str(if c.kind == 'o' { "0o" } else { "0x" });
        }
        let precision = c.precision.unwrap_or(0);
        check_text_len(precision)?;
        out.extend(std::iter::repeat_n(
            '0',
            precision.saturating_sub(digits.len()),
        ));
        out.push_str(digits);
        if c.kind == 'X' {
            out.make_ascii_uppercase();
        }
        Ok(out)
    }

    /// `%e %E %f %F %g %G`.
    fn format_float(&mut self, arg: &Value, c: &Conversion) -> PyResult<String> {
        let x = match Num::of(arg) {
            Some(Num::Float(f)) => f,
            Some(Num::Int(i)) => i as f64,
            Some(Num::Big(b)) => int_to_f64(IntRef::Big(b))?,
            None => match self.host.to_float(arg) {
                Some(r) => r?,
                None => {
                    return Err(type_error(format!(
                        "must be real number, not {}",
                        arg.type_name()
                    )))
                }
            },
        };
        let precision = c.precision.unwrap_or(6);
        check_text_len(precision)?;
        let style = match c.kind.to_ascii_lowercase() {
            'e' => FloatStyle::Exponent,
            'f' => FloatStyle::Fixed,
            _ => FloatStyle::General,
        };
        let flags = FloatFlags {
            alternate: c.alternate,
            upper: c.kind.is_ascii_uppercase(),
            ..FloatFlags::default()
        };
        Ok(format_float(x, style, precision, flags))
    }

    /// `%c`: a one-character str or a code point.
    fn format_char(&mut self, arg: &Value) -> PyResult<char> {
        let wrong = || type_error("%c requires int or char");
        let owned;
        let i = match arg {
            Value::Str(s) => {
                let mut chars = s.as_str().chars();
                return match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(wrong()),
                };
            }
            Value::Float(_) => return Err(wrong()),
            v => match IntRef::of(v) {
                Some(i) => i,
                None => match self.host.to_int(v, true) {
                    Some(r) => {
                        owned = r?;
                        int_of(&owned).ok_or_else(wrong)?
                    }
                    None => return Err(wrong()),
                },
            },
        };
        let cp = i
            .to_i64()
            .filter(|cp| (0..=0x10ffff).contains(cp))
            .ok_or_else(|| overflow("%c arg not in range(0x110000)"))?;
        char::from_u32(cp as u32)
            .ok_or_else(|| value_error("iterp strings cannot hold surrogate code points"))
    }

    /// Writes a converted argument with its width, sign and padding (CPython's
    /// `unicode_format_arg_output`). `numeric` marks d/i/u/o/x/X/e/f/g results, which
    /// take signs and zero padding.
    fn output(&mut self, text: &str, c: &Conversion, numeric: bool) -> PyResult<()> {
        let mut chars: Vec<char> = text.chars().collect();
        if matches!(c.kind, 's' | 'r' | 'a') {
            if let Some(p) = c.precision {
                chars.truncate(p);
            }
        }
        let mut width = c.width.unwrap_or(0);
        check_text_len(width)?;
        let fill = if numeric && c.zero { '0' } else { ' ' };
        let mut body: &[char] = &chars;
        let mut sign = None;
        if numeric {
            match body.first() {
                Some(&s @ ('-' | '+')) => {
                    sign = Some(s);
                    body = &body[1..];
                }
                _ if c.plus => sign = Some('+'),
                _ if c.blank => sign = Some(' '),
                _ => {}
            }
        }
        let mut len = body.len();
        width = width.max(len);
        if fill != ' ' {
            self.out.extend(sign);
        }
        if sign.is_some() && width > len {
            width -= 1;
        }
        let prefixed = c.alternate && matches!(c.kind, 'x' | 'X' | 'o');
        let mut prefix: &[char] = &[];
        if prefixed {
            let (p, rest) = body.split_at(2.min(body.len()));
            prefix = p;
            body = rest;
            if fill != ' ' {
                self.out.extend(prefix);
            }
            width = width.saturating_sub(2);
            len = len.saturating_sub(2);
        }
        if width > len && !c.left {
            self.out.extend(std::iter::repeat_n(fill, width - len));
            width = len;
        }
        if fill == ' ' {
            self.out.extend(sign);
            if prefixed {
                self.out.extend(prefix);
            }
        }
        self.out.extend(body);
        if width > len {
            self.out.extend(std::iter::repeat_n(' ', width - len));
        }
        Ok(())
    }
}

/// The int of a `*` width or precision: CPython requires an int (bools are ints).
fn star_int(v: &Value) -> PyResult<IntRef<'_>> {
    IntRef::of(v).ok_or_else(|| type_error("* wants int"))
}

fn int_of(v: &Value) -> Option<IntRef<'_>> {
    IntRef::of(v)
}

#[cfg(test)]
#[path = "printf_tests.rs"]
mod tests;
