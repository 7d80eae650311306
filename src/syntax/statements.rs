//! Constructors the grammar's actions call to build statement nodes.
//!
//! Owns: statement spans (a compound statement ends where its last body statement ends),
//! folding `elif` chains into nested `If`s (iteratively), the statement-level checks CPython
//! makes while parsing (targets via `targets.rs`, lone starred values, `except:` order),
//! and depths of statements (see `nodes.rs` for why).
//! Must not touch: expression building (`nodes.rs`), scopes and `return`/`break` placement
//! (lowering's job).

use super::ast::*;
use super::nodes::{self, boxed, deeper, fail, max_depth, opt_depth, strip, Deep, Fallible};
use super::params::{self, ParamItem};
use super::span::Span;
use super::targets;

/// A statement one level above children at most `below` deep.
pub fn stmt(kind: StmtKind, below: u32, span: Span) -> Fallible<Deep<Stmt>> {
    Ok(Deep {
        depth: deeper(below, span)?,
        node: Stmt { kind, span },
    })
}

pub fn simple(kind: StmtKind, l: usize, r: usize) -> Deep<Stmt> {
    Deep {
        node: Stmt {
            kind,
            span: Span::new(l, r),
        },
        depth: 1,
    }
}

/// A block of statements: as deep as its deepest statement.
pub fn block(stmts: Vec<Deep<Stmt>>) -> Deep<Vec<Stmt>> {
    Deep {
        depth: max_depth(&stmts),
        node: strip(stmts),
    }
}

/// The end of a block (blocks are never empty).
fn end_of(body: &[Stmt], fallback: usize) -> usize {
    body.last().map_or(fallback, |s| s.span.end as usize)
}

/// `*a` alone is no value: CPython's compiler says "can't use starred expression here".
pub fn not_lone_star(value: &Expr) -> Fallible<()> {
    if let ExprKind::Starred(_) = value.kind {
        return fail("can't use starred expression here", value.span);
    }
    Ok(())
}

