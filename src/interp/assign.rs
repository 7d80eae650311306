//! Assignment targets: storing, unpacking, deleting, augmented assignment.
//!
//! Owns: what `t = v`, `a, *b = v`, `del t` and `t op= v` do to each kind of target.
//! Must not touch: evaluating expressions beyond a target's object and index.

use super::attributes::update_plain_int_attr;
use super::frame::Frame;
use super::in_place;
use super::trace::Who;
use super::Interp;
use crate::lower::ir::{Expr, Target};
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::hint::{Count, Culprit, Hint};
use crate::runtime::symbol::Symbol;
use crate::runtime::value::Value;
use crate::syntax::ast::BinOp;
use crate::syntax::span::Span;

impl Interp {
    /// Stores `v` into `target`. Storing into a local slot, the commonest target, is
    /// inlined into the caller.
    #[inline(always)]
    pub fn assign(&mut self, f: &mut Frame, target: &Target, v: Value) -> PyResult<()> {
        match target {
            Target::Local(s) => {
                f.slots[*s as usize].store(v);
                Ok(())
            }
            _ => self.assign_other(f, target, v),
        }
    }

    #[inline(never)]
    fn assign_other(&mut self, f: &mut Frame, target: &Target, v: Value) -> PyResult<()> {
        match target {
            Target::Local(s) => {
                f.slots[*s as usize].store(v);
                Ok(())
            }
            Target::Deref(s) => {
                if let Value::Cell(c) = &f.slots[*s as usize] {
                    c.value.borrow_mut().store(v);
                }
                Ok(())
            }
            Target::Global(id) => {
                self.store_global(*id, v);
                Ok(())
            }
            Target::ClassLocal(name) => {
                if let Some(ns) = f.namespace_mut() {
                    ns.set(*name, v);
                }
                Ok(())
            }
            Target::Attr {
                obj,
                name,
                span,
                site,
            } => {
                if let Some(o) = in_place::peek_bound(f, obj) {
                    return self
                        .set_attr_at(o, *name, v, Some(site))
                        .map_err(|e| e.locate(*span));
                }
                let o = self.eval(f, obj)?;
                self.set_attr_at(&o, *name, v, Some(site))
                    .map_err(|e| e.locate(*span))
            }
            Target::Subscript { obj, index, span } => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, index)?;
                self.set_item(&o, i, v).map_err(|e| e.locate(*span))
            }
            Target::Unpack { items, star, span } => {
                let values = self
                    .driven_by(Who::Unpack, |i| i.unpack(&v, items.len(), *star))
                    .map_err(|e| e.locate(*span))?;
                for (t, v) in items.iter().zip(values) {
                    self.assign(f, t, v)?;
                }
                Ok(())
            }
        }
    }

    /// Splits an iterable into exactly `n` values (the starred one, at `star`, a list).
    pub fn unpack(&mut self, v: &Value, n: usize, star: Option<usize>) -> PyResult<Vec<Value>> {
        // Exact-size sequences need no iteration protocol.
        if star.is_none() {
            let direct = match v {
                Value::Tuple(t) => Some(t.as_slice().to_vec()),
                Value::List(l) => Some(l.snapshot()),
                _ => None,
            };
            if let Some(items) = direct {
                return match items.len() {
                    len if len == n => Ok(items),
                    len if len > n => Err(too_many_values(n, Count::Exactly(len))),
                    len => Err(not_enough_values(n, len)),
                };
            }
        }
        let it = match self.iter(v) {
            Ok(it) => it,
            // CPython's wording when the value has no way to be iterated at all.
            Err(e) if e.is(ExcKind::TypeError) && !self.is_iterable(v) => {
                return Err(Exc::new(
                    ExcKind::TypeError,
                    format!("cannot unpack non-iterable {} object", v.type_name()),
                )
                .with_hint(Hint::NotIterable(Culprit::of(v))))
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::with_capacity(n);
        match star {
            None => {
                while out.len() < n {
                    match self.next(&it)? {
                        Some(x) => out.push(x),
                        None => return Err(not_enough_values(n, out.len())),
                    }
                }
                if self.next(&it)?.is_some() {
                    return Err(too_many_values(n, Count::AtLeast(n + 1)));
                }
            }
            Some(k) => {
                let after = n - k - 1;
                while out.len() < k {
                    match self.next(&it)? {
                        Some(x) => out.push(x),
                        None => return Err(not_enough_values_star(n - 1, out.len())),
                    }
                }
                let mut rest = Vec::new();
                while let Some(x) = self.next(&it)? {
                    rest.push(x);
                }
                if rest.len() < after {
                    return Err(not_enough_values_star(n - 1, k + rest.len()));
                }
                let tail = rest.split_off(rest.len() - after);
                out.push(Value::list(rest));
                out.extend(tail);
            }
        }
        Ok(out)
    }

    /// Unbinds a name (`except … as e` ends; `del x`). Attribute and item targets are not
    /// names and are left alone.
    pub fn unbind(&mut self, f: &mut Frame, target: &Target) {
        match target {
            Target::Local(s) => f.slots[*s as usize] = Value::Undef,
            Target::Deref(s) => {
                if let Value::Cell(c) = &f.slots[*s as usize] {
                    *c.value.borrow_mut() = Value::Undef;
                }
            }
            Target::Global(id) => self.store_global(*id, Value::Undef),
            Target::ClassLocal(name) => {
                if let Some(ns) = f.namespace_mut() {
                    ns.remove(*name);
                }
            }
            _ => {}
        }
    }

    pub fn delete(&mut self, f: &mut Frame, target: &Target) -> PyResult<()> {
        match target {
            Target::Local(s) => {
                if f.slots[*s as usize].is_undef() {
                    return Err(unbound_local(f.code.slot_names[*s as usize]));
                }
                f.slots[*s as usize] = Value::Undef;
            }
            Target::Deref(s) => {
                if let Value::Cell(c) = &f.slots[*s as usize] {
                    if c.value.borrow().is_undef() {
                        return Err(unbound_local(f.code.slot_names[*s as usize]));
                    }
                    *c.value.borrow_mut() = Value::Undef;
                }
            }
            Target::Global(id) => {
                if self.globals.get(*id as usize).is_none_or(|v| v.is_undef()) {
                    return Err(self.name_error(self.global_names.name(*id)));
                }
                self.store_global(*id, Value::Undef);
            }
            Target::ClassLocal(name) => {
                let removed = f.namespace_mut().and_then(|ns| ns.remove(*name));
                if removed.is_none() {
                    return Err(self.name_error(*name));
                }
            }
            Target::Attr {
                obj, name, span, ..
            } => {
                let o = self.eval(f, obj)?;
                self.del_attr(&o, *name).map_err(|e| e.locate(*span))?;
            }
            Target::Subscript { obj, index, span } => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, index)?;
                self.del_item(&o, &i).map_err(|e| e.locate(*span))?;
            }
            Target::Unpack { items, .. } => {
                for t in items {
                    self.delete(f, t)?;
                }
            }
        }
        Ok(())
    }

    /// `target op= value`: the target is read, the value evaluated, the in-place operation
    /// applied and the result stored, evaluating the target's object and index once.
    /// `cur op= rhs`'s new value: the number fast path, else the in-place rules.
    #[inline(always)]
    fn combine(&mut self, op: BinOp, cur: Value, rhs: Value, span: Span) -> PyResult<Value> {
        match super::operators::number_fast(op, &cur, &rhs) {
            Some(r) => Ok(r),
            None => self.inplace(op, cur, rhs).map_err(|e| e.locate(span)),
        }
    }

    pub fn aug_assign(
        &mut self,
        f: &mut Frame,
        target: &Target,
        op: BinOp,
        value: &Expr,
    ) -> PyResult<()> {
        match target {
            Target::Local(s) => {
                let slot = *s as usize;
                // `total += x + r` on ints: the right side read or folded in place (pure
                // reads only), the sum written into the old int where it sits.
                if matches!(f.slots.get(slot), Some(Value::Int(_))) {
                    if let Some(y) = in_place::int_operand(f, value) {
                        if let Some(Value::Int(x)) = f.slots.get_mut(slot) {
                            if let Some(r) = super::operators::int_op(op, *x, y) {
                                *x = r;
                                return Ok(());
                            }
                        }
                    }
                }
                let cur = match &f.slots[slot] {
                    Value::Undef => return Err(unbound_local(f.code.slot_names[slot])),
                    v => v.clone(),
                };
                let rhs = self.eval(f, value)?;
                if let Some(r) = super::operators::number_fast(op, &cur, &rhs) {
                    cur.discard();
                    rhs.discard();
                    f.slots[slot].store(r);
                    return Ok(());
                }
                // Drop the slot's reference first, so a string held only here grows in place.
                f.slots[slot] = Value::Undef;
                let r = self
                    .inplace(op, cur, rhs)
                    .map_err(|e| e.locate(value.span))?;
                f.slots[slot] = r;
                Ok(())
            }
            Target::Attr {
                obj,
                name,
                span,
                site,
            } => {
                // `self.x += self.step`: the object in a local is used in place; the
                // right side cannot rebind that local, so it is the same object after.
                if in_place::cannot_rebind(value) {
                    if let Some(o) = in_place::peek_bound(f, obj) {
                        // Plain int attributes and an int right side: combined in place
                        // (both sides are pure reads, so reading the right one first is
                        // unobservable).
                        if let Some(y) = in_place::int_or_attr(f, value) {
                            let update = |x| super::operators::int_op(op, x, y);
                            if update_plain_int_attr(o, *name, site, update).is_some() {
                                return Ok(());
                            }
                        }
                        let cur = self
                            .get_attr_at(o, *name, Some(site))
                            .map_err(|e| e.locate(*span))?;
                        let rhs = self.eval(f, value)?;
                        let r = self.combine(op, cur, rhs, *span)?;
                        if let Some(o) = in_place::peek_bound(f, obj) {
                            return self
                                .set_attr_at(o, *name, r, Some(site))
                                .map_err(|e| e.locate(*span));
                        }
                        let o = self.eval(f, obj)?;
                        return self
                            .set_attr_at(&o, *name, r, Some(site))
                            .map_err(|e| e.locate(*span));
                    }
                }
                let o = self.eval(f, obj)?;
                let cur = self
                    .get_attr_at(&o, *name, Some(site))
                    .map_err(|e| e.locate(*span))?;
                let rhs = self.eval(f, value)?;
                let r = self.combine(op, cur, rhs, *span)?;
                self.set_attr_at(&o, *name, r, Some(site))
                    .map_err(|e| e.locate(*span))
            }
            Target::Subscript { obj, index, span } => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, index)?;
                let cur = self.get_item(&o, &i).map_err(|e| e.locate(*span))?;
                let rhs = self.eval(f, value)?;
                let r = self.inplace(op, cur, rhs).map_err(|e| e.locate(*span))?;
                self.set_item(&o, i, r).map_err(|e| e.locate(*span))
            }
            Target::Deref(_) | Target::Global(_) | Target::ClassLocal(_) => {
                let cur = self.load_target(f, target)?;
                let rhs = self.eval(f, value)?;
                let r = self
                    .inplace(op, cur, rhs)
                    .map_err(|e| e.locate(value.span))?;
                self.assign(f, target, r)
            }
            Target::Unpack { span, .. } => Err(Exc::new(
                ExcKind::SyntaxError,
                "illegal expression for augmented assignment",
            )
            .locate(*span)),
        }
    }

    /// Reads a name target's current value (for augmented assignment).
    fn load_target(&mut self, f: &mut Frame, target: &Target) -> PyResult<Value> {
        match target {
            Target::Deref(s) => self.load_deref(f, *s),
            Target::Global(id) => self.load_global(*id),
            Target::ClassLocal(name) => {
                if let Some(v) = f.namespace().and_then(|ns| ns.get(*name)) {
                    return Ok(v.clone());
                }
                match self.global_names.get(*name) {
                    Some(id) => self.load_global(id),
                    None => Err(self.name_error(*name)),
                }
            }
            Target::Local(s) => match &f.slots[*s as usize] {
                Value::Undef => Err(unbound_local(f.code.slot_names[*s as usize])),
                v => Ok(v.clone()),
            },
            _ => Ok(Value::None),
        }
    }

    pub fn load_deref(&mut self, f: &Frame, s: u32) -> PyResult<Value> {
        match &f.slots[s as usize] {
            Value::Cell(c) => {
                let v = c.value.borrow();
                if v.is_undef() {
                    let name = f.code.slot_names[s as usize];
                    if f.code.free_slots.contains(&s) {
                        return Err(Exc::new(
                            ExcKind::NameError,
                            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                        ));
                    }
                    return Err(unbound_local(name));
                }
                Ok(v.clone())
            }
            Value::Undef => Err(unbound_local(f.code.slot_names[s as usize])),
            v => Ok(v.clone()),
        }
    }
}

pub fn unbound_local(name: Symbol) -> Exc {
    Exc::new(
        ExcKind::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

fn too_many_values(expected: usize, values: Count) -> Exc {
    Exc::new(
        ExcKind::ValueError,
        format!("too many values to unpack (expected {expected})"),
    )
    .with_hint(Hint::Unpack {
        targets: expected,
        values,
    })
}

fn not_enough_values(expected: usize, got: usize) -> Exc {
    Exc::new(
        ExcKind::ValueError,
        format!("not enough values to unpack (expected {expected}, got {got})"),
    )
    .with_hint(Hint::Unpack {
        targets: expected,
        values: Count::Exactly(got),
    })
}

fn not_enough_values_star(expected_at_least: usize, got: usize) -> Exc {
    Exc::new(
        ExcKind::ValueError,
        format!("not enough values to unpack (expected at least {expected_at_least}, got {got})"),
    )
    .with_hint(Hint::Unpack {
        targets: expected_at_least + 1,
        values: Count::Exactly(got),
    })
}
