//! `for` becomes `$it = iter(x)` and `while True:` whose first step is `ForNext`.

use crate::lower::ir::{ExprKind, StmtKind};
use crate::lower::testing::*;
use crate::syntax::span::Span;

fn print(x: crate::syntax::ast::Expr) -> crate::syntax::ast::Stmt {
    expr(call(name("print"), vec![x]))
}

#[test]
fn a_for_loop_is_iter_then_next_until_stop_iteration() {
    let text = desugar(vec![for_(name("x"), name("xs"), vec![print(name("x"))])]);
    assert_text(
        &text,
        "
        $it0 = iter(xs)
        while True:
            try:
                x = next($it0)
            except StopIteration:
                break
            print(x)
        del $it0
        ",
    );
}

#[test]
fn the_else_block_runs_on_exhaustion_and_its_break_leaves_the_enclosing_loop() {
    let inner = for_else(
        name("y"),
        name("ys"),
        vec![if_(name("y"), vec![brk()], vec![])],
        vec![print(string("no break")), brk()],
    );
    let text = desugar(vec![for_(name("x"), name("xs"), vec![inner])]);
    assert_text(
        &text,
        "
        $it0 = iter(xs)
        while True:
            try:
                x = next($it0)
            except StopIteration:
                break
            $it1 = iter(ys)
            while True:
                try:
                    y = next($it1)
                except StopIteration:
                    print('no break')
                    break  # of the enclosing loop
                    break
                if y:
                    break
            del $it1
        del $it0
        ",
    );
}

#[test]
fn sequential_loops_reuse_the_iterator_slot() {
    let loops = vec![
        for_(name("a"), name("xs"), vec![pass()]),
        for_(name("b"), name("ys"), vec![pass()]),
    ];
    let (program, _) = lower(loops).unwrap();
    let names: Vec<&str> = program
        .module
        .slot_names
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(names, ["$it0"]);
}

#[test]
fn an_unpacking_target_is_assigned_by_next() {
    let target = tuple(vec![name("k"), star(name("rest"))]);
    let text = desugar(vec![for_(target, name("pairs"), vec![pass()])]);
    assert!(text.contains("        k, *rest = next($it0)\n"), "{text}");
}

#[test]
fn hidden_nodes_carry_the_span_of_what_they_implement() {
    let stmt = for_(at(name("x"), 4, 5), at(name("xs"), 9, 11), vec![pass()]);
    let (program, _) = lower(vec![stmt]).unwrap();
    let body = &program.module.body;
    let StmtKind::Assign { value, .. } = &body[0].kind else {
        panic!("expected $it0 = iter(xs)")
    };
    assert!(matches!(value.kind, ExprKind::Iter(_)));
    assert_eq!(value.span, Span::new(9, 11));
    let StmtKind::While { body, .. } = &body[1].kind else {
        panic!("expected while")
    };
    assert!(matches!(body[0].kind, StmtKind::ForNext { .. }));
    assert_eq!(body[0].span, Span::new(4, 5));
}

#[test]
fn break_and_continue_outside_a_loop_are_errors() {
    assert_eq!(error(vec![brk()]), "'break' outside loop");
    assert_eq!(error(vec![cont()]), "'continue' not properly in loop");
    let in_else = for_else(name("x"), name("xs"), vec![], vec![brk()]);
    assert_eq!(error(vec![in_else]), "'break' outside loop");
    let in_def = for_(name("x"), name("xs"), vec![def("f", &[], vec![brk()])]);
    assert_eq!(error(vec![in_def]), "'break' outside loop");
}

#[test]
fn a_while_loop_keeps_its_test_and_else() {
    let text = desugar(vec![while_(
        name("n"),
        vec![aug(name("n"), crate::syntax::ast::BinOp::Sub, int(1))],
        vec![print(string("done"))],
    )]);
    assert_text(
        &text,
        "
        while n:
            n -= 1
        else:
            print('done')
        ",
    );
}
