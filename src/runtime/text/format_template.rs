//! `str.format` and `str.format_map`: substituting a template's replacement fields, with
//! CPython's field numbering, look-up order and errors.
//!
//! Owns: interpreting field names (`0`, `name`, `0.attr`, `0[key]`), automatic versus
//! manual numbering, conversions `!r` `!s` `!a`, and nested fields in format specs.
//! Must not touch: the template syntax (`format_markup.rs`), or anything that needs the
//! interpreter: arguments, attributes, items, `repr` and `format(value, spec)` come from
//! the caller's `FormatArgs`.

use super::format_markup::{Field, Markup};
use super::unicode::decimal_value;
use crate::runtime::exception::{value_error, Exc, ExcKind, PyResult};

/// A key in brackets: all decimal digits make an index (`{0[1]}`), anything else is a
/// string key (`{0[name]}`, `{0[-1]}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey<'a> {
    Index(usize),
    Name(&'a str),
}

/// `!s`, `!r`, `!a`: `str()`, `repr()` or `ascii()` of the value before formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    Str,
    Repr,
    Ascii,
}

/// What a template's fields resolve through: the call's arguments and the interpreter's
/// operations on values. The template engine calls these in CPython's order: look up the
/// argument, then each attribute/item left to right, then convert, then expand nested
/// fields of the spec, then format.
pub trait FormatArgs {
    type Value;

    /// Positional argument `index`, or `None` when there are not that many.
    fn positional(&mut self, index: usize) -> Option<Self::Value>;

    /// Whether positional fields may be used at all: `false` for `format_map`, where
    /// `{0}` and `{}` raise "Format string contains positional fields".
    fn takes_positional(&self) -> bool {
        true
    }

    /// Keyword argument `name` (`{name}`); for `format_map`, `mapping[name]`. Raises
    /// `KeyError(name)` itself when missing.
    fn keyword(&mut self, name: &str) -> PyResult<Self::Value>;

    /// `getattr(value, name)` for `{0.name}`.
    fn attribute(&mut self, value: &Self::Value, name: &str) -> PyResult<Self::Value>;

    /// `value[key]` for `{0[key]}`.
    fn item(&mut self, value: &Self::Value, key: FieldKey<'_>) -> PyResult<Self::Value>;

    /// `str(value)`, `repr(value)` or `ascii(value)`, as a string value.
    fn convert(&mut self, value: Self::Value, conversion: Conversion) -> PyResult<Self::Value>;

    /// `format(value, spec)`.
    fn format(&mut self, value: &Self::Value, spec: &str) -> PyResult<String>;
}

/// `template.format(*args, **kwargs)` or `template.format_map(mapping)`, depending on
/// what `args` looks up.
pub fn format_template<A: FormatArgs + ?Sized>(template: &str, args: &mut A) -> PyResult<String> {
    let mut engine = Engine {
        args,
        numbering: Numbering::Unset,
    };
    let mut out = String::with_capacity(template.len());
    engine.expand(template, MAX_NESTING, &mut out)?;
    Ok(out)
}

/// Templates are expanded at depth 2 and specs at depth 1; a field in a spec's field's
/// spec is one too many (`'{:{:{}}}'`).
const MAX_NESTING: u32 = 2;

/// Fields are numbered automatically (`{}`) or manually (`{0}`), never both.
#[derive(Clone, Copy)]
enum Numbering {
    Unset,
    Automatic { next: usize },
    Manual,
}

struct Engine<'a, A: ?Sized> {
    args: &'a mut A,
    numbering: Numbering,
}

