//! Number and string literals: scanning where they end, and decoding what they mean.
//!
//! Owns: `scan_number` (CPython's tokenizer rules and messages for numbers, and their
//! values), `scan_string` (where a string ends; unterminated strings), `decode_str` and
//! `decode_bytes` (escape sequences, with CPython's codec messages).
//! Must not touch: f-string fields (that is `fstring.rs`), tokens other than literals.
//!
//! Offsets in errors are relative to the text handed in, unless said otherwise.

use num_bigint::BigInt;

/// The value of a number literal.
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Int(i64),
    BigInt(Box<BigInt>),
    Float(f64),
}

/// A malformed literal: CPython's message and the byte range it blames.
#[derive(Debug, Clone, PartialEq)]
pub struct LiteralError {
    pub message: String,
    pub start: usize,
    pub end: usize,
}

fn error(message: impl Into<String>, start: usize, end: usize) -> LiteralError {
    LiteralError {
        message: message.into(),
        start,
        end,
    }
}

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

/// A cursor over ASCII bytes; past the end it reads `0`, like CPython's `EOF`.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> u8 {
        self.bytes.get(self.pos).copied().unwrap_or(0)
    }
    fn peek_at(&self, ahead: usize) -> u8 {
        self.bytes.get(self.pos + ahead).copied().unwrap_or(0)
    }
    fn bump(&mut self) -> u8 {
        let c = self.peek();
        if self.pos < self.bytes.len() {
            self.pos += 1;
        }
        c
    }
    /// Digits of `radix` with single underscores between them; at least one digit.
    fn digits(&mut self, is_digit: fn(u8) -> bool) -> Result<(), ()> {
        loop {
            if !is_digit(self.peek()) {
                return Err(());
            }
            while is_digit(self.peek()) {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.pos += 1;
        }
    }
}

fn is_potential_identifier_char(c: u8) -> bool {
    // CPython compares a signed char here, so non-ASCII never counts.
    c.is_ascii_alphabetic() || c == b'_'
}

/// CPython's `verify_end_of_number`: a letter right after a number is an error, except
/// the keywords that may follow a number in valid code (`1if x else y`).
fn verify_end(cur: &Cursor, kind: &str) -> Result<(), LiteralError> {
    let rest = cur.bytes.get(cur.pos..).unwrap_or(&[]);
    let keyword_follows = ["and", "else", "for", "if", "in", "is", "or", "not"]
        .iter()
        .any(|k| rest.starts_with(k.as_bytes()));
    if !keyword_follows && is_potential_identifier_char(cur.peek()) {
        return Err(error(
            format!("invalid {kind} literal"),
            cur.pos,
            cur.pos + 1,
        ));
    }
    Ok(())
}

