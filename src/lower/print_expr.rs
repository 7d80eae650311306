//! The `--desugar` printer's expressions: IR expressions and targets as Python source,
//! with Python's operator precedence, `repr` of constants, and f-strings.
//!
//! Owns: expression and target text, and hoisting the functions an expression makes
//! (a comprehension prints as `def <listcomp>(.0): …` before the statement using it).
//! Must not touch: statement layout (`print.rs`).

use super::ir::{
    Arg, Code, CodeKind, Conversion, DictElem, Elem, Expr, ExprKind, MakeFunction, StmtKind,
    Target, UnaryOp,
};
use super::print::Printer;
use crate::runtime::value::Value;
use crate::syntax::ast::BinOp;

/// Binding strength, loosest first (Python's grammar).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Prec {
    Lowest,
    Lambda,
    IfElse,
    Or,
    And,
    Not,
    Compare,
    BitOr,
    BitXor,
    BitAnd,
    Shift,
    Arith,
    Term,
    Unary,
    Power,
    Primary,
}

impl Printer<'_> {
    /// An expression of `code`; functions it makes are printed first, at `indent`.
    pub(super) fn expr(&mut self, code: &Code, e: &Expr, indent: usize) -> String {
        self.expr_prec(code, e, indent, Prec::Lowest)
    }

    fn expr_prec(&mut self, code: &Code, e: &Expr, indent: usize, outer: Prec) -> String {
        let (text, prec) = self.expr_text(code, e, indent);
        if prec < outer {
            format!("({text})")
        } else {
            text
        }
    }

    fn expr_text(&mut self, code: &Code, e: &Expr, indent: usize) -> (String, Prec) {
        let sub = |this: &mut Self, e: &Expr, prec: Prec| this.expr_prec(code, e, indent, prec);
        match &e.kind {
            ExprKind::Const(v) => {
                let text = constant(v);
                let prec = if text.starts_with('-') {
                    Prec::Unary
                } else {
                    Prec::Primary
                };
                (text, prec)
            }
            ExprKind::Local(slot) | ExprKind::Deref(slot) => {
                (slot_name(code, *slot), Prec::Primary)
            }
            ExprKind::Global(id) => (self.global_name(*id), Prec::Primary),
            ExprKind::ClassLoad { name, .. } => (name.to_string(), Prec::Primary),
            ExprKind::Attr { obj, name, .. } => (
                format!("{}.{name}", sub(self, obj, Prec::Primary)),
                Prec::Primary,
            ),
            ExprKind::Subscript { obj, index } => {
                let obj = sub(self, obj, Prec::Primary);
                let index = match &index.kind {
                    ExprKind::Tuple(items) if !items.is_empty() => {
                        self.comma_list(code, items, indent, items.len() == 1)
                    }
                    _ => sub(self, index, Prec::Lowest),
                };
                (format!("{obj}[{index}]"), Prec::Primary)
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut part = |p: &Option<Box<Expr>>| match p {
                    Some(p) => sub(self, p, Prec::Lambda),
                    None => String::new(),
                };
                let mut text = format!("{}:{}", part(lower), part(upper));
                if step.is_some() {
                    text = format!("{text}:{}", part(step));
                }
                (text, Prec::Primary)
            }
            ExprKind::Call { func, args } => {
                let func = sub(self, func, Prec::Primary);
                (
                    format!("{func}({})", self.args(code, args, indent)),
                    Prec::Primary,
                )
            }
            ExprKind::CallMethod {
                obj, name, args, ..
            } => {
                let obj = sub(self, obj, Prec::Primary);
                let args = self.args(code, args, indent);
                (format!("{obj}.{name}({args})"), Prec::Primary)
            }
            ExprKind::Binary {
                op, left, right, ..
            } => {
                let prec = binary_prec(*op);
                // `**` groups to the right, every other operator to the left.
                let (l, r) = match op {
                    BinOp::Pow => (Prec::Primary, Prec::Unary),
                    _ => (prec, next(prec)),
                };
                let text = format!(
                    "{} {} {}",
                    sub(self, left, l),
                    op.symbol(),
                    sub(self, right, r)
                );
                (text, prec)
            }
            ExprKind::Unary { op, operand } => match op {
                UnaryOp::Not => (format!("not {}", sub(self, operand, Prec::Not)), Prec::Not),
                _ => {
                    let symbol = match op {
                        UnaryOp::Neg => "-",
                        UnaryOp::Pos => "+",
                        _ => "~",
                    };
                    (
                        format!("{symbol}{}", sub(self, operand, Prec::Unary)),
                        Prec::Unary,
                    )
                }
            },
            ExprKind::Compare { op, left, right } => {
                let text = format!(
                    "{} {} {}",
                    sub(self, left, Prec::BitOr),
                    op.symbol(),
                    sub(self, right, Prec::BitOr)
                );
                (text, Prec::Compare)
            }
            ExprKind::And(l, r) => {
                let text = format!(
                    "{} and {}",
                    sub(self, l, Prec::Not),
                    sub(self, r, Prec::And)
                );
                (text, Prec::And)
            }
            ExprKind::Or(l, r) => {
                let text = format!("{} or {}", sub(self, l, Prec::And), sub(self, r, Prec::Or));
                (text, Prec::Or)
            }
            ExprKind::IfElse { test, then, orelse } => {
                let then = sub(self, then, Prec::Or);
                let test = sub(self, test, Prec::Or);
                let orelse = sub(self, orelse, Prec::IfElse);
                (format!("{then} if {test} else {orelse}"), Prec::IfElse)
            }
            ExprKind::StoreTemp { target, value } => {
                let target = self.target(code, target, indent);
                let value = sub(self, value, Prec::IfElse);
                (format!("({target} := {value})"), Prec::Primary)
            }
            ExprKind::Tuple(items) => {
                let list = self.comma_list(code, items, indent, items.len() == 1);
                (format!("({list})"), Prec::Primary)
            }
            ExprKind::List(items) => (
                format!("[{}]", self.comma_list(code, items, indent, false)),
                Prec::Primary,
            ),
            ExprKind::Set(items) if items.is_empty() => ("set()".to_string(), Prec::Primary),
            ExprKind::Set(items) | ExprKind::ConstSet { items, .. } => (
                format!("{{{}}}", self.comma_list(code, items, indent, false)),
                Prec::Primary,
            ),
            ExprKind::Dict(pairs) => {
                let pairs: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| {
                        format!(
                            "{}: {}",
                            sub(self, k, Prec::IfElse),
                            sub(self, v, Prec::IfElse)
                        )
                    })
                    .collect();
                (format!("{{{}}}", pairs.join(", ")), Prec::Primary)
            }
            ExprKind::TupleUnpack(elems) => {
                let list = self.elems(code, elems, indent);
                let comma = if elems.len() == 1 { "," } else { "" };
                (format!("({list}{comma})"), Prec::Primary)
            }
            ExprKind::ListUnpack(elems) => (
                format!("[{}]", self.elems(code, elems, indent)),
                Prec::Primary,
            ),
            ExprKind::SetUnpack(elems) => (
                format!("{{{}}}", self.elems(code, elems, indent)),
                Prec::Primary,
            ),
            ExprKind::DictUnpack(elems) => {
                let items: Vec<String> = elems
                    .iter()
                    .map(|item| match item {
                        DictElem::Pair(k, v) => {
                            format!(
                                "{}: {}",
                                sub(self, k, Prec::IfElse),
                                sub(self, v, Prec::IfElse)
                            )
                        }
                        DictElem::Unpack(m) => format!("**{}", sub(self, m, Prec::BitOr)),
                    })
                    .collect();
                (format!("{{{}}}", items.join(", ")), Prec::Primary)
            }
            ExprKind::MakeFunction(f) => self.make_function(code, f, indent),
            ExprKind::MakeClass(c) => {
                self.class_def(code, c, &[], indent);
                (c.name.to_string(), Prec::Primary)
            }
            ExprKind::JoinStr(parts) => (self.fstring(code, parts, indent), Prec::Primary),
            ExprKind::Format {
                value,
                conversion,
                spec,
            } => {
                let field = self.format_field(code, value, *conversion, spec.as_deref(), indent);
                (format!("f'{field}'"), Prec::Primary)
            }
            ExprKind::Iter(x) => (
                format!("iter({})", sub(self, x, Prec::Lowest)),
                Prec::Primary,
            ),
            ExprKind::TypeOf(x) => (
                format!("type({})", sub(self, x, Prec::Lowest)),
                Prec::Primary,
            ),
            ExprKind::SpecialMethod { obj, name } => {
                let obj = sub(self, obj, Prec::Lowest);
                (format!("type({obj}).{name}.__get__({obj})"), Prec::Primary)
            }
            ExprKind::Import(module) => (
                format!("__import__({})", constant(&Value::str(module.as_str()))),
                Prec::Primary,
            ),
            ExprKind::ImportFrom { module, name } => {
                let module = constant(&Value::str(module.as_str()));
                (format!("__import__({module}).{name}"), Prec::Primary)
            }
        }
    }

    /// A function made inside an expression: a lambda inline when it can be, otherwise a
    /// `def` printed before the statement (a comprehension's is named `<listcomp>` …).
    fn make_function(&mut self, code: &Code, f: &MakeFunction, indent: usize) -> (String, Prec) {
        if f.code.kind == CodeKind::Lambda {
            if let [only] = f.code.body.as_slice() {
                if let StmtKind::Return(Some(value)) = &only.kind {
                    // Inline unless its body makes a function, which must print as a
                    // `def` inside the lambda's own body.
                    let (body, hoisted) =
                        self.trial(|p| p.expr_prec(&f.code, value, indent, Prec::Lambda));
                    if hoisted.is_empty() {
                        let params = self.params(code, &f.code, f, indent);
                        let head = if params.is_empty() {
                            "lambda".to_string()
                        } else {
                            format!("lambda {params}")
                        };
                        return (format!("{head}: {body}"), Prec::Lambda);
                    }
                }
            }
        }
        self.function_def(code, f, &[], indent);
        (f.code.name.to_string(), Prec::Primary)
    }

    fn comma_list(&mut self, code: &Code, items: &[Expr], indent: usize, trailing: bool) -> String {
        let texts: Vec<String> = items
            .iter()
            .map(|i| self.expr_prec(code, i, indent, Prec::IfElse))
            .collect();
        let mut text = texts.join(", ");
        if trailing {
            text.push(',');
        }
        text
    }

    fn elems(&mut self, code: &Code, elems: &[Elem], indent: usize) -> String {
        let texts: Vec<String> = elems
            .iter()
            .map(|e| match e {
                Elem::One(x) => self.expr_prec(code, x, indent, Prec::IfElse),
                Elem::Star(x) => format!("*{}", self.expr_prec(code, x, indent, Prec::BitOr)),
            })
            .collect();
        texts.join(", ")
    }

    pub(super) fn args(&mut self, code: &Code, args: &[Arg], indent: usize) -> String {
        let texts: Vec<String> = args
            .iter()
            .map(|a| match a {
                Arg::Pos(x) => self.expr_prec(code, x, indent, Prec::IfElse),
                Arg::Star(x) => format!("*{}", self.expr_prec(code, x, indent, Prec::BitOr)),
                Arg::Kw(name, x) => {
                    format!("{name}={}", self.expr_prec(code, x, indent, Prec::IfElse))
                }
                Arg::StarStar(x) => format!("**{}", self.expr_prec(code, x, indent, Prec::BitOr)),
            })
            .collect();
        texts.join(", ")
    }

    /// An assignment target. `top` unpacking prints without parentheses (`a, *b = …`).
    pub(super) fn target(&mut self, code: &Code, t: &Target, indent: usize) -> String {
        self.target_in(code, t, indent, false)
    }

    pub(super) fn top_target(&mut self, code: &Code, t: &Target, indent: usize) -> String {
        self.target_in(code, t, indent, true)
    }

    fn target_in(&mut self, code: &Code, t: &Target, indent: usize, top: bool) -> String {
        match t {
            Target::Local(slot) | Target::Deref(slot) => slot_name(code, *slot),
            Target::Global(id) => self.global_name(*id),
            Target::ClassLocal(name) => name.to_string(),
            Target::Attr { obj, name, .. } => {
                format!(
                    "{}.{name}",
                    self.expr_prec(code, obj, indent, Prec::Primary)
                )
            }
            Target::Subscript { obj, index, .. } => {
                let obj = self.expr_prec(code, obj, indent, Prec::Primary);
                format!("{obj}[{}]", self.expr(code, index, indent))
            }
            Target::Unpack { items, star, .. } => {
                let texts: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let text = self.target_in(code, item, indent, false);
                        if *star == Some(i) {
                            format!("*{text}")
                        } else {
                            text
                        }
                    })
                    .collect();
                let mut text = texts.join(", ");
                if items.len() == 1 {
                    text.push(',');
                }
                if top {
                    text
                } else {
                    format!("({text})")
                }
            }
        }
    }

    fn fstring(&mut self, code: &Code, parts: &[Expr], indent: usize) -> String {
        let mut pieces = Vec::with_capacity(parts.len());
        for part in parts {
            pieces.push(match &part.kind {
                ExprKind::Const(Value::Str(s)) => Piece::Text(s.as_str().to_string()),
                ExprKind::Format {
                    value,
                    conversion,
                    spec,
                } => Piece::Field(self.format_field(
                    code,
                    value,
                    *conversion,
                    spec.as_deref(),
                    indent,
                )),
                _ => Piece::Field(format!("{{{}}}", self.expr(code, part, indent))),
            });
        }
        let fields: String = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Field(f) => Some(f.as_str()),
                Piece::Text(_) => None,
            })
            .collect();
        let quote = ["'", "\"", "'''", "\"\"\""]
            .into_iter()
            .find(|q| !fields.contains(q))
            .unwrap_or("'");
        let mut text = format!("f{quote}");
        for piece in pieces {
            match piece {
                Piece::Text(s) => text.push_str(&fstring_literal(&s, quote)),
                Piece::Field(f) => text.push_str(&f),
            }
        }
        text.push_str(quote);
        text
    }

    /// `{value!r:spec}`.
    fn format_field(
        &mut self,
        code: &Code,
        value: &Expr,
        conversion: Option<Conversion>,
        spec: Option<&Expr>,
        indent: usize,
    ) -> String {
        let mut text = self.expr_prec(code, value, indent, Prec::IfElse);
        if text.starts_with('{') {
            text.insert(0, ' ');
        }
        text.push_str(match conversion {
            Some(Conversion::Str) => "!s",
            Some(Conversion::Repr) => "!r",
            Some(Conversion::Ascii) => "!a",
            None => "",
        });
        if let Some(spec) = spec {
            text.push(':');
            match &spec.kind {
                ExprKind::Const(Value::Str(s)) => text.push_str(&fstring_literal(s.as_str(), "")),
                ExprKind::JoinStr(parts) => {
                    for part in parts {
                        match &part.kind {
                            ExprKind::Const(Value::Str(s)) => {
                                text.push_str(&fstring_literal(s.as_str(), ""))
                            }
                            ExprKind::Format {
                                value,
                                conversion,
                                spec,
                            } => {
                                let field = self.format_field(
                                    code,
                                    value,
                                    *conversion,
                                    spec.as_deref(),
                                    indent,
                                );
                                text.push_str(&field);
                            }
                            _ => text.push_str(&format!("{{{}}}", self.expr(code, part, indent))),
                        }
                    }
                }
                _ => text.push_str(&format!("{{{}}}", self.expr(code, spec, indent))),
            }
        }
        format!("{{{text}}}")
    }
}

