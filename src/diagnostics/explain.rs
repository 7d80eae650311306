//! What a report says about a frame: where the label goes, what it says, and the `help:`
//! line with the fix written in the user's own names.
//!
//! Owns: turning an exception, the hint its raising code attached (`runtime/hint.rs`)
//! and the source at its span (`source_map.rs`) into labels and help. Every help line
//! is built from what the user wrote: `next(iter(xs))`, `for i in range(n):`.
//! Must not touch: drawing (that is `snippet.rs`), the traceback layout
//! (`traceback.rs`).

use super::cpython_names::BUILTINS;
use super::snippet::{Help, Label};
use super::source_map::{Found, Node, SourceMap};
use super::suggest;
use crate::interp::Interp;
use crate::lower::ir::{Code, CodeKind};
use crate::runtime::exception::{Exc, ExcKind, TraceEntry};
use crate::runtime::hint::{Count, Culprit, CulpritKind, Hint};
use crate::runtime::symbol::Symbol;
use crate::runtime::value::Value;
use crate::syntax::ast::{Arg, Expr, ExprKind, StmtKind};
use crate::syntax::span::Span;

/// The labels (the first is where the frame points) and help of one frame.
#[derive(Debug, Default)]
pub struct Explanation {
    pub labels: Vec<Label>,
    pub help: Option<Help>,
}

impl Explanation {
    fn at(span: Span, text: Option<String>) -> Explanation {
        Explanation {
            labels: vec![Label { span, text }],
            help: None,
        }
    }

    fn help(mut self, help: Option<Help>) -> Explanation {
        self.help = help;
        self
    }
}

/// The help of an exception that was never raised (a cause made but not raised).
pub fn without_source(e: &Exc) -> Explanation {
    Explanation {
        labels: Vec::new(),
        help: match e.hint() {
            Some(Hint::Help(h)) => Some(Help::new(h)),
            _ => None,
        },
    }
}

/// A frame that called (or resumed) the next one in. CPython underlines the call; a
/// `for` loop that resumed a generator is pointed at its iterable, saying so.
pub fn caller(map: &SourceMap, entry: &TraceEntry, callee: &TraceEntry) -> Explanation {
    if let Some(found) = map.find(entry.span) {
        if let Some((_, iter)) = for_loop_of_target(&found) {
            let what = if callee.code.kind == CodeKind::GenExpr {
                "the for loop resumed the generator expression for its next value".to_string()
            } else if callee.code.is_generator {
                format!(
                    "the for loop resumed {}() for its next value",
                    callee.code.name
                )
            } else {
                "the for loop asked for the next value here".to_string()
            };
            return Explanation::at(iter.span, Some(what));
        }
    }
    Explanation::at(entry.span, None)
}

/// The innermost frame of an exception: where it was raised.
/// `line` is the exception's last line, as printed.
pub fn innermost(
    interp: &Interp,
    map: &SourceMap,
    e: &Exc,
    entry: &TraceEntry,
    line: &str,
) -> Explanation {
    let span = entry.span;
    let Some(found) = map.find(span) else {
        return Explanation::at(span, None).help(without_source(e).help);
    };
    let hint = e.hint();
    let x = Context {
        interp,
        map,
        e,
        found: &found,
        code: &entry.code,
        line,
    };
    match &hint {
        Some(Hint::Help(h)) => Explanation::at(span, None).help(Some(Help::new(h.clone()))),
        Some(Hint::NotAnIterator(c)) => x.not_an_iterator(c),
        Some(Hint::NotIterable(c)) => x.not_iterable(c),
        Some(Hint::IterReturnedNonIterator { class, returned }) => {
            x.iter_returned_non_iterator(class, returned)
        }
        Some(Hint::StopIterationInGenerator { generator }) => x.stop_iteration(generator),
        Some(Hint::SendToJustStartedGenerator) => x.send_to_new_generator(),
        Some(Hint::Unpack { targets, values }) => x.unpack(*targets, *values),
        Some(Hint::Arguments { function }) => x.arguments(Some(function)),
        Some(Hint::NotCallable(c)) => x.not_callable(c),
        None => x.by_node(),
    }
}

