//! The direct resume of a generator whose only `yield` sits in a simple top-level loop
//! (`Code::loop_yield`, found by `lower/loop_yield.rs`): generator expressions,
//! `for x in it: if c: yield f(x)`, `while i < n: yield i; i += 1`.
//!
//! Owns: running that loop from "just after the yield" to the next yield (or the loop's
//! end) without the resume path: the yield's position is known from the code, so no
//! block pushes or pops its index and no `exec_block` recursion re-enters the nesting.
//! Each statement still runs through `exec_block`, tests through `eval_truth`, the yielded
//! value through `eval`, and errors are located at the innermost statement exactly as
//! `exec_block` locates them. The frame's resume path, recorded by the general path at
//! the first suspension, is left as it is: it stays true, since there is one yield.
//! Must not touch: generator states, tracing (the general path runs whenever a trace is
//! on), `throw()` (the general path raises at the yield).

use super::frame::{Flow, Frame};
use super::generator::closes_pending;
use super::Interp;
use crate::lower::ir::{Code, LoopYield, Stmt, StmtKind};
use crate::runtime::exception::PyResult;
use crate::runtime::value::Value;

/// How running part of the loop body ended.
enum Step {
    /// Reached the end of the body: test (or step) again.
    Next,
    /// Suspended at the yield (the value is in `Interp::ret`).
    Yielded,
    /// The loop is over (`ForNext` exhausted, or the test failed): run its `else`.
    Exhausted,
    /// A flow that leaves the loop body as `exec_while` would handle it.
    Leave(Flow),
}

impl Interp {
    /// Resumes the suspended generator running `code` (whose `loop_yield` is `shape`) at
    /// its yield, which receives `sent`; returns what `exec_block` on its body would.
    pub(super) fn resume_loop(
        &mut self,
        f: &mut Frame,
        code: &Code,
        shape: &LoopYield,
        sent: Value,
    ) -> PyResult<Flow> {
        let lp = shape.loop_index as usize;
        let Some(StmtKind::While { test, body, orelse }) = code.body.get(lp).map(|s| &s.kind)
        else {
            return Ok(Flow::Normal);
        };
        let path = shape.path.as_slice();
        // Complete the yield, then what follows it in the blocks it is in.
        if let Some(Stmt {
            kind: StmtKind::Yield {
                target: Some(t), ..
            },
            span,
        }) = path_stmt(body, path, path.len() - 1)
        {
            self.assign(f, t, sent).map_err(|e| e.locate(*span))?;
        } else {
            drop(sent);
        }
        if closes_pending() {
            self.drain_pending_closes();
        }
        let mut step = match shape.tails {
            true => self.run_tails(f, body, path, path.len() - 1)?,
            false => Step::Next,
        };
        loop {
            match step {
                Step::Next | Step::Leave(Flow::Continue) => {}
                Step::Yielded => return Ok(Flow::Yield),
                Step::Exhausted => break,
                Step::Leave(Flow::Break) => {
                    if closes_pending() {
                        self.drain_pending_closes();
                    }
                    return self.exec_block(f, &code.body[lp + 1..]);
                }
                Step::Leave(flow) => return Ok(flow),
            }
            if let Some(t) = test {
                if !self
                    .eval_truth(f, t)
                    .map_err(|e| e.locate(code.body[lp].span))?
                {
                    break;
                }
            }
            step = self.run_to_yield(f, body, shape)?;
        }
        let flow = self.exec_block(f, orelse)?;
        if flow != Flow::Normal {
            return Ok(flow);
        }
        if closes_pending() {
            self.drain_pending_closes();
        }
        self.exec_block(f, &code.body[lp + 1..])
    }

    /// Runs the loop body from its start to the yield (evaluating its value into
    /// `Interp::ret`), or to the body's end when an `If` on the way is false.
    #[inline]
    fn run_to_yield(&mut self, f: &mut Frame, body: &[Stmt], shape: &LoopYield) -> PyResult<Step> {
        let path = shape.path.as_slice();
        let mut block = body;
        for (level, &at) in path.iter().enumerate() {
            let at = at as usize;
            let (before, rest) = block.split_at(at.min(block.len()));
            let step = match before {
                [] => Step::Next,
                // A lowered `for`: its step, inlined.
                [Stmt {
                    kind: StmtKind::ForNext { iter, target, site },
                    span,
                }] => match self.for_next(f, *iter, target, site) {
                    Ok(Flow::Normal) => {
                        if closes_pending() {
                            self.drain_pending_closes();
                        }
                        Step::Next
                    }
                    Ok(_) => Step::Exhausted,
                    Err(e) => return Err(e.locate(*span)),
                },
                _ => self.run_plain(f, before)?,
            };
            if !matches!(step, Step::Next) {
                return Ok(step);
            }
            let Some(stmt) = rest.first() else {
                return Ok(Step::Next);
            };
            match &stmt.kind {
                StmtKind::If { test, then, .. } => {
                    if !self.eval_truth(f, test).map_err(|e| e.locate(stmt.span))? {
                        if closes_pending() {
                            self.drain_pending_closes();
                        }
                        return match shape.tails {
                            true => self.run_tails(f, body, path, level),
                            false => Ok(Step::Next),
                        };
                    }
                    block = then;
                }
                StmtKind::Yield { value, .. } => {
                    let v = match value {
                        Some(e) => self.eval(f, e).map_err(|e| e.locate(stmt.span))?,
                        None => Value::None,
                    };
                    self.ret.store(v);
                    return Ok(Step::Yielded);
                }
                _ => return Ok(Step::Next),
            }
        }
        Ok(Step::Next)
    }

    /// Runs what follows the path's statement in each block of the loop body, from the
    /// block at `level` outwards.
    #[inline(never)]
    fn run_tails(
        &mut self,
        f: &mut Frame,
        body: &[Stmt],
        path: &[u32],
        level: usize,
    ) -> PyResult<Step> {
        for j in (0..=level).rev() {
            let block = path_block(body, path, j);
            let rest = block.get(path[j] as usize + 1..).unwrap_or(&[]);
            let step = self.run_plain(f, rest)?;
            if !matches!(step, Step::Next) {
                return Ok(step);
            }
        }
        Ok(Step::Next)
    }

    /// Runs statements that hold no yield (`exec_block` locates their errors and
    /// closes dropped generators between them).
    #[inline]
    fn run_plain(&mut self, f: &mut Frame, stmts: &[Stmt]) -> PyResult<Step> {
        Ok(match self.exec_block(f, stmts)? {
            Flow::Normal => Step::Next,
            Flow::Exhausted => Step::Exhausted,
            flow => Step::Leave(flow),
        })
    }
}

/// The block at `level` of the path (0: the loop body; then each `If`'s `then`).
fn path_block<'a>(body: &'a [Stmt], path: &[u32], level: usize) -> &'a [Stmt] {
    let mut block = body;
    for &at in &path[..level] {
        match block.get(at as usize).map(|s| &s.kind) {
            Some(StmtKind::If { then, .. }) => block = then,
            _ => return &[],
        }
    }
    block
}

/// The statement the path leads to at `level`.
fn path_stmt<'a>(body: &'a [Stmt], path: &[u32], level: usize) -> Option<&'a Stmt> {
    path_block(body, path, level).get(*path.get(level)? as usize)
}
