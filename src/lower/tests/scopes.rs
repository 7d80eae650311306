//! Scope analysis as CPython's symtable: locals are slots, captured variables cells,
//! module names globals, class-body names live in the class namespace.

use crate::lower::ir::{Code, ExprKind, StmtKind, Target};
use crate::lower::testing::*;
use crate::syntax::ast::BinOp;
use std::rc::Rc;

/// The codes made (by `def`, `class`, or a lambda assigned to a name) directly in `code`'s
/// body, in order.
pub(super) fn made_codes(code: &Code) -> Vec<Rc<Code>> {
    let mut codes = Vec::new();
    for s in &code.body {
        let (StmtKind::Assign { value, .. } | StmtKind::Return(Some(value))) = &s.kind else {
            continue;
        };
        let mut e = value;
        while let ExprKind::Call { args, .. } = &e.kind {
            match args.first() {
                Some(crate::lower::ir::Arg::Pos(inner)) => e = inner,
                _ => break,
            }
        }
        match &e.kind {
            ExprKind::MakeFunction(f) => codes.push(f.code.clone()),
            ExprKind::MakeClass(c) => codes.push(c.code.clone()),
            _ => {}
        }
    }
    codes
}

fn names(code: &Code) -> Vec<&str> {
    code.slot_names.iter().map(|s| s.as_str()).collect()
}

fn counter() -> Vec<crate::syntax::ast::Stmt> {
    vec![def(
        "outer",
        &[],
        vec![
            assign(name("n"), int(0)),
            def(
                "inc",
                &[],
                vec![
                    nonlocal(&["n"]),
                    aug(name("n"), BinOp::Add, int(1)),
                    ret(Some(name("n"))),
                ],
            ),
            ret(Some(name("inc"))),
        ],
    )]
}

#[test]
fn a_captured_variable_is_a_cell_and_the_inner_function_receives_it() {
    let (program, _) = lower(counter()).unwrap();
    let outer = &made_codes(&program.module)[0];
    assert_eq!(names(outer), ["n", "inc"]);
    assert_eq!(outer.cell_slots, [0]);
    let StmtKind::Assign { value, .. } = &outer.body[1].kind else {
        panic!()
    };
    let ExprKind::MakeFunction(inc) = &value.kind else {
        panic!()
    };
    assert_eq!(inc.closure, [0], "outer's slot 0 holds the cell");
    assert_eq!(names(&inc.code), ["n"]);
    assert_eq!(inc.code.free_slots, [0]);
    assert_eq!(inc.code.qualname, "outer.<locals>.inc");
    let StmtKind::AugAssign { target, .. } = &inc.code.body[0].kind else {
        panic!()
    };
    assert!(matches!(target, Target::Deref(0)));
    assert_text(
        &desugar(counter()),
        "
        def outer():
            n = 0
            def inc():
                nonlocal n
                n += 1
                return n
            return inc
        ",
    );
}

#[test]
fn parameters_come_first_in_slot_order() {
    let mut params = params_of(&["a", "*args", "c", "**kw"]);
    params.args.push(param_default("b", int(1)));
    params.kwonly.push(param_default("d", int(2)));
    let f = def_with("f", params, vec![assign(name("local"), name("a"))], vec![]);
    let (program, _) = lower(vec![f.clone()]).unwrap();
    let code = &made_codes(&program.module)[0];
    assert_eq!(names(code), ["a", "b", "args", "c", "d", "kw", "local"]);
    assert_eq!(code.params.slot_count(), 6);
    assert_text(
        &desugar(vec![f]),
        "
        def f(a, b=1, *args, c, d=2, **kw):
            local = a
        ",
    );
}

#[test]
fn global_declarations_make_assignments_global() {
    let f = def(
        "bump",
        &[],
        vec![global(&["count"]), aug(name("count"), BinOp::Add, int(1))],
    );
    assert_text(
        &desugar(vec![assign(name("count"), int(0)), f]),
        "
        count = 0
        def bump():
            global count
            count += 1
        ",
    );
}

#[test]
fn class_body_names_are_not_visible_in_methods() {
    let body = vec![
        assign(name("size"), int(3)),
        assign(name("double"), bin(name("size"), BinOp::Mul, int(2))),
        def("m", &["self"], vec![ret(Some(name("size")))]),
    ];
    let (program, globals) = lower(vec![class("C", vec![], body)]).unwrap();
    let class = &made_codes(&program.module)[0];
    let StmtKind::Assign { target, value } = &class.body[1].kind else {
        panic!()
    };
    assert!(matches!(target, Target::ClassLocal(n) if n.as_str() == "double"));
    let ExprKind::Binary { left, .. } = &value.kind else {
        panic!()
    };
    let ExprKind::ClassLoad { name, fallback } = &left.kind else {
        panic!()
    };
    assert_eq!(name.as_str(), "size");
    assert!(matches!(fallback.kind, ExprKind::Global(_)));
    let method = &made_codes(class)[0];
    assert_eq!(method.qualname, "C.m");
    let StmtKind::Return(Some(read)) = &method.body[0].kind else {
        panic!()
    };
    let ExprKind::Global(id) = read.kind else {
        panic!("a method reads the global")
    };
    assert_eq!(globals.name(id).as_str(), "size");
}

