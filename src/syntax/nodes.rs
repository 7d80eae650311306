//! Constructors the grammar's actions call to build expression nodes.
//!
//! Owns: `Deep<T>` (a tree piece with the depth of the tree below it), the nesting limit,
//! spans of built nodes, flattening (`a or b or c` is one `BoolOp`), and the checks CPython
//! makes while building displays, comprehensions and calls.
//! Must not touch: statements (`statements.rs`), target rules (`targets.rs`), token
//! meaning, what programs do.
//!
//! Why depths: the parser is iterative (a table-driven LR automaton), but the tree it
//! builds is recursive, and dropping, lowering or running a tree recurses once per level.
//! Every node records how deep the tree below it is, and building a node past
//! `MAX_NESTING_DEPTH` fails. So no tree, finished or half-built (lalrpop drops its stack
//! of half-built pieces on an error), is ever deeper than the limit, and nothing that
//! walks one can run out of stack.

use lalrpop_util::ParseError;

use super::ast::*;
use super::error::SyntaxError;
use super::literal::Number;
use super::span::Span;
use super::token::Token;

/// The deepest tree the parser builds. CPython's compiler gives up at about the same depth
/// (`RecursionError: maximum recursion depth exceeded during compilation`, near 3000).
pub const MAX_NESTING_DEPTH: u32 = 3000;

/// The error type of the grammar's fallible actions.
pub type Fallible<T> = Result<T, ParseError<usize, Token, SyntaxError>>;

/// A piece of tree and the depth of the tree below and including it.
#[derive(Debug, Clone)]
pub struct Deep<T> {
    pub node: T,
    pub depth: u32,
}

/// What the grammar's one entry point produces.
#[derive(Debug)]
pub enum Parsed {
    Module(Deep<Vec<Stmt>>),
    /// The expression of an f-string field.
    Field(Deep<Expr>),
}

pub fn fail<T>(message: impl Into<String>, span: Span) -> Fallible<T> {
    Err(ParseError::User {
        error: SyntaxError::new(message, span),
    })
}

pub fn user(error: SyntaxError) -> ParseError<usize, Token, SyntaxError> {
    ParseError::User { error }
}

/// The depth of a node whose deepest child is `below` deep, or the nesting error.
pub fn deeper(below: u32, span: Span) -> Fallible<u32> {
    if below >= MAX_NESTING_DEPTH {
        return Err(user(
            SyntaxError::new("too many nested expressions", span).with_help(format!(
                "iterp (like CPython) does not build code nested more than about \
                 {MAX_NESTING_DEPTH} levels deep; split it up with intermediate variables"
            )),
        ));
    }
    Ok(below + 1)
}

pub fn max_depth<T>(items: &[Deep<T>]) -> u32 {
    items.iter().map(|d| d.depth).max().unwrap_or(0)
}

pub fn opt_depth<T>(item: &Option<Deep<T>>) -> u32 {
    item.as_ref().map_or(0, |d| d.depth)
}

/// Strips the depths off a list of pieces.
pub fn strip<T>(items: Vec<Deep<T>>) -> Vec<T> {
    items.into_iter().map(|d| d.node).collect()
}

pub fn span(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

/// Builds an expression node one level above children at most `below` deep.
pub fn expr(kind: ExprKind, below: u32, l: usize, r: usize) -> Fallible<Deep<Expr>> {
    let span = span(l, r);
    let depth = deeper(below, span)?;
    Ok(Deep {
        node: Expr { kind, span },
        depth,
    })
}

pub fn leaf(kind: ExprKind, l: usize, r: usize) -> Deep<Expr> {
    Deep {
        node: Expr {
            kind,
            span: span(l, r),
        },
        depth: 1,
    }
}

pub fn boxed(e: Deep<Expr>) -> Box<Expr> {
    Box::new(e.node)
}

// ---------------------------------------------------------------------------------------
// Atoms
// ---------------------------------------------------------------------------------------

pub fn ident(name: String, l: usize, r: usize) -> Ident {
    Ident {
        name,
        span: span(l, r),
    }
}

pub fn name(name: String, l: usize, r: usize) -> Deep<Expr> {
    leaf(ExprKind::Name(name), l, r)
}

pub fn constant(value: Constant, l: usize, r: usize) -> Deep<Expr> {
    leaf(ExprKind::Constant(value), l, r)
}

pub fn number(n: Number, l: usize, r: usize) -> Deep<Expr> {
    let value = match n {
        Number::Int(i) => Constant::Int(i),
        Number::BigInt(b) => Constant::BigInt(*b),
        Number::Float(f) => Constant::Float(f),
    };
    constant(value, l, r)
}

// ---------------------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------------------

pub fn bin_op(
    left: Deep<Expr>,
    op: BinOp,
    right: Deep<Expr>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    let below = left.depth.max(right.depth);
    expr(
        ExprKind::BinOp {
            left: boxed(left),
            op,
            right: boxed(right),
        },
        below,
        l,
        r,
    )
}

pub fn unary(op: UnaryOp, operand: Deep<Expr>, l: usize, r: usize) -> Fallible<Deep<Expr>> {
    let below = operand.depth;
    expr(
        ExprKind::UnaryOp {
            op,
            operand: boxed(operand),
        },
        below,
        l,
        r,
    )
}

/// `a or b or c` as one node with three values.
pub fn bool_op(
    op: BoolOp,
    first: Deep<Expr>,
    rest: Vec<Deep<Expr>>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    let below = first.depth.max(max_depth(&rest));
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first.node);
    values.extend(strip(rest));
    expr(ExprKind::BoolOp { op, values }, below, l, r)
}

