//! String literal atoms: concatenating adjacent literals, and f-strings (Python 3.11
//! rules: the whole f-string is one token; its fields are found here and their
//! expressions parsed by the same parser, with spans into the original source).
//!
//! Owns: `concatenate` (the atom for one or more adjacent string tokens), the f-string
//! field scanner with CPython's "f-string: …" messages, `{expr=}` debug text.
//! Must not touch: escape decoding (`literal.rs`), the grammar.
//!
//! Nesting is bounded: a field's expression cannot contain the enclosing quote (the token
//! ends there), so f-strings nest at most a few levels, and format specs nest one level.

use super::ast::*;
use super::literal::{decode_bytes, decode_str, LiteralError, StringToken};
use super::nodes::{self, fail, user, Deep, Fallible};
use super::span::Span;

/// The atom for adjacent string literals `'a' "b" f"{c}"`. (The tokens stay boxed as
/// the lexer made them: moving them out would copy each body for nothing.)
#[allow(clippy::vec_box)]
pub fn concatenate(tokens: Vec<Box<StringToken>>, l: usize, r: usize) -> Fallible<Deep<Expr>> {
    let bytes = tokens.iter().filter(|t| t.bytes).count();
    if bytes > 0 && bytes < tokens.len() {
        return fail("cannot mix bytes and nonbytes literals", Span::new(l, r));
    }
    if bytes > 0 {
        let mut value = Vec::new();
        for t in &tokens {
            value.extend(decode_bytes(&t.body, t.raw).map_err(|e| literal_error(e, t))?);
        }
        return Ok(nodes::constant(Constant::Bytes(value), l, r));
    }
    if !tokens.iter().any(|t| t.format) {
        let mut value = String::new();
        for t in &tokens {
            value.push_str(&decode_str(&t.body, t.raw).map_err(|e| literal_error(e, t))?);
        }
        return Ok(nodes::constant(Constant::Str(value), l, r));
    }
    let mut parts = Parts::default();
    for t in &tokens {
        if t.format {
            let mut scanner = Scanner { token: t, pos: 0 };
            scanner.fstring(0, &mut parts)?;
        } else {
            let text = decode_str(&t.body, t.raw).map_err(|e| literal_error(e, t))?;
            parts.literal(text);
        }
    }
    nodes::expr(ExprKind::FString(parts.parts), parts.depth, l, r)
}

fn literal_error(
    e: LiteralError,
    t: &StringToken,
) -> lalrpop_util::ParseError<usize, super::token::Token, super::error::SyntaxError> {
    user(super::error::SyntaxError::new(
        e.message,
        Span::new(t.body_start + e.start, t.body_start + e.end),
    ))
}

/// F-string parts being collected, adjacent literals merged.
#[derive(Default)]
struct Parts {
    parts: Vec<FStringPart>,
    depth: u32,
}

impl Parts {
    fn literal(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        if let Some(FStringPart::Literal(last)) = self.parts.last_mut() {
            last.push_str(&text);
        } else {
            self.parts.push(FStringPart::Literal(text));
        }
    }
}

/// Walks the body of one f-string token.
struct Scanner<'t> {
    token: &'t StringToken,
    /// Byte offset into the body.
    pos: usize,
}

