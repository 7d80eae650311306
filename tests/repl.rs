//! The interactive prompt, driven through a real pseudo-terminal (rexpect), as a person
//! at a terminal would use it: prompts, blocks, echoed values, errors that do not end
//! the session, line editing and history, Ctrl-C and Ctrl-D.
//!
//! Each test starts `iterp` with no arguments on a pty and waits for what it prints.
//! Timeouts are generous: the machine running the tests may be busy.

use rexpect::process::wait::WaitStatus;
use rexpect::session::{spawn_command, PtySession};
use std::process::Command;

/// Long enough for a loaded machine; a passing test never waits this long.
const TIMEOUT_MS: u64 = 60_000;

/// Starts the REPL with a private history file (or none).
fn start(history: Option<&std::path::Path>) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_iterp"));
    cmd.env(
        "ITERP_HISTORY",
        history.map(|p| p.as_os_str()).unwrap_or_default(),
    );
    cmd.env("TERM", "xterm");
    cmd.env_remove("NO_COLOR");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("iterp starts on a pty");
    p.exp_string("iterp ").expect("banner");
    p.exp_string(">>> ").expect("first prompt");
    p
}

/// Sends a line and waits for `output` (empty: none), then for the prompt `prompt`.
/// Prompts and output are matched separately: the line editor writes terminal control
/// sequences around its prompt.
/// Returns what came between the output and the prompt.
fn says(p: &mut PtySession, line: &str, output: &str, prompt: &str) -> String {
    p.send_line(line).expect("send");
    if !output.is_empty() {
        if let Err(e) = p.exp_string(output) {
            panic!("after {line:?}, expected {output:?}: {e}");
        }
    }
    match p.exp_string(prompt) {
        Ok(rest) => rest,
        Err(e) => panic!("after {line:?}, expected the prompt {prompt:?}: {e}"),
    }
}

/// A line that completes an input: its output, then `>>> `.
fn runs(p: &mut PtySession, line: &str, output: &str) -> String {
    says(p, line, output, ">>> ")
}

/// A line that leaves the input open: `... `.
fn continues(p: &mut PtySession, line: &str) {
    says(p, line, "", "... ");
}

/// Types keys (no newline added).
fn keys(p: &mut PtySession, keys: &str) {
    p.send(keys).expect("send keys");
    p.flush().expect("flush keys");
}

fn exits_with(p: &mut PtySession, code: i32) {
    p.exp_eof().expect("the REPL ends");
    match p.process().wait() {
        Ok(WaitStatus::Exited(_, c)) => assert_eq!(c, code),
        other => panic!("unexpected end: {other:?}"),
    }
}

#[test]
fn expressions_echo_their_repr_and_state_persists() {
    let mut p = start(None);
    runs(&mut p, "xs = [1, 'two', (3,)]", "");
    runs(&mut p, "xs", "[1, 'two', (3,)]\r\n");
    // None is not echoed; `_` is the last echoed value.
    let shown = runs(&mut p, "None", "");
    assert!(!shown.contains("\r\nNone"), "None was echoed: {shown:?}");
    runs(&mut p, "len(_)", "3\r\n");
    runs(&mut p, "it = iter(xs)", "");
    runs(&mut p, "next(it); next(it)", "1\r\n'two'\r\n");
    p.send_control('d').expect("ctrl-d");
    exits_with(&mut p, 0);
}

#[test]
fn blocks_continue_with_dots_until_a_blank_line() {
    let mut p = start(None);
    continues(&mut p, "def countdown(n):");
    continues(&mut p, "    while n > 0:");
    continues(&mut p, "        yield n");
    continues(&mut p, "        n -= 1");
    runs(&mut p, "", "");
    continues(&mut p, "for x in countdown(2): x");
    runs(&mut p, "", "2\r\n1\r\n");
    runs(&mut p, "list(countdown(3))", "[3, 2, 1]\r\n");
    // An open bracket continues too.
    continues(&mut p, "total = sum([1,");
    runs(&mut p, "  2])", "");
    runs(&mut p, "total", "3\r\n");
    p.send_line("exit()").expect("send");
    exits_with(&mut p, 0);
}

#[test]
fn an_error_is_a_diagnostic_and_the_session_goes_on() {
    let mut p = start(None);
    runs(&mut p, "xs = [1, 2]", "");
    p.send_line("next(xs)").expect("send");
    p.exp_string("Traceback (most recent call last):")
        .expect("the report");
    p.exp_string("TypeError: 'list' object is not an iterator")
        .expect("CPython's last line");
    p.exp_string(">>> ").expect("the prompt again");
    runs(&mut p, "1 +", "SyntaxError: invalid syntax");
    runs(&mut p, "next(iter(xs))", "1\r\n");
    p.send_line("raise SystemExit(3)").expect("send");
    exits_with(&mut p, 3);
}

#[test]
fn ctrl_c_cancels_the_input_and_ctrl_d_leaves() {
    let mut p = start(None);
    continues(&mut p, "if True:");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("KeyboardInterrupt").expect("interrupted");
    p.exp_string(">>> ").expect("a fresh prompt");
    runs(&mut p, "'still here'", "'still here'\r\n");
    p.send_control('d').expect("ctrl-d");
    exits_with(&mut p, 0);
}

#[test]
fn lines_can_be_edited_and_history_is_kept() {
    let dir = std::env::temp_dir().join(format!("iterp-repl-history-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let history = dir.join("history");
    let _ = std::fs::remove_file(&history);

    let mut p = start(Some(&history));
    // Type `prin(6 * 7)`, move left to after `prin`, insert the missing `t`.
    keys(&mut p, "prin(6 * 7)");
    keys(&mut p, &"\x1b[D".repeat(7));
    keys(&mut p, "t\r");
    p.exp_string("42\r\n").expect("the edited line ran");
    p.exp_string(">>> ").expect("prompt");
    // Up arrow recalls the previous line.
    keys(&mut p, "\x1b[A\r");
    p.exp_string("42\r\n").expect("the recalled line ran");
    p.exp_string(">>> ").expect("prompt");
    p.send_control('d').expect("ctrl-d");
    exits_with(&mut p, 0);

    // The next session starts with that history.
    let saved = std::fs::read_to_string(&history).unwrap_or_default();
    assert!(saved.contains("print(6 * 7)"), "history file: {saved:?}");
    let mut p = start(Some(&history));
    keys(&mut p, "\x1b[A\r");
    p.exp_string("42\r\n")
        .expect("history from the last session");
    // Wait for the prompt: a Ctrl-D typed while the terminal is between lines (cooked
    // mode) is consumed by the tty itself and never reaches the line editor.
    p.exp_string(">>> ").expect("prompt");
    p.send_control('d').expect("ctrl-d");
    exits_with(&mut p, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn other_modes_ignore_a_terminal_on_stdin() {
    let dir = std::env::temp_dir().join(format!("iterp-repl-modes-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let script = dir.join("script.py");
    std::fs::write(&script, "print('from a file')\n").expect("write script");

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_iterp"));
    cmd.arg(&script);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn");
    p.exp_string("from a file").expect("runs the file");
    exits_with(&mut p, 0);

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_iterp"));
    cmd.args(["-c", "print('from -c')"]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn");
    p.exp_string("from -c").expect("runs the command");
    exits_with(&mut p, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_piped_program_runs_without_a_prompt() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_iterp"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"print(1)\n1 + 1\n")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(out.status.success());
}
