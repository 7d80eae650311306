//! Reading the CPython-generated tables in this folder (see `generate.py`).
//!
//! Owns: the test-only parsers for the tables: rows of tab-separated fields, Python
//! reprs of values and string literals, and the `!Kind: message` form of errors.
//! Must not touch: anything outside tests.

use crate::runtime::exception::{Exc, PyResult};
use crate::runtime::value::Value;
use num_bigint::BigInt;
use std::str::FromStr;

/// The data rows of a table: comment lines (`# …`) skipped, fields split on tabs.
/// Fields are not trimmed: padding spaces are data.
pub fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .split('\n')
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

/// A number from its Python repr: `True`, `-12`, `1.5`, `1e+16`, `inf`, `nan`.
pub fn number(repr: &str) -> Value {
    match repr {
        "True" => return Value::Bool(true),
        "False" => return Value::Bool(false),
        _ => {}
    }
    let is_float = repr.contains(['.', 'e', 'n']);
    if is_float {
        Value::Float(repr.parse().unwrap_or_else(|_| panic!("bad float {repr}")))
    } else {
        Value::from_bigint(BigInt::from_str(repr).unwrap_or_else(|_| panic!("bad int {repr}")))
    }
}

/// The text of a Python string literal written by `ascii()`: quotes and `\\`, `\'`,
/// `\"`, `\n`, `\r`, `\t`, `\xNN`, `\uNNNN`, `\UNNNNNNNN` escapes.
pub fn unrepr(literal: &str) -> String {
    let inner = &literal[1..literal.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex = |chars: &mut std::str::Chars, n: usize| {
            let digits: String = chars.take(n).collect();
            char::from_u32(u32::from_str_radix(&digits, 16).unwrap()).unwrap()
        };
        match chars.next().unwrap() {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'x' => out.push(hex(&mut chars, 2)),
            'u' => out.push(hex(&mut chars, 4)),
            'U' => out.push(hex(&mut chars, 8)),
            other => out.push(other),
        }
    }
    out
}

/// An error as the tables write it: `!ValueError: message`; several args (or none) are
/// written as the repr of the args tuple, as `str(exc)` shows them.
pub fn error_text(e: &Exc) -> String {
    let args = e.args();
    let items: Vec<&Value> = match &args {
        Value::Tuple(t) => t.as_slice().iter().collect(),
        _ => Vec::new(),
    };
    let message = match items.as_slice() {
        [Value::Str(s)] => s.as_str().to_string(),
        _ => {
            let parts: Vec<String> = items
                .iter()
                .map(|v| match v {
                    Value::Str(s) => format!("'{}'", s.as_str()),
                    other => format!("{other:?}"),
                })
                .collect();
            format!("({})", parts.join(", "))
        }
    };
    format!("!{}: {}", e.class().name, message)
}

/// A result as the tables write it: the text, or the error.
pub fn outcome(r: PyResult<String>) -> String {
    r.unwrap_or_else(|e| error_text(&e))
}

/// Runs `check` on every row and reports all mismatches at once.
pub fn check_all<'a>(table: &'a str, mut check: impl FnMut(&[&'a str]) -> Option<String>) {
    let mut checked = 0;
    let failures: Vec<String> = rows(table)
        .inspect(|_| checked += 1)
        .filter_map(|row| check(&row))
        .collect();
    assert!(checked > 0, "an empty table");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
