//! Test support: a terse builder for hand-made ASTs (so lowering tests do not depend on
//! the parser), and helpers that lower a module and print it with the desugar printer.
//!
//! Owns: nothing the program uses; compiled only for tests.
//! Must not touch: lowering itself.

#![allow(dead_code)]

use super::ir::{Globals, Program};
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxError;
use crate::syntax::span::{SourceFile, Span};

// ---- expressions ----

fn e(kind: ExprKind) -> Expr {
    Expr {
        kind,
        span: Span::default(),
    }
}

fn ident(name: &str) -> Ident {
    Ident {
        name: name.to_string(),
        span: Span::default(),
    }
}

/// The same expression with a span (for tests of error locations).
pub fn at(mut x: Expr, start: usize, end: usize) -> Expr {
    x.span = Span::new(start, end);
    x
}

pub fn name(n: &str) -> Expr {
    e(ExprKind::Name(n.to_string()))
}
pub fn int(i: i64) -> Expr {
    e(ExprKind::Constant(Constant::Int(i)))
}
pub fn float(f: f64) -> Expr {
    e(ExprKind::Constant(Constant::Float(f)))
}
pub fn string(s: &str) -> Expr {
    e(ExprKind::Constant(Constant::Str(s.to_string())))
}
pub fn none() -> Expr {
    e(ExprKind::Constant(Constant::None))
}
pub fn call(f: Expr, args: Vec<Expr>) -> Expr {
    let args = args.into_iter().map(Arg::Positional).collect();
    e(ExprKind::Call {
        func: Box::new(f),
        args,
    })
}
pub fn call_args(f: Expr, args: Vec<Arg>) -> Expr {
    e(ExprKind::Call {
        func: Box::new(f),
        args,
    })
}
pub fn kw(n: &str, value: Expr) -> Arg {
    Arg::Keyword(ident(n), value)
}
pub fn attr(obj: Expr, n: &str) -> Expr {
    e(ExprKind::Attribute {
        value: Box::new(obj),
        attr: ident(n),
    })
}
pub fn method(obj: Expr, n: &str, args: Vec<Expr>) -> Expr {
    call(attr(obj, n), args)
}
pub fn sub(obj: Expr, index: Expr) -> Expr {
    e(ExprKind::Subscript {
        value: Box::new(obj),
        index: Box::new(index),
    })
}
pub fn bin(l: Expr, op: BinOp, r: Expr) -> Expr {
    e(ExprKind::BinOp {
        left: Box::new(l),
        op,
        right: Box::new(r),
    })
}
pub fn cmp(l: Expr, ops: Vec<(CmpOp, Expr)>) -> Expr {
    e(ExprKind::Compare {
        left: Box::new(l),
        ops,
    })
}
pub fn and(values: Vec<Expr>) -> Expr {
    e(ExprKind::BoolOp {
        op: BoolOp::And,
        values,
    })
}
pub fn or(values: Vec<Expr>) -> Expr {
    e(ExprKind::BoolOp {
        op: BoolOp::Or,
        values,
    })
}
pub fn not(x: Expr) -> Expr {
    e(ExprKind::UnaryOp {
        op: UnaryOp::Not,
        operand: Box::new(x),
    })
}
pub fn ifexp(body: Expr, test: Expr, orelse: Expr) -> Expr {
    e(ExprKind::IfExp {
        test: Box::new(test),
        body: Box::new(body),
        orelse: Box::new(orelse),
    })
}
pub fn tuple(items: Vec<Expr>) -> Expr {
    e(ExprKind::Tuple(items))
}
pub fn list(items: Vec<Expr>) -> Expr {
    e(ExprKind::List(items))
}
pub fn dict(pairs: Vec<(Expr, Expr)>) -> Expr {
    e(ExprKind::Dict(
        pairs
            .into_iter()
            .map(|(k, v)| DictItem::Pair(k, v))
            .collect(),
    ))
}
pub fn star(x: Expr) -> Expr {
    e(ExprKind::Starred(Box::new(x)))
}
pub fn walrus(n: &str, value: Expr) -> Expr {
    e(ExprKind::NamedExpr {
        target: ident(n),
        value: Box::new(value),
    })
}
pub fn yield_(value: Option<Expr>) -> Expr {
    e(ExprKind::Yield(value.map(Box::new)))
}
pub fn yield_from(value: Expr) -> Expr {
    e(ExprKind::YieldFrom(Box::new(value)))
}
pub fn lambda(params: &[&str], body: Expr) -> Expr {
    e(ExprKind::Lambda {
        params: Box::new(params_of(params)),
        body: Box::new(body),
    })
}
/// One `for target in iter if …` clause.
pub fn clause(target: Expr, iter: Expr, ifs: Vec<Expr>) -> Comprehension {
    Comprehension {
        target,
        iter,
        ifs,
        span: Span::default(),
    }
}
pub fn listcomp(elt: Expr, generators: Vec<Comprehension>) -> Expr {
    e(ExprKind::ListComp {
        elt: Box::new(elt),
        generators,
    })
}
pub fn setcomp(elt: Expr, generators: Vec<Comprehension>) -> Expr {
    e(ExprKind::SetComp {
        elt: Box::new(elt),
        generators,
    })
}
pub fn dictcomp(key: Expr, value: Expr, generators: Vec<Comprehension>) -> Expr {
    e(ExprKind::DictComp {
        key: Box::new(key),
        value: Box::new(value),
        generators,
    })
}
pub fn genexp(elt: Expr, generators: Vec<Comprehension>) -> Expr {
    e(ExprKind::GeneratorExp {
        elt: Box::new(elt),
        generators,
    })
}
pub fn fstring(parts: Vec<FStringPart>) -> Expr {
    e(ExprKind::FString(parts))
}
pub fn lit(s: &str) -> FStringPart {
    FStringPart::Literal(s.to_string())
}
pub fn field(
    value: Expr,
    conversion: Option<Conversion>,
    spec: Option<Vec<FStringPart>>,
) -> FStringPart {
    FStringPart::Formatted(FormattedValue {
        value: Box::new(value),
        conversion,
        spec,
        debug_text: None,
    })
}
pub fn debug_field(value: Expr, text: &str) -> FStringPart {
    FStringPart::Formatted(FormattedValue {
        value: Box::new(value),
        conversion: None,
        spec: None,
        debug_text: Some(text.to_string()),
    })
}

