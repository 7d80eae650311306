//! "Did you mean" suggestions, chosen exactly as CPython 3.11 chooses them.
//!
//! Owns: the distance (a port of `Python/suggestions.c`: Levenshtein over UTF-8 bytes,
//! case changes cheaper than other edits, at most a third of the characters changed)
//! and the candidate lists: `dir(obj)` for an AttributeError, the innermost frame's
//! locals, then the globals, then the builtins for a NameError. CPython appends the
//! result to the printed line (`NameError: name 'lenght' is not defined. Did you mean:
//! 'length'?`), never to `str(e)`, and only for exceptions of exactly those two types.
//! Must not touch: the rest of the report.

use super::cpython_names::{BUILTINS, MODULE_DIRS, SCRIPT_GLOBALS, STRING_GLOBALS, TYPE_DIRS};
use crate::interp::Interp;
use crate::lower::ir::{Code, CodeKind};
use crate::runtime::class::{Class, Payload};
use crate::runtime::exception::{Exc, ExcKind};
use crate::runtime::symbol::Symbol;
use crate::runtime::types::{class_of, types};
use crate::runtime::value::Value;
use std::rc::Rc;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The name CPython would suggest for this exception, if any.
pub fn suggestion(interp: &Interp, e: &Exc) -> Option<String> {
    let class = e.class();
    let attrs = e.instance().attrs.borrow();
    let name = match attrs.get(Symbol::intern("name")) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return None,
    };
    if Rc::ptr_eq(class, types().exception(ExcKind::AttributeError)) {
        let obj = attrs.get(Symbol::intern("obj"))?.clone();
        drop(attrs);
        let dir = dir_names(&obj);
        return closest(&name, dir.iter().map(String::as_str)).map(str::to_string);
    }
    if !Rc::ptr_eq(class, types().exception(ExcKind::NameError)) {
        return None;
    }
    drop(attrs);
    let traceback = e.data().traceback.borrow();
    let innermost = traceback.first()?;
    let locals = local_names(&innermost.code);
    if let Some(s) = closest(&name, locals.iter().map(String::as_str)) {
        return Some(s.to_string());
    }
    let preset = if innermost.code.source.name == "<string>" {
        STRING_GLOBALS
    } else {
        SCRIPT_GLOBALS
    };
    let globals: Vec<String> = preset
        .iter()
        .map(|s| s.to_string())
        .chain(bound_globals(interp))
        .collect();
    if let Some(s) = closest(&name, globals.iter().map(String::as_str)) {
        return Some(s.to_string());
    }
    closest(&name, BUILTINS.iter().copied()).map(str::to_string)
}

/// The module's bound globals, in the order the program introduced them.
fn bound_globals(interp: &Interp) -> impl Iterator<Item = String> + '_ {
    interp
        .globals
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.is_undef())
        .map(|(i, _)| interp.global_names.name(i as u32).to_string())
}

/// A code object's `co_varnames`: parameters (positional, keyword-only, `*args`,
/// `**kwargs`), then the other plain locals. Variables captured by inner functions are
/// cells, not varnames, unless they are parameters; module and class bodies have none.
fn local_names(code: &Code) -> Vec<String> {
    if matches!(code.kind, CodeKind::Module | CodeKind::Class) {
        return Vec::new();
    }
    let p = &code.params;
    let mut slots: Vec<u32> = (0..p.positional.len() as u32).collect();
    slots.extend((0..p.kwonly.len()).map(|i| p.kwonly_slot(i)));
    slots.extend(p.vararg_slot());
    slots.extend(p.kwarg_slot());
    let n_params = p.slot_count();
    slots.extend(
        (n_params..code.n_slots)
            .filter(|s| !code.cell_slots.contains(s) && !code.free_slots.contains(s)),
    );
    slots
        .into_iter()
        .filter_map(|s| code.slot_names.get(s as usize))
        .map(|n| n.to_string())
        .filter(|n| !n.starts_with('$'))
        .collect()
}

