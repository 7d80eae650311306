//! Comprehensions are functions of `.0` (the iterator over the first iterable, made in
//! the enclosing scope); generator expressions are generator functions.

use crate::lower::ir::{CodeKind, ExprKind, StmtKind};
use crate::lower::testing::*;
use crate::syntax::ast::{BinOp, CmpOp};

#[test]
fn a_list_comprehension_is_a_function_called_with_iter_of_the_first_iterable() {
    let comp = listcomp(
        bin(name("x"), BinOp::Mul, name("x")),
        vec![clause(
            name("x"),
            name("xs"),
            vec![bin(name("x"), BinOp::Mod, int(2))],
        )],
    );
    let text = desugar(vec![assign(name("odd_squares"), comp)]);
    assert_text(
        &text,
        "
        def <listcomp>(.0):
            $result = []
            while True:
                try:
                    x = next(.0)
                except StopIteration:
                    break
                if x % 2:
                    $result.append(x * x)
            return $result
        odd_squares = <listcomp>(iter(xs))
        ",
    );
}

#[test]
fn later_clauses_nest_and_get_their_own_iterator() {
    let comp = listcomp(
        tuple(vec![name("x"), name("y")]),
        vec![
            clause(name("x"), name("xs"), vec![]),
            clause(name("y"), name("x"), vec![name("y"), not(name("x"))]),
        ],
    );
    let text = desugar(vec![expr(comp)]);
    assert_text(
        &text,
        "
        def <listcomp>(.0):
            $result = []
            while True:
                try:
                    x = next(.0)
                except StopIteration:
                    break
                $it0 = iter(x)
                while True:
                    try:
                        y = next($it0)
                    except StopIteration:
                        break
                    if y:
                        if not x:
                            $result.append((x, y))
                del $it0
            return $result
        <listcomp>(iter(xs))
        ",
    );
}

#[test]
fn set_and_dict_comprehensions_build_their_result_in_place() {
    let set = setcomp(name("c"), vec![clause(name("c"), name("s"), vec![])]);
    let dict = dictcomp(
        name("k"),
        call(name("len"), vec![name("k")]),
        vec![clause(name("k"), name("words"), vec![])],
    );
    let text = desugar(vec![assign(name("a"), set), assign(name("b"), dict)]);
    assert_text(
        &text,
        "
        def <setcomp>(.0):
            $result = set()
            while True:
                try:
                    c = next(.0)
                except StopIteration:
                    break
                $result.add(c)
            return $result
        a = <setcomp>(iter(s))
        def <dictcomp>(.0):
            $result = {}
            while True:
                try:
                    k = next(.0)
                except StopIteration:
                    break
                $result[k] = len(k)
            return $result
        b = <dictcomp>(iter(words))
        ",
    );
}

#[test]
fn a_generator_expression_yields_each_element() {
    let gen = genexp(
        bin(name("n"), BinOp::Mul, int(2)),
        vec![clause(name("n"), call(name("range"), vec![int(3)]), vec![])],
    );
    let text = desugar(vec![expr(call(name("sum"), vec![gen]))]);
    assert_text(
        &text,
        "
        def <genexpr>(.0):
            while True:
                try:
                    n = next(.0)
                except StopIteration:
                    break
                yield n * 2
        sum(<genexpr>(iter(range(3))))
        ",
    );
    let (program, _) = lower(vec![expr(genexp(
        name("n"),
        vec![clause(name("n"), name("r"), vec![])],
    ))])
    .unwrap();
    let StmtKind::Expr(call) = &program.module.body[0].kind else {
        panic!()
    };
    let ExprKind::Call { func, .. } = &call.kind else {
        panic!()
    };
    let ExprKind::MakeFunction(f) = &func.kind else {
        panic!()
    };
    assert_eq!(f.code.kind, CodeKind::GenExpr);
    assert!(f.code.is_generator);
    assert_eq!(f.code.qualname, "<genexpr>");
}

#[test]
fn the_loop_variable_does_not_leak_but_a_walrus_binds_in_the_enclosing_function() {
    let comp = listcomp(
        walrus("last", name("x")),
        vec![clause(name("x"), name("xs"), vec![])],
    );
    let f = def("f", &["xs"], vec![expr(comp), ret(Some(name("last")))]);
    let text = desugar(vec![f]);
    assert_text(
        &text,
        "
        def f(xs):
            def <listcomp>(.0):
                nonlocal last
                $result = []
                while True:
                    try:
                        x = next(.0)
                    except StopIteration:
                        break
                    $result.append((last := x))
                return $result
            <listcomp>(iter(xs))
            return last
        ",
    );
    let (program, _) = lower(vec![def(
        "f",
        &["xs"],
        vec![
            expr(listcomp(
                walrus("last", name("x")),
                vec![clause(name("x"), name("xs"), vec![])],
            )),
            ret(Some(name("last"))),
        ],
    )])
    .unwrap();
    let StmtKind::Assign { value, .. } = &program.module.body[0].kind else {
        panic!()
    };
    let ExprKind::MakeFunction(f) = &value.kind else {
        panic!()
    };
    let names: Vec<&str> = f.code.slot_names.iter().map(|s| s.as_str()).collect();
    assert_eq!(names, ["xs", "last"], "x stays inside the comprehension");
    assert_eq!(f.code.cell_slots, [1]);
}