/// Everything a help line may draw on.
struct Context<'a> {
    interp: &'a Interp,
    map: &'a SourceMap,
    e: &'a Exc,
    found: &'a Found<'a>,
    code: &'a Code,
    /// The exception's last line.
    line: &'a str,
}

impl<'a> Context<'a> {
    fn span(&self) -> Span {
        self.found.node().span()
    }

    fn text(&self, span: Span) -> String {
        one_line(self.map.text(span))
    }

    fn message(&self) -> String {
        match self.e.args() {
            Value::Tuple(t) if t.len() == 1 => match &t.items[0] {
                Value::Str(s) => s.as_str().to_string(),
                _ => String::new(),
            },
            _ => String::new(),
        }
    }

    fn call(&self) -> Option<(&'a Expr, &'a [Arg])> {
        match &self.found.node().expr()?.kind {
            ExprKind::Call { func, args } => Some((func, args)),
            _ => None,
        }
    }

    /// The call's only positional argument.
    fn single_argument(&self) -> Option<&'a Expr> {
        match self.call()?.1 {
            [Arg::Positional(a)] => Some(a),
            _ => None,
        }
    }

    fn not_an_iterator(&self, c: &Culprit) -> Explanation {
        let argument = match self.call() {
            Some((func, [Arg::Positional(a), ..])) if is_name(func, "next") => Some(a),
            _ => None,
        };
        let Some(arg) = argument else {
            return Explanation::at(self.span(), None);
        };
        let name = self.text(arg.span);
        let (label, help) = match &c.kind {
            CulpritKind::Iterable => (
                format!("{} is iterable, but not an iterator", noun(c)),
                Help::with_fix(
                    format!(
                        "next() needs an iterator; {}{} is only iterable: call iter() first",
                        noun(c),
                        if c.user_object {
                            " (it has __iter__ but no __next__)"
                        } else {
                            ""
                        }
                    ),
                    format!("next(iter({name}))"),
                ),
            ),
            CulpritKind::GeneratorFunction { name: f, params } => (
                "a generator function, not a generator".to_string(),
                Help::with_fix(
                    format!("{f} is a generator function: call it to get a generator"),
                    format!("next({name}({}))", params.join(", ")),
                ),
            ),
            CulpritKind::Class {
                name: class,
                iterator,
                iterable,
            } if *iterator || *iterable => (
                "a class, not one of its objects".to_string(),
                if *iterator {
                    Help::with_fix(
                        format!("{class} is a class: make an object of it first"),
                        format!("next({name}(...))"),
                    )
                } else {
                    Help::with_fix(
                        format!("{class} is a class whose objects are iterable: make one, then call iter() on it"),
                        format!("next(iter({name}(...)))"),
                    )
                },
            ),
            _ => (
                format!("{} has no __next__", noun(c)),
                Help::new("next() takes an iterator: what iter() returns, or a generator"),
            ),
        };
        Explanation::at(arg.span, Some(label)).help(Some(help))
    }

    fn not_iterable(&self, c: &Culprit) -> Explanation {
        // What was iterated, and the code around it to show rewritten.
        let (culprit, rewrite) = if let Some((target, iter)) = self.for_loop_of(self.span()) {
            (
                iter.span,
                ("for ".to_string() + &self.text(target.span) + " in ", ":"),
            )
        } else if let Some(value) = self.assigned_value() {
            (value.span, (self.text(self.span()) + " = ", ""))
        } else if let (Some((func, _)), Some(arg)) = (self.call(), self.single_argument()) {
            (arg.span, (self.text(func.span) + "(", ")"))
        } else {
            (self.span(), (String::new(), ""))
        };
        let rewrite = |fix: &str| format!("{}{fix}{}", rewrite.0, rewrite.1);
        let what = self.text(culprit);
        let unpacking = self.assigned_value().is_some();
        let help = match &c.kind {
            CulpritKind::Int if !unpacking => Some(Help::with_fix(
                "an int is a single number, not a sequence; to count up to it, use range",
                rewrite(&format!("range({what})")),
            )),
            CulpritKind::GeneratorFunction { name, params } => Some(Help::with_fix(
                format!("{name} is a generator function: call it to get a generator"),
                rewrite(&format!("{what}({})", params.join(", "))),
            )),
            CulpritKind::NextWithoutIter { class } => Some(Help::with_fix(
                format!("{class} has __next__ but no __iter__, so for loops and iter() do not accept its objects: add to class {class}"),
                "def __iter__(self): return self",
            )),
            CulpritKind::Class { name, iterable, iterator } if *iterable || *iterator => Some(Help::with_fix(
                format!("{name} is a class; its objects are what can be iterated: make one"),
                rewrite(&format!("{what}(...)")),
            )),
            _ => None,
        };
        let label = format!("{} is not iterable", noun(c));
        Explanation::at(culprit, Some(label)).help(help)
    }

    fn iter_returned_non_iterator(&self, class: &str, returned: &Culprit) -> Explanation {
        let t = &returned.type_name;
        let label = format!("{class}.__iter__ returned {} {t}", article(t));
        let help = Help::new(match returned.kind {
            CulpritKind::Iterable => format!(
                "__iter__ must return an iterator, and {} {t} is only iterable: return iter(...) of it, or write __iter__ as a generator (with yield)",
                article(t)
            ),
            _ if t == "NoneType" => format!(
                "__iter__ returned None (is its return missing?): return an iterator, such as self when {class} defines __next__, or write __iter__ with yield"
            ),
            _ => format!(
                "__iter__ must return an iterator (an object with __next__), such as self when {class} defines __next__"
            ),
        });
        let span = self
            .for_loop_of(self.span())
            .map_or(self.span(), |(_, iter)| iter.span);
        Explanation::at(span, Some(label)).help(Some(help))
    }

    fn stop_iteration(&self, generator: &str) -> Explanation {
        // Where the StopIteration came from: the innermost entry of the cause.
        let cause = Exc::from_value(&self.e.data().cause.borrow());
        let origin = cause.and_then(|c| c.data().traceback.borrow().first().cloned());
        let mut help = Help::new(format!(
            "a StopIteration escaped the body of the generator {generator}(); since Python 3.7 (PEP 479) that is an error, not the end of the generator. To end a generator, use return"
        ));
        if let Some(origin) = origin {
            let map = SourceMap::new(origin.code.source.clone());
            if let Some(found) = map.find(origin.span) {
                if let Some(ExprKind::Call { func, args }) = found.node().expr().map(|e| &e.kind) {
                    if let (true, [Arg::Positional(a)]) = (is_name(func, "next"), args.as_slice()) {
                        let it = one_line(map.text(a.span));
                        help.text.push_str(&format!(
                            "; to go on when {it} has no more items, give next() a default"
                        ));
                        help.fix = Some(format!("next({it}, None)"));
                    }
                }
            }
        }
        let label = format!("{generator}() raised StopIteration inside");
        let span = self
            .for_loop_of(self.span())
            .map_or(self.span(), |(_, iter)| iter.span);
        Explanation::at(span, Some(label)).help(Some(help))
    }

    fn send_to_new_generator(&self) -> Explanation {
        let receiver = match self.call() {
            Some((func, _)) => match &func.kind {
                ExprKind::Attribute { value, .. } => Some(self.text(value.span)),
                _ => None,
            },
            None => None,
        };
        let sent = self.single_argument();
        let label_span = sent.map_or(self.span(), |a| a.span);
        let Some(g) = receiver else {
            return Explanation::at(label_span, None).help(Some(Help::new(
                "a generator must first run to a yield: call next() on it before send()",
            )));
        };
        let value = sent.map_or("a value".to_string(), |a| self.text(a.span));
        Explanation::at(label_span, Some("sent before the generator started".into())).help(Some(
            Help::with_fix(
                format!(
                    "{g} has not started running, so no yield is waiting to receive {value}: call next({g}) first (it runs to the first yield), then send"
                ),
                format!("next({g}); {g}.send({value})"),
            ),
        ))
    }

    fn unpack(&self, targets: usize, values: Count) -> Explanation {
        let target_text = self.text(self.span());
        let starred_fix = starred_example(&target_text);
        let (value_text, fix) = if let Some((_, iter)) = self.for_loop_of(self.span()) {
            let iter = self.text(iter.span);
            (
                format!("an item of {iter}"),
                format!("for {starred_fix} in {iter}:"),
            )
        } else if let Some(value) = self.assigned_value() {
            let value = self.text(value.span);
            (value.clone(), format!("{starred_fix} = {value}"))
        } else {
            ("the value".to_string(), starred_fix)
        };
        let label_span = self.span();
        let starred = self.message().contains("at least");
        let (count, more) = match values {
            Count::Exactly(n) => (n, false),
            Count::AtLeast(n) => (n, true),
        };
        let values_phrase = format!(
            "{}{count} value{}",
            if more { "at least " } else { "" },
            if count == 1 { "" } else { "s" }
        );
        let label = format!("{targets} target{}", if targets == 1 { "" } else { "s" });
        let help = if count > targets || more {
            Help::with_fix(
                format!(
                    "{value_text} has {values_phrase}, but there are {targets} targets ({target_text}): name one target per value, or collect the rest with a starred target"
                ),
                fix,
            )
        } else if starred {
            Help::new(format!(
                "{value_text} has {values_phrase}, but the targets ({target_text}) need at least {}",
                targets - 1
            ))
        } else {
            Help::new(format!(
                "{value_text} has only {values_phrase}, but there are {targets} targets ({target_text})"
            ))
        };
        Explanation::at(label_span, Some(label)).help(Some(help))
    }

    /// A call whose arguments do not fit; `function` is the user function when known.
    fn arguments(&self, function: Option<&Code>) -> Explanation {
        let message = self.message();
        let keyword = quoted_after(&message, "keyword argument '")
            .or_else(|| quoted_after(&message, "multiple values for argument '"));
        let mut explanation = match (
            keyword.as_ref().and_then(|k| self.keyword_span(k)),
            &keyword,
        ) {
            (Some(span), Some(k)) => {
                let text = if message.contains("unexpected") {
                    format!("there is no parameter {k}")
                } else {
                    format!("{k} is already given by position")
                };
                Explanation::at(span, Some(text))
            }
            _ => Explanation::at(self.span(), None),
        };
        explanation.help = match function {
            Some(code) => Some(signature_help(code)),
            None => self
                .builtin_signature()
                .map(|s| Help::with_fix(format!("{} takes", s.split('(').next().unwrap_or(s)), s)),
        };
        explanation
    }

    fn not_callable(&self, c: &Culprit) -> Explanation {
        let Some((func, args)) = self.call() else {
            return Explanation::at(self.span(), None);
        };
        let callee = self.text(func.span);
        let t = &c.type_name;
        let label = format!("{} {t}, not a function", article(t));
        let help = match &func.kind {
            ExprKind::Name(n) if BUILTINS.contains(&n.as_str()) => Help::new(format!(
                "{n} is now {} {t} (the program assigned it), which hides the built-in {n}(): give that variable another name",
                article(t)
            )),
            _ if t == "int" || t == "float" => {
                let inside = args
                    .first()
                    .map(|_| {
                        let start = args_start(args);
                        let end = self.span().end as usize - 1;
                        one_line(self.map.source.text.get(start..end).unwrap_or("..."))
                    })
                    .unwrap_or_default();
                Help::with_fix(
                    format!("{callee} is a number, and a number cannot be called: is an operator missing?"),
                    format!("{callee} * ({inside})"),
                )
            }
            _ => Help::new(format!(
                "{callee} is {} {t}; only functions, classes and objects with __call__ can be called",
                article(t)
            )),
        };
        Explanation::at(func.span, Some(label)).help(Some(help))
    }

    /// No hint: explain from the kind of node that failed and the exception.
    fn by_node(&self) -> Explanation {
        let span = self.span();
        let node = self.found.node();
        if self.e.is(ExcKind::NameError) {
            return self.name_error(span);
        }
        if let Some((_, iter)) = for_loop_of_target(self.found) {
            // The for loop's own next() failed: the loop step records its target's span.
            return self.loop_step_failed(iter);
        }
        if self.e.is(ExcKind::RecursionError) {
            return self.recursion();
        }
        if self.message() == "generator already executing" {
            return Explanation::at(span, Some("resumes a generator that is running".into())).help(Some(Help::new(
                "this line runs inside the generator it resumes: a generator cannot resume itself while it is running; only code outside it can call next() on it",
            )));
        }
        let expr = match node {
            Node::Expr(e) => e,
            Node::Stmt(s) => {
                return match &s.kind {
                    StmtKind::Assert { test, .. } => {
                        Explanation::at(test.span, Some("this is false".into()))
                    }
                    _ => Explanation::at(span, None),
                }
            }
        };
        match &expr.kind {
            ExprKind::BinOp { left, op, right } => {
                let at = self
                    .map
                    .operator_between(left.span, right.span, op.symbol())
                    .unwrap_or(span);
                let text = self
                    .e
                    .is(ExcKind::ZeroDivisionError)
                    .then(|| format!("dividing by {}, which is zero", self.text(right.span)));
                Explanation::at(at, text)
            }
            ExprKind::Subscript { value, index } => {
                let at = Span::new(value.span.end as usize, span.end as usize);
                if self.e.is(ExcKind::KeyError) {
                    let (v, k) = (self.text(value.span), self.text(index.span));
                    let prefix = format!("{}: ", self.e.class().qualname);
                    let key = self.line.strip_prefix(&prefix).unwrap_or(&k);
                    return Explanation::at(at, Some(format!("{key} is not a key of {v}"))).help(Some(
                        Help::with_fix(
                            format!("to test for a key first, write `{k} in {v}`; to get None when it is missing, use get"),
                            format!("{v}.get({k})"),
                        ),
                    ));
                }
                if self.e.is(ExcKind::IndexError) && self.message().ends_with("index out of range")
                {
                    let v = self.text(value.span);
                    return Explanation::at(at, None).help(Some(Help::new(format!(
                        "the indexes of {v} go from 0 to len({v}) - 1 (and from -1 back to -len({v}) counting from the end)"
                    ))));
                }
                Explanation::at(at, None)
            }
            ExprKind::Attribute { value, attr } => self.attribute_error(value, attr.span),
            ExprKind::Call { func, .. } => {
                if let ExprKind::Attribute { value, attr } = &func.kind {
                    if self.e.is(ExcKind::AttributeError)
                        && self.attribute_name().as_deref() == Some(&attr.name)
                    {
                        return self.attribute_error(value, attr.span);
                    }
                }
                if self.e.is(ExcKind::TypeError) && self.builtin_signature().is_some() {
                    return self.arguments(None);
                }
                if self.e.is(ExcKind::StopIteration) {
                    if let (true, Some(arg)) = (is_name(func, "next"), self.single_argument()) {
                        let it = self.text(arg.span);
                        return Explanation::at(span, Some(format!("{it} has no more items"))).help(Some(Help::with_fix(
                            "next() raises StopIteration when the iterator is exhausted; to get a value instead, give a default (or loop with for, which stops by itself)",
                            format!("next({it}, None)"),
                        )));
                    }
                }
                Explanation::at(span, None)
            }
            _ => Explanation::at(span, None),
        }
    }

    /// The innermost function called itself until the recursion limit.
    fn recursion(&self) -> Explanation {
        let traceback = self.e.data().traceback.borrow();
        let name = self.code.name;
        let deep = traceback
            .iter()
            .take_while(|t| std::ptr::eq(&*t.code, self.code))
            .count();
        if deep < 2 || matches!(self.code.kind, CodeKind::Module | CodeKind::Class) {
            return Explanation::at(self.span(), None);
        }
        Explanation::at(self.span(), Some(format!("{name}() calls itself again"))).help(Some(Help::new(format!(
            "{name}() called itself {deep} times without reaching a case that returns without calling again: check its base case, and that each call gets closer to it"
        ))))
    }

    fn loop_step_failed(&self, iter: &Expr) -> Explanation {
        let message = self.message();
        let what = self.text(iter.span);
        if message.ends_with("changed size during iteration") {
            let target = self
                .for_loop_of(self.span())
                .map(|(t, _)| self.text(t.span))
                .unwrap_or_else(|| "x".into());
            return Explanation::at(iter.span, Some("changed while the loop ran over it".into())).help(Some(
                Help::with_fix(
                    "a dict or set cannot grow or shrink while a for loop runs over it: loop over a copy",
                    format!("for {target} in list({what}):"),
                ),
            ));
        }
        Explanation::at(
            iter.span,
            Some("the for loop asked for the next value here".into()),
        )
    }

    fn attribute_name(&self) -> Option<String> {
        match self.e.instance().attrs.borrow().get(Symbol::intern("name")) {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        }
    }

    fn attribute_error(&self, value: &Expr, attr: Span) -> Explanation {
        let at = Span::new(value.span.end as usize, attr.end as usize);
        let suggestion = suggest::suggestion(self.interp, self.e);
        let help = suggestion
            .map(|s| Help::with_fix(format!("did you mean {s}?"), self.replaced(attr, &s)));
        Explanation::at(at, None).help(help)
    }

    fn name_error(&self, span: Span) -> Explanation {
        let name = self.text(span);
        if self.e.is(ExcKind::UnboundLocalError) {
            let function = self.code.name;
            return Explanation::at(span, Some("read before it is assigned".into())).help(Some(Help::new(format!(
                "{name} is assigned somewhere in {function}(), which makes it a local variable of the whole function, and this line runs before that assignment: assign it first, or declare `global {name}` to use the module's variable"
            ))));
        }
        let suggestion = suggest::suggestion(self.interp, self.e);
        let help = suggestion
            .map(|s| Help::with_fix(format!("did you mean {s}?"), self.replaced(span, &s)));
        let label = self
            .message()
            .starts_with("name '")
            .then(|| "not defined".to_string());
        Explanation::at(span, label).help(help)
    }

    /// The smallest enclosing expression (on one line) with `span` replaced by `with`.
    fn replaced(&self, span: Span, with: &str) -> String {
        let outer = self
            .found
            .path
            .iter()
            .rev()
            .filter_map(|n| n.expr())
            .filter(|e| e.span.start <= span.start && span.end <= e.span.end)
            .find(|e| e.span != span && !self.map.text(e.span).contains('\n'))
            .map_or(span, |e| e.span);
        let text = &self.map.source.text;
        let before = text
            .get(outer.start as usize..span.start as usize)
            .unwrap_or("");
        let after = text
            .get(span.end as usize..outer.end as usize)
            .unwrap_or("");
        format!("{before}{with}{after}")
    }

    /// The signature of the builtin a call names, when the error is about its arguments.
    fn builtin_signature(&self) -> Option<&'static str> {
        let (func, _) = self.call()?;
        let ExprKind::Name(n) = &func.kind else {
            return None;
        };
        let message = self.message();
        if !(message.starts_with(&format!("{n}()"))
            || message.starts_with(&format!("{n} expected")))
        {
            return None;
        }
        match self.interp.builtin(Symbol::intern(n)) {
            Some(Value::Native(nf)) if !nf.signature.is_empty() => Some(nf.signature),
            _ => None,
        }
    }

    fn keyword_span(&self, keyword: &str) -> Option<Span> {
        let (_, args) = self.call()?;
        args.iter().find_map(|a| match a {
            Arg::Keyword(k, v) if k.name == keyword => Some(k.span.to(v.span)),
            _ => None,
        })
    }

    /// For a target of an assignment statement: the value assigned.
    fn assigned_value(&self) -> Option<&'a Expr> {
        let stmt = self.found.ancestor(1)?.stmt()?;
        match &stmt.kind {
            StmtKind::Assign { targets, value }
                if targets.iter().any(|t| t.span == self.span()) =>
            {
                Some(value)
            }
            _ => None,
        }
    }

    /// `(target, iterable)` of the `for` loop (or comprehension clause) whose target or
    /// iterable is at `span`.
    fn for_loop_of(&self, span: Span) -> Option<(&'a Expr, &'a Expr)> {
        for_loop_at(self.found, span)
    }
}

