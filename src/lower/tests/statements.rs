//! Statements that lower almost one to one: `try`, `raise`, `assert`, `if`/`elif`,
//! calls with unpacking, imports of submodules.

use crate::lower::testing::*;
use crate::syntax::ast::{Arg, BinOp, DictItem, Expr, ExprKind};

fn print(x: Expr) -> crate::syntax::ast::Stmt {
    expr(call(name("print"), vec![x]))
}

#[test]
fn try_except_else_finally_and_raise_from() {
    let stmt = try_(
        vec![assign(name("v"), call(name("next"), vec![name("it")]))],
        vec![
            (
                Some(name("StopIteration")),
                Some("stop"),
                vec![raise(
                    Some(call(name("ValueError"), vec![string("empty")])),
                    Some(name("stop")),
                )],
            ),
            (None, None, vec![raise(None, None)]),
        ],
        vec![print(name("v"))],
        vec![print(string("done"))],
    );
    assert_text(
        &desugar(vec![stmt]),
        "
        try:
            v = next(it)
        except StopIteration as stop:
            raise ValueError('empty') from stop
        except:
            raise
        else:
            print(v)
        finally:
            print('done')
        ",
    );
}

#[test]
fn if_elif_else_and_assert() {
    let stmt = if_(
        name("a"),
        vec![pass()],
        vec![if_(
            name("b"),
            vec![assert_(name("c"), Some(string("no c")))],
            vec![print(int(1))],
        )],
    );
    assert_text(
        &desugar(vec![stmt]),
        "
        if a:
            pass
        elif b:
            assert c, 'no c'
        else:
            print(1)
        ",
    );
}

#[test]
fn calls_and_displays_with_unpacking() {
    let args = vec![
        Arg::Positional(name("a")),
        Arg::Starred(name("rest")),
        kw("sep", string("-")),
        Arg::DoubleStarred(name("opts")),
    ];
    let merged = Expr {
        kind: ExprKind::Dict(vec![
            DictItem::Unpack(name("d")),
            DictItem::Pair(string("k"), int(1)),
        ]),
        span: Default::default(),
    };
    let text = desugar(vec![
        expr(call_args(name("f"), args)),
        assign(name("l"), list(vec![star(name("xs")), int(0)])),
        assign(name("m"), merged),
    ]);
    assert_text(
        &text,
        "
        f(a, *rest, sep='-', **opts)
        l = [*xs, 0]
        m = {**d, 'k': 1}
        ",
    );
}

#[test]
fn importing_a_submodule_binds_the_top_package() {
    let text = desugar(vec![import("os.path", None), import("os.path", Some("p"))]);
    assert_text(
        &text,
        "
        __import__('os.path')
        import os
        import os.path as p
        ",
    );
}

#[test]
fn a_method_using_super_in_a_comprehension_passes_the_class_cell_through() {
    let comp = listcomp(
        method(call(name("super"), vec![]), "f", vec![name("x")]),
        vec![clause(name("x"), name("xs"), vec![])],
    );
    let m = def("m", &["self", "xs"], vec![ret(Some(comp))]);
    let text = desugar(vec![class("C", vec![name("B")], vec![m])]);
    // As in CPython, the comprehension's first parameter is `.0`.
    assert!(
        text.contains("$result.append(super(__class__, .0).f(x))"),
        "{text}"
    );
}

#[test]
fn augmented_assignment_to_a_global_in_a_function() {
    let text = desugar(vec![def(
        "f",
        &[],
        vec![
            global(&["total"]),
            aug(name("total"), BinOp::Add, int(1)),
            del(vec![name("total")]),
        ],
    )]);
    assert_text(
        &text,
        "
        def f():
            global total
            total += 1
            del total
        ",
    );
}
