//! Terse constructors for the IR nodes the desugarings build by hand (hidden temporaries,
//! `if`s, calls of special methods), so each desugaring reads like the Python it stands for.
//!
//! Owns: nothing but these shorthands.
//! Must not touch: names, scopes or decisions about what to build.

use super::ir::{Arg, Expr, ExprKind, Slot, Stmt, StmtKind, Target, UnaryOp};
use crate::runtime::value::Value;
use crate::syntax::span::Span;

pub(super) fn local(slot: Slot, span: Span) -> Expr {
    Expr::new(ExprKind::Local(slot), span)
}

pub(super) fn constant(value: Value, span: Span) -> Expr {
    Expr::new(ExprKind::Const(value), span)
}

pub(super) fn boolean(value: bool, span: Span) -> Expr {
    constant(Value::Bool(value), span)
}

pub(super) fn none(span: Span) -> Expr {
    constant(Value::None, span)
}

pub(super) fn not(operand: Expr) -> Expr {
    let span = operand.span;
    Expr::new(
        ExprKind::Unary {
            op: UnaryOp::Not,
            operand: Box::new(operand),
        },
        span,
    )
}

pub(super) fn call(func: Expr, args: Vec<Expr>, span: Span) -> Expr {
    Expr::new(
        ExprKind::Call {
            func: Box::new(func),
            args: args.into_iter().map(Arg::Pos).collect(),
        },
        span,
    )
}

pub(super) fn assign(target: Target, value: Expr, span: Span) -> Stmt {
    Stmt::new(StmtKind::Assign { target, value }, span)
}

/// `$slot = value`.
pub(super) fn set_local(slot: Slot, value: Expr, span: Span) -> Stmt {
    assign(Target::Local(slot), value, span)
}

pub(super) fn expr_stmt(value: Expr) -> Stmt {
    let span = value.span;
    Stmt::new(StmtKind::Expr(value), span)
}

pub(super) fn if_stmt(test: Expr, then: Vec<Stmt>, orelse: Vec<Stmt>, span: Span) -> Stmt {
    Stmt::new(StmtKind::If { test, then, orelse }, span)
}

/// A second copy of a constant (the one expression that is safe to evaluate twice).
pub(super) fn duplicate_const(e: &Expr) -> Option<Expr> {
    match &e.kind {
        ExprKind::Const(v) => Some(constant(v.clone(), e.span)),
        _ => None,
    }
}
