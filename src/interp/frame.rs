//! Frames and the control-flow signals statements return.
//!
//! Owns: `Frame` (a running code object's slots and generator bookkeeping), `Flow` (how a
//! statement finished), `Pending` (what a `finally` block must resume afterwards) and
//! `ResumeInput` (what a resumed `yield` receives).
//! Must not touch: executing statements (that is `exec.rs`).

use crate::lower::ir::Code;
use crate::runtime::class::AttrTable;
use crate::runtime::exception::Exc;
use crate::runtime::value::Value;
use std::rc::Rc;

/// How a statement (or block) finished, when it did not raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Normal,
    Break,
    Continue,
    /// `return`: the value is in `Frame::ret`.
    Return,
    /// A generator suspended: the yielded value is in `Frame::ret`, and every enclosing
    /// block has pushed its position onto `Frame::path`.
    Yield,
    /// A lowered `for` found its iterator exhausted: the enclosing `While` ends and runs
    /// its `else`.
    Exhausted,
}

/// What a `finally` block resumes once it completes normally.
pub enum Pending {
    Flow(Flow),
    Return(Value),
    Raise(Exc),
}

/// What the `yield` a generator is resumed at evaluates to (or raises).
pub enum ResumeInput {
    Send(Value),
    Throw(Exc),
}

pub struct Frame {
    pub code: Rc<Code>,
    pub slots: Vec<Value>,
    /// The namespace of a class body being executed.
    pub namespace: Option<AttrTable>,
    /// The returned or yielded value.
    pub ret: Value,
    /// Generator resume path: statement indexes and branch markers, innermost first.
    pub path: Vec<u32>,
    /// True while re-entering a suspended generator along `path`.
    pub resuming: bool,
    pub resume_input: Option<ResumeInput>,
    /// Outcomes that `finally` blocks being run will resume (innermost last).
    pub pending: Vec<Pending>,
    /// How many entries of the interpreter's handled-exception stack belong to this frame.
    pub handled: u32,
    /// This frame's handled exceptions while it is suspended (generators only).
    pub saved_handled: Vec<Exc>,
}

impl Frame {
    pub fn new(code: Rc<Code>, slots: Vec<Value>) -> Frame {
        Frame {
            code,
            slots,
            namespace: None,
            ret: Value::None,
            path: Vec::new(),
            resuming: false,
            resume_input: None,
            pending: Vec::new(),
            handled: 0,
            saved_handled: Vec::new(),
        }
    }
}
