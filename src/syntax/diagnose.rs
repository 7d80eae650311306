//! Says what is wrong when the parser meets a token it cannot take.
//!
//! Owns: turning (tokens, position of the bad token, lalrpop's expected set) into
//! CPython 3.11's specific message where CPython has one ("expected ':'", "invalid
//! syntax. Perhaps you forgot a comma?", "expected an indented block after 'if' statement
//! on line 3", …), else "invalid syntax", and a `help` naming the one or two tokens that
//! would fit.
//! Must not touch: the grammar, choosing between tokenizer and parser errors (`parser.rs`).
//!
//! CPython finds these with extra grammar rules tried after a failed parse. An LR parser
//! stops at the first token it cannot shift, so the same situations are recognised here
//! from the tokens around that point and from what the parser would have accepted.

use super::error::SyntaxError;
use super::lexer::Spanned;
use super::span::Span;
use super::token::Token;

/// Where the parse stopped.
pub struct Failure<'a> {
    pub tokens: &'a [Spanned],
    /// Index of the token the parser could not take (`tokens.len()` at the end).
    pub index: usize,
    /// The terminals lalrpop would have accepted there, as the grammar names them.
    pub expected: &'a [String],
    /// The source text the offsets point into (for line numbers).
    pub text: &'a str,
}

impl Failure<'_> {
    fn token(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i).map(|t| &t.1)
    }

    fn before(&self, back: usize) -> Option<&Token> {
        self.index.checked_sub(back).and_then(|i| self.token(i))
    }

    fn span_of(&self, i: usize) -> Span {
        match self.tokens.get(i) {
            Some(&(l, _, r)) => Span::new(l, r),
            None => {
                let end = self.tokens.last().map_or(0, |t| t.2);
                Span::new(end, end)
            }
        }
    }

    fn here(&self) -> Span {
        self.span_of(self.index)
    }

    fn expects(&self, terminal: &str) -> bool {
        self.expected
            .iter()
            .any(|e| e.trim_matches('"') == terminal)
    }

    fn line_of(&self, offset: usize) -> usize {
        1 + self
            .text
            .as_bytes()
            .get(..offset)
            .map_or(0, |s| s.iter().filter(|&&b| b == b'\n').count())
    }

    /// Index of the first token of the logical line holding token `i`.
    fn line_start(&self, i: usize) -> usize {
        let mut j = i.min(self.tokens.len());
        while j > 0 {
            if matches!(
                self.token(j - 1),
                Some(Token::Newline | Token::Indent | Token::Dedent)
            ) {
                break;
            }
            j -= 1;
        }
        j
    }

    /// The innermost bracket open at the failing token, if any. An f-string field is
    /// parsed as if in parentheses (CPython wraps it in them).
    fn open_bracket(&self) -> Option<&Token> {
        let mut stack: Vec<&Token> = Vec::new();
        for (_, t, _) in self.tokens.get(..self.index).unwrap_or(self.tokens) {
            match t {
                Token::LParen | Token::LSquare | Token::LBrace | Token::WithParen => stack.push(t),
                Token::RParen | Token::RSquare | Token::RBrace => {
                    stack.pop();
                }
                _ => {}
            }
        }
        stack.last().copied().or(match self.tokens.first() {
            Some((_, t @ Token::FStringStart, _)) => Some(t),
            _ => None,
        })
    }
}

fn error(message: &str, span: Span) -> SyntaxError {
    SyntaxError::new(message, span)
}

/// True if a token can end an expression (so that another one right after it is two
/// expressions side by side).
fn ends_expression(t: &Token) -> bool {
    matches!(
        t,
        Token::Name(_)
            | Token::Number(_)
            | Token::String(_)
            | Token::None
            | Token::True
            | Token::False
            | Token::Ellipsis
            | Token::RParen
            | Token::RSquare
            | Token::RBrace
    )
}