/// `a < b <= c` as one node.
pub fn compare(
    left: Deep<Expr>,
    rest: Vec<(CmpOp, Deep<Expr>)>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    let below = rest
        .iter()
        .map(|(_, e)| e.depth)
        .max()
        .unwrap_or(0)
        .max(left.depth);
    let ops = rest.into_iter().map(|(op, e)| (op, e.node)).collect();
    expr(
        ExprKind::Compare {
            left: boxed(left),
            ops,
        },
        below,
        l,
        r,
    )
}

pub fn if_exp(
    body: Deep<Expr>,
    test: Deep<Expr>,
    orelse: Deep<Expr>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    let below = body.depth.max(test.depth).max(orelse.depth);
    expr(
        ExprKind::IfExp {
            test: boxed(test),
            body: boxed(body),
            orelse: boxed(orelse),
        },
        below,
        l,
        r,
    )
}

/// `target := value`; the target must be a plain name.
pub fn named_expr(
    target: Deep<Expr>,
    value: Deep<Expr>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    let target = match target.node {
        Expr {
            kind: ExprKind::Name(name),
            span,
        } => Ident { name, span },
        other => {
            return fail(
                format!(
                    "cannot use assignment expressions with {}",
                    super::targets::describe(&other)
                ),
                other.span,
            )
        }
    };
    let below = value.depth;
    expr(
        ExprKind::NamedExpr {
            target,
            value: boxed(value),
        },
        below,
        l,
        r,
    )
}

pub fn starred(value: Deep<Expr>, l: usize, r: usize) -> Fallible<Deep<Expr>> {
    let below = value.depth;
    expr(ExprKind::Starred(boxed(value)), below, l, r)
}

// ---------------------------------------------------------------------------------------
// Primaries
// ---------------------------------------------------------------------------------------

pub fn attribute(value: Deep<Expr>, attr: Ident, l: usize, r: usize) -> Fallible<Deep<Expr>> {
    let below = value.depth;
    expr(
        ExprKind::Attribute {
            value: boxed(value),
            attr,
        },
        below,
        l,
        r,
    )
}

pub fn subscript(value: Deep<Expr>, index: Deep<Expr>, l: usize, r: usize) -> Fallible<Deep<Expr>> {
    let below = value.depth.max(index.depth);
    expr(
        ExprKind::Subscript {
            value: boxed(value),
            index: boxed(index),
        },
        below,
        l,
        r,
    )
}

pub fn slice(
    lower: Option<Deep<Expr>>,
    upper: Option<Deep<Expr>>,
    step: Option<Option<Deep<Expr>>>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    let step = step.flatten();
    let below = opt_depth(&lower)
        .max(opt_depth(&upper))
        .max(opt_depth(&step));
    expr(
        ExprKind::Slice {
            lower: lower.map(boxed),
            upper: upper.map(boxed),
            step: step.map(boxed),
        },
        below,
        l,
        r,
    )
}

/// One comma-separated item of a call's argument list, before the order is checked.
#[derive(Debug)]
pub enum ArgItem {
    Positional(Deep<Expr>),
    /// `f(x for x in y)`: valid only as the sole argument.
    Generator(Deep<Expr>),
    /// `name=value`; `target` is whatever expression stood before the `=`.
    Keyword {
        target: Deep<Expr>,
        value: Deep<Expr>,
    },
    Star(Deep<Expr>, Span),
    DoubleStar(Deep<Expr>),
}

