//! Assignment forms: chained targets share one evaluation, equal-length tuple
//! assignment builds no tuple, augmented assignment evaluates its target once.

use crate::lower::ir::StmtKind;
use crate::lower::testing::*;
use crate::syntax::ast::{BinOp, CmpOp};

#[test]
fn chained_assignment_evaluates_the_value_once() {
    let text = desugar(vec![assign_chain(
        vec![name("a"), sub(name("b"), int(0))],
        call(name("f"), vec![]),
    )]);
    assert_text(
        &text,
        "
        $t0 = f()
        a = $t0
        b[0] = $t0
        ",
    );
}

#[test]
fn equal_length_tuple_assignment_is_parallel() {
    let swap = assign(
        tuple(vec![name("a"), name("b")]),
        tuple(vec![name("b"), name("a")]),
    );
    let (program, _) = lower(vec![swap.clone()]).unwrap();
    assert!(matches!(
        program.module.body[0].kind,
        StmtKind::ParallelAssign { .. }
    ));
    assert_text(&desugar(vec![swap]), "a, b = b, a\n");
}

#[test]
fn starred_unpacking_and_nested_targets() {
    let target = tuple(vec![
        name("first"),
        star(name("middle")),
        list(vec![name("x"), name("y")]),
    ]);
    let text = desugar(vec![assign(target, name("items"))]);
    assert_text(&text, "first, *middle, (x, y) = items\n");
}

#[test]
fn starred_targets_follow_cpython_rules() {
    assert_eq!(
        error(vec![assign(star(name("a")), int(1))]),
        "starred assignment target must be in a list or tuple"
    );
    let two = tuple(vec![name("a"), star(name("b")), star(name("c"))]);
    assert_eq!(
        error(vec![assign(two, name("x"))]),
        "multiple starred expressions in assignment"
    );
    assert_eq!(
        error(vec![assign(name("x"), star(name("a")))]),
        "can't use starred expression here"
    );
}

#[test]
fn augmented_assignment_keeps_its_target() {
    let text = desugar(vec![aug(
        sub(attr(name("self"), "counts"), name("k")),
        BinOp::Add,
        int(1),
    )]);
    assert_text(&text, "self.counts[k] += 1\n");
}

#[test]
fn chained_comparisons_evaluate_each_operand_once() {
    let text = desugar(vec![assign(
        name("inside"),
        cmp(
            int(0),
            vec![
                (CmpOp::LtE, call(name("f"), vec![])),
                (CmpOp::Lt, name("n")),
                (CmpOp::Lt, int(10)),
            ],
        ),
    )]);
    assert_text(
        &text,
        "inside = 0 <= ($t0 := f()) and $t0 < ($t1 := n) and $t1 < 10\n",
    );
}

#[test]
fn del_of_several_targets_deletes_each_in_turn() {
    let text = desugar(vec![del(vec![
        name("a"),
        tuple(vec![attr(name("o"), "x"), sub(name("d"), string("k"))]),
    ])]);
    assert_text(
        &text,
        "
        del a
        del o.x
        del d['k']
        ",
    );
}

#[test]
fn debug_is_a_constant_and_cannot_be_assigned() {
    assert_text(&desugar(vec![expr(name("__debug__"))]), "True\n");
    assert_eq!(
        error(vec![assign(name("__debug__"), int(1))]),
        "cannot assign to __debug__"
    );
    assert_eq!(
        error(vec![del(vec![name("__debug__")])]),
        "cannot delete __debug__"
    );
}

#[test]
fn fstrings_join_constant_and_formatted_parts() {
    use crate::syntax::ast::Conversion;
    let width = vec![field(name("w"), None, None)];
    let text = desugar(vec![
        assign(
            name("s"),
            fstring(vec![
                lit("{x} is "),
                field(name("x"), Some(Conversion::Repr), Some(width)),
            ]),
        ),
        assign(name("t"), fstring(vec![debug_field(name("n"), "n=")])),
        assign(name("u"), fstring(vec![lit("plain")])),
    ]);
    assert_text(
        &text,
        "
        s = f'{{x}} is {x!r:{w}}'
        t = f'n={n!r}'
        u = 'plain'
        ",
    );
}

#[test]
fn negative_numbers_and_tuples_of_constants_are_constants() {
    let neg = |x| crate::syntax::ast::Expr {
        kind: crate::syntax::ast::ExprKind::UnaryOp {
            op: crate::syntax::ast::UnaryOp::Neg,
            operand: Box::new(x),
        },
        span: Default::default(),
    };
    let (program, _) = lower(vec![assign(
        name("t"),
        tuple(vec![neg(int(1)), float(2.5), tuple(vec![string("a")])]),
    )])
    .unwrap();
    let StmtKind::Assign { value, .. } = &program.module.body[0].kind else {
        panic!()
    };
    assert!(matches!(value.kind, crate::lower::ir::ExprKind::Const(_)));
    let power = bin(neg(int(1)), BinOp::Pow, int(2));
    assert_text(
        &desugar(vec![
            assign(
                name("t"),
                tuple(vec![neg(int(1)), tuple(vec![string("a")])]),
            ),
            expr(power),
        ]),
        "
        t = (-1, ('a',))
        (-1) ** 2
        ",
    );
}
