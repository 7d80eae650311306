//! Statements: assignment forms, `if`, `while`, `break`/`continue`, `return`, `raise`,
//! `try`, `del`, `assert`, imports, and docstrings of modules and classes.
//!
//! Owns: dispatching every statement kind, the per-statement lifetime of hidden
//! temporaries, and the compile-time errors `'return' outside function`, `'break' outside
//! loop`, `'continue' not properly in loop`.
//! Must not touch: `for` (`lower_for.rs`), `with` (`lower_with.rs`), `def`/`class`
//! (`lower_function.rs`), expressions (`lower_expr.rs`).

use super::ir::{Expr, ExprKind, Handler, Stmt, StmtKind, Target, Try};
use super::ir_build::{
    assign, boolean, duplicate_const, expr_stmt, if_stmt, local, not, set_local,
};
use super::lower_expr::constant_value;
use super::{Lowerer, Result};
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::value::Value;
use crate::syntax::ast::{self, ExprKind as A, StmtKind as S};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;

impl Lowerer<'_> {
    /// A block of statements.
    pub(super) fn block(&mut self, stmts: &[ast::Stmt]) -> Result<Vec<Stmt>> {
        let mut out = Vec::with_capacity(stmts.len());
        for s in stmts {
            self.stmt(s, &mut out)?;
        }
        Ok(out)
    }

    /// The body of a module or class: a leading string is the docstring, `__doc__`.
    pub(super) fn body_with_docstring(&mut self, stmts: &[ast::Stmt]) -> Result<Vec<Stmt>> {
        let Some((first, rest)) = stmts.split_first() else {
            return Ok(Vec::new());
        };
        let S::Expr(ast::Expr {
            kind: A::Constant(doc @ ast::Constant::Str(_)),
            span,
        }) = &first.kind
        else {
            return self.block(stmts);
        };
        let target = if self.unit.kind == crate::lower::ir::CodeKind::Class {
            Target::ClassLocal(sym::DOC)
        } else {
            Target::Global(self.global_id("__doc__"))
        };
        let value = Expr::new(ExprKind::Const(constant_value(doc, *span)?), *span);
        let mut out = vec![assign(target, value, first.span)];
        out.extend(self.block(rest)?);
        Ok(out)
    }

    /// One statement. Temporaries it allocates are free for reuse once it is lowered.
    fn stmt(&mut self, s: &ast::Stmt, out: &mut Vec<Stmt>) -> Result<()> {
        let mark = self.unit.temps_mark();
        let result = self.stmt_kind(s, out);
        self.unit.release_temps(mark);
        result
    }

    fn stmt_kind(&mut self, s: &ast::Stmt, out: &mut Vec<Stmt>) -> Result<()> {
        let span = s.span;
        match &s.kind {
            S::Expr(e) => {
                if !self.yield_stmt(e, None, out)? {
                    let value = self.expr(e, out)?;
                    out.push(Stmt::new(StmtKind::Expr(value), span));
                }
            }
            S::Assign { targets, value } => self.assign_stmt(targets, value, span, out)?,
            S::AugAssign { target, op, value } => self.aug_assign(target, *op, value, span, out)?,
            S::AnnAssign { target, value, .. } => match value {
                Some(value) => self.assign_stmt(std::slice::from_ref(target), value, span, out)?,
                None => self.annotated_only(target, out)?,
            },
            S::If { test, body, orelse } => {
                let test = self.expr(test, out)?;
                let then = self.block(body)?;
                let orelse = self.block(orelse)?;
                out.push(if_stmt(test, then, orelse, span));
            }
            S::While { test, body, orelse } => self.while_stmt(test, body, orelse, span, out)?,
            S::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(target, iter, body, orelse, span, out)?,
            S::Break | S::Continue => {
                if self.unit.loop_depth == 0 {
                    let message = match s.kind {
                        S::Break => "'break' outside loop",
                        _ => "'continue' not properly in loop",
                    };
                    return Err(SyntaxError::new(message, span));
                }
                let kind = match s.kind {
                    S::Break => StmtKind::Break,
                    _ => StmtKind::Continue,
                };
                out.push(Stmt::new(kind, span));
            }
            S::Pass => out.push(Stmt::new(StmtKind::Pass, span)),
            S::FunctionDef(def) => self.function_def(def, span, out)?,
            S::ClassDef(class) => self.class_def(class, span, out)?,
            S::Return(value) => {
                if !self.unit.is_function_like() {
                    return Err(SyntaxError::new("'return' outside function", span));
                }
                let value = match value {
                    Some(v) => Some(self.expr(v, out)?),
                    None => None,
                };
                out.push(Stmt::new(StmtKind::Return(value), span));
            }
            S::Try(t) => self.try_stmt(t, span, out)?,
            S::Raise { exc, cause } => {
                let cause_yields = cause.as_ref().is_some_and(|c| self.has_yield(c));
                let exc = match exc {
                    Some(e) => Some(self.operand(e, cause_yields, out)?),
                    None => None,
                };
                let cause = match cause {
                    Some(c) => Some(self.expr(c, out)?),
                    None => None,
                };
                out.push(Stmt::new(StmtKind::Raise { exc, cause }, span));
            }
            S::Delete(targets) => {
                for t in targets {
                    self.delete(t, span, out)?;
                }
            }
            S::Global(_) | S::Nonlocal(_) => {}
            S::Assert { test, msg } => self.assert_stmt(test, msg.as_ref(), span, out)?,
            S::With { items, body } => self.with_stmt(items, body, span, out)?,
            S::Import(names) => self.import(names, span, out)?,
            S::ImportFrom {
                module,
                names,
                star,
            } => self.import_from(module, names, *star, span, out)?,
        }
        Ok(())
    }

    /// `t = v`, `a = b = v` (the value once, into a temporary, then each target left to
    /// right), and `a, b = x, y` (a `ParallelAssign`: no tuple is built).
    fn assign_stmt(
        &mut self,
        targets: &[ast::Expr],
        value: &ast::Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<()> {
        if let [target] = targets {
            if let Some(parallel) = self.parallel_assign(target, value, span, out)? {
                out.push(parallel);
                return Ok(());
            }
            if !self.has_yield(target) && self.yield_stmt(value, Some(target), out)? {
                return Ok(());
            }
            let value = self.expr(value, out)?;
            return self.assign(target, value, span, out);
        }
        let value = self.expr(value, out)?;
        let shared = match duplicate_const(&value) {
            Some(_) => value,
            None => {
                let slot = self.unit.temp("$t");
                let value_span = value.span;
                out.push(set_local(slot, value, value_span));
                local(slot, value_span)
            }
        };
        for target in targets {
            let copy = match duplicate_const(&shared) {
                Some(c) => c,
                None => match shared.kind {
                    ExprKind::Local(slot) => local(slot, shared.span),
                    _ => return Err(super::internal_error("chained assignment", span)),
                },
            };
            self.assign(target, copy, span, out)?;
        }
        Ok(())
    }

    /// `a, b = x, y` with equal lengths and no starred items or yields.
    fn parallel_assign(
        &mut self,
        target: &ast::Expr,
        value: &ast::Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Option<Stmt>> {
        let (A::Tuple(targets) | A::List(targets)) = &target.kind else {
            return Ok(None);
        };
        let (A::Tuple(values) | A::List(values)) = &value.kind else {
            return Ok(None);
        };
        let starred = |items: &[ast::Expr]| items.iter().any(|i| matches!(i.kind, A::Starred(_)));
        if targets.len() != values.len()
            || starred(targets)
            || starred(values)
            || self.has_yield(target)
            || self.has_yield(value)
        {
            return Ok(None);
        }
        let mut lowered_values = Vec::with_capacity(values.len());
        for v in values {
            lowered_values.push(self.expr(v, out)?);
        }
        let mut lowered_targets = Vec::with_capacity(targets.len());
        for t in targets {
            lowered_targets.push(self.target(t, out)?);
        }
        let kind = StmtKind::ParallelAssign {
            targets: lowered_targets,
            values: lowered_values,
        };
        Ok(Some(Stmt::new(kind, span)))
    }

    /// `x: int` without a value binds nothing, but an attribute or subscript target's
    /// object (and index) are still evaluated, as CPython does.
    fn annotated_only(&mut self, target: &ast::Expr, out: &mut Vec<Stmt>) -> Result<()> {
        match &target.kind {
            A::Attribute { value, .. } => {
                let value = self.expr(value, out)?;
                out.push(expr_stmt(value));
            }
            A::Subscript { value, index } => {
                let value = self.operand(value, self.has_yield(index), out)?;
                out.push(expr_stmt(value));
                let index = self.expr(index, out)?;
                out.push(expr_stmt(index));
            }
            _ => {}
        }
        Ok(())
    }

    /// `while test: body else: orelse`. A test containing a `yield` is re-evaluated at the
    /// top of every iteration: `while True: <yields>; if not test: break`, with a flag
    /// so the `else` still runs only when the test turned false.
    fn while_stmt(
        &mut self,
        test: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<()> {
        if !self.has_yield(test) {
            let test = self.expr(test, out)?;
            // `while True:` / `while 1:` test nothing at run time (CPython folds them too).
            let always = matches!(
                test.kind,
                ExprKind::Const(Value::Bool(true)) | ExprKind::Const(Value::Int(1..))
            );
            let body = self.loop_body(body)?;
            let orelse = self.block(orelse)?;
            let kind = StmtKind::While {
                test: (!always).then_some(test),
                body,
                orelse,
            };
            out.push(Stmt::new(kind, span));
            return Ok(());
        }
        let test_span = test.span;
        let finished = match orelse.is_empty() {
            true => None,
            false => {
                let slot = self.unit.temp("$else");
                out.push(set_local(slot, boolean(false, test_span), test_span));
                Some(slot)
            }
        };
        let mut loop_body = Vec::new();
        let test = self.expr(test, &mut loop_body)?;
        let mut stop = Vec::new();
        if let Some(slot) = finished {
            stop.push(set_local(slot, boolean(true, test_span), test_span));
        }
        stop.push(Stmt::new(StmtKind::Break, test_span));
        loop_body.push(if_stmt(not(test), stop, Vec::new(), test_span));
        loop_body.extend(self.loop_body(body)?);
        let kind = StmtKind::While {
            test: None,
            body: loop_body,
            orelse: Vec::new(),
        };
        out.push(Stmt::new(kind, span));
        if let Some(slot) = finished {
            let orelse = self.block(orelse)?;
            out.push(if_stmt(local(slot, test_span), orelse, Vec::new(), span));
        }
        Ok(())
    }

    /// The body of a loop: `break` and `continue` are legal in it.
    pub(super) fn loop_body(&mut self, body: &[ast::Stmt]) -> Result<Vec<Stmt>> {
        let depth = self.unit.loop_depth;
        self.unit.loop_depth = depth.saturating_add(1);
        let result = self.block(body);
        self.unit.loop_depth = depth;
        result
    }

    fn try_stmt(&mut self, t: &ast::Try, span: Span, out: &mut Vec<Stmt>) -> Result<()> {
        let body = self.block(&t.body)?;
        let mut handlers = Vec::with_capacity(t.handlers.len());
        for h in &t.handlers {
            let class =
                match &h.class {
                    Some(c) if self.has_yield(c) => return Err(SyntaxError::new(
                        "iterp does not support 'yield' in the exception type of an except clause",
                        c.span,
                    )),
                    Some(c) => Some(self.expr(c, &mut Vec::new())?),
                    None => None,
                };
            let name = match &h.name {
                Some(n) => Some(self.store_name(&n.name, n.span)?),
                None => None,
            };
            let body = self.block(&h.body)?;
            handlers.push(Handler {
                class,
                name,
                body,
                span: h.span,
            });
        }
        let orelse = self.block(&t.orelse)?;
        let finalbody = self.block(&t.finalbody)?;
        let kind = StmtKind::Try(Box::new(Try {
            body,
            handlers,
            orelse,
            finalbody,
        }));
        out.push(Stmt::new(kind, span));
        Ok(())
    }

    /// `assert test, msg`; a message that yields is only evaluated when the test fails.
    fn assert_stmt(
        &mut self,
        test: &ast::Expr,
        msg: Option<&ast::Expr>,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<()> {
        let test = self.expr(test, out)?;
        let Some(msg) = msg.filter(|m| self.has_yield(m)) else {
            let msg = match msg {
                Some(m) => Some(self.expr(m, out)?),
                None => None,
            };
            out.push(Stmt::new(StmtKind::Assert { test, msg }, span));
            return Ok(());
        };
        let mut failed = Vec::new();
        let msg = self.expr(msg, &mut failed)?;
        let always_fails = StmtKind::Assert {
            test: boolean(false, test.span),
            msg: Some(msg),
        };
        failed.push(Stmt::new(always_fails, span));
        out.push(if_stmt(not(test), failed, Vec::new(), span));
        Ok(())
    }

    /// `import a.b.c` imports the submodule and binds `a`; `import a.b as c` binds the
    /// submodule itself.
    fn import(&mut self, names: &[ast::ImportName], span: Span, out: &mut Vec<Stmt>) -> Result<()> {
        for n in names {
            let full = n.name.name.as_str();
            let import =
                |module: &str| Expr::new(ExprKind::Import(Symbol::intern(module)), n.name.span);
            match &n.alias {
                Some(alias) => {
                    let target = self.store_name(&alias.name, alias.span)?;
                    out.push(assign(target, import(full), span));
                }
                None => {
                    let top = full.split('.').next().unwrap_or(full);
                    if top != full {
                        out.push(expr_stmt(import(full)));
                    }
                    let target = self.store_name(top, n.name.span)?;
                    out.push(assign(target, import(top), span));
                }
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        module: &ast::Ident,
        names: &[ast::ImportName],
        star: bool,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<()> {
        if module.name.starts_with('.') {
            return Err(SyntaxError::new(
                "iterp does not support relative imports",
                module.span,
            ));
        }
        if star {
            return Err(SyntaxError::new(
                "iterp does not support 'from ... import *'",
                span,
            ));
        }
        let module_symbol = Symbol::intern(&module.name);
        for n in names {
            let bound = n.alias.as_ref().unwrap_or(&n.name);
            let value = Expr::new(
                ExprKind::ImportFrom {
                    module: module_symbol,
                    name: self.attr_symbol(&n.name.name),
                },
                n.name.span,
            );
            let target = self.store_name(&bound.name, bound.span)?;
            out.push(assign(target, value, span));
        }
        Ok(())
    }
}
