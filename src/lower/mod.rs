//! Lowering: AST to IR. Resolves every name to a slot, cell, global or class name, and
//! desugars `for`, comprehensions, `with`, yields in expressions, chained comparisons.
//!
//! Owns: scope analysis and desugaring, the entry point `lower_program`, and the
//! `--desugar` printer (`print`).
//! Must not touch: execution or values beyond making constants; `ir.rs` is the contract
//! with the interpreter and changes only additively.
//!
//! Two passes, as CPython: `scope_build`/`scope` build and analyse the symbol tables of the
//! whole module (so a name's kind is known before any code using it is lowered), then the
//! `lower_*` files walk the AST again, one code object (`Unit`) at a time.
//!
//! Conventions of the IR this produces, beyond what `ir.rs` states:
//! - A `for` loop is followed by `Delete(Local($itN))`: the iterator is released when the
//!   loop ends (by exhaustion or `break`), as CPython pops it, so a generator being
//!   iterated is finalised at the same moment.
//! - A comprehension's code has one parameter, `.0` (slot 0), which receives an iterator:
//!   the caller passes `Iter(first iterable)`, and the first loop `ForNext`s on slot 0.
//! - A class body's `class_cell` slot is also listed in its `cell_slots`.
//! - Zero-argument `super()` in a function nested in a class is
//!   `super(Deref(__class__), <first parameter>)`; where CPython would raise at run time
//!   (no enclosing class, no positional parameter) it stays a zero-argument call.
//! - A module or class docstring is an assignment to `__doc__`.
//! - `import a.b` is `Expr(Import("a.b"))` then `a = Import("a")`: `Import(name)` is the
//!   module named exactly `name`.
//! - `with` uses a bare `except` handler (class `None`) with a hidden name `$excN`.
//! - Hidden temporaries are reused once the statement that made them is lowered
//!   (`$t0` in many statements); a slot's name is its role, not its lifetime.

pub mod ir;
pub mod print;

mod ir_build;
pub mod loop_yield;
mod lower_comprehension;
mod lower_expr;
mod lower_for;
mod lower_fstring;
mod lower_function;
mod lower_stmt;
mod lower_target;
mod lower_with;
mod lower_yield;
mod names;
mod print_decl;
mod print_expr;
mod scope;
mod scope_build;
mod unit;

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;

use crate::runtime::symbol::sym;
use crate::syntax::ast;
use crate::syntax::error::SyntaxError;
use crate::syntax::span::{SourceFile, Span};
use ir::Globals;
use scope::ScopeTable;
use std::rc::Rc;
use unit::Unit;

type Result<T> = std::result::Result<T, SyntaxError>;

/// Lowers a parsed module. Module-level names get their ids from `globals`, which the
/// caller keeps across calls (the REPL lowers every input against the same table).
pub fn lower_program(
    module: &ast::Module,
    source: Rc<SourceFile>,
    globals: &mut Globals,
) -> Result<ir::Program> {
    let table = scope_build::build_scopes(module)?;
    let Some(module_scope) = table.scope(0) else {
        return Err(internal_error("the module has no scope", Span::default()));
    };
    let unit = Unit::new(0, module_scope, sym::MODULE_CODE, "<module>".to_string());
    let mut lowerer = Lowerer {
        table: &table,
        globals,
        source: source.clone(),
        unit,
        outer: Vec::new(),
    };
    let body = lowerer.module_body(&module.body)?;
    let span = Span::new(0, source.text.len());
    let code = lowerer.unit.finish(body, span, source);
    Ok(ir::Program {
        module: Rc::new(code),
    })
}

/// The state of one lowering: the analysed scopes, the global table, and the stack of
/// code objects being lowered (the innermost is `unit`).
struct Lowerer<'a> {
    table: &'a ScopeTable,
    globals: &'a mut Globals,
    source: Rc<SourceFile>,
    unit: Unit,
    outer: Vec<Unit>,
}

/// An error that only a bug in lowering can cause; reported rather than panicking.
fn internal_error(what: &str, span: Span) -> SyntaxError {
    SyntaxError::new(format!("internal error in iterp's lowering: {what}"), span)
}
