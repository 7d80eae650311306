//! `iterp --trace` on every top-level example and on the scripts in
//! `tests/scripts/trace/`: the iteration protocol as it happened, each `iter()`, `next()`
//! and generator step under the source line that made it, labelled with who took it. The
//! snapshot holds the program's stdout, then the trace it wrote to stderr.

mod common;

use iterp::session::{run_captured, RunOptions};
use std::path::Path;

fn traced(path: &Path) -> String {
    let options = RunOptions {
        trace: true,
        ..RunOptions::default()
    };
    let out = common::run_file(path, options);
    format!(
        "exit code: {}\n--- stdout\n{}--- stderr (the trace)\n{}",
        out.exit_code, out.stdout, out.stderr
    )
}

/// Snapshots `path`'s trace as `trace__{prefix}{file name}`.
fn check(prefix: &str, path: &Path) {
    let name = format!("trace__{prefix}{}", common::file_name(path));
    assert_named_snapshot!(name, traced(path));
}

#[test]
fn examples_trace_as_their_snapshots() {
    insta::glob!("../examples", "*.py", |path| check("", path));
}

/// Scripts that each show one part of the trace: built-ins and constructs driving the
/// protocol, `yield from` forwarding `send()`/`throw()`, how generators end, and values
/// shown without addresses or user code.
#[test]
fn trace_scripts_trace_as_their_snapshots() {
    insta::glob!("scripts/trace", "*.py", |path| check("scripts__", path));
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
        "line 4  | for x in g():",
        "g() called: generator object created",
        "for: iter(<generator object g>) -> generator",
        "for: next() starts generator g",
        "  line 2  | yield 1",
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

/// The `iterp` binary, with `--trace` and the program given by `-c` or on stdin: the
/// program's output on stdout, the trace on stderr.
fn run_binary(args: &[&str], stdin: &str) -> (String, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_iterp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("iterp starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("program written to stdin");
    let out = child.wait_with_output().expect("iterp ends");
    assert_eq!(out.status.code(), Some(0));
    (
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

const ONE_LINER: &str = "for c in 'ab': print(c)";

const ONE_LINER_TRACE: &str = "\
line 1  | for c in 'ab': print(c)
        |   for: iter('ab') -> str_ascii_iterator
        |   for: next(str_ascii_iterator) -> 'a'
        |   for: next(str_ascii_iterator) -> 'b'
        |   for: next(str_ascii_iterator) -> StopIteration: the loop ends
";

/// `iterp --trace -c CODE` traces the program given as a string.
#[test]
fn trace_of_a_program_given_with_c() {
    let (stdout, stderr) = run_binary(&["--trace", "-c", ONE_LINER], "");
    assert_eq!(stdout, "a\nb\n");
    assert_eq!(stderr, ONE_LINER_TRACE);
}

/// `iterp --trace` with no file traces the program read from standard input.
#[test]
fn trace_of_a_program_read_from_stdin() {
    let (stdout, stderr) = run_binary(&["--trace"], ONE_LINER);
    assert_eq!(stdout, "a\nb\n");
    assert_eq!(stderr, ONE_LINER_TRACE);
}

/// The README's `--trace` example is real: its program, traced, gives the trace shown.
#[test]
fn readme_trace_example_is_what_iterp_prints() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README is readable");
    let section = &readme[readme.find("### `--trace`").expect("a --trace section")..];
    let block = |fence: &str| -> &str {
        let start = section.find(fence).expect("the fenced block") + fence.len();
        let len = section[start..].find("```").expect("the block's end");
        &section[start..start + len]
    };
    let program = block("```python\n");
    let shown = block("```text\n");
    let out = run_captured(
        "count.py",
        program,
        RunOptions {
            trace: true,
            ..RunOptions::default()
        },
    );
    assert_eq!(out.stdout, "1\n2\n");
    assert_eq!(out.stderr, shown);
}