/// Checks a call's argument list the way CPython does and builds the `Arg`s.
pub fn call_args(items: Vec<ArgItem>, trailing_comma: bool) -> Fallible<(Vec<Arg>, u32)> {
    let count = items.len();
    let mut args = Vec::with_capacity(count);
    let mut below = 0;
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    let mut keyword_names: Vec<String> = Vec::new();
    for item in items {
        match item {
            ArgItem::Positional(e) | ArgItem::Generator(e) if seen_double_star => {
                return fail(
                    "positional argument follows keyword argument unpacking",
                    e.node.span,
                );
            }
            ArgItem::Positional(e) | ArgItem::Generator(e) if seen_keyword => {
                return fail("positional argument follows keyword argument", e.node.span);
            }
            ArgItem::Generator(e) if count > 1 || trailing_comma => {
                return fail("Generator expression must be parenthesized", e.node.span);
            }
            ArgItem::Positional(e) | ArgItem::Generator(e) => {
                below = below.max(e.depth);
                args.push(Arg::Positional(e.node));
            }
            ArgItem::Star(e, span) => {
                if seen_double_star {
                    return fail(
                        "iterable argument unpacking follows keyword argument unpacking",
                        span,
                    );
                }
                below = below.max(e.depth);
                args.push(Arg::Starred(e.node));
            }
            ArgItem::DoubleStar(e) => {
                seen_double_star = true;
                below = below.max(e.depth);
                args.push(Arg::DoubleStarred(e.node));
            }
            ArgItem::Keyword { target, value } => {
                let name = super::targets::keyword_name(target.node)?;
                if keyword_names.contains(&name.name) {
                    return fail(
                        format!("keyword argument repeated: {}", name.name),
                        name.span,
                    );
                }
                keyword_names.push(name.name.clone());
                seen_keyword = true;
                below = below.max(value.depth);
                args.push(Arg::Keyword(name, value.node));
            }
        }
    }
    Ok((args, below))
}

pub fn call(
    func: Deep<Expr>,
    args: Option<(Vec<ArgItem>, bool)>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    let (items, trailing) = args.unwrap_or_default();
    let (args, below) = call_args(items, trailing)?;
    let below = below.max(func.depth);
    expr(
        ExprKind::Call {
            func: boxed(func),
            args,
        },
        below,
        l,
        r,
    )
}

// ---------------------------------------------------------------------------------------
// Displays and comprehensions
// ---------------------------------------------------------------------------------------

/// `a, b` (a tuple) or `a` alone; `a,` is a one-element tuple.
pub fn tuple_or_single(
    mut items: Vec<Deep<Expr>>,
    trailing_comma: bool,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    if items.len() == 1 && !trailing_comma {
        if let Some(only) = items.pop() {
            return Ok(only);
        }
    }
    let below = max_depth(&items);
    expr(ExprKind::Tuple(strip(items)), below, l, r)
}

/// The index of a subscript: `a[i]`, `a[i, j:k]` (a tuple), `a[*b]` (a one-item tuple).
pub fn subscript_index(
    items: Vec<Deep<Expr>>,
    trailing_comma: bool,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    let lone_star =
        matches!(items.as_slice(), [only] if matches!(only.node.kind, ExprKind::Starred(_)));
    tuple_or_single(items, trailing_comma || lone_star, l, r)
}

pub fn comprehension(
    target: Deep<Expr>,
    iter: Deep<Expr>,
    ifs: Vec<Deep<Expr>>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Comprehension>> {
    let target = super::targets::store(target)?;
    let below = target.depth.max(iter.depth).max(max_depth(&ifs));
    let span = span(l, r);
    Ok(Deep {
        depth: deeper(below, span)?,
        node: Comprehension {
            target: target.node,
            iter: iter.node,
            ifs: strip(ifs),
            span,
        },
    })
}

/// Checks the element of a list/set comprehension or generator.
fn comprehension_element(
    items: Vec<Deep<Expr>>,
    trailing_comma: bool,
    whole: Span,
) -> Fallible<Deep<Expr>> {
    let first_span = items.first().map_or(whole, |e| e.node.span);
    if items.len() == 1 && trailing_comma {
        return fail("invalid syntax", whole);
    }
    let mut items = items.into_iter();
    let (Some(elt), None, false) = (items.next(), items.next(), trailing_comma) else {
        return fail(
            "did you forget parentheses around the comprehension target?",
            first_span,
        );
    };
    if let ExprKind::Starred(_) = elt.node.kind {
        return fail(
            "iterable unpacking cannot be used in comprehension",
            elt.node.span,
        );
    }
    Ok(elt)
}

/// The shapes a bracketed display can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    Paren,
    List,
    Set,
}

