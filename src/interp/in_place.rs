//! Operands read where they sit: the value of a local, a constant, a cell, a plain
//! attribute or a list item borrowed from its slot, and int expression trees folded on
//! `i64`s, so hot operations make, clone and drop no `Value` for them.
//!
//! Owns: the peeks (`peek`, `peek_bound`, `int_operand`, `int_or_attr`,
//! `is_none_in_place`, `list_item_in_place`) and the purity tests (`is_plain_read`,
//! `cannot_rebind`) that say when an operand may be read out of order.
//! Must not touch: anything that runs code or changes state. Every peek answers `None`
//! when the full rules are needed, and the caller then evaluates the operand as usual.

use super::attributes::with_plain_attr;
use super::frame::Frame;
use crate::lower::ir::{Expr, ExprKind};
use crate::runtime::list::item_at;
use crate::runtime::lookup_site::LookupSite;
use crate::runtime::symbol::Symbol;
use crate::runtime::value::Value;

/// The value of `e` when it is a local or a constant holding a small int, read without
/// cloning it: int operands of arithmetic and comparisons need no `Value` made or dropped.
#[inline(always)]
pub(super) fn peek_int(f: &Frame, e: &Expr) -> Option<i64> {
    peek(f, e)?.as_small_int()
}

/// The int in `e` when it is a local, a constant or a variable shared with an inner or
/// outer function (a cell) holding one: `i * j` inside a comprehension reads the
/// enclosing loop's `i` from its cell without making a `Value`.
#[inline(always)]
pub(super) fn peek_int_or_cell(f: &Frame, e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Deref(s) => match f.slots.get(*s as usize) {
            Some(Value::Cell(c)) => c.value.borrow().as_small_int(),
            _ => None,
        },
        _ => peek_int(f, e),
    }
}

/// The value of an int-only expression tree (`BinaryShape::IntTree`) folded on the
/// ints in place; `None` when a leaf is not an int or a step needs the general rules.
fn int_tree(f: &Frame, e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Binary {
            op, left, right, ..
        } => super::operators::int_op(*op, int_operand(f, left)?, int_operand(f, right)?),
        _ => peek_int_or_cell(f, e),
    }
}

/// An operand of an int-only tree: a leaf read inline, an inner operation folded by a
/// call of `int_tree`.
#[inline(always)]
pub(super) fn int_operand(f: &Frame, e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Local(s) => f.slots.get(*s as usize)?.as_small_int(),
        ExprKind::Const(Value::Int(i)) => Some(*i),
        ExprKind::Binary { .. } => int_tree(f, e),
        ExprKind::Deref(_) => peek_int_or_cell(f, e),
        _ => None,
    }
}

/// `int_operand`, or the int in a plain attribute of a bound local (`self.cur`, read in
/// place as `get_attr_at`'s fast path would read it). Reading runs no code, so when it
/// answers `None` the caller evaluates the operand the usual way.
#[inline(always)]
pub(super) fn int_or_attr(f: &Frame, e: &Expr) -> Option<i64> {
    if let ExprKind::Attr { obj, name, site } = &e.kind {
        return plain_int_attr(peek_bound(f, obj)?, *name, site);
    }
    int_operand(f, e)
}

/// The int in the plain attribute `obj.name` (see `with_plain_attr`), read in place.
#[inline(always)]
fn plain_int_attr(obj: &Value, name: Symbol, site: &LookupSite) -> Option<i64> {
    with_plain_attr(obj, name, site, Value::as_small_int)?
}

/// For `x is None` and `self.x is None`: whether the left operand, a bound local or a
/// plain attribute of one (see `with_plain_attr`), is `None`, read in place. `None` when
/// the right side is not the constant `None` or the operand needs the full rules.
pub(super) fn is_none_in_place(f: &Frame, left: &Expr, right: &Expr) -> Option<bool> {
    if !matches!(right.kind, ExprKind::Const(Value::None)) {
        return None;
    }
    match &left.kind {
        ExprKind::Local(_) => peek_bound(f, left).map(Value::is_none),
        ExprKind::Attr { obj, name, site } => {
            with_plain_attr(peek_bound(f, obj)?, *name, site, Value::is_none)
        }
        _ => None,
    }
}

/// `xs[i]`, `m[i][j]`: list items read where they sit when the outer container is a list
/// in a local or a cell, the inner one (for `m[i][j]`) a list item of it, and every
/// index an `int_operand` in range. No reference count moves on the containers. `None`
/// sends the caller to the full rules (which raise IndexError, call `__getitem__`, …);
/// nothing here runs code.
#[inline(always)]
pub(super) fn list_item_in_place(f: &Frame, e: &Expr) -> Option<Value> {
    let ExprKind::Subscript { obj, index } = &e.kind else {
        return None;
    };
    let i = int_operand(f, index)?;
    match &obj.kind {
        ExprKind::Subscript {
            obj: outer,
            index: row,
        } => {
            let r = int_operand(f, row)?;
            with_variable_list(f, outer, |rows| {
                list_items(item_at(rows, r)?, |items| item_at(items, i).cloned())
            })
        }
        _ => with_variable_list(f, obj, |items| item_at(items, i).cloned()),
    }
}

/// Runs `k` on the items of the list in the local or cell that `e` reads.
#[inline(always)]
pub(super) fn with_variable_list<R>(
    f: &Frame,
    e: &Expr,
    k: impl FnOnce(&[Value]) -> Option<R>,
) -> Option<R> {
    match &e.kind {
        ExprKind::Local(s) => list_items(f.slots.get(*s as usize)?, k),
        ExprKind::Deref(s) => match f.slots.get(*s as usize)? {
            Value::Cell(c) => list_items(&*c.value.try_borrow().ok()?, k),
            _ => None,
        },
        _ => None,
    }
}

/// Runs `k` on the items of `v` when it is a list not being changed.
#[inline(always)]
pub(super) fn list_items<R>(v: &Value, k: impl FnOnce(&[Value]) -> Option<R>) -> Option<R> {
    match v {
        Value::List(l) => k(&l.items.try_borrow().ok()?),
        _ => None,
    }
}

/// Whether evaluating `e` can neither run code nor change a variable: a read of a
/// variable or a constant. Such an operand may be evaluated out of order.
#[inline(always)]
pub(super) fn is_plain_read(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Local(_) | ExprKind::Const(_) | ExprKind::Deref(_)
    )
}

/// Whether evaluating `e` cannot rebind a local of the running frame: only a `:=` in
/// this frame can, and these shapes (`v`, `1`, `self.step`) have none.
#[inline(always)]
pub(super) fn cannot_rebind(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Attr { obj, .. } => is_plain_read(obj),
        _ => is_plain_read(e),
    }
}

/// The value of `e` when it is a local or a constant, borrowed.
#[inline(always)]
pub(super) fn peek<'a>(f: &'a Frame, e: &'a Expr) -> Option<&'a Value> {
    match &e.kind {
        ExprKind::Local(s) => f.slots.get(*s as usize),
        ExprKind::Const(v) => Some(v),
        _ => None,
    }
}

/// The value of `e` when it is a bound local or a constant, borrowed: an object whose
/// attribute is read or stored needs no clone when it sits in a slot.
#[inline(always)]
pub(super) fn peek_bound<'a>(f: &'a Frame, e: &'a Expr) -> Option<&'a Value> {
    peek(f, e).filter(|v| !v.is_undef())
}
