//! The interactive prompt: line editing and history, `...` continuation for blocks,
//! expression values echoed with their repr, errors shown without leaving.
//!
//! Owns: reading inputs and deciding when one is complete.
//! Must not touch: running them (that is `session.rs`).

use crate::session::RunOptions;

/// Runs the REPL until end of input; returns the exit status.
pub fn run(options: RunOptions) -> i32 {
    let _ = options;
    eprintln!("iterp: the interactive prompt is not available yet; pass a FILE or -c CODE");
    2
}
