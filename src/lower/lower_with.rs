//! `with`, lowered to PEP 343's expansion (one per item, nested):
//!
//! ```text
//! $mgr0 = EXPR
//! $enter0 = type($mgr0).__enter__ (bound)    # looked up first, as CPython 3.11 does
//! $exit0 = type($mgr0).__exit__ (bound)
//! $value0 = $enter0()
//! $ok0 = True
//! try:
//!     VAR = $value0                           # inside the try, as CPython does
//!     BLOCK
//! except:
//!     $ok0 = False
//!     if not $exit0(type($exc0), $exc0, None):
//!         raise
//! finally:
//!     if $ok0:                                # normal exit, return, break, continue
//!         $exit0(None, None, None)
//! ```
//!
//! Owns: that expansion.
//! Must not touch: the body's statements, or how the interpreter finds special methods
//! (`SpecialMethod` raises CPython's error for an object that is not a context manager).

use super::ir::{Expr, ExprKind, Handler, Stmt, StmtKind, Target, Try};
use super::ir_build::{boolean, call, expr_stmt, if_stmt, local, none, not, set_local};
use super::{Lowerer, Result};
use crate::runtime::symbol::{sym, Symbol};
use crate::syntax::ast;
use crate::syntax::span::Span;

impl Lowerer<'_> {
    pub(super) fn with_stmt(
        &mut self,
        items: &[ast::WithItem],
        body: &[ast::Stmt],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<()> {
        let Some((item, rest)) = items.split_first() else {
            out.extend(self.block(body)?);
            return Ok(());
        };
        let at = item.context.span;
        let mgr = self.unit.temp("$mgr");
        let enter = self.unit.temp("$enter");
        let exit = self.unit.temp("$exit");
        let ok = self.unit.temp("$ok");
        let exc = self.unit.temp("$exc");

        let manager = self.expr(&item.context, out)?;
        out.push(set_local(mgr, manager, at));
        out.push(set_local(enter, special_method(mgr, sym::ENTER, at), at));
        out.push(set_local(exit, special_method(mgr, sym::EXIT, at), at));
        let entered = call(local(enter, at), Vec::new(), at);
        let mut protected = Vec::new();
        match &item.target {
            Some(target) => {
                let value = self.unit.temp("$value");
                out.push(set_local(value, entered, at));
                self.assign(
                    target,
                    local(value, target.span),
                    target.span,
                    &mut protected,
                )?;
            }
            None => out.push(expr_stmt(entered)),
        }
        out.push(set_local(ok, boolean(true, at), at));
        self.with_stmt(rest, body, span, &mut protected)?;

        let exit_args = vec![
            Expr::new(ExprKind::TypeOf(Box::new(local(exc, at))), at),
            local(exc, at),
            none(at),
        ];
        let suppressed = call(local(exit, at), exit_args, at);
        let reraise = Stmt::new(
            StmtKind::Raise {
                exc: None,
                cause: None,
            },
            at,
        );
        let handler = Handler {
            class: None,
            name: Some(Target::Local(exc)),
            body: vec![
                set_local(ok, boolean(false, at), at),
                if_stmt(not(suppressed), vec![reraise], Vec::new(), at),
            ],
            span: at,
        };
        let clean_exit = call(local(exit, at), vec![none(at), none(at), none(at)], at);
        let finalbody = vec![if_stmt(
            local(ok, at),
            vec![expr_stmt(clean_exit)],
            Vec::new(),
            at,
        )];
        let kind = StmtKind::Try(Box::new(Try {
            body: protected,
            handlers: vec![handler],
            orelse: Vec::new(),
            finalbody,
        }));
        out.push(Stmt::new(kind, span));
        Ok(())
    }
}

/// `type(obj).name` bound to `obj`.
fn special_method(obj: u32, name: Symbol, span: Span) -> Expr {
    let kind = ExprKind::SpecialMethod {
        obj: Box::new(local(obj, span)),
        name,
    };
    Expr::new(kind, span)
}
