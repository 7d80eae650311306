//! Expressions: names, constants, operators, attribute and subscript reads, calls,
//! displays, short-circuit and chained comparisons.
//!
//! Owns: `Lowerer::expr`, the one entry point for lowering an expression, and the rule
//! that keeps Python's left-to-right order when a later operand contains a `yield`
//! (`operand`: an earlier operand is evaluated into a `$t` temporary first).
//! Must not touch: statement forms of yields and the if-statements that keep
//! short-circuiting around them (`lower_yield.rs`), functions and comprehensions (their own
//! files), f-strings (`lower_fstring.rs`).

use super::ir::{self, Arg, BinaryShape, DictElem, Elem, Expr, ExprKind, Stmt};
use super::ir_build::{call, local, set_local};
use super::scope::flag;
use super::scope_build::expr_key;
use super::{internal_error, Lowerer, Result};
use crate::runtime::lookup_site::LookupSite;
use crate::runtime::value::Value;
use crate::syntax::ast::{self, ExprKind as A};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;
use hashbrown::HashMap;

/// Which sequence display is being built.
#[derive(Clone, Copy)]
enum Display {
    Tuple,
    List,
    Set,
}

impl Lowerer<'_> {
    /// Whether `e` contains a `yield` of the code being lowered (so it must be hoisted).
    pub(super) fn has_yield(&self, e: &ast::Expr) -> bool {
        self.unit.is_generator && self.table.yield_exprs.contains(&expr_key(e))
    }

    /// Index of the last expression containing a `yield`: everything before it is
    /// evaluated into temporaries first.
    pub(super) fn last_yield<'e>(
        &self,
        mut exprs: impl DoubleEndedIterator<Item = &'e ast::Expr> + ExactSizeIterator,
    ) -> Option<usize> {
        exprs.rposition(|e| self.has_yield(e))
    }

    /// Lowers an expression. Statements that must run first (hoisted yields and the
    /// temporaries that keep evaluation order around them) are appended to `out`.
    pub(super) fn expr(&mut self, e: &ast::Expr, out: &mut Vec<Stmt>) -> Result<Expr> {
        let span = e.span;
        let kind = match &e.kind {
            A::Name(name) => return self.load_name(name, span),
            A::Constant(c) => ExprKind::Const(constant_value(c, span)?),
            A::FString(parts) => return self.fstring(parts, span, out),
            A::BoolOp { op, values } => return self.bool_op(*op, values, span, out),
            A::BinOp { left, op, right } => {
                let left = self.operand(left, self.has_yield(right), out)?;
                let right = self.expr(right, out)?;
                ExprKind::Binary {
                    op: *op,
                    shape: BinaryShape::of(&left, &right),
                    left: Box::new(left),
                    right: Box::new(right),
                }
            }
            A::UnaryOp { op, operand } => {
                let operand = self.expr(operand, out)?;
                match (op, &operand.kind) {
                    // `-1` is a constant, as CPython folds it.
                    (ast::UnaryOp::Neg, ExprKind::Const(v)) if negated(v).is_some() => {
                        ExprKind::Const(negated(v).unwrap_or(Value::None))
                    }
                    _ => ExprKind::Unary {
                        op: unary_op(*op),
                        operand: Box::new(operand),
                    },
                }
            }
            A::Compare { left, ops } => return self.compare(left, ops, span, out),
            A::Lambda { params, body } => return self.lambda(e, params, body, out),
            A::IfExp { test, body, orelse } => return self.if_exp(test, body, orelse, span, out),
            A::NamedExpr { target, value } => {
                let value = self.expr(value, out)?;
                let target = self.store_name(&target.name, target.span)?;
                ExprKind::StoreTemp {
                    target: Box::new(target),
                    value: Box::new(value),
                }
            }
            A::Dict(items) => return self.dict_display(items, span, out),
            A::Set(items) => return self.display(Display::Set, items, span, out),
            A::List(items) => return self.display(Display::List, items, span, out),
            A::Tuple(items) => return self.display(Display::Tuple, items, span, out),
            A::ListComp { .. }
            | A::SetComp { .. }
            | A::DictComp { .. }
            | A::GeneratorExp { .. } => return self.comprehension(e, out),
            A::Yield(value) => return self.yield_expr(value.as_deref(), span, out),
            A::YieldFrom(value) => return self.yield_from_expr(value, span, out),
            A::Call { func, args } => return self.call(func, args, span, out),
            A::Attribute { value, attr } => ExprKind::Attr {
                obj: Box::new(self.expr(value, out)?),
                name: self.attr_symbol(&attr.name),
                site: LookupSite::new(),
            },
            A::Subscript { value, index } => ExprKind::Subscript {
                obj: Box::new(self.operand(value, self.has_yield(index), out)?),
                index: Box::new(self.expr(index, out)?),
            },
            A::Slice { lower, upper, step } => {
                let parts = [lower, upper, step];
                let last = parts
                    .iter()
                    .rposition(|p| p.as_ref().is_some_and(|p| self.has_yield(p)));
                let mut lowered = Vec::with_capacity(3);
                for (i, part) in parts.into_iter().enumerate() {
                    lowered.push(match part {
                        Some(p) => Some(Box::new(self.operand(p, before(last, i), out)?)),
                        None => None,
                    });
                }
                let mut lowered = lowered.into_iter();
                ExprKind::Slice {
                    lower: lowered.next().flatten(),
                    upper: lowered.next().flatten(),
                    step: lowered.next().flatten(),
                }
            }
            A::Starred(_) => {
                return Err(SyntaxError::new("can't use starred expression here", span))
            }
        };
        Ok(Expr::new(kind, span))
    }

    /// An operand followed by one containing a `yield`: evaluated now, into a temporary.
    pub(super) fn operand(
        &mut self,
        e: &ast::Expr,
        spill: bool,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        let value = self.expr(e, out)?;
        Ok(if spill { self.spill(value, out) } else { value })
    }

    /// `$t = value`, returning `$t` (constants, and values already in a `$t`, need no
    /// new temporary).
    pub(super) fn spill(&mut self, value: Expr, out: &mut Vec<Stmt>) -> Expr {
        match value.kind {
            ExprKind::Const(_) => return value,
            ExprKind::Local(slot) if self.unit.is_live_value_temp(slot) => return value,
            _ => {}
        }
        let span = value.span;
        let slot = self.unit.temp("$t");
        out.push(set_local(slot, value, span));
        local(slot, span)
    }

    /// The iterable of a `*iterable` item; when spilled, copied into a list now
    /// (`$t = [*iterable]`), as Python unpacks it before evaluating later items.
    fn star_operand(&mut self, e: &ast::Expr, spill: bool, out: &mut Vec<Stmt>) -> Result<Expr> {
        let value = self.expr(e, out)?;
        if !spill {
            return Ok(value);
        }
        let span = value.span;
        let copy = Expr::new(ExprKind::ListUnpack(vec![Elem::Star(value)]), span);
        Ok(self.spill(copy, out))
    }

    /// Like `star_operand`, for `**mapping` (copied into a dict).
    fn double_star_operand(
        &mut self,
        e: &ast::Expr,
        spill: bool,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        let value = self.expr(e, out)?;
        if !spill {
            return Ok(value);
        }
        let span = value.span;
        let copy = Expr::new(ExprKind::DictUnpack(vec![DictElem::Unpack(value)]), span);
        Ok(self.spill(copy, out))
    }

    fn display(
        &mut self,
        which: Display,
        items: &[ast::Expr],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        let last = self.last_yield(items.iter());
        let kind = if items.iter().any(|i| matches!(i.kind, A::Starred(_))) {
            let mut elems = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                elems.push(match &item.kind {
                    A::Starred(inner) => {
                        Elem::Star(self.star_operand(inner, before(last, i), out)?)
                    }
                    _ => Elem::One(self.operand(item, before(last, i), out)?),
                });
            }
            match which {
                Display::Tuple => ExprKind::TupleUnpack(elems),
                Display::List => ExprKind::ListUnpack(elems),
                Display::Set => ExprKind::SetUnpack(elems),
            }
        } else {
            let mut values = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                values.push(self.operand(item, before(last, i), out)?);
            }
            if let (Display::Tuple, Some(constants)) = (which, constants(&values)) {
                // A tuple of constants is itself a constant, as CPython folds it.
                return Ok(Expr::new(ExprKind::Const(Value::tuple(constants)), span));
            }
            if matches!(which, Display::Set) && values.len() > 2 && constants(&values).is_some() {
                return Ok(Expr::new(
                    ExprKind::ConstSet {
                        items: values,
                        table: Default::default(),
                    },
                    span,
                ));
            }
            match which {
                Display::Tuple => ExprKind::Tuple(values),
                Display::List => ExprKind::List(values),
                Display::Set => ExprKind::Set(values),
            }
        };
        Ok(Expr::new(kind, span))
    }

    fn dict_display(
        &mut self,
        items: &[ast::DictItem],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        // Keys and values in evaluation order: k1, v1, k2, v2 …
        let flat: Vec<&ast::Expr> = items
            .iter()
            .flat_map(|item| match item {
                ast::DictItem::Pair(k, v) => vec![k, v],
                ast::DictItem::Unpack(m) => vec![m],
            })
            .collect();
        let last = self.last_yield(flat.iter().copied());
        let mut index = 0;
        let mut elems = Vec::with_capacity(items.len());
        for item in items {
            elems.push(match item {
                ast::DictItem::Pair(k, v) => {
                    let key = self.operand(k, before(last, index), out)?;
                    let value = self.operand(v, before(last, index + 1), out)?;
                    index += 2;
                    DictElem::Pair(key, value)
                }
                ast::DictItem::Unpack(m) => {
                    let mapping = self.double_star_operand(m, before(last, index), out)?;
                    index += 1;
                    DictElem::Unpack(mapping)
                }
            });
        }
        let kind = if elems.iter().any(|e| matches!(e, DictElem::Unpack(_))) {
            ExprKind::DictUnpack(elems)
        } else {
            ExprKind::Dict(
                elems
                    .into_iter()
                    .filter_map(|e| match e {
                        DictElem::Pair(k, v) => Some((k, v)),
                        DictElem::Unpack(_) => None,
                    })
                    .collect(),
            )
        };
        Ok(Expr::new(kind, span))
    }

    /// `f(args)`; `obj.m(args)` becomes `CallMethod` (unless an argument yields: then the
    /// bound method is looked up first, as Python does, and kept in a temporary).
    fn call(
        &mut self,
        func: &ast::Expr,
        args: &[ast::Arg],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        check_keywords(args, span)?;
        if let Some(call) = self.zero_arg_super(func, args, span)? {
            return Ok(call);
        }
        let last = self.last_yield(args.iter().map(arg_expr));
        if let (A::Attribute { value, attr }, None) = (&func.kind, last) {
            let obj = self.expr(value, out)?;
            let args = self.call_args(args, None, out)?;
            let kind = ExprKind::CallMethod {
                obj: Box::new(obj),
                name: self.attr_symbol(&attr.name),
                args,
                site: LookupSite::new(),
            };
            return Ok(Expr::new(kind, span));
        }
        let func = self.operand(func, last.is_some(), out)?;
        let args = self.call_args(args, last, out)?;
        let kind = ExprKind::Call {
            func: Box::new(func),
            args,
        };
        Ok(Expr::new(kind, span))
    }

    pub(super) fn call_args(
        &mut self,
        args: &[ast::Arg],
        last_yield: Option<usize>,
        out: &mut Vec<Stmt>,
    ) -> Result<Vec<Arg>> {
        let mut lowered = Vec::with_capacity(args.len());
        for (i, arg) in args.iter().enumerate() {
            let spill = before(last_yield, i);
            lowered.push(match arg {
                ast::Arg::Positional(e) => match &e.kind {
                    A::Starred(inner) => Arg::Star(self.star_operand(inner, spill, out)?),
                    _ => Arg::Pos(self.operand(e, spill, out)?),
                },
                ast::Arg::Starred(e) => Arg::Star(self.star_operand(e, spill, out)?),
                ast::Arg::Keyword(name, e) => {
                    let name = crate::runtime::symbol::Symbol::intern(&name.name);
                    Arg::Kw(name, self.operand(e, spill, out)?)
                }
                ast::Arg::DoubleStarred(e) => {
                    Arg::StarStar(self.double_star_operand(e, spill, out)?)
                }
            });
        }
        Ok(lowered)
    }

    /// Zero-argument `super()` in a method: `super(__class__, <first parameter>)`, where
    /// `__class__` is the cell holding the class being defined.
    fn zero_arg_super(
        &mut self,
        func: &ast::Expr,
        args: &[ast::Arg],
        span: Span,
    ) -> Result<Option<Expr>> {
        let A::Name(name) = &func.kind else {
            return Ok(None);
        };
        if name != "super" || !args.is_empty() || !self.unit.is_function_like() {
            return Ok(None);
        }
        let module_binds_super = self
            .table
            .scope(0)
            .is_some_and(|m| m.flags("super") & flag::BOUND != 0);
        if module_binds_super || !self.is_global_name("super")? {
            return Ok(None);
        }
        let Some(class_cell) = self.deref_slot("__class__")? else {
            return Ok(None);
        };
        let Some(first) = self.unit.params.positional.first().copied() else {
            return Ok(None);
        };
        let instance = self.load_mangled(first.as_str(), span)?;
        let super_fn = self.load_name("super", func.span)?;
        let class = Expr::new(ExprKind::Deref(class_cell), func.span);
        Ok(Some(call(super_fn, vec![class, instance], span)))
    }

    fn bool_op(
        &mut self,
        op: ast::BoolOp,
        values: &[ast::Expr],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        if values.iter().skip(1).any(|v| self.has_yield(v)) {
            return self.bool_op_with_yield(op, values, span, out);
        }
        let mut lowered = Vec::with_capacity(values.len());
        for v in values {
            lowered.push(self.expr(v, out)?);
        }
        // Right-nested, `a and (b and c)`: each operand's truth is tested once.
        let mut acc = lowered
            .pop()
            .ok_or_else(|| internal_error("empty boolean operation", span))?;
        while let Some(left) = lowered.pop() {
            let span = left.span.to(acc.span);
            let (l, r) = (Box::new(left), Box::new(acc));
            let kind = match op {
                ast::BoolOp::And => ExprKind::And(l, r),
                ast::BoolOp::Or => ExprKind::Or(l, r),
            };
            acc = Expr::new(kind, span);
        }
        acc.span = span;
        Ok(acc)
    }

    fn if_exp(
        &mut self,
        test: &ast::Expr,
        body: &ast::Expr,
        orelse: &ast::Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        let test = self.expr(test, out)?;
        if self.has_yield(body) || self.has_yield(orelse) {
            return self.if_exp_with_yield(test, body, orelse, span, out);
        }
        let kind = ExprKind::IfElse {
            test: Box::new(test),
            then: Box::new(self.expr(body, out)?),
            orelse: Box::new(self.expr(orelse, out)?),
        };
        Ok(Expr::new(kind, span))
    }

    /// `a < b < c` is `a < ($t := b) and $t < c`: every operand evaluated once, at most.
    fn compare(
        &mut self,
        left: &ast::Expr,
        ops: &[(ast::CmpOp, ast::Expr)],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Result<Expr> {
        if ops.iter().skip(1).any(|(_, e)| self.has_yield(e)) {
            return self.compare_with_yield(left, ops, span, out);
        }
        let first_right_yields = ops.first().is_some_and(|(_, e)| self.has_yield(e));
        let mut left = self.operand(left, first_right_yields, out)?;
        let mut compares = Vec::with_capacity(ops.len());
        for (i, (op, right)) in ops.iter().enumerate() {
            let right_value = self.expr(right, out)?;
            let right_span = right_value.span;
            let (right_value, next_left) = if i + 1 < ops.len() {
                let slot = self.unit.temp("$t");
                let stored = Expr::new(
                    ExprKind::StoreTemp {
                        target: Box::new(ir::Target::Local(slot)),
                        value: Box::new(right_value),
                    },
                    right_span,
                );
                (stored, Some(local(slot, right_span)))
            } else {
                (right_value, None)
            };
            let compare_span = left.span.to(right_span);
            let compare = ExprKind::Compare {
                op: *op,
                left: Box::new(left),
                right: Box::new(right_value),
            };
            compares.push(Expr::new(compare, compare_span));
            match next_left {
                Some(next) => left = next,
                None => break,
            }
        }
        let mut acc = compares
            .pop()
            .ok_or_else(|| internal_error("comparison without operator", span))?;
        while let Some(first) = compares.pop() {
            let span = first.span.to(acc.span);
            acc = Expr::new(ExprKind::And(Box::new(first), Box::new(acc)), span);
        }
        acc.span = span;
        Ok(acc)
    }
}

