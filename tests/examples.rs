//! Every script in `examples/` and `tests/scripts/` run through the library, its stdout,
//! stderr and exit code snapshotted. Each script's first comment says what it shows; the
//! snapshot is what a user sees. Review changes with `cargo insta review`.
//!
//! Snapshots are named by the script's path under its folder (`errors__next_on_list.py`),
//! so adding a folder never renames the others.

mod common;

use iterp::session::RunOptions;
use std::path::Path;

fn transcript(path: &Path) -> String {
    let out = common::run_file(path, RunOptions::default());
    format!(
        "exit code: {}\n--- stdout\n{}--- stderr\n{}",
        out.exit_code, out.stdout, out.stderr
    )
}

/// The snapshot name of a script: its path from the crate root, folders joined by `__`
/// (`examples__errors__next_on_list.py`).
fn snapshot_name(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .iter()
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join("__")
}

fn check(path: &Path) {
    let name = snapshot_name(path);
    assert_named_snapshot!(name, transcript(path));
}

#[test]
fn examples_match_their_snapshots() {
    insta::glob!("../examples", "**/*.py", check);
}

#[test]
fn scripts_match_their_snapshots() {
    insta::glob!("scripts", "**/*.py", check);
}