enum Piece {
    Text(String),
    Field(String),
}

/// A literal piece of an f-string: braces doubled, quotes and control characters escaped.
fn fstring_literal(s: &str, quote: &str) -> String {
    let escaped = string_body(s, quote.chars().next());
    escaped.replace('{', "{{").replace('}', "}}")
}

fn next(prec: Prec) -> Prec {
    match prec {
        Prec::Lowest => Prec::Lambda,
        Prec::Lambda => Prec::IfElse,
        Prec::IfElse => Prec::Or,
        Prec::Or => Prec::And,
        Prec::And => Prec::Not,
        Prec::Not => Prec::Compare,
        Prec::Compare => Prec::BitOr,
        Prec::BitOr => Prec::BitXor,
        Prec::BitXor => Prec::BitAnd,
        Prec::BitAnd => Prec::Shift,
        Prec::Shift => Prec::Arith,
        Prec::Arith => Prec::Term,
        Prec::Term => Prec::Unary,
        Prec::Unary => Prec::Power,
        Prec::Power | Prec::Primary => Prec::Primary,
    }
}

fn binary_prec(op: BinOp) -> Prec {
    match op {
        BinOp::BitOr => Prec::BitOr,
        BinOp::BitXor => Prec::BitXor,
        BinOp::BitAnd => Prec::BitAnd,
        BinOp::LShift | BinOp::RShift => Prec::Shift,
        BinOp::Add | BinOp::Sub => Prec::Arith,
        BinOp::Mul | BinOp::MatMul | BinOp::Div | BinOp::FloorDiv | BinOp::Mod => Prec::Term,
        BinOp::Pow => Prec::Power,
    }
}