/// The `for` loop whose target the found node is.
fn for_loop_of_target<'a>(found: &Found<'a>) -> Option<(&'a Expr, &'a Expr)> {
    let span = found.node().span();
    for_loop_at(found, span).filter(|(target, _)| target.span == span)
}

fn for_loop_at<'a>(found: &Found<'a>, span: Span) -> Option<(&'a Expr, &'a Expr)> {
    match found.ancestor(1)? {
        Node::Stmt(s) => match &s.kind {
            StmtKind::For { target, iter, .. } if target.span == span || iter.span == span => {
                Some((target, iter))
            }
            _ => None,
        },
        Node::Expr(e) => match &e.kind {
            ExprKind::ListComp { generators, .. }
            | ExprKind::SetComp { generators, .. }
            | ExprKind::GeneratorExp { generators, .. }
            | ExprKind::DictComp { generators, .. } => generators
                .iter()
                .find(|g| g.target.span == span || g.iter.span == span)
                .map(|g| (&g.target, &g.iter)),
            _ => None,
        },
    }
}

/// "pair() is defined on line 2 — def pair(a, b)", with a word about `self`.
fn signature_help(code: &Code) -> Help {
    let source = &code.source;
    let header = one_line(source.text.get(code.span.range()).unwrap_or(""));
    let header = header.trim_end_matches(':').trim_end().to_string();
    let line = source.line_of(code.span.start);
    let name = match code.kind {
        CodeKind::Lambda => "the lambda".to_string(),
        _ => format!("{}()", code.qualname),
    };
    let mut text = format!("{name} is defined on line {line}");
    if code.qualname.contains('.')
        && code
            .params
            .positional
            .first()
            .is_some_and(|p| p.as_str() == "self")
    {
        text.push_str(" (self is passed for you: it is the object before the dot)");
    }
    Help::with_fix(text, header)
}

