//! Assignment and deletion targets: names, attributes, subscripts and unpacking
//! (`a, *b, (c, d) = …`), with CPython's compile-time checks on them.
//!
//! Owns: `Target` building, `assign` (a value into a target, keeping Python's order when
//! the target itself contains a `yield`), `del`, augmented assignment, and the messages
//! `starred assignment target must be in a list or tuple`, `multiple starred expressions
//! in assignment`, `cannot assign to …`, `cannot delete …`.
//! Must not touch: evaluating values (that is `lower_expr.rs`).

use super::ir::{Expr, Stmt, StmtKind, Target};
use super::ir_build::{assign, local, set_local};
use super::{Lowerer, Result};
use crate::runtime::lookup_site::LookupSite;
use crate::syntax::ast::{self, BinOp, ExprKind as A};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;

impl Lowerer<'_> {
    /// The target of an assignment (its object and index expressions lowered now).
    pub(super) fn target(&mut self, t: &ast::Expr, out: &mut Vec<Stmt>) -> Result<Target> {
        match &t.kind {
            A::Name(name) => self.store_name(name, t.span),
            A::Attribute { value, attr } => Ok(Target::Attr {
                obj: self.expr(value, out)?,
                name: self.attr_symbol(&attr.name),
                span: t.span,
                site: LookupSite::new(),
            }),
            A::Subscript { value, index } => Ok(Target::Subscript {
                obj: self.operand(value, self.has_yield(index), out)?,
                index: self.expr(index, out)?,
                span: t.span,
            }),
            A::Tuple(items) | A::List(items) => {
                let star = star_index(items, t.span)?;
                let mut targets = Vec::with_capacity(items.len());
                for item in items {
                    let inner = match &item.kind {
                        A::Starred(inner) => inner,
                        _ => item,
                    };
                    targets.push(self.target(inner, out)?);
                }
                Ok(Target::Unpack {
                    items: targets,
                    star,
                    span: t.span,
                })
            }
            A::Starred(_) => Err(SyntaxError::new(
                "starred assignment target must be in a list or tuple",
                t.span,
            )),
            _ => Err(SyntaxError::new(
                format!("cannot assign to {}", expr_name(t)),
                t.span,
            )),
        }
    }

    /// `target = value` for an already lowered value. When the target contains a `yield`,
    /// the value is kept in a temporary and the target's parts are evaluated afterwards,
    /// one unpacked item at a time, as Python does.
    pub(super) fn assign(
        &mut self,
        t: &ast::Expr,
        value: Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<()> {
        if !self.has_yield(t) {
            let target = self.target(t, out)?;
            out.push(assign(target, value, span));
            return Ok(());
        }
        let value = self.spill(value, out);
        let (A::Tuple(items) | A::List(items)) = &t.kind else {
            let target = self.target(t, out)?;
            out.push(assign(target, value, span));
            return Ok(());
        };
        let star = star_index(items, t.span)?;
        let slots: Vec<_> = items.iter().map(|_| self.unit.temp("$t")).collect();
        let unpack = Target::Unpack {
            items: slots.iter().map(|&s| Target::Local(s)).collect(),
            star,
            span: t.span,
        };
        out.push(assign(unpack, value, span));
        for (item, slot) in items.iter().zip(slots) {
            let inner = match &item.kind {
                A::Starred(inner) => inner,
                _ => item,
            };
            self.assign(inner, local(slot, item.span), span, out)?;
        }
        Ok(())
    }

    /// `del target` (a tuple or list of targets deletes each in turn).
    pub(super) fn delete(&mut self, t: &ast::Expr, span: Span, out: &mut Vec<Stmt>) -> Result<()> {
        let target = match &t.kind {
            A::Name(name) => self.delete_name(name, t.span)?,
            A::Attribute { .. } | A::Subscript { .. } => self.target(t, out)?,
            A::Tuple(items) | A::List(items) => {
                for item in items {
                    self.delete(item, item.span, out)?;
                }
                return Ok(());
            }
            _ => {
                return Err(SyntaxError::new(
                    format!("cannot delete {}", expr_name(t)),
                    t.span,
                ))
            }
        };
        out.push(Stmt::new(StmtKind::Delete(target), span));
        Ok(())
    }

    /// `target op= value`. With a `yield` in it, spelled out in Python's order: the
    /// target's object and index, its current value, then the right-hand side, the
    /// in-place operation, and the store.
    pub(super) fn aug_assign(
        &mut self,
        t: &ast::Expr,
        op: BinOp,
        value: &ast::Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<()> {
        if !matches!(
            t.kind,
            A::Name(_) | A::Attribute { .. } | A::Subscript { .. }
        ) {
            return Err(SyntaxError::new(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(t)
                ),
                t.span,
            ));
        }
        if !self.has_yield(t) && !self.has_yield(value) {
            let target = self.target(t, out)?;
            let value = self.expr(value, out)?;
            out.push(Stmt::new(StmtKind::AugAssign { target, op, value }, span));
            return Ok(());
        }
        // Evaluate the target's parts into temporaries: `store` re-creates the target.
        let (current, store) = match &t.kind {
            A::Attribute { value: obj, attr } => {
                let obj = self.expr(obj, out)?;
                let obj_slot = self.unit.temp("$t");
                out.push(set_local(obj_slot, obj, t.span));
                let name = self.attr_symbol(&attr.name);
                let current = Expr::new(
                    crate::lower::ir::ExprKind::Attr {
                        obj: Box::new(local(obj_slot, t.span)),
                        name,
                        site: LookupSite::new(),
                    },
                    t.span,
                );
                let store = Target::Attr {
                    obj: local(obj_slot, t.span),
                    name,
                    span: t.span,
                    site: LookupSite::new(),
                };
                (current, store)
            }
            A::Subscript { value: obj, index } => {
                let obj = self.expr(obj, out)?;
                let obj_slot = self.unit.temp("$t");
                out.push(set_local(obj_slot, obj, t.span));
                let index = self.expr(index, out)?;
                let index_slot = self.unit.temp("$t");
                out.push(set_local(index_slot, index, t.span));
                let current = Expr::new(
                    crate::lower::ir::ExprKind::Subscript {
                        obj: Box::new(local(obj_slot, t.span)),
                        index: Box::new(local(index_slot, t.span)),
                    },
                    t.span,
                );
                let store = Target::Subscript {
                    obj: local(obj_slot, t.span),
                    index: local(index_slot, t.span),
                    span: t.span,
                };
                (current, store)
            }
            _ => {
                let A::Name(name) = &t.kind else {
                    return Err(super::internal_error("augmented target", t.span));
                };
                (
                    self.load_name(name, t.span)?,
                    self.store_name(name, t.span)?,
                )
            }
        };
        let result = self.unit.temp("$t");
        out.push(set_local(result, current, t.span));
        let value = self.expr(value, out)?;
        out.push(Stmt::new(
            StmtKind::AugAssign {
                target: Target::Local(result),
                op,
                value,
            },
            span,
        ));
        out.push(assign(store, local(result, t.span), span));
        Ok(())
    }
}

