//! The `iterp` command: arguments, REPL, exit codes; nothing else.
fn main() {}
