//! Name references: what a name read, assigned or deleted in the current code becomes in
//! the IR (`Local`, `Deref`, `Global`, `ClassLoad` / `ClassLocal`).
//!
//! Owns: mangling names of the current code, choosing the IR node for a name from its
//! analysed binding, `__debug__` (a constant, never assignable), and global ids.
//! Must not touch: the analysis itself (`scope.rs`) or slot layout (`unit.rs`).

use super::ir::{Expr, ExprKind, GlobalId, Slot, Target};
use super::scope::{mangle, Binding, Scope};
use super::{internal_error, Lowerer, Result};
use crate::lower::ir::CodeKind;
use crate::runtime::symbol::Symbol;
use crate::runtime::value::Value;
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;

/// Where a name lives, as seen from the code being lowered.
enum Place {
    Local(Slot),
    /// A cell: captured by an inner function, or received from an outer one.
    Deref(Slot),
    Global(GlobalId),
    /// Assigned in this class body: the class namespace, then globals and builtins.
    ClassName(Symbol, GlobalId),
    /// Read in a class body and bound in an enclosing function: the class namespace,
    /// then the cell.
    ClassFree(Symbol, Slot),
}

impl Lowerer<'_> {
    pub(super) fn scope(&self) -> Result<&Scope> {
        let table = self.table;
        table
            .scope(self.unit.scope)
            .ok_or_else(|| internal_error("unknown scope", Span::default()))
    }

    /// The name as stored: `__private` names mangled inside a class.
    pub(super) fn mangled(&self, name: &str) -> String {
        mangle(self.unit.private.as_deref(), name).into_owned()
    }

    /// An attribute name, mangled like any other name in a class.
    pub(super) fn attr_symbol(&self, name: &str) -> Symbol {
        Symbol::intern(&self.mangled(name))
    }

    pub(super) fn global_id(&mut self, name: &str) -> GlobalId {
        self.globals.id(Symbol::intern(name))
    }

    fn place(&mut self, name: &str, span: Span) -> Result<Place> {
        let mangled = self.mangled(name);
        self.place_of_mangled(&mangled, span)
    }

    fn place_of_mangled(&mut self, name: &str, span: Span) -> Result<Place> {
        let binding = self.scope()?.binding(name);
        let slot = |this: &Self| {
            this.unit
                .slot(name)
                .ok_or_else(|| internal_error(&format!("no slot for '{name}'"), span))
        };
        Ok(match self.unit.kind {
            CodeKind::Module => Place::Global(self.global_id(name)),
            CodeKind::Class => match binding {
                Binding::GlobalExplicit => Place::Global(self.global_id(name)),
                Binding::Free => Place::ClassFree(Symbol::intern(name), slot(self)?),
                Binding::Local | Binding::Cell | Binding::GlobalImplicit => {
                    Place::ClassName(Symbol::intern(name), self.global_id(name))
                }
            },
            _ => match binding {
                Binding::Local => Place::Local(slot(self)?),
                Binding::Cell | Binding::Free => Place::Deref(slot(self)?),
                Binding::GlobalExplicit | Binding::GlobalImplicit => {
                    Place::Global(self.global_id(name))
                }
            },
        })
    }

    /// Reading `name`. `__debug__` is the constant `True`, as CPython compiles it.
    pub(super) fn load_name(&mut self, name: &str, span: Span) -> Result<Expr> {
        if name == "__debug__" {
            return Ok(Expr::new(ExprKind::Const(Value::Bool(true)), span));
        }
        let place = self.place(name, span)?;
        Ok(load_place(place, span))
    }

    /// Reading a name that is already mangled (a parameter name from `ir::Params`).
    pub(super) fn load_mangled(&mut self, name: &str, span: Span) -> Result<Expr> {
        let place = self.place_of_mangled(name, span)?;
        Ok(load_place(place, span))
    }

    /// Assigning to `name`.
    pub(super) fn store_name(&mut self, name: &str, span: Span) -> Result<Target> {
        if name == "__debug__" {
            return Err(SyntaxError::new("cannot assign to __debug__", span));
        }
        self.place(name, span).map(store_place)
    }

    /// `del name`.
    pub(super) fn delete_name(&mut self, name: &str, span: Span) -> Result<Target> {
        if name == "__debug__" {
            return Err(SyntaxError::new("cannot delete __debug__", span));
        }
        self.place(name, span).map(store_place)
    }

    /// Whether `name` is a plain global here (not rebound by this or an enclosing scope).
    pub(super) fn is_global_name(&mut self, name: &str) -> Result<bool> {
        Ok(matches!(
            self.place(name, Span::default())?,
            Place::Global(_)
        ))
    }

    /// The slot of `name` if it is a cell or free variable of the current code.
    pub(super) fn deref_slot(&mut self, name: &str) -> Result<Option<Slot>> {
        Ok(match self.place(name, Span::default())? {
            Place::Deref(slot) => Some(slot),
            _ => None,
        })
    }
}

fn load_place(place: Place, span: Span) -> Expr {
    let kind = match place {
        Place::Local(slot) => ExprKind::Local(slot),
        Place::Deref(slot) => ExprKind::Deref(slot),
        Place::Global(id) => ExprKind::Global(id),
        Place::ClassName(name, id) => ExprKind::ClassLoad {
            name,
            fallback: Box::new(Expr::new(ExprKind::Global(id), span)),
        },
        Place::ClassFree(name, slot) => ExprKind::ClassLoad {
            name,
            fallback: Box::new(Expr::new(ExprKind::Deref(slot), span)),
        },
    };
    Expr::new(kind, span)
}

fn store_place(place: Place) -> Target {
    match place {
        Place::Local(slot) => Target::Local(slot),
        Place::Deref(slot) | Place::ClassFree(_, slot) => Target::Deref(slot),
        Place::Global(id) => Target::Global(id),
        Place::ClassName(name, _) => Target::ClassLocal(name),
    }
}