fn is_name(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n == name)
}

/// Source text shown on one line (later lines of a multi-line span are cut).
fn one_line(text: &str) -> String {
    match text.split_once('\n') {
        Some((first, _)) => format!("{} ...", first.trim_end()),
        None => text.to_string(),
    }
}

fn article(word: &str) -> &'static str {
    match word.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'A' | 'E' | 'I' | 'O' | 'U') => "an",
        _ => "a",
    }
}

/// "a list", or "a Countdown object" for an instance of a class of the program.
fn noun(c: &Culprit) -> String {
    let t = &c.type_name;
    if c.user_object {
        format!("{} {t} object", article(t))
    } else {
        format!("{} {t}", article(t))
    }
}

/// `a, b` → `a, *rest`; the example of a starred target.
fn starred_example(targets: &str) -> String {
    let names: Vec<&str> = targets
        .trim_matches(|c| c == '(' || c == ')' || c == '[' || c == ']')
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    match names.split_last() {
        Some((_, first)) if !first.is_empty() => format!("{}, *rest", first.join(", ")),
        _ => "first, *rest".to_string(),
    }
}

/// The text between `prefix` and the next `'` in `message`.
fn quoted_after(message: &str, prefix: &str) -> Option<String> {
    let start = message.find(prefix)? + prefix.len();
    let len = message[start..].find('\'')?;
    Some(message[start..start + len].to_string())
}

/// Offset of the first argument of a call.
fn args_start(args: &[Arg]) -> usize {
    args.first().map_or(0, |a| match a {
        Arg::Positional(x) | Arg::Starred(x) | Arg::DoubleStarred(x) => x.span.start as usize,
        Arg::Keyword(k, _) => k.span.start as usize,
    })
}
