//! The layout layer: turns the `logos` token stream into the one the grammar reads.
//!
//! Owns: NEWLINE / INDENT / DEDENT from indentation (tabs to the next multiple of 8, and
//! CPython's tab-consistency check), skipping blank and comment-only lines, joining lines
//! inside brackets, the bracket stack with its errors, the `with (` rewrite, and naming
//! characters no token accepts. The result is a whole-file token vector that the parser
//! feeds to lalrpop and that its error translation can look around in.
//! Must not touch: what tokens mean (grammar), literal values (`literal.rs`).
//!
//! Like CPython's tokenizer, lexing stops at the first error. Some tokenizer errors
//! (unterminated strings, invalid characters, unmatched brackets, bad numbers) take
//! priority over a parse error earlier in the file, because CPython tokenizes the whole
//! file after a parse error and reports what the tokenizer finds; indentation errors do not.

use logos::Logos;

use super::error::SyntaxError;
use super::span::Span;
use super::token::{LexError, Token};

/// A token with its absolute byte range, in the shape lalrpop expects.
pub type Spanned = (usize, Token, usize);

/// The most brackets that may be open at once (CPython's `MAXLEVEL`).
pub const MAX_BRACKET_DEPTH: usize = 200;
/// The most indentation levels (CPython's `MAXINDENT`, counting the outermost).
pub const MAX_INDENT_LEVELS: usize = 100;

/// Why lexing stopped before the end of the text.
#[derive(Debug, Clone)]
pub struct LexFailure {
    pub error: SyntaxError,
    /// True if CPython would report this even when the parser failed earlier.
    pub beats_parse_errors: bool,
}

/// What `tokenize` produces: tokens up to the first error, and that error.
#[derive(Debug)]
pub struct TokenStream {
    pub tokens: Vec<Spanned>,
    pub failure: Option<LexFailure>,
    /// The innermost bracket still open at the end of the text, if any.
    pub unclosed: Option<Span>,
}

/// What is being lexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A whole file: statements, indentation.
    Module,
    /// The expression of an f-string field: implicitly inside brackets, no layout, and
    /// introduced by a `FStringStart` token.
    FStringField,
}

/// Lexes `text`, whose first byte is at absolute offset `base` in the source file.
pub fn tokenize(text: &str, base: usize, mode: Mode) -> TokenStream {
    let mut layout = Layout {
        text,
        base,
        mode,
        tokens: Vec::new(),
        brackets: Vec::new(),
        indents: vec![(0, 0)],
        line_start: Some(0),
        with_paren: None,
        with_paren_closed: None,
    };
    if mode == Mode::FStringField {
        layout.tokens.push((base, Token::FStringStart, base));
    }
    let failure = layout.run().err();
    let unclosed = layout.brackets.last().map(|b| b.span);
    TokenStream {
        tokens: layout.tokens,
        failure,
        unclosed,
    }
}

#[derive(Debug, Clone, Copy)]
struct Bracket {
    open: char,
    span: Span,
}

struct Layout<'t> {
    text: &'t str,
    base: usize,
    mode: Mode,
    tokens: Vec<Spanned>,
    brackets: Vec<Bracket>,
    /// Indentation columns: (tabs to multiples of 8, tabs as one column).
    indents: Vec<(usize, usize)>,
    /// Relative offset of the start of the line whose indentation is still to be measured.
    line_start: Option<usize>,
    /// Index of a `(` right after `with`, and the depth inside it.
    with_paren: Option<(usize, usize)>,
    /// Indexes of that `(` and of its `)`, once the `)` was seen.
    with_paren_closed: Option<(usize, usize)>,
}