pub(super) fn slot_name(code: &Code, slot: u32) -> String {
    code.slot_names
        .get(slot as usize)
        .map_or_else(|| format!("$slot{slot}"), |s| s.to_string())
}

/// A constant as Python's `repr` shows it.
pub(super) fn constant(v: &Value) -> String {
    match v {
        Value::None => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Ellipsis => "...".to_string(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => string_repr(s.as_str()),
        Value::Tuple(t) => {
            let items: Vec<String> = t.as_slice().iter().map(constant).collect();
            match items.as_slice() {
                [one] => format!("({one},)"),
                _ => format!("({})", items.join(", ")),
            }
        }
        other => format!("{other:?}"),
    }
}

/// Python's `repr` of a str: single quotes unless the text has a `'` and no `"`.
pub(super) fn string_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    format!("{quote}{}{quote}", string_body(s, Some(quote)))
}

fn string_body(s: &str, quote: Option<char>) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if Some(c) == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else {
                    out.push_str(&format!("\\u{n:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Python's `repr` of a float: the shortest round-tripping digits, positional for
/// exponents from -4 to 15, scientific (`1e+16`, `1.5e-05`) otherwise.
pub(super) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sci = format!("{:e}", f.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let body = if (-4..16).contains(&exponent) {
        if exponent >= 0 {
            let point = exponent as usize + 1;
            let padded = format!("{digits:0<point$}");
            let (int, frac) = padded.split_at(point);
            let frac = if frac.is_empty() { "0" } else { frac };
            format!("{int}.{frac}")
        } else {
            format!("0.{}{digits}", "0".repeat((-exponent - 1) as usize))
        }
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let mantissa = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{exp_sign}{:02}", exponent.abs())
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_python_repr() {
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(123.5), "123.5");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1.5e-5), "1.5e-05");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(-2.5), "-2.5");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(-0.0), "-0.0");
    }

    #[test]
    fn strings_print_like_python_repr() {
        assert_eq!(string_repr("a'b"), "\"a'b\"");
        assert_eq!(string_repr("a'b\""), "'a\\'b\"'");
        assert_eq!(string_repr("tab\there\n"), "'tab\\there\\n'");
        assert_eq!(string_repr("\u{1}"), "'\\x01'");
    }
}
