//! f-strings: `f"a{x!r:>{w}}b"` becomes `JoinStr([Const('a'), Format(x, repr, spec), Const('b')])`.
//!
//! Owns: merging literal pieces, the `{expr=}` debug form (its text becomes a constant
//! part, and the value is shown with `repr` unless a conversion or format spec is given),
//! and format specs (themselves f-strings).
//! Must not touch: formatting values (the interpreter's `Format`).

use super::ir::{self, Expr, ExprKind, Stmt};
use super::ir_build::constant;
use super::lower_expr::before;
use super::{Lowerer, Result};
use crate::runtime::value::Value;
use crate::syntax::ast::{self, FStringPart};
use crate::syntax::span::Span;

impl Lowerer<'_> {
    /// A whole f-string; a constant when it has no `{…}` fields.
    pub(super) fn fstring(
        &mut self,
        parts: &[FStringPart],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        let pieces = self.fstring_pieces(parts, false, span, out)?;
        Ok(join(pieces, span))
    }

    /// The pieces of an f-string, literal runs merged. With `spill_all`, every field is
    /// evaluated into a temporary (a later part of an enclosing f-string yields).
    fn fstring_pieces(
        &mut self,
        parts: &[FStringPart],
        spill_all: bool,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Vec<Expr>> {
        let last = parts.iter().rposition(|p| self.part_has_yield(p));
        let mut pieces = Vec::new();
        let mut text = String::new();
        for (i, part) in parts.iter().enumerate() {
            match part {
                FStringPart::Literal(s) => text.push_str(s),
                FStringPart::Formatted(field) => {
                    if let Some(debug) = &field.debug_text {
                        text.push_str(debug);
                    }
                    if !text.is_empty() {
                        pieces.push(constant(Value::string(std::mem::take(&mut text)), span));
                    }
                    let spill = spill_all || before(last, i);
                    pieces.push(self.formatted(field, spill, span, out)?);
                }
            }
        }
        if !text.is_empty() {
            pieces.push(constant(Value::string(text), span));
        }
        Ok(pieces)
    }

    /// `{value!conversion:spec}`.
    fn formatted(
        &mut self,
        field: &ast::FormattedValue,
        spill: bool,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        let spec_yields = field
            .spec
            .as_ref()
            .is_some_and(|spec| spec.iter().any(|p| self.part_has_yield(p)));
        let value = self.operand(&field.value, spill || spec_yields, out)?;
        let spec = match &field.spec {
            Some(spec) => {
                let pieces = self.fstring_pieces(spec, spill, span, out)?;
                Some(Box::new(join(pieces, span)))
            }
            None => None,
        };
        let conversion = match field.conversion {
            Some(ast::Conversion::Str) => Some(ir::Conversion::Str),
            Some(ast::Conversion::Repr) => Some(ir::Conversion::Repr),
            Some(ast::Conversion::Ascii) => Some(ir::Conversion::Ascii),
            // `{x=}` shows repr(x), unless a format spec asks for format(x, spec).
            None if field.debug_text.is_some() && field.spec.is_none() => {
                Some(ir::Conversion::Repr)
            }
            None => None,
        };
        let value_span = value.span;
        let kind = ExprKind::Format {
            value: Box::new(value),
            conversion,
            spec,
        };
        Ok(Expr::new(kind, value_span))
    }

    fn part_has_yield(&self, part: &FStringPart) -> bool {
        match part {
            FStringPart::Literal(_) => false,
            FStringPart::Formatted(field) => {
                self.has_yield(&field.value)
                    || field
                        .spec
                        .as_ref()
                        .is_some_and(|spec| spec.iter().any(|p| self.part_has_yield(p)))
            }
        }
    }
}

/// The pieces joined: `''`, a single constant, or a `JoinStr`.
fn join(mut pieces: Vec<Expr>, span: Span) -> Expr {
    match pieces.len() {
        0 => constant(Value::str(""), span),
        1 if matches!(pieces[0].kind, ExprKind::Const(_)) => pieces.remove(0),
        _ => Expr::new(ExprKind::JoinStr(pieces), span),
    }
}