#[test]
fn a_comprehension_in_a_class_body_does_not_see_class_names() {
    let comp = listcomp(
        bin(name("x"), BinOp::Add, name("offset")),
        vec![clause(name("x"), name("base"), vec![])],
    );
    let body = vec![
        assign(name("offset"), int(1)),
        assign(name("base"), list(vec![int(1)])),
        assign(name("shifted"), comp),
    ];
    let text = desugar(vec![class("C", vec![], body)]);
    // `base` (the first iterable) is read in the class body; `offset` inside the
    // comprehension is a global look-up, as in CPython.
    assert!(
        text.contains("        $result.append(x + offset)\n"),
        "{text}"
    );
    assert!(
        text.contains("    shifted = <listcomp>(iter(base))\n"),
        "{text}"
    );
    let (program, globals) = lower(vec![class(
        "C",
        vec![],
        vec![
            assign(name("offset"), int(1)),
            expr(listcomp(
                name("offset"),
                vec![clause(name("x"), name("base"), vec![])],
            )),
        ],
    )])
    .unwrap();
    assert!(globals
        .get(crate::runtime::symbol::Symbol::intern("offset"))
        .is_some());
    drop(program);
}

#[test]
fn comprehension_qualnames_follow_cpython() {
    let comp = listcomp(
        lambda(&[], name("x")),
        vec![clause(name("x"), name("xs"), vec![])],
    );
    let (program, _) = lower(vec![def("f", &["xs"], vec![ret(Some(comp))])]).unwrap();
    let StmtKind::Assign { value, .. } = &program.module.body[0].kind else {
        panic!()
    };
    let ExprKind::MakeFunction(f) = &value.kind else {
        panic!()
    };
    let StmtKind::Return(Some(call)) = &f.code.body[0].kind else {
        panic!()
    };
    let ExprKind::Call { func, .. } = &call.kind else {
        panic!()
    };
    let ExprKind::MakeFunction(comp) = &func.kind else {
        panic!()
    };
    assert_eq!(comp.code.qualname, "f.<locals>.<listcomp>");
    assert_eq!(comp.code.name.as_str(), "<listcomp>");
    let text = desugar(vec![expr(listcomp(
        lambda(&[], name("x")),
        vec![clause(name("x"), name("xs"), vec![])],
    ))]);
    assert!(text.contains("$result.append(lambda: x)"), "{text}");
}

#[test]
fn yield_inside_a_comprehension_is_an_error() {
    let body = |c| vec![def("f", &[], vec![expr(c)])];
    let gens = || vec![clause(name("x"), name("xs"), vec![])];
    assert_eq!(
        error(body(listcomp(yield_(None), gens()))),
        "'yield' inside list comprehension"
    );
    assert_eq!(
        error(body(setcomp(yield_(None), gens()))),
        "'yield' inside set comprehension"
    );
    assert_eq!(
        error(body(dictcomp(yield_(None), int(1), gens()))),
        "'yield' inside dict comprehension"
    );
    assert_eq!(
        error(body(genexp(yield_(None), gens()))),
        "'yield' inside generator expression"
    );
}

#[test]
fn a_yield_in_the_first_iterable_belongs_to_the_enclosing_function() {
    let comp = listcomp(name("x"), vec![clause(name("x"), yield_(None), vec![])]);
    let text = desugar(vec![def("f", &[], vec![ret(Some(comp))])]);
    assert!(
        text.starts_with("def f():\n    $t0 = yield\n    def <listcomp>(.0):\n"),
        "{text}"
    );
    assert!(
        text.ends_with("    return <listcomp>(iter($t0))\n"),
        "{text}"
    );
    let at_module = listcomp(name("x"), vec![clause(name("x"), yield_(None), vec![])]);
    assert_eq!(error(vec![expr(at_module)]), "'yield' outside function");
}

#[test]
fn walrus_rules_inside_comprehensions() {
    let rebind = listcomp(
        walrus("y", int(1)),
        vec![clause(name("y"), name("xs"), vec![])],
    );
    assert_eq!(
        error(vec![expr(rebind)]),
        "assignment expression cannot rebind comprehension iteration variable 'y'"
    );
    let in_iterable = listcomp(
        name("x"),
        vec![clause(name("x"), walrus("y", name("xs")), vec![])],
    );
    assert_eq!(
        error(vec![expr(in_iterable)]),
        "assignment expression cannot be used in a comprehension iterable expression"
    );
    let in_class = listcomp(
        walrus("y", int(1)),
        vec![clause(name("x"), name("xs"), vec![])],
    );
    assert_eq!(
        error(vec![class("C", vec![], vec![expr(in_class)])]),
        "assignment expression within a comprehension cannot be used in a class body"
    );
    let inner_rebinds = listcomp(
        listcomp(
            walrus("y", int(1)),
            vec![clause(name("x"), name("z"), vec![])],
        ),
        vec![clause(name("y"), name("w"), vec![])],
    );
    assert_eq!(
        error(vec![def("f", &[], vec![expr(inner_rebinds)])]),
        "assignment expression cannot rebind comprehension iteration variable 'y'"
    );
    let cmp_in = listcomp(
        name("x"),
        vec![clause(
            name("x"),
            name("xs"),
            vec![cmp(name("x"), vec![(CmpOp::Gt, int(0))])],
        )],
    );
    assert!(lower(vec![expr(cmp_in)]).is_ok());
}
