//! `iterp --desugar FILE`: the lowered program as readable Python-like source, so a
//! learner sees what their code became: the `while True` / `try` / `next` /
//! `except StopIteration` loop of a `for`, comprehensions as the functions they are,
//! `with` as PEP 343's expansion, hidden temporaries under their `$` names, and every
//! `yield` as a statement.
//!
//! Owns: statement layout, `def` / `class` headers (with decorators, defaults and the
//! `global` / `nonlocal` declarations the body needs), and the `for` loop shape.
//! Must not touch: expression text (`print_expr.rs`); it only reads the IR.

use super::ir::{Arg, Slot, Stmt, StmtKind, Target};
use super::ir::{Code, CodeKind, Expr, ExprKind, Globals, MakeClass, MakeFunction, Program};
use super::print_decl::declarations;
use super::print_expr::slot_name;

/// The program as Python-like source.
pub fn desugar(program: &Program, globals: &Globals) -> String {
    let mut printer = Printer {
        globals,
        out: String::new(),
        loops_inside_for_else: None,
    };
    let code = &program.module;
    printer.stmts(code, &code.body, 0);
    printer.out
}

pub(super) struct Printer<'a> {
    globals: &'a Globals,
    out: String,
    /// While printing a `for` loop's `else` block: how many loops deep inside it we are
    /// (a `break` at depth 0 leaves the *enclosing* loop, and says so).
    loops_inside_for_else: Option<u32>,
}

const INDENT: &str = "    ";

