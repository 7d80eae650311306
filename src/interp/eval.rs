//! Evaluating expressions.
//!
//! Owns: `eval` for every IR expression kind but displays (`displays.rs`), argument
//! lists, f-string parts.
//! Errors are located here: the innermost failing node records its span on the exception
//! (`Exc::locate`), which becomes this frame's traceback line.
//! Must not touch: operator semantics (`operators.rs`), attribute rules (`attributes.rs`),
//! calling (`call.rs`).

use super::assign::unbound_local;
use super::call::Method;
use super::frame::Frame;
use super::in_place::{
    int_operand, int_or_attr, is_none_in_place, is_plain_read, list_item_in_place, peek,
    peek_bound, peek_int, peek_int_or_cell,
};
use super::repr::FieldText;
use super::trace::Who;
use super::Interp;
use crate::lower::ir::{Arg, BinaryShape, Conversion, Expr, ExprKind, MakeFunction};
use crate::runtime::exception::{type_error, Exc, ExcKind, PyResult};
use crate::runtime::function::{Args, Function, NativeFunction};
use crate::runtime::lookup_site::LookupSite;
use crate::runtime::range::Slice;
use crate::runtime::str::PyStr;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::types::class_of;
use crate::runtime::value::{PushValue, Value};
use crate::syntax::ast::CmpOp;
use crate::syntax::span::Span;
use smallvec::SmallVec;
use std::rc::Rc;

/// Positional arguments of one call, on the Rust stack for the common case.
pub type ArgVec = SmallVec<[Value; 6]>;
/// Keyword arguments of one call.
pub type KwVec = Vec<(Symbol, Value)>;

