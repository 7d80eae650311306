//! Yields in expressions: every `yield` / `yield from` becomes a statement
//! (`$t = yield v`) placed before the statement that uses its value, so a generator only
//! ever suspends between statements.
//!
//! Owns: the `Yield` / `YieldFrom` statements, and the if-statements that keep
//! short-circuiting when a yield sits in a later operand of `and`/`or`, a branch of a
//! conditional expression, or a later operand of a comparison chain.
//! Must not touch: the order-keeping temporaries of ordinary operands (`operand` in
//! `lower_expr.rs` does that for every expression kind).

use super::ir::{Expr, ExprKind, Slot, Stmt, StmtKind, Target};
use super::ir_build::{if_stmt, local, not, set_local};
use super::{Lowerer, Result};
use crate::syntax::ast::{self, ExprKind as A};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;

impl Lowerer<'_> {
    fn check_in_function(&self, span: Span) -> Result<()> {
        if self.unit.is_function_like() {
            Ok(())
        } else {
            Err(SyntaxError::new("'yield' outside function", span))
        }
    }

    /// If `e` is a `yield`/`yield from`, emits it as a statement whose sent value is
    /// assigned to `target` (which must not itself yield) and returns true.
    pub(super) fn yield_stmt(
        &mut self,
        e: &ast::Expr,
        target: Option<&ast::Expr>,
        out: &mut Vec<Stmt>,
    ) -> Result<bool> {
        self.yield_stmt_with(e, out, |this, out| match target {
            Some(t) => Ok(Some(this.target(t, out)?)),
            None => Ok(None),
        })
    }

    /// If `e` is a `yield`/`yield from`, emits `$slot = yield …` and returns true.
    fn yield_into(&mut self, e: &ast::Expr, slot: Slot, out: &mut Vec<Stmt>) -> Result<bool> {
        self.yield_stmt_with(e, out, |_, _| Ok(Some(Target::Local(slot))))
    }

    /// The statement form of a yield; `target` is lowered after the yielded value, as
    /// Python evaluates an assignment's target after its value.
    fn yield_stmt_with(
        &mut self,
        e: &ast::Expr,
        out: &mut Vec<Stmt>,
        target: impl FnOnce(&mut Self, &mut Vec<Stmt>) -> Result<Option<Target>>,
    ) -> Result<bool> {
        match &e.kind {
            A::Yield(value) => {
                self.check_in_function(e.span)?;
                let value = match value {
                    Some(v) => Some(self.expr(v, out)?),
                    None => None,
                };
                let target = target(self, out)?;
                out.push(Stmt::new(StmtKind::Yield { value, target }, e.span));
                Ok(true)
            }
            A::YieldFrom(iterable) => {
                self.check_in_function(e.span)?;
                let iterable = self.expr(iterable, out)?;
                let target = target(self, out)?;
                let sub = self.unit.temp("$sub");
                let kind = StmtKind::YieldFrom {
                    iterable,
                    target,
                    sub,
                };
                out.push(Stmt::new(kind, e.span));
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// `$slot = e`, a yield assigning its sent value directly.
    fn evaluate_into(&mut self, e: &ast::Expr, slot: Slot, out: &mut Vec<Stmt>) -> Result<()> {
        if !self.yield_into(e, slot, out)? {
            let value = self.expr(e, out)?;
            out.push(set_local(slot, value, e.span));
        }
        Ok(())
    }

    /// `(yield value)` inside an expression: `$t = yield value` first, then `$t`.
    pub(super) fn yield_expr(
        &mut self,
        value: Option<&ast::Expr>,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        self.check_in_function(span)?;
        let value = match value {
            Some(v) => Some(self.expr(v, out)?),
            None => None,
        };
        let slot = self.unit.temp("$t");
        let target = Some(Target::Local(slot));
        out.push(Stmt::new(StmtKind::Yield { value, target }, span));
        Ok(local(slot, span))
    }

    /// `(yield from iterable)` inside an expression: its result goes to a temporary.
    pub(super) fn yield_from_expr(
        &mut self,
        iterable: &ast::Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        self.check_in_function(span)?;
        let iterable = self.expr(iterable, out)?;
        let slot = self.unit.temp("$t");
        let sub = self.unit.temp("$sub");
        let kind = StmtKind::YieldFrom {
            iterable,
            target: Some(Target::Local(slot)),
            sub,
        };
        out.push(Stmt::new(kind, span));
        Ok(local(slot, span))
    }

    /// `a and (yield b)`: `$t = a` / `if $t: $t = yield b`, so `b` is only reached when
    /// Python would reach it. `or` tests `not $t`.
    pub(super) fn bool_op_with_yield(
        &mut self,
        op: ast::BoolOp,
        values: &[ast::Expr],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        let result = self.unit.temp("$t");
        let mut enclosing: Vec<Vec<Stmt>> = Vec::new();
        let mut block = Vec::new();
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                enclosing.push(std::mem::take(&mut block));
            }
            self.evaluate_into(value, result, &mut block)?;
        }
        while let Some(mut parent) = enclosing.pop() {
            let test = match op {
                ast::BoolOp::And => local(result, span),
                ast::BoolOp::Or => not(local(result, span)),
            };
            parent.push(if_stmt(test, block, Vec::new(), span));
            block = parent;
        }
        out.extend(block);
        Ok(local(result, span))
    }

    /// `(yield a) if test else b`: an if-statement assigning either branch to `$t`.
    pub(super) fn if_exp_with_yield(
        &mut self,
        test: Expr,
        body: &ast::Expr,
        orelse: &ast::Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        let result = self.unit.temp("$t");
        let mut then = Vec::new();
        self.evaluate_into(body, result, &mut then)?;
        let mut otherwise = Vec::new();
        self.evaluate_into(orelse, result, &mut otherwise)?;
        out.push(if_stmt(test, then, otherwise, span));
        Ok(local(result, span))
    }

    /// `a < b < (yield c)`: each comparison assigns `$t`, and the next one runs only if
    /// it was true; shared operands live in temporaries.
    pub(super) fn compare_with_yield(
        &mut self,
        left: &ast::Expr,
        ops: &[(ast::CmpOp, ast::Expr)],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        let result = self.unit.temp("$t");
        // Every right operand goes to a temporary before its comparison runs, so the
        // first left operand must too, to be evaluated before them.
        let mut left = self.operand(left, true, out)?;
        let mut enclosing: Vec<Vec<Stmt>> = Vec::new();
        let mut block = Vec::new();
        for (i, (op, right)) in ops.iter().enumerate() {
            if i > 0 {
                enclosing.push(std::mem::take(&mut block));
            }
            let right_value = self.expr(right, &mut block)?;
            let right_span = right_value.span;
            let is_last = i + 1 == ops.len();
            let (right_value, next_left) = if is_last {
                (right_value, None)
            } else {
                let shared = self.unit.temp("$t");
                block.push(set_local(shared, right_value, right_span));
                (local(shared, right_span), Some(local(shared, right_span)))
            };
            let compare_span = left.span.to(right_span);
            let compare = ExprKind::Compare {
                op: *op,
                left: Box::new(left),
                right: Box::new(right_value),
            };
            block.push(set_local(
                result,
                Expr::new(compare, compare_span),
                compare_span,
            ));
            match next_left {
                Some(next) => left = next,
                None => break,
            }
        }
        while let Some(mut parent) = enclosing.pop() {
            parent.push(if_stmt(local(result, span), block, Vec::new(), span));
            block = parent;
        }
        out.extend(block);
        Ok(local(result, span))
    }
}