impl Printer<'_> {
    pub(super) fn global_name(&self, id: u32) -> String {
        self.globals
            .names
            .get(id as usize)
            .map_or_else(|| format!("$global{id}"), |s| s.to_string())
    }

    /// Runs `print` with the output set aside; returns its result and the lines it
    /// printed (functions an expression hoisted), which are discarded.
    pub(super) fn trial<T>(&mut self, print: impl FnOnce(&mut Self) -> T) -> (T, String) {
        let outside = std::mem::take(&mut self.out);
        let result = print(self);
        let printed = std::mem::replace(&mut self.out, outside);
        (result, printed)
    }

    fn line(&mut self, indent: usize, text: &str) {
        for _ in 0..indent {
            self.out.push_str(INDENT);
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn block(&mut self, code: &Code, stmts: &[Stmt], indent: usize) {
        if stmts.is_empty() {
            self.line(indent, "pass");
        } else {
            self.stmts(code, stmts, indent);
        }
    }

    fn stmts(&mut self, code: &Code, stmts: &[Stmt], indent: usize) {
        for s in stmts {
            self.stmt(code, s, indent);
        }
    }

    fn stmt(&mut self, code: &Code, s: &Stmt, indent: usize) {
        match &s.kind {
            StmtKind::Expr(e) => {
                let text = self.expr(code, e, indent);
                self.line(indent, &text);
            }
            StmtKind::Assign { target, value } => self.assign(code, target, value, indent),
            StmtKind::ParallelAssign { targets, values } => {
                let values: Vec<String> =
                    values.iter().map(|v| self.expr(code, v, indent)).collect();
                let targets: Vec<String> = targets
                    .iter()
                    .map(|t| self.target(code, t, indent))
                    .collect();
                self.line(
                    indent,
                    &format!("{} = {}", targets.join(", "), values.join(", ")),
                );
            }
            StmtKind::AugAssign { target, op, value } => {
                let target = self.top_target(code, target, indent);
                let value = self.expr(code, value, indent);
                self.line(indent, &format!("{target} {}= {value}", op.symbol()));
            }
            StmtKind::Delete(target) => {
                let target = self.top_target(code, target, indent);
                self.line(indent, &format!("del {target}"));
            }
            StmtKind::If { test, then, orelse } => {
                self.if_stmt(code, test, then, orelse, indent, "if")
            }
            StmtKind::While { test, body, orelse } => match (test, body.split_first()) {
                (None, Some((first, rest))) => match &first.kind {
                    StmtKind::ForNext { iter, target, .. } => {
                        self.for_loop(code, *iter, target, rest, orelse, indent)
                    }
                    _ => self.while_loop(code, None, body, orelse, indent),
                },
                _ => self.while_loop(code, test.as_ref(), body, orelse, indent),
            },
            StmtKind::ForNext { iter, target, .. } => {
                let target = self.top_target(code, target, indent);
                let it = slot_name(code, *iter);
                self.line(
                    indent,
                    &format!("{target} = next({it})  # exhausted: the loop ends"),
                );
            }
            StmtKind::Break | StmtKind::Continue => {
                let word = match s.kind {
                    StmtKind::Break => "break",
                    _ => "continue",
                };
                if self.loops_inside_for_else == Some(0) {
                    self.line(indent, &format!("{word}  # of the enclosing loop"));
                } else {
                    self.line(indent, word);
                }
            }
            StmtKind::Return(value) => match value {
                Some(v) => {
                    let v = self.expr(code, v, indent);
                    self.line(indent, &format!("return {v}"));
                }
                None => self.line(indent, "return"),
            },
            StmtKind::Raise { exc, cause } => {
                let mut text = "raise".to_string();
                if let Some(exc) = exc {
                    text = format!("raise {}", self.expr(code, exc, indent));
                }
                if let Some(cause) = cause {
                    text = format!("{text} from {}", self.expr(code, cause, indent));
                }
                self.line(indent, &text);
            }
            StmtKind::Try(t) => {
                self.line(indent, "try:");
                self.block(code, &t.body, indent + 1);
                for h in &t.handlers {
                    let mut head = "except".to_string();
                    if let Some(class) = &h.class {
                        head = format!("except {}", self.expr(code, class, indent));
                    } else if h.name.is_some() {
                        head = "except BaseException".to_string();
                    }
                    if let Some(name) = &h.name {
                        head = format!("{head} as {}", self.target(code, name, indent));
                    }
                    self.line(indent, &format!("{head}:"));
                    self.block(code, &h.body, indent + 1);
                }
                if !t.orelse.is_empty() {
                    self.line(indent, "else:");
                    self.block(code, &t.orelse, indent + 1);
                }
                if !t.finalbody.is_empty() {
                    self.line(indent, "finally:");
                    self.block(code, &t.finalbody, indent + 1);
                }
            }
            StmtKind::Yield { value, target } => {
                let mut text = match value {
                    Some(v) => format!("yield {}", self.expr(code, v, indent)),
                    None => "yield".to_string(),
                };
                if let Some(t) = target {
                    text = format!("{} = {text}", self.top_target(code, t, indent));
                }
                self.line(indent, &text);
            }
            StmtKind::YieldFrom {
                iterable, target, ..
            } => {
                let mut text = format!("yield from {}", self.expr(code, iterable, indent));
                if let Some(t) = target {
                    text = format!("{} = {text}", self.top_target(code, t, indent));
                }
                self.line(indent, &text);
            }
            StmtKind::Assert { test, msg } => {
                let mut text = format!("assert {}", self.expr(code, test, indent));
                if let Some(msg) = msg {
                    text = format!("{text}, {}", self.expr(code, msg, indent));
                }
                self.line(indent, &text);
            }
            StmtKind::ListAppend { list, value } => {
                let value = self.expr(code, value, indent);
                self.line(
                    indent,
                    &format!("{}.append({value})", slot_name(code, *list)),
                );
            }
            StmtKind::SetAdd { set, value } => {
                let value = self.expr(code, value, indent);
                self.line(indent, &format!("{}.add({value})", slot_name(code, *set)));
            }
            StmtKind::DictSet { dict, key, value } => {
                let key = self.expr(code, key, indent);
                let value = self.expr(code, value, indent);
                self.line(
                    indent,
                    &format!("{}[{key}] = {value}", slot_name(code, *dict)),
                );
            }
            StmtKind::Pass => self.line(indent, "pass"),
        }
    }

    /// `t = v`, shown as `def` / `class` / `import` when that is what it came from.
    fn assign(&mut self, code: &Code, target: &Target, value: &Expr, indent: usize) {
        let name = self.target(code, target, indent);
        let (decorators, made) = peel_decorators(value);
        match &made.kind {
            ExprKind::MakeFunction(f)
                if f.code.kind == CodeKind::Function && f.code.name.as_str() == name =>
            {
                return self.function_def(code, f, &decorators, indent);
            }
            ExprKind::MakeClass(c) if c.name.as_str() == name => {
                return self.class_def(code, c, &decorators, indent);
            }
            ExprKind::Import(module) if decorators.is_empty() => {
                let text = if module.as_str() == name {
                    format!("import {module}")
                } else {
                    format!("import {module} as {name}")
                };
                return self.line(indent, &text);
            }
            ExprKind::ImportFrom {
                module,
                name: imported,
            } if decorators.is_empty() => {
                let text = if imported.as_str() == name {
                    format!("from {module} import {imported}")
                } else {
                    format!("from {module} import {imported} as {name}")
                };
                return self.line(indent, &text);
            }
            _ => {}
        }
        let value = self.expr(code, value, indent);
        let target = self.top_target(code, target, indent);
        self.line(indent, &format!("{target} = {value}"));
    }

    fn if_stmt(
        &mut self,
        code: &Code,
        test: &Expr,
        then: &[Stmt],
        orelse: &[Stmt],
        indent: usize,
        keyword: &str,
    ) {
        let test = self.expr(code, test, indent);
        self.line(indent, &format!("{keyword} {test}:"));
        self.block(code, then, indent + 1);
        if orelse.is_empty() {
            return;
        }
        if let [Stmt {
            kind:
                StmtKind::If {
                    test: inner_test,
                    then: inner_then,
                    orelse: inner_else,
                },
            ..
        }] = orelse
        {
            // `elif` only when its test prints without hoisting a function before it.
            let (_, hoisted) = self.trial(|p| p.expr(code, inner_test, indent));
            if hoisted.is_empty() {
                return self.if_stmt(code, inner_test, inner_then, inner_else, indent, "elif");
            }
        }
        self.line(indent, "else:");
        self.block(code, orelse, indent + 1);
    }

    fn while_loop(
        &mut self,
        code: &Code,
        test: Option<&Expr>,
        body: &[Stmt],
        orelse: &[Stmt],
        indent: usize,
    ) {
        let test = match test {
            Some(t) => self.expr(code, t, indent),
            None => "True".to_string(),
        };
        self.line(indent, &format!("while {test}:"));
        self.loop_body(code, body, indent + 1);
        if !orelse.is_empty() {
            self.line(indent, "else:");
            self.block(code, orelse, indent + 1);
        }
    }

    fn loop_body(&mut self, code: &Code, body: &[Stmt], indent: usize) {
        let saved = self.loops_inside_for_else;
        self.loops_inside_for_else = saved.map(|depth| depth + 1);
        self.block(code, body, indent);
        self.loops_inside_for_else = saved;
    }

    /// A lowered `for`: `while True:` / `try: t = next($it)` / `except StopIteration:`
    /// with the `else` block (run on exhaustion only) before the `break`.
    fn for_loop(
        &mut self,
        code: &Code,
        iter: Slot,
        target: &Target,
        rest: &[Stmt],
        orelse: &[Stmt],
        indent: usize,
    ) {
        self.line(indent, "while True:");
        self.line(indent + 1, "try:");
        let target = self.top_target(code, target, indent + 2);
        let it = slot_name(code, iter);
        self.line(indent + 2, &format!("{target} = next({it})"));
        self.line(indent + 1, "except StopIteration:");
        let saved = self.loops_inside_for_else.replace(0);
        self.stmts(code, orelse, indent + 2);
        self.loops_inside_for_else = saved;
        self.line(indent + 2, "break");
        let saved = self.loops_inside_for_else;
        self.loops_inside_for_else = saved.map(|depth| depth + 1);
        self.stmts(code, rest, indent + 1);
        self.loops_inside_for_else = saved;
    }

    /// `def name(params):` and its body, preceded by its decorators.
    pub(super) fn function_def(
        &mut self,
        caller: &Code,
        f: &MakeFunction,
        decorators: &[&Expr],
        indent: usize,
    ) {
        for d in decorators {
            let d = self.expr(caller, d, indent);
            self.line(indent, &format!("@{d}"));
        }
        let params = self.params(caller, &f.code, f, indent);
        self.line(indent, &format!("def {}({params}):", f.code.name));
        self.code_body(&f.code, indent + 1);
    }

    /// `class Name(bases):` and its body, preceded by its decorators.
    pub(super) fn class_def(
        &mut self,
        caller: &Code,
        c: &MakeClass,
        decorators: &[&Expr],
        indent: usize,
    ) {
        for d in decorators {
            let d = self.expr(caller, d, indent);
            self.line(indent, &format!("@{d}"));
        }
        let bases: Vec<String> = c
            .bases
            .iter()
            .map(|b| self.expr(caller, b, indent))
            .collect();
        let head = if bases.is_empty() {
            format!("class {}:", c.name)
        } else {
            format!("class {}({}):", c.name, bases.join(", "))
        };
        self.line(indent, &head);
        self.code_body(&c.code, indent + 1);
    }

    fn code_body(&mut self, code: &Code, indent: usize) {
        let saved = self.loops_inside_for_else.take();
        for line in declarations(code, self.globals) {
            self.line(indent, &line);
        }
        self.block(code, &code.body, indent);
        self.loops_inside_for_else = saved;
    }

    /// The parameter list, with defaults (evaluated in the `caller`'s code).
    pub(super) fn params(
        &mut self,
        caller: &Code,
        code: &Code,
        f: &MakeFunction,
        indent: usize,
    ) -> String {
        let p = &code.params;
        let mut parts = Vec::new();
        let first_default = p.positional.len().saturating_sub(f.defaults.len());
        for (i, name) in p.positional.iter().enumerate() {
            let mut part = name.to_string();
            if let Some(default) = i.checked_sub(first_default).and_then(|d| f.defaults.get(d)) {
                part = format!("{part}={}", self.expr(caller, default, indent));
            }
            parts.push(part);
            if p.posonly as usize == i + 1 {
                parts.push("/".to_string());
            }
        }
        match p.vararg {
            Some(name) => parts.push(format!("*{name}")),
            None if !p.kwonly.is_empty() => parts.push("*".to_string()),
            None => {}
        }
        for name in &p.kwonly {
            let mut part = name.to_string();
            if let Some((_, default)) = f.kwdefaults.iter().find(|(n, _)| n == name) {
                part = format!("{part}={}", self.expr(caller, default, indent));
            }
            parts.push(part);
        }
        if let Some(name) = p.kwarg {
            parts.push(format!("**{name}"));
        }
        parts.join(", ")
    }
}

/// `d1(d2(made))` as the decorators `[d1, d2]` and the made function or class.
fn peel_decorators(value: &Expr) -> (Vec<&Expr>, &Expr) {
    let mut decorators = Vec::new();
    let mut inner = value;
    while let ExprKind::Call { func, args } = &inner.kind {
        match args.as_slice() {
            [Arg::Pos(arg)] => {
                decorators.push(&**func);
                inner = arg;
            }
            _ => break,
        }
    }
    if matches!(
        inner.kind,
        ExprKind::MakeFunction(_) | ExprKind::MakeClass(_)
    ) {
        (decorators, inner)
    } else {
        (Vec::new(), value)
    }
}
