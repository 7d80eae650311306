//! The syntax of `str.format` templates: literal text, `{{`/`}}`, and replacement fields
//! `{field_name!conversion:format_spec}`, read lazily one piece at a time as CPython's
//! `MarkupIterator` does (so an error late in a template comes after earlier fields were
//! evaluated).
//!
//! Owns: splitting a template into pieces and a field into its three parts, with
//! CPython's syntax errors. Must not touch: what a field name refers to (that is
//! `format_template.rs`).

use crate::runtime::exception::{value_error, PyResult};

/// Literal text followed by at most one replacement field.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Piece<'t> {
    pub(super) literal: &'t str,
    pub(super) field: Option<Field<'t>>,
}

/// One replacement field, split but not yet interpreted.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Field<'t> {
    /// `0`, `name`, `0.attr[key]`, or empty for automatic numbering.
    pub(super) name: &'t str,
    /// The character after `!`, not yet checked to be one of `r`, `s`, `a`.
    pub(super) conversion: Option<char>,
    pub(super) spec: &'t str,
    /// The spec contains `{...}` fields to substitute before use.
    pub(super) spec_has_fields: bool,
}

/// Reads a template piece by piece.
pub(super) struct Markup<'t> {
    rest: &'t str,
}

impl<'t> Markup<'t> {
    pub(super) fn new(template: &'t str) -> Markup<'t> {
        Markup { rest: template }
    }

    /// The next piece, `None` at the end of the template.
    pub(super) fn next_piece(&mut self) -> PyResult<Option<Piece<'t>>> {
        let s = self.rest;
        if s.is_empty() {
            return Ok(None);
        }
        // The braces are ASCII, so byte positions next to them are char boundaries.
        let Some(brace) = s.find(['{', '}']) else {
            self.rest = "";
            return Ok(Some(Piece {
                literal: s,
                field: None,
            }));
        };
        let after = &s[brace + 1..];
        let is_open = s.as_bytes().get(brace) == Some(&b'{');
        let doubled = after.starts_with(if is_open { '{' } else { '}' });
        if doubled {
            // `{{` or `}}`: the literal ends with one brace.
            self.rest = &after[1..];
            return Ok(Some(Piece {
                literal: &s[..=brace],
                field: None,
            }));
        }
        if !is_open {
            return value_error("Single '}' encountered in format string");
        }
        if after.is_empty() {
            return value_error("Single '{' encountered in format string");
        }
        let (field, rest) = parse_field(after)?;
        self.rest = rest;
        Ok(Some(Piece {
            literal: &s[..brace],
            field: Some(field),
        }))
    }
}

/// Parses a field whose `{` is already consumed; returns it and the text after its `}`.
fn parse_field(s: &str) -> PyResult<(Field<'_>, &str)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut terminator = None;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'{' => return value_error("unexpected '{' in field name"),
            // Anything goes inside brackets, even `}` and `:`.
            b'[' => {
                while bytes.get(i).is_some_and(|&b| b != b']') {
                    i += 1;
                }
            }
            b'}' | b':' | b'!' => {
                terminator = Some(b);
                break;
            }
            _ => {}
        }
    }
    let Some(terminator) = terminator else {
        return value_error("expected '}' before end of string");
    };
    let name = &s[..i - 1];
    let mut field = Field {
        name,
        conversion: None,
        spec: "",
        spec_has_fields: false,
    };
    if terminator == b'}' {
        return Ok((field, &s[i..]));
    }
    let mut rest = &s[i..];
    if terminator == b'!' {
        let mut chars = rest.chars();
        let Some(conversion) = chars.next() else {
            return value_error("end of string while looking for conversion specifier");
        };
        field.conversion = Some(conversion);
        rest = chars.as_str();
        if let Some(next) = rest.chars().next() {
            rest = &rest[next.len_utf8()..];
            match next {
                '}' => return Ok((field, rest)),
                ':' => {}
                _ => return value_error("expected ':' after conversion specifier"),
            }
        }
    }
    // The spec runs to the `}` that balances the field's `{`.
    let mut depth = 1;
    for (j, b) in rest.bytes().enumerate() {
        match b {
            b'{' => {
                field.spec_has_fields = true;
                depth += 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = &rest[..j];
                    return Ok((field, &rest[j + 1..]));
                }
            }
            _ => {}
        }
    }
    value_error("unmatched '{' in format spec")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(template: &str) -> Result<Vec<(String, Option<String>)>, String> {
        let mut markup = Markup::new(template);
        let mut out = Vec::new();
        loop {
            match markup.next_piece() {
                Ok(Some(p)) => out.push((
                    p.literal.to_string(),
                    p.field.map(|f| {
                        format!(
                            "{}|{:?}|{}|{}",
                            f.name, f.conversion, f.spec, f.spec_has_fields
                        )
                    }),
                )),
                Ok(None) => return Ok(out),
                Err(e) => return Err(crate::runtime::text::error_line(&e)),
            }
        }
    }

    fn field(literal: &str, f: &str) -> (String, Option<String>) {
        (literal.to_string(), Some(f.to_string()))
    }

    fn text(literal: &str) -> (String, Option<String>) {
        (literal.to_string(), None)
    }

    #[test]
    fn splits_literals_and_fields() {
        assert_eq!(pieces("").unwrap(), []);
        assert_eq!(pieces("é😀").unwrap(), [text("é😀")]);
        assert_eq!(
            pieces("a{{b}}c").unwrap(),
            [text("a{"), text("b}"), text("c")]
        );
        assert_eq!(
            pieces("x{}y{0!r:>{w}}").unwrap(),
            [
                field("x", "|None||false"),
                field("y", "0|Some('r')|>{w}|true")
            ]
        );
        assert_eq!(
            pieces("{a.b[c]:}").unwrap(),
            [field("", "a.b[c]|None||false")]
        );
        // inside brackets `}` and `:` belong to the key
        assert_eq!(pieces("{0[}:]}").unwrap(), [field("", "0[}:]|None||false")]);
        assert_eq!(pieces("{0!}}").unwrap(), [field("", "0|Some('}')||false")]);
        assert_eq!(pieces("{:{{}}}").unwrap(), [field("", "|None|{{}}|true")]);
    }

    #[test]
    fn syntax_errors_are_cpythons() {
        // str.format(...) in python3.11
        let cases = [
            ("}", "Single '}' encountered in format string"),
            ("a}b", "Single '}' encountered in format string"),
            ("{", "Single '{' encountered in format string"),
            ("{0", "expected '}' before end of string"),
            ("{0]", "expected '}' before end of string"),
            ("{0[0", "expected '}' before end of string"),
            ("{a{}", "unexpected '{' in field name"),
            (
                "{0!",
                "end of string while looking for conversion specifier",
            ),
            ("{0!r", "unmatched '{' in format spec"),
            ("{!}", "unmatched '{' in format spec"),
            ("{0:{", "unmatched '{' in format spec"),
            ("{0!rr}", "expected ':' after conversion specifier"),
        ];
        for (template, message) in cases {
            let err = pieces(template).unwrap_err();
            assert!(err.contains(message), "{template:?}: {err}");
        }
    }
}
