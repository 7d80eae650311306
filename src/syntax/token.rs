//! The tokens of the language, recognised by a `logos` state machine.
//!
//! Owns: the `Token` enum (names, keywords, operators, delimiters, number and string
//! literals, and the layout tokens that `lexer.rs` inserts), and `LexError`, what the
//! state machine reports when no token fits.
//! Must not touch: indentation, bracket depth and line joining (that is `lexer.rs`), the
//! meaning of escapes and f-string fields (that is `literal.rs` / `fstring.rs`).
//!
//! Numbers and strings are irregular (CPython reports precise errors for them), so their
//! patterns only recognise how they start and a callback scans the rest by hand
//! (`literal::scan_number`, `literal::scan_string`).

use logos::{Lexer, Logos};

use super::literal::{self, Number, StringToken};

/// What the token machine reports when the text cannot start any token, or when a number
/// or string is malformed. Offsets are absolute byte offsets into the lexed text.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum LexError {
    /// No token starts here (`$`, `?`, `€`, a lone `\`): `lexer.rs` names the character.
    #[default]
    NoToken,
    /// A malformed literal with CPython's message, e.g. "invalid decimal literal".
    Literal {
        message: String,
        start: usize,
        end: usize,
    },
}

/// One token. `Newline`, `Indent`, `Dedent`, `WithParen` and `FStringStart` carry no pattern:
/// the layout layer (`lexer.rs`) produces or rewrites them. Logos produces `Newline` for
/// every physical line break; the layout layer drops the insignificant ones.
#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip r"#[^\r\n]*")]
#[logos(skip r"\\(\r\n|\r|\n)")]
pub enum Token {
    // ----- layout -----
    #[regex(r"\r\n|\r|\n")]
    Newline,
    Indent,
    Dedent,
    /// A `(` right after `with` whose `)` is followed by `:`: a parenthesised list of
    /// with-items rather than an expression (Python 3.9+).
    WithParen,
    /// The first token of an f-string replacement field's expression.
    FStringStart,
    /// A printable ASCII character that starts no token (`$`, `?`, `!`): the parser
    /// rejects it with "invalid syntax", as CPython does.
    Invalid(char),

    // ----- names and literals -----
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*", |lex| lex.slice().to_owned())]
    Name(String),
    #[regex(r"[0-9]", number)]
    #[regex(r"\.[0-9]", number)]
    Number(Number),
    #[regex(r#"([rRuUfFbB]|[rR][bBfF]|[bBfF][rR])?["']"#, string)]
    String(Box<StringToken>),

    // ----- keywords -----
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    // ----- brackets -----
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LSquare,
    #[token("]")]
    RSquare,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,

    // ----- operators and delimiters -----
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(";")]
    Semicolon,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("@")]
    At,
    #[token("=")]
    Assign,
    #[token(":=")]
    Walrus,
    #[token("->")]
    Arrow,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("&")]
    Ampersand,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("~")]
    Tilde,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("@=")]
    AtEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmpersandEqual,
    #[token("|=")]
    PipeEqual,
    #[token("^=")]
    CaretEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
}

/// Extends the current token to end at absolute offset `end` (never past the input, and
/// only on a character boundary, as `Lexer::bump` requires).
fn bump_to(lex: &mut Lexer<Token>, end: usize) {
    let current = lex.span().end;
    let rest = lex.remainder();
    let mut wanted = end.saturating_sub(current).min(rest.len());
    while wanted > 0 && !rest.is_char_boundary(wanted) {
        wanted -= 1;
    }
    lex.bump(wanted);
}

/// Scans a number whose first character (or `.` and digit) the pattern matched.
fn number(lex: &mut Lexer<Token>) -> Result<Number, LexError> {
    let start = lex.span().start;
    let text = lex.source().get(start..).unwrap_or("");
    match literal::scan_number(text) {
        Ok((len, number)) => {
            bump_to(lex, start + len);
            Ok(number)
        }
        Err(err) => {
            // Consume what was scanned so that the error span covers it.
            bump_to(lex, start + err.end);
            Err(LexError::Literal {
                message: err.message,
                start: start + err.start,
                end: start + err.end,
            })
        }
    }
}

/// Scans a string whose prefix and opening quote the pattern matched.
fn string(lex: &mut Lexer<Token>) -> Result<Box<StringToken>, LexError> {
    let start = lex.span().start;
    let source = lex.source();
    match literal::scan_string(source, start, lex.span().len()) {
        Ok(token) => {
            bump_to(lex, token.end);
            Ok(Box::new(token))
        }
        Err(err) => {
            bump_to(lex, source.len());
            Err(LexError::Literal {
                message: err.message,
                start: err.start,
                end: err.end,
            })
        }
    }
}

impl Token {
    /// How the token is written, for messages (`'('`, `'if'`, `NEWLINE`).
    pub fn describe(&self) -> String {
        match self {
            Token::Newline => "end of line".to_owned(),
            Token::Indent => "indent".to_owned(),
            Token::Dedent => "dedent".to_owned(),
            Token::WithParen => "'('".to_owned(),
            Token::FStringStart => "f-string field".to_owned(),
            Token::Invalid(c) => format!("'{c}'"),
            Token::Name(name) => format!("name '{name}'"),
            Token::Number(_) => "number".to_owned(),
            Token::String(_) => "string".to_owned(),
            other => format!("'{}'", other.text().unwrap_or("?")),
        }
    }

