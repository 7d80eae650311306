//! `iterp --trace` on every top-level example: the iteration protocol as it happened,
//! each `iter()`, `next()` and generator step under the source line that made it. The
//! snapshot holds the program's stdout, then the trace it wrote to stderr.

use iterp::session::{run_captured, RunOptions};
use std::path::Path;

fn traced(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("example is readable");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("script.py");
    let options = RunOptions {
        trace: true,
        ..RunOptions::default()
    };
    let out = run_captured(name, &text, options);
    format!(
        "exit code: {}\n--- stdout\n{}--- stderr (the trace)\n{}",
        out.exit_code, out.stdout, out.stderr
    )
}

fn check(path: &Path) {
    let name = format!(
        "trace__{}",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("script")
    );
    insta::with_settings!({ snapshot_suffix => "", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, traced(path));
    });
}

#[test]
fn examples_trace_as_their_snapshots() {
    insta::glob!("../examples", "*.py", check);
}

/// Tracing only adds to stderr: the program's own output is the same with and without it.
#[test]
fn tracing_leaves_stdout_alone() {
    let source = "def g():\n    yield 1\n    yield 2\nfor x in g():\n    print(x)\n";
    let plain = run_captured("t.py", source, RunOptions::default());
    let traced = run_captured(
        "t.py",
        source,
        RunOptions {
            trace: true,
            ..RunOptions::default()
        },
    );
    assert_eq!(plain.stdout, traced.stdout);
    assert!(plain.stderr.is_empty());
    for event in [
        "g() called: generator object created",
        "for: iter(<generator object g>) -> generator",
        "next(): generator g starts",
        "g suspended at line 2, yielding 1",
        "for: next(generator g) -> 1",
        "g finished: StopIteration",
        "for: next(generator g) -> StopIteration: the loop ends",
    ] {
        assert!(
            traced.stderr.contains(event),
            "missing {event:?} in\n{}",
            traced.stderr
        );
    }
}