/// Scans the number at the start of `text` (which starts with a digit, or `.` and a
/// digit). Returns its length in bytes and its value.
pub fn scan_number(text: &str) -> Result<(usize, Number), LiteralError> {
    let mut cur = Cursor {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let first = cur.peek();
    if first == b'0' {
        let radix = match cur.peek_at(1) {
            b'x' | b'X' => Some((
                16,
                "hexadecimal",
                (|c: u8| c.is_ascii_hexdigit()) as fn(u8) -> bool,
            )),
            b'o' | b'O' => Some((
                8,
                "octal",
                (|c| (b'0'..=b'7').contains(&c)) as fn(u8) -> bool,
            )),
            b'b' | b'B' => Some((2, "binary", (|c| c == b'0' || c == b'1') as fn(u8) -> bool)),
            _ => None,
        };
        if let Some((radix, kind, is_digit)) = radix {
            return scan_radix(&mut cur, radix, kind, is_digit);
        }
        return scan_leading_zero(&mut cur);
    }
    if first == b'.' {
        cur.pos = 1;
        return scan_fraction(&mut cur);
    }
    decimal_tail(&mut cur)?;
    scan_after_integer_part(&mut cur, true)
}

fn scan_radix(
    cur: &mut Cursor,
    radix: u32,
    kind: &str,
    is_digit: fn(u8) -> bool,
) -> Result<(usize, Number), LiteralError> {
    cur.pos = 2;
    let digits_start = cur.pos;
    loop {
        if cur.peek() == b'_' {
            cur.pos += 1;
        }
        if !is_digit(cur.peek()) {
            let c = cur.peek();
            if radix < 10 && c.is_ascii_digit() {
                return Err(error(
                    format!("invalid digit '{}' in {kind} literal", c as char),
                    cur.pos,
                    cur.pos + 1,
                ));
            }
            return Err(error(
                format!("invalid {kind} literal"),
                cur.pos,
                cur.pos + 1,
            ));
        }
        while is_digit(cur.peek()) {
            cur.pos += 1;
        }
        if cur.peek() != b'_' {
            break;
        }
    }
    if radix < 10 && cur.peek().is_ascii_digit() {
        return Err(error(
            format!("invalid digit '{}' in {kind} literal", cur.peek() as char),
            cur.pos,
            cur.pos + 1,
        ));
    }
    verify_end(cur, kind)?;
    let digits = cur.bytes.get(digits_start..cur.pos).unwrap_or(&[]);
    Ok((cur.pos, int_value(digits, radix)))
}

/// `0`, `00`, `0_0`, `0.5`, `0e1`, or the forbidden old-style octal `0777`.
fn scan_leading_zero(cur: &mut Cursor) -> Result<(usize, Number), LiteralError> {
    loop {
        if cur.peek() == b'_' {
            if !cur.peek_at(1).is_ascii_digit() {
                return Err(error("invalid decimal literal", cur.pos, cur.pos + 1));
            }
            cur.pos += 1;
        }
        if cur.peek() != b'0' {
            break;
        }
        cur.pos += 1;
    }
    let zeros_end = cur.pos;
    let nonzero = cur.peek().is_ascii_digit();
    if nonzero {
        decimal_tail(cur)?;
    }
    match cur.peek() {
        b'.' | b'e' | b'E' | b'j' | b'J' => scan_after_integer_part(cur, true),
        _ if nonzero => Err(error(
            "leading zeros in decimal integer literals are not permitted; \
             use an 0o prefix for octal integers",
            0,
            zeros_end.max(1),
        )),
        _ => {
            verify_end(cur, "decimal")?;
            Ok((cur.pos, Number::Int(0)))
        }
    }
}

/// Digits with single underscores between them (the cursor is on a digit).
fn decimal_tail(cur: &mut Cursor) -> Result<(), LiteralError> {
    cur.digits(|c| c.is_ascii_digit()).map_err(|()| {
        // `digits` stops on the character after a trailing or doubled underscore.
        error(
            "invalid decimal literal",
            cur.pos.saturating_sub(1),
            cur.pos,
        )
    })
}

/// After the integer digits: an optional fraction, exponent, or `j`.
fn scan_after_integer_part(
    cur: &mut Cursor,
    integer: bool,
) -> Result<(usize, Number), LiteralError> {
    if cur.peek() == b'.' {
        cur.pos += 1;
        return scan_fraction(cur);
    }
    if matches!(cur.peek(), b'e' | b'E') {
        return scan_exponent(cur);
    }
    finish(cur, integer)
}

/// After the `.`: optional digits, then an optional exponent.
fn scan_fraction(cur: &mut Cursor) -> Result<(usize, Number), LiteralError> {
    if cur.peek().is_ascii_digit() {
        decimal_tail(cur)?;
    }
    if matches!(cur.peek(), b'e' | b'E') {
        return scan_exponent(cur);
    }
    finish(cur, false)
}

fn scan_exponent(cur: &mut Cursor) -> Result<(usize, Number), LiteralError> {
    let e_pos = cur.pos;
    cur.pos += 1;
    if matches!(cur.peek(), b'+' | b'-') {
        cur.pos += 1;
        if !cur.peek().is_ascii_digit() {
            return Err(error("invalid decimal literal", cur.pos, cur.pos + 1));
        }
    } else if !cur.peek().is_ascii_digit() {
        // `1e` or `1else`: the number ends before the `e`.
        cur.pos = e_pos;
        verify_end(cur, "decimal")?;
        return finish(cur, false);
    }
    decimal_tail(cur)?;
    finish(cur, false)
}

fn finish(cur: &mut Cursor, integer: bool) -> Result<(usize, Number), LiteralError> {
    if matches!(cur.peek(), b'j' | b'J') {
        cur.bump();
        return Err(error("iterp does not support complex numbers", 0, cur.pos));
    }
    verify_end(cur, "decimal")?;
    let text = cur.bytes.get(..cur.pos).unwrap_or(&[]);
    if integer {
        return Ok((cur.pos, int_value(text, 10)));
    }
    let clean: String = text
        .iter()
        .filter(|&&c| c != b'_')
        .map(|&c| c as char)
        .collect();
    let value = clean.parse::<f64>().unwrap_or(f64::NAN);
    Ok((cur.pos, Number::Float(value)))
}

/// The value of digits (underscores allowed) in `radix`; `i64` when it fits.
fn int_value(digits: &[u8], radix: u32) -> Number {
    let clean: Vec<u8> = digits.iter().copied().filter(|&c| c != b'_').collect();
    let text = std::str::from_utf8(&clean).unwrap_or("0");
    match i64::from_str_radix(text, radix) {
        Ok(v) => Number::Int(v),
        Err(_) => match BigInt::parse_bytes(&clean, radix) {
            Some(big) => Number::BigInt(Box::new(big)),
            None => Number::Int(0),
        },
    }
}

// ---------------------------------------------------------------------------------------
// Strings: where they end
// ---------------------------------------------------------------------------------------

/// A string literal as the tokenizer saw it: prefix flags and the raw body between the
/// quotes (escapes not yet processed).
#[derive(Debug, Clone, PartialEq)]
pub struct StringToken {
    pub raw: bool,
    pub bytes: bool,
    pub format: bool,
    /// 1 or 3.
    pub quote_len: usize,
    /// Absolute offset of the first byte of the body.
    pub body_start: usize,
    /// Absolute offset one past the closing quote.
    pub end: usize,
    pub body: String,
}

impl StringToken {
    /// Moves the offsets by `base` (for text lexed out of a larger file).
    pub fn shift(&mut self, base: usize) {
        self.body_start += base;
        self.end += base;
    }
}

/// Scans the string starting at absolute offset `start` in `source`, whose prefix and
/// opening quote are `opening_len` bytes long. Errors carry absolute offsets.
pub fn scan_string(
    source: &str,
    start: usize,
    opening_len: usize,
) -> Result<StringToken, LiteralError> {
    let bytes = source.as_bytes();
    let opening = source.get(start..start + opening_len).unwrap_or("\"");
    let prefix = opening.get(..opening_len.saturating_sub(1)).unwrap_or("");
    let quote = opening.as_bytes().last().copied().unwrap_or(b'"');
    let mut pos = start + opening_len;
    let triple = bytes.get(pos) == Some(&quote) && bytes.get(pos + 1) == Some(&quote);
    let quote_len = if triple { 3 } else { 1 };
    if triple {
        pos += 2;
    }
    let body_start = pos;
    let mut run = 0; // consecutive closing quotes seen
    loop {
        let Some(&c) = bytes.get(pos) else {
            return Err(unterminated(source, start, opening_len, triple, pos));
        };
        if !triple && (c == b'\n' || c == b'\r') {
            return Err(unterminated(source, start, opening_len, triple, pos));
        }
        pos += 1;
        if c == quote {
            run += 1;
            if run == quote_len {
                break;
            }
        } else {
            run = 0;
            if c == b'\\' {
                // The escaped character, a CRLF counting as one.
                if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n') {
                    pos += 2;
                } else if pos < bytes.len() {
                    pos += 1;
                }
            }
        }
    }
    let body_end = pos - quote_len;
    let lower = prefix.to_ascii_lowercase();
    Ok(StringToken {
        raw: lower.contains('r'),
        bytes: lower.contains('b'),
        format: lower.contains('f'),
        quote_len,
        body_start,
        end: pos,
        body: source.get(body_start..body_end).unwrap_or("").to_owned(),
    })
}

