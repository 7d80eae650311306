//! One code object being lowered (module, function, lambda, class body or comprehension):
//! its frame layout and the bookkeeping that lives as long as its body is being lowered.
//!
//! Owns: slot assignment (parameters, then locals, then free variables, then `$`
//! temporaries), cells and closure slots, the pool of reusable hidden temporaries, the
//! loop depth that decides whether `break`/`continue` are legal, and assembling the final
//! `ir::Code`.
//! Must not touch: how names are chosen for a reference (that is `names.rs`) or any
//! statement or expression lowering.

use super::ir::{self, CodeKind, Slot};
use super::scope::{Binding, Scope, ScopeId};
use crate::runtime::symbol::{sym, Symbol};
use crate::syntax::span::{SourceFile, Span};
use hashbrown::HashMap;
use std::rc::Rc;

pub(super) struct Unit {
    pub scope: ScopeId,
    pub kind: CodeKind,
    /// CPython's `co_name`.
    pub name: Symbol,
    pub qualname: String,
    /// The class name that mangles `__private` names in this code.
    pub private: Option<String>,
    pub params: ir::Params,
    pub is_generator: bool,
    /// Enclosing loops of the statement being lowered (a loop's `else` is outside it).
    pub loop_depth: u32,
    slot_names: Vec<Symbol>,
    /// Named slots: locals, cells and free variables (for a class body: only its cells and
    /// free variables; class-body names live in the class namespace).
    slots_by_name: HashMap<String, Slot>,
    cell_slots: Vec<Slot>,
    free_slots: Vec<Slot>,
    /// The names received through the closure, aligned with `free_slots`.
    free_names: Vec<String>,
    class_cell: Option<Slot>,
    temps: TempPool,
}

impl Unit {
    /// Lays out the frame of `scope`: parameters first, in `ir::Params` order, then the
    /// other locals in order of first mention, then free variables.
    pub(super) fn new(scope_id: ScopeId, scope: &Scope, name: Symbol, qualname: String) -> Unit {
        let mut unit = Unit {
            scope: scope_id,
            kind: scope.kind,
            name,
            qualname,
            private: scope.private.clone(),
            params: ir::Params::default(),
            is_generator: scope.is_generator,
            loop_depth: 0,
            slot_names: Vec::new(),
            slots_by_name: HashMap::new(),
            cell_slots: Vec::new(),
            free_slots: Vec::new(),
            free_names: Vec::new(),
            class_cell: None,
            temps: TempPool::default(),
        };
        if scope.is_function_like() {
            for param in &scope.params {
                let slot = unit.add_named_slot(param);
                if scope.binding(param) == Binding::Cell {
                    unit.cell_slots.push(slot);
                }
            }
            for (name, binding, _) in scope.names() {
                let is_local = matches!(binding, Binding::Local | Binding::Cell);
                if is_local && !unit.slots_by_name.contains_key(name) {
                    let slot = unit.add_named_slot(name);
                    if binding == Binding::Cell {
                        unit.cell_slots.push(slot);
                    }
                }
            }
        }
        if scope.kind == CodeKind::Class && scope.needs_class_cell {
            // Not a named slot: a class body reading `__class__` means an outer class's.
            let slot = unit.slot_names.len() as Slot;
            unit.slot_names.push(sym::CLASS);
            unit.cell_slots.push(slot);
            unit.class_cell = Some(slot);
        }
        for name in scope.free_names() {
            if !unit.slots_by_name.contains_key(name) {
                let slot = unit.add_named_slot(name);
                unit.free_slots.push(slot);
                unit.free_names.push(name.to_string());
            }
        }
        unit
    }

    /// The names this code receives through its closure, in closure order.
    pub(super) fn free_names(&self) -> &[String] {
        &self.free_names
    }

    /// The slot holding the cell an inner code captures as `name`: for a class body's
    /// `__class__`, the class cell; otherwise a cell or free variable of this code.
    pub(super) fn closure_slot(&self, name: &str) -> Option<Slot> {
        match self.class_cell {
            Some(slot) if name == "__class__" => Some(slot),
            _ => self.slot(name),
        }
    }

    /// A hidden slot with a fixed name, such as a comprehension's `$result`.
    pub(super) fn hidden_slot(&mut self, name: &str) -> Slot {
        self.add_named_slot(name)
    }