// ---- statements ----

fn s(kind: StmtKind) -> Stmt {
    Stmt {
        kind,
        span: Span::default(),
    }
}

/// The same statement with a span (for tests of error locations).
pub fn stmt_at(mut x: Stmt, start: usize, end: usize) -> Stmt {
    x.span = Span::new(start, end);
    x
}

pub fn expr(x: Expr) -> Stmt {
    s(StmtKind::Expr(x))
}
pub fn assign(target: Expr, value: Expr) -> Stmt {
    s(StmtKind::Assign {
        targets: vec![target],
        value,
    })
}
pub fn assign_chain(targets: Vec<Expr>, value: Expr) -> Stmt {
    s(StmtKind::Assign { targets, value })
}
pub fn aug(target: Expr, op: BinOp, value: Expr) -> Stmt {
    s(StmtKind::AugAssign { target, op, value })
}
pub fn if_(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    s(StmtKind::If { test, body, orelse })
}
pub fn while_(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    s(StmtKind::While { test, body, orelse })
}
pub fn for_(target: Expr, iter: Expr, body: Vec<Stmt>) -> Stmt {
    for_else(target, iter, body, Vec::new())
}
pub fn for_else(target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    s(StmtKind::For {
        target,
        iter,
        body,
        orelse,
    })
}
pub fn brk() -> Stmt {
    s(StmtKind::Break)
}
pub fn cont() -> Stmt {
    s(StmtKind::Continue)
}
pub fn pass() -> Stmt {
    s(StmtKind::Pass)
}
pub fn ret(value: Option<Expr>) -> Stmt {
    s(StmtKind::Return(value))
}
pub fn raise(exc: Option<Expr>, cause: Option<Expr>) -> Stmt {
    s(StmtKind::Raise { exc, cause })
}
pub fn del(targets: Vec<Expr>) -> Stmt {
    s(StmtKind::Delete(targets))
}
pub fn global(names: &[&str]) -> Stmt {
    s(StmtKind::Global(names.iter().map(|n| ident(n)).collect()))
}
pub fn nonlocal(names: &[&str]) -> Stmt {
    s(StmtKind::Nonlocal(names.iter().map(|n| ident(n)).collect()))
}
pub fn assert_(test: Expr, msg: Option<Expr>) -> Stmt {
    s(StmtKind::Assert { test, msg })
}
pub fn with_(items: Vec<(Expr, Option<Expr>)>, body: Vec<Stmt>) -> Stmt {
    let items = items
        .into_iter()
        .map(|(context, target)| WithItem { context, target })
        .collect();
    s(StmtKind::With { items, body })
}
pub fn import(module: &str, alias: Option<&str>) -> Stmt {
    s(StmtKind::Import(vec![ImportName {
        name: ident(module),
        alias: alias.map(ident),
    }]))
}
pub fn import_from(module: &str, names: &[(&str, Option<&str>)]) -> Stmt {
    s(StmtKind::ImportFrom {
        module: ident(module),
        names: names
            .iter()
            .map(|(n, a)| ImportName {
                name: ident(n),
                alias: a.map(ident),
            })
            .collect(),
        star: false,
    })
}
/// `try` with handlers `(class, as-name, body)`.
pub fn try_(
    body: Vec<Stmt>,
    handlers: Vec<(Option<Expr>, Option<&str>, Vec<Stmt>)>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) -> Stmt {
    let handlers = handlers
        .into_iter()
        .map(|(class, n, body)| ExceptHandler {
            class,
            name: n.map(ident),
            body,
            span: Span::default(),
        })
        .collect();
    s(StmtKind::Try(Box::new(Try {
        body,
        handlers,
        orelse,
        finalbody,
    })))
}

