//! What may stand where a value is stored or deleted, with CPython's messages.
//!
//! Owns: checking assignment, `for`, `with`, comprehension, augmented, annotated and
//! `del` targets and keyword-argument names; the names CPython gives kinds of expression
//! in those messages ("function call", "literal", …).
//! Must not touch: building nodes (`nodes.rs`), scopes (lowering's job).
//!
//! The grammar parses every target as an expression (an LR parser cannot know it is a
//! target until it sees the `=`); these checks then say whether that expression can be
//! one. Recursion here follows tuples and lists, which need brackets or commas to nest,
//! so it is bounded by the bracket limit.

use super::ast::*;
use super::nodes::{fail, Deep, Fallible};

/// CPython's name for a kind of expression (`_PyPegen_get_expr_name`).
pub fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first part of `e` that cannot be a target (`_PyPegen_get_invalid_target`).
fn invalid_part(e: &Expr, deleting: bool) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(items) | ExprKind::Tuple(items) => {
            items.iter().find_map(|item| invalid_part(item, deleting))
        }
        ExprKind::Starred(inner) if !deleting => invalid_part(inner, deleting),
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        _ => Some(e),
    }
}

/// `__debug__` cannot be bound anywhere inside a target.
fn debug_name(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(n) if n == "__debug__" => Some(e),
        ExprKind::List(items) | ExprKind::Tuple(items) => items.iter().find_map(debug_name),
        ExprKind::Starred(inner) => debug_name(inner),
        _ => None,
    }
}

/// Each tuple or list level may hold one starred target at most.
fn check_stars(e: &Expr) -> Fallible<()> {
    if let ExprKind::List(items) | ExprKind::Tuple(items) = &e.kind {
        let stars = items
            .iter()
            .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
            .count();
        if stars > 1 {
            return fail("multiple starred expressions in assignment", e.span);
        }
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => check_stars(inner)?,
                _ => check_stars(item)?,
            }
        }
    }
    Ok(())
}

const TARGET_HELP: &str =
    "a target can be a name, an attribute (a.b), a subscript (a[i]), or a tuple or list of \
     targets";

/// Checks a target of `=`, `for`, `with … as` or a comprehension's `for`.
pub fn store(target: Deep<Expr>) -> Fallible<Deep<Expr>> {
    check_store(&target.node)?;
    Ok(target)
}

fn check_store(e: &Expr) -> Fallible<()> {
    if let Some(bad) = invalid_part(e, false) {
        let message = format!("cannot assign to {}", describe(bad));
        return Err(super::nodes::user(
            super::error::SyntaxError::new(message, bad.span).with_help(TARGET_HELP),
        ));
    }
    if let Some(bad) = debug_name(e) {
        return fail("cannot assign to __debug__", bad.span);
    }
    if let ExprKind::Starred(_) = e.kind {
        return fail(
            "starred assignment target must be in a list or tuple",
            e.span,
        );
    }
    check_stars(e)
}

/// True for the expressions CPython's `invalid_named_expression` rule sees as one
/// `bitwise_or` operand that is not a display or a keyword constant.
fn reads_as_comparison_operand(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred(_)
            | ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
    )
}

/// Checks the targets of an assignment statement. With a single `=`, CPython suspects
/// a mistyped `==` and says so.
pub fn assignment(targets: &[Expr]) -> Fallible<()> {
    if let [only] = targets {
        if invalid_part(only, false).is_some() {
            // An unparenthesized tuple: CPython looks at the element right before `=`.
            let unparenthesized = match &only.kind {
                ExprKind::Tuple(items) => {
                    items.first().map(|f| f.span.start) == Some(only.span.start)
                }
                _ => false,
            };
            let suspect = match &only.kind {
                ExprKind::Tuple(items) if unparenthesized => items.last(),
                _ => Some(only),
            };
            if let Some(suspect) = suspect {
                let still_invalid = !unparenthesized && invalid_part(suspect, false).is_some();
                if let ExprKind::Name(_) = suspect.kind {
                    return fail(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        suspect.span,
                    );
                }
                if reads_as_comparison_operand(suspect) && (unparenthesized || still_invalid) {
                    return fail(
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            describe(suspect)
                        ),
                        suspect.span,
                    );
                }
            }
        }
    }
    for target in targets {
        check_store(target)?;
    }
    Ok(())
}

/// Checks the target of `t op= value`.
pub fn augmented(target: &Expr) -> Fallible<()> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            if let Some(bad) = debug_name(target) {
                return fail("cannot assign to __debug__", bad.span);
            }
            Ok(())
        }
        _ => fail(
            format!(
                "'{}' is an illegal expression for augmented assignment",
                describe(target)
            ),
            target.span,
        ),
    }
}

/// Checks the target of `t: annotation`.
pub fn annotated(target: &Expr) -> Fallible<()> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(_) => fail(
            "only single target (not tuple) can be annotated",
            target.span,
        ),
        ExprKind::List(_) => fail(
            "only single target (not list) can be annotated",
            target.span,
        ),
        _ => fail("illegal target for annotation", target.span),
    }
}

/// Checks one target of `del`.
pub fn delete(target: &Expr) -> Fallible<()> {
    if let Some(bad) = invalid_part(target, true) {
        return fail(format!("cannot delete {}", describe(bad)), bad.span);
    }
    Ok(())
}

/// The name before `=` in a call's keyword argument.
pub fn keyword_name(target: Expr) -> Fallible<Ident> {
    match target.kind {
        ExprKind::Name(name) => Ok(Ident {
            name,
            span: target.span,
        }),
        ExprKind::Constant(Constant::True | Constant::False | Constant::None) => fail(
            format!("cannot assign to {}", describe(&target)),
            target.span,
        ),
        _ => fail(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            target.span,
        ),
    }
}