impl Layout<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn emit(&mut self, start: usize, token: Token, end: usize) {
        if let Some((open, close)) = self
            .with_paren_closed
            .filter(|&(_, c)| self.tokens.len() > c)
        {
            self.with_paren_closed = None;
            let _ = close;
            // `with (a, b):` — the parentheses hold with-items, not a tuple.
            let non_empty = !matches!(self.tokens.get(open + 1), Some((_, Token::RParen, _)));
            if token == Token::Colon && non_empty {
                if let Some(entry) = self.tokens.get_mut(open) {
                    entry.1 = Token::WithParen;
                }
            }
        }
        self.tokens
            .push((self.base + start, token, self.base + end));
    }

    fn run(&mut self) -> Result<(), LexFailure> {
        let mut lex = Token::lexer(self.text);
        while let Some(result) = lex.next() {
            let range = lex.span();
            let token = match result {
                Ok(token) => token,
                Err(err) => self.lex_error(err, range.start)?,
            };
            if token == Token::Newline {
                if self.brackets.is_empty() && self.mode == Mode::Module {
                    if self.line_start.is_none() {
                        self.emit(range.start, Token::Newline, range.end);
                    }
                    self.line_start = Some(range.end);
                }
                continue;
            }
            if let Some(line_start) = self.line_start.take() {
                self.indentation(line_start, range.start)?;
            }
            let token = match token {
                Token::String(mut s) => {
                    s.shift(self.base);
                    Token::String(s)
                }
                other => other,
            };
            self.bracket(&token, range.start, range.end)?;
            self.emit(range.start, token, range.end);
        }
        self.finish()
    }

    /// Turns a `logos` error into a token (`Invalid`) or a failure.
    fn lex_error(&self, err: LexError, at: usize) -> Result<Token, LexFailure> {
        let fail = |message: String, start: usize, end: usize, beats: bool| LexFailure {
            error: SyntaxError::new(message, self.span(start, end)),
            beats_parse_errors: beats,
        };
        match err {
            LexError::Literal {
                message,
                start,
                end,
            } => Err(fail(message, start, end, true)),
            LexError::NoToken => {
                let c = self
                    .text
                    .get(at..)
                    .and_then(|s| s.chars().next())
                    .unwrap_or('\0');
                let end = at + c.len_utf8();
                match c {
                    '\\' if self.text.len() <= at + 1 => {
                        Err(fail("unexpected EOF while parsing".into(), at, end, false))
                    }
                    '\\' => Err(fail(
                        "unexpected character after line continuation character".into(),
                        at,
                        end,
                        false,
                    )),
                    '\0' => Err(fail(
                        "source code cannot contain null bytes".into(),
                        at,
                        end,
                        true,
                    )),
                    c if c.is_ascii_graphic() => Ok(Token::Invalid(c)),
                    c if !is_printable(c) => Err(fail(
                        format!("invalid non-printable character U+{:04X}", c as u32),
                        at,
                        end,
                        true,
                    )),
                    c => Err(fail(
                        format!("invalid character '{c}' (U+{:04X})", c as u32),
                        at,
                        end,
                        true,
                    )),
                }
            }
        }
    }

    /// Measures the indentation of the line starting at `line_start`, whose first token
    /// starts at `first`, and emits INDENT or DEDENTs.
    fn indentation(&mut self, line_start: usize, first: usize) -> Result<(), LexFailure> {
        if self.mode != Mode::Module || !self.brackets.is_empty() {
            return Ok(());
        }
        let (mut col, mut alt) = (0usize, 0usize);
        for b in self.text.as_bytes().get(line_start..first).unwrap_or(&[]) {
            match b {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                0x0C => {
                    col = 0;
                    alt = 0;
                }
                // Indentation cannot continue past a line join.
                _ => break,
            }
        }
        let tab_error = |this: &Self| LexFailure {
            error: SyntaxError {
                kind: super::error::SyntaxErrorKind::TabError,
                message: "inconsistent use of tabs and spaces in indentation".into(),
                span: this.span(first, first),
                help: Some("indent with spaces only (4 per level is the convention)".into()),
            },
            beats_parse_errors: false,
        };
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if alt != top_alt {
                return Err(tab_error(self));
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error(self));
            }
            if self.indents.len() >= MAX_INDENT_LEVELS {
                return Err(LexFailure {
                    error: SyntaxError::indentation(
                        "too many levels of indentation",
                        self.span(line_start, first),
                    ),
                    beats_parse_errors: false,
                });
            }
            self.indents.push((col, alt));
            self.emit(line_start, Token::Indent, first);
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                self.emit(first, Token::Dedent, first);
            }
            let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                return Err(LexFailure {
                    error: SyntaxError::indentation(
                        "unindent does not match any outer indentation level",
                        self.span(line_start, first),
                    )
                    .with_help("indent this line exactly as far as a line of an enclosing block"),
                    beats_parse_errors: false,
                });
            }
            if alt != top_alt {
                return Err(tab_error(self));
            }
        }
        Ok(())
    }

    /// Keeps the bracket stack, with CPython's errors for brackets that do not match.
    fn bracket(&mut self, token: &Token, start: usize, end: usize) -> Result<(), LexFailure> {
        let here = self.span(start, end);
        let fail = |message: String, beats: bool| LexFailure {
            error: SyntaxError::new(message, here),
            beats_parse_errors: beats,
        };
        let open = match token {
            Token::LParen => '(',
            Token::LSquare => '[',
            Token::LBrace => '{',
            Token::RParen | Token::RSquare | Token::RBrace => {
                let close = match token {
                    Token::RParen => ')',
                    Token::RSquare => ']',
                    _ => '}',
                };
                let Some(top) = self.brackets.pop() else {
                    return Err(fail(format!("unmatched '{close}'"), true));
                };
                let expected = match top.open {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                if close != expected {
                    let mut message = format!(
                        "closing parenthesis '{close}' does not match opening parenthesis '{}'",
                        top.open
                    );
                    let open_line = line_number(self.text, top.span.start as usize - self.base);
                    if open_line != line_number(self.text, start) {
                        message.push_str(&format!(" on line {open_line}"));
                    }
                    return Err(fail(message, true));
                }
                if let Some((open_index, depth)) = self.with_paren {
                    if depth == self.brackets.len() + 1 {
                        self.with_paren = None;
                        self.with_paren_closed = Some((open_index, self.tokens.len()));
                    }
                }
                return Ok(());
            }
            _ => return Ok(()),
        };
        if self.brackets.len() >= MAX_BRACKET_DEPTH {
            return Err(fail("too many nested parentheses".into(), true));
        }
        self.brackets.push(Bracket {
            open,
            span: self.span(start, end),
        });
        if open == '(' && matches!(self.tokens.last(), Some((_, Token::With, _))) {
            self.with_paren = Some((self.tokens.len(), self.brackets.len()));
        }
        Ok(())
    }

    /// The end of the text: a final NEWLINE and the DEDENTs, or the unclosed bracket.
    fn finish(&mut self) -> Result<(), LexFailure> {
        let end = self.text.len();
        if let Some(open) = self.brackets.last() {
            if self.mode == Mode::Module {
                let c = open.open;
                return Err(LexFailure {
                    error: SyntaxError::new(format!("'{c}' was never closed"), open.span),
                    beats_parse_errors: false,
                });
            }
        }
        if self.mode == Mode::FStringField {
            return Ok(());
        }
        let last_is_layout = matches!(
            self.tokens.last(),
            None | Some((_, Token::Newline | Token::Dedent, _))
        );
        if !last_is_layout {
            self.emit(end, Token::Newline, end);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.emit(end, Token::Dedent, end);
        }
        Ok(())
    }
}