impl Interp {
    /// Evaluates `e`. Reading a bound local or a constant, the commonest operands, is
    /// answered here, inlined into the caller: a call of the full `eval_node` (a large
    /// function with a large stack frame) costs more than the read itself.
    #[inline(always)]
    pub fn eval(&mut self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Local(s) => match f.slots.get(*s as usize) {
                Some(v) if !v.is_undef() => Ok(v.clone()),
                _ => self.eval_node(f, e),
            },
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Binary { .. } => self.eval_binary(f, e),
            ExprKind::Attr { .. } => self.eval_attr(f, e),
            ExprKind::Call { .. } => self.eval_call_expr(f, e),
            ExprKind::CallMethod { .. } => self.eval_method_call_expr(f, e),
            ExprKind::Subscript { .. } => self.eval_subscript(f, e),
            // A bound variable shared with an inner or outer function (closures,
            // comprehensions reading their enclosing function's variables).
            ExprKind::Deref(s) => match f.slots.get(*s as usize) {
                Some(Value::Cell(c)) if !c.value.borrow().is_undef() => {
                    Ok(c.value.borrow().clone())
                }
                _ => self.eval_node(f, e),
            },
            _ => self.eval_node(f, e),
        }
    }

    /// A binary operation, in a frame smaller than `eval_node`'s: int and float operands
    /// that are locals or constants are read in place; other operands are evaluated.
    #[inline(never)]
    fn eval_binary(&mut self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        if let ExprKind::Binary {
            op,
            left,
            right,
            shape,
        } = &e.kind
        {
            match shape {
                BinaryShape::LocalInt(s, k) => {
                    if let Some(Value::Int(x)) = f.slots.get(*s as usize) {
                        if let Some(v) = super::operators::int_fast(*op, *x, *k) {
                            return Ok(v);
                        }
                    }
                }
                BinaryShape::WithCell => {
                    if let (Some(x), Some(y)) =
                        (peek_int_or_cell(f, left), peek_int_or_cell(f, right))
                    {
                        if let Some(v) = super::operators::int_fast(*op, x, y) {
                            return Ok(v);
                        }
                    }
                }
                BinaryShape::IntTree => {
                    if let (Some(x), Some(y)) = (int_operand(f, left), int_operand(f, right)) {
                        if let Some(v) = super::operators::int_op(*op, x, y) {
                            return Ok(Value::Int(v));
                        }
                    }
                }
                BinaryShape::Other => {}
            }
            if let (Some(a), Some(b)) = (peek(f, left), peek(f, right)) {
                if let Some(v) = super::operators::number_fast(*op, a, b) {
                    return Ok(v);
                }
            }
            let a = self.eval(f, left)?;
            let b = self.eval(f, right)?;
            if let Some(v) = super::operators::number_fast(*op, &a, &b) {
                a.discard();
                b.discard();
                return Ok(v);
            }
            return self.binary(*op, &a, &b).map_err(|x| x.locate(e.span));
        }
        self.eval_node(f, e)
    }

    /// A call `func(args)`, in a frame smaller than `eval_node`'s; a global callee
    /// (`fib(n - 1)`, `len(x)`) is read without a trip through `eval_node`.
    #[inline(never)]
    fn eval_call_expr(&mut self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        let ExprKind::Call { func, args } = &e.kind else {
            return self.eval_node(f, e);
        };
        let callee = match &func.kind {
            ExprKind::Global(id) => self.load_global(*id).map_err(|x| x.locate(func.span))?,
            _ => self.eval(f, func)?,
        };
        self.eval_call(f, &callee, args)
            .map_err(|x| x.locate(e.span))
    }

    /// A method call `obj.name(args)`, in a frame smaller than `eval_node`'s.
    #[inline(never)]
    fn eval_method_call_expr(&mut self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        let ExprKind::CallMethod {
            obj,
            name,
            args,
            site,
        } = &e.kind
        else {
            return self.eval_node(f, e);
        };
        let o = self.eval(f, obj)?;
        if *name == sym::JOIN && self.trace.is_none() {
            if let (Value::Str(sep), [Arg::Pos(list)]) = (&o, args.as_slice()) {
                if let ExprKind::List(items) = &list.kind {
                    return self
                        .join_display(f, sep, items)
                        .map_err(|x| x.locate(e.span));
                }
            }
        }
        self.eval_call_method(f, o, *name, args, site)
            .map_err(|x| x.locate(e.span))
    }

    /// A subscript `obj[index]`, in a frame smaller than `eval_node`'s.
    #[inline(never)]
    fn eval_subscript(&mut self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        let ExprKind::Subscript { obj, index } = &e.kind else {
            return self.eval_node(f, e);
        };
        if let Some(v) = list_item_in_place(f, e) {
            return Ok(v);
        }
        // `xs[i]`, `row[0]`: a bound local indexed by a variable or a constant is read
        // in place. The index is evaluated first only when that cannot be told apart
        // (a plain read cannot rebind the local).
        if peek_bound(f, obj).is_some() && is_plain_read(index) {
            let i = self.eval(f, index)?;
            if let Some(o) = peek_bound(f, obj) {
                let item = self.get_item(o, &i);
                i.discard();
                return item.map_err(|x| x.locate(e.span));
            }
            i.discard();
        }
        let o = self.eval(f, obj)?;
        let i = self.eval(f, index)?;
        let item = self.get_item(&o, &i);
        i.discard();
        item.map_err(|x| x.locate(e.span))
    }

    /// An attribute read, in a frame smaller than `eval_node`'s. `local.name`
    /// (`self.x`) reads the local in place: no reference-count round trip on the object.
    #[inline(never)]
    fn eval_attr(&mut self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        let ExprKind::Attr { obj, name, site } = &e.kind else {
            return self.eval_node(f, e);
        };
        if let Some(o) = peek_bound(f, obj) {
            return self.read_attr(o, *name, site, e.span);
        }
        let o = self.eval(f, obj)?;
        self.read_attr(&o, *name, site, e.span)
    }

    /// `o.name` for `eval_attr`, with the error located at the attribute; inlined into
    /// both of its paths (a closure there was a call of its own per read).
    #[inline(always)]
    fn read_attr(
        &mut self,
        o: &Value,
        name: Symbol,
        site: &LookupSite,
        span: Span,
    ) -> PyResult<Value> {
        self.get_attr_at(o, name, Some(site))
            .map_err(|x| super::attributes::with_attribute_context(x, o, name).locate(span))
    }

    #[inline(never)]
    fn eval_node(&mut self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Local(s) => match &f.slots[*s as usize] {
                Value::Undef => Err(unbound_local(f.code.slot_names[*s as usize]).locate(e.span)),
                v => Ok(v.clone()),
            },
            ExprKind::Deref(s) => self.load_deref(f, *s).map_err(|x| x.locate(e.span)),
            ExprKind::Global(id) => self.load_global(*id).map_err(|x| x.locate(e.span)),
            ExprKind::ClassLoad { name, fallback } => {
                if let Some(v) = f.namespace().and_then(|ns| ns.get(*name)) {
                    return Ok(v.clone());
                }
                self.eval(f, fallback)
            }
            ExprKind::Attr { .. } => self.eval_attr(f, e),
            ExprKind::Subscript { .. } => self.eval_subscript(f, e),
            ExprKind::Call { .. } => self.eval_call_expr(f, e),
            ExprKind::CallMethod { .. } => self.eval_method_call_expr(f, e),
            ExprKind::Binary { .. } => self.eval_binary(f, e),
            ExprKind::Slice { .. }
            | ExprKind::MakeFunction(_)
            | ExprKind::MakeClass(_)
            | ExprKind::TypeOf(_)
            | ExprKind::SpecialMethod { .. }
            | ExprKind::Import(_)
            | ExprKind::ImportFrom { .. } => self.eval_rare(f, e),
            ExprKind::Unary { op, operand } => {
                let v = self.eval(f, operand)?;
                self.unary(*op, &v).map_err(|x| x.locate(e.span))
            }
            ExprKind::Compare { op, left, right } => {
                let a = self.eval(f, left)?;
                let b = self.eval(f, right)?;
                self.compare(*op, &a, &b).map_err(|x| x.locate(e.span))
            }
            ExprKind::And(a, b) => {
                let l = self.eval(f, a)?;
                if !self.truthy(&l).map_err(|x| x.locate(a.span))? {
                    return Ok(l);
                }
                self.eval(f, b)
            }
            ExprKind::Or(a, b) => {
                let l = self.eval(f, a)?;
                if self.truthy(&l).map_err(|x| x.locate(a.span))? {
                    return Ok(l);
                }
                self.eval(f, b)
            }
            ExprKind::IfElse { test, then, orelse } => {
                if self.eval_truth(f, test)? {
                    self.eval(f, then)
                } else {
                    self.eval(f, orelse)
                }
            }
            ExprKind::StoreTemp { target, value } => {
                let v = self.eval(f, value)?;
                self.assign(f, target, v.clone())?;
                Ok(v)
            }
            ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::Set(_)
            | ExprKind::ConstSet { .. }
            | ExprKind::Dict(_)
            | ExprKind::TupleUnpack(_)
            | ExprKind::ListUnpack(_)
            | ExprKind::SetUnpack(_)
            | ExprKind::DictUnpack(_) => self.eval_display(f, e),
            ExprKind::JoinStr(parts) => self.eval_join_str(f, parts),
            ExprKind::Format {
                value,
                conversion,
                spec,
            } => Ok(self
                .eval_field(f, value, *conversion, spec.as_deref(), e.span)?
                .into_value()),
            ExprKind::Iter(x) => {
                let v = self.eval(f, x)?;
                let it = if self.trace.is_some() {
                    self.driven_by(Who::For, |i| i.iter(&v))
                } else {
                    self.iter(&v)
                };
                it.map_err(|err| err.locate(x.span))
            }
        }
    }

    /// Expressions run once per definition or import (functions, classes, imports),
    /// slices and the `with` expansion's look-ups: out of line, so their temporaries
    /// stay out of `eval_node`'s frame.
    #[inline(never)]
    fn eval_rare(&mut self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                let mut part = |x: &Option<Box<Expr>>, this: &mut Interp| -> PyResult<Value> {
                    match x {
                        Some(x) => this.eval(f, x),
                        None => Ok(Value::None),
                    }
                };
                let start = part(lower, self)?;
                let stop = part(upper, self)?;
                let step = part(step, self)?;
                Ok(Value::Slice(Rc::new(Slice { start, stop, step })))
            }
            ExprKind::MakeFunction(mf) => self.make_function(f, mf),
            ExprKind::MakeClass(mc) => self.make_class(f, mc).map_err(|x| x.locate(e.span)),
            ExprKind::TypeOf(x) => {
                let v = self.eval(f, x)?;
                Ok(Value::Class(class_of(&v)))
            }
            ExprKind::SpecialMethod { obj, name } => {
                let o = self.eval(f, obj)?;
                self.special_method(&o, *name).map_err(|x| x.locate(e.span))
            }
            ExprKind::Import(name) => self.import(*name).map_err(|x| x.locate(e.span)),
            ExprKind::ImportFrom { module, name } => {
                let m = self.import(*module).map_err(|x| x.locate(e.span))?;
                self.get_attr(&m, *name).map_err(|_| {
                    Exc::new(
                        ExcKind::ImportError,
                        format!("cannot import name '{name}' from '{module}' (unknown location)"),
                    )
                    .locate(e.span)
                })
            }
            _ => self.eval(f, e),
        }
    }

    /// Evaluates a condition to a Rust bool. Int arithmetic and comparisons of int
    /// locals and constants are answered inline; everything else is `eval_truth_other`.
    #[inline(always)]
    pub fn eval_truth(&mut self, f: &mut Frame, e: &Expr) -> PyResult<bool> {
        match &e.kind {
            ExprKind::Binary {
                op, left, right, ..
            } => {
                if let (Some(x), Some(y)) = (peek_int(f, left), peek_int(f, right)) {
                    if let Some(Value::Int(r)) = super::operators::int_fast(*op, x, y) {
                        return Ok(r != 0);
                    }
                }
            }
            ExprKind::Compare { op, left, right } => {
                // `i < n`, `x % 3 == 0`: int operands, or int-only trees, in place.
                if let (Some(x), Some(y)) = (int_operand(f, left), int_operand(f, right)) {
                    if let Some(r) = super::operators::int_compare(*op, x, y) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        self.eval_truth_other(f, e)
    }

    #[inline(never)]
    fn eval_truth_other(&mut self, f: &mut Frame, e: &Expr) -> PyResult<bool> {
        if let ExprKind::Compare { op, left, right } = &e.kind {
            if matches!(op, CmpOp::Is | CmpOp::IsNot) {
                // `node.left is not None`: the operand checked where it sits.
                if let Some(none) = is_none_in_place(f, left, right) {
                    return Ok(none == (*op == CmpOp::Is));
                }
            } else if let (Some(x), Some(y)) = (int_or_attr(f, left), int_or_attr(f, right)) {
                // `self.cur >= self.stop`: plain int attributes compared where they sit.
                if let Some(r) = super::operators::int_compare(*op, x, y) {
                    return Ok(r);
                }
            }
            let a = self.eval(f, left)?;
            let b = self.eval(f, right)?;
            if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                if let Some(r) = super::operators::int_compare(*op, *x, *y) {
                    a.discard();
                    b.discard();
                    return Ok(r);
                }
            }
            let r = self.compare(*op, &a, &b).map_err(|x| x.locate(e.span))?;
            return self.truthy(&r).map_err(|x| x.locate(e.span));
        }
        let v = self.eval(f, e)?;
        self.truthy(&v).map_err(|x| x.locate(e.span))
    }

    fn import(&mut self, name: Symbol) -> PyResult<Value> {
        self.module(name).ok_or_else(|| {
            Exc::new(
                ExcKind::ModuleNotFoundError,
                format!("No module named '{name}'"),
            )
        })
    }

    /// Positional and keyword arguments of a call, with `*` and `**` expanded.
    fn eval_args(
        &mut self,
        f: &mut Frame,
        args: &[Arg],
        pos: &mut ArgVec,
        kw: &mut KwVec,
    ) -> PyResult<()> {
        for a in args {
            match a {
                Arg::Pos(x) => pos.push_value(self.eval(f, x)?),
                Arg::Star(x) => {
                    let v = self.eval(f, x)?;
                    self.driven_by(Who::Star, |i| i.extend_from_iterable(pos, &v))
                        .map_err(|err| {
                            if err.is(ExcKind::TypeError) && !self.is_iterable(&v) {
                                Exc::new(
                                    ExcKind::TypeError,
                                    format!(
                                        "Value after * must be an iterable, not {}",
                                        v.type_name()
                                    ),
                                )
                            } else {
                                err
                            }
                            .locate(x.span)
                        })?;
                }
                Arg::Kw(name, x) => {
                    let v = self.eval(f, x)?;
                    kw.push((*name, v));
                }
                Arg::StarStar(x) => {
                    let m = self.eval(f, x)?;
                    for (k, v) in self.mapping_items(&m).map_err(|err| err.locate(x.span))? {
                        let Value::Str(s) = &k else {
                            return type_error("keywords must be strings");
                        };
                        let name = Symbol::intern(s.as_str());
                        if kw.iter().any(|(n, _)| *n == name) {
                            return Err(Exc::new(
                                ExcKind::TypeError,
                                format!("got multiple values for keyword argument '{name}'"),
                            ));
                        }
                        kw.push((name, v));
                    }
                }
            }
        }
        Ok(())
    }

    /// `callee(args)`: a user function whose parameters the arguments fill exactly
    /// gets them straight into its frame; everything else is `eval_call_other`.
    #[inline(always)]
    fn eval_call(&mut self, f: &mut Frame, callee: &Value, args: &[Arg]) -> PyResult<Value> {
        if let Value::Function(func) = callee {
            if let Some(result) = self.call_with_direct_args(f, func, None, args) {
                return result;
            }
        }
        self.eval_call_other(f, callee, args)
    }

    /// `eval_call` for built-ins and the general case, out of line so that a user
    /// function's call does not pay for their argument vectors. Folding the built-in
    /// path into `eval_call` measured 5% more instructions on closures_calls.
    #[inline(never)]
    fn eval_call_other(&mut self, f: &mut Frame, callee: &Value, args: &[Arg]) -> PyResult<Value> {
        if args.iter().all(|a| matches!(a, Arg::Pos(_))) {
            if let Value::Native(nf) = callee {
                return self.call_native_positional(f, nf, args);
            }
            // `str(n)`, `Counter(0, n, 1)`: no keyword vector, no `eval_args`.
            let mut pos = ArgVec::new();
            for a in args {
                pos.push_value(self.eval(f, a.expr())?);
            }
            return self.call(callee, &pos, &[]);
        }
        let mut pos = ArgVec::new();
        let mut kw = KwVec::new();
        self.eval_args(f, args, &mut pos, &mut kw)?;
        self.call(callee, &pos, &kw)
    }

    fn eval_call_method(
        &mut self,
        f: &mut Frame,
        obj: Value,
        name: Symbol,
        args: &[Arg],
        site: &LookupSite,
    ) -> PyResult<Value> {
        let method = self.resolve_method(&obj, name, Some(site))?;
        if let Method::Function(func) = &method {
            if let Some(result) = self.call_with_direct_args(f, func, Some(&obj), args) {
                return result;
            }
        }
        if let Method::Native(nf) = &method {
            if args.iter().all(|a| matches!(a, Arg::Pos(_))) {
                // `xs.append(x)`, `s.split(":")`: no keyword vector, no `eval_args`.
                let mut pos = ArgVec::new();
                pos.push(obj);
                for a in args {
                    pos.push_value(self.eval(f, a.expr())?);
                }
                return self.call_native(nf, Args { pos: &pos, kw: &[] });
            }
        }
        let mut pos = ArgVec::new();
        let mut kw = KwVec::new();
        if !matches!(method, Method::Bound(_)) {
            pos.push(obj);
        }
        self.eval_args(f, args, &mut pos, &mut kw)?;
        match &method {
            Method::Function(func) => self.call_function(func, &pos, &kw),
            Method::Native(nf) => self.call_native(nf, Args { pos: &pos, kw: &kw }),
            Method::Bound(callee) => self.call(callee, &pos, &kw),
        }
    }

    /// Calls a built-in function with plain positional arguments: they are evaluated
    /// into the argument vector and passed to `call_native` without going through
    /// `eval_args` and `Interp::call`'s dispatch (`next(it)`, `len(x)`). A single
    /// argument held in a local or a constant is passed borrowed, with no clone.
    #[inline(always)]
    fn call_native_positional(
        &mut self,
        f: &mut Frame,
        nf: &'static NativeFunction,
        args: &[Arg],
    ) -> PyResult<Value> {
        if let [Arg::Pos(x)] = args {
            if let Some(v) = peek_bound(f, x) {
                return self.call_native(nf, Args::positional(std::slice::from_ref(v)));
            }
        }
        let mut pos = ArgVec::new();
        for a in args {
            pos.push_value(self.eval(f, a.expr())?);
        }
        self.call_native(nf, Args { pos: &pos, kw: &[] })
    }

    /// Calls `func(receiver, *args)` with the arguments evaluated straight into the new
    /// frame's slots, when they are plain positional arguments filling exactly its
    /// parameters; `None` (nothing evaluated) otherwise.
    #[inline(always)]
    fn call_with_direct_args(
        &mut self,
        f: &mut Frame,
        func: &Rc<Function>,
        receiver: Option<&Value>,
        args: &[Arg],
    ) -> Option<PyResult<Value>> {
        let code = &func.code;
        if !code
            .params
            .takes_exactly(args.len() + receiver.is_some() as usize)
            || !args.iter().all(|a| matches!(a, Arg::Pos(_)))
        {
            return None;
        }
        let mut slots = self.take_empty_slots(code.n_slots as usize);
        slots.extend(receiver.cloned());
        for a in args {
            match self.eval(f, a.expr()) {
                Ok(v) => slots.push_value(v),
                Err(e) => {
                    self.recycle_slots(slots);
                    return Some(Err(e));
                }
            }
        }
        Some(self.run_function(func, slots))
    }

    /// An f-string: each field is evaluated and formatted in order, then the pieces
    /// are copied once into a string of the exact length.
    #[inline(never)]
    fn eval_join_str(&mut self, f: &mut Frame, parts: &[Expr]) -> PyResult<Value> {
        let mut pieces: SmallVec<[FieldText<'_>; 8]> = SmallVec::new();
        for p in parts {
            let piece = match &p.kind {
                // The literal text between fields, borrowed from the code.
                ExprKind::Const(Value::Str(s)) => FieldText::Literal(s.as_str()),
                ExprKind::Format {
                    value,
                    conversion,
                    spec,
                } => {
                    // `{i}`, `{i % 5}`: an int read or folded in place, no value made.
                    let plain = conversion.is_none() && spec.is_none();
                    match int_operand(f, value).filter(|_| plain) {
                        Some(i) => FieldText::Int(i),
                        None => self.eval_field(f, value, *conversion, spec.as_deref(), p.span)?,
                    }
                }
                _ => match self.eval(f, p)? {
                    Value::Str(s) => FieldText::Str(s),
                    other => FieldText::Text(self.str_of(&other)?),
                },
            };
            pieces.push(piece);
        }
        let mut out = PyStr::with_capacity(pieces.iter().map(FieldText::byte_len).sum());
        for piece in &pieces {
            piece.push_to(&mut out);
        }
        Ok(Value::Str(out))
    }

    /// The text of one f-string field `{value!conversion:spec}`.
    #[inline(always)]
    fn eval_field(
        &mut self,
        f: &mut Frame,
        value: &Expr,
        conversion: Option<Conversion>,
        spec: Option<&Expr>,
        span: Span,
    ) -> PyResult<FieldText<'static>> {
        let v = self.eval(f, value)?;
        let spec = match spec {
            Some(s) => match self.eval(f, s)? {
                Value::Str(s) => Some(s),
                _ => None,
            },
            None => None,
        };
        self.field_text(v, conversion, spec.as_ref().map(|s| s.as_str()))
            .map_err(|x| x.locate(span))
    }

    /// The (key, value) pairs of a mapping: a dict, or anything with `keys()` and `[]`.
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Value::Dict(d) = m {
            return Ok(d.items());
        }
        let keys = self.call_method(Symbol::intern("keys"), std::slice::from_ref(m), &[])?;
        let mut out = Vec::new();
        let it = self.iter(&keys)?;
        while let Some(k) = self.next(&it)? {
            let v = self.get_item(m, &k)?;
            out.push((k, v));
        }
        Ok(out)
    }

    fn make_function(&mut self, f: &mut Frame, mf: &MakeFunction) -> PyResult<Value> {
        let mut defaults = Vec::with_capacity(mf.defaults.len());
        for d in &mf.defaults {
            defaults.push(self.eval(f, d)?);
        }
        let mut kwdefaults = Vec::with_capacity(mf.kwdefaults.len());
        for (name, d) in &mf.kwdefaults {
            kwdefaults.push((*name, self.eval(f, d)?));
        }
        let closure = self.capture_cells(f, &mf.closure);
        Ok(Value::Function(Rc::new(Function {
            code: mf.code.clone(),
            defaults: defaults.into_boxed_slice(),
            kwdefaults: kwdefaults.into_boxed_slice(),
            closure: closure.into_boxed_slice(),
        })))
    }

    /// The cells held in the given slots of the current frame, for a closure.
    pub fn capture_cells(
        &mut self,
        f: &mut Frame,
        slots: &[u32],
    ) -> Vec<Rc<crate::runtime::function::CellObj>> {
        slots
            .iter()
            .map(|s| match &f.slots[*s as usize] {
                Value::Cell(c) => c.clone(),
                other => {
                    // A slot not yet turned into a cell (should not happen): wrap it now.
                    let cell = crate::runtime::function::CellObj::new(other.clone());
                    f.slots[*s as usize] = Value::Cell(cell.clone());
                    cell
                }
            })
            .collect()
    }
}