impl Scanner<'_> {
    fn body(&self) -> &str {
        &self.token.body
    }

    fn peek(&self) -> Option<u8> {
        self.body().as_bytes().get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.body().as_bytes().get(self.pos + ahead).copied()
    }

    fn span_at(&self, start: usize, end: usize) -> Span {
        Span::new(self.token.body_start + start, self.token.body_start + end)
    }

    fn error<T>(&self, message: &str) -> Fallible<T> {
        fail(message, self.span_at(self.pos, self.pos + 1))
    }

    /// Literal text and fields until the end of the body (level 0) or a `}` closing a
    /// format spec (level 1).
    fn fstring(&mut self, level: u32, parts: &mut Parts) -> Fallible<()> {
        loop {
            let doubled = self.literal(level, parts)?;
            if doubled {
                continue;
            }
            match self.peek() {
                None => break,
                Some(b'}') => break,
                Some(_) => self.field(level, parts)?,
            }
        }
        if level > 0 && self.peek() != Some(b'}') {
            return self.error("f-string: expecting '}'");
        }
        Ok(())
    }

    /// Literal text up to a `{` or `}`. Returns true after a doubled brace, which is part
    /// of the text at level 0.
    fn literal(&mut self, level: u32, parts: &mut Parts) -> Fallible<bool> {
        let raw = self.token.raw;
        let start = self.pos;
        let bytes = self.body().as_bytes();
        let mut s = self.pos;
        let mut doubled = false;
        while let Some(&c) = bytes.get(s) {
            if !raw && c == b'\\' && s + 1 < bytes.len() {
                if bytes.get(s + 1) == Some(&b'N') && bytes.get(s + 2) == Some(&b'{') {
                    // `\N{NAME}`: its braces are not a field.
                    s += 3;
                    while let Some(&c) = bytes.get(s) {
                        s += 1;
                        if c == b'}' {
                            break;
                        }
                    }
                    continue;
                }
                if bytes.get(s + 1) != Some(&b'{') && bytes.get(s + 1) != Some(&b'}') {
                    s += 2;
                    continue;
                }
                s += 1;
                continue;
            }
            if c == b'{' || c == b'}' {
                if level == 0 {
                    if bytes.get(s + 1) == Some(&c) {
                        doubled = true;
                        break;
                    }
                    if c == b'}' {
                        self.pos = s;
                        return self.error("f-string: single '}' is not allowed");
                    }
                }
                break;
            }
            s += 1;
        }
        let text_end = if doubled { s + 1 } else { s };
        let piece = self.body().get(start..text_end).unwrap_or("");
        let decoded = if raw {
            decode_str(piece, true)
        } else if piece.ends_with('\\') && !doubled {
            // A backslash right before a field's `{` stays a backslash.
            decode_str(piece.get(..piece.len() - 1).unwrap_or(""), false).map(|mut t| {
                t.push('\\');
                t
            })
        } else {
            decode_str(piece, false)
        };
        let decoded = decoded.map_err(|e| {
            user(super::error::SyntaxError::new(
                e.message,
                self.span_at(start + e.start, start + e.end),
            ))
        })?;
        parts.literal(decoded);
        self.pos = if doubled { s + 2 } else { s };
        Ok(doubled)
    }

    /// A replacement field `{expr!c:spec}` (the scanner is on the `{`).
    fn field(&mut self, level: u32, parts: &mut Parts) -> Fallible<()> {
        if level >= 2 {
            return self.error("f-string: expressions nested too deeply");
        }
        self.pos += 1;
        let expr_start = self.pos;
        self.expression_end()?;
        let expr_end = self.pos;
        let Some(stop) = self.peek() else {
            return self.error("f-string: expecting '}'");
        };
        let text = self.body().get(expr_start..expr_end).unwrap_or("");
        if text
            .trim_matches([' ', '\t', '\n', '\r', '\x0c'])
            .is_empty()
        {
            return if stop == b'}' {
                self.error("f-string: empty expression not allowed")
            } else {
                self.error(&format!(
                    "f-string: expression required before '{}'",
                    stop as char
                ))
            };
        }
        let value = self.compile(text, expr_start)?;
        let mut debug_text = None;
        if self.peek() == Some(b'=') {
            self.pos += 1;
            while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                self.pos += 1;
            }
            if self.peek().is_none() {
                return self.error("f-string: expecting '}'");
            }
            debug_text = Some(
                self.body()
                    .get(expr_start..self.pos)
                    .unwrap_or("")
                    .to_owned(),
            );
        }
        let mut conversion = None;
        if self.peek() == Some(b'!') {
            self.pos += 1;
            let c = self.peek();
            if c.is_none() {
                return self.error("f-string: expecting '}'");
            }
            conversion = match c {
                Some(b's') => Some(Conversion::Str),
                Some(b'r') => Some(Conversion::Repr),
                Some(b'a') => Some(Conversion::Ascii),
                _ => {
                    return self
                        .error("f-string: invalid conversion character: expected 's', 'r', or 'a'")
                }
            };
            self.pos += 1;
        }
        let mut spec = None;
        if self.peek() == Some(b':') {
            self.pos += 1;
            if self.peek().is_none() {
                return self.error("f-string: expecting '}'");
            }
            let mut spec_parts = Parts::default();
            self.fstring(level + 1, &mut spec_parts)?;
            parts.depth = parts.depth.max(spec_parts.depth);
            spec = Some(spec_parts.parts);
        }
        if self.peek() != Some(b'}') {
            return self.error("f-string: expecting '}'");
        }
        self.pos += 1;
        if debug_text.is_some() && spec.is_none() && conversion.is_none() {
            conversion = Some(Conversion::Repr);
        }
        parts.depth = parts.depth.max(value.depth);
        parts.parts.push(FStringPart::Formatted(FormattedValue {
            value: Box::new(value.node),
            conversion,
            spec: spec.filter(|s| !s.is_empty()),
            debug_text,
        }));
        Ok(())
    }

    /// Moves to the end of a field's expression: a `!`, `:`, `=` or `}` outside brackets
    /// and strings (CPython's `fstring_find_expr`).
    fn expression_end(&mut self) -> Fallible<()> {
        let mut quote: Option<(u8, usize)> = None;
        let mut brackets: Vec<u8> = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'\\' {
                return self.error("f-string expression part cannot include a backslash");
            }
            if let Some((q, len)) = quote {
                if c == q {
                    if len == 3 {
                        if self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q) {
                            self.pos += 3;
                            quote = None;
                            continue;
                        }
                    } else {
                        quote = None;
                    }
                }
                self.pos += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    if self.peek_at(1) == Some(c) && self.peek_at(2) == Some(c) {
                        quote = Some((c, 3));
                        self.pos += 2;
                    } else {
                        quote = Some((c, 1));
                    }
                }
                b'[' | b'{' | b'(' => {
                    if brackets.len() >= super::lexer::MAX_BRACKET_DEPTH {
                        return self.error("f-string: too many nested parenthesis");
                    }
                    brackets.push(c);
                }
                b'#' => return self.error("f-string expression part cannot include '#'"),
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if brackets.is_empty() => {
                    let next = self.peek_at(1);
                    if next == Some(b'=') && matches!(c, b'!' | b'=' | b'<' | b'>') {
                        self.pos += 2;
                        continue;
                    }
                    if c != b'<' && c != b'>' {
                        break;
                    }
                }
                b']' | b'}' | b')' => {
                    let Some(open) = brackets.pop() else {
                        return self.error(&format!("f-string: unmatched '{}'", c as char));
                    };
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        return self.error(&format!(
                            "f-string: closing parenthesis '{}' does not match opening \
                             parenthesis '{}'",
                            c as char, open as char
                        ));
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        if quote.is_some() {
            return self.error("f-string: unterminated string");
        }
        if let Some(&open) = brackets.last() {
            return self.error(&format!("f-string: unmatched '{}'", open as char));
        }
        Ok(())
    }

    /// Parses a field's expression text (which starts at body offset `start`).
    fn compile(&self, text: &str, start: usize) -> Fallible<Deep<Expr>> {
        let base = self.token.body_start + start;
        super::parser::parse_field(text, base).map_err(user)
    }
}

