//! `for` loops, lowered to the iterator protocol:
//!
//! ```text
//! $it0 = iter(xs)
//! while True:
//!     try:
//!         x = next($it0)          # ForNext
//!     except StopIteration:
//!         <else block>            # the While's orelse: runs only on exhaustion
//!         break
//!     body
//! del $it0                        # the iterator is released when the loop ends
//! ```
//!
//! Owns: `for_stmt` and `loop_over`, the `while True` + `ForNext` shape that comprehensions
//! reuse.
//! Must not touch: what a loop body contains; `break`/`continue` legality is `loop_body`.

use super::ir::{Expr, ExprKind, Slot, Stmt, StmtKind, Target};
use super::ir_build::{local, set_local};
use super::{Lowerer, Result};
use crate::runtime::lookup_site::LookupSite;
use crate::syntax::ast;
use crate::syntax::span::Span;

impl Lowerer<'_> {
    pub(super) fn for_stmt(
        &mut self,
        target: &ast::Expr,
        iter: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<()> {
        let it = self.unit.temp("$it");
        let iterable = self.expr(iter, out)?;
        let iterator = Expr::new(ExprKind::Iter(Box::new(iterable)), iter.span);
        out.push(set_local(it, iterator, iter.span));
        let looped = self.loop_over(it, target, |this| this.loop_body(body), orelse, span)?;
        out.push(looped);
        out.push(Stmt::new(StmtKind::Delete(Target::Local(it)), span));
        Ok(())
    }

    /// `while True:` whose first step is `target = next(it)` (ending the loop, and running
    /// `orelse`, when the iterator is exhausted), followed by what `body` lowers.
    pub(super) fn loop_over(
        &mut self,
        it: Slot,
        target: &ast::Expr,
        body: impl FnOnce(&mut Self) -> Result<Vec<Stmt>>,
        orelse: &[ast::Stmt],
        span: Span,
    ) -> Result<Stmt> {
        let mut loop_body = Vec::new();
        if self.has_yield(target) {
            // `for a[(yield)] in xs`: the next value goes to a temporary first.
            let value = self.unit.temp("$t");
            let next = StmtKind::ForNext {
                iter: it,
                target: Target::Local(value),
                site: LookupSite::new(),
            };
            loop_body.push(Stmt::new(next, target.span));
            self.assign(
                target,
                local(value, target.span),
                target.span,
                &mut loop_body,
            )?;
        } else {
            let mut unused = Vec::new();
            let target = {
                let lowered = self.target(target, &mut unused)?;
                Stmt::new(
                    StmtKind::ForNext {
                        iter: it,
                        target: lowered,
                        site: LookupSite::new(),
                    },
                    target.span,
                )
            };
            loop_body.push(target);
            loop_body.extend(unused);
        }
        loop_body.extend(body(self)?);
        let orelse = self.block(orelse)?;
        let kind = StmtKind::While {
            test: None,
            body: loop_body,
            orelse,
        };
        Ok(Stmt::new(kind, span))
    }
}
