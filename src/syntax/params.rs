//! Parameter lists of `def` and `lambda`: putting the items in their places and checking
//! their order with CPython's messages.
//!
//! Owns: `ParamItem` (one comma-separated item as parsed) and `params` (the checked
//! `ast::Params`).
//! Must not touch: statements, scopes.

use super::ast::{Expr, Ident, Param, Params};
use super::nodes::{fail, opt_depth, Deep, Fallible};
use super::span::Span;

/// One comma-separated item of a parameter list, as written.
#[derive(Debug)]
pub enum ParamItem {
    /// `name`, `name: annotation`, `name=default`, `name: annotation = default`.
    Plain {
        name: Ident,
        annotation: Option<Deep<Expr>>,
        default: Option<Deep<Expr>>,
    },
    /// `/`
    Slash(Span),
    /// `*` or `*args` (a default is parsed only to be rejected).
    Star {
        name: Option<Ident>,
        annotation: Option<Deep<Expr>>,
        default: Option<Deep<Expr>>,
        span: Span,
    },
    /// `**kwargs`
    DoubleStar {
        name: Ident,
        annotation: Option<Deep<Expr>>,
        default: Option<Deep<Expr>>,
        span: Span,
    },
}

impl ParamItem {
    fn span(&self) -> Span {
        match self {
            ParamItem::Plain { name, .. } => name.span,
            ParamItem::Slash(span)
            | ParamItem::Star { span, .. }
            | ParamItem::DoubleStar { span, .. } => *span,
        }
    }
}

fn param(name: Ident, annotation: Option<Deep<Expr>>, default: Option<Deep<Expr>>) -> Param {
    Param {
        name,
        annotation: annotation.map(|a| a.node),
        default: default.map(|d| d.node),
    }
}

/// Checks the order of a parameter list and sorts the items into `Params`.
pub fn build(items: Vec<ParamItem>) -> Fallible<Deep<Params>> {
    let mut out = Params::default();
    let mut depth = 0;
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut seen_default = false;
    let mut bare_star: Option<Span> = None;
    let mut after_kwarg = false;
    for item in items {
        if after_kwarg {
            return fail("arguments cannot follow var-keyword argument", item.span());
        }
        match item {
            ParamItem::Plain {
                name,
                annotation,
                default,
            } => {
                depth = depth.max(opt_depth(&annotation)).max(opt_depth(&default));
                if seen_star {
                    out.kwonly.push(param(name, annotation, default));
                    continue;
                }
                if default.is_some() {
                    seen_default = true;
                } else if seen_default {
                    return fail("non-default argument follows default argument", name.span);
                }
                out.args.push(param(name, annotation, default));
            }
            ParamItem::Slash(span) => {
                if seen_slash {
                    return fail("/ may appear only once", span);
                }
                if seen_star {
                    return fail("/ must be ahead of *", span);
                }
                if out.args.is_empty() {
                    return fail("at least one argument must precede /", span);
                }
                seen_slash = true;
                out.posonly = std::mem::take(&mut out.args);
            }
            ParamItem::Star {
                name,
                annotation,
                default,
                span,
            } => {
                if seen_star {
                    return fail("* argument may appear only once", span);
                }
                if let Some(d) = default {
                    return fail(
                        "var-positional argument cannot have default value",
                        d.node.span,
                    );
                }
                seen_star = true;
                depth = depth.max(opt_depth(&annotation));
                match name {
                    Some(name) => out.vararg = Some(param(name, annotation, None)),
                    None => bare_star = Some(span),
                }
            }
            ParamItem::DoubleStar {
                name,
                annotation,
                default,
                ..
            } => {
                if let Some(d) = default {
                    return fail(
                        "var-keyword argument cannot have default value",
                        d.node.span,
                    );
                }
                depth = depth.max(opt_depth(&annotation));
                out.kwarg = Some(param(name, annotation, None));
                after_kwarg = true;
            }
        }
    }
    if let Some(span) = bare_star {
        if out.kwonly.is_empty() {
            return fail("named arguments must follow bare *", span);
        }
    }
    check_duplicates(&out)?;
    Ok(Deep { node: out, depth })
}

fn check_duplicates(params: &Params) -> Fallible<()> {
    let all = params
        .posonly
        .iter()
        .chain(&params.args)
        .chain(&params.vararg)
        .chain(&params.kwonly)
        .chain(&params.kwarg);
    let mut seen: Vec<&str> = Vec::new();
    for p in all {
        if seen.contains(&p.name.name.as_str()) {
            return fail(
                format!(
                    "duplicate argument '{}' in function definition",
                    p.name.name
                ),
                p.name.span,
            );
        }
        seen.push(&p.name.name);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use lalrpop_util::ParseError;

    fn plain(name: &str, with_default: bool) -> ParamItem {
        ParamItem::Plain {
            name: Ident {
                name: name.into(),
                span: Span::default(),
            },
            annotation: None,
            default: with_default.then(|| super::super::nodes::name("d".into(), 0, 1)),
        }
    }

    fn star(name: Option<&str>) -> ParamItem {
        ParamItem::Star {
            name: name.map(|n| Ident {
                name: n.into(),
                span: Span::default(),
            }),
            annotation: None,
            default: None,
            span: Span::default(),
        }
    }

    fn message(items: Vec<ParamItem>) -> String {
        match build(items) {
            Err(ParseError::User { error }) => error.message,
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn items_land_in_their_places() {
        let p = build(vec![
            plain("a", false),
            ParamItem::Slash(Span::default()),
            plain("b", true),
            star(Some("args")),
            plain("c", false),
        ])
        .expect("valid");
        let p = p.node;
        assert_eq!((p.posonly.len(), p.args.len(), p.kwonly.len()), (1, 1, 1));
        assert!(p.vararg.is_some());
    }

    #[test]
    fn order_errors_have_cpython_messages() {
        assert_eq!(
            message(vec![plain("a", true), plain("b", false)]),
            "non-default argument follows default argument"
        );
        assert_eq!(
            message(vec![plain("a", false), plain("a", false)]),
            "duplicate argument 'a' in function definition"
        );
        assert_eq!(
            message(vec![star(None)]),
            "named arguments must follow bare *"
        );
        assert_eq!(
            message(vec![ParamItem::Slash(Span::default())]),
            "at least one argument must precede /"
        );
        assert_eq!(
            message(vec![star(Some("a")), star(Some("b"))]),
            "* argument may appear only once"
        );
    }

    #[test]
    fn keyword_only_parameters_may_skip_defaults() {
        assert!(build(vec![star(None), plain("a", true), plain("b", false)]).is_ok());
    }
}