#[cfg(test)]
mod tests {
    use crate::syntax::ast::*;
    use crate::syntax::parse_module;
    use crate::syntax::span::SourceFile;

    /// Parses `src` as a one-expression module and returns that expression.
    fn expr(src: &str) -> Expr {
        let file = SourceFile::new("t.py", src);
        let module = parse_module(&file).expect("parses");
        match module.body.into_iter().next().map(|s| s.kind) {
            Some(StmtKind::Expr(e)) => e,
            other => panic!("not an expression statement: {other:?}"),
        }
    }

    fn error(src: &str) -> String {
        let file = SourceFile::new("t.py", src);
        parse_module(&file).expect_err("an error").message
    }

    fn parts(src: &str) -> Vec<FStringPart> {
        match expr(src).kind {
            ExprKind::FString(parts) => parts,
            other => panic!("not an f-string: {other:?}"),
        }
    }

    #[test]
    fn adjacent_plain_strings_are_one_constant() {
        let ExprKind::Constant(Constant::Str(s)) = expr("'a' \"b\" '''c'''").kind else {
            panic!("a string");
        };
        assert_eq!(s, "abc");
    }

    #[test]
    fn plain_and_f_strings_merge_into_one_fstring() {
        let p = parts("'a' f'{x}b' 'c'");
        assert_eq!(p.len(), 3);
        assert!(matches!(&p[0], FStringPart::Literal(s) if s == "a"));
        assert!(matches!(&p[2], FStringPart::Literal(s) if s == "bc"));
    }