/// The message for a parse that stopped at `f.index`.
pub fn explain(f: &Failure) -> SyntaxError {
    let here = f.here();
    let token = f.token(f.index);
    let first_of_line = f.token(f.line_start(f.index));

    if let Some(Token::Indent) = token {
        let span = f.span_of(f.index + 1);
        return SyntaxError::indentation("unexpected indent", span)
            .with_help("this line is indented more than the block it belongs to");
    }
    if f.expects("INDENT") {
        return expected_block(f);
    }
    match token {
        Some(Token::Async) => {
            return error("iterp does not support 'async'", here)
                .with_help("async functions and coroutines are not part of iterp's language");
        }
        Some(Token::Await) => {
            return error("iterp does not support 'await'", here)
                .with_help("async functions and coroutines are not part of iterp's language");
        }
        _ => {}
    }
    if let Some(Token::Name(word)) = first_of_line {
        let second = f.token(f.line_start(f.index) + 1);
        if word == "match"
            && second.is_some_and(|t| {
                t.starts_expression()
                    && !matches!(
                        t,
                        Token::LParen | Token::LSquare | Token::Minus | Token::Plus | Token::Tilde
                    )
            })
        {
            return error("iterp does not support the 'match' statement", here)
                .with_help("use if/elif/else to compare the value against each case");
        }
    }
    if let Some(e) = legacy_print(f) {
        return e;
    }
    if let Some(e) = statement_specific(f, first_of_line) {
        return e;
    }
    if let Some(e) = expression_specific(f) {
        return e;
    }
    let generic = error("invalid syntax", here);
    match help(f) {
        Some(h) => generic.with_help(h),
        None => generic,
    }
}

/// `if x:` followed by a line that is not indented.
fn expected_block(f: &Failure) -> SyntaxError {
    // The header's NEWLINE is the token before; its first token starts the line.
    let header = f.line_start(f.index.saturating_sub(1));
    let what = match f.token(header) {
        Some(Token::Def) => Some("function definition".to_owned()),
        Some(Token::Class) => Some("class definition".to_owned()),
        Some(
            t @ (Token::If
            | Token::Elif
            | Token::Else
            | Token::While
            | Token::For
            | Token::With
            | Token::Try
            | Token::Except
            | Token::Finally),
        ) => Some(format!("'{}' statement", t.text().unwrap_or("?"))),
        _ => None,
    };
    let message = match what {
        Some(what) => {
            let line = f.line_of(f.span_of(header).start as usize);
            format!("expected an indented block after {what} on line {line}")
        }
        None => "expected an indented block".to_owned(),
    };
    SyntaxError::indentation(message, f.here())
        .with_help("indent the body of the block more than the line that ends with ':'")
}

/// `print "x"`: Python 2's statement.
fn legacy_print(f: &Failure) -> Option<SyntaxError> {
    let Some(Token::Name(name)) = f.before(1) else {
        return None;
    };
    if name != "print" && name != "exec" {
        return None;
    }
    if matches!(f.before(2), Some(Token::Dot)) || !f.token(f.index)?.starts_expression() {
        return None;
    }
    let start = f.span_of(f.index - 1);
    Some(
        error(
            &format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
            start.to(f.here()),
        )
        .with_help(format!(
            "in Python 3, {name} is a function: write {name}(...)"
        )),
    )
}

/// Messages tied to the statement the failing token is in.
fn statement_specific(f: &Failure, first_of_line: Option<&Token>) -> Option<SyntaxError> {
    let here = f.here();
    let token = f.token(f.index);
    let at_newline = matches!(token, Some(Token::Newline) | None);
    let compound = matches!(
        first_of_line,
        Some(
            Token::If
                | Token::Elif
                | Token::Else
                | Token::While
                | Token::For
                | Token::With
                | Token::Try
                | Token::Except
                | Token::Finally
                | Token::Def
                | Token::Class
        )
    );
    if f.expects(":") && compound && (at_newline || forced_colon(f, first_of_line)) {
        return Some(
            error("expected ':'", here).with_help("a line that starts a block ends with ':'"),
        );
    }
    if f.expects("(") && matches!(f.before(2), Some(Token::Def)) {
        return Some(
            error("expected '('", here)
                .with_help("a function definition needs a parameter list: def name(...):"),
        );
    }
    if f.expects("except") && f.expects("finally") {
        return Some(
            error("expected 'except' or 'finally' block", here)
                .with_help("a 'try' block must be followed by 'except' or 'finally'"),
        );
    }
    if matches!(token, Some(Token::Comma)) && matches!(first_of_line, Some(Token::Except)) {
        return Some(
            error("multiple exception types must be parenthesized", here)
                .with_help("write except (A, B): to catch either"),
        );
    }
    if matches!(token, Some(Token::Star)) && matches!(f.before(1), Some(Token::Except)) {
        return Some(
            error("iterp does not support 'except*'", here).with_help(
                "exception groups are not part of iterp's language; use a plain 'except'",
            ),
        );
    }
    if at_newline
        && matches!(f.before(1), Some(Token::Comma))
        && matches!(first_of_line, Some(Token::From))
        && f.open_bracket().is_none()
    {
        return Some(
            error(
                "trailing comma not allowed without surrounding parentheses",
                f.span_of(f.index.saturating_sub(1)),
            )
            .with_help("remove the comma, or put the names in parentheses"),
        );
    }
    None
}