/// 1-based line of a relative offset (counting `\n`, like `SourceFile`).
fn line_number(text: &str, offset: usize) -> usize {
    1 + text
        .as_bytes()
        .get(..offset)
        .map(|s| s.iter().filter(|&&b| b == b'\n').count())
        .unwrap_or(0)
}

/// Python's `str.isprintable` for the characters that can reach here (not identifiers,
/// not ASCII graphic): control, separator, format, private-use and unassigned-ish.
fn is_printable(c: char) -> bool {
    let u = c as u32;
    !(c.is_control()
        || c.is_whitespace()
        || u == 0xAD
        || (0x200B..=0x200F).contains(&u)
        || (0x202A..=0x202E).contains(&u)
        || (0x2060..=0x206F).contains(&u)
        || u == 0xFEFF
        || (0xFFF9..=0xFFFB).contains(&u)
        || (0xE000..=0xF8FF).contains(&u)
        || u >= 0xF0000
        || (u & 0xFFFE) == 0xFFFE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token kinds as short words, for compact expectations.
    fn layout(src: &str) -> String {
        let stream = tokenize(src, 0, Mode::Module);
        assert!(stream.failure.is_none(), "{:?}", stream.failure);
        stream
            .tokens
            .iter()
            .map(|(_, t, _)| match t {
                Token::Newline => "NL".to_owned(),
                Token::Indent => "IN".to_owned(),
                Token::Dedent => "DE".to_owned(),
                Token::Name(n) => n.clone(),
                Token::WithParen => "WITH(".to_owned(),
                other => other.text().unwrap_or("?").to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn failure(src: &str) -> String {
        let stream = tokenize(src, 0, Mode::Module);
        let f = stream.failure.expect("a failure");
        format!("{}: {}", f.error.kind.name(), f.error.message)
    }

    #[test]
    fn indentation_becomes_indent_and_dedent() {
        assert_eq!(
            layout("if a:\n    b\n    c\nd\n"),
            "if a : NL IN b NL c NL DE d NL"
        );
    }

    #[test]
    fn blank_and_comment_lines_do_not_count() {
        assert_eq!(layout("a\n\n   # note\n\nb"), "a NL b NL");
    }

    #[test]
    fn brackets_and_backslashes_join_lines() {
        assert_eq!(
            layout("x = (1,\n  2)\ny = 1 + \\\n  2\n"),
            "x = ( ? , ? ) NL y = ? + ? NL"
        );
    }

    #[test]
    fn the_end_closes_every_block_even_without_a_final_newline() {
        assert_eq!(
            layout("if a:\n  if b:\n    c"),
            "if a : NL IN if b : NL IN c NL DE DE"
        );
        assert_eq!(layout("a\r\nb\r\n"), "a NL b NL");
    }

    #[test]
    fn a_tab_reaches_the_next_multiple_of_eight() {
        assert_eq!(layout("if a:\n\tb\n\tc\n"), "if a : NL IN b NL c NL DE");
    }

    #[test]
    fn with_parentheses_before_a_colon_hold_items() {
        assert_eq!(layout("with (a, b): pass"), "with WITH( a , b ) : pass NL");
        assert_eq!(
            layout("with (a, b) as c: pass"),
            "with ( a , b ) as c : pass NL"
        );
        assert_eq!(layout("with (): pass"), "with ( ) : pass NL");
    }

    #[test]
    fn layout_errors_have_cpython_messages() {
        assert_eq!(
            failure("if a:\n    b\n  c\n"),
            "IndentationError: unindent does not match any outer indentation level"
        );
        assert_eq!(
            failure("if a:\n\tb\n        c\n"),
            "TabError: inconsistent use of tabs and spaces in indentation"
        );
        assert_eq!(
            failure("f(]"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(
            failure("(\n]"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1"
        );
        assert_eq!(failure("x)"), "SyntaxError: unmatched ')'");
        assert_eq!(failure("x = (1,\n"), "SyntaxError: '(' was never closed");
        assert_eq!(
            failure("a € b"),
            "SyntaxError: invalid character '€' (U+20AC)"
        );
        assert_eq!(
            failure("a \u{a0} b"),
            "SyntaxError: invalid non-printable character U+00A0"
        );
        assert_eq!(
            failure("a \\ b"),
            "SyntaxError: unexpected character after line continuation character"
        );
    }

    #[test]
    fn nesting_limits_match_cpython() {
        let ok = "(".repeat(200) + &")".repeat(200);
        assert!(tokenize(&ok, 0, Mode::Module).failure.is_none());
        let deep = "(".repeat(201) + &")".repeat(201);
        assert_eq!(failure(&deep), "SyntaxError: too many nested parentheses");
        let mut src = String::new();
        for level in 0..100 {
            src += &format!("{}if x:\n", " ".repeat(level));
        }
        src += &format!("{}pass\n", " ".repeat(100));
        assert_eq!(
            failure(&src),
            "IndentationError: too many levels of indentation"
        );
    }

    #[test]
    fn ascii_characters_without_a_token_reach_the_parser() {
        let stream = tokenize("a $ b", 0, Mode::Module);
        assert!(stream.failure.is_none());
        assert_eq!(stream.tokens[1].1, Token::Invalid('$'));
    }

    #[test]
    fn fstring_fields_ignore_newlines_and_start_with_a_marker() {
        let stream = tokenize("a +\n b", 10, Mode::FStringField);
        let kinds: Vec<_> = stream.tokens.iter().map(|t| t.1.clone()).collect();
        assert_eq!(kinds.first(), Some(&Token::FStringStart));
        assert_eq!(kinds.len(), 4);
        assert_eq!(stream.tokens[1].0, 10);
    }
}
