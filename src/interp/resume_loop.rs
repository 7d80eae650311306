//! The direct resume of a generator whose only `yield` sits in a simple top-level loop
//! (`Code::loop_yield`, found by `lower/loop_yield.rs`): generator expressions,
//! `for x in it: if c: yield f(x)`, `while i < n: yield i; i += 1`.
//!
//! Owns: running that loop from "just after the yield" to the next yield (or the loop's
//! end) without the resume path: the yield's position is known from the code, so no
//! block pushes or pops its index and no `exec_block` recursion re-enters the nesting.
//! Each statement still runs through `exec_stmt`, tests through `eval_truth`, the yielded
//! value through `eval`, and errors are located at the innermost statement exactly as
//! `exec_block` locates them. The frame's resume path, recorded by the general path at
//! the first suspension, is left as it is: it stays true, since there is one yield.
//! Must not touch: generator states, tracing (the general path runs whenever a trace is
//! on), `throw()` (the general path raises at the yield).

use super::frame::{Flow, Frame};
use super::generator::closes_pending;
use super::Interp;
use crate::lower::ir::{Code, Expr, LoopYield, Stmt, StmtKind};
use crate::lower::loop_yield::MAX_DEPTH;
use crate::runtime::exception::PyResult;
use crate::runtime::value::Value;

/// How running part of the loop body ended.
enum Step {
    /// Reached the end of the body: test (or step) again.
    Next,
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
        let StmtKind::While { test, body, orelse } = &code.body[lp].kind else {
            return Ok(Flow::Normal);
        };
        let path = shape.path.as_slice();
        let depth = path.len().min(MAX_DEPTH);
        // The blocks on the way to the yield: `blocks[0]` is the loop body.
        let mut blocks: [&[Stmt]; MAX_DEPTH] = [&[]; MAX_DEPTH];
        blocks[0] = body;
        for j in 1..depth {
            if let Some(Stmt {
                kind: StmtKind::If { then, .. },
                ..
            }) = blocks[j - 1].get(path[j - 1] as usize)
            {
                blocks[j] = then;
            }
        }
        let blocks = &blocks[..depth];
        // Complete the yield, then the blocks it was in.
        let last = depth - 1;
        if let Some(Stmt {
            kind: StmtKind::Yield {
                target: Some(t), ..
            },
            span,
        }) = blocks[last].get(path[last] as usize)
        {
            self.assign(f, t, sent).map_err(|e| e.locate(*span))?;
        } else {
            drop(sent);
        }
        if closes_pending() {
            self.drain_pending_closes();
        }
        let mut step = self.finish_blocks(f, blocks, path, last)?;
        loop {
            match step {
                Step::Next => {}
                Step::Exhausted => break,
                Step::Leave(Flow::Break) => {
                    if closes_pending() {
                        self.drain_pending_closes();
                    }
                    return self.exec_block(f, &code.body[lp + 1..]);
                }
                Step::Leave(Flow::Continue) => {}
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
            step = match self.descend(f, blocks, path)? {
                Some(step) => step,
                None => return Ok(Flow::Yield),
            };
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

    /// Runs the loop body from its start to the yield; `None` once it yielded (the value
    /// in `Interp::ret`), else how the body ended before reaching it.
    fn descend(
        &mut self,
        f: &mut Frame,
        blocks: &[&[Stmt]],
        path: &[u32],
    ) -> PyResult<Option<Step>> {
        for (level, (&block, &at)) in blocks.iter().zip(path).enumerate() {
            let at = at as usize;
            let step = self.run_plain(f, &block[..at])?;
            if !matches!(step, Step::Next) {
                return Ok(Some(step));
            }
            let Some(stmt) = block.get(at) else {
                return Ok(Some(Step::Next));
            };
            match &stmt.kind {
                StmtKind::If { test, .. } => {
                    if !self.eval_truth(f, test).map_err(|e| e.locate(stmt.span))? {
                        if closes_pending() {
                            self.drain_pending_closes();
                        }
                        return self.finish_blocks(f, blocks, path, level).map(Some);
                    }
                }
                StmtKind::Yield { value, .. } => {
                    self.ret = self.yielded(f, value.as_ref(), stmt)?;
                    return Ok(None);
                }
                _ => return Ok(Some(Step::Next)),
            }
        }
        Ok(Some(Step::Next))
    }

    #[inline]
    fn yielded(&mut self, f: &mut Frame, value: Option<&Expr>, stmt: &Stmt) -> PyResult<Value> {
        match value {
            Some(e) => self.eval(f, e).map_err(|e| e.locate(stmt.span)),
            None => Ok(Value::None),
        }
    }

    /// Runs what follows the path's statement in each block, from `level` outwards.
    fn finish_blocks(
        &mut self,
        f: &mut Frame,
        blocks: &[&[Stmt]],
        path: &[u32],
        level: usize,
    ) -> PyResult<Step> {
        for j in (0..=level).rev() {
            let rest = blocks[j].get(path[j] as usize + 1..).unwrap_or(&[]);
            let step = self.run_plain(f, rest)?;
            if !matches!(step, Step::Next) {
                return Ok(step);
            }
        }
        Ok(Step::Next)
    }

    /// Runs statements that hold no yield, as `exec_block` would.
    #[inline]
    fn run_plain(&mut self, f: &mut Frame, stmts: &[Stmt]) -> PyResult<Step> {
        for stmt in stmts {
            match self.exec_stmt(f, stmt) {
                Ok(Flow::Normal) => {}
                Ok(Flow::Exhausted) => return Ok(Step::Exhausted),
                Ok(flow) => return Ok(Step::Leave(flow)),
                Err(e) => return Err(e.locate(stmt.span)),
            }
            if closes_pending() {
                self.drain_pending_closes();
            }
        }
        Ok(Step::Next)
    }
}