/// Whether position `i` comes before the last operand containing a `yield`.
pub(super) fn before(last_yield: Option<usize>, i: usize) -> bool {
    last_yield.is_some_and(|last| i < last)
}

pub(super) fn arg_expr(arg: &ast::Arg) -> &ast::Expr {
    match arg {
        ast::Arg::Positional(e)
        | ast::Arg::Starred(e)
        | ast::Arg::Keyword(_, e)
        | ast::Arg::DoubleStarred(e) => e,
    }
}

/// CPython's checks on keyword arguments: `__debug__` cannot be one, and none repeats.
pub(super) fn check_keywords(args: &[ast::Arg], call_span: Span) -> Result<()> {
    let keywords: Vec<(&ast::Ident, &ast::Expr)> = args
        .iter()
        .filter_map(|a| match a {
            ast::Arg::Keyword(name, value) => Some((name, value)),
            _ => None,
        })
        .collect();
    // For each keyword, where the same name appears next.
    let mut next_same = vec![None; keywords.len()];
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, (name, _)) in keywords.iter().enumerate().rev() {
        next_same[i] = seen.insert(name.name.as_str(), i);
    }
    for ((name, _), next) in keywords.iter().zip(next_same) {
        if name.name == "__debug__" {
            return Err(SyntaxError::new("cannot assign to __debug__", call_span));
        }
        if let Some((other, value)) = next.and_then(|j| keywords.get(j)) {
            return Err(SyntaxError::new(
                format!("keyword argument repeated: {}", name.name),
                other.span.to(value.span),
            ));
        }
    }
    Ok(())
}