/// Statements whose ':' CPython demands whatever comes next (`&&':'` in its grammar).
fn forced_colon(f: &Failure, first_of_line: Option<&Token>) -> bool {
    match first_of_line {
        Some(Token::Try | Token::Finally | Token::Else) => true,
        Some(Token::Def) => matches!(f.before(1), Some(Token::RParen)),
        _ => false,
    }
}

/// Messages tied to the expression the failing token is in.
fn expression_specific(f: &Failure) -> Option<SyntaxError> {
    let here = f.here();
    let token = f.token(f.index)?;
    let previous = f.before(1);
    if f.expects("else") && !f.expects("pass") && !matches!(token, Token::Else | Token::Colon) {
        return Some(
            error("expected 'else' after 'if' expression", here).with_help(
                "a conditional expression reads: value_if_true if condition else value_if_false",
            ),
        );
    }
    let open = f.open_bracket();
    if matches!(open, Some(Token::LBrace)) && matches!(token, Token::RBrace | Token::Comma) {
        if matches!(previous, Some(Token::Colon)) {
            return Some(error(
                "expression expected after dictionary key and ':'",
                here,
            ));
        }
        if f.expects(":") {
            return Some(error("':' expected after dictionary key", here));
        }
    }
    if *token == Token::Assign {
        if let Some(e) = assign_in_expression(f) {
            return Some(e);
        }
    }
    let side_by_side = previous.is_some_and(ends_expression) && token.starts_expression();
    let name_then_string =
        matches!(previous, Some(Token::Name(_))) && matches!(token, Token::String(_));
    let soft_keyword =
        matches!(previous, Some(Token::Name(n)) if n == "match" || n == "case" || n == "_");
    if side_by_side && open.is_some() && !name_then_string && !soft_keyword {
        return Some(
            error("invalid syntax. Perhaps you forgot a comma?", here)
                .with_help("put a ',' between the two items"),
        );
    }
    None
}

/// `if x = 1:` — an `=` where only an expression can be.
fn assign_in_expression(f: &Failure) -> Option<SyntaxError> {
    let before_lhs = f.before(2);
    let starts_operand = |t: Option<&Token>| {
        matches!(
            t,
            Some(
                Token::If
                    | Token::Elif
                    | Token::While
                    | Token::LParen
                    | Token::LSquare
                    | Token::LBrace
                    | Token::Comma
                    | Token::Assert
                    | Token::Return
            )
        )
    };
    match f.before(1)? {
        Token::Name(_) if starts_operand(before_lhs) => Some(
            error(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                f.span_of(f.index - 1).to(f.here()),
            )
            .with_help("'==' compares two values; ':=' assigns inside an expression"),
        ),
        Token::Number(_) | Token::String(_) | Token::Ellipsis if starts_operand(before_lhs) => {
            Some(error(
                "cannot assign to literal here. Maybe you meant '==' instead of '='?",
                f.span_of(f.index - 1),
            ))
        }
        _ => None,
    }
}

/// Words for a terminal in lalrpop's expected set.
fn describe_terminal(terminal: &str) -> String {
    match terminal {
        "NEWLINE" => "the end of the line".to_owned(),
        "INDENT" => "an indented block".to_owned(),
        "DEDENT" => "the end of the block".to_owned(),
        "Name" => "a name".to_owned(),
        "Number" => "a number".to_owned(),
        "String" => "a string".to_owned(),
        quoted => format!("'{}'", quoted.trim_matches('"')),
    }
}

/// "expected ':' or '(' here": the tokens that would have fitted, when there are few.
fn help(f: &Failure) -> Option<String> {
    let useful: Vec<&String> = f
        .expected
        .iter()
        .filter(|e| !matches!(e.as_str(), "FSTRING_FIELD" | "\"with(\""))
        .collect();
    let expression_starters = ["Name", "Number", "String", "\"(\"", "\"[\"", "\"-\""];
    let wants_expression = expression_starters
        .iter()
        .all(|s| useful.iter().any(|e| e == s));
    match useful.as_slice() {
        [one] => Some(format!("expected {} here", describe_terminal(one))),
        [a, b] => Some(format!(
            "expected {} or {} here",
            describe_terminal(a),
            describe_terminal(b)
        )),
        _ if wants_expression => Some("expected an expression here".to_owned()),
        _ if f.expects("NEWLINE") => {
            Some("expected the end of the statement (or an operator) here".to_owned())
        }
        _ => None,
    }
}
