//! What the user wrote at a span: on the error path the program is parsed again and the
//! node at the span found, with the nodes around it.
//!
//! Owns: re-parsing a source file for a report, finding the AST node whose span a
//! traceback entry recorded, and reading source text. This is how a help line can use
//! the user's own names (`next(iter(xs))`) at no cost to running programs: the
//! interpreter records only spans.
//! Must not touch: anything on the normal path (only reports call this).

use crate::syntax::ast::{Arg, DictItem, Expr, ExprKind, FStringPart, Params, Stmt, StmtKind};
use crate::syntax::span::{SourceFile, Span};
use std::rc::Rc;

/// A source file and, if it still parses, its tree.
pub struct SourceMap {
    pub source: Rc<SourceFile>,
    body: Vec<Stmt>,
}

/// One node of the tree.
#[derive(Clone, Copy)]
pub enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

impl<'a> Node<'a> {
    pub fn span(self) -> Span {
        match self {
            Node::Stmt(s) => s.span,
            Node::Expr(e) => e.span,
        }
    }

    pub fn expr(self) -> Option<&'a Expr> {
        match self {
            Node::Expr(e) => Some(e),
            Node::Stmt(_) => None,
        }
    }

    pub fn stmt(self) -> Option<&'a Stmt> {
        match self {
            Node::Stmt(s) => Some(s),
            Node::Expr(_) => None,
        }
    }
}

/// The node at a span and its ancestors, outermost first.
pub struct Found<'a> {
    pub path: Vec<Node<'a>>,
}

impl<'a> Found<'a> {
    pub fn node(&self) -> Node<'a> {
        self.path[self.path.len() - 1]
    }

    /// The `n`th ancestor (1 is the parent).
    pub fn ancestor(&self, n: usize) -> Option<Node<'a>> {
        self.path
            .len()
            .checked_sub(n + 1)
            .and_then(|i| self.path.get(i))
            .copied()
    }
}

impl SourceMap {
    pub fn new(source: Rc<SourceFile>) -> SourceMap {
        let body = crate::syntax::parse_module(&source)
            .map(|m| m.body)
            .unwrap_or_default();
        SourceMap { source, body }
    }

    /// The text of a span (empty if it is out of range).
    pub fn text(&self, span: Span) -> &str {
        self.source.text.get(span.range()).unwrap_or("")
    }

    /// The deepest node whose span is exactly `span`.
    pub fn find(&self, span: Span) -> Option<Found<'_>> {
        let mut path = Vec::new();
        let mut best = None;
        for s in &self.body {
            search(Node::Stmt(s), span, &mut path, &mut best);
        }
        best.map(|path| Found { path })
    }

    /// The span of binary operator `symbol` between two operands.
    pub fn operator_between(&self, left: Span, right: Span, symbol: &str) -> Option<Span> {
        let gap = self
            .source
            .text
            .get(left.end as usize..right.start as usize)?;
        let at = left.end as usize + gap.find(symbol)?;
        Some(Span::new(at, at + symbol.len()))
    }
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn search<'a>(
    node: Node<'a>,
    span: Span,
    path: &mut Vec<Node<'a>>,
    best: &mut Option<Vec<Node<'a>>>,
) {
    if !contains(node.span(), span) {
        return;
    }
    path.push(node);
    if node.span() == span {
        *best = Some(path.clone());
    }
    let mut kids = Vec::new();
    children(node, &mut kids);
    for kid in kids {
        search(kid, span, path, best);
    }
    path.pop();
}

fn children<'a>(node: Node<'a>, out: &mut Vec<Node<'a>>) {
    match node {
        Node::Stmt(s) => stmt_children(s, out),
        Node::Expr(e) => expr_children(e, out),
    }
}

fn block<'a>(body: &'a [Stmt], out: &mut Vec<Node<'a>>) {
    out.extend(body.iter().map(Node::Stmt));
}

fn params<'a>(p: &'a Params, out: &mut Vec<Node<'a>>) {
    let all = p
        .posonly
        .iter()
        .chain(&p.args)
        .chain(&p.vararg)
        .chain(&p.kwonly)
        .chain(&p.kwarg);
    for param in all {
        out.extend(param.default.iter().map(Node::Expr));
        out.extend(param.annotation.iter().map(Node::Expr));
    }
}

fn stmt_children<'a>(s: &'a Stmt, out: &mut Vec<Node<'a>>) {
    let e = |e: &'a Expr| Node::Expr(e);
    match &s.kind {
        StmtKind::Expr(x) => out.push(e(x)),
        StmtKind::Assign { targets, value } => {
            out.extend(targets.iter().map(e));
            out.push(e(value));
        }
        StmtKind::AugAssign { target, value, .. } => out.extend([e(target), e(value)]),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            out.extend([e(target), e(annotation)]);
            out.extend(value.iter().map(e));
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            out.push(e(test));
            block(body, out);
            block(orelse, out);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            out.extend([e(target), e(iter)]);
            block(body, out);
            block(orelse, out);
        }
        StmtKind::FunctionDef(f) => {
            out.extend(f.decorators.iter().map(e));
            params(&f.params, out);
            out.extend(f.returns.iter().map(e));
            block(&f.body, out);
        }
        StmtKind::ClassDef(c) => {
            out.extend(c.decorators.iter().map(e));
            args(&c.args, out);
            block(&c.body, out);
        }
        StmtKind::Return(x) => out.extend(x.iter().map(e)),
        StmtKind::Try(t) => {
            block(&t.body, out);
            for h in &t.handlers {
                out.extend(h.class.iter().map(e));
                block(&h.body, out);
            }
            block(&t.orelse, out);
            block(&t.finalbody, out);
        }
        StmtKind::Raise { exc, cause } => {
            out.extend(exc.iter().map(e));
            out.extend(cause.iter().map(e));
        }
        StmtKind::Delete(targets) => out.extend(targets.iter().map(e)),
        StmtKind::Assert { test, msg } => {
            out.push(e(test));
            out.extend(msg.iter().map(e));
        }
        StmtKind::With { items, body } => {
            for item in items {
                out.push(e(&item.context));
                out.extend(item.target.iter().map(e));
            }
            block(body, out);
        }
        StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => {}
    }
}

