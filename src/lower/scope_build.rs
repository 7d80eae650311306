//! Building the symbol tables: one walk over the AST recording, per scope, every name it
//! binds, uses or declares, in CPython's visiting order (so the first error reported is
//! CPython's first error).
//!
//! Owns: that walk (CPython's `symtable_visit_*`), the errors it raises (`name 'x' is
//! parameter and global`, `'yield' inside list comprehension`, walrus-in-comprehension
//! rules, duplicate parameters …) and marking which expressions contain a `yield`.
//! Must not touch: resolving names (the analysis in `scope.rs`) or the IR.

use super::scope::{flag, mangle, NodeKey, Scope, ScopeId, ScopeTable};
use crate::lower::ir::CodeKind;
use crate::syntax::ast::{self, ExprKind, StmtKind};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;

type Result<T> = std::result::Result<T, SyntaxError>;

/// Builds and analyses the scope table of a module.
pub(super) fn build_scopes(module: &ast::Module) -> Result<ScopeTable> {
    let mut builder = ScopeBuilder {
        table: ScopeTable::default(),
        stack: Vec::new(),
        private: None,
    };
    builder.enter(CodeKind::Module, "<module>".to_string(), None);
    builder.stmts(&module.body)?;
    let mut table = builder.table;
    table.analyze()?;
    Ok(table)
}

/// The address of an expression: its identity in the borrowed AST.
pub(super) fn expr_key(e: &ast::Expr) -> usize {
    e as *const ast::Expr as usize
}

struct ScopeBuilder {
    table: ScopeTable,
    /// Scopes being visited, innermost last.
    stack: Vec<ScopeId>,
    /// The class name mangling `__private` names at this point of the walk.
    private: Option<String>,
}

