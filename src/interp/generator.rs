//! Generators: suspended frames resumed by `next()`, `send()`, `throw()` and `close()`.
//!
//! Owns: the generator object, its state machine, and resuming its frame along the
//! saved resume path.
//! Must not touch: how statements execute (that is `exec.rs`; resuming re-enters it).

use crate::lower::ir::Code;
use std::rc::Rc;

pub struct Generator {
    pub code: Rc<Code>,
}
