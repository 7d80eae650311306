//! The `global` and `nonlocal` lines the `--desugar` printer puts at the top of a printed
//! function or class body, so the printed source means what the IR does: an assignment to
//! a `Global` target inside a function is `global x`; to a cell received through the
//! closure, `nonlocal x` (a walrus inside a comprehension shows up this way, PEP 572).
//!
//! Owns: finding those stores in one code object (not in the codes nested in it).
//! Must not touch: printing anything else.

use super::ir::Target;
use super::ir::{Arg, Code, CodeKind, DictElem, Elem, Expr, ExprKind, Globals, Stmt, StmtKind};
use super::print_expr::slot_name;

/// `global a, b` / `nonlocal c` lines for `code`'s body.
pub(super) fn declarations(code: &Code, globals: &Globals) -> Vec<String> {
    if code.kind == CodeKind::Module {
        return Vec::new();
    }
    let mut stores = Stores::default();
    stores.stmts(&code.body);
    let mut global_names = Vec::new();
    for id in stores.globals {
        if let Some(name) = globals.names.get(id as usize) {
            let name = name.to_string();
            if !global_names.contains(&name) {
                global_names.push(name);
            }
        }
    }
    let mut nonlocal_names = Vec::new();
    for slot in stores.derefs {
        let name = slot_name(code, slot);
        if code.free_slots.contains(&slot) && !nonlocal_names.contains(&name) {
            nonlocal_names.push(name);
        }
    }
    let mut lines = Vec::new();
    if !global_names.is_empty() {
        lines.push(format!("global {}", global_names.join(", ")));
    }
    if !nonlocal_names.is_empty() {
        lines.push(format!("nonlocal {}", nonlocal_names.join(", ")));
    }
    lines
}

/// Global ids and cell slots stored to, in order of appearance.
#[derive(Default)]
struct Stores {
    globals: Vec<u32>,
    derefs: Vec<u32>,
}

impl Stores {
    fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) => self.expr(e),
            StmtKind::Assign { target, value } | StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                self.target(target);
            }
            StmtKind::ParallelAssign { targets, values } => {
                values.iter().for_each(|v| self.expr(v));
                targets.iter().for_each(|t| self.target(t));
            }
            StmtKind::Delete(target) | StmtKind::ForNext { target, .. } => self.target(target),
            StmtKind::If { test, then, orelse } => {
                self.expr(test);
                self.stmts(then);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                if let Some(test) = test {
                    self.expr(test);
                }
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().chain(cause).for_each(|e| self.expr(e));
            }
            StmtKind::Try(t) => {
                self.stmts(&t.body);
                for h in &t.handlers {
                    if let Some(class) = &h.class {
                        self.expr(class);
                    }
                    if let Some(name) = &h.name {
                        self.target(name);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&t.orelse);
                self.stmts(&t.finalbody);
            }
            StmtKind::Yield { value, target } => {
                if let Some(v) = value {
                    self.expr(v);
                }
                if let Some(t) = target {
                    self.target(t);
                }
            }
            StmtKind::YieldFrom {
                iterable, target, ..
            } => {
                self.expr(iterable);
                if let Some(t) = target {
                    self.target(t);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::ListAppend { value, .. } | StmtKind::SetAdd { value, .. } => self.expr(value),
            StmtKind::DictSet { key, value, .. } => {
                self.expr(key);
                self.expr(value);
            }
            StmtKind::Return(None) | StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
        }
    }

    fn target(&mut self, t: &Target) {
        match t {
            Target::Global(id) => self.globals.push(*id),
            Target::Deref(slot) => self.derefs.push(*slot),
            Target::Local(_) | Target::ClassLocal(_) => {}
            Target::Attr { obj, .. } => self.expr(obj),
            Target::Subscript { obj, index, .. } => {
                self.expr(obj);
                self.expr(index);
            }
            Target::Unpack { items, .. } => items.iter().for_each(|i| self.target(i)),
        }
    }

    /// Walrus targets inside expressions (nested functions are their own codes).
    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::StoreTemp { target, value } => {
                self.expr(value);
                self.target(target);
            }
            ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Deref(_)
            | ExprKind::Global(_)
            | ExprKind::ClassLoad { .. }
            | ExprKind::Import(_)
            | ExprKind::ImportFrom { .. } => {}
            ExprKind::Attr { obj: x, .. }
            | ExprKind::Unary { operand: x, .. }
            | ExprKind::Iter(x)
            | ExprKind::TypeOf(x)
            | ExprKind::SpecialMethod { obj: x, .. } => self.expr(x),
            ExprKind::Subscript { obj: a, index: b }
            | ExprKind::Binary {
                left: a, right: b, ..
            }
            | ExprKind::Compare {
                left: a, right: b, ..
            }
            | ExprKind::And(a, b)
            | ExprKind::Or(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Slice { lower, upper, step } => {
                lower
                    .iter()
                    .chain(upper)
                    .chain(step)
                    .for_each(|x| self.expr(x));
            }
            ExprKind::Call { func, args } => {
                self.expr(func);
                self.args(args);
            }
            ExprKind::CallMethod { obj, args, .. } => {
                self.expr(obj);
                self.args(args);
            }
            ExprKind::IfElse { test, then, orelse } => {
                self.expr(test);
                self.expr(then);
                self.expr(orelse);
            }
            ExprKind::Tuple(items)
            | ExprKind::List(items)
            | ExprKind::Set(items)
            | ExprKind::ConstSet { items, .. } => {
                items.iter().for_each(|x| self.expr(x));
            }
            ExprKind::JoinStr(items) => items.iter().for_each(|x| self.expr(x)),
            ExprKind::Dict(pairs) => pairs.iter().for_each(|(k, v)| {
                self.expr(k);
                self.expr(v);
            }),
            ExprKind::TupleUnpack(elems)
            | ExprKind::ListUnpack(elems)
            | ExprKind::SetUnpack(elems) => {
                for elem in elems {
                    match elem {
                        Elem::One(x) | Elem::Star(x) => self.expr(x),
                    }
                }
            }
            ExprKind::DictUnpack(elems) => {
                for elem in elems {
                    match elem {
                        DictElem::Pair(k, v) => {
                            self.expr(k);
                            self.expr(v);
                        }
                        DictElem::Unpack(m) => self.expr(m),
                    }
                }
            }
            ExprKind::MakeFunction(f) => {
                f.defaults.iter().for_each(|d| self.expr(d));
                f.kwdefaults.iter().for_each(|(_, d)| self.expr(d));
            }
            ExprKind::MakeClass(c) => c.bases.iter().for_each(|b| self.expr(b)),
            ExprKind::Format { value, spec, .. } => {
                self.expr(value);
                if let Some(spec) = spec {
                    self.expr(spec);
                }
            }
        }
    }

    fn args(&mut self, args: &[Arg]) {
        for arg in args {
            self.expr(arg.expr());
        }
    }
}