pub fn param(n: &str) -> Param {
    Param {
        name: ident(n),
        default: None,
        annotation: None,
    }
}
pub fn param_default(n: &str, default: Expr) -> Param {
    Param {
        name: ident(n),
        default: Some(default),
        annotation: None,
    }
}
/// Plain positional parameters; `*name` and `**name` as written.
pub fn params_of(names: &[&str]) -> Params {
    let mut params = Params::default();
    for n in names {
        if let Some(kw) = n.strip_prefix("**") {
            params.kwarg = Some(param(kw));
        } else if let Some(var) = n.strip_prefix('*') {
            params.vararg = Some(param(var));
        } else if params.vararg.is_some() {
            params.kwonly.push(param(n));
        } else {
            params.args.push(param(n));
        }
    }
    params
}
pub fn def(n: &str, params: &[&str], body: Vec<Stmt>) -> Stmt {
    def_with(n, params_of(params), body, Vec::new())
}
pub fn def_with(n: &str, params: Params, body: Vec<Stmt>, decorators: Vec<Expr>) -> Stmt {
    s(StmtKind::FunctionDef(Box::new(FunctionDef {
        name: ident(n),
        params,
        body,
        decorators,
        returns: None,
        header: Span::default(),
    })))
}
pub fn class(n: &str, bases: Vec<Expr>, body: Vec<Stmt>) -> Stmt {
    class_with(
        n,
        bases.into_iter().map(Arg::Positional).collect(),
        body,
        Vec::new(),
    )
}
pub fn class_with(n: &str, args: Vec<Arg>, body: Vec<Stmt>, decorators: Vec<Expr>) -> Stmt {
    s(StmtKind::ClassDef(Box::new(ClassDef {
        name: ident(n),
        args,
        body,
        decorators,
        header: Span::default(),
    })))
}

// ---- lowering ----

pub fn lower(body: Vec<Stmt>) -> Result<(Program, Globals), SyntaxError> {
    let module = Module { body };
    let mut globals = Globals::default();
    let source = SourceFile::new("test.py", "");
    let program = super::lower_program(&module, source, &mut globals)?;
    Ok((program, globals))
}

/// The module lowered and printed by the desugar printer.
pub fn desugar(body: Vec<Stmt>) -> String {
    match lower(body) {
        Ok((program, globals)) => super::print::desugar(&program, &globals),
        Err(e) => panic!("lowering failed: {e}"),
    }
}

/// The message of the compile-time error lowering reports.
pub fn error(body: Vec<Stmt>) -> String {
    match lower(body) {
        Ok((program, globals)) => panic!(
            "expected an error, lowered to:\n{}",
            super::print::desugar(&program, &globals)
        ),
        Err(e) => e.message,
    }
}

/// Compares printed text with an expected block written indented in the test source.
pub fn assert_text(actual: &str, expected: &str) {
    let expected = dedent(expected);
    assert_eq!(
        actual, expected,
        "\n--- actual ---\n{actual}--- expected ---\n{expected}"
    );
}

fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().skip_while(|l| l.trim().is_empty()).collect();
    let margin = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for line in lines {
        out.push_str(line.get(margin..).unwrap_or("").trim_end());
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
