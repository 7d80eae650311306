//! `iterp --desugar` on every top-level example: the lowered program a learner reads,
//! each `for` as `iter()` / `while True` / `try: next()` / `except StopIteration: break`,
//! comprehensions as the functions they became. The snapshot is the printed program.

mod common;

use iterp::session::{run_captured, Mode, RunOptions};
use std::path::Path;

fn desugared(path: &Path) -> String {
    let options = RunOptions {
        mode: Mode::Desugar,
        ..RunOptions::default()
    };
    let out = common::run_file(path, options);
    let name = common::file_name(path);
    assert_eq!(out.exit_code, 0, "{name} lowers: {}", out.stderr);
    out.stdout
}

fn check(path: &Path) {
    let name = format!("desugar__{}", common::file_name(path));
    assert_named_snapshot!(name, desugared(path));
}

#[test]
fn examples_desugar_as_their_snapshots() {
    insta::glob!("../examples", "*.py", check);
}

/// The one shape every `for` takes, checked by its lines rather than a snapshot.
#[test]
fn a_for_loop_becomes_iter_then_next_until_stop_iteration() {
    let out = run_captured(
        "for.py",
        "xs = [1, 2]\nfor x in xs:\n    print(x)\n",
        RunOptions {
            mode: Mode::Desugar,
            ..RunOptions::default()
        },
    );
    let text = out.stdout;
    let iter_at = text.find("= iter(xs)").expect("iter() call");
    let while_at = text.find("while True:").expect("while loop");
    let next_at = text.find("= next(").expect("next() call");
    let stop_at = text.find("except StopIteration:").expect("handler");
    let break_at = text.find("break").expect("break");
    assert!(iter_at < while_at && while_at < next_at && next_at < stop_at && stop_at < break_at);
}
