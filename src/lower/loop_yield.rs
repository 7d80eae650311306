//! Finds generators whose only `yield` sits in a simple top-level loop (see
//! [`ir::LoopYield`]): generator expressions, `for x in it: if c: yield f(x)`,
//! `while i < n: yield i; i += 1`, `while True: v = yield avg; ...`.
//!
//! Owns: deciding, once per code object, whether its generator can be resumed by running
//! that loop directly. Must not touch: the IR itself (it only reads the finished body).

use super::ir::{self, Stmt, StmtKind};

/// Deepest `If` nesting (plus the yield) the direct resume follows.
pub const MAX_DEPTH: usize = 8;

/// The loop and the path to its yield, when `body` (a generator's) has that shape.
pub fn find(body: &[Stmt]) -> Option<ir::LoopYield> {
    let yields: usize = body.iter().map(yields_in).sum();
    if yields != 1 {
        return None;
    }
    let loop_index = body
        .iter()
        .position(|s| matches!(s.kind, StmtKind::While { .. }) && yields_in(s) == 1)?;
    let StmtKind::While {
        test, body: inner, ..
    } = &body[loop_index].kind
    else {
        return None;
    };
    let mut path = Vec::new();
    let mut tails = false;
    let mut block = inner.as_slice();
    loop {
        let at = block.iter().position(|s| yields_in(s) == 1)?;
        for (i, s) in block.iter().enumerate() {
            let for_step = path.is_empty()
                && i == 0
                && test.is_none()
                && matches!(s.kind, StmtKind::ForNext { .. });
            if i != at && !for_step && !is_plain(s) {
                return None;
            }
        }
        path.push(at as u32);
        tails |= at + 1 < block.len();
        if path.len() > MAX_DEPTH {
            return None;
        }
        match &block[at].kind {
            StmtKind::Yield { .. } => break,
            StmtKind::If { then, orelse, .. } if orelse.is_empty() => block = then,
            _ => return None,
        }
    }
    Some(ir::LoopYield {
        loop_index: loop_index as u32,
        path,
        tails,
    })
}

/// How many `yield`s and `yield from`s `s` contains (not counting nested functions).
fn yields_in(s: &Stmt) -> usize {
    let all = |b: &[Stmt]| b.iter().map(yields_in).sum::<usize>();
    match &s.kind {
        StmtKind::Yield { .. } | StmtKind::YieldFrom { .. } => 1,
        StmtKind::If { then, orelse, .. } => all(then) + all(orelse),
        StmtKind::While { body, orelse, .. } => all(body) + all(orelse),
        StmtKind::Try(t) => {
            all(&t.body)
                + all(&t.orelse)
                + all(&t.finalbody)
                + t.handlers.iter().map(|h| all(&h.body)).sum::<usize>()
        }
        _ => 0,
    }
}

/// Whether running `s` can only finish normally or raise: no `break`, `continue`,
/// `return`, `yield` or loop step at any depth.
fn is_plain(s: &Stmt) -> bool {
    !matches!(s.kind, StmtKind::ForNext { .. }) && is_plain_nested(s)
}

/// `is_plain` for a statement inside a compound one (where a nested loop's own
/// `ForNext` is fine: its `While` handles the exhaustion).
fn is_plain_nested(s: &Stmt) -> bool {
    let all = |b: &[Stmt]| b.iter().all(is_plain_nested);
    match &s.kind {
        StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Return(_)
        | StmtKind::Yield { .. }
        | StmtKind::YieldFrom { .. } => false,
        StmtKind::If { then, orelse, .. } => all(then) && all(orelse),
        StmtKind::While { body, orelse, .. } => all(body) && all(orelse),
        StmtKind::Try(t) => {
            all(&t.body)
                && all(&t.orelse)
                && all(&t.finalbody)
                && t.handlers.iter().all(|h| all(&h.body))
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    // Parsed from source rather than built by hand: the shapes are what lowering makes
    // of ordinary Python, which is clearer written as Python.
    use crate::lower::ir::{ExprKind, Globals, StmtKind};
    use crate::syntax::span::SourceFile;

    /// The `loop_yield` path of each top-level function of `src`, by name.
    fn shapes(src: &str) -> Vec<(String, Option<Vec<u32>>)> {
        let source = SourceFile::new("t.py", src);
        let module = crate::syntax::parse_module(&source).expect("parses");
        let program =
            crate::lower::lower_program(&module, source, &mut Globals::default()).expect("lowers");
        let mut out = Vec::new();
        for s in &program.module.body {
            if let StmtKind::Assign { value, .. } = &s.kind {
                if let ExprKind::MakeFunction(mf) = &value.kind {
                    let path = mf.code.loop_yield.as_ref().map(|l| l.path.clone());
                    out.push((mf.code.name.to_string(), path));
                }
            }
        }
        out
    }

    #[test]
    fn simple_loops_are_found() {
        let found = shapes(
            "def a(it):\n    for x in it:\n        yield x\n\
             def b(it):\n    for x in it:\n        y = x\n        if y:\n            yield y\n        z = 1\n    del z\n\
             def c(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\n    return i\n\
             def d():\n    while True:\n        v = yield 1\n        print(v)\n",
        );
        let paths: Vec<_> = found.iter().map(|(_, p)| p.clone()).collect();
        assert_eq!(
            paths,
            vec![
                Some(vec![1]),
                Some(vec![2, 0]),
                Some(vec![0]),
                Some(vec![0])
            ]
        );
    }

    #[test]
    fn other_shapes_take_the_general_path() {
        let found = shapes(
            "def two(it):\n    for x in it:\n        yield x\n        yield x\n\
             def brk(it):\n    for x in it:\n        if x:\n            break\n        yield x\n\
             def els(it):\n    for x in it:\n        if x:\n            yield x\n        else:\n            pass\n\
             def tr(it):\n    for x in it:\n        try:\n            yield x\n        finally:\n            pass\n\
             def nested(it):\n    for x in it:\n        for y in x:\n            yield y\n\
             def frm(it):\n    for x in it:\n        yield from x\n\
             def top():\n    yield 1\n",
        );
        for (name, path) in found {
            assert_eq!(path, None, "{name}");
        }
    }
}