/// The index of the starred item of an unpacking target, checking CPython's limits.
fn star_index(items: &[ast::Expr], span: Span) -> Result<Option<usize>> {
    let mut star = None;
    for (i, item) in items.iter().enumerate() {
        if matches!(item.kind, A::Starred(_)) {
            if star.is_some() {
                return Err(SyntaxError::new(
                    "multiple starred expressions in assignment",
                    span,
                ));
            }
            star = Some(i);
        }
    }
    if let Some(i) = star {
        if i >= 1 << 8 || items.len() - i > (i32::MAX >> 8) as usize {
            return Err(SyntaxError::new(
                "too many expressions in star-unpacking assignment",
                span,
            ));
        }
    }
    Ok(star)
}

/// What CPython calls an expression in `cannot assign to …` messages.
pub(super) fn expr_name(e: &ast::Expr) -> &'static str {
    match &e.kind {
        A::Name(_) => "name",
        A::Constant(ast::Constant::None) => "None",
        A::Constant(ast::Constant::True) => "True",
        A::Constant(ast::Constant::False) => "False",
        A::Constant(ast::Constant::Ellipsis) => "ellipsis",
        A::Constant(_) => "literal",
        A::FString(_) => "f-string expression",
        A::BoolOp { .. } | A::BinOp { .. } | A::UnaryOp { .. } => "expression",
        A::Compare { .. } => "comparison",
        A::Lambda { .. } => "lambda",
        A::IfExp { .. } => "conditional expression",
        A::NamedExpr { .. } => "named expression",
        A::Dict(_) => "dict literal",
        A::Set(_) => "set display",
        A::List(_) => "list",
        A::Tuple(_) => "tuple",
        A::ListComp { .. } => "list comprehension",
        A::SetComp { .. } => "set comprehension",
        A::DictComp { .. } => "dict comprehension",
        A::GeneratorExp { .. } => "generator expression",
        A::Yield(_) | A::YieldFrom(_) => "yield expression",
        A::Call { .. } => "function call",
        A::Attribute { .. } => "attribute",
        A::Subscript { .. } => "subscript",
        A::Slice { .. } => "slice",
        A::Starred(_) => "starred",
    }
}