pub(super) fn constant_value(c: &ast::Constant, span: Span) -> Result<Value> {
    Ok(match c {
        ast::Constant::None => Value::None,
        ast::Constant::True => Value::Bool(true),
        ast::Constant::False => Value::Bool(false),
        ast::Constant::Ellipsis => Value::Ellipsis,
        ast::Constant::Int(i) => Value::Int(*i),
        ast::Constant::BigInt(b) => Value::from_bigint(b.clone()),
        ast::Constant::Float(f) => Value::Float(*f),
        ast::Constant::Str(s) => Value::str(s),
        ast::Constant::Bytes(_) => {
            return Err(SyntaxError::new(
                "iterp does not support bytes literals",
                span,
            ))
        }
    })
}

/// `-v` for a numeric constant.
fn negated(v: &Value) -> Option<Value> {
    match v {
        Value::Int(i) => Some(match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
        }),
        Value::BigInt(b) => Some(Value::from_bigint(-(**b).clone())),
        Value::Float(f) => Some(Value::Float(-f)),
        _ => None,
    }
}

/// The values of expressions that are all constants.
fn constants(exprs: &[Expr]) -> Option<Vec<Value>> {
    exprs
        .iter()
        .map(|e| match &e.kind {
            ExprKind::Const(v) => Some(v.clone()),
            _ => None,
        })
        .collect()
}

fn unary_op(op: ast::UnaryOp) -> ir::UnaryOp {
    match op {
        ast::UnaryOp::Not => ir::UnaryOp::Not,
        ast::UnaryOp::Neg => ir::UnaryOp::Neg,
        ast::UnaryOp::Pos => ir::UnaryOp::Pos,
        ast::UnaryOp::Invert => ir::UnaryOp::Invert,
    }
}
