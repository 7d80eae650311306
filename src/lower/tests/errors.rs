//! Compile-time errors that are not about one desugaring (each message checked against
//! CPython 3.11's `compile()`).

use crate::lower::testing::*;
use crate::syntax::ast::{Arg, Constant, Expr, ExprKind};
use crate::syntax::span::Span;

#[test]
fn a_keyword_argument_may_not_repeat() {
    let x = crate::syntax::ast::Ident {
        name: "x".into(),
        span: Span::new(7, 8),
    };
    let args = vec![kw("x", int(1)), Arg::Keyword(x, at(int(2), 9, 10))];
    let err = lower(vec![expr(call_args(name("f"), args))]).unwrap_err();
    assert_eq!(err.message, "keyword argument repeated: x");
    assert_eq!(err.span, Span::new(7, 10));
}

#[test]
fn debug_is_not_a_keyword_or_parameter() {
    assert_eq!(
        error(vec![expr(call_args(
            name("f"),
            vec![kw("__debug__", int(1))]
        ))]),
        "cannot assign to __debug__"
    );
    assert_eq!(
        error(vec![def("f", &["__debug__"], vec![])]),
        "cannot assign to __debug__"
    );
}

#[test]
fn bytes_literals_are_not_supported() {
    let bytes = Expr {
        kind: ExprKind::Constant(Constant::Bytes(vec![1])),
        span: Span::default(),
    };
    assert_eq!(
        error(vec![expr(bytes)]),
        "iterp does not support bytes literals"
    );
}

#[test]
fn errors_point_at_the_offending_statement() {
    let stmt = stmt_at(ret(None), 20, 26);
    let err = lower(vec![pass(), stmt]).unwrap_err();
    assert_eq!(err.span, Span::new(20, 26));
}

#[test]
fn scope_errors_are_reported_before_other_compile_errors() {
    // CPython's symtable pass runs over the whole module before the compiler.
    let stmts = vec![ret(None), def("f", &["x"], vec![global(&["x"])])];
    assert_eq!(error(stmts), "name 'x' is parameter and global");
}

/// The parser bounds nesting; lowering must handle what it accepts without overflowing
/// the stack of the (large-stack) thread the interpreter runs on.
#[test]
fn deeply_nested_input_lowers_on_a_large_stack() {
    let worker = std::thread::Builder::new().stack_size(64 << 20).spawn(|| {
        let mut e = name("x");
        for i in 0..1000 {
            e = match i % 4 {
                0 => bin(e, crate::syntax::ast::BinOp::Add, int(1)),
                1 => list(vec![e]),
                2 => call(name("f"), vec![e]),
                _ => not(e),
            };
        }
        let mut body = vec![expr(e)];
        for _ in 0..100 {
            body = vec![if_(name("c"), body, vec![])];
            body = vec![for_(name("i"), name("r"), body)];
        }
        let program = desugar(vec![def("f", &[], body)]);
        assert!(program.len() > 1000);
    });
    assert!(worker.unwrap().join().is_ok());
}
