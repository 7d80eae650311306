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
///
/// A whole word, so that `PyResult<Flow>` is a tag and one word-sized payload (the flow
/// or the exception's pointer), which Rust returns in two registers; with a one-byte
/// `Flow` every statement's result went through memory (docs/performance.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Flow {
    Normal,
    Break,
    Continue,
    /// `return`: the value is in `Interp::ret`.
    Return,
    /// A generator suspended: the yielded value is in `Interp::ret`, and every enclosing
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

/// Resume-path entries kept inline in the frame; deeper paths continue in `RareState`.
const PATH_INLINE: usize = 7;

/// `Frame::delegating` when the frame is not suspended in a `yield from`.
const NOT_DELEGATING: u32 = u32::MAX;

/// A running (or suspended) code object's locals and generator bookkeeping.
///
/// Kept small because every suspended generator holds one: what a `return` or `yield`
/// hands over and how a resumed `yield` is re-entered live in the interpreter instead
/// (`Interp::ret`, `Interp::resuming`), since only the running frame ever needs them.
pub struct Frame {
    pub code: Rc<Code>,
    pub slots: Vec<Value>,
    /// Generator resume path: statement indexes and branch markers, innermost first,
    /// pushed as a `Flow::Yield` unwinds and popped on resumption. The first
    /// `PATH_INLINE` entries live here (a `for` with an `if` inside needs 5), so a
    /// suspended generator needs no allocation for its path.
    path: [u32; PATH_INLINE],
    path_len: u32,
    /// How many entries of the interpreter's handled-exception stack belong to this frame.
    pub handled: u32,
    /// While suspended inside a `yield from`: the slot holding its sub-iterator
    /// (`NOT_DELEGATING` otherwise), so resuming passes the step straight on to it
    /// without reading the resume path.
    delegating: u32,
    /// What few frames need (a class body's namespace, `finally` outcomes, exceptions
    /// handled while suspended), allocated on first use.
    rare: Option<Box<RareState>>,
}

#[derive(Default)]
struct RareState {
    /// The namespace of a class body being executed.
    namespace: Option<AttrTable>,
    /// Outcomes that `finally` blocks being run will resume (innermost last).
    pending: Vec<Pending>,
    /// This frame's handled exceptions while it is suspended (generators only).
    saved_handled: Vec<Exc>,
    /// Resume-path entries past the inline ones (outermost last).
    deep_path: Vec<u32>,
}

impl Frame {
    pub fn new(code: Rc<Code>, slots: Vec<Value>) -> Frame {
        Frame {
            code,
            slots,
            path: [0; PATH_INLINE],
            path_len: 0,
            handled: 0,
            delegating: NOT_DELEGATING,
            rare: None,
        }
    }

    /// Records that the frame suspends inside a `yield from` whose sub-iterator is in
    /// slot `sub`.
    #[inline]
    pub fn set_delegating(&mut self, sub: u32) {
        self.delegating = sub;
    }

    /// The sub-iterator slot of the `yield from` the frame suspended in, if it did;
    /// cleared, since every resumption either suspends there again (and records it
    /// again) or moves on.
    #[inline]
    pub fn take_delegating(&mut self) -> Option<u32> {
        let sub = std::mem::replace(&mut self.delegating, NOT_DELEGATING);
        (sub != NOT_DELEGATING).then_some(sub)
    }

    /// Records one level of where a generator suspended (on the way out of a `yield`).
    #[inline]
    pub fn push_path(&mut self, entry: u32) {
        let n = self.path_len as usize;
        if n < PATH_INLINE {
            self.path[n] = entry;
        } else {
            self.rare_mut().deep_path.push(entry);
        }
        self.path_len += 1;
    }

    /// Takes the outermost remaining level of the resume path (on the way back in).
    #[inline]
    pub fn pop_path(&mut self) -> Option<u32> {
        let n = self.path_len.checked_sub(1)?;
        self.path_len = n;
        if (n as usize) < PATH_INLINE {
            Some(self.path[n as usize])
        } else {
            self.rare.as_mut()?.deep_path.pop()
        }
    }

    fn rare_mut(&mut self) -> &mut RareState {
        self.rare.get_or_insert_with(Box::default)
    }

    /// The namespace of a class body being executed.
    #[inline]
    pub fn namespace(&self) -> Option<&AttrTable> {
        self.rare.as_ref()?.namespace.as_ref()
    }

    #[inline]
    pub fn namespace_mut(&mut self) -> Option<&mut AttrTable> {
        self.rare.as_mut()?.namespace.as_mut()
    }

    pub fn set_namespace(&mut self, namespace: AttrTable) {
        self.rare_mut().namespace = Some(namespace);
    }

    pub fn take_namespace(&mut self) -> Option<AttrTable> {
        self.rare.as_mut()?.namespace.take()
    }

    /// Records what a `finally` block resumes once it completes.
    pub fn push_pending(&mut self, p: Pending) {
        self.rare_mut().pending.push(p);
    }

    pub fn pop_pending(&mut self) -> Option<Pending> {
        self.rare.as_mut()?.pending.pop()
    }

    /// Keeps this frame's handled exceptions while it is suspended.
    pub fn save_handled(&mut self, handled: Vec<Exc>) {
        if handled.is_empty() && self.rare.is_none() {
            return;
        }
        self.rare_mut().saved_handled = handled;
    }

    /// Moves the handled exceptions saved at suspension onto `stack`.
    pub fn restore_handled(&mut self, stack: &mut Vec<Exc>) {
        if let Some(rare) = self.rare.as_mut() {
            stack.append(&mut rare.saved_handled);
        }
    }

    /// Drops the locals and bookkeeping of a finished generator, keeping the code.
    pub fn clear(&mut self) -> Vec<Value> {
        self.path_len = 0;
        self.handled = 0;
        self.delegating = NOT_DELEGATING;
        self.rare = None;
        std::mem::take(&mut self.slots)
    }
}
