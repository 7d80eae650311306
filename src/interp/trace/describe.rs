//! How the trace shows a value: its repr, with nothing that changes from run to run and
//! no user code run to make it.
//!
//! Owns: the text of every value a trace event mentions. Built-in scalars are shown by
//! their repr; lists, tuples, sets, dicts and dict views by their repr built from the
//! descriptions of their items; exceptions as `ValueError('bad input')`; generators as
//! `<generator object gen>` (CPython's repr without `at 0x…`); functions, iterators and
//! objects of user classes by their type (`<Countdown object>`), so a `__repr__` never runs
//! (and never prints) in the middle of the protocol the trace explains. The text is cut at
//! [`MAX_DESCRIPTION`] characters, which also ends self-containing containers.
//! Must not touch: `repr()` itself (`interp/repr.rs`), the trace's layout (`mod.rs`).

use crate::interp::Interp;
use crate::runtime::dict::ViewKind;
use crate::runtime::value::Value;
use std::fmt::Write;

/// Longest value description before it is cut with `...`.
pub const MAX_DESCRIPTION: usize = 60;

/// Items of a container looked at: each takes at least three characters (`1, `), so
/// more than this many are past the cut, and a huge list costs no more than a short one.
const MAX_ITEMS: usize = MAX_DESCRIPTION / 2;

/// The first `MAX_ITEMS` entries a table's `entry_at` walk yields.
fn first_entries<T>(mut entry_at: impl FnMut(&mut usize) -> Option<T>) -> Vec<T> {
    let mut pos = 0;
    std::iter::from_fn(|| entry_at(&mut pos))
        .take(MAX_ITEMS)
        .collect()
}

impl Interp {
    /// `v` as trace events show it.
    pub(super) fn describe(&mut self, v: &Value) -> String {
        let mut out = String::new();
        self.write_description(&mut out, v);
        if out.chars().count() > MAX_DESCRIPTION {
            let cut: String = out.chars().take(MAX_DESCRIPTION - 3).collect();
            format!("{cut}...")
        } else {
            out
        }
    }

    fn write_description(&mut self, out: &mut String, v: &Value) {
        // Past the limit the rest is cut anyway; stopping here also ends `l = [l]`.
        if out.len() > MAX_DESCRIPTION {
            return;
        }
        match v {
            Value::List(l) => {
                let items: Vec<Value> = l.items.borrow().iter().take(MAX_ITEMS).cloned().collect();
                self.write_items(out, "[", &items, "]");
            }
            Value::Tuple(t) => {
                let all = t.as_slice();
                let close = if all.len() == 1 { ",)" } else { ")" };
                self.write_items(out, "(", &all[..all.len().min(MAX_ITEMS)], close);
            }
            Value::Set(s) => {
                let items = first_entries(|pos| s.entry_at(pos));
                match (items.is_empty(), s.frozen) {
                    (true, true) => out.push_str("frozenset()"),
                    (true, false) => out.push_str("set()"),
                    (false, true) => self.write_items(out, "frozenset({", &items, "})"),
                    (false, false) => self.write_items(out, "{", &items, "}"),
                }
            }
            Value::Dict(d) => {
                out.push('{');
                for (i, (k, val)) in first_entries(|pos| d.entry_at(pos)).iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_description(out, k);
                    out.push_str(": ");
                    self.write_description(out, val);
                    if out.len() > MAX_DESCRIPTION {
                        return;
                    }
                }
                out.push('}');
            }
            Value::DictView(view) => {
                let items: Vec<Value> = first_entries(|pos| view.dict.entry_at(pos))
                    .into_iter()
                    .map(|(k, v)| match view.kind {
                        ViewKind::Keys => k,
                        ViewKind::Values => v,
                        ViewKind::Items => Value::tuple(vec![k, v]),
                    })
                    .collect();
                let open = format!("{}([", view.type_name());
                self.write_items(out, &open, &items, "])");
            }
            Value::Generator(g) => {
                let _ = write!(out, "<generator object {}>", g.code.qualname);
            }
            Value::Function(f) => {
                let _ = write!(out, "<function {}>", f.code.qualname);
            }
            Value::BoundMethod(m) => {
                let name = match &m.func {
                    Value::Function(f) => f.code.qualname.clone(),
                    Value::Native(nf) => nf.name.to_string(),
                    other => other.type_name(),
                };
                let _ = write!(out, "<bound method {name}>");
            }
            Value::Instance(inst) => match inst.exc_data() {
                Some(data) => {
                    let args = data.args.borrow().clone();
                    let items = match &args {
                        Value::Tuple(t) => t.as_slice().to_vec(),
                        _ => Vec::new(),
                    };
                    let open = format!("{}(", inst.class.name);
                    self.write_items(out, &open, &items, ")");
                }
                None => {
                    let _ = write!(out, "<{} object>", inst.class.name);
                }
            },
            Value::Iter(_) | Value::Module(_) | Value::Cell(_) => {
                let _ = write!(out, "<{} object>", v.type_name());
            }
            // Scalars, ranges, slices, classes and built-in functions: their repr runs
            // no user code and holds no address.
            _ => match self.repr(v) {
                Ok(text) => out.push_str(&text),
                Err(_) => {
                    let _ = write!(out, "<{} object>", v.type_name());
                }
            },
        }
    }

    /// `open`, the items' descriptions, `close`; stops at the cut (the items may be only
    /// the first `MAX_ITEMS` of the container, which is always past it).
    fn write_items(&mut self, out: &mut String, open: &str, items: &[Value], close: &str) {
        out.push_str(open);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.write_description(out, item);
            if out.len() > MAX_DESCRIPTION {
                return;
            }
        }
        out.push_str(close);
    }
}

#[cfg(test)]
mod tests {
    use crate::interp::{Interp, Options};
    use crate::runtime::value::Value;

    fn interp() -> Interp {
        Interp::new(
            Options::default(),
            Box::new(std::io::sink()),
            Box::new(std::io::sink()),
        )
    }

    /// Containers are shown as their repr, built from their items' descriptions.
    #[test]
    fn containers_read_as_their_repr() {
        let mut i = interp();
        let v = Value::list(vec![
            Value::Int(1),
            Value::tuple(vec![Value::str("a")]),
            Value::tuple(vec![]),
        ]);
        assert_eq!(i.describe(&v), "[1, ('a',), ()]");
    }

    /// A million-item list is described from its first items only, and cut.
    #[test]
    fn a_long_list_is_cut() {
        let mut i = interp();
        let v = Value::list((0..1_000_000).map(Value::Int).collect());
        let text = i.describe(&v);
        assert!(text.starts_with("[0, 1, 2, 3, "), "{text}");
        assert!(text.ends_with("..."), "{text}");
    }

    /// A list that holds itself ends at the length limit instead of recursing forever.
    #[test]
    fn a_self_containing_list_is_cut() {
        let mut i = interp();
        let l = Value::list(vec![]);
        if let Value::List(inner) = &l {
            inner.items.borrow_mut().push(l.clone());
        }
        let text = i.describe(&l);
        assert!(text.ends_with("..."), "{text}");
        assert_eq!(text.chars().count(), super::MAX_DESCRIPTION);
        if let Value::List(inner) = &l {
            inner.items.borrow_mut().clear();
        }
    }
}
