//! `with` is PEP 343's expansion: `__enter__` and `__exit__` looked up on the manager's
//! type, the body in a `try` whose handler passes the exception to `__exit__` and whose
//! `finally` calls `__exit__(None, None, None)` on every other way out.

use crate::lower::testing::*;

#[test]
fn with_as_is_the_pep_343_expansion() {
    let stmt = with_(
        vec![(call(name("open"), vec![name("path")]), Some(name("f")))],
        vec![expr(call(
            name("print"),
            vec![method(name("f"), "read", vec![])],
        ))],
    );
    assert_text(
        &desugar(vec![stmt]),
        "
        $mgr0 = open(path)
        $enter0 = type($mgr0).__enter__.__get__($mgr0)
        $exit0 = type($mgr0).__exit__.__get__($mgr0)
        $value0 = $enter0()
        $ok0 = True
        try:
            f = $value0
            print(f.read())
        except BaseException as $exc0:
            $ok0 = False
            if not $exit0(type($exc0), $exc0, None):
                raise
        finally:
            if $ok0:
                $exit0(None, None, None)
        ",
    );
}

#[test]
fn several_items_nest_left_to_right() {
    let stmt = with_(
        vec![(name("a"), None), (name("b"), Some(name("y")))],
        vec![pass()],
    );
    assert_text(
        &desugar(vec![stmt]),
        "
        $mgr0 = a
        $enter0 = type($mgr0).__enter__.__get__($mgr0)
        $exit0 = type($mgr0).__exit__.__get__($mgr0)
        $enter0()
        $ok0 = True
        try:
            $mgr1 = b
            $enter1 = type($mgr1).__enter__.__get__($mgr1)
            $exit1 = type($mgr1).__exit__.__get__($mgr1)
            $value0 = $enter1()
            $ok1 = True
            try:
                y = $value0
                pass
            except BaseException as $exc1:
                $ok1 = False
                if not $exit1(type($exc1), $exc1, None):
                    raise
            finally:
                if $ok1:
                    $exit1(None, None, None)
        except BaseException as $exc0:
            $ok0 = False
            if not $exit0(type($exc0), $exc0, None):
                raise
        finally:
            if $ok0:
                $exit0(None, None, None)
        ",
    );
}

#[test]
fn break_out_of_a_with_body_is_still_inside_the_loop() {
    let stmt = for_(
        name("x"),
        name("xs"),
        vec![with_(vec![(name("lock"), None)], vec![brk()])],
    );
    let text = desugar(vec![stmt]);
    assert!(text.contains("    try:\n        break\n"), "{text}");
}