/// `( … )`, `[ … ]` or `{ … }` with expression items, maybe a comprehension.
pub fn display(
    shape: Display,
    items: Vec<Deep<Expr>>,
    trailing_comma: bool,
    generators: Option<Vec<Deep<Comprehension>>>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    if let Some(generators) = generators {
        let elt = comprehension_element(items, trailing_comma, span(l, r))?;
        let below = elt.depth.max(max_depth(&generators));
        let elt = boxed(elt);
        let generators = strip(generators);
        let kind = match shape {
            Display::Paren => ExprKind::GeneratorExp { elt, generators },
            Display::List => ExprKind::ListComp { elt, generators },
            Display::Set => ExprKind::SetComp { elt, generators },
        };
        return expr(kind, below, l, r);
    }
    if shape == Display::Paren && items.len() == 1 && !trailing_comma {
        if let Some(only) = items.into_iter().next() {
            if let ExprKind::Starred(_) = only.node.kind {
                return fail("cannot use starred expression here", only.node.span);
            }
            return Ok(only);
        }
        return fail("invalid syntax", span(l, r));
    }
    let below = max_depth(&items);
    let items = strip(items);
    let kind = match shape {
        Display::Paren => ExprKind::Tuple(items),
        Display::List => ExprKind::List(items),
        Display::Set => ExprKind::Set(items),
    };
    expr(kind, below, l, r)
}

pub fn generator_arg(
    elt: Deep<Expr>,
    generators: Vec<Deep<Comprehension>>,
    l: usize,
    r: usize,
) -> Fallible<ArgItem> {
    display(Display::Paren, vec![elt], false, Some(generators), l, r).map(ArgItem::Generator)
}

/// One item of a dict display before the shape is checked.
#[derive(Debug)]
pub enum DictEntry {
    Pair(Deep<Expr>, Deep<Expr>),
    Unpack(Deep<Expr>, Span),
}

pub fn dict_display(
    items: Vec<DictEntry>,
    trailing_comma: bool,
    generators: Option<Vec<Deep<Comprehension>>>,
    l: usize,
    r: usize,
) -> Fallible<Deep<Expr>> {
    if let Some(generators) = generators {
        let mut items = items.into_iter();
        return match (items.next(), items.next(), trailing_comma) {
            (Some(DictEntry::Pair(key, value)), None, false) => {
                let below = key.depth.max(value.depth).max(max_depth(&generators));
                expr(
                    ExprKind::DictComp {
                        key: boxed(key),
                        value: boxed(value),
                        generators: strip(generators),
                    },
                    below,
                    l,
                    r,
                )
            }
            (Some(DictEntry::Unpack(_, span)), None, false) => {
                fail("dict unpacking cannot be used in dict comprehension", span)
            }
            _ => fail("invalid syntax", span(l, r)),
        };
    }
    let mut below = 0;
    let mut entries = Vec::with_capacity(items.len());
    for item in items {
        match item {
            DictEntry::Pair(k, v) => {
                below = below.max(k.depth).max(v.depth);
                entries.push(DictItem::Pair(k.node, v.node));
            }
            DictEntry::Unpack(m, _) => {
                below = below.max(m.depth);
                entries.push(DictItem::Unpack(m.node));
            }
        }
    }
    expr(ExprKind::Dict(entries), below, l, r)
}

pub fn yield_expr(value: Option<Deep<Expr>>, l: usize, r: usize) -> Fallible<Deep<Expr>> {
    if let Some(v) = &value {
        super::statements::not_lone_star(&v.node)?;
    }
    let below = opt_depth(&value);
    expr(ExprKind::Yield(value.map(boxed)), below, l, r)
}

pub fn yield_from(value: Deep<Expr>, l: usize, r: usize) -> Fallible<Deep<Expr>> {
    let below = value.depth;
    expr(ExprKind::YieldFrom(boxed(value)), below, l, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(name: &str) -> Deep<Expr> {
        super::name(name.to_owned(), 0, 1)
    }

    #[test]
    fn depth_counts_levels_and_stops_at_the_limit() {
        let mut e = n("x");
        for _ in 1..MAX_NESTING_DEPTH {
            e = unary(UnaryOp::Neg, e, 0, 1).expect("within the limit");
        }
        assert_eq!(e.depth, MAX_NESTING_DEPTH);
        let err = unary(UnaryOp::Neg, e, 0, 1).expect_err("past the limit");
        let ParseError::User { error } = err else {
            panic!("a user error");
        };
        assert_eq!(error.message, "too many nested expressions");
    }

    #[test]
    fn a_single_item_without_comma_is_not_a_tuple() {
        let e = tuple_or_single(vec![n("a")], false, 0, 1).expect("ok");
        assert!(matches!(e.node.kind, ExprKind::Name(_)));
        let e = tuple_or_single(vec![n("a")], true, 0, 2).expect("ok");
        assert!(matches!(e.node.kind, ExprKind::Tuple(_)));
    }

    #[test]
    fn generator_arguments_must_stand_alone() {
        let items = vec![ArgItem::Positional(n("a")), ArgItem::Generator(n("g"))];
        let Err(ParseError::User { error }) = call_args(items, false) else {
            panic!("an error");
        };
        assert_eq!(error.message, "Generator expression must be parenthesized");
    }
}