    fn add_named_slot(&mut self, name: &str) -> Slot {
        let slot = self.slot_names.len() as Slot;
        self.slot_names.push(Symbol::intern(name));
        self.slots_by_name.insert(name.to_string(), slot);
        slot
    }

    /// The slot of a local, cell or free variable.
    pub(super) fn slot(&self, name: &str) -> Option<Slot> {
        self.slots_by_name.get(name).copied()
    }

    pub(super) fn is_function_like(&self) -> bool {
        !matches!(self.kind, CodeKind::Module | CodeKind::Class)
    }

    /// A fresh (or released) hidden temporary named `{prefix}{n}`, e.g. `$it0`.
    pub(super) fn temp(&mut self, prefix: &'static str) -> Slot {
        self.temps.alloc(prefix, &mut self.slot_names)
    }

    /// Whether `slot` is a `$t` temporary in use: it holds a value computed earlier in the
    /// current statement, which nothing else assigns.
    pub(super) fn is_live_value_temp(&self, slot: Slot) -> bool {
        self.temps.live.contains(&slot)
            && self
                .temps
                .slots
                .iter()
                .any(|(s, prefix, _)| *s == slot && *prefix == "$t")
    }

    /// Where the temporaries allocated from now on start; see `release_temps`.
    pub(super) fn temps_mark(&self) -> usize {
        self.temps.live.len()
    }

    /// Makes every temporary allocated since `mark` reusable.
    pub(super) fn release_temps(&mut self, mark: usize) {
        self.temps.release_to(mark);
    }

    /// Assembles the finished code object.
    pub(super) fn finish(
        self,
        body: Vec<ir::Stmt>,
        span: Span,
        source: Rc<SourceFile>,
    ) -> ir::Code {
        let close_runs_code = self.is_generator && ir::has_try_or_yield_from(&body);
        let loop_yield = if self.is_generator {
            super::loop_yield::find(&body)
        } else {
            None
        };
        ir::Code {
            kind: self.kind,
            name: self.name,
            qualname: self.qualname,
            params: self.params,
            n_slots: self.slot_names.len() as u32,
            slot_names: self.slot_names,
            cell_slots: self.cell_slots,
            free_slots: self.free_slots,
            class_cell: self.class_cell,
            body,
            is_generator: self.is_generator,
            close_runs_code,
            loop_yield,
            span,
            source,
        }
    }
}

/// Hidden temporaries, reused once released so that sequential statements share slots
/// (`$it0` for every top-level loop, `$it1` for loops nested in them).
#[derive(Default)]
struct TempPool {
    /// Every temporary slot ever made: its prefix, and whether it is in use.
    slots: Vec<(Slot, &'static str, bool)>,
    /// Slots in use, in allocation order.
    live: Vec<Slot>,
}

impl TempPool {
    fn alloc(&mut self, prefix: &'static str, slot_names: &mut Vec<Symbol>) -> Slot {
        let free = self
            .slots
            .iter_mut()
            .find(|(_, p, in_use)| *p == prefix && !*in_use);
        let slot = match free {
            Some(entry) => {
                entry.2 = true;
                entry.0
            }
            None => {
                let number = self.slots.iter().filter(|(_, p, _)| *p == prefix).count();
                let slot = slot_names.len() as Slot;
                slot_names.push(Symbol::intern(&format!("{prefix}{number}")));
                self.slots.push((slot, prefix, true));
                slot
            }
        };
        self.live.push(slot);
        slot
    }

    fn release_to(&mut self, mark: usize) {
        while self.live.len() > mark {
            if let Some(slot) = self.live.pop() {
                if let Some(entry) = self.slots.iter_mut().find(|(s, _, _)| *s == slot) {
                    entry.2 = false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn released_temporaries_are_reused_and_nested_ones_get_new_numbers() {
        let mut names = Vec::new();
        let mut pool = TempPool::default();
        let outer = pool.alloc("$it", &mut names);
        let inner = pool.alloc("$it", &mut names);
        assert_ne!(outer, inner);
        pool.release_to(0);
        let again = pool.alloc("$it", &mut names);
        assert_eq!(again, outer);
        let other = pool.alloc("$t", &mut names);
        let texts: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
        assert_eq!(texts, ["$it0", "$it1", "$t0"]);
        assert_eq!(other, 2);
    }
}
