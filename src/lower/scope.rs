//! Scope analysis, as CPython's `symtable`: which names each scope binds, and whether every
//! name is a local, a cell, a free variable, or a global.
//!
//! Owns: the symbol tables (`ScopeTable`, `Scope`), their flags, name mangling, and the
//! analysis pass that resolves every name (CPython's `analyze_block`), with the
//! compile-time errors that pass raises (`no binding for nonlocal 'x' found` …).
//! Must not touch: the IR. Building the tables from the AST is `scope_build.rs`;
//! turning resolved names into slots is the lowering (`unit.rs`, `names.rs`).

use crate::lower::ir::CodeKind;
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;
use hashbrown::{HashMap, HashSet};
use std::collections::BTreeSet;

/// Index of a scope in its `ScopeTable`.
pub(super) type ScopeId = usize;

/// Flags of a name in one scope (CPython's `DEF_*`).
pub(super) mod flag {
    pub const GLOBAL: u16 = 1;
    pub const LOCAL: u16 = 1 << 1;
    pub const PARAM: u16 = 1 << 2;
    pub const NONLOCAL: u16 = 1 << 3;
    pub const USE: u16 = 1 << 4;
    /// Free in a method and bound (or declared global) in the class body itself.
    pub const FREE_CLASS: u16 = 1 << 5;
    pub const IMPORT: u16 = 1 << 6;
    pub const ANNOT: u16 = 1 << 7;
    /// A comprehension's iteration variable.
    pub const COMP_ITER: u16 = 1 << 8;
    pub const BOUND: u16 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives, once analysed (CPython's scopes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Binding {
    Local,
    /// A local captured by an inner scope: its slot holds a cell.
    Cell,
    /// A variable of an enclosing function, reached through a closure cell.
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

/// A node that opens a scope, identified by its address in the (borrowed, immutable) AST.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum NodeKey {
    Function(usize),
    Class(usize),
    /// A lambda or comprehension expression.
    Expr(usize),
}

#[derive(Debug)]
pub(super) struct Scope {
    /// `Module`, `Function`, `Lambda`, `Class` or one of the comprehension kinds.
    pub kind: CodeKind,
    /// CPython's `co_name`: the unmangled def/class name, `<lambda>`, `<listcomp>`, …
    pub name: String,
    /// The class name that mangles `__private` names in this scope, if any.
    pub private: Option<String>,
    /// Parameter names (mangled), in `ir::Params` slot order.
    pub params: Vec<String>,
    pub is_generator: bool,
    /// A class body whose methods use `super()` or `__class__`.
    pub needs_class_cell: bool,
    symbols: Vec<(String, u16)>,
    index: HashMap<String, usize>,
    /// The first `global`/`nonlocal` (or comprehension walrus) directive per name.
    directives: Vec<(String, Span)>,
    /// Filled by the analysis, aligned with `symbols`.
    bindings: Vec<Binding>,
    /// Builder state: inside a comprehension's iterable / iteration target.
    pub(super) comp_iter_expr: u32,
    pub(super) comp_iter_target: bool,
}

impl Scope {
    pub(super) fn new(kind: CodeKind, name: String, private: Option<String>) -> Scope {
        Scope {
            kind,
            name,
            private,
            params: Vec::new(),
            is_generator: false,
            needs_class_cell: false,
            symbols: Vec::new(),
            index: HashMap::new(),
            directives: Vec::new(),
            bindings: Vec::new(),
            comp_iter_expr: 0,
            comp_iter_target: false,
        }
    }

    /// Function-like scopes have frames with local slots (CPython's `FunctionBlock`).
    pub(super) fn is_function_like(&self) -> bool {
        !matches!(self.kind, CodeKind::Module | CodeKind::Class)
    }

    pub(super) fn is_comprehension(&self) -> bool {
        matches!(
            self.kind,
            CodeKind::ListComp | CodeKind::SetComp | CodeKind::DictComp | CodeKind::GenExpr
        )
    }

    pub(super) fn flags(&self, name: &str) -> u16 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].1)
    }

    pub(super) fn add_flags(&mut self, name: &str, flags: u16) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1 |= flags,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push((name.to_string(), flags));
            }
        }
    }

    pub(super) fn record_directive(&mut self, name: &str, span: Span) {
        self.directives.push((name.to_string(), span));
    }

    fn directive(&self, name: &str) -> Span {
        self.directives
            .iter()
            .find(|(n, _)| n == name)
            .map_or(Span::default(), |(_, s)| *s)
    }

    /// The analysed binding of a (mangled) name; a name the scope never mentions is global.
    pub(super) fn binding(&self, name: &str) -> Binding {
        self.index
            .get(name)
            .and_then(|&i| self.bindings.get(i).copied())
            .unwrap_or(Binding::GlobalImplicit)
    }

    /// Names in symbol order with their binding and flags.
    pub(super) fn names(&self) -> impl Iterator<Item = (&str, Binding, u16)> {
        self.symbols.iter().enumerate().map(|(i, (name, flags))| {
            let binding = self
                .bindings
                .get(i)
                .copied()
                .unwrap_or(Binding::GlobalImplicit);
            (name.as_str(), binding, *flags)
        })
    }

    /// Names this scope receives through its closure, in closure order: its free variables,
    /// and for a class the names of its methods' free variables that it also binds itself.
    pub(super) fn free_names(&self) -> Vec<&str> {
        self.names()
            .filter(|(_, binding, flags)| {
                *binding == Binding::Free || flags & flag::FREE_CLASS != 0
            })
            .map(|(name, _, _)| name)
            .collect()
    }
}