/// An expression statement, or an assignment `t1 = t2 = value`. Each part comes with
/// whether it is a bare (unparenthesized) `yield`, which can never be a target.
pub fn expr_or_assign(
    (first, first_is_yield): (Deep<Expr>, bool),
    rest: Vec<(Deep<Expr>, bool)>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Stmt>> {
    let span = Span::new(l, r);
    if !rest.is_empty() {
        let bare_yield_target = std::iter::once((&first, first_is_yield))
            .chain(rest.iter().map(|(e, y)| (e, *y)))
            .take(rest.len())
            .find(|(_, is_yield)| *is_yield);
        if let Some((target, _)) = bare_yield_target {
            return fail(
                "assignment to yield expression not possible",
                target.node.span,
            );
        }
    }
    let rest: Vec<Deep<Expr>> = rest.into_iter().map(|(e, _)| e).collect();
    if rest.is_empty() {
        not_lone_star(&first.node)?;
        let below = first.depth;
        return stmt(StmtKind::Expr(first.node), below, span);
    }
    let below = first.depth.max(max_depth(&rest));
    let mut targets = Vec::with_capacity(rest.len());
    targets.push(first.node);
    targets.extend(strip(rest));
    let Some(value) = targets.pop() else {
        return fail("invalid syntax", span);
    };
    targets::assignment(&targets)?;
    not_lone_star(&value)?;
    stmt(StmtKind::Assign { targets, value }, below, span)
}

pub fn aug_assign(
    target: Deep<Expr>,
    op: BinOp,
    value: Deep<Expr>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Stmt>> {
    targets::augmented(&target.node)?;
    not_lone_star(&value.node)?;
    let below = target.depth.max(value.depth);
    stmt(
        StmtKind::AugAssign {
            target: target.node,
            op,
            value: value.node,
        },
        below,
        Span::new(l, r),
    )
}

pub fn ann_assign(
    target: Deep<Expr>,
    annotation: Deep<Expr>,
    value: Option<Deep<Expr>>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Stmt>> {
    targets::annotated(&target.node)?;
    if let Some(v) = &value {
        not_lone_star(&v.node)?;
    }
    let below = target.depth.max(annotation.depth).max(opt_depth(&value));
    stmt(
        StmtKind::AnnAssign {
            target: target.node,
            annotation: annotation.node,
            value: value.map(|v| v.node),
        },
        below,
        Span::new(l, r),
    )
}

pub fn return_stmt(value: Option<Deep<Expr>>, l: usize, r: usize) -> Fallible<Deep<Stmt>> {
    if let Some(v) = &value {
        not_lone_star(&v.node)?;
    }
    let below = opt_depth(&value);
    stmt(
        StmtKind::Return(value.map(|v| v.node)),
        below,
        Span::new(l, r),
    )
}

pub fn raise(
    exc: Option<Deep<Expr>>,
    cause: Option<Deep<Expr>>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Stmt>> {
    let below = opt_depth(&exc).max(opt_depth(&cause));
    stmt(
        StmtKind::Raise {
            exc: exc.map(|e| e.node),
            cause: cause.map(|e| e.node),
        },
        below,
        Span::new(l, r),
    )
}

pub fn delete(items: Vec<Deep<Expr>>, l: usize, r: usize) -> Fallible<Deep<Stmt>> {
    for item in &items {
        targets::delete(&item.node)?;
    }
    let below = max_depth(&items);
    stmt(StmtKind::Delete(strip(items)), below, Span::new(l, r))
}

pub fn assert(
    test: Deep<Expr>,
    msg: Option<Deep<Expr>>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Stmt>> {
    let below = test.depth.max(opt_depth(&msg));
    stmt(
        StmtKind::Assert {
            test: test.node,
            msg: msg.map(|m| m.node),
        },
        below,
        Span::new(l, r),
    )
}

/// `from module import …`: `names` empty and `star` for `import *`.
pub fn import_from(
    module: Ident,
    (names, star): (Vec<ImportName>, bool),
    l: usize,
    r: usize,
) -> Deep<Stmt> {
    simple(
        StmtKind::ImportFrom {
            module,
            names,
            star,
        },
        l,
        r,
    )
}

/// A dotted module name, with the leading dots of a relative import (`..pkg.mod`).
pub fn module_name(dots: usize, parts: Vec<Ident>, l: usize, r: usize) -> Ident {
    let mut name = ".".repeat(dots);
    let words: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
    name.push_str(&words.join("."));
    Ident {
        name,
        span: Span::new(l, r),
    }
}

// ---------------------------------------------------------------------------------------
// Compound statements
// ---------------------------------------------------------------------------------------

/// `if … elif … else …`: each `elif` becomes an `If` alone in the `orelse` of the one
/// before. Folded from the end, in a loop.
pub fn if_chain(
    l: usize,
    test: Deep<Expr>,
    body: Deep<Vec<Stmt>>,
    elifs: Vec<(usize, Deep<Expr>, Deep<Vec<Stmt>>)>,
    orelse: Option<Deep<Vec<Stmt>>>,
) -> Fallible<Deep<Stmt>> {
    let mut orelse = orelse.unwrap_or(Deep {
        node: Vec::new(),
        depth: 0,
    });
    let mut chain_end = orelse.node.last().map(|s| s.span.end as usize);
    let mut clauses = elifs;
    clauses.insert(0, (l, test, body));
    while let Some((start, test, body)) = clauses.pop() {
        let end = chain_end.unwrap_or_else(|| end_of(&body.node, start));
        let below = test.depth.max(body.depth).max(orelse.depth);
        let s = stmt(
            StmtKind::If {
                test: test.node,
                body: body.node,
                orelse: orelse.node,
            },
            below,
            Span::new(start, end),
        )?;
        chain_end = Some(end);
        orelse = Deep {
            depth: s.depth,
            node: vec![s.node],
        };
    }
    match orelse.node.pop() {
        Some(s) => Ok(Deep {
            node: s,
            depth: orelse.depth,
        }),
        None => fail("invalid syntax", Span::new(l, l)),
    }
}

fn or_empty(block: Option<Deep<Vec<Stmt>>>) -> Deep<Vec<Stmt>> {
    block.unwrap_or(Deep {
        node: Vec::new(),
        depth: 0,
    })
}

pub fn while_loop(
    l: usize,
    test: Deep<Expr>,
    body: Deep<Vec<Stmt>>,
    orelse: Option<Deep<Vec<Stmt>>>,
) -> Fallible<Deep<Stmt>> {
    let orelse = or_empty(orelse);
    let end = end_of(&orelse.node, end_of(&body.node, l));
    let below = test.depth.max(body.depth).max(orelse.depth);
    stmt(
        StmtKind::While {
            test: test.node,
            body: body.node,
            orelse: orelse.node,
        },
        below,
        Span::new(l, end),
    )
}

pub fn for_loop(
    l: usize,
    target: Deep<Expr>,
    iter: Deep<Expr>,
    body: Deep<Vec<Stmt>>,
    orelse: Option<Deep<Vec<Stmt>>>,
) -> Fallible<Deep<Stmt>> {
    let target = targets::store(target)?;
    not_lone_star(&iter.node)?;
    let orelse = or_empty(orelse);
    let end = end_of(&orelse.node, end_of(&body.node, l));
    let below = target
        .depth
        .max(iter.depth)
        .max(body.depth)
        .max(orelse.depth);
    stmt(
        StmtKind::For {
            target: target.node,
            iter: iter.node,
            body: body.node,
            orelse: orelse.node,
        },
        below,
        Span::new(l, end),
    )
}

pub fn except_handler(
    l: usize,
    class: Option<Deep<Expr>>,
    name: Option<Ident>,
    body: Deep<Vec<Stmt>>,
) -> Fallible<Deep<ExceptHandler>> {
    let span = Span::new(l, end_of(&body.node, l));
    let below = opt_depth(&class).max(body.depth);
    Ok(Deep {
        depth: deeper(below, span)?,
        node: ExceptHandler {
            class: class.map(|c| c.node),
            name,
            body: body.node,
            span,
        },
    })
}

pub fn try_stmt(
    l: usize,
    body: Deep<Vec<Stmt>>,
    handlers: Vec<Deep<ExceptHandler>>,
    orelse: Option<Deep<Vec<Stmt>>>,
    finalbody: Option<Deep<Vec<Stmt>>>,
) -> Fallible<Deep<Stmt>> {
    let count = handlers.len();
    for (i, h) in handlers.iter().enumerate() {
        if h.node.class.is_none() && i + 1 < count {
            return fail("default 'except:' must be last", h.node.span);
        }
    }
    let orelse = or_empty(orelse);
    let finalbody = or_empty(finalbody);
    let mut end = end_of(&body.node, l);
    if let Some(h) = handlers.last() {
        end = h.node.span.end as usize;
    }
    end = end_of(&finalbody.node, end_of(&orelse.node, end));
    let below = body
        .depth
        .max(max_depth(&handlers))
        .max(orelse.depth)
        .max(finalbody.depth);
    stmt(
        StmtKind::Try(Box::new(Try {
            body: body.node,
            handlers: strip(handlers),
            orelse: orelse.node,
            finalbody: finalbody.node,
        })),
        below,
        Span::new(l, end),
    )
}

pub fn with_item(context: Deep<Expr>, target: Option<Deep<Expr>>) -> Fallible<Deep<WithItem>> {
    let target = target.map(targets::store).transpose()?;
    Ok(Deep {
        depth: context.depth.max(opt_depth(&target)),
        node: WithItem {
            context: context.node,
            target: target.map(|t| t.node),
        },
    })
}

pub fn with_stmt(
    l: usize,
    items: Vec<Deep<WithItem>>,
    body: Deep<Vec<Stmt>>,
) -> Fallible<Deep<Stmt>> {
    let below = max_depth(&items).max(body.depth);
    let end = end_of(&body.node, l);
    stmt(
        StmtKind::With {
            items: strip(items),
            body: body.node,
        },
        below,
        Span::new(l, end),
    )
}

#[allow(clippy::too_many_arguments)]
pub fn function_def(
    l: usize,
    name: Ident,
    params: Vec<ParamItem>,
    returns: Option<Deep<Expr>>,
    header_end: usize,
    body: Deep<Vec<Stmt>>,
) -> Fallible<Deep<Stmt>> {
    let params = params::build(params)?;
    let below = params.depth.max(opt_depth(&returns)).max(body.depth);
    let end = end_of(&body.node, l);
    stmt(
        StmtKind::FunctionDef(Box::new(FunctionDef {
            name,
            params: params.node,
            body: body.node,
            decorators: Vec::new(),
            returns: returns.map(|r| r.node),
            header: Span::new(l, header_end),
        })),
        below,
        Span::new(l, end),
    )
}

pub fn class_def(
    l: usize,
    name: Ident,
    args: Option<Option<(Vec<nodes::ArgItem>, bool)>>,
    header_end: usize,
    body: Deep<Vec<Stmt>>,
) -> Fallible<Deep<Stmt>> {
    let (items, trailing) = args.flatten().unwrap_or_default();
    if let Some(nodes::ArgItem::Generator(g)) = items.first() {
        return fail("invalid syntax", g.node.span);
    }
    let (args, args_depth) = nodes::call_args(items, trailing)?;
    let below = args_depth.max(body.depth);
    let end = end_of(&body.node, l);
    stmt(
        StmtKind::ClassDef(Box::new(ClassDef {
            name,
            args,
            body: body.node,
            decorators: Vec::new(),
            header: Span::new(l, header_end),
        })),
        below,
        Span::new(l, end),
    )
}

/// Attaches `@decorator` lines to the `def` or `class` below them.
pub fn decorate(decorators: Vec<Deep<Expr>>, definition: Deep<Stmt>) -> Fallible<Deep<Stmt>> {
    let depth = definition.depth.max(max_depth(&decorators) + 1);
    let mut s = definition.node;
    let list = strip(decorators);
    match &mut s.kind {
        StmtKind::FunctionDef(f) => f.decorators = list,
        StmtKind::ClassDef(c) => c.decorators = list,
        _ => {}
    }
    Ok(Deep { node: s, depth })
}

/// `lambda params: body`.
pub fn lambda(
    params: Option<Vec<ParamItem>>,
    body: Deep<Expr>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    let params = params::build(params.unwrap_or_default())?;
    let below = params.depth.max(body.depth);
    nodes::expr(
        ExprKind::Lambda {
            params: Box::new(params.node),
            body: boxed(body),
        },
        below,
        l,
        r,
    )
}