    #[test]
    fn field_expressions_have_spans_into_the_source() {
        let src = "f'ab{xyz + 1}'";
        let p = parts(src);
        let FStringPart::Formatted(f) = &p[1] else {
            panic!("a field");
        };
        assert_eq!(&src[f.value.span.range()], "xyz + 1");
    }

    #[test]
    fn conversions_specs_and_doubled_braces() {
        let p = parts("f'{{{a!r:>{w}}}}'");
        assert!(matches!(&p[0], FStringPart::Literal(s) if s == "{"));
        let FStringPart::Formatted(f) = &p[1] else {
            panic!("a field");
        };
        assert_eq!(f.conversion, Some(Conversion::Repr));
        assert_eq!(f.spec.as_ref().map(Vec::len), Some(2));
        assert!(matches!(&p[2], FStringPart::Literal(s) if s == "}"));
    }

    #[test]
    fn debug_fields_keep_their_text_and_default_to_repr() {
        let p = parts("f'{a = }'");
        let FStringPart::Formatted(f) = &p[0] else {
            panic!("a field");
        };
        assert_eq!(f.debug_text.as_deref(), Some("a = "));
        assert_eq!(f.conversion, Some(Conversion::Repr));
        let p = parts("f'{a=:>3}'");
        let FStringPart::Formatted(f) = &p[0] else {
            panic!("a field");
        };
        assert_eq!(f.conversion, None);
    }

    #[test]
    fn comparison_operators_do_not_end_a_field() {
        let p = parts("f'{a!=b}{a<=b}{a>b}'");
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn fstring_errors_have_cpython_messages() {
        assert_eq!(error("f'{}'"), "f-string: empty expression not allowed");
        assert_eq!(error("f'{a'"), "f-string: expecting '}'");
        assert_eq!(error("f'}'"), "f-string: single '}' is not allowed");
        assert_eq!(
            error("f'{a!x}'"),
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        );
        assert_eq!(
            error("f'{a b}'"),
            "f-string: invalid syntax. Perhaps you forgot a comma?"
        );
        assert_eq!(
            error("f'{a:{b:{c}}}'"),
            "f-string: expressions nested too deeply"
        );
        assert_eq!(
            error("f'{#}'"),
            "f-string expression part cannot include '#'"
        );
        assert_eq!(error("f'{a)}'"), "f-string: unmatched ')'");
        assert_eq!(error("f'{!r}'"), "f-string: expression required before '!'");
        assert_eq!(
            error("f'{*a}'"),
            "f-string: cannot use starred expression here"
        );
        assert_eq!(error("b'a' f'b'"), "cannot mix bytes and nonbytes literals");
    }
}