    /// The fixed text of a keyword, operator or delimiter.
    pub fn text(&self) -> Option<&'static str> {
        Some(match self {
            Token::False => "False",
            Token::None => "None",
            Token::True => "True",
            Token::And => "and",
            Token::As => "as",
            Token::Assert => "assert",
            Token::Async => "async",
            Token::Await => "await",
            Token::Break => "break",
            Token::Class => "class",
            Token::Continue => "continue",
            Token::Def => "def",
            Token::Del => "del",
            Token::Elif => "elif",
            Token::Else => "else",
            Token::Except => "except",
            Token::Finally => "finally",
            Token::For => "for",
            Token::From => "from",
            Token::Global => "global",
            Token::If => "if",
            Token::Import => "import",
            Token::In => "in",
            Token::Is => "is",
            Token::Lambda => "lambda",
            Token::Nonlocal => "nonlocal",
            Token::Not => "not",
            Token::Or => "or",
            Token::Pass => "pass",
            Token::Raise => "raise",
            Token::Return => "return",
            Token::Try => "try",
            Token::While => "while",
            Token::With => "with",
            Token::Yield => "yield",
            Token::LParen | Token::WithParen => "(",
            Token::RParen => ")",
            Token::LSquare => "[",
            Token::RSquare => "]",
            Token::LBrace => "{",
            Token::RBrace => "}",
            Token::Comma => ",",
            Token::Colon => ":",
            Token::Semicolon => ";",
            Token::Dot => ".",
            Token::Ellipsis => "...",
            Token::At => "@",
            Token::Assign => "=",
            Token::Walrus => ":=",
            Token::Arrow => "->",
            Token::Plus => "+",
            Token::Minus => "-",
            Token::Star => "*",
            Token::DoubleStar => "**",
            Token::Slash => "/",
            Token::DoubleSlash => "//",
            Token::Percent => "%",
            Token::LeftShift => "<<",
            Token::RightShift => ">>",
            Token::Ampersand => "&",
            Token::Pipe => "|",
            Token::Caret => "^",
            Token::Tilde => "~",
            Token::Less => "<",
            Token::Greater => ">",
            Token::LessEqual => "<=",
            Token::GreaterEqual => ">=",
            Token::EqEqual => "==",
            Token::NotEqual => "!=",
            Token::PlusEqual => "+=",
            Token::MinusEqual => "-=",
            Token::StarEqual => "*=",
            Token::AtEqual => "@=",
            Token::SlashEqual => "/=",
            Token::DoubleSlashEqual => "//=",
            Token::PercentEqual => "%=",
            Token::AmpersandEqual => "&=",
            Token::PipeEqual => "|=",
            Token::CaretEqual => "^=",
            Token::LeftShiftEqual => "<<=",
            Token::RightShiftEqual => ">>=",
            Token::DoubleStarEqual => "**=",
            _ => return None,
        })
    }

    /// True for the keywords (`if`, `None`, …), which can never be names.
    pub fn is_keyword(&self) -> bool {
        self.text()
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()))
    }

    /// True if the token can begin an expression.
    pub fn starts_expression(&self) -> bool {
        matches!(
            self,
            Token::Name(_)
                | Token::Number(_)
                | Token::String(_)
                | Token::False
                | Token::None
                | Token::True
                | Token::Lambda
                | Token::Not
                | Token::Await
                | Token::LParen
                | Token::LSquare
                | Token::LBrace
                | Token::Ellipsis
                | Token::Plus
                | Token::Minus
                | Token::Tilde
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Token> {
        Token::lexer(src).map(|t| t.expect("token")).collect()
    }

    #[test]
    fn keywords_win_over_names_but_longer_names_win_over_keywords() {
        assert_eq!(
            kinds("if iffy"),
            vec![Token::If, Token::Name("iffy".into())]
        );
    }

    #[test]
    fn operators_take_the_longest_match() {
        assert_eq!(
            kinds("**= // ... := ->"),
            vec![
                Token::DoubleStarEqual,
                Token::DoubleSlash,
                Token::Ellipsis,
                Token::Walrus,
                Token::Arrow
            ]
        );
    }

    #[test]
    fn comments_and_line_joins_are_skipped() {
        assert_eq!(
            kinds("a # note\nb \\\n c"),
            vec![
                Token::Name("a".into()),
                Token::Newline,
                Token::Name("b".into()),
                Token::Name("c".into())
            ]
        );
    }

    #[test]
    fn unicode_identifiers_are_names() {
        assert_eq!(kinds("héllo"), vec![Token::Name("héllo".into())]);
    }

    #[test]
    fn a_string_prefix_is_part_of_the_string_not_a_name() {
        let tokens = kinds("rb'x' rb");
        assert!(matches!(tokens[0], Token::String(_)));
        assert_eq!(tokens[1], Token::Name("rb".into()));
    }

    #[test]
    fn an_unknown_character_is_an_error() {
        let mut lex = Token::lexer("$");
        assert_eq!(lex.next(), Some(Err(LexError::NoToken)));
    }
}
