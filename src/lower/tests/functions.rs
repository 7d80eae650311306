//! `def`, `lambda` and `class` are assignments of `MakeFunction` / `MakeClass`: defaults
//! and bases evaluated at definition time, decorators evaluated first and applied
//! innermost first.

use crate::lower::ir::{ExprKind, StmtKind};
use crate::lower::testing::*;
use crate::syntax::ast::{Arg, BinOp};

#[test]
fn decorators_apply_innermost_first() {
    let f = def_with(
        "f",
        params_of(&["x"]),
        vec![ret(Some(name("x")))],
        vec![name("outer"), call(name("inner"), vec![int(1)])],
    );
    assert_text(
        &desugar(vec![f.clone()]),
        "
        @outer
        @inner(1)
        def f(x):
            return x
        ",
    );
    let (program, _) = lower(vec![f]).unwrap();
    let StmtKind::Assign { value, .. } = &program.module.body[0].kind else {
        panic!()
    };
    let ExprKind::Call { func, args } = &value.kind else {
        panic!()
    };
    assert!(
        matches!(func.kind, ExprKind::Global(_)),
        "outer(...) is the outermost call"
    );
    let [crate::lower::ir::Arg::Pos(inner)] = args.as_slice() else {
        panic!()
    };
    let ExprKind::Call { args, .. } = &inner.kind else {
        panic!()
    };
    let [crate::lower::ir::Arg::Pos(made)] = args.as_slice() else {
        panic!()
    };
    assert!(matches!(made.kind, ExprKind::MakeFunction(_)));
}

#[test]
fn defaults_are_evaluated_in_the_enclosing_scope() {
    let mut params = params_of(&["a"]);
    params.args.push(param_default("b", list(vec![])));
    let inner = def_with("g", params, vec![ret(Some(name("b")))], vec![]);
    let f = def("f", &["n"], vec![inner, ret(Some(name("g")))]);
    let (program, _) = lower(vec![f]).unwrap();
    let f = &crate::lower::tests::scopes::made_codes(&program.module)[0];
    let StmtKind::Assign { value, .. } = &f.body[0].kind else {
        panic!()
    };
    let ExprKind::MakeFunction(g) = &value.kind else {
        panic!()
    };
    assert_eq!(g.defaults.len(), 1);
    assert!(matches!(g.defaults[0].kind, ExprKind::List(_)));
}

#[test]
fn a_lambda_prints_inline_and_is_a_code_returning_its_body() {
    let text = desugar(vec![assign(
        name("key"),
        lambda(&["p"], sub(name("p"), int(1))),
    )]);
    assert_text(&text, "key = lambda p: p[1]\n");
}

#[test]
fn a_class_has_bases_a_docstring_and_methods() {
    let body = vec![
        expr(string("A counter.")),
        def("__iter__", &["self"], vec![ret(Some(name("self")))]),
    ];
    let text = desugar(vec![class("Counter", vec![name("Base")], body)]);
    assert_text(
        &text,
        "
        class Counter(Base):
            __doc__ = 'A counter.'
            def __iter__(self):
                return self
        ",
    );
}

#[test]
fn a_module_docstring_sets_doc() {
    let text = desugar(vec![
        expr(string("Module doc.")),
        expr(string("not a docstring")),
    ]);
    assert_text(
        &text,
        "
        __doc__ = 'Module doc.'
        'not a docstring'
        ",
    );
}

#[test]
fn unsupported_class_headers_are_syntax_errors() {
    let meta = class_with(
        "C",
        vec![Arg::Keyword(ident_for("metaclass"), name("M"))],
        vec![],
        vec![],
    );
    assert_eq!(
        error(vec![meta]),
        "iterp does not support metaclass= in a class definition"
    );
    let kw = class_with(
        "C",
        vec![Arg::Keyword(ident_for("flag"), int(1))],
        vec![],
        vec![],
    );
    assert_eq!(
        error(vec![kw]),
        "iterp does not support keyword arguments in a class definition"
    );
}

fn ident_for(n: &str) -> crate::syntax::ast::Ident {
    crate::syntax::ast::Ident {
        name: n.to_string(),
        span: Default::default(),
    }
}

#[test]
fn return_outside_a_function_is_an_error() {
    assert_eq!(error(vec![ret(None)]), "'return' outside function");
    let in_class = def("f", &[], vec![class("C", vec![], vec![ret(Some(int(1)))])]);
    assert_eq!(error(vec![in_class]), "'return' outside function");
    let loop_return = for_(name("i"), name("r"), vec![ret(Some(name("i")))]);
    assert_eq!(error(vec![loop_return]), "'return' outside function");
}

#[test]
fn imports_bind_modules_and_their_names() {
    let text = desugar(vec![
        import("itertools", None),
        import("functools", Some("ft")),
        import_from("itertools", &[("chain", None), ("islice", Some("take"))]),
        expr(bin(name("ft"), BinOp::Add, name("take"))),
    ]);
    assert_text(
        &text,
        "
        import itertools
        import functools as ft
        from itertools import chain
        from itertools import islice as take
        ft + take
        ",
    );
}

#[test]
fn a_lambda_making_a_function_prints_as_a_def() {
    let comp = listcomp(name("x"), vec![clause(name("x"), name("xs"), vec![])]);
    let text = desugar(vec![assign(name("f"), lambda(&["xs"], comp))]);
    assert_text(
        &text,
        "
        def <lambda>(xs):
            def <listcomp>(.0):
                $result = []
                while True:
                    try:
                        x = next(.0)
                    except StopIteration:
                        break
                    $result.append(x)
                return $result
            return <listcomp>(iter(xs))
        f = <lambda>
        ",
    );
}