#[test]
fn a_class_body_reads_an_enclosing_function_variable_through_its_namespace_first() {
    let class_body = vec![
        assign(name("y"), name("x")),
        def("m", &["self"], vec![ret(Some(name("x")))]),
    ];
    let f = def(
        "f",
        &[],
        vec![
            assign(name("x"), int(1)),
            class("C", vec![], class_body),
            ret(Some(name("C"))),
        ],
    );
    let (program, _) = lower(vec![f]).unwrap();
    let f = &made_codes(&program.module)[0];
    assert_eq!(f.cell_slots, [0]);
    let class = &made_codes(f)[0];
    assert_eq!(class.qualname, "f.<locals>.C");
    assert_eq!(names(class), ["x"]);
    assert_eq!(class.free_slots, [0]);
    let StmtKind::Assign { value, .. } = &class.body[0].kind else {
        panic!()
    };
    let ExprKind::ClassLoad { fallback, .. } = &value.kind else {
        panic!()
    };
    assert!(matches!(fallback.kind, ExprKind::Deref(0)));
    let StmtKind::Assign { value, .. } = &class.body[1].kind else {
        panic!()
    };
    let ExprKind::MakeFunction(m) = &value.kind else {
        panic!()
    };
    assert_eq!(m.closure, [0], "the method's x passes through the class");
    assert_eq!(m.code.qualname, "f.<locals>.C.m");
}

#[test]
fn zero_argument_super_gets_the_class_cell_and_the_first_parameter() {
    let init = def(
        "__init__",
        &["self"],
        vec![expr(method(
            call(name("super"), vec![]),
            "__init__",
            vec![],
        ))],
    );
    let stmts = vec![class("Child", vec![name("Base")], vec![init])];
    assert_text(
        &desugar(stmts.clone()),
        "
        class Child(Base):
            def __init__(self):
                super(__class__, self).__init__()
        ",
    );
    let (program, _) = lower(stmts).unwrap();
    let class = &made_codes(&program.module)[0];
    assert_eq!(class.class_cell, Some(0));
    assert_eq!(class.cell_slots, [0]);
    let StmtKind::Assign { value, .. } = &class.body[0].kind else {
        panic!()
    };
    let ExprKind::MakeFunction(init) = &value.kind else {
        panic!()
    };
    assert_eq!(init.closure, [0]);
    assert_eq!(names(&init.code), ["self", "__class__"]);
    assert_eq!(init.code.free_slots, [1]);
}

#[test]
fn super_outside_a_class_or_without_parameters_stays_a_plain_call() {
    let text = desugar(vec![
        def("f", &["x"], vec![ret(Some(call(name("super"), vec![])))]),
        class(
            "C",
            vec![],
            vec![def(
                "g",
                &["*a"],
                vec![ret(Some(call(name("super"), vec![])))],
            )],
        ),
    ]);
    assert_eq!(text.matches("return super()").count(), 2, "{text}");
}

#[test]
fn private_names_are_mangled_in_a_class() {
    let body = vec![def(
        "__hide",
        &["self"],
        vec![assign(attr(name("self"), "__secret"), int(1))],
    )];
    let text = desugar(vec![class("Box", vec![], body)]);
    assert_text(
        &text,
        "
        class Box:
            def __hide(self):
                self._Box__secret = 1
            _Box__hide = __hide
        ",
    );
}

#[test]
fn qualnames_follow_cpython() {
    let stmts = vec![def(
        "f",
        &[],
        vec![
            global(&["g"]),
            def("g", &[], vec![]),
            def("h", &[], vec![]),
            assign(name("l"), lambda(&[], int(0))),
        ],
    )];
    let (program, _) = lower(stmts).unwrap();
    let f = &made_codes(&program.module)[0];
    let inner: Vec<String> = made_codes(f).iter().map(|c| c.qualname.clone()).collect();
    assert_eq!(inner, ["g", "f.<locals>.h", "f.<locals>.<lambda>"]);
}

#[test]
fn scope_declaration_errors_have_cpython_messages() {
    let param_global = def("f", &["x"], vec![global(&["x"])]);
    assert_eq!(
        error(vec![param_global]),
        "name 'x' is parameter and global"
    );
    let param_nonlocal = def("f", &["x"], vec![nonlocal(&["x"])]);
    assert_eq!(
        error(vec![param_nonlocal]),
        "name 'x' is parameter and nonlocal"
    );
    let used = def("f", &[], vec![expr(name("x")), global(&["x"])]);
    assert_eq!(
        error(vec![used]),
        "name 'x' is used prior to global declaration"
    );
    let assigned = def("f", &[], vec![assign(name("x"), int(1)), global(&["x"])]);
    assert_eq!(
        error(vec![assigned]),
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(
        error(vec![nonlocal(&["x"])]),
        "nonlocal declaration not allowed at module level"
    );
    let unbound = def("f", &[], vec![nonlocal(&["x"])]);
    assert_eq!(error(vec![unbound]), "no binding for nonlocal 'x' found");
    let both = def("f", &[], vec![global(&["x"]), nonlocal(&["x"])]);
    assert_eq!(error(vec![both]), "name 'x' is nonlocal and global");
    let dup = def("f", &["a", "a"], vec![]);
    assert_eq!(
        error(vec![dup]),
        "duplicate argument 'a' in function definition"
    );
}

#[test]
fn module_names_get_stable_global_ids_across_lowerings() {
    use crate::lower::ir::Globals;
    use crate::syntax::ast::Module;
    use crate::syntax::span::SourceFile;
    let mut globals = Globals::default();
    let first = Module {
        body: vec![assign(name("x"), int(1))],
    };
    let second = Module {
        body: vec![assign(name("y"), name("x"))],
    };
    let source = SourceFile::new("<stdin>", "");
    crate::lower::lower_program(&first, source.clone(), &mut globals).unwrap();
    let program = crate::lower::lower_program(&second, source, &mut globals).unwrap();
    let StmtKind::Assign {
        target: Target::Global(y),
        value,
    } = &program.module.body[0].kind
    else {
        panic!()
    };
    assert!(matches!(value.kind, ExprKind::Global(0)), "x keeps id 0");
    assert_eq!(*y, 1);
}
