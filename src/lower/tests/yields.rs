//! Every `yield` inside an expression is hoisted to a statement, keeping Python's
//! left-to-right evaluation order with `$t` temporaries and short-circuiting with `if`s.

use crate::lower::testing::*;
use crate::syntax::ast::{BinOp, CmpOp, Stmt};

/// The body of `def g(): <stmts>` as printed.
fn in_generator(stmts: Vec<Stmt>) -> String {
    desugar(vec![def("g", &[], stmts)])
}

#[test]
fn yield_statements_stay_statements() {
    let text = in_generator(vec![
        expr(yield_(Some(int(1)))),
        assign(name("x"), yield_(None)),
        assign(attr(name("self"), "got"), yield_(Some(name("x")))),
        assign(name("r"), yield_from(name("sub"))),
    ]);
    assert_text(
        &text,
        "
        def g():
            yield 1
            x = yield
            self.got = yield x
            r = yield from sub
        ",
    );
}

#[test]
fn arguments_before_a_yield_are_evaluated_first() {
    let stmt = assign(
        name("x"),
        call(
            name("f"),
            vec![call(name("a"), vec![]), yield_(Some(name("b")))],
        ),
    );
    assert_text(
        &in_generator(vec![stmt]),
        "
        def g():
            $t0 = f
            $t1 = a()
            $t2 = yield b
            x = $t0($t1, $t2)
        ",
    );
}

#[test]
fn two_yields_in_one_expression_run_left_to_right() {
    let stmt = assign(
        name("a"),
        bin(yield_(Some(int(1))), BinOp::Add, yield_(Some(int(2)))),
    );
    assert_text(
        &in_generator(vec![stmt, expr(call(name("print"), vec![yield_(None)]))]),
        "
        def g():
            $t0 = yield 1
            $t1 = yield 2
            a = $t0 + $t1
            $t0 = print
            $t1 = yield
            $t0($t1)
        ",
    );
}

#[test]
fn return_of_a_yield() {
    assert_text(
        &in_generator(vec![ret(Some(yield_(Some(name("x")))))]),
        "
        def g():
            $t0 = yield x
            return $t0
        ",
    );
}

#[test]
fn a_yield_in_a_later_operand_of_and_or_keeps_short_circuiting() {
    let stmt = assign(
        name("r"),
        or(vec![
            name("cached"),
            yield_(Some(name("key"))),
            name("default"),
        ]),
    );
    assert_text(
        &in_generator(vec![stmt]),
        "
        def g():
            $t0 = cached
            if not $t0:
                $t0 = yield key
                if not $t0:
                    $t0 = default
            r = $t0
        ",
    );
}

#[test]
fn a_yield_in_a_branch_of_a_conditional_expression_is_an_if() {
    let stmt = assign(name("r"), ifexp(yield_(Some(int(1))), name("c"), int(0)));
    assert_text(
        &in_generator(vec![stmt]),
        "
        def g():
            if c:
                $t0 = yield 1
            else:
                $t0 = 0
            r = $t0
        ",
    );
}

#[test]
fn a_yield_in_a_comparison_chain_keeps_each_operand_single() {
    let stmt = assign(
        name("ok"),
        cmp(
            name("lo"),
            vec![(CmpOp::LtE, name("x")), (CmpOp::Lt, yield_(None))],
        ),
    );
    assert_text(
        &in_generator(vec![stmt]),
        "
        def g():
            $t1 = lo
            $t2 = x
            $t0 = $t1 <= $t2
            if $t0:
                $t3 = yield
                $t0 = $t2 < $t3
            ok = $t0
        ",
    );
}

#[test]
fn a_yield_in_a_while_test_is_evaluated_every_iteration() {
    let stmt = while_(
        yield_(Some(name("x"))),
        vec![aug(name("n"), BinOp::Add, int(1))],
        vec![expr(call(name("print"), vec![name("n")]))],
    );
    assert_text(
        &in_generator(vec![stmt]),
        "
        def g():
            $else0 = False
            while True:
                $t0 = yield x
                if not $t0:
                    $else0 = True
                    break
                n += 1
            if $else0:
                print(n)
        ",
    );
}

#[test]
fn augmented_assignment_with_a_yield_reads_the_target_before_yielding() {
    let stmt = aug(attr(name("self"), "total"), BinOp::Add, yield_(None));
    assert_text(
        &in_generator(vec![stmt]),
        "
        def g():
            $t0 = self
            $t1 = $t0.total
            $t2 = yield
            $t1 += $t2
            $t0.total = $t1
        ",
    );
}

#[test]
fn yields_in_displays_subscripts_and_fstrings() {
    let text = in_generator(vec![
        assign(name("p"), tuple(vec![name("a"), yield_(None)])),
        assign(name("v"), sub(name("d"), yield_(None))),
        assign(
            name("s"),
            fstring(vec![
                lit("got "),
                field(name("a"), None, None),
                lit(" and "),
                field(yield_(None), None, None),
            ]),
        ),
    ]);
    assert_text(
        &text,
        "
        def g():
            $t0 = a
            $t1 = yield
            p = ($t0, $t1)
            $t0 = d
            $t1 = yield
            v = $t0[$t1]
            $t0 = a
            $t1 = yield
            s = f'got {$t0} and {$t1}'
        ",
    );
}

#[test]
fn a_method_call_with_a_yield_in_its_arguments_looks_the_method_up_first() {
    let stmt = expr(method(name("log"), "append", vec![yield_(None)]));
    assert_text(
        &in_generator(vec![stmt]),
        "
        def g():
            $t0 = log.append
            $t1 = yield
            $t0($t1)
        ",
    );
}

#[test]
fn a_def_containing_yield_is_a_generator_and_may_return_a_value() {
    let (program, _) = lower(vec![
        def("g", &[], vec![expr(yield_(None)), ret(Some(int(5)))]),
        def("h", &[], vec![def("inner", &[], vec![expr(yield_(None))])]),
    ])
    .unwrap();
    let codes = crate::lower::tests::scopes::made_codes(&program.module);
    assert!(codes[0].is_generator);
    assert!(
        !codes[1].is_generator,
        "a yield in a nested def does not count"
    );
}

#[test]
fn yield_outside_a_function_is_an_error() {
    assert_eq!(error(vec![expr(yield_(None))]), "'yield' outside function");
    assert_eq!(
        error(vec![class("C", vec![], vec![expr(yield_from(name("x")))])]),
        "'yield' outside function"
    );
    let lambda_gen = desugar(vec![assign(name("f"), lambda(&[], yield_(None)))]);
    assert_text(
        &lambda_gen,
        "
        def <lambda>():
            $t0 = yield
            return $t0
        f = <lambda>
        ",
    );
}