/// `dir(obj)`: sorted attribute names. Built-in types contribute CPython's own lists.
pub fn dir_names(obj: &Value) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    match obj {
        Value::Instance(inst) if matches!(inst.payload, Payload::Super(_)) => {
            names.extend(type_dir("super"));
        }
        Value::Instance(inst) => {
            names.extend(inst.attrs.borrow().iter().map(|(k, _)| k.to_string()));
            class_dir(&inst.class, &mut names);
        }
        Value::Class(c) => class_dir(c, &mut names),
        Value::Module(m) => match MODULE_DIRS.iter().find(|(n, _)| *n == m.name.as_str()) {
            Some((_, dir)) => names.extend(dir.iter().map(|s| s.to_string())),
            None => names.extend(m.attrs.borrow().iter().map(|(k, _)| k.to_string())),
        },
        other => match TYPE_DIRS.iter().find(|(n, _)| *n == other.type_name()) {
            Some((_, dir)) => names.extend(dir.iter().map(|s| s.to_string())),
            None => class_dir(&class_of(other), &mut names),
        },
    }
    names.sort();
    names.dedup();
    names
}

fn type_dir(name: &str) -> impl Iterator<Item = String> {
    TYPE_DIRS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, d)| *d)
        .unwrap_or(&[])
        .iter()
        .map(|s| s.to_string())
}

/// What a class contributes to `dir()`: the attributes along its MRO; a built-in class
/// contributes CPython's `dir()` of that type.
fn class_dir(class: &Rc<Class>, names: &mut Vec<String>) {
    for c in std::iter::once(class).chain(class.mro.iter()) {
        if c.is_builtin {
            let before = names.len();
            names.extend(type_dir(c.name.as_str()));
            if names.len() == before {
                names.extend(c.attrs().iter().map(|(k, _)| k.to_string()));
            }
        } else {
            names.extend(c.attrs().iter().map(|(k, _)| k.to_string()));
            // What every class statement's namespace holds in CPython.
            for extra in ["__dict__", "__doc__", "__module__", "__weakref__"] {
                names.push(extra.to_string());
            }
        }
    }
}

/// CPython's `calculate_suggestions`: the first candidate at the smallest distance, if
/// that distance is small enough.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.collect();
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&str> = None;
    let mut best_distance = usize::MAX;
    for item in candidates {
        if item == name {
            continue;
        }
        // No more than 1/3 of the involved characters should need changing.
        let max_distance =
            ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let distance = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none() || distance < best_distance {
            best = Some(item);
            best_distance = distance;
        }
    }
    best
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of two byte strings, or `max_cost + 1` once it must exceed `max_cost`.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place: row[i] = cost(b[..j], a[..i + 1]).
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &code) in b.iter().enumerate() {
        let mut distance = j * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ch) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ch);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggest(name: &str, candidates: &[&str]) -> Option<String> {
        closest(name, candidates.iter().copied()).map(str::to_string)
    }

    #[test]
    fn picks_what_cpython_picks() {
        // Each expectation was checked against CPython 3.11's traceback output.
        assert_eq!(suggest("lenght", &["length"]), Some("length".into()));
        assert_eq!(suggest("pritn", BUILTINS), Some("print".into()));
        assert_eq!(
            suggest("apend", &["append", "extend"]),
            Some("append".into())
        );
        assert_eq!(
            suggest("__len", &["__le__", "__len__"]),
            Some("__le__".into())
        );
        assert_eq!(suggest("x", &["y"]), None);
        assert_eq!(suggest("Print", BUILTINS), Some("print".into()));
        assert_eq!(suggest("abc", &["abc"]), None);
    }

    #[test]
    fn matches_cpython_on_every_recorded_case() {
        // testdata/suggestions.tsv: a misspelt name and CPython's suggestion among
        // dir(builtins), which is BUILTINS sorted.
        let mut dir: Vec<&str> = BUILTINS.to_vec();
        dir.sort();
        let cases = include_str!("testdata/suggestions.tsv");
        let mut checked = 0;
        for line in cases.lines() {
            let (name, expected) = line.split_once('\t').expect("name<TAB>suggestion");
            let expected = (!expected.is_empty()).then_some(expected);
            assert_eq!(closest(name, dir.iter().copied()), expected, "for {name:?}");
            checked += 1;
        }
        assert!(checked > 300);
    }

    #[test]
    fn too_many_candidates_means_no_suggestion() {
        let many: Vec<String> = (0..750).map(|i| format!("name{i}")).collect();
        assert_eq!(closest("name1x", many.iter().map(String::as_str)), None);
        assert!(closest("name1x", many[..749].iter().map(String::as_str)).is_some());
    }
}