impl ScopeBuilder {
    fn enter(&mut self, kind: CodeKind, name: String, key: Option<NodeKey>) -> ScopeId {
        let id = self.table.scopes.len();
        let parent = self.stack.last().copied();
        self.table
            .scopes
            .push(Scope::new(kind, name, self.private.clone()));
        self.table.children.push(Vec::new());
        if let Some(parent) = parent {
            if let Some(children) = self.table.children.get_mut(parent) {
                children.push(id);
            }
        }
        if let Some(key) = key {
            self.table.by_node.insert(key, id);
        }
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn current_id(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn cur(&mut self) -> &mut Scope {
        let id = self.current_id();
        &mut self.table.scopes[id]
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.private.as_deref(), name).into_owned()
    }

    /// CPython's `symtable_add_def`: records a flag, rejecting duplicate parameters and
    /// rebinding a walrus target as a comprehension iteration variable.
    fn add_def(&mut self, name: &str, flags: u16, span: Span) -> Result<()> {
        let name = self.mangled(name);
        let scope = self.cur();
        let old = scope.flags(&name);
        if flags & flag::PARAM != 0 && old & flag::PARAM != 0 {
            return Err(SyntaxError::new(
                format!("duplicate argument '{name}' in function definition"),
                span,
            ));
        }
        let mut flags = flags;
        if scope.comp_iter_target {
            if (old | flags) & (flag::GLOBAL | flag::NONLOCAL) != 0 {
                return Err(SyntaxError::new(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    span,
                ));
            }
            flags |= flag::COMP_ITER;
        }
        scope.add_flags(&name, flags);
        Ok(())
    }

    fn stmts(&mut self, stmts: &[ast::Stmt]) -> Result<()> {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<()> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e).map(drop),
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.target(t)?;
                }
                self.expr(value).map(drop)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target)?;
                self.expr(value).map(drop)
            }
            StmtKind::AnnAssign { target, value, .. } => {
                self.ann_assign(target, value.as_ref(), s.span)
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.target(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => Ok(()),
            StmtKind::FunctionDef(def) => self.function_def(def),
            StmtKind::ClassDef(class) => self.class_def(class),
            StmtKind::Return(value) => self.opt_expr(value.as_ref()),
            StmtKind::Try(t) => {
                self.stmts(&t.body)?;
                self.stmts(&t.orelse)?;
                for h in &t.handlers {
                    self.opt_expr(h.class.as_ref())?;
                    if let Some(name) = &h.name {
                        self.add_def(&name.name, flag::LOCAL, name.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc.as_ref())?;
                self.opt_expr(cause.as_ref())
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
                Ok(())
            }
            StmtKind::Global(names) => self.declare(names, s.span, flag::GLOBAL),
            StmtKind::Nonlocal(names) => self.declare(names, s.span, flag::NONLOCAL),
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt_expr(msg.as_ref())
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Import(names) => names.iter().try_for_each(|n| {
                let bound = match &n.alias {
                    Some(alias) => alias.name.as_str(),
                    None => n.name.name.split('.').next().unwrap_or(""),
                };
                self.add_def(bound, flag::IMPORT, n.name.span)
            }),
            StmtKind::ImportFrom { names, star, .. } => {
                if *star && self.cur().kind != CodeKind::Module {
                    let star_span = Span {
                        start: s.span.end.saturating_sub(1),
                        end: s.span.end,
                    };
                    return Err(SyntaxError::new(
                        "import * only allowed at module level",
                        star_span,
                    ));
                }
                names.iter().try_for_each(|n| {
                    let bound = n.alias.as_ref().unwrap_or(&n.name);
                    self.add_def(&bound.name, flag::IMPORT, bound.span)
                })
            }
        }
    }

    fn ann_assign(
        &mut self,
        target: &ast::Expr,
        value: Option<&ast::Expr>,
        stmt_span: Span,
    ) -> Result<()> {
        if let ExprKind::Name(name) = &target.kind {
            let mangled = self.mangled(name);
            let scope_id = self.current_id();
            let cur = self.cur().flags(&mangled);
            if cur & (flag::GLOBAL | flag::NONLOCAL) != 0 && scope_id != 0 {
                let which = if cur & flag::GLOBAL != 0 {
                    "global"
                } else {
                    "nonlocal"
                };
                return Err(SyntaxError::new(
                    format!("annotated name '{name}' can't be {which}"),
                    stmt_span,
                ));
            }
            self.add_def(name, flag::ANNOT | flag::LOCAL, target.span)?;
        } else {
            self.target(target)?;
        }
        self.opt_expr(value)
    }

    /// `global` / `nonlocal`: CPython's checks that the name was not already used here.
    fn declare(&mut self, names: &[ast::Ident], span: Span, which: u16) -> Result<()> {
        let word = if which == flag::GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        for ident in names {
            let name = &ident.name;
            let mangled = self.mangled(name);
            let cur = self.cur().flags(&mangled);
            if cur & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                let message = if cur & flag::PARAM != 0 {
                    format!("name '{name}' is parameter and {word}")
                } else if cur & flag::USE != 0 {
                    format!("name '{name}' is used prior to {word} declaration")
                } else if cur & flag::ANNOT != 0 {
                    format!("annotated name '{name}' can't be {word}")
                } else {
                    format!("name '{name}' is assigned to before {word} declaration")
                };
                return Err(SyntaxError::new(message, span));
            }
            self.add_def(name, which, span)?;
            self.cur().record_directive(&mangled, span);
        }
        Ok(())
    }

    fn function_def(&mut self, def: &ast::FunctionDef) -> Result<()> {
        self.add_def(&def.name.name, flag::LOCAL, def.name.span)?;
        self.defaults(&def.params)?;
        def.decorators
            .iter()
            .try_for_each(|d| self.expr(d).map(drop))?;
        let key = NodeKey::Function(def as *const ast::FunctionDef as usize);
        self.enter(CodeKind::Function, def.name.name.clone(), Some(key));
        self.params(&def.params)?;
        self.stmts(&def.body)?;
        self.exit();
        Ok(())
    }

    fn class_def(&mut self, class: &ast::ClassDef) -> Result<()> {
        self.add_def(&class.name.name, flag::LOCAL, class.name.span)?;
        for arg in &class.args {
            match arg {
                ast::Arg::Positional(e)
                | ast::Arg::Starred(e)
                | ast::Arg::Keyword(_, e)
                | ast::Arg::DoubleStarred(e) => self.expr(e).map(drop)?,
            }
        }
        class
            .decorators
            .iter()
            .try_for_each(|d| self.expr(d).map(drop))?;
        let key = NodeKey::Class(class as *const ast::ClassDef as usize);
        self.enter(CodeKind::Class, class.name.name.clone(), Some(key));
        let outer_private = self.private.replace(class.name.name.clone());
        let private = self.private.clone();
        self.cur().private = private;
        let result = self.stmts(&class.body);
        self.private = outer_private;
        self.exit();
        result
    }

    /// Default values are evaluated in the enclosing scope.
    fn defaults(&mut self, params: &ast::Params) -> Result<bool> {
        let mut has_yield = false;
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly);
        for p in all {
            if let Some(d) = &p.default {
                has_yield |= self.expr(d)?;
            }
        }
        Ok(has_yield)
    }

    /// Parameters, flagged in CPython's order; recorded for slots in `ir::Params` order.
    fn params(&mut self, params: &ast::Params) -> Result<()> {
        let named = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly);
        for p in named.chain(&params.vararg).chain(&params.kwarg) {
            self.add_def(&p.name.name, flag::PARAM, p.name.span)?;
        }
        let in_slot_order = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg);
        let names: Vec<String> = in_slot_order.map(|p| self.mangled(&p.name.name)).collect();
        self.cur().params = names;
        Ok(())
    }

    /// An assignment or `del` target: names are bound, everything else is read.
    /// Returns (and records) whether the target contains a `yield`.
    fn target(&mut self, t: &ast::Expr) -> Result<bool> {
        let has_yield = match &t.kind {
            ExprKind::Name(name) => {
                self.add_def(name, flag::LOCAL, t.span)?;
                false
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let mut has_yield = false;
                for item in items {
                    has_yield |= self.target(item)?;
                }
                has_yield
            }
            ExprKind::Starred(inner) => self.target(inner)?,
            _ => return self.expr(t),
        };
        if has_yield {
            self.table.yield_exprs.insert(expr_key(t));
        }
        Ok(has_yield)
    }

    fn opt_expr(&mut self, e: Option<&ast::Expr>) -> Result<()> {
        match e {
            Some(e) => self.expr(e).map(drop),
            None => Ok(()),
        }
    }

    fn exprs<'e>(&mut self, es: impl IntoIterator<Item = &'e ast::Expr>) -> Result<bool> {
        let mut has_yield = false;
        for e in es {
            has_yield |= self.expr(e)?;
        }
        Ok(has_yield)
    }

    /// Visits an expression read in the current scope. Returns whether it contains a
    /// `yield` of this scope, and remembers that for the lowering.
    fn expr(&mut self, e: &ast::Expr) -> Result<bool> {
        let has_yield = self.expr_kind(e)?;
        if has_yield {
            self.table.yield_exprs.insert(expr_key(e));
        }
        Ok(has_yield)
    }

    fn opt_boxed(&mut self, e: &Option<Box<ast::Expr>>) -> Result<bool> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(false),
        }
    }

    fn expr_kind(&mut self, e: &ast::Expr) -> Result<bool> {
        match &e.kind {
            ExprKind::Name(name) => {
                self.add_def(name, flag::USE, e.span)?;
                let scope = self.cur();
                if name == "super" && scope.is_function_like() {
                    scope.add_flags("__class__", flag::USE);
                }
                Ok(false)
            }
            ExprKind::Constant(_) => Ok(false),
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::BinOp { left, right, .. } => Ok(self.expr(left)? | self.expr(right)?),
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Compare { left, ops } => {
                Ok(self.expr(left)? | self.exprs(ops.iter().map(|(_, e)| e))?)
            }
            ExprKind::Lambda { params, body } => {
                let has_yield = self.defaults(params)?;
                self.enter(
                    CodeKind::Lambda,
                    "<lambda>".to_string(),
                    Some(NodeKey::Expr(expr_key(e))),
                );
                self.params(params)?;
                self.expr(body)?;
                self.exit();
                Ok(has_yield)
            }
            ExprKind::IfExp { test, body, orelse } => {
                Ok(self.expr(test)? | self.expr(body)? | self.expr(orelse)?)
            }
            ExprKind::NamedExpr { target, value } => self.named_expr(target, value),
            ExprKind::Dict(items) => {
                let mut has_yield = false;
                for item in items {
                    has_yield |= match item {
                        ast::DictItem::Pair(k, v) => self.expr(k)? | self.expr(v)?,
                        ast::DictItem::Unpack(m) => self.expr(m)?,
                    };
                }
                Ok(has_yield)
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                self.exprs(items)
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CodeKind::ListComp, elt, None, generators)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CodeKind::SetComp, elt, None, generators)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CodeKind::GenExpr, elt, None, generators)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, CodeKind::DictComp, key, Some(value), generators),
            ExprKind::Yield(value) => {
                self.opt_boxed(value)?;
                self.yield_here(e.span)
            }
            ExprKind::YieldFrom(value) => {
                self.expr(value)?;
                self.yield_here(e.span)
            }
            ExprKind::Call { func, args } => {
                let mut has_yield = self.expr(func)?;
                for arg in args {
                    has_yield |= match arg {
                        ast::Arg::Positional(a)
                        | ast::Arg::Starred(a)
                        | ast::Arg::Keyword(_, a)
                        | ast::Arg::DoubleStarred(a) => self.expr(a)?,
                    };
                }
                Ok(has_yield)
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => Ok(self.expr(value)? | self.expr(index)?),
            ExprKind::Slice { lower, upper, step } => {
                Ok(self.opt_boxed(lower)? | self.opt_boxed(upper)? | self.opt_boxed(step)?)
            }
            ExprKind::Starred(value) => self.expr(value),
        }
    }

    fn fstring(&mut self, parts: &[ast::FStringPart]) -> Result<bool> {
        let mut has_yield = false;
        for part in parts {
            if let ast::FStringPart::Formatted(f) = part {
                has_yield |= self.expr(&f.value)?;
                if let Some(spec) = &f.spec {
                    has_yield |= self.fstring(spec)?;
                }
            }
        }
        Ok(has_yield)
    }

    /// A `yield` makes the current scope a generator; comprehensions may not contain one.
    fn yield_here(&mut self, span: Span) -> Result<bool> {
        let scope = self.cur();
        scope.is_generator = true;
        let message = match scope.kind {
            CodeKind::ListComp => "'yield' inside list comprehension",
            CodeKind::SetComp => "'yield' inside set comprehension",
            CodeKind::DictComp => "'yield' inside dict comprehension",
            CodeKind::GenExpr => "'yield' inside generator expression",
            _ => return Ok(true),
        };
        Err(SyntaxError::new(message, span))
    }

    /// `name := value`: inside a comprehension the name binds in the nearest enclosing
    /// function (or module) scope (PEP 572).
    fn named_expr(&mut self, target: &ast::Ident, value: &ast::Expr) -> Result<bool> {
        if self.cur().comp_iter_expr > 0 {
            return Err(SyntaxError::new(
                "assignment expression cannot be used in a comprehension iterable expression",
                target.span.to(value.span),
            ));
        }
        if self.cur().is_comprehension() {
            self.extend_named_expr_scope(target)?;
        }
        let has_yield = self.expr(value)?;
        self.add_def(&target.name, flag::LOCAL, target.span)?;
        Ok(has_yield)
    }

    fn extend_named_expr_scope(&mut self, target: &ast::Ident) -> Result<()> {
        let name = self.mangled(&target.name);
        for &id in self.stack.iter().rev() {
            let scope = &self.table.scopes[id];
            if scope.is_comprehension() {
                if scope.flags(&name) & flag::COMP_ITER != 0 {
                    return Err(SyntaxError::new(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        target.span,
                    ));
                }
                continue;
            }
            let (here, there) = match scope.kind {
                CodeKind::Class => return Err(SyntaxError::new(
                    "assignment expression within a comprehension cannot be used in a class body",
                    target.span,
                )),
                CodeKind::Module => (flag::GLOBAL, flag::GLOBAL),
                _ if scope.flags(&name) & flag::GLOBAL != 0 => (flag::GLOBAL, flag::LOCAL),
                _ => (flag::NONLOCAL, flag::LOCAL),
            };
            self.add_def(&target.name, here, target.span)?;
            self.cur().record_directive(&name, target.span);
            self.table.scopes[id].add_flags(&name, there);
            return Ok(());
        }
        Ok(())
    }

    /// A comprehension: its first iterable is read here; the rest is a new function scope
    /// whose single parameter `.0` is the iterator over that iterable.
    fn comprehension(
        &mut self,
        e: &ast::Expr,
        kind: CodeKind,
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
        generators: &[ast::Comprehension],
    ) -> Result<bool> {
        let Some((first, rest)) = generators.split_first() else {
            return Ok(false);
        };
        self.cur().comp_iter_expr += 1;
        let has_yield = self.expr(&first.iter);
        self.cur().comp_iter_expr -= 1;
        let has_yield = has_yield?;
        let name = match kind {
            CodeKind::ListComp => "<listcomp>",
            CodeKind::SetComp => "<setcomp>",
            CodeKind::DictComp => "<dictcomp>",
            _ => "<genexpr>",
        };
        self.enter(kind, name.to_string(), Some(NodeKey::Expr(expr_key(e))));
        self.cur().add_flags(".0", flag::PARAM);
        self.cur().params = vec![".0".to_string()];
        self.comp_target(&first.target)?;
        first.ifs.iter().try_for_each(|c| self.expr(c).map(drop))?;
        for generator in rest {
            self.comp_target(&generator.target)?;
            self.cur().comp_iter_expr += 1;
            let iter = self.expr(&generator.iter);
            self.cur().comp_iter_expr -= 1;
            iter?;
            generator
                .ifs
                .iter()
                .try_for_each(|c| self.expr(c).map(drop))?;
        }
        if let Some(value) = value {
            self.expr(value)?;
        }
        self.expr(elt)?;
        if kind == CodeKind::GenExpr {
            self.cur().is_generator = true;
        }
        self.exit();
        Ok(has_yield)
    }

    fn comp_target(&mut self, target: &ast::Expr) -> Result<()> {
        self.cur().comp_iter_target = true;
        let result = self.target(target);
        self.cur().comp_iter_target = false;
        result.map(drop)
    }
}