fn unterminated(
    source: &str,
    start: usize,
    opening_len: usize,
    triple: bool,
    detected_at: usize,
) -> LiteralError {
    let line = 1 + source
        .get(..detected_at)
        .map(|s| s.bytes().filter(|&b| b == b'\n').count())
        .unwrap_or(0);
    let kind = if triple {
        "triple-quoted string"
    } else {
        "string"
    };
    error(
        format!("unterminated {kind} literal (detected at line {line})"),
        start,
        start + opening_len,
    )
}

// ---------------------------------------------------------------------------------------
// Strings: what they mean
// ---------------------------------------------------------------------------------------

/// Python's universal newlines: `\r\n` and `\r` in the source read as `\n`.
fn normalize_newlines(body: &str) -> std::borrow::Cow<'_, str> {
    if body.contains('\r') {
        std::borrow::Cow::Owned(body.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(body)
    }
}

/// Decodes the body of a `str` literal. Error offsets are relative to the body.
pub fn decode_str(body: &str, raw: bool) -> Result<String, LiteralError> {
    let body = normalize_newlines(body);
    if raw || !body.contains('\\') {
        return Ok(body.into_owned());
    }
    let mut out = String::with_capacity(body.len());
    // CPython decodes after turning each non-ASCII character into a 10-byte `\Uxxxxxxxx`
    // escape; its error positions count in that buffer.
    let mut codec_pos = 0usize;
    let mut chars = body.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            codec_pos += if c.is_ascii() { 1 } else { 10 };
            continue;
        }
        let escape_start = codec_pos;
        let Some((_, e)) = chars.next() else {
            return Err(error(
                format!(
                    "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in \
                     position {escape_start}: \\ at end of string"
                ),
                offset,
                offset + 1,
            ));
        };
        codec_pos += 2;
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|&(_, d)| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            chars.next();
                            codec_pos += 1;
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (count, name) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value = 0u32;
                for _ in 0..count {
                    match chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                        Some(d) => {
                            value = value * 16 + d;
                            chars.next();
                            codec_pos += 1;
                        }
                        None => {
                            return Err(error(
                                format!(
                                    "(unicode error) 'unicodeescape' codec can't decode \
                                     bytes in position {escape_start}-{}: {name}",
                                    codec_pos - 1
                                ),
                                offset,
                                offset + 2,
                            ));
                        }
                    }
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if value <= 0x10FFFF => out.push('\u{fffd}'), // a lone surrogate
                    None => {
                        return Err(error(
                            format!(
                                "(unicode error) 'unicodeescape' codec can't decode bytes \
                                 in position {escape_start}-{}: illegal Unicode character",
                                codec_pos - 1
                            ),
                            offset,
                            offset + 2 + count,
                        ));
                    }
                }
            }
            'N' => {
                return Err(error(
                    "iterp does not support \\N{...} escapes; write the character itself \
                     or use \\u",
                    offset,
                    offset + 2,
                ));
            }
            other => {
                // Unknown escapes stay as written.
                out.push('\\');
                out.push(other);
                codec_pos += if other.is_ascii() { 0 } else { 9 };
            }
        }
    }
    Ok(out)
}