impl<A: FormatArgs + ?Sized> Engine<'_, A> {
    fn expand(&mut self, template: &str, depth: u32, out: &mut String) -> PyResult<()> {
        if depth == 0 {
            return value_error("Max string recursion exceeded");
        }
        let mut markup = Markup::new(template);
        while let Some(piece) = markup.next_piece()? {
            out.push_str(piece.literal);
            if let Some(field) = piece.field {
                self.render(&field, depth, out)?;
            }
        }
        Ok(())
    }

    fn render(&mut self, field: &Field<'_>, depth: u32, out: &mut String) -> PyResult<()> {
        let mut value = self.resolve(field.name)?;
        if let Some(c) = field.conversion {
            value = self.args.convert(value, conversion(c)?)?;
        }
        let formatted = if field.spec_has_fields {
            let mut spec = String::new();
            self.expand(field.spec, depth - 1, &mut spec)?;
            self.args.format(&value, &spec)?
        } else {
            self.args.format(&value, field.spec)?
        };
        out.push_str(&formatted);
        Ok(())
    }

    /// The value a field name refers to: its first part, then each `.attr` and `[key]`.
    fn resolve(&mut self, name: &str) -> PyResult<A::Value> {
        let split = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(split);
        let mut value = match self.number(first)? {
            Some(index) => self.positional(index)?,
            None => self.args.keyword(first)?,
        };
        while !rest.is_empty() {
            let (accessor, after) = next_accessor(rest)?;
            rest = after;
            value = match accessor {
                Accessor::Attribute(attr) => self.args.attribute(&value, attr)?,
                Accessor::Item(key) => self.args.item(&value, key)?,
            };
        }
        Ok(value)
    }

    /// The positional index the first part of a field name selects, checking that
    /// automatic and manual numbering are not mixed; `None` for a keyword.
    fn number(&mut self, first: &str) -> PyResult<Option<usize>> {
        let manual = parse_index(first)?;
        if !first.is_empty() && manual.is_none() {
            return Ok(None);
        }
        match (self.numbering, manual) {
            (Numbering::Unset, Some(index)) => {
                self.numbering = Numbering::Manual;
                Ok(Some(index))
            }
            (Numbering::Manual, Some(index)) => Ok(Some(index)),
            (Numbering::Unset, None) => {
                self.numbering = Numbering::Automatic { next: 1 };
                Ok(Some(0))
            }
            (Numbering::Automatic { next }, None) => {
                self.numbering = Numbering::Automatic { next: next + 1 };
                Ok(Some(next))
            }
            (Numbering::Manual, None) => value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ),
            (Numbering::Automatic { .. }, Some(_)) => value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ),
        }
    }

    fn positional(&mut self, index: usize) -> PyResult<A::Value> {
        if !self.args.takes_positional() {
            return value_error("Format string contains positional fields");
        }
        self.args.positional(index).ok_or_else(|| {
            Exc::new(
                ExcKind::IndexError,
                format!("Replacement index {index} out of range for positional args tuple"),
            )
        })
    }
}

fn conversion(c: char) -> PyResult<Conversion> {
    match c {
        's' => Ok(Conversion::Str),
        'r' => Ok(Conversion::Repr),
        'a' => Ok(Conversion::Ascii),
        ' '..='~' if c != ' ' => value_error(format!("Unknown conversion specifier {c}")),
        _ => value_error(format!("Unknown conversion specifier \\x{:x}", c as u32)),
    }
}

/// A number made of decimal digits of any script ('٣' counts), `None` when empty or
/// not all digits; `ValueError` past `Py_ssize_t`.
fn parse_index(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s.chars() {
        let Some(digit) = decimal_value(c) else {
            return Ok(None);
        };
        n = match n
            .checked_mul(10)
            .and_then(|n| n.checked_add(digit as usize))
        {
            Some(n) if n <= isize::MAX as usize => n,
            _ => return value_error("Too many decimal digits in format string"),
        };
    }
    Ok(Some(n))
}

enum Accessor<'a> {
    Attribute(&'a str),
    Item(FieldKey<'a>),
}

/// Reads the `.attr` or `[key]` at the start of `rest`; returns it and what follows.
fn next_accessor(rest: &str) -> PyResult<(Accessor<'_>, &str)> {
    let (accessor, after) = if let Some(attr) = rest.strip_prefix('.') {
        let end = attr.find(['.', '[']).unwrap_or(attr.len());
        let (name, after) = attr.split_at(end);
        (Accessor::Attribute(name), after)
    } else if let Some(item) = rest.strip_prefix('[') {
        let Some(end) = item.find(']') else {
            return value_error("Missing ']' in format string");
        };
        let key = &item[..end];
        let key = match parse_index(key)? {
            Some(index) => FieldKey::Index(index),
            None => FieldKey::Name(key),
        };
        (Accessor::Item(key), &item[end + 1..])
    } else {
        return value_error("Only '.' or '[' may follow ']' in format field specifier");
    };
    if matches!(
        accessor,
        Accessor::Attribute("") | Accessor::Item(FieldKey::Name(""))
    ) {
        return value_error("Empty attribute in format string");
    }
    Ok((accessor, after))
}

#[cfg(test)]
#[path = "format_template_tests.rs"]
mod tests;
