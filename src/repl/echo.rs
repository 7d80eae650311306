//! Echoing expression values at the prompt, as CPython's interactive mode does.
//!
//! Owns: rewriting each expression statement of an input's module-level code (inside
//! `if`/`for`/`while`/`try`/`with` too, never inside `def` or `class` bodies) into a call
//! of the display hook, and the hook itself: it prints `repr(value)` unless the value is
//! None, and binds it to the builtin `_` (so an assignment to `_` shadows it, as in
//! CPython). Also `exit()` and `quit()`, which the REPL provides.
//! Must not touch: parsing, lowering or running (the rewritten tree goes through the
//! ordinary pipeline).

use crate::interp::Interp;
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::symbol::Symbol;
use crate::runtime::value::Value;
use crate::syntax::ast::{Arg, Expr, ExprKind, Module, Stmt, StmtKind};
use crate::syntax::span::Span;

/// The hook's name: a `$` name, which no user program can spell.
const HOOK: &str = "$displayhook";

static DISPLAYHOOK: NativeFunction = NativeFunction {
    name: "displayhook",
    call: displayhook,
    is_method: false,
    signature: "displayhook(object, /)",
};

static EXIT: NativeFunction = NativeFunction {
    name: "exit",
    call: exit,
    is_method: false,
    signature: "exit(code=None)",
};

static QUIT: NativeFunction = NativeFunction {
    name: "quit",
    call: exit,
    is_method: false,
    signature: "quit(code=None)",
};

/// Installs the display hook, `exit` and `quit` as builtins of a REPL's interpreter.
pub fn install(interp: &mut Interp) {
    interp.set_builtin(Symbol::intern(HOOK), Value::Native(&DISPLAYHOOK));
    interp.set_builtin(Symbol::intern("exit"), Value::Native(&EXIT));
    interp.set_builtin(Symbol::intern("quit"), Value::Native(&QUIT));
}

fn displayhook(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let Some(v) = args.pos.first() else {
        return Ok(Value::None);
    };
    if v.is_none() {
        return Ok(Value::None);
    }
    let text = interp.repr(v)?;
    interp.set_builtin(Symbol::intern("_"), v.clone());
    interp.write_out(&text);
    interp.write_out("\n");
    Ok(Value::None)
}

fn exit(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    let class = crate::runtime::types::types()
        .exception(ExcKind::SystemExit)
        .clone();
    Err(Exc::instantiate(
        class,
        args.pos.iter().take(1).cloned().collect(),
    ))
}

/// Makes every module-level expression statement of `module` display its value.
pub fn echo_expressions(module: &mut Module) {
    echo_block(&mut module.body);
}

fn echo_block(block: &mut [Stmt]) {
    for stmt in block {
        match &mut stmt.kind {
            StmtKind::Expr(e) => {
                let span = e.span;
                let value = std::mem::replace(e, hook_name(span));
                *e = Expr {
                    kind: ExprKind::Call {
                        func: Box::new(hook_name(span)),
                        args: vec![Arg::Positional(value)],
                    },
                    span,
                };
            }
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                echo_block(body);
                echo_block(orelse);
            }
            StmtKind::Try(t) => {
                echo_block(&mut t.body);
                for h in &mut t.handlers {
                    echo_block(&mut h.body);
                }
                echo_block(&mut t.orelse);
                echo_block(&mut t.finalbody);
            }
            StmtKind::With { body, .. } => echo_block(body),
            _ => {}
        }
    }
}

fn hook_name(span: Span) -> Expr {
    Expr {
        kind: ExprKind::Name(HOOK.to_string()),
        span,
    }
}