/// Decodes the body of a `bytes` literal. Error offsets are relative to the body.
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, LiteralError> {
    if let Some(pos) = body.find(|c: char| !c.is_ascii()) {
        return Err(error(
            "bytes can only contain ASCII literal characters",
            pos,
            pos + 1,
        ));
    }
    let body = normalize_newlines(body);
    let bytes = body.as_bytes();
    if raw {
        return Ok(bytes.to_vec());
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let escape_start = i - 1;
        let Some(&e) = bytes.get(i) else {
            return Err(error(
                "(value error) Trailing \\ in string",
                escape_start,
                escape_start + 1,
            ));
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    match bytes.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xFF) as u8);
            }
            b'x' => {
                let hex = bytes.get(i..i + 2).and_then(|h| {
                    let s = std::str::from_utf8(h).ok()?;
                    u8::from_str_radix(s, 16)
                        .ok()
                        .filter(|_| h.iter().all(u8::is_ascii_hexdigit))
                });
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => {
                        return Err(error(
                            format!("(value error) invalid \\x escape at position {escape_start}"),
                            escape_start,
                            escape_start + 2,
                        ));
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Number {
        scan_number(text).expect("a number").1
    }

    fn num_err(text: &str) -> String {
        scan_number(text).expect_err("an error").message
    }

    #[test]
    fn integers_in_every_base_with_underscores() {
        assert_eq!(num("1_000"), Number::Int(1000));
        assert_eq!(num("0xff"), Number::Int(255));
        assert_eq!(num("0o_17"), Number::Int(15));
        assert_eq!(num("0b1010"), Number::Int(10));
        assert_eq!(num("0_0"), Number::Int(0));
    }

    #[test]
    fn integers_past_i64_are_big() {
        let Number::BigInt(big) = num("99999999999999999999") else {
            panic!("expected a big int");
        };
        assert_eq!(big.to_string(), "99999999999999999999");
    }

    #[test]
    fn floats_in_all_their_shapes() {
        assert_eq!(num("1."), Number::Float(1.0));
        assert_eq!(num(".5"), Number::Float(0.5));
        assert_eq!(num("1_0.2_5e-1"), Number::Float(1.025));
        assert_eq!(num("09.5"), Number::Float(9.5));
        assert_eq!(num("1e999"), Number::Float(f64::INFINITY));
    }

    #[test]
    fn a_number_stops_before_a_keyword() {
        assert_eq!(scan_number("1if x").map(|r| r.0), Ok(1));
        assert_eq!(scan_number("1else").map(|r| r.0), Ok(1));
    }

    #[test]
    fn malformed_numbers_have_cpython_messages() {
        assert_eq!(
            num_err("0777"),
            "leading zeros in decimal integer literals are not permitted; \
             use an 0o prefix for octal integers"
        );
        assert_eq!(num_err("1abc"), "invalid decimal literal");
        assert_eq!(num_err("1_"), "invalid decimal literal");
        assert_eq!(num_err("1__0"), "invalid decimal literal");
        assert_eq!(num_err("0x"), "invalid hexadecimal literal");
        assert_eq!(num_err("0o8"), "invalid digit '8' in octal literal");
        assert_eq!(num_err("0b102"), "invalid digit '2' in binary literal");
        assert_eq!(num_err("0o17a"), "invalid octal literal");
        assert_eq!(num_err("1e+"), "invalid decimal literal");
        assert_eq!(num_err("1j"), "iterp does not support complex numbers");
    }

    #[test]
    fn strings_end_at_the_matching_quote() {
        let src = r#"'a\'b' rest"#;
        let tok = scan_string(src, 0, 1).expect("string");
        assert_eq!(tok.body, r"a\'b");
        assert_eq!(tok.end, 6);
        let tok = scan_string("'''a\n'b'''", 0, 1).expect("string");
        assert_eq!((tok.quote_len, tok.body.as_str()), (3, "a\n'b"));
        let tok = scan_string("''", 0, 1).expect("string");
        assert_eq!((tok.quote_len, tok.body.as_str()), (1, ""));
    }

    #[test]
    fn unterminated_strings_say_where_they_were_noticed() {
        let err = scan_string("x = 'abc\n", 4, 1).expect_err("error");
        assert_eq!(
            err.message,
            "unterminated string literal (detected at line 1)"
        );
        let err = scan_string("'''a\nb\n", 0, 1).expect_err("error");
        assert_eq!(
            err.message,
            "unterminated triple-quoted string literal (detected at line 3)"
        );
    }

    #[test]
    fn escapes_decode_like_python() {
        assert_eq!(
            decode_str(r"\n\t\\\'\x41\101\u00e9\U0001F600\q", false).as_deref(),
            Ok("\n\t\\'AA\u{e9}\u{1F600}\\q")
        );
        assert_eq!(decode_str("a\\\nb", false).as_deref(), Ok("ab"));
        assert_eq!(decode_str(r"\n", true).as_deref(), Ok(r"\n"));
        assert_eq!(decode_str("a\r\nb", false).as_deref(), Ok("a\nb"));
    }

    #[test]
    fn bad_escapes_have_codec_messages() {
        assert_eq!(
            decode_str(r"\x4", false).expect_err("error").message,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: \
             truncated \\xXX escape"
        );
        assert_eq!(
            decode_str("é\\x4", false).expect_err("error").message,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: \
             truncated \\xXX escape"
        );
        assert_eq!(
            decode_str(r"\U0011ffff", false).expect_err("error").message,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: \
             illegal Unicode character"
        );
    }

    #[test]
    fn bytes_are_ascii_with_byte_escapes() {
        assert_eq!(
            decode_bytes(r"a\x00\777\u", false),
            Ok(b"a\x00\xff\\u".to_vec())
        );
        assert_eq!(
            decode_bytes("é", false).expect_err("error").message,
            "bytes can only contain ASCII literal characters"
        );
        assert_eq!(
            decode_bytes(r"\x4", false).expect_err("error").message,
            "(value error) invalid \\x escape at position 0"
        );
    }
}
