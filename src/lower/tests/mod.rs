//! Lowering tests, one file per desugaring. Most print the lowered program with the
//! desugar printer and compare it with the expected text, so they double as examples of
//! what each construct becomes.

mod assignments;
mod comprehensions;
mod errors;
mod for_loops;
mod functions;
mod scopes;
mod statements;
mod with_stmt;
mod yields;
