//! Comprehensions and generator expressions, lowered as CPython 3.11 compiles them: a
//! nested function of one parameter `.0`, called with `iter(<first iterable>)` evaluated
//! in the enclosing scope.
//!
//! ```text
//! def <listcomp>(.0):
//!     $result = []
//!     while True:                      # for x in .0:
//!         try:
//!             x = next(.0)
//!         except StopIteration:
//!             break
//!         if x % 2:
//!             $result.append(x * x)
//!     return $result
//! <listcomp>(iter(xs))
//! ```
//!
//! A generator expression's body `yield`s each element instead.
//!
//! Owns: the shape of comprehension functions (loops nested in clause order, `if` clauses
//! nested in them, `$result` built with `ListAppend` / `SetAdd` / `DictSet`).
//! Must not touch: scoping of the loop variables and walrus targets (decided in
//! `scope_build.rs`).

use super::ir::{CodeKind, Expr, ExprKind, MakeFunction, Slot, Stmt, StmtKind, Target};
use super::ir_build::{call, if_stmt, local, set_local};
use super::scope::NodeKey;
use super::scope_build::expr_key;
use super::{internal_error, Lowerer, Result};
use crate::syntax::ast::{self, ExprKind as A};
use crate::syntax::span::Span;

/// What the innermost loop does with each element.
#[derive(Clone, Copy)]
struct Element<'e> {
    kind: CodeKind,
    elt: &'e ast::Expr,
    value: Option<&'e ast::Expr>,
    result: Option<Slot>,
}

impl Lowerer<'_> {
    /// `[elt for …]` (and set, dict, generator): the call of the comprehension function.
    pub(super) fn comprehension(&mut self, e: &ast::Expr, out: &mut Vec<Stmt>) -> Result<Expr> {
        let (elt, value, generators) = match &e.kind {
            A::ListComp { elt, generators }
            | A::SetComp { elt, generators }
            | A::GeneratorExp { elt, generators } => (&**elt, None, generators),
            A::DictComp {
                key,
                value,
                generators,
            } => (&**key, Some(&**value), generators),
            _ => return Err(internal_error("not a comprehension", e.span)),
        };
        let Some(first) = generators.first() else {
            return Err(internal_error("comprehension without 'for'", e.span));
        };
        let scope_id = self
            .table
            .scope_of(NodeKey::Expr(expr_key(e)))
            .ok_or_else(|| internal_error("comprehension without a scope", e.span))?;
        // CPython compiles the comprehension's body before its first iterable.
        self.enter_unit(scope_id)?;
        self.unit.params.positional = vec![crate::runtime::symbol::Symbol::intern(".0")];
        let kind = self.unit.kind;
        let result = match kind {
            CodeKind::GenExpr => None,
            _ => Some(self.unit.hidden_slot("$result")),
        };
        let mut body = Vec::new();
        if let Some(result) = result {
            let empty = match kind {
                CodeKind::SetComp => ExprKind::Set(Vec::new()),
                CodeKind::DictComp => ExprKind::Dict(Vec::new()),
                _ => ExprKind::List(Vec::new()),
            };
            body.push(set_local(result, Expr::new(empty, e.span), e.span));
        }
        let element = Element {
            kind,
            elt,
            value,
            result,
        };
        // Slot 0 is `.0`, the iterator the caller passes in.
        body.extend(self.comprehension_loops(generators, 0, element)?);
        if let Some(result) = result {
            body.push(Stmt::new(
                StmtKind::Return(Some(local(result, e.span))),
                e.span,
            ));
        }
        let (code, closure) = self.exit_unit(body, e.span)?;
        let iterable = self.expr(&first.iter, out)?;
        let iterator = Expr::new(ExprKind::Iter(Box::new(iterable)), first.iter.span);
        let function = Expr::new(
            ExprKind::MakeFunction(Box::new(MakeFunction {
                code,
                defaults: Vec::new(),
                kwdefaults: Vec::new(),
                closure,
            })),
            e.span,
        );
        Ok(call(function, vec![iterator], e.span))
    }

    /// The `for` clause `generators[0]` iterating over slot `it`, with its `if` clauses,
    /// and inside them the remaining clauses (or the element).
    fn comprehension_loops(
        &mut self,
        generators: &[ast::Comprehension],
        it: Slot,
        element: Element,
    ) -> Result<Vec<Stmt>> {
        let Some((clause, rest)) = generators.split_first() else {
            return self.comprehension_element(element);
        };
        let looped = self.loop_over(
            it,
            &clause.target,
            |this| {
                let mut conditions = Vec::with_capacity(clause.ifs.len());
                for condition in &clause.ifs {
                    conditions.push(this.expr(condition, &mut Vec::new())?);
                }
                let mut inner = match rest.first() {
                    Some(next) => this.inner_loop(next, rest, element)?,
                    None => this.comprehension_element(element)?,
                };
                while let Some(condition) = conditions.pop() {
                    let span = condition.span;
                    inner = vec![if_stmt(condition, inner, Vec::new(), span)];
                }
                Ok(inner)
            },
            &[],
            clause.span,
        )?;
        Ok(vec![looped])
    }

    /// A nested `for` clause: `$itN = iter(…)`, its loop, `del $itN`.
    fn inner_loop(
        &mut self,
        clause: &ast::Comprehension,
        generators: &[ast::Comprehension],
        element: Element,
    ) -> Result<Vec<Stmt>> {
        let mark = self.unit.temps_mark();
        let it = self.unit.temp("$it");
        let mut stmts = Vec::new();
        let iterable = self.expr(&clause.iter, &mut stmts)?;
        let iterator = Expr::new(ExprKind::Iter(Box::new(iterable)), clause.iter.span);
        stmts.push(set_local(it, iterator, clause.iter.span));
        stmts.extend(self.comprehension_loops(generators, it, element)?);
        stmts.push(Stmt::new(StmtKind::Delete(Target::Local(it)), clause.span));
        self.unit.release_temps(mark);
        Ok(stmts)
    }

    /// `$result.append(elt)`, `.add(elt)`, `[key] = value`, or `yield elt`.
    fn comprehension_element(&mut self, element: Element) -> Result<Vec<Stmt>> {
        let mut stmts = Vec::new();
        let elt = self.expr(element.elt, &mut stmts)?;
        let span: Span = element.elt.span;
        let kind = match (element.kind, element.result) {
            (CodeKind::GenExpr, _) => StmtKind::Yield {
                value: Some(elt),
                target: None,
            },
            (CodeKind::SetComp, Some(set)) => StmtKind::SetAdd { set, value: elt },
            (CodeKind::DictComp, Some(dict)) => {
                let value = element
                    .value
                    .ok_or_else(|| internal_error("dict comprehension without value", span))?;
                let value = self.expr(value, &mut stmts)?;
                StmtKind::DictSet {
                    dict,
                    key: elt,
                    value,
                }
            }
            (_, Some(list)) => StmtKind::ListAppend { list, value: elt },
            (_, None) => return Err(internal_error("comprehension without result", span)),
        };
        let span = match element.value {
            Some(value) => span.to(value.span),
            None => span,
        };
        stmts.push(Stmt::new(kind, span));
        Ok(stmts)
    }
}
