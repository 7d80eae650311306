//! Code objects made at run time: `def`, `lambda` and `class`, and entering / leaving the
//! code being lowered (comprehensions use the same two steps).
//!
//! Owns: `MakeFunction` (defaults and keyword-only defaults evaluated at definition time,
//! decorators evaluated first and applied innermost first), `MakeClass` (bases, class
//! body), `__qualname__` and `co_name`, closures (which of the enclosing code's cell
//! slots an inner code captures), and rejecting what iterp does not support in a class
//! header (`metaclass=`, keywords, `*bases`).
//! Must not touch: the statements inside the bodies (`lower_stmt.rs`).

use super::ir::{self, CodeKind, Expr, ExprKind, MakeClass, MakeFunction, Slot, Stmt};
use super::ir_build::{assign, call};
use super::lower_expr::before;
use super::scope::{mangle, Binding, NodeKey, ScopeId};
use super::unit::Unit;
use super::{internal_error, Lowerer, Result};
use crate::runtime::symbol::{sym, Symbol};
use crate::syntax::ast;
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;
use std::rc::Rc;

impl Lowerer<'_> {
    /// Starts lowering the code of `scope_id`, nested in the current code.
    pub(super) fn enter_unit(&mut self, scope_id: ScopeId) -> Result<()> {
        let table = self.table;
        let scope = table
            .scope(scope_id)
            .ok_or_else(|| internal_error("unknown scope", Span::default()))?;
        let name = match scope.kind {
            CodeKind::Lambda => sym::LAMBDA,
            CodeKind::ListComp => sym::LISTCOMP,
            CodeKind::SetComp => sym::SETCOMP,
            CodeKind::DictComp => sym::DICTCOMP,
            CodeKind::GenExpr => sym::GENEXPR,
            _ => Symbol::intern(&scope.name),
        };
        let qualname = self.qualname(scope.kind, &scope.name, name.as_str())?;
        let unit = Unit::new(scope_id, scope, name, qualname);
        let outer = std::mem::replace(&mut self.unit, unit);
        self.outer.push(outer);
        Ok(())
    }

    /// Finishes the current code; returns it with the closure the enclosing code passes it
    /// (the enclosing slots holding the cells it uses, in its `free_slots` order).
    pub(super) fn exit_unit(
        &mut self,
        body: Vec<Stmt>,
        span: Span,
    ) -> Result<(Rc<ir::Code>, Vec<Slot>)> {
        let outer = self
            .outer
            .pop()
            .ok_or_else(|| internal_error("no enclosing code", span))?;
        let unit = std::mem::replace(&mut self.unit, outer);
        let mut closure = Vec::with_capacity(unit.free_names().len());
        for name in unit.free_names() {
            let slot = self.unit.closure_slot(name).ok_or_else(|| {
                internal_error(&format!("no cell for '{name}' in the enclosing code"), span)
            })?;
            closure.push(slot);
        }
        let code = unit.finish(body, span, self.source.clone());
        Ok((Rc::new(code), closure))
    }

    /// CPython's `__qualname__`: `f.<locals>.g` inside a function, `C.m` inside a class,
    /// just the name at module level or for a function or class declared `global`.
    fn qualname(&self, kind: CodeKind, def_name: &str, code_name: &str) -> Result<String> {
        let parent = &self.unit;
        if parent.kind == CodeKind::Module {
            return Ok(code_name.to_string());
        }
        if matches!(kind, CodeKind::Function | CodeKind::Class) {
            let mangled = mangle(parent.private.as_deref(), def_name);
            if self.scope()?.binding(&mangled) == Binding::GlobalExplicit {
                return Ok(code_name.to_string());
            }
        }
        Ok(match parent.kind {
            CodeKind::Function | CodeKind::Lambda => {
                format!("{}.<locals>.{code_name}", parent.qualname)
            }
            _ => format!("{}.{code_name}", parent.qualname),
        })
    }

    /// The parameter layout of the current code, from the AST's parameter list.
    fn set_params(&mut self, params: &ast::Params) {
        let name = |this: &Self, p: &ast::Param| Symbol::intern(&this.mangled(&p.name.name));
        let positional = params.posonly.iter().chain(&params.args);
        self.unit.params = ir::Params {
            posonly: params.posonly.len() as u32,
            positional: positional.map(|p| name(self, p)).collect(),
            vararg: params.vararg.as_ref().map(|p| name(self, p)),
            kwonly: params.kwonly.iter().map(|p| name(self, p)).collect(),
            kwarg: params.kwarg.as_ref().map(|p| name(self, p)),
        };
    }

    /// `def`: `name = decorator(…(MakeFunction))`.
    pub(super) fn function_def(
        &mut self,
        def: &ast::FunctionDef,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<()> {
        if params_bind_debug(&def.params) {
            return Err(SyntaxError::new("cannot assign to __debug__", span));
        }
        // Decorators, then defaults, are evaluated in order before the function is made.
        let defaults_yield = self.defaults_yield(&def.params);
        let last = self.last_yield(def.decorators.iter());
        let mut decorators = Vec::with_capacity(def.decorators.len());
        for (i, d) in def.decorators.iter().enumerate() {
            decorators.push(self.operand(d, before(last, i) || defaults_yield, out)?);
        }
        let (defaults, kwdefaults) = self.defaults(&def.params, out)?;
        let key = NodeKey::Function(def as *const ast::FunctionDef as usize);
        let scope_id = self
            .table
            .scope_of(key)
            .ok_or_else(|| internal_error("function without a scope", def.header))?;
        self.enter_unit(scope_id)?;
        self.set_params(&def.params);
        let body = self.block(&def.body)?;
        let (code, closure) = self.exit_unit(body, def.header)?;
        let function = MakeFunction {
            code,
            defaults,
            kwdefaults,
            closure,
        };
        let made = Expr::new(ExprKind::MakeFunction(Box::new(function)), def.header);
        let value = decorate(decorators, made);
        let target = self.store_name(&def.name.name, def.name.span)?;
        out.push(assign(target, value, span));
        Ok(())
    }

    /// `lambda params: body`: a code whose body is `return body`.
    pub(super) fn lambda(
        &mut self,
        e: &ast::Expr,
        params: &ast::Params,
        body: &ast::Expr,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        if params_bind_debug(params) {
            return Err(SyntaxError::new("cannot assign to __debug__", e.span));
        }
        let (defaults, kwdefaults) = self.defaults(params, out)?;
        let scope_id = self
            .table
            .scope_of(NodeKey::Expr(super::scope_build::expr_key(e)))
            .ok_or_else(|| internal_error("lambda without a scope", e.span))?;
        self.enter_unit(scope_id)?;
        self.set_params(params);
        let mut stmts = Vec::new();
        let value = self.expr(body, &mut stmts)?;
        stmts.push(Stmt::new(ir::StmtKind::Return(Some(value)), body.span));
        let (code, closure) = self.exit_unit(stmts, e.span)?;
        let function = MakeFunction {
            code,
            defaults,
            kwdefaults,
            closure,
        };
        Ok(Expr::new(
            ExprKind::MakeFunction(Box::new(function)),
            e.span,
        ))
    }

    fn defaults_yield(&self, params: &ast::Params) -> bool {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly);
        all.filter_map(|p| p.default.as_ref())
            .any(|d| self.has_yield(d))
    }

    /// Positional defaults, then keyword-only defaults, evaluated in that order.
    fn defaults(&mut self, params: &ast::Params, out: &mut Vec<Stmt>) -> Result<Defaults> {
        let positional: Vec<&ast::Expr> = params
            .posonly
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_ref())
            .collect();
        let keyword: Vec<(&ast::Param, &ast::Expr)> = params
            .kwonly
            .iter()
            .filter_map(|p| p.default.as_ref().map(|d| (p, d)))
            .collect();
        let all: Vec<&ast::Expr> = positional
            .iter()
            .copied()
            .chain(keyword.iter().map(|(_, d)| *d))
            .collect();
        let last = self.last_yield(all.into_iter());
        let mut defaults = Vec::with_capacity(positional.len());
        for (i, d) in positional.iter().enumerate() {
            defaults.push(self.operand(d, before(last, i), out)?);
        }
        let mut kwdefaults = Vec::with_capacity(keyword.len());
        for (i, (p, d)) in keyword.iter().enumerate() {
            let value = self.operand(d, before(last, positional.len() + i), out)?;
            kwdefaults.push((Symbol::intern(&self.mangled(&p.name.name)), value));
        }
        Ok((defaults, kwdefaults))
    }

    /// `class C(bases): body`: `C = decorator(…(MakeClass))`.
    pub(super) fn class_def(
        &mut self,
        class: &ast::ClassDef,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<()> {
        let mut bases_ast = Vec::with_capacity(class.args.len());
        for arg in &class.args {
            match arg {
                ast::Arg::Positional(e) if !matches!(e.kind, ast::ExprKind::Starred(_)) => {
                    bases_ast.push(e)
                }
                ast::Arg::Keyword(name, value) if name.name == "metaclass" => {
                    return Err(SyntaxError::new(
                        "iterp does not support metaclass= in a class definition",
                        name.span.to(value.span),
                    ))
                }
                ast::Arg::Keyword(name, value) => {
                    return Err(SyntaxError::new(
                        "iterp does not support keyword arguments in a class definition",
                        name.span.to(value.span),
                    ))
                }
                ast::Arg::Positional(e) | ast::Arg::Starred(e) | ast::Arg::DoubleStarred(e) => {
                    return Err(SyntaxError::new(
                        "iterp does not support unpacking in a class definition's bases",
                        e.span,
                    ))
                }
            }
        }
        let bases_yield = bases_ast.iter().any(|b| self.has_yield(b));
        let last = self.last_yield(class.decorators.iter());
        let mut decorators = Vec::with_capacity(class.decorators.len());
        for (i, d) in class.decorators.iter().enumerate() {
            decorators.push(self.operand(d, before(last, i) || bases_yield, out)?);
        }
        let key = NodeKey::Class(class as *const ast::ClassDef as usize);
        let scope_id = self
            .table
            .scope_of(key)
            .ok_or_else(|| internal_error("class without a scope", class.header))?;
        // CPython compiles the class body before the bases.
        self.enter_unit(scope_id)?;
        let body = self.body_with_docstring(&class.body)?;
        let (code, closure) = self.exit_unit(body, class.header)?;
        let last = self.last_yield(bases_ast.iter().copied());
        let mut bases = Vec::with_capacity(bases_ast.len());
        for (i, b) in bases_ast.iter().enumerate() {
            bases.push(self.operand(b, before(last, i), out)?);
        }
        let made = MakeClass {
            code,
            name: Symbol::intern(&class.name.name),
            bases,
            closure,
        };
        let made = Expr::new(ExprKind::MakeClass(Box::new(made)), class.header);
        let value = decorate(decorators, made);
        let target = self.store_name(&class.name.name, class.name.span)?;
        out.push(assign(target, value, span));
        Ok(())
    }

    /// Lowers the whole module: its statements and docstring.
    pub(super) fn module_body(&mut self, stmts: &[ast::Stmt]) -> Result<Vec<Stmt>> {
        self.body_with_docstring(stmts)
    }
}

/// Positional defaults and keyword-only defaults, as `MakeFunction` holds them.
type Defaults = (Vec<Expr>, Vec<(Symbol, Expr)>);

/// Decorators apply innermost (last written) first: `d1(d2(made))`.
fn decorate(decorators: Vec<Expr>, made: Expr) -> Expr {
    decorators.into_iter().rev().fold(made, |inner, decorator| {
        let span = decorator.span;
        call(decorator, vec![inner], span)
    })
}

fn params_bind_debug(params: &ast::Params) -> bool {
    let all = params
        .posonly
        .iter()
        .chain(&params.args)
        .chain(&params.vararg)
        .chain(&params.kwonly)
        .chain(&params.kwarg);
    all.into_iter().any(|p| p.name.name == "__debug__")
}