/// Every scope of a program, and for each expression whether it contains a `yield` that
/// belongs to the scope it is in (so lowering knows where to hoist).
#[derive(Debug, Default)]
pub(super) struct ScopeTable {
    pub scopes: Vec<Scope>,
    pub children: Vec<Vec<ScopeId>>,
    pub by_node: HashMap<NodeKey, ScopeId>,
    pub yield_exprs: HashSet<usize>,
}

impl ScopeTable {
    pub(super) fn scope(&self, id: ScopeId) -> Option<&Scope> {
        self.scopes.get(id)
    }

    pub(super) fn scope_of(&self, key: NodeKey) -> Option<ScopeId> {
        self.by_node.get(&key).copied()
    }

    /// Resolves every name of every scope (CPython's `analyze_block` from the module down).
    pub(super) fn analyze(&mut self) -> Result<(), SyntaxError> {
        if self.scopes.is_empty() {
            return Ok(());
        }
        self.analyze_block(0, None, BTreeSet::new()).map(|_| ())
    }

    /// Returns the names free in this block or its children that it does not resolve.
    fn analyze_block(
        &mut self,
        id: ScopeId,
        mut bound: Option<BTreeSet<String>>,
        mut global: BTreeSet<String>,
    ) -> Result<BTreeSet<String>, SyntaxError> {
        let is_class = self.scopes[id].kind == CodeKind::Class;
        let is_function = self.scopes[id].is_function_like();
        let mut local = BTreeSet::new();
        let mut free = BTreeSet::new();
        let mut newbound = BTreeSet::new();
        let mut newglobal = BTreeSet::new();
        if is_class {
            newglobal.clone_from(&global);
            if let Some(b) = &bound {
                newbound.clone_from(b);
            }
        }
        let symbols: Vec<(String, u16)> = self.scopes[id].symbols.clone();
        let mut bindings = Vec::with_capacity(symbols.len());
        for (name, flags) in &symbols {
            let binding = self.analyze_name(
                id,
                name,
                *flags,
                bound.as_mut(),
                &mut local,
                &mut free,
                &mut global,
            )?;
            bindings.push(binding);
        }
        if is_class {
            newbound.insert("__class__".to_string());
        } else {
            if is_function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        }
        let mut newfree = BTreeSet::new();
        let children = self.children.get(id).cloned().unwrap_or_default();
        for child in children {
            let child_free =
                self.analyze_block(child, Some(newbound.clone()), newglobal.clone())?;
            newfree.extend(child_free);
        }
        if is_function {
            // A local that an inner scope uses freely becomes a cell.
            for ((name, _), binding) in symbols.iter().zip(bindings.iter_mut()) {
                if *binding == Binding::Local && newfree.remove(name) {
                    *binding = Binding::Cell;
                }
            }
        } else if is_class && newfree.remove("__class__") {
            self.scopes[id].needs_class_cell = true;
        }
        let scope = &mut self.scopes[id];
        scope.bindings = bindings;
        for name in &newfree {
            let flags = scope.flags(name);
            if scope.index.contains_key(name) {
                if is_class && flags & (flag::BOUND | flag::GLOBAL) != 0 {
                    scope.add_flags(name, flag::FREE_CLASS);
                }
                continue;
            }
            if let Some(b) = &bound {
                if !b.contains(name) {
                    continue;
                }
            }
            // Passed through this scope on its way to an inner one.
            scope.add_flags(name, 0);
            scope.bindings.push(Binding::Free);
        }
        free.extend(newfree);
        Ok(free)
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &self,
        id: ScopeId,
        name: &str,
        flags: u16,
        bound: Option<&mut BTreeSet<String>>,
        local: &mut BTreeSet<String>,
        free: &mut BTreeSet<String>,
        global: &mut BTreeSet<String>,
    ) -> Result<Binding, SyntaxError> {
        let scope = &self.scopes[id];
        let at_directive = |message: String| SyntaxError::new(message, scope.directive(name));
        if flags & flag::GLOBAL != 0 {
            if flags & flag::NONLOCAL != 0 {
                return Err(at_directive(format!(
                    "name '{name}' is nonlocal and global"
                )));
            }
            global.insert(name.to_string());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(Binding::GlobalExplicit);
        }
        if flags & flag::NONLOCAL != 0 {
            let Some(b) = bound else {
                return Err(at_directive(
                    "nonlocal declaration not allowed at module level".to_string(),
                ));
            };
            if !b.contains(name) {
                return Err(at_directive(format!(
                    "no binding for nonlocal '{name}' found"
                )));
            }
            free.insert(name.to_string());
            return Ok(Binding::Free);
        }
        if flags & flag::BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(Binding::Local);
        }
        if bound.is_some_and(|b| b.contains(name)) {
            free.insert(name.to_string());
            return Ok(Binding::Free);
        }
        Ok(Binding::GlobalImplicit)
    }
}

/// CPython's private name mangling: inside `class C`, `__x` becomes `_C__x`
/// (dunder names, dotted names and all-underscore class names are left alone).
pub(super) fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{class}{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_names_are_mangled_with_the_class_name() {
        assert_eq!(mangle(Some("Tree"), "__walk"), "_Tree__walk");
        assert_eq!(mangle(Some("_Tree"), "__walk"), "_Tree__walk");
        assert_eq!(mangle(Some("Tree"), "__init__"), "__init__");
        assert_eq!(mangle(Some("Tree"), "_walk"), "_walk");
        assert_eq!(mangle(Some("___"), "__walk"), "__walk");
        assert_eq!(mangle(None, "__walk"), "__walk");
    }
}