fn args<'a>(list: &'a [Arg], out: &mut Vec<Node<'a>>) {
    for a in list {
        let x = match a {
            Arg::Positional(x) | Arg::Starred(x) | Arg::DoubleStarred(x) | Arg::Keyword(_, x) => x,
        };
        out.push(Node::Expr(x));
    }
}

fn fstring_parts<'a>(parts: &'a [FStringPart], out: &mut Vec<Node<'a>>) {
    for p in parts {
        if let FStringPart::Formatted(f) = p {
            out.push(Node::Expr(&f.value));
            if let Some(spec) = &f.spec {
                fstring_parts(spec, out);
            }
        }
    }
}

fn expr_children<'a>(x: &'a Expr, out: &mut Vec<Node<'a>>) {
    let e = |e: &'a Expr| Node::Expr(e);
    match &x.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) => {}
        ExprKind::FString(parts) => fstring_parts(parts, out),
        ExprKind::BoolOp { values, .. } => out.extend(values.iter().map(e)),
        ExprKind::BinOp { left, right, .. } => out.extend([e(left), e(right)]),
        ExprKind::UnaryOp { operand, .. } => out.push(e(operand)),
        ExprKind::Compare { left, ops } => {
            out.push(e(left));
            out.extend(ops.iter().map(|(_, r)| e(r)));
        }
        ExprKind::Lambda { params: p, body } => {
            params(p, out);
            out.push(e(body));
        }
        ExprKind::IfExp { test, body, orelse } => out.extend([e(body), e(test), e(orelse)]),
        ExprKind::NamedExpr { value, .. } => out.push(e(value)),
        ExprKind::Dict(items) => {
            for item in items {
                match item {
                    DictItem::Pair(k, v) => out.extend([e(k), e(v)]),
                    DictItem::Unpack(m) => out.push(e(m)),
                }
            }
        }
        ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
            out.extend(items.iter().map(e))
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            out.push(e(elt));
            for g in generators {
                out.extend([e(&g.target), e(&g.iter)]);
                out.extend(g.ifs.iter().map(e));
            }
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.extend([e(key), e(value)]);
            for g in generators {
                out.extend([e(&g.target), e(&g.iter)]);
                out.extend(g.ifs.iter().map(e));
            }
        }
        ExprKind::Yield(v) => out.extend(v.iter().map(|v| e(v))),
        ExprKind::YieldFrom(v) => out.push(e(v)),
        ExprKind::Call { func, args: a } => {
            out.push(e(func));
            args(a, out);
        }
        ExprKind::Attribute { value, .. } => out.push(e(value)),
        ExprKind::Subscript { value, index } => out.extend([e(value), e(index)]),
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                out.push(e(part));
            }
        }
        ExprKind::Starred(v) => out.push(e(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(text: &str) -> SourceMap {
        SourceMap::new(SourceFile::new("t.py", text))
    }

    fn span_of(text: &str, part: &str) -> Span {
        let at = text.find(part).expect("part is in the text");
        Span::new(at, at + part.len())
    }

    #[test]
    fn finds_the_deepest_node_at_a_span() {
        let text = "xs = [1, 2]\nnext(xs)\n";
        let m = map(text);
        let found = m.find(span_of(text, "next(xs)")).expect("found");
        assert!(matches!(
            found.node().expr().map(|e| &e.kind),
            Some(ExprKind::Call { .. })
        ));
        assert!(matches!(found.ancestor(1), Some(Node::Stmt(_))));
        assert!(m.find(Span::new(1, 3)).is_none());
    }

    #[test]
    fn finds_for_targets_and_operators() {
        let text = "def f(d):\n    for a, b in pairs:\n        print(8 / d)\n";
        let m = map(text);
        let found = m.find(span_of(text, "a, b")).expect("target");
        assert!(matches!(
            found.ancestor(1).and_then(Node::stmt).map(|s| &s.kind),
            Some(StmtKind::For { .. })
        ));
        let div = m.find(span_of(text, "8 / d")).expect("division");
        let Some(ExprKind::BinOp { left, right, .. }) = div.node().expr().map(|e| &e.kind) else {
            panic!("a BinOp");
        };
        let op = m
            .operator_between(left.span, right.span, "/")
            .expect("operator");
        assert_eq!(m.text(op), "/");
    }
}
